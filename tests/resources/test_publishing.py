"""Guides go through review before publishing, and can be scheduled."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Workflow

from resources.factories import GuidePageFactory
from resources.models import GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_editor_submits_a_guide_and_a_moderator_approves_it(
    client, guide_index, editor, moderator
):
    guide = GuidePageFactory(parent=guide_index, title="Draft guide", live=False)
    workflow = Workflow.objects.get(name="Moderators approval")
    assert guide.get_workflow() == workflow

    client.force_login(editor)
    assert not guide.permissions_for_user(editor).can_publish()
    revision = guide.save_revision(user=editor)
    workflow.start(guide, editor)
    guide.refresh_from_db()
    assert guide.workflow_in_progress
    assert not guide.live

    state = guide.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "approve")
    guide.refresh_from_db()
    assert guide.live
    assert guide.live_revision_id == revision.pk


def test_scheduled_guide_goes_live_when_the_command_runs(guide_index):
    guide = GuidePageFactory(parent=guide_index, title="Coming soon", live=False)
    guide.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    guide.save_revision(approved_go_live_at=guide.go_live_at)
    assert not GuidePage.objects.get(pk=guide.pk).live
    call_command("publish_scheduled")
    assert GuidePage.objects.get(pk=guide.pk).live
