"""Cached pages and the guide library's filters list topics and hiring stages."""

from django.db.models.signals import post_delete, post_save

from home.signals import content_changed
from resources.models import HiringStage, Topic

for model in (Topic, HiringStage):
    post_save.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
