"""Public pages run a fixed, small number of queries, whatever the amount of content."""

import pytest

from wagtail.models import Site

from home.factories import StandardPageFactory
from home.models import (
    FooterLink,
    MainMenuItem,
    Navigation,
    NavigationSettings,
    SiteSettings,
)
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

# (warm, cold): see tests/query_counts.py.
BUDGETS = {"/": (18, 21), "/about/": (15, 18), "/search/?q=employers": (13, 16)}


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
    navigation_settings = NavigationSettings.for_site(site)
    navigation = navigation_settings.navigation
    if navigation is None:
        navigation = navigation_settings.navigation = Navigation.objects.create()
        navigation_settings.save()
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


@pytest.mark.parametrize("url", BUDGETS)
def test_public_page_queries_do_not_grow_with_content(
    client, demo_site, url, django_assert_max_num_queries
):
    small = count_queries(client, url)
    _grow(demo_site)
    large = count_queries(client, url)
    print(f"\n{url}: (warm, cold) {small}, then {large} with more content")
    # Search fetches each page type on the results page once, so fewer types
    # on a page can mean fewer queries; more content never means more.
    assert all(after <= before for after, before in zip(large, small, strict=True))
    warm, cold = BUDGETS[url]
    assert large[1] <= cold
    with django_assert_max_num_queries(warm):
        assert client.get(url).status_code == 200
