import time

import pytest

from django.core import signing

from home.spam import SALT
from resources.models import GuideFeedback
from resources.views import FEEDBACK_LIMIT

pytestmark = pytest.mark.django_db

URL = "/guides/work-permits/feedback/"


def _answer(**overrides) -> dict:
    data = {
        "helpful": "yes",
        "comment": "",
        "homepage": "",
        "shown_at": signing.dumps(time.time() - 30, salt=SALT),
    }
    data.update(overrides)
    return data


def test_a_reader_says_the_guide_helped(client, guide_with_every_block):
    response = client.post(URL, _answer(comment="The checklist saved me an hour."))
    assert response.status_code == 302
    assert response["Location"] == "/guides/work-permits/?feedback=thanks#feedback"
    answer = GuideFeedback.objects.get()
    assert answer.helpful is True
    assert answer.comment == "The checklist saved me an hour."
    assert answer.guide.pk == guide_with_every_block.pk
    thanks = client.get(response["Location"])
    assert "Thank you. Your answer helps us improve our guides." in thanks.text


def test_feedback_form_sits_at_the_end_of_every_guide(client, guide_with_every_block):
    html = client.get("/guides/work-permits/").text
    assert 'action="/guides/work-permits/feedback/#feedback-errors"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "<legend>Was this guide helpful?</legend>" in html
    assert 'class="form-honeypot" aria-hidden="true"' in html


def test_missing_answer_is_explained_beside_the_question(
    client, guide_with_every_block
):
    response = client.post(URL, _answer(helpful="", comment="Kept text"))
    assert response.status_code == 400
    assert "Choose yes or no." in response.text
    assert "Kept text" in response.text
    assert not GuideFeedback.objects.exists()


def test_overlong_comment_is_refused_politely(client, guide_with_every_block):
    response = client.post(URL, _answer(comment="x" * 501))
    assert response.status_code == 400
    assert "at most 500 characters" in response.text
    assert not GuideFeedback.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"homepage": "http://spam.example"},
        {"shown_at": "just now"},
        {"shown_at": "forged"},
    ],
)
def test_bots_are_turned_away_and_nothing_is_stored(
    client, guide_with_every_block, overrides
):
    if overrides.get("shown_at") == "just now":
        overrides = {"shown_at": signing.dumps(time.time(), salt=SALT)}
    response = client.post(URL, _answer(**overrides))
    assert response.status_code == 400
    assert "could not accept that" in response.text
    assert not GuideFeedback.objects.exists()


def test_answers_are_rate_limited_per_visitor(client, guide_with_every_block):
    for _ in range(FEEDBACK_LIMIT):
        assert client.post(URL, _answer()).status_code == 302
    response = client.post(URL, _answer())
    assert response.status_code == 429
    assert "Please try again later" in response.text
    assert GuideFeedback.objects.count() == FEEDBACK_LIMIT
    other_visitor = client.post(URL, _answer(), REMOTE_ADDR="192.0.2.9")
    assert other_visitor.status_code == 302


def test_mistakes_do_not_count_toward_the_limit(client, guide_with_every_block):
    for _ in range(FEEDBACK_LIMIT + 5):
        assert client.post(URL, _answer(comment="x" * 501)).status_code == 400
    assert client.post(URL, _answer()).status_code == 302
    assert GuideFeedback.objects.count() == 1


def test_feedback_needs_a_csrf_token(guide_with_every_block):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, _answer()).status_code == 403
    assert not GuideFeedback.objects.exists()


def test_getting_the_feedback_address_leads_back_to_the_guide(
    client, guide_with_every_block
):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/guides/work-permits/"
