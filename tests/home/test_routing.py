"""Addresses reach the right pages, and private pages stay private, through
Wagtail's own routing."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

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
