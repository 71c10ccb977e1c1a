"""Every email to a French signer is in French, with links under /fr-ca/;
staff's own wording is used in the language they wrote it in."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta

from django.utils import translation

from wagtail.models import Site

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import (
    Pledge,
    PledgeEmailWording,
    PledgePage,
    PledgeSettings,
)
from employers.pledges.services import tasks
from employers.pledges.services.lifecycle import approve_pledge, reject_pledge
from tests.employers.pledges.test_pledge_languages import plain
from tests.employers.translations import french_locale, publish_in_french

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_pages(pledge_page) -> PledgePage:
    publish_in_french(pledge_page, title="Signez l’engagement", slug="engagement")
    publish_in_french(pledge_page.registry(), title="Registre", slug="registre")
    return pledge_page


def _site():
    return Site.objects.get(is_default_site=True)


def _by_signer(outbox) -> dict:
    return {message.to[0]: message for message in outbox}


def test_a_french_signer_gets_every_email_in_french_with_french_links(
    french_pages, commitments, sent_mail
):
    site = _site()
    pledge = PledgeFactory(
        language="fr-ca",
        contact_name="Dev Patel",
        status=Pledge.Status.PENDING,
        approved_at=None,
        commitments=commitments[:3],
    )
    with translation.override("en"):
        approve_pledge(pledge.pk, user=None, site=site)
    approved = sent_mail()[-1]
    assert approved.body.startswith("Bonjour Dev Patel,")
    assert "/fr-ca/engagement/registre/" in approved.body
    assert "/pledge/" not in approved.body

    # Halfway through the year: the progress check-in.
    pledge.refresh_from_db()
    halfway = pledge.approved_at + relativedelta(months=6, days=1)
    assert tasks.send_progress_checkins(french_pages, site, now=halfway) == 1
    progress = sent_mail()[-1]
    assert plain(progress.subject) == "Où en est votre engagement ?"
    assert "http://localhost/fr-ca/engagement/manage/" in progress.body

    # A month before expiry: the renewal reminder.
    soon = pledge.expires_at - datetime.timedelta(days=29)
    assert tasks.send_renewal_reminders(french_pages, site, now=soon) == 1
    renewal = sent_mail()[-1]
    assert plain(renewal.subject).startswith("Il est temps de renouveler")
    assert "http://localhost/fr-ca/engagement/manage/" in renewal.body

    with translation.override("en"):
        reject_pledge(pledge.pk, user=None, site=site, reason="Pas un employeur.")
    rejected = sent_mail()[-1]
    assert plain(rejected.subject) == (
        f"Au sujet de l'engagement de {pledge.organization_name}"
    )
    assert "Pas un employeur." in rejected.body
    assert rejected.body.startswith("Bonjour Dev Patel,")
    for message in sent_mail():
        assert "Hello" not in message.body


def wording_in_both_languages() -> PledgeEmailWording:
    """English wording chosen in the settings, and its French translation."""
    english = PledgeEmailWording.objects.create(
        rejected_subject="Sorry, {organization}",
        rejected_body="We cannot list {organization}: {reason}",
        approved_subject="Welcome, {organization}",
    )
    french = english.copy_for_translation(french_locale())
    french.rejected_subject = "Désolés, {organization}"
    french.rejected_body = "Nous ne pouvons pas inscrire {organization} : {reason}"
    french.approved_subject = ""  # not translated: the standard French wording
    french.save()
    program = PledgeSettings.for_site(_site())
    program.email_wording = english
    program.save()
    return english


def test_staff_wording_reaches_each_signer_in_their_language(french_pages, sent_mail):
    wording_in_both_languages()
    french = PledgeFactory(language="fr-ca", status=Pledge.Status.PENDING)
    english = PledgeFactory(status=Pledge.Status.PENDING, email="b@acme.example")

    for pledge in (french, english):
        reject_pledge(pledge.pk, user=None, site=_site(), reason="Doublon.")

    by_signer = _by_signer(sent_mail())
    assert by_signer[french.email].subject == f"Désolés, {french.organization_name}"
    assert by_signer[french.email].body == (
        f"Nous ne pouvons pas inscrire {french.organization_name} : Doublon."
    )
    assert by_signer[english.email].subject == f"Sorry, {english.organization_name}"
    assert by_signer[english.email].body.startswith("We cannot list")


def test_an_empty_translated_field_falls_back_to_the_standard_french(
    french_pages, sent_mail
):
    wording_in_both_languages()
    french = PledgeFactory(
        language="fr-ca", status=Pledge.Status.PENDING, approved_at=None
    )
    english = PledgeFactory(
        status=Pledge.Status.PENDING, approved_at=None, email="b@acme.example"
    )

    for pledge in (french, english):
        approve_pledge(pledge.pk, user=None, site=_site())

    by_signer = _by_signer(sent_mail())
    assert by_signer[english.email].subject == (f"Welcome, {english.organization_name}")
    assert by_signer[french.email].subject == (
        f"{french.organization_name} figure maintenant dans le registre des engagements"
    )


def test_wording_without_a_french_translation_leaves_french_signers_the_standard(
    french_pages, sent_mail
):
    program = PledgeSettings.for_site(_site())
    program.email_wording = PledgeEmailWording.objects.create(
        rejected_subject="Sorry, {organization}"
    )
    program.save()
    french = PledgeFactory(language="fr-ca", status=Pledge.Status.PENDING)

    reject_pledge(french.pk, user=None, site=_site(), reason="Doublon.")

    assert plain(sent_mail()[-1].subject) == (
        f"Au sujet de l'engagement de {french.organization_name}"
    )


def test_staff_find_where_to_translate_the_wording(admin_client, pledge_page):
    page = admin_client.get(
        f"/admin/settings/pledges/pledgesettings/{_site().pk}/"
    ).content.decode()

    assert "Pledge email wording (Translate)" in page
    listing = admin_client.get("/admin/snippets/pledges/pledgeemailwording/")
    assert listing.status_code == 200
