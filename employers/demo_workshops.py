"""Demo workshops: upcoming and past, venues, facilitators and registrations.

Created only when missing. Dates are relative to the day the demo is loaded,
so the listing always has upcoming workshops; the random names come from a
seeded generator, so the same seed gives the same demo.
"""

import datetime
import random
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from employers.pledges.models.pledges import organization_key
from employers.workshops.models import (
    CONSENT_VERSION,
    Facilitator,
    Registration,
    Venue,
    WorkshopCalendarState,
    WorkshopFacilitator,
    WorkshopFeedback,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopQuestion,
)
from home.models import HomePage
from resources.models import Topic

VENUES = [
    {
        "name": "Abbotsford Community Library, Room B",
        "address": "33355 Bevan Avenue\nAbbotsford, BC V2S 0E7",
        "directions": "Free parking behind the library. Bus routes 1 and 2 stop "
        "on Bevan Avenue. Room B is on the ground floor, past the front desk.",
        "accessibility": "Step-free entrance with automatic doors, accessible "
        "washroom on the same floor, hearing loop in Room B.",
    },
    {
        "name": "Chilliwack Business Centre",
        "address": "46115 Yale Road, Suite 200\nChilliwack, BC V2P 2P2",
        "directions": "Street parking on Yale Road; the entrance is beside the "
        "credit union. Take the elevator to the second floor.",
        "accessibility": "Elevator to the second floor, accessible washroom, "
        "adjustable lighting on request.",
    },
    {
        "name": "Mission Leisure Centre, Fraser Room",
        "address": "7650 Grand Street\nMission, BC V2V 7G9",
        "directions": "Large free parking lot. Follow the signs to the Fraser "
        "Room from the main lobby.",
        "accessibility": "Step-free throughout, accessible parking by the "
        "entrance, quiet room available.",
    },
]

FACILITATORS = [
    (
        "Priya Natarajan",
        "Employer liaison",
        "Fraser Valley LIP",
        "Priya helps "
        "employers build fair hiring processes and has run over 40 workshops.",
    ),
    (
        "Marc-André Gagnon",
        "Immigration consultant (RCIC)",
        "Valley Settlement Services",
        "Marc-André explains work permits and hiring routes in plain "
        "language, in English and French.",
    ),
    (
        "Grace Obi",
        "HR director",
        "Cascade Foods",
        "Grace leads a team of 60 and "
        "shares what worked when her plant hired its first newcomer cohort.",
    ),
    (
        "Daniel Cho",
        "Human rights educator",
        "BC Human Rights Clinic",
        "Daniel "
        "covers what the Human Rights Code means for job postings and interviews.",
    ),
]

# slug, title, topics, format, venue index or None, days from today, hour,
# capacity, seats taken, waitlisted, extra.
WORKSHOPS = [
    (
        "inclusive-hiring-101",
        "Inclusive hiring 101",
        ["recruiting", "inclusion"],
        "in_person",
        0,
        6,
        9,
        30,
        27,
        0,
        {},
    ),
    (
        "onboarding-newcomers",
        "Onboarding newcomers",
        ["onboarding", "mentoring"],
        "hybrid",
        1,
        9,
        13,
        25,
        25,
        4,
        {"waitlist": True},
    ),
    (
        "understanding-work-permits",
        "Understanding work permits",
        ["work-permits"],
        "online",
        None,
        12,
        10,
        100,
        41,
        0,
        {"questions": True},
    ),
    (
        "assessing-international-credentials",
        "Assessing international credentials",
        ["credentials"],
        "in_person",
        2,
        16,
        9,
        20,
        8,
        0,
        {"seats": 3},
    ),
    (
        "language-at-work",
        "Supporting language learning at work",
        ["language"],
        "online",
        None,
        20,
        12,
        None,
        18,
        0,
        {},
    ),
    (
        "mentoring-that-works",
        "Mentoring programs that work",
        ["mentoring"],
        "in_person",
        0,
        24,
        14,
        15,
        13,
        0,
        {},
    ),
    (
        "interviewing-across-cultures",
        "Interviewing across cultures",
        ["recruiting", "inclusion"],
        "hybrid",
        1,
        30,
        10,
        30,
        6,
        0,
        {},
    ),
    (
        "welcoming-families",
        "Helping workers' families settle",
        ["settlement"],
        "in_person",
        2,
        37,
        18,
        40,
        3,
        0,
        {},
    ),
    (
        "pnp-for-employers",
        "Provincial nominee programs for employers",
        ["work-permits"],
        "online",
        None,
        45,
        10,
        80,
        0,
        0,
        {"opens_later": True},
    ),
    # Past workshops, with attendance and feedback.
    (
        "inclusive-hiring-101-spring",
        "Inclusive hiring 101 (spring session)",
        ["recruiting", "inclusion"],
        "in_person",
        0,
        -40,
        9,
        30,
        28,
        0,
        {},
    ),
    (
        "work-permits-explained",
        "Work permits explained",
        ["work-permits"],
        "online",
        None,
        -30,
        10,
        100,
        54,
        0,
        {},
    ),
    (
        "onboarding-checklists",
        "Onboarding checklists that stick",
        ["onboarding"],
        "in_person",
        1,
        -21,
        13,
        25,
        22,
        0,
        {},
    ),
    (
        "anti-racism-at-work",
        "Anti-racism at work: first steps",
        ["inclusion"],
        "hybrid",
        2,
        -10,
        10,
        30,
        26,
        0,
        {},
    ),
]

FIRST = [
    "Maria",
    "Dev",
    "Aisha",
    "Li",
    "Carlos",
    "Fatima",
    "John",
    "Sofia",
    "Raj",
    "Emily",
    "Omar",
    "Chen",
    "Grace",
    "Lucas",
    "Amara",
    "Noah",
    "Zara",
    "Ivan",
]
LAST = [
    "Santos",
    "Patel",
    "Khan",
    "Wei",
    "Garcia",
    "Haddad",
    "Smith",
    "Rossi",
    "Singh",
    "Brown",
    "Nasser",
    "Liu",
    "Okafor",
    "Martin",
    "Mensah",
    "Nguyen",
]
EMPLOYERS = [
    "Valley Foods",
    "Byte Studio",
    "Cascade Farms",
    "Fraser Builders",
    # Two pledge signers too: the impact report counts each organization once.
    "Mission Family Dental",
    "Harrison Hotel",
    "Sumas Logistics",
    "Abby Auto",
    "Agassiz Greenhouse Growers",
    "Chilliwack Care Home",
]
SECTORS = ["11", "23", "31-33", "44-45", "48-49", "54", "62", "72"]
SIZES = ["1-9", "10-49", "50-99", "100-499"]
NEXT_STEPS = [
    "Rewrite our job postings",
    "Call a settlement agency",
    "Start a buddy program",
    "Review our interview questions",
    "",
]


def load(home: HomePage, stdout: TextIO, *, seed: int = 2026) -> WorkshopIndexPage:
    rng = random.Random(seed)
    with transaction.atomic():
        index = (
            WorkshopIndexPage.objects.child_of(home).filter(slug="workshops").first()
        )
        if index is None:
            index = home.add_child(
                instance=WorkshopIndexPage(
                    title="Workshops for employers",
                    slug="workshops",
                    search_description="Free workshops on hiring and keeping "
                    "immigrant workers, in person and online.",
                    intro="Free, practical sessions with local employers and "
                    "experts. Register in a minute; cancel with one click.",
                )
            )
            index.save_revision().publish()
            stdout.write("Created the workshop index.")
        venues = [_get_or_create(Venue, spec) for spec in VENUES]
        facilitators = [
            Facilitator.objects.get_or_create(
                name=name,
                defaults={"role": role, "organization": org, "bio": bio},
            )[0]
            for name, role, org, bio in FACILITATORS
        ]
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        for number, spec in enumerate(WORKSHOPS):
            _workshop(index, spec, venues, facilitators, topics, rng, number, stdout)
    return index


def _get_or_create(model, spec):
    return model.objects.get_or_create(name=spec["name"], defaults=spec)[0]


def _workshop(index, spec, venues, facilitators, topics, rng, number, stdout):
    (
        slug,
        title,
        topic_slugs,
        fmt,
        venue,
        days,
        hour,
        capacity,
        taken,
        waiting,
        extra,
    ) = spec
    if WorkshopPage.objects.child_of(index).filter(slug=slug).exists():
        return
    today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    start = (today + datetime.timedelta(days=days)).replace(hour=hour)
    page = WorkshopPage(
        title=title,
        slug=slug,
        summary=f"A practical session for employers: {title.lower()}, with time "
        "for your questions.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Two hours of practical advice from people who have "
                "done it, with examples from Fraser Valley employers and time for "
                "questions. Bring a colleague.</p>",
            }
        ],
        audience="Owners, managers and HR staff of employers of any size",
        start=start,
        end=start + datetime.timedelta(hours=2),
        format=fmt,
        venue=venues[venue] if venue is not None else None,
        online_link="https://meet.example.org/fvlip-" + slug
        if fmt != "in_person"
        else "",
        capacity=capacity,
        max_seats_per_registration=extra.get("seats", 2),
        waitlist_enabled=True,
        registration_opens_at=start - datetime.timedelta(days=20)
        if extra.get("opens_later")
        else None,
    )
    if extra.get("questions"):
        page.questions = [
            WorkshopQuestion(
                label="Which work permits do your current workers hold?",
                kind="short_text",
            ),
            WorkshopQuestion(
                label="Have you hired through the Temporary Foreign Worker "
                "Program before?",
                kind="choice",
                choices="Yes\nNo\nNot sure",
                required=True,
            ),
            WorkshopQuestion(
                label="Send me the slides after the session", kind="checkbox"
            ),
        ]
    page.workshop_facilitators = [
        WorkshopFacilitator(facilitator=facilitators[number % len(facilitators)]),
        WorkshopFacilitator(facilitator=facilitators[(number + 1) % len(facilitators)]),
    ]
    index.add_child(instance=page)
    page.topics.set([topics[s] for s in topic_slugs if s in topics])
    page.save_revision().publish()
    _registrations(page, taken, waiting, rng, past=days < 0)
    WorkshopCalendarState.objects.update_or_create(
        workshop=page, defaults={"capacity": capacity}
    )
    stdout.write(f"Created the workshop “{title}”.")


def _registrations(page, taken, waiting, rng, *, past):
    now = timezone.now()
    specs = []
    left = taken
    while left > 0:
        seats = min(rng.choice([1, 1, 1, 2]), left)
        left -= seats
        specs.append(("confirmed", seats))
    specs += [("waitlisted", 1)] * waiting
    rows = []
    for n, (status, seats) in enumerate(specs):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        organization = rng.choice(EMPLOYERS)
        row = Registration(
            workshop=page,
            status=status,
            seats=seats,
            name=f"{first} {last}",
            email=f"{first}.{last}.{page.pk}.{n}@example.com".lower(),
            organization=organization,
            # bulk_create skips save(), which keys the organization.
            organization_key=organization_key(organization),
            job_title=rng.choice(["HR manager", "Owner", "Operations lead", ""]),
            sector=rng.choice(SECTORS),
            size=rng.choice(SIZES),
            accommodation_needs="Wheelchair seating near the door"
            if rng.random() < 0.08
            else "",
            consent_version=CONSENT_VERSION,
            consented_at=now,
            future_events_consent=rng.random() < 0.5,
            confirmed_at=now if status == "confirmed" else None,
            attended_at=page.start if past and rng.random() < 0.8 else None,
            feedback_requested_at=page.end if past else None,
            reminder_sent_at=page.start if past else None,
        )
        rows.append(row)
    Registration.objects.bulk_create(rows)
    if past:
        attended = Registration.objects.filter(workshop=page, attended_at__isnull=False)
        WorkshopFeedback.objects.bulk_create(
            WorkshopFeedback(
                registration=registration,
                workshop=page,
                rating=rng.choice([3, 4, 4, 5, 5, 5]),
                next_steps=rng.choice(NEXT_STEPS),
                comments=rng.choice(["", "Very practical.", "More examples please."]),
            )
            for registration in attended
            if rng.random() < 0.6
        )
