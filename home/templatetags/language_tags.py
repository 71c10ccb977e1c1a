"""Mark what a page shows in another language than its own."""

from django import template
from django.utils.html import format_html

from wagtail.models import TranslatableMixin

from home.languages import content_language

register = template.Library()


@register.filter
def lang_attr(obj: TranslatableMixin | None) -> str:
    """` lang="en"` when ``obj`` is not in the language being read, else "".

    For a card or a menu item that falls back to the English page inside a
    French page, so screen readers switch voice (WCAG 3.1.2). Expects the
    object's locale selected with it, or costs one query.
    """
    locale = getattr(obj, "locale", None)
    if locale is None or locale.language_code == content_language():
        return ""
    return format_html(' lang="{}"', locale.language_code)
