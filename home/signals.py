"""Both caches go stale when pages, settings, navigation or media change.

Two caches read this content: the site cache (``home.site_cache``: sites,
locales, settings, menus, breadcrumbs, filters), which every request uses, and
the page cache (``home.page_cache``: whole pages for anonymous visitors). Such
changes are rare, so each starts a new site cache version and makes every
cached page stale (``page_cache.CONTENT``). Apps call ``content_changed`` for
content they own (``resources.signals``); data that changes often has tags of
its own (``employers.signals``). See docs/caching.md.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache, site_cache
from home.models import Community, FooterLink, MainMenuItem, SocialLink

# Settings (and their inline rows, saved after the setting itself) and what
# Wagtail keeps about sites, locales, privacy and media.
CONTENT_MODELS = (
    BaseSiteSetting,
    SocialLink,
    Community,
    MainMenuItem,
    FooterLink,
    Site,
    Locale,
    PageViewRestriction,
    AbstractImage,
    AbstractDocument,
)


def content_changed(sender=None, **kwargs) -> None:
    site_cache.new_version()
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
