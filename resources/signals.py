"""Cached pages go stale when the topics that guides and workshops show change."""

from django.db.models.signals import post_delete, post_save

from home import page_cache
from resources.models import HiringStage, Topic


def content_changed(sender, **kwargs) -> None:
    page_cache.invalidate(page_cache.CONTENT)


for model in (Topic, HiringStage):
    post_save.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
