"""Real servers for the reliability checks: PostgreSQL, gunicorn, SMTP and a client.

Everything listens on free loopback ports picked at run time and lives in
throwaway folders, so the checks can run beside a developer's own servers.
"""

import asyncio
import collections
import email
import http.client
import logging
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg2
from aiosmtpd.controller import Controller

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port nothing listens on now (the kernel's pick)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, *, timeout: float, interval: float = 0.1) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


# SMTP ------------------------------------------------------------------------


class _Recorder:
    def __init__(self, sink: "SmtpSink"):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        message = email.message_from_bytes(envelope.content)
        with self.sink.lock:
            for recipient in envelope.rcpt_tos:
                self.sink.received.append((recipient.lower(), message))
        return "250 Message accepted for delivery"


class SmtpSink:
    """A local SMTP server that keeps every message it is given."""

    def __init__(self):
        # aiosmtpd logs every SMTP command at INFO.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self.port = free_port()
        self.lock = threading.Lock()
        self.received: list[tuple[str, email.message.Message]] = []
        self._controller = Controller(
            _Recorder(self), hostname="127.0.0.1", port=self.port
        )

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def per_recipient(self) -> collections.Counter:
        with self.lock:
            return collections.Counter(recipient for recipient, _ in self.received)

    def __enter__(self) -> "SmtpSink":
        self._controller.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._controller.stop()
        # aiosmtpd leaves its loop open; close it so no ResourceWarning follows.
        loop: asyncio.AbstractEventLoop = self._controller.loop
        if not loop.is_closed():
            loop.close()


# PostgreSQL ------------------------------------------------------------------


def postgres_bin_dir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` live: PG_BIN, the PATH, or Debian's folder."""
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += debian
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def postgres_unavailable() -> str | None:
    """Why this machine cannot run a throwaway cluster, or None if it can."""
    if sys.platform != "linux":
        return "the server checks read /proc and need Linux"
    if postgres_bin_dir() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found; set PG_BIN"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run initdb"
        if shutil.which("runuser") is None:
            return "running as root without runuser to start PostgreSQL as 'postgres'"
    return None


class PostgresCluster:
    """A PostgreSQL cluster of its own in a temporary folder, on a free port.

    initdb refuses to run as root, so as root every server command runs as the
    ``postgres`` user through ``runuser`` in a folder that user owns.
    """

    def __init__(self):
        self.bin = postgres_bin_dir()
        self.port = free_port()
        # Not pytest's tmp_path: its parent is private to root, and the
        # server's user must reach the folder.
        self.root = Path(tempfile.mkdtemp(prefix="ww-reliability-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)

    def _command(self, program: str, *args: str) -> list[str]:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return command

    def _run(self, program: str, *args: str, timeout: float = 60) -> str:
        done = subprocess.run(
            self._command(program, *args),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,
        )
        if done.returncode:
            raise RuntimeError(
                f"{program} failed ({done.returncode}): {done.stderr or done.stdout}"
            )
        return done.stdout

    def start(self) -> None:
        self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--auth=trust",
            "--username=postgres",
            "--encoding=UTF8",
            "--no-sync",
        )
        self.options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.root}",
                # Only an operating system crash could lose data with fsync off;
                # a server restart, the thing tested here, cannot.
                "-c fsync=off",
            ]
        )
        self.start_server()

    def start_server(self) -> None:
        self._run(
            "pg_ctl",
            *("-D", str(self.data), "-l", str(self.log), "-o", self.options),
            *("-w", "-t", "30", "start"),
        )

    def stop_server(self) -> None:
        """Disconnect everyone at once (fast shutdown) and stay down."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        """Disconnect everyone at once (fast shutdown) and start again."""
        # The log file again: without one the server would hold our pipe open.
        self._run(
            "pg_ctl",
            *("-D", str(self.data), "-l", str(self.log), "-m", "fast"),
            *("-w", "-t", "30", "restart"),
        )

    def destroy(self) -> None:
        """Stop the server at once and delete the cluster."""
        if self.data.exists():
            stop = ("-D", str(self.data), "-m", "immediate", "stop")
            subprocess.run(
                self._command("pg_ctl", *stop),
                capture_output=True,
                timeout=60,
                cwd=self.root,
            )
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres"):
        connection = psycopg2.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=database
        )
        connection.autocommit = True
        return connection

    def query(self, database: str, sql: str, params: Iterable = ()) -> list[tuple]:
        connection = self.connect(database)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, tuple(params))
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()


# The site under gunicorn -----------------------------------------------------


def site_environment(
    *, database_url: str, email_url: str, folder: Path, secret_key: str
) -> dict[str, str]:
    """Production settings, as on a server, except plain HTTP on loopback.

    One proxy is trusted for the client address, so each simulated visitor
    comes from an address of its own, as they would behind nginx.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "EMAIL_URL": email_url,
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "NUM_PROXIES": "1",
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    """Run a management command with the site's environment; return its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


class Gunicorn:
    """The site under gunicorn, as deployed: sync workers behind one socket.

    The access log names the worker (``%(p)s``) of each request, so a test can
    tell that every worker, not just one, answers.
    """

    def __init__(self, env: dict[str, str], folder: Path, *, workers: int = 2):
        self.env = env
        self.port = free_port()
        self.workers = workers
        self.access_log = folder / f"access-{self.port}.log"
        self.error_log = folder / f"error-{self.port}.log"
        self.process: subprocess.Popen | None = None
        self.error_text = ""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Gunicorn":
        self._log_file = self.error_log.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=30",
                "--graceful-timeout=5",
                f"--access-logfile={self.access_log}",
                "--access-logformat=%(p)s %(s)s %(m)s %(U)s",
                # Its default socket in $HOME would be shared with any other
                # gunicorn of this user.
                "--no-control-socket",
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.DEVNULL,
            # Gunicorn's own messages and the site's logs (Django's tracebacks).
            stderr=self._log_file,
        )
        ready = wait_for(self._answers, timeout=60, interval=0.25)
        if not ready or len(self.worker_pids()) != self.workers:
            self.__exit__(None, None, None)
            raise RuntimeError(f"gunicorn did not start:\n{self.errors()}")
        return self

    def _answers(self) -> bool:
        try:
            return Visitor(self.base_url).get("/robots.txt").status == 200
        except OSError:
            return False

    def __exit__(self, *exc_info) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log_file.close()
        self.error_text = self.errors()

    def worker_pids(self) -> list[int]:
        """The worker processes the master forked (Linux /proc)."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children")
        try:
            return sorted(int(child) for child in children.read_text().split())
        except FileNotFoundError:
            return []

    def errors(self) -> str:
        return self.error_log.read_text() if self.error_log.exists() else ""

    def access_entries(self) -> list[tuple[int, int, str, str]]:
        """(worker pid, status, method, path) for each request served so far."""
        if not self.access_log.exists():
            return []
        entries = []
        for line in self.access_log.read_text().splitlines():
            pid, status, method, path = line.split(" ", 3)
            entries.append((int(pid.strip("<>")), int(status), method, path))
        return entries


def rss_kib(pid: int) -> int:
    """Resident memory of a process in KiB, from /proc/<pid>/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


# A visitor -------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Visitor:
    """One person with a browser: cookies, and an address the proxy reports."""

    base_url: str
    address: str = "198.51.100.1"
    timeout: float = 30
    cookies: dict[str, str] = field(default_factory=dict)

    def _request(self, method: str, path: str, body: bytes | None, headers: dict):
        host, port = self.base_url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=self.timeout)
        headers = {"X-Forwarded-For": self.address, **headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            reply = connection.getresponse()
            content = reply.read()
            for header in reply.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie(header)
                self.cookies.update({name: m.value for name, m in cookie.items()})
            return Response(reply.status, dict(reply.headers.items()), content)
        finally:
            connection.close()

    def get(self, path: str) -> Response:
        return self._request("GET", path, None, {})

    def post(self, path: str, data: dict) -> Response:
        body = urlencode(data, doseq=True).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self._request("POST", path, body, headers)

    def csrf_token(self, html: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not found:
            raise AssertionError("the page has no form with a CSRF token")
        return found[1]
