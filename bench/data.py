"""Build the benchmark's data set in its own PostgreSQL database.

    python -m bench.data             # build once; later runs keep the data
    python -m bench.data --rebuild   # drop the database and build it again

Starts from the demo site (``load_demo_data``), then grows it to a large
partnership's size: 200 guides with the demo's multi-section bodies and
images, 10,000 pledges (most approved, across every sector, community and
commitment), and 100 workshops with 5,000 registrations. Pages go through
Wagtail so their tree, revisions and search entries are real; pledges and
registrations are bulk-inserted.
"""

import argparse
import copy
import datetime
import io
import random
import sys
import time
from urllib.parse import urlsplit

from bench import environment

GUIDES = 200
PLEDGES = 10_000
WORKSHOPS = 100
REGISTRATIONS = 5_000
IMAGES = 12
SEED = 2026
LONG_GUIDE_SLUG = "bench-long-guide"


def ensure_database(rebuild: bool) -> bool:
    """Create the benchmark database if missing (dropped first on rebuild).

    Returns whether it was created.
    """
    import psycopg2
    from psycopg2 import sql

    url = urlsplit(environment.DATABASE_URL)
    name = url.path.lstrip("/")
    admin = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        if rebuild:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            )
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if not exists:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()
    return not exists


def is_built() -> bool:
    """Whether every part is there: each part is added in one transaction."""
    from employers.pledges.models import Pledge
    from employers.workshops.models import Registration, WorkshopPage
    from resources.models import GuidePage

    return (
        GuidePage.objects.count() >= GUIDES
        and Pledge.objects.count() >= PLEDGES
        and WorkshopPage.objects.count() >= WORKSHOPS
        and Registration.objects.count() >= REGISTRATIONS
    )


def normal_guide_url() -> str:
    """The first demo guide: a guide of the usual length, translated."""
    from wagtail.models import Locale

    from resources.models import GuidePage

    guide = (
        GuidePage.objects.live()
        .filter(locale=Locale.get_default())
        .exclude(slug=LONG_GUIDE_SLUG)
        .order_by("path")
        .first()
    )
    return guide.url


def build(stdout=sys.stdout) -> None:
    """Load the demo, then add guides, pledges and workshops up to the sizes above."""
    from django.core.management import call_command
    from django.db import connection, transaction

    # Production settings leave the demo app out: run its command directly.
    from demo.management.commands.load_demo_data import Command as LoadDemoData

    started = time.monotonic()
    call_command(LoadDemoData(), force=True, seed=SEED, stdout=io.StringIO())
    rng = random.Random(SEED)
    with transaction.atomic():
        images = _images(rng)
        _guides(images, rng, stdout)
        _pledges(rng, stdout)
        _workshops(rng, stdout)
    # As autovacuum would soon after such a load on a real server: planner
    # statistics, and the visibility map that index-only scans rely on.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    stdout.write(f"Built the benchmark data in {time.monotonic() - started:.0f} s.\n")


def _image(title: str, size: tuple[int, int], rng: random.Random):
    """A photo-like JPEG: soft shapes over a gradient, so formats compress it
    as they would a real picture."""
    from PIL import Image, ImageDraw, ImageFilter

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    width, height = size
    canvas = Image.new("RGB", size)
    draw = ImageDraw.Draw(canvas)
    top, bottom = rng.choice(
        [((29, 79, 145), (238, 242, 248)), ((138, 59, 18), (250, 240, 225))]
    )
    for y in range(height):
        mix = y / max(height - 1, 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(
                round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)
            ),
        )
    for _ in range(24):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(width // 20 + 1, width // 5 + 2)
        colour = tuple(rng.randrange(60, 230) for _ in range(3))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    canvas = canvas.filter(ImageFilter.GaussianBlur(radius=max(width // 200, 1)))
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=85)
    name = title.lower().replace(" ", "-")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{name}.jpg")
    )


def _images(rng: random.Random) -> list:
    return [
        _image(f"Workplace photo {n + 1}", (1600, 1000), rng) for n in range(IMAGES)
    ]


def _guide_body(specs: list[dict], images: list, rng: random.Random) -> list[dict]:
    """The demo guides' blocks, with a picture after every other heading."""
    body = []
    headings = 0
    for spec in specs:
        for block in copy.deepcopy(spec["body"]):
            if block["type"] == "employer_story":
                block["value"]["photo"] = rng.choice(images).pk
            body.append(block)
            if block["type"] == "heading":
                headings += 1
                if headings % 2 == 0:
                    image = rng.choice(images)
                    body.append(
                        {
                            "type": "image",
                            "value": {
                                "image": image.pk,
                                "alt_text": "Colleagues talking at work",
                                "caption": image.title,
                            },
                        }
                    )
    return body


def _guides(images: list, rng: random.Random, stdout) -> None:
    from wagtail.models import Locale

    from demo.loaders.guides import guide_specs
    from resources.models import GuideIndexPage, GuidePage, HiringStage, Topic

    specs = guide_specs()
    # The demo translates its pages: grow the default language's tree.
    index = GuideIndexPage.objects.get(slug="guides", locale=Locale.get_default())
    existing = GuidePage.objects.child_of(index).count()
    topics = list(Topic.objects.all())
    stages = list(HiringStage.objects.all())
    today = datetime.date.today()
    for number in range(existing, GUIDES):
        spec = specs[number % len(specs)]
        long = number == existing
        guide = GuidePage(
            title="How to run a long onboarding programme, week by week"
            if long
            else f"{spec['title']} ({number + 1})",
            slug=LONG_GUIDE_SLUG if long else f"{spec['slug']}-{number + 1}",
            summary=spec["summary"],
            search_description=spec["summary"],
            body=_guide_body(
                [specs[(number + n) % len(specs)] for n in range(4 if long else 1)],
                images,
                rng,
            ),
            hero_image=rng.choice(images) if number % 3 == 0 else None,
            hero_image_alt="Colleagues at a team meeting" if number % 3 == 0 else "",
            last_reviewed=today - datetime.timedelta(days=rng.randrange(400)),
        )
        guide.topics = rng.sample(topics, rng.randint(1, 3))
        guide.stages = sorted(
            rng.sample(stages, rng.randint(1, 2)), key=lambda s: s.sort_order
        )
        index.add_child(instance=guide)
        guide.save_revision().publish()
    stdout.write(f"Guides: {GuidePage.objects.count()}\n")


COMPANY_WORDS = [
    *("Fraser", "Valley", "Ridge", "Mountain", "River", "Cedar", "Harbour"),
    *("Summit", "Orchard", "Prairie", "Coastal", "Maple", "Birch", "Willow"),
    *("Northern", "Eastside", "Heritage", "Pioneer", "Meadow", "Lakeside"),
]
COMPANY_TRADES = [
    *("Foods", "Logistics", "Builders", "Dental", "Farms", "Nurseries"),
    *("Software", "Care Home", "Credit Union", "Roofing", "Auto Group"),
    *("Printing", "Bakery", "Landscaping", "Clinic", "Hotel", "Transit"),
    *("Plastics", "Electric", "Engineering", "Brewing", "Accounting"),
]
COMPANY_FORMS = ["Ltd.", "Inc.", "Co-op", "& Sons", "Group", "Partners", ""]


def _pledges(rng: random.Random, stdout) -> None:
    from django.utils import timezone
    from django.utils.text import slugify

    from wagtail.models import Locale

    from employers.pledges.models import (
        Commitment,
        Pledge,
        PledgeCommitment,
        PledgePage,
    )
    from employers.pledges.models.pledges import normalize_organization_name
    from home.choices import Sector, SizeBand
    from home.models import Community

    existing = Pledge.objects.count()
    if existing >= PLEDGES:
        return
    now = timezone.now()
    version = PledgePage.objects.get(
        locale=Locale.get_default()
    ).listing_consent_version
    communities = list(
        Community.objects.filter(locale=Locale.get_default()).values_list(
            "name", flat=True
        )
    )
    commitments = list(Commitment.objects.filter(is_active=True))
    Progress = PledgeCommitment.Progress
    steps = [Progress.NOT_STARTED, Progress.IN_PROGRESS, Progress.DONE]
    statuses = [Pledge.Status.APPROVED] * 17 + [
        Pledge.Status.PENDING,
        Pledge.Status.LAPSED,
        Pledge.Status.WITHDRAWN,
    ]
    pledges, choices = [], []
    for number in range(existing, PLEDGES):
        name = " ".join(
            part
            for part in (
                rng.choice(COMPANY_WORDS),
                rng.choice(COMPANY_TRADES),
                rng.choice(COMPANY_FORMS),
                str(number),
            )
            if part
        )
        slug = slugify(name)
        status = rng.choice(statuses)
        approved = now - datetime.timedelta(
            days=rng.randrange(3, 360), hours=number % 24
        )
        listed = status == Pledge.Status.APPROVED
        expires = approved + datetime.timedelta(days=365)
        if status == Pledge.Status.LAPSED:
            expires = now - datetime.timedelta(days=rng.randrange(1, 200))
        picked = rng.sample(commitments, rng.randint(3, min(6, len(commitments))))
        progress = [rng.choice(steps) for _ in picked]
        done = progress.count(Progress.DONE)
        level = (
            Pledge.Level.CHAMPION
            if done == len(picked)
            else Pledge.Level.ACTIVE
            if (len(picked) - progress.count(Progress.NOT_STARTED)) * 2 >= len(picked)
            else Pledge.Level.COMMITTED
        )
        email = f"hr@{slug}.example"
        pledges.append(
            Pledge(
                organization_name=name,
                normalized_name=normalize_organization_name(name),
                slug=slug,
                website=f"https://www.{slug}.example",
                sector=rng.choice(Sector.values),
                size_band=rng.choice(SizeBand.values),
                community=rng.choice(communities),
                statement="We hire for skills, mentor every new hire and report "
                "our progress each year.",
                contact_name="Benchmark Contact",
                job_title="HR manager",
                email=email,
                email_domain=email.rpartition("@")[2],
                listing_consent_at=approved,
                listing_consent_version=version,
                status=status,
                level=level,
                verified_at=approved,
                approved_at=None if status == Pledge.Status.PENDING else approved,
                expires_at=None if status == Pledge.Status.PENDING else expires,
                closed_at=None if listed or status == Pledge.Status.PENDING else now,
            )
        )
        choices.append(list(zip(picked, progress, strict=True)))
    created = Pledge.objects.bulk_create(pledges, batch_size=1000)
    PledgeCommitment.objects.bulk_create(
        (
            PledgeCommitment(pledge=pledge, commitment=commitment, progress=progress)
            for pledge, chosen in zip(created, choices, strict=True)
            for commitment, progress in chosen
        ),
        batch_size=2000,
    )
    listed = Pledge.objects.listed().count()
    stdout.write(f"Pledges: {Pledge.objects.count()} ({listed} listed)\n")


def _workshops(rng: random.Random, stdout) -> None:
    from django.utils import timezone

    from wagtail.models import Locale

    from employers.workshops.models import (
        CONSENT_VERSION,
        Facilitator,
        Registration,
        Venue,
        WorkshopFacilitator,
        WorkshopFormat,
        WorkshopIndexPage,
        WorkshopPage,
    )
    from resources.models import Topic

    Status = Registration.Status

    index = WorkshopIndexPage.objects.get(slug="workshops", locale=Locale.get_default())
    venues = list(Venue.objects.all())
    facilitators = list(Facilitator.objects.all())
    topics = list(Topic.objects.all())
    existing = WorkshopPage.objects.child_of(index).count()
    today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for number in range(existing, WORKSHOPS):
        # Two in three upcoming, spread over the next year; the rest past.
        days = rng.randrange(2, 365) if number % 3 else -rng.randrange(2, 365)
        start = (today + datetime.timedelta(days=days)).replace(
            hour=rng.choice([9, 13, 18])
        )
        online = number % 4 == 0
        page = WorkshopPage(
            title=f"{rng.choice(topics).name}: a practical session ({number + 1})",
            slug=f"bench-workshop-{number + 1}",
            summary="A practical session for employers, with local examples and "
            "time for your questions.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Two hours of practical advice from people who have "
                    "done it, with examples from local employers.</p>",
                }
            ],
            audience="Owners, managers and HR staff",
            start=start,
            end=start + datetime.timedelta(hours=2),
            format=WorkshopFormat.ONLINE if online else WorkshopFormat.IN_PERSON,
            venue=None if online else rng.choice(venues),
            online_link="https://meet.example.org/bench" if online else "",
            capacity=rng.choice([30, 40, 60, 80]),
            max_seats_per_registration=2,
        )
        page.workshop_facilitators = [
            WorkshopFacilitator(facilitator=person)
            for person in rng.sample(facilitators, 2)
        ]
        index.add_child(instance=page)
        page.topics.set(rng.sample(topics, rng.randint(1, 3)))
        page.save_revision().publish()

    now = timezone.now()
    pages = list(WorkshopPage.objects.child_of(index))
    missing = REGISTRATIONS - Registration.objects.count()
    rows = []
    for n in range(max(missing, 0)):
        page = pages[n % len(pages)]
        status = (
            Status.CONFIRMED
            if n % 5
            else rng.choice([Status.WAITLISTED, Status.CANCELLED])
        )
        row = Registration(
            workshop=page,
            status=status,
            seats=1,
            name=f"Person {n}",
            email=f"person.{n}@bench.example",
            organization=f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_TRADES)}",
            job_title="HR manager",
            consent_version=CONSENT_VERSION,
            consented_at=now,
            confirmed_at=now if status == Status.CONFIRMED else None,
        )
        rows.append(row)
    Registration.objects.bulk_create(rows, batch_size=1000)
    stdout.write(
        f"Workshops: {len(pages)}, registrations: {Registration.objects.count()}\n"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rebuild", action="store_true", help="Drop the database and build it again."
    )
    args = parser.parse_args(argv)
    environment.configure()
    ensure_database(args.rebuild)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if is_built():
        print("The benchmark data is there; --rebuild builds it again.")
        return
    build()


if __name__ == "__main__":
    main()
