"""Workshops, upcoming and past, with venues, facilitators and registrations.

Created only when missing. Dates are relative to the day the demo is loaded,
so the listing always has upcoming workshops; the registrants come from a
seeded generator, so the same seed gives the same demo.
"""

import datetime
import random
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from demo.files import member, read_yaml
from demo.loaders.translations import (
    in_default_locale,
    is_translatable,
    translate_page,
    translate_snippet,
    without_french,
)
from demo.markdown_blocks import rich_text
from employers.pledges.models.pledges import organization_key
from employers.workshops.models import (
    CONSENT_VERSION,
    Facilitator,
    Registration,
    Venue,
    WorkshopCalendarState,
    WorkshopFacilitator,
    WorkshopFeedback,
    WorkshopFormat,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopQuestion,
)
from home.choices import Sector, SizeBand
from home.models import HomePage
from resources.models import Topic

# How many seats one registration takes, drawn in turn; and feedback ratings.
SEAT_DRAWS = [1, 1, 1, 2]
RATING_DRAWS = [3, 4, 4, 5, 5, 5]


def load(home: HomePage, stdout: TextIO, *, seed: int = 2026) -> WorkshopIndexPage:
    """Create the workshop index, the venues, the facilitators and the workshops."""
    content = read_yaml("workshops.yaml")
    rng = random.Random(seed)
    with transaction.atomic():
        index = (
            WorkshopIndexPage.objects.child_of(home)
            .filter(slug=content["index"]["slug"])
            .first()
        )
        if index is None:
            index = home.add_child(
                instance=WorkshopIndexPage(**without_french(content["index"]))
            )
            index.save_revision().publish()
            stdout.write("Created the workshop index.")
        translate_page(index, content["index"]["fr"], stdout)
        venues = {spec["name"]: _snippet(Venue, spec) for spec in content["venues"]}
        facilitators = [_snippet(Facilitator, spec) for spec in content["facilitators"]]
        topics = {
            topic.slug: topic
            for topic in Topic.objects.filter(**in_default_locale(Topic))
        }
        for number, spec in enumerate(content["workshops"]):
            page = (
                WorkshopPage.objects.child_of(index).filter(slug=spec["slug"]).first()
            )
            if page is None:
                page = _workshop(
                    index,
                    spec,
                    content["defaults"],
                    venues,
                    [facilitators[(number + n) % len(facilitators)] for n in (0, 1)],
                    topics,
                )
                _registrations(page, spec, content, rng)
                WorkshopCalendarState.objects.update_or_create(
                    workshop=page, defaults={"capacity": spec["capacity"]}
                )
                stdout.write(f"Created the workshop “{page.title}”.")
            if "fr" in spec:
                _french_workshop(page, spec, content["defaults"]["fr"], stdout)
    return index


def _snippet(model, spec: dict):
    """The English venue or facilitator named in ``spec``, and its French copy."""
    english = without_french(spec)
    obj = model.objects.get_or_create(
        name=spec["name"], **in_default_locale(model), defaults=english
    )[0]
    if is_translatable(model):
        translate_snippet(obj, spec["fr"])
    return obj


def _french_workshop(
    page: WorkshopPage, spec: dict, defaults: dict, stdout: TextIO
) -> WorkshopPage:
    """The workshop's French page: its words in French.

    Time, place, seats, topics and facilitators stay the event's (the English
    page's); readers see the venue, topics and facilitators in their language.
    """
    french = spec["fr"]
    questions = [question.get("fr", {}) for question in spec.get("questions", [])]

    def translate_inline_items(copy: WorkshopPage) -> None:
        # Assigned back, so the revision holds the edited items.
        ordered = list(copy.questions.all())
        for question, text in zip(ordered, questions, strict=False):
            question.label = text.get("label", question.label)
            if "choices" in text:
                question.choices = "\n".join(text["choices"])
        copy.questions = ordered

    return translate_page(
        page,
        {
            "title": french["title"],
            "slug": french["slug"],
            "summary": defaults["summary"].format(title=french["title"]),
            "body": [{"type": "paragraph", "value": rich_text(defaults["body"])}],
            "audience": defaults["audience"],
        },
        stdout,
        edit=translate_inline_items,
    )


def _workshop(index, spec, defaults, venues, facilitators, topics) -> WorkshopPage:
    today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    start = (today + datetime.timedelta(days=spec["in_days"])).replace(
        hour=spec["hour"]
    )
    workshop_format = member(WorkshopFormat, spec["format"])
    opens_before = spec.get("registration_opens_days_before")
    page = WorkshopPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=defaults["summary"].format(title=spec["title"].lower()),
        body=[{"type": "paragraph", "value": rich_text(defaults["body"])}],
        audience=defaults["audience"],
        start=start,
        end=start + datetime.timedelta(hours=defaults["hours"]),
        format=workshop_format,
        venue=venues[spec["venue"]] if "venue" in spec else None,
        online_link=""
        if workshop_format == WorkshopFormat.IN_PERSON
        else defaults["online_link"].format(slug=spec["slug"]),
        capacity=spec["capacity"],
        max_seats_per_registration=spec.get(
            "max_seats_per_registration", defaults["max_seats_per_registration"]
        ),
        waitlist_enabled=True,
        registration_opens_at=start - datetime.timedelta(days=opens_before)
        if opens_before
        else None,
    )
    page.questions = [
        WorkshopQuestion(
            label=question["label"],
            kind=member(WorkshopQuestion.Kind, question["kind"]),
            choices="\n".join(question.get("choices", [])),
            required=question.get("required", False),
        )
        for question in spec.get("questions", [])
    ]
    page.workshop_facilitators = [
        WorkshopFacilitator(facilitator=facilitator) for facilitator in facilitators
    ]
    index.add_child(instance=page)
    page.topics.set([topics[slug] for slug in spec["topics"] if slug in topics])
    page.save_revision().publish()
    return page


def _registrations(
    page: WorkshopPage, spec: dict, content: dict, rng: random.Random
) -> None:
    """The seats taken and the waitlist; attendance and feedback if it is past."""
    people = content["registrants"]
    past = spec["in_days"] < 0
    now = timezone.now()
    specs = []
    left = spec["seats_taken"]
    while left > 0:
        seats = min(rng.choice(SEAT_DRAWS), left)
        left -= seats
        specs.append((Registration.Status.CONFIRMED, seats))
    specs += [(Registration.Status.WAITLISTED, 1)] * spec.get("waitlisted", 0)
    rows = []
    for n, (status, seats) in enumerate(specs):
        first, last = (
            rng.choice(people["first_names"]),
            rng.choice(people["last_names"]),
        )
        organization = rng.choice(people["organizations"])
        row = Registration(
            workshop=page,
            status=status,
            seats=seats,
            name=f"{first} {last}",
            email=f"{first}.{last}.{page.pk}.{n}@example.com".lower(),
            organization=organization,
            # bulk_create skips save(), which keys the organization.
            organization_key=organization_key(organization),
            job_title=rng.choice(people["job_titles"]),
            sector=member(Sector, rng.choice(people["sectors"])),
            size=member(SizeBand, rng.choice(people["sizes"])),
            accommodation_needs=people["accommodation_needs"]
            if rng.random() < 0.08
            else "",
            consent_version=CONSENT_VERSION,
            consented_at=now,
            future_events_consent=rng.random() < 0.5,
            confirmed_at=now if status == Registration.Status.CONFIRMED else None,
            attended_at=page.start if past and rng.random() < 0.8 else None,
            feedback_requested_at=page.end if past else None,
            reminder_sent_at=page.start if past else None,
        )
        rows.append(row)
    Registration.objects.bulk_create(rows)
    # Spread over the days before (created_at is set on insert): all of them
    # "now" would look like a burst, and the first visitor's registration
    # would alert the coordinators. The order, hence the waitlist's, stays.
    latest = min(now, page.start) - datetime.timedelta(hours=1)
    for n, row in enumerate(rows):
        row.created_at = row.consented_at = latest - datetime.timedelta(
            hours=7 * (len(rows) - n)
        )
        if row.confirmed_at:
            row.confirmed_at = row.created_at
    Registration.objects.bulk_update(
        rows, ["created_at", "consented_at", "confirmed_at"]
    )
    if past:
        feedback = content["feedback"]
        attended = Registration.objects.filter(workshop=page, attended_at__isnull=False)
        WorkshopFeedback.objects.bulk_create(
            WorkshopFeedback(
                registration=registration,
                workshop=page,
                rating=rng.choice(RATING_DRAWS),
                next_steps=rng.choice(feedback["next_steps"]),
                comments=rng.choice(feedback["comments"]),
            )
            for registration in attended
            if rng.random() < 0.6
        )
