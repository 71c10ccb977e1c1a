"""A hand-built year of pledges and workshops for the impact report's tests.

Times are in America/Vancouver (the test site's time zone). The fiscal year
2025–26 runs from April 1, 2025 to March 31, 2026; pledge A is approved a
minute before it ends and pledge B the instant the next one begins. Every
expected figure in tests/employers/workshops/test_impact.py follows from this data; the
comments say which rows count where.
"""

import datetime
import zoneinfo

import pytest

from django.contrib.contenttypes.models import ContentType

from wagtail.models import ModelLogEntry

from employers.pledges.factories import CommitmentFactory, PledgeFactory
from employers.pledges.models import Pledge, PledgeCommitment
from employers.pledges.models.pledges import organization_key
from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory
from employers.workshops.models import Registration, WorkshopFeedback
from home.choices import Sector, SizeBand
from home.impact.periods import fiscal_year, quarter

VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")
Status = Pledge.Status
Level = Pledge.Level
Reg = Registration.Status


def at(year, month, day, hour=12, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VANCOUVER)


# Reports are made later, so every period below is over.
AS_OF = at(2026, 11, 1)
FY_2025 = fiscal_year(datetime.date(2025, 4, 1), as_of=AS_OF)
FY_2026 = fiscal_year(datetime.date(2026, 4, 1), as_of=AS_OF)
Q4_2025 = quarter(datetime.date(2026, 1, 1), as_of=AS_OF)
Q1_2026 = quarter(datetime.date(2026, 4, 1), as_of=AS_OF)


def pledge(name, sector, size, community, *, approved, status=Status.APPROVED, **extra):
    return PledgeFactory(
        organization_name=name,
        sector=sector,
        size_band=size,
        community=community,
        status=status,
        approved_at=approved,
        expires_at=(approved or at(2025, 1, 1)) + datetime.timedelta(days=365),
        **extra,
    )


def logged(instance, action: str, when: datetime.datetime) -> None:
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        label=str(instance),
        action=f"pledges.pledge.{action}",
        timestamp=when,
    )


def registration(workshop, organization, status=Reg.CONFIRMED, **extra):
    return RegistrationFactory(
        workshop=workshop,
        organization=organization,
        status=status,
        confirmed_at=extra.pop(
            "confirmed_at", workshop.start if status == Reg.CONFIRMED else None
        ),
        **extra,
    )


@pytest.fixture
def impact_data(workshop_index):
    """Pledges A–J, workshops W1–W4 and registrations r1–r13."""
    c1, c2, c3 = (CommitmentFactory(title=f"Commitment {n}") for n in (1, 2, 3))
    retired = CommitmentFactory(title="Retired commitment", is_active=False)

    # A: approved at 23:59 on the last day of FY 2025–26.
    a = pledge(
        "Acme Foods Inc.",
        Sector.MANUFACTURING,
        SizeBand.MEDIUM,
        "Abbotsford",
        approved=at(2026, 3, 31, 23, 59),
        level=Level.COMMITTED,
        commitments=[(c1, "not_started"), (c2, "done")],
    )
    # B: approved at midnight on the first day of FY 2026–27.
    pledge(
        "Birch Software",
        Sector.PROFESSIONAL,
        SizeBand.SMALL,
        "Chilliwack",
        approved=at(2026, 4, 1, 0, 0),
    )
    # C: approved earlier, renewed in June 2025 (the field only).
    pledge(
        "Cedar Care",
        Sector.HEALTH,
        SizeBand.LARGE,
        "Mission",
        approved=at(2024, 6, 1),
        renewed_at=at(2025, 6, 10),
        level=Level.CHAMPION,
        commitments=[(c1, "done"), (c3, "done")],
    )
    # D: lapsed in June 2025; its commitment no longer counts.
    pledge(
        "Dogwood Dental",
        Sector.HEALTH,
        SizeBand.SMALL,
        "Mission",
        approved=at(2024, 5, 1),
        status=Status.LAPSED,
        closed_at=at(2025, 6, 1),
        commitments=[(c2, "done"), (retired, "done")],
    )
    # E: approved and withdrawn within FY 2025–26.
    pledge(
        "Elm Electric",
        Sector.CONSTRUCTION,
        SizeBand.SMALL,
        "Hope",
        approved=at(2025, 5, 1),
        status=Status.WITHDRAWN,
        closed_at=at(2025, 9, 15),
    )
    # F: lapsed in July 2025, renewed in August: only the log shows the lapse.
    f = pledge(
        "Fir Farms",
        Sector.AGRICULTURE,
        SizeBand.MICRO,
        "Abbotsford",
        approved=at(2025, 1, 10),
        renewed_at=at(2025, 8, 1),
        level=Level.ACTIVE,
        commitments=[(c1, "in_progress")],
    )
    logged(f, "lapsed", at(2025, 7, 1))
    logged(f, "renewed", at(2025, 8, 1))
    # G: closed before FY 2025–26 began.
    pledge(
        "Gum Tree Retail",
        Sector.RETAIL,
        SizeBand.SMALL,
        "Hope",
        approved=at(2023, 1, 1),
        status=Status.LAPSED,
        closed_at=at(2024, 2, 1),
    )
    # H: still awaiting review; I: withdrawn before anyone approved it.
    pledge(
        "Hemlock Hotel",
        Sector.ACCOMMODATION,
        SizeBand.SMALL,
        "Hope",
        approved=None,
        status=Status.PENDING,
    )
    pledge(
        "Ironwood Insurance",
        Sector.FINANCE,
        SizeBand.SMALL,
        "Hope",
        approved=None,
        status=Status.WITHDRAWN,
        closed_at=at(2025, 10, 1),
    )
    # J: renewed in September 2025 (log) and again in September 2026 (field).
    j = pledge(
        "Juniper Logistics",
        Sector.TRANSPORTATION,
        SizeBand.LARGE,
        "Abbotsford",
        approved=at(2023, 9, 1),
        renewed_at=at(2026, 9, 1),
        level=Level.ACTIVE,
    )
    logged(j, "renewed", at(2025, 9, 1))

    # W1: the evening of March 31, 2026, ending after midnight.
    w1 = WorkshopPageFactory(
        parent=workshop_index,
        title="Inclusive hiring 101",
        start=at(2026, 3, 31, 22, 0),
        end=at(2026, 4, 1, 0, 30),
    )
    # W2: starts at midnight on April 1, 2026 (FY 2026–27).
    w2 = WorkshopPageFactory(
        parent=workshop_index,
        title="Work permits at midnight",
        start=at(2026, 4, 1, 0, 0),
        end=at(2026, 4, 1, 1, 0),
    )
    # W3: cancelled, in FY 2025–26.
    w3 = WorkshopPageFactory(
        parent=workshop_index,
        title="Cancelled session",
        start=at(2025, 11, 5, 10, 0),
        end=at(2025, 11, 5, 12, 0),
        is_cancelled=True,
    )
    # W4: October 2025.
    w4 = WorkshopPageFactory(
        parent=workshop_index,
        title="Onboarding that sticks",
        start=at(2025, 10, 15, 10, 0),
        end=at(2025, 10, 15, 12, 0),
    )

    # W1: r1 is from pledge A, r2 from Kestrel (also at W4), r3 a no-show,
    # r4 waitlisted, r5 left the waitlist, r6 cancelled after confirming,
    # r7 holds an unclaimed offer.
    r1 = registration(
        w1,
        "ACME FOODS",
        sector="31-33",
        size="50-99",
        attended_at=at(2026, 3, 31, 22, 5),
    )
    r2 = registration(
        w1,
        "Kestrel Kitchens Ltd",
        sector="72",
        size="1-9",
        seats=2,
        attended_at=at(2026, 3, 31, 23, 59),
    )
    registration(w1, "Larch Labs", sector="54", size="10-49")
    registration(w1, "Maple Movers", Reg.WAITLISTED)
    registration(w1, "Nettle Networks", Reg.CANCELLED, cancelled_at=at(2026, 3, 1))
    registration(
        w1,
        "Larch Labs",
        Reg.CANCELLED,
        confirmed_at=at(2026, 2, 1),
        cancelled_at=at(2026, 3, 1),
    )
    registration(w1, "Maple Movers", Reg.OFFERED, offered_at=at(2026, 3, 30))
    # W2: r12 from Quail Quarries.
    registration(w2, "Quail Quarries", sector="21", attended_at=at(2026, 4, 1, 0, 5))
    # W3: cancelled workshop; nobody counts.
    registration(w3, "Larch Labs")
    # W4: r8 Kestrel again, r9 gave no sector or size, r10 Oak Outfitters.
    r8 = registration(
        w4,
        "Kestrel Kitchens",
        sector="72",
        size="1-9",
        attended_at=at(2025, 10, 15, 10),
    )
    r9 = registration(
        w4, "Nettle Networks", sector="", size="", attended_at=at(2025, 10, 15, 10)
    )
    registration(
        w4,
        "Oak Outfitters",
        sector="54",
        size="10-49",
        attended_at=at(2025, 10, 15, 10),
    )
    for reg, rating in ((r1, 5), (r2, 4), (r9, 3)):
        WorkshopFeedback.objects.create(
            registration=reg, workshop_id=reg.workshop_id, rating=rating
        )
    return {"a": a, "r8": r8, "workshops": (w1, w2, w3, w4)}


def bulk_activity(size: int, workshop_index) -> None:
    """``size`` pledges and workshops with 2 × ``size`` registrations, in bulk,
    for query-count tests: every figure has rows to count, across the year."""
    commitments = CommitmentFactory.create_batch(3)
    sectors, sizes = Sector.values, SizeBand.values
    pledges = Pledge.objects.bulk_create(
        Pledge(
            organization_name=f"Bulk Employer {n}",
            normalized_name=f"bulk employer {n}",
            slug=f"bulk-employer-{n}",
            sector=sectors[n % len(sectors)],
            size_band=sizes[n % len(sizes)],
            community=f"Community {n % 4}",
            status=Status.APPROVED,
            level=Level.values[n % 3],
            approved_at=at(2025, 4 + n % 9, 1 + n % 28),
            renewed_at=at(2025, 5, 1) if n % 5 == 0 else None,
            expires_at=at(2027, 1, 1),
        )
        for n in range(size)
    )
    PledgeCommitment.objects.bulk_create(
        PledgeCommitment(pledge=p, commitment=c, progress="done")
        for p in pledges
        for c in commitments[: 1 + p.pk % 3]
    )
    for pledge in pledges[::3]:
        logged(pledge, "renewed", at(2025, 9, 1))
    workshops = [
        WorkshopPageFactory(
            parent=workshop_index,
            start=at(2025, 4 + n % 9, 10, 10),
            end=at(2025, 4 + n % 9, 10, 12),
        )
        for n in range(size)
    ]
    registrations = Registration.objects.bulk_create(
        RegistrationFactory.build(
            workshop=workshops[n % size],
            organization=f"Bulk Attendee {n}",
            organization_key=organization_key(f"Bulk Attendee {n}"),
            sector=sectors[n % len(sectors)],
            size=sizes[n % len(sizes)],
            status=[Reg.CONFIRMED, Reg.CONFIRMED, Reg.WAITLISTED][n % 3],
            attended_at=workshops[n % size].start if n % 2 else None,
        )
        for n in range(2 * size)
    )
    WorkshopFeedback.objects.bulk_create(
        WorkshopFeedback(registration=r, workshop_id=r.workshop_id, rating=1 + r.pk % 5)
        for r in registrations
        if r.attended_at
    )
