"""Every French page type of the demo in a real browser: accessible, in French."""

import pytest

from employers.pledges.models import Pledge
from employers.workshops.models import WorkshopPage
from employers.workshops.services import registration as service

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORKSHOP = "/fr-ca/ateliers/embauche-inclusive-101/"
PAGES = {
    "home": "/fr-ca/",
    "standard page": "/fr-ca/a-propos/",
    "privacy": "/fr-ca/confidentialite/",
    "accessibility": "/fr-ca/accessibilite/",
    "guide index": "/fr-ca/guides/",
    "guide": "/fr-ca/guides/permis-de-travail-et-voies-d-embauche/",
    "workshop index": "/fr-ca/ateliers/",
    "past workshops": "/fr-ca/ateliers/past/",
    "workshop": WORKSHOP,
    "registration form": WORKSHOP + "register/",
    "pledge page": "/fr-ca/engagement/",
    "manage link form": "/fr-ca/engagement/manage/",
    "registry": "/fr-ca/engagement/registre/",
    "data dictionary": "/fr-ca/engagement/registre/data-dictionary/",
    "search results": "/fr-ca/search/?q=permis",
    "not found": "/fr-ca/aucune-page/",
}


def test_every_french_page_type_is_accessible_and_french(
    live_server, demo_site, page, axe_violations
):
    french = WorkshopPage.objects.get(slug="embauche-inclusive-101")
    outcome = service.register(
        french, {"name": "Émilie", "email": "emilie@example.com", "organization": "B"}
    )
    listed = Pledge.objects.listed().first()
    urls = {
        **PAGES,
        "registrant's page": WORKSHOP + f"registration/{outcome.token}/",
        "registry profile": f"/fr-ca/engagement/registre/{listed.slug}/",
    }
    reports = {}
    for name, url in urls.items():
        response = page.goto(live_server.url + url)
        assert response.status == (404 if name == "not found" else 200), name
        assert page.locator("html").get_attribute("lang") == "fr-ca", name
        if report := axe_violations(page):
            reports[name] = report
    assert reports == {}, "\n".join(f"{k}: {v}" for k, v in reports.items())


def test_english_page_reached_from_a_missing_french_one_says_so_in_french(
    live_server, demo_site, page, axe_violations
):
    english_only = "/guides/interview-across-cultures/"
    response = page.goto(live_server.url + "/fr-ca" + english_only + "?ref=menu")
    assert response.status == 200
    assert page.url == live_server.url + english_only + "?ref=menu"
    note = page.locator("li.message[lang=fr-ca]", has_text="pas encore")
    assert note.count() == 1
    assert axe_violations(page) == ""
