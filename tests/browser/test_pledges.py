"""A business signs the pledge, confirms by email, is approved, and manages it."""

import re

import pytest

from django.core import mail

from employers.pledges.factories import (
    CommitmentFactory,
    PledgePageFactory,
    PledgeRegistryPageFactory,
)
from employers.pledges.models import Pledge
from home.models import Community

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def pledge_site(home_page):
    page = PledgePageFactory(parent=home_page)
    PledgeRegistryPageFactory(parent=page)
    for title in ("Hire for skills", "Post jobs with agencies", "Offer a buddy"):
        CommitmentFactory(title=title)
    Community.objects.create(name="Abbotsford")
    return page


def delivered(page, pattern: str):
    """The newest email whose body matches ``pattern``; link emails leave
    after the response, so wait for it (an earlier email may hold a plainer
    match, such as the approval's link to the page that sends manage links)."""
    for _ in range(50):
        found = [m for m in mail.outbox if re.search(pattern, m.body)]
        if found:
            return found[-1]
        page.wait_for_timeout(100)
    raise AssertionError(f"no email matching {pattern!r}")


def path_in(message, route: str) -> str:
    return re.search(rf"https?://[^/\s]+(/\S*/{route}/[\w-]+/)", message.body)[1]


def test_sign_confirm_approve_report_progress_and_withdraw(
    live_server, pledge_site, page, axe_violations, admin_user
):
    page.goto(live_server.url + "/pledge/")
    assert axe_violations(page) == ""

    page.get_by_label("Organization name", exact=True).fill("Harbour Software")
    page.wait_for_timeout(3100)  # the form refuses posts faster than a person
    with page.expect_navigation():
        page.get_by_role("button", name="Sign the pledge").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.evaluate(
        "el => el.contains(document.activeElement) || "
        "!!document.activeElement.closest('#form-feedback')"
    )
    assert (
        page.get_by_label("Organization name", exact=True).input_value()
        == "Harbour Software"
    )
    assert axe_violations(page) == ""

    page.get_by_label("Sector", exact=True).select_option(
        label="Information and cultural industries"
    )
    page.get_by_label("Number of employees", exact=True).select_option(
        label="10–49 employees"
    )
    page.get_by_label("Community", exact=True).select_option("Abbotsford")
    page.get_by_label("Your name", exact=True).fill("Dev Sharma")
    page.get_by_label("Job title", exact=True).fill("Owner")
    page.get_by_label("Work email", exact=True).fill("dev@harbour.example")
    for title in ("Hire for skills", "Post jobs with agencies", "Offer a buddy"):
        page.get_by_label(title).check()
    page.get_by_label("I agree that the organization").check()
    page.wait_for_timeout(3100)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign the pledge").click()
    assert page.locator("h1").inner_text() == "Thank you for signing"
    # The form's own fragment (#form-feedback) is not carried to the thanks.
    assert page.url == live_server.url + "/pledge/thank-you/#main"

    page.goto(live_server.url + path_in(mail.outbox[-1], "confirm"))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my email").click()
    assert page.locator("h1").inner_text() == "Your email is confirmed"
    pledge = Pledge.objects.get()
    assert pledge.status == Pledge.Status.PENDING

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("password")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + f"/admin/snippets/pledges/pledge/inspect/{pledge.pk}/")
    assert "dev@harbour.example" in page.content()
    with page.expect_navigation():
        page.get_by_role("link", name="Approve").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, approve").click()
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.APPROVED
    approved = mail.outbox[-1]
    assert "/pledge/registry/harbour-software/" in approved.body
    page.context.clear_cookies()

    page.goto(live_server.url + "/pledge/registry/")
    page.get_by_label("Sector", exact=True).select_option(
        label="Information and cultural industries"
    )
    page.get_by_label("Community", exact=True).select_option("Abbotsford")
    with page.expect_navigation():
        page.get_by_role("button", name="Show employers").click()
    assert "Harbour Software" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Harbour Software").first.click()
    assert page.locator("h1").inner_text() == "Harbour Software"

    page.goto(live_server.url + "/pledge/manage/")
    page.get_by_label("Work email", exact=True).fill("dev@harbour.example")
    page.wait_for_timeout(2100)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the link").click()
    manage_link = delivered(page, r"/manage/[\w-]+/")
    page.goto(live_server.url + path_in(manage_link, "manage"))
    assert axe_violations(page) == ""
    for group in page.locator(".progress-item").all():
        group.get_by_label("Done").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress").click()
    assert page.get_by_role("status").inner_text() == "Your changes are saved."
    pledge.refresh_from_db()
    assert pledge.level == Pledge.Level.CHAMPION

    page.get_by_label("Yes, withdraw our pledge").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Withdraw").click()
    assert page.locator("h1").inner_text() == "Your pledge is withdrawn"
    assert not Pledge.objects.listed().exists()
