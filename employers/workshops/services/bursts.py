"""Registration bursts: many website registrations to one event in minutes.

Counted from the stored registrations inside the event's lock (so two
registrations at once cannot both raise or both miss an alert). An alert is a
``RegistrationBurst`` row and one email to the event coordinators and the
superusers, each in their admin language, queued in the registration's
transaction (home.mail) and delivered after commit. Anything going wrong
here is logged and rolled back on its own: the registration stands.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from employers.workshops.models import Registration, RegistrationBurst, WorkshopPage
from home.languages import staff_language
from home.roles import EVENT_COORDINATORS

logger = logging.getLogger(__name__)

# Website registrations counted together.
BURST_WINDOW = datetime.timedelta(minutes=10)
# No second email about the same event sooner than this.
QUIET_PERIOD = datetime.timedelta(hours=1)
# How long the dashboard shows a burst.
SHOWN_FOR = datetime.timedelta(hours=24)


def watch_for_burst(
    event: WorkshopPage,
    *,
    now: datetime.datetime | None = None,
    base_url: str | None = None,
) -> RegistrationBurst | None:
    """Alert the coordinators if the event just passed its burst threshold.

    Call inside the registration's transaction, with the event locked. Never
    raises: a failure to record or queue the alert must not cost the
    registration.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            return _record_burst(event, now, base_url)
    except Exception:
        logger.exception("Registration burst check failed for workshop %s", event.pk)
        return None


def _record_burst(event, now, base_url) -> RegistrationBurst | None:
    threshold = event.burst_alert_threshold
    if not threshold:
        return None
    recent = Registration.objects.filter(
        workshop=event,
        source=Registration.Source.WEBSITE,
        created_at__gt=now - BURST_WINDOW,
    ).count()
    if recent <= threshold:
        return None
    alerted = RegistrationBurst.objects.filter(
        workshop=event, detected_at__gt=now - QUIET_PERIOD
    )
    if alerted.exists():
        return None
    burst = RegistrationBurst.objects.create(
        workshop=event, detected_at=now, registrations=recent
    )
    _notify_coordinators(event, burst, base_url)
    return burst


def coordinator_languages() -> dict[str, str]:
    """Each coordinator's (and superuser's) address and admin language."""
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(is_superuser=True) | Q(groups__name=EVENT_COORDINATORS))
        .select_related("wagtail_userprofile")
        .distinct()
        .order_by("pk")
    )
    languages: dict[str, str] = {}
    for user in users:
        languages.setdefault(user.email, staff_language(user))
    return languages


def _notify_coordinators(event, burst, base_url) -> None:
    """One message per language, each to the addresses that read it."""
    # Admin views import the services; import their link builder late.
    from employers.workshops.admin.workshops import registrations_url

    by_language = defaultdict(list)
    for address, language in coordinator_languages().items():
        by_language[language].append(address)
    root = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    link = root + registrations_url(event)
    for language, recipients in by_language.items():
        with translation.override(language):
            title = event.localized.title
            context = {
                "title": title,
                "count": burst.registrations,
                "minutes": int(BURST_WINDOW.total_seconds() // 60),
                "threshold": event.burst_alert_threshold,
                "link": link,
            }
            subject = _("Burst of registrations: %(title)s") % {"title": title}
            body = render_to_string("workshops/email/burst_alert.txt", context)
        EmailMessage(subject, body, to=recipients).send()


def recent_bursts(now: datetime.datetime | None = None):
    """Bursts the dashboard still shows, newest first."""
    now = now or timezone.now()
    return RegistrationBurst.objects.filter(detected_at__gt=now - SHOWN_FOR)
