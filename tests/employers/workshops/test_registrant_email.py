"""Event coordinators email a workshop's registrants: preview, then send once."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory
from employers.workshops.models import RecipientGroup, RegistrantEmail, Registration
from employers.workshops.services import registrant_email
from employers.workshops.services.registration import links, registration_token

pytestmark = pytest.mark.django_db

Status = Registration.Status
Recipients = RecipientGroup
SUBJECT = "Parking at the library"
BODY = "The front lot is closed on Tuesday.\nPlease park behind the building."


@pytest.fixture
def people(workshop):
    """Everyone who might be written to, and one who never is."""
    now = timezone.now()
    make = RegistrationFactory
    return {
        "ana": make(workshop=workshop, name="Ana", email="ana@example.com",
                    attended_at=now),
        "ben": make(workshop=workshop, name="Ben", email="ben@example.com"),
        "cam": make(workshop=workshop, name="Cam", email="cam@example.com",
                    status=Status.WAITLISTED),
        "dee": make(workshop=workshop, name="Dee", email="dee@example.com",
                    status=Status.OFFERED),
        "eve": make(workshop=workshop, name="Eve", email="eve@example.com",
                    status=Status.CANCELLED, attended_at=now),
    }  # fmt: skip


def _user(django_user_model, *codenames):
    user = django_user_model.objects.create_user("aisha", password="x")
    group = Group.objects.create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", *codenames])
    )
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator(django_user_model):
    return _user(
        django_user_model,
        "view_registration",
        "change_registration",
        "email_registrants",
    )


def _url(workshop) -> str:
    return reverse("workshop_email_registrants", args=[workshop.pk])


def _data(groups=(Recipients.CONFIRMED,), subject=SUBJECT, body=BODY, **extra) -> dict:
    return {"groups": list(groups), "subject": subject, "body": body, **extra}


def _preview(client, workshop, **data):
    response = client.post(_url(workshop), {**_data(**data), "action": "preview"})
    assert response.status_code == 200
    return response


def _send(client, workshop, token, **data):
    return client.post(
        _url(workshop), {**_data(**data), "action": "send", "token": token}
    )


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ([Recipients.CONFIRMED], {"ana", "ben"}),
        ([Recipients.WAITLISTED], {"cam", "dee"}),
        ([Recipients.ATTENDED], {"ana"}),
        ([Recipients.CONFIRMED, Recipients.ATTENDED], {"ana", "ben"}),
        (
            [Recipients.CONFIRMED, Recipients.WAITLISTED, Recipients.ATTENDED],
            {"ana", "ben", "cam", "dee"},
        ),
    ],
)
def test_each_group_counts_its_people_and_never_the_cancelled(
    client, coordinator, workshop, people, groups, expected
):
    chosen = registrant_email.recipients(workshop, groups)
    assert {r.name.lower() for r in chosen} == expected

    client.force_login(coordinator)
    response = _preview(client, workshop, groups=groups)
    count = len(expected)
    assert response.context["count"] == count
    people_ = "person" if count == 1 else "people"
    assert f"{count} {people_} will receive this message" in response.text


def test_preview_shows_the_first_persons_email_without_their_secret(
    client, coordinator, workshop, people
):
    client.force_login(coordinator)
    response = _preview(client, workshop)

    assert "Ana &lt;ana@example.com&gt;" in response.text
    assert "Hello Ana," in response.text
    assert "Please park behind the building." in response.text
    assert registration_token(people["ana"]) not in response.text
    assert registrant_email.HIDDEN_TOKEN in response.text
    assert RegistrantEmail.objects.count() == 0


def test_send_queues_one_email_per_person_with_their_own_link(
    client, coordinator, workshop, people, sent_mail
):
    client.force_login(coordinator)
    groups = [Recipients.CONFIRMED, Recipients.WAITLISTED]
    token = _preview(client, workshop, groups=groups).context["token"]

    response = _send(client, workshop, token, groups=groups)

    assert response.status_code == 302
    outbox = sent_mail()
    assert sorted(m.to[0] for m in outbox) == [
        "ana@example.com",
        "ben@example.com",
        "cam@example.com",
        "dee@example.com",
    ]
    others = {p.email for p in people.values()}
    for message in outbox:
        (address,) = message.to
        assert message.cc == [] and message.bcc == []
        assert message.subject == SUBJECT
        person = next(p for p in people.values() if p.email == address)
        assert f"Hello {person.name}," in message.body
        assert links(person)["personal_url"] in message.body
        assert not (others - {address}) & set(message.body.split())
    own_link = links(people["cam"])["personal_url"].split("localhost", 1)[-1]
    assert "Cam" in client.get(own_link).text


def test_sending_is_logged_and_shown_in_the_history(
    client, coordinator, django_user_model, workshop, people, sent_mail
):
    client.force_login(coordinator)
    token = _preview(client, workshop).context["token"]

    page = client.get(_send(client, workshop, token).url)

    sent = RegistrantEmail.objects.get()
    assert (sent.workshop, sent.sent_by) == (workshop.page_ptr.specific, coordinator)
    assert sent.statuses == [Recipients.CONFIRMED]
    assert (sent.subject, sent.body, sent.recipient_count) == (SUBJECT, BODY, 2)
    entry = PageLogEntry.objects.get(action=registrant_email.LOG_ACTION)
    assert entry.page_id == workshop.pk and entry.user == coordinator
    assert entry.data == {"subject": SUBJECT, "recipients": 2}
    client.force_login(django_user_model.objects.create_superuser("lead"))
    history = client.get(reverse("wagtailadmin_pages:history", args=[workshop.pk]))
    assert f"Emailed 2 registrants: “{SUBJECT}”" in history.text
    assert "Your message is on its way to 2 people" in page.text
    assert SUBJECT in page.text and "Confirmed" in page.text


def test_a_double_submit_sends_once(client, coordinator, workshop, people, sent_mail):
    client.force_login(coordinator)
    token = _preview(client, workshop).context["token"]

    _send(client, workshop, token)
    again = client.get(_send(client, workshop, token).url)

    assert len(sent_mail()) == 2
    assert RegistrantEmail.objects.count() == 1
    assert "already sent" in again.text


def test_send_needs_a_preview_of_the_same_text(
    client, coordinator, workshop, people, sent_mail
):
    client.force_login(coordinator)
    token = _preview(client, workshop).context["token"]

    no_preview = _send(client, workshop, "")
    changed = _send(client, workshop, token, body="Something else entirely.")
    widened = _send(
        client, workshop, token, groups=[Recipients.CONFIRMED, Recipients.WAITLISTED]
    )

    for response in (no_preview, changed, widened):
        assert response.status_code == 200
        assert "Preview the message before sending it" in response.text
    assert sent_mail() == []
    assert RegistrantEmail.objects.count() == 0


def test_another_users_preview_cannot_be_sent(
    client, coordinator, django_user_model, workshop, people, sent_mail
):
    client.force_login(coordinator)
    token = _preview(client, workshop).context["token"]
    colleague = django_user_model.objects.create_superuser("lead", password="x")
    client.force_login(colleague)

    assert "Preview the message" in _send(client, workshop, token).text
    assert sent_mail() == []


def test_validation_errors_sit_beside_their_fields(client, coordinator, workshop):
    client.force_login(coordinator)
    response = client.post(
        _url(workshop),
        {"subject": "Line one\nline two", "body": "", "action": "preview"},
    )

    form = response.context["form"]
    assert set(form.errors) == {"groups", "subject", "body"}
    html = response.text
    groups_error = html.index("Choose at least one group of people.")
    subject_error = html.index("Write the subject on one line.")
    assert html.index('for="id_subject"') < subject_error < html.index('for="id_body"')
    assert groups_error < html.index('for="id_subject"')
    assert 'id="preview-heading"' not in html


def test_nobody_to_write_to_is_said_politely(
    client, coordinator, workshop_index, sent_mail
):
    empty = WorkshopPageFactory(parent=workshop_index)
    RegistrationFactory(workshop=empty, status=Status.CANCELLED)
    client.force_login(coordinator)

    preview = _preview(client, empty, groups=[Recipients.WAITLISTED])
    sent = _send(
        client, empty, preview.context["token"], groups=[Recipients.WAITLISTED]
    )

    assert "Nobody is in the chosen groups" in preview.text
    assert 'value="send"' not in preview.text
    assert "Nobody is in the chosen groups now, so nothing was sent." in sent.text
    assert sent_mail() == []
    assert RegistrantEmail.objects.count() == 0


@pytest.mark.parametrize(
    "codenames",
    [
        ("view_registration", "change_registration"),
        ("email_registrants",),
    ],
)
def test_without_both_permissions_the_page_is_forbidden(
    client, django_user_model, workshop, people, codenames, sent_mail
):
    client.force_login(_user(django_user_model, *codenames))

    assert client.get(_url(workshop)).status_code == 403
    assert client.post(_url(workshop), _data(action="preview")).status_code == 403
    assert sent_mail() == []


def test_overview_and_check_in_link_to_it_only_for_those_allowed(
    client, coordinator, django_user_model, workshop
):
    url = _url(workshop)
    client.force_login(coordinator)
    assert url in client.get(reverse("workshop_overview")).text
    assert url in client.get(reverse("workshop_check_in", args=[workshop.pk])).text

    client.force_login(
        _user_named(
            django_user_model, "door", "view_registration", "change_registration"
        )
    )
    assert url not in client.get(reverse("workshop_overview")).text
    assert url not in client.get(reverse("workshop_check_in", args=[workshop.pk])).text


def _user_named(django_user_model, name, *codenames):
    user = django_user_model.objects.create_user(name, password="x")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", *codenames])
    )
    return user


def test_page_and_preview_queries_do_not_grow_with_registrants(
    client, coordinator, workshop, django_assert_max_num_queries, sent_mail
):
    RegistrationFactory.create_batch(3, workshop=workshop)
    client.force_login(coordinator)
    token = _preview(client, workshop).context["token"]
    _send(client, workshop, token)
    for number in range(3):
        note = f"Note {number}"
        _send(
            client,
            workshop,
            _preview(client, workshop, subject=note).context["token"],
            subject=note,
        )
    RegistrationFactory.create_batch(30, workshop=workshop)

    with django_assert_max_num_queries(11):
        client.get(_url(workshop))
    # Each also finds the workshop's page in the registrants' language: once
    # per language, not per person.
    with django_assert_max_num_queries(15):
        token = _preview(client, workshop).context["token"]
    with django_assert_max_num_queries(18):
        _send(client, workshop, token)
    assert len(sent_mail()) == 33 + 4 * 3
