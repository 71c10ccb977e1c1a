import pytest

from wagtail.models import Site

from employers.pledges.factories import (
    CommitmentFactory,
    PledgePageFactory,
    PledgeRegistryPageFactory,
)
from employers.pledges.models import Commitment, PledgePage
from home.models import Community, SiteSettings


@pytest.fixture
def commitments(db) -> list[Commitment]:
    return [
        CommitmentFactory(title=title)
        for title in (
            "Remove Canadian-experience requirements",
            "Post jobs with settlement agencies",
            "Offer a workplace buddy",
            "Support language learning",
        )
    ]


@pytest.fixture
def pledge_page(home_page, commitments) -> PledgePage:
    """The pledge page at /pledge/ with its registry, four commitments, two
    communities and a staff address for review notices."""
    page = PledgePageFactory(parent=home_page)
    PledgeRegistryPageFactory(parent=page)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.communities.add(Community(name="Abbotsford"))
    site_settings.communities.add(Community(name="Chilliwack"))
    site_settings.save()
    return page
