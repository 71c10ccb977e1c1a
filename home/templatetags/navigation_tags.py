"""Menus, breadcrumbs and the language switcher.

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

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from home.models import NavigationSettings

register = template.Library()


@dataclass(frozen=True)
class MenuLink:
    text: str
    url: str
    is_current: bool = False
    is_ancestor: bool = False


@dataclass(frozen=True)
class PageLink:
    """A menu link as read: the page's path marks it current or an ancestor."""

    text: str
    url: str
    url_path: str = ""
    depth: int = 0


def _localized_pages(pages: list[Page]) -> dict[int, Page]:
    """Map page ids to their live translation in the active language, if any."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return {}
    language = get_supported_content_language_variant(translation.get_language())
    foreign = [p for p in pages if p.locale.language_code != language]
    if not foreign:
        return {}
    translations = Page.objects.live().filter(
        translation_key__in={p.translation_key for p in foreign},
        locale__language_code=language,
    )
    by_key = {t.translation_key: t for t in translations}
    return {
        p.pk: by_key[p.translation_key] for p in foreign if p.translation_key in by_key
    }


def _page_links_of(items, request: HttpRequest) -> list[PageLink]:
    items = list(items.select_related("link_page", "link_page__locale"))
    localized = _localized_pages([item.link_page for item in items if item.link_page])
    links = []
    for item in items:
        page = item.link_page
        if page is None:
            links.append(PageLink(item.label, item.link_url))
            continue
        page = localized.get(page.pk, page)
        if page.live:
            links.append(
                PageLink(
                    item.label or page.title,
                    page.get_url(request),
                    page.url_path,
                    page.depth,
                )
            )
    return links


def _menu(request: HttpRequest, name: str) -> list[PageLink]:
    """The links of one of the site's menus ("main_menu_items", "footer_links")."""
    if Site.find_for_request(request) is None:
        return []
    navigation = NavigationSettings.for_request(request)
    return _page_links_of(getattr(navigation, name), request)


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
        )
        for link in links
    ]


@register.inclusion_tag("components/navigation/main_menu.html", takes_context=True)
def main_menu(context):
    links = _menu(context["request"], "main_menu_items")
    return {"links": _menu_links(links, context.get("page"))}


@register.inclusion_tag("components/navigation/footer_links.html", takes_context=True)
def footer_links(context):
    links = _menu(context["request"], "footer_links")
    return {"links": _menu_links(links, context.get("page"))}


@register.inclusion_tag("components/navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    request = context["request"]

    ancestors = [
        {"title": ancestor.title, "url": ancestor.get_url(request)}
        for ancestor in page.get_ancestors().filter(depth__gt=1)
    ]
    # A routable page's subpage (a registry profile) names itself and links
    # back to the page that serves it.
    current_title = context.get("breadcrumb_title")
    if current_title:
        ancestors = [*ancestors, {"title": page.title, "url": page.get_url(request)}]
    return {"ancestors": ancestors, "current_title": current_title or page.title}


@register.inclusion_tag(
    "components/navigation/language_switcher.html", takes_context=True
)
def language_switcher(context):
    """Offer the current page in the site's other languages, where it exists."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    if isinstance(page, Page):
        options = [
            (t.locale.language_code, t.get_url(request))
            for t in page.get_translations().live().select_related("locale")
        ]
    else:
        options = [
            (code, translate_url(request.get_full_path(), code))
            for code, _name in settings.LANGUAGES
            if code != current
        ]
    return {
        "options": [
            {
                "code": code,
                "url": url,
                "name": translation.get_language_info(code)["name_local"],
            }
            for code, url in options
        ]
    }
