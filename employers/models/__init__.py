"""Employer engagement: the pledge registry and workshops."""

from .pledge_pages import PledgePage, PledgeRegistryPage
from .pledge_settings import PledgeSettings
from .pledges import Commitment, Pledge, PledgeCommitment
from .registrant_email import RecipientGroup, RegistrantEmail
from .registrations import CONSENT_VERSION, Registration, WorkshopFeedback
from .venues import Facilitator, Venue
from .workshops import (
    WorkshopCalendarState,
    WorkshopFacilitator,
    WorkshopFormat,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopQuestion,
)

__all__ = [
    "CONSENT_VERSION",
    "Commitment",
    "Facilitator",
    "Pledge",
    "PledgeCommitment",
    "PledgePage",
    "PledgeRegistryPage",
    "PledgeSettings",
    "RecipientGroup",
    "RegistrantEmail",
    "Registration",
    "Venue",
    "WorkshopCalendarState",
    "WorkshopFacilitator",
    "WorkshopFeedback",
    "WorkshopFormat",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopQuestion",
]
