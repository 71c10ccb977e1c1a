"""The "Was this helpful?" form at the end of each guide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.spam import SpamProtectedForm


class GuideFeedbackForm(SpamProtectedForm):
    # Answering a yes/no question can take a reader only a moment.
    min_seconds = 2

    helpful = forms.TypedChoiceField(
        label=_("Was this guide helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("What could make it more useful? (optional)"),
        help_text=_(
            "Please do not include names, emails or other personal "
            "details. 500 characters at most."
        ),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
