"""Registrants' personal links: signed, hard to guess, and they survive a key
rotation while the old key is in ``SECRET_KEY_FALLBACKS``."""

import re

import pytest

from django.core import signing
from django.test import override_settings

from employers.workshops.models import Registration
from employers.workshops.services import registration as service

pytestmark = pytest.mark.django_db

OLD_KEY = "old-key-for-tests-only-not-secret"
NEW_KEY = "new-key-for-tests-only-not-secret"
INVALID = "This link does not work"


def register(workshop, email="maria@example.com") -> service.Outcome:
    return service.register(
        workshop,
        {"name": "Maria Santos", "email": email, "organization": "Valley Foods"},
    )


def personal_path(message) -> str:
    url = re.search(r"http://\S+/registration/\S+/", message.body).group(0)
    return url.removeprefix("http://testserver")


def test_a_link_sent_before_a_key_rotation_still_works_during_it(
    client, workshop, sent_mail
):
    with override_settings(SECRET_KEY=OLD_KEY):
        register(workshop)
        link = personal_path(sent_mail()[0])

    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[OLD_KEY]):
        page = client.get(link)
        assert page.status_code == 200
        assert "Maria Santos" in page.text
        client.post(link, {"action": "cancel", "confirm": "yes"})

    assert Registration.objects.get().status == Registration.Status.CANCELLED


def test_an_email_sent_after_a_rotation_carries_a_link_signed_with_the_new_key(
    client, workshop, sent_mail
):
    with override_settings(SECRET_KEY=OLD_KEY):
        register(workshop)
        old_link = personal_path(sent_mail()[0])

    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[OLD_KEY]):
        assert service.resend_status_email(workshop, "maria@example.com")
        new_link = personal_path(sent_mail()[-1])

    assert new_link != old_link
    # Once the old key is gone, the newer email's link still opens the page.
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[]):
        page = client.get(new_link)
    assert page.status_code == 200
    assert "Maria Santos" in page.text


def test_old_links_stop_working_once_the_old_key_leaves_the_fallbacks(
    client, workshop, sent_mail
):
    with override_settings(SECRET_KEY=OLD_KEY):
        register(workshop)
        link = personal_path(sent_mail()[0])

    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[]):
        page = client.get(link)
        client.post(link, {"action": "cancel", "confirm": "yes"})

    assert page.status_code == 404
    assert INVALID in page.text
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def _flip(token: str, index: int) -> str:
    swapped = "A" if token[index] != "A" else "B"
    return token[:index] + swapped + token[index + 1 :]


def _foreign_tokens(token: str, registration: Registration) -> dict[str, str]:
    payload = {"r": registration.pk, "n": registration.token_nonce}
    other_salt = signing.Signer(salt="employers.pledges.duplicate").sign_object(payload)
    other_key = signing.Signer(key=OLD_KEY, salt=service.TOKEN_SALT).sign_object(
        payload
    )
    return {
        "tampered signature": _flip(token, -5),
        "tampered payload": _flip(token, 5),
        "cut short": token[:-1],
        "signed for something else": other_salt.replace(":", ""),
        "signed with another key": other_key.replace(":", ""),
        "far too long": token * 3,
        "not a token": "not-a-token",
    }


@pytest.mark.parametrize("route", ["registration", "claim", "feedback"])
def test_a_tampered_or_foreign_link_shows_a_polite_invalid_link_page(
    client, workshop, route
):
    outcome = register(workshop)
    for case, token in _foreign_tokens(outcome.token, outcome.registration).items():
        response = client.get(f"{workshop.url}{route}/{token}/")
        assert response.status_code == 404, case
        assert INVALID in response.text, case
        assert "no-store" in response["Cache-Control"], case


def test_a_correctly_signed_token_with_another_nonce_opens_nothing(client, workshop):
    registration = register(workshop).registration
    forged = signing.Signer(salt=service.TOKEN_SALT).sign_object(
        {"r": registration.pk, "n": "guessed-nonce"}
    )
    response = client.get(f"{workshop.url}registration/{forged.replace(':', '')}/")
    assert response.status_code == 404
    assert INVALID in response.text


def test_the_database_alone_cannot_make_a_link(workshop):
    outcome = register(workshop)
    row = Registration.objects.filter(pk=outcome.registration.pk).values().get()
    assert outcome.token not in str(row.values())
    # Without SECRET_KEY, the stored nonce signs nothing the site accepts.
    with override_settings(SECRET_KEY=NEW_KEY):
        guess = service.registration_token(outcome.registration)
    assert service.find_registration(workshop, guess) is None
    assert service.find_registration(workshop, outcome.token).pk == row["id"]


def test_anonymized_registrations_links_stop_working(client, workshop):
    outcome = register(workshop)
    link = f"{workshop.url}registration/{outcome.token}/"
    assert client.get(link).status_code == 200
    service.anonymize_registrations(Registration.objects.all())
    response = client.get(link)
    assert response.status_code == 404
    assert INVALID in response.text
