"""Bot defences shared by every public form: a honeypot and a minimum fill time."""

import time

from django import forms
from django.core import signing
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import page_cache
from .forms import SiteFormRenderer

SALT = "home.spam.form-shown-at"


def signed_now(request: HttpRequest | None = None) -> str:
    """The signed time at which a form is shown."""
    return signing.dumps(time.time(), salt=SALT)


class FreshTokenField(forms.CharField):
    """A hidden field that renders its initial value even on a bound form.

    The form sets that value: a new signed time, or after an error the time
    the form was first shown (``SpamProtectedForm.clean``).
    """

    widget = forms.HiddenInput

    def bound_data(self, data, initial):
        return initial


class SpamProtectedForm(forms.Form):
    """Adds a hidden honeypot and a signed time at which the form was shown.

    People do not see the honeypot and take a few seconds to fill a form;
    simple bots fill every field and post at once. Subclasses may change
    ``min_seconds``.
    """

    default_renderer = SiteFormRenderer()
    min_seconds = 3
    max_age_seconds = 60 * 60 * 12

    # Named like a real field so bots fill it; hidden from people by CSS.
    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown_at = FreshTokenField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A cached page gets each visitor's own time (home.page_cache).
        self.fields["shown_at"].initial = page_cache.per_visitor("shown_at", signed_now)
        self.automated = False

    def clean(self):
        cleaned = super().clean()
        token = self.data.get(self.add_prefix("shown_at"), "")
        try:
            age = time.time() - float(signing.loads(token, salt=SALT))
        except (signing.BadSignature, TypeError, ValueError):
            age = 0.0
        if age > self.max_age_seconds:
            raise forms.ValidationError(
                _(
                    "This form was open for a long time. Please check it and send it "
                    "again."
                ),
                code="stale",
            )
        if cleaned.get("homepage") or age < self.min_seconds:
            self.automated = True
        else:
            # The minimum time is for the first sending only: if the form is
            # shown again with errors, it keeps the time it was first shown,
            # so a quick correction is accepted.
            self.fields["shown_at"].initial = token
        if self.automated:
            raise forms.ValidationError(
                _(
                    "Sorry, we could not accept that. Please wait a moment and send "
                    "it again."
                ),
                code="automated",
            )
        return cleaned
