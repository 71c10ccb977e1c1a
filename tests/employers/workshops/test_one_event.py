"""A workshop is one event whatever language its page is read in.

The French page and the English page share one seat pool, one waitlist, one
calendar UID and SEQUENCE, one check-in list and one line in the report.
"""

import datetime
import re

import icalendar
import pytest

from django.urls import reverse
from django.utils import timezone

from employers.workshops.factories import RegistrationFactory
from employers.workshops.impact import workshop_rows
from employers.workshops.models import Registration, WorkshopPage, WorkshopQuestion
from employers.workshops.services import registration as service
from home.impact.periods import Period
from tests.employers.translations import french_locale, publish_in_french
from tests.employers.workshops.test_workshop_registration import form

pytestmark = pytest.mark.django_db
Status = Registration.Status

FRENCH_TITLE = "L’embauche inclusive 101"
FRENCH_SUMMARY = "Des mesures concrètes pour embaucher des nouveaux arrivants."


@pytest.fixture
def french_workshop(workshop) -> WorkshopPage:
    return publish_in_french(
        workshop,
        title=FRENCH_TITLE,
        slug="embauche-inclusive-101",
        summary=FRENCH_SUMMARY,
    )


def register_on(client, page, n: int) -> Registration:
    email = f"person{n}@example.com"
    response = client.post(
        page.url + "register/", form(email=email, name=f"Person {n}")
    )
    assert response.status_code == 302, response.status_code
    return Registration.objects.get(email=email)


def seats_shown(client, page) -> str:
    """The availability line of the page, in whatever words its language uses."""
    html = client.get(page.url).text
    line = re.search(r'<p class="availability[^"]*">(.*?)</p>', html, re.S)[1]
    return " ".join(line.split())


def ics_event(client, url: str) -> icalendar.Event:
    response = client.get(url)
    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return event


def test_the_event_is_the_first_page_of_the_translation_group(
    workshop, french_workshop
):
    assert workshop.event.pk == workshop.pk
    assert french_workshop.event.pk == workshop.pk
    assert not french_workshop.is_event


def test_both_languages_fill_one_seat_pool_and_the_rest_wait(
    client, workshop, french_workshop
):
    workshop.max_seats_per_registration = 1
    workshop.save_revision().publish()

    # Three seats: English, French, English, then one more of each.
    pages = [workshop, french_workshop, workshop, workshop, french_workshop]
    made = [register_on(client, page, n) for n, page in enumerate(pages)]

    statuses = [registration.status for registration in made]
    assert statuses == [Status.CONFIRMED] * 3 + [Status.WAITLISTED] * 2
    assert {registration.workshop_id for registration in made} == {workshop.pk}
    assert [registration.language for registration in made] == [
        "en",
        "fr-ca",
        "en",
        "en",
        "fr-ca",
    ]
    assert service.seats_left(french_workshop) == 0
    english, french = (
        seats_shown(client, workshop),
        seats_shown(client, french_workshop),
    )
    assert english == "Waitlist open"
    assert french != english and french  # the same state, in French
    # The listings count the same pool on the French page.
    listed = service.with_seat_counts(
        WorkshopPage.objects.filter(pk=french_workshop.pk)
    ).get()
    assert service.availability(listed)["state"] == service.State.WAITLIST


def test_a_registration_on_one_language_reduces_the_seats_on_the_other(
    client, workshop, french_workshop
):
    register_on(client, french_workshop, 1)

    assert "2" in seats_shown(client, workshop)
    assert "2" in seats_shown(client, french_workshop)
    register_on(client, workshop, 2)
    assert "1" in seats_shown(client, workshop)
    assert "1" in seats_shown(client, french_workshop)


def test_both_calendar_files_carry_one_uid_and_sequence(
    client, workshop, french_workshop
):
    english = ics_event(client, workshop.url + "calendar/")
    french = ics_event(client, french_workshop.url + "calendar/")
    assert str(english["uid"]) == str(french["uid"])
    assert english["sequence"] == french["sequence"]

    workshop.start += datetime.timedelta(days=1)
    workshop.end += datetime.timedelta(days=1)
    workshop.save_revision().publish()

    moved_english = ics_event(client, workshop.url + "calendar/")
    moved_french = ics_event(client, french_workshop.url + "calendar/")
    assert str(moved_french["uid"]) == str(english["uid"])
    assert moved_english["sequence"] == moved_french["sequence"]
    assert moved_french["sequence"] == english["sequence"] + 1
    assert moved_french["dtstart"].dt == workshop.start


def test_the_french_calendar_file_is_in_french(client, workshop, french_workshop):
    event = ics_event(client, french_workshop.url + "calendar/")

    assert str(event["summary"]) == FRENCH_TITLE
    assert event["summary"].params["LANGUAGE"] == "fr-CA"
    assert FRENCH_SUMMARY in str(event["description"])
    assert "/fr-ca/workshops/embauche-inclusive-101/" in str(event["description"])


def test_each_language_has_a_feed_listing_each_event_once(
    client, workshop, french_workshop, online_workshop
):
    english = icalendar.Calendar.from_ical(client.get("/workshops/calendar/").content)
    french = icalendar.Calendar.from_ical(
        client.get("/fr-ca/workshops/calendar/").content
    )

    english_events = {str(e["uid"]): str(e["summary"]) for e in english.walk("VEVENT")}
    french_events = {str(e["uid"]): str(e["summary"]) for e in french.walk("VEVENT")}
    assert len(english.walk("VEVENT")) == 2 == len(french.walk("VEVENT"))
    assert english_events.keys() == french_events.keys()
    uid = f"workshop-{workshop.pk}@welcoming-workplaces"
    assert english_events[uid] == "Inclusive hiring 101"
    assert french_events[uid] == FRENCH_TITLE
    # Not translated yet: listed in French in the words there are.
    online = f"workshop-{online_workshop.pk}@welcoming-workplaces"
    assert french_events[online] == "Understanding work permits"


def test_publishing_the_event_updates_the_french_page(
    client, workshop, french_workshop
):
    workshop.capacity = 10
    workshop.start += datetime.timedelta(hours=1)
    workshop.end += datetime.timedelta(hours=1)
    workshop.save_revision().publish()

    french = WorkshopPage.objects.get(pk=french_workshop.pk)
    assert french.capacity == 10
    assert french.start == workshop.start
    assert french.title == FRENCH_TITLE
    assert "10" in seats_shown(client, french)
    assert "11\xa0h" in client.get(french.url).text


def test_a_translation_cannot_change_the_event(workshop, french_workshop):
    french_workshop.capacity = 99
    french_workshop.is_cancelled = True
    french_workshop.save_revision().publish()

    french_workshop.refresh_from_db()
    workshop.refresh_from_db()
    assert french_workshop.capacity == workshop.capacity == 3
    assert not french_workshop.is_cancelled and not workshop.is_cancelled


def test_cancelling_from_the_french_address_frees_the_seat_in_english(
    client, workshop, french_workshop, sent_mail
):
    workshop.waitlist_enabled = False
    workshop.save_revision().publish()
    register_on(client, workshop, 1)
    register_on(client, workshop, 2)
    leaving = register_on(client, french_workshop, 3)
    assert seats_shown(client, workshop) == "Full"
    token = service.registration_token(leaving)

    response = client.post(
        f"{french_workshop.url}registration/{token}/",
        {"action": "cancel", "confirm": "yes"},
    )

    assert response.status_code == 302
    assert response["Location"].startswith(french_workshop.url)
    assert "1 seat left" in seats_shown(client, workshop)
    page = client.get(f"{french_workshop.url}registration/{token}/")
    assert page["Content-Language"] == "fr-ca"
    english_page = client.get(f"{workshop.url}registration/{token}/")
    assert english_page["Content-Language"] == "en"


def test_cancelling_the_event_tells_everyone_once_in_their_language(
    client, workshop, french_workshop, sent_mail
):
    english = register_on(client, workshop, 1)
    french = register_on(client, french_workshop, 2)
    sent_mail().clear()

    workshop.is_cancelled = True
    workshop.save_revision().publish()
    workshop.save_revision().publish()

    notices = {message.to[0]: message for message in sent_mail()}
    assert len(sent_mail()) == 2
    assert notices[english.email].subject == "Cancelled: Inclusive hiring 101"
    assert FRENCH_TITLE in notices[french.email].subject
    assert WorkshopPage.objects.get(pk=french_workshop.pk).is_cancelled


def test_check_in_and_overview_show_one_event_with_both_languages(
    client, admin_user, workshop, french_workshop
):
    RegistrationFactory(workshop=workshop, name="Ana English")
    service.register(
        french_workshop,
        {"name": "Luc Français", "email": "luc@example.com", "organization": "O"},
    )
    client.force_login(admin_user)

    check_in = client.get(reverse("workshop_check_in", args=[french_workshop.pk]))
    assert check_in.status_code == 200
    assert "Ana English" in check_in.text and "Luc Français" in check_in.text
    overview = client.get(reverse("workshop_overview")).text
    assert overview.count(f'href="{reverse("workshop_check_in", args=[workshop.pk])}"')
    assert reverse("workshop_check_in", args=[french_workshop.pk]) not in overview
    listing = client.get(reverse("workshop_registrations:index"))
    assert "Ana English" in listing.text and "Luc Français" in listing.text
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[french_workshop.pk]))
    assert f"?workshop={workshop.pk}" in edit.text


def test_the_impact_report_counts_a_translated_workshop_once(workshop, french_workshop):
    start = timezone.now() - datetime.timedelta(days=3)
    WorkshopPage.objects.filter(translation_key=workshop.translation_key).update(
        start=start, end=start + datetime.timedelta(hours=2)
    )
    RegistrationFactory(workshop=workshop)
    Registration.objects.create(
        workshop=workshop,
        name="Luc",
        email="luc@example.com",
        organization="O",
        consent_version="test",
        language="fr-ca",
    )
    today = timezone.localdate()
    period = Period(
        start=today - datetime.timedelta(days=30),
        end=today,
        label="Last 30 days",
        slug="last-30-days",
    )

    rows = workshop_rows(period)

    assert [row["pk"] for row in rows] == [workshop.pk]
    assert rows[0]["registered"] == 2


def test_the_french_page_shows_the_venue_and_facilitator_in_french(
    client, workshop, french_workshop
):
    venue = workshop.venue
    french_venue = venue.copy_for_translation(french_locale())
    french_venue.name = "Bibliothèque d’Abbotsford"
    french_venue.save()
    facilitator = workshop.workshop_facilitators.get().facilitator
    french_facilitator = facilitator.copy_for_translation(french_locale())
    french_facilitator.role = "Animatrice"
    french_facilitator.save()

    french = client.get(french_workshop.url).text
    english = client.get(workshop.url).text

    assert "Bibliothèque d’Abbotsford" in french
    assert "Animatrice" in french
    assert "Abbotsford Library" in english and "Bibliothèque" not in english


def test_answers_to_translated_questions_are_kept_in_the_events_words(
    client, online_workshop
):
    french = publish_in_french(online_workshop, slug="permis-de-travail")
    labels = {
        "Which permits do your workers hold?": "Quels permis vos employés ont-ils ?",
        "How many newcomers do you employ?": "Combien de nouveaux arrivants ?",
    }
    for question in french.questions.all():
        WorkshopQuestion.objects.filter(pk=question.pk).update(
            label=labels[question.label],
            choices="Aucun\n1 à 5\nPlus de 5" if question.choices else "",
        )
    questions = {q.label: q for q in WorkshopQuestion.objects.filter(page=french)}
    page = client.get(french.url + "register/").text
    assert "Combien de nouveaux arrivants ?" in page

    text = questions["Quels permis vos employés ont-ils ?"].field_name
    choice = questions["Combien de nouveaux arrivants ?"].field_name
    response = client.post(
        french.url + "register/", form(**{text: "PTET", choice: "1 à 5"})
    )

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.workshop_id == online_workshop.pk
    assert registration.answers == {
        "Which permits do your workers hold?": "PTET",
        "How many newcomers do you employ?": "1 to 5",
    }
