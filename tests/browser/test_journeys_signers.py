"""A pledge signer on a phone (issue 16): the logo survives a form error, and
after withdrawal the badge on their careers page is still an image."""

import datetime
from pathlib import Path

import pytest
from PIL import Image

from django.core import mail
from django.utils import timezone

from employers.pledges.factories import (
    CommitmentFactory,
    PledgePageFactory,
    PledgeRegistryPageFactory,
)
from employers.pledges.models import Pledge
from employers.pledges.services.lifecycle import issue_manage_link
from home.models import Community
from tests.browser.test_pledges import delivered

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/tmp/shots/signers")
PHONE = {"width": 390, "height": 844}
COMMITMENTS = ("Hire for skills", "Post jobs with agencies", "Offer a buddy")


@pytest.fixture
def pledge_site(home_page):
    page = PledgePageFactory(parent=home_page)
    PledgeRegistryPageFactory(parent=page)
    for title in COMMITMENTS:
        CommitmentFactory(title=title)
    Community.objects.create(name="Abbotsford")
    return page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=False)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_logo_survives_an_error_and_the_withdrawn_badge_is_an_image(
    live_server, pledge_site, page, axe_violations, tmp_path
):
    page.set_viewport_size(PHONE)
    logo = tmp_path / "harbour-logo.png"
    Image.new("RGB", (200, 100), "#1d4f91").save(logo)

    page.goto(live_server.url + "/pledge/")
    page.get_by_label("Organization name", exact=True).fill("Harbour Software")
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
    for title in COMMITMENTS:
        page.get_by_label(title).check()
    page.locator("#id_logo").set_input_files(str(logo))
    # The consent box is left unticked: the form comes back with an error.
    page.wait_for_timeout(3100)  # the form refuses posts faster than a person
    with page.expect_navigation():
        page.get_by_role("button", name="Sign the pledge").click()

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "To sign, agree to your organization being listed." in (summary.inner_text())
    assert ".: To sign" not in summary.inner_text()
    kept = page.locator("#kept-logo")
    assert kept.inner_text() == (
        "Logo kept: harbour-logo.png — choose another file to replace it."
    )
    assert no_sideways_scroll(page)
    assert axe_violations(page) == ""
    shot(page, "01-sign-error-summary.png")
    kept.scroll_into_view_if_needed()
    shot(page, "02-sign-logo-kept.png")

    page.get_by_label("I agree that the organization").check()
    page.wait_for_timeout(3100)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign the pledge").click()
    assert page.locator("h1").inner_text() == "Thank you for signing"
    pledge = Pledge.objects.get()
    assert pledge.logo.name.endswith(".webp")
    assert (pledge.logo_width, pledge.logo_height) == (200, 100)

    # Staff approve it (their journey is in test_pledges.py).
    now = timezone.now()
    Pledge.objects.filter(pk=pledge.pk).update(
        status=Pledge.Status.APPROVED,
        verified_at=now,
        approved_at=now,
        expires_at=now + datetime.timedelta(days=365),
    )
    pledge.refresh_from_db()
    badge = f"{live_server.url}/pledge/registry/{pledge.slug}/badge.svg"

    manage = issue_manage_link(pledge_site, pledge).removeprefix("http://localhost")
    page.goto(live_server.url + manage)
    assert "(optional, public)" not in page.content()
    assert no_sideways_scroll(page)
    page.get_by_label("Yes, withdraw our pledge").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Withdraw").click()
    assert page.locator("h1").inner_text() == "Your pledge is withdrawn"
    shot(page, "03-withdrawn.png")
    message = delivered(page, "is withdrawn")
    assert message.to == ["dev@harbour.example"]
    assert message.subject == "The pledge for Harbour Software is withdrawn"
    assert len([m for m in mail.outbox if "is withdrawn" in m.body]) == 1

    response = page.request.get(badge)
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    # As an employer's careers page shows it.
    page.set_content(
        f'<main><h1>Careers</h1><img id="badge" src="{badge}" '
        'alt="Inclusive workplace pledge" width="320" height="120"></main>'
    )
    page.wait_for_function("document.getElementById('badge').complete")
    width = page.evaluate("document.getElementById('badge').naturalWidth")
    assert width > 0
    shot(page, "04-withdrawn-badge-on-careers-page.png")
