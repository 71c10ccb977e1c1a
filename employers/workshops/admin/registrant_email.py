"""Event coordinators email a workshop's registrants: write, preview, send.

Sending needs the preview: the preview signs what was shown (workshop, groups,
subject, message, sender) with a one-time key, and "Send" only accepts that
exact content with that key. The key is unique in the log, so a double click
or a resubmitted form sends nothing twice.
"""

import hashlib
import json
import secrets

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from employers.workshops.models import (
    RecipientGroup,
    RegistrantEmail,
    WorkshopPage,
    event_of,
)
from employers.workshops.services import registrant_email as service
from home.admin.forbidden import forbidden

EMAIL_PERMISSION = "workshops.email_registrants"
PREVIEW_SALT = "workshops.registrant-email.preview"
PREVIEW_MAX_AGE = 60 * 60  # seconds a preview stays good for sending
HISTORY_LENGTH = 50


def can_email_registrants(user) -> bool:
    return user.has_perm(EMAIL_PERMISSION) and user.has_perm(
        "workshops.view_registration"
    )


class RegistrantEmailForm(forms.Form):
    groups = forms.MultipleChoiceField(
        label=_("Send to"),
        choices=RecipientGroup.choices,
        initial=[RecipientGroup.CONFIRMED],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cancelled registrations never receive it."),
        error_messages={"required": _("Choose at least one group of people.")},
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Plain text. Each person's email starts with “Hello” and their name, "
            "and ends with the workshop details and the link to their own "
            "registration, where they can cancel."
        ),
    )

    def clean_subject(self):
        subject = self.cleaned_data["subject"]
        if "\n" in subject or "\r" in subject:
            raise forms.ValidationError(_("Write the subject on one line."))
        return subject

    def clean_body(self):
        # Browsers send CRLF from a textarea; one form keeps previews comparable.
        return self.cleaned_data["body"].replace("\r\n", "\n").strip()


def _fingerprint(workshop: WorkshopPage, user, data: dict) -> str:
    content = [workshop.pk, user.pk, sorted(data["groups"]), data["subject"]]
    content.append(data["body"])
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def sign_preview(workshop: WorkshopPage, user, data: dict) -> str:
    """A token that lets exactly this content be sent once, by this user."""
    payload = {
        "key": secrets.token_urlsafe(24),
        "content": _fingerprint(workshop, user, data),
    }
    return signing.dumps(payload, salt=PREVIEW_SALT)


def previewed_key(token: str, workshop: WorkshopPage, user, data: dict) -> str | None:
    """The preview's one-time key, if ``token`` previewed this very content."""
    try:
        payload = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        return None
    if payload.get("content") != _fingerprint(workshop, user, data):
        return None
    return payload.get("key")


class RegistrantEmailView(WagtailAdminTemplateMixin, View):
    template_name = "workshops/admin/registrant_email.html"
    page_title = _("Email registrants")
    header_icon = "mail"

    def dispatch(self, request, workshop_id: int):
        if not can_email_registrants(request.user):
            return forbidden(request)
        # One event in every language: a translation's id opens its event.
        self.workshop = event_of(workshop_id)
        if self.workshop is None:
            raise Http404
        return super().dispatch(request, workshop_id)

    def get_page_subtitle(self):
        return self.workshop.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("workshop_overview"), "label": _("Workshop registrations")},
            {
                "url": "",
                "label": self.get_page_title(),
                "sublabel": self.get_page_subtitle(),
            },
        ]

    def get(self, request, workshop_id: int):
        return self.render(RegistrantEmailForm())

    def post(self, request, workshop_id: int):
        form = RegistrantEmailForm(request.POST)
        action = request.POST.get("action")
        if action == "edit" or not form.is_valid():
            return self.render(form)
        if action == "send":
            return self.send(form)
        return self.preview(form)

    def preview(self, form: RegistrantEmailForm):
        data = form.cleaned_data
        people = service.recipients(self.workshop, data["groups"])
        first = people.first()
        preview = None
        if first is not None:
            first.workshop = self.workshop
            preview = service.build_message(
                first, data["subject"], data["body"], preview=True
            )
        return self.render(
            form,
            preview=preview,
            recipient=first,
            count=people.count(),
            token=sign_preview(self.workshop, self.request.user, data),
        )

    def send(self, form: RegistrantEmailForm):
        data = form.cleaned_data
        token = self.request.POST.get("token", "")
        key = previewed_key(token, self.workshop, self.request.user, data)
        if key is None:
            form.add_error(
                None,
                _(
                    "Preview the message before sending it. A preview is good for "
                    "one hour and only for the text it showed."
                ),
            )
            return self.render(form)
        try:
            sent = service.send_registrant_email(
                self.workshop,
                groups=data["groups"],
                subject=data["subject"],
                body=data["body"],
                sent_by=self.request.user,
                send_key=key,
            )
        except service.NoRecipients:
            form.add_error(
                "groups",
                _("Nobody is in the chosen groups now, so nothing was sent."),
            )
            return self.render(form)
        except service.AlreadySent as error:
            messages.info(
                self.request,
                _("This message was already sent on %(when)s; it was not sent again.")
                % {"when": date_format(error.sent.sent_at, "DATETIME_FORMAT")},
            )
            return redirect("workshop_email_registrants", self.workshop.pk)
        messages.success(
            self.request,
            ngettext(
                "Your message is on its way to %(count)d person.",
                "Your message is on its way to %(count)d people, one email each.",
                sent.recipient_count,
            )
            % {"count": sent.recipient_count},
        )
        return redirect("workshop_email_registrants", self.workshop.pk)

    def render(self, form: RegistrantEmailForm, **extra):
        history = RegistrantEmail.objects.filter(workshop=self.workshop).select_related(
            "sent_by"
        )[:HISTORY_LENGTH]
        context = self.get_context_data(
            workshop=self.workshop,
            form=form,
            history=history,
            can_check_in=self.request.user.has_perm("workshops.change_registration"),
            **extra,
        )
        return self.render_to_response(context)
