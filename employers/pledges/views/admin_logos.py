"""Logos in the admin: moderators see what they approve.

Logos live in private storage, never served as they are; this view streams
one to staff allowed to review pledges, with headers that keep the browser
from treating it as anything but an image.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from employers.pledges.logos import image_type
from employers.pledges.models import Pledge

# Which of the pledge's logo fields each address shows.
VERSIONS = {"current": "logo", "pending": "pending_logo"}
# The same people who see pledges awaiting review on the dashboard.
PERMISSIONS = ("pledges.moderate_pledge", "pledges.view_pledge")


def can_see_logos(user) -> bool:
    return any(user.has_perm(permission) for permission in PERMISSIONS)


def logo_preview_url(pledge: Pledge, version: str) -> str:
    """The admin address of a logo, or "" when the pledge has none."""
    if not getattr(pledge, VERSIONS[version]):
        return ""
    return reverse("pledges_logo_preview", args=[pledge.pk, version])


def logo_preview(request: HttpRequest, pk: int, version: str) -> HttpResponse:
    if not can_see_logos(request.user):
        raise PermissionDenied
    if version not in VERSIONS:
        raise Http404
    file = getattr(get_object_or_404(Pledge, pk=pk), VERSIONS[version])
    if not file:
        raise Http404
    try:
        with file.open("rb") as stored:
            content = stored.read()
    except FileNotFoundError:
        raise Http404 from None
    content_type = image_type(content)
    if content_type is None:
        # Not a PNG, JPEG or WebP by its bytes: refused, never shown inline.
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Content-Disposition"] = "inline"
    return response
