"""Privacy requests in the admin: find, export or erase one person's data.

The address travels only in POST bodies, never in a URL, so it stays out of
server logs and browser history. Every step is logged without it
(``home.privacy``).
"""

import datetime
import json
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import View

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.admin.forbidden import forbidden
from home.models import PersonalDataRequest
from home.privacy import (
    erase_personal_data,
    export_personal_data,
    find_personal_data,
    providers,
)
from home.text import label_value

PERMISSION = "home.manage_personal_data"
HISTORY_LENGTH = 20


class PersonalDataForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The address the person used on this site. Case does not matter."),
    )


class PersonalDataView(WagtailAdminTemplateMixin, View):
    template_name = "home/admin/personal_data.html"
    page_title = _("Personal data requests")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request):
        return self.render(PersonalDataForm())

    def post(self, request):
        form = PersonalDataForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        email = form.cleaned_data["email"]
        action = request.POST.get("action", "search")
        if action == "export":
            return self.export(email)
        if action == "confirm_erase":
            return self.render(form, confirm_erase=True)
        if action == "erase":
            return self.erase(email)
        found = find_personal_data(email, request.user)
        return self.render(
            form,
            found=found,
            total=sum(len(records) for _provider, records in found),
        )

    def export(self, email: str) -> HttpResponse:
        document = export_personal_data(email, self.request.user)
        response = HttpResponse(
            json.dumps(document, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        # The file name says when, not whom: downloads folders get shared.
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = (
            f'attachment; filename="personal-data-{stamp}.json"'
        )
        response["Cache-Control"] = "no-store"
        return response

    def erase(self, email: str):
        counts = erase_personal_data(email, self.request.user)
        labels = {provider.key: provider.label for provider in providers()}
        done = [
            f"{labels.get(key, key)}: {count}" for key, count in counts.items() if count
        ]
        total = sum(counts.values())
        messages.success(
            self.request,
            ngettext(
                "Erased %(count)d record (%(detail)s). Anonymous counts are kept.",
                "Erased %(count)d records (%(detail)s). Anonymous counts are kept.",
                total,
            )
            % {"count": total, "detail": "; ".join(done) or "—"},
        )
        return redirect("personal_data")

    def render(self, form: PersonalDataForm, found=None, **extra):
        labels = {provider.key: provider.label for provider in providers()}
        history = [
            (
                entry,
                [(labels.get(key, key), n) for key, n in entry.record_counts.items()],
            )
            for entry in PersonalDataRequest.objects.select_related("performed_by")[
                :HISTORY_LENGTH
            ]
        ]
        results = None
        if found is not None:
            results = [
                (
                    provider.label,
                    [(record.title, display(record.fields)) for record in records],
                )
                for provider, records in found
            ]
        context = self.get_context_data(
            form=form, history=history, results=results, **extra
        )
        return self.render_to_response(context)


def display(fields: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Each field's value as lines of text, for the admin page."""

    def text(value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return str(_("Yes") if value else _("No"))
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, dict):
            return "; ".join(
                label_value(key, text(item)) for key, item in value.items()
            )
        return str(value)

    return [
        (label, [text(item) for item in value] or ["—"])
        if isinstance(value, list)
        else (label, [text(value)])
        for label, value in fields.items()
    ]


def admin_urls():
    return [path("privacy/", PersonalDataView.as_view(), name="personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def menu_item() -> MenuItem:
    return PersonalDataMenuItem(
        _("Personal data requests"),
        reverse("personal_data"),
        icon_name="user",
        order=900,
    )
