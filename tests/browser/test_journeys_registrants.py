"""Registrants on a phone (issue 16): cancel after "Are you sure?", a calendar
cancellation that calendar apps apply, a double tap on Register, a bad filter."""

import re
from pathlib import Path

import icalendar
import pytest

from django.core import mail

from employers.workshops.models import Registration

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
SHOTS = Path("/tmp/shots/registrants")


@pytest.fixture
def phone(browser):
    """A 390×844 tab that fails the test on any request leaving the machine."""
    context = browser.new_context(viewport=PHONE)
    outside: list[str] = []
    context.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("http://localhost", "http://127.0.0.1", "data:"))
            else outside.append(request.url)
        ),
    )
    tab = context.new_page()
    yield tab
    context.close()
    assert outside == [], f"third-party requests: {outside}"


def _shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _fits(tab) -> None:
    """No sideways scrolling on the phone."""
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _fill_registration(tab, email="maria@valleyfoods.example"):
    tab.get_by_label("Your name").fill("Maria Santos")
    tab.get_by_label("Work email").fill(email)
    tab.get_by_label("Organization", exact=True).fill("Valley Foods")
    tab.get_by_label("Sector").select_option(label="Manufacturing")
    tab.get_by_label("Organization size").select_option(label="50–99 employees")
    tab.get_by_label("I agree that the partnership stores").check()
    tab.wait_for_timeout(3100)  # the form refuses answers faster than a person


def _register(tab, live_server, workshop) -> None:
    tab.goto(live_server.url + workshop.url + "register/")
    _fill_registration(tab)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Register").click()
    assert "You are registered" in tab.get_by_role("status").inner_text()


def _personal_link(message) -> str:
    return re.search(r"http://\S+/registration/\S+/", message.body).group(0)


def _calendar(content: bytes):
    parsed = icalendar.Calendar.from_ical(content)
    (event,) = parsed.walk("VEVENT")
    return parsed, event


def test_cancelling_asks_are_you_sure_and_no_keeps_the_seat(
    live_server, workshop, phone, axe_violations
):
    tab = phone
    tab.goto(live_server.url + workshop.url)
    google = tab.get_by_role("link", name="Add to Google Calendar")
    assert google.get_attribute("href").startswith(
        "https://calendar.google.com/calendar/render?action=TEMPLATE"
    )
    outlook = tab.get_by_role("link", name="Add to Outlook")
    assert outlook.get_attribute("href").startswith(
        "https://outlook.live.com/calendar/0/action/compose?"
    )
    assert axe_violations(tab) == ""
    _fits(tab)
    _shot(tab, "01-workshop-page-add-to-calendar")

    _register(tab, live_server, workshop)
    assert tab.get_by_role("link", name="Add to Google Calendar").is_visible()
    assert tab.get_by_role("link", name="Add to Outlook").is_visible()
    assert "frees your seat" in tab.locator(".workshop-cancel").inner_text()
    assert axe_violations(tab) == ""
    _fits(tab)
    _shot(tab, "02-registered-personal-page")

    with tab.expect_navigation():
        tab.get_by_role("button", name="Cancel my registration").click()
    heading = tab.get_by_role("heading", level=1)
    assert heading.inner_text() == "Are you sure you want to cancel your registration?"
    assert axe_violations(tab) == ""
    _fits(tab)
    _shot(tab, "03-are-you-sure")
    # "No" keeps the seat.
    with tab.expect_navigation():
        tab.get_by_role("link", name="No, keep my registration").click()
    assert "You are registered" in tab.get_by_role("status").inner_text()
    assert Registration.objects.get().status == Registration.Status.CONFIRMED

    with tab.expect_navigation():
        tab.get_by_role("button", name="Cancel my registration").click()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Yes, cancel my registration").click()
    assert "Your registration is cancelled" in tab.get_by_role("status").inner_text()
    assert Registration.objects.get().status == Registration.Status.CANCELLED
    assert axe_violations(tab) == ""
    _fits(tab)
    _shot(tab, "04-cancelled")


def test_the_calendar_cancellation_removes_the_event(live_server, workshop, phone):
    tab = phone
    _register(tab, live_server, workshop)
    (confirmation,) = mail.outbox
    _parsed, sent = _calendar(confirmation.attachments[0][1])
    personal = tab.url.split("?")[0]
    assert personal == _personal_link(confirmation)

    with tab.expect_navigation():
        tab.get_by_role("button", name="Cancel my registration").click()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Yes, cancel my registration").click()

    # The email's attachment and the personal file: both a CANCEL that outranks.
    cancellation = mail.outbox[-1]
    assert "cancelled" in cancellation.subject
    attached = cancellation.attachments[0][1]
    downloaded = tab.request.get(personal + "?format=ics").body()
    for content in (attached, downloaded):
        parsed, event = _calendar(content)
        assert parsed["method"] == "CANCEL"
        assert event["status"] == "CANCELLED"
        assert event["uid"] == sent["uid"]
        assert event["sequence"] > sent["sequence"]
    # "See other workshops" leads to the index.
    assert cancellation.body.rstrip().endswith(live_server.url + "/workshops/")


def test_a_double_tap_on_register_shows_the_confirmation(live_server, workshop, phone):
    tab = phone
    tab.goto(live_server.url + workshop.url + "register/")
    _fill_registration(tab)
    # The form as the browser would send it a second time.
    sent = tab.evaluate(
        "() => Array.from(new FormData(document.querySelector('form.workshop-form')))"
    )
    with tab.expect_navigation():
        tab.get_by_role("button", name="Register").click()
    first = tab.url
    # The second tap's POST arrives after the first made the registration.
    with tab.expect_navigation():
        tab.evaluate(
            """([action, fields]) => {
                const form = document.createElement("form");
                form.method = "post";
                form.action = action;
                for (const [name, value] of fields) {
                    const input = document.createElement("input");
                    input.type = "hidden";
                    input.name = name;
                    input.value = value;
                    form.append(input);
                }
                document.body.append(form);
                form.submit();
            }""",
            [live_server.url + workshop.url + "register/", sent],
        )
    assert tab.url == first
    assert "You are registered" in tab.get_by_role("status").inner_text()
    assert "already registered" not in tab.content()
    assert Registration.objects.count() == 1
    _fits(tab)
    _shot(tab, "05-double-tap-confirmation")


def test_a_bad_filter_is_ignored_with_a_note(
    live_server, workshop, phone, axe_violations
):
    tab = phone
    response = tab.goto(live_server.url + "/workshops/?month=2026-13")
    assert response.status == 200
    note = tab.get_by_role("status")
    assert "We could not use the month you asked for" in note.inner_text()
    assert tab.get_by_role("link", name="Inclusive hiring 101").is_visible()
    assert axe_violations(tab) == ""
    _fits(tab)
    _shot(tab, "06-bad-month-note")

    response = tab.goto(live_server.url + "/workshops/past/?format=zzz")
    assert response.status == 200
    assert "We could not use the format" in tab.get_by_role("status").inner_text()
    _fits(tab)
    _shot(tab, "07-past-bad-format-note")
