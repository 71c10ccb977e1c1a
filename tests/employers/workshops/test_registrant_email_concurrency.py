"""Ten clicks of "Send" at the same instant send each registrant one email."""

import threading

import pytest
from mailer.models import Message, MessageLog

from django.contrib.auth.models import Permission
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import RegistrantEmail

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


def test_simultaneous_sends_of_one_preview_send_once(
    workshop, django_user_model, settings
):
    settings.MAIL_SEND_AFTER_COMMIT = False  # count what is queued
    RegistrationFactory.create_batch(3, workshop=workshop)
    user = django_user_model.objects.create_user("aisha", password="x")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_registration", "email_registrants"]
        )
    )
    url = reverse("workshop_email_registrants", args=[workshop.pk])
    data = {"groups": ["confirmed"], "subject": "Parking", "body": "Park behind."}
    client = Client()
    client.force_login(user)
    token = client.post(url, {**data, "action": "preview"}).context["token"]

    start = threading.Barrier(10)
    statuses = []

    def click():
        try:
            clicker = Client()
            clicker.force_login(user)
            start.wait()
            response = clicker.post(url, {**data, "action": "send", "token": token})
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [302] * 10
    assert RegistrantEmail.objects.get().recipient_count == 3
    assert Message.objects.count() + MessageLog.objects.count() == 3
