"""Public pages run a fixed number of queries, whatever the amount of content."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from home.factories import StandardPageFactory
from home.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings

pytestmark = pytest.mark.django_db

MAX_QUERIES = {"/": 20, "/about/": 20, "/search/?q=employers": 20}


def _count(client, url: str) -> int:
    """Count a request's queries with an empty cache.

    A first request makes image renditions and settings rows; the one counted
    after it is what every later visitor costs when nothing is cached.
    """
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(home) -> None:
    """Add many menu items, footer links, social links and matching pages."""
    site = Site.objects.get(is_default_site=True)
    pages = [
        StandardPageFactory(
            parent=home,
            title=f"Employers guide {n}",
            slug=f"employers-{n}",
            intro="For employers.",
        )
        for n in range(40)
    ]
    navigation = NavigationSettings.for_site(site)
    navigation.main_menu_items = [MainMenuItem(link_page=p) for p in pages[:20]]
    navigation.footer_links = [FooterLink(link_page=p) for p in pages[20:]]
    navigation.save()
    branding = SiteSettings.for_site(site)
    branding.social_links = [
        branding.social_links.model(platform="other", url=f"https://example.org/{n}")
        for n in range(10)
    ]
    branding.save()
    home.body = [
        {
            "type": "featured_pages",
            "value": {"heading": "Featured", "pages": [p.pk for p in pages[:6]]},
        }
    ]
    home.save_revision().publish()


@pytest.mark.parametrize("url", MAX_QUERIES)
def test_public_page_queries_do_not_grow_with_content(client, demo_site, url):
    small = _count(client, url)
    _grow(demo_site)
    large = _count(client, url)
    # Search fetches each page type on the results page once, so fewer types
    # on a page can mean fewer queries; more content never means more.
    assert large <= small, f"{url}: {small} queries, then {large} with more content"
    assert large <= MAX_QUERIES[url]
