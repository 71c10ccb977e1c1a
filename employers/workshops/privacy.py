"""Personal data of workshop registrants, for ``home.privacy``.

Erasure reuses the retention purge, so an erased registration looks exactly
like one the schedule anonymized: status, seats, sector, size and attendance
stay; feedback keeps its rating and words, linked only to the anonymous
registration.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.workshops.models import Registration, WorkshopFeedback
from employers.workshops.services import registration as workshop_service
from home.privacy import PersonalRecord, readable


class WorkshopRegistrations:
    key = "workshops.registration"
    label = _("Workshop registrations")

    def _registrations(self, email: str):
        return (
            Registration.objects.filter(email__iexact=email)
            .select_related("workshop", "feedback")
            .order_by("created_at", "pk")
        )

    def _fields(self, registration: Registration) -> dict[str, Any]:
        fields = {
            str(_("Workshop")): registration.workshop.title,
            str(_("Workshop starts")): registration.workshop.start,
            str(_("Status")): registration.get_status_display(),
            str(_("Name")): registration.name,
            str(_("Work email")): registration.email,
            str(_("Organization")): registration.organization,
            str(_("Job title")): registration.job_title,
            str(_("Sector")): registration.get_sector_display(),
            str(_("Organization size")): registration.get_size_display(),
            str(_("Seats")): registration.seats,
            str(_("Language of emails")): str(registration.get_language_display()),
            str(_("Accessibility or accommodation needs")): (
                registration.accommodation_needs
            ),
            str(_("Answers to the workshop's questions")): registration.answers,
            str(_("Agreed to hear about future events")): (
                registration.future_events_consent
            ),
            str(_("Consent wording version")): registration.consent_version,
            str(_("Consented at")): registration.consented_at,
            str(_("Registered at")): registration.created_at,
            str(_("Checked in at")): registration.attended_at,
            str(_("Cancelled at")): registration.cancelled_at,
        }
        try:
            feedback = registration.feedback
        except WorkshopFeedback.DoesNotExist:
            feedback = None
        if feedback is not None:
            fields[str(_("Feedback"))] = {
                str(_("Rating")): feedback.rating,
                str(_("What they will do next")): feedback.next_steps,
                str(_("Comments")): feedback.comments,
                str(_("Received at")): feedback.created_at,
            }
        return fields

    def find(self, email: str) -> list[PersonalRecord]:
        return [
            PersonalRecord(registration.workshop.title, self._fields(registration))
            for registration in self._registrations(email)
        ]

    def export(self, email: str) -> list[dict[str, Any]]:
        return [
            readable(self._fields(registration))
            for registration in self._registrations(email)
        ]

    def erase(self, email: str) -> int:
        """Free the person's seats in workshops to come, then anonymize.

        Cancelling first passes a seat to the waitlist as a cancellation would;
        no email goes to an address that is being erased.
        """
        now = timezone.now()
        upcoming = self._registrations(email).filter(
            status__in=Registration.ACTIVE, workshop__end__gt=now
        )
        for registration in upcoming:
            workshop_service.cancel(registration, now=now, notify=False)
        with transaction.atomic():
            return workshop_service.anonymize_registrations(
                Registration.objects.filter(email__iexact=email), now
            )
