"""Signers hear from us in the language they signed in; staff in their own."""

import datetime
import io
import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone, translation

from wagtail.models import Site
from wagtail.users.models import UserProfile

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import (
    Pledge,
    PledgeEmailWording,
    PledgePage,
    PledgeSettings,
)
from tests.employers.pledges.test_pledge_signing import sign_data
from tests.employers.translations import publish_in_french

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def plain(text: str) -> str:
    """Straight apostrophes and plain spaces, as typed in these tests."""
    return text.replace("’", "'").replace(NBSP, " ").replace("\u202f", " ")


def link_in(message, route: str) -> str:
    return re.search(rf"http://\S+/{route}/[\w-]+/", message.body)[0]


@pytest.fixture
def french_pledge_page(pledge_page) -> PledgePage:
    """/fr-ca/engagement/, with its registry at /fr-ca/engagement/registre/."""
    page = publish_in_french(
        pledge_page, title="Signez l’engagement", slug="engagement"
    )
    publish_in_french(pledge_page.registry(), title="Registre", slug="registre")
    return page


def moderator(django_user_model, username: str, admin_language: str = ""):
    """A pledge moderator; ``admin_language`` as chosen in their account."""
    user = django_user_model.objects.create_user(
        username, f"{username}@lip.example", "pw", is_staff=True
    )
    group, _created = Group.objects.get_or_create(name="Pledge moderators (test)")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_pledge",
                "moderate_pledge",
                "view_pledge_contact",
            ]
        )
    )
    user.groups.add(group)
    if admin_language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
    return user


def approve_in_admin(client, user, pledge) -> None:
    client.force_login(user)
    url = f"/admin/bulk/pledges/pledge/approve/?id={pledge.pk}&next=/admin/"
    assert client.post(url).status_code == 302


def test_a_french_signer_hears_in_french_and_each_moderator_in_their_language(
    client, french_pledge_page, commitments, django_user_model, sent_mail
):
    english_moderator = moderator(django_user_model, "mod")
    moderator(django_user_model, "modfr", admin_language="fr")

    response = client.post(french_pledge_page.url, sign_data(commitments))

    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.language == "fr-ca"
    (verification,) = sent_mail()
    assert plain(verification.subject) == (
        "Confirmez votre courriel pour signer l'engagement"
    )
    assert verification.body.startswith("Bonjour Dev Patel,")
    confirm = link_in(verification, "confirm")
    assert confirm.startswith("http://testserver/fr-ca/engagement/confirm/")

    client.post(confirm)

    received, *notices = sent_mail()[1:]
    assert received.to == [pledge.email]
    assert received.subject == "Nous avons reçu votre engagement"
    assert "http://testserver/fr-ca/engagement/" in received.body
    by_reader = {message.to[0]: message for message in notices}
    assert by_reader["mod@lip.example"].subject == (
        "New pledge to review: Valley Fresh Produce Ltd."
    )
    assert plain(by_reader["modfr@lip.example"].subject) == (
        "Nouvel engagement à examiner : Valley Fresh Produce Ltd."
    )

    # The moderator uses the admin in English; the signer still reads French.
    with translation.override("en"):
        approve_in_admin(client, english_moderator, pledge)

    approved = sent_mail()[-1]
    assert approved.to == [pledge.email]
    assert approved.subject == (
        "Valley Fresh Produce Ltd. figure maintenant dans le registre des engagements"
    )
    assert approved.body.startswith("Bonjour Dev Patel,")
    profile = f"http://localhost/fr-ca/engagement/registre/{pledge.slug}/"
    assert profile in approved.body
    assert profile + "badge.svg" in approved.body
    assert "http://localhost/fr-ca/engagement/manage/\n" in approved.body


def test_the_notice_address_reads_the_default_language_unless_it_is_staff(
    client, french_pledge_page, commitments, django_user_model, sent_mail
):
    site_settings = PledgeSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.notify_email = "pledges@lip.example"
    site_settings.save()

    client.post(french_pledge_page.url, sign_data(commitments))
    client.post(link_in(sent_mail()[0], "confirm"))

    notice = sent_mail()[-1]
    assert notice.to == ["pledges@lip.example"]
    assert notice.subject == "New pledge to review: Valley Fresh Produce Ltd."

    user = moderator(django_user_model, "pledges", admin_language="fr")
    assert user.email == "pledges@lip.example"
    client.post(
        french_pledge_page.url,
        sign_data(commitments, organization_name="Fraser Lumber", email="a@f.example"),
    )
    client.post(link_in(sent_mail()[-1], "confirm"))

    assert plain(sent_mail()[-1].subject) == (
        "Nouvel engagement à examiner : Fraser Lumber"
    )


def test_an_english_signer_on_a_bilingual_site_hears_in_english(
    client, pledge_page, french_pledge_page, commitments, sent_mail
):
    client.post(pledge_page.url, sign_data(commitments))

    pledge = Pledge.objects.get()
    assert pledge.language == "en"
    (verification,) = sent_mail()
    assert verification.subject == "Confirm your email to sign the pledge"
    assert "/fr-ca/" not in verification.body


def test_scheduled_reminders_and_manage_links_are_in_the_signers_language(
    french_pledge_page, commitments, sent_mail
):
    french = PledgeFactory(
        language="fr-ca",
        email="dev@valleyfresh.example",
        expires_at=timezone.now() + datetime.timedelta(days=20),
        commitments=commitments[:2],
    )
    english = PledgeFactory(
        email="ana@acme.example",
        expires_at=timezone.now() + datetime.timedelta(days=20),
        commitments=commitments[:2],
    )

    with translation.override("en"):
        call_command("run_scheduled_tasks", stdout=io.StringIO())

    reminders = {message.to[0]: message for message in sent_mail()}
    renewal = reminders[french.email]
    assert plain(renewal.subject) == (
        f"Il est temps de renouveler l'engagement de {french.organization_name}"
    )
    expires = re.search(r"expire le (.+?)\.", renewal.body)[1]
    day, month, year = expires.split(NBSP if NBSP in expires else " ")
    assert re.fullmatch(r"1er|[1-9]|[12]\d|3[01]", day), expires
    assert month in FRENCH_MONTHS and re.fullmatch(r"\d{4}", year), expires
    assert "/fr-ca/engagement/manage/" in renewal.body
    assert "/fr-ca/" not in reminders[english.email].body
    assert reminders[english.email].subject.startswith("Time to renew")


FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def test_staff_wording_in_the_default_language_is_not_sent_to_french_signers(
    client, french_pledge_page, django_user_model, sent_mail
):
    program = PledgeSettings.for_site(Site.objects.get(is_default_site=True))
    program.email_wording = PledgeEmailWording.objects.create(
        rejected_subject="Sorry, {organization}"
    )
    program.save()
    user = moderator(django_user_model, "mod")
    client.force_login(user)
    french = PledgeFactory(language="fr-ca", status=Pledge.Status.PENDING)
    english = PledgeFactory(status=Pledge.Status.PENDING, email="b@acme.example")

    for pledge in (french, english):
        url = f"/admin/bulk/pledges/pledge/reject/?id={pledge.pk}&next=/admin/"
        client.post(url, {"reason": "Not an employer."})

    by_signer = {message.to[0]: message for message in sent_mail()}
    assert by_signer[english.email].subject == f"Sorry, {english.organization_name}"
    assert plain(by_signer[french.email].subject) == (
        f"Au sujet de l'engagement de {french.organization_name}"
    )
