"""The scheduled work of workshops, in one idempotent run for cron."""

import datetime

from django.utils import timezone

from employers.workshops.services import registration as workshops


def run_workshop_tasks(now: datetime.datetime | None = None) -> dict[str, int]:
    """Expire offers, send reminders and feedback requests, purge old data.

    Each step marks what it did (reminder_sent_at, feedback_requested_at,
    purged_at, a cancelled offer), so running it twice sends nothing twice.
    """
    now = now or timezone.now()
    return {
        "offers expired": workshops.expire_offers(now),
        "reminders sent": workshops.send_reminders(now),
        "feedback requests sent": workshops.send_feedback_requests(now),
        "registrations anonymized": workshops.purge_personal_data(now),
    }
