"""Guide pages run a fixed, small number of queries, however large the library."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from resources.factories import GuidePageFactory, TopicFactory
from resources.models import FeaturedGuide, RelatedGuide
from tests.employers.translations import french_locale, publish_in_french
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db


def _library(index, topics, size: int, start: int = 0) -> list:
    guides = []
    for number in range(start, start + size):
        document = get_document_model().objects.create(
            title=f"Worksheet {number}",
            file=ContentFile(b"[ ] item\n", name=f"worksheet-{number}.txt"),
            file_size=9,
        )
        guides.append(
            GuidePageFactory(
                parent=index,
                title=f"Guide {number:03d}",
                slug=f"guide-{number:03d}",
                body=[
                    {"type": "heading", "value": {"text": f"Part {n}", "level": "h2"}}
                    for n in range(3)
                ]
                + [
                    {
                        "type": "resource",
                        "value": {
                            "document": document.pk,
                            "label": "",
                            "description": "",
                        },
                    }
                ],
                classify__topics=topics[number % 3 : number % 3 + 2],
                classify__stages=["hire", "onboard"][: 1 + number % 2],
            )
        )
    return guides


@pytest.fixture
def topics(db):
    return [TopicFactory(name=f"Topic {n}", slug=f"topic-{n}") for n in range(5)]


# (warm, cold): see tests/query_counts.py.
BUDGETS = {
    "/guides/": (25, 27),
    "/guides/?topic=topic-1": (22, 24),
    "/guides/?stage=hire&sort=title&page=2": (22, 24),
    "/guides/?q=guide": (23, 25),
    "/guides/guide-001/": (26, 28),
}


def test_guide_pages_do_not_grow_with_the_library(
    client, guide_index, topics, django_assert_max_num_queries
):
    guides = _library(guide_index, topics, 26)
    guide_index.featured_guides = [FeaturedGuide(guide=g) for g in guides[:3]]
    guide_index.save()
    main = guides[1]
    main.related_guides = [RelatedGuide(guide=guides[5])]
    main.save()
    small = {url: count_queries(client, url) for url in BUDGETS}

    more = _library(guide_index, topics, 174, start=26)
    guide_index.featured_guides = [FeaturedGuide(guide=g) for g in more[:6]]
    guide_index.save()
    main.related_guides = [RelatedGuide(guide=g) for g in more[:3]]
    main.body = list(main.body.raw_data) + [
        {
            "type": "resource",
            "value": {"document": d.pk, "label": "", "description": ""},
        }
        for d in get_document_model().objects.all()[:20]
    ]
    main.save()
    large = {url: count_queries(client, url) for url in BUDGETS}

    print(f"\n(warm, cold) queries at 26 guides: {small}\nat 200 guides: {large}")
    for url, (warm, cold) in BUDGETS.items():
        assert all(a <= b for a, b in zip(large[url], small[url], strict=True)), url
        assert large[url][1] <= cold, f"{url}: {large[url][1]} queries, cold"
        client.get(url)  # fill the cache again for this address
        with django_assert_max_num_queries(warm):
            assert client.get(url).status_code == 200


def _in_french(guides: list) -> list:
    return [
        publish_in_french(g, title=f"Guide français {g.slug}", slug=f"fr-{g.slug}")
        for g in guides
    ]


# (warm, cold) for the French library, whose links point at English guides and
# topics: the English budgets, plus one on every French page for routing into
# the French tree (home's, the same on any French page), plus one on the index
# for the featured guides' translations and two on a guide for the related
# guides' and the topics' translations (the index has its topics already).
FRENCH_BUDGETS = {
    "/fr-ca/guides/": (27, 29),
    "/fr-ca/guides/?topic=sujet-1": (23, 25),
    "/fr-ca/guides/?topic=topic-1&stage=hire&page=2": (23, 25),
    "/fr-ca/guides/fr-guide-001/": (28, 30),
}


def test_french_guide_pages_do_not_grow_with_the_library(
    client, guide_index, topics, django_assert_max_num_queries
):
    for n, topic in enumerate(topics[:3]):
        french = topic.copy_for_translation(french_locale())
        french.name, french.slug = f"Sujet {n}", f"sujet-{n}"
        french.save()
    guides = _library(guide_index, topics, 30)
    guide_index.featured_guides = [FeaturedGuide(guide=g) for g in guides[:3]]
    guide_index.save()
    main = guides[1]
    main.related_guides = [RelatedGuide(guide=guides[25])]
    main.save()
    publish_in_french(guide_index, title="Guides", slug="guides")
    _in_french(guides[:20])
    small = {url: count_queries(client, url) for url in FRENCH_BUDGETS}

    _in_french(guides[20:24])
    french_index = guide_index.get_translation(french_locale())
    # Untranslated guides among the chosen ones: shown in English.
    french_index.featured_guides = [FeaturedGuide(guide=g) for g in guides[20:26]]
    french_index.save()
    french_main = main.get_translation(french_locale())
    french_main.related_guides = [RelatedGuide(guide=g) for g in guides[22:28]]
    french_main.save()
    large = {url: count_queries(client, url) for url in FRENCH_BUDGETS}

    print(f"\n(warm, cold) French queries: {small}\nwith more chosen: {large}")
    for url, (warm, cold) in FRENCH_BUDGETS.items():
        assert all(a <= b for a, b in zip(large[url], small[url], strict=True)), url
        assert large[url][1] <= cold, f"{url}: {large[url][1]} queries, cold"
        client.get(url)  # fill the cache again for this address
        with django_assert_max_num_queries(warm):
            assert client.get(url).status_code == 200
