"""The credentials guide has a checklist and sends readers to its workshop."""

import io

import pytest

from django.core.management import call_command

from wagtail.models import Locale

from employers.workshops.models import WorkshopPage
from resources.models import GuidePage

pytestmark = pytest.mark.django_db

SLUG = "assess-international-credentials"


def _call_to_action(guide: GuidePage):
    (block,) = [b for b in guide.body if b.block_type == "call_to_action"]
    return block.value


def test_the_english_guide_has_a_checklist_and_links_its_workshop(client, demo_site):
    guide = GuidePage.objects.get(slug=SLUG, locale=Locale.get_default())
    workshop = WorkshopPage.objects.get(
        slug="assessing-international-credentials", locale=Locale.get_default()
    )
    types = [block.block_type for block in guide.body]
    checklist = types.index("checklist")
    assert types[checklist + 1] == "resource"  # its worksheet
    assert _call_to_action(guide)["page"].specific == workshop

    response = client.get(guide.url)

    assert response.status_code == 200
    html = response.text
    assert "Before you assess a candidate trained abroad" in html
    assert 'type="checkbox"' in html
    assert f'href="{workshop.url}"' in html
    assert "See the workshop and register" in html


def test_the_french_guide_has_a_checklist_and_links_the_french_workshop(
    client, demo_site
):
    french = Locale.objects.get(language_code="fr-ca")
    english = GuidePage.objects.get(slug=SLUG, locale=Locale.get_default())
    guide = english.get_translation(french)
    workshop = WorkshopPage.objects.get(
        slug="assessing-international-credentials", locale=Locale.get_default()
    ).get_translation(french)
    assert _call_to_action(guide)["page"].specific == workshop

    response = client.get(guide.url)

    assert response.status_code == 200
    html = response.text
    assert guide.url.startswith("/fr-ca/")
    assert "Avant d’évaluer une personne formée à l’étranger" in html
    assert 'type="checkbox"' in html
    assert f'href="{workshop.url}"' in html
    assert workshop.url.startswith("/fr-ca/")
    assert "Voir l’atelier et s’inscrire" in html


def test_loading_again_keeps_the_links_and_adds_no_revision(demo_site):
    guide = GuidePage.objects.get(slug=SLUG, locale=Locale.get_default())
    revisions = guide.revisions.count()

    call_command("load_demo_data", force=True, stdout=io.StringIO())

    guide.refresh_from_db()
    assert guide.revisions.count() == revisions
    assert _call_to_action(guide)["page"] is not None
