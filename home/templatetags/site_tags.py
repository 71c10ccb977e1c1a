"""The site's words (``SiteText``) in the reader's language, for templates."""

from django import template

from wagtail.models import Site

from home.models import SiteSettings, SiteText
from home.site_text import site_text_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_text(context) -> SiteText:
    """``{% site_text as text %}``: name, tagline, address, funder's credit.

    In the reader's language, falling back to the default language's row.
    One query at most beside the settings (none for a reader of the default
    language).
    """
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return SiteText()
    return site_text_for(SiteSettings.for_request(request))
