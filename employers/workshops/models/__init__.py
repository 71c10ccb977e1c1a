"""Workshops, their venues and facilitators, registrations and emails."""

from .registrant_email import RecipientGroup, RegistrantEmail
from .registrations import (
    CONSENT_VERSION,
    Registration,
    RegistrationBurst,
    WorkshopFeedback,
)
from .venues import Facilitator, Venue
from .workshops import (
    RegistrationState,
    WorkshopCalendarState,
    WorkshopFacilitator,
    WorkshopFormat,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopQuestion,
    event_of,
    events,
)

__all__ = [
    "CONSENT_VERSION",
    "Facilitator",
    "RecipientGroup",
    "RegistrantEmail",
    "Registration",
    "RegistrationBurst",
    "RegistrationState",
    "Venue",
    "WorkshopCalendarState",
    "WorkshopFacilitator",
    "WorkshopFeedback",
    "WorkshopFormat",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopQuestion",
    "event_of",
    "events",
]
