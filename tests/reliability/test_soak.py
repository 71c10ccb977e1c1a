"""A bounded soak: steady mixed traffic, no errors, and flat worker memory.

gunicorn (production settings, two workers) on PostgreSQL serves a fixed
number of requests from five visitors at once: three reading pages across the
site, one registering for a workshop, one signing the pledge. Every answer
must be the expected one, every sign-up and registration must be stored and
emailed once, no worker may die, and each worker's resident memory must not
grow by more than a generous margin once warm.
"""

import collections
import json
import os
import time

import pytest

from tests.reliability.conftest import WORKSHOP_SLUG
from tests.reliability.harness import Gunicorn, SmtpSink, rss_kib
from tests.reliability.traffic import Traffic

pytestmark = pytest.mark.server

REQUESTS = int(os.environ.get("SOAK_REQUESTS", "4800"))
TIME_LIMIT = 480  # seconds; about 65 on a quiet two-core machine, 6 minutes busy
WARM_UP = 300
# Python rarely returns memory to the system and caches fill as pages are seen,
# so some growth is normal (5 to 10 MiB measured). A leak of 20 KiB a request,
# over the 2,400 or so requests each worker serves, crosses this limit.
RSS_GROWTH_LIMIT_KIB = 48 * 1024


def _mix(traffic: Traffic) -> Traffic:
    """Three readers, one registrant and one signer, all at once."""
    traffic.readers(3)
    traffic.registrants(1, WORKSHOP_SLUG)
    traffic.signers(1)
    return traffic


def test_steady_traffic_makes_no_errors_and_memory_stays_flat(
    deployed_site, record_property
):
    with SmtpSink() as smtp:
        env = deployed_site.environment(email_url=smtp.url)
        with Gunicorn(env, deployed_site.folder) as server:
            workers = server.worker_pids()
            booted = {pid: rss_kib(pid) for pid in workers}
            # Warm up with the same mix, so that in both workers every template
            # is compiled and every lazy import done before the baseline.
            warm_up = _mix(Traffic(server.base_url, tag="warm", limit=WARM_UP))
            assert warm_up.wait(timeout=TIME_LIMIT) and not warm_up.failed()
            served = collections.Counter(pid for pid, *_ in server.access_entries())
            assert all(served[pid] >= WARM_UP // 10 for pid in workers), served
            warm = {pid: rss_kib(pid) for pid in workers}

            began = time.monotonic()
            traffic = _mix(Traffic(server.base_url, tag="soak", limit=REQUESTS))
            finished = traffic.wait(timeout=TIME_LIMIT)
            duration = time.monotonic() - began

            end = {pid: rss_kib(pid) for pid in server.worker_pids()}
            workers_after = server.worker_pids()
            errors = server.errors()[-5000:]
        received = smtp.per_recipient()

    outcomes = traffic.outcomes
    signed = {o.email for o in traffic.accepted("sign")}
    registered = {o.email for o in traffic.accepted("register")}
    pledges = dict(
        deployed_site.query(
            "SELECT email, count(*) FROM pledges_pledge "
            "WHERE email LIKE 'soak-%%' GROUP BY email"
        )
    )
    registrations = dict(
        deployed_site.query(
            "SELECT email, count(*) FROM workshops_registration "
            "WHERE email LIKE 'soak-%%' GROUP BY email"
        )
    )
    latencies = sorted(o.ended - o.started for o in outcomes)
    figures = {
        "requests": len(outcomes),
        "seconds": round(duration, 1),
        "per_second": round(len(outcomes) / duration, 1),
        "median_ms": round(latencies[len(latencies) // 2] * 1000),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000),
        "by_kind": dict(collections.Counter(o.kind for o in outcomes)),
        "pledges_signed": len(signed),
        "registrations": len(registered),
        "rss_kib": {
            str(pid): {"booted": booted[pid], "warm": warm[pid], "end": end.get(pid)}
            for pid in workers
        },
    }
    record_property("figures", figures)
    print("\nsoak:", json.dumps(figures))

    assert finished, f"{len(outcomes)} of {REQUESTS} requests in {TIME_LIMIT} s"
    failures = collections.Counter((o.kind, o.path, o.status) for o in traffic.failed())
    assert failures == collections.Counter(), (failures, errors)
    assert workers_after == workers, "a worker died or was replaced"
    for pid in workers:
        assert end[pid] - warm[pid] <= RSS_GROWTH_LIMIT_KIB, figures["rss_kib"]
    # Stored once each, and each person emailed once.
    assert signed and pledges == dict.fromkeys(signed, 1)
    assert registered and registrations == dict.fromkeys(registered, 1)
    soak_mail = {r: n for r, n in received.items() if r.startswith("soak-")}
    assert soak_mail == dict.fromkeys(signed | registered, 1)
