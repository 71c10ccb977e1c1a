"""Dashboard panels: each shows only what its user may see, in bounded queries."""

import datetime
import socket

import pytest
from mailer.models import Message, MessageLog

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory
from employers.workshops.models import WorkshopFeedback
from home.mail import deliver_queued_mail
from resources.factories import GuidePageFactory
from resources.models import GuideFeedback

pytestmark = pytest.mark.django_db

PANEL_IDS = {
    "pledges": 'id="pledges-awaiting-review-section"',
    "workshops": 'id="upcoming-workshops-section"',
    "guides": 'id="guides-due-for-review-section"',
    "feedback": 'id="recent-feedback-section"',
    "mail": 'id="failed-emails-section"',
}
FAILED_TO = "jordan.recipient@example.com"


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mail_server_down(settings):
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _unused_port()


def fail_to_send(count: int) -> None:
    """Queue messages the (stopped) server refuses: deferred, with a logged error."""
    for number in range(count):
        mail.send_mail(
            f"Your seat is confirmed {number}", "Body", "lip@example.org", [FAILED_TO]
        )
    deliver_queued_mail()


def fill_every_panel(size: int, guide_index, workshop_index) -> None:
    for number in range(size):
        PledgeFactory(status=Pledge.Status.PENDING, approved_at=None)
        workshop = WorkshopPageFactory(parent=workshop_index)
        registration = RegistrationFactory(workshop=workshop)
        WorkshopFeedback.objects.create(
            registration=registration,
            workshop=workshop,
            rating=4,
            comments=f"Useful {number}",
        )
        guide = GuidePageFactory(
            parent=guide_index, last_reviewed=datetime.date(2020, 1, 1)
        )
        GuideFeedback.objects.create(guide=guide, helpful=bool(number % 2))
    fail_to_send(size)


def _user(django_user_model, name, *codenames, pages=()):
    user = django_user_model.objects.create_user(name, password="x")
    group = Group.objects.create(name=name)
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", *codenames])
    )
    for codename in pages:
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{codename}_page"
            ),
        )
    user.groups.add(group)
    return user


def _panels(client, user) -> set[str]:
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).text
    return {name for name, marker in PANEL_IDS.items() if marker in html}


def test_superuser_sees_every_panel_in_a_fixed_number_of_queries(
    client,
    admin_user,
    guide_index,
    workshop_index,
    mail_server_down,
    django_assert_max_num_queries,
):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_home")
    fill_every_panel(2, guide_index, workshop_index)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    fill_every_panel(8, guide_index, workshop_index)

    with django_assert_max_num_queries(len(small)):
        html = client.get(url).text

    assert all(marker in html for marker in PANEL_IDS.values())
    assert "Useful 7" in html and "Your seat is confirmed 7" in html
    assert FAILED_TO in html  # superusers have mailer.view_message


def test_a_user_with_no_permissions_sees_none_of_the_panels(
    client, django_user_model, guide_index, workshop_index, mail_server_down
):
    fill_every_panel(1, guide_index, workshop_index)
    nobody = _user(django_user_model, "Nobody")

    assert _panels(client, nobody) == set()


def test_an_editor_sees_guides_and_guide_feedback_only(
    client, django_user_model, guide_index, workshop_index, mail_server_down
):
    fill_every_panel(2, guide_index, workshop_index)
    editor = _user(
        django_user_model, "Editors2", "view_guidefeedback", pages=["add", "change"]
    )

    assert _panels(client, editor) == {"guides", "feedback"}
    html = client.get(reverse("wagtailadmin_home")).text
    assert "Guide feedback report" in html
    assert "Useful" not in html and "All workshop feedback" not in html


def test_a_coordinator_sees_workshops_and_failed_mail_with_masked_addresses(
    client, django_user_model, guide_index, workshop_index, mail_server_down
):
    fill_every_panel(1, guide_index, workshop_index)
    coordinator = _user(
        django_user_model,
        "Coordinators",
        "view_registration",
        "view_workshopfeedback",
    )

    assert _panels(client, coordinator) == {"workshops", "feedback", "mail"}
    html = client.get(reverse("wagtailadmin_home")).text
    assert FAILED_TO not in html
    assert "j•••@example.com" in html
    assert "Connection refused" in html or "Errno" in html
    assert "Useful 0" in html and "Guide feedback report" not in html
    # Check-in needs the change permission: no link to it.
    assert "/check-in/" not in html


def test_recipients_show_with_the_mailer_permission(
    client, django_user_model, home_page, mail_server_down
):
    fail_to_send(1)
    postmaster = _user(django_user_model, "Postmaster", "view_message")

    assert _panels(client, postmaster) == {"mail"}
    assert FAILED_TO in client.get(reverse("wagtailadmin_home")).text


def test_moderating_alone_shows_pending_pledges_without_links(
    client, django_user_model, home_page
):
    PledgeFactory(
        status=Pledge.Status.PENDING, organization_name="Orchard Co", approved_at=None
    )
    moderator = _user(django_user_model, "Moderators2", "moderate_pledge")

    assert _panels(client, moderator) == {"pledges", "mail"}
    html = client.get(reverse("wagtailadmin_home")).text
    assert "Orchard Co" in html
    assert "/admin/snippets/pledges/pledge/inspect/" not in html


def test_try_again_now_sends_deferred_mail_once_the_server_is_back(
    client, django_user_model, home_page, mail_server_down, settings
):
    fail_to_send(2)
    assert Message.objects.deferred().count() == 2
    coordinator = _user(django_user_model, "Coordinators", "view_registration")
    client.force_login(coordinator)
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    response = client.post(reverse("mail_retry"), follow=True)

    assert "2 emails sent." in response.text
    assert Message.objects.count() == 0
    assert sorted(m.subject for m in mail.outbox) == [
        "Your seat is confirmed 0",
        "Your seat is confirmed 1",
    ]


def test_try_again_now_reports_what_still_fails(
    client, django_user_model, home_page, mail_server_down
):
    fail_to_send(1)
    coordinator = _user(django_user_model, "Coordinators", "view_registration")
    client.force_login(coordinator)

    response = client.post(reverse("mail_retry"), follow=True)

    assert "1 email still failed to send" in response.text
    assert Message.objects.deferred().get().retry_count == 1
    assert MessageLog.objects.filter(result="3").count() == 2


def test_try_again_now_needs_permission_post_and_csrf(
    django_user_model, admin_user, home_page
):
    client = Client()
    client.force_login(_user(django_user_model, "Nobody"))
    refused = client.post(reverse("mail_retry"))
    assert refused.status_code == 403
    assert "you do not have permission" in refused.text
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.get(reverse("mail_retry")).status_code == 405
    # No CSRF token: refused before anything is sent.
    assert client.post(reverse("mail_retry")).status_code == 403
