"""Workshop registration: seats, waitlist, offers, check-in and emails.

Every workflow runs in ``transaction.atomic()``. Anything that changes who holds
a seat first locks the workshop row (``SELECT … FOR UPDATE`` on PostgreSQL; on
SQLite every transaction takes the write lock at BEGIN, see settings), so two
people can never both take the last seat. Emails are queued in the same
transaction (home.mail) and delivered after commit. Every email is written in
the language the person registered in (``Registration.language``), with dates,
times and links in it, whether a request or the scheduled run sends it.

A workshop is one event in every language (``WorkshopPage.event``): whichever
translation a person uses, their registration, the seats, the waitlist, the
offers and the calendar state are stored against and counted on the event,
and its time, place and capacity are read from it.
"""

import datetime
import hashlib
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from employers.workshops.calendar import Method, calendar_bytes, workshop_event
from employers.workshops.models import (
    CONSENT_VERSION,
    Registration,
    RegistrationState,
    WorkshopCalendarState,
    WorkshopFeedback,
    WorkshopPage,
    events,
)
from employers.workshops.services.bursts import watch_for_burst
from home.dates import time_span
from home.inbox_mail import reserve
from home.languages import current_language, in_language_of, site_language
from home.mail import public_page_url
from home.ratelimit import normalize_email

Status = Registration.Status
State = RegistrationState
TOKEN_SALT = "employers.workshops.registration-link"
# Wagtail serves path segments of letters, digits, "-" and "_" only, so a
# token leaves out the signer's ":" and is split again before the signature,
# an HMAC-SHA256 (Signer's algorithm) in unpadded URL-safe base64.
SIGNATURE_LENGTH = 43
# A signed pk and nonce take about 100 characters; anything far longer is junk.
MAX_TOKEN_LENGTH = 200
# An offer shorter than this is pointless: the person is confirmed at once.
MIN_CLAIM_WINDOW = datetime.timedelta(hours=1)
# Feedback is asked for only for recently ended workshops.
FEEDBACK_WINDOW = datetime.timedelta(days=14)
# Django adds the charset.
ICS_TYPES = {method: f"text/calendar; method={method}" for method in Method}
# Emails that end a registration: they carry the calendar cancellation.
CANCELLATION_KINDS = ("cancelled", "workshop_cancelled")
# Emails that point to the other workshops, on the index in the person's language.
INDEX_LINK_KINDS = (*CANCELLATION_KINDS, "offer_expired")
# The "email me my link" email, as counted against the inbox's daily cap.
RESEND_KIND = "workshop_link"


class RegistrationError(Exception):
    """A registration that cannot be made; the message is for the person."""


class RegistrationClosed(RegistrationError):
    pass


class WorkshopFull(RegistrationError):
    pass


class AlreadyRegistered(RegistrationError):
    def __init__(self, registration: Registration):
        super().__init__()
        self.registration = registration


class OfferExpired(RegistrationError):
    pass


class VisitorLimit(RegistrationError):
    """One address or one network already holds its share of the event."""

    def __init__(self, allowed: int):
        super().__init__()
        self.allowed = allowed


class FormAlreadySent(RegistrationError):
    """The form's token already made a registration (one page load, one)."""


def visitor_digest(kind: str, value: str) -> str:
    """A digest to count seats by, never the address or network itself."""
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest() if value else ""


def network_of(ip: str) -> str:
    """The /24 (IPv4) or /64 (IPv6) network an address belongs to.

    One person easily has many addresses in one network, rarely many
    networks. Something that is not an address counts as itself.
    """
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    prefix = 24 if address.version == 4 else 64
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def _check_visitor_share(workshop, seats: int, inbox: str, network: str) -> None:
    """Refuse what would give one address or network more than its share.

    Counted from the stored registrations still in play (confirmed, offered
    and waitlisted), inside the event's lock: nothing a cache outage or a
    burst can get around.
    """
    held = Registration.objects.filter(
        workshop=workshop, status__in=Registration.ACTIVE
    ).aggregate(
        by_inbox=Coalesce(Sum("seats", filter=Q(inbox_digest=inbox)), 0),
        by_network=Coalesce(Sum("seats", filter=Q(network_digest=network)), 0),
    )
    allowed = workshop.max_seats_per_address - held["by_inbox"]
    if network:
        allowed = min(allowed, workshop.max_seats_per_network - held["by_network"])
    if seats > allowed:
        raise VisitorLimit(max(allowed, 0))


@dataclass
class Outcome:
    registration: Registration
    token: str

    @property
    def waitlisted(self) -> bool:
        return self.registration.status == Status.WAITLISTED


# Tokens and links ------------------------------------------------------------


def registration_token(registration: Registration) -> str:
    """The secret in a registrant's links, signed again for each email.

    Scheduled emails (reminder, offer, feedback) need the link long after the
    form was sent, so the token is the registration's pk and random nonce
    signed with ``django.core.signing``: the database alone opens nothing
    without ``SECRET_KEY``, and links signed with a key now in
    ``SECRET_KEY_FALLBACKS`` keep working while the key is rotated. A
    registration gets the same token in every email signed with one key.
    """
    signed = signing.Signer(salt=TOKEN_SALT).sign_object(
        {"r": registration.pk, "n": registration.token_nonce}
    )
    value, signature = signed.rsplit(":", 1)
    return value + signature


def find_registration(workshop: WorkshopPage, token: str) -> Registration | None:
    """The registration a personal link opens; None if forged, foreign or purged.

    Nothing is looked up before the signature checks out against
    ``SECRET_KEY`` or a fallback, so tokens cannot be guessed or enumerated;
    then the signed pk finds the row and the nonce is compared in constant
    time. A link opens on the workshop's page in any language: emails link to
    the page in the registrant's language.
    """
    if not token or not SIGNATURE_LENGTH < len(token) <= MAX_TOKEN_LENGTH:
        return None
    signed = f"{token[:-SIGNATURE_LENGTH]}:{token[-SIGNATURE_LENGTH:]}"
    try:
        payload = signing.Signer(salt=TOKEN_SALT).unsign_object(signed)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    pk, nonce = payload.get("r"), payload.get("n")
    if not isinstance(pk, int) or not isinstance(nonce, str) or not nonce:
        return None
    registration = (
        Registration.objects.filter(
            pk=pk,
            workshop__translation_key=workshop.translation_key,
            purged_at__isnull=True,
        )
        .select_related("workshop")
        .first()
    )
    if registration is None or not constant_time_compare(
        registration.token_nonce, nonce
    ):
        return None
    return registration


def workshop_url(workshop: WorkshopPage, base_url: str | None = None, sub="") -> str:
    """An absolute address: ``base_url`` (the request's) or the public base URL."""
    if base_url:
        return f"{base_url.rstrip('/')}{workshop.get_url_parts()[2]}{sub}"
    return public_page_url(workshop, sub)


def links(
    registration: Registration,
    base_url: str | None = None,
    token: str = "",
    *,
    page: WorkshopPage | None = None,
) -> dict:
    """The registrant's addresses, on the workshop's page in the active language.

    That is the page's live translation if it has one (Wagtail's
    ``localized``), else the page itself; ``page`` passes one already found.
    ``token`` saves signing one already made.
    """
    workshop = page or registration.workshop.localized
    token = token or registration_token(registration)

    def sub(name, *args):
        return workshop_url(workshop, base_url, workshop.reverse_subpage(name, args))

    return {
        "workshop_url": workshop_url(workshop, base_url),
        "personal_url": sub("registration", token),
        "claim_url": sub("claim", token),
        "feedback_url": sub("feedback", token),
        "calendar_url": sub("calendar"),
    }


# Languages -------------------------------------------------------------------


def venue_of(event: WorkshopPage, page: WorkshopPage):
    """The event's venue in the language of ``page``; None if it has none."""
    if not event.has_venue:
        return None
    return in_language_of(page, [event.venue])[0]


# Counting seats --------------------------------------------------------------


def with_seat_counts(workshops: QuerySet) -> QuerySet:
    """Annotate ``seats_taken`` and ``waitlist_length`` in the same query.

    Each is a subquery on the registrations of the workshop's event (found
    by the translation key, so a translation counts the event's seats), so
    counting a listing and cutting a page from it never groups every
    registration.
    """
    registrations = Registration.objects.filter(
        workshop__translation_key=OuterRef("translation_key")
    ).order_by()
    seats = (
        registrations.filter(status__in=Registration.HOLDING)
        .values("workshop")
        .annotate(total=Sum("seats"))
        .values("total")
    )
    waiting = (
        registrations.filter(status=Status.WAITLISTED)
        .values("workshop")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return workshops.annotate(
        seats_taken=Coalesce(Subquery(seats), Value(0)),
        waitlist_length=Coalesce(Subquery(waiting), Value(0)),
    )


def event_with_counts(workshop: WorkshopPage) -> WorkshopPage:
    """The workshop's event with its venue and ``seats_taken``, in one query.

    Also becomes ``workshop.event``, so the rest of the request reads it.
    """
    event = (
        with_seat_counts(
            WorkshopPage.objects.filter(translation_key=workshop.translation_key)
        )
        .select_related("venue")
        .order_by("pk")
        .first()
    )
    workshop.event = event.event = event
    return event


def seats_taken(workshop: WorkshopPage) -> int:
    """Seats held on the workshop's event, whichever translation is given."""
    return workshop.event.registrations.filter(
        status__in=Registration.HOLDING
    ).aggregate(total=Coalesce(Sum("seats"), Value(0)))["total"]


def seats_left(workshop: WorkshopPage, taken: int | None = None) -> int | None:
    """Free seats on the workshop's event, or None when it has no limit."""
    capacity = workshop.event.capacity
    if capacity is None:
        return None
    taken = seats_taken(workshop) if taken is None else taken
    return max(capacity - taken, 0)


def availability(workshop: WorkshopPage, now=None) -> dict:
    """What the listing says about seats; needs ``with_seat_counts``.

    A listing passes the pages it shows: their event fields are the event's
    own, copied on publish (signals); a single page passes its event.
    """
    state = workshop.registration_state(now)
    left = _left(workshop, workshop.seats_taken)
    if state == State.OPEN and left == 0:
        state = State.WAITLIST if workshop.waitlist_enabled else State.FULL
    return {"state": state, "seats_left": left}


def waitlist_position(registration: Registration) -> int:
    if registration.status != Status.WAITLISTED:
        return 0
    ahead = Registration.objects.filter(
        workshop_id=registration.workshop_id, status=Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def _left(workshop: WorkshopPage, taken: int) -> int | None:
    """Free seats from the given page's capacity: no query for a listing."""
    if workshop.capacity is None:
        return None
    return max(workshop.capacity - taken, 0)


def _lock(event_pk: int) -> WorkshopPage:
    """Lock an event's own row until the transaction ends.

    Every translation's registrations queue on this one row, whatever the
    language of the page they came from.
    """
    event = WorkshopPage.objects.select_for_update(of=("self",)).get(pk=event_pk)
    event.event = event  # callers pass the event's pk
    return event


# Registering -----------------------------------------------------------------


def register(
    workshop: WorkshopPage,
    data: dict,
    *,
    base_url: str | None = None,
    now: datetime.datetime | None = None,
    source: str = Registration.Source.WEBSITE,
    network: str = "",
    form_token: str = "",
) -> Outcome:
    """Register one person: a seat if there is one, else the waitlist.

    ``workshop`` is the page the person used, in any language; the seat is
    taken on its event, locked so that registrations from every language
    queue one after another.

    ``data`` holds the form's fields: name, email, organization, job_title,
    sector, size, seats, accommodation_needs, answers, future_events_consent,
    and the language emails are written in (staff choose it; else the
    language of the page the person registered on, the active one). Staff
    adding a walk-in (``source=staff``) bypass the closing time and the
    visitor limits.

    From the website, ``network`` (``network_of`` the visitor's address) and
    the normalized address may together hold at most the event's
    ``max_seats_per_address`` and ``max_seats_per_network`` seats
    (``VisitorLimit``), and ``form_token``, the form's "shown at" token, makes
    one registration only (``FormAlreadySent``). Too many website
    registrations in minutes alert the coordinators (``services.bursts``).
    """
    now = now or timezone.now()
    email = data["email"].strip().lower()
    seats = int(data.get("seats") or 1)
    inbox = visitor_digest("inbox", normalize_email(email))
    network = visitor_digest("network", network)
    form_token = visitor_digest("form", form_token) or None
    with transaction.atomic():
        workshop = _lock(workshop.event.pk)
        state = workshop.registration_state(now)
        walk_in = source == Registration.Source.STAFF
        late_walk_in = walk_in and state in (State.CLOSED, State.PAST)
        if state != State.OPEN and not late_walk_in:
            raise RegistrationClosed(_("Registration for this workshop is closed."))
        existing = Registration.objects.filter(
            workshop=workshop, email=email, status__in=Registration.ACTIVE
        ).first()
        if existing:
            raise AlreadyRegistered(existing)
        seats = min(seats, max(workshop.max_seats_per_registration, 1))
        if not walk_in:
            used = Registration.objects.filter(form_token_digest=form_token)
            if form_token and used.exists():
                raise FormAlreadySent(_("This form has already been sent."))
            _check_visitor_share(workshop, seats, inbox, network)
        left = seats_left(workshop)
        queue = Registration.objects.filter(
            workshop=workshop, status=Status.WAITLISTED
        ).exists()
        if walk_in or left is None or (seats <= left and not queue):
            status = Status.CONFIRMED
        elif workshop.waitlist_enabled:
            status = Status.WAITLISTED
        else:
            raise WorkshopFull(_("Sorry, this workshop is full."))
        registration = Registration(
            workshop=workshop,
            language=site_language(data.get("language") or current_language()),
            status=status,
            seats=seats,
            name=data["name"],
            email=email,
            organization=data.get("organization", ""),
            job_title=data.get("job_title", ""),
            sector=data.get("sector", ""),
            size=data.get("size", ""),
            accommodation_needs=data.get("accommodation_needs", ""),
            answers=data.get("answers") or {},
            consent_version=CONSENT_VERSION,
            consented_at=now,
            future_events_consent=bool(data.get("future_events_consent")),
            source=source,
            confirmed_at=now if status == Status.CONFIRMED else None,
            inbox_digest=inbox,
            network_digest=network,
            form_token_digest=form_token,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # The same token sent to another event at the same instant.
            raise FormAlreadySent(_("This form has already been sent.")) from None
        send_status_email(registration, base_url=base_url)
        if not walk_in:
            watch_for_burst(workshop, now=now, base_url=base_url)
    return Outcome(registration, registration_token(registration))


def resend_status_email(
    workshop: WorkshopPage, email: str, *, base_url: str | None = None
) -> bool:
    """Send the person's current confirmation again, only to their own address.

    Within the inbox's daily cap (``home.inbox_mail``), shared with the
    pledge forms: the same email is not sent twice in half an hour, and no
    more than a few a day whatever the form. False when nothing was sent.
    """
    with transaction.atomic():
        registration = Registration.objects.filter(
            workshop=workshop.event,
            email=email.strip().lower(),
            status__in=Registration.ACTIVE,
        ).first()
        if registration is None or not reserve(
            registration.email, RESEND_KIND, [registration.pk]
        ):
            return False
        send_status_email(registration, base_url=base_url)
    return True


def cancel(
    registration: Registration,
    *,
    base_url: str | None = None,
    now: datetime.datetime | None = None,
    notify: bool = True,
) -> list[Registration]:
    """Cancel a registration or leave the waitlist; freed seats go to the waitlist.

    Returns the registrations that were offered (or given) the freed seats.
    """
    now = now or timezone.now()
    with transaction.atomic():
        workshop = _lock(registration.workshop_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return []
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        # The cancellation's calendar file must outrank every file sent before.
        raise_sequence(workshop)
        registration.workshop = workshop
        if notify:
            _email(registration, "cancelled", base_url=base_url, ics=True)
        return promote_waitlist(workshop, base_url=base_url, now=now)


def raise_sequence(workshop: WorkshopPage) -> int:
    """Raise the locked event's calendar SEQUENCE and return it.

    A calendar program applies a cancellation only if its SEQUENCE is higher
    than the one it holds; one counter per event (the UID is the event's)
    keeps every file ordered, whoever it went to.
    """
    state = WorkshopCalendarState.objects.select_for_update().get_or_create(
        workshop=workshop, defaults={"fingerprint": _fingerprint(workshop)}
    )[0]
    state.sequence += 1
    state.save(update_fields=["sequence"])
    workshop.calendar_state = state
    return state.sequence


def _claim_deadline(
    workshop: WorkshopPage, now: datetime.datetime
) -> datetime.datetime | None:
    """When an offer lapses; None to confirm at once.

    The staff-set window, but never more than half the time left before the
    start, so the seat still has a chance to pass on.
    """
    if workshop.claim_window_hours == 0:
        return None
    window = min(
        datetime.timedelta(hours=workshop.claim_window_hours),
        (workshop.start - now) / 2,
    )
    if window < MIN_CLAIM_WINDOW:
        return None
    return now + window


def promote_waitlist(
    workshop: WorkshopPage,
    *,
    base_url: str | None = None,
    now: datetime.datetime | None = None,
) -> list[Registration]:
    """Offer free seats to the waitlist, first come first served.

    Call with the workshop locked. The queue is never skipped: if the first
    person needs more seats than are free, everyone behind them waits too.
    """
    now = now or timezone.now()
    if workshop.is_cancelled or workshop.start <= now:
        return []
    left = seats_left(workshop)
    promoted = []
    waiting = (
        Registration.objects.select_for_update()
        .filter(workshop=workshop, status=Status.WAITLISTED)
        .order_by("created_at", "pk")
    )
    for registration in waiting:
        if left is not None and registration.seats > left:
            break
        registration.workshop = workshop
        offer_next(registration, base_url=base_url, now=now)
        promoted.append(registration)
        if left is not None:
            left -= registration.seats
    return promoted


def offer_next(
    registration: Registration,
    *,
    base_url: str | None = None,
    now: datetime.datetime | None = None,
) -> None:
    """Offer one waitlisted person a seat (or confirm them when time is short)."""
    now = now or timezone.now()
    deadline = _claim_deadline(registration.workshop, now)
    registration.offered_at = now
    if deadline is None:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = Status.OFFERED
        registration.offer_expires_at = deadline
    registration.save(
        update_fields=["status", "offered_at", "offer_expires_at", "confirmed_at"]
    )
    send_status_email(registration, base_url=base_url)


def claim_offer(
    registration: Registration,
    *,
    base_url: str | None = None,
    now: datetime.datetime | None = None,
) -> Registration:
    """Confirm an offered seat before its deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock(registration.workshop_id)
        registration = (
            Registration.objects.select_for_update()
            .select_related("workshop")
            .get(pk=registration.pk)
        )
        if registration.status == Status.CONFIRMED:
            return registration
        if registration.status != Status.OFFERED or (
            registration.offer_expires_at and registration.offer_expires_at <= now
        ):
            raise OfferExpired(_("This offer has expired or was withdrawn."))
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "confirmed_at", "offer_expires_at"])
        send_status_email(registration, base_url=base_url)
    return registration


def check_in(registration: Registration, *, attended: bool = True) -> Registration:
    """Mark someone as attended at the door (or undo it)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if attended and registration.attended_at is None:
            registration.attended_at = timezone.now()
        elif not attended:
            registration.attended_at = None
        registration.save(update_fields=["attended_at"])
    return registration


def record_feedback(registration: Registration, data: dict) -> WorkshopFeedback:
    with transaction.atomic():
        feedback, _created = WorkshopFeedback.objects.update_or_create(
            registration=registration,
            defaults={
                "workshop_id": registration.workshop_id,
                "rating": data["rating"],
                "next_steps": data.get("next_steps", ""),
                "comments": data.get("comments", ""),
            },
        )
    return feedback


# Staff changes to a workshop -------------------------------------------------


def _fingerprint(workshop: WorkshopPage) -> str:
    parts = [
        workshop.start.isoformat(),
        workshop.end.isoformat(),
        workshop.format,
        str(workshop.venue_id or ""),
        workshop.online_link,
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def workshop_published(
    workshop: WorkshopPage,
    *,
    base_url: str | None = None,
    now: datetime.datetime | None = None,
) -> None:
    """Tell registrants what changed, after staff publish a workshop.

    A new time, venue or link sends an update with a new calendar file (same
    UID, higher SEQUENCE); cancelling tells everyone once; a larger capacity
    goes to the waitlist. Publishing a translation acts on its event, whose
    fields the translation took (``WorkshopPage.save``): nothing to tell.
    """
    now = now or timezone.now()
    with transaction.atomic():
        workshop = _lock(workshop.event.pk)
        state, created = (
            WorkshopCalendarState.objects.select_for_update().get_or_create(
                workshop=workshop,
                defaults={"fingerprint": _fingerprint(workshop)},
            )
        )
        workshop.calendar_state = state
        active = list(
            Registration.objects.filter(
                workshop=workshop, status__in=Registration.ACTIVE
            ).select_related("workshop")
        )
        if workshop.is_cancelled:
            if state.cancellation_sent_at is None:
                state.sequence += 1
                state.cancellation_sent_at = now
                state.save()
                for registration in active:
                    registration.status = Status.CANCELLED
                    registration.cancelled_at = now
                    registration.save(update_fields=["status", "cancelled_at"])
                    _email(
                        registration, "workshop_cancelled", base_url=base_url, ics=True
                    )
            return
        fingerprint = _fingerprint(workshop)
        if not created and fingerprint != state.fingerprint:
            state.fingerprint = fingerprint
            state.sequence += 1
            state.save()
            if workshop.end > now:
                for registration in active:
                    registration.workshop = workshop
                    _email(
                        registration,
                        "updated",
                        base_url=base_url,
                        ics=registration.status == Status.CONFIRMED,
                    )
        if state.capacity != workshop.capacity:
            state.capacity = workshop.capacity
            state.save()
        promote_waitlist(workshop, base_url=base_url, now=now)


# Scheduled work (see services.workshop_tasks) --------------------------------


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Remind confirmed registrants once, ``reminder_hours`` before the start."""
    now = now or timezone.now()
    sent = 0
    horizon = now + datetime.timedelta(hours=24 * 14)
    workshops = events(
        WorkshopPage.objects.live().filter(
            start__gt=now, start__lte=horizon, is_cancelled=False, reminder_hours__gt=0
        )
    )
    for workshop in workshops:
        if workshop.start - datetime.timedelta(hours=workshop.reminder_hours) > now:
            continue
        pending = Registration.objects.filter(
            workshop=workshop, status=Status.CONFIRMED, reminder_sent_at__isnull=True
        ).values_list("pk", flat=True)
        for pk in pending:
            with transaction.atomic():
                # The conditional update claims the reminder: never twice.
                claimed = Registration.objects.filter(
                    pk=pk, status=Status.CONFIRMED, reminder_sent_at__isnull=True
                ).update(reminder_sent_at=now)
                if claimed:
                    registration = Registration.objects.select_related("workshop").get(
                        pk=pk
                    )
                    _email(registration, "reminder", ics=True)
                    sent += 1
    return sent


def expire_offers(now: datetime.datetime | None = None) -> int:
    """Withdraw offers not claimed in time and pass the seats on."""
    now = now or timezone.now()
    expired = 0
    workshop_ids = set(
        Registration.objects.filter(
            status=Status.OFFERED, offer_expires_at__lte=now
        ).values_list("workshop_id", flat=True)
    )
    for workshop_id in workshop_ids:
        with transaction.atomic():
            workshop = _lock(workshop_id)
            lapsed = Registration.objects.select_for_update().filter(
                workshop=workshop, status=Status.OFFERED, offer_expires_at__lte=now
            )
            for registration in lapsed:
                registration.status = Status.CANCELLED
                registration.cancelled_at = now
                registration.save(update_fields=["status", "cancelled_at"])
                registration.workshop = workshop
                _email(registration, "offer_expired")
                expired += 1
            promote_waitlist(workshop, now=now)
    return expired


def send_feedback_requests(now: datetime.datetime | None = None) -> int:
    """Ask those checked in (only them) for feedback, once, after the end."""
    now = now or timezone.now()
    sent = 0
    pending = Registration.objects.filter(
        workshop__end__lte=now,
        workshop__end__gt=now - FEEDBACK_WINDOW,
        workshop__is_cancelled=False,
        attended_at__isnull=False,
        feedback_requested_at__isnull=True,
        purged_at__isnull=True,
    ).values_list("pk", flat=True)
    for pk in list(pending):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=pk, feedback_requested_at__isnull=True
            ).update(feedback_requested_at=now)
            if claimed:
                registration = Registration.objects.select_related("workshop").get(
                    pk=pk
                )
                _email(registration, "feedback_request")
                sent += 1
    return sent


def purge_personal_data(now: datetime.datetime | None = None) -> int:
    """Erase names, emails and answers a set time after each workshop.

    Status, seats, sector, size and attendance stay, for anonymous counts.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.WORKSHOP_DATA_RETENTION_DAYS)
    with transaction.atomic():
        return anonymize_registrations(
            Registration.objects.filter(workshop__end__lt=cutoff), now
        )


def anonymize_registrations(
    registrations: QuerySet, now: datetime.datetime | None = None
) -> int:
    """Blank who people are; keep status, seats, sector, size and attendance."""
    return registrations.filter(purged_at__isnull=True).update(
        name="",
        email="",
        organization="",
        job_title="",
        accommodation_needs="",
        answers={},
        future_events_consent=False,
        inbox_digest="",
        network_digest="",
        purged_at=now or timezone.now(),
    )


# Emails ----------------------------------------------------------------------


def _subject(kind: str, workshop: WorkshopPage) -> str:
    title = workshop.title
    subjects = {
        "confirmed": _("You are registered: %(title)s"),
        "waitlisted": _("You are on the waitlist: %(title)s"),
        "offered": _("A seat is free for you: %(title)s"),
        "cancelled": _("Your registration is cancelled: %(title)s"),
        "offer_expired": _("Your offered seat has passed on: %(title)s"),
        "reminder": _("Reminder: %(title)s"),
        "updated": _("Changed: %(title)s"),
        "workshop_cancelled": _("Cancelled: %(title)s"),
        "feedback_request": _("How was %(title)s?"),
    }
    return subjects[kind] % {"title": title}


def send_status_email(
    registration: Registration, *, base_url: str | None = None
) -> None:
    """The email that matches the registration's status now."""
    kind = {
        Status.CONFIRMED: "confirmed",
        Status.WAITLISTED: "waitlisted",
        Status.OFFERED: "offered",
        Status.CANCELLED: "cancelled",
    }[registration.status]
    _email(
        registration,
        kind,
        base_url=base_url,
        ics=registration.status == Status.CONFIRMED,
    )


def local_times(workshop: WorkshopPage) -> dict:
    """When the workshop runs, in the site's zone and the active language.

    ``when`` reads "Thursday 4 February 2027, 9:00 a.m. – 11:00 a.m. PST" or
    "jeudi 4 février 2027, de 9 h à 11 h PST" (home.dates).
    """
    zone = timezone.get_default_timezone()
    start = timezone.localtime(workshop.start, zone)
    end = timezone.localtime(workshop.end, zone)
    return {"start": start, "end": end, "when": time_span(start, end)}


def _email(
    registration: Registration,
    kind: str,
    *,
    base_url: str | None = None,
    ics: bool = False,
) -> None:
    """Send one email, written in the registrant's language.

    The workshop's title, summary, venue and links come from its page in
    that language when it has one; seats, times and the calendar UID are the
    event's own (a registration belongs to the event). A cancellation's
    calendar file removes the event (METHOD:CANCEL); "see other workshops"
    links lead to the workshop index in that language.
    """
    workshop = registration.workshop
    with translation.override(registration.language):
        page = workshop.localized
        venue = venue_of(workshop, page)
        context = {
            "registration": registration,
            "workshop": page,
            "venue": venue,
            "cancellation_message": (
                page.cancellation_message or workshop.cancellation_message
            ),
            "position": waitlist_position(registration),
            "show_online_link": (
                registration.status == Status.CONFIRMED
                and workshop.is_online
                and bool(workshop.online_link)
            ),
            **local_times(workshop),
            **links(registration, base_url, page=page),
        }
        if kind in INDEX_LINK_KINDS:
            context["index_url"] = workshop_url(page.get_parent(), base_url)
        body = render_to_string(f"workshops/email/{kind}.txt", context)
        message = EmailMessage(_subject(kind, page), body, to=[registration.email])
        if ics:
            cancelled = kind in CANCELLATION_KINDS
            method = Method.CANCEL if cancelled else Method.PUBLISH
            online = workshop.online_link if context["show_online_link"] else ""
            event = workshop_event(
                workshop,
                url=context["workshop_url"],
                online_link=online,
                cancelled=cancelled,
                localized=page,
                venue=venue,
            )
            message.attach(
                f"{page.slug}.ics",
                calendar_bytes([event], method=method),
                ICS_TYPES[method],
            )
    message.send()
