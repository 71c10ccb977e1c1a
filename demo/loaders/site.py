"""The home page, the content pages, the site settings and the menus.

Everything is created only when missing, so running the loader again changes
nothing and never overwrites what someone edited in the admin. French pages
are translations of the English ones, with their text from the ``fr:``
mappings and the ``pages/<slug>.fr.md`` files.
"""

import random
from typing import TextIO

from django.db import transaction

from wagtail.models import Locale, Page, Site

from demo.files import CONTENT_DIR, read_markdown, read_yaml
from demo.loaders.images import draw_hero, draw_logo, image
from demo.loaders.translations import (
    french_locale,
    translate_page,
    translate_snippet,
)
from demo.markdown_blocks import to_blocks
from home.models import (
    Community,
    FooterLink,
    HomePage,
    MainMenuItem,
    Navigation,
    NavigationSettings,
    SiteSettings,
    SiteText,
    StandardPage,
)


def load_site(stdout: TextIO, seed: int = 2026) -> HomePage:
    """Create the home page, the content pages and the site settings."""
    content = read_yaml("site.yaml")
    rng = random.Random(seed)
    with transaction.atomic():
        french_locale()
        home = _home_page(content, stdout, rng)
        _french_home_page(home, content, stdout)
        for slug in content["pages"]:
            page = _standard_page(home, slug, stdout)
            _french_standard_page(page, slug, stdout)
        _settings(home, content, stdout, rng)
    return home


def load_navigation(home: HomePage, stdout: TextIO) -> None:
    """Add home page paths and menus, once every app has made its pages."""
    content = read_yaml("site.yaml")
    with transaction.atomic():
        _home_paths(home, content, stdout)
        _french_home_paths(home, content, stdout)
        _navigation(home, content["navigation"], stdout)


def _home_page(content: dict, stdout: TextIO, rng: random.Random) -> HomePage:
    home = HomePage.objects.filter(depth=2, locale=Locale.get_default()).first()
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


def _french_home_page(home: HomePage, content: dict, stdout: TextIO) -> HomePage:
    """The French home page, beside the English one: the site's /fr-ca/."""
    spec = content["home"]["fr"]
    return translate_page(
        home,
        {
            "title": spec["title"],
            "slug": spec["slug"],
            "seo_title": content["settings"]["fr"]["organization"],
            "search_description": spec["search_description"],
            "hero_heading": spec["hero_heading"],
            "hero_text": spec["hero_text"],
            # Filled with French pages once they exist (_french_home_paths).
            "paths": [],
            "body": [],
        },
        stdout,
    )


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


def _french_standard_page(page: StandardPage, slug: str, stdout: TextIO) -> None:
    """The French translation of a content page that has a ``<slug>.fr.md``."""
    name = f"pages/{slug}.fr.md"
    if not (CONTENT_DIR / name).exists():
        return
    front, body = read_markdown(name)
    translate_page(
        page,
        {
            "title": front["title"],
            "slug": front["slug"],
            "search_description": front["search_description"],
            "intro": front["intro"],
            "body": to_blocks(body, origin=name),
        },
        stdout,
    )


def _home_paths(home: HomePage, content: dict, stdout: TextIO) -> None:
    if home.paths:
        return
    children = {page.slug: page for page in home.get_children().live()}
    chosen = [path for path in content["paths"] if path["page"] in children][:3]
    home.paths = [
        {
            "type": "path",
            "value": {
                **{key: value for key, value in path.items() if key != "fr"},
                "page": children[path["page"]].pk,
            },
        }
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


def _french_home_paths(home: HomePage, content: dict, stdout: TextIO) -> None:
    """The French home page's paths and cards, leading to French pages only."""
    locale = french_locale()
    french = home.get_translation_or_none(locale)
    if french is None:
        return
    french = french.specific
    if french.paths:
        return
    children = {}
    for page in home.get_children().live():
        translation = page.get_translation_or_none(locale)
        if translation is not None and translation.live:
            children[page.slug] = translation
    spec = content["home"]["fr"]
    chosen = [path for path in content["paths"] if path["page"] in children][:3]
    french.paths = [
        {
            "type": "path",
            "value": {**path["fr"], "page": children[path["page"]].pk},
        }
        for path in chosen
    ]
    french.body = [
        {
            "type": "featured_pages",
            "value": {
                "heading": spec["featured"]["heading"],
                "pages": [
                    children[slug].pk
                    for slug in content["home"]["featured"]["pages"]
                    if slug in children
                ],
            },
        },
        {"type": "quote", "value": spec["quote"]},
    ]
    french.save_revision().publish()
    stdout.write("Added paths and featured content to the French home page.")


def _settings(
    home: HomePage, content: dict, stdout: TextIO, rng: random.Random
) -> None:
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    spec = content["settings"]
    if settings.site_text is None:
        settings.site_text = SiteText.objects.create(
            organization_name=content["organization"],
            tagline=spec["tagline"],
            address=spec["address"],
            funding_acknowledgement=spec["funding_acknowledgement"],
        )
        settings.logo = image("Demo logo", draw_logo, (200, 200), rng)
        settings.contact_email = spec["contact_email"]
        settings.contact_phone = spec["contact_phone"]
        settings.privacy_contact = spec["privacy_contact"]
        settings.social_links = [
            settings.social_links.model(**link) for link in spec["social_links"]
        ]
        settings.save()
        stdout.write("Filled in the site settings.")
    french = spec["fr"]
    translate_snippet(
        settings.site_text,
        {
            "organization_name": french["organization"],
            "tagline": french["tagline"],
            "address": french["address"],
            "funding_acknowledgement": french["funding_acknowledgement"],
        },
    )
    _communities(spec["communities"], stdout)


def _communities(specs: list[dict], stdout: TextIO) -> None:
    """The communities in English, in order, each with its French name."""
    english = Community.objects.filter(locale=Locale.get_default())
    if not english.exists():
        # bulk_create skips save(), where Wagtail would set the locale.
        Community.objects.bulk_create(
            Community(name=spec["name"], sort_order=number, locale=Locale.get_default())
            for number, spec in enumerate(specs)
        )
        stdout.write(f"Added {len(specs)} communities.")
    by_name = {community.name: community for community in english}
    for spec in specs:
        community = by_name.get(spec["name"])
        if community is not None:
            translate_snippet(community, spec.get("fr", {}))


def _navigation(home: HomePage, menus: dict, stdout: TextIO) -> None:
    """The menus in English, then in French with links to the French pages."""
    site = Site.objects.get(root_page=home)
    settings = NavigationSettings.for_site(site)
    if settings.navigation is None:
        children = {page.slug: page for page in home.get_children().live()}
        navigation = Navigation(name="Main navigation")
        navigation.main_menu_items = [
            MainMenuItem(link_page=children[slug])
            for slug in menus["main_menu"]
            if slug in children
        ]
        navigation.footer_links = [
            FooterLink(link_page=children[slug])
            for slug in menus["footer"]
            if slug in children
        ]
        navigation.save()
        settings.navigation = navigation
        settings.save()
        stdout.write("Built the main menu and footer links.")
    translate_snippet(
        settings.navigation,
        {"name": menus["fr"]["name"]},
        edit=_links_to_french_pages,
    )


def _links_to_french_pages(navigation: Navigation) -> None:
    """Point the French menu's links at the French pages that exist."""
    locale = french_locale()
    for relation in ("main_menu_items", "footer_links"):
        items = list(getattr(navigation, relation).all())
        for item in items:
            if item.link_page is not None:
                french = item.link_page.get_translation_or_none(locale)
                if french is not None and french.live:
                    item.link_page = french
        setattr(navigation, relation, items)
