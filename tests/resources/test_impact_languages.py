"""The impact report counts a guide once, whatever its translations."""

import datetime

import pytest

from home.impact.periods import custom
from resources.factories import GuidePageFactory
from resources.impact import guides_section
from resources.models import GuideFeedback, GuideView
from tests.employers.translations import publish_in_french

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 6, 1)
KEYS = ["label", "views", "yes", "no", "answers"]


def _rows(table) -> list[list]:
    return [[row[key] for key in KEYS] for row in table.rows]


def _report():
    (table,) = guides_section(
        custom(datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    ).tables
    return table


def _answer(guide, helpful: bool) -> None:
    answer = GuideFeedback.objects.create(guide=guide, helpful=helpful)
    GuideFeedback.objects.filter(pk=answer.pk).update(
        created_at=datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)
    )


@pytest.fixture
def guide(guide_index):
    return GuidePageFactory(parent=guide_index, title="Assessing credentials")


@pytest.fixture
def french_guide(guide):
    return publish_in_french(guide, title="Évaluer les diplômes")


def test_a_translated_guide_is_one_row_with_both_languages_summed(
    guide_index, guide, french_guide
):
    other = GuidePageFactory(parent=guide_index, title="Work permits")
    GuideView.objects.bulk_create(
        [
            GuideView(guide=guide, day=DAY, count=10),
            GuideView(guide=french_guide, day=DAY, count=4),
            GuideView(guide=other, day=DAY, count=12),
        ]
    )
    _answer(guide, True)
    _answer(french_guide, True)
    _answer(french_guide, False)

    table = _report()

    assert _rows(table) == [
        ["Assessing credentials", 14, 2, 1, 3],
        ["Work permits", 12, 0, 0, 0],
    ]
    assert [table.total[key] for key in KEYS[1:]] == [26, 2, 1, 3]


def test_a_guide_read_only_in_french_is_listed_by_its_english_title(
    guide, french_guide
):
    GuideView.objects.create(guide=french_guide, day=DAY, count=3)
    _answer(french_guide, True)

    assert _rows(_report()) == [["Assessing credentials", 3, 1, 0, 1]]


def test_a_guide_written_only_in_french_keeps_its_french_title(guide_index, guide):
    french_only = publish_in_french(
        GuidePageFactory(parent=guide_index, title="Draft"), title="Le mentorat"
    )
    french_only.get_translation(guide.locale).delete()
    GuideView.objects.create(guide=french_only, day=DAY, count=2)

    assert _rows(_report()) == [["Le mentorat", 2, 0, 0, 0]]
