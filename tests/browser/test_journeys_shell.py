"""The public shell on a phone (390×844): menu, page width, search, checklists, errors.

Issue 16's journeys for the parts every public page shares. Screenshots go to
``SHOTS`` (default /tmp/shots/shell/) for a person to check by eye.
"""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from employers.pledges.models import Pledge, PledgePage, PledgeRegistryPage
from employers.pledges.services import lifecycle
from employers.workshops.models import WorkshopIndexPage, WorkshopPage
from employers.workshops.services import registration as service
from resources.models import GuideIndexPage, GuidePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
SHOTS = Path(os.environ.get("SHOTS", "/tmp/shots/shell"))
# The issue's example: 42 characters pushed the registration page to 541 px.
LONG_EMAIL = "fernanda.gonzalez.rodr@valleyfoods.example"
# The same workshop in French is the same seat pool: another person registers.
LONG_EMAIL_FR = "emilie.tremblay.gagnon@valleyfoods.example"


@pytest.fixture
def phone(browser):
    """A new browser context of the given size; nothing may leave the machine."""
    contexts = []
    outside: list[str] = []

    def open_tab(viewport=PHONE, javascript: bool = True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        context.on(
            "request",
            lambda request: (
                outside.append(request.url)
                if not request.url.startswith(
                    ("http://localhost", "http://127.0.0.1", "data:")
                )
                else None
            ),
        )
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()
    assert outside == [], f"third-party requests: {outside}"


def _shot(tab, name: str, *, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def _in(model, language: str):
    return model.objects.live().filter(locale__language_code=language).first()


def _focused_text(tab) -> str:
    return tab.evaluate("document.activeElement.textContent.trim()")


# Menu


def test_menu_is_collapsed_on_a_phone_and_opens_by_keyboard(
    live_server, demo_site, phone, axe_violations
):
    tab = phone()
    tab.goto(live_server.url + "/")
    toggle = tab.locator(".main-nav summary")
    first_link = tab.locator(".main-nav a").first
    assert toggle.is_visible()
    assert toggle.inner_text() == "Menu"
    assert not first_link.is_visible()
    # The menu bar takes a line, not half the screen.
    assert tab.locator(".main-nav").bounding_box()["height"] < 60
    # The language switcher stays in sight without opening the menu.
    assert tab.get_by_role("link", name="Français").is_visible()
    assert axe_violations(tab) == ""
    _shot(tab, "menu-closed")

    for _ in range(10):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert _focused_text(tab) == "Menu"
    # The focus ring shows on the blue bar.
    assert tab.evaluate("getComputedStyle(document.activeElement).boxShadow") not in (
        "",
        "none",
    )
    tab.keyboard.press("Enter")
    assert first_link.is_visible()
    assert tab.locator(".main-nav details").evaluate("d => d.open")
    assert tab.locator(".main-nav summary").get_attribute("aria-expanded") in (
        None,
        "true",
    )
    tab.keyboard.press("Tab")
    assert _focused_text(tab) == first_link.inner_text().strip()
    assert axe_violations(tab) == ""
    _shot(tab, "menu-open")

    # Escape closes it again and puts focus back on the button.
    tab.keyboard.press("Escape")
    assert not first_link.is_visible()
    assert _focused_text(tab) == "Menu"


def test_menu_opens_without_javascript_and_is_a_bar_on_wide_screens(
    live_server, demo_site, phone
):
    tab = phone(javascript=False)
    tab.goto(live_server.url + "/fr-ca/")
    toggle = tab.locator(".main-nav summary")
    assert toggle.inner_text() == "Menu"
    links = tab.locator(".main-nav a")
    assert not links.first.is_visible()
    toggle.click()
    assert all(link.is_visible() for link in links.all())

    wide = phone(viewport={"width": 1280, "height": 900}, javascript=False)
    wide.goto(live_server.url + "/")
    assert not wide.locator(".main-nav summary").is_visible()
    assert all(link.is_visible() for link in wide.locator(".main-nav a").all())


# No horizontal scroll


def _public_pages(live_server_url: str) -> dict[str, str]:
    """Every public page type, in English and French, with live data."""
    urls = {}
    listed = Pledge.objects.listed().first()
    for language, prefix in (("en", ""), ("fr-ca", "/fr-ca")):
        workshop = _in(WorkshopPage, language)
        outcome = service.register(
            workshop,
            {
                "name": "Fernanda González Rodríguez",
                "email": LONG_EMAIL if language == "en" else LONG_EMAIL_FR,
                "organization": "Coopérative agroalimentaire de la vallée du Fraser",
            },
        )
        registry = _in(PledgeRegistryPage, language)
        urls.update(
            {
                f"{language} home": prefix + "/",
                f"{language} standard page": prefix
                + ("/about/" if language == "en" else "/a-propos/"),
                f"{language} guide index": _in(GuideIndexPage, language).url,
                f"{language} guide": _in(GuidePage, language).url,
                f"{language} search results": prefix + "/search/?q=permit",
                f"{language} workshop index": _in(WorkshopIndexPage, language).url,
                f"{language} workshop": workshop.url,
                f"{language} registration form": workshop.url + "register/",
                f"{language} personal registration page": workshop.url
                + f"registration/{outcome.token}/",
                f"{language} pledge page": _in(PledgePage, language).url,
                f"{language} registry": registry.url,
                f"{language} registry profile": registry.url + f"{listed.slug}/",
                f"{language} not found": prefix + "/no-such-page/",
            }
        )
    pledge_page = _in(PledgePage, "en")
    link = lifecycle.issue_manage_link(pledge_page, listed)
    urls["en manage page"] = urlparse(link).path
    return urls


@pytest.mark.parametrize("width", [320, 390])
def test_no_public_page_scrolls_sideways(live_server, demo_site, phone, width):
    assert len(LONG_EMAIL) == len(LONG_EMAIL_FR) == 42
    urls = _public_pages(live_server.url)
    tab = phone(viewport={"width": width, "height": 844})
    too_wide = {}
    for name, url in urls.items():
        response = tab.goto(live_server.url + url)
        assert response.status == (404 if "not found" in name else 200), name
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[name] = f"{url}: {scroll_width}px"
        if width == 390 and name == "en personal registration page":
            assert tab.get_by_text(LONG_EMAIL).is_visible()
            _shot(tab, "registration-page", full_page=True)
    assert too_wide == {}


def test_registration_details_stack_label_above_value_on_a_phone(
    live_server, demo_site, phone
):
    workshop = _in(WorkshopPage, "en")
    outcome = service.register(
        workshop,
        {"name": "Fernanda", "email": LONG_EMAIL, "organization": "Valley Foods"},
    )
    tab = phone()
    tab.goto(live_server.url + workshop.url + f"registration/{outcome.token}/")
    label = tab.locator(".workshop-details dt", has_text="Organization")
    value = label.locator("xpath=following-sibling::dd[1]")
    label_box, value_box = label.bounding_box(), value.bounding_box()
    # The value starts below its label, never running into it.
    assert value_box["y"] >= label_box["y"] + label_box["height"] - 1
    email = tab.locator(".workshop-details dd", has_text="@valleyfoods")
    box = email.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]


# Search results say what they are


def test_search_results_say_which_are_guides_and_which_are_workshops(
    live_server, demo_site, phone, axe_violations
):
    tab = phone()
    tab.goto(live_server.url + "/search/?q=credentials")
    results = tab.locator(".search-result")
    kinds = [
        kind.strip() for kind in tab.locator(".search-result__kind").all_inner_texts()
    ]
    assert len(kinds) == results.count() > 0
    assert "Guide" in kinds
    assert "Workshop" in kinds
    workshop = tab.locator(
        ".search-result", has=tab.locator(".search-result__kind--workshop")
    ).first
    date = workshop.locator("time")
    assert date.is_visible()
    assert date.get_attribute("datetime")[:4].isdigit()
    # A screen reader hears what each value is.
    assert workshop.locator("dt").first.inner_text() in ("Type", "")
    assert axe_violations(tab) == ""
    _shot(tab, "search-results")

    tab.goto(live_server.url + "/fr-ca/search/?q=dipl%C3%B4mes")
    kinds = [
        kind.strip() for kind in tab.locator(".search-result__kind").all_inner_texts()
    ]
    assert "Atelier" in kinds
    assert "Guide" in kinds
    assert axe_violations(tab) == ""


# Checklists remember their ticks


def _guide_with_checklist(language: str = "en") -> GuidePage:
    for guide in GuidePage.objects.live().filter(locale__language_code=language):
        if any(block.block_type == "checklist" for block in guide.body):
            return guide
    raise AssertionError("the demo has a guide with a checklist")


def test_checklist_ticks_are_still_there_after_a_reload(live_server, demo_site, phone):
    guide = _guide_with_checklist()
    tab = phone()
    tab.goto(live_server.url + guide.url)
    boxes = tab.locator(".checklist input[type=checkbox]")
    assert boxes.count() >= 2
    boxes.nth(0).check()
    boxes.nth(1).check()
    boxes.nth(1).uncheck()

    # A new visit (not a form restore by the browser) finds the same ticks.
    again = tab.context.new_page()
    again.goto(live_server.url + guide.url)
    boxes = again.locator(".checklist input[type=checkbox]")
    assert boxes.nth(0).is_checked()
    assert not boxes.nth(1).is_checked()
    again.reload()
    assert again.locator(".checklist input[type=checkbox]").nth(0).is_checked()

    # Another guide's checklist is its own.
    other = _guide_with_checklist("fr-ca")
    again.goto(live_server.url + other.url)
    assert not again.locator(".checklist input[type=checkbox]").nth(0).is_checked()


def test_checklist_boxes_tick_without_javascript(live_server, demo_site, phone):
    tab = phone(javascript=False)
    tab.goto(live_server.url + _guide_with_checklist().url)
    box = tab.locator(".checklist input[type=checkbox]").first
    box.check()
    assert box.is_checked()


# Form errors come into view, focused


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no script"])
def test_feedback_error_is_in_view_and_focused(
    live_server, demo_site, phone, axe_violations, javascript
):
    guide = _guide_with_checklist()
    tab = phone(javascript=javascript)
    tab.goto(live_server.url + guide.url)
    tab.get_by_label("What could make it more useful? (optional)").fill(
        "Shorter, please."
    )
    tab.wait_for_timeout(2100)  # a person takes a moment; a bot does not
    with tab.expect_navigation():
        tab.get_by_role("button", name="Send").click()
    assert tab.url.endswith("/feedback/#feedback-errors")
    summary = tab.locator("[data-error-summary]")
    assert "Choose yes or no." in summary.inner_text()
    box = summary.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert tab.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    # What was typed is kept.
    assert tab.locator("textarea").input_value() == "Shorter, please."
    if javascript:
        assert axe_violations(tab) == ""
        _shot(tab, "feedback-error")
    # The error links to its question.
    summary.get_by_role("link").first.click()
    assert tab.evaluate(
        "document.activeElement.closest('fieldset.feedback__choice') !== null"
    )
