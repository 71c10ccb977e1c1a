"""Issue 15: asking for a manage link neither leaks nor kills a signer's link."""

import re
import time

import pytest
from mailer.models import Message

from django.contrib.auth.models import AnonymousUser
from django.core import mail, signing
from django.test import RequestFactory

from employers.pledges.factories import PledgeFactory
from home.spam import SALT
from tests.employers.pledges.test_abuse_mail import clock  # noqa: F401
from tests.employers.pledges.test_pledge_signing import sign_data

pytestmark = pytest.mark.django_db


def link_form(email: str) -> dict:
    return {"email": email, "shown_at": signing.dumps(time.time() - 60, salt=SALT)}


def manage_path(message) -> str:
    return re.search(r"http://\w+(/pledge/manage/[\w-]+/)", message.body)[1]


def ask_for_link(pledge_page, email: str):
    request = RequestFactory().post("/pledge/manage/", link_form(email))
    request.user = AnonymousUser()
    response = pledge_page.request_manage_link(request)
    response.render()
    return response


@pytest.mark.parametrize("email", ["ana@example.org", "nobody@example.org"])
def test_a_link_request_answers_before_any_mail_is_sent(
    pledge_page, django_capture_on_commit_callbacks, email
):
    PledgeFactory(email="ana@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = ask_for_link(pledge_page, email)

    # Nothing was delivered while the visitor waited, whatever the address...
    assert mail.outbox == []
    assert response.status_code == 200
    assert "we have sent" in response.content.decode().lower()
    queued = Message.objects.count()
    assert queued == (1 if email == "ana@example.org" else 0)
    # ...and what was queued leaves once the response is written.
    response.close()
    assert len(mail.outbox) == queued


def test_known_and_unknown_addresses_get_the_same_page(client, pledge_page):
    PledgeFactory(email="ana@example.org")

    known = client.post("/pledge/manage/", link_form("ana@example.org"))
    unknown = client.post("/pledge/manage/", link_form("nobody@example.org"))

    assert known.status_code == unknown.status_code == 200
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", known.content.decode()) == strip.sub(
        "", unknown.content.decode()
    )


def test_a_new_request_does_not_kill_the_link_in_the_inbox(
    client,
    pledge_page,
    sent_mail,
    clock,  # noqa: F811
):
    PledgeFactory(email="ana@example.org", organization_name="Acme Foods")

    client.post("/pledge/manage/", link_form("ana@example.org"))
    first = manage_path(sent_mail()[-1])
    # A stranger asks again at once: no second email, the first link works.
    client.post("/pledge/manage/", link_form("ana@example.org"))
    assert len(sent_mail()) == 1
    assert client.get(first).status_code == 200

    clock.advance(hours=1)
    client.post("/pledge/manage/", link_form("ana@example.org"))
    second = manage_path(sent_mail()[-1])

    assert second != first
    assert client.get(first).status_code == 200
    assert client.get(second).status_code == 200


def test_a_quick_correction_after_an_error_is_accepted(
    client, pledge_page, commitments
):
    response = client.post("/pledge/", sign_data(commitments, website="not a site"))
    assert response.status_code == 400
    shown_at = re.search(r'name="shown_at" value="([^"]+)"', response.content.decode())[
        1
    ]

    fixed = client.post("/pledge/", sign_data(commitments, shown_at=shown_at))

    assert fixed.status_code == 302
