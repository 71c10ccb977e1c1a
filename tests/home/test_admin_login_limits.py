"""Admin sign-in and password reset hold against guessing and mail floods."""

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from home import roles

PASSWORD = "correct horse battery staple"
LOCKED = "This account is locked for one hour"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "editor", "editor@lip.example", PASSWORD
    )
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


def sign_in(client, password, username="editor", address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.django_db
def test_right_password_signs_in_through_the_form(client, editor):
    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_thirty_wrong_passwords_lock_the_account_with_a_polite_message(client, editor):
    for _attempt in range(30):
        sign_in(client, "guess")

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page
    # The sign-in page itself, not a bare error page; no wrong-password claim.
    assert 'name="password"' in page
    assert "Your username and password didn" not in page
    assert not signed_in(client)


@pytest.mark.django_db
def test_lockout_starts_at_the_fifth_wrong_password(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "guess").status_code == 200

    assert sign_in(client, "guess").status_code == 429
    assert sign_in(client, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_lockout_holds_one_username_from_one_address_only(client, editor):
    for _attempt in range(30):
        sign_in(client, "guess", address="203.0.113.7")

    # The same person at the office network is not locked out by a stranger.
    assert sign_in(client, PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_superuser_unlock_lets_the_editor_sign_in(client, editor):
    for _attempt in range(30):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD).status_code == 429

    call_command("axes_reset_username", "editor")

    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_a_successful_sign_in_forgets_earlier_mistakes(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()

    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD).status_code == 302


def request_reset(client, email="editor@lip.example", address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
    )


@pytest.mark.django_db
def test_fifteen_reset_requests_send_at_most_the_hourly_cap(
    client, editor, settings, sent_mail
):
    responses = [request_reset(client) for _request in range(15)]

    assert {response.status_code for response in responses} == {302}
    assert {response["Location"] for response in responses} == {
        reverse("wagtailadmin_password_reset_done")
    }
    emails = sent_mail()
    assert len(emails) == settings.PASSWORD_RESET_LIMIT_PER_ADDRESS == 3
    assert {tuple(message.to) for message in emails} == {("editor@lip.example",)}


@pytest.mark.django_db
def test_reset_cap_per_address_holds_from_many_networks(client, editor, sent_mail):
    for request_number in range(15):
        request_reset(client, "Editor@LIP.example", f"198.51.100.{request_number}")

    assert len(sent_mail()) == 3


@pytest.mark.django_db
def test_reset_cap_per_network_holds_across_addresses(
    client, django_user_model, settings, sent_mail
):
    for number in range(15):
        django_user_model.objects.create_user(
            f"user{number}", f"user{number}@lip.example", PASSWORD
        )
        request_reset(client, f"user{number}@lip.example")

    assert len(sent_mail()) == settings.PASSWORD_RESET_LIMIT_PER_IP == 10


@pytest.mark.django_db
def test_reset_answer_is_the_same_for_unknown_and_capped_addresses(
    client, editor, sent_mail
):
    for _request in range(5):
        request_reset(client)
    capped = request_reset(client)
    unknown = request_reset(client, "nobody@lip.example")

    assert capped.status_code == unknown.status_code == 302
    assert capped["Location"] == unknown["Location"]
    assert len(sent_mail()) == 3
    assert mail.outbox[0].to == ["editor@lip.example"]
