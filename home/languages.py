"""The language a person uses the site in, remembered for what we send them.

Pledges and registrations store the language they were made in, as one of
the codes of ``settings.LANGUAGES``; every later email to that person is
written in it (``translation.override``), with links to pages in it
(Wagtail's ``page.localized`` in that language).
"""

from django.conf import settings
from django.utils import translation


def site_language(code: str | None) -> str:
    """The code in ``LANGUAGES`` nearest ``code`` ("fr", "fr-CA" → "fr-ca").

    The site's default language when nothing is near.
    """
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def current_language() -> str:
    """The language of the request being answered, as a ``LANGUAGES`` code."""
    return site_language(translation.get_language())


def staff_language(user) -> str:
    """The language a staff member reads the admin in, as a ``LANGUAGES`` code.

    Their chosen admin language; the site's default when they chose none,
    whatever language the request that sends them an email is in.
    """
    profile = getattr(user, "wagtail_userprofile", None) if user else None
    if profile is None:
        return settings.LANGUAGE_CODE
    with translation.override(settings.LANGUAGE_CODE):
        return site_language(profile.get_preferred_language())
