"""Menus, breadcrumbs, the language switcher and hreflang links.

Read on each request that renders a page; anonymous visitors mostly get whole
pages from the page cache (docs/caching.md), so these queries run once per
page and language after each change.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page, Site, TranslatableMixin

from home.alternates import alternates_for, sub_path
from home.languages import current_language, localize_all
from home.models import NavigationSettings
from home.models.navigation import NavigationLink

register = template.Library()


@dataclass(frozen=True)
class MenuLink:
    text: str
    url: str
    is_current: bool = False
    is_ancestor: bool = False
    # Whose language the text is in, for ``lang_attr``.
    source: TranslatableMixin | None = None


@dataclass(frozen=True)
class PageLink:
    """A menu link as read: the page's path marks it current or an ancestor."""

    text: str
    url: str
    url_path: str = ""
    depth: int = 0
    source: TranslatableMixin | None = None


def _page_links_of(items: list[NavigationLink], request: HttpRequest) -> list[PageLink]:
    pages = localize_all(
        [item.link_page for item in items if item.link_page],
        Page.objects.live(),
    )
    localized = {
        original.pk: page
        for original, page in zip(
            [item.link_page for item in items if item.link_page], pages, strict=True
        )
    }
    links = []
    for item in items:
        if item.link_page is None:
            links.append(PageLink(item.label, item.link_url, source=item))
            continue
        page = localized[item.link_page.pk]
        if page.live:
            links.append(
                PageLink(
                    item.label or page.title,
                    page.get_url(request),
                    page.url_path,
                    page.depth,
                    source=item if item.label else page,
                )
            )
    return links


def _menus(request: HttpRequest) -> dict[str, list[PageLink]]:
    """The site's menus in the reader's language, read once per request.

    The navigation's translation where one exists (with its own labels), else
    the default language's; page links go to each page's live translation.
    """
    memo = getattr(request, "navigation_menus", None)
    if memo is None:
        memo = request.navigation_menus = {}
    language = current_language()
    if language in memo:
        return memo[language]
    menus = {"main_menu_items": [], "footer_links": []}
    navigation = None
    if Site.find_for_request(request) is not None:
        navigation = NavigationSettings.for_request(request).navigation
    if navigation is not None:
        navigation = localize_all([navigation])[0]
        for name in menus:
            items = list(
                getattr(navigation, name).select_related(
                    "locale", "link_page", "link_page__locale"
                )
            )
            menus[name] = _page_links_of(items, request)
    memo[language] = menus
    return menus


def _menu_links(links: list[PageLink], current_page) -> list[MenuLink]:
    current_path = getattr(current_page, "url_path", None)
    return [
        MenuLink(
            link.text,
            link.url,
            is_current=bool(link.url_path) and current_path == link.url_path,
            is_ancestor=bool(current_path and link.url_path)
            and current_path.startswith(link.url_path)
            and link.depth > 2,
            source=link.source,
        )
        for link in links
    ]


@register.inclusion_tag("components/navigation/main_menu.html", takes_context=True)
def main_menu(context):
    links = _menus(context["request"])["main_menu_items"]
    return {"links": _menu_links(links, context.get("page"))}


@register.inclusion_tag("components/navigation/footer_links.html", takes_context=True)
def footer_links(context):
    links = _menus(context["request"])["footer_links"]
    return {"links": _menu_links(links, context.get("page"))}


@register.inclusion_tag("components/navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    request = context["request"]

    ancestors = [
        {"title": ancestor.title, "url": ancestor.get_url(request), "page": ancestor}
        for ancestor in page.get_ancestors()
        .filter(depth__gt=1)
        .select_related("locale")
    ]
    # A routable page's subpage (a registry profile) names itself and links
    # back to the page that serves it.
    current_title = context.get("breadcrumb_title")
    if current_title:
        ancestors = [
            *ancestors,
            {"title": page.title, "url": page.get_url(request), "page": page},
        ]
    return {"ancestors": ancestors, "current_title": current_title or page.title}


@register.inclusion_tag(
    "components/navigation/language_switcher.html", takes_context=True
)
def language_switcher(context):
    """Offer the page in the site's other languages, never a missing page.

    The page's live translation; where there is none yet, its nearest
    translated ancestor, with a note in that language. Off Wagtail's pages
    (search), the same address in the other language.
    """
    request = context["request"]
    page = context.get("page")
    current = current_language()
    options = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        note = ""
        if isinstance(page, Page):
            alternate = alternates_for(request, page).get(code)
            if alternate is None:
                continue
            url = alternate.page.get_url(request)
            if alternate.exact:
                url += sub_path(request, page)
                if request.GET:
                    url += "?" + request.GET.urlencode()
            else:
                with translation.override(code):
                    # Translators: beside the link to another language, in
                    # that language, when the page is not translated into it.
                    note = gettext("This page is not yet in English")
        else:
            url = translate_url(request.get_full_path(), code)
        options.append(
            {
                "code": code,
                "url": url,
                "name": translation.get_language_info(code)["name_local"],
                "note": note,
            }
        )
    return {"options": options}


@register.inclusion_tag("components/navigation/hreflang.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each live translation of the page.

    Plus ``x-default``, the page in the default language. Nothing for a page
    that is private or not a Wagtail page.
    """
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return {"links": []}
    exact = [a for a in alternates_for(request, page).values() if a.exact]
    if not any(a.page.pk == page.pk for a in exact):
        return {"links": []}
    rest = sub_path(request, page)
    links = [
        {"hreflang": a.hreflang, "url": a.page.get_full_url(request) + rest}
        for a in exact
    ]
    default = next((a for a in exact if a.language == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append(
            {"hreflang": "x-default", "url": default.page.get_full_url(request) + rest}
        )
    return {"links": links}
