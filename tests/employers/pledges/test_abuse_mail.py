"""Issue 15: mail a stranger can make us send to one inbox is capped.

An attacker signing and asking for new links with ``+tag`` variants of
someone's address used to send ~3,000 emails an hour by day 14.
"""

import contextlib
import datetime
import re
import time
import uuid

import pytest
from mailer.models import Message

from django.core import mail, signing
from django.core.cache import cache
from django.utils import timezone

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from employers.pledges.services import lifecycle as services
from home.inbox_mail import DAILY_CAP_PER_INBOX
from home.mail import deliver_queued_mail
from home.spam import SALT
from tests.employers.pledges.test_pledge_signing import sign_data

pytestmark = pytest.mark.django_db


class Clock:
    """``timezone.now`` under the test's control."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta):
        """Move on; past an hour, the hourly limits (real-time cache) reset too."""
        step = datetime.timedelta(**delta)
        self.now += step
        if step >= datetime.timedelta(hours=1):
            cache.clear()


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return Clock(monkeypatch)


def signing_data(commitments, email: str, name: str) -> dict:
    """What ``PledgeForm`` hands ``sign_pledge`` for a valid form."""
    return {
        "organization_name": name,
        "website": "",
        "sector": "11",
        "size_band": "50-99",
        "community": "Abbotsford",
        "statement": "Click here: http://spam.example",
        "contact_name": "Buy Cheap Pills",
        "job_title": "",
        "email": email,
        "phone": "",
        "news_consent": False,
        "commitments": commitments[:1],
        "submission_key": uuid.uuid4(),
        "logo": None,
    }


def delivered_to(inbox_words: str) -> int:
    deliver_queued_mail()
    return sum(
        1
        for message in mail.outbox
        for address in message.to
        if inbox_words in address.replace(".", "")
    )


def test_fourteen_days_of_an_attacker_send_at_most_the_daily_cap_per_day(
    pledge_page, commitments, clock
):
    """Three sign-ups and three resends an hour from +tag variants, 14 days."""
    per_day = []
    number = 0
    for _day in range(14):
        before = delivered_to("victim@gmailcom")
        for _hour in range(24):
            for _ in range(3):
                number += 1
                with contextlib.suppress(services.InboxFull):
                    services.sign_pledge(
                        pledge_page,
                        signing_data(
                            commitments,
                            f"v.i.c.t.i.m+{number}@gmail.com",
                            f"Org {number}",
                        ),
                    )
            for tag in range(max(1, number - 2), number + 1):
                services.resend_verification(
                    pledge_page, f"v.i.c.t.i.m+{tag}@gmail.com"
                )
            clock.advance(hours=1)
        per_day.append(delivered_to("victim@gmailcom") - before)

    assert max(per_day) <= DAILY_CAP_PER_INBOX
    assert sum(per_day) <= 14 * DAILY_CAP_PER_INBOX
    # Refused sign-ups leave nothing behind to resend or to squat a name.
    assert Pledge.objects.count() <= 14 * DAILY_CAP_PER_INBOX
    assert Message.objects.count() == 0  # everything queued was delivered


def test_resend_sends_one_email_covering_every_unconfirmed_pledge(
    pledge_page, commitments, sent_mail
):
    for name in ("Acme Foods", "Birch Lumber", "Cedar Hotels"):
        PledgeFactory(
            organization_name=name,
            email="jo@example.org",
            status=Pledge.Status.UNVERIFIED,
            approved_at=None,
            expires_at=None,
        )

    assert services.resend_verification(pledge_page, "Jo@Example.org") == 1

    (message,) = sent_mail()
    assert message.to == ["jo@example.org"]
    for name in ("Acme Foods", "Birch Lumber", "Cedar Hotels"):
        assert name in message.body
    assert len(re.findall(r"/pledge/confirm/[\w-]+/", message.body)) == 3


def test_the_same_resend_is_not_sent_twice_within_half_an_hour(
    client, pledge_page, commitments, sent_mail, clock
):
    client.post("/pledge/", sign_data(commitments, email="dev@valleyfresh.example"))
    form = {
        "email": "dev@valleyfresh.example",
        "shown_at": signing.dumps(time.time() - 60, salt=SALT),
    }

    for _ in range(2):
        assert client.post("/pledge/confirm/", form).status_code == 200
    clock.advance(minutes=31)
    client.post("/pledge/confirm/", form)

    subjects = [m.subject for m in sent_mail()]
    # Sign-up, one resend, and one more after the half hour.
    assert len(subjects) == 3


def test_mail_to_one_inbox_is_capped_across_sign_resend_and_manage_link(
    client, pledge_page, commitments, sent_mail, clock
):
    PledgeFactory(organization_name="Listed Co", email="ana@example.org")
    link_form = {"shown_at": signing.dumps(time.time() - 60, salt=SALT)}
    for n in range(4):
        client.post(
            "/pledge/",
            sign_data(
                commitments, organization_name=f"Org {n}", email=f"ana+{n}@example.org"
            ),
        )
        client.post("/pledge/confirm/", link_form | {"email": f"ana+{n}@example.org"})
        client.post("/pledge/manage/", link_form | {"email": "ANA@example.org"})
        clock.advance(hours=2)

    outbox = sent_mail()
    assert len(outbox) == DAILY_CAP_PER_INBOX
    clock.advance(hours=20)
    client.post("/pledge/manage/", link_form | {"email": "ana@example.org"})
    assert len(sent_mail()) == DAILY_CAP_PER_INBOX + 1


def test_signing_at_the_cap_says_so_and_stores_nothing(
    client, pledge_page, commitments, clock
):
    for n in range(DAILY_CAP_PER_INBOX):
        response = client.post(
            "/pledge/",
            sign_data(commitments, organization_name=f"Org {n}", email=f"b+{n}@x.org"),
        )
        assert response.status_code == 302
        clock.advance(hours=2)  # under the hourly limit per address

    response = client.post(
        "/pledge/", sign_data(commitments, organization_name="Late", email="B@x.org")
    )

    assert response.status_code == 429
    assert "try again tomorrow" in response.content.decode()
    assert not Pledge.objects.filter(organization_name="Late").exists()


def test_invalid_posts_never_count_toward_the_lockout(client, pledge_page, commitments):
    for _ in range(12):
        response = client.post(
            "/pledge/", sign_data(commitments, website="not a website")
        )
        assert response.status_code == 400

    response = client.post("/pledge/", sign_data(commitments))

    assert response.status_code == 302


def test_tag_variants_share_the_hourly_limit_per_address(
    client, pledge_page, commitments
):
    statuses = [
        client.post(
            "/pledge/",
            sign_data(
                commitments, organization_name=f"Org {n}", email=f"d.e.v+{n}@gmail.com"
            ),
        ).status_code
        for n in range(4)
    ]

    assert statuses == [302, 302, 302, 429]
