"""The site's own guide view counter, and the guides' section of the report.

No cookie, address or user agent is stored: only the guide, the day and a count.
"""

import datetime
import threading
import zoneinfo

import pytest

from django.db import connection, connections
from django.utils import timezone

from home.impact.periods import custom
from resources.factories import GuidePageFactory
from resources.impact import guides_section
from resources.middleware import VIEW_HEADER, is_bot
from resources.models import GuideFeedback, GuideView
from resources.services import record_guide_view

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)
VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")


@pytest.fixture
def guide(guide_index):
    return GuidePageFactory(
        parent=guide_index, title="Assessing credentials", slug="assessing-credentials"
    )


def views(guide) -> int:
    return sum(GuideView.objects.filter(guide=guide).values_list("count", flat=True))


def test_each_read_counts_once_on_todays_row(client, guide):
    for _read in range(3):
        response = client.get(guide.url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
        assert VIEW_HEADER not in response.headers
    (row,) = GuideView.objects.all()
    assert (row.guide_id, row.day, row.count) == (guide.pk, timezone.localdate(), 3)


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/126.0 Safari/537.36",
        "curl/8.4.0",
        "python-requests/2.32.3",
        "",
    ],
)
def test_crawlers_and_scripts_are_not_counted(client, guide, agent):
    response = client.get(guide.url, HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    assert VIEW_HEADER not in response.headers
    assert views(guide) == 0


def test_browsers_are_not_mistaken_for_bots():
    assert not is_bot(BROWSER)
    assert not is_bot(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
    )


def test_head_requests_are_not_counted(client, guide):
    response = client.head(guide.url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert VIEW_HEADER not in response.headers
    assert views(guide) == 0


def test_only_the_guide_itself_is_counted(client, guide, guide_index):
    assert client.get(guide_index.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    feedback = client.get(guide.url + "feedback/", HTTP_USER_AGENT=BROWSER)
    assert feedback.status_code == 302
    assert (
        client.get("/guides/nothing-here/", HTTP_USER_AGENT=BROWSER).status_code == 404
    )
    assert GuideView.objects.count() == 0


def test_previews_are_not_counted(guide):
    # Wagtail runs a preview through the middleware, as a dummy request.
    response = guide.make_preview_request()
    assert response.status_code == 200
    assert VIEW_HEADER not in response.headers
    assert views(guide) == 0


def test_pages_from_the_page_cache_are_counted_too(client, guide, settings):
    """The page cache sits below the counter and keeps the header with the page."""
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(guide.url, HTTP_USER_AGENT=BROWSER)
    second = client.get(guide.url, HTTP_USER_AGENT=BROWSER)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert VIEW_HEADER not in first.headers and VIEW_HEADER not in second.headers
    assert views(guide) == 2


def test_a_day_has_one_row_per_guide(guide):
    monday, tuesday = datetime.date(2026, 3, 30), datetime.date(2026, 3, 31)
    record_guide_view(guide.pk, monday)
    record_guide_view(guide.pk, monday)
    record_guide_view(guide.pk, tuesday)
    assert list(GuideView.objects.order_by("day").values_list("day", "count")) == [
        (monday, 2),
        (tuesday, 1),
    ]


def test_a_view_of_a_deleted_guide_counts_nothing(guide):
    pk = guide.pk
    guide.delete()
    record_guide_view(pk)
    assert GuideView.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Needs concurrent writers: run with DATABASE_URL=postgres://…",
)
def test_first_views_of_the_day_at_the_same_instant_all_count(guide):
    readers = 20
    barrier = threading.Barrier(readers)
    errors: list[BaseException] = []

    def read():
        try:
            barrier.wait()
            record_guide_view(guide.pk)
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=read) for _n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    (row,) = GuideView.objects.all()
    assert row.count == readers


# The guides' section of the impact report ---------------------------------------


def _answer(guide, helpful: bool, when: datetime.datetime) -> None:
    answer = GuideFeedback.objects.create(guide=guide, helpful=helpful)
    GuideFeedback.objects.filter(pk=answer.pk).update(created_at=when)


def test_most_read_guides_with_what_readers_answered(guide_index):
    a, b, c, d = (GuidePageFactory(parent=guide_index, title=title) for title in "ABCD")
    day = datetime.date
    GuideView.objects.bulk_create(
        [
            GuideView(guide=a, day=day(2025, 4, 1), count=10),  # first day: in
            GuideView(guide=a, day=day(2026, 3, 31), count=5),  # last day: in
            GuideView(guide=a, day=day(2026, 4, 1), count=100),  # next year
            GuideView(guide=b, day=day(2025, 3, 31), count=50),  # year before
            GuideView(guide=b, day=day(2025, 6, 1), count=20),
            GuideView(guide=d, day=day(2024, 6, 1), count=99),
        ]
    )
    for _n in range(3):
        _answer(a, True, datetime.datetime(2025, 8, 1, tzinfo=VANCOUVER))
    _answer(a, False, datetime.datetime(2026, 3, 31, 23, 59, tzinfo=VANCOUVER))
    _answer(a, True, datetime.datetime(2026, 4, 1, 0, 0, tzinfo=VANCOUVER))
    _answer(c, True, datetime.datetime(2025, 9, 1, tzinfo=VANCOUVER))

    (table,) = guides_section(custom(day(2025, 4, 1), day(2026, 3, 31))).tables
    keys = ["label", "views", "yes", "no", "answers", "helpful"]
    assert [[row[key] for key in keys] for row in table.rows] == [
        ["B", 20, 0, 0, 0, None],
        ["A", 15, 3, 1, 4, 75.0],
        ["C", 0, 1, 0, 1, 100.0],
    ]
    assert [str(table.total["label"])] + [table.total[k] for k in keys[1:]] == [
        "All guides",
        35,
        4,
        1,
        5,
        80.0,
    ]
