"""Load the demo site for local development and evaluation."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from employers import demo_pledges as pledges_demo
from employers import demo_workshops
from home import demo as site_demo
from home import roles
from resources import demo as guides_demo

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "welcome-workplaces"
# One person per staff role (docs/roles.md), all with the demo password.
DEMO_STAFF = [
    ("editor", "Daniel", "Nguyen", roles.EDITORS),
    ("moderator", "Grace", "Okafor", roles.MODERATORS),
    ("coordinator", "Sofia", "Marquez", roles.EVENT_COORDINATORS),
    ("reporter", "Harpreet", "Gill", roles.REPORT_VIEWERS),
]


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
            self._superuser()
            self._staff()
            home = site_demo.load_site(self.stdout, seed=seed)
            guides_demo.load(home, self.stdout, seed=seed)
            pledges_demo.load(home, self.stdout, seed=seed)
            demo_workshops.load(home, self.stdout, seed=seed)
            site_demo.load_navigation(home, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(
            f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
            f"user “{DEMO_USERNAME}”, password “{DEMO_PASSWORD}”"
        )
        self.stdout.write(f"Staff, each with the password “{DEMO_PASSWORD}”:")
        for username, _first, _last, group in DEMO_STAFF:
            self.stdout.write(f"  {username:<12} {group}")

    def _superuser(self) -> None:
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_USERNAME).exists():
            return
        user_model.objects.create_superuser(
            DEMO_USERNAME,
            "admin@fvlip.example",
            DEMO_PASSWORD,
            first_name="Aisha",
            last_name="Demo",
        )
        self.stdout.write(f"Created the superuser “{DEMO_USERNAME}”.")

    def _staff(self) -> None:
        user_model = get_user_model()
        for username, first_name, last_name, group in DEMO_STAFF:
            if user_model.objects.filter(username=username).exists():
                continue
            user = user_model.objects.create_user(
                username,
                f"{first_name}.{last_name}@fvlip.example".lower(),
                DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(Group.objects.get(name=group))
            self.stdout.write(f"Created “{username}” in {group}.")
