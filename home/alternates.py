"""A page in the site's other languages: the switcher, hreflang and routing.

A page's *alternate* in a language is its live, public translation there or,
when it has none yet, the nearest ancestor that has one (with ``exact``
false), so a reader switching language never meets a 404. Private pages are
never offered.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.http import HttpRequest

from wagtail.models import Page, PageViewRestriction


@dataclass(frozen=True)
class Alternate:
    language: str  # a code of settings.LANGUAGES, as "fr-ca"
    page: Page
    exact: bool  # the page itself, not an ancestor

    @property
    def hreflang(self) -> str:
        """The language as BCP 47 writes it: "en", "fr-CA"."""
        language, _, region = self.language.partition("-")
        return f"{language}-{region.upper()}" if region else language


def public_pages() -> QuerySet:
    """Live pages outside private sections, in one query with no look-up first.

    Wagtail's ``.public()`` reads the restrictions before it filters; this
    asks the database instead, so it fits inside a single query.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Page.objects.live().filter(~Exists(restricted))


def page_alternates(page: Page) -> dict[str, Alternate]:
    """The page in each of the site's languages, or its nearest translated ancestor.

    One query. Languages where neither the page nor any ancestor below the
    tree's root has a live, public translation are left out.
    """
    keys = page.get_ancestors(inclusive=True).filter(depth__gt=1)
    candidates = (
        public_pages()
        .filter(translation_key__in=Subquery(keys.values("translation_key")))
        .select_related("locale")
        .order_by("depth")
    )
    codes = {code for code, _name in settings.LANGUAGES}
    alternates = {}
    # Deeper pages come later and win: the nearest ancestor, or the page.
    for candidate in candidates:
        language = candidate.locale.language_code
        if language in codes:
            alternates[language] = Alternate(
                language, candidate, candidate.translation_key == page.translation_key
            )
    return alternates


def sub_path(request: HttpRequest, page: Page) -> str:
    """What the address adds to the page's own: a routable page's ``manage/``.

    The same route exists on every translation of the page, so an alternate
    of ``/fr-ca/engagement/manage/`` is ``/pledge/manage/``, not ``/pledge/``.
    """
    own = urlsplit(page.get_url(request) or "").path
    return request.path[len(own) :] if own and request.path.startswith(own) else ""


def alternates_for(request: HttpRequest, page: Page) -> dict[str, Alternate]:
    """``page_alternates``, once per request and page (switcher and hreflang)."""
    memo = getattr(request, "page_alternates", None)
    if memo is None:
        memo = request.page_alternates = {}
    if page.pk not in memo:
        memo[page.pk] = page_alternates(page)
    return memo[page.pk]
