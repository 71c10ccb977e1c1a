"""Admin sign-in and password reset under attack: lockouts and email caps.

django-axes counts failed sign-ins in the database and refuses a locked-out
username and address pair (settings ``AXES_*``, docs/security.md). This module
shows its refusal on the sign-in page and caps Wagtail's password reset emails.
"""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.translation import gettext

from wagtail.admin.forms.auth import PasswordResetForm

from home import ratelimit

logger = logging.getLogger(__name__)

# Password reset emails are counted over this many seconds.
PASSWORD_RESET_WINDOW = 60 * 60
# axes answers a locked-out sign-in with this status: "Too Many Requests".
LOCKED_OUT_STATUS = 429


def lockout_message() -> str:
    return gettext(
        "This account is locked for one hour after too many unsuccessful "
        "sign-in attempts from your network. Please try again later, or ask "
        "an administrator to unlock it."
    )


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None,
    credentials: dict | None,
) -> HttpResponse:
    """The sign-in page again, its only error the lockout message.

    axes calls this for ``AXES_LOCKOUT_CALLABLE`` with the view's response:
    Wagtail's sign-in page, whose form says the password was wrong (axes
    refused it before it was checked). Anything else gets the message alone.
    """
    message = lockout_message()
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if isinstance(original_response, SimpleTemplateResponse) and form is not None:
        form.errors.clear()
        form.add_error(None, message)
        original_response.content = original_response.rendered_content
        original_response.status_code = LOCKED_OUT_STATUS
        return original_response
    return HttpResponse(
        message, status=LOCKED_OUT_STATUS, content_type="text/plain; charset=utf-8"
    )


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form, sending at most a few emails an hour.

    Counted per address (``PASSWORD_RESET_LIMIT_PER_ADDRESS``) and per network
    (``PASSWORD_RESET_LIMIT_PER_IP``), for every valid request whether or not
    an account has that address. Over a limit, no email is sent and the page
    says what it always says, so it never tells whether an account exists.
    """

    def save(self, *args, request: HttpRequest | None = None, **kwargs) -> None:
        if request is not None and self.over_limit(request):
            logger.warning("Password reset email not sent: hourly limit reached")
            return
        super().save(*args, request=request, **kwargs)

    def over_limit(self, request: HttpRequest) -> bool:
        address = self.cleaned_data["email"].strip().lower()
        # Both counted on every request, so neither limit can be walked around.
        over_address = ratelimit.hit(
            "password-reset-address",
            address,
            limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
            window=PASSWORD_RESET_WINDOW,
        )
        over_ip = ratelimit.hit(
            "password-reset-ip",
            ratelimit.client_ip(request),
            limit=settings.PASSWORD_RESET_LIMIT_PER_IP,
            window=PASSWORD_RESET_WINDOW,
        )
        return over_address or over_ip
