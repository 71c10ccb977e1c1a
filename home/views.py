"""Pages, search, robots.txt, the favicon and the brand colours stylesheet."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from wagtail import views as wagtail_views
from wagtail.models import Locale, Page

from home import routing
from home.colours import site_stylesheet, stylesheet_version
from home.models import SiteSettings

RESULTS_PER_PAGE = 10
# The address carries the colours and site.css's digest (?v=), so a browser
# may keep each version; an address with no or another version, only briefly.
BRAND_CSS_MAX_AGE = 60 * 60 * 24 * 365
BRAND_CSS_STALE_MAX_AGE = 60 * 5
WORDS = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200


def serve(request: HttpRequest, path: str = "") -> HttpResponse:
    """Wagtail's page serving, with no 404 for a page only missing its translation.

    ``home.routing.fallback`` sends an address under a language prefix that
    finds no page in that language to the page in the default language's tree.
    """
    try:
        return wagtail_views.serve(request, path)
    except Http404:
        response = routing.fallback(request, path)
        if response is None:
            raise
        return response


class ResultKind(models.TextChoices):
    """What a search result is, shown beside its title."""

    GUIDE = "guide", _("Guide")
    WORKSHOP = "workshop", _("Workshop")
    PAGE = "page", _("Page")


@dataclass(frozen=True)
class SearchResult:
    page: Page
    kind: ResultKind
    # A workshop's start, so the reader sees whether it is still to come.
    date: datetime.datetime | None = None


def search_result(page: Page) -> SearchResult:
    """Say what a (specific) page found by search is.

    Models are looked up by name: home is shared by the apps that define them.
    """
    if isinstance(page, apps.get_model("resources", "GuidePage")):
        return SearchResult(page, ResultKind.GUIDE)
    if isinstance(page, apps.get_model("workshops", "WorkshopPage")):
        return SearchResult(page, ResultKind.WORKSHOP, page.start)
    return SearchResult(page, ResultKind.PAGE)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    # Search words only: quotes and operators would reach the database's
    # full-text syntax (SQLite's FTS5 rejects a lone quote with an error).
    terms = " ".join(WORDS.findall(query))
    page_number = request.GET.get("page", "1")

    def results_page():
        results = Page.objects.none()
        if terms:
            results = (
                Page.objects.live()
                .public()
                .filter(locale=Locale.get_active())
                .specific()
                .search(terms)
            )
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            return paginator.page(page_number)
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    results = results_page() if query else None
    return TemplateResponse(
        request,
        "home/search_results.html",
        {
            "search_query": query,
            "results": results,
            "result_items": [search_result(page) for page in results or []],
            "pagination_query": urlencode({"q": query}),
        },
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "robots.txt", content_type="text/plain")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Answer browsers that ask for /favicon.ico without reading the page."""
    return HttpResponsePermanentRedirect(static("img/favicon.png"))


@require_GET
@gzip_page
def brand_css(request: HttpRequest) -> HttpResponse:
    """The site's stylesheet with the colours staff chose in Site settings.

    One stylesheet, so only one request blocks a page's first paint, and no
    ``<style>`` element: the Content Security Policy allows no inline style.
    Its address names the colours and the version of ``site.css``; kept a
    year at that address, briefly at any other.
    """
    brand = SiteSettings.for_request(request)
    colours = brand.primary_colour, brand.accent_colour
    response = HttpResponse(
        site_stylesheet(*colours), content_type="text/css; charset=utf-8"
    )
    current = request.GET.get("v") == stylesheet_version(*colours)
    max_age = BRAND_CSS_MAX_AGE if current else BRAND_CSS_STALE_MAX_AGE
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response
