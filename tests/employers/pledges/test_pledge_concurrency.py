"""Many clicks of one confirmation link at the same instant, on PostgreSQL."""

import threading

import pytest
from mailer.models import Message, MessageLog

from django.db import connection, connections
from django.test import Client

from employers.pledges.models import Pledge
from tests.employers.pledges.test_pledge_signing import sign_data

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


def test_twenty_simultaneous_clicks_verify_once(pledge_page, commitments, settings):
    settings.MAIL_SEND_AFTER_COMMIT = False  # count what is queued
    Client().post("/pledge/", sign_data(commitments))
    token_message = Message.objects.get()
    link = token_message.email.body.split("page:\n", 1)[1].split()[0]
    path = link.removeprefix("http://testserver")
    Message.objects.all().delete()

    start = threading.Barrier(20)
    statuses = []

    def click():
        try:
            start.wait()
            statuses.append(Client().post(path).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [200] * 20
    assert Pledge.objects.get().status == Pledge.Status.PENDING
    # One "received" email to the signer; no moderator has an address here.
    assert Message.objects.count() + MessageLog.objects.count() == 1
