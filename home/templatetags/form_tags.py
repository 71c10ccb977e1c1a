"""Lines of the error summary every public form shows above itself
(templates/components/forms/error_summary.html, GOV.UK's pattern)."""

from django import forms, template
from django.utils.translation import pgettext

register = template.Library()

SENTENCE_ENDS = (".", "?", "!", ":")


@register.filter
def summary_line(field: forms.BoundField, error: str) -> str:
    """What the summary says for ``error`` on ``field``.

    A label that is a statement (a consent, four lines in French) is left out
    before an error of the form's own, which says what to do; Django's bare
    "This field is required." says nothing alone, so it keeps the label. A
    label that ends a sentence is never followed by a colon.
    """
    label = str(field.label)
    bare = str(forms.Field.default_error_messages["required"])
    if label.endswith(".") and error != bare:
        return error
    if label.endswith(SENTENCE_ENDS):
        return f"{label} {error}"
    return pgettext(
        "error summary: a field's label, then its error", "%(label)s: %(error)s"
    ) % {"label": label, "error": error}
