"""Compare gunicorn worker configurations, alone and behind nginx:
``make bench-workers`` (``python -m bench.workers``).

Every variant is deploy/gunicorn.conf.py with other values in the environment
it reads, two processes each, on the benchmark data (``bench.data``). All
variants run at once, idle but for the one under load, and are loaded in
turn, round after round, in a rotating order, so a neighbour's burst of work
on this shared machine lands on each of them alike; the figures are the
median over the rounds.

For each variant: a cached page (the home page from the page cache) and an
uncached one (a normal guide, rendered every time), at each number of
connections, straight to gunicorn and through deploy/nginx.conf with its
keep-alive upstream and the micro-cache off (it would otherwise answer in
gunicorn's place).

Settings: BENCH_SECONDS (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS ("8,32");
writes var/bench/workers.md.
"""

import contextlib
import os
import shutil
import statistics
import tempfile
from dataclasses import dataclass

from bench import data, environment, stack

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = [int(n) for n in os.environ.get("BENCH_CONNECTIONS", "8,32").split(",")]
RESULTS = environment.OUT / "workers.md"

# name: the environment deploy/gunicorn.conf.py reads.
VARIANTS: dict[str, dict[str, str]] = {
    "sync": {"GUNICORN_WORKER_CLASS": "sync"},
    "gthread 4 threads, keep-alive 5 s": {
        "GUNICORN_WORKER_CLASS": "gthread",
        "GUNICORN_THREADS": "4",
        "GUNICORN_KEEPALIVE": "5",
    },
    "gthread 2 threads, keep-alive 2 s": {
        "GUNICORN_WORKER_CLASS": "gthread",
        "GUNICORN_THREADS": "2",
        "GUNICORN_KEEPALIVE": "2",
    },
    "gthread 4 threads, no keep-alive": {
        "GUNICORN_WORKER_CLASS": "gthread",
        "GUNICORN_THREADS": "4",
        "GUNICORN_KEEPALIVE": "0",
    },
}
# gevent is not a dependency of the site: BENCH_GEVENT_PATH names a folder
# holding gevent and psycogreen (pip install --target DIR gevent psycogreen).
# Each greenlet is a thread to Django, so persistent connections would pile
# up: CONN_MAX_AGE=0, a new PostgreSQL connection per request.
if os.environ.get("BENCH_GEVENT_PATH"):
    VARIANTS["gevent (psycogreen, no persistent connections)"] = {
        "GUNICORN_WORKER_CLASS": "gevent",
        "CONN_MAX_AGE": "0",
        "PYTHONPATH": os.environ["BENCH_GEVENT_PATH"],
        "BENCH_APP": "bench.gevent_wsgi",
    }
MODES = ("alone", "nginx")


def main() -> None:
    wrk = stack.tool("wrk", ["wrk"], required=True)
    nginx = stack.tool("nginx", ["nginx-light", "nginx"], required=True)
    environment.configure()
    environment.use_redis()
    os.environ["STATIC_ROOT"] = tempfile.mkdtemp(prefix="bench-static-")
    data.ensure_database(False)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if not data.is_built():
        data.build()
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        _write(_compare(wrk, nginx, data.normal_guide_url()))
    finally:
        shutil.rmtree(os.environ["STATIC_ROOT"], ignore_errors=True)
        environment.forget_redis_keys()


@dataclass
class Measure:
    """One load of one variant, with the CPU it cost the servers."""

    load: stack.Load
    cpu_ms_per_request: float
    busiest_worker: float  # the busiest gunicorn worker's share of their CPU


def _compare(wrk: str, nginx: str, guide: str) -> dict:
    """Each variant's measures, by page, variant, mode and connections."""
    figures: dict[tuple[str, str, str, int], list[Measure]] = {}
    for cached, page, path in ((True, "cached home", "/"), (False, "guide", guide)):
        with contextlib.ExitStack() as servers:
            running: dict[tuple[str, str], stack.Server] = {}
            for name, settings in VARIANTS.items():
                app = settings.get("BENCH_APP", "config.wsgi")
                direct = servers.enter_context(
                    stack.gunicorn(cached=cached, settings=settings, app=app)
                )
                running[name, "alone"] = direct
                running[name, "nginx"] = servers.enter_context(
                    stack.nginx_proxy(nginx, direct.base, micro_cache=False)
                )
                stack.warm(direct.base, [path])
            names = list(VARIANTS)
            for round_number in range(ROUNDS):
                shift = round_number % len(names)
                order = names[shift:] + names[:shift]
                print(f"Round {round_number + 1}/{ROUNDS}, {page}…")
                for connections in CONNECTIONS:
                    for name in order:
                        for mode in MODES:
                            measure = _measure(
                                wrk,
                                running[name, mode].base + path,
                                connections,
                                gunicorn=running[name, "alone"],
                                front=running[name, mode] if mode == "nginx" else None,
                            )
                            figures.setdefault(
                                (page, name, mode, connections), []
                            ).append(measure)
                            print(
                                f"  {name:<34} {mode:<6} c={connections:<3}"
                                f" {measure.load.requests_per_s:7.1f} req/s"
                                f"  p99 {measure.load.p99_ms:7.1f} ms"
                                f"  {measure.cpu_ms_per_request:5.2f} CPU ms/req"
                                f"  busiest {measure.busiest_worker:.0%}"
                            )
    return figures


def _measure(
    wrk: str,
    url: str,
    connections: int,
    *,
    gunicorn: stack.Server,
    front: stack.Server | None,
) -> Measure:
    servers = [gunicorn] + ([front] if front else [])
    before = [stack.cpu_seconds(server) for server in servers]
    load = stack.wrk(wrk, url, connections, SECONDS)
    after = [stack.cpu_seconds(server) for server in servers]
    used = {
        (number, pid): seconds - before[number].get(pid, 0.0)
        for number, cpu in enumerate(after)
        for pid, seconds in cpu.items()
    }
    workers = [
        seconds
        for (number, pid), seconds in used.items()
        if number == 0 and pid != gunicorn.pid
    ]
    return Measure(
        load=load,
        cpu_ms_per_request=sum(used.values()) * 1000 / max(load.requests, 1),
        busiest_worker=max(workers) / sum(workers) if sum(workers) else 0.0,
    )


def _write(figures: dict[tuple[str, str, str, int], list[Measure]]) -> None:
    header = (
        "| Page | Worker config | In front | Conns | Req/s | p50 ms | p99 ms "
        "| CPU ms/req | Busiest worker | Errors |"
    )
    lines = [
        "# gunicorn worker configurations",
        "",
        f"Median of {ROUNDS} rounds of {SECONDS} s, {os.cpu_count()} CPUs, two"
        " processes each; the uncached page is a guide of the usual length."
        " CPU ms/req: CPU time of gunicorn (and nginx, in front) per request."
        " Busiest worker: its share of the two workers' CPU time (50 % is even).",
        "",
        header,
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (page, name, mode, connections), measures in figures.items():
        loads = [m.load for m in measures]
        lines.append(
            f"| {page} | {name} | {mode} | {connections} | "
            f"{statistics.median(x.requests_per_s for x in loads):.0f} | "
            f"{statistics.median(x.p50_ms for x in loads):.1f} | "
            f"{statistics.median(x.p99_ms for x in loads):.1f} | "
            f"{statistics.median(m.cpu_ms_per_request for m in measures):.2f} | "
            f"{statistics.median(m.busiest_worker for m in measures):.0%} | "
            f"{sum(x.errors for x in loads)} |"
        )
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"\nWrote {RESULTS}.")


if __name__ == "__main__":
    main()
