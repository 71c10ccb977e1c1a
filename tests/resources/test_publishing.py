"""Guides go through "Review and publish", and can be scheduled.

Editors submit from the page editor; moderators approve or request changes;
Wagtail emails each side through the mail queue. People with publish
permission publish directly, workflow or not.
"""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Workflow, WorkflowState

from employers.workshops.factories import WorkshopPageFactory
from home import roles
from resources.factories import GuidePageFactory
from resources.models import GuidePage
from tests.home.admin_forms import guide_form_data, workshop_form_data

pytestmark = pytest.mark.django_db


def _member(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(
        username,
        f"{username}@lip.example",
        "pw",
        first_name=username.title(),
        last_name="Person",
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return _member(django_user_model, "editor", roles.EDITORS)


@pytest.fixture
def moderator(django_user_model):
    return _member(django_user_model, "moderator", roles.MODERATORS)


@pytest.fixture
def draft(guide_index):
    return GuidePageFactory(parent=guide_index, title="Draft guide", live=False)


@pytest.fixture
def submitted(client, draft, editor, moderator, admin_user, sent_mail):
    """The editor pressed "Submit to Review and publish"; the outbox is emptied."""
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        guide_form_data(draft, action="action-submit"),
    )
    assert response.status_code == 302
    messages = list(sent_mail())
    sent_mail().clear()
    return messages


def _act(client, moderator, guide, action: str, comment: str = ""):
    state = WorkflowState.objects.get(object_id=str(guide.pk))
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[guide.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment})


def test_guides_and_every_other_page_go_through_review_and_publish(draft):
    assert draft.get_workflow() == Workflow.objects.get(name="Review and publish")


def test_a_submitted_guide_waits_and_moderators_are_told(
    draft, submitted, moderator, admin_user
):
    draft.refresh_from_db()
    assert draft.workflow_in_progress
    assert not draft.live
    assert [message.to for message in submitted] == [[moderator.email]]
    assert submitted[0].subject == (
        'The page "Draft guide" has been submitted for approval in moderation '
        'stage "Moderator review"'
    )
    assert f"/admin/pages/{draft.pk}/edit/" in submitted[0].body
    # The superuser is the technical administrator, not a reviewer.
    assert admin_user.email not in str([message.to for message in submitted])


def test_approving_publishes_the_guide_and_tells_the_editor(
    client, draft, submitted, editor, moderator, sent_mail
):
    response = _act(client, moderator, draft, "approve")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert "Reviewed text." in str(draft.body)
    messages = sent_mail()
    assert [message.to for message in messages] == [[editor.email]]
    assert messages[0].subject == (
        'The page "Draft guide" has been approved in "Review and publish".'
    )


def test_requesting_changes_keeps_the_draft_and_tells_the_editor_why(
    client, draft, submitted, editor, moderator, sent_mail
):
    _act(client, moderator, draft, "reject", comment="Cite the human rights code.")
    draft.refresh_from_db()
    assert not draft.live
    messages = sent_mail()
    assert [message.to for message in messages] == [[editor.email]]
    assert "rejected" in messages[0].subject
    assert "Cite the human rights code." in messages[0].body
    assert "by Moderator Person" in messages[0].body


def test_an_editor_cannot_publish_and_a_moderator_can(
    client, draft, editor, moderator, sent_mail
):
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.force_login(editor)
    client.post(url, guide_form_data(draft))
    assert not GuidePage.objects.get(pk=draft.pk).live
    client.force_login(moderator)
    client.post(url, guide_form_data(draft))
    assert GuidePage.objects.get(pk=draft.pk).live
    assert not WorkflowState.objects.exists()
    assert sent_mail() == []


def test_a_coordinator_publishes_a_workshop_directly_despite_the_workflow(
    client, django_user_model, workshop_index, sent_mail
):
    coordinator = _member(django_user_model, "coordinator", roles.EVENT_COORDINATORS)
    page = WorkshopPageFactory(
        parent=workshop_index,
        live=False,
        title="Hiring through settlement agencies",
        format="online",
        venue=None,
        online_link="https://meet.example.org/room",
    )
    assert page.get_workflow() is not None
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), workshop_form_data(page)
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not WorkflowState.objects.exists()
    assert sent_mail() == []


def test_scheduled_guide_goes_live_when_the_command_runs(guide_index):
    guide = GuidePageFactory(parent=guide_index, title="Coming soon", live=False)
    guide.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    guide.save_revision(approved_go_live_at=guide.go_live_at)
    assert not GuidePage.objects.get(pk=guide.pk).live
    call_command("publish_scheduled")
    assert GuidePage.objects.get(pk=guide.pk).live
