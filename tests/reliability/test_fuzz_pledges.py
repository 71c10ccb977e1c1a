"""Hostile input at every public form of the pledge: never a 500, never a stray row.

Signing, asking for a confirmation or manage link, the confirm link itself,
and each form of the manage page behind a valid link.
"""

import datetime
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core import signing
from django.test import Client
from django.utils import timezone

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from employers.pledges.services.lifecycle import issue_manage_link
from employers.pledges.views.lifecycle import DUPLICATE_SALT
from home.tokens import new_token
from tests.employers.pledges.test_pledge_signing import sign_data
from tests.reliability.fuzzing import FUZZ, exercise, mutated, texts
from tests.reliability.traffic import shown_at

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

TOKENS = st.one_of(
    st.from_regex(r"[\w-]{20,80}", fullmatch=True),
    texts(max_size=100).map(lambda text: quote(text, safe="")),
)


def _email_form(email: str) -> dict:
    return {"email": email, "homepage": "", "shown_at": shown_at()}


@pytest.fixture
def listed(pledge_page, commitments) -> Pledge:
    return PledgeFactory(
        email="owner@valleyfoods.example",
        organization_name="Valley Foods",
        community="Abbotsford",
        commitments=commitments,
    )


@pytest.fixture
def manage_path(pledge_page, listed) -> str:
    return issue_manage_link(pledge_page, listed).removeprefix("http://localhost")


@pytest.fixture
def unverified_token(pledge_page) -> str:
    raw, digest = new_token()
    PledgeFactory(
        status=Pledge.Status.UNVERIFIED,
        verified_at=None,
        approved_at=None,
        expires_at=None,
        verification_digest=digest,
        verification_expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    return raw


@FUZZ
@given(data=st.data())
def test_signing(pledge_page, commitments, listed, data):
    post = data.draw(mutated(sign_data(commitments)))
    exercise("pledge sign", lambda: Client().post("/pledge/", post))


@pytest.mark.parametrize("key", ["9" * 26, "-9223372036854775809"])
def test_a_commitment_id_beyond_the_column_range_is_refused(
    client, pledge_page, commitments, key
):
    """Found by the fuzzer: Django's ``__in`` lookup overflowed (a 500)."""
    chosen = [c.pk for c in commitments[:2]] + [key]
    response = client.post("/pledge/", sign_data(commitments, commitments=chosen))

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert Pledge.objects.count() == 0


@FUZZ
@given(data=st.data())
def test_signing_as_an_organization_already_listed(
    pledge_page, commitments, listed, data
):
    valid = sign_data(
        commitments,
        organization_name="Valley Foods Inc.",
        email="hr@valleyfoods.example",
    )
    exercise(
        "pledge sign, duplicate",
        lambda: Client().post("/pledge/", data.draw(mutated(valid))),
    )


@FUZZ
@given(data=st.data(), path=st.sampled_from(["/pledge/confirm/", "/pledge/manage/"]))
def test_asking_for_a_link(pledge_page, listed, data, path):
    valid = _email_form(listed.email)
    if path == "/pledge/manage/":
        valid["duplicate"] = signing.dumps(listed.pk, salt=DUPLICATE_SALT)
    exercise(
        f"pledge link {path}", lambda: Client().post(path, data.draw(mutated(valid)))
    )


@FUZZ
@given(token=TOKENS, method=st.sampled_from(["get", "post"]), body=st.data())
def test_the_confirm_link(pledge_page, unverified_token, token, method, body):
    path = f"/pledge/confirm/{token}/"
    client = Client()
    if method == "get":
        exercise("pledge confirm link", lambda: client.get(path))
    else:
        post = body.draw(mutated({"anything": "x"}))
        exercise("pledge confirm link", lambda: client.post(path, post))


@FUZZ
@given(data=st.data(), method=st.sampled_from(["get", "post"]))
def test_the_real_confirm_link(pledge_page, unverified_token, data, method):
    path = f"/pledge/confirm/{unverified_token}/"
    client = Client()
    if method == "get":
        exercise("pledge confirm, valid token", lambda: client.get(path))
    else:
        post = data.draw(mutated({"confirm": "yes"}))
        exercise("pledge confirm, valid token", lambda: client.post(path, post))


def _manage_forms(pledge: Pledge, commitments) -> dict[str, dict]:
    choices = list(pledge.chosen_commitments.all())
    progress = {"action": "progress"}
    for choice in choices:
        progress[f"progress_{choice.pk}"] = "in_progress"
        progress[f"story_{choice.pk}"] = "We paired every new hire with a buddy."
    return {
        "details": {
            "action": "details",
            "organization_name": "Valley Foods",
            "website": "https://valleyfoods.example",
            "sector": "31-33",
            "size_band": "50-99",
            "community": "Abbotsford",
            "statement": "We hire for skills.",
        },
        "commitments": {
            "action": "commitments",
            "commitments": [c.pk for c in commitments],
        },
        "progress": progress,
        "renew": {"action": "renew"},
        "withdraw": {"action": "withdraw", "confirm": "yes"},
    }


@FUZZ
@given(
    data=st.data(),
    action=st.sampled_from(["details", "commitments", "progress", "renew", "withdraw"]),
)
def test_the_manage_page(pledge_page, commitments, listed, manage_path, data, action):
    valid = _manage_forms(listed, commitments)[action]
    post = data.draw(mutated(valid))
    exercise(f"pledge manage {action}", lambda: Client().post(manage_path, post))


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["done", "action", "x"]), texts(40)))
def test_the_manage_page_query_string(pledge_page, listed, manage_path, query):
    exercise("pledge manage GET", lambda: Client().get(manage_path, query))


@FUZZ
@given(token=TOKENS, data=st.data())
def test_a_wrong_manage_link(pledge_page, listed, token, data):
    post = data.draw(mutated({"action": "withdraw", "confirm": "yes"}))
    exercise(
        "pledge manage, bad token",
        lambda: Client().post(f"/pledge/manage/{token}/", post),
    )
