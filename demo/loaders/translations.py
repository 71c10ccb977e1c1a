"""French copies of the demo's pages and snippets, made as staff make them.

A page's French is written, not translated segment by segment, so each copy
is a plain Wagtail translation (``copy_for_translation``) that staff edit in
the ordinary editor: a wagtail-localize synced translation would mark every
French text as untranslated and put the English back on its next sync.

Each function creates the French copy only when it is missing, so running the
demo again adds nothing and keeps what staff edited.
"""

from collections.abc import Callable
from typing import TextIO, TypeVar

from wagtail.models import Locale, Page, TranslatableMixin

FRENCH = "fr-ca"

P = TypeVar("P", bound=Page)


def french_locale() -> Locale:
    """The Canadian French locale, added the first time."""
    return Locale.objects.get_or_create(language_code=FRENCH)[0]


def translate_page(
    page: P,
    fields: dict,
    stdout: TextIO,
    edit: Callable[[P], None] | None = None,
) -> P:
    """``page``'s French translation: a copy with ``fields`` set, published.

    ``edit`` changes the copy further before it is published, such as the
    text of its inline items. The parent must have a French translation.
    """
    locale = french_locale()
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    if edit is not None:
        edit(copy)
    copy.save_revision().publish()
    copy.refresh_from_db()
    stdout.write(f"Created the French page “{copy.title}”.")
    return copy


def is_translatable(model) -> bool:
    """Whether the model has a row per language (Wagtail's ``TranslatableMixin``)."""
    return issubclass(model, TranslatableMixin)


T = TypeVar("T", bound=TranslatableMixin)


def translate_snippet(
    obj: T, fields: dict, edit: Callable[[T], None] | None = None
) -> T:
    """``obj``'s French translation: a copy with ``fields`` set, saved once.

    ``edit`` changes the copy further before it is saved.
    """
    locale = french_locale()
    existing = obj.get_translation_or_none(locale)
    if existing is not None:
        return existing
    copy = obj.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    if edit is not None:
        edit(copy)
    copy.save()
    return copy


def in_default_locale(model) -> dict:
    """Filter arguments for the default language's rows of a translatable model."""
    if is_translatable(model):
        return {"locale": Locale.get_default()}
    return {}


def without_french(spec: dict) -> dict:
    """A content entry without its ``fr:`` mapping: the English fields."""
    return {key: value for key, value in spec.items() if key != "fr"}
