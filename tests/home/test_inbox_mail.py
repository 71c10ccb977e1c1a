"""Issue 15: one daily cap per inbox for mail a visitor can make us send.

The pledge forms and the workshop "email me my link" form reach an address
the visitor typed; together they send no more than ``DAILY_CAP_PER_INBOX`` a
day to one inbox, however the address is spelled.
"""

import datetime
import threading
import time

import pytest

from django.core import signing
from django.db import connection, connections, transaction
from django.utils import timezone

from employers.pledges.factories import PledgeFactory
from employers.workshops.services import registration as service
from home.inbox_mail import DAILY_CAP_PER_INBOX, reserve
from home.models import InboxEmail, MailedInbox
from home.spam import SALT

WORKSHOP_REGISTER = "/workshops/inclusive-hiring-101/register/"


@pytest.mark.django_db
def test_workshop_links_and_pledge_links_share_the_inbox_cap(
    client, pledge_page, workshop, sent_mail, monkeypatch
):
    service.register(
        workshop,
        {"name": "Ana", "email": "ana@example.org", "organization": "Valley Foods"},
    )
    PledgeFactory(organization_name="Listed Co", email="ana@example.org")
    registered = len(sent_mail())
    link_form = {"shown_at": signing.dumps(time.time() - 60, salt=SALT)}
    now = timezone.now()
    for n in range(6):
        # Past the half hour each time, so only the daily cap can refuse.
        monkeypatch.setattr(
            timezone, "now", lambda n=n: now + datetime.timedelta(minutes=40 * n)
        )
        spelling = "ANA@example.org" if n % 2 else "ana@Example.org"
        client.post(WORKSHOP_REGISTER, {"resend": "1", "email": spelling})
        client.post("/pledge/manage/", link_form | {"email": spelling})

    requested = sent_mail()[registered:]
    assert len(requested) == DAILY_CAP_PER_INBOX
    subjects = {message.subject for message in requested}
    assert "You are registered: Inclusive hiring 101" in subjects
    assert "Your link to manage the pledge for Listed Co" in subjects


@pytest.mark.django_db
def test_the_same_workshop_link_is_not_sent_twice_in_half_an_hour(
    client, workshop, sent_mail
):
    service.register(
        workshop,
        {"name": "Ana", "email": "ana@example.org", "organization": "Valley Foods"},
    )
    before = len(sent_mail())
    for _ in range(3):
        reply = client.post(
            WORKSHOP_REGISTER, {"resend": "1", "email": "ana@example.org"}
        )
        # The same answer every time: nothing tells a stranger it was capped.
        assert "If that address has a registration" in reply.text

    assert len(sent_mail()) == before + 1


@pytest.mark.django_db
def test_a_log_older_than_a_day_and_a_half_is_deleted_as_new_mail_is_counted():
    old = timezone.now() - datetime.timedelta(days=2)
    with transaction.atomic():
        assert reserve("old@example.org", "manage_link", [1])
    MailedInbox.objects.update(last_queued_at=old)
    InboxEmail.objects.update(queued_at=old)

    with transaction.atomic():
        assert reserve("new@example.org", "manage_link", [2])

    assert MailedInbox.objects.count() == 1
    assert InboxEmail.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL; run with DATABASE_URL=postgres://…",
)
def test_requests_at_the_same_instant_cannot_both_take_the_last_place():
    for n in range(DAILY_CAP_PER_INBOX - 1):
        with transaction.atomic():
            assert reserve("ana@example.org", "manage_link", [n])
    barrier = threading.Barrier(4)
    results = []

    def request(number: int) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                results.append(reserve("ANA+x@example.org", "workshop_link", [number]))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=request, args=(100 + n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, False, False, True]
    assert InboxEmail.objects.count() == DAILY_CAP_PER_INBOX
