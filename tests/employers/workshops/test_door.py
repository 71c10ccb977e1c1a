"""The door pass (reference and QR code) and checking in by its reference."""

import importlib
import re
from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from employers.workshops import door
from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory
from employers.workshops.models import Registration
from employers.workshops.models.registrations import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    new_reference,
)
from employers.workshops.services import registration as service

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("door", password="x")
    group = Group.objects.create(name="Door staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            codename__in=["view_registration", "change_registration"]
        ),
    )
    user.groups.add(group)
    return user


def register(workshop, email="maria@example.com") -> service.Outcome:
    return service.register(
        workshop,
        {"name": "Maria Santos", "email": email, "organization": "Valley Foods"},
    )


def check_in_url(workshop) -> str:
    return reverse("workshop_check_in", args=[workshop.pk])


# The reference -----------------------------------------------------------------


def test_references_use_only_unambiguous_characters():
    references = {new_reference() for _ in range(2000)}
    assert len(references) == 2000
    for reference in references:
        assert len(reference) == REFERENCE_LENGTH
        assert set(reference) <= set(REFERENCE_ALPHABET)
    # Nothing that reads as another character on a phone or in an email.
    assert not set("01OIL") & set(REFERENCE_ALPHABET)
    # Every character turns up: the alphabet is used, not a subset of it.
    assert set("".join(references)) == set(REFERENCE_ALPHABET)


def test_every_registration_gets_its_own_reference(workshop):
    registrations = RegistrationFactory.create_batch(30, workshop=workshop)
    references = [r.reference for r in registrations]
    assert all(references)
    assert len(set(references)) == 30


def test_one_event_cannot_hold_the_same_reference_twice(workshop):
    first = RegistrationFactory(workshop=workshop)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(workshop=workshop, reference=first.reference)
    # Another event may: the reference is only looked up within one event.
    other = WorkshopPageFactory(parent=workshop.get_parent())
    assert RegistrationFactory(workshop=other, reference=first.reference).pk


@pytest.mark.parametrize(
    "typed",
    [
        "ABCD2345",
        "abcd2345",
        " ABCD-2345 ",
        "abcd 2345",
        "http://testserver/admin/workshops/7/check-in/?reference=ABCD2345",
    ],
)
def test_typed_pasted_or_scanned_references_are_understood(typed):
    assert door.normalize_reference(typed) == "ABCD2345"


@pytest.mark.parametrize(
    "typed", ["", "ABCD234", "ABCD23456", "ABCD0345", "ABCDI345", "<script>"]
)
def test_what_cannot_be_a_reference_is_refused(typed):
    assert door.normalize_reference(typed) == ""


# The pass on the personal page and in the email ---------------------------------


def test_confirmation_email_carries_the_reference_but_no_qr_url(workshop, sent_mail):
    outcome = register(workshop)
    body = sent_mail()[-1].body
    reference = door.display_reference(outcome.registration.reference)
    assert f"Reference to show at the door: {reference}" in body
    # The email is text: no check-in address in it.
    assert "check-in" not in body


def test_personal_page_shows_reference_and_qr_code_to_a_confirmed_registrant(
    client, workshop
):
    outcome = register(workshop)
    response = client.get(f"{workshop.url}registration/{outcome.token}/")
    reference = door.display_reference(outcome.registration.reference)
    assert response.status_code == 200
    assert reference in response.text
    svg = re.search(r"<svg[^>]*>", response.text).group(0)
    assert 'role="img"' in svg
    assert f'aria-label="QR code for reference {reference}"' in svg
    # Drawn on the server: no image fetched from anyone.
    assert (
        "<img" not in response.text.split('class="door-pass"')[1].split("</section")[0]
    )


def test_qr_code_carries_the_check_in_address_and_never_the_personal_token(
    workshop,
):
    outcome = register(workshop)
    url = door.check_in_url(outcome.registration)
    assert url == (
        check_in_url(workshop) + f"?reference={outcome.registration.reference}"
    )
    assert outcome.token not in url
    assert outcome.registration.token_nonce not in url


def test_waitlisted_registrant_has_no_door_pass(client, workshop):
    RegistrationFactory.create_batch(3, workshop=workshop)
    outcome = register(workshop, "late@example.com")
    assert outcome.registration.status == Status.WAITLISTED
    response = client.get(f"{workshop.url}registration/{outcome.token}/")
    assert response.status_code == 200
    assert outcome.registration.reference not in response.text
    assert "<svg" not in response.text


# Check-in by reference ------------------------------------------------------------


def test_check_in_by_typed_reference(client, staff, workshop):
    person = RegistrationFactory(workshop=workshop, name="Maria Santos")
    client.force_login(staff)
    typed = door.display_reference(person.reference).lower()

    response = client.post(
        check_in_url(workshop), {"by_reference": "1", "reference": typed}, follow=True
    )

    person.refresh_from_db()
    assert person.attended_at is not None
    assert "Checked in: Maria Santos." in response.text
    again = client.post(
        check_in_url(workshop),
        {"by_reference": "1", "reference": person.reference},
        follow=True,
    )
    assert "Maria Santos was already checked in." in again.text


def test_check_in_by_scanned_address(client, staff, workshop):
    person = RegistrationFactory(workshop=workshop)
    client.force_login(staff)
    scanned = "http://testserver" + door.check_in_url(person)
    client.post(check_in_url(workshop), {"by_reference": "1", "reference": scanned})
    person.refresh_from_db()
    assert person.attended_at is not None


@pytest.mark.parametrize(
    ("status", "says"),
    [
        (Status.WAITLISTED, "Li Wei is on the waitlist: no seat is held for them."),
        (Status.OFFERED, "Li Wei was offered a seat but has not claimed it yet."),
        (Status.CANCELLED, "Li Wei’s registration is cancelled."),
    ],
)
def test_reference_of_someone_without_a_seat_says_so_and_checks_nobody_in(
    client, staff, workshop, status, says
):
    person = RegistrationFactory(workshop=workshop, name="Li Wei", status=status)
    client.force_login(staff)
    response = client.post(
        check_in_url(workshop),
        {"by_reference": "1", "reference": person.reference},
        follow=True,
    )
    person.refresh_from_db()
    assert person.attended_at is None
    assert says in response.text


def test_unknown_reference_is_an_error_on_the_field_with_what_was_typed(
    client, staff, workshop
):
    RegistrationFactory(workshop=workshop)
    client.force_login(staff)
    response = client.post(
        check_in_url(workshop), {"by_reference": "1", "reference": "ZZZZ-9999"}
    )
    assert response.status_code == 200
    assert "No registration for this workshop has this reference." in response.text
    assert 'value="ZZZZ-9999"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Registration.objects.filter(attended_at__isnull=False).exists()


def test_malformed_reference_explains_the_format(client, staff, workshop):
    client.force_login(staff)
    response = client.post(
        check_in_url(workshop), {"by_reference": "1", "reference": "hello"}
    )
    assert "A reference has 8 letters and digits, like ABCD-2345." in response.text


def test_another_workshops_reference_is_not_taken_at_this_door(client, staff, workshop):
    other = WorkshopPageFactory(parent=workshop.get_parent(), title="Next week")
    elsewhere = RegistrationFactory(workshop=other)
    client.force_login(staff)
    response = client.post(
        check_in_url(workshop),
        {"by_reference": "1", "reference": elsewhere.reference},
    )
    elsewhere.refresh_from_db()
    assert elsewhere.attended_at is None
    assert "No registration for this workshop has this reference." in response.text


def test_opening_the_qr_address_finds_the_person_without_checking_in(
    client, staff, workshop
):
    person = RegistrationFactory(workshop=workshop, name="Maria Santos")
    RegistrationFactory(workshop=workshop, name="Dev Patel")
    client.force_login(staff)
    response = client.get(door.check_in_url(person))
    person.refresh_from_db()
    assert person.attended_at is None
    assert "Found: Maria Santos. Check them in below." in response.text
    assert "Dev Patel" not in response.text
    assert f'value="{person.reference}"' in response.text


def test_check_in_by_reference_needs_the_permission(
    client, django_user_model, workshop
):
    person = RegistrationFactory(workshop=workshop)
    user = django_user_model.objects.create_user("viewer", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
    )
    client.force_login(user)
    response = client.post(
        check_in_url(workshop), {"by_reference": "1", "reference": person.reference}
    )
    assert response.status_code in (302, 403)
    person.refresh_from_db()
    assert person.attended_at is None


def test_check_in_page_lets_this_site_use_the_camera_and_nothing_else(
    client, staff, workshop
):
    client.force_login(staff)
    policy = client.get(check_in_url(workshop))["Permissions-Policy"]
    parts = [part.strip() for part in policy.split(",")]
    assert "camera=(self)" in parts
    assert "microphone=()" in parts and "geolocation=()" in parts


def test_check_in_page_offers_the_scanner_only_as_an_enhancement(
    client, staff, workshop
):
    client.force_login(staff)
    text = client.get(check_in_url(workshop)).text
    assert "js/check_in.js" in text
    scan = re.search(r"<button[^>]*data-check-in-scan(?!-)[^>]*>", text).group(0)
    assert "hidden" in scan
    # The typed reference is a plain form that posts without the script.
    assert re.search(r'<form method="post"[^>]*data-check-in-reference', text)
    # No sidebar: the page uses the tablet's whole width.
    assert "wagtail-sidebar" not in text


def test_check_in_by_reference_takes_a_fixed_number_of_queries(
    client, staff, workshop, django_assert_max_num_queries
):
    people = RegistrationFactory.create_batch(25, workshop=workshop)
    client.force_login(staff)
    client.get(check_in_url(workshop))  # warm the session and site caches
    with django_assert_max_num_queries(20) as first:
        client.post(
            check_in_url(workshop),
            {"by_reference": "1", "reference": people[0].reference},
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.post(
            check_in_url(workshop),
            {"by_reference": "1", "reference": people[1].reference},
        )
    with django_assert_max_num_queries(20) as page:
        client.get(door.check_in_url(people[2]))
    RegistrationFactory.create_batch(25, workshop=workshop)
    with django_assert_max_num_queries(len(page.captured_queries)):
        client.get(check_in_url(workshop))


def test_registrations_list_finds_someone_by_reference(client, staff, workshop):
    maria = RegistrationFactory(workshop=workshop, name="Maria Santos")
    RegistrationFactory(workshop=workshop, name="Dev Patel")
    client.force_login(staff)
    listing = client.get(
        reverse("workshop_registrations:index") + f"?q={maria.reference}"
    )
    assert "Maria Santos" in listing.text and "Dev Patel" not in listing.text


def test_the_migration_gives_existing_registrations_their_own_references(workshop):
    migration = importlib.import_module(
        "employers.workshops.migrations.0007_registration_reference"
    )
    other = WorkshopPageFactory(parent=workshop.get_parent())
    registrations = [
        *RegistrationFactory.create_batch(4, workshop=workshop),
        *RegistrationFactory.create_batch(3, workshop=other),
    ]
    # Rows as they stood before the migration (the column's empty default
    # cannot be written twice per event now that the constraint exists).
    for number, registration in enumerate(registrations):
        Registration.objects.filter(pk=registration.pk).update(reference=f"{number}")
    state = MigrationExecutor(connection).loader.project_state(
        ("workshops", "0007_registration_reference")
    )
    migration.give_references(state.apps, SimpleNamespace(connection=connection))
    rows = list(Registration.objects.values_list("workshop_id", "reference"))
    assert all(door.normalize_reference(reference) for _, reference in rows)
    assert len(set(rows)) == 7
