"""The guide library: topics, guides from Markdown, worksheets and readership."""

import datetime
import random
from typing import TextIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model

from demo.files import CONTENT_DIR, read_markdown, read_yaml
from demo.loaders.translations import (
    french_locale,
    in_default_locale,
    is_translatable,
    translate_page,
    translate_snippet,
    without_french,
)
from demo.markdown_blocks import to_blocks
from home.models import HomePage
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
    content = read_yaml("guides.yaml")
    with transaction.atomic():
        topics = {spec["slug"]: _topic(spec) for spec in content["topics"]}
        index = (
            GuideIndexPage.objects.child_of(home)
            .filter(slug=content["index"]["slug"])
            .first()
        )
        created_index = index is None
        if created_index:
            index = home.add_child(
                instance=GuideIndexPage(**without_french(content["index"]))
            )
            index.save_revision().publish()
            stdout.write("Created the guide library.")
        stages = {
            stage.code: stage
            for stage in HiringStage.objects.filter(**in_default_locale(HiringStage))
        }
        reviewer = get_user_model().objects.filter(is_superuser=True).first()
        guides = [
            _guide(index, spec, topics, stages, reviewer, content["worksheet"], stdout)
            for spec in guide_specs()
        ]
        if created_index:
            index.featured_guides = [
                FeaturedGuide(guide=guide) for guide in guides[:FEATURED_COUNT]
            ]
            index.save_revision().publish()
        _readership(guides, stdout, seed=seed)
        _french_library(index, guides, content, stdout)
    return index


def _french_library(
    index: GuideIndexPage, guides: list[GuidePage], content: dict, stdout: TextIO
) -> None:
    """The French guide index, topics, stages and the guides written in French."""
    locale = french_locale()
    if is_translatable(Topic):
        for spec in content["topics"]:
            topic = Topic.objects.get(slug=spec["slug"], **in_default_locale(Topic))
            translate_snippet(topic, spec["fr"])
    if is_translatable(HiringStage):
        for stage in HiringStage.objects.filter(**in_default_locale(HiringStage)):
            translate_snippet(stage, {})
    created_index = not index.has_translation(locale)
    spec = content["index"]["fr"]
    french_index = translate_page(
        index,
        {
            "title": spec["title"],
            "slug": spec["slug"],
            "search_description": spec["search_description"],
            "intro": spec["intro"],
            "featured_guides": [],
        },
        stdout,
    )
    reviewer = get_user_model().objects.filter(is_superuser=True).first()
    french_guides = {}
    for guide in guides:
        french = french_guide_spec(guide.slug, content)
        if french is not None:
            french_guides[guide.pk] = _french_guide(guide, french, reviewer, stdout)
    if created_index:
        # The guides were added under a fresh copy of the index: reload it, so
        # publishing does not save a stale count of its children.
        french_index.refresh_from_db()
        french_index.featured_guides = [
            FeaturedGuide(guide=french_guides[guide.pk])
            for guide in guides[:FEATURED_COUNT]
            if guide.pk in french_guides
        ]
        french_index.save_revision().publish()


def french_guide_spec(slug: str, content: dict) -> dict | None:
    """The French front matter and blocks of ``guides/<slug>.fr.md``, if written."""
    name = f"guides/{slug}.fr.md"
    if not (CONTENT_DIR / name).exists():
        return None
    front, body = read_markdown(name)
    sources = {
        "type": "sources",
        "value": {"heading": content["sources_heading_fr"], "items": front["sources"]},
    }
    worksheet = content["worksheet"]["fr"]
    blocks = to_blocks(body, origin=name)
    return {**front, "body": [*blocks, sources], "worksheet": worksheet}


def _french_guide(guide: GuidePage, spec: dict, reviewer, stdout) -> GuidePage:
    """The guide in French, classified by the English guide's topics and stages,
    which readers see in their language (``resources.taxonomy``)."""
    return translate_page(
        guide,
        {
            "title": spec["title"],
            "slug": spec["slug"],
            "summary": spec["summary"],
            "search_description": spec["summary"],
            "body": _with_worksheets(spec["body"], spec["title"], spec["worksheet"]),
            "reviewer": reviewer,
        },
        stdout,
    )


def guide_specs() -> list[dict]:
    """Every guide's front matter, slug and blocks (closed by its sources), in order.

    Without worksheets, which need the database: the benchmark reuses these.
    """
    content = read_yaml("guides.yaml")
    specs = []
    for slug in content["guides"]:
        front, body = read_markdown(f"guides/{slug}.md")
        sources = {
            "type": "sources",
            "value": {"heading": content["sources_heading"], "items": front["sources"]},
        }
        blocks = to_blocks(body, origin=f"guides/{slug}.md")
        specs.append({**front, "slug": slug, "body": [*blocks, sources]})
    return specs


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
        **in_default_locale(Topic),
        defaults={
            "name": spec["name"],
            "description": spec["description"],
            "icon": spec["icon"],
        },
    )
    return topic


def _guide(index, spec, topics, stages, reviewer, worksheet, stdout) -> GuidePage:
    existing = GuidePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    guide = GuidePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        search_description=spec["summary"],
        body=_with_worksheets(spec["body"], spec["title"], worksheet),
        last_reviewed=datetime.date.fromisoformat(str(spec["last_reviewed"])),
        reviewer=reviewer,
    )
    guide.topics = [topics[slug] for slug in spec["topics"]]
    guide.stages = [stages[code] for code in spec["stages"]]
    index.add_child(instance=guide)
    guide.save_revision().publish()
    stdout.write(f"Created the guide “{guide.title}”.")
    return guide


def _with_worksheets(body: list[dict], title: str, worksheet: dict) -> list[dict]:
    """Follow each checklist with a printable worksheet of the same items."""
    result = []
    for block in body:
        result.append(block)
        if block["type"] == "checklist":
            checklist = block["value"]
            document = _worksheet(title, checklist, worksheet)
            result.append(
                {
                    "type": "resource",
                    "value": {
                        "document": document.pk,
                        "label": worksheet["label"].format(
                            heading=checklist["heading"]
                        ),
                        "description": worksheet["description"],
                    },
                }
            )
    return result


def _worksheet(guide_title: str, checklist: dict, worksheet: dict):
    document_model = get_document_model()
    title = worksheet["title"].format(heading=checklist["heading"])
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    lines = [checklist["heading"], worksheet["from_guide"].format(title=guide_title)]
    lines += ["", *(f"[ ] {item}" for item in checklist["items"])]
    content = ("\n".join(lines) + "\n").encode()
    return document_model.objects.create(
        title=title,
        file=ContentFile(content, name=f"{slugify(checklist['heading'])}.txt"),
        file_size=len(content),
    )
