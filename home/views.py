"""Site search, robots.txt and the favicon."""

import re
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home import site_cache

RESULTS_PER_PAGE = 10
WORDS = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    # Search words only: quotes and operators would reach the database's
    # full-text syntax (SQLite's FTS5 rejects a lone quote with an error).
    terms = " ".join(WORDS.findall(query))
    results_page = None
    if query:
        results = Page.objects.none()
        if terms:
            results = (
                Page.objects.live()
                .public()
                .filter(locale_id=site_cache.active_locale_id())
                .specific()
                .search(terms)
            )
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "home/search_results.html",
        {
            "search_query": query,
            "results": results_page,
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
