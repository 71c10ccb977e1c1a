"""Calendar files parse and keep the right times across daylight-saving changes."""

import datetime
import zoneinfo

import icalendar
import pytest

from employers.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db

VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")


def _events(content: bytes):
    calendar = icalendar.Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")


def test_times_are_right_on_both_sides_of_a_daylight_saving_change(
    client, workshop_index, settings
):
    settings.TIME_ZONE = "America/Vancouver"
    # 2027-03-14 is the spring change in Canada: PST before, PDT after.
    before = WorkshopPageFactory(
        parent=workshop_index,
        slug="before",
        start=datetime.datetime(2027, 3, 13, 10, tzinfo=VANCOUVER),
        end=datetime.datetime(2027, 3, 13, 12, tzinfo=VANCOUVER),
    )
    after = WorkshopPageFactory(
        parent=workshop_index,
        slug="after",
        start=datetime.datetime(2027, 3, 15, 10, tzinfo=VANCOUVER),
        end=datetime.datetime(2027, 3, 15, 12, tzinfo=VANCOUVER),
    )
    calendar, events = _events(client.get("/workshops/calendar/").content)
    by_uid = {str(e["uid"]): e for e in events}
    first = by_uid[f"workshop-{before.pk}@welcoming-workplaces"].decoded("dtstart")
    second = by_uid[f"workshop-{after.pk}@welcoming-workplaces"].decoded("dtstart")
    assert first.utcoffset() == datetime.timedelta(hours=-8)
    assert second.utcoffset() == datetime.timedelta(hours=-7)
    assert first.astimezone(datetime.UTC).hour == 18
    assert second.astimezone(datetime.UTC).hour == 17
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "America/Vancouver"
    page = client.get(after.url).text
    assert "PDT" in page
    assert "PST" in client.get(before.url).text


def test_a_workshop_calendar_file_downloads(client, workshop):
    response = client.get(f"{workshop.url}calendar/")
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    _calendar, (event,) = _events(response.content)
    assert str(event["summary"]) == "Inclusive hiring 101"
    assert "Abbotsford Library" in str(event["location"])
    assert event.decoded("dtend") == workshop.end


def test_the_feed_lists_only_upcoming_workshops(client, workshop_index):
    WorkshopPageFactory(parent=workshop_index, slug="upcoming")
    WorkshopPageFactory(
        parent=workshop_index,
        slug="past",
        start=datetime.datetime(2020, 1, 1, 10, tzinfo=VANCOUVER),
        end=datetime.datetime(2020, 1, 1, 12, tzinfo=VANCOUVER),
    )
    _calendar, events = _events(client.get("/workshops/calendar/").content)
    assert len(events) == 1


def test_a_cancelled_workshop_stays_in_the_feed_marked_cancelled(client, workshop):
    workshop.is_cancelled = True
    workshop.save_revision().publish()
    _calendar, (event,) = _events(client.get("/workshops/calendar/").content)
    assert event["status"] == "CANCELLED"
    assert event["sequence"] == 1
