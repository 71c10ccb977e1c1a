"""The site rides through PostgreSQL restarts without losing a registration.

gunicorn (production settings, two sync workers, persistent connections with
health checks) serves a steady stream of page views and workshop
registrations while the database goes away twice: ``pg_ctl restart -m fast``,
then a fast stop with three seconds down. Afterwards:

- the site answers normally within a few seconds of the database being back;
- every registration answered with success is in the database exactly once;
- every worker answers again: none keeps a dead connection;
- the workshop holds no more seats than it has.
"""

import collections
import json
import threading
import time

import pytest

from tests.reliability.conftest import WORKSHOP_SLUG
from tests.reliability.harness import Gunicorn, SmtpSink, Visitor, manage
from tests.reliability.traffic import Outcome, Traffic

pytestmark = pytest.mark.server

# Seconds after the database is back by which every answer must be normal again.
RECOVERY_LIMIT = 5.0
DOWN_SECONDS = 3.0


def _database_settings(env: dict[str, str]) -> dict:
    code = (
        "import json; from django.conf import settings; "
        "d = settings.DATABASES['default']; "
        "print(json.dumps({'health_checks': d['CONN_HEALTH_CHECKS'], "
        "'max_age': d['CONN_MAX_AGE']}))"
    )
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def _window(failures: list[Outcome], back: float) -> dict:
    if not failures:
        return {"failed": 0, "error_window": 0.0, "after_back": 0.0}
    first = min(o.started for o in failures)
    last = max(o.ended for o in failures)
    return {
        "failed": len(failures),
        "error_window": round(last - first, 2),
        "after_back": round(max(0.0, last - back), 2),
    }


def _settled_count(server, quiet: float = 0.5, limit: float = 10) -> int:
    """Requests in the access log once it stops growing.

    gunicorn writes a request's line after sending the answer, so the last
    answers of the stopped traffic may still be on their way to the log.
    """
    count = len(server.access_entries())
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = len(server.access_entries())
        if now == count:
            break
        count = now
    return count


def _probe(base_url: str, threads: int = 4, each: int = 15) -> list[int]:
    """Concurrent reads, so both sync workers have to answer some."""
    statuses: list[int] = []
    lock = threading.Lock()

    def run(n):
        visitor = Visitor(base_url, address=f"192.0.2.{n + 1}")
        for _ in range(each):
            status = visitor.get("/workshops/").status
            with lock:
                statuses.append(status)

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    return statuses


def test_registrations_survive_database_restarts(deployed_site, record_property):
    cluster = deployed_site.cluster
    with SmtpSink() as smtp:
        env = deployed_site.environment(email_url=smtp.url)
        # What makes recovery possible: connections kept between requests
        # (so a restart kills them) and checked before reuse.
        assert _database_settings(env) == {"health_checks": True, "max_age": 60}

        with Gunicorn(env, deployed_site.folder) as server:
            workers = server.worker_pids()
            traffic = Traffic(server.base_url, tag="restart")
            traffic.readers(2)
            traffic.registrants(2, WORKSHOP_SLUG)
            time.sleep(4)

            began = time.monotonic()
            cluster.restart()
            restarted = time.monotonic()
            time.sleep(6)

            stopped = time.monotonic()
            cluster.stop_server()
            time.sleep(DOWN_SECONDS)
            cluster.start_server()
            started = time.monotonic()
            time.sleep(8)
            traffic.stop()

            served_before_probe = _settled_count(server)
            probe = _probe(server.base_url)
            probe_entries = server.access_entries()[served_before_probe:]
            workers_after = server.worker_pids()

    outcomes = traffic.outcomes
    failures = traffic.failed()
    # A failure belongs to the last outage begun before its answer came: a
    # request in flight when the database goes away fails with that outage.
    before = [o for o in failures if o.ended < began]
    first = [o for o in failures if began <= o.ended < stopped]
    second = [o for o in failures if o.ended >= stopped]
    restart_window = _window(first, back=restarted)
    outage_window = _window(second, back=started)
    late = [o for o in failures if o.started > started + RECOVERY_LIMIT]

    accepted = {o.email for o in traffic.accepted("register")}
    refused = {o.email for o in outcomes if o.kind == "register" and not o.ok}
    rows = dict(
        deployed_site.query(
            "SELECT email, count(*) FROM workshops_registration "
            "WHERE email LIKE 'restart-%%' GROUP BY email"
        )
    )
    ((capacity, held),) = deployed_site.query(
        "SELECT w.capacity, coalesce(sum(r.seats) FILTER "
        "(WHERE r.status IN ('confirmed', 'offered')), 0) "
        "FROM workshops_workshoppage w JOIN wagtailcore_page p ON p.id = w.page_ptr_id "
        "LEFT JOIN workshops_registration r ON r.workshop_id = p.id "
        "WHERE p.slug = %s GROUP BY w.capacity",
        [WORKSHOP_SLUG],
    )

    figures = {
        "requests": len(outcomes),
        "failed_requests": len(failures),
        "restart": {"db_down_seconds": round(restarted - began, 2), **restart_window},
        "stop_3s": {"db_down_seconds": round(started - stopped, 2), **outage_window},
        "registrations_accepted": len(accepted),
        "registrations_refused": len(refused),
        "refused_but_stored": len(refused & rows.keys()),
        "rows": sum(rows.values()),
        "seats_held": held,
        "capacity": capacity,
        "probe": {
            "requests": len(probe),
            "workers": len({e[0] for e in probe_entries}),
        },
    }
    record_property("figures", figures)
    print("\ndatabase restart:", json.dumps(figures))

    assert before == [], server.error_text[-5000:]
    assert second, "the three-second outage should be visible to visitors"
    assert restart_window["after_back"] <= RECOVERY_LIMIT, figures
    assert outage_window["after_back"] <= RECOVERY_LIMIT, figures
    assert late == [], [(o.path, o.status, o.error) for o in late]
    # Every failure is the error page or a refused request, never a wrong answer.
    kinds = collections.Counter((o.kind, o.status) for o in failures)
    assert {status for _kind, status in kinds} <= {500, None}, kinds
    # None lost, none duplicated.
    assert accepted and {email: rows.get(email) for email in accepted} == dict.fromkeys(
        accepted, 1
    )
    assert all(count == 1 for count in rows.values())
    assert held <= capacity
    # Every worker answers again, and none had to be replaced.
    assert probe == [200] * len(probe)
    assert {entry[0] for entry in probe_entries} == set(workers)
    assert {entry[1] for entry in probe_entries} == {200}
    assert workers_after == workers
