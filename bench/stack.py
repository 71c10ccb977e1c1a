"""The production stack on loopback, for the benchmarks: gunicorn with
deploy/gunicorn.conf.py, nginx with deploy/nginx.conf, and ``wrk`` to load them.

nginx runs the repository's own file, adapted only where a loopback run must
differ (no TLS, a free port, temporary folders); every change is asserted, so
a config that drifts from what this module expects stops the benchmark rather
than silently measuring something else.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench import environment

NGINX_CONF = environment.ROOT / "deploy" / "nginx.conf"
GUNICORN_CONF = environment.ROOT / "deploy" / "gunicorn.conf.py"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Server:
    """A running server: its address and its master process."""

    base: str
    pid: int


@dataclass
class Load:
    """What ``wrk`` saw: rate, latency percentiles in milliseconds, errors."""

    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


# Tools ----------------------------------------------------------------------


def tool(command: str, packages: list[str], *, required: bool) -> str | None:
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
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


def fetch(url: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read(), dict(response.headers)


def wrk(
    command: str,
    url: str,
    connections: int,
    seconds: int,
    headers: dict[str, str] | None = None,
) -> Load:
    """Load ``url`` for ``seconds`` with ``connections`` open connections,
    each request carrying ``headers``.

    Two wrk threads: the machine's cores are shared with the servers.
    """
    arguments = [command, f"-t{min(connections, 2)}", f"-c{connections}"]
    arguments += [f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in (headers or {}).items():
        arguments += ["-H", f"{name}: {value}"]
    arguments.append(url)
    output = subprocess.run(
        arguments, capture_output=True, text=True, check=True
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = sum(
        int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output)
    ) + sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return Load(
        requests_per_s=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50_ms=milliseconds(latency["50"]),
        p99_ms=milliseconds(latency["99"]),
        errors=errors,
        requests=int(re.search(r"(\d+) requests in", output)[1]),
    )


def milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return round(float(number) * UNITS[unit], 2)


# gunicorn -------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(
    *,
    cached: bool,
    settings: dict[str, str] | None = None,
    workers: int = 2,
    app: str = "config.wsgi",
) -> Iterator[Server]:
    """gunicorn with deploy/gunicorn.conf.py on a free port.

    ``settings`` are environment variables the config file reads
    (GUNICORN_WORKER_CLASS, GUNICORN_THREADS, GUNICORN_KEEPALIVE…), so each
    variant measured is the shipped file with other values.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "PAGE_CACHE_SECONDS": "600" if cached else "0",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        **(settings or {}),
    }
    command = [sys.executable, "-m", "gunicorn", app]
    command += ["--config", str(GUNICORN_CONF)]
    server = subprocess.Popen(
        command, cwd=environment.ROOT, env=env, start_new_session=True
    )
    try:
        wait_for(base + "/")
        yield Server(base, server.pid)
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """Stop a server's whole process group, by force if it lingers."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


def cpu_seconds(server: Server) -> dict[int, float]:
    """CPU time (user and system, every thread) of the master and each worker.

    On a machine shared with other work, latency and rate swing with the
    neighbours; the CPU a request costs, and how it spreads across workers,
    hold still.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    used = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The fields after the command name, which may hold spaces.
        values = stat[stat.rindex(")") + 2 :].split()
        pid, parent = int(entry.name), int(values[1])
        if server.pid in (pid, parent):
            used[pid] = (int(values[11]) + int(values[12])) / ticks
    return used


def warm(base: str, paths: list[str], workers: int = 2) -> None:
    """Ask for each page a few times, so every worker's caches are warm."""
    for path in paths:
        for _ in range(4 * workers):
            fetch(base + path)


# nginx ----------------------------------------------------------------------

# Around the repository's file: what Debian's /etc/nginx/nginx.conf gives the
# sites it includes, with this run's folders.
WRAPPER = """
worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {folder}/client;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{site}
}}
"""

# Files from disk, the ceiling a page cache in front could reach.
DISK_SITE = """
    access_log off;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/www;
        location / {{ try_files $uri =404; }}
    }}
"""


def site_config(
    *,
    port: int,
    upstream: str,
    folder: Path,
    static_root: str,
    media_root: str,
    micro_cache: bool,
) -> str:
    """deploy/nginx.conf as a plain-HTTP loopback site in front of ``upstream``."""
    text = NGINX_CONF.read_text()

    def replace(pattern: str, new: str, count: int = 1) -> None:
        nonlocal text
        text, found = re.subn(pattern, new, text, flags=re.MULTILINE | re.DOTALL)
        if found != count:
            raise RuntimeError(f"deploy/nginx.conf changed: {pattern!r} x{found}")

    # The redirect to HTTPS has no place on loopback; the HTTPS server
    # listens on plain HTTP, without certificates.
    replace(r"^server \{\n    listen 80;.*?\n\}\n", "")
    replace(r"^    listen 443 ssl http2;$", f"    listen 127.0.0.1:{port};")
    replace(r"^    listen \[::\]:443 ssl http2;\n", "")
    replace(r"^    ssl_\w+ [^;]*;\n", "", count=5)
    replace(r"server 127\.0\.0\.1:8000 ", f"server {upstream} ")
    replace(r"/var/cache/nginx/welcoming", f"{folder}/cache")
    replace(r"/var/log/nginx/welcoming\.access\.log", f"{folder}/access.log")
    replace(r"/srv/welcoming/static/", f"{static_root.rstrip('/')}/")
    replace(r"/srv/welcoming/media/", f"{media_root.rstrip('/')}/")
    if not micro_cache:
        replace(r"^        proxy_cache welcoming_pages;\n", "")
    return text


def _readable(folder: Path) -> None:
    """nginx's workers drop root: let them read and write the run's folder."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o777 if path.is_dir() else 0o644)


@contextlib.contextmanager
def _nginx(command: str, folder: Path, site: str) -> Iterator[int]:
    config = folder / "nginx.conf"
    config.write_text(WRAPPER.format(folder=folder, site=site))
    _readable(folder)
    arguments = [command, "-p", str(folder), "-c", str(config)]
    arguments += ["-e", str(folder / "error.log")]
    checked = subprocess.run([*arguments, "-t"], capture_output=True, text=True)
    if checked.returncode:
        raise RuntimeError(checked.stderr)
    server = subprocess.Popen([*arguments, "-g", "daemon off;"], start_new_session=True)
    try:
        yield server.pid
    finally:
        _stop(server)


@contextlib.contextmanager
def nginx_proxy(
    command: str, upstream_base: str, *, micro_cache: bool
) -> Iterator[Server]:
    """deploy/nginx.conf in front of the gunicorn at ``upstream_base``."""
    folder = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    port = free_port()
    site = site_config(
        port=port,
        upstream=upstream_base.removeprefix("http://"),
        folder=folder,
        static_root=os.environ.get("STATIC_ROOT", str(folder / "static")),
        media_root=os.environ.get("MEDIA_ROOT", str(folder / "media")),
        micro_cache=micro_cache,
    )
    try:
        (folder / "cache").mkdir()
        with _nginx(command, folder, site) as pid:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/")
            yield Server(base, pid)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def nginx_files(command: str, files: dict[str, bytes]) -> Iterator[Server]:
    """nginx serving ``files`` (name: content) from disk."""
    folder = Path(tempfile.mkdtemp(prefix="bench-nginx-disk-"))
    port = free_port()
    try:
        (folder / "www").mkdir()
        for name, content in files.items():
            (folder / "www" / name).write_bytes(content)
        site = DISK_SITE.format(folder=folder, port=port)
        with _nginx(command, folder, site) as pid:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/{next(iter(files))}")
            yield Server(base, pid)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
