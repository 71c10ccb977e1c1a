"""Demo content for a fictional partnership: settings, pages and navigation.

Everything is created only when missing, so running the loader again changes
nothing and never overwrites what someone edited in the admin.
"""

import io
import random
from typing import TextIO

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home.models import HomePage, NavigationSettings, SiteSettings, StandardPage

ORGANIZATION = "Fraser Valley Local Immigration Partnership"
COMMUNITIES = [
    "Abbotsford",
    "Chilliwack",
    "Mission",
    "Hope",
    "Agassiz and Harrison",
    "Fraser Valley rural areas",
]


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


PAGES = [
    {
        "slug": "about",
        "title": "About the partnership",
        "search_description": (
            "Who we are, who funds us and how we work with Fraser Valley employers."
        ),
        "intro": (
            "We bring employers, settlement agencies, colleges, local governments "
            "and community groups together so newcomers can build their working "
            "lives in the Fraser Valley."
        ),
        "body": [
            ("heading", {"text": "What we do", "level": "h2"}),
            (
                "paragraph",
                p(
                    "The Fraser Valley Local Immigration Partnership is one of about "
                    "86 Local Immigration Partnerships in Canada, funded by "
                    "Immigration, Refugees and Citizenship Canada. We do not deliver "
                    "services to newcomers ourselves. We convene the organizations "
                    "that do, study what our communities need, and plan together so "
                    "that services fit together.",
                    "Employers are central to that work. A good job, a fair hiring "
                    "process and a welcoming team are often what makes a family decide "
                    "to stay in Abbotsford, Chilliwack or Mission rather than move on.",
                ),
            ),
            ("heading", {"text": "How we help employers", "level": "h2"}),
            (
                "paragraph",
                ul(
                    "Plain-language guides on recruiting, hiring, onboarding and "
                    "keeping immigrant workers.",
                    "Free workshops with local employers, settlement agencies and "
                    "human rights experts.",
                    "An inclusive-workplace pledge and a public registry of the "
                    "employers who have signed it.",
                    "Introductions to settlement and employment agencies that "
                    "pre-screen and refer candidates at no cost to you.",
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "We had eight production roles open for months. The "
                        "partnership introduced us to two agencies, and within six "
                        "weeks we had a full crew and a mentoring plan."
                    ),
                    "attribution": "Maria Delgado",
                    "role": "HR manager, a food processor in Abbotsford",
                },
            ),
            ("heading", {"text": "Our partners", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Our council includes settlement and employment agencies, the "
                    "local colleges and school districts, health authorities, the "
                    "chambers of commerce, municipal staff, faith and cultural "
                    "organizations, and employers from agriculture, manufacturing, "
                    "health care, construction and technology."
                ),
            ),
        ],
    },
    {
        "slug": "hiring-newcomers",
        "title": "Hiring newcomers: where to start",
        "search_description": (
            "The routes by which immigrants come to work for you, and the free "
            "support available to employers."
        ),
        "intro": (
            "Many qualified people are already living in the Fraser Valley and "
            "looking for work. Here is how hiring them works, and who can help."
        ),
        "body": [
            ("heading", {"text": "Who can work for you", "level": "h2"}),
            (
                "paragraph",
                ul(
                    "<b>Permanent residents and citizens</b> need no work permit.",
                    "<b>People with open work permits</b>, such as post-graduation "
                    "or spousal open work permits, can work for any employer.",
                    "<b>Temporary Foreign Worker Program</b>: run by Employment and "
                    "Social Development Canada; usually needs a Labour Market Impact "
                    "Assessment (LMIA).",
                    "<b>International Mobility Program</b>: LMIA-exempt work permits "
                    "run by Immigration, Refugees and Citizenship Canada.",
                    "<b>Provincial nominee programs</b>, such as the BC Provincial "
                    "Nominee Program, let employers support a worker's permanent "
                    "residence.",
                ),
            ),
            (
                "accordion",
                {
                    "heading": "Common questions",
                    "items": [
                        {
                            "title": "Can I ask for Canadian experience?",
                            "body": p(
                                "Be careful. Ontario's Human Rights Commission "
                                "found in 2013 that a strict requirement for "
                                "Canadian experience is prima facie discrimination, "
                                "and human rights codes across Canada protect place "
                                "of origin. Ask about the skills the job needs, "
                                "wherever they were learned."
                            ),
                        },
                        {
                            "title": "How do I judge a degree from another country?",
                            "body": p(
                                "An educational credential assessment, from an "
                                "organization such as World Education Services, "
                                "ICAS or IQAS, compares foreign education with "
                                "Canadian standards. For regulated occupations, "
                                "such as nursing or engineering, a licence from "
                                "the provincial regulator is needed."
                            ),
                        },
                        {
                            "title": "What does language support cost?",
                            "body": p(
                                "Federally funded Language Instruction for "
                                "Newcomers to Canada (LINC) is free for eligible "
                                "learners, and levels are measured on the Canadian "
                                "Language Benchmarks (CLB)."
                            ),
                        },
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "heading": "Post your job where newcomers look",
                    "text": "Job Bank is the Government of Canada's job site, free "
                    "for employers.",
                    "page": None,
                    "url": "https://www.jobbank.gc.ca/",
                    "button_label": "Go to Job Bank",
                },
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "search_description": "What personal information this site collects and why.",
        "intro": (
            "We collect only what we need to run the pledge registry and our "
            "workshops, and we delete it on a published schedule."
        ),
        "body": [
            ("heading", {"text": "What we collect", "level": "h2"}),
            (
                "paragraph",
                p(
                    "When you sign the pledge or register for a workshop, we ask for "
                    "your name, work email and organization, and sometimes a phone "
                    "number or accessibility needs. Each form says why it asks for "
                    "each piece of information.",
                    "This site sets no advertising or tracking cookies and sends "
                    "nothing to third-party analytics. Pages do not load fonts, "
                    "scripts or images from other websites.",
                ),
            ),
            ("heading", {"text": "Who sees it", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Only partnership staff whose role needs it can see contact "
                    "details or accessibility needs. The public registry shows your "
                    "organization, never your name, email or phone.",
                ),
            ),
            ("heading", {"text": "How long we keep it", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Workshop registrations are deleted a year after the workshop. "
                    "Contact details of withdrawn or rejected pledges are deleted "
                    "after 90 days. We keep anonymous counts to report to our funder.",
                    "To see, correct or delete what we hold about you, write to our "
                    "privacy contact shown at the foot of every page.",
                ),
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility",
        "search_description": "Our commitment to an accessible website.",
        "intro": (
            "We want everyone to be able to use this site, including people who use "
            "a screen reader, a keyboard or magnification."
        ),
        "body": [
            (
                "paragraph",
                p(
                    "This site aims to meet the Web Content Accessibility Guidelines "
                    "(WCAG) 2.1 at level AA. Every page is tested automatically for "
                    "accessibility problems before each change is published, and "
                    "works without JavaScript.",
                    "If something does not work for you, tell us by email or phone "
                    "(see the foot of the page) and we will send you the information "
                    "in a format that suits you.",
                ),
            ),
        ],
    },
]

PATHS = [
    # (slug of the page, heading, text, link label): the first three that exist.
    (
        "guides",
        "Read the guides",
        "Short, practical answers on recruiting, hiring, onboarding and keeping "
        "immigrant workers.",
        "Browse the guides",
    ),
    (
        "pledge",
        "Sign the pledge",
        "Commit to inclusive hiring in five minutes and join the public registry of "
        "welcoming employers.",
        "Sign the pledge",
    ),
    (
        "workshops",
        "Come to a workshop",
        "Free sessions with local employers and experts, in person and online.",
        "See upcoming workshops",
    ),
    (
        "hiring-newcomers",
        "Start hiring newcomers",
        "Who can work for you, what permits mean, and the free help employers can "
        "call on.",
        "Where to start",
    ),
    (
        "about",
        "Meet the partnership",
        "Who we are, who funds us, and the agencies we can introduce you to.",
        "About us",
    ),
]


def load_site(stdout: TextIO, seed: int = 2026) -> HomePage:
    """Create the home page, the content pages and the site settings."""
    rng = random.Random(seed)
    with transaction.atomic():
        Locale.objects.get_or_create(language_code="fr-ca")
        home = _home_page(stdout, rng)
        for spec in PAGES:
            _standard_page(home, spec, stdout)
        _settings(home, stdout, rng)
    return home


def load_navigation(home: HomePage, stdout: TextIO) -> None:
    """Add home page paths and menus, once every app has made its pages."""
    with transaction.atomic():
        _home_paths(home, stdout)
        _navigation(home, stdout)


def _image(title: str, drawing, size: tuple[int, int], rng: random.Random):
    """Return the demo image with this title, drawing it the first time."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", size, "#eef2f8")
    drawing(ImageDraw.Draw(canvas), size, rng)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = title.lower().replace(" ", "-")
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"{slug}.png")
    )


def _draw_hero(draw, size, rng) -> None:
    """Overlapping circles in the brand palette: a calm, abstract team."""
    width, height = size
    palette = ["#1d4f91", "#8a3b12", "#2f7d6d", "#d9a441", "#6a4c93"]
    for _ in range(14):
        radius = rng.randint(height // 10, height // 4)
        x = rng.randint(0, width)
        y = rng.randint(height // 4, height)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=rng.choice(palette)
        )
    for index in range(5):
        x = width * (index + 1) // 6
        draw.ellipse(
            (x - 38, height // 3 - 38, x + 38, height // 3 + 38),
            fill=palette[index],
            outline="#ffffff",
            width=6,
        )


def _draw_logo(draw, size, rng) -> None:
    width, height = size
    draw.rectangle((0, 0, width, height), fill="#ffffff")
    draw.rounded_rectangle((4, 4, width - 4, height - 4), radius=28, fill="#1d4f91")
    draw.line(
        [(36, 60), (66, 150), (100, 92), (134, 150), (164, 60)],
        fill="#ffffff",
        width=18,
        joint="curve",
    )


def _home_page(stdout: TextIO, rng: random.Random) -> HomePage:
    home = HomePage.objects.filter(depth=2).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's install leaves a plain "Welcome" page that the demo replaces;
    # it moves aside first so the home page can take its slug.
    placeholder = Page.objects.filter(depth=2, slug="home").exact_type(Page).first()
    if placeholder is not None:
        placeholder.slug = "wagtail-welcome"
        placeholder.save(update_fields=["slug"])
    home = root.add_child(
        instance=HomePage(
            title="Home",
            slug="home",
            seo_title=ORGANIZATION,
            search_description=(
                "Practical help for Fraser Valley employers who recruit, hire "
                "and keep immigrant workers."
            ),
            hero_heading="Hire, welcome and keep newcomer talent in the Fraser Valley",
            hero_text=(
                "Plain-language guides, free workshops and an inclusive-workplace "
                "pledge for employers of every size, from the partnership that "
                "brings local employers and settlement agencies together."
            ),
            hero_image=_image("Demo hero", _draw_hero, (1440, 960), rng),
            hero_image_alt="",
        )
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = ORGANIZATION
    if (site.hostname, site.port) == ("localhost", 80):
        # Links in emails sent by scheduled commands use the site's address:
        # make them work with `make run` (staff change it under Settings > Sites).
        site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    if placeholder is not None:
        placeholder.delete()
    stdout.write("Created the home page and made it the site's root.")
    return home


def _standard_page(home: HomePage, spec: dict, stdout: TextIO) -> StandardPage:
    existing = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    page = home.add_child(
        instance=StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            search_description=spec["search_description"],
            intro=spec["intro"],
            body=[
                {
                    "type": kind,
                    "value": RichText(value).source if kind == "paragraph" else value,
                }
                for kind, value in spec["body"]
            ],
        )
    )
    page.save_revision().publish()
    stdout.write(f"Created the page “{page.title}”.")
    return page


def _home_paths(home: HomePage, stdout: TextIO) -> None:
    if home.paths:
        return
    children = {page.slug: page for page in home.get_children().live()}
    chosen = [path for path in PATHS if path[0] in children][:3]
    home.paths = [
        {
            "type": "path",
            "value": {
                "heading": heading,
                "text": text,
                "page": children[slug].pk,
                "link_label": label,
            },
        }
        for slug, heading, text, label in chosen
    ]
    home.body = [
        {
            "type": "featured_pages",
            "value": {
                "heading": "Popular with employers",
                "pages": [
                    children[slug].pk
                    for slug in ("hiring-newcomers", "about")
                    if slug in children
                ],
            },
        },
        {
            "type": "quote",
            "value": {
                "quote": (
                    "Newcomers on our team speak eleven languages between them. "
                    "That has opened doors with customers we never reached before."
                ),
                "attribution": "Dev Sharma",
                "role": "Owner, a 12-person software firm in Chilliwack",
            },
        },
    ]
    home.save_revision().publish()
    stdout.write("Added paths and featured content to the home page.")


def _settings(home: HomePage, stdout: TextIO, rng: random.Random) -> None:
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    if settings.organization_name == ORGANIZATION:
        return
    settings.organization_name = ORGANIZATION
    settings.tagline = "Abbotsford, Chilliwack, Mission and the Fraser Valley"
    settings.logo = _image("Demo logo", _draw_logo, (200, 200), rng)
    settings.contact_email = "hello@fvlip.example"
    settings.contact_phone = "604 555 0134"
    settings.address = "PO Box 2400\nAbbotsford, BC V2T 0A0"
    settings.privacy_contact = "privacy@fvlip.example"
    settings.funding_acknowledgement = (
        "The Fraser Valley Local Immigration Partnership is funded by "
        "Immigration, Refugees and Citizenship Canada."
    )
    settings.social_links = [
        settings.social_links.model(
            platform="linkedin", url="https://www.linkedin.com/company/fvlip-example"
        ),
    ]
    settings.communities = [
        settings.communities.model(name=name) for name in COMMUNITIES
    ]
    settings.save()
    stdout.write("Filled in the site settings.")


def _navigation(home: HomePage, stdout: TextIO) -> None:
    site = Site.objects.get(root_page=home)
    navigation = NavigationSettings.for_site(site)
    if navigation.main_menu_items.exists() or navigation.footer_links.exists():
        return
    children = {page.slug: page for page in home.get_children().live()}
    menu_slugs = ["guides", "pledge", "workshops", "hiring-newcomers", "about"]
    navigation.main_menu_items = [
        navigation.main_menu_items.model(link_page=children[slug])
        for slug in menu_slugs
        if slug in children
    ]
    navigation.footer_links = [
        navigation.footer_links.model(link_page=children[slug])
        for slug in ("about", "privacy", "accessibility")
        if slug in children
    ]
    navigation.save()
    stdout.write("Built the main menu and footer links.")
