"""Benchmark the public pages as production serves them: ``make bench``.

1. Builds the data set once (``bench.data``) in its own PostgreSQL database.
2. Collects static files into a temporary STATIC_ROOT.
3. In this process, with Django's test client: each page's SQL queries per
   request, HTML size, and server time (median of BENCH_RENDERS renders).
   Wagtail's own caches (site root paths, renditions) are warm; there is no
   page cache, so this is what a signed-in editor, a form post or the first
   visitor after a change pays.
4. Serves the site with gunicorn (deploy/gunicorn.conf.py, production
   settings, 2 workers, WhiteNoise) and Redis, and loads each page with
   ``wrk`` for BENCH_SECONDS at 8 and 32 connections:
   - without the page cache: every request renders ("uncached");
   - with it, straight to gunicorn ("gunicorn") and through nginx running
     deploy/nginx.conf with its micro-cache ("nginx"), the production stack;
   - the ceilings, loaded in the same turn as each page: the page's own HTML
     from disk through nginx, and a static CSS file through the same gunicorn;
   - the registry's open data (CSV and JSON, 10,000 pledges) as a client who
     comes back gets it, on one connection: the whole file again, and a
     revalidation with its ETag (304), from gunicorn and through nginx.
5. Writes var/bench/results.csv and results.md, keeping the run before as
   previous.csv and previous.md, and prints the tables with the change.

Settings: BENCH_SECONDS (10), BENCH_RENDERS (30), BENCH_CONNECTIONS ("8,32"),
BENCH_DATABASE_URL, BENCH_REDIS_URL; ``--rebuild`` rebuilds the data,
``--all-pages`` adds a topic listing, a filtered registry, a registry profile
and the workshop index to the issue's eight pages.
"""

import argparse
import contextlib
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from bench import data, environment, stack

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "30"))
CONNECTIONS = [int(n) for n in os.environ.get("BENCH_CONNECTIONS", "8,32").split(",")]
WORKERS = 2
SEARCH = "/search/?q=hiring+newcomers+international+credentials"
RESULTS = environment.OUT / "results"
PREVIOUS = environment.OUT / "previous"
STATIC = "static CSS"
OPEN_DATA = {
    "registry.csv": "/pledge/registry/registry.csv",
    "registry.json": "/pledge/registry/registry.json",
}


class Server:
    """What answered: the row's column group in the tables."""

    UNCACHED = "uncached"  # gunicorn, page cache off
    GUNICORN = "gunicorn"  # gunicorn, page cache on
    NGINX = "nginx"  # nginx with its micro-cache, then gunicorn, page cache on
    DISK = "disk"  # nginx, the same HTML from a file


@dataclass
class Page:
    name: str
    url: str
    queries: int | None = None
    html_bytes: int | None = None
    server_ms: float | None = None


@dataclass
class Row:
    page: str
    server: str
    url: str
    connections: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    queries: int | None
    html_bytes: int | None
    server_ms: float | None
    # The rate divided by the ceiling's: a static file through the same
    # gunicorn for "gunicorn", the same HTML from disk for "nginx".
    fraction: float | None = None


class Answer:
    """What a repeated open data download got back."""

    FILE = "whole file"  # a plain GET
    NOT_MODIFIED = "304"  # a GET with the ETag the client already holds


@dataclass
class Download:
    """One open data file fetched again and again on one connection."""

    file: str
    server: str
    answer: str
    megabytes: float
    requests_per_s: float
    p50_ms: float
    p99_ms: float


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark the public pages.")
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the data.")
    parser.add_argument(
        "--all-pages", action="store_true", help="Four more pages than the issue's."
    )
    args = parser.parse_args(argv)

    wrk = stack.tool("wrk", ["wrk"], required=True)
    nginx = stack.tool("nginx", ["nginx-light", "nginx"], required=False)
    environment.configure()
    redis = environment.use_redis()
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    os.environ["STATIC_ROOT"] = str(static_root)
    data.ensure_database(args.rebuild)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0, interactive=False)
    if not data.is_built():
        data.build()
    print("Collecting static files…")
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Cache: {'Redis, ' + redis if redis else 'the database cache'}.")

    pages = _pages(all_pages=args.all_pages)
    _measure_in_process(pages)
    connections.close_all()

    try:
        uncached = _load_uncached(wrk, pages)
        cached, downloads = _load_cached(wrk, nginx, pages)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        environment.forget_redis_keys()
    _write(uncached + cached, downloads)


# The pages ------------------------------------------------------------------


def _pages(*, all_pages: bool) -> list[Page]:
    """The issue's pages, found in the data; with ``all_pages``, four more."""
    from django.utils import timezone

    from wagtail.models import Locale

    from employers.pledges.models import Pledge
    from employers.workshops.models import WorkshopPage
    from home.models import Community
    from resources.models import Topic

    workshop = (
        WorkshopPage.objects.live()
        .filter(
            start__gt=timezone.now(),
            slug__startswith="bench-",
            locale=Locale.get_default(),
        )
        .order_by("start")
        .first()
    )
    pages = [
        Page("home", "/"),
        Page("guide index", "/guides/"),
        Page("registry", "/pledge/registry/"),
        Page("search", SEARCH),
        Page("normal guide", data.normal_guide_url()),
        Page("long guide", f"/guides/{data.LONG_GUIDE_SLUG}/"),
        Page("workshop page", workshop.url),
        Page("pledge page", "/pledge/"),
    ]
    if all_pages:
        topic = Topic.objects.order_by("name").first()
        community = Community.objects.filter(locale=Locale.get_default()).first()
        pledge = Pledge.objects.listed().order_by("pk")[500]
        filters = f"?sector=31-33&community={community.name}".replace(" ", "+")
        pages += [
            Page("topic listing", f"/guides/?topic={topic.slug}"),
            Page("registry, 2 filters", f"/pledge/registry/{filters}"),
            Page("profile", f"/pledge/registry/{pledge.slug}/"),
            Page("workshop index", "/workshops/"),
        ]
    return pages


def _measure_in_process(pages: list[Page]) -> None:
    """Queries, size and server time of each page, without the page cache."""
    from django.test import Client
    from django.test.utils import override_settings

    # The goal is about rendering: without the page cache (home.page_cache).
    override_settings(PAGE_CACHE_SECONDS=0).enable()
    client = Client(HTTP_HOST="localhost")
    print(f"Rendering each page {RENDERS} times in this process…")
    for page in pages:
        page.queries, html, page.server_ms = _render(client, page.url)
        page.html_bytes = len(html)
        print(f"  {page.name:<22} {page.server_ms:7.2f} ms  {page.queries:3d} queries")


def _render(client, url: str) -> tuple[int, bytes, float]:
    """Queries, HTML and median time in milliseconds of a warm GET of ``url``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # renditions and settings rows are made once
        response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Now: each request empties the connection's log that ``queries`` reads.
    count = len(queries)
    times = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return count, response.content, round(statistics.median(times), 2)


# Load -----------------------------------------------------------------------


def _row(page: Page, server: str, connections: int, load: stack.Load) -> Row:
    row = Row(
        page=page.name,
        server=server,
        url=page.url,
        connections=connections,
        queries=page.queries,
        html_bytes=page.html_bytes,
        server_ms=page.server_ms,
        **asdict(load),
    )
    print(
        f"  {row.page:<22} {server:<9} c={connections:<3}"
        f" {row.requests_per_s:8.1f} req/s  p50 {row.p50_ms:7.2f} ms"
        f"  p99 {row.p99_ms:7.2f} ms" + (f"  {row.errors} errors" if row.errors else "")
    )
    return row


def _load_uncached(wrk: str, pages: list[Page]) -> list[Row]:
    """Every page rendered on every request: gunicorn, page cache off."""
    print(f"gunicorn, {WORKERS} workers, page cache off…")
    rows = []
    with stack.gunicorn(cached=False, workers=WORKERS) as server:
        base = server.base
        stack.warm(base, [page.url for page in pages], WORKERS)
        for page in pages:
            for connections in CONNECTIONS:
                load = stack.wrk(wrk, base + page.url, connections, SECONDS)
                rows.append(_row(page, Server.UNCACHED, connections, load))
    return rows


def _load_cached(
    wrk: str, nginx: str | None, pages: list[Page]
) -> tuple[list[Row], list[Download]]:
    """The page cache on: gunicorn alone, the nginx stack, and the ceilings;
    then the open data downloads through both.

    For each page and number of connections, gunicorn, nginx in front of it
    and nginx serving the same HTML from disk are loaded one after the other,
    so a fraction compares figures taken moments apart.
    """
    from django.templatetags.static import static

    print(f"gunicorn, {WORKERS} workers, page cache on, nginx in front…")
    rows = []
    with contextlib.ExitStack() as servers:
        base = servers.enter_context(stack.gunicorn(cached=True, workers=WORKERS)).base
        stack.warm(base, [page.url for page in pages], WORKERS)
        front = disk = None
        if nginx:
            front = servers.enter_context(
                stack.nginx_proxy(nginx, base, micro_cache=True)
            ).base
            # Fill the micro-cache: later expiries refresh in the background
            # (proxy_cache_background_update), but the first miss waits.
            stack.warm(front, [page.url for page in pages], 1)
            files = {
                f"{number}.html": stack.fetch(base + page.url)[0]
                for number, page in enumerate(pages)
            }
            disk = servers.enter_context(stack.nginx_files(nginx, files)).base
        else:
            print("nginx is not installed: gunicorn alone in this run.")
        css = Page(STATIC, static("css/site.css"))
        for connections in CONNECTIONS:
            load = stack.wrk(wrk, base + css.url, connections, SECONDS)
            rows.append(_row(css, Server.GUNICORN, connections, load))
        for number, page in enumerate(pages):
            for connections in CONNECTIONS:
                load = stack.wrk(wrk, base + page.url, connections, SECONDS)
                rows.append(_row(page, Server.GUNICORN, connections, load))
                if not nginx:
                    continue
                load = stack.wrk(wrk, front + page.url, connections, SECONDS)
                rows.append(_row(page, Server.NGINX, connections, load))
                load = stack.wrk(wrk, f"{disk}/{number}.html", connections, SECONDS)
                rows.append(_row(page, Server.DISK, connections, load))
        fronts = {Server.GUNICORN: base, **({Server.NGINX: front} if front else {})}
        downloads = _load_open_data(wrk, fronts)
    _fractions(rows)
    return rows, downloads


def _load_open_data(wrk: str, servers: dict[str, str]) -> list[Download]:
    """Each open data file as a returning client gets it, one request at a time.

    The first fetch stores the file (gunicorn keeps it on disk, nginx in its
    micro-cache); then the whole file again and again, and a revalidation
    with its ETag, so the latencies are what a repeat costs.
    """
    print("Open data, one connection…")
    downloads = []
    for name, path in OPEN_DATA.items():
        for server, base in servers.items():
            body, headers = stack.fetch(base + path)
            etag = {"If-None-Match": headers["ETag"]}
            for answer, sent in ((Answer.FILE, None), (Answer.NOT_MODIFIED, etag)):
                load = stack.wrk(wrk, base + path, 1, SECONDS, headers=sent)
                download = Download(
                    file=name,
                    server=server,
                    answer=answer,
                    megabytes=round(len(body) / 1e6, 1),
                    requests_per_s=load.requests_per_s,
                    p50_ms=load.p50_ms,
                    p99_ms=load.p99_ms,
                )
                downloads.append(download)
                print(
                    f"  {name:<14} {server:<9} {answer:<10}"
                    f" p50 {load.p50_ms:7.2f} ms  p99 {load.p99_ms:7.2f} ms"
                    + (f"  {load.errors} errors" if load.errors else "")
                )
    return downloads


def _fractions(rows: list[Row]) -> None:
    rates = {(r.page, r.server, r.connections): r.requests_per_s for r in rows}
    for row in rows:
        if row.server == Server.GUNICORN and row.page != STATIC:
            ceiling = rates.get((STATIC, Server.GUNICORN, row.connections))
        elif row.server == Server.NGINX:
            ceiling = rates.get((row.page, Server.DISK, row.connections))
        else:
            continue
        if ceiling:
            row.fraction = round(row.requests_per_s / ceiling, 3)


# Results --------------------------------------------------------------------


def _read(path: Path) -> dict[tuple[str, str, int], dict]:
    if not path.exists():
        return {}
    with path.open(newline="") as file:
        return {
            (r["page"], r.get("server", ""), int(r["connections"])): r
            for r in csv.DictReader(file)
        }


def _change(now: float | None, before: str | None) -> str:
    if now is None or not before:
        return ""
    before = float(before)
    if before == 0:
        return ""
    return f"{(now - before) / before * 100:+.0f}%"


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _write(rows: list[Row], downloads: list[Download]) -> None:
    csv_path, md_path = RESULTS.with_suffix(".csv"), RESULTS.with_suffix(".md")
    previous = _read(csv_path)
    if csv_path.exists():
        csv_path.replace(PREVIOUS.with_suffix(".csv"))
    if md_path.exists():
        md_path.replace(PREVIOUS.with_suffix(".md"))
    with csv_path.open("w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=[f.name for f in fields(Row)])
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)

    lines = [
        "# Benchmark results",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f}, Python {platform.python_version()}, "
        f"{SECONDS} s per load, gunicorn {WORKERS} workers "
        f"({os.environ.get('GUNICORN_WORKER_CLASS', 'deploy/gunicorn.conf.py')}), "
        f"cache: {'Redis' if os.environ.get('REDIS_URL') else 'database'}, "
        f"commit {_commit()}.",
        "",
        *_summary(rows),
        "",
        *_open_data_table(downloads),
        "## Every load",
        "",
        "Uncached: gunicorn, page cache off. gunicorn: page cache on, × static"
        " is the rate over a static CSS file's through the same gunicorn."
        " nginx: deploy/nginx.conf with its micro-cache in front of that"
        " gunicorn, × disk is the rate over nginx serving the same HTML from a"
        " file. Server ms: median of in-process renders, page cache off."
        " Δ: change from the previous run.",
        "",
    ]
    header = (
        "| Page | Server | Conns | Req/s | Δ | p50 ms | p99 ms | Δ p99 | Errors "
        "| Queries | HTML KB | Server ms | Δ server | × ceiling |"
    )
    lines += [header, _separator(header)]
    for row in rows:
        before = previous.get((row.page, row.server, row.connections), {})
        cells = [
            row.page,
            row.server,
            str(row.connections),
            f"{row.requests_per_s:.0f}",
            _change(row.requests_per_s, before.get("requests_per_s")),
            f"{row.p50_ms:.1f}",
            f"{row.p99_ms:.1f}",
            _change(row.p99_ms, before.get("p99_ms")),
            str(row.errors),
            "" if row.queries is None else str(row.queries),
            "" if row.html_bytes is None else f"{row.html_bytes / 1024:.1f}",
            _number(row.server_ms),
            _change(row.server_ms, before.get("server_ms")),
            _number(row.fraction, 2),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    md_path.write_text("\n".join(lines) + "\n")
    print("\n" + "\n".join(lines[2:]))
    print(f"\nWrote {csv_path} and {md_path}.")


def _summary(rows: list[Row]) -> list[str]:
    """One line per page: the issue's columns, then each server's figures."""
    by_key = {(r.page, r.server, r.connections): r for r in rows}
    lines = []
    for connections in CONNECTIONS:
        header = (
            f"| Page ({connections} connections) | Queries | Server ms "
            "| Uncached req/s | p50 | p99 "
            "| gunicorn req/s | p99 | × static "
            "| nginx req/s | p99 | × disk |"
        )
        lines += ["", header, _separator(header)]
        for page in dict.fromkeys(r.page for r in rows if r.page != STATIC):
            cold = by_key.get((page, Server.UNCACHED, connections))
            warm = by_key.get((page, Server.GUNICORN, connections))
            front = by_key.get((page, Server.NGINX, connections))
            first = cold or warm
            cells = [
                page,
                "" if first.queries is None else str(first.queries),
                _number(first.server_ms),
                _number(cold and cold.requests_per_s, 0),
                _number(cold and cold.p50_ms),
                _number(cold and cold.p99_ms),
                _number(warm and warm.requests_per_s, 0),
                _number(warm and warm.p99_ms),
                _number(warm and warm.fraction, 2),
                _number(front and front.requests_per_s, 0),
                _number(front and front.p99_ms),
                _number(front and front.fraction, 2),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return lines[1:]


def _open_data_table(downloads: list[Download]) -> list[str]:
    """The open data downloads: what a repeat and a revalidation cost."""
    if not downloads:
        return []
    header = "| File | Size MB | Server | Answer | p50 ms | p99 ms | Req/s |"
    lines = ["## Open data, one connection", "", header, _separator(header)]
    for d in downloads:
        cells = [
            d.file,
            f"{d.megabytes:.1f}",
            d.server,
            d.answer,
            f"{d.p50_ms:.1f}",
            f"{d.p99_ms:.1f}",
            f"{d.requests_per_s:.0f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _separator(header: str) -> str:
    return "|" + "---|" * (header.count("|") - 1)


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=environment.ROOT,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() or "unknown"


if __name__ == "__main__":
    main()
