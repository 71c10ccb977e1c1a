"""Addresses in a language whose page is missing: never a 404 for a translation gap.

Under a language prefix (``/fr-ca/``), Wagtail routes through that language's
tree. When the address finds nothing there, or finds a page in another
language (there is no French tree yet), the default language's tree answers:

- its page has a live translation in the reader's language (an English slug
  typed under ``/fr-ca/``): go to the translation's address;
- it has none: go to the page's default-language address, keeping the
  sub-path and query string, with a note in the reader's language.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import translate_url
from django.utils.translation import gettext

from wagtail.models import Locale, Page, Site

from home.languages import current_language


def fallback(request: HttpRequest, path: str) -> HttpResponseRedirect | None:
    """Where a prefixed address that found no page in its language should go.

    None when the address is in the default language, or when no page of the
    default language's tree answers it either (a true 404).
    """
    language = current_language()
    if language == settings.LANGUAGE_CODE:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page.specific
    try:
        page, _args, _kwargs = root.route(request, [c for c in path.split("/") if c])
    except Http404:
        return None
    if page.locale.language_code == language:
        return None
    return redirect_to_language(request, page, path)


def redirect_to_language(
    request: HttpRequest, page: Page, path: str
) -> HttpResponseRedirect | None:
    """Send a reader who asked for ``page`` at ``path`` to it in their language.

    Its live translation when there is one, at the same sub-path (a routable
    page's ``manage/``); else the default language's address, with a note.
    None when the translation's address is the one asked for and the
    language's tree is live: the translation itself answered 404 (an unknown
    topic, say), which is a true 404, not a gap.
    """
    language = current_language()
    active = Locale.get_active()
    translation = page.get_translation_or_none(active)
    query = request.META.get("QUERY_STRING", "")
    if translation is not None and translation.live:
        url = translation.get_url(request) + _rest_of(request, page, path)
        if url not in (request.path, request.build_absolute_uri(request.path)):
            return HttpResponseRedirect(f"{url}?{query}" if query else url)
        site = Site.find_for_request(request)
        if site and site.root_page.localized.locale_id == active.pk:
            return None
        # The language's home page is not live: its tree cannot be reached.
    messages.info(
        request,
        gettext("This page is not yet translated into French."),
        extra_tags=f"in-{language}",
    )
    return HttpResponseRedirect(
        translate_url(request.get_full_path(), settings.LANGUAGE_CODE)
    )


def _rest_of(request: HttpRequest, page: Page, path: str) -> str:
    """What ``path`` adds to ``page``'s own address: a route such as ``manage/``."""
    site = Site.find_for_request(request)
    own = page.url_path[len(site.root_page.url_path) :].strip("/") if site else ""
    asked = path.strip("/")
    if not own or not (asked == own or asked.startswith(own + "/")):
        return ""
    rest = asked[len(own) :].lstrip("/")
    return rest + "/" if rest and path.endswith("/") else rest
