"""Classifications shared by pledges and workshop registrations, for reporting."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    """The 20 two-digit sectors of the North American Industry Classification
    System (NAICS Canada), so counts match Statistics Canada's tables."""

    AGRICULTURE = "11", _("Agriculture, forestry, fishing and hunting")
    MINING = "21", _("Mining, quarrying, and oil and gas extraction")
    UTILITIES = "22", _("Utilities")
    CONSTRUCTION = "23", _("Construction")
    MANUFACTURING = "31-33", _("Manufacturing")
    WHOLESALE = "41", _("Wholesale trade")
    RETAIL = "44-45", _("Retail trade")
    TRANSPORTATION = "48-49", _("Transportation and warehousing")
    INFORMATION = "51", _("Information and cultural industries")
    FINANCE = "52", _("Finance and insurance")
    REAL_ESTATE = "53", _("Real estate and rental and leasing")
    PROFESSIONAL = "54", _("Professional, scientific and technical services")
    MANAGEMENT = "55", _("Management of companies and enterprises")
    ADMINISTRATIVE = (
        "56",
        _("Administrative and support, waste management and remediation services"),
    )
    EDUCATION = "61", _("Educational services")
    HEALTH = "62", _("Health care and social assistance")
    ARTS = "71", _("Arts, entertainment and recreation")
    ACCOMMODATION = "72", _("Accommodation and food services")
    OTHER_SERVICES = "81", _("Other services (except public administration)")
    PUBLIC_ADMINISTRATION = "91", _("Public administration")


class SizeBand(models.TextChoices):
    """Employee counts in the bands the funder's reports use."""

    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-99", _("50–99 employees")
    LARGE = "100-499", _("100–499 employees")
    VERY_LARGE = "500+", _("500 or more employees")
