"""At the door (issue 16): a registrant's pass on a phone, staff check-in on a
tablet by typed reference, and the camera scanner where the browser has one."""

import re
from pathlib import Path

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.users.models import UserProfile

from employers.workshops import door
from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import Registration
from employers.workshops.services import registration as service

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}
# The label, then Wagtail's required mark.
REFERENCE = re.compile(r"^Reference\b")
PASSWORD = "door-password"
SHOTS = Path("/tmp/shots/door")


def _shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def coordinator(django_user_model):
    user = django_user_model.objects.create_user("aisha", "a@example.com", PASSWORD)
    group = Group.objects.create(name="Door coordinators (test)")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_registration",
                "change_registration",
                "add_registration",
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


def _no_sideways_scroll(tab, width: int) -> None:
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def test_registrant_sees_reference_and_qr_code_on_a_phone(
    live_server, workshop, browser, axe_violations
):
    outcome = service.register(
        workshop,
        {"name": "Maria Santos", "email": "m@example.com", "organization": "Valley"},
    )
    reference = door.display_reference(outcome.registration.reference)
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(live_server.url + workshop.url + f"registration/{outcome.token}/")

    code = tab.get_by_role("img", name=f"QR code for reference {reference}")
    assert code.is_visible()
    assert code.evaluate("el => el.tagName.toLowerCase()") == "svg"
    box = code.bounding_box()
    assert 120 <= box["width"] <= PHONE["width"]
    assert tab.get_by_text(reference, exact=True).is_visible()
    assert tab.get_by_role("heading", name="At the door").is_visible()
    _no_sideways_scroll(tab, PHONE["width"])
    code.scroll_into_view_if_needed()
    _shot(tab, "phone-390-door-pass")
    report = axe_violations(tab)
    context.close()
    assert report == "", report


def test_coordinator_checks_in_by_typed_reference_on_a_tablet(
    live_server, workshop, browser, coordinator, axe_violations
):
    maria = RegistrationFactory(workshop=workshop, name="Maria Santos")
    waiting = RegistrationFactory(
        workshop=workshop, name="Li Wei", status=Registration.Status.WAITLISTED
    )
    RegistrationFactory.create_batch(6, workshop=workshop)
    context = browser.new_context(viewport=TABLET)
    tab = context.new_page()
    _log_in(tab, live_server, coordinator)
    tab.goto(f"{live_server.url}/admin/workshops/{workshop.pk}/check-in/")

    # The sidebar does not eat the tablet: the form and the list get the width.
    for selector in (".check-in__reference", ".check-in__list"):
        width = tab.locator(selector).bounding_box()["width"]
        assert width >= 700, f"{selector} is {width}px wide"
    _no_sideways_scroll(tab, TABLET["width"])
    _shot(tab, "tablet-820-check-in")
    assert axe_violations(tab) == ""

    # Typed the way people read it: lower case, with the hyphen.
    field = tab.get_by_role("textbox", name=REFERENCE)
    field.fill(door.display_reference(maria.reference).lower())
    with tab.expect_navigation():
        field.press("Enter")
    _shot(tab, "tablet-820-checked-in-by-reference")
    assert tab.get_by_text("Checked in: Maria Santos.").is_visible()
    assert tab.get_by_role("button", name="Undo: Maria Santos").is_visible()
    maria.refresh_from_db()
    assert maria.attended_at is not None

    tab.get_by_role("textbox", name=REFERENCE).fill(waiting.reference)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Check in by reference").click()
    assert tab.get_by_text("Li Wei is on the waitlist").is_visible()
    waiting.refresh_from_db()
    assert waiting.attended_at is None

    tab.get_by_role("textbox", name=REFERENCE).fill("ZZZZ-9999")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Check in by reference").click()
    error = tab.get_by_text("No registration for this workshop has this reference.")
    assert error.is_visible()
    _shot(tab, "tablet-820-unknown-reference")
    assert axe_violations(tab) == ""

    # A phone's camera app opens the address in the code: found, not yet in.
    dev = RegistrationFactory(workshop=workshop, name="Dev Patel")
    tab.goto(live_server.url + door.check_in_url(dev))
    assert tab.get_by_text("Found: Dev Patel. Check them in below.").is_visible()
    assert tab.locator(".check-in__person").count() == 1
    _shot(tab, "tablet-820-found-by-qr-address")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Check in: Dev Patel").click()
    dev.refresh_from_db()
    assert dev.attended_at is not None
    report = axe_violations(tab)
    context.close()
    assert report == "", report


# Desktop Chromium on Linux has no BarcodeDetector and the test machine has no
# camera: stand both in, the detector answering with what a pass's code holds.
FAKE_CAMERA = """
window.BarcodeDetector = class {
  static getSupportedFormats() { return Promise.resolve(["qr_code"]); }
  constructor(options) { this.formats = options.formats; }
  detect() {
    window.__detections = (window.__detections || 0) + 1;
    return Promise.resolve(
      window.__detections < 3 ? [] : [{ rawValue: window.__scanned }]
    );
  }
};
navigator.mediaDevices.getUserMedia = () => {
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 64;
  canvas.getContext("2d").fillRect(0, 0, 64, 64);
  return Promise.resolve(canvas.captureStream(5));
};
"""


def test_scanning_a_pass_with_the_camera_checks_the_person_in(
    live_server, workshop, browser, coordinator
):
    maria = RegistrationFactory(workshop=workshop, name="Maria Santos")
    scanned = live_server.url + door.check_in_url(maria)
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    _log_in(tab, live_server, coordinator)
    tab.goto(f"{live_server.url}/admin/workshops/{workshop.pk}/check-in/")
    # Without a detector the button stays hidden: the typed field is the way.
    assert not tab.get_by_role("button", name="Scan QR code").is_visible()

    tab.add_init_script(FAKE_CAMERA + f"window.__scanned = {scanned!r};")
    tab.goto(f"{live_server.url}/admin/workshops/{workshop.pk}/check-in/")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Scan QR code").click()
    assert tab.get_by_text("Checked in: Maria Santos.").is_visible()
    maria.refresh_from_db()
    assert maria.attended_at is not None
    context.close()


def test_coordinator_exports_the_registrations_on_screen(
    live_server, workshop, browser, coordinator, axe_violations
):
    RegistrationFactory(workshop=workshop, name="Maria Santos")
    RegistrationFactory(workshop=workshop, name="Dev Patel")
    context = browser.new_context(viewport=TABLET, accept_downloads=True)
    tab = context.new_page()
    _log_in(tab, live_server, coordinator)
    tab.goto(f"{live_server.url}/admin/workshops/registrations/?workshop={workshop.pk}")
    button = tab.get_by_role("link", name="Export 2 registrations as CSV")
    assert button.is_visible()
    _shot(tab, "tablet-820-registrations-export")
    with tab.expect_download() as download:
        button.click()
    text = Path(download.value.path()).read_text()
    assert "Maria Santos" in text and "Dev Patel" in text
    report = axe_violations(tab)
    context.close()
    assert report == "", report


# Each word of each name in the list, as lines on screen: more than one line
# is a word broken in two.
BROKEN_WORDS = """
() => [...document.querySelectorAll("table.listing td.title a")].flatMap(link => {
  const text = link.firstChild;
  return [...text.textContent.matchAll(/\\S+/g)].filter(match => {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
  }).map(match => match[0]);
})
"""


def test_registration_list_keeps_names_whole_on_a_tablet_in_french(
    live_server, workshop, browser, coordinator
):
    """With the sidebar open at 820 px, the French list's long headings and
    workshop titles once squeezed the names until they broke mid-word."""
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "fr"
    profile.save()
    workshop.title = "Inclusive hiring 101 (spring session)"
    workshop.save_revision().publish()
    for name in ("Omar Okafor", "Amara Nasser", "Raj Smith", "Li Rossi"):
        RegistrationFactory(
            workshop=workshop,
            name=name,
            organization="Chilliwack Care Home",
            accommodation_needs="Step-free access",
        )
    context = browser.new_context(viewport=TABLET)
    tab = context.new_page()
    _log_in(tab, live_server, coordinator)
    tab.goto(f"{live_server.url}/admin/workshops/registrations/")
    assert tab.get_by_role("link", name="Omar Okafor").is_visible()
    broken = tab.evaluate(BROKEN_WORDS)
    _shot(tab, "tablet-820-registrations-fr")
    context.close()
    assert broken == []
