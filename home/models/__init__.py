"""Site-wide models: pages, site settings and navigation."""

from .impact import ImpactReport
from .navigation import FooterLink, MainMenuItem, NavigationSettings
from .pages import HomePage, StandardPage
from .privacy import PersonalDataRequest
from .site_settings import Community, SiteSettings, SocialLink

__all__ = [
    "Community",
    "FooterLink",
    "HomePage",
    "ImpactReport",
    "MainMenuItem",
    "NavigationSettings",
    "PersonalDataRequest",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
]
