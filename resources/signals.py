"""Start a new site cache version when topics or hiring stages change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home import site_cache
from resources.models import HiringStage, Topic


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
@receiver(post_save, sender=HiringStage)
@receiver(post_delete, sender=HiringStage)
def filter_options_changed(sender, **kwargs):
    """The guide library's filters list them (resources.page_context)."""
    site_cache.new_version()
