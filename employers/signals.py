"""Signal receivers: what happens when staff publish a workshop."""

from django.dispatch import receiver

from wagtail.signals import page_published

from employers.models import WorkshopPage
from employers.services import workshops as service


@receiver(page_published, sender=WorkshopPage)
def tell_registrants_about_changes(sender, instance, **kwargs):
    """Updates, cancellations and new seats reach registrants on publish."""
    service.workshop_published(instance)
