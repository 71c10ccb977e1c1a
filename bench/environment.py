"""The environment every benchmark process runs in: production settings, the
benchmark's own PostgreSQL database and folders under var/bench/.

Imported before Django starts; values already in the environment win.
"""

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welcoming_bench"
)
# The documented stack's Redis, in a database of its own; set it empty to use
# the database cache instead.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")

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
}


def configure() -> None:
    """Set the benchmark's environment, keeping what the caller set."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, value in ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    # The project's .env is for a server, never for the benchmark database.
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["DJANGO_SETTINGS_MODULE"] = ENVIRONMENT["DJANGO_SETTINGS_MODULE"]


def use_redis() -> str:
    """Point the cache at REDIS_URL if it answers; returns the URL or "".

    Keys get a prefix of this run's own, so runs (on other data, at the same
    time) never read each other's pages, and ``forget_redis_keys`` removes
    them at the end. Without an answer, the database cache: a Redis that is
    down would make every page a miss, measuring nothing.
    """
    os.environ["REDIS_URL"] = ""
    if not REDIS_URL:
        return ""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError as error:
        print(f"Redis at {REDIS_URL} does not answer ({error}): database cache.")
        return ""
    os.environ["REDIS_URL"] = REDIS_URL
    os.environ["CACHE_KEY_PREFIX"] = f"ww-bench-{os.getpid()}-{time.time():.0f}"
    return REDIS_URL


def forget_redis_keys() -> None:
    """Delete this run's keys from Redis."""
    if not os.environ.get("REDIS_URL"):
        return
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    prefix = os.environ["CACHE_KEY_PREFIX"]
    for keys in _batches(client.scan_iter(match=f"{prefix}:*", count=1000)):
        client.delete(*keys)


def _batches(iterable, size: int = 500):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
