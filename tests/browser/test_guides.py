"""A reader finds, reads, downloads from and rates a guide in a real browser."""

import re
from pathlib import Path

import pytest

from resources.models import GuideFeedback

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_filters_opens_follows_contents_downloads_and_rates(
    live_server, demo_site, page
):
    page.goto(live_server.url + "/guides/")
    page.get_by_label("Topic", exact=True).select_option(
        label="Work permits and hiring routes"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Show guides").click()
    assert "topic=work-permits" in page.url
    cards = page.locator(".card-grid .card__title a")
    assert cards.count() >= 1
    title = cards.first.inner_text()

    with page.expect_navigation():
        cards.first.click()
    assert page.locator("h1").inner_text() == title

    contents = page.locator(".toc a")
    target = contents.nth(1)
    anchor = target.get_attribute("href")
    target.click()
    assert page.url.endswith(anchor)
    heading = page.locator(anchor)
    assert heading.is_visible()
    assert heading.evaluate("el => el.getBoundingClientRect().top") < 200

    page.goto(live_server.url + "/guides/write-inclusive-job-postings/")
    resource = page.locator(".document-link a").first
    with page.expect_download() as download_info:
        resource.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".txt")
    assert "[ ]" in Path(download.path()).read_text(encoding="utf-8")

    page.wait_for_timeout(2100)  # the form refuses answers faster than a person
    page.get_by_label("Yes").check()
    page.get_by_label("What could make it more useful?").fill("A sample posting.")
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    assert re.search(r"feedback=thanks#feedback$", page.url), page.locator(
        "#feedback"
    ).inner_text()
    assert page.get_by_role("status").inner_text().startswith("Thank you")
    answer = GuideFeedback.objects.get()
    assert answer.helpful and answer.comment == "A sample posting."


@pytest.mark.parametrize("url", ["/guides/", "/guides/?topic=credentials&q=zzz"])
def test_guide_index_has_no_accessibility_violations(
    live_server,
    guide_with_every_block,
    page,
    axe_violations,
    url,
):
    page.goto(live_server.url + url)
    report = axe_violations(page)
    assert report == "", report


def test_guide_with_every_block_has_no_accessibility_violations(
    live_server,
    guide_with_every_block,
    page,
    axe_violations,
):
    page.goto(live_server.url + "/guides/work-permits/")
    page.locator("details").first.evaluate("el => el.open = true")
    report = axe_violations(page)
    assert report == "", report


def test_feedback_errors_are_accessible(
    live_server,
    guide_with_every_block,
    page,
    axe_violations,
):
    page.goto(live_server.url + "/guides/work-permits/")
    page.wait_for_timeout(2100)
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    assert page.locator(".field-error", has_text="Choose yes or no.").is_visible()
    assert page.get_by_role("link", name="Was this guide helpful?").is_visible()
    report = axe_violations(page)
    assert report == "", report


def test_guide_prints_without_navigation_and_with_link_addresses(
    live_server, guide_with_every_block, page
):
    page.goto(live_server.url + "/guides/work-permits/")
    page.emulate_media(media="print")
    for hidden in (".main-nav", ".toc", ".feedback", ".header-search"):
        assert not page.locator(hidden).first.is_visible(), hidden
    source = page.locator(".sources a").first
    after = source.evaluate("el => getComputedStyle(el, '::after').content")
    assert "https://www.jobbank.gc.ca/" in after
    assert page.locator(".checklist input[type=checkbox]").first.is_visible()
