import datetime

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from resources.factories import GuideIndexPageFactory, GuidePageFactory, TopicFactory


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def topics(db):
    return {
        "credentials": TopicFactory(name="Credentials", slug="credentials"),
        "permits": TopicFactory(name="Work permits", slug="permits"),
    }


def every_guide_block(document_pk: int, image_pk: int) -> list[dict]:
    return [
        {"type": "paragraph", "value": "<p>Start here.</p>"},
        {"type": "heading", "value": {"text": "Know the routes", "level": "h2"}},
        {"type": "heading", "value": {"text": "Open work permits", "level": "h3"}},
        {
            "type": "callout",
            "value": {
                "kind": "legal",
                "heading": "Human rights",
                "body": "<p>Place of origin is protected.</p>",
            },
        },
        {
            "type": "checklist",
            "value": {
                "heading": "Before you post",
                "items": ["Name the real skills", "Drop Canadian experience"],
            },
        },
        {
            "type": "resource",
            "value": {
                "document": document_pk,
                "label": "",
                "description": "A worksheet.",
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Check a permit",
                "steps": [
                    {
                        "title": "Ask for the permit",
                        "body": "<p>Read its conditions.</p>",
                    },
                    {"title": "Note the expiry", "body": "<p>Set a reminder.</p>"},
                ],
            },
        },
        {
            "type": "employer_story",
            "value": {
                "quote": "Our best hire.",
                "name": "Amrit",
                "role": "Owner",
                "organization": "Valley Farms",
                "photo": image_pk,
            },
        },
        {
            "type": "key_takeaways",
            "value": {"heading": "Key takeaways", "items": ["Skills first"]},
        },
        {
            "type": "faq",
            "value": {
                "heading": "Common questions",
                "items": [
                    {"question": "Is an LMIA always needed?", "answer": "<p>No.</p>"}
                ],
            },
        },
        {
            "type": "quote",
            "value": {"quote": "Worth it.", "attribution": "Lee", "role": ""},
        },
        {
            "type": "accordion",
            "value": {
                "heading": "More",
                "items": [{"title": "Where to learn more", "body": "<p>Ask us.</p>"}],
            },
        },
        {
            "type": "image",
            "value": {"image": image_pk, "alt_text": "A team at work", "caption": ""},
        },
        {
            "type": "sources",
            "value": {
                "heading": "Sources and official information",
                "items": [
                    {
                        "title": "Job Bank",
                        "publisher": "Government of Canada",
                        "url": "https://www.jobbank.gc.ca/",
                    }
                ],
            },
        },
    ]


@pytest.fixture
def guide_with_every_block(guide_index, topics):
    document = get_document_model().objects.create(
        title="Job posting worksheet",
        file=ContentFile(b"[ ] Name the real skills\n", name="job-posting.txt"),
        file_size=25,
    )
    image = get_image_model().objects.create(
        title="Team", file=get_test_image_file(filename="team.png")
    )
    return GuidePageFactory(
        parent=guide_index,
        title="Understanding work permits",
        slug="work-permits",
        summary="The routes by which newcomers can work for you.",
        last_reviewed=datetime.date(2026, 9, 1),
        body=every_guide_block(document.pk, image.pk),
        classify__topics=[topics["permits"]],
        classify__stages=["hire"],
    )
