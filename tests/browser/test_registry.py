"""An employer browses the pledge registry in a real browser, keyboard and mouse."""

import csv
import io
import json
from pathlib import Path

import pytest

from employers.pledges.models import Pledge

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _expected(**filters) -> list[str]:
    return list(
        Pledge.objects.listed()
        .filter(**filters)
        .order_by("-approved_at", "organization_name", "pk")
        .values_list("organization_name", flat=True)
    )


def test_visitor_filters_with_the_keyboard_and_opens_a_profile(
    live_server, demo_site, page
):
    expected = _expected(community="Abbotsford", size_band="10-49")
    assert expected, "the demo has small employers in Abbotsford"

    page.goto(live_server.url + "/pledge/registry/")
    page.get_by_label("Community").focus()
    page.keyboard.press("ArrowDown")  # All communities → Abbotsford
    assert page.get_by_label("Community").input_value() == "Abbotsford"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "registry-size"
    page.keyboard.press("ArrowDown")  # All sizes → 1–9
    page.keyboard.press("ArrowDown")  # → 10–49
    assert page.get_by_label("Size").input_value() == "10-49"
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "community=Abbotsford" in page.url and "size=10-49" in page.url
    titles = page.locator(".registry-card__title a").all_inner_texts()
    assert titles == expected
    assert page.get_by_label("Community").input_value() == "Abbotsford"
    assert page.get_by_role("link", name="Clear filters").is_visible()

    with page.expect_navigation():
        page.get_by_role("link", name=expected[0]).click()
    assert page.locator("h1").inner_text() == expected[0]
    assert (
        page.get_by_label("Copy this HTML")
        .input_value()
        .startswith(f'<a href="{live_server.url}/pledge/registry/')
    )
    badge = page.locator(".registry-badge img")
    assert badge.evaluate("img => img.complete && img.naturalWidth") == 320


def test_filters_work_with_clicks_and_without_javascript(
    live_server, demo_site, browser
):
    expected = _expected(sector="31-33", level="active")
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/pledge/registry/")
    tab.get_by_label("Sector").select_option(label="Manufacturing")
    tab.get_by_label("Level").select_option(label="Active")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Show employers").click()
    titles = tab.locator(".registry-card__title a").all_inner_texts()
    assert titles == expected
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "/pledge/registry/",
        "/pledge/registry/?community=Mission&sort=name",
        "/pledge/registry/?q=nobody-matches-this",
        "/pledge/registry/valley-berry-farms/",
    ],
)
def test_registry_pages_have_no_accessibility_violations(
    live_server, demo_site, page, axe_violations, url
):
    response = page.goto(live_server.url + url)
    assert response.status == 200
    report = axe_violations(page)
    assert report == "", report


def test_registry_fits_a_320_pixel_screen(live_server, demo_site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for url in ("/pledge/registry/", "/pledge/registry/valley-berry-farms/"):
        tab.goto(live_server.url + url)
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
    context.close()


def test_download_links_give_the_filtered_list_excel_can_read(
    live_server, demo_site, page
):
    expected = _expected(sector="31-33", level="active")
    assert expected, "the demo has active manufacturers"

    page.goto(live_server.url + "/pledge/registry/")
    page.get_by_label("Sector").select_option(label="Manufacturing")
    page.get_by_label("Level").select_option(label="Active")
    with page.expect_navigation():
        page.get_by_role("button", name="Show employers").click()
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV", exact=True).click()
    with page.expect_download() as json_download:
        page.get_by_role("link", name="JSON", exact=True).click()

    body = Path(csv_download.value.path()).read_bytes()
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark"
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row["organization"] for row in rows] == expected
    data = json.loads(Path(json_download.value.path()).read_bytes())
    assert [o["organization"] for o in data["organizations"]] == expected
    assert data["count"] == len(expected)
