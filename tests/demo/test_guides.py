"""The demo's guide library, built from the Markdown in demo/content/guides/."""

import io

import pytest

from django.core.management import call_command

from wagtail.models import Locale

from demo.files import read_yaml
from resources.models import GuideIndexPage, GuidePage, GuideView

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_year_of_views_and_loading_it_again_adds_none(demo_site):
    counts = dict(GuideView.objects.values_list("pk", "count"))
    assert counts and GuideView.objects.values("guide").distinct().count() == 11
    call_command("load_demo_data", force=True, stdout=io.StringIO())
    assert dict(GuideView.objects.values_list("pk", "count")) == counts


def test_every_listed_guide_is_published_in_order_with_the_first_three_featured(
    demo_site,
):
    slugs = read_yaml("guides.yaml")["guides"]
    index = GuideIndexPage.objects.get(locale=Locale.get_default())
    assert (
        list(GuidePage.objects.child_of(index).live().values_list("slug", flat=True))
        == slugs
    )
    assert [item.guide.slug for item in index.featured_guides.all()] == slugs[:3]


def test_demo_guide_has_its_blocks_worksheet_and_sources(client, demo_site):
    guide = GuidePage.objects.get(slug="write-inclusive-job-postings")
    types = [block.block_type for block in guide.body]
    assert types[-2:] == ["key_takeaways", "sources"]
    assert {"heading", "paragraph", "checklist", "callout", "employer_story"} <= set(
        types
    )
    # Each checklist is followed by its worksheet.
    checklist = types.index("checklist")
    assert types[checklist + 1] == "resource"
    worksheet = guide.body[checklist + 1].value["document"]
    assert worksheet.title == "Before you post (worksheet)"
    assert {topic.slug for topic in guide.topics.all()} == {"recruiting"}
    assert guide.last_reviewed.isoformat() == "2026-03-16"

    response = client.get(guide.url)
    assert response.status_code == 200
    assert "Start with what the job really needs" in response.text
    assert 'href="https://www.jobbank.gc.ca/"' in response.text
    assert "<b>BC Human Rights Code</b>" in response.text
