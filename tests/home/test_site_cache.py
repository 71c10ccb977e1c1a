"""What staff change shows on the next page view, though pages use the cache."""

import re

import pytest

from wagtail.models import Locale, Site

from home.factories import HomePageFactory, StandardPageFactory
from home.models import MainMenuItem, NavigationSettings, SiteSettings
from resources.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(parent=home_page, title="About us", slug="about")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.main_menu_items = [MainMenuItem(link_page=page)]
    navigation.save()
    return page


def _menu(html: str) -> str:
    return re.sub(r"\s+", " ", html.split('aria-label="Main"')[1].split("</nav>")[0])


def _warm(client, url: str) -> str:
    """Request twice, so the second answer comes from a filled cache."""
    client.get(url)
    return client.get(url).text


def test_menu_follows_a_page_renamed_and_published(client, about):
    assert "About us" in _menu(_warm(client, "/about/"))
    about.title = "Who we are"
    about.save_revision().publish()
    assert "Who we are" in _menu(client.get("/about/").text)


def test_menu_drops_a_page_once_unpublished(client, home_page, about):
    assert "About us" in _menu(_warm(client, "/"))
    about.unpublish()
    response = client.get("/")
    assert "About us" not in response.text
    assert client.get("/about/").status_code == 404


def test_site_settings_saved_show_on_the_next_page(client, home_page):
    _warm(client, "/")
    branding = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    branding.organization_name = "Kootenay Local Immigration Partnership"
    branding.communities = [branding.communities.model(name="Nelson")]
    branding.save()
    assert "Kootenay Local Immigration Partnership" in client.get("/").text


def test_settings_editor_reads_the_stored_row_not_the_cache(client, home_page):
    _warm(client, "/")
    # A change that sends no signal: pages keep the cached name a while...
    SiteSettings.objects.update(organization_name="Changed behind the cache")
    assert "Changed behind the cache" not in client.get("/").text
    # ...but staff editing the settings always start from the stored row.
    site = Site.objects.get(is_default_site=True)
    assert SiteSettings.for_site(site).organization_name == "Changed behind the cache"


def test_breadcrumbs_follow_a_parent_renamed_and_published(client, about):
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    crumbs = _warm(client, "/about/team/").split('aria-label="Breadcrumb"')[1]
    assert ">About us</a>" in crumbs.split("</nav>")[0]
    about.title = "Who we are"
    about.save_revision().publish()
    crumbs = client.get(team.url).text.split('aria-label="Breadcrumb"')[1]
    assert ">Who we are</a>" in crumbs.split("</nav>")[0]


def test_language_switcher_offers_a_translation_once_published(client, about):
    french = Locale.objects.create(language_code="fr-ca")
    assert 'hreflang="fr-ca"' not in _warm(client, "/about/")
    about.get_parent().copy_for_translation(french).save_revision().publish()
    french_about = about.copy_for_translation(french)
    french_about.slug = "a-propos"
    french_about.save_revision().publish()
    assert 'href="/fr-ca/a-propos/"' in client.get("/about/").text


def test_new_topic_appears_in_the_guide_filters(client, guide_index):
    _warm(client, "/guides/")
    TopicFactory(name="Housing for newcomers", slug="housing")
    assert "Housing for newcomers" in client.get("/guides/").text


def test_site_serves_its_new_home_page_once_changed(client, home_page):
    _warm(client, "/")
    other = HomePageFactory(
        parent=home_page.get_parent(), slug="other-home", hero_heading="Welcome back"
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    site.save()
    assert "Welcome back" in client.get("/").text


def test_home_page_published_shows_its_new_content(client, home_page):
    _warm(client, "/")
    home_page.hero_heading = "Hire for skills"
    home_page.save_revision().publish()
    assert "Hire for skills" in client.get("/").text
