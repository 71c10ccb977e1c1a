"""Time the impact report on PostgreSQL with a large partnership's data.

Builds 10,000 pledges and 20,000 workshop registrations (with bulk_create) in a
throwaway database next to the one DATABASE_URL names (``test_<name>``, dropped
at the end), then renders the report for the last fiscal year 20 times with
the test client as a staff member who holds only the report's permission, and
prints the median time and the number of queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/welcoming \\
        .venv/bin/python bench/impact_report.py [--keepdb] [--profile]

``--keepdb`` keeps that database and reuses it next time, to compare changes
without building the data again; ``--profile`` adds a profile of one render.
"""

import argparse
import cProfile
import datetime
import logging
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.utils import timezone

from wagtail.models import ModelLogEntry, Page, Site

from employers.pledges.factories import CommitmentFactory
from employers.pledges.models import Pledge, PledgeCommitment
from employers.pledges.models.pledges import organization_key
from employers.workshops.factories import WorkshopIndexPageFactory, WorkshopPageFactory
from employers.workshops.models import Registration, WorkshopFeedback
from home.choices import Sector, SizeBand
from home.factories import HomePageFactory
from resources.factories import GuideIndexPageFactory, GuidePageFactory
from resources.models import GuideFeedback, GuideView

PLEDGES = 10_000
REGISTRATIONS = 20_000
WORKSHOPS = 200
GUIDES = 12
RENDERS = 20
BATCH = 2_000
URL = "/admin/reports/impact/?period=last_fiscal_year"


def _moment(rng: random.Random, days_back: int) -> datetime.datetime:
    """A time within the last ``days_back`` days."""
    return timezone.now() - datetime.timedelta(
        days=rng.randint(1, days_back), minutes=rng.randint(0, 1440)
    )


def build(rng: random.Random) -> None:
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    commitments = CommitmentFactory.create_batch(9)
    statuses = [Pledge.Status.APPROVED] * 8 + [
        Pledge.Status.LAPSED,
        Pledge.Status.WITHDRAWN,
    ]
    pledges = []
    for n in range(PLEDGES):
        status = rng.choice(statuses)
        approved = _moment(rng, 900)
        pledges.append(
            Pledge(
                organization_name=f"Employer {n}",
                normalized_name=f"employer {n}",
                slug=f"employer-{n}",
                sector=rng.choice(Sector.values),
                size_band=rng.choice(SizeBand.values),
                community=f"Community {n % 12}",
                status=status,
                level=rng.choice(Pledge.Level.values),
                approved_at=approved,
                expires_at=approved + datetime.timedelta(days=365),
                renewed_at=_moment(rng, 400) if n % 4 == 0 else None,
                closed_at=_moment(rng, 300)
                if status != Pledge.Status.APPROVED
                else None,
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
    pledge_type = ContentType.objects.get_for_model(Pledge)
    ModelLogEntry.objects.bulk_create(
        (
            ModelLogEntry(
                content_type=pledge_type,
                object_id=str(pledge.pk),
                label=pledge.organization_name,
                action=rng.choice(["pledges.pledge.renewed", "pledges.pledge.lapsed"]),
                timestamp=_moment(rng, 700),
            )
            for pledge in pledges[::5]
        ),
        batch_size=BATCH,
    )

    index = WorkshopIndexPageFactory(parent=home)
    workshops = []
    for _n in range(WORKSHOPS):
        start = _moment(rng, 700)
        workshops.append(
            WorkshopPageFactory(
                parent=index, start=start, end=start + datetime.timedelta(hours=2)
            )
        )
    Status = Registration.Status
    statuses = [Status.CONFIRMED] * 7 + [
        Status.WAITLISTED,
        Status.OFFERED,
        Status.CANCELLED,
    ]
    registrations = []
    for n in range(REGISTRATIONS):
        workshop = workshops[n % WORKSHOPS]
        status = rng.choice(statuses)
        organization = f"Employer {rng.randrange(PLEDGES * 2)}"
        registration = Registration(
            workshop=workshop,
            status=status,
            seats=rng.choice([1, 1, 1, 2]),
            name=f"Person {n}",
            email=f"person{n}@example.com",
            organization=organization,
            organization_key=organization_key(organization),
            sector=rng.choice(["", *Sector.values]),
            size=rng.choice(["", *SizeBand.values]),
            consent_version="bench",
            confirmed_at=workshop.start if status == Status.CONFIRMED else None,
            attended_at=workshop.start
            if status == Status.CONFIRMED and rng.random() < 0.8
            else None,
        )
        registrations.append(registration)
    registrations = Registration.objects.bulk_create(registrations, batch_size=BATCH)
    WorkshopFeedback.objects.bulk_create(
        (
            WorkshopFeedback(
                registration=r, workshop_id=r.workshop_id, rating=rng.randint(1, 5)
            )
            for r in registrations
            if r.attended_at and rng.random() < 0.5
        ),
        batch_size=BATCH,
    )

    guide_index = GuideIndexPageFactory(parent=home)
    today = timezone.localdate()
    for _n in range(GUIDES):
        guide = GuidePageFactory(parent=guide_index)
        GuideView.objects.bulk_create(
            GuideView(
                guide=guide,
                day=today - datetime.timedelta(days=age),
                count=rng.randint(1, 40),
            )
            for age in range(1, 731)
        )
        GuideFeedback.objects.bulk_create(
            GuideFeedback(guide=guide, helpful=rng.random() < 0.8) for _a in range(50)
        )


def measure() -> None:
    user, _created = get_user_model().objects.get_or_create(username="bench")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_impact_report"])
    )
    client = Client()
    client.force_login(user)
    # One render records the queries (and warms the caches); the timed ones
    # record nothing, as a server would not.
    captured = []

    def record(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            captured.append((time.perf_counter() - started, sql))

    with connection.execute_wrapper(record):
        response = client.get(URL)
    assert response.status_code == 200, response.status_code
    timings, cpu = [], []
    for _n in range(RENDERS):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(URL)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200, response.status_code
    print(
        f"Impact report, last fiscal year: {PLEDGES:,} pledges, "
        f"{REGISTRATIONS:,} registrations, {RENDERS} renders, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"  median {statistics.median(timings) * 1000:.0f} ms")
    print(
        f"  fastest {min(timings) * 1000:.0f} ms, slowest {max(timings) * 1000:.0f} ms"
    )
    print(
        f"  of which Python (CPU time of this process): median "
        f"{statistics.median(cpu) * 1000:.0f} ms, fastest {min(cpu) * 1000:.0f} ms"
    )
    print(f"  page size: {len(response.content) // 1024} KB")
    print(f"  queries per render: {len(captured)}")
    print("  slowest queries:")
    for seconds, sql in sorted(captured, reverse=True)[:5]:
        print(f"    {seconds * 1000:6.0f} ms  {sql[:90]}")


def profile() -> None:
    """Where one render spends its time, by cumulative time (``--profile``)."""
    user = get_user_model().objects.get(username="bench")
    client = Client()
    client.force_login(user)
    client.get(URL)
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(URL)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keepdb",
        action="store_true",
        help="Keep the database afterwards and reuse it if it holds the data.",
    )
    parser.add_argument(
        "--profile", action="store_true", help="Also profile one render."
    )
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Point DATABASE_URL at PostgreSQL: postgres://user@host:5432/name")
    # No setup_test_environment(): its template instrumentation, which copies
    # every template's context for the test client, is not what a server does.
    # Wagtail logs every page it creates.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False, keepdb=options.keepdb
    )
    try:
        if Pledge.objects.count() != PLEDGES:
            started = time.perf_counter()
            build(random.Random(2026))
            print(f"Built the data in {time.perf_counter() - started:.0f} s")
        # Fresh planner statistics, as autovacuum would give a real site.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        measure()
        if options.profile:
            profile()
    finally:
        if not options.keepdb:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
