"""No public address shows a person's details, whatever people have sent us.

Seeds pledge contacts, workshop registrants (with a phone number answer and
accommodation needs), workshop feedback and a reader's comment, then fetches
every public page, download and feed as an anonymous visitor.
"""

import pytest

from tests.home.fixtures import People

pytestmark = pytest.mark.django_db

PUBLIC = [
    ("/", 200),
    ("/guides/", 200),
    ("/guides/?topic=recruiting&stage=hire", 200),
    ("{guide}", 200),
    ("/search/?q=Maria", 200),
    ("/search/?q=Registrant", 200),
    ("/search/?q=Secretname", 200),
    ("/search/?q=interpreter", 200),
    ("/search/?q=604-555", 200),
    ("/pledge/", 200),
    ("/pledge/registry/", 200),
    ("/pledge/registry/?q=valley", 200),
    ("/pledge/registry/registry.csv", 200),
    ("/pledge/registry/registry.json", 200),
    ("/pledge/registry/valley-berry-farms/", 200),
    ("/pledge/registry/valley-berry-farms/badge.svg", 200),
    ("/pledge/registry/quiet-co/", 404),
    ("/pledge/manage/", 200),
    ("/workshops/", 200),
    ("/workshops/past/", 200),
    ("/workshops/calendar/", 200),
    ("/workshops/inclusive-hiring-101/", 200),
    ("/workshops/inclusive-hiring-101/register/", 200),
    ("/workshops/inclusive-hiring-101/calendar/", 200),
    ("/workshops/inclusive-hiring-101/registration/not-a-real-token/", 404),
    ("/sitemap.xml", 200),
    ("/robots.txt", 200),
]


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize(("path", "status"), PUBLIC, ids=[p for p, _ in PUBLIC])
def test_public_pages_never_show_personal_details(client, people, path, status):
    path = path.format(guide=people.guide_feedback.guide.url)
    response = client.get(path)
    assert response.status_code == status
    body = _body(response)
    assert [secret for secret in People.all_secrets() if secret in body] == []


def test_the_workshop_page_is_public_while_its_registrants_are_not(client, people):
    """The page the registrants signed up on is there; only they are missing."""
    body = client.get("/workshops/inclusive-hiring-101/").text
    assert "Inclusive hiring 101" in body
    assert "Valley Food Co" not in body
