"""``{% fragment %}`` keeps slow parts of pages until what they show changes.

Changes reach cached fragments when they commit, as in production: the tests
wrap them in ``django_capture_on_commit_callbacks(execute=True)``. The rules
that pages follow with fragments inside them are in the page cache tests,
which run with and without fragments.
"""

import datetime

import pytest

from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from employers.pledges.factories import PledgeFactory
from employers.workshops.factories import WorkshopPageFactory
from home import page_cache
from tests.employers.pledges.test_pledge_signing import sign_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600


class Counter:
    """Counts how often the template asks for it: once per real rendering."""

    def __init__(self):
        self.renders = 0

    def __str__(self):
        self.renders += 1
        return f"rendering {self.renders}"


def render(source: str, request=None, **context) -> str:
    request = request or RequestFactory().get("/")
    template = Template("{% load fragment_cache %}" + source)
    return template.render(Context({"request": request, **context}))


def test_a_fragment_is_made_once_per_language_and_value():
    counter = Counter()
    source = '{% fragment "part" value %}{{ counter }}{% endfragment %}'
    assert render(source, counter=counter, value=1) == "rendering 1"
    assert render(source, counter=counter, value=1) == "rendering 1"
    assert render(source, counter=counter, value=2) == "rendering 2"
    with translation.override("fr-ca"):
        assert render(source, counter=counter, value=1) == "rendering 3"
    assert render(source, counter=counter, value=1) == "rendering 1"


@pytest.mark.parametrize(
    "depends, tag",
    [("", page_cache.CONTENT), ("registrations", page_cache.REGISTRATIONS)],
)
def test_a_change_to_what_it_shows_makes_it_again_once_committed(
    depends, tag, django_capture_on_commit_callbacks
):
    counter = Counter()
    source = (
        f'{{% fragment "part" depends="{depends}" %}}{{{{ counter }}}}'
        "{% endfragment %}"
    )
    render(source, counter=counter)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page_cache.invalidate(tag)
        # Before the commit, readers still get what was committed before.
        assert render(source, counter=counter) == "rendering 1"
    for callback in callbacks:
        callback()
    assert render(source, counter=counter) == "rendering 2"


def test_other_tags_leave_it_alone(django_capture_on_commit_callbacks):
    counter = Counter()
    source = '{% fragment "part" %}{{ counter }}{% endfragment %}'
    render(source, counter=counter)
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.invalidate(page_cache.REGISTRATIONS)
    assert render(source, counter=counter) == "rendering 1"


@pytest.mark.parametrize(
    "seconds, setting", [("0", 600), ("", 0), ("missing", 600), ("600", 0)]
)
def test_no_time_to_keep_it_means_it_is_made_each_time(settings, seconds, setting):
    settings.FRAGMENT_CACHE_SECONDS = setting
    counter = Counter()
    option = f" seconds={seconds}" if seconds else ""
    source = f'{{% fragment "part"{option} %}}{{{{ counter }}}}{{% endfragment %}}'
    render(source, counter=counter)
    assert render(source, counter=counter) == "rendering 2"


def test_previews_are_never_kept():
    counter = Counter()
    request = RequestFactory().get("/")
    request.is_preview = True
    source = '{% fragment "part" %}{{ counter }}{% endfragment %}'
    render(source, request, counter=counter)
    assert render(source, request, counter=counter) == "rendering 2"
    assert render(source, counter=counter) == "rendering 3"


class VisitorValue:
    """Stands for a form's signed time: made for each visitor."""

    def __str__(self):
        return page_cache.per_visitor(lambda request: "signed-now")


@pytest.mark.parametrize(
    "inside, values",
    [
        ("{% csrf_token %}", {"csrf_token": "a-visitors-token"}),
        ("{{ shown_at }}", {"shown_at": VisitorValue()}),
    ],
)
@pytest.mark.parametrize("for_page_cache", [False, True])
def test_a_part_holding_a_per_visitor_value_is_not_kept(inside, values, for_page_cache):
    counter = Counter()
    source = f'{{% fragment "part" %}}{{{{ counter }}}} {inside}{{% endfragment %}}'
    reset = page_cache.start_render()[1] if for_page_cache else None
    try:
        render(source, counter=counter, **values)
    finally:
        if reset:
            page_cache.end_render(reset)
    assert "rendering 2" in render(source, counter=counter, **values)


def test_the_name_must_be_quoted():
    with pytest.raises(TemplateSyntaxError):
        render("{% fragment part %}x{% endfragment %}")


# On the site --------------------------------------------------------------------


def _queries(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url, budget",
    [
        ("/", 1),
        ("/guides/", 1),
        ("/guides/work-permits/", 1),
        ("/pledge/", 1),
        ("/pledge/registry/", 2),
        ("/workshops/", 1),
        ("/workshops/inclusive-hiring-101/", 2),
        ("/search/?q=permits", 0),
    ],
)
def test_pages_with_their_parts_kept_skip_those_queries(
    url, budget, guide_with_every_block, listed_pledge, workshop
):
    made = _queries(url)
    _queries(url)
    kept = _queries(url)
    print(f"{url}: {made} queries, then {kept}")
    assert kept < made
    assert kept <= budget


def test_a_filled_in_pledge_form_is_never_kept(registry, named_commitments):
    """After an error the form shows what was typed; the next visitor must not."""
    Client().get("/pledge/")
    commitments = list(named_commitments.values())
    data = sign_data(commitments, email="not-an-address", phone="604 555 0199")
    answer = Client().post("/pledge/", data)
    assert answer.status_code == 400
    assert "604 555 0199" in answer.text
    for visitor in (Client(), Client()):
        page = visitor.get("/pledge/").text
        assert "604 555 0199" not in page
        assert "Dev Patel" not in page
        assert "not-an-address" not in page


def test_an_approved_pledge_shows_in_the_kept_listing(
    registry, listed_pledge, django_capture_on_commit_callbacks
):
    assert listed_pledge.organization_name in Client().get("/pledge/registry/").text
    with django_capture_on_commit_callbacks(execute=True):
        PledgeFactory(organization_name="Fraser Foods", slug="fraser-foods")
    assert "Fraser Foods" in Client().get("/pledge/registry/").text


def test_the_kept_workshop_list_ends_when_registration_next_opens(workshop_index):
    now = timezone.now()
    WorkshopPageFactory(
        parent=workshop_index,
        slug="opens-soon",
        start=now + datetime.timedelta(days=20),
        end=now + datetime.timedelta(days=20, hours=2),
        registration_opens_at=now + datetime.timedelta(seconds=90),
    )
    response = Client().get("/workshops/")
    assert 0 < response.context["results_seconds"] <= 90
