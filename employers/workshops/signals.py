"""Signal receivers: what happens when staff publish a workshop, and which
cached pages go stale when registrations, venues or facilitators change.
"""

from django.db import transaction
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
    """Updates, cancellations and new seats reach registrants on publish.

    Publishing the event first copies its time, place, seats and topics onto
    its translations, so every language shows the same workshop.
    """
    if instance.is_event:
        copy_event_to_translations(instance)
    service.workshop_published(instance)


def copy_event_to_translations(event: WorkshopPage) -> None:
    """Give every translation the event's own values (``EVENT_FIELDS``, topics).

    A queryset update: the translations' own words and revisions stay as
    they are; ``WorkshopPage.save`` does the same when one is saved later.
    """
    translations = WorkshopPage.objects.filter(
        translation_key=event.translation_key
    ).exclude(pk=event.pk)
    with transaction.atomic():
        pages = list(translations)
        if not pages:
            return
        translations.update(**event.event_values())
        topics = list(event.topics.all())
        for page in pages:
            page.topics.set(topics)
            page.topics.commit()


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
