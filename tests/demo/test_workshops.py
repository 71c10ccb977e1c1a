"""The demo's workshops: upcoming and past, full and open, with feedback."""

import pytest

from django.db.models import F
from django.utils import timezone

from employers.workshops.models import (
    Registration,
    RegistrationBurst,
    WorkshopFeedback,
    WorkshopPage,
)
from employers.workshops.services.bursts import watch_for_burst

pytestmark = pytest.mark.django_db


def test_demo_has_upcoming_past_waitlist_questions_and_feedback(demo_site, client):
    now = timezone.now()
    workshops = WorkshopPage.objects.live()
    assert workshops.filter(start__gt=now).count() >= 8
    assert workshops.filter(end__lt=now).count() >= 4
    assert workshops.filter(registrations__status="waitlisted").exists()
    assert workshops.filter(questions__isnull=False).exists()
    assert WorkshopFeedback.objects.exists()
    assert len({w.format for w in workshops}) == 3
    html = client.get("/workshops/").text
    assert "Waitlist open" in html and "seats left" in html


def test_demo_workshop_questions_keep_their_choices(demo_site):
    question = WorkshopPage.objects.get(
        slug="understanding-work-permits"
    ).questions.get(kind="choice")
    # Written in YAML, where a bare Yes or No would be read as true or false.
    assert question.choices == "Yes\nNo\nNot sure"
    assert question.required


def test_demo_registrations_came_in_over_days_not_as_a_burst(demo_site):
    """Otherwise the first visitor to register after make run would alert
    the coordinators to a burst of the demo's own registrations."""
    now = timezone.now()
    for event in WorkshopPage.objects.live().filter(start__gt=now):
        assert watch_for_burst(event, now=now) is None, event.title
    assert not RegistrationBurst.objects.exists()
    assert not Registration.objects.filter(created_at__gt=F("workshop__start")).exists()
