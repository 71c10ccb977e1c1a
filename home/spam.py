"""Bot defences shared by every public form: a honeypot and a minimum fill time."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

SALT = "home.spam.form-shown-at"


class SpamProtectedForm(forms.Form):
    """Adds a hidden honeypot and a signed time at which the form was shown.

    People do not see the honeypot and take a few seconds to fill a form;
    simple bots fill every field and post at once. Subclasses may change
    ``min_seconds``.
    """

    min_seconds = 3
    max_age_seconds = 60 * 60 * 12

    # Named like a real field so bots fill it; hidden from people by CSS.
    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # Disabled, so every rendering carries a fresh token; clean() reads the
    # submitted one from the raw data.
    shown_at = forms.CharField(widget=forms.HiddenInput, disabled=True, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown_at"].initial = signing.dumps(time.time(), salt=SALT)
        self.automated = False

    def clean(self):
        cleaned = super().clean()
        token = self.data.get(self.add_prefix("shown_at"), "")
        try:
            shown_at = signing.loads(token, salt=SALT, max_age=self.max_age_seconds)
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _(
                    "This form was open for a long time. Please check it and send it "
                    "again."
                ),
                code="stale",
            ) from None
        except signing.BadSignature:
            shown_at = time.time()
        if cleaned.get("homepage") or time.time() - shown_at < self.min_seconds:
            self.automated = True
            raise forms.ValidationError(
                _(
                    "Sorry, we could not accept that. Please wait a moment and send "
                    "it again."
                ),
                code="automated",
            )
        return cleaned
