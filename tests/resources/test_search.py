import pytest

from django.db import connection

from resources.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(guide_index):
    GuidePageFactory(
        parent=guide_index,
        title="Recruiting through settlement agencies",
        slug="agencies",
        summary="Agencies pre-screen candidates for free.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Bridging programs train international nurses.</p>",
            }
        ],
    )
    GuidePageFactory(
        parent=guide_index, title="Onboarding checklist", slug="onboarding"
    )


@pytest.mark.parametrize("query", ["settlement", "pre-screen", "bridging nurses"])
def test_site_search_finds_guides_by_title_summary_and_body(client, guides, query):
    response = client.get("/search/", {"q": query})
    assert "Recruiting through settlement agencies" in response.text
    assert "Onboarding checklist" not in response.text


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL search"
)
def test_postgresql_search_matches_word_stems(client, guides):
    response = client.get("/search/", {"q": "recruit"})
    assert "Recruiting through settlement agencies" in response.text
    within = client.get("/guides/", {"q": "agency"})
    assert "Recruiting through settlement agencies" in within.text
