import pytest

from employers.pledges.factories import (
    CommitmentFactory,
    PledgePageFactory,
    PledgeRegistryPageFactory,
)
from employers.pledges.models import Commitment, PledgePage
from home.models import Community


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
    Community.objects.create(name="Abbotsford")
    Community.objects.create(name="Chilliwack")
    return page
