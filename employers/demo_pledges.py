"""Demo pledge page, registry, commitments and fictional Fraser Valley employers.

Created only when missing, like the rest of the demo: running the loader again
adds nothing and never overwrites what staff edited. Dates are relative to the
day the demo is loaded, so the registry always looks current.
"""

import datetime
import random
from typing import TextIO

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from employers.pledges.models import (
    Commitment,
    Pledge,
    PledgeCommitment,
    PledgePage,
    PledgeRegistryPage,
)
from home.choices import Sector, SizeBand
from home.demo import p, ul
from home.models import HomePage

VALIDITY_MONTHS = 12
MAX_AGE_DAYS = 540  # about 18 months

COMMITMENTS = [
    (
        "Remove Canadian-experience requirements from job postings",
        "We describe the skills each job needs and drop “Canadian experience” "
        "as a requirement, so experience gained anywhere counts.",
        Commitment.Category.RECRUITMENT,
    ),
    (
        "Accept credential assessments and consider international experience",
        "We accept educational credential assessments and weigh work experience "
        "from other countries the same way as experience gained here.",
        Commitment.Category.RECRUITMENT,
    ),
    (
        "Post jobs with settlement and employment agencies",
        "We send our openings to local settlement and employment agencies, which "
        "refer pre-screened candidates at no cost.",
        Commitment.Category.RECRUITMENT,
    ),
    (
        "Offer structured onboarding with a workplace buddy",
        "Every new hire gets a written first-month plan and a colleague to ask "
        "questions about the job, the team and the community.",
        Commitment.Category.ONBOARDING,
    ),
    (
        "Support language learning on paid time",
        "We give staff paid hours for English or French classes, such as LINC, "
        "and practise workplace vocabulary on the job.",
        Commitment.Category.RETENTION,
    ),
    (
        "Train managers on inclusive hiring and bias",
        "Everyone who hires or supervises takes training on structured interviews, "
        "bias and human rights at least once a year.",
        Commitment.Category.CULTURE,
    ),
    (
        "Recognize international skills in promotion",
        "When we promote, we count skills and qualifications gained abroad and "
        "tell staff how to show them.",
        Commitment.Category.RETENTION,
    ),
    (
        "Offer flexible time for settlement appointments",
        "Staff can shift hours for immigration, housing, school or health "
        "appointments without losing pay.",
        Commitment.Category.RETENTION,
    ),
    (
        "Share what works with other employers",
        "Once a year we tell other local employers what worked for us, at a "
        "partnership workshop or in a short written story.",
        Commitment.Category.CULTURE,
    ),
]

# Short public stories a signer wrote about a commitment they finished.
STORIES = {
    0: "We rewrote all our job postings around the skills each role needs.",
    1: "We now accept WES and ICAS assessments and hired two engineers with them.",
    2: "Two settlement agencies get our postings; four hires came that way.",
    3: "Every new hire has a buddy for eight weeks and a written first-month plan.",
    4: "Six staff take LINC classes two paid hours a week.",
    5: "All twelve supervisors did a half-day course on structured interviews.",
    6: "Our promotion form now asks about skills and training from abroad.",
    7: "Staff can move up to four hours a month for settlement appointments.",
    8: "We spoke at the spring employers' breakfast about our buddy program.",
}

# (name, sector, size, community, public statement)
EMPLOYERS = [
    (
        "Valley Berry Farms",
        Sector.AGRICULTURE,
        SizeBand.MEDIUM,
        "Abbotsford",
        "Half our crew came to Canada in the last ten years. We want them to stay.",
    ),
    (
        "Sumas Prairie Dairy Co-op",
        Sector.AGRICULTURE,
        SizeBand.SMALL,
        "Abbotsford",
        "Good farm jobs for people who know animals, wherever they learned it.",
    ),
    (
        "Fraser Fresh Foods",
        Sector.MANUFACTURING,
        SizeBand.LARGE,
        "Abbotsford",
        "Our production lines run in seven languages and one team.",
    ),
    (
        "Cascade Precision Machining",
        Sector.MANUFACTURING,
        SizeBand.MEDIUM,
        "Chilliwack",
        "We hire machinists for their skill, then train them on our machines.",
    ),
    (
        "Mount Cheam Construction",
        Sector.CONSTRUCTION,
        SizeBand.SMALL,
        "Chilliwack",
        "Trades experience from abroad is experience. We help crews get certified.",
    ),
    (
        "Riverside Electrical Contractors",
        Sector.CONSTRUCTION,
        SizeBand.SMALL,
        "Mission",
        "We sponsor apprentices through their BC certification.",
    ),
    (
        "Chilliwack Community Health Co-op",
        Sector.HEALTH,
        SizeBand.LARGE,
        "Chilliwack",
        "Internationally trained nurses and aides make our care better.",
    ),
    (
        "Lakeside Lodge Harrison",
        Sector.ACCOMMODATION,
        SizeBand.MEDIUM,
        "Agassiz and Harrison",
        "Guests from everywhere, staff from everywhere.",
    ),
    (
        "Hope Trailside Café",
        Sector.ACCOMMODATION,
        SizeBand.MICRO,
        "Hope",
        "A small kitchen with a big welcome.",
    ),
    (
        "Clearbrook Code Studio",
        Sector.PROFESSIONAL,
        SizeBand.SMALL,
        "Chilliwack",
        "Twelve developers, eleven languages, one codebase.",
    ),
    (
        "Mission Family Dental",
        Sector.HEALTH,
        SizeBand.SMALL,
        "Mission",
        "We help internationally trained dental staff through licensing.",
    ),
    (
        "Fraser Valley Logistics",
        Sector.TRANSPORTATION,
        SizeBand.LARGE,
        "Abbotsford",
        "Drivers and warehouse staff who plan to stay find a career here.",
    ),
    (
        "Agassiz Greenhouse Growers",
        Sector.AGRICULTURE,
        SizeBand.LARGE,
        "Agassiz and Harrison",
        "Year-round growing, year-round jobs, and help settling in.",
    ),
    (
        "Marshall Road Pharmacy",
        Sector.RETAIL,
        SizeBand.SMALL,
        "Abbotsford",
        "Our pharmacists trained on four continents.",
    ),
    (
        "Valley Home Care Society",
        Sector.HEALTH,
        SizeBand.MEDIUM,
        "Abbotsford",
        "Care workers are the heart of what we do; we invest in them.",
    ),
    (
        "Stave Lake Timber Products",
        Sector.MANUFACTURING,
        SizeBand.MEDIUM,
        "Mission",
        "Safety training in the languages our crews speak.",
    ),
    (
        "Vedder Accounting Group",
        Sector.PROFESSIONAL,
        SizeBand.SMALL,
        "Chilliwack",
        "We recognize accounting designations from abroad on the path to CPA.",
    ),
    (
        "Mountainview Credit Union",
        Sector.FINANCE,
        SizeBand.VERY_LARGE,
        "Abbotsford",
        "A co-operative bank for the whole valley, staffed by the whole valley.",
    ),
    (
        "Valley Seniors Living",
        Sector.HEALTH,
        SizeBand.LARGE,
        "Mission",
        "Residents and staff celebrate each other's holidays.",
    ),
    (
        "Sumas Mountain Aggregates",
        Sector.MINING,
        SizeBand.MEDIUM,
        "Abbotsford",
        "Heavy-equipment skills travel; we make sure they are recognized.",
    ),
    (
        "Fraser Valley Poultry Processors",
        Sector.MANUFACTURING,
        SizeBand.VERY_LARGE,
        "Abbotsford",
        "Paid language classes on site, every shift.",
    ),
    (
        "Rural Valley Veterinary Clinic",
        Sector.PROFESSIONAL,
        SizeBand.SMALL,
        "Fraser Valley rural areas",
        "We mentor internationally trained veterinarians toward licensing.",
    ),
    (
        "Riverbend Adventure Park",
        Sector.ARTS,
        SizeBand.MEDIUM,
        "Chilliwack",
        "Seasonal jobs that can turn into careers.",
    ),
    (
        "Mission Print and Sign",
        Sector.MANUFACTURING,
        SizeBand.MICRO,
        "Mission",
        "A family shop that welcomes new families.",
    ),
    (
        "Valley Movers and Storage",
        Sector.TRANSPORTATION,
        SizeBand.SMALL,
        "Chilliwack",
        "We promote from within, wherever people started.",
    ),
    (
        "Fraser Valley Cleaning Services",
        Sector.ADMINISTRATIVE,
        SizeBand.MEDIUM,
        "Abbotsford",
        "Fair schedules and time off for settlement appointments.",
    ),
    (
        "Hope River Outfitters",
        Sector.RETAIL,
        SizeBand.MICRO,
        "Hope",
        "Small team, flexible hours, big outdoors.",
    ),
    (
        "Bradner Road Nurseries",
        Sector.WHOLESALE,
        SizeBand.SMALL,
        "Fraser Valley rural areas",
        "Our growers bring knowledge from farms around the world.",
    ),
    (
        "Fraser Valley Language Academy",
        Sector.EDUCATION,
        SizeBand.SMALL,
        "Abbotsford",
        "We teach newcomers and we hire them too.",
    ),
    # Not approved: states the public never sees.
    (
        "Valley Real Estate Group",
        Sector.REAL_ESTATE,
        SizeBand.SMALL,
        "Mission",
        "",
    ),
    (
        "Harrison Mills Brewing",
        Sector.MANUFACTURING,
        SizeBand.SMALL,
        "Agassiz and Harrison",
        "",
    ),
    ("Mission Community Radio", Sector.INFORMATION, SizeBand.MICRO, "Mission", ""),
    ("Township Insurance Brokers", Sector.FINANCE, SizeBand.SMALL, "Mission", ""),
    ("Hope Auto and Tire", Sector.OTHER_SERVICES, SizeBand.MICRO, "Hope", ""),
    (
        "Fraser Valley Water Services",
        Sector.UTILITIES,
        SizeBand.MEDIUM,
        "Chilliwack",
        "",
    ),
    (
        "Abbotsford Tech Recyclers",
        Sector.ADMINISTRATIVE,
        SizeBand.SMALL,
        "Abbotsford",
        "",
    ),
    (
        "Quick Cash Staffing Solutions",
        Sector.ADMINISTRATIVE,
        SizeBand.MICRO,
        "Abbotsford",
        "",
    ),
]
# The employers after the approved ones, in order, and the state each is in.
OTHER_STATES = [
    Pledge.Status.PENDING,
    Pledge.Status.PENDING,
    Pledge.Status.PENDING,
    Pledge.Status.UNVERIFIED,
    Pledge.Status.LAPSED,
    Pledge.Status.LAPSED,
    Pledge.Status.WITHDRAWN,
    Pledge.Status.REJECTED,
]
CONTACTS = [
    ("Maria Delgado", "HR manager"),
    ("Dev Sharma", "Owner"),
    ("Amrit Gill", "Operations manager"),
    ("Grace Okafor", "People and culture lead"),
    ("Tom Nguyen", "General manager"),
    ("Fatima Haidari", "HR advisor"),
    ("Lucas Moreau", "Plant manager"),
    ("Priya Patel", "Director of care"),
]

PAGE = {
    "title": "Sign the inclusive workplace pledge",
    "slug": "pledge",
    "search_description": (
        "A free pledge for Fraser Valley employers: choose concrete steps to hire "
        "and keep newcomers, and join the public registry."
    ),
    "intro": (
        "The pledge is a promise to take concrete steps that help newcomers get "
        "hired, settle in and grow at work. It is free, takes about five minutes, "
        "and puts your organization in our public registry of welcoming employers."
    ),
    "statement": p(
        "We believe people who came to Canada from elsewhere bring skills our "
        "workplace needs. We will judge candidates and staff on what they can do, "
        "wherever they learned it. We will take the concrete steps we chose below, "
        "report our progress once a year, and share what we learn with other "
        "employers in the Fraser Valley."
    ),
    "why_sign": ul(
        "<b>Find people.</b> Settlement and employment agencies refer candidates "
        "to employers who have signed.",
        "<b>Keep people.</b> Staff who feel welcome stay longer; the steps in the "
        "pledge are the ones that work.",
        "<b>Be seen.</b> Your organization appears in the public registry, with a "
        "badge for your careers page.",
        "<b>Get help.</b> We send signers our guides, workshop invitations and "
        "introductions to local agencies.",
    ),
    "faq": [
        (
            "How long does it take?",
            "About five minutes. You give your organization's details, choose at "
            "least three commitments, and confirm your work email.",
        ),
        (
            "What do your staff check?",
            "We check that the organization exists, operates in the Fraser Valley, "
            "and that the person signing works there. We usually review a pledge "
            "within five working days.",
        ),
        (
            "What is public?",
            "Your organization's name, website, sector, community, size, logo, "
            "statement, commitments and progress. Your name, email and phone are "
            "never shown to the public.",
        ),
        (
            "Do I have to renew?",
            "Yes, once a year. We email you a month before your pledge expires and "
            "ask what you did on each commitment.",
        ),
        (
            "Can we withdraw?",
            "Yes, at any time, from the link in any email we send you. Your "
            "organization leaves the registry at once.",
        ),
        (
            "What does it cost?",
            "Nothing. The pledge is free, and so are our workshops and guides.",
        ),
    ],
}
REGISTRY = {
    "title": "Employers who signed the pledge",
    "slug": "registry",
    "search_description": (
        "The public registry of Fraser Valley employers who signed the inclusive "
        "workplace pledge."
    ),
    "intro": (
        "These organizations have committed to concrete steps to hire, welcome and "
        "keep newcomers. Find one near you, or see what others in your sector do."
    ),
}


def load(home: HomePage, stdout: TextIO, seed: int = 2026) -> PledgePage:
    """Create the pledge page, its registry, the commitments and the employers."""
    rng = random.Random(seed)
    with transaction.atomic():
        pledge_page = _child_page(home, PledgePage, _pledge_page_fields(), stdout)
        _child_page(
            pledge_page,
            PledgeRegistryPage,
            {**REGISTRY, "licence": PledgeRegistryPage.Licence.CC_BY},
            stdout,
        )
        commitments = [
            _commitment(number, *spec) for number, spec in enumerate(COMMITMENTS)
        ]
        created = 0
        for number, spec in enumerate(EMPLOYERS):
            # Draw every employer's values, even existing ones, so each run is alike.
            plan = _plan(number, spec, len(commitments), rng)
            if not Pledge.objects.filter(slug=plan["slug"]).exists():
                _create_pledge(plan, commitments, pledge_page)
                created += 1
        if created:
            stdout.write(f"Created {created} demo pledges.")
    return pledge_page


def _child_page(parent, model, fields: dict, stdout: TextIO):
    """Return ``parent``'s child of this type, publishing it the first time."""
    existing = model.objects.child_of(parent).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(**fields))
    page.save_revision().publish()
    stdout.write(f"Created the page “{page.title}”.")
    return page


def _pledge_page_fields() -> dict:
    faq = [{"title": question, "body": p(answer)} for question, answer in PAGE["faq"]]
    return {
        **{key: value for key, value in PAGE.items() if key != "faq"},
        "min_commitments": 3,
        "faq": [
            {
                "type": "accordion",
                "value": {"heading": "Questions employers ask", "items": faq},
            }
        ],
    }


def _commitment(number: int, title: str, description: str, category) -> Commitment:
    commitment, _created = Commitment.objects.get_or_create(
        title=title,
        defaults={
            "description": description,
            "category": category,
            "sort_order": number,
        },
    )
    return commitment


def _plan(number: int, spec: tuple, choices: int, rng: random.Random) -> dict:
    """Decide one employer's state, dates and progress."""
    name, sector, size, community, statement = spec
    approved_count = len(EMPLOYERS) - len(OTHER_STATES)
    status = (
        Pledge.Status.APPROVED
        if number < approved_count
        else OTHER_STATES[number - approved_count]
    )
    slug = slugify(name)
    contact, job_title = CONTACTS[number % len(CONTACTS)]
    age = rng.randint(10, MAX_AGE_DAYS)
    picked = sorted(rng.sample(range(choices), rng.randint(3, 6)))
    # Older pledges have done more.
    weights = (1, 1, 1) if age < 120 else (1, 2, 3)
    progress = rng.choices(
        [PledgeCommitment.Progress.NOT_STARTED, "in_progress", "done"],
        weights=weights,
        k=len(picked),
    )
    return {
        "name": name,
        "slug": slug,
        "sector": sector,
        "size": size,
        "community": community,
        "statement": statement,
        "status": status,
        "contact": contact,
        "job_title": job_title,
        "email": f"{contact.split()[0].lower()}@{slug}.example",
        "phone": f"604-555-01{number:02d}",
        "age": age,
        "renew_after": rng.randint(330, 360),
        "news": rng.random() < 0.5,
        "choices": list(zip(picked, progress, strict=True)),
    }


def _create_pledge(plan: dict, commitments: list, pledge_page: PledgePage) -> Pledge:
    now = timezone.now()
    status = plan["status"]
    created = now - datetime.timedelta(days=plan["age"], hours=3)
    approved = renewed = expires = closed = None
    if status == Pledge.Status.PENDING:
        created = now - datetime.timedelta(days=plan["age"] % 6 + 1)
    elif status == Pledge.Status.UNVERIFIED:
        created = now - datetime.timedelta(hours=5)
    elif status == Pledge.Status.REJECTED:
        closed = created + datetime.timedelta(days=4)
    else:
        approved = created + datetime.timedelta(days=3)
        expires = _add_months(approved, VALIDITY_MONTHS)
        if status == Pledge.Status.LAPSED:
            # Signed more than a year ago and never renewed.
            approved = now - datetime.timedelta(days=400 + plan["age"] % 100)
            expires = _add_months(approved, VALIDITY_MONTHS)
            closed = expires + datetime.timedelta(days=30)
        elif status == Pledge.Status.WITHDRAWN:
            closed = min(approved + datetime.timedelta(days=60), now)
        elif expires <= now + datetime.timedelta(days=14):
            # A year has passed: the employer renewed and reported progress.
            days_ago = (now - approved).days
            renewed = approved + datetime.timedelta(
                days=min(plan["renew_after"], days_ago - 2)
            )
            expires = _add_months(renewed, VALIDITY_MONTHS)
    choices = plan["choices"]
    done = sum(progress == "done" for _number, progress in choices)
    started = sum(progress != "not_started" for _number, progress in choices)
    level = Pledge.Level.COMMITTED
    if done == len(choices):
        level = Pledge.Level.CHAMPION
    elif started * 2 >= len(choices):
        level = Pledge.Level.ACTIVE

    pledge = Pledge.objects.create(
        organization_name=plan["name"],
        slug=plan["slug"],
        website=f"https://www.{plan['slug']}.example",
        sector=plan["sector"],
        size_band=plan["size"],
        community=plan["community"],
        statement=plan["statement"],
        contact_name=plan["contact"],
        job_title=plan["job_title"],
        email=plan["email"],
        phone=plan["phone"],
        listing_consent_at=created,
        listing_consent_version=pledge_page.listing_consent_version,
        news_consent_at=created if plan["news"] else None,
        news_consent_version=pledge_page.news_consent_version if plan["news"] else "",
        status=status,
        level=level if approved else Pledge.Level.COMMITTED,
        verified_at=None if status == Pledge.Status.UNVERIFIED else created,
        approved_at=approved,
        renewed_at=renewed,
        expires_at=expires,
        closed_at=closed,
        rejection_reason=(
            "We could not confirm that this organization operates in the Fraser Valley."
            if status == Pledge.Status.REJECTED
            else ""
        ),
    )
    # The submission date is set on creation; the demo backdates it.
    Pledge.objects.filter(pk=pledge.pk).update(created_at=created)
    PledgeCommitment.objects.bulk_create(
        PledgeCommitment(
            pledge=pledge,
            commitment=commitments[number],
            progress=progress,
            story=STORIES[number] if progress == "done" and number % 2 == 0 else "",
        )
        for number, progress in choices
    )
    return pledge


def _add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    month = moment.month - 1 + months
    year = moment.year + month // 12
    month = month % 12 + 1
    day = min(moment.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return moment.replace(year=year, month=month, day=day)
