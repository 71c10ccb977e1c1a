"""The language a person uses the site in, remembered for what we send them.

Pledges and registrations store the language they were made in, as one of
the codes of ``settings.LANGUAGES``; every later email to that person is
written in it (``translation.override``), with links to pages in it
(Wagtail's ``page.localized`` in that language).
"""

from collections.abc import Iterable
from typing import TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin


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


def content_language() -> str:
    """The active language as a Wagtail content language code (a locale's)."""
    return get_supported_content_language_variant(translation.get_language())


def default_content_language() -> str:
    """The default language as a content language code: that of source rows."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


T = TypeVar("T", bound=TranslatableMixin)


def localize_all(objects: Iterable[T], queryset: QuerySet | None = None) -> list[T]:
    """Each object in the active language where a translation exists, in order.

    The batch form of Wagtail's ``obj.localized``: one query for the whole
    list instead of one per object, so a listing's query count stays fixed.
    Objects already in the active language, or with no translation in
    ``queryset`` (default: every row of the model; pass ``Page.objects.live()``
    for pages), stay as they are. At most one query: the translations, with
    their locale (for ``lang_attr``); none when every object comes with its
    locale selected (``select_related("locale")``) and is in the active
    language already.
    """
    objects = list(objects)
    if not objects or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return objects
    language = content_language()
    # Objects whose locale was selected with them and is the reader's need
    # no look-up; if all are, there is no query at all.
    foreign = {
        o.translation_key
        for o in objects
        if not (type(o).locale.is_cached(o) and o.locale.language_code == language)
    }
    if not foreign:
        return objects
    if queryset is None:
        queryset = type(objects[0]).objects.all()
    translations = {
        t.translation_key: t
        for t in queryset.filter(
            translation_key__in=foreign, locale__language_code=language
        ).select_related("locale")
    }
    localized = []
    for o in objects:
        found = translations.get(o.translation_key)
        # An object in the reader's language is its own translation: keep it,
        # with whatever the caller selected or prefetched on it.
        localized.append(o if found is None or found.pk == o.pk else found)
    return localized


def in_language_of(page, objects: Iterable[T], queryset: QuerySet | None = None):
    """``objects`` in the language of ``page``, the page being read.

    ``localize_all``, skipped when every object is in the page's language
    already (an English page, as a rule), so it costs no query there.
    """
    objects = list(objects)
    if all(o.locale_id == page.locale_id for o in objects):
        return objects
    return localize_all(objects, queryset)
