"""Staff email a workshop's registrants: one message each, with their own link.

Each person gets their own email (never a shared To, Cc or Bcc), addressed by
name and ending with the link to their registration page, where they can
cancel. The staff's subject and message go out as written; the greeting,
details and links around them are in each person's own language. Everything
is queued in one transaction (home.mail) and delivered after commit, and the
send is logged on the workshop page.
"""

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.log_actions import log

from employers.workshops.models import (
    RecipientGroup,
    RegistrantEmail,
    Registration,
    WorkshopPage,
)
from employers.workshops.services.registration import (
    links,
    local_times,
    registration_token,
    venue_of,
)

Status = Registration.Status
LOG_ACTION = "workshops.workshop.registrants_emailed"
# What the preview shows instead of the first recipient's secret link.
HIDDEN_TOKEN = "•" * 8


class AlreadySent(Exception):
    """This preview was sent already (a double submit): nothing is sent again."""

    def __init__(self, sent: RegistrantEmail):
        super().__init__()
        self.sent = sent


class NoRecipients(Exception):
    """Nobody is in the chosen groups."""


def recipients(workshop: WorkshopPage, groups: list[str]) -> QuerySet[Registration]:
    """Registrations in the chosen groups; never cancelled or anonymized ones."""
    wanted = Q(pk__in=[])
    if RecipientGroup.CONFIRMED in groups:
        wanted |= Q(status=Status.CONFIRMED)
    if RecipientGroup.WAITLISTED in groups:
        wanted |= Q(status__in=[Status.WAITLISTED, Status.OFFERED])
    if RecipientGroup.ATTENDED in groups:
        wanted |= Q(attended_at__isnull=False)
    return (
        Registration.objects.filter(workshop=workshop.event)
        .filter(wanted)
        .exclude(status=Status.CANCELLED)
        .filter(purged_at__isnull=True)
        .exclude(email="")
        .order_by("name", "pk")
    )


def build_message(
    registration: Registration,
    subject: str,
    body: str,
    *,
    base_url: str | None = None,
    preview: bool = False,
    pages: dict[str, tuple] | None = None,
) -> EmailMessage:
    """The email one registrant receives, in their language.

    ``preview`` hides their secret link; ``pages`` keeps the workshop's page
    and venue in each language once found, for a send to many.
    """
    workshop = registration.workshop
    pages = {} if pages is None else pages
    with translation.override(registration.language):
        if registration.language not in pages:
            page = workshop.localized
            pages[registration.language] = (page, venue_of(workshop, page))
        page, venue = pages[registration.language]
        token = registration_token(registration)
        personal = links(registration, base_url, token, page=page)
        if preview:
            personal = {
                key: url.replace(token, HIDDEN_TOKEN) for key, url in personal.items()
            }
        context = {
            "registration": registration,
            "workshop": page,
            "venue": venue,
            "body": body.strip(),
            "show_online_link": (
                registration.status == Status.CONFIRMED
                and workshop.is_online
                and bool(workshop.online_link)
            ),
            **local_times(workshop),
            **personal,
        }
        text = render_to_string("workshops/email/registrant_message.txt", context)
    return EmailMessage(subject, text, to=[registration.email])


def send_registrant_email(
    workshop: WorkshopPage,
    *,
    groups: list[str],
    subject: str,
    body: str,
    sent_by,
    send_key: str,
    base_url: str | None = None,
) -> RegistrantEmail:
    """Queue one email per registrant in ``groups`` and log it, once per key.

    ``send_key`` comes from the preview the sender confirmed: the unique
    constraint on it turns a second submit (or two at once) into
    ``AlreadySent`` before anything is queued.
    """
    earlier = RegistrantEmail.objects.filter(send_key=send_key).first()
    if earlier is not None:
        raise AlreadySent(earlier)
    workshop = workshop.event
    try:
        with transaction.atomic():
            people = list(recipients(workshop, groups))
            if not people:
                raise NoRecipients
            for person in people:
                # One workshop instance: its URL and venue are looked up once.
                person.workshop = workshop
            sent = RegistrantEmail.objects.create(
                workshop=workshop,
                sent_by=sent_by,
                statuses=list(groups),
                subject=subject,
                body=body,
                recipient_count=len(people),
                send_key=send_key,
            )
            # One backend call for the lot: one delivery after commit.
            pages: dict[str, tuple] = {}
            get_connection().send_messages(
                [
                    build_message(person, subject, body, base_url=base_url, pages=pages)
                    for person in people
                ]
            )
            log(
                workshop,
                LOG_ACTION,
                user=sent_by,
                data={"subject": subject, "recipients": len(people)},
            )
    except IntegrityError:
        # Two submits at once: the other one holds the key and sent it.
        earlier = RegistrantEmail.objects.filter(send_key=send_key).first()
        if earlier is None:
            raise
        raise AlreadySent(earlier) from None
    return sent
