"""The pledge, its commitments, its pages and its settings."""

from .pages import PledgePage, PledgeRegistryPage
from .pledges import Commitment, Pledge, PledgeCommitment
from .settings import PledgeSettings

__all__ = [
    "Commitment",
    "Pledge",
    "PledgeCommitment",
    "PledgePage",
    "PledgeRegistryPage",
    "PledgeSettings",
]
