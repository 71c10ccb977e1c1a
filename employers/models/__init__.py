"""Employer engagement: the pledge registry and workshops."""

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
    "Facilitator",
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
