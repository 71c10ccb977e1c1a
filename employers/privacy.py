"""Personal data the employers app holds: pledge contacts and registrations.

Registered with ``home.privacy`` in ``employers.wagtail_hooks``. Erasure reuses
the retention purges, so an erased record looks exactly like one the schedule
anonymized: the organization's sector, size, community, commitments and dates
stay on a pledge; status, seats, sector, size and attendance stay on a
registration; feedback keeps its rating and words, linked only to the
anonymous registration.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from employers.models import Pledge, Registration, WorkshopFeedback
from employers.services import workshops as workshop_service
from employers.services.pledge_tasks import anonymize_pledge, delete_pledge
from home.privacy import PersonalRecord, readable


class PledgeContacts:
    key = "employers.pledge"
    label = _("Pledges")

    def _pledges(self, email: str):
        return (
            Pledge.objects.filter(email__iexact=email)
            .prefetch_related("chosen_commitments__commitment")
            .order_by("created_at", "pk")
        )

    def _fields(self, pledge: Pledge) -> dict[str, Any]:
        return {
            str(_("Organization")): pledge.organization_name,
            str(_("Status")): pledge.get_status_display(),
            str(_("Contact name")): pledge.contact_name,
            str(_("Job title")): pledge.job_title,
            str(_("Work email")): pledge.email,
            str(_("Phone")): pledge.phone,
            str(_("Website")): pledge.website,
            str(_("Public statement")): pledge.statement,
            str(_("Logo uploaded")): bool(pledge.logo),
            str(_("Agreed to be listed")): pledge.listing_consent_at,
            str(_("Wording agreed to (listing)")): pledge.listing_consent_version,
            str(_("Agreed to receive news")): pledge.news_consent_at,
            str(_("Wording agreed to (news)")): pledge.news_consent_version,
            str(_("Submitted")): pledge.created_at,
            str(_("Email confirmed")): pledge.verified_at,
            str(_("Signed")): pledge.approved_at,
            str(_("Expires")): pledge.expires_at,
            str(_("Commitments")): [
                {
                    str(_("Commitment")): choice.commitment.title,
                    str(_("Progress")): choice.get_progress_display(),
                    str(_("What we did")): choice.story,
                }
                for choice in pledge.chosen_commitments.all()
            ],
        }

    def find(self, email: str) -> list[PersonalRecord]:
        return [
            PersonalRecord(pledge.organization_name, self._fields(pledge))
            for pledge in self._pledges(email)
        ]

    def export(self, email: str) -> list[dict[str, Any]]:
        return [readable(self._fields(pledge)) for pledge in self._pledges(email)]

    def erase(self, email: str) -> int:
        """Withdraw open pledges, then anonymize them like the retention purge.

        A pledge whose email was never confirmed is deleted, as the schedule
        would: it never counted as a pledge.
        """
        now = timezone.now()
        done = 0
        pks = list(self._pledges(email).values_list("pk", flat=True))
        for pk in pks:
            with transaction.atomic():
                pledge = Pledge.objects.select_for_update().get(pk=pk)
                done += 1
                if pledge.status == Pledge.Status.UNVERIFIED:
                    delete_pledge(pledge)
                    continue
                if pledge.status in Pledge.ACTIVE_STATUSES:
                    pledge.status = Pledge.Status.WITHDRAWN
                    pledge.closed_at = now
                    log(pledge, "employers.pledge.withdrawn")
                anonymize_pledge(pledge, now)
        return done


class WorkshopRegistrations:
    key = "employers.registration"
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
