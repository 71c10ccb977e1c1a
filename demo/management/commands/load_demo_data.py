"""Load the demo site for local development and evaluation."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loaders import guides, people, pledges, site, workshops


class Command(BaseCommand):
    help = "Create the demo site. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=2026, help="Seed for generated images and data."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even when DEBUG is off. Never use on a live site: it creates "
            "a superuser with a published password.",
        )

    def handle(self, *args, seed: int, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo data is for development; it creates an admin account with a "
                "known password. Pass --force to load it anyway."
            )
        with transaction.atomic():
            people.load(self.stdout)
            home = site.load_site(self.stdout, seed=seed)
            guides.load(home, self.stdout, seed=seed)
            pledges.load(home, self.stdout, seed=seed)
            workshops.load(home, self.stdout, seed=seed)
            # Guides link workshops, which load after them.
            guides.link_pages(home, self.stdout)
            site.load_navigation(home, self.stdout)
        accounts = people.accounts()
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(
            f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
            f"user “{accounts['admin']['username']}”, "
            f"password “{accounts['password']}”"
        )
        self.stdout.write(f"Staff, each with the password “{accounts['password']}”:")
        for person in accounts["staff"]:
            self.stdout.write(f"  {person['username']:<12} {person['group']}")
