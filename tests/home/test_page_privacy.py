"""Wagtail's page privacy holds on every page type, its routes and what is below.

Staff make a page private in the admin's Privacy setting, which saves a
``PageViewRestriction``: a shared password, any signed-in user, or members of
chosen groups. Wagtail checks it for the page, for its routable sub-pages and
for every page below it. The page cache is on, as in production, so that a
cached copy would show wherever it could slip past that check.
"""

import dataclasses
import html
import re
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest

from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

from employers.workshops.factories import WorkshopPageFactory
from employers.workshops.models import Registration
from home.factories import StandardPageFactory
from home.spam import SALT
from resources.factories import GuidePageFactory
from resources.models import FeaturedGuide, GuideFeedback, RelatedGuide

pytestmark = pytest.mark.django_db

PASSWORD, LOGIN, GROUPS = (
    PageViewRestriction.PASSWORD,
    PageViewRestriction.LOGIN,
    PageViewRestriction.GROUPS,
)
THE_PASSWORD = "board-only-2026"
# What Wagtail's own password form (wagtailcore/password_required.html) says.
PASSWORD_FORM = "You need a password to access this page."


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def board(db) -> Group:
    return Group.objects.create(name="Board")


@pytest.fixture
def member(django_user_model, board):
    user = django_user_model.objects.create_user("member", password="x")
    user.groups.add(board)
    return user


@pytest.fixture
def non_member(django_user_model):
    """Signed in, in no group."""
    return django_user_model.objects.create_user("reader", password="x")


def restrict(page: Page, kind: str, board: Group) -> PageViewRestriction:
    """What the admin's Privacy setting saves; groups restrictions admit the board."""
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password=THE_PASSWORD if kind == PASSWORD else "",
    )
    if kind == GROUPS:
        restriction.groups.set([board])
    return restriction


def text(response) -> str:
    return response.getvalue().decode()  # open data downloads stream


def asks_for_login(response, url: str) -> bool:
    """Wagtail's answer when it may not show the page: its login page, then back."""
    location = urlsplit(response.get("Location", ""))
    return (
        response.status_code == 302
        and location.path == reverse("wagtailcore_login")
        and parse_qs(location.query).get("next") == [url]
    )


def enter_password(client: Client, form_page, password: str = THE_PASSWORD):
    """Send the password form the way a browser would, to the address it names."""
    form = text(form_page)
    action = re.search(r'<form action="([^"]+)"', form).group(1)
    return_url = re.search(r'name="return_url" value="([^"]*)"', form).group(1)
    return client.post(
        html.unescape(action),
        {"password": password, "return_url": html.unescape(return_url)},
    )


def allowed_visitor(kind: str, url: str, member) -> Client:
    """A visitor who meets the restriction: the password, or a member's login."""
    visitor = Client()
    if kind == PASSWORD:
        enter_password(visitor, visitor.get(url))
    else:
        visitor.force_login(member)
    return visitor


# What is made private --------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Target:
    """An address, text that only its page shows, and the page made private."""

    url: str
    shows: str
    private: Page


def _home_page(request) -> Target:
    home = request.getfixturevalue("home_page")
    return Target("/", home.hero_heading, home)


def _standard_page(request) -> Target:
    page = StandardPageFactory(
        parent=request.getfixturevalue("home_page"),
        slug="board",
        intro="Minutes of the partnership board.",
    )
    return Target("/board/", page.intro, page)


def _page_below_a_private_section(request) -> Target:
    section = StandardPageFactory(
        parent=request.getfixturevalue("home_page"), slug="members"
    )
    page = StandardPageFactory(
        parent=section, slug="minutes", intro="Minutes of the partnership board."
    )
    return Target("/members/minutes/", page.intro, section)


def _guide_index(request) -> Target:
    index = request.getfixturevalue("guide_index")
    return Target("/guides/", index.intro, index)


def _guide(private: str) -> Callable[..., Target]:
    """A guide, with the guide itself or the guide index above it private."""

    def build(request) -> Target:
        index = request.getfixturevalue("guide_index")
        guide = GuidePageFactory(
            parent=index,
            slug="board-guide",
            body=[{"type": "paragraph", "value": "<p>Ask about the permit.</p>"}],
        )
        page = guide if private == "guide" else index
        return Target("/guides/board-guide/", "Ask about the permit.", page)

    return build


def _pledge_page(request) -> Target:
    pledge_page = request.getfixturevalue("registry").get_parent().specific
    return Target("/pledge/", pledge_page.intro, pledge_page)


def _registry(route: str, private: str = "registry") -> Callable[..., Target]:
    """An address of the registry, with it or the pledge page above it private."""

    def build(request) -> Target:
        request.getfixturevalue("listed_pledge")
        registry = request.getfixturevalue("registry")
        page = registry if private == "registry" else registry.get_parent()
        return Target(f"/pledge/registry/{route}", "Valley Berry Farms", page)

    return build


def _workshop_index(route: str, shows: str | None = None) -> Callable[..., Target]:
    """An address of the workshop index; its intro unless it shows other text."""

    def build(request) -> Target:
        index = request.getfixturevalue("workshop_index")
        return Target(f"/workshops/{route}", shows or index.intro, index)

    return build


def _workshop(route: str, private: str = "workshop") -> Callable[..., Target]:
    """An address of a workshop, with it or the workshop index above it private."""

    def build(request) -> Target:
        workshop = request.getfixturevalue("workshop")
        page = workshop if private == "workshop" else workshop.get_parent()
        return Target(f"/workshops/{workshop.slug}/{route}", workshop.title, page)

    return build


TARGETS = {
    "home page": _home_page,
    "standard page": _standard_page,
    "standard page below a private one": _page_below_a_private_section,
    "guide index": _guide_index,
    "guide": _guide("guide"),
    "guide below a private guide index": _guide("index"),
    "pledge page": _pledge_page,
    "pledge registry": _registry(""),
    "registry profile": _registry("valley-berry-farms/"),
    "registry badge": _registry("valley-berry-farms/badge.svg"),
    "registry CSV": _registry("registry.csv"),
    "registry JSON": _registry("registry.json"),
    "registry profile below a private pledge page": _registry(
        "valley-berry-farms/", private="pledge page"
    ),
    "workshop index": _workshop_index(""),
    "workshop index calendar": _workshop_index("calendar/", shows="BEGIN:VCALENDAR"),
    "workshop": _workshop(""),
    "workshop registration form": _workshop("register/"),
    "workshop calendar file": _workshop("calendar/"),
    "workshop below a private workshop index": _workshop("", private="index"),
}


@pytest.fixture(params=list(TARGETS))
def target(request) -> Target:
    return TARGETS[request.param](request)


def assert_locked_for_the_next_anonymous_visitor(target: Target) -> None:
    """Whoever saw the page before, a visitor without a session meets the lock."""
    for _ in range(2):
        response = Client().get(target.url)
        assert response.get("X-Cache") != "hit"
        assert target.shows not in text(response)
        assert asks_for_login(response, target.url) or PASSWORD_FORM in text(response)


# Each restriction, on every page type ----------------------------------------


def test_password_form_stands_in_for_the_page_until_the_right_password(
    client, target, board
):
    restrict(target.private, PASSWORD, board)

    locked = client.get(target.url)
    assert locked.status_code == 200
    assert PASSWORD_FORM in text(locked)
    assert target.shows not in text(locked)

    wrong = enter_password(client, locked, "board-only-2025")
    assert wrong.status_code == 200
    assert "The password you have entered is not correct." in text(wrong)
    assert target.shows not in text(client.get(target.url))

    right = enter_password(client, locked)
    assert right.status_code == 302
    assert right["Location"] == target.url
    unlocked = client.get(target.url)
    assert unlocked.status_code == 200
    assert target.shows in text(unlocked)
    assert_locked_for_the_next_anonymous_visitor(target)


def test_login_restriction_sends_visitors_to_log_in_and_shows_any_signed_in_user(
    client, target, board, non_member
):
    restrict(target.private, LOGIN, board)

    response = client.get(target.url)
    assert asks_for_login(response, target.url)
    assert target.shows not in text(response)

    client.force_login(non_member)
    signed_in = client.get(target.url)
    assert signed_in.status_code == 200
    assert target.shows in text(signed_in)
    assert_locked_for_the_next_anonymous_visitor(target)


def test_groups_restriction_shows_the_page_to_members_only(
    client, target, board, member, non_member
):
    restrict(target.private, GROUPS, board)

    assert asks_for_login(client.get(target.url), target.url)

    # Wagtail sends a signed-in visitor outside the groups to its login page
    # as well (no 403); the login page then says the account has no access.
    client.force_login(non_member)
    refused = client.get(target.url)
    assert asks_for_login(refused, target.url)
    assert target.shows not in text(refused)
    assert "have access to this page" in text(client.get(refused["Location"]))

    client.force_login(member)
    allowed = client.get(target.url)
    assert allowed.status_code == 200
    assert target.shows in text(allowed)
    assert_locked_for_the_next_anonymous_visitor(target)


def test_a_page_cached_while_public_is_locked_as_soon_as_it_is_made_private(
    client, target, board, django_capture_on_commit_callbacks
):
    assert target.shows in text(client.get(target.url))
    again = client.get(target.url)
    assert target.shows in text(again)
    # Open data is kept as a file rather than in the page cache.
    assert again.streaming or again["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        restrict(target.private, LOGIN, board)

    response = client.get(target.url)
    assert asks_for_login(response, target.url)
    assert target.shows not in text(response)


# Forms on private pages ------------------------------------------------------


def _shown_at() -> str:
    return signing.dumps(time.time() - 30, salt=SALT)


def _workshop_registration(request) -> tuple[Page, str, dict, Callable[[], int]]:
    workshop = request.getfixturevalue("workshop")
    answers = {
        "name": "Maria Santos",
        "email": "maria@valleyfoods.example",
        "organization": "Valley Foods",
        "job_title": "HR manager",
        "sector": "31-33",
        "size": "50-99",
        "seats": "1",
        "consent": "on",
        "homepage": "",
        "shown_at": _shown_at(),
    }
    return workshop, f"{workshop.url}register/", answers, Registration.objects.count


def _guide_feedback(request) -> tuple[Page, str, dict, Callable[[], int]]:
    guide = GuidePageFactory(parent=request.getfixturevalue("guide_index"))
    answers = {"helpful": "yes", "comment": "", "homepage": "", "shown_at": _shown_at()}
    return guide, f"{guide.url}feedback/", answers, GuideFeedback.objects.count


@pytest.mark.parametrize("kind", [PASSWORD, LOGIN, GROUPS])
@pytest.mark.parametrize(
    "form",
    [_workshop_registration, _guide_feedback],
    ids=["workshop registration", "guide feedback"],
)
def test_forms_of_a_private_page_take_answers_only_from_allowed_visitors(
    client, request, board, member, form, kind
):
    page, url, answers, stored = form(request)
    restrict(page, kind, board)

    refused = client.post(url, answers)
    assert asks_for_login(refused, url) or PASSWORD_FORM in text(refused)
    assert stored() == 0

    accepted = allowed_visitor(kind, page.url, member).post(url, answers)
    assert accepted.status_code == 302
    assert stored() == 1


# Listings --------------------------------------------------------------------


@dataclasses.dataclass
class Lanterns:
    """Pages titled "Lantern …", some public and some private.

    One public page of each listed type; private ones of each type, with each
    kind of restriction, and a page below a private section.
    """

    public: dict[str, Page]
    private: list[Page]


@pytest.fixture
def lanterns(home_page, guide_index, workshop_index, board) -> Lanterns:
    public = {
        "guide": GuidePageFactory(parent=guide_index, title="Lantern guide"),
        "workshop": WorkshopPageFactory(
            parent=workshop_index, title="Lantern workshop"
        ),
        "page": StandardPageFactory(parent=home_page, title="Lantern news"),
    }
    guide = GuidePageFactory(parent=guide_index, title="Lantern board guide")
    workshop = WorkshopPageFactory(
        parent=workshop_index, title="Lantern board workshop"
    )
    page = StandardPageFactory(parent=home_page, title="Lantern board page")
    section = StandardPageFactory(parent=home_page, title="Lantern members")
    below = StandardPageFactory(parent=section, title="Lantern minutes")
    restrict(guide, PASSWORD, board)
    restrict(workshop, LOGIN, board)
    restrict(page, GROUPS, board)
    restrict(section, LOGIN, board)
    return Lanterns(public, [guide, workshop, page, section, below])


@pytest.mark.parametrize(
    ("url", "lists"),
    [
        ("/guides/", ["guide"]),
        ("/guides/?q=lantern", ["guide"]),
        ("/workshops/", ["workshop"]),
        ("/workshops/calendar/", ["workshop"]),
        ("/search/?q=lantern", ["guide", "workshop", "page"]),
        ("/sitemap.xml", ["guide", "workshop", "page"]),
    ],
    ids=[
        "guide index",
        "guide index search",
        "workshop index",
        "workshop index calendar",
        "site search",
        "sitemap",
    ],
)
def test_listings_leave_private_pages_out(client, lanterns, url, lists):
    body = text(client.get(url))
    for kind in lists:
        assert lanterns.public[kind].url in body
    for page in lanterns.private:
        assert page.url not in body
        assert page.title not in body


def _featured_in_the_guide_index(guide, other_guide, home_page) -> str:
    FeaturedGuide.objects.create(index_page=guide.get_parent(), guide=guide)
    return "/guides/"


def _related_to_another_guide(guide, other_guide, home_page) -> str:
    RelatedGuide.objects.create(page=other_guide, guide=guide)
    return other_guide.url


def _featured_on_the_home_page(guide, other_guide, home_page) -> str:
    home_page.body = [
        {
            "type": "featured_pages",
            "value": {"heading": "Start here", "pages": [guide.pk]},
        }
    ]
    home_page.save()
    return "/"


@pytest.mark.parametrize(
    "choose",
    [
        _featured_in_the_guide_index,
        _related_to_another_guide,
        _featured_on_the_home_page,
    ],
    ids=["featured guide", "related guide", "home page featured pages"],
)
def test_pages_chosen_by_staff_are_left_out_once_private(
    client, home_page, guide_index, board, choose
):
    guide = GuidePageFactory(
        parent=guide_index, title="Board guide", summary="Only for the board."
    )
    other_guide = GuidePageFactory(parent=guide_index, title="Open guide")
    url = choose(guide, other_guide, home_page)
    restrict(guide, LOGIN, board)

    body = text(client.get(url))
    assert guide.title not in body
    assert guide.url not in body
