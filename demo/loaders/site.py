"""The home page, the content pages, the site settings and the menus.

Everything is created only when missing, so running the loader again changes
nothing and never overwrites what someone edited in the admin.
"""

import random
from typing import TextIO

from django.db import transaction

from wagtail.models import Locale, Page, Site

from demo.files import read_markdown, read_yaml
from demo.loaders.images import draw_hero, draw_logo, image
from demo.markdown_blocks import to_blocks
from home.models import HomePage, NavigationSettings, SiteSettings, StandardPage


def load_site(stdout: TextIO, seed: int = 2026) -> HomePage:
    """Create the home page, the content pages and the site settings."""
    content = read_yaml("site.yaml")
    rng = random.Random(seed)
    with transaction.atomic():
        Locale.objects.get_or_create(language_code="fr-ca")
        home = _home_page(content, stdout, rng)
        for slug in content["pages"]:
            _standard_page(home, slug, stdout)
        _settings(home, content, stdout, rng)
    return home


def load_navigation(home: HomePage, stdout: TextIO) -> None:
    """Add home page paths and menus, once every app has made its pages."""
    content = read_yaml("site.yaml")
    with transaction.atomic():
        _home_paths(home, content, stdout)
        _navigation(home, content["navigation"], stdout)


def _home_page(content: dict, stdout: TextIO, rng: random.Random) -> HomePage:
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
    spec = content["home"]
    home = root.add_child(
        instance=HomePage(
            title="Home",
            slug="home",
            seo_title=content["organization"],
            search_description=spec["search_description"],
            hero_heading=spec["hero_heading"],
            hero_text=spec["hero_text"],
            hero_image=image("Demo hero", draw_hero, (1440, 960), rng),
            hero_image_alt="",
        )
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = content["organization"]
    if (site.hostname, site.port) == ("localhost", 80):
        # Links in emails sent by scheduled commands use the site's address:
        # make them work with `make run` (staff change it under Settings > Sites).
        site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    if placeholder is not None:
        placeholder.delete()
    stdout.write("Created the home page and made it the site's root.")
    return home


def _standard_page(home: HomePage, slug: str, stdout: TextIO) -> StandardPage:
    existing = StandardPage.objects.child_of(home).filter(slug=slug).first()
    if existing:
        return existing
    front, body = read_markdown(f"pages/{slug}.md")
    page = home.add_child(
        instance=StandardPage(
            title=front["title"],
            slug=slug,
            search_description=front["search_description"],
            intro=front["intro"],
            body=to_blocks(body, origin=f"pages/{slug}.md"),
        )
    )
    page.save_revision().publish()
    stdout.write(f"Created the page “{page.title}”.")
    return page


def _home_paths(home: HomePage, content: dict, stdout: TextIO) -> None:
    if home.paths:
        return
    children = {page.slug: page for page in home.get_children().live()}
    chosen = [path for path in content["paths"] if path["page"] in children][:3]
    home.paths = [
        {"type": "path", "value": {**path, "page": children[path["page"]].pk}}
        for path in chosen
    ]
    featured = content["home"]["featured"]
    home.body = [
        {
            "type": "featured_pages",
            "value": {
                "heading": featured["heading"],
                "pages": [
                    children[slug].pk for slug in featured["pages"] if slug in children
                ],
            },
        },
        {"type": "quote", "value": content["home"]["quote"]},
    ]
    home.save_revision().publish()
    stdout.write("Added paths and featured content to the home page.")


def _settings(
    home: HomePage, content: dict, stdout: TextIO, rng: random.Random
) -> None:
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    if settings.organization_name == content["organization"]:
        return
    spec = content["settings"]
    settings.organization_name = content["organization"]
    settings.tagline = spec["tagline"]
    settings.logo = image("Demo logo", draw_logo, (200, 200), rng)
    settings.contact_email = spec["contact_email"]
    settings.contact_phone = spec["contact_phone"]
    settings.address = spec["address"]
    settings.privacy_contact = spec["privacy_contact"]
    settings.funding_acknowledgement = spec["funding_acknowledgement"]
    settings.social_links = [
        settings.social_links.model(**link) for link in spec["social_links"]
    ]
    settings.communities = [
        settings.communities.model(name=name) for name in spec["communities"]
    ]
    settings.save()
    stdout.write("Filled in the site settings.")


def _navigation(home: HomePage, menus: dict, stdout: TextIO) -> None:
    site = Site.objects.get(root_page=home)
    navigation = NavigationSettings.for_site(site)
    if navigation.main_menu_items.exists() or navigation.footer_links.exists():
        return
    children = {page.slug: page for page in home.get_children().live()}
    navigation.main_menu_items = [
        navigation.main_menu_items.model(link_page=children[slug])
        for slug in menus["main_menu"]
        if slug in children
    ]
    navigation.footer_links = [
        navigation.footer_links.model(link_page=children[slug])
        for slug in menus["footer"]
        if slug in children
    ]
    navigation.save()
    stdout.write("Built the main menu and footer links.")
