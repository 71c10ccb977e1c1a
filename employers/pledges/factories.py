"""Factories for pledges, used by tests and the demo data."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone
from django.utils.text import slugify

from employers.pledges.models import (
    Commitment,
    Pledge,
    PledgeCommitment,
    PledgePage,
    PledgeRegistryPage,
)
from home.choices import Sector, SizeBand


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
        """``commitments=[c1, c2]`` or ``commitments=[(c1, Progress.DONE), ...]``."""
        if not create or not extracted:
            return
        PledgeCommitment.objects.bulk_create(
            PledgeCommitment(
                pledge=self,
                commitment=item[0] if isinstance(item, tuple) else item,
                progress=item[1]
                if isinstance(item, tuple)
                else PledgeCommitment.Progress.NOT_STARTED,
            )
            for item in extracted
        )
