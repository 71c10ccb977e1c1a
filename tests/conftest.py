import io

import pytest

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Page, Site

from home.factories import HomePageFactory
from home.mail import deliver_queued_mail
from home.models import HomePage

# Fixtures of one app that tests of another (browser tests) use too.
pytest_plugins = [
    "tests.resources.fixtures",
    "tests.employers.fixtures",
    "tests.employers.pledges.fixtures",
    "tests.employers.workshops.fixtures",
    "tests.home.fixtures",
    "tests.employers.workshops.impact_fixtures",
]


@pytest.fixture(autouse=True)
def _clear_cache():
    """Settings, renditions and sitemaps are cached; each test starts cold."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _queued_email(settings):
    """Django's test set-up swaps in the locmem backend; put the real queue back.

    Queued mail reaches ``mail.outbox`` when delivered: after commit in
    transactional tests, or when a test calls ``sent_mail()``.
    """
    settings.EMAIL_BACKEND = "home.mail.QueuedEmailBackend"


@pytest.fixture
def sent_mail(db):
    """Deliver the queue, as the after-commit hook would, and return the outbox."""

    def deliver() -> list[mail.EmailMessage]:
        deliver_queued_mail()
        return mail.outbox

    return deliver


@pytest.fixture
def home_page(db) -> HomePage:
    """A home page that the default site serves at /."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="test-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def demo_site(db) -> HomePage:
    """The full demo site, as `make run` builds it."""
    call_command("load_demo_data", force=True, stdout=io.StringIO())
    return HomePage.objects.get(depth=2)


def pytest_collection_modifyitems(items):
    """Refuse transactional tests without serialized rollback.

    Their flush deletes the migrated rows (root page, locales) and re-runs
    post_migrate with new content-type ids, which breaks every transactional
    test after them on PostgreSQL.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction"):
            assert marker.kwargs.get("serialized_rollback"), (
                f"{item.nodeid}: use django_db(transaction=True, "
                "serialized_rollback=True)"
            )
