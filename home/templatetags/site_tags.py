"""The site's words (``SiteText``) in the reader's language, for templates."""

from django import template
from django.urls import reverse
from django.utils.text import Truncator

from wagtail.models import Site

from home.colours import stylesheet_version
from home.models import SiteSettings, SiteText
from home.site_text import site_text_for

register = template.Library()

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160
# The fields that say what a page is about, most specific first: a guide's or
# workshop's summary, a listing's introduction, the home page's hero text.
DESCRIBING_FIELDS = ("summary", "intro", "hero_text")


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


@register.simple_tag
def meta_description(page, fallback: str = "") -> str:
    """``{% meta_description page text.tagline %}``: what the page is about.

    The page's search description, else its summary or introduction, else
    ``fallback`` (the site's tagline): plain text on one line, cut to about
    160 characters. Autoescaped where it is output.
    """
    candidates = [getattr(page, "search_description", "")]
    candidates += [getattr(page, name, "") for name in DESCRIBING_FIELDS]
    text = next((c for c in candidates if isinstance(c, str) and c.strip()), "")
    return Truncator(" ".join((text or fallback).split())).chars(DESCRIPTION_LENGTH)


@register.simple_tag
def stylesheet_url(brand: SiteSettings) -> str:
    """The address of the site's one stylesheet, with the brand's colours."""
    version = stylesheet_version(brand.primary_colour, brand.accent_colour)
    return f"{reverse('brand_css')}?v={version}"
