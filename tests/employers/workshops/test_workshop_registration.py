"""People register for workshops, join the waitlist, claim seats and cancel."""

import datetime
import re
import time

import icalendar
import pytest

from django.core import signing
from django.utils import timezone

from employers.workshops import views as views
from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import Registration, WorkshopQuestion
from employers.workshops.services import registration as service
from home.spam import SALT
from tests.employers.workshops.fixtures import ONLINE_LINK

pytestmark = pytest.mark.django_db
Status = Registration.Status

REGISTER = "/workshops/inclusive-hiring-101/register/"


def form(**overrides) -> dict:
    data = {
        "name": "Maria Santos",
        "email": "Maria@Valleyfoods.example",
        "organization": "Valley Foods",
        "job_title": "HR manager",
        "sector": "31-33",
        "size": "50-99",
        "seats": "1",
        "accommodation_needs": "",
        "consent": "on",
        "homepage": "",
        "shown_at": signing.dumps(time.time() - 30, salt=SALT),
    }
    data.update(overrides)
    return data


def people(workshop, count, **overrides):
    return [
        service.register(
            workshop,
            {
                "name": f"Person {n}",
                "email": f"p{n}-{overrides.get('tag', '')}@example.com",
                "organization": "Acme",
                "seats": overrides.get("seats", 1),
            },
        )
        for n in range(count)
    ]


def personal_link(message) -> str:
    return re.search(r"http://\S+/registration/\S+/", message.body).group(0)


def test_registering_confirms_the_seat_and_emails_a_calendar_file(
    client, workshop, sent_mail
):
    response = client.post(REGISTER, form())
    assert response.status_code == 302
    assert "/registration/" in response["Location"]
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert registration.email == "maria@valleyfoods.example"
    assert registration.consent_version and registration.consented_at
    assert registration.future_events_consent is False

    page = client.get(response["Location"])
    assert "You are registered." in page.text
    assert (
        page["Cache-Control"].startswith("private")
        or "no-store" in page["Cache-Control"]
    )

    (message,) = sent_mail()
    assert message.to == ["maria@valleyfoods.example"]
    assert "Inclusive hiring 101" in message.subject
    assert "Abbotsford Library" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"workshop-{workshop.pk}@welcoming-workplaces"
    assert event.decoded("dtstart") == workshop.start
    assert calendar.walk("VTIMEZONE")
    assert personal_link(message).startswith("http://testserver/workshops/")


def test_the_personal_link_opens_the_registration_and_cancels_it(
    client, workshop, sent_mail
):
    client.post(REGISTER, form())
    link = personal_link(sent_mail()[0])
    page = client.get(link)
    assert page.status_code == 200 and "Maria Santos" in page.text
    # A GET never changes anything.
    assert Registration.objects.get().status == Status.CONFIRMED
    response = client.post(link, {"action": "cancel", "confirm": "yes"})
    assert response.status_code == 302
    assert Registration.objects.get().status == Status.CANCELLED
    assert "Your registration is cancelled" in client.get(response["Location"]).text
    assert "cancelled" in sent_mail()[-1].subject


def test_a_wrong_token_is_not_found(client, workshop):
    RegistrationFactory(workshop=workshop)
    assert client.get(f"{workshop.url}registration/not-a-token/").status_code == 404


def test_full_workshop_puts_next_registrant_on_waitlist_with_position(
    client, workshop, sent_mail
):
    people(workshop, 3)
    response = client.post(REGISTER, form())
    registration = Registration.objects.get(email="maria@valleyfoods.example")
    assert registration.status == Status.WAITLISTED
    assert "on the waitlist, number 1" in client.get(response["Location"]).text
    assert "waitlist" in sent_mail()[-1].subject
    assert not sent_mail()[-1].attachments


def test_full_workshop_without_waitlist_says_full(client, workshop):
    workshop.waitlist_enabled = False
    workshop.save()
    people(workshop, 3)
    assert "Full" in client.get("/workshops/").text
    response = client.get(REGISTER)
    assert "full and has no waitlist" in response.text
    with pytest.raises(service.WorkshopFull):
        service.register(workshop, {"name": "B", "email": "b@e.com"})


def test_cancelling_offers_the_seat_to_the_first_on_the_waitlist(workshop, sent_mail):
    confirmed = people(workshop, 3)
    first, second = people(workshop, 2, tag="w")
    sent_mail()
    offered = service.cancel(confirmed[0].registration)
    assert [r.pk for r in offered] == [first.registration.pk]
    first.registration.refresh_from_db()
    second.registration.refresh_from_db()
    assert first.registration.status == Status.OFFERED
    assert first.registration.offer_expires_at > timezone.now()
    assert second.registration.status == Status.WAITLISTED
    offer = sent_mail()[-1]
    assert offer.to == [first.registration.email]
    assert "/claim/" in offer.body

    service.claim_offer(first.registration)
    first.registration.refresh_from_db()
    assert first.registration.status == Status.CONFIRMED
    assert service.seats_taken(workshop) == 3


def test_claiming_through_the_link(client, workshop, sent_mail):
    confirmed = people(workshop, 3)
    (waiting,) = people(workshop, 1, tag="w")
    service.cancel(confirmed[0].registration)
    claim_url = re.search(r"http://\S+/claim/\S+/", sent_mail()[-1].body).group(0)
    assert "Claim your seat" in client.get(claim_url).text
    response = client.post(claim_url)
    assert response.status_code == 302
    waiting.registration.refresh_from_db()
    assert waiting.registration.status == Status.CONFIRMED


def test_an_unclaimed_offer_passes_to_the_next_person(workshop, sent_mail):
    confirmed = people(workshop, 3)
    first, second = people(workshop, 2, tag="w")
    service.cancel(confirmed[0].registration)
    later = timezone.now() + datetime.timedelta(hours=25)
    assert service.expire_offers(later) == 1
    assert service.expire_offers(later) == 0
    first.registration.refresh_from_db()
    second.registration.refresh_from_db()
    assert first.registration.status == Status.CANCELLED
    assert second.registration.status == Status.OFFERED
    with pytest.raises(service.OfferExpired):
        service.claim_offer(first.registration)


def test_claim_window_zero_confirms_at_once(workshop):
    workshop.claim_window_hours = 0
    workshop.save()
    confirmed = people(workshop, 3)
    (waiting,) = people(workshop, 1, tag="w")
    service.cancel(confirmed[0].registration)
    waiting.registration.refresh_from_db()
    assert waiting.registration.status == Status.CONFIRMED


def test_claim_window_is_shorter_close_to_the_start(workshop):
    now = workshop.start - datetime.timedelta(hours=10)
    deadline = service._claim_deadline(workshop, now)
    assert deadline == now + datetime.timedelta(hours=5)
    assert service._claim_deadline(workshop, workshop.start) is None


def test_waitlist_order_is_never_skipped(workshop):
    confirmed = people(workshop, 3)
    (pair,) = people(workshop, 1, tag="pair", seats=2)
    (single,) = people(workshop, 1, tag="single")
    service.cancel(confirmed[0].registration)
    pair.registration.refresh_from_db()
    single.registration.refresh_from_db()
    # One seat is free: the pair waits, and the single behind them too.
    assert pair.registration.status == Status.WAITLISTED
    assert single.registration.status == Status.WAITLISTED
    service.cancel(confirmed[1].registration)
    pair.registration.refresh_from_db()
    assert pair.registration.status == Status.OFFERED


def test_waitlisted_person_can_leave_the_waitlist(client, workshop, sent_mail):
    people(workshop, 3)
    response = client.post(REGISTER, form())
    page = client.get(response["Location"])
    assert "Leave the waitlist" in page.text
    client.post(
        response["Location"].split("?")[0], {"action": "cancel", "confirm": "yes"}
    )
    registration = Registration.objects.get(email="maria@valleyfoods.example")
    assert registration.status == Status.CANCELLED


def test_raising_the_capacity_offers_new_seats_to_the_waitlist(workshop, sent_mail):
    people(workshop, 3)
    waiting = people(workshop, 2, tag="w")
    workshop.capacity = 4
    workshop.save_revision().publish()
    statuses = [Registration.objects.get(pk=o.registration.pk).status for o in waiting]
    assert statuses == [Status.OFFERED, Status.WAITLISTED]


def test_a_second_registration_with_the_same_email_offers_to_resend(
    client, workshop, sent_mail
):
    client.post(REGISTER, form())
    sent_mail()
    response = client.post(REGISTER, form(email="maria@valleyfoods.example"))
    assert response.status_code == 409
    assert "already registered" in response.text
    assert Registration.objects.count() == 1
    client.post(REGISTER, {"resend": "1", "email": "maria@valleyfoods.example"})
    assert sent_mail()[-1].subject.startswith("You are registered")
    # Anyone else's address gets the same answer and no email.
    count = len(sent_mail())
    reply = client.post(REGISTER, {"resend": "1", "email": "nobody@example.com"})
    assert "If that address has a registration" in reply.text
    assert len(sent_mail()) == count


def test_registering_again_after_cancelling_is_allowed(workshop):
    (first,) = people(workshop, 1)
    service.cancel(first.registration)
    (again,) = people(workshop, 1)
    assert again.registration.status == Status.CONFIRMED


def test_registration_after_closing_is_refused_with_a_link(client, workshop):
    workshop.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    workshop.save()
    response = client.get(REGISTER)
    assert "Registration for this workshop is closed." in response.text
    assert 'href="/workshops/"' in response.text
    response = client.post(REGISTER, form())
    assert Registration.objects.count() == 0
    with pytest.raises(service.RegistrationClosed):
        service.register(workshop, {"name": "L", "email": "late@example.com"})
    assert "Registration closed" in client.get("/workshops/").text


def test_errors_are_shown_beside_fields(client, workshop):
    response = client.post(REGISTER, form(email="not-an-email", consent=""))
    assert response.status_code == 400
    assert 'class="error-summary"' in response.text
    assert 'id="id_email_error"' in response.text
    assert "Tick this box so we can register you." in response.text
    assert Registration.objects.count() == 0


def test_honeypot_and_too_fast_submissions_are_refused(client, workshop):
    assert client.post(REGISTER, form(homepage="http://x")).status_code == 400
    fast = form(shown_at=signing.dumps(time.time(), salt=SALT))
    assert client.post(REGISTER, fast).status_code == 400
    assert Registration.objects.count() == 0


def test_rate_limits_per_address_and_per_email(client, workshop, monkeypatch):
    monkeypatch.setattr(views, "EMAIL_LIMIT", 2)
    for _attempt in range(2):
        client.post(REGISTER, form())
    assert client.post(REGISTER, form()).status_code == 429
    monkeypatch.setattr(views, "IP_LIMIT", 3)
    response = client.post(REGISTER, form(email="other@example.com"))
    assert response.status_code == 429


def test_csrf_is_required(workshop):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(REGISTER, form()).status_code == 403


def test_extra_questions_are_asked_and_stored(client, online_workshop, sent_mail):
    url = f"{online_workshop.url}register/"
    page = client.get(url)
    assert "Which permits do your workers hold?" in page.text
    missing = client.post(url, form())
    assert missing.status_code == 400
    question = WorkshopQuestion.objects.get(page=online_workshop, kind="choice")
    response = client.post(url, form(**{question.field_name: "1 to 5"}))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.answers["How many newcomers do you employ?"] == "1 to 5"


def test_seats_field_only_when_more_than_one_allowed(client, workshop, online_workshop):
    assert 'name="seats"' in client.get(REGISTER).text
    assert 'name="seats"' not in client.get(f"{online_workshop.url}register/").text


def test_a_group_registration_takes_several_seats(client, workshop):
    client.post(REGISTER, form(seats="2"))
    assert service.seats_taken(workshop) == 2
    assert "1 seat left" in client.get(workshop.url).text


def test_walk_ins_added_by_staff_are_confirmed_even_when_full(workshop):
    people(workshop, 3)
    outcome = service.register(
        workshop,
        {"name": "Walk In", "email": "walk@example.com", "organization": "Door"},
        source=Registration.Source.STAFF,
    )
    assert outcome.registration.status == Status.CONFIRMED


def test_online_link_is_only_for_confirmed_registrants(
    client, online_workshop, sent_mail
):
    question = WorkshopQuestion.objects.get(page=online_workshop, kind="choice")
    response = client.post(
        f"{online_workshop.url}register/", form(**{question.field_name: "None"})
    )
    message = sent_mail()[-1]
    assert ONLINE_LINK in message.body
    event = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]
    assert ONLINE_LINK in str(event["location"])
    assert ONLINE_LINK in client.get(response["Location"]).text
    for url in [
        "/workshops/",
        online_workshop.url,
        f"{online_workshop.url}register/",
        f"{online_workshop.url}calendar/",
        "/workshops/calendar/",
    ]:
        body = client.get(url).content.decode()
        assert ONLINE_LINK not in body, url


def test_a_token_opens_only_its_own_workshop(client, workshop, online_workshop):
    outcome = service.register(
        workshop, {"name": "A", "email": "a@example.com", "organization": "A"}
    )
    own = f"{workshop.url}registration/{outcome.token}/"
    other = f"{online_workshop.url}registration/{outcome.token}/"
    assert client.get(own).status_code == 200
    assert client.get(other).status_code == 404
    assert client.get(own[:-5] + "xxxx/").status_code == 404
