"""Demo guides, topics and worksheets; created only when missing."""

import datetime
import random
from typing import TextIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model

from home.models import HomePage
from resources.demo_content import GUIDES, TOPICS
from resources.models import (
    FeaturedGuide,
    GuideIndexPage,
    GuidePage,
    GuideView,
    HiringStage,
    Topic,
)

FEATURED_COUNT = 3
# Demo readership: daily views over this many days before today.
READING_DAYS = 400


def load(home: HomePage, stdout: TextIO, *, seed: int = 2026) -> GuideIndexPage:
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
        _readership(guides, stdout, seed=seed)
    return index


def _readership(guides: list[GuidePage], stdout: TextIO, *, seed: int) -> None:
    """Daily views for the impact report's "most read", for guides that have none.

    No demo answers to "Was this helpful?": the guide feedback report shows
    only what people trying the demo answer.

    Each guide draws from its own seeded generator, so the figures are the same
    on every machine. Weekdays are busier than weekends, and readership grows
    over the year, as a new site's would.
    """
    counted = set(
        GuideView.objects.filter(guide__in=guides).values_list("guide_id", flat=True)
    )
    today = timezone.localdate()
    added = 0
    for rank, guide in enumerate(guides):
        if guide.pk in counted:
            continue
        rng = random.Random(f"{seed}-{guide.slug}")
        popularity = rng.uniform(3, 14) * (2 if rank < FEATURED_COUNT else 1)
        views = []
        for age in range(1, READING_DAYS + 1):
            day = today - datetime.timedelta(days=age)
            mean = popularity * (1 - 0.5 * age / READING_DAYS)
            mean *= 0.35 if day.weekday() >= 5 else 1
            count = max(0, round(rng.gauss(mean, mean**0.5)))
            if count:
                views.append(GuideView(guide=guide, day=day, count=count))
        GuideView.objects.bulk_create(views)
        added += 1
    if added:
        stdout.write(f"Added a year of demo views to {added} guides.")


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
