"""Links in emails use the public base URL, not the Site record's host and port.

The Site record often keeps development's 127.0.0.1:8000, or the address of
the server behind the proxy; ``WAGTAILADMIN_BASE_URL`` is the address people
use, and every email built without a visitor's request links there.
"""

import datetime
import io

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site, WorkflowState

from employers.workshops.services import registration as service
from home import roles
from home.mail import public_page_url, public_url
from resources.factories import GuidePageFactory
from tests.home.admin_forms import guide_form_data

pytestmark = pytest.mark.django_db

PUBLIC = "https://welcoming.example"


@pytest.fixture
def served_elsewhere(home_page, settings):
    """The Site says 127.0.0.1:8000; the public address is another."""
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    return home_page


def test_a_link_prefers_the_base_url_over_the_site_record(served_elsewhere, settings):
    assert public_url("/fr-ca/ateliers/") == f"{PUBLIC}/fr-ca/ateliers/"
    assert public_page_url(served_elsewhere) == f"{PUBLIC}/"
    settings.WAGTAILADMIN_BASE_URL = ""
    assert public_page_url(served_elsewhere) == "http://127.0.0.1:8000/"


def test_the_scheduled_reminder_links_to_the_public_address(
    served_elsewhere, workshop, sent_mail
):
    workshop.start = timezone.now() + datetime.timedelta(hours=2)
    workshop.end = workshop.start + datetime.timedelta(hours=2)
    workshop.save()
    service.register(
        workshop, {"name": "Maria", "email": "maria@example.com", "organization": "V"}
    )
    sent_mail().clear()

    call_command("run_scheduled_tasks", stdout=io.StringIO(), stderr=io.StringIO())

    reminders = [m for m in mail.outbox if m.subject.startswith("Reminder")]
    assert len(reminders) == 1
    body = reminders[0].body
    assert f"{PUBLIC}{workshop.url}" in body
    assert ":8000" not in body
    for html, _type in getattr(reminders[0], "alternatives", []):
        assert ":8000" not in html


def _member(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(
        username, f"{username}@lip.example", "pw", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def test_wagtails_approval_notice_links_to_the_public_address(
    served_elsewhere, guide_index, client, django_user_model, sent_mail
):
    editor = _member(django_user_model, "editor", roles.EDITORS)
    moderator = _member(django_user_model, "moderator", roles.MODERATORS)
    draft = GuidePageFactory(parent=guide_index, title="Draft guide", live=False)
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        guide_form_data(draft, action="action-submit"),
    )
    submitted = list(sent_mail())
    sent_mail().clear()
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[draft.pk, "approve", state.current_task_state.pk],
        )
    )

    approved = sent_mail()
    assert [m.to for m in approved] == [[editor.email]]
    draft.refresh_from_db()
    assert f"You can view the page here: {PUBLIC}{draft.url}" in approved[0].body
    # The review request links to the editor at the same address.
    assert f"{PUBLIC}/admin/pages/{draft.pk}/edit/" in submitted[0].body
    for message in [*submitted, *approved]:
        assert ":8000" not in message.body
        for html, _type in getattr(message, "alternatives", []):
            assert ":8000" not in html
