"""The page editor offers each topic and hiring stage once, not once a language."""

import re

import pytest

from wagtail.models import Locale

from employers.workshops.factories import WorkshopPageFactory
from resources.factories import GuidePageFactory, TopicFactory
from resources.models import HiringStage, Topic
from tests.employers.translations import french_locale, publish_in_french

pytestmark = pytest.mark.django_db


def translate(row, **fields):
    """The row's French translation, saved, as wagtail-localize makes it."""
    copy = row.copy_for_translation(french_locale())
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


@pytest.fixture
def topic(db) -> Topic:
    english = TopicFactory(name="Work permits", slug="permits")
    translate(english, name="Permis de travail", slug="permis")
    return english


@pytest.fixture
def stage(db) -> HiringStage:
    english = HiringStage.objects.get(code="hire", locale=Locale.get_default())
    translate(english)
    return english


def editor(client, page) -> str:
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def checkboxes(html: str, name: str) -> list[tuple[str, str, bool]]:
    """Each checkbox of the field ``name``: its value, its label, if ticked."""
    field = re.search(rf'<div id="id_{name}">(.*?)</div>\s*</div>', html, re.S)
    assert field, f"no {name} field on the editor"
    return [
        (value, label.strip(), "checked" in attrs)
        for value, attrs, label in re.findall(
            r'<input type="checkbox" name="\w+" value="(\d+)"([^>]*)>([^<]*)</label>',
            field[1],
        )
    ]


def options(html: str, name: str) -> list[tuple[str, str]]:
    """Each choice of the select ``name``: its value and its label."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no {name} field on the editor"
    return re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select[1])


def test_a_guide_offers_each_topic_and_stage_once(
    admin_client, guide_index, topic, stage
):
    guide = GuidePageFactory(parent=guide_index, classify__topics=[topic])

    html = editor(admin_client, guide)

    assert checkboxes(html, "topics") == [(str(topic.pk), "Work permits", True)]
    stages = options(html, "stages")
    assert [label for _, label in stages] == [
        "Attract",
        "Hire",
        "Onboard",
        "Retain and advance",
    ]
    assert (str(stage.pk), "Hire") in stages


def test_a_french_guide_offers_the_rows_its_english_source_links(
    admin_client, guide_index, topic
):
    guide = GuidePageFactory(parent=guide_index, classify__topics=[topic])
    french = publish_in_french(guide, title="Les permis de travail")

    html = editor(admin_client, french)

    assert checkboxes(html, "topics") == [(str(topic.pk), "Work permits", True)]


def test_a_workshop_offers_each_topic_once(admin_client, workshop_index, topic):
    workshop = WorkshopPageFactory(parent=workshop_index)

    html = editor(admin_client, workshop)

    assert checkboxes(html, "topics") == [(str(topic.pk), "Work permits", False)]


def test_a_row_a_page_links_already_stays_offered(admin_client, guide_index, topic):
    french_row = topic.get_translation(french_locale())
    guide = GuidePageFactory(parent=guide_index, classify__topics=[french_row])

    html = editor(admin_client, guide)

    assert sorted(checkboxes(html, "topics")) == [
        (str(topic.pk), "Work permits", False),
        (str(french_row.pk), "Permis de travail", True),
    ]
