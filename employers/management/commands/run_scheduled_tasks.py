"""The one cron entry point: pledges, workshops, then queued email."""

from django.core.management import BaseCommand, call_command

from employers.services.pledge_tasks import run_pledge_tasks
from employers.services.workshop_tasks import run_workshop_tasks


class Command(BaseCommand):
    help = (
        "Pledge reminders, lapses and purges; workshop offers, reminders, "
        "feedback requests and purges; then deliver queued email. Safe to run "
        "as often as you like (every 10 minutes suits most sites)."
    )

    def handle(self, *args, **options):
        for step, count in run_pledge_tasks().items():
            self.stdout.write(f"Pledges, {step}: {count}")
        self.stdout.write("Workshops:")
        run_workshop_tasks(self.stdout)
        # Messages the mail server refused earlier go back in the queue, then
        # everything queued is sent (the new reminders included).
        call_command("retry_deferred", verbosity=0)
        call_command("send_mail", verbosity=0)
        self.stdout.write("Queued email delivered.")
