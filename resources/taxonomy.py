"""Topics and hiring stages as readers see them: one per item, in their language.

Guides and workshops link the topic and stage rows they were classified with,
often the English ones. Show a topic through these functions, and filter by
the item (``translation_key``, a stage's ``code``), so that a French reader
sees French names and an English or French slug finds the same guides.
"""

import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.http import Http404

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin

from home.languages import content_language, in_language_of
from resources.models.topics import HiringStage, Topic


def _preference(row: TranslatableMixin) -> int:
    """0 for the reader's language, 1 for the default one, 2 for any other."""
    code = row.locale.language_code
    if code == content_language():
        return 0
    return (
        1
        if code == get_supported_content_language_variant(settings.LANGUAGE_CODE)
        else 2
    )


def _sort_key(name: str) -> str:
    # "Égalité" between "Droits" and "Formation", not after "Z".
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class TopicChoices:
    """Every topic once, in the reader's language where translated, by name.

    One query for the whole table (it holds a few dozen rows), which also
    finds a topic by its slug in any language.
    """

    def __init__(self):
        self.rows = list(Topic.objects.select_related("locale"))
        best: dict = {}
        for row in sorted(self.rows, key=_preference):
            best.setdefault(row.translation_key, row)
        self.topics = sorted(best.values(), key=lambda t: _sort_key(t.name))
        self._by_key = best

    def find(self, slug: str) -> Topic | None:
        """The topic a slug in any language names, in the reader's language.

        None for no slug; Http404 for an unknown one, so a mistyped address is
        not mistaken for an empty list.
        """
        if not slug:
            return None
        matches = sorted((r for r in self.rows if r.slug == slug), key=_preference)
        if not matches:
            raise Http404
        return self._by_key[matches[0].translation_key]

    def localize(self, topics: Iterable[Topic]) -> list[Topic]:
        """``topics`` in the reader's language, from the rows read already."""
        return [self._by_key.get(t.translation_key, t) for t in topics]


def stage_choices() -> list[HiringStage]:
    """Every hiring stage once, in order (labels are translated in code)."""
    stages: dict[str, HiringStage] = {}
    for stage in HiringStage.objects.all():
        stages.setdefault(stage.code, stage)
    return list(stages.values())


def find_stage(stages: list[HiringStage], code: str) -> HiringStage | None:
    if not code:
        return None
    for stage in stages:
        if stage.code == code:
            return stage
    raise Http404


def localize_topics(page, items: Iterable, choices: TopicChoices | None = None):
    """Give each guide or workshop in ``items`` its topics to show.

    Sets ``card_topics``: the item's topics in the language of ``page``, one
    batch for all items, or none when ``choices`` (the filters') has them
    already. Expects ``topics`` prefetched.
    """
    items = list(items)
    per_item = [list(item.topics.all()) for item in items]
    every = [t for own in per_item for t in own]
    topics = iter(choices.localize(every) if choices else in_language_of(page, every))
    for item, own in zip(items, per_item, strict=True):
        item.card_topics = [next(topics) for _ in own]
