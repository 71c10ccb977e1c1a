"""Factories for workshops, used by tests and the demo data."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from employers.workshops.models import (
    Facilitator,
    Registration,
    Venue,
    WorkshopFormat,
    WorkshopIndexPage,
    WorkshopPage,
)


class VenueFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community Hall {n}")
    address = "33 Main Street\nAbbotsford, BC V2S 0A1"
    directions = "Free parking behind the building; bus 2 stops in front."
    accessibility = "Step-free entrance, accessible washroom, hearing loop."

    class Meta:
        model = Venue


class FacilitatorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Facilitator {n}")
    role = "Employer liaison"
    organization = "Fraser Valley LIP"
    bio = "Helps employers hire and keep newcomers."

    class Meta:
        model = Facilitator


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Workshops"
    slug = "workshops"
    intro = "Free workshops for employers."

    class Meta:
        model = WorkshopIndexPage


def _in_days(days: int, hour: int = 10) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inclusive hiring {n}")
    # Not "inclusive-hiring-…": the shared fixture takes "inclusive-hiring-101".
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    summary = "Practical steps to hire newcomers fairly."
    start = factory.LazyFunction(lambda: _in_days(14))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    format = WorkshopFormat.IN_PERSON
    venue = factory.SubFactory(VenueFactory)
    capacity = 20
    online_link = ""

    class Meta:
        model = WorkshopPage


class RegistrationFactory(DjangoModelFactory):
    """A registration written straight to the database (no seat check, no email)."""

    workshop = factory.SubFactory(WorkshopPageFactory)
    status = Registration.Status.CONFIRMED
    seats = 1
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.com")
    organization = factory.Sequence(lambda n: f"Employer {n} Ltd")
    job_title = "HR manager"
    sector = "31-33"
    size = "50-99"
    consent_version = "2026-11"
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
