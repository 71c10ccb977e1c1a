"""Middleware of the whole site: the anonymous page cache and security headers."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_max_age

from home import page_cache

# Responses whose Cache-Control has any of these are never stored.
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# A page bigger than this is rendered each time rather than filling the cache.
MAX_ENTRY_BYTES = 2 * 1024 * 1024


class PageCacheMiddleware:
    """Serve anonymous GET and HEAD requests from the shared cache.

    Sits after ``CsrfViewMiddleware``: on a hit, the placeholder of the CSRF
    token is filled with ``get_token()``, and that middleware then sets the
    visitor's cookie. Sits before ``AuthenticationMiddleware`` and
    ``MessageMiddleware``: anonymity is decided on cookies alone, so a hit
    runs no SQL query, and a message set by the view shows as a cookie on the
    response, which is then not stored.

    Entries keep the response headers the view set, so the guide view counter
    further out still sees ``X-Count-View`` on a hit.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = page_cache.page_key(request)
        entry = page_cache.fetch(key)
        if entry is not None:
            return self._serve(entry, request)

        # The token may already need setting (a malformed cookie); only a view
        # asking for it directly, during this rendering, makes the page unsafe.
        csrf_already_used = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        render, token = page_cache.start_render()
        try:
            response = self.get_response(request)
        finally:
            page_cache.end_render(token)
        if response.streaming:
            return response
        fillers = {
            name: kind
            for name, kind in render.fillers.items()
            if name.encode() in response.content
        }
        timeout = self._timeout(request, response, render, csrf_already_used)
        if timeout:
            page_cache.store(
                key,
                page_cache.Entry(
                    status=response.status_code,
                    headers=list(response.items()),
                    content=response.content,
                    tags=render.tags,
                    fillers=fillers,
                ),
                timeout,
            )
        if fillers:
            response.content = page_cache.fill(response.content, fillers, request)
        response["X-Cache"] = "miss"
        return response

    def _cacheable_request(self, request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD") or not page_cache.enabled():
            return False
        excluded = (
            *settings.PAGE_CACHE_EXCLUDED_PATHS,
            settings.STATIC_URL,
            settings.MEDIA_URL,
        )
        if request.path_info.startswith(excluded):
            return False
        # Wagtail renders previews through the middleware with a made-up
        # request for the page's public address: never the cached live page.
        if getattr(request, "is_dummy", False):
            return False
        # A session may belong to a signed-in user or hold messages; so may
        # the messages cookie. Neither visitor may get, or give, a shared page.
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies

    def _timeout(self, request, response, render, csrf_already_used) -> int:
        """Seconds to keep the response for, or 0 when it must not be stored."""
        if response.status_code != 200 or response.cookies:
            return 0
        if len(response.content) > MAX_ENTRY_BYTES:
            return 0
        cache_control = response.get("Cache-Control", "").lower()
        if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
            return 0
        vary = {
            header.strip().lower()
            for header in response.get("Vary", "").split(",")
            if header.strip()
        }
        # Language is part of the key; any other variation is not.
        if vary - {"accept-language"}:
            return 0
        if getattr(request, "is_preview", False):
            return 0
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not csrf_already_used:
            return 0  # a real token may be in the content
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return 0
        limit = settings.PAGE_CACHE_SECONDS
        max_age = get_max_age(response)
        if max_age is not None:
            limit = min(limit, max_age)
        return page_cache.seconds_left(render, limit)

    def _serve(self, entry: page_cache.Entry, request: HttpRequest) -> HttpResponse:
        content = entry.content
        if entry.fillers:
            content = page_cache.fill(content, entry.fillers, request)
        response = HttpResponse(content, status=entry.status)
        for header, value in entry.headers:
            response[header] = value
        response["X-Cache"] = "hit"
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a second, relaxed policy for Wagtail's admin.

    The public site runs no inline script or style; the admin still needs
    some. Previews get the admin's policy too: Wagtail renders them through
    the middleware with a made-up request for the page's public address, and
    the admin frames them.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin_paths = tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS)
        in_admin = request.path_info.startswith(admin_paths) or getattr(
            request, "is_preview", False
        )
        if in_admin and not report_only:
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts


class PermissionsPolicyMiddleware:
    """Refuse the browser features of ``settings.PERMISSIONS_POLICY``.

    Django 5.2's ``SecurityMiddleware`` has no setting for this header. The
    header is built once; a response that sets its own keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowlist)})"
            for feature, allowlist in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
