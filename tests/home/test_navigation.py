import re

import pytest

from django.core.exceptions import ValidationError
from django.test import override_settings

from wagtail.models import Locale

from home.factories import StandardPageFactory
from home.models import FooterLink, MainMenuItem

pytestmark = pytest.mark.django_db


def test_main_menu_lists_pages_and_addresses_in_order(client, home_page, navigation):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    draft = StandardPageFactory(
        parent=home_page, title="Draft", slug="draft", live=False
    )
    navigation.main_menu_items = [
        MainMenuItem(link_page=about, sort_order=0),
        MainMenuItem(link_page=draft, sort_order=1),
        MainMenuItem(
            link_url="https://www.jobbank.gc.ca/", label="Job Bank", sort_order=2
        ),
    ]
    navigation.save()

    html = client.get(team.url).text
    menu = html.split('aria-label="Main"')[1].split("</nav>")[0]
    assert menu.index("About us") < menu.index("Job Bank")
    assert "Draft" not in menu
    assert "main-nav__link--section" in menu  # About us holds the current page

    html = client.get(about.url).text
    menu = re.sub(r"\s+", " ", html.split('aria-label="Main"')[1].split("</nav>")[0])
    assert 'href="/about/" aria-current="page">About us' in menu


def test_footer_links_come_from_the_sites_navigation(client, home_page, navigation):
    privacy = StandardPageFactory(parent=home_page, title="Privacy", slug="privacy")
    navigation.footer_links = [FooterLink(link_page=privacy, label="Your privacy")]
    navigation.save()
    html = client.get("/").text
    footer = html.split("<footer")[1]
    assert '<a href="/privacy/"' in footer
    assert "Your privacy" in footer


def test_a_link_needs_a_page_or_an_address_not_both(home_page, navigation):
    with pytest.raises(ValidationError) as error:
        MainMenuItem(navigation=navigation).clean()
    assert "link_page" in error.value.message_dict
    with pytest.raises(ValidationError):
        MainMenuItem(
            navigation=navigation, link_page=home_page, link_url="https://example.org/"
        ).clean()
    with pytest.raises(ValidationError) as error:
        MainMenuItem(navigation=navigation, link_url="https://example.org/").clean()
    assert "label" in error.value.message_dict


@override_settings(LANGUAGE_CODE="en")
def test_menu_in_french_links_to_french_pages(client, home_page, navigation):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    navigation.main_menu_items = [MainMenuItem(link_page=about)]
    navigation.save()
    french = Locale.objects.create(language_code="fr-ca")
    french_home = home_page.copy_for_translation(french)
    french_home.save_revision().publish()
    french_about = about.copy_for_translation(french)
    french_about.title = "À propos"
    french_about.slug = "a-propos"
    french_about.save_revision().publish()

    response = client.get("/fr-ca/")
    assert response.status_code == 200
    assert '<html lang="fr-ca">' in response.text
    menu = response.text.split('class="main-nav"')[1].split("</nav>")[0]
    assert 'href="/fr-ca/a-propos/"' in menu
    assert "À propos" in menu
    # The English page offers its French translation, and the reverse.
    assert 'hreflang="fr-ca"' in client.get("/about/").text
    assert 'hreflang="en"' in client.get("/fr-ca/a-propos/").text


def test_a_page_not_yet_translated_is_served_in_its_own_language(client, home_page):
    StandardPageFactory(parent=home_page, title="About us", slug="about")
    Locale.objects.create(language_code="fr-ca")
    response = client.get("/fr-ca/about/")
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    page = client.get(response["Location"]).text
    assert '<html lang="en">' in page
    # A note, in French, that the page is not translated yet.
    assert 'class="message message--info" lang="fr-ca"' in page


def test_the_interface_speaks_canadian_french_under_fr_ca(client, home_page):
    Locale.objects.create(language_code="fr-ca")
    response = client.get("/fr-ca/search/", {"q": "zèbre"})
    assert response.status_code == 200
    assert '<html lang="fr-ca">' in response.text
    assert "Passer au contenu principal" in response.text
    assert "Rechercher" in response.text
    english = client.get("/search/", {"q": "zebra"}).text
    assert "Skip to main content" in english


def test_main_menu_is_a_disclosure_that_needs_no_script(client, home_page, navigation):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    navigation.main_menu_items = [MainMenuItem(link_page=about, sort_order=0)]
    navigation.save()
    html = client.get("/").text
    menu = re.sub(r"\s+", " ", html.split('aria-label="Main"')[1].split("</nav>")[0])
    # Closed on load (no ``open``); CSS shows the list on wide screens.
    assert '<details class="main-nav__disclosure" data-main-nav>' in menu
    assert "Menu</span> </summary>" in menu
    assert menu.index("</summary>") < menu.index("About us")


def test_no_menu_without_links(client, home_page, navigation):
    assert "main-nav" not in client.get("/").text
