"""Several moderators approve the same pledge at the same instant.

Each staff member posts the admin's "Yes, approve" from their own session and
database connection (threads, PostgreSQL). ``approve_pledge`` locks the row
and re-reads the status, so exactly one approval happens: one log entry, one
expiry date, one approval email to the signer.
"""

import threading

import pytest
from mailer.models import Message, MessageLog

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection, connections
from django.test import Client

from wagtail.models import ModelLogEntry

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL; run with DATABASE_URL=postgres://…",
    ),
]

MODERATORS = 5


@pytest.fixture
def moderators(django_user_model) -> list:
    group = Group.objects.create(name="Pledge moderators (concurrency)")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_pledge", "moderate_pledge"]
        )
    )
    users = []
    for n in range(MODERATORS):
        user = django_user_model.objects.create_user(
            f"moderator{n}", f"moderator{n}@lip.example", "pw", is_staff=True
        )
        user.groups.add(group)
        users.append(user)
    return users


def test_simultaneous_approvals_approve_once_and_email_once(pledge_page, moderators):
    pledge = PledgeFactory(
        status=Pledge.Status.PENDING,
        approved_at=None,
        expires_at=None,
        email="owner@valleyfoods.example",
    )
    url = f"/admin/bulk/pledges/pledge/approve/?id={pledge.pk}&next=/admin/"
    clients = []
    for user in moderators:
        client = Client()
        client.force_login(user)
        # Each moderator has the confirmation page open.
        assert "Yes, approve" in client.get(url).content.decode()
        clients.append(client)

    start = threading.Barrier(len(clients))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def approve(client):
        try:
            start.wait()
            statuses.append(client.post(url).status_code)
        except BaseException as error:  # noqa: BLE001 (reported by the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert statuses == [302] * MODERATORS
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.APPROVED
    approvals = ModelLogEntry.objects.filter(action="pledges.pledge.approved")
    assert approvals.count() == 1
    assert approvals.get().user in moderators
    # Queued once and delivered once, after the one commit that approved.
    assert Message.objects.count() == 0
    assert MessageLog.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[pledge.email]]
