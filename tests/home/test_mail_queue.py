import socket

import pytest
from mailer.models import Message

from django.core import mail
from django.core.management import call_command
from django.db import transaction

# Serialized rollback: restore the migrated rows (root page, content types) for
# the transactional tests after this one, and keep post_migrate from running.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_mail_is_delivered_once_after_the_transaction_commits():
    with transaction.atomic():
        mail.send_mail("Confirm", "Body", "lip@example.org", ["a@example.org"])
        assert mail.outbox == []
        assert Message.objects.count() == 1

    assert [m.subject for m in mail.outbox] == ["Confirm"]
    assert Message.objects.count() == 0


def test_mail_from_a_rolled_back_transaction_is_never_sent():
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail("Confirm", "Body", "lip@example.org", ["a@example.org"])
        raise RuntimeError("the pledge was not saved")

    assert mail.outbox == []
    assert Message.objects.count() == 0


def test_mail_stays_queued_while_the_server_is_down_and_is_retried(settings):
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _unused_port()
    mail.send_mail("Confirm", "Body", "lip@example.org", ["a@example.org"])

    assert Message.objects.deferred().count() == 1

    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_deferred", verbosity=0)
    call_command("send_mail", verbosity=0)
    call_command("send_mail", verbosity=0)

    assert [m.subject for m in mail.outbox] == ["Confirm"]
    assert Message.objects.count() == 0
