"""Start a new content version of the site cache when what it holds changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_unpublished, post_page_move

from home import site_cache
from home.models import Community, FooterLink, MainMenuItem, SocialLink

# Saving a page covers publishing, since publishing saves it; settings' rows
# and their inline rows are listed one by one because inline rows of a
# setting are saved after the setting itself.
CACHED_MODELS = (
    Page,
    Site,
    Locale,
    AbstractImage,
    BaseSiteSetting,
    SocialLink,
    Community,
    MainMenuItem,
    FooterLink,
)


@receiver(post_save)
@receiver(post_delete)
def model_changed(sender, **kwargs):
    if issubclass(sender, CACHED_MODELS):
        site_cache.new_version()


@receiver(page_unpublished)
@receiver(post_page_move)
def page_tree_changed(sender, **kwargs):
    """Unpublishing descendants and moving a page update rows without saving."""
    site_cache.new_version()
