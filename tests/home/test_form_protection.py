"""The honeypot, minimum fill time and rate limit shared by public forms."""

import time

import pytest

from django import forms
from django.core import signing
from django.test import RequestFactory

from home.ratelimit import client_ip, hit
from home.spam import SALT, SpamProtectedForm


class NameForm(SpamProtectedForm):
    name = forms.CharField()


def _token(seconds_ago: float) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def test_a_person_who_took_their_time_gets_through():
    form = NameForm({"name": "Maria", "homepage": "", "shown_at": _token(10)})
    assert form.is_valid()
    assert not form.automated


@pytest.mark.parametrize(
    "data",
    [
        {"name": "Bot", "homepage": "http://spam.example", "shown_at": _token(10)},
        {"name": "Bot", "homepage": "", "shown_at": "tampered"},
        {"name": "Bot", "homepage": ""},
    ],
)
def test_honeypot_and_forged_tokens_mark_the_form_automated(data):
    form = NameForm(data)
    assert not form.is_valid()
    assert form.automated


def test_a_form_sent_back_instantly_is_refused():
    form = NameForm({"name": "Bot", "homepage": "", "shown_at": _token(0)})
    assert not form.is_valid()
    assert form.automated


def test_a_form_left_open_too_long_asks_to_send_again():
    stale = _token(SpamProtectedForm.max_age_seconds + 60)
    form = NameForm({"name": "Maria", "homepage": "", "shown_at": stale})
    assert not form.is_valid()
    assert not form.automated
    assert "open for a long time" in form.non_field_errors()[0]


def test_a_form_shown_again_after_an_error_keeps_its_first_time():
    """The minimum fill time is for the first sending: a quick fix gets through."""
    old = _token(10)
    form = NameForm({"name": "", "homepage": "", "shown_at": old})
    assert not form.is_valid()
    rendered = str(form["shown_at"])
    assert old in rendered
    assert 'type="hidden"' in rendered

    fixed = NameForm({"name": "Maria", "homepage": "", "shown_at": old})
    assert fixed.is_valid()


def test_a_form_refused_as_too_fast_gets_a_fresh_token():
    instant = _token(0)
    form = NameForm({"name": "Bot", "homepage": "", "shown_at": instant})
    assert not form.is_valid()
    assert instant not in str(form["shown_at"])


def test_rate_limit_counts_per_identity_and_scope():
    assert not any(hit("test", "a", limit=3, window=60) for _ in range(3))
    assert hit("test", "a", limit=3, window=60)
    assert not hit("test", "b", limit=3, window=60)
    assert not hit("other", "a", limit=3, window=60)


def test_client_ip_trusts_only_the_configured_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7"
    )
    settings.NUM_PROXIES = 0
    assert client_ip(request) == "10.0.0.1"
    settings.NUM_PROXIES = 1
    assert client_ip(request) == "198.51.100.7"
