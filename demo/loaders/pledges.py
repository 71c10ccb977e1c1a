"""The pledge page, its registry, the commitments and the employers who signed.

Created only when missing: running the loader again adds nothing and never
overwrites what staff edited. Dates are relative to the day the demo is
loaded, so the registry always looks current.
"""

import datetime
import random
from typing import TextIO

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from demo.files import member, read_yaml
from demo.loaders.translations import (
    in_default_locale,
    is_translatable,
    translate_page,
    translate_snippet,
)
from demo.markdown_blocks import rich_text
from employers.pledges.models import (
    Commitment,
    Pledge,
    PledgeCommitment,
    PledgePage,
    PledgeRegistryPage,
)
from home.choices import Sector, SizeBand
from home.models import HomePage

VALIDITY_MONTHS = 12
MAX_AGE_DAYS = 540  # about 18 months
Progress = PledgeCommitment.Progress


def load(home: HomePage, stdout: TextIO, seed: int = 2026) -> PledgePage:
    """Create the pledge page, its registry, the commitments and the employers."""
    content = read_yaml("pledges.yaml")
    rng = random.Random(seed)
    with transaction.atomic():
        pledge_page = _child_page(
            home, PledgePage, _pledge_page_fields(content["page"]), stdout
        )
        registry = content["registry"]
        registry_page = _child_page(
            pledge_page,
            PledgeRegistryPage,
            {
                **{key: value for key, value in registry.items() if key != "fr"},
                "licence": member(PledgeRegistryPage.Licence, registry["licence"]),
            },
            stdout,
        )
        translate_page(
            pledge_page, _french_pledge_page_fields(content["page"]["fr"]), stdout
        )
        translate_page(registry_page, registry["fr"], stdout)
        commitments = [
            _commitment(number, spec)
            for number, spec in enumerate(content["commitments"])
        ]
        stories = [spec.get("story", "") for spec in content["commitments"]]
        created = 0
        for number, spec in enumerate(content["organizations"]):
            # Draw every employer's values, even existing ones, so each run is alike.
            plan = _plan(number, spec, content["contacts"], len(commitments), rng)
            if not Pledge.objects.filter(slug=plan["slug"]).exists():
                _create_pledge(
                    plan, commitments, stories, content["rejection_reason"], pledge_page
                )
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


def _pledge_page_fields(spec: dict) -> dict:
    return {**_pledge_page_text(spec), "min_commitments": spec["min_commitments"]}


def _pledge_page_text(spec: dict) -> dict:
    faq = [
        {"title": item["question"], "body": rich_text(item["answer"])}
        for item in spec["faq"]
    ]
    return {
        "title": spec["title"],
        "slug": spec["slug"],
        "search_description": spec["search_description"],
        "intro": spec["intro"],
        "statement": rich_text(spec["statement"]),
        "why_sign": rich_text(spec["why_sign"]),
        "faq": [
            {
                "type": "accordion",
                "value": {"heading": spec["faq_heading"], "items": faq},
            }
        ],
    }


def _french_pledge_page_fields(spec: dict) -> dict:
    """The French text of the pledge page, its consents and its messages."""
    return {
        **_pledge_page_text(spec),
        "listing_consent_text": spec["listing_consent_text"],
        "news_consent_text": spec["news_consent_text"],
        "thank_you_text": rich_text(spec["thank_you_text"]),
        "verified_text": rich_text(spec["verified_text"]),
    }


def _commitment(number: int, spec: dict) -> Commitment:
    """The English commitment, with its French translation once it is translatable."""
    commitment, _created = Commitment.objects.get_or_create(
        title=spec["title"],
        **in_default_locale(Commitment),
        defaults={
            "description": spec["description"],
            "category": member(Commitment.Category, spec["category"]),
            "sort_order": number,
        },
    )
    if is_translatable(Commitment):
        translate_snippet(commitment, spec["fr"])
    return commitment


def _plan(
    number: int, spec: dict, contacts: list[dict], choices: int, rng: random.Random
) -> dict:
    """Decide one employer's dates and progress."""
    slug = slugify(spec["name"])
    contact = contacts[number % len(contacts)]
    age = rng.randint(10, MAX_AGE_DAYS)
    picked = sorted(rng.sample(range(choices), rng.randint(3, 6)))
    # Older pledges have done more.
    weights = (1, 1, 1) if age < 120 else (1, 2, 3)
    progress = rng.choices(
        [Progress.NOT_STARTED, Progress.IN_PROGRESS, Progress.DONE],
        weights=weights,
        k=len(picked),
    )
    return {
        "name": spec["name"],
        "slug": slug,
        "sector": member(Sector, spec["sector"]),
        "size": member(SizeBand, spec["size"]),
        "community": spec["community"],
        "statement": spec.get("statement", ""),
        "status": member(Pledge.Status, spec.get("status", "approved")),
        "contact": contact["name"],
        "job_title": contact["job_title"],
        "email": f"{contact['name'].split()[0].lower()}@{slug}.example",
        "phone": f"604-555-01{number:02d}",
        "age": age,
        "renew_after": rng.randint(330, 360),
        "news": rng.random() < 0.5,
        "choices": list(zip(picked, progress, strict=True)),
    }


def _create_pledge(
    plan: dict,
    commitments: list[Commitment],
    stories: list[str],
    rejection_reason: str,
    pledge_page: PledgePage,
) -> Pledge:
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
    done = sum(progress == Progress.DONE for _number, progress in choices)
    started = sum(progress != Progress.NOT_STARTED for _number, progress in choices)
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
        rejection_reason=rejection_reason if status == Pledge.Status.REJECTED else "",
    )
    # The submission date is set on creation; the demo backdates it.
    Pledge.objects.filter(pk=pledge.pk).update(created_at=created)
    PledgeCommitment.objects.bulk_create(
        PledgeCommitment(
            pledge=pledge,
            commitment=commitments[number],
            progress=progress,
            story=stories[number] if progress == Progress.DONE else "",
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
