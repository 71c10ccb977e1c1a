"""Pledge pages and pledges shared by the registry tests and the browser tests."""

import datetime

import pytest

from django.utils import timezone

from employers.pledges.factories import (
    CommitmentFactory,
    PledgeFactory,
    PledgePageFactory,
    PledgeRegistryPageFactory,
)
from employers.pledges.models import Pledge
from home.choices import Sector, SizeBand
from home.models import Community

COMMUNITIES = ["Abbotsford", "Chilliwack", "Mission"]


@pytest.fixture
def registry(home_page):
    """The registry at /pledge/registry/, with the site's communities set."""
    for name in COMMUNITIES:
        Community.objects.create(name=name)
    pledge_page = PledgePageFactory(parent=home_page)
    return PledgeRegistryPageFactory(parent=pledge_page)


@pytest.fixture
def named_commitments(db) -> dict:
    return {
        "postings": CommitmentFactory(title="Remove Canadian-experience requirements"),
        "buddy": CommitmentFactory(
            title="Offer a workplace buddy", category="onboarding"
        ),
        "language": CommitmentFactory(
            title="Support language learning", category="retention"
        ),
    }


@pytest.fixture
def listed_pledge(registry, named_commitments) -> Pledge:
    return PledgeFactory(
        organization_name="Valley Berry Farms",
        slug="valley-berry-farms",
        sector=Sector.AGRICULTURE,
        size_band=SizeBand.SMALL,
        community="Chilliwack",
        level=Pledge.Level.ACTIVE,
        contact_name="Harjit Secretname",
        job_title="Chief Secret Officer",
        email="harjit.private@valleyberry.example",
        phone="604-555-0199",
        commitments=[
            (named_commitments["postings"], "done"),
            (named_commitments["buddy"], "in_progress"),
            (named_commitments["language"], "not_started"),
        ],
    )


def unlisted_pledges(named_commitments: dict) -> list[Pledge]:
    """One pledge in every state the public must never see."""
    now = timezone.now()
    past = now - datetime.timedelta(days=400)
    states = {
        "rejected": {"status": Pledge.Status.REJECTED, "approved_at": None},
        "withdrawn": {"status": Pledge.Status.WITHDRAWN},
        "lapsed": {"status": Pledge.Status.LAPSED, "expires_at": past},
        "unverified": {
            "status": Pledge.Status.UNVERIFIED,
            "verified_at": None,
            "approved_at": None,
            "expires_at": None,
        },
        "pending": {"status": Pledge.Status.PENDING, "approved_at": None},
        "expired": {
            "status": Pledge.Status.APPROVED,
            "approved_at": past,
            "expires_at": now - datetime.timedelta(days=1),
        },
    }
    return [
        PledgeFactory(
            organization_name=f"Hidden {state.title()} Works",
            slug=f"hidden-{state}",
            commitments=[named_commitments["postings"]],
            **fields,
        )
        for state, fields in states.items()
    ]
