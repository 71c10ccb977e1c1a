"""Issue 16, registrants: confirm a cancellation, calendar cancellations, add to
Google or Outlook, a double tap on Register, and filters no one can pick."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from django.utils import timezone, translation

from employers.workshops.calendar import Method
from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import Registration, WorkshopQuestion
from employers.workshops.services import registration as service
from tests.employers.translations import publish_in_french
from tests.employers.workshops.fixtures import ONLINE_LINK
from tests.employers.workshops.test_workshop_registration import (
    REGISTER,
    form,
    people,
    personal_link,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status
ARE_YOU_SURE = "Are you sure you want to cancel your registration?"


def calendar(content: bytes) -> tuple[icalendar.Calendar, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(content)
    (event,) = parsed.walk("VEVENT")
    return parsed, event


def attached_calendar(message) -> tuple[icalendar.Calendar, icalendar.Event]:
    (_name, content, mimetype) = message.attachments[0]
    assert mimetype.startswith("text/calendar")
    return calendar(content)


def registered(client, sent_mail, **overrides) -> tuple[str, object]:
    """Register through the form; the personal link and the confirmation."""
    assert client.post(REGISTER, form(**overrides)).status_code == 302
    confirmation = sent_mail()[-1]
    return personal_link(confirmation), confirmation


# 1. Cancelling asks first ------------------------------------------------------


def test_cancel_button_asks_are_you_sure_before_anything_changes(
    client, workshop, sent_mail
):
    link, _confirmation = registered(client, sent_mail)
    page = client.get(link)
    assert 'name="cancel" value="confirm"' in page.text

    asked = client.get(link, {"cancel": "confirm"})
    assert asked.status_code == 200
    assert ARE_YOU_SURE in asked.text
    assert "Yes, cancel my registration" in asked.text
    assert "No, keep my registration" in asked.text
    assert asked["Cache-Control"].startswith("private")
    assert Registration.objects.get().status == Status.CONFIRMED

    # A POST without the confirmation (an old page, a script) only asks.
    unconfirmed = client.post(link, {"action": "cancel"})
    assert unconfirmed["Location"].endswith("?cancel=confirm")
    assert Registration.objects.get().status == Status.CONFIRMED

    done = client.post(link, {"action": "cancel", "confirm": "yes"})
    assert Registration.objects.get().status == Status.CANCELLED
    assert "Your registration is cancelled" in client.get(done["Location"]).text
    # Nothing left to confirm: the question is not asked again.
    assert ARE_YOU_SURE not in client.get(link, {"cancel": "confirm"}).text


def test_a_waitlisted_person_is_asked_about_leaving_the_waitlist(
    client, workshop, sent_mail
):
    people(workshop, 3)
    link, _message = registered(client, sent_mail)
    page = client.get(link).text
    assert "on the waitlist, number 1" in page
    assert "frees your seat" not in page
    assert "Leaving gives up your place on the waitlist" in page

    asked = client.get(link, {"cancel": "confirm"}).text
    assert "Are you sure you want to leave the waitlist?" in asked
    assert "Yes, leave the waitlist" in asked
    assert "No, stay on the waitlist" in asked
    assert "frees your seat" not in asked

    left = client.post(link, {"action": "cancel", "confirm": "yes"})
    shown = client.get(left["Location"]).text
    assert "You have left the waitlist" in shown
    assert "your seat goes to" not in shown


def test_a_person_offered_a_seat_reads_that_it_passes_on(client, workshop):
    offered = RegistrationFactory(
        workshop=workshop,
        status=Status.OFFERED,
        offer_expires_at=timezone.now() + datetime.timedelta(hours=5),
    )
    link = f"{workshop.url}registration/{service.registration_token(offered)}/"
    page = client.get(link).text
    assert "passes the seat offered to you to the next person" in page
    assert "frees your seat" not in page


# 2. The calendar cancellation --------------------------------------------------


def test_the_cancellation_email_carries_a_calendar_cancellation_that_outranks(
    client, workshop, workshop_index, sent_mail
):
    link, confirmation = registered(client, sent_mail)
    _calendar, sent = attached_calendar(confirmation)
    assert sent["status"] == "CONFIRMED"

    client.post(link, {"action": "cancel", "confirm": "yes"})

    cancellation = sent_mail()[-1]
    assert "cancelled" in cancellation.subject
    parsed, event = attached_calendar(cancellation)
    assert cancellation.attachments[0][2].startswith("text/calendar; method=CANCEL")
    assert parsed["method"] == Method.CANCEL
    assert event["status"] == "CANCELLED"
    assert event["uid"] == sent["uid"]
    assert event["sequence"] > sent["sequence"]
    # "See other workshops" leads to the index, not back to the workshop.
    lines = cancellation.body.splitlines()
    see_other = lines[lines.index("See other workshops:") + 1]
    assert see_other == f"http://testserver{workshop_index.url}"

    # The personal file, downloaded again, is the same cancellation.
    parsed, again = calendar(client.get(link, {"format": "ics"}).content)
    assert parsed["method"] == Method.CANCEL
    assert again["status"] == "CANCELLED"
    assert again["sequence"] == event["sequence"]


def test_staff_cancelling_a_registration_send_the_calendar_cancellation(
    client, workshop, sent_mail
):
    _link, confirmation = registered(client, sent_mail)
    _calendar, sent = attached_calendar(confirmation)
    service.cancel(Registration.objects.get())  # what the admin's button calls

    parsed, event = attached_calendar(sent_mail()[-1])
    assert parsed["method"] == Method.CANCEL
    assert event["status"] == "CANCELLED"
    assert event["sequence"] > sent["sequence"]


def test_a_cancelled_workshop_sends_a_calendar_cancellation(
    client, workshop, sent_mail
):
    _link, confirmation = registered(client, sent_mail)
    _calendar, sent = attached_calendar(confirmation)
    workshop.is_cancelled = True
    workshop.save_revision().publish()

    notice = sent_mail()[-1]
    assert notice.subject.startswith("Cancelled:")
    parsed, event = attached_calendar(notice)
    assert parsed["method"] == Method.CANCEL
    assert event["sequence"] > sent["sequence"]
    assert "See other workshops:" in notice.body
    assert f"{workshop.url}\n" not in notice.body


def test_a_french_cancellation_links_the_french_index(client, workshop, sent_mail):
    french = publish_in_french(
        workshop, title="L’embauche inclusive 101", slug="embauche-inclusive-101"
    )
    client.post(french.url + "register/", form())
    link = personal_link(sent_mail()[-1])
    client.post(link, {"action": "cancel", "confirm": "yes"})

    cancellation = sent_mail()[-1]
    assert cancellation.body.rstrip().endswith("/fr-ca/workshops/")
    parsed, event = attached_calendar(cancellation)
    assert parsed["method"] == Method.CANCEL
    assert str(event["summary"]) == "L’embauche inclusive 101"


# 4. Add to Google Calendar or Outlook ------------------------------------------


def calendar_links(html: str) -> dict[str, dict]:
    found = {}
    for href in re.findall(r'href="(https://[^"]+)"', html):
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        if parts.netloc in ("calendar.google.com", "outlook.live.com"):
            found[parts.netloc] = parse_qs(parts.query)
    return found


def test_the_workshop_page_links_to_google_and_outlook(client, workshop):
    html = client.get(workshop.url).text
    links = calendar_links(html)
    google = links["calendar.google.com"]
    assert google["action"] == ["TEMPLATE"]
    assert google["text"] == ["Inclusive hiring 101"]
    start = workshop.start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    end = workshop.end.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert google["dates"] == [f"{start}/{end}"]
    assert "Abbotsford Library" in google["location"][0]
    assert f"http://testserver{workshop.url}" in google["details"][0]
    outlook = links["outlook.live.com"]
    assert outlook["subject"] == ["Inclusive hiring 101"]
    assert outlook["startdt"][0].endswith("Z")
    assert "Add to my calendar (.ics)" in html


def test_only_a_confirmed_registrant_gets_the_online_link_in_their_calendar_links(
    client, online_workshop, sent_mail
):
    public = calendar_links(client.get(online_workshop.url).text)
    assert ONLINE_LINK not in str(public)

    question = WorkshopQuestion.objects.get(page=online_workshop, kind="choice")
    client.post(
        f"{online_workshop.url}register/", form(**{question.field_name: "None"})
    )
    link = personal_link(sent_mail()[-1])
    html = client.get(link).text
    personal = calendar_links(html)
    assert ONLINE_LINK in personal["calendar.google.com"]["details"][0]
    assert ONLINE_LINK in personal["outlook.live.com"]["body"][0]
    # The personal link stays here: only the public page goes to Google.
    assert "/registration/" not in str(personal)
    assert 'rel="noopener noreferrer"' in html


# 5. A double tap on Register ---------------------------------------------------


def test_a_double_tap_on_register_shows_the_confirmation(client, workshop, sent_mail):
    client.cookies["csrftoken"] = "a" * 32
    sent = form()
    first = client.post(REGISTER, sent)
    second = client.post(REGISTER, sent)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert "You are registered" in client.get(second["Location"]).text
    assert Registration.objects.count() == 1
    assert len(sent_mail()) == 1


def test_someone_else_sending_the_same_form_learns_nothing(client, workshop, sent_mail):
    client.cookies["csrftoken"] = "a" * 32
    sent = form()
    first = client.post(REGISTER, sent)
    token = first["Location"].split("/registration/")[1].split("/")[0]

    client.cookies["csrftoken"] = "b" * 32
    other = client.post(REGISTER, sent)
    assert other.status_code == 409
    assert token not in other.text
    assert "/registration/" not in other.text


def test_a_new_page_load_to_register_someone_else_is_not_taken_for_a_double_tap(
    client, workshop, sent_mail
):
    client.cookies["csrftoken"] = "a" * 32
    client.post(REGISTER, form())
    again = client.post(REGISTER, form(shown_at=form()["shown_at"] + "x"))
    assert again.status_code != 302 or "/registration/" not in again["Location"]


# 6. Filters no one can pick ----------------------------------------------------


@pytest.mark.parametrize("path", ["/workshops/", "/workshops/past/"])
@pytest.mark.parametrize(
    "query, note",
    [
        ({"month": "2026-13"}, "We could not use the month you asked for"),
        ({"month": "9999-12"}, "We could not use the month you asked for"),
        ({"format": "zzz"}, "We could not use the format you asked for"),
    ],
)
def test_a_bad_filter_is_ignored_with_a_polite_note(
    client, workshop, path, query, note
):
    response = client.get(path, query)
    assert response.status_code == 200
    assert note in response.text
    assert 'role="status"' in response.text
    if path == "/workshops/":
        assert "Inclusive hiring 101" in response.text


def test_a_good_filter_says_nothing(client, workshop):
    month = timezone.localtime(workshop.start).strftime("%Y-%m")
    response = client.get("/workshops/", {"month": month, "format": "in_person"})
    assert "We could not use" not in response.text


def test_the_french_index_notes_the_bad_filter_in_french(client, workshop):
    publish_in_french(workshop, slug="embauche-inclusive-101")
    with translation.override("fr-ca"):
        response = client.get("/fr-ca/workshops/", {"month": "2026-13"})
    assert response.status_code == 200
    assert "Nous n’avons pas pu utiliser le mois demandé" in response.text
