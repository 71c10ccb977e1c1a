"""Staff reports on guides tell a guide's translations apart and count it once."""

import datetime

import pytest

from resources.factories import GuidePageFactory
from resources.models import GuideFeedback
from tests.employers.translations import publish_in_french

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "aisha", "aisha@example.org", "pw", is_superuser=True
    )


@pytest.fixture
def old_guide_in_two_languages(guide_index, settings):
    settings.GUIDE_REVIEW_PERIOD_DAYS = 365
    guide = GuidePageFactory(
        parent=guide_index,
        title="Oldest guide",
        last_reviewed=datetime.date.today() - datetime.timedelta(days=900),
    )
    french = publish_in_french(guide, title="Le plus ancien guide", slug="ancien")
    return guide, french


def test_due_for_review_report_names_each_translations_language(
    client, staff, old_guide_in_two_languages
):
    client.force_login(staff)
    html = client.get("/admin/reports/guides-due-for-review/").text

    english_row = html.split("Oldest guide")[1].split("</tr>")[0]
    french_row = html.split("Le plus ancien guide")[1].split("</tr>")[0]
    assert "English" in english_row
    assert "French" in french_row


def test_due_for_review_export_has_the_language(
    client, staff, old_guide_in_two_languages
):
    client.force_login(staff)
    response = client.get("/admin/reports/guides-due-for-review/", {"export": "csv"})
    rows = b"".join(response.streaming_content).decode().splitlines()

    assert rows[0].startswith("Guide,Language,")
    assert any(r.startswith("Le plus ancien guide,French") for r in rows)


def test_dashboard_counts_a_translated_guide_once(
    client, staff, old_guide_in_two_languages
):
    client.force_login(staff)
    html = client.get("/admin/").text

    assert "1 guide has not been reviewed within the review period." in html


def test_feedback_report_shows_the_language_of_each_answer(
    client, staff, old_guide_in_two_languages
):
    guide, french = old_guide_in_two_languages
    GuideFeedback.objects.create(guide=guide, helpful=True)
    GuideFeedback.objects.create(guide=french, helpful=False, comment="Trop long")
    client.force_login(staff)
    html = client.get("/admin/reports/guide-feedback/").text

    summary_row = html.split("Le plus ancien guide</a>")[1].split("</tr>")[0]
    assert "French" in summary_row
    answer_row = html.split("Trop long")[0].rsplit("<tr", 1)[1]
    assert "French" in answer_row
