"""Site-wide models: pages, site settings, site text and navigation."""

from .communities import Community
from .impact import ImpactReport
from .inbox_mail import InboxEmail, MailedInbox
from .navigation import FooterLink, MainMenuItem, Navigation, NavigationSettings
from .pages import HomePage, StandardPage
from .privacy import PersonalDataRequest
from .site_settings import SiteSettings, SocialLink
from .site_text import SiteText

__all__ = [
    "Community",
    "FooterLink",
    "HomePage",
    "ImpactReport",
    "InboxEmail",
    "MailedInbox",
    "MainMenuItem",
    "Navigation",
    "NavigationSettings",
    "PersonalDataRequest",
    "SiteSettings",
    "SiteText",
    "SocialLink",
    "StandardPage",
]
