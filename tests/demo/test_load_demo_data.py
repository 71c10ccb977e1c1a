"""`manage.py load_demo_data`: a complete site, once, only in development."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from employers.workshops.models import WorkshopIndexPage
from home.models import (
    Community,
    HomePage,
    NavigationSettings,
    SiteSettings,
    SiteText,
)

pytestmark = pytest.mark.django_db


def _snapshot() -> dict:
    site = Site.objects.get(is_default_site=True)
    return {
        "pages": list(Page.objects.values_list("pk", "title", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "menu": list(
            NavigationSettings.for_site(site).navigation.main_menu_items.values_list(
                "link_page_id", flat=True
            )
        ),
        "communities": list(Community.objects.values_list("name", flat=True)),
        "site_text": list(SiteText.objects.values_list("organization_name")),
    }


def test_demo_data_builds_a_complete_site(client, demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo_site
    assert isinstance(demo_site, HomePage)
    slugs = set(demo_site.get_children().live().values_list("slug", flat=True))
    assert {"about", "privacy", "accessibility", "hiring-newcomers"} <= slugs
    # Paths lead to guides, pledge and workshops once those apps exist; until
    # then, to the content pages that do.
    assert 2 <= len(demo_site.paths) <= 3
    assert all(path.value["page"].live for path in demo_site.paths)

    branding = SiteSettings.for_site(site)
    assert (
        branding.site_text.organization_name
        == "Fraser Valley Local Immigration Partnership"
    )
    assert branding.logo is not None
    assert Community.objects.filter(locale=Locale.get_default()).count() >= 5

    response = client.get("/")
    assert response.status_code == 200
    assert "Fraser Valley Local Immigration Partnership" in response.text
    assert "Immigration, Refugees and Citizenship Canada" in response.text
    for slug in ("about", "privacy", "accessibility", "hiring-newcomers"):
        assert client.get(f"/{slug}/").status_code == 200
    assert get_user_model().objects.filter(username="admin", is_superuser=True).exists()


def test_demo_data_run_twice_changes_nothing(demo_site):
    before = _snapshot()
    output = io.StringIO()
    call_command("load_demo_data", force=True, stdout=output)
    assert _snapshot() == before
    assert "Created" not in output.getvalue()


def test_demo_data_keeps_what_staff_edited(demo_site):
    about = Page.objects.get(slug="about").specific
    about.title = "About us, edited"
    about.save_revision().publish()
    call_command("load_demo_data", force=True, stdout=io.StringIO())
    about.refresh_from_db()
    assert about.title == "About us, edited"


def test_demo_data_prints_the_admin_credentials(db):
    output = io.StringIO()
    call_command("load_demo_data", force=True, stdout=output)
    assert "admin" in output.getvalue()
    assert "welcome-workplaces" in output.getvalue()
    for username in ("editor", "moderator", "coordinator", "reporter"):
        assert f"  {username} " in output.getvalue()


def test_demo_data_has_one_person_in_each_role(client, demo_site):
    people = {
        user.username: user
        for user in get_user_model().objects.filter(is_superuser=False)
    }
    assert {
        name: list(user.groups.values_list("name", flat=True))
        for name, user in people.items()
    } == {
        "editor": ["Editors"],
        "moderator": ["Moderators"],
        "coordinator": ["Event coordinators"],
        "reporter": ["Report viewers"],
    }
    for user in people.values():
        assert user.get_full_name() and user.email.endswith("@fvlip.example")
        # django-axes checks every sign-in against a request.
        assert client.login(
            request=HttpRequest(),
            username=user.username,
            password="welcome-workplaces",
        )
        assert client.get("/admin/").status_code == 200


def test_demo_coordinator_runs_the_demo_workshops_and_nothing_else(demo_site):
    coordinator = get_user_model().objects.get(username="coordinator")
    workshops = WorkshopIndexPage.objects.get(locale=Locale.get_default())
    workshops = workshops.permissions_for_user(coordinator)
    assert workshops.can_add_subpage() and workshops.can_publish()
    about = Page.objects.get(slug="about").permissions_for_user(coordinator)
    assert not about.can_edit()


def test_demo_data_refuses_to_run_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", stdout=io.StringIO())
    assert not HomePage.objects.exists()


def test_only_development_and_tests_install_the_demo(settings):
    from config.settings import base

    assert "demo" in settings.INSTALLED_APPS
    assert "demo" not in base.INSTALLED_APPS
