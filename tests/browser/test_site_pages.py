"""Public pages and the admin login in a real browser: accessible, keyboard-usable."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = {
    "home": "/",
    "standard page": "/hiring-newcomers/",
    "search results": "/search/?q=permit",
    "empty search": "/search/?q=zebra",
    "not found": "/no-such-page/",
    "admin login": "/admin/login/",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_accessibility_violations(
    live_server, demo_site, page, axe_violations, name
):
    response = page.goto(live_server.url + PAGES[name])
    expected = 404 if name == "not found" else 200
    assert response.status == expected
    report = axe_violations(page)
    assert report == "", report


def test_skip_link_is_first_and_moves_focus_to_the_content(
    live_server, demo_site, page
):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")


def test_keyboard_reaches_every_main_menu_link(live_server, demo_site, page):
    page.goto(live_server.url + "/")
    menu_links = page.locator(".main-nav a").all_text_contents()
    assert menu_links
    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "document.activeElement.closest('.main-nav') ? "
            "document.activeElement.textContent.trim() : null"
        )
        if focused:
            reached.append(focused)
        if len(reached) == len(menu_links):
            break
    assert reached == [text.strip() for text in menu_links]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").count() == 1
    assert page.locator('.main-nav a[aria-current="page"]').inner_text() == reached[-1]


def test_pages_fit_a_320_pixel_screen(live_server, demo_site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for url in ("/", "/hiring-newcomers/", "/search/?q=permit"):
        tab.goto(live_server.url + url)
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
    context.close()


def test_search_works_from_the_header_without_javascript(
    live_server, demo_site, browser
):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    tab.get_by_label("Search this site").fill("credential")
    tab.get_by_label("Search this site").press("Enter")
    tab.wait_for_url("**/search/?q=credential")
    assert "Hiring newcomers: where to start" in tab.content()
    context.close()
