"""A real 403 for admin views that refuse a signed-in user.

Wagtail turns a raised ``PermissionDenied`` into a redirect to the dashboard
with a message; the views that handle personal data answer 403 instead, so
the refusal is unambiguous to the browser, to tests and to monitoring.
"""

from django.http import HttpRequest
from django.template.response import TemplateResponse


def forbidden(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "home/admin/forbidden.html", status=403)
