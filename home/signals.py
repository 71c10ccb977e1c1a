"""Cached pages go stale when pages, settings, navigation or media change.

Such changes are rare, so each makes every cached page stale
(``page_cache.CONTENT``). Apps connect ``content_changed`` to the models they
own whose changes show on public pages (``resources.signals``,
``employers.pledges.signals``, ``employers.workshops.signals``); data that
changes often has tags of its own. See docs/caching.md.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache
from home.models import (
    Community,
    FooterLink,
    MainMenuItem,
    Navigation,
    SiteText,
    SocialLink,
)

# Settings (and their inline rows, saved after the setting itself), the
# site's words, communities and navigation in each language, and what Wagtail
# keeps about sites, locales, privacy and media.
CONTENT_MODELS = (
    BaseSiteSetting,
    SocialLink,
    SiteText,
    Community,
    Navigation,
    MainMenuItem,
    FooterLink,
    Site,
    Locale,
    PageViewRestriction,
    AbstractImage,
    AbstractDocument,
)


def content_changed(sender=None, **kwargs) -> None:
    """Make every cached page stale once the change commits."""
    page_cache.invalidate(page_cache.CONTENT)


@receiver(post_save)
@receiver(post_delete)
def model_changed(sender, **kwargs) -> None:
    if issubclass(sender, CONTENT_MODELS):
        content_changed()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs) -> None:
    """A page's own content, and every menu, listing and link that shows it.

    Unpublishing descendants and moving a page update rows without saving.
    """
    content_changed()


@receiver(post_save)
def live_page_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """A live page saved in full outside publishing (code, imports, the demo).

    Draft saves name their fields and leave the live page as it was.
    """
    if isinstance(instance, Page) and instance.live and update_fields is None:
        content_changed()


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs) -> None:
    if instance.live:
        content_changed()
