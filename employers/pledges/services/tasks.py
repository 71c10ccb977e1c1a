"""Scheduled pledge work: reminders, check-ins, lapses and retention purges.

Every task is idempotent: each pledge is re-read under a row lock and marked
with what was done for its current expiry date, so a second run (or two runs
at once) sends nothing twice. Emails go out in each signer's language, with
its dates and links (see services.lifecycle).
"""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone, translation

from wagtail.log_actions import log
from wagtail.models import Site

from employers.pledges.logos import delete_old_kept_logos
from employers.pledges.mail import build_message
from employers.pledges.models import Pledge, PledgePage, PledgeSettings
from employers.pledges.services.lifecycle import issue_manage_link
from home.dates import long_date

REMINDER_DAYS_BEFORE = 30


def _each_locked(
    queryset: QuerySet, still_due: Callable[[Pledge], bool], act: Callable
) -> int:
    """Run ``act`` on each pledge that is still due once locked; count them."""
    done = 0
    for pk in list(queryset.values_list("pk", flat=True)):
        with transaction.atomic():
            pledge = Pledge.objects.select_for_update().get(pk=pk)
            if still_due(pledge):
                act(pledge)
                done += 1
    return done


def _grace_end(pledge: Pledge, program: PledgeSettings) -> datetime.datetime:
    return pledge.expires_at + datetime.timedelta(days=program.grace_days)


def send_renewal_reminders(page: PledgePage, site: Site, now=None) -> int:
    """Remind 30 days before expiry and again on expiry, once each."""
    now = now or timezone.now()
    program = PledgeSettings.for_site(site)
    soon = now + datetime.timedelta(days=REMINDER_DAYS_BEFORE)

    def remind(pledge: Pledge) -> None:
        link = issue_manage_link(page, pledge, valid_until=_grace_end(pledge, program))
        with translation.override(pledge.language):
            expires = long_date(timezone.localtime(pledge.expires_at))
        build_message(
            "renewal",
            pledge,
            site=site,
            link=link,
            expires=expires,
            grace_days=str(program.grace_days),
        ).send()
        pledge.renewal_reminder_for = pledge.expires_at
        if pledge.expires_at <= now:
            # One email on expiry says it all: no earlier reminder is owed.
            pledge.expiry_reminder_for = pledge.expires_at
        pledge.save(update_fields=["renewal_reminder_for", "expiry_reminder_for"])

    def due_before(pledge: Pledge) -> bool:
        return (
            pledge.status == Pledge.Status.APPROVED
            and pledge.expires_at <= soon
            and pledge.renewal_reminder_for != pledge.expires_at
        )

    def due_on_expiry(pledge: Pledge) -> bool:
        return (
            pledge.status == Pledge.Status.APPROVED
            and pledge.expires_at <= now
            and pledge.expiry_reminder_for != pledge.expires_at
        )

    approved = Pledge.objects.filter(status=Pledge.Status.APPROVED)
    sent = _each_locked(
        approved.filter(expires_at__lte=soon).exclude(
            renewal_reminder_for=F("expires_at")
        ),
        due_before,
        remind,
    )
    return sent + _each_locked(
        approved.filter(expires_at__lte=now).exclude(
            expiry_reminder_for=F("expires_at")
        ),
        due_on_expiry,
        remind,
    )


def send_progress_checkins(page: PledgePage, site: Site, now=None) -> int:
    """Halfway through each year of a pledge, ask how its commitments are going."""
    now = now or timezone.now()
    program = PledgeSettings.for_site(site)
    # Not relativedelta(months=12) / 2: it normalizes to one year, and half a
    # year in whole years is nothing, so no check-in was ever due.
    half = datetime.timedelta(days=program.validity_months * 365.25 / 12 / 2)

    def due(pledge: Pledge) -> bool:
        return (
            pledge.status == Pledge.Status.APPROVED
            and pledge.expires_at - half <= now
            and pledge.expires_at > now + datetime.timedelta(REMINDER_DAYS_BEFORE)
            and pledge.checkin_sent_for != pledge.expires_at
        )

    def ask(pledge: Pledge) -> None:
        link = issue_manage_link(page, pledge, valid_until=pledge.expires_at)
        build_message("progress", pledge, site=site, link=link).send()
        pledge.checkin_sent_for = pledge.expires_at
        pledge.save(update_fields=["checkin_sent_for"])

    candidates = (
        Pledge.objects.filter(status=Pledge.Status.APPROVED)
        .filter(expires_at__gt=now + datetime.timedelta(REMINDER_DAYS_BEFORE))
        .exclude(checkin_sent_for=F("expires_at"))
    )
    return _each_locked(candidates, due, ask)


def lapse_expired(site: Site, now=None) -> int:
    """Take pledges unrenewed after the grace period out of the registry."""
    now = now or timezone.now()
    program = PledgeSettings.for_site(site)
    cutoff = now - datetime.timedelta(days=program.grace_days)

    def due(pledge: Pledge) -> bool:
        return pledge.status == Pledge.Status.APPROVED and pledge.expires_at <= cutoff

    def lapse(pledge: Pledge) -> None:
        pledge.status = Pledge.Status.LAPSED
        pledge.closed_at = now
        pledge.save(update_fields=["status", "closed_at"])
        log(pledge, "pledges.pledge.lapsed")

    return _each_locked(
        Pledge.objects.filter(status=Pledge.Status.APPROVED, expires_at__lte=cutoff),
        due,
        lapse,
    )


def delete_unverified(now=None) -> int:
    """Delete pledges whose email was never confirmed (logo files too)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PLEDGE_UNVERIFIED_DAYS)
    stale = Pledge.objects.filter(
        status=Pledge.Status.UNVERIFIED, created_at__lt=cutoff
    )
    count = 0
    for pledge in stale:
        with transaction.atomic():
            delete_pledge(pledge)
            count += 1
    return count


def delete_pledge(pledge: Pledge) -> None:
    """Delete a pledge and, once committed, its logo file."""
    if pledge.logo:
        logo = pledge.logo
        transaction.on_commit(lambda: logo.storage.delete(logo.name))
    pledge.delete()


def anonymize_pledge(pledge: Pledge, now: datetime.datetime) -> None:
    """Blank the contact person, logo, statement and stories of a pledge.

    The organization's sector, size, community, commitments and dates stay,
    so the counts in reports do not change. Call with the pledge locked.
    """
    if pledge.logo:
        logo = pledge.logo
        transaction.on_commit(lambda: logo.storage.delete(logo.name))
    pledge.logo = ""
    if pledge.pending_logo:
        pending = pledge.pending_logo
        transaction.on_commit(lambda: pending.storage.delete(pending.name))
    pledge.pending_logo = ""
    pledge.pending_changes = {}
    pledge.contact_name = pledge.job_title = pledge.phone = ""
    pledge.email = ""
    pledge.statement = ""
    pledge.rejection_reason = ""
    pledge.manage_digest = pledge.previous_manage_digest = ""
    pledge.verification_digest = ""
    pledge.purged_at = now
    pledge.save()
    pledge.chosen_commitments.update(story="")
    log(pledge, "pledges.pledge.purged")


def purge_contact_data(now=None) -> int:
    """Blank the personal data of closed pledges after the retention periods.

    The organization's sector, size, community, commitments and dates stay,
    so the counts in reports do not change.
    """
    now = now or timezone.now()
    closed_cutoff = now - datetime.timedelta(days=settings.PLEDGE_CLOSED_RETENTION_DAYS)
    lapsed_cutoff = now - datetime.timedelta(days=settings.PLEDGE_LAPSED_RETENTION_DAYS)
    due_filter = Q(
        status__in=[Pledge.Status.REJECTED, Pledge.Status.WITHDRAWN],
        closed_at__lte=closed_cutoff,
    ) | Q(status=Pledge.Status.LAPSED, closed_at__lte=lapsed_cutoff)

    def due(pledge: Pledge) -> bool:
        return pledge.purged_at is None and pledge.closed_at is not None

    return _each_locked(
        Pledge.objects.filter(due_filter, purged_at__isnull=True),
        due,
        lambda pledge: anonymize_pledge(pledge, now),
    )


def run_pledge_tasks(now=None) -> dict[str, int]:
    """All scheduled pledge work, in order; returns how much each step did."""
    page = PledgePage.objects.live().first()
    done = {}
    if page is not None:
        site = page.get_site()
        done["renewal reminders"] = send_renewal_reminders(page, site, now)
        done["progress check-ins"] = send_progress_checkins(page, site, now)
        done["lapsed"] = lapse_expired(site, now)
    done["unconfirmed deleted"] = delete_unverified(now)
    done["contact data purged"] = purge_contact_data(now)
    done["kept logos deleted"] = delete_old_kept_logos(now or timezone.now())
    return done
