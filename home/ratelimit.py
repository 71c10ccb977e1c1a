"""A fixed-window rate limit kept in the shared cache.

Keys are hashed, so no address or email is stored, only a counter that expires.
While the shared cache cannot be reached, each process counts on its own
(the "local" cache): limits hold per worker rather than not at all.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_ip(request: HttpRequest) -> str:
    """Return the visitor's address, trusting only the configured proxies."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


# Providers that deliver "j.o.e@" to "joe@": one inbox, one count.
DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def normalize_email(address: str) -> str:
    """The inbox an address reaches, to count mail per person, not per spelling.

    Lower case, without a ``+tag``, and without dots where the provider
    ignores them (Gmail). Only for counting: mail goes to the address given.
    """
    local, _at, domain = address.strip().lower().rpartition("@")
    if not local:
        return address.strip().lower()
    local = local.partition("+")[0]
    if domain in DOTLESS_DOMAINS:
        domain = DOTLESS_DOMAINS[domain]
        local = local.replace(".", "")
    return f"{local}@{domain}"


def hit(scope: str, identity: str, *, limit: int, window: int) -> bool:
    """Count one attempt; return True when ``identity`` is over ``limit``."""
    digest = hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    try:
        count = _count(caches["default"], key, window)
    except Exception:
        count = None
    if count is None:
        logger.warning("Rate limit %s counted in this process only", scope)
        count = _count(caches["local"], key, window)
    return count > limit


def _count(cache, key: str, window: int) -> int | None:
    """Add one to the window's counter; None when the cache did not answer.

    django-redis answers None instead of raising when Redis is unreachable.
    """
    added = cache.add(key, 1, timeout=window)
    if added:
        return 1
    if added is None:
        return None
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        return 1 if cache.add(key, 1, timeout=window) else None
