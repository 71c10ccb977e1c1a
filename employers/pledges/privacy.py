"""Personal data of pledge contacts, for ``home.privacy``.

Erasure reuses the retention purge, so an erased pledge looks exactly like one
the schedule anonymized: sector, size, community, commitments and dates stay.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from employers.pledges.models import Pledge
from employers.pledges.services.tasks import anonymize_pledge, delete_pledge
from home.privacy import PersonalRecord, readable


class PledgeContacts:
    key = "pledges.pledge"
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
            str(_("Language of emails")): str(pledge.get_language_display()),
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
                    log(pledge, "pledges.pledge.withdrawn")
                anonymize_pledge(pledge, now)
        return done
