"""The pledge, its commitments, its pages, its settings and email wording."""

from .email_wording import EMAIL_KINDS, PledgeEmailWording
from .pages import PledgePage, PledgeRegistryPage
from .pledges import Commitment, Pledge, PledgeCommitment
from .settings import PledgeSettings

__all__ = [
    "EMAIL_KINDS",
    "Commitment",
    "Pledge",
    "PledgeCommitment",
    "PledgeEmailWording",
    "PledgePage",
    "PledgeRegistryPage",
    "PledgeSettings",
]
