"""The environment every benchmark process runs in: production settings, the
benchmark's own PostgreSQL database and folders under var/bench/.

Imported before Django starts; values already in the environment win.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welcoming_bench"
)

ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "benchmark-only-not-secret",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": DATABASE_URL,
    "MEDIA_ROOT": str(OUT / "media"),
    "PRIVATE_MEDIA_ROOT": str(OUT / "private-media"),
    # Plain HTTP on loopback: no redirect to HTTPS, no HSTS, cookies over HTTP.
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    # Loading the data publishes pages; nothing may be mailed.
    "EMAIL_URL": "dummymail://",
    "LOG_LEVEL": "WARNING",
    # Each gunicorn process keeps its own memory cache unless this is set.
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", ""),
}


def configure() -> None:
    """Set the benchmark's environment, keeping what the caller set."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, value in ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    # The project's .env is for a server, never for the benchmark database.
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["DJANGO_SETTINGS_MODULE"] = ENVIRONMENT["DJANGO_SETTINGS_MODULE"]
