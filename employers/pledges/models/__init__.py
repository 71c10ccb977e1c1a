"""The pledge, its commitments, its pages, its settings and email wording."""

from .email_wording import EMAIL_KINDS, PledgeEmailWording
from .mail_log import PledgeEmailSent
from .pages import PledgePage, PledgeRegistryPage
from .pledges import Commitment, Pledge, PledgeCommitment
from .settings import PledgeSettings

__all__ = [
    "EMAIL_KINDS",
    "Commitment",
    "Pledge",
    "PledgeCommitment",
    "PledgeEmailSent",
    "PledgeEmailWording",
    "PledgePage",
    "PledgeRegistryPage",
    "PledgeSettings",
]
