"""The one cron entry point: retry queued email, then all scheduled work."""

from django.core.management import BaseCommand, call_command

from employers.services.pledge_tasks import run_pledge_tasks


class Command(BaseCommand):
    help = (
        "Send reminders, lapse and purge pledges, and deliver queued email. "
        "Safe to run as often as you like (every 15 minutes suits most sites)."
    )

    def handle(self, *args, **options):
        for step, count in run_pledge_tasks().items():
            self.stdout.write(f"Pledges, {step}: {count}")
        # Messages the mail server refused earlier go back in the queue, then
        # everything queued is sent (the new reminders included).
        call_command("retry_deferred", verbosity=0)
        call_command("send_mail", verbosity=0)
        self.stdout.write("Queued email delivered.")
