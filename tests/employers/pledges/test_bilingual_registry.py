"""One registry in two languages: the same pledges, filters, profiles, badge
and open data under /fr-ca/, in French."""

import csv
import io
import json
import re

import pytest

from django.utils import timezone

from employers.pledges import open_data
from employers.pledges.models import Commitment, Pledge
from tests.employers.translations import french_locale, publish_in_french
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

FRENCH_TITLES = {
    "Remove Canadian-experience requirements": (
        "Retirer l’exigence d’expérience canadienne"
    ),
    "Offer a workplace buddy": "Offrir un jumelage au travail",
    "Support language learning": "Soutenir l’apprentissage de la langue",
}
FR = "/fr-ca/engagement/registre/"
EN = "/pledge/registry/"


def translate_commitments() -> None:
    """French copies of the commitments, as staff make with wagtail-localize."""
    for commitment in list(Commitment.objects.all()):
        copy = commitment.copy_for_translation(french_locale())
        copy.title = FRENCH_TITLES.get(commitment.title, f"FR {commitment.title}")
        copy.save()


@pytest.fixture
def french_registry(registry):
    """The registry at /fr-ca/engagement/registre/, commitments in French."""
    publish_in_french(registry.get_parent().specific, slug="engagement")
    page = publish_in_french(registry, title="Registre", slug="registre")
    translate_commitments()
    return page


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_french_registry_lists_the_same_pledges_in_french(
    client, listed_pledge, french_registry
):
    english = _text(client.get(EN))
    french = _text(client.get(FR))

    for page in (english, french):
        assert "Valley Berry Farms" in page
    assert "Offer a workplace buddy" in english
    assert "Offrir un jumelage au travail" in french
    assert "Offer a workplace buddy" not in french
    assert "Agriculture, foresterie, pêche et chasse" in french
    assert f'href="{FR}valley-berry-farms/"' in french
    profile = client.get(f"{FR}valley-berry-farms/")
    assert profile.status_code == 200
    assert "Soutenir l’apprentissage de la langue" in _text(profile)


def test_filters_keep_their_values_across_languages(
    client, listed_pledge, named_commitments, french_registry
):
    buddy = named_commitments["buddy"]
    query = f"?sector=11&commitment={buddy.pk}&size=10-49"
    french = _text(client.get(FR + query))
    english = _text(client.get(EN + query))

    for page in (english, french):
        assert "Valley Berry Farms" in page
    # The same value, the label in the reader's language.
    assert (
        f'<option value="{buddy.pk}" selected>Offrir un jumelage au travail</option>'
        in french
    )
    assert '<option value="11" selected>Agriculture, foresterie' in french
    # The filter filters: another sector leaves it out in French too.
    Pledge.objects.filter(pk=listed_pledge.pk).update(sector="62")
    assert "Valley Berry Farms" not in _text(client.get(FR + query))


def test_the_french_badge_is_entirely_french(client, listed_pledge, french_registry):
    response = client.get(f"{FR}valley-berry-farms/badge.svg")

    assert response.status_code == 200
    svg = response.content.decode()
    year = timezone.localdate(listed_pledge.approved_at).year
    assert "Engagement pour un milieu de travail inclusif" in svg
    assert f"Niveau Actif · signé en {year}" in svg
    assert 'xml:lang="fr-ca"' in svg
    words = set(re.findall(r">([^<]+)<", svg))
    english = {"level", "signed", "Inclusive", "pledge", "Active", "workplace"}
    assert not {w for text in words for w in text.split()} & english, words
    english_badge = client.get(f"{EN}valley-berry-farms/badge.svg").content.decode()
    assert f"Active level · signed in {year}" in english_badge


def test_the_french_profile_offers_the_french_badge_to_copy(
    client, listed_pledge, french_registry
):
    page = client.get(f"{FR}valley-berry-farms/").content.decode()
    snippet = re.search(r'<textarea id="badge-snippet"[^>]*>([^<]+)<', page)[1]

    assert f"http://testserver{FR}valley-berry-farms/badge.svg" in snippet
    assert f"http://testserver{FR}valley-berry-farms/" in snippet
    assert "engagement pour un milieu de travail inclusif, niveau Actif" in snippet


def test_french_open_data_has_french_values_and_the_same_columns(
    client, listed_pledge, french_registry
):
    english = client.get(f"{EN}registry.csv").getvalue().decode("utf-8-sig")
    french = client.get(f"{FR}registry.csv").getvalue().decode("utf-8-sig")
    assert english.splitlines()[0] == french.splitlines()[0]
    assert french.splitlines()[0] == ",".join(open_data.COLUMN_NAMES)

    [row] = list(csv.DictReader(io.StringIO(french)))
    assert row["sector"] == "Agriculture, foresterie, pêche et chasse"
    assert row["sector_code"] == "11"
    assert row["size"] == "10 à 49 employés"
    assert row["size_band"] == "10-49"
    assert (row["level"], row["level_label"]) == ("active", "Actif")
    assert row["commitments"] == (
        "Retirer l’exigence d’expérience canadienne; "
        "Offrir un jumelage au travail; Soutenir l’apprentissage de la langue"
    )
    assert row["profile_url"] == f"http://testserver{FR}valley-berry-farms/"

    data = json.loads(client.get(f"{FR}registry.json").getvalue())
    [organization] = data["organizations"]
    assert list(organization) == open_data.COLUMN_NAMES
    assert organization["sector"] == "Agriculture, foresterie, pêche et chasse"
    assert organization["commitments"][1] == "Offrir un jumelage au travail"


@pytest.mark.parametrize(
    ("base", "heading", "sector_label"),
    [
        (EN, "Open data dictionary", "Sector"),
        (FR, "Dictionnaire des données ouvertes", "Secteur"),
    ],
)
def test_the_data_dictionary_lists_every_column_of_the_csv(
    client, listed_pledge, french_registry, base, heading, sector_label
):
    response = client.get(f"{base}data-dictionary/")

    assert response.status_code == 200
    page = _text(response)
    assert f"<h1>{heading}</h1>" in page
    csv_text = client.get(f"{base}registry.csv").getvalue().decode("utf-8-sig")
    header = csv_text.splitlines()[0]
    for name in header.split(","):
        assert f'id="column-{name}"' in page, name
        assert f"<code>{name}</code>" in page
    assert re.search(
        rf'id="column-sector">.*?<code>sector</code> <br> {sector_label} </th>', page
    )
    # Linked beside the downloads.
    assert f'href="{base}data-dictionary/"' in _text(client.get(base))


def test_a_pledge_named_like_the_dictionary_does_not_hide_it(client, registry):
    from employers.pledges.services.lifecycle import _unique_slug

    assert _unique_slug("Data Dictionary") == "data-dictionary-2"


# (warm, cold), as tests/employers/pledges/test_registry_query_counts.py: the
# English budgets plus the active locale and the commitments' translations.
FRENCH_BUDGETS = {FR: (25, 27), f"{FR}registry.csv": (18, 20)}


def test_the_french_registry_runs_a_fixed_number_of_queries(
    client, registry, named_commitments, django_assert_max_num_queries
):
    from tests.employers.pledges.test_registry_query_counts import _add_pledges

    commitments = list(named_commitments.values())
    _add_pledges(0, 5, commitments)
    publish_in_french(registry.get_parent().specific, slug="engagement")
    publish_in_french(registry, title="Registre", slug="registre")
    translate_commitments()
    small = {url: count_queries(client, url) for url in FRENCH_BUDGETS}

    _add_pledges(5, 60, commitments)
    large = {url: count_queries(client, url) for url in FRENCH_BUDGETS}

    assert large == small
    for url, (warm, cold) in FRENCH_BUDGETS.items():
        assert large[url][1] <= cold, url
        with django_assert_max_num_queries(warm):
            assert client.get(url).status_code == 200
