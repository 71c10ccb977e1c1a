"""Each index lists every event once, in its language where it can."""

import datetime
import re

import pytest

from django.utils import timezone

from employers.workshops.factories import WorkshopPageFactory
from resources.factories import TopicFactory
from tests.employers.translations import publish_in_french, save_in_french

pytestmark = pytest.mark.django_db

FRENCH_TITLE = "L’embauche inclusive 101"


def _in_days(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def cards(client, url: str) -> list[tuple[str, str]]:
    """Each card's lang attribute ("" when none) and title, in listed order."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(
        r'<article class="card workshop-card"( lang="[^"]+")?>\s*'
        r'<h3 class="card__title">\s*<a href="[^"]*">([^<]*)</a>',
        html,
    )
    return [(lang.strip(), title) for lang, title in found]


@pytest.fixture
def french_workshop(workshop):
    return publish_in_french(
        workshop, title=FRENCH_TITLE, slug="embauche-inclusive-101"
    )


@pytest.fixture
def english_only(workshop_index):
    """An event with no French page, starting before the shared workshop."""
    page = WorkshopPageFactory(
        parent=workshop_index, title="Onboarding newcomers", start=_in_days(7)
    )
    page.topics.set([TopicFactory(name="Onboarding", slug="onboarding")])
    page.save()
    return page


def test_the_french_index_lists_english_only_events_marked_english(
    client, french_workshop, english_only
):
    assert cards(client, "/fr-ca/workshops/") == [
        ('lang="en"', "Onboarding newcomers"),
        ("", FRENCH_TITLE),
    ]


def test_the_french_index_counts_and_links_each_event_once(
    client, workshop, french_workshop, english_only
):
    html = client.get("/fr-ca/workshops/").content.decode()

    assert "2 ateliers" in html
    assert f'href="{english_only.url}"' in html
    assert 'href="/fr-ca/workshops/embauche-inclusive-101/"' in html
    assert f'href="{workshop.url}"' not in html


def test_the_french_past_listing_shows_english_only_past_events(
    client, workshop_index, french_workshop
):
    WorkshopPageFactory(
        parent=workshop_index,
        title="Last year’s session",
        start=_in_days(-30),
    )

    assert cards(client, "/fr-ca/workshops/past/") == [
        ('lang="en"', "Last year’s session")
    ]
    assert cards(client, "/fr-ca/workshops/") == [("", FRENCH_TITLE)]


def test_french_filters_reach_english_only_events(
    client, french_workshop, english_only
):
    assert cards(client, "/fr-ca/workshops/?topic=onboarding") == [
        ('lang="en"', "Onboarding newcomers")
    ]
    html = client.get("/fr-ca/workshops/").content.decode()
    assert 'value="onboarding"' in html
    assert 'value="recruiting"' in html


def test_the_french_index_paginates_every_event(client, workshop_index, monkeypatch):
    monkeypatch.setattr("employers.workshops.views.WORKSHOPS_PER_PAGE", 2)
    pages = [
        WorkshopPageFactory(
            parent=workshop_index, title=f"Session {n}", start=_in_days(n + 1)
        )
        for n in range(3)
    ]
    publish_in_french(pages[1], title="Séance 1", slug="seance-1")

    assert cards(client, "/fr-ca/workshops/") == [
        ('lang="en"', "Session 0"),
        ("", "Séance 1"),
    ]
    assert cards(client, "/fr-ca/workshops/?page=2") == [('lang="en"', "Session 2")]


def test_the_english_index_lists_an_event_live_only_in_french(
    client, workshop, french_workshop, english_only
):
    workshop.unpublish()

    assert cards(client, "/workshops/") == [
        ("", "Onboarding newcomers"),
        ('lang="fr-ca"', FRENCH_TITLE),
    ]
    assert cards(client, "/fr-ca/workshops/") == [
        ('lang="en"', "Onboarding newcomers"),
        ("", FRENCH_TITLE),
    ]


def test_the_english_index_is_unchanged_by_french_pages(
    client, french_workshop, english_only
):
    assert cards(client, "/workshops/") == [
        ("", "Onboarding newcomers"),
        ("", "Inclusive hiring 101"),
    ]


def test_the_french_index_names_topics_in_french_and_filters_by_either_slug(
    client, french_workshop, english_only
):
    save_in_french(english_only.topics.get(), name="Accueil", slug="accueil")

    for slug in ("accueil", "onboarding"):
        html = client.get("/fr-ca/workshops/", {"topic": slug}).content.decode()
        assert '<li class="tag">Accueil</li>' in html, slug
        assert ">Onboarding<" not in html, slug
        assert "Onboarding newcomers" in html
        assert FRENCH_TITLE not in html
