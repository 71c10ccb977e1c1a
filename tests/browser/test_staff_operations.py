"""Staff tools in a real browser: dashboard, emailing registrants, privacy requests."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.core import mail

from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import RegistrantEmail

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "staff-password"


@pytest.fixture
def coordinator(django_user_model):
    user = django_user_model.objects.create_user(
        "aisha", "aisha@example.com", PASSWORD, first_name="Aisha"
    )
    group = Group.objects.create(name="Event coordinators (test)")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_registration",
                "change_registration",
                "email_registrants",
                "view_workshopfeedback",
                "manage_personal_data",
            ]
        )
    )
    user.groups.add(group)
    return user


def _log_in(tab, live_server, user):
    tab.goto(live_server.url + "/admin/login/")
    tab.get_by_label("Username").fill(user.username)
    tab.get_by_label("Password").fill(PASSWORD)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Sign in").click()


def test_coordinator_previews_and_emails_registrants(
    live_server, workshop, page, coordinator, axe_violations
):
    RegistrationFactory(workshop=workshop, name="Maria Santos", email="m@example.com")
    RegistrationFactory(workshop=workshop, name="Dev Patel", email="d@example.com")
    _log_in(page, live_server, coordinator)
    assert page.locator("#upcoming-workshops-section").is_visible()
    assert page.locator("#failed-emails-section").is_visible()
    assert axe_violations(page) == ""

    page.goto(f"{live_server.url}/admin/workshops/{workshop.pk}/check-in/")
    with page.expect_navigation():
        page.get_by_role("link", name="Email registrants").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Preview").click()
    assert page.get_by_text("Choose at least one group of people.").count() == 0
    assert page.get_by_text("This field is required.").first.is_visible()
    assert axe_violations(page) == ""

    page.get_by_label("Subject").fill("Parking at the library")
    page.get_by_label("Message").fill("The front lot is closed.\nPark behind.")
    with page.expect_navigation():
        page.get_by_role("button", name="Preview").click()
    assert "2 people will receive this message" in page.content()
    assert "Hello Dev Patel," in page.locator("pre").inner_text()
    assert axe_violations(page) == ""
    with page.expect_navigation():
        page.get_by_role("button", name="Send to 2 people").click()

    assert "on its way to 2 people" in page.content()
    assert RegistrantEmail.objects.get().recipient_count == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["d@example.com", "m@example.com"]
    assert page.get_by_text("Parking at the library").is_visible()
    # Wagtail's messages fade in; measure contrast once they have.
    page.locator(".messages").evaluate(
        "el => Promise.all(el.getAnimations({subtree: true}).map(a => a.finished))"
    )
    assert axe_violations(page) == ""


def test_privacy_request_search_and_erasure(
    live_server, workshop, page, coordinator, axe_violations
):
    RegistrationFactory(
        workshop=workshop, name="Maria Santos", email="maria@example.com"
    )
    _log_in(page, live_server, coordinator)
    page.goto(live_server.url + "/admin/privacy/")
    assert axe_violations(page) == ""
    page.get_by_label("Email address").fill("MARIA@example.com")
    with page.expect_navigation():
        page.get_by_role("button", name="Find").click()
    assert "Maria Santos" in page.content()
    assert axe_violations(page) == ""

    with page.expect_navigation():
        page.get_by_role("button", name="Erase…").click()
    assert page.get_by_text("This cannot be undone.").is_visible()
    assert axe_violations(page) == ""
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, erase it").click()
    assert "Erased 1 record" in page.content()
    page.locator(".messages").evaluate(
        "el => Promise.all(el.getAnimations({subtree: true}).map(a => a.finished))"
    )
    assert axe_violations(page) == ""
    assert "maria@example.com" not in page.content().lower()
