"""Factories for pledges and workshops, used by tests and the demo data."""

import datetime
import secrets

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone
from django.utils.text import slugify

from employers.choices import Sector, SizeBand
from employers.models import (
    Commitment,
    Facilitator,
    Pledge,
    PledgeCommitment,
    PledgePage,
    PledgeRegistryPage,
    Registration,
    Venue,
    WorkshopIndexPage,
    WorkshopPage,
)
from employers.services.workshops import registration_token
from home.tokens import token_digest


class PledgePageFactory(wagtail_factories.PageFactory):
    title = "Sign the inclusive workplace pledge"
    slug = "pledge"
    intro = "Commit to concrete steps that help newcomers join and stay."
    statement = "<p>We will make our workplace welcoming to immigrants.</p>"

    class Meta:
        model = PledgePage


class PledgeRegistryPageFactory(wagtail_factories.PageFactory):
    title = "Pledge registry"
    slug = "registry"
    intro = "Employers who have signed the pledge."

    class Meta:
        model = PledgeRegistryPage


class CommitmentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Commitment {n}")
    description = "Something concrete the organization will do."
    category = Commitment.Category.RECRUITMENT
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Commitment


class PledgeFactory(DjangoModelFactory):
    """An approved, current pledge; pass ``status`` and dates for other states."""

    organization_name = factory.Sequence(lambda n: f"Fraser Foods {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.organization_name)[:80])
    website = factory.LazyAttribute(lambda o: f"https://www.{o.slug}.example")
    sector = Sector.MANUFACTURING
    size_band = SizeBand.MEDIUM
    community = "Abbotsford"
    statement = "We hire for skills and support newcomers to grow with us."
    contact_name = "Maria Lopez"
    job_title = "HR manager"
    email = factory.LazyAttribute(lambda o: f"maria@{o.slug}.example")
    phone = "604-555-0100"
    listing_consent_at = factory.LazyFunction(timezone.now)
    listing_consent_version = "test"
    status = Pledge.Status.APPROVED
    verified_at = factory.LazyFunction(timezone.now)
    approved_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=365)
    )

    class Meta:
        model = Pledge
        # The commitments hook saves its own rows; the pledge needs no second save.
        skip_postgeneration_save = True

    @factory.post_generation
    def commitments(self, create, extracted, **kwargs):
        """``commitments=[c1, c2]`` or ``commitments=[(c1, "done"), ...]``."""
        if not create or not extracted:
            return
        PledgeCommitment.objects.bulk_create(
            PledgeCommitment(
                pledge=self,
                commitment=item[0] if isinstance(item, tuple) else item,
                progress=item[1] if isinstance(item, tuple) else "not_started",
            )
            for item in extracted
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
    format = "in_person"
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
    token_nonce = factory.LazyFunction(lambda: secrets.token_hex(16))
    token_digest = factory.LazyAttribute(lambda o: token_digest(registration_token(o)))

    class Meta:
        model = Registration
