"""Lines of the error summary every public form shows above itself
(templates/components/forms/error_summary.html, GOV.UK's pattern)."""

from django import forms, template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

register = template.Library()

SENTENCE_ENDS = (".", "?", "!", ":")


@register.filter
def summary_line(field: forms.BoundField, error: str) -> SafeString:
    """What the summary says for ``error`` on ``field``.

    A label that is a statement (a consent, four lines in French) is left out
    before an error of the form's own, which says what to do; Django's bare
    "This field is required." says nothing alone, so it keeps the label. A
    label that ends a sentence is never followed by a colon.
    """
    text = str(field.label)
    # Escaped as the template would, keeping a label or error already safe.
    label, message = conditional_escape(field.label), conditional_escape(error)
    bare = str(forms.Field.default_error_messages["required"])
    if text.endswith(".") and str(error) != bare:
        return message
    if text.endswith(SENTENCE_ENDS):
        return mark_safe(f"{label} {message}")
    line = pgettext(
        "error summary: a field's label, then its error", "%(label)s: %(error)s"
    )
    return mark_safe(line % {"label": label, "error": message})
