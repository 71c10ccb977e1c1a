"""What every public page reads about its site, kept in the shared cache.

The Wagtail site for a host name, the locales, site settings, menus,
breadcrumbs, the language switcher's links, the guide and workshop filters
and the pages on each page's address (``home.routing``) change only when staff
save or publish something, yet each page would read them from the
database. Here a request reads them from the cache instead.

Every entry's key holds the *content version*. Publishing, unpublishing,
moving or deleting a page, and saving a site, locale, image or site setting
start a new version (``home.signals``), so later requests rebuild what they
need. With a shared cache (``REDIS_URL``) that holds for every process at once;
processes that each keep their own memory cache see a change within
``TIMEOUT`` seconds.
"""

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site
from wagtail.models.sites import get_site_for_hostname

T = TypeVar("T")

TIMEOUT = 5 * 60
PREFIX = "site-cache"
VERSION_KEY = f"{PREFIX}:version"


def content_version() -> str:
    """The current content version, started here if the cache has none."""
    version = cache.get(VERSION_KEY)
    if version is None:
        # A version that is lost (evicted, cache restarted) only means a new
        # one: nothing cached under the old one is read again.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def new_version() -> None:
    """Start a new content version now and again once the transaction commits.

    The second change stops a request that ran during the transaction from
    caching what it read before the commit.
    """
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(
        lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    )


def get_or_build(
    name: str,
    build: Callable[[], T],
    *parts: Any,
    stale: Callable[[T], bool] | None = None,
) -> T:
    """Read ``name`` for the current content version, building it when missing.

    ``build`` must not return None. ``stale`` tells whether a value read has
    gone out of date with time alone; it is then built again.
    """
    key = _key(name, parts)
    value = cache.get(key)
    if value is None or (stale is not None and stale(value)):
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def get_cached(name: str, *variants: tuple) -> dict[tuple, Any]:
    """What ``store`` kept under ``name`` for the current content version, by
    the parts of each variant found (one cache read for all of them).
    """
    version = content_version()
    keys = {_key(name, parts, version): parts for parts in variants}
    return {keys[key]: value for key, value in cache.get_many(list(keys)).items()}


def store(name: str, value: Any, *parts: Any) -> None:
    """Keep ``value`` (never None) under ``name`` for the current content version."""
    cache.set(_key(name, parts), value, TIMEOUT)


def _key(name: str, parts: tuple, version: str | None = None) -> str:
    version = version or content_version()
    return ":".join([PREFIX, name, version, *map(str, parts)])


def find_site(request: HttpRequest) -> Site | None:
    """The site serving ``request``, with its root page ready to route.

    The root page is loaded in its own page type with only the tree's fields
    (``specific_deferred``), which is all that routing needs; the home page
    reads its content afresh when it is the page served.
    """
    try:
        # Only hosts that ALLOWED_HOSTS accepts get an entry.
        hostname = split_domain_port(request.get_host())[0]
    except DisallowedHost:
        return None
    port = request.get_port()

    def build():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return False
        site.root_page = site.root_page.specific_deferred
        return site

    return get_or_build("site", build, hostname, port) or None


class CachedSiteMiddleware:
    """Give Wagtail the request's site from the cache rather than the database.

    ``Site.find_for_request`` keeps the site it finds on the request as
    ``request._wagtail_site`` and reads it from there afterwards; setting it
    here first serves every later lookup in the request: routing, settings
    and page addresses.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        site = find_site(request)
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)


def locale_ids() -> dict[str, int]:
    """Each content language's locale id, by language code."""
    return get_or_build(
        "locales",
        lambda: dict(Locale.objects.values_list("language_code", "pk")),
    )


def active_language() -> str:
    """The active language as a content language code, such as "fr-ca"."""
    return get_supported_content_language_variant(translation.get_language())


def active_locale_id() -> int | None:
    """The locale of the active language, as ``Locale.get_active()`` finds it.

    Falls back to the default language's, then None when neither exists.
    """
    ids = locale_ids()
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return ids.get(active_language(), ids.get(default))


def language_code(locale_id: int) -> str | None:
    """The language code of a locale, or None if the cache does not know it."""
    for code, pk in locale_ids().items():
        if pk == locale_id:
            return code
    return None


class CachedSettingMixin:
    """Read a site setting from the site cache in front-end requests.

    Only ``for_request`` uses the cache: ``for_site``, which the settings
    editor and background tasks call, still reads the database, so staff
    always edit the stored row.
    """

    #: Related rows read once with the setting, as ``prefetch_related`` names.
    cache_prefetch: tuple[str, ...] = ()

    @classmethod
    def for_request(cls, request: HttpRequest):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)

        def build():
            instance = cls.for_site(site)
            prefetch_related_objects([instance], *cls.cache_prefetch)
            return instance

        instance = get_or_build(f"setting:{cls._meta.label_lower}", build, site.pk)
        # As Wagtail does: lets the setting build page addresses for this request.
        instance._request = request
        setattr(request, attr_name, instance)
        return instance
