"""What the page editor posts for a guide or a workshop, built from the page.

Tests post these to Wagtail's real edit view, with ``action-publish`` or
``action-submit``, so permissions and the workflow run as they do for staff.
"""

from django.utils import timezone

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from employers.workshops.models import WorkshopPage
from resources.models import GuidePage


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _page_fields(page) -> dict:
    return {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "comments": inline_formset([]),
    }


def guide_form_data(guide: GuidePage, action: str = "action-publish") -> dict:
    data = nested_form_data(
        {
            **_page_fields(guide),
            "summary": guide.summary,
            "hero_image_alt": guide.hero_image_alt,
            "body": streamfield([("paragraph", rich_text("<p>Reviewed text.</p>"))]),
            "related_guides": inline_formset([]),
            "last_reviewed": guide.last_reviewed.isoformat(),
            action: action,
        }
    )
    data["stages"] = list(guide.stages.values_list("pk", flat=True))
    return data


def workshop_form_data(workshop: WorkshopPage, action: str = "action-publish") -> dict:
    return nested_form_data(
        {
            **_page_fields(workshop),
            "summary": workshop.summary,
            "body": streamfield([]),
            "start": _when(workshop.start),
            "end": _when(workshop.end),
            "format": workshop.format,
            "venue": workshop.venue_id or "",
            "online_link": workshop.online_link,
            "workshop_facilitators": inline_formset([]),
            "capacity": workshop.capacity or "",
            "max_seats_per_registration": workshop.max_seats_per_registration,
            "max_seats_per_address": workshop.max_seats_per_address,
            "max_seats_per_network": workshop.max_seats_per_network,
            "burst_alert_threshold": workshop.burst_alert_threshold,
            "waitlist_enabled": "on" if workshop.waitlist_enabled else "",
            "reminder_hours": workshop.reminder_hours,
            "claim_window_hours": workshop.claim_window_hours,
            "questions": inline_formset([]),
            "cancellation_message": "",
            action: action,
        }
    )
