"""Registrants hear from us in the language they registered in, whoever sends."""

import datetime
import io
import re

import icalendar
import pytest

from django.core.management import call_command
from django.utils import timezone, translation

from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import RecipientGroup, Registration, WorkshopPage
from employers.workshops.services import registrant_email
from employers.workshops.services import registration as service
from tests.employers.translations import publish_in_french, save_in_french
from tests.employers.workshops.test_workshop_registration import form

pytestmark = pytest.mark.django_db
Status = Registration.Status

FRENCH_TITLE = "L’embauche inclusive 101"
FRENCH_SUMMARY = "Des mesures concrètes pour embaucher des nouveaux arrivants."
# The workshop fixture runs from 10:00 to 12:00, site time.
FRENCH_TIMES = "10\xa0h à 12\xa0h"
ENGLISH_TIMES = "10:00 a.m. – 12:00 p.m."
NBSP = "\xa0"


@pytest.fixture
def french_workshop(workshop) -> WorkshopPage:
    """The workshop's French page, at /fr-ca/workshops/embauche-inclusive-101/."""
    return publish_in_french(
        workshop,
        title=FRENCH_TITLE,
        slug="embauche-inclusive-101",
        summary=FRENCH_SUMMARY,
    )


def link(message, route: str) -> str:
    return re.search(rf"http://\S+/{route}/\S+/", message.body)[0]


def calendar_event(message) -> icalendar.Event:
    (name, content, _mimetype) = message.attachments[0]
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return event


def register_in_french(client, page, **overrides) -> Registration:
    response = client.post(page.url + "register/", form(**overrides))
    assert response.status_code == 302
    email = overrides.get("email", "maria@valleyfoods.example").lower()
    return Registration.objects.get(email=email, status__in=Registration.ACTIVE)


def plain(subject: str) -> str:
    """The subject with straight apostrophes and plain spaces, as typed here."""
    return subject.replace("’", "'").replace(NBSP, " ").replace("\u202f", " ")


def assert_french_times(text: str) -> None:
    assert re.search(rf"\d{{1,2}}{NBSP}h", text), text
    assert "a.m." not in text and "p.m." not in text and "matin" not in text


def test_a_french_registrant_gets_the_confirmation_in_french(
    client, french_workshop, sent_mail
):
    registration = register_in_french(client, french_workshop)

    assert registration.language == "fr-ca"
    (message,) = sent_mail()
    assert plain(message.subject) == plain(f"Inscription confirmée : {FRENCH_TITLE}")
    assert message.body.startswith("Bonjour Maria Santos,")
    assert FRENCH_TIMES in message.body
    assert_french_times(message.body)
    personal = link(message, "registration")
    assert personal.startswith(
        "http://testserver/fr-ca/workshops/embauche-inclusive-101/registration/"
    )
    page = client.get(personal)
    assert page.status_code == 200
    assert page["Content-Language"] == "fr-ca"


def test_a_french_registrants_calendar_file_is_in_french(
    client, french_workshop, sent_mail
):
    registration = register_in_french(client, french_workshop)

    event = calendar_event(sent_mail()[0])
    assert str(event["summary"]) == FRENCH_TITLE
    assert event["summary"].params["LANGUAGE"] == "fr-CA"
    description = str(event["description"])
    assert FRENCH_SUMMARY in description
    assert "/fr-ca/workshops/embauche-inclusive-101/" in description
    token = service.registration_token(registration)
    download = client.get(
        f"{french_workshop.url}registration/{token}/", {"format": "ics"}
    )
    (event,) = icalendar.Calendar.from_ical(download.content).walk("VEVENT")
    assert str(event["summary"]) == FRENCH_TITLE
    assert FRENCH_SUMMARY in str(event["description"])


def test_an_english_registrant_gets_english_even_when_a_french_page_exists(
    client, workshop, french_workshop, sent_mail
):
    response = client.post(f"{workshop.url}register/", form())

    assert response.status_code == 302
    assert Registration.objects.get().language == "en"
    (message,) = sent_mail()
    assert message.subject == "You are registered: Inclusive hiring 101"
    assert message.body.startswith("Hello Maria Santos,")
    assert ENGLISH_TIMES in message.body
    assert "/fr-ca/" not in message.body
    assert str(calendar_event(message)["summary"]) == "Inclusive hiring 101"


def test_the_scheduled_reminder_is_in_the_registrants_language(
    client, french_workshop, sent_mail
):
    register_in_french(client, french_workshop)
    register_in_french(client, french_workshop, email="ana@example.com")
    Registration.objects.filter(email="ana@example.com").update(language="en")
    start = timezone.now() + datetime.timedelta(hours=2)
    # The event's time, which every translation shares.
    WorkshopPage.objects.filter(translation_key=french_workshop.translation_key).update(
        start=start, end=start + datetime.timedelta(hours=2)
    )
    sent_mail().clear()

    # The cron run: no request, whatever language is active.
    with translation.override("en"):
        call_command("run_scheduled_tasks", stdout=io.StringIO())

    reminders = {message.to[0]: message for message in sent_mail()}
    french = reminders["maria@valleyfoods.example"]
    assert plain(french.subject) == plain(f"Rappel : {FRENCH_TITLE}")
    assert_french_times(french.body)
    assert "/fr-ca/workshops/embauche-inclusive-101/registration/" in french.body
    assert str(calendar_event(french)["summary"]) == FRENCH_TITLE
    # Registered on the French page in English: the English page's words.
    english = reminders["ana@example.com"]
    assert english.subject == "Reminder: Inclusive hiring 101"
    assert english.body.startswith("Hello Maria Santos,")
    assert "/fr-ca/" not in english.body


def test_a_seat_offered_from_an_english_request_is_offered_in_french(
    client, french_workshop, sent_mail
):
    taken = [
        register_in_french(client, french_workshop, email=f"p{n}@example.com")
        for n in range(3)
    ]
    waiting = register_in_french(client, french_workshop)
    assert waiting.status == Status.WAITLISTED
    assert "liste d'attente" in plain(sent_mail()[-1].subject)

    with translation.override("en"):
        service.cancel(taken[0])

    offer = sent_mail()[-1]
    assert offer.to == ["maria@valleyfoods.example"]
    assert plain(offer.subject) == plain(
        f"Une place s'est libérée pour vous : {FRENCH_TITLE}"
    )
    assert_french_times(offer.body)
    assert "/fr-ca/workshops/embauche-inclusive-101/claim/" in offer.body


def test_cancelling_in_french_and_a_cancelled_workshop_are_told_in_french(
    client, french_workshop, sent_mail
):
    leaving = register_in_french(client, french_workshop)
    staying = register_in_french(client, french_workshop, email="luc@example.com")
    personal = link(sent_mail()[0], "registration")

    client.post(personal, {"action": "cancel", "confirm": "yes"})

    leaving.refresh_from_db()
    assert leaving.status == Status.CANCELLED
    cancelled = sent_mail()[-1]
    assert plain(cancelled.subject) == plain(
        f"Votre inscription est annulée : {FRENCH_TITLE}"
    )
    assert "/fr-ca/workshops/" in cancelled.body

    # Staff cancel the event (the English page): the French page follows.
    event = french_workshop.event
    event.is_cancelled = True
    with translation.override("en"):
        event.save_revision().publish()

    notice = sent_mail()[-1]
    assert notice.to == [staying.email]
    assert plain(notice.subject) == plain(f"Annulation : {FRENCH_TITLE}")
    event = calendar_event(notice)
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]) == FRENCH_TITLE


def test_links_follow_the_language_not_the_page_registered_on(
    client, workshop, french_workshop, sent_mail
):
    """Staff add someone in French to the English page: French links that open."""
    registration = RegistrationFactory(workshop=workshop, language="fr-ca")

    service.send_status_email(registration)

    (message,) = sent_mail()
    assert plain(message.subject) == plain(f"Inscription confirmée : {FRENCH_TITLE}")
    personal = link(message, "registration")
    assert "/fr-ca/workshops/embauche-inclusive-101/registration/" in personal
    page = client.get(personal.removeprefix("http://localhost"))
    assert page.status_code == 200
    assert registration.name in page.text


def test_without_a_french_page_links_go_to_the_page_there_is(workshop, sent_mail):
    registration = RegistrationFactory(workshop=workshop, language="fr-ca")

    service.send_status_email(registration)

    (message,) = sent_mail()
    assert plain(message.subject) == "Inscription confirmée : Inclusive hiring 101"
    assert "/workshops/inclusive-hiring-101/registration/" in message.body
    assert "/fr-ca/" not in message.body
    assert_french_times(message.body)


def test_a_staff_message_wraps_each_person_in_their_language(
    french_workshop, workshop, admin_user, sent_mail
):
    english = RegistrationFactory(workshop=workshop, name="Ana")
    french = RegistrationFactory(workshop=workshop, name="Luc", language="fr-ca")

    with translation.override("en"):
        registrant_email.send_registrant_email(
            workshop,
            groups=[RecipientGroup.CONFIRMED],
            subject="Parking",
            body="Park behind the library.",
            sent_by=admin_user,
            send_key="parking-1",
        )

    by_person = {message.to[0]: message for message in sent_mail()}
    assert by_person[english.email].body.startswith("Hello Ana,")
    assert ENGLISH_TIMES in by_person[english.email].body
    assert by_person[french.email].body.startswith("Bonjour Luc,")
    assert FRENCH_TIMES in by_person[french.email].body
    assert "/fr-ca/workshops/" in by_person[french.email].body
    assert "Park behind the library." in by_person[french.email].body


def test_the_french_page_writes_french_times(client, french_workshop):
    page = client.get(french_workshop.url).text

    assert "10\xa0h</time>" in page
    assert "12\xa0h</time>" in page
    assert "a.m." not in page


def test_the_french_page_and_its_forms_name_topics_in_french(
    client, workshop, french_workshop
):
    """The page links the event's (English) topics; French readers see theirs."""
    save_in_french(workshop.topics.get(), name="Recrutement", slug="recrutement")

    for route in ("", "register/"):
        page = client.get(french_workshop.url + route).text
        assert '?topic=recrutement">Recrutement</a>' in page, route
        assert ">Recruiting<" not in page, route
    english = client.get(workshop.url).text
    assert '?topic=recruiting">Recruiting</a>' in english
