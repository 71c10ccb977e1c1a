"""Benchmark the public pages as production serves them: ``make bench``.

1. Builds the data set once (``bench.data``) in its own PostgreSQL database.
2. Collects static files into a temporary STATIC_ROOT.
3. In this process, with Django's test client: each page's SQL queries per
   request, HTML size, and server time (median of BENCH_RENDERS renders).
   Wagtail's own caches (site root paths, renditions) are warm; there is no
   page cache, so this is what a signed-in editor, a form post or the first
   visitor after a change pays.
4. Serves the site with gunicorn (production settings, 2 workers, WhiteNoise)
   on a free loopback port and loads each page with ``wrk`` for BENCH_SECONDS
   at 8 and 32 connections; then a static CSS file from the same gunicorn and,
   when nginx is installed, the saved home page from nginx: the ceilings each
   page's rate is compared with.
5. Writes var/bench/results.csv and results.md, keeping the run before as
   previous.csv and previous.md, and prints the table with the change.

Settings: BENCH_SECONDS (10), BENCH_RENDERS (30), BENCH_CONNECTIONS ("8,32"),
BENCH_DATABASE_URL, BENCH_REDIS_URL; ``--rebuild`` rebuilds the data.
"""

import argparse
import csv
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from bench import data, environment

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "30"))
CONNECTIONS = [int(n) for n in os.environ.get("BENCH_CONNECTIONS", "8,32").split(",")]
WORKERS = 2
SEARCH = "/search/?q=hiring+newcomers+international+credentials"
RESULTS = environment.OUT / "results"
PREVIOUS = environment.OUT / "previous"


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
    url: str
    connections: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    queries: int | None
    html_bytes: int | None
    server_ms: float | None
    x_static: float | None = None
    x_nginx: float | None = None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark the public pages.")
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the data.")
    args = parser.parse_args(argv)

    wrk = _tool("wrk", ["wrk"], required=True)
    nginx = _tool("nginx", ["nginx-light", "nginx"], required=False)
    environment.configure()
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

    pages = _pages()
    home_html = _measure_in_process(pages)
    connections.close_all()

    rows: list[Row] = []
    try:
        rows += _load_gunicorn(wrk, pages, cached=False)
        rows += _load_gunicorn(wrk, pages, cached=True)
        if nginx:
            rows += _load_nginx(wrk, nginx, home_html)
        else:
            print("nginx is not installed: no nginx ceiling in this run.")
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    _compare_with_ceilings(rows)
    _write(rows)


# Tools ----------------------------------------------------------------------


def _tool(command: str, packages: list[str], *, required: bool) -> str | None:
    """Find ``command``; as root, install it with apt-get first if missing."""
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin:/sbin")
    if found:
        return found
    if os.geteuid() == 0:
        for package in packages:
            print(f"Installing {package} with apt-get…")
            result = subprocess.run(
                ["apt-get", "install", "-y", "-qq", package],
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                capture_output=True,
            )
            if result.returncode == 0:
                return shutil.which(command) or shutil.which(
                    command, path="/usr/sbin:/sbin"
                )
    if required:
        sys.exit(f"{command} is needed: sudo apt-get install {packages[0]}")
    print(f"{command} is not installed (sudo apt-get install {packages[0]}).")
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


# The pages ------------------------------------------------------------------


def _pages() -> list[Page]:
    """The addresses, found in the data: a topic, a profile, a workshop."""
    from django.utils import timezone

    from employers.pledges.models import Pledge
    from employers.workshops.models import WorkshopPage
    from home.models import SiteSettings
    from resources.models import Topic

    topic = Topic.objects.order_by("name").first()
    community = SiteSettings.objects.first().communities.first()
    pledge = Pledge.objects.listed().order_by("pk")[500]
    workshop = (
        WorkshopPage.objects.live()
        .filter(start__gt=timezone.now(), slug__startswith="bench-")
        .order_by("start")
        .first()
    )
    return [
        Page("home", "/"),
        Page("guide index", "/guides/"),
        Page("long guide", f"/guides/{data.LONG_GUIDE_SLUG}/"),
        Page("topic listing", f"/guides/?topic={topic.slug}"),
        Page("search", SEARCH),
        Page("pledge page", "/pledge/"),
        Page("registry", "/pledge/registry/"),
        Page(
            "registry, 2 filters",
            f"/pledge/registry/?sector=31-33&community={community.name}".replace(
                " ", "+"
            ),
        ),
        Page("profile", f"/pledge/registry/{pledge.slug}/"),
        Page("workshop index", "/workshops/"),
        Page("workshop page", workshop.url),
    ]


def _measure_in_process(pages: list[Page]) -> bytes:
    """Queries, size and server time of each page; returns the home page's HTML."""
    from django.test import Client
    from django.test.utils import override_settings

    # The goal is about rendering: without the page cache (home.page_cache).
    override_settings(PAGE_CACHE_SECONDS=0).enable()
    client = Client(HTTP_HOST="localhost")
    home_html = b""
    print(f"Rendering each page {RENDERS} times in this process…")
    for page in pages:
        page.queries, html, page.server_ms = _render(client, page.url)
        page.html_bytes = len(html)
        if page.url == "/":
            home_html = html
        print(f"  {page.name:<22} {page.server_ms:7.2f} ms  {page.queries:3d} queries")
    return home_html


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


def _load_gunicorn(wrk: str, pages: list[Page], *, cached: bool) -> list[Row]:
    """Load each page under gunicorn, with or without the anonymous page cache.

    The static file, the application server's own ceiling, is loaded once,
    in the run without the cache.
    """
    from django.templatetags.static import static

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi",
        "--config",
        "deploy/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
    ]
    label = "page cache" if cached else "no page cache"
    print(f"Starting gunicorn on {base} ({WORKERS} workers, {label})…")
    env = {**os.environ, "PAGE_CACHE_SECONDS": "600" if cached else "0"}
    server = subprocess.Popen(
        command, cwd=environment.ROOT, env=env, start_new_session=True
    )
    try:
        _wait_for(base + "/")
        for page in pages:  # warm each worker's caches
            for _ in range(4 * WORKERS):
                urllib.request.urlopen(base + page.url, timeout=30).read()
        if cached:
            targets = [replace(page, name=f"{page.name} (cached)") for page in pages]
        else:
            targets = [*pages, Page("static CSS (gunicorn)", static("css/site.css"))]
        return [
            _wrk(wrk, base, page, connections)
            for page in targets
            for connections in CONNECTIONS
        ]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _load_nginx(wrk: str, nginx: str, home_html: bytes) -> list[Row]:
    """Serve the saved home page from nginx: what a page cache could reach."""
    folder = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    try:
        (folder / "www").mkdir()
        (folder / "www" / "index.html").write_bytes(home_html)
        # nginx's workers drop root: let them read the page.
        for path in (folder, folder / "www", folder / "www" / "index.html"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        port = _free_port()
        (folder / "nginx.conf").write_text(
            NGINX_CONF.format(folder=folder, port=port, workers=WORKERS)
        )
        command = [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf")]
        command += ["-e", str(folder / "error.log"), "-g", "daemon off;"]
        print(f"Starting nginx on port {port}…")
        server = subprocess.Popen(command, start_new_session=True)
        try:
            _wait_for(f"http://127.0.0.1:{port}/")
            page = Page("home HTML (nginx)", "/", html_bytes=len(home_html))
            return [
                _wrk(wrk, f"http://127.0.0.1:{port}", page, connections)
                for connections in CONNECTIONS
            ]
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


NGINX_CONF = """
worker_processes {workers};
pid {folder}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {folder}/client;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    types {{ text/html html; }}
    server {{
        listen 127.0.0.1:{port};
        root {folder}/www;
        location / {{ try_files /index.html =404; }}
    }}
}}
"""

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk(wrk: str, base: str, page: Page, connections: int) -> Row:
    """Load one address for SECONDS with ``connections`` open connections."""
    command = [wrk, f"-t{min(connections, WORKERS)}", f"-c{connections}"]
    command += [f"-d{SECONDS}s", "--latency", "--timeout", "10s", base + page.url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = sum(
        int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output)
    ) + sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    row = Row(
        page=page.name,
        url=page.url,
        connections=connections,
        requests_per_s=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50_ms=_milliseconds(latency["50"]),
        p99_ms=_milliseconds(latency["99"]),
        errors=errors,
        queries=page.queries,
        html_bytes=page.html_bytes,
        server_ms=page.server_ms,
    )
    print(
        f"  {row.page:<22} c={connections:<3} {row.requests_per_s:8.1f} req/s  "
        f"p50 {row.p50_ms:7.2f} ms  p99 {row.p99_ms:7.2f} ms"
        + (f"  {errors} errors" if errors else "")
    )
    return row


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return round(float(number) * UNITS[unit], 2)


# Results --------------------------------------------------------------------


def _compare_with_ceilings(rows: list[Row]) -> None:
    ceilings = {
        (row.page, row.connections): row.requests_per_s
        for row in rows
        if row.page in ("static CSS (gunicorn)", "home HTML (nginx)")
    }
    for row in rows:
        static_rate = ceilings.get(("static CSS (gunicorn)", row.connections))
        nginx_rate = ceilings.get(("home HTML (nginx)", row.connections))
        row.x_static = (
            round(row.requests_per_s / static_rate, 3) if static_rate else None
        )
        row.x_nginx = round(row.requests_per_s / nginx_rate, 3) if nginx_rate else None


def _read(path: Path) -> dict[tuple[str, int], dict]:
    if not path.exists():
        return {}
    with path.open(newline="") as file:
        return {(r["page"], int(r["connections"])): r for r in csv.DictReader(file)}


def _change(now: float | None, before: str | None) -> str:
    if now is None or not before:
        return ""
    before = float(before)
    if before == 0:
        return ""
    return f"{(now - before) / before * 100:+.0f}%"


def _write(rows: list[Row]) -> None:
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

    header = (
        "| Page | Conns | Req/s | Δ | p50 ms | p99 ms | Δ p99 | Errors | Queries "
        "| HTML KB | Server ms | Δ server | × static | × nginx |"
    )
    lines = [
        "# Benchmark results",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f}, Python {platform.python_version()}, "
        f"{SECONDS} s per run, gunicorn {WORKERS} workers, commit {_commit()}.",
        "",
        "Server ms: median of in-process renders with the test client, warm caches,"
        " no page cache. × static and"
        " × nginx: the page's rate divided by that of a static file from the"
        " same gunicorn, and of the saved home page from nginx, at the same"
        " connections. Δ: change from the previous run.",
        "",
        header,
        _separator(header),
    ]
    for row in rows:
        before = previous.get((row.page, row.connections), {})
        lines.append(
            "| "
            + " | ".join(
                [
                    row.page,
                    str(row.connections),
                    f"{row.requests_per_s:.0f}",
                    _change(row.requests_per_s, before.get("requests_per_s")),
                    f"{row.p50_ms:.1f}",
                    f"{row.p99_ms:.1f}",
                    _change(row.p99_ms, before.get("p99_ms")),
                    str(row.errors),
                    "" if row.queries is None else str(row.queries),
                    "" if row.html_bytes is None else f"{row.html_bytes / 1024:.1f}",
                    "" if row.server_ms is None else f"{row.server_ms:.1f}",
                    _change(row.server_ms, before.get("server_ms")),
                    "" if row.x_static is None else f"{row.x_static:.2f}",
                    "" if row.x_nginx is None else f"{row.x_nginx:.3f}",
                ]
            )
            + " |"
        )
    md_path.write_text("\n".join(lines) + "\n")
    print("\n" + "\n".join(lines[6:]))
    print(f"\nWrote {csv_path} and {md_path}.")


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
