"""Time the registry's open data downloads on PostgreSQL at 10,000 pledges.

Builds 10,000 pledges (9 in every 10 listed, each with 4 commitments) with
bulk_create in a throwaway database next to the one DATABASE_URL names
(``test_<name>``, dropped at the end), then downloads the CSV and JSON of the
English and French registries through the test client, reading every byte as
a client would, with the page cache on (as in production):

- cold: the first download after a content change (nothing cached), the
  median of COLD_RUNS such downloads: a single one swings by half with what
  the disk and the machine are doing;
- repeated: the median of the next downloads (what every later client pays),
  and of a revalidation (``If-None-Match``, answered 304);
- memory: the peak of Python allocations during a cold download (tracemalloc),
  and how much the process's resident memory grew over all of them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/welcoming \\
        .venv/bin/python bench/open_data.py
"""

import datetime
import logging
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import (
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from employers.pledges.factories import (
    CommitmentFactory,
    PledgePageFactory,
    PledgeRegistryPageFactory,
)
from employers.pledges.models import Pledge, PledgeCommitment
from home.choices import Sector, SizeBand
from home.factories import HomePageFactory
from home.models import Community

PLEDGES = 10_000
COMMUNITIES = 12
REPEATS = int(os.environ.get("BENCH_REPEATS", "20"))
COLD_RUNS = 5
BATCH = 2_000
URLS = {
    "CSV": "/pledge/registry/registry.csv",
    "JSON": "/pledge/registry/registry.json",
    "CSV, French": "/fr-ca/engagement/registre/registry.csv",
    "CSV, filtered": "/pledge/registry/registry.csv?sector=62&level=active",
}


def build(rng: random.Random) -> None:
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    for n in range(COMMUNITIES):
        Community.objects.create(name=f"Community {n}")
    pledge_page = PledgePageFactory(parent=home)
    registry = PledgeRegistryPageFactory(parent=pledge_page)
    commitments = CommitmentFactory.create_batch(9)
    french = Locale.objects.get_or_create(language_code="fr-ca")[0]
    for page, slug in (
        (home, "accueil"),
        (pledge_page, "engagement"),
        (registry, "registre"),
    ):
        copy = page.copy_for_translation(french)
        copy.slug = slug
        copy.save_revision().publish()
    for commitment in commitments:
        copy = commitment.copy_for_translation(french)
        copy.title = f"FR {commitment.title}"
        copy.save()
    now = timezone.now()
    pledges = []
    for n in range(PLEDGES):
        approved = now - datetime.timedelta(days=rng.randint(1, 360), minutes=n)
        pledges.append(
            Pledge(
                organization_name=f"Employer {n} Café",
                normalized_name=f"employer {n} cafe",
                slug=f"employer-{n}",
                website=f"https://employer-{n}.example",
                sector=rng.choice(Sector.values),
                size_band=rng.choice(SizeBand.values),
                community=f"Community {n % COMMUNITIES}",
                status=Pledge.Status.APPROVED if n % 10 else Pledge.Status.WITHDRAWN,
                level=rng.choice(Pledge.Level.values),
                approved_at=approved,
                expires_at=approved + datetime.timedelta(days=365),
                renewed_at=approved + datetime.timedelta(days=30) if n % 4 else None,
            )
        )
    pledges = Pledge.objects.bulk_create(pledges, batch_size=BATCH)
    PledgeCommitment.objects.bulk_create(
        (
            PledgeCommitment(
                pledge=pledge,
                commitment=commitment,
                progress=rng.choice(PledgeCommitment.Progress.values),
            )
            for pledge in pledges
            for commitment in rng.sample(commitments, 4)
        ),
        batch_size=BATCH,
    )


def _download(client: Client, url: str) -> tuple[float, int, int]:
    """Seconds to the last byte, bytes read, and queries run."""
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:
            size = sum(len(chunk) for chunk in response.streaming_content)
        else:
            size = len(response.content)
        response.close()
        elapsed = time.perf_counter() - started
    return elapsed, size, len(captured)


def _rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure() -> None:
    client = Client()
    # The first request of a process imports and warms Wagtail's caches.
    client.get("/pledge/registry/")
    client.get("/fr-ca/engagement/registre/")
    rss_before = _rss_mb()
    print(f"Open data: {PLEDGES:,} pledges ({PLEDGES * 9 // 10:,} listed)")
    results = {}
    for name, url in URLS.items():
        colds = []
        for _n in range(COLD_RUNS):
            cache.clear()  # a new content version: nothing stored is current
            colds.append(_download(client, url))
        cold = sorted(colds)[COLD_RUNS // 2]  # the median, with its size and queries
        repeats = [_download(client, url) for _n in range(REPEATS)]
        etag = client.get(url).headers["ETag"]
        revalidations = []
        for _n in range(REPEATS):
            started = time.perf_counter()
            response = client.get(url, HTTP_IF_NONE_MATCH=etag)
            revalidations.append(time.perf_counter() - started)
            assert response.status_code == 304, response.status_code
        results[name] = (cold, repeats, statistics.median(revalidations))
    growth = _rss_mb() - rss_before
    for name, url in URLS.items():
        (cold, size, cold_queries), repeats, revalidated = results[name]
        repeated = statistics.median(seconds for seconds, _s, _q in repeats)
        # Cold again, traced apart: tracemalloc slows every allocation down.
        cache.clear()
        tracemalloc.start()
        _download(client, url)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  {name:14} {size / 1e6:5.1f} MB  cold {cold * 1000:6.0f} ms "
            f"({cold_queries} queries, peak {peak / 1e6:5.1f} MB allocated)  "
            f"repeated {repeated * 1000:6.1f} ms ({repeats[-1][2]} queries), "
            f"304 {revalidated * 1000:5.1f} ms"
        )
    print(f"  worker memory growth over all downloads: {growth:.0f} MB")


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Point DATABASE_URL at PostgreSQL: postgres://user@host:5432/name")
    setup_test_environment()
    # Wagtail logs every page it creates.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        started = time.perf_counter()
        build(random.Random(2026))
        print(f"Built the data in {time.perf_counter() - started:.0f} s")
        with (
            tempfile.TemporaryDirectory() as folder,
            override_settings(PAGE_CACHE_SECONDS=600, OPEN_DATA_CACHE_DIR=folder),
        ):
            measure()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
