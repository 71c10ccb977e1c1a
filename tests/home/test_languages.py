"""Readers find the page in their language, or the nearest one, never a 404."""

import re

import pytest

from django.test import override_settings

from wagtail.models import Locale, PageViewRestriction

from employers.pledges.factories import PledgePageFactory
from home.communities import community_choices, community_label
from home.factories import StandardPageFactory
from home.models import Community, MainMenuItem
from tests.employers.translations import french_locale, publish_in_french
from tests.query_counts import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("settings_en")]


@pytest.fixture
def settings_en(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about")


@pytest.fixture
def team(about):
    return StandardPageFactory(parent=about, title="Team", slug="team")


def _switcher(html: str) -> str:
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


def _alternates(html: str) -> dict[str, str]:
    head = html.split("</head>")[0]
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head)
    )


def test_switcher_goes_to_the_same_page_in_the_other_language(client, about):
    publish_in_french(about, title="À propos", slug="a-propos")
    english = _switcher(client.get("/about/").text)
    assert 'href="/fr-ca/a-propos/"' in english
    assert "language-switcher__note" not in english
    french = _switcher(client.get("/fr-ca/a-propos/").text)
    assert 'href="/about/"' in french


def test_switcher_goes_to_the_nearest_translated_ancestor_with_a_note(
    client, about, team
):
    publish_in_french(about, title="À propos", slug="a-propos")
    switcher = _switcher(client.get("/about/team/").text)
    assert 'href="/fr-ca/a-propos/"' in switcher
    assert 'class="language-switcher__note" lang="fr-ca"' in switcher
    # Followed, the link answers: no 404 on the way.
    assert client.get("/fr-ca/a-propos/").status_code == 200


def test_switcher_on_search_offers_the_same_address_in_the_other_language(
    client, home_page
):
    french_locale()
    switcher = _switcher(client.get("/search/?q=hiring").text)
    assert 'href="/fr-ca/search/?q=hiring"' in switcher
    switcher = _switcher(client.get("/fr-ca/search/?q=hiring").text)
    assert 'href="/search/?q=hiring"' in switcher


def test_switcher_never_offers_a_private_translation(client, about):
    french_about = publish_in_french(about, title="À propos", slug="a-propos")
    PageViewRestriction.objects.create(
        page=french_about, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get("/about/").text
    assert "a-propos" not in html
    assert 'hreflang="fr-CA"' not in html


def test_french_address_without_a_french_tree_falls_back_keeping_path_and_query(
    client, home_page
):
    french_locale()
    PledgePageFactory(parent=home_page, slug="pledge")
    response = client.get("/fr-ca/pledge/manage/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/pledge/manage/?x=1"


def test_french_tree_without_the_page_falls_back_to_english_with_a_note(
    client, about, team
):
    publish_in_french(about, title="À propos", slug="a-propos")
    response = client.get("/fr-ca/about/team/?ref=news")
    assert response.status_code == 302
    assert response["Location"] == "/about/team/?ref=news"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'lang="fr-ca"' in page.text.split('class="messages"')[1]


def test_english_slug_under_fr_ca_goes_to_the_french_address(client, home_page):
    pledge = PledgePageFactory(parent=home_page, slug="pledge")
    publish_in_french(pledge, slug="engagement")
    response = client.get("/fr-ca/pledge/")
    assert response.status_code == 302
    assert response["Location"] == "/fr-ca/engagement/"
    response = client.get("/fr-ca/pledge/manage/?x=1")
    assert response["Location"] == "/fr-ca/engagement/manage/?x=1"


def test_live_french_page_under_an_unpublished_french_home_falls_back_to_english(
    client, home_page, about
):
    french = publish_in_french(about, title="À propos")  # the English slug
    french.get_parent().specific.unpublish()
    response = client.get("/fr-ca/about/?ref=news")
    assert response.status_code == 302
    assert response["Location"] == "/about/?ref=news"


def test_unknown_address_is_still_a_404_in_both_languages(client, home_page):
    publish_in_french(home_page)
    assert client.get("/fr-ca/nowhere/").status_code == 404
    assert client.get("/nowhere/").status_code == 404


def test_hreflang_links_are_reciprocal_with_x_default(client, about):
    publish_in_french(about, title="À propos", slug="a-propos")
    english = _alternates(client.get("/about/").text)
    assert english == {
        "en": "http://localhost/about/",
        "fr-CA": "http://localhost/fr-ca/a-propos/",
        "x-default": "http://localhost/about/",
    }
    # Each alternate links back to the same set.
    for url in english.values():
        path = url.removeprefix("http://localhost")
        assert _alternates(client.get(path).text) == english


def test_untranslated_page_names_only_itself(client, about):
    french_locale()
    assert _alternates(client.get("/about/").text) == {
        "en": "http://localhost/about/",
        "x-default": "http://localhost/about/",
    }


def test_sitemap_lists_both_languages_with_alternates(client, about, team):
    publish_in_french(about, title="À propos", slug="a-propos")
    private = StandardPageFactory(parent=about, slug="board")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/fr-ca/</loc>" in xml
    assert "<loc>http://localhost/fr-ca/a-propos/</loc>" in xml
    assert "<loc>http://localhost/about/team/</loc>" in xml
    assert "board" not in xml
    entry = xml.split("<loc>http://localhost/about/</loc>")[1].split("</url>")[0]
    assert (
        '<xhtml:link rel="alternate" hreflang="fr-CA" '
        'href="http://localhost/fr-ca/a-propos/"/>' in entry
    )
    assert 'hreflang="en" href="http://localhost/about/"' in entry
    assert 'hreflang="x-default"' in entry


def test_sitemap_query_count_does_not_grow_with_pages(
    client, home_page, django_assert_max_num_queries
):
    for n in range(8):
        publish_in_french(
            StandardPageFactory(parent=home_page, slug=f"page-{n}"), slug=f"p-{n}"
        )
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(6):
        assert client.get("/sitemap.xml").status_code == 200


def test_fallback_menu_items_say_they_are_english(client, home_page, navigation, about):
    guides = StandardPageFactory(parent=home_page, title="Guides", slug="guides")
    navigation.main_menu_items = [
        MainMenuItem(link_page=about),
        MainMenuItem(link_page=guides),
    ]
    navigation.save()
    publish_in_french(about, title="À propos", slug="a-propos")
    menu = client.get("/fr-ca/").text.split('class="main-nav"')[1].split("</nav>")[0]
    menu = re.sub(r"\s+", " ", menu).replace(" >", ">")
    assert 'href="/fr-ca/a-propos/">À propos' in menu
    assert 'href="/guides/" lang="en">Guides' in menu


def test_translated_navigation_gives_french_labels(client, home_page, navigation):
    navigation.main_menu_items = [
        MainMenuItem(link_url="https://www.jobbank.gc.ca/", label="Job Bank")
    ]
    navigation.save()
    publish_in_french(home_page)
    french = navigation.copy_for_translation(french_locale())
    french.save()
    item = french.main_menu_items.get()
    item.label = "Guichet-Emplois"
    item.save()
    menu = client.get("/fr-ca/").text.split('class="main-nav"')[1].split("</nav>")[0]
    assert "Guichet-Emplois" in menu
    assert 'lang="en"' not in menu
    assert "Job Bank" in client.get("/").text


def test_site_text_is_read_in_french(client, home_page, site_text):
    publish_in_french(home_page)
    french = site_text.copy_for_translation(french_locale())
    french.organization_name = "Partenariat de la vallée du Fraser"
    french.funding_acknowledgement = "Financé par IRCC."
    french.save()
    html = client.get("/fr-ca/").text
    assert "Partenariat de la vallée du Fraser" in html
    assert "Financé par IRCC." in html
    html = client.get("/").text
    assert "Fraser Valley Partnership" in html
    assert "Funded by IRCC." in html


def test_site_text_falls_back_to_english(client, home_page, site_text):
    publish_in_french(home_page)
    html = client.get("/fr-ca/").text
    assert "Fraser Valley Partnership" in html
    assert "PO Box 1<br>Abbotsford" in html


def test_communities_in_french_keep_their_english_value(home_page):
    french = french_locale()
    mission = Community.objects.create(name="Mission", sort_order=1)
    rural = Community.objects.create(name="Rural areas", sort_order=2)
    translated = rural.copy_for_translation(french)
    translated.name = "Secteurs ruraux"
    translated.save()
    assert community_choices() == [
        ("Mission", "Mission"),
        ("Rural areas", "Rural areas"),
    ]
    with override_settings(LANGUAGE_CODE="en"):
        from django.utils import translation

        with translation.override("fr-ca"):
            assert community_choices() == [
                ("Mission", "Mission"),
                ("Rural areas", "Secteurs ruraux"),
            ]
            assert community_label("Rural areas") == "Secteurs ruraux"
            assert community_label("Gone") == "Gone"
    assert mission.locale == Locale.get_default()


def _grow(home_page, navigation, count: int, start: int = 0) -> None:
    """Menu items to new pages, half of them translated into French."""
    items = []
    for n in range(start, start + count):
        page = StandardPageFactory(parent=home_page, title=f"Page {n}", slug=f"p{n}")
        if n % 2:
            publish_in_french(page, title=f"Page fr {n}", slug=f"p-fr-{n}")
        items.append(MainMenuItem(link_page=page))
    navigation.main_menu_items = items
    navigation.footer_links = []
    navigation.save()


# Warm queries of the English and French home and about pages. French pays a
# fixed few more: the site text's translation (the +1 of the site text), the
# navigation's, the menus' pages' and the page's own locale.
LANGUAGE_BUDGETS = {"/": 12, "/about/": 15, "/fr-ca/": 17, "/fr-ca/a-propos/": 19}


@pytest.mark.parametrize("url", LANGUAGE_BUDGETS)
def test_query_counts_stay_fixed_in_both_languages(
    client, home_page, about, navigation, site_text, url
):
    publish_in_french(about, title="À propos", slug="a-propos")
    site_text.copy_for_translation(french_locale()).save()
    _grow(home_page, navigation, 2)
    small = count_queries(client, url)
    _grow(home_page, navigation, 20, start=2)
    large = count_queries(client, url)
    print(f"\n{url}: (warm, cold) {small}, then {large}")
    assert large == small
    assert large[0] <= LANGUAGE_BUDGETS[url]
