"""Two taps on Register at the same instant: both land on the one registration.

Real transactions on PostgreSQL, one connection per thread: the second tap
waits on the event's lock while the first registers, then finds what the
first remembered before its commit.
"""

import threading

import pytest

from django.db import connection, connections
from django.test import Client

from employers.workshops.models import Registration
from tests.employers.workshops.test_workshop_registration import REGISTER, form

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Row locks need PostgreSQL; run with DATABASE_URL=postgres://…",
    ),
]


@pytest.fixture
def quiet_mail(settings):
    # Delivery after commit would make both threads race for the mail queue too.
    settings.MAIL_SEND_AFTER_COMMIT = False


def test_two_taps_at_once_both_show_the_confirmation(workshop, quiet_mail):
    sent = form()
    barrier = threading.Barrier(2)
    responses = []

    def tap():
        browser = Client()
        browser.cookies["csrftoken"] = "c" * 32  # one browser, one cookie
        try:
            barrier.wait()
            responses.append(browser.post(REGISTER, sent))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert [response.status_code for response in responses] == [302, 302]
    first, second = (response["Location"] for response in responses)
    assert first == second and "/registration/" in first
    assert Registration.objects.count() == 1
