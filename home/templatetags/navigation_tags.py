"""Menus, breadcrumbs and the language switcher, each in a fixed number of queries."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from home.models import NavigationSettings

register = template.Library()


@dataclass(frozen=True)
class MenuLink:
    text: str
    url: str
    is_current: bool = False
    is_ancestor: bool = False


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


def _menu_links(items, request, current_page) -> list[MenuLink]:
    items = list(items.select_related("link_page", "link_page__locale"))
    pages = [item.link_page for item in items if item.link_page]
    localized = _localized_pages(pages)
    current_path = current_page.url_path if current_page else None
    links = []
    for item in items:
        page = item.link_page
        if page is None:
            links.append(MenuLink(item.label, item.link_url))
            continue
        page = localized.get(page.pk, page)
        if not page.live:
            continue
        links.append(
            MenuLink(
                item.label or page.title,
                page.get_url(request),
                is_current=current_path == page.url_path,
                is_ancestor=bool(current_path)
                and current_path.startswith(page.url_path)
                and page.depth > 2,
            )
        )
    return links


@register.inclusion_tag("components/navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    navigation = NavigationSettings.for_request(request)
    return {
        "links": _menu_links(navigation.main_menu_items, request, context.get("page")),
    }


@register.inclusion_tag("components/navigation/footer_links.html", takes_context=True)
def footer_links(context):
    request = context["request"]
    navigation = NavigationSettings.for_request(request)
    return {
        "links": _menu_links(navigation.footer_links, request, context.get("page")),
    }


@register.inclusion_tag("components/navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gt=1)
    # A routable page's subpage (a registry profile) names itself and links
    # back to the page that serves it.
    current_title = context.get("breadcrumb_title")
    if current_title:
        ancestors = [*ancestors, page]
    return {
        "ancestors": ancestors,
        "page": page,
        "current_title": current_title or page.title,
        "request": context["request"],
    }


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
