"""The emails a signer receives, in wording staff may replace.

Each is written in the signer's language (``Pledge.language``): staff's own
wording (``PledgeEmailWording``, chosen in Pledge settings) in that language
where they wrote it, the standard wording, translated, everywhere else. The
staff notice is in the language its readers chose for the admin.
"""

import re
from collections.abc import Callable, Iterable

from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from employers.pledges.models import Pledge, PledgeSettings
from home.inbox_mail import reserve
from home.models import SiteSettings
from home.site_text import site_text_for

# Standard wording of each message staff can edit: (subject, body).
DEFAULTS = {
    "verification": (
        _("Confirm your email to sign the pledge"),
        _(
            "Hello {contact_name},\n\n"
            "Thank you for signing the inclusive workplace pledge for "
            "{organization}.\n\n"
            "Please confirm your email address within 72 hours by opening this "
            "link and pressing the button on the page:\n{link}\n\n"
            "If you did not sign, ignore this email: nothing will be published.\n\n"
            "{site_name}"
        ),
    ),
    "received": (
        _("We have received your pledge"),
        _(
            "Hello {contact_name},\n\n"
            "Your email is confirmed and the pledge for {organization} is now "
            "with our team. We check that the organization exists and that the "
            "details are complete, usually within five working days, and then "
            "email you.\n\n"
            "You can update your details or commitments at any time here:\n"
            "{link}\n\n{site_name}"
        ),
    ),
    "approved": (
        _("{organization} is now in the pledge registry"),
        _(
            "Hello {contact_name},\n\n"
            "Your pledge is approved. {organization} now appears in the public "
            "registry:\n{profile_link}\n\n"
            "Your badge, to put on your careers page:\n{badge_link}\n\n"
            "To update your details, report progress or withdraw, ask for a "
            "manage link here:\n{link}\n\n{site_name}"
        ),
    ),
    "rejected": (
        _("About your pledge for {organization}"),
        _(
            "Hello {contact_name},\n\n"
            "Thank you for your interest. We could not approve the pledge for "
            "{organization}, for this reason:\n\n{reason}\n\n"
            "If you think this is a mistake, reply to this email.\n\n{site_name}"
        ),
    ),
    "renewal": (
        _("Time to renew your pledge for {organization}"),
        _(
            "Hello {contact_name},\n\n"
            "The pledge for {organization} expires on {expires}. Renewing takes "
            "one click, and you can tell us what you did on each commitment:\n"
            "{link}\n\n"
            "If you do not renew, your listing leaves the registry {grace_days} "
            "days after that date.\n\n{site_name}"
        ),
    ),
    "progress": (
        _("How is your pledge going?"),
        _(
            "Hello {contact_name},\n\n"
            "Tell us how {organization} is doing on its commitments: mark each "
            "one not started, in progress or done. Your level in the registry "
            "is updated at once.\n{link}\n\n{site_name}"
        ),
    ),
}

# Messages with fixed wording: links that only make sense one way.
FIXED = {
    "manage_link": (
        _("Your link to manage the pledge for {organization}"),
        _(
            "Hello {contact_name},\n\n"
            "Here is your link to update the details of {organization}, change "
            "commitments, report progress, renew or withdraw. It works for 7 "
            "days:\n{link}\n\n"
            "If you did not ask for it, ignore this email.\n\n{site_name}"
        ),
    ),
    "changes_rejected": (
        _("About your changes to {organization}"),
        _(
            "Hello {contact_name},\n\n"
            "Thank you for updating the pledge of {organization}. We could not "
            "publish your changes to its public details, so the registry keeps "
            "showing the details we approved before.\n\n{reason}\n\n"
            "If you think this is a mistake, reply to this email.\n\n{site_name}"
        ),
    ),
    "withdrawn": (
        _("The pledge for {organization} is withdrawn"),
        _(
            "Hello {contact_name},\n\n"
            "As you asked, the pledge for {organization} is withdrawn. It has "
            "left the public registry, and the pledge badge on your website now "
            "reads “no longer listed”: you may remove it.\n\n"
            "You can sign the pledge again at any time:\n{link}\n\n"
            "If you did not withdraw the pledge, reply to this email.\n\n"
            "{site_name}"
        ),
    ),
    "verification_several": (
        _("Confirm your email to sign the pledge"),
        _(
            "Hello {contact_name},\n\n"
            "You asked for new confirmation links. Pledges signed with this "
            "address are waiting for confirmation. To confirm one, open its "
            "link within 72 hours and press the button on the page:\n\n"
            "{links}\n\n"
            "If you did not sign, ignore this email: nothing will be published.\n\n"
            "{site_name}"
        ),
    ),
    "staff_review": (
        _("New pledge to review: {organization}"),
        _(
            "A signer has confirmed their email. Review the pledge of "
            "{organization} in the admin:\n{link}\n"
        ),
    ),
    "staff_changes": (
        _("Changes to review: {organization}"),
        _(
            "The signer of the listed pledge of {organization} changed its "
            "public details. The registry shows the approved version until "
            "you approve the changes:\n{link}\n"
        ),
    ),
}


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, values: dict[str, str]) -> str:
    """Replace known {placeholders}; leave anything else as staff wrote it.

    A plain substitution, not str.format: wording typed in the admin must not
    reach attributes of the values.
    """
    return PLACEHOLDER.sub(lambda m: str(values.get(m[1], m[0])), str(text))


def staff_wording(kind: str, site, language: str) -> tuple[str, str]:
    """The subject and body staff wrote for ``kind`` in ``language``, or ""."""
    wording = PledgeSettings.for_site(site).email_wording
    translated = wording.in_language(language) if wording else None
    return translated.for_kind(kind) if translated else ("", "")


def build_message(
    kind: str,
    pledge: Pledge,
    *,
    site,
    to: list[str] | None = None,
    language: str = "",
    **values,
) -> EmailMessage:
    """Compose one message in ``language`` (the signer's unless given).

    Staff's own wording in that language replaces the standard wording, field
    by field; a field they left empty, or a language they have not translated
    the wording into, gets the standard wording, translated.
    """
    language = language or pledge.language
    subject, body = FIXED.get(kind) or DEFAULTS[kind]
    if kind in DEFAULTS:
        custom_subject, custom_body = staff_wording(kind, site, language)
        subject, body = custom_subject or subject, custom_body or body
    with translation.override(language):
        values = {
            "organization": pledge.organization_name,
            "contact_name": pledge.contact_name,
            "site_name": site_text_for(SiteSettings.for_site(site)).organization_name,
            **values,
        }
        return EmailMessage(
            subject=" ".join(fill(subject, values).split()),
            body=fill(body, values),
            to=to or [pledge.email],
        )


# django-mailer's own backend: stores the message, delivers nothing.
QUEUE_ONLY_BACKEND = "mailer.backend.DbBackend"


def send_capped(
    address: str,
    kind: str,
    pledges: Iterable[Pledge],
    compose: Callable[[], EmailMessage],
    *,
    deliver_now: bool = True,
) -> bool:
    """Queue the email ``compose`` builds unless the inbox is at its cap.

    The cap is ``home.inbox_mail``'s, the same whatever the form.
    Call inside the workflow's transaction: the count and the message are
    saved together. ``compose`` runs only when the email will be sent, so a
    link it issues does not replace one still valid for nothing. With
    ``deliver_now`` False the email only joins the queue, for the caller to
    deliver once its response is sent (``DeliverAfterResponse``) or for the
    scheduled run.
    """
    if not reserve(address, kind, [pledge.pk for pledge in pledges]):
        return False
    message = compose()
    if not deliver_now:
        message.connection = get_connection(QUEUE_ONLY_BACKEND)
    message.send()
    return True
