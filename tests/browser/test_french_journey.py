"""A francophone employer uses the demo site in French from end to end."""

import re

import icalendar
import pytest

from django.core import mail

from employers.pledges.models import Pledge
from employers.workshops.models import Registration

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORKSHOP_EN = "/workshops/inclusive-hiring-101/"
WORKSHOP_FR = "/fr-ca/ateliers/embauche-inclusive-101/"
# A French time as Canadian French writes it, with no-break spaces: "9 h",
# "13 h 30".
FRENCH_TIME = re.compile(r"\b\d{1,2}\xa0h(\xa0\d{2})?\b")
ENGLISH_TIME = re.compile(r"\b\d{1,2}:\d{2}\s*[ap]\.?m\.?", re.IGNORECASE)


def seats_left(tab, url: str) -> int:
    tab.goto(url)
    return int(re.search(r"\d+", tab.locator(".availability").inner_text())[0])


def link_in(message, route: str) -> str:
    return re.search(rf"https?://[^/\s]+(/\S*/{route}/\S+/)", message.body)[1]


def test_a_francophone_employer_reads_registers_cancels_and_signs_the_pledge(
    live_server, demo_site, page
):
    # Home in French, then a French guide from the guide library.
    page.goto(live_server.url + "/fr-ca/")
    assert page.locator("html").get_attribute("lang") == "fr-ca"
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Guides").first.click()
    assert page.url.endswith("/fr-ca/guides/")
    with page.expect_navigation():
        page.get_by_role(
            "link", name="Comprendre les permis de travail et les voies d’embauche"
        ).first.click()
    assert "/fr-ca/guides/" in page.url
    assert "permis de travail" in page.locator("h1").inner_text()

    # Register for a French workshop: the English page shows one seat fewer.
    english_before = seats_left(page, live_server.url + WORKSHOP_EN)
    assert seats_left(page, live_server.url + WORKSHOP_FR) == english_before
    with page.expect_navigation():
        page.get_by_role("link", name="S’inscrire").first.click()
    page.get_by_label("Votre nom").fill("Émilie Gagnon")
    page.get_by_label("Courriel professionnel").fill("emilie@boulangerie.example")
    page.get_by_label("Organisation", exact=True).fill("Boulangerie du Fraser")
    page.get_by_label("Secteur").select_option(label="Fabrication")
    page.get_by_label("Taille de l’organisation").select_option(
        label="10 à 49 employés"
    )
    page.get_by_label("J’accepte que le partenariat conserve").check()
    page.wait_for_timeout(3100)  # the form refuses answers faster than a person
    with page.expect_navigation():
        page.get_by_role("button", name="S’inscrire").click()
    assert "inscription est confirmée" in page.get_by_role("status").inner_text()
    assert seats_left(page, live_server.url + WORKSHOP_EN) == english_before - 1

    # The confirmation and its calendar file are in French, with French times.
    (confirmation,) = [m for m in mail.outbox if "emilie@" in m.to[0]]
    assert FRENCH_TIME.search(confirmation.body)
    assert not ENGLISH_TIME.search(confirmation.body)
    assert "/fr-ca/ateliers/" in confirmation.body
    _name, content, _type = confirmation.attachments[0]
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "L’embauche inclusive 101"
    assert "Inclusive" not in str(event["description"])
    registration = Registration.objects.get(email="emilie@boulangerie.example")
    assert registration.language == "fr-ca"
    english_uid = registration.workshop.event.pk
    assert str(english_uid) in str(event["uid"])

    # Cancel from the personal page, in French: the seat comes back.
    page.goto(live_server.url + link_in(confirmation, "registration"))
    with page.expect_navigation():
        page.get_by_role("button", name="Annuler mon inscription", exact=True).click()
    assert "Voulez-vous vraiment" in page.locator("h1").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Oui, annuler mon inscription").click()
    assert "annulée" in page.get_by_role("status").inner_text()
    assert seats_left(page, live_server.url + WORKSHOP_EN) == english_before

    # Sign the pledge in French.
    page.goto(live_server.url + "/fr-ca/engagement/")
    page.get_by_label("Nom de l’organisation", exact=True).fill("Boulangerie du Fraser")
    page.get_by_label("Secteur", exact=True).select_option(label="Fabrication")
    page.get_by_label("Nombre d’employés", exact=True).select_option(
        label="10 à 49 employés"
    )
    page.get_by_label("Communauté", exact=True).select_option(label="Abbotsford")
    page.get_by_label("Votre nom", exact=True).fill("Émilie Gagnon")
    page.get_by_label("Titre du poste", exact=True).fill("Propriétaire")
    page.get_by_label("Courriel professionnel", exact=True).fill(
        "emilie@boulangerie.example"
    )
    for position in range(3):
        page.locator(f"#id_commitments_{position}").check()
    page.get_by_label("J’accepte que le nom").check()
    page.wait_for_timeout(3100)
    with page.expect_navigation():
        page.get_by_role("button", name="Signer l’engagement").click()
    assert "Merci" in page.locator("h1").inner_text()
    verification = mail.outbox[-1]
    assert verification.to == ["emilie@boulangerie.example"]
    page.goto(live_server.url + link_in(verification, "confirm"))
    with page.expect_navigation():
        page.get_by_role("button").filter(has_text="Confirmer").click()
    pledge = Pledge.objects.get(organization_name="Boulangerie du Fraser")
    assert pledge.status == Pledge.Status.PENDING
    assert pledge.language == "fr-ca"

    # A moderator approves it in the English admin.
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("welcome-workplaces")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + f"/admin/snippets/pledges/pledge/inspect/{pledge.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Approve").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, approve").click()
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.APPROVED
    page.context.clear_cookies()

    # The approval email is in French and leads to the French registry.
    approval = mail.outbox[-1]
    assert approval.to == ["emilie@boulangerie.example"]
    assert "/fr-ca/engagement/registre/" in approval.body
    assert "approved" not in approval.subject.lower()

    # Listed in both registries; the French profile offers a French badge.
    page.goto(live_server.url + "/pledge/registry/")
    assert "Boulangerie du Fraser" in page.locator("main").inner_text()
    page.goto(live_server.url + "/fr-ca/engagement/registre/")
    with page.expect_navigation():
        page.get_by_role("link", name="Boulangerie du Fraser").first.click()
    assert page.locator("h1").inner_text() == "Boulangerie du Fraser"
    badge_src = page.locator("img[src$='badge.svg']").first.get_attribute("src")
    assert badge_src.startswith("/fr-ca/")
    badge = page.request.get(live_server.url + badge_src).text()
    assert 'xml:lang="fr-ca"' in badge
    for english in ("level", "signed", "Inclusive", "Committed"):
        assert english not in badge
