"""The registry's CSV and JSON are streamed, stored under the content version and
revalidated: a fixed number of queries however many pledges, a repeat read from
disk, 304 when nothing changed, and every byte even when nothing can be stored."""

import csv
import datetime
import io
import json

import pytest

from django.core.cache import cache
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge, PledgeCommitment
from employers.pledges.models.pledges import normalize_organization_name
from home.choices import Sector, SizeBand
from tests.employers.translations import french_locale, publish_in_french

pytestmark = pytest.mark.django_db

CSV_URL = "/pledge/registry/registry.csv"
JSON_URL = "/pledge/registry/registry.json"
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def stored(settings, tmp_path):
    """The page cache on, as in production, with files in a folder of the test's."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.OPEN_DATA_CACHE_DIR = tmp_path / "open-data"
    return settings.OPEN_DATA_CACHE_DIR


@pytest.fixture
def french_registry(registry, named_commitments):
    """The registry under /fr-ca/engagement/registre/, commitments in French."""
    publish_in_french(registry.get_parent().specific, slug="engagement")
    for commitment in named_commitments.values():
        copy = commitment.copy_for_translation(french_locale())
        copy.title = f"FR {commitment.title}"
        copy.save()
    return publish_in_french(registry, title="Registre", slug="registre")


def _add_pledges(start: int, count: int, commitments: list) -> None:
    """Bulk-create listed pledges: even ones in Mission, each with every commitment."""
    now = timezone.now()
    pledges = Pledge.objects.bulk_create(
        Pledge(
            organization_name=f"Café {number:05d}",
            normalized_name=normalize_organization_name(f"Café {number:05d}"),
            slug=f"cafe-{number:05d}",
            website=f"https://cafe-{number}.example",
            sector=Sector.ACCOMMODATION if number % 2 else Sector.HEALTH,
            size_band=SizeBand.SMALL,
            community=["Mission", "Abbotsford"][number % 2],
            contact_name="Private Person",
            email=f"hr@cafe-{number}.example",
            email_domain=f"cafe-{number}.example",
            status=Pledge.Status.APPROVED,
            level=Pledge.Level.ACTIVE,
            approved_at=now - datetime.timedelta(minutes=number),
            expires_at=now + datetime.timedelta(days=300),
        )
        for number in range(start, start + count)
    )
    if pledges[0].pk is None:  # backends that do not return keys
        pledges = Pledge.objects.filter(slug__startswith="cafe-")[start:]
    PledgeCommitment.objects.bulk_create(
        PledgeCommitment(pledge=pledge, commitment=commitment, progress="in_progress")
        for pledge in pledges
        for commitment in commitments
    )


def _cold(client, url: str) -> tuple[object, bytes, int]:
    """Download ``url`` with nothing stored: the response, its bytes, its queries.

    The bytes are read inside the count: a streamed file queries as it is sent.
    """
    cache.clear()  # a new content version: nothing stored is current
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = response.getvalue()
    return response, body, len(queries)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="10,000 pledges are measured on PostgreSQL",
)
def test_downloads_run_as_many_queries_for_10_as_for_10000_pledges(
    client, registry, named_commitments, stored
):
    commitments = list(named_commitments.values())
    urls = [
        CSV_URL,
        JSON_URL,
        f"{CSV_URL}?community=Mission&commitment={commitments[0].pk}",
        f"{JSON_URL}?q=caf&sort=name",
    ]
    _add_pledges(0, 10, commitments)
    for url in urls:  # Wagtail's own caches warm
        client.get(url).getvalue()
    few = {url: _cold(client, url)[2] for url in urls}

    _add_pledges(10, 9_990, commitments)
    many = {}
    for url in urls:
        response, body, many[url] = _cold(client, url)
        assert isinstance(response, StreamingHttpResponse)
        assert not isinstance(response, FileResponse)
    assert many == few

    response, body, _queries = _cold(client, CSV_URL)
    assert body.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 10_000
    assert rows[0]["commitments"] == "; ".join(c.title for c in commitments)
    data = json.loads(_cold(client, f"{JSON_URL}?community=Mission")[1])
    assert data["count"] == len(data["organizations"]) == 5_000
    assert {o["community"] for o in data["organizations"]} == {"Mission"}


def test_csv_starts_with_a_byte_order_mark_so_excel_reads_accents(
    client, listed_pledge
):
    PledgeFactory(organization_name="Café Olé", slug="cafe-ole")
    body = client.get(CSV_URL).getvalue()
    assert body.startswith(BOM + b"organization,")
    assert "Café Olé".encode() in body


def test_a_repeat_is_read_from_the_stored_file_without_querying_pledges(
    client, listed_pledge, stored
):
    first = client.get(CSV_URL)
    assert not isinstance(first, FileResponse)
    body = first.getvalue()
    assert len(list(stored.iterdir())) == 1

    with CaptureQueriesContext(connection) as queries:
        repeat = client.get(CSV_URL)
        assert isinstance(repeat, FileResponse)
        assert repeat.getvalue() == body
    tables = ('"pledges_pledge"', '"pledges_pledgecommitment"')
    assert not any(table in q["sql"] for q in queries for table in tables)
    assert repeat["ETag"] == first["ETag"]
    assert repeat["Content-Disposition"] == first["Content-Disposition"]
    assert repeat["Content-Type"] == "text/csv; charset=utf-8"


def test_each_filter_language_and_format_has_its_own_file(
    client, listed_pledge, french_registry, stored
):
    PledgeFactory(organization_name="Hope Health", sector=Sector.HEALTH)
    everyone = client.get(CSV_URL).getvalue()
    health = client.get(CSV_URL, {"sector": Sector.HEALTH}).getvalue()
    french = client.get("/fr-ca/engagement/registre/registry.csv").getvalue()
    client.get(JSON_URL).getvalue()

    assert b"Valley Berry Farms" in everyone and b"Hope Health" in everyone
    assert b"Hope Health" in health and b"Valley Berry Farms" not in health
    assert "foresterie, pêche".encode() in french
    assert len(list(stored.iterdir())) == 4
    # Read again, each from its own file.
    repeat = client.get(CSV_URL, {"sector": Sector.HEALTH})
    assert isinstance(repeat, FileResponse)
    assert repeat.getvalue() == health


def test_a_search_is_streamed_with_an_etag_but_never_stored(
    client, listed_pledge, stored
):
    response = client.get(CSV_URL, {"q": "valley"})
    assert b"Valley Berry Farms" in response.getvalue()
    assert response["ETag"].startswith('W/"')
    assert not stored.exists() or not list(stored.iterdir())


def test_unchanged_download_answers_304_to_its_etag_or_date(
    client, listed_pledge, stored
):
    first = client.get(JSON_URL)
    first.getvalue()
    assert first["Cache-Control"] == "public, max-age=10"

    again = client.get(JSON_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.getvalue() == b""
    stored_copy = client.get(JSON_URL)
    stored_copy.getvalue()
    since = client.get(JSON_URL, HTTP_IF_MODIFIED_SINCE=stored_copy["Last-Modified"])
    assert since.status_code == 304
    # Another filter is another file: no 304 for the first one's ETag.
    other = client.get(JSON_URL, {"level": "active"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200


def test_a_change_gives_a_new_file_and_etag(
    client, listed_pledge, stored, django_capture_on_commit_callbacks
):
    first = client.get(CSV_URL)
    assert b"Hope Health" not in first.getvalue()

    with django_capture_on_commit_callbacks(execute=True):
        PledgeFactory(organization_name="Hope Health", slug="hope-health")

    response = client.get(CSV_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]
    assert b"Hope Health" in response.getvalue()
    # The old version's file is gone: the folder keeps only current copies.
    assert len(list(stored.iterdir())) == 1


def test_download_is_whole_when_nothing_can_be_stored(
    client, listed_pledge, settings, tmp_path
):
    settings.PAGE_CACHE_SECONDS = 600
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.OPEN_DATA_CACHE_DIR = blocker / "open-data"

    for _attempt in range(2):
        response = client.get(JSON_URL)
        assert response.status_code == 200
        assert not isinstance(response, FileResponse)
        data = json.loads(response.getvalue())
        assert [o["organization"] for o in data["organizations"]] == [
            "Valley Berry Farms"
        ]
    assert response["ETag"]


def test_a_download_cut_short_leaves_no_file(client, listed_pledge, stored):
    response = client.get(CSV_URL)
    next(iter(response.streaming_content))
    # The visitor goes away: the server closes the response. (This closes the
    # test's database connection too, so nothing queries after it.)
    response.close()

    assert not stored.exists() or not list(stored.iterdir())


def test_without_the_page_cache_nothing_is_stored_or_tagged(
    client, listed_pledge, settings, tmp_path
):
    settings.PAGE_CACHE_SECONDS = 0
    settings.OPEN_DATA_CACHE_DIR = tmp_path
    for _attempt in range(2):
        response = client.get(CSV_URL)
        assert b"Valley Berry Farms" in response.getvalue()
    assert not isinstance(response, FileResponse)
    assert not response.has_header("ETag")
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_filter_is_ignored_and_never_stored(client, listed_pledge, stored):
    for _attempt in range(2):
        response = client.get(CSV_URL, {"sector": "nope", "level": "zzz"})
        assert not isinstance(response, FileResponse)
        assert b"Valley Berry Farms" in response.getvalue()
    assert not stored.exists() or not list(stored.iterdir())
    # Parameters the listing does not read change nothing: the same file.
    client.get(CSV_URL, {"level": "active"}).getvalue()
    repeat = client.get(CSV_URL, {"level": "active", "utm_source": "news"})
    assert isinstance(repeat, FileResponse)
    repeat.getvalue()
