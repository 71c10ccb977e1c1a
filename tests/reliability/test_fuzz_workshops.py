"""Hostile input at the workshop forms: never a 500, never a stray row.

Registration (with and without staff questions, and its "resend" branch), the
registrant's own page and its cancel button, claiming an offered seat, and
feedback after the workshop, each with valid and made-up links.
"""

import datetime
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.test import Client
from django.utils import timezone

from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory
from employers.workshops.models import Registration, WorkshopQuestion
from employers.workshops.services.registration import registration_token
from tests.employers.workshops.test_workshop_registration import (
    form as registration_form,
)
from tests.reliability.fuzzing import FUZZ, exercise, mutated, texts

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

TOKENS = st.one_of(
    st.from_regex(r"[0-9a-f]{43}", fullmatch=True),
    texts(max_size=120).map(lambda text: quote(text, safe="")),
)


def _valid_registration(workshop) -> dict:
    data = registration_form()
    for question in workshop.questions.all():
        if question.kind == WorkshopQuestion.Kind.CHOICE:
            data[question.field_name] = question.choice_list[0]
        elif question.kind == WorkshopQuestion.Kind.CHECKBOX:
            data[question.field_name] = "on"
        else:
            data[question.field_name] = "Open work permits."
    if workshop.max_seats_per_registration <= 1:
        del data["seats"]
    return data


@pytest.fixture
def offered(workshop) -> Registration:
    return RegistrationFactory(
        workshop=workshop,
        status=Registration.Status.OFFERED,
        offered_at=timezone.now(),
        offer_expires_at=timezone.now() + datetime.timedelta(hours=12),
    )


@pytest.fixture
def attended(workshop_index) -> Registration:
    """Someone checked in at a workshop that ended yesterday."""
    start = timezone.now() - datetime.timedelta(days=1, hours=3)
    past = WorkshopPageFactory(
        parent=workshop_index,
        slug="past-workshop",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    return RegistrationFactory(workshop=past, attended_at=start)


def _path(registration: Registration, route: str, token: str | None = None) -> str:
    token = token or registration_token(registration)
    return f"{registration.workshop.url}{route}/{token}/"


@FUZZ
@given(data=st.data(), which=st.sampled_from(["in person", "online with questions"]))
def test_registering(workshop, online_workshop, data, which):
    page = workshop if which == "in person" else online_workshop
    post = data.draw(mutated(_valid_registration(page)))
    exercise(
        f"workshop register, {which}",
        lambda: Client().post(f"{page.url}register/", post),
    )


@FUZZ
@given(data=st.data())
def test_asking_to_resend(workshop, offered, data):
    post = data.draw(mutated({"resend": "1", "email": offered.email}))
    exercise("workshop resend", lambda: Client().post(f"{workshop.url}register/", post))


@FUZZ
@given(
    data=st.data(),
    method=st.sampled_from(["get", "post"]),
    route=st.sampled_from(["registration", "claim"]),
)
def test_the_personal_pages(offered, data, method, route):
    path = _path(offered, route)
    client = Client()
    if method == "get":
        query = data.draw(
            st.dictionaries(
                st.sampled_from(["format", "new", "cancelled", "x"]), texts(40)
            )
        )
        exercise(f"workshop {route} GET", lambda: client.get(path, query))
    else:
        post = data.draw(mutated({"action": "cancel"}))
        exercise(f"workshop {route} POST", lambda: client.post(path, post))


@FUZZ
@given(
    token=TOKENS,
    route=st.sampled_from(["registration", "claim", "feedback"]),
    method=st.sampled_from(["get", "post"]),
)
def test_made_up_links(workshop, offered, token, route, method):
    path = f"{workshop.url}{route}/{token}/"
    client = Client()
    request = client.get if method == "get" else client.post
    exercise(
        f"workshop {route}, bad token", lambda: request(path, {"action": "cancel"})
    )


@FUZZ
@given(data=st.data())
def test_feedback(attended, data):
    valid = {"rating": "4", "next_steps": "Rewrite two job postings.", "comments": ""}
    post = data.draw(mutated(valid))
    exercise(
        "workshop feedback", lambda: Client().post(_path(attended, "feedback"), post)
    )
