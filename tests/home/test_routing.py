"""Addresses reach the same pages, with the same privacy, as Wagtail's own routing."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from home.models import StandardPage
from home.routing import public

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(home_page):
    """A members' section: a page that needs a login, and a page below it."""
    section = StandardPageFactory(parent=home_page, title="Members", slug="members")
    StandardPageFactory(parent=section, title="Minutes", slug="minutes")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    return section


def _twice(client, url: str):
    """The second answer comes from warm caches, where a shortcut would show."""
    client.get(url)
    return client.get(url)


@pytest.mark.parametrize("url", ["/members/", "/members/minutes/"])
def test_private_section_and_pages_below_it_ask_for_a_login(client, members, url):
    response = _twice(client, url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    assert "no-cache" in response["Cache-Control"]


def test_signed_in_visitor_reads_the_private_section(
    client, members, django_user_model
):
    client.force_login(django_user_model.objects.create_user("member", password="x"))
    response = _twice(client, "/members/minutes/")
    assert response.status_code == 200
    assert "Minutes" in response.text


def test_group_restriction_keeps_other_signed_in_visitors_out(
    client, members, django_user_model
):
    restriction = members.view_restrictions.get()
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([Group.objects.create(name="Board")])
    client.force_login(django_user_model.objects.create_user("member", password="x"))
    assert _twice(client, "/members/minutes/").status_code == 302


def test_private_home_page_keeps_the_whole_site_private(client, home_page):
    StandardPageFactory(parent=home_page, slug="about")
    PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.LOGIN
    )
    assert _twice(client, "/").status_code == 302
    assert _twice(client, "/about/").status_code == 302


def test_alias_shows_its_original_page_restrictions(client, home_page):
    original = StandardPageFactory(parent=home_page, slug="board-notes")
    PageViewRestriction.objects.create(
        page=original, restriction_type=PageViewRestriction.LOGIN
    )
    original.create_alias(parent=home_page, update_slug="notes-copy")
    assert _twice(client, "/notes-copy/").status_code == 302


def test_public_pages_answer_without_caching_rules_of_private_ones(client, members):
    response = _twice(client, "/")
    assert response.status_code == 200
    assert "no-cache" not in response.get("Cache-Control", "")


def test_live_page_below_a_draft_is_served_and_the_draft_is_not(client, home_page):
    draft = StandardPageFactory(parent=home_page, slug="draft", live=False)
    StandardPageFactory(parent=draft, title="Still here", slug="live-child")
    assert _twice(client, "/draft/").status_code == 404
    response = _twice(client, "/draft/live-child/")
    assert response.status_code == 200
    assert "Still here" in response.text


@pytest.mark.parametrize(
    "url", ["/nowhere/", "/members/nowhere/", "/members/minutes/deeper/"]
)
def test_unknown_addresses_are_not_found(client, members, url):
    assert _twice(client, url).status_code == 404


def test_same_slug_under_two_parents_reaches_each_page(client, home_page):
    for title in ("First", "Second"):
        parent = StandardPageFactory(parent=home_page, slug=title.lower())
        StandardPageFactory(parent=parent, title=f"{title} team", slug="team")
    assert "First team" in _twice(client, "/first/team/").text
    assert "Second team" in _twice(client, "/second/team/").text


def test_routable_page_answers_its_own_paths_and_passes_on_the_rest(
    client, listed_pledge
):
    assert _twice(client, "/pledge/registry/").status_code == 200
    profile = _twice(client, "/pledge/registry/valley-berry-farms/")
    assert "Valley Berry Farms" in profile.text
    assert _twice(client, "/pledge/thank-you/").status_code == 200
    assert _twice(client, "/pledge/registry/nobody-here/").status_code == 404


def test_public_listing_leaves_out_private_sections(home_page, members):
    pages = public(StandardPage.objects.live())
    assert set(pages.values_list("slug", flat=True)) == set(
        StandardPage.objects.live().public().values_list("slug", flat=True)
    )
    assert "minutes" not in set(pages.values_list("slug", flat=True))


# Routes kept in the site cache --------------------------------------------------


def _tree_reads(client, url: str) -> int:
    """Queries that look pages up by slug: what a kept route saves."""
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return sum('"wagtailcore_page"."slug" =' in query["sql"] for query in queries)


@pytest.mark.parametrize(
    "url",
    ["/members/minutes/", "/pledge/registry/", "/pledge/registry/valley-berry-farms/"],
)
def test_a_pages_route_is_read_once(client, members, listed_pledge, url):
    client.get(url)  # may make settings rows, which renews the site cache
    cache.clear()
    assert _tree_reads(client, url) == 1
    assert _tree_reads(client, url) == 0


def test_a_kept_route_follows_unpublishing_moving_and_privacy(
    client, home_page, members, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="Events", slug="events")
    assert _twice(client, "/events/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.move(members, pos="last-child")
    moved = client.get("/events/")
    assert (moved.status_code, moved["Location"]) == (301, "/members/events/")
    client.force_login(get_user_model().objects.create_user("member", password="x"))
    assert client.get("/members/events/").status_code == 200
    client.logout()
    assert client.get("/members/events/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(pk=page.pk).unpublish()
    assert client.get("/members/events/").status_code == 404


def test_mistyped_addresses_keep_nothing(client, listed_pledge):
    # Twice: the first visit may make settings rows, which renews the cache.
    for url in ("/pledge/", "/pledge/registry/") * 2:
        client.get(url)
    kept = _kept_routes()
    for n in range(20):
        client.get(f"/nowhere-{n}/")
        client.get(f"/pledge/nowhere-{n}/")
        client.get(f"/pledge/registry/nobody-{n}/")
    assert _kept_routes() == kept


def _kept_routes() -> set[str]:
    return {key for key in cache._cache if ":site-cache:route:" in key}
