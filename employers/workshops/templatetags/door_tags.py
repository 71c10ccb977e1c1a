"""The registrant's door pass: the reference as text and its QR code."""

from django import template
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from employers.workshops import door
from employers.workshops.models import Registration

register = template.Library()


@register.filter
def door_reference(reference: str) -> str:
    """``ABCD2345`` as staff read it out: ``ABCD-2345``."""
    return door.display_reference(reference)


@register.simple_tag(takes_context=True)
def door_qr(context: template.Context, registration: Registration) -> SafeString:
    """The QR code of the registration's check-in address, as inline SVG."""
    request: HttpRequest | None = context.get("request")
    url = door.check_in_url(registration)
    if request is not None:
        url = request.build_absolute_uri(url)
    label = _("QR code for reference %(reference)s") % {
        "reference": door.display_reference(registration.reference)
    }
    return door.qr_svg(url, label)
