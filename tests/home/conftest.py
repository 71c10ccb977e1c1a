"""Site text and navigation as the site's settings name them."""

import pytest

from wagtail.models import Site

from home.models import Navigation, NavigationSettings, SiteSettings, SiteText


@pytest.fixture
def navigation(home_page) -> Navigation:
    """The site's navigation in English, empty, named by its settings."""
    menu = Navigation.objects.create()
    settings = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.navigation = menu
    settings.save()
    return menu


@pytest.fixture
def site_text(home_page) -> SiteText:
    """The site's words in English, named by its settings."""
    text = SiteText.objects.create(
        organization_name="Fraser Valley Partnership",
        tagline="Abbotsford and Mission",
        address="PO Box 1\nAbbotsford",
        funding_acknowledgement="Funded by IRCC.",
    )
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_text = text
    settings.save()
    return text
