import datetime

import pytest

from django.contrib.auth.models import Group

from resources.factories import GuidePageFactory
from resources.models import GuideFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user(
        "aisha",
        "aisha@example.org",
        "pw",
        first_name="Aisha",
        last_name="Khan",
        is_superuser=True,
    )
    return user


@pytest.fixture
def old_and_new_guides(guide_index, staff, settings):
    settings.GUIDE_REVIEW_PERIOD_DAYS = 365
    today = datetime.date.today()
    oldest = GuidePageFactory(
        parent=guide_index,
        title="Oldest guide",
        last_reviewed=today - datetime.timedelta(days=900),
        reviewer=staff,
    )
    older = GuidePageFactory(
        parent=guide_index,
        title="Older guide",
        last_reviewed=today - datetime.timedelta(days=400),
    )
    fresh = GuidePageFactory(
        parent=guide_index,
        title="Fresh guide",
        last_reviewed=today - datetime.timedelta(days=30),
    )
    return oldest, older, fresh


def test_due_for_review_report_lists_old_guides_oldest_first(
    client, staff, old_and_new_guides
):
    client.force_login(staff)
    response = client.get("/admin/reports/guides-due-for-review/")
    assert response.status_code == 200
    html = response.text
    assert html.index("Oldest guide") < html.index("Older guide")
    assert "Fresh guide" not in html
    assert "Aisha Khan" in html


def test_due_for_review_report_exports_a_spreadsheet(client, staff, old_and_new_guides):
    client.force_login(staff)
    response = client.get("/admin/reports/guides-due-for-review/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Oldest guide" in content
    assert "Fresh guide" not in content


def test_dashboard_shows_how_many_guides_are_due(client, staff, old_and_new_guides):
    client.force_login(staff)
    html = client.get("/admin/").text
    assert "2 guides have not been reviewed within the review period." in html


def test_review_period_comes_from_settings(client, staff, old_and_new_guides, settings):
    settings.GUIDE_REVIEW_PERIOD_DAYS = 500
    client.force_login(staff)
    html = client.get("/admin/reports/guides-due-for-review/").text
    assert "Oldest guide" in html
    assert "Older guide" not in html


def test_feedback_report_counts_answers_per_guide(client, staff, guide_index):
    guide = GuidePageFactory(parent=guide_index, title="Credentials guide")
    for helpful in (True, True, False):
        GuideFeedback.objects.create(
            guide=guide,
            helpful=helpful,
            comment="Needs an example" if not helpful else "",
        )
    client.force_login(staff)
    response = client.get("/admin/reports/guide-feedback/")
    assert response.status_code == 200
    row = response.text.split("Credentials guide</a>")[1].split("</tr>")[0]
    assert "<td>2</td>" in row and "<td>1</td>" in row
    assert "Needs an example" in response.text


def test_reports_are_for_staff_only(client, django_user_model, guide_index):
    assert client.get("/admin/reports/guide-feedback/").status_code == 302
    outsider = django_user_model.objects.create_user("visitor", password="pw")
    outsider.groups.add(Group.objects.get(name="Report viewers"))
    client.force_login(outsider)
    response = client.get("/admin/reports/guide-feedback/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
