"""Signal receivers: what happens when staff publish a workshop, and which
cached pages go stale when registrations, venues or facilitators change.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from employers.workshops.models import (
    Facilitator,
    Registration,
    Venue,
    WorkshopCalendarState,
    WorkshopPage,
)
from employers.workshops.services import registration as service
from home import page_cache
from home.signals import content_changed

# Snippets and page data that workshop pages show.
CONTENT_MODELS = [Venue, Facilitator, WorkshopCalendarState]


@receiver(page_published, sender=WorkshopPage)
def tell_registrants_about_changes(sender, instance, **kwargs):
    """Updates, cancellations and new seats reach registrants on publish."""
    service.workshop_published(instance)


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")


@receiver(post_save, sender=Registration)
@receiver(post_delete, sender=Registration)
def registration_changed(sender, instance, **kwargs):
    """Seats left on the workshop's page and form, the listing, the home figures."""
    page_cache.invalidate(
        page_cache.workshop_tag(instance.workshop_id), page_cache.REGISTRATIONS
    )
