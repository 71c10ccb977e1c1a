"""The registry's CSV and JSON: the listing's filters, public fields, a licence."""

import csv
import datetime
import io
import json

import pytest

from django.utils import timezone

from employers.pledges.factories import PledgeFactory
from home.choices import Sector

pytestmark = pytest.mark.django_db

CSV_URL = "/pledge/registry/registry.csv"
JSON_URL = "/pledge/registry/registry.json"


def _text(response) -> str:
    """A streamed download's text, without the byte-order mark."""
    return response.getvalue().decode("utf-8-sig")


def _rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_text(response))))


def test_csv_lists_public_fields_of_listed_pledges(client, listed_pledge):
    listed_pledge.renewed_at = timezone.now()
    listed_pledge.save()
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="pledge-registry-'
    )
    assert response["Content-Disposition"].endswith('.csv"')
    assert response["X-Licence"] == (
        "cc-by-4.0 <https://creativecommons.org/licenses/by/4.0/>"
    )
    body = response.getvalue()
    # A byte-order mark first, or Excel reads "Café" as "CafÃ©".
    assert body.startswith(b"\xef\xbb\xbforganization,website,sector_code,")
    [row] = csv.DictReader(io.StringIO(body.decode("utf-8-sig")))
    today = timezone.localdate().isoformat()
    assert row == {
        "organization": "Valley Berry Farms",
        "website": "https://www.valley-berry-farms.example",
        "sector_code": "11",
        "sector": "Agriculture, forestry, fishing and hunting",
        "community": "Chilliwack",
        "size_band": "10-49",
        "size": "10–49 employees",
        "level": "active",
        "level_label": "Active",
        "commitments": (
            "Remove Canadian-experience requirements; Offer a workplace buddy; "
            "Support language learning"
        ),
        "signed": today,
        "last_renewed": today,
        "expires": timezone.localdate(listed_pledge.expires_at).isoformat(),
        "profile_url": "http://testserver/pledge/registry/valley-berry-farms/",
    }


def test_json_lists_the_same_with_licence_count_and_date(client, listed_pledge):
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.getvalue())
    assert data["licence"] == {
        "code": "cc-by-4.0",
        "name": "Creative Commons Attribution 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["count"] == 1
    generated = datetime.datetime.fromisoformat(data["generated"])
    assert abs(timezone.now() - generated) < datetime.timedelta(minutes=1)
    [organization] = data["organizations"]
    assert organization["organization"] == "Valley Berry Farms"
    assert organization["commitments"] == [
        "Remove Canadian-experience requirements",
        "Offer a workplace buddy",
        "Support language learning",
    ]
    assert organization["last_renewed"] is None
    assert organization["profile_url"].endswith("/pledge/registry/valley-berry-farms/")


def test_open_data_applies_the_listing_filters(
    client, listed_pledge, named_commitments
):
    PledgeFactory(organization_name="Hope Health", sector=Sector.HEALTH)
    PledgeFactory(
        organization_name="Hope Hardware",
        sector=Sector.RETAIL,
        commitments=[named_commitments["buddy"]],
    )
    query = {"q": "hope", "sort": "name"}
    assert [r["organization"] for r in _rows(client.get(CSV_URL, query))] == [
        "Hope Hardware",
        "Hope Health",
    ]
    query = {"commitment": named_commitments["buddy"].pk, "sort": "name"}
    data = json.loads(client.get(JSON_URL, query).getvalue())
    assert [o["organization"] for o in data["organizations"]] == [
        "Hope Hardware",
        "Valley Berry Farms",
    ]
    assert data["count"] == 2
    # An invalid filter is ignored, as on the listing.
    assert len(_rows(client.get(CSV_URL, {"sector": "nope"}))) == 3


def test_csv_neutralizes_spreadsheet_formulas(client, registry):
    PledgeFactory(
        organization_name='=HYPERLINK("http://evil.example")',
        slug="formula",
        community="+Abbotsford",
    )
    [row] = _rows(client.get(CSV_URL))
    assert row["organization"] == '\'=HYPERLINK("http://evil.example")'
    assert row["community"] == "'+Abbotsford"


def test_open_data_states_the_licence_chosen_by_staff(client, registry):
    registry.licence = registry.Licence.OGL_CANADA
    registry.save_revision().publish()
    response = client.get(JSON_URL)
    assert json.loads(response.getvalue())["licence"]["name"] == (
        "Open Government Licence – Canada"
    )
    assert client.get(CSV_URL)["X-Licence"].startswith("ogl-ca <https://open.canada")
