"""The guide library in French: French guides, topics in French, one set of topics."""

import datetime

import pytest
from wagtail_localize.models import TranslationSource

from wagtail.models import Locale

from resources.factories import GuidePageFactory
from resources.models import FeaturedGuide, GuidePage, RelatedGuide
from tests.employers.translations import french_locale, publish_in_french

pytestmark = pytest.mark.django_db


def translate_topic(topic, **fields):
    french = topic.copy_for_translation(french_locale())
    for name, value in fields.items():
        setattr(french, name, value)
    french.save()
    return french


@pytest.fixture
def library(guide_index, topics):
    """Two guides in English and French, one in English only."""
    translate_topic(
        topics["credentials"],
        name="Titres de compétences",
        slug="titres-de-competences",
    )
    hiring = GuidePageFactory(
        parent=guide_index,
        title="Assessing credentials",
        classify__topics=[topics["credentials"]],
        classify__stages=["hire"],
    )
    permits = GuidePageFactory(
        parent=guide_index,
        title="Checking work permits",
        classify__topics=[topics["permits"]],
        classify__stages=["onboard"],
    )
    english_only = GuidePageFactory(
        parent=guide_index,
        title="Reference checks abroad",
        classify__topics=[topics["credentials"]],
        classify__stages=["hire"],
    )
    guide_index.featured_guides = [
        FeaturedGuide(guide=english_only),
        FeaturedGuide(guide=hiring),
    ]
    guide_index.save_revision().publish()
    french_index = publish_in_french(guide_index, title="Guides", slug="guides")
    return {
        "index": guide_index,
        "french_index": french_index,
        "hiring": hiring,
        "french_hiring": publish_in_french(
            hiring, title="Évaluer les titres de compétences", slug="evaluer"
        ),
        "french_permits": publish_in_french(
            permits, title="Vérifier les permis de travail", slug="permis"
        ),
        "english_only": english_only,
    }


def card_of(html: str, title: str) -> str:
    """The opening tag of the card whose link reads ``title``."""
    end = html.index(f">{title}</a>")
    start = html.rindex("<article", 0, end)
    return html[start : html.index(">", start) + 1]


def test_french_guide_index_lists_its_french_guides(client, library):
    response = client.get(library["french_index"].url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Évaluer les titres de compétences" in html
    assert "Vérifier les permis de travail" in html
    assert "Checking work permits" not in html
    assert "2 guides" in html or "2 guides" in html.replace("\xa0", " ")


def test_french_topics_lead_the_filters_and_cards(client, library):
    html = client.get(library["french_index"].url).content.decode()

    assert 'value="titres-de-competences"' in html
    assert "Titres de compétences" in html
    assert ">Credentials<" not in html
    # A topic with no French translation yet stays, in English.
    assert 'value="permits"' in html


@pytest.mark.parametrize("slug", ["titres-de-competences", "credentials"])
def test_topic_filter_takes_french_and_english_slugs(client, library, slug):
    response = client.get(library["french_index"].url, {"topic": slug})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Évaluer les titres de compétences" in html
    assert "Vérifier les permis de travail" not in html
    assert "Reference checks abroad" not in html
    # The chosen topic is shown, and kept in links, in French.
    assert 'value="titres-de-competences" selected' in html


def test_english_index_takes_a_french_slug_too(client, library):
    html = client.get(library["index"].url, {"topic": "titres-de-competences"})
    html = html.content.decode()

    assert "Assessing credentials" in html
    assert "Reference checks abroad" in html
    assert "Checking work permits" not in html
    assert "Évaluer" not in html


def test_stage_filter_on_french_index(client, library):
    html = client.get(library["french_index"].url, {"stage": "onboard"})
    html = html.content.decode()

    assert "Vérifier les permis de travail" in html
    assert "Évaluer les titres de compétences" not in html


def test_unknown_topic_is_not_found_in_french(client, library):
    response = client.get(library["french_index"].url, {"topic": "nope"})

    assert response.status_code == 404


def test_featured_guide_without_french_is_shown_in_english_and_marked(client, library):
    html = client.get(library["french_index"].url).content.decode()

    assert card_of(html, "Reference checks abroad").endswith(' lang="en">')
    # The featured English guide that has a French translation shows it.
    assert card_of(html, "Évaluer les titres de compétences").endswith('card">')
    assert "Assessing credentials" not in html


def test_english_cards_on_english_pages_have_no_lang(client, library):
    html = client.get(library["index"].url).content.decode()

    assert "lang=" not in card_of(html, "Reference checks abroad")


def test_french_guide_shows_its_topics_in_french(client, library):
    html = client.get(library["french_hiring"].url).content.decode()

    assert "Titres de compétences</a>" in html
    assert "?topic=titres-de-competences" in html
    assert ">Credentials<" not in html


def test_french_guide_relates_untranslated_guides_in_english(client, library):
    hiring = library["hiring"]
    hiring.related_guides = [RelatedGuide(guide=library["english_only"])]
    hiring.save_revision().publish()
    french = library["french_hiring"]
    french.related_guides = [RelatedGuide(guide=library["english_only"])]
    french.save_revision().publish()

    html = client.get(french.url).content.decode()

    assert card_of(html, "Reference checks abroad").endswith(' lang="en">')


def test_french_guide_fills_related_guides_with_french_ones_on_its_topics(
    client, library, guide_index, topics
):
    other = GuidePageFactory(
        parent=guide_index,
        title="Foreign degrees",
        classify__topics=[topics["credentials"]],
    )
    publish_in_french(other, title="Diplômes étrangers", slug="diplomes")

    html = client.get(library["french_hiring"].url).content.decode()

    assert "Diplômes étrangers" in html
    assert "Foreign degrees" not in html
    assert "Reference checks abroad" not in html


def test_translating_a_guide_keeps_its_classification_and_review(library):
    """wagtail-localize copies topics, stages and the review date as they are."""
    hiring = library["hiring"]
    hiring.last_reviewed = datetime.date(2026, 3, 1)
    hiring.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(hiring)
    source.update_from_db()

    french, _created = source.create_or_update_translation(
        Locale.objects.get(language_code="fr-ca"), fallback=True
    )

    french = GuidePage.objects.get(pk=french.pk)
    assert [t.slug for t in french.topics.all()] == ["credentials"]
    assert [s.code for s in french.stages.all()] == ["hire"]
    assert french.last_reviewed == datetime.date(2026, 3, 1)


def test_french_guide_writes_the_first_of_the_month_as_1er(client, library):
    french = library["french_hiring"]
    french.last_reviewed = datetime.date(2026, 10, 1)
    french.save_revision().publish()

    html = client.get(french.url).text

    assert '<time datetime="2026-10-01">1er octobre 2026</time>' in html
