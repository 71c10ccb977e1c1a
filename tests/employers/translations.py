"""French copies of pages for the language tests, made as staff make them."""

from wagtail.models import Locale, Page


def french_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="fr-ca")[0]


def publish_in_french(page: Page, **fields) -> Page:
    """Copy ``page`` into French (its parents first, if not yet), set
    ``fields`` and publish: its address is then under /fr-ca/."""
    locale = french_locale()
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    parent = page.get_parent()
    if not parent.is_root() and not parent.has_translation(locale):
        publish_in_french(parent.specific)
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def save_in_french(item, **fields):
    """Copy a translatable snippet (a topic, a venue…) into French with
    ``fields`` set, as staff do through Translate."""
    copy = item.copy_for_translation(french_locale())
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy
