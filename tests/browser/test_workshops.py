"""Register, get the calendar file, cancel, claim a freed seat, check people in."""

import re

import icalendar
import pytest

from django.core import mail

from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import Registration
from employers.workshops.services import registration as service

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def _fill_registration(page, email="maria@valleyfoods.example"):
    page.get_by_label("Your name").fill("Maria Santos")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Organization", exact=True).fill("Valley Foods")
    page.get_by_label("Sector").select_option(label="Manufacturing")
    page.get_by_label("Organization size").select_option(label="50–99 employees")
    page.get_by_label("I agree that the partnership stores").check()
    page.wait_for_timeout(3100)  # the form refuses answers faster than a person


def _link(message, kind: str) -> str:
    return re.search(rf"http://\S+/{kind}/\S+/", message.body).group(0)


def test_register_get_the_calendar_file_and_cancel(live_server, workshop, page):
    page.goto(live_server.url + "/workshops/")
    with page.expect_navigation():
        page.get_by_role("link", name="Inclusive hiring 101").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Register").click()
    _fill_registration(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Register").click()
    assert "You are registered" in page.get_by_role("status").inner_text()

    (message,) = mail.outbox
    assert message.to == ["maria@valleyfoods.example"]
    name, content, _type = message.attachments[0]
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Inclusive hiring 101"

    page.goto(_link(message, "registration"))
    assert page.locator("h1").inner_text() == "Your registration"
    with page.expect_navigation():
        page.get_by_role("button", name="Cancel my registration").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, cancel my registration").click()
    assert "Your registration is cancelled" in page.get_by_role("status").inner_text()
    assert Registration.objects.get().status == Registration.Status.CANCELLED


def test_waitlisted_person_is_offered_the_seat_and_claims_it(
    live_server, workshop, page
):
    holders = RegistrationFactory.create_batch(3, workshop=workshop)
    page.goto(live_server.url + workshop.url + "register/")
    assert page.locator("h1").inner_text() == "Join the waitlist"
    _fill_registration(page, email="dev@bytestudio.example")
    with page.expect_navigation():
        page.get_by_role("button", name="Join the waitlist").click()
    assert "waitlist, number 1" in page.get_by_role("status").inner_text()

    service.cancel(holders[0], base_url=live_server.url)
    offer = mail.outbox[-1]
    assert offer.to == ["dev@bytestudio.example"]
    page.goto(_link(offer, "claim"))
    with page.expect_navigation():
        page.get_by_role("button", name="Claim my seat").click()
    assert "You are registered" in page.get_by_role("status").inner_text()
    claimed = Registration.objects.get(email="dev@bytestudio.example")
    assert claimed.status == Registration.Status.CONFIRMED


def _log_in(tab, live_server, user):
    tab.goto(live_server.url + "/admin/login/")
    tab.get_by_label("Username").fill(user.username)
    tab.get_by_label("Password").fill("door-password")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Sign in").click()


@pytest.fixture
def door_staff(django_user_model):
    return django_user_model.objects.create_superuser(
        "door", "door@example.com", "door-password"
    )


def test_staff_check_someone_in_on_a_phone(
    live_server, workshop, browser, door_staff, axe_violations
):
    RegistrationFactory(workshop=workshop, name="Maria Santos", organization="Valley")
    RegistrationFactory(workshop=workshop, name="Dev Patel", organization="Byte")
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    _log_in(tab, live_server, door_staff)
    tab.goto(f"{live_server.url}/admin/workshops/{workshop.pk}/check-in/")
    tab.get_by_label("Find by name or organization").fill("byte")
    with tab.expect_navigation():
        tab.get_by_label("Find by name or organization").press("Enter")
    assert tab.get_by_text("Maria Santos").count() == 0
    with tab.expect_navigation():
        tab.get_by_role("button", name="Check in: Dev Patel").click()
    assert tab.get_by_role("button", name="Undo: Dev Patel").is_visible()
    assert Registration.objects.get(name="Dev Patel").attended_at is not None
    assert "1 checked in" in tab.locator(".check-in__counts").inner_text()
    # Keyboard only: focus the button and press Enter to undo.
    tab.get_by_role("button", name="Undo: Dev Patel").focus()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert Registration.objects.get(name="Dev Patel").attended_at is None
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    report = axe_violations(tab)
    context.close()
    assert report == "", report


def test_public_workshop_pages_have_no_accessibility_violations(
    live_server, workshop, online_workshop, page, axe_violations
):
    outcome = service.register(
        workshop, {"name": "Maria", "email": "m@example.com", "organization": "V"}
    )
    urls = [
        "/workshops/",
        "/workshops/past/",
        workshop.url,
        online_workshop.url,
        workshop.url + f"registration/{outcome.token}/",
    ]
    for url in urls:
        page.goto(live_server.url + url)
        report = axe_violations(page)
        assert report == "", f"{url}: {report}"
    page.goto(live_server.url + online_workshop.url + "register/")
    with page.expect_navigation():
        page.get_by_role("button", name="Register").click()
    assert page.locator(".error-summary").is_visible()
    report = axe_violations(page)
    assert report == "", f"form with errors: {report}"
