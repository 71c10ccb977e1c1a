"""Full-page cache for anonymous visitors: entries, tags and per-visitor values.

``home.middleware.PageCacheMiddleware`` stores and serves the pages; this module
holds what the rest of the code needs to keep them correct (docs/caching.md):

- Tags. Every entry records the version of each tag it depends on, read
  *before* the data was: all entries depend on ``CONTENT`` (pages, snippets,
  settings, images, documents, public pledge changes); a view showing data
  that changes often adds a tag of its own with ``depends_on()`` (seats left:
  ``workshop_tag(pk)`` and ``REGISTRATIONS``). ``invalidate()`` gives a tag a
  new random version once the transaction commits, and every entry that
  recorded the old one becomes a miss.
- Time. ``valid_until()`` shortens an entry's life when what it shows changes
  at a known time (a workshop's registration opens or closes).
- Per-visitor values. Inside a cached page, the CSRF token, the signed time a
  form was shown and a form's one-off key are placeholders; each visitor's copy
  gets fresh values (``per_visitor()``). Entries name them by a stable kind,
  never by function, and hold only plain data, so no release can fail to read
  another's entries.
- Failure. Any error reading or writing the cache is logged and taken as a
  miss: the page is rendered as if nothing were cached.
"""

import dataclasses
import datetime
import hashlib
import logging
import secrets
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from functools import partial
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

CONTENT = "content"
REGISTRATIONS = "registrations"

KEY_PREFIX = "page-cache"
# Links from newsletters and social media add these; no view reads them.
IGNORED_PARAMETERS = frozenset(
    {"fbclid", "gclid", "mc_cid", "mc_eid", "msclkid", "_ga", "_gl"}
)
IGNORED_PARAMETER_PREFIXES = ("utm_",)

Maker = Callable[[HttpRequest | None], str]
# What fills each kind of per-visitor value, registered by the code that
# makes it (``per_visitor``). Entries store the kind, never the function.
MAKERS: dict[str, Maker] = {}


def workshop_tag(workshop_pk: int) -> str:
    """The tag of one workshop's seats: its page and registration form show them."""
    return f"workshop:{workshop_pk}"


@dataclasses.dataclass
class Render:
    """What one cacheable rendering depends on, collected while it runs."""

    tags: dict[str, str]
    expires_at: datetime.datetime | None = None
    # Placeholder -> kind of per-visitor value.
    fillers: dict[str, str] = dataclasses.field(default_factory=dict)
    nonce: str = dataclasses.field(default_factory=lambda: secrets.token_hex(6))

    def placeholder(self, kind: str) -> str:
        # Letters, digits and hyphens only: unchanged by any escaping.
        name = f"page-cache-{self.nonce}-{len(self.fillers)}"
        self.fillers[name] = kind
        return name


_render: ContextVar[Render | None] = ContextVar("page_cache_render", default=None)


# Rendering -------------------------------------------------------------------


def start_render() -> tuple[Render, object]:
    """Begin collecting a rendering's tags; return it and the token to end it."""
    render = Render(tags=versions([CONTENT]))
    return render, _render.set(render)


def end_render(token) -> None:
    _render.reset(token)


def depends_on(*tags: str) -> None:
    """Record that the page being rendered shows data these tags cover.

    Call it before reading the data: the version is read now, so a change that
    commits while the page renders leaves the entry already out of date.
    """
    render = _render.get()
    if render is not None:
        render.tags.update(versions([tag for tag in tags if tag not in render.tags]))


def valid_until(moment: datetime.datetime | None) -> None:
    """Let the page being rendered be served from the cache until ``moment`` only."""
    render = _render.get()
    if render is None or moment is None:
        return
    if render.expires_at is None or moment < render.expires_at:
        render.expires_at = moment


def per_visitor(kind: str, make: Maker) -> str:
    """Return ``make(None)``, or a placeholder while a page renders for the cache.

    Each visitor's copy of the page then gets ``make(request)`` in place of
    the placeholder. ``kind`` names the value in stored entries; it must not
    change meaning between releases.
    """
    MAKERS.setdefault(kind, make)
    render = _render.get()
    if render is None:
        return make(None)
    return render.placeholder(kind)


def csrf_placeholder(request: HttpRequest) -> dict:
    """Context processor: ``{% csrf_token %}`` renders a placeholder for the cache.

    Listed after Django's own, it replaces ``csrf_token`` only while a page
    renders for the cache, so no visitor's token is ever stored.
    """
    if _render.get() is None:
        return {}
    return {"csrf_token": per_visitor("csrf", get_token)}


def fill(content: bytes, fillers: dict[str, str], request: HttpRequest) -> bytes:
    """Put this visitor's fresh values in place of the placeholders."""
    for name, kind in fillers.items():
        content = content.replace(name.encode(), MAKERS[kind](request).encode())
    return content


# Keys and entries ------------------------------------------------------------


def page_key(request: HttpRequest) -> str:
    """One entry per scheme, host, language, path and normalised query."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    query = urlencode(
        sorted(
            (
                (name, value)
                for name, value in pairs
                if name not in IGNORED_PARAMETERS
                and not name.startswith(IGNORED_PARAMETER_PREFIXES)
            ),
            key=lambda pair: pair[0],
        )
    )
    parts = (
        request.scheme,
        request.get_host(),
        translation.get_language() or "",
        request.path,
        query,
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:page:{digest}"


@dataclasses.dataclass
class Entry:
    """A stored response, kept in the cache as a dict of plain values."""

    status: int
    headers: list[tuple[str, str]]
    content: bytes
    tags: dict[str, str]
    fillers: dict[str, str]


def fetch(key: str) -> Entry | None:
    """The stored entry for ``key`` if every tag it recorded is still current.

    Anything unexpected (the cache down, an entry it cannot read, one that
    names a per-visitor value this process cannot fill) is a miss.
    """
    try:
        # Every entry depends on CONTENT: read its version with the entry, so
        # a hit on most pages is one round trip to the cache, not two.
        current = cache.get_many([key, _tag_key(CONTENT)])
        stored = current.get(key)
        if stored is None:
            return None
        entry = Entry(**stored)
        if not set(entry.fillers.values()) <= MAKERS.keys():
            return None
        others = [_tag_key(tag) for tag in entry.tags if tag != CONTENT]
        if others:
            current.update(cache.get_many(others))
    except Exception:
        logger.warning("Page cache: entry unreadable, rendering", exc_info=True)
        return None
    for tag, version in entry.tags.items():
        if current.get(_tag_key(tag)) != version:
            return None
    return entry


def store(key: str, entry: Entry, timeout: int) -> None:
    try:
        cache.set(key, dataclasses.asdict(entry), timeout)
    except Exception:
        logger.warning("Page cache: entry not stored", exc_info=True)


def seconds_left(render: Render, limit: int) -> int:
    """The entry's lifetime: the configured one, or less if ``valid_until`` said so."""
    if render.expires_at is None:
        return limit
    left = (render.expires_at - timezone.now()).total_seconds()
    return max(0, min(limit, int(left)))


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


# Tags ------------------------------------------------------------------------


def _tag_key(tag: str) -> str:
    return f"{KEY_PREFIX}:tag:{tag}"


def versions(tags: Iterable[str]) -> dict[str, str]:
    """The current version of each tag, giving a version to any that has none.

    Versions are random, never counters: a tag evicted from the cache and made
    again can never match an entry stored before.
    """
    tags = list(tags)
    if not tags:
        return {}
    try:
        found = cache.get_many([_tag_key(tag) for tag in tags])
        result = {}
        for tag in tags:
            version = found.get(_tag_key(tag))
            if version is None:
                version = secrets.token_hex(8)
                if not cache.add(_tag_key(tag), version, timeout=None):
                    # Another process gave it one first.
                    version = cache.get(_tag_key(tag)) or version
            result[tag] = version
    except Exception:
        logger.warning("Page cache: tags unreadable", exc_info=True)
        # Versions nothing else holds: whatever is stored with them never matches.
        return {tag: secrets.token_hex(8) for tag in tags}
    return result


def invalidate(*tags: str) -> None:
    """Make every cached page depending on ``tags`` stale once the change commits.

    After commit, not before: a page rendered meanwhile would read the old
    data but record the new version, and stay stale until it expires.
    """
    if tags and enabled():
        transaction.on_commit(partial(_bump, tags), robust=True)


def _bump(tags: Iterable[str]) -> None:
    try:
        cache.set_many(
            {_tag_key(tag): secrets.token_hex(8) for tag in tags}, timeout=None
        )
    except Exception:
        # Entries still expire after PAGE_CACHE_SECONDS at most.
        logger.error("Page cache: could not invalidate %s", tags, exc_info=True)
