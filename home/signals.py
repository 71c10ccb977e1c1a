"""Cached pages go stale when pages, settings, navigation or media change.

Each app invalidates the page cache for the data it owns (see also
``resources.signals`` and ``employers.signals``); this module covers the site
itself and what Wagtail owns. All such changes are rare, so they make every
cached page stale (``page_cache.CONTENT``). See docs/caching.md.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache
from home.models import (
    Community,
    FooterLink,
    MainMenuItem,
    NavigationSettings,
    SiteSettings,
    SocialLink,
)

# Settings, their inline rows, and what Wagtail keeps about sites and media.
CONTENT_MODELS = [
    SiteSettings,
    SocialLink,
    Community,
    NavigationSettings,
    MainMenuItem,
    FooterLink,
    Site,
    Locale,
    PageViewRestriction,
    get_image_model(),
    get_document_model(),
]


def content_changed(sender, **kwargs) -> None:
    page_cache.invalidate(page_cache.CONTENT)


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs) -> None:
    """A page's own content, and every menu, listing and link that shows it."""
    page_cache.invalidate(page_cache.CONTENT)


@receiver(post_save)
def live_page_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """A live page saved in full outside publishing (code, imports, the demo).

    Draft saves name their fields and leave the live page as it was.
    """
    if isinstance(instance, Page) and instance.live and update_fields is None:
        page_cache.invalidate(page_cache.CONTENT)


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs) -> None:
    if instance.live:
        page_cache.invalidate(page_cache.CONTENT)
