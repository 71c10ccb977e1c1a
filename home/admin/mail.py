"""Emails that failed to send: a dashboard panel and a "Try again now" button.

django-mailer keeps a message the server refused in its queue, deferred, and
logs each failed attempt with the server's error. Staff who act on mail
problems (pledge moderators, event coordinators) see subjects, times and
errors; recipients' addresses only with ``mailer.view_message``.
"""

import datetime
from dataclasses import dataclass

from mailer.models import RESULT_FAILURE, Message, MessageLog

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from home.admin.forbidden import forbidden
from home.admin.panels import RestrictedPanel
from home.mail import retry_deferred_now

RECENT = datetime.timedelta(days=7)
# Any of these makes someone responsible for the emails their work sends.
PANEL_PERMISSIONS = (
    "pledges.moderate_pledge",
    "workshops.view_registration",
    "mailer.view_message",
)
RECIPIENT_PERMISSION = "mailer.view_message"


def can_act_on_failed_mail(user) -> bool:
    return any(user.has_perm(permission) for permission in PANEL_PERMISSIONS)


def mask_email(address: str) -> str:
    """``jane@example.com`` becomes ``j•••@example.com``."""
    local, _at, domain = address.rpartition("@")
    if not local:
        return "•••"
    return f"{local[0]}•••@{domain}"


@dataclass(frozen=True)
class FailedEmail:
    subject: str
    recipients: str
    when: datetime.datetime
    error: str
    attempts: int = 0


def _describe(row, show_recipients: bool) -> tuple[str, str]:
    """Subject and recipients of a queued or logged message."""
    email = row.email
    if email is None:
        return _("(unreadable message)"), ""
    to = email.to or []
    if not show_recipients:
        to = [mask_email(address) for address in to]
    return email.subject, ", ".join(to)


def failed_mail(user, limit: int = 5) -> dict:
    """Deferred messages and recent failed attempts, a fixed number of queries."""
    show_recipients = user.has_perm(RECIPIENT_PERMISSION)
    deferred = Message.objects.deferred()
    waiting = list(deferred.order_by("-when_added", "-pk")[:limit])
    failures = MessageLog.objects.filter(
        result=RESULT_FAILURE, when_attempted__gte=timezone.now() - RECENT
    )
    recent = list(failures.order_by("-when_attempted", "-pk")[:limit])
    # A failed attempt logs the message's data as queued: match on it to show
    # why each waiting message failed last.
    last_error = {}
    if waiting:
        attempts = (
            MessageLog.objects.filter(
                result=RESULT_FAILURE,
                message_data__in=[message.message_data for message in waiting],
            )
            .order_by("when_attempted", "pk")
            .values_list("message_data", "log_message")
        )
        last_error = dict(attempts)

    def waiting_row(message: Message) -> FailedEmail:
        subject, recipients = _describe(message, show_recipients)
        return FailedEmail(
            subject,
            recipients,
            message.when_added,
            last_error.get(message.message_data, ""),
            attempts=message.retry_count + 1,
        )

    def failure_row(log: MessageLog) -> FailedEmail:
        subject, recipients = _describe(log, show_recipients)
        return FailedEmail(subject, recipients, log.when_attempted, log.log_message)

    return {
        "waiting": [waiting_row(message) for message in waiting],
        "waiting_count": deferred.count(),
        "failures": [failure_row(log) for log in recent],
        "failure_count": failures.count(),
    }


class FailedEmailsPanel(RestrictedPanel):
    name = "failed_emails"
    template_name = "home/admin/failed_emails_panel.html"
    order = 110

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return can_act_on_failed_mail(user)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(failed_mail(parent_context["request"].user))
        return context


@require_POST
def retry_failed_mail(request):
    """Send deferred messages again now rather than at the next scheduled run."""
    if not can_act_on_failed_mail(request.user):
        return forbidden(request)
    run = retry_deferred_now()
    if run.sent:
        messages.success(
            request,
            ngettext("%(count)d email sent.", "%(count)d emails sent.", run.sent)
            % {"count": run.sent},
        )
    if run.left:
        messages.warning(
            request,
            ngettext(
                "%(count)d email still failed to send; it is tried again every "
                "few minutes. See the error below.",
                "%(count)d emails still failed to send; they are tried again every "
                "few minutes. See the errors below.",
                run.left,
            )
            % {"count": run.left},
        )
    elif not run.sent:
        messages.info(request, _("No email was waiting to be sent again."))
    return redirect("wagtailadmin_home")


def admin_urls():
    return [path("mail/retry/", retry_failed_mail, name="mail_retry")]
