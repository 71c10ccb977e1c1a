"""How the site's own public forms render their fields."""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Render ``{{ field.as_field_group }}`` with the site's accessible markup.

    Label, "(optional)", help, the error beside the field and the widget, tied
    together with ``aria-describedby``. Set on public forms only, so Wagtail's
    admin keeps its own rendering.
    """

    field_template_name = "components/forms/field.html"
