import re

import pytest

from django.utils.timezone import localtime

from home.factories import StandardPageFactory
from tests.employers.translations import publish_in_french

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(home_page):
    StandardPageFactory(
        parent=home_page,
        title="Assessing international credentials",
        slug="credentials",
        intro="How to judge a degree earned abroad.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>An educational credential assessment compares it.</p>",
            }
        ],
    )
    StandardPageFactory(
        parent=home_page,
        title="Open work permits",
        slug="open-work-permits",
        intro="Who can work for any employer.",
    )
    StandardPageFactory(
        parent=home_page,
        title="Secret draft about credentials",
        slug="draft",
        live=False,
    )


def test_search_finds_pages_by_title_intro_and_body(client, guides):
    for query in ("credentials", "degree abroad", "educational assessment"):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "Assessing international credentials" in response.text, query
    assert "Open work permits" not in client.get("/search/", {"q": "credentials"}).text


def test_search_never_shows_draft_pages(client, guides):
    assert "Secret draft" not in client.get("/search/", {"q": "credentials"}).text


def test_search_without_a_query_invites_one(client, home_page):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Type a word or two" in response.text
    assert response.context["results"] is None


def test_search_with_no_match_says_so_kindly(client, guides):
    response = client.get("/search/", {"q": "zebra"})
    assert response.status_code == 200
    assert "0 results" in response.text
    assert "Nothing matched your search" in response.text


def test_search_paginates_results(client, home_page):
    for number in range(15):
        StandardPageFactory(
            parent=home_page,
            title=f"Mentoring guide {number}",
            slug=f"mentoring-{number}",
        )
    first = client.get("/search/", {"q": "mentoring"})
    assert "15 results" in first.text
    assert len(first.context["results"].object_list) == 10
    assert "page=2" in first.text
    second = client.get("/search/", {"q": "mentoring", "page": "2"})
    assert len(second.context["results"].object_list) == 5


@pytest.mark.parametrize(
    "params",
    [
        {"q": "mentoring", "page": "999"},
        {"q": "mentoring", "page": "-1"},
        {"q": "mentoring", "page": "abc"},
        {"q": "x" * 5000},
        {"q": "\x00\x1f<script>alert(1)</script>"},
        {"q": 'AND OR NOT ( ) " * : ~'},
        {"q": "?!"},
        {"q": "mentoring", "q2": "x", "page": ["1", "2"]},
    ],
)
def test_odd_search_input_gives_a_normal_page(client, home_page, params):
    StandardPageFactory(parent=home_page, title="Mentoring", slug="mentoring")
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_search_only_answers_get(client, home_page):
    assert client.post("/search/", {"q": "x"}).status_code == 405


def _results(html: str) -> list[str]:
    return html.split('<li class="search-result">')[1:]


def test_search_results_say_whether_each_is_a_guide_or_a_page(
    client, guides, guide_with_every_block
):
    html = client.get("/search/", {"q": "permits"}).text
    results = {
        ("Understanding work permits" in result, "Open work permits" in result): result
        for result in _results(html)
    }
    guide = results[(True, False)]
    page = results[(False, True)]
    assert 'class="tag search-result__kind search-result__kind--guide"' in guide
    assert re.search(r'search-result__kind--guide">\s*Guide\s*</dd>', guide)
    assert "search-result__kind--page" in page
    assert "<time" not in guide and "<time" not in page


def test_a_workshop_result_says_so_with_its_date(client, workshop):
    html = client.get("/search/", {"q": "inclusive hiring"}).text
    (result,) = _results(html)
    assert "search-result__kind--workshop" in result
    assert "Workshop" in result
    assert f'<time datetime="{localtime(workshop.start).isoformat()}">' in result
    assert '<dt class="visually-hidden">Date</dt>' in result


def test_french_results_name_their_kind_in_french(client, workshop):
    publish_in_french(workshop, title="Embauche inclusive 101")
    html = client.get("/fr-ca/search/", {"q": "embauche"}).text
    (result,) = _results(html)
    assert "Atelier" in result
    assert '<dt class="visually-hidden">Type</dt>' in result
