"""The demo's French site: a francophone employer can use it end to end."""

import io

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale, Page, Revision

from demo.files import read_yaml
from demo.loaders.translations import is_translatable
from employers.pledges.models import Commitment
from employers.workshops.models import Facilitator, Venue, WorkshopPage
from home.models import Community, SiteText
from resources.models import GuidePage, HiringStage, Topic

pytestmark = pytest.mark.django_db

FRENCH_PAGES = {
    "/fr-ca/": "Recrutez, accueillez et gardez les talents immigrants",
    "/fr-ca/a-propos/": "À propos du partenariat",
    "/fr-ca/confidentialite/": "Confidentialité",
    "/fr-ca/accessibilite/": "Accessibilité",
    "/fr-ca/embaucher-des-nouveaux-arrivants/": "par où commencer",
    "/fr-ca/engagement/": "Prenez l’engagement pour un milieu de travail inclusif",
    "/fr-ca/engagement/registre/": "Les employeurs qui ont pris l’engagement",
    "/fr-ca/ateliers/": "Ateliers pour les employeurs",
    "/fr-ca/guides/": "Guides pour les employeurs",
    "/fr-ca/guides/rediger-des-offres-d-emploi-inclusives/": (
        "Rédiger des offres d’emploi qui accueillent les nouveaux arrivants"
    ),
    "/fr-ca/guides/permis-de-travail-et-voies-d-embauche/": (
        "Comprendre les permis de travail et les voies d’embauche"
    ),
}


def _french_pages():
    return Page.objects.filter(locale__language_code="fr-ca")


@pytest.mark.parametrize("url", FRENCH_PAGES)
def test_french_page_is_live_under_its_french_address(client, demo_site, url):
    response = client.get(url)
    assert response.status_code == 200
    assert 'lang="fr-ca"' in response.text
    assert FRENCH_PAGES[url] in response.text
    page = response.context["page"]
    assert page.locale.language_code == "fr-ca" and page.live


def test_every_upcoming_workshop_has_a_live_french_page(client, demo_site):
    upcoming = WorkshopPage.objects.live().filter(
        locale=Locale.get_default(), start__gt=timezone.now()
    )
    french = {
        spec["slug"]: spec["fr"]
        for spec in read_yaml("workshops.yaml")["workshops"]
        if spec["in_days"] > 0
    }
    assert upcoming.count() == len(french) >= 8
    listing = client.get("/fr-ca/ateliers/").text
    for workshop in upcoming:
        spec = french[workshop.slug]
        translation = workshop.get_translation(
            Locale.objects.get(language_code="fr-ca")
        )
        assert translation.live and translation.slug == spec["slug"]
        response = client.get(f"/fr-ca/ateliers/{spec['slug']}/")
        assert response.status_code == 200
        assert spec["title"] in response.text
        assert "Deux heures de conseils concrets" in response.text
        assert spec["title"] in listing


def test_french_workshop_asks_its_questions_in_french(client, demo_site):
    response = client.get("/fr-ca/ateliers/comprendre-les-permis-de-travail/register/")
    assert response.status_code == 200
    assert "Quels permis de travail détiennent vos travailleurs actuels" in (
        response.text
    )
    assert "Je ne sais pas" in response.text


def test_french_home_page_leads_to_french_pages(client, demo_site):
    french = demo_site.get_translation(Locale.objects.get(language_code="fr-ca"))
    paths = french.specific.paths
    assert len(paths) == 3
    for path in paths:
        assert path.value["page"].locale.language_code == "fr-ca"
    html = client.get("/fr-ca/").text
    assert "Lire les guides" in html and 'href="/fr-ca/guides/"' in html
    assert 'href="/fr-ca/engagement/"' in html
    assert "Les plus consultés par les employeurs" in html


def test_french_guide_has_french_blocks_worksheet_and_topics(client, demo_site):
    guide = GuidePage.objects.get(slug="rediger-des-offres-d-emploi-inclusives")
    types = [block.block_type for block in guide.body]
    assert types[-2:] == ["key_takeaways", "sources"]
    worksheet = guide.body[types.index("checklist") + 1].value["document"]
    assert worksheet.title == "Avant d’afficher (fiche de travail)"
    assert guide.body[-1].value["heading"] == "Sources et renseignements officiels"
    html = client.get(guide.url).text
    # Classified by the English topic, shown by its French name.
    assert "Recrutement et sélection" in html
    assert "Partez de ce dont le poste a vraiment besoin" in html
    assert 'href="https://www.guichetemplois.gc.ca/"' in html


def test_french_reader_sees_the_site_text_menus_and_communities_in_french(
    client, demo_site
):
    html = client.get("/fr-ca/a-propos/").text
    assert "Partenariat local en matière d’immigration de la vallée du Fraser" in html
    assert "financé par Immigration, Réfugiés et Citoyenneté Canada" in html
    assert "Fraser Valley Local Immigration Partnership" not in html
    for url in ("/fr-ca/guides/", "/fr-ca/ateliers/", "/fr-ca/confidentialite/"):
        assert f'href="{url}"' in html
    french = Community.objects.filter(locale__language_code="fr-ca")
    assert "Agassiz et Harrison" in french.values_list("name", flat=True)
    assert (
        french.count() == Community.objects.filter(locale=Locale.get_default()).count()
    )


def test_french_text_keeps_canadian_typography(client, demo_site):
    html = client.get("/fr-ca/embaucher-des-nouveaux-arrivants/").text
    assert "Puis-je exiger une expérience canadienne\u00a0?" in html
    assert "Combien de temps ça prend\u00a0?" in client.get("/fr-ca/engagement/").text


CATALOGUES = [
    (Commitment, "pledges.yaml", "commitments", "title"),
    (Topic, "guides.yaml", "topics", "name"),
    (Venue, "workshops.yaml", "venues", "name"),
    (Facilitator, "workshops.yaml", "facilitators", "bio"),
]
COUNTED = [model for model, *_rest in CATALOGUES] + [Community, SiteText]


@pytest.mark.parametrize(("model", "file", "key", "field"), CATALOGUES)
def test_french_catalogue_texts_exist_in_french(demo_site, model, file, key, field):
    if not is_translatable(model):
        pytest.skip(f"{model.__name__} is not translatable yet")
    expected = {spec["fr"][field] for spec in read_yaml(file)[key]}
    french = model.objects.filter(locale__language_code="fr-ca")
    assert set(french.values_list(field, flat=True)) == expected
    english = model.objects.filter(locale=Locale.get_default())
    assert set(french.values_list("translation_key", flat=True)) == set(
        english.values_list("translation_key", flat=True)
    )


def test_every_hiring_stage_exists_in_french(demo_site):
    if not is_translatable(HiringStage):
        pytest.skip("HiringStage is not translatable yet")
    french = HiringStage.objects.filter(locale__language_code="fr-ca")
    assert french.count() == HiringStage.objects.count() / 2 == 4


def test_french_content_loads_once(demo_site):
    def counts():
        return {
            "french_pages": list(
                _french_pages().values_list("pk", "slug", "latest_revision_id")
            ),
            "revisions": Revision.objects.count(),
            "locales": Locale.objects.count(),
            **{model.__name__: model.objects.count() for model, *_rest in CATALOGUES},
        }

    before = counts()
    assert before["locales"] == 2 and len(before["french_pages"]) >= 20
    output = io.StringIO()
    call_command("load_demo_data", force=True, stdout=output)
    assert counts() == before
    assert "Created" not in output.getvalue()


def test_french_pledge_page_and_registry_show_french_commitments(client, demo_site):
    html = client.get("/fr-ca/engagement/").text
    assert "Retirer l’exigence d’expérience canadienne des offres d’emploi" in html
    assert "Remove Canadian-experience requirements" not in html
    registry = client.get("/fr-ca/engagement/registre/")
    assert registry.status_code == 200
    assert registry.context["results"]["pledges"].paginator.count >= 25
