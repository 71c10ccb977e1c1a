"""The site's one cron entry point; see docs/operations.md.

Runs every app's periodic work (``home.scheduled``), then Wagtail's scheduled
publishing, then the mail queue, so the emails the earlier steps queued go out
in the same run.
"""

import io
import logging
from collections.abc import Callable
from functools import partial

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import DraftStateMixin, Page, Revision

from home.mail import deliver_queue
from home.scheduled import ScheduledTask, scheduled_tasks

logger = logging.getLogger(__name__)


def run_task(task: ScheduledTask) -> str:
    done = task.run(timezone.now())
    return ", ".join(f"{step} {count}" for step, count in done.items())


def publish_scheduled() -> str:
    """Wagtail's ``publish_scheduled``, counting what it is about to do first."""
    now = timezone.now()
    publish = Revision.objects.filter(approved_go_live_at__lt=now).count()
    models = [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
    unpublish = sum(
        model.objects.filter(live=True, expire_at__lt=now).count() for model in models
    )
    # Outside a dry run the command prints nothing worth keeping.
    call_command("publish_scheduled", stdout=io.StringIO())
    return _("published %(publish)d, unpublished %(unpublish)d") % {
        "publish": publish,
        "unpublish": unpublish,
    }


def deliver_mail() -> str:
    run = deliver_queue()
    return _("deferred requeued %(retried)d, sent %(sent)d, failed %(failed)d") % {
        "retried": run.retried,
        "sent": run.sent,
        "failed": run.failed,
    }


class Command(BaseCommand):
    help = (
        "Run every scheduled task (pledge and workshop reminders, waitlist "
        "offers, retention purges), publish scheduled pages, then send queued "
        "email. Safe to run as often as you like; every 5 minutes suits most sites."
    )

    def handle(self, *args, **options):
        steps: list[tuple[str, Callable[[], str]]] = [
            *((str(task.label), partial(run_task, task)) for task in scheduled_tasks()),
            (_("Scheduled publishing"), publish_scheduled),
            (_("Email"), deliver_mail),
        ]
        failed = []
        for label, step in steps:
            try:
                summary = step()
            except Exception:
                # Every step is idempotent: the others still run, and the next
                # run picks up where this one stopped.
                logger.exception("Scheduled step %s failed", label)
                self.stderr.write(_("%(step)s: failed, see the log") % {"step": label})
                failed.append(label)
                continue
            self.stdout.write(f"{label}: {summary or _('nothing to do')}")
        if failed:
            # A non-zero exit makes cron mail the administrator.
            raise CommandError(_("Steps that failed: %s") % ", ".join(failed))
