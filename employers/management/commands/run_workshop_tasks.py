"""Cron entry point for workshops; see docs/workshops.md."""

from django.core.management.base import BaseCommand

from employers.services.workshop_tasks import run_workshop_tasks


class Command(BaseCommand):
    help = (
        "Expire unclaimed waitlist offers, send reminders and feedback requests, "
        "and anonymize old registrations. Safe to run as often as you like."
    )

    def handle(self, *args, **options):
        run_workshop_tasks(self.stdout)
