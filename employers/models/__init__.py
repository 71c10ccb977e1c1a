"""Employer engagement: the pledge registry and workshops."""

from .pledge_pages import PledgePage, PledgeRegistryPage
from .pledge_settings import PledgeSettings
from .pledges import Commitment, Pledge, PledgeCommitment

__all__ = [
    "Commitment",
    "Pledge",
    "PledgeCommitment",
    "PledgePage",
    "PledgeRegistryPage",
    "PledgeSettings",
]
