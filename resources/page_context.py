"""What the guide index and a guide page show, each in a fixed number of queries.

Both show guides and topics in the language of the page being read: a French
index lists its French guides, and a guide that staff featured or related
without a French translation appears in English (its card says so with
``lang``). Topics and stages match by item, whatever row a guide links.
"""

import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q, Subquery, prefetch_related_objects
from django.http import HttpRequest

from wagtail import hooks

from home.languages import in_language_of
from resources.forms import GuideFeedbackForm
from resources.models.topics import Topic
from resources.taxonomy import (
    TopicChoices,
    find_stage,
    localize_topics,
    stage_choices,
)

GUIDES_PER_PAGE = 12
MAX_SEARCH_MATCHES = 500
RELATED_GUIDES = 3
SORTS = {"newest": ("-first_published_at", "title"), "title": ("title",)}
WORDS = re.compile(r"\w+")
CALL_TO_ACTION_HOOK = "register_guide_call_to_action"
# What a guide card, a link to a guide and its translation lookup read; the
# rest of a guide (its body above all) stays in the database. Fewer columns
# to build, send and read: about 40 % of such a query's time.
CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "translation_key",
    "locale",
    "summary",
    "reading_minutes",
    "first_published_at",
)


def guide_cards(guides):
    """``guides`` read as cards: their card fields and locale in one query."""
    return guides.only(*CARD_FIELDS).select_related("locale")


def guide_listing(request: HttpRequest, index, guides, featured) -> dict:
    """Filter, search, sort and paginate the live ``guides`` from the query string.

    Only public guides are listed. A topic's slug may be in any language. An
    unknown topic or stage is a 404, so a mistyped address is not mistaken
    for an empty library.
    """
    topic_choices, stages = TopicChoices(), stage_choices()
    topic = topic_choices.find(request.GET.get("topic", ""))
    stage = find_stage(stages, request.GET.get("stage", ""))
    query = request.GET.get("q", "").strip()[:200]
    terms = " ".join(WORDS.findall(query))
    sort = request.GET.get("sort", "")
    sort = sort if sort in SORTS else "newest"

    filtered = bool(topic or stage or terms)
    chosen = {
        "topic": topic.slug if topic else "",
        "stage": stage.code if stage else "",
        "q": query,
        "sort": sort,
    }
    query_string = urlencode({k: v for k, v in chosen.items() if v})
    page_number = request.GET.get("page", "")

    def results() -> dict:
        matches = guide_cards(guides.public())
        if terms:
            found = guides.search(terms)[:MAX_SEARCH_MATCHES]
            matches = matches.filter(pk__in=[guide.pk for guide in found])
        # By item: a guide may link the topic's or stage's row in any language.
        if topic:
            tagged = guides.filter(topics__translation_key=topic.translation_key)
            matches = matches.filter(pk__in=tagged.values("pk"))
        if stage:
            staged = guides.filter(stages__code=stage.code)
            matches = matches.filter(pk__in=staged.values("pk"))
        matches = matches.order_by(*SORTS[sort])
        page = Paginator(matches, GUIDES_PER_PAGE).get_page(page_number)
        page.object_list = list(page.object_list)
        shown = [] if filtered or page.number > 1 else _featured(index, featured)
        # One read of the cards' topics and stages for both lists.
        cards = [*page.object_list, *shown]
        prefetch_related_objects(cards, "topics", "stages")
        localize_topics(index, cards, topic_choices)
        return {"guides": page, "featured": shown}

    return {
        "results": results(),
        "topics": topic_choices.topics,
        "stages": stages,
        "active_topic": topic,
        "active_stage": stage,
        "search_query": query,
        "sort": sort,
        "is_filtered": filtered,
        "pagination_query": query_string,
    }


def _featured(index, featured) -> list:
    """The guides staff chose to feature that anyone may read."""
    return _readable(index, [link.guide_id for link in featured.all()])


def _readable(page, guide_ids: list[int], found=None) -> list:
    """The live guides outside private sections among ``guide_ids``, in order,
    in the language of ``page`` where translated, each once.

    Reads the ids from the links as given, so a preview's unsaved choices
    (modelcluster keeps them in memory) count too. Translations keep the
    links to the guides they were copied with, often the English ones.
    """
    from resources.models import GuidePage  # resources.models imports this module

    if not guide_ids:
        return []
    if found is None:
        found = _published(GuidePage)
    by_pk = {guide.pk: guide for guide in found.filter(pk__in=guide_ids)}
    chosen = [by_pk[pk] for pk in guide_ids if pk in by_pk]
    localized = in_language_of(page, chosen, found)
    return list({guide.pk: guide for guide in localized}.values())


def guide_context(guide, request: HttpRequest) -> dict:
    """Related, previous and next guides, contents, and calls to action."""

    def read() -> dict:
        # One read of the view restrictions for the related and next guides.
        published = _published(type(guide))
        related = _related(guide, published)
        # A preview's unsaved topics and stages still win over what is read here.
        prefetch_related_objects([guide, *related], "topics", "stages")
        localize_topics(guide, [guide, *related])
        stages = list(guide.stages.all())
        stage = stages[0] if stages else None
        previous_guide = next_guide = None
        if stage:
            previous_guide, next_guide = _neighbours(guide, published, stage)
        return {
            "topics": guide.card_topics,
            "stages": stages,
            "primary_stage": stage,
            "related": related,
            "previous_guide": previous_guide,
            "next_guide": next_guide,
        }

    calls = (hook(request, guide) for hook in hooks.get_hooks(CALL_TO_ACTION_HOOK))
    return {
        "about_guide": read(),
        "table_of_contents": guide.table_of_contents(),
        "calls_to_action": [call for call in calls if call],
        "feedback_form": GuideFeedbackForm(),
        "feedback_thanks": request.GET.get("feedback") == "thanks",
    }


def _published(model):
    """Live guides anyone may read (one query for the view restrictions), as
    cards: links to other guides show no more."""
    return guide_cards(model.objects.live().public())


def _related(guide, published) -> list:
    """The guides staff chose, then guides sharing a topic, up to RELATED_GUIDES.

    Chosen guides in the guide's language where translated; the guides that
    fill the rest are in its language only.
    """
    chosen = [link.guide_id for link in guide.related_guides.all()]
    related = _readable(guide, [pk for pk in chosen if pk != guide.pk], published)
    related = [g for g in related if g.pk != guide.pk][:RELATED_GUIDES]
    if len(related) < RELATED_GUIDES and guide.pk is not None:
        # Guides sharing a topic, by the topics as saved, matched by item
        # (a translation may link another language's rows): one query. A
        # subquery of ids, not a join: no DISTINCT over the card columns, and
        # half the time to plan and run on PostgreSQL.
        shared = Topic.objects.filter(guides=guide.pk).values("translation_key")
        tagged = Topic.guides.through.objects.filter(
            topic__translation_key__in=shared
        ).values("guidepage_id")
        related += list(
            published.filter(locale=guide.locale_id, pk__in=tagged)
            .exclude(pk__in=[guide.pk, *(g.pk for g in related)])
            .order_by("-first_published_at")[: RELATED_GUIDES - len(related)]
        )
    return related


def _neighbours(guide, published, stage) -> tuple:
    """The guides before and after ``guide`` in tree order in its stage, at once."""
    siblings = published.filter(
        stages__code=stage.code,
        depth=guide.depth,
        path__startswith=guide.path[: -guide.steplen],
    )
    before = siblings.filter(path__lt=guide.path).order_by("-path").values("path")[:1]
    after = siblings.filter(path__gt=guide.path).order_by("path").values("path")[:1]
    pages = published.filter(Q(path=Subquery(before)) | Q(path=Subquery(after)))
    previous_guide = next_guide = None
    for page in pages:
        if page.path < guide.path:
            previous_guide = page
        else:
            next_guide = page
    return previous_guide, next_guide
