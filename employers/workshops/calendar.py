"""Calendar files (iCalendar, RFC 5545) for workshops.

Each workshop keeps one UID for good, so an update or a cancellation replaces
the event already in someone's calendar; its SEQUENCE rises with each change
registrants were told about. Both belong to the event (``WorkshopPage.event``):
one UID and SEQUENCE whatever the language of the file. Times carry the
site's zone with a VTIMEZONE. Text is in the active language, marked with its
LANGUAGE parameter: a registrant's file in theirs, a page's feed in the page's.

A registration that ends (cancelled by the person, by staff or with the
workshop) gets a file with METHOD:CANCEL, STATUS:CANCELLED and the event's
SEQUENCE, which the cancellation raised: calendar programs drop the event
only when the cancellation's SEQUENCE is higher than the one they hold.
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from enum import StrEnum
from urllib.parse import urlencode

import icalendar

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

PRODID = "-//Welcoming Workplaces//Workshops//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
GOOGLE_URL = "https://calendar.google.com/calendar/render"
OUTLOOK_URL = "https://outlook.live.com/calendar/0/action/compose"


class Method(StrEnum):
    """The iTIP method of a calendar file (RFC 5546): add or update, or remove."""

    PUBLISH = "PUBLISH"
    CANCEL = "CANCEL"


def workshop_uid(event) -> str:
    """The UID of a workshop's event; pass the event, not a translation."""
    return f"workshop-{event.pk}@welcoming-workplaces"


def _sequence(event) -> int:
    state = getattr(event, "calendar_state", None)
    return state.sequence if state else 0


def _location(workshop, *, online_link: str, venue=None) -> str:
    parts = []
    if workshop.has_venue:
        venue = venue or workshop.venue
        parts.append(f"{venue.name}, {venue.one_line_address}")
    if workshop.is_online:
        parts.append(online_link or _("Online: the link comes with your reminder"))
    return " / ".join(parts)


def _language_tag() -> dict:
    """The LANGUAGE parameter of text in the active language (RFC 5545 3.2.10)."""
    language = translation.get_language()
    if not language:
        return {}
    return {"LANGUAGE": translation.to_locale(language).replace("_", "-")}


def workshop_event(
    workshop,
    *,
    url: str,
    online_link: str = "",
    cancelled: bool = False,
    localized=None,
    venue=None,
) -> icalendar.Event:
    """One workshop as an event; ``online_link`` only for confirmed registrants.

    ``workshop`` is the event (``WorkshopPage.event``): UID, SEQUENCE, times
    and place are its own. ``localized`` is its page in the reader's
    language, for the title and summary, and ``venue`` its venue in that
    language.
    """
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    text = localized or workshop
    language = _language_tag()
    event = icalendar.Event()
    event.add("uid", workshop_uid(workshop))
    event.add("sequence", _sequence(workshop))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", workshop.start.astimezone(zone))
    event.add("dtend", workshop.end.astimezone(zone))
    event.add("summary", text.title, parameters=language)
    description = [text.summary, "", url]
    if online_link:
        description += ["", _("Join online: %(link)s") % {"link": online_link}]
    event.add("description", "\n".join(description), parameters=language)
    event.add("url", url)
    location = _location(workshop, online_link=online_link, venue=venue)
    if location:
        event.add("location", location, parameters=language)
    is_cancelled = cancelled or workshop.is_cancelled
    event.add("status", "CANCELLED" if is_cancelled else "CONFIRMED")
    return event


def calendar_bytes(
    events: Iterable[icalendar.Event], *, name: str = "", method: Method | str = ""
) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def add_to_calendar_links(
    workshop, *, url: str, online_link: str = "", localized=None, venue=None
) -> dict[str, str]:
    """The "Add to Google Calendar" and "Add to Outlook" addresses of one workshop.

    Plain links to the services' documented event templates, with the same
    title, times (in UTC), description and place as the ``.ics``
    (``workshop_event``): nothing is requested from them until the person
    follows a link. ``url`` is the public page, never a personal link.
    """
    text = localized or workshop
    details = "\n\n".join(part for part in (text.summary, url) if part)
    if online_link:
        details += "\n\n" + _("Join online: %(link)s") % {"link": online_link}
    location = _location(workshop, online_link=online_link, venue=venue)
    start, end = _utc(workshop.start), _utc(workshop.end)
    google = {
        "action": "TEMPLATE",
        "text": text.title,
        "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": location,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": text.title,
        "startdt": f"{start:%Y-%m-%dT%H:%M:%SZ}",
        "enddt": f"{end:%Y-%m-%dT%H:%M:%SZ}",
        "body": details,
        "location": location,
    }
    return {
        "google": f"{GOOGLE_URL}?{urlencode(google)}",
        "outlook": f"{OUTLOOK_URL}?{urlencode(outlook)}",
    }
