"""Hostile input across the site: never a 500, never a stray row.

The filters of the registry (and its CSV and JSON), the workshop listings and
the guide library, site search, a guide's "Was this helpful?" form, raw query
strings as a server passes them on (any bytes, broken escapes), and raw
bodies of any content type and method at every public form.
"""

import random

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from django.test import Client

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from employers.pledges.services.lifecycle import issue_manage_link
from employers.workshops.models import WorkshopFormat
from home.choices import Sector, SizeBand
from resources.factories import GuideIndexPageFactory, GuidePageFactory
from resources.models import HiringStage
from tests.employers.pledges.fixtures import COMMUNITIES
from tests.reliability.fuzzing import (
    FUZZ,
    exercise,
    extremes,
    mutated,
    queries,
    raw_query_strings,
)
from tests.reliability.traffic import shown_at

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

PAGES = ["1", "2", "0", "-1", "last", "999999"]


@pytest.fixture
def site(pledge_page, commitments, workshop, topics) -> dict:
    """One of everything public: a listed pledge, a workshop and a guide."""
    pledge = PledgeFactory(
        organization_name="Valley Foods",
        slug="valley-foods",
        community=COMMUNITIES[0],
        commitments=commitments,
    )
    guides = GuideIndexPageFactory(parent=pledge_page.get_parent())
    GuidePageFactory(
        parent=guides,
        slug="work-permits",
        classify__topics=[topics["permits"]],
        classify__stages=["hire"],
    )
    return {
        "pledge": pledge,
        "commitments": [str(c.pk) for c in commitments],
        "manage": issue_manage_link(pledge_page, pledge).removeprefix(
            "http://localhost"
        ),
        "workshop": workshop,
    }


@FUZZ
@given(
    data=st.data(),
    path=st.sampled_from(
        [
            "/pledge/registry/",
            "/pledge/registry/registry.csv",
            "/pledge/registry/registry.json",
        ]
    ),
)
def test_registry_filters(site, data, path):
    query = data.draw(
        queries(
            {
                "q": ["valley", "Valley Foods"],
                "sector": Sector.values,
                "community": COMMUNITIES,
                "size": SizeBand.values,
                "commitment": site["commitments"],
                "level": Pledge.Level.values,
                "sort": ["newest", "name"],
                "page": PAGES,
            }
        )
    )
    exercise(f"registry {path}", lambda: Client().get(path, query))


@FUZZ
@given(data=st.data(), path=st.sampled_from(["/workshops/", "/workshops/past/"]))
def test_workshop_filters(site, data, path):
    query = data.draw(
        queries(
            {
                "topic": ["recruiting"],
                "format": WorkshopFormat.values,
                "month": ["2026-12", "2027-01"],
                "page": PAGES,
            }
        )
    )
    exercise(f"workshops {path}", lambda: Client().get(path, query))


@FUZZ
@given(data=st.data())
def test_guide_filters(site, data):
    query = data.draw(
        queries(
            {
                "topic": ["permits", "credentials"],
                "stage": HiringStage.Code.values,
                "q": ["permit", "work permits"],
                "sort": ["newest", "title"],
                "page": PAGES,
            }
        )
    )
    exercise("guides", lambda: Client().get("/guides/", query))


@FUZZ
@given(data=st.data(), path=st.sampled_from(["/search/", "/fr-ca/search/"]))
def test_search(site, data, path):
    query = data.draw(queries({"q": ["permit", "credentials"], "page": PAGES}))
    exercise(f"search {path}", lambda: Client().get(path, query))


@FUZZ
@given(data=st.data())
def test_guide_feedback(site, data):
    valid = {"helpful": "yes", "comment": "", "homepage": "", "shown_at": shown_at()}
    post = data.draw(mutated(valid))
    path = "/guides/work-permits/feedback/"
    exercise("guide feedback", lambda: Client().post(path, post))


# Every GET parameter of every public listing, with the values a person picks.
GET_PARAMETERS = {
    "/workshops/": {
        "month": ["2026-12", "2027-01"],
        "format": WorkshopFormat.values,
        "topic": ["recruiting"],
        "page": PAGES,
    },
    "/guides/": {
        "topic": ["permits"],
        "stage": HiringStage.Code.values,
        "q": ["permit"],
        "sort": ["newest", "title"],
        "page": PAGES,
    },
    "/pledge/registry/": {
        "q": ["valley"],
        "sector": Sector.values,
        "community": COMMUNITIES,
        "size": SizeBand.values,
        "level": Pledge.Level.values,
        "sort": ["newest", "name"],
        "page": PAGES,
    },
    "/search/": {"q": ["permit"], "page": PAGES},
    "/pledge/registry/data-dictionary/": {"page": PAGES, "format": ["csv"]},
}
GET_PARAMETERS["/workshops/past/"] = GET_PARAMETERS["/workshops/"]
GET_PARAMETERS["/pledge/registry/registry.csv"] = GET_PARAMETERS["/pledge/registry/"]
GET_PARAMETERS["/pledge/registry/registry.json"] = GET_PARAMETERS["/pledge/registry/"]
EXTREME_TARGETS = [
    (language + path, name)
    for language in ("", "/fr-ca")
    for path, parameters in GET_PARAMETERS.items()
    for name in parameters
]


@FUZZ
@given(
    target=st.sampled_from(EXTREME_TARGETS),
    value=extremes(),
    seed=st.integers(min_value=0, max_value=2**16),
)
@example(target=("/workshops/", "month"), value="9999-12", seed=0)
@example(target=("/workshops/past/", "month"), value="9999-12", seed=0)
@example(target=("/fr-ca/workshops/", "month"), value="0001-01", seed=0)
@example(target=("/pledge/registry/", "page"), value=str(2**64), seed=0)
def test_extreme_dates_and_numbers_in_every_get_parameter(site, target, value, seed):
    """One parameter at the ends of the calendar or of integers, the others
    as a person picks them (some, chosen by ``seed``): ``/workshops/?month=
    9999-12`` was a 500."""
    path, name = target
    pick = random.Random(seed)
    valid = GET_PARAMETERS[path.removeprefix("/fr-ca")]
    query = {
        other: pick.choice(choices)
        for other, choices in valid.items()
        if other != name and pick.random() < 0.5
    }
    query[name] = value
    exercise(f"extreme {path} {name}", lambda: Client().get(path, query))


GET_PAGES = [
    "/",
    "/guides/work-permits/",
    "/pledge/",
    "/pledge/thank-you/",
    "/pledge/confirm/",
    "/pledge/manage/",
    "/pledge/registry/valley-foods/",
    "/pledge/registry/valley-foods/badge.svg",
    "/pledge/registry/valley-foods/logo/",
    "/workshops/calendar/",
    "/workshops/inclusive-hiring-101/",
    "/workshops/inclusive-hiring-101/calendar/",
    "/workshops/inclusive-hiring-101/register/",
    "/sitemap.xml",
    "/robots.txt",
]


@FUZZ
@given(path=st.sampled_from(GET_PAGES), query=raw_query_strings())
def test_raw_query_strings(site, path, query):
    exercise("raw query string", lambda: Client().get(path, QUERY_STRING=query))


POST_FORMS = [
    "/pledge/",
    "/pledge/confirm/",
    "/pledge/manage/",
    "/guides/work-permits/feedback/",
    "/workshops/inclusive-hiring-101/register/",
]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=nonsense",
    "multipart/form-data; boundary=BoUnDaRy",
    "multipart/form-data",
    "application/json",
    "text/plain",
    "",
]
MULTIPART_PIECES = [
    b"--BoUnDaRy\r\n",
    b'Content-Disposition: form-data; name="email"\r\n\r\n',
    b'Content-Disposition: form-data; name="logo"; filename="x.png"\r\n',
    b"Content-Type: image/png\r\n\r\n",
    b"--BoUnDaRy--\r\n",
    b"\r\n",
    b"email=a%40b.c&commitments=1&commitments=x",
]


@FUZZ
@given(
    path=st.sampled_from([*POST_FORMS, "manage"]),
    method=st.sampled_from(["POST", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD"]),
    content_type=st.sampled_from(CONTENT_TYPES),
    body=st.lists(
        st.one_of(st.binary(max_size=200), st.sampled_from(MULTIPART_PIECES)),
        max_size=8,
    ).map(b"".join),
)
def test_raw_bodies(site, path, method, content_type, body):
    path = site["manage"] if path == "manage" else path
    exercise(
        f"raw body {method}",
        lambda: Client().generic(method, path, body, content_type=content_type),
    )
