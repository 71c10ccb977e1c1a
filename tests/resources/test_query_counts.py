"""Guide pages run a fixed number of queries, whatever the size of the library."""

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model

from resources.factories import GuidePageFactory, TopicFactory
from resources.models import FeaturedGuide, RelatedGuide

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30


def _count(client, url: str) -> int:
    client.get(url)  # makes renditions and settings rows once
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


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


URLS = [
    "/guides/",
    "/guides/?topic=topic-1",
    "/guides/?stage=hire&sort=title&page=2",
    "/guides/?q=guide",
    "/guides/guide-001/",
]


def test_guide_pages_do_not_grow_with_the_library(client, guide_index, topics):
    guides = _library(guide_index, topics, 26)
    guide_index.featured_guides = [FeaturedGuide(guide=g) for g in guides[:3]]
    guide_index.save()
    main = guides[1]
    main.related_guides = [RelatedGuide(guide=guides[5])]
    main.save()
    small = {url: _count(client, url) for url in URLS}

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
    large = {url: _count(client, url) for url in URLS}

    for url in URLS:
        assert large[url] <= small[url], f"{url}: {small[url]}, then {large[url]}"
        assert large[url] <= MAX_QUERIES, f"{url}: {large[url]} queries"
