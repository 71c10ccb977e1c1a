"""What the guide index and a guide page show, each in a fixed number of queries."""

import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest

from wagtail import hooks

from resources.forms import GuideFeedbackForm
from resources.models.topics import HiringStage, Topic

GUIDES_PER_PAGE = 12
MAX_SEARCH_MATCHES = 500
RELATED_GUIDES = 3
SORTS = {"newest": ("-first_published_at", "title"), "title": ("title",)}
WORDS = re.compile(r"\w+")
CALL_TO_ACTION_HOOK = "register_guide_call_to_action"


def guide_listing(request: HttpRequest, guides, featured) -> dict:
    """Filter, search, sort and paginate ``guides`` from the query string.

    An unknown topic or stage is a 404, so a mistyped address is not mistaken
    for an empty library.
    """
    topics = list(Topic.objects.all())
    stages = list(HiringStage.objects.all())
    topic = _choose(topics, "slug", request.GET.get("topic", ""))
    stage = _choose(stages, "code", request.GET.get("stage", ""))
    query = request.GET.get("q", "").strip()[:200]
    terms = " ".join(WORDS.findall(query))
    sort = request.GET.get("sort", "")
    sort = sort if sort in SORTS else "newest"

    matches = guides
    if terms:
        found = guides.search(terms)[:MAX_SEARCH_MATCHES]
        matches = guides.filter(pk__in=[guide.pk for guide in found])
    if topic:
        matches = matches.filter(topics=topic)
    if stage:
        matches = matches.filter(stages=stage)
    matches = matches.order_by(*SORTS[sort]).prefetch_related("topics", "stages")

    page = Paginator(matches, GUIDES_PER_PAGE).get_page(request.GET.get("page"))
    filtered = bool(topic or stage or terms)
    chosen = {
        "topic": topic.slug if topic else "",
        "stage": stage.code if stage else "",
        "q": query,
        "sort": sort,
    }
    return {
        "guides": page,
        "topics": topics,
        "stages": stages,
        "active_topic": topic,
        "active_stage": stage,
        "search_query": query,
        "sort": sort,
        "is_filtered": filtered,
        "featured": [] if filtered or page.number > 1 else _featured(featured),
        "pagination_query": urlencode({k: v for k, v in chosen.items() if v}),
    }


def _choose(options: list, attribute: str, value: str):
    if not value:
        return None
    for option in options:
        if getattr(option, attribute) == value:
            return option
    raise Http404


def _featured(featured) -> list:
    links = list(
        featured.select_related("guide").prefetch_related(
            "guide__topics", "guide__stages"
        )
    )
    return [link.guide for link in links if link.guide.live]


def guide_context(guide, request: HttpRequest) -> dict:
    """Related, previous and next guides, contents, and calls to action."""
    model = type(guide)
    published = model.objects.live().public()
    stages = list(guide.stages.all())
    topics = list(guide.topics.all())

    related = [
        link.guide
        for link in guide.related_guides.select_related("guide")
        if link.guide.live and link.guide.pk != guide.pk
    ][:RELATED_GUIDES]
    if len(related) < RELATED_GUIDES and topics:
        related += list(
            published.filter(topics__in=topics)
            .exclude(pk__in=[guide.pk, *(g.pk for g in related)])
            .distinct()
            .order_by("-first_published_at")[: RELATED_GUIDES - len(related)]
        )
    prefetch_related_objects(related, Prefetch("topics"), Prefetch("stages"))

    previous_guide = next_guide = None
    if stages:
        siblings = published.filter(stages=stages[0], depth=guide.depth).filter(
            path__startswith=guide.path[: -guide.steplen]
        )
        previous_guide = siblings.filter(path__lt=guide.path).order_by("-path").first()
        next_guide = siblings.filter(path__gt=guide.path).order_by("path").first()

    calls = (hook(request, guide) for hook in hooks.get_hooks(CALL_TO_ACTION_HOOK))
    return {
        "guide_topics": topics,
        "guide_stages": stages,
        "primary_stage": stages[0] if stages else None,
        "related": related,
        "previous_guide": previous_guide,
        "next_guide": next_guide,
        "table_of_contents": guide.table_of_contents(),
        "calls_to_action": [call for call in calls if call],
        "feedback_form": GuideFeedbackForm(),
        "feedback_thanks": request.GET.get("feedback") == "thanks",
    }
