"""Sign-ups and registrations succeed while the mail server is down.

Mail goes through django-mailer's queue (home/mail.py): the request commits
the pledge or registration with its message, and the delivery tried after
commit fails and leaves the message deferred. Once a real SMTP server (aiosmtpd)
answers, the cron command delivers every queued message exactly once, counted
per recipient at the server, however often it runs.
"""

import io
import socket
import threading
import time

import environ
import pytest
from mailer.models import RESULT_FAILURE, RESULT_SUCCESS, Message, MessageLog

from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

from employers.pledges.models import Pledge
from employers.workshops.models import Registration
from tests.employers.pledges.test_pledge_signing import sign_data
from tests.employers.workshops.test_workshop_registration import REGISTER
from tests.employers.workshops.test_workshop_registration import (
    form as registration_form,
)
from tests.reliability.harness import SmtpSink, free_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A refused connection fails at once; a request must not wait on the mail server.
SLOW_ANSWER = 5.0


def use_email_url(settings, url: str) -> None:
    """Point delivery at ``url``, parsed as base.py parses EMAIL_URL."""
    config = environ.Env.email_url_config(url)
    settings.MAILER_EMAIL_BACKEND = config["EMAIL_BACKEND"]
    settings.EMAIL_HOST = config["EMAIL_HOST"]
    settings.EMAIL_PORT = config["EMAIL_PORT"]
    settings.EMAIL_TIMEOUT = 5


def sign_and_register(pledge_page, commitments, workshop, people: int) -> set[str]:
    """Each person signs a pledge and registers; return every address mailed."""
    addresses = set()
    for n in range(people):
        # A network each: one network may take only a few seats of a workshop.
        client = Client(REMOTE_ADDR=f"10.{n + 1}.0.1")
        email = f"signer{n}@employer{n}.example"
        started = time.monotonic()
        response = client.post(
            "/pledge/",
            sign_data(commitments, email=email, organization_name=f"Employer {n}"),
        )
        assert response.status_code == 302, response.content[:500]
        assert response["Location"] == "/pledge/thank-you/#main"
        assert time.monotonic() - started < SLOW_ANSWER
        addresses.add(email)

        email = f"attendee{n}@employer{n}.example"
        response = client.post(REGISTER, registration_form(email=email))
        assert response.status_code == 302, response.content[:500]
        assert "/registration/" in response["Location"]
        addresses.add(email)
    return addresses


@pytest.fixture
def roomy_workshop(workshop):
    workshop.capacity = 50
    workshop.save_revision().publish()
    return workshop


def test_everything_queued_during_an_outage_is_delivered_once(
    settings, pledge_page, commitments, roomy_workshop, record_property
):
    use_email_url(settings, f"smtp://127.0.0.1:{free_port()}")

    addresses = sign_and_register(pledge_page, commitments, roomy_workshop, people=4)

    assert Pledge.objects.count() == 4
    assert Registration.objects.count() == 4
    queued = Message.objects.count()
    assert queued == len(addresses) == 8
    # Each delivery after commit was tried, refused, and deferred.
    assert Message.objects.deferred().count() == queued
    assert MessageLog.objects.filter(result=RESULT_FAILURE).count() == queued

    with SmtpSink() as smtp:
        use_email_url(settings, smtp.url)
        call_command("run_scheduled_tasks", stdout=io.StringIO())
        call_command("run_scheduled_tasks", stdout=io.StringIO())
        received = smtp.per_recipient()

    record_property("delivered", sum(received.values()))
    print(f"\nmail outage: {queued} queued while down, {sum(received.values())} sent")
    assert received == dict.fromkeys(addresses, 1)
    assert Message.objects.count() == 0
    assert MessageLog.objects.filter(result=RESULT_SUCCESS).count() == queued


def test_a_mail_server_that_never_answers_delays_a_sign_up_by_the_timeout_only(
    settings, pledge_page, commitments, roomy_workshop
):
    """A server that accepts the connection and then says nothing (a firewall
    dropping replies, an overloaded relay): the request waits EMAIL_TIMEOUT."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        use_email_url(settings, f"smtp://127.0.0.1:{silent.getsockname()[1]}")
        settings.EMAIL_TIMEOUT = 1
        client = Client()
        started = time.monotonic()
        response = client.post("/pledge/", sign_data(commitments))
        waited = time.monotonic() - started

    assert response.status_code == 302
    assert 1 <= waited < 1 + SLOW_ANSWER
    assert Pledge.objects.count() == 1
    assert Message.objects.deferred().count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent senders need row locks"
)
def test_two_senders_at_once_deliver_each_message_once(
    settings, pledge_page, commitments, roomy_workshop
):
    use_email_url(settings, f"smtp://127.0.0.1:{free_port()}")
    addresses = sign_and_register(pledge_page, commitments, roomy_workshop, people=10)
    assert Message.objects.deferred().count() == len(addresses) == 20

    with SmtpSink() as smtp:
        use_email_url(settings, smtp.url)
        start = threading.Barrier(2)
        errors = []

        def cron():
            try:
                start.wait()
                call_command("run_scheduled_tasks", stdout=io.StringIO())
            except Exception as error:  # noqa: BLE001 (reported by the test)
                errors.append(error)
            finally:
                connections.close_all()

        runs = [threading.Thread(target=cron) for _ in range(2)]
        for run in runs:
            run.start()
        for run in runs:
            run.join(timeout=120)
        received = smtp.per_recipient()

    assert errors == []
    assert received == dict.fromkeys(addresses, 1)
    assert Message.objects.count() == 0
