"""Demo guides, topics and worksheets; created only when missing."""

import datetime
from typing import TextIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.documents import get_document_model

from home.models import HomePage
from resources.demo_content import GUIDES, TOPICS
from resources.models import (
    FeaturedGuide,
    GuideIndexPage,
    GuidePage,
    HiringStage,
    Topic,
)

FEATURED_COUNT = 3


def load(home: HomePage, stdout: TextIO) -> GuideIndexPage:
    """Create the guide library under ``home``."""
    with transaction.atomic():
        topics = {spec["slug"]: _topic(spec) for spec in TOPICS}
        index = GuideIndexPage.objects.child_of(home).filter(slug="guides").first()
        created_index = index is None
        if created_index:
            index = home.add_child(
                instance=GuideIndexPage(
                    title="Guides for employers",
                    slug="guides",
                    search_description=(
                        "Practical guides on recruiting, hiring, onboarding and "
                        "keeping immigrant workers."
                    ),
                    intro=(
                        "Short, practical answers to the questions employers ask "
                        "most, each with a checklist or steps to take away."
                    ),
                )
            )
            index.save_revision().publish()
            stdout.write("Created the guide library.")
        stages = {stage.code: stage for stage in HiringStage.objects.all()}
        reviewer = get_user_model().objects.filter(is_superuser=True).first()
        guides = [
            _guide(index, spec, topics, stages, reviewer, stdout) for spec in GUIDES
        ]
        if created_index:
            index.featured_guides = [
                FeaturedGuide(guide=guide) for guide in guides[:FEATURED_COUNT]
            ]
            index.save_revision().publish()
    return index


def _topic(spec: dict) -> Topic:
    topic, _created = Topic.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "description": spec["description"],
            "icon": spec["icon"],
        },
    )
    return topic


def _guide(index, spec, topics, stages, reviewer, stdout: TextIO) -> GuidePage:
    existing = GuidePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    guide = GuidePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        search_description=spec["summary"],
        body=_with_worksheets(spec),
        last_reviewed=datetime.date.fromisoformat(spec["last_reviewed"]),
        reviewer=reviewer,
    )
    guide.topics = [topics[slug] for slug in spec["topics"]]
    guide.stages = [stages[code] for code in spec["stages"]]
    index.add_child(instance=guide)
    guide.save_revision().publish()
    stdout.write(f"Created the guide “{guide.title}”.")
    return guide


def _with_worksheets(spec: dict) -> list[dict]:
    """Follow each checklist with a printable worksheet of the same items."""
    body = []
    for block in spec["body"]:
        body.append(block)
        if block["type"] == "checklist":
            document = _worksheet(spec["title"], block["value"])
            body.append(
                {
                    "type": "resource",
                    "value": {
                        "document": document.pk,
                        "label": f"Download the checklist: {block['value']['heading']}",
                        "description": "A plain-text worksheet to print or share.",
                    },
                }
            )
    return body


def _worksheet(guide_title: str, checklist: dict):
    document_model = get_document_model()
    title = f"{checklist['heading']} (worksheet)"
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    lines = [checklist["heading"], f"From the guide: {guide_title}", ""]
    lines += [f"[ ] {item}" for item in checklist["items"]]
    content = ("\n".join(lines) + "\n").encode()
    return document_model.objects.create(
        title=title,
        file=ContentFile(content, name=f"{slugify(checklist['heading'])}.txt"),
        file_size=len(content),
    )
