"""The door: a registrant's pass (reference and QR code) and check-in by it.

The reference is drawn when the registration is made
(``models.registrations.new_reference``). The QR code carries the staff
check-in address of the event with the reference, so that a phone's own
camera app opens the check-in page, and the page's scanner
(``static/js/check_in.js``) reads either form. It never carries the
personal-link token: the code gives nothing to someone who is not staff.
"""

import enum
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import segno

from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from employers.workshops.models import Registration
from employers.workshops.models.registrations import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
)
from employers.workshops.services import registration as service

Status = Registration.Status

# What people type between the groups, or paste from the email.
SEPARATORS = re.compile(r"[\s\-–—._]+")


def display_reference(reference: str) -> str:
    """``ABCD2345`` as ``ABCD-2345``: two groups are easier to read aloud."""
    half = len(reference) // 2
    return f"{reference[:half]}-{reference[half:]}" if reference else ""


def normalize_reference(typed: str) -> str:
    """The reference in a typed, pasted or scanned value; "" if there is none.

    Accepts ``abcd 2345``, ``ABCD-2345`` and the check-in address the QR
    code carries (its ``reference`` parameter).
    """
    typed = (typed or "").strip()[:300]
    if "://" in typed:
        typed = parse_qs(urlsplit(typed).query).get("reference", [""])[0]
    reference = SEPARATORS.sub("", typed).upper()
    if len(reference) != REFERENCE_LENGTH or any(
        char not in REFERENCE_ALPHABET for char in reference
    ):
        return ""
    return reference


def check_in_url(registration: Registration) -> str:
    """The staff check-in page of the registration's event, with its reference."""
    return (
        reverse("workshop_check_in", args=[registration.workshop_id])
        + "?"
        + urlencode({"reference": registration.reference})
    )


def qr_svg(data: str, label: str) -> SafeString:
    """``data`` as an inline SVG QR code named ``label`` for screen readers.

    Drawn here (segno, pure Python), so the page asks no third party for it.
    """
    svg = segno.make(data, error="m").svg_inline(
        scale=4,
        border=4,
        dark="#000",
        light="#fff",
        svgclass="door-pass__qr",
        lineclass=None,
    )
    # segno writes "<svg viewBox=…"; give the image its role and name.
    attributes = format_html(' role="img" aria-label="{}"', label)
    return mark_safe(svg.replace("<svg", "<svg" + attributes, 1))


class Outcome(enum.Enum):
    """What checking in by reference did; the page says it to staff."""

    CHECKED_IN = "checked_in"
    ALREADY_IN = "already_in"
    FOUND = "found"
    NOT_CONFIRMED = "not_confirmed"
    UNKNOWN = "unknown"
    INVALID = "invalid"


@dataclass(frozen=True)
class DoorResult:
    outcome: Outcome
    registration: Registration | None = None

    @property
    def is_error(self) -> bool:
        return self.outcome in (Outcome.UNKNOWN, Outcome.INVALID)

    @property
    def message(self) -> str:
        registration = self.registration
        name = registration.name if registration else ""
        match self.outcome:
            case Outcome.CHECKED_IN:
                return _("Checked in: %(name)s.") % {"name": name}
            case Outcome.ALREADY_IN:
                return _("%(name)s was already checked in.") % {"name": name}
            case Outcome.FOUND:
                return _("Found: %(name)s. Check them in below.") % {"name": name}
            case Outcome.NOT_CONFIRMED:
                return self.not_confirmed_message()
            case Outcome.UNKNOWN:
                return _(
                    "No registration for this workshop has this reference. "
                    "Check the workshop and the letters, or find the person by name."
                )
        return _(
            "A reference has 8 letters and digits, like ABCD-2345. "
            "Check what you typed."
        )

    def not_confirmed_message(self) -> str:
        registration = self.registration
        name = {"name": registration.name}
        if registration.status == Status.WAITLISTED:
            return (
                _(
                    "%(name)s is on the waitlist: no seat is held for them. "
                    "Add them as a walk-in if there is room."
                )
                % name
            )
        if registration.status == Status.OFFERED:
            return (
                _(
                    "%(name)s was offered a seat but has not claimed it yet. "
                    "Add them as a walk-in if there is room."
                )
                % name
            )
        return (
            _(
                "%(name)s’s registration is cancelled. "
                "Add them as a walk-in if there is room."
            )
            % name
        )


def find_by_reference(event_id: int, typed: str) -> DoorResult:
    """Look a reference up in one event (one query), without checking in."""
    reference = normalize_reference(typed)
    if not reference:
        return DoorResult(Outcome.INVALID)
    registration = Registration.objects.filter(
        workshop_id=event_id, reference=reference
    ).first()
    if registration is None:
        return DoorResult(Outcome.UNKNOWN)
    if registration.status != Status.CONFIRMED:
        return DoorResult(Outcome.NOT_CONFIRMED, registration)
    if registration.attended_at is not None:
        return DoorResult(Outcome.ALREADY_IN, registration)
    return DoorResult(Outcome.FOUND, registration)


def check_in_by_reference(event_id: int, typed: str) -> DoorResult:
    """Check in the confirmed registration of the event with this reference.

    A reference of another event is unknown here, so a pass for next week's
    workshop is not taken at today's door.
    """
    result = find_by_reference(event_id, typed)
    if result.outcome is not Outcome.FOUND:
        return result
    return DoorResult(Outcome.CHECKED_IN, service.check_in(result.registration))
