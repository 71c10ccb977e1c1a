"""System checks for deployment (``manage.py check --deploy``)."""

import os

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Backends whose entries live in one process's memory or on one disk.
PER_PROCESS_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def shared_cache_with_several_workers(app_configs, **kwargs) -> list[Warning]:
    """Several workers with a per-process cache see each other's changes late
    and count rate limits each on their own."""
    workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if workers > 1 and backend in PER_PROCESS_BACKENDS:
        return [
            Warning(
                f"{workers} workers (WEB_CONCURRENCY) share no cache: {backend} "
                "keeps a copy in each process.",
                hint="Leave CACHES to the default (the database cache) or set "
                "REDIS_URL; see docs/caching.md.",
                id="home.W001",
            )
        ]
    return []
