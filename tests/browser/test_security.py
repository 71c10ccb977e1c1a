"""The Content Security Policy breaks nothing, and cached pages work for everyone."""

import pytest

from resources.models import GuideFeedback

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLIC_PAGES = [
    "/",
    "/guides/",
    "/guides/write-inclusive-job-postings/",
    "/pledge/",
    "/pledge/registry/",
    "/workshops/",
    "/search/?q=permit",
]


def _watch_csp(tab) -> list[str]:
    """Collect what Chromium reports blocking under the policy."""
    refused: list[str] = []
    tab.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return refused


def test_public_pages_run_under_the_strict_policy(live_server, demo_site, page):
    refused = _watch_csp(page)
    for path in PUBLIC_PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
    assert refused == []

    # The brand colours come from their stylesheet, not an inline style.
    colour = page.evaluate(
        "getComputedStyle(document.documentElement)"
        ".getPropertyValue('--colour-primary').trim()"
    )
    assert colour == demo_site.get_site().sitesettings.primary_colour


def test_site_script_runs_under_the_policy(live_server, workshop, page):
    refused = _watch_csp(page)
    page.goto(live_server.url + "/workshops/inclusive-hiring-101/register/")
    page.wait_for_timeout(3100)
    with page.expect_navigation():
        page.get_by_role("button", name="Register").click()
    # site.js moves focus to the error summary.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert refused == []


def test_the_admin_works_under_its_own_policy(
    live_server, demo_site, browser, django_user_model
):
    django_user_model.objects.create_superuser("aisha", "", "admin-password")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    refused = _watch_csp(tab)
    tab.goto(live_server.url + "/admin/login/")
    tab.get_by_label("Username").fill("aisha")
    tab.get_by_label("Password").fill("admin-password")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Sign in").click()

    # Wagtail's user bar on a public page works under the strict policy.
    tab.goto(live_server.url + "/")
    tab.locator("wagtail-userbar").wait_for(state="attached")
    tab.get_by_role("button", name="View Wagtail quick actions").click()
    tab.get_by_role("menuitem", name="Edit this page").wait_for(state="visible")

    guide = demo_site.get_descendants().get(slug="write-inclusive-job-postings")
    response = tab.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    # The rich text editor and the live preview panel are scripts.
    tab.locator(".Draftail-Editor").first.wait_for()
    tab.get_by_role("button", name="Toggle preview").click()
    # Framed from the admin: its frame-ancestors and X-Frame-Options allow it.
    heading = tab.frame_locator("iframe#w-preview-iframe").locator("h1")
    heading.wait_for(state="attached")
    assert heading.text_content().strip() == guide.title
    context.close()
    assert refused == []


def test_two_readers_rate_a_guide_from_the_cached_page(
    live_server, guide_with_every_block, browser, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    url = live_server.url + "/guides/work-permits/"
    # The first visit ever creates the settings rows, which starts the cache
    # afresh; readers come after it.
    browser.new_context().new_page().goto(url)
    tabs = [browser.new_context().new_page() for _reader in range(2)]
    states = [tab.goto(url).headers["x-cache"] for tab in tabs]
    assert states == ["miss", "hit"]
    tabs[1].wait_for_timeout(2100)  # the form refuses answers faster than a person
    for tab in reversed(tabs):
        tab.get_by_label("Yes").check()
        with tab.expect_navigation():
            tab.get_by_role("button", name="Send").click()
        assert tab.get_by_role("status").inner_text().startswith("Thank you")
    assert GuideFeedback.objects.count() == 2
