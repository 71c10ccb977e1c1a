"""Menus, breadcrumbs and the language switcher, read from the site cache.

Each is built once per content version, site and language (``home.site_cache``);
a request only marks the link to the page it shows.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from home import site_cache
from home.models import NavigationSettings

register = template.Library()


@dataclass(frozen=True)
class MenuLink:
    text: str
    url: str
    is_current: bool = False
    is_ancestor: bool = False


@dataclass(frozen=True)
class CachedLink:
    """A menu link as cached: the page's path marks it current per request."""

    text: str
    url: str
    url_path: str = ""
    depth: int = 0


def _localized_pages(pages: list[Page]) -> dict[int, Page]:
    """Map page ids to their live translation in the active language, if any."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return {}
    language = site_cache.active_language()
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


def _cached_links(items, request: HttpRequest) -> list[CachedLink]:
    items = list(items.select_related("link_page", "link_page__locale"))
    localized = _localized_pages([item.link_page for item in items if item.link_page])
    links = []
    for item in items:
        page = item.link_page
        if page is None:
            links.append(CachedLink(item.label, item.link_url))
            continue
        page = localized.get(page.pk, page)
        if page.live:
            links.append(
                CachedLink(
                    item.label or page.title,
                    page.get_url(request),
                    page.url_path,
                    page.depth,
                )
            )
    return links


def _menus(request: HttpRequest) -> dict[str, list[CachedLink]]:
    site = Site.find_for_request(request)

    def build():
        navigation = NavigationSettings.for_site(site)
        return {
            "main": _cached_links(navigation.main_menu_items, request),
            "footer": _cached_links(navigation.footer_links, request),
        }

    if site is None:
        return {"main": [], "footer": []}
    return site_cache.get_or_build(
        "menus", build, site.pk, site_cache.active_language()
    )


def _menu_links(links: list[CachedLink], current_page) -> list[MenuLink]:
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
    links = _menus(context["request"])["main"]
    return {"links": _menu_links(links, context.get("page"))}


@register.inclusion_tag("components/navigation/footer_links.html", takes_context=True)
def footer_links(context):
    links = _menus(context["request"])["footer"]
    return {"links": _menu_links(links, context.get("page"))}


def _page_links(name: str, page: Page, request: HttpRequest, build) -> list:
    """Links about one page, cached unless it is an unsaved page in preview."""
    if page.pk is None:
        return build()
    site = Site.find_for_request(request)
    return site_cache.get_or_build(
        name, build, getattr(site, "pk", None), site_cache.active_language(), page.pk
    )


@register.inclusion_tag("components/navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    request = context["request"]

    def build() -> list[dict]:
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]

    ancestors = _page_links("breadcrumbs", page, request, build)
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
        options = _page_links(
            "translations",
            page,
            request,
            lambda: [
                (t.locale.language_code, t.get_url(request))
                for t in page.get_translations().live().select_related("locale")
            ],
        )
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
