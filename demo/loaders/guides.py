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
from wagtail.models import Page

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
    blocks, page_links = _unlinked(to_blocks(body, origin=name))
    return {
        **front,
        "body": [*blocks, sources],
        "page_links": page_links,
        "worksheet": worksheet,
    }


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

    Without worksheets or links to pages, which need the database: the
    benchmark reuses these. ``page_links`` holds the pages that calls to
    action name (see ``_unlinked``).
    """
    content = read_yaml("guides.yaml")
    specs = []
    for slug in content["guides"]:
        front, body = read_markdown(f"guides/{slug}.md")
        sources = {
            "type": "sources",
            "value": {"heading": content["sources_heading"], "items": front["sources"]},
        }
        blocks, page_links = _unlinked(to_blocks(body, origin=f"guides/{slug}.md"))
        specs.append(
            {
                **front,
                "slug": slug,
                "body": [*blocks, sources],
                "page_links": page_links,
            }
        )
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


def _unlinked(blocks: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Calls to action without the page they name, and those pages by heading.

    A call to action names a page by its English path under the home page
    (``page: workshops/…``). Guides load before the workshops they point to,
    so they are saved without it and ``link_pages`` fills it in once every
    page exists.
    """
    page_links = {}
    body = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "call_to_action" and isinstance(value.get("page"), str):
            page_links[value["heading"]] = value["page"]
            block = {**block, "value": {**value, "page": None, "url": ""}}
        body.append(block)
    return body, page_links


def link_pages(home: HomePage, stdout: TextIO) -> None:
    """Point the guides' calls to action at the pages they name, in each language.

    The page is named by its English path under the home page; a French guide
    links its French translation when there is one. Only a call to action
    still without a page or an address is filled in, so running this again
    changes nothing, and an editor's choice stays.
    """
    content = read_yaml("guides.yaml")
    locale = french_locale()
    with transaction.atomic():
        for spec in guide_specs():
            english = (
                GuidePage.objects.filter(slug=spec["slug"], locale=home.locale)
                .descendant_of(home)
                .first()
            )
            if english is None:
                continue
            french_spec = french_guide_spec(spec["slug"], content)
            french = english.get_translation_or_none(locale)
            for guide, guide_spec in ((english, spec), (french, french_spec)):
                if guide is not None and guide_spec is not None:
                    _link(guide, guide_spec["page_links"], home, stdout)


def _link(guide: GuidePage, paths: dict[str, str], home: HomePage, stdout) -> None:
    if not paths:
        return
    body = [dict(block) for block in guide.body.raw_data]
    linked = False
    for block in body:
        value = block["value"]
        path = (
            paths.get(value.get("heading"))
            if block["type"] == "call_to_action"
            else None
        )
        if path is None or value.get("page") or value.get("url"):
            continue
        target = Page.objects.filter(
            url_path=f"{home.url_path}{path.strip('/')}/"
        ).first()
        if target is None:
            continue
        target = target.get_translation_or_none(guide.locale) or target
        block["value"] = {**value, "page": target.pk}
        linked = True
    if linked:
        guide.body = body
        guide.save_revision().publish()
        stdout.write(f"Linked the guide “{guide.title}” to the pages it names.")


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
