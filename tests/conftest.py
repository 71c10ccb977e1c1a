import io
import os
from collections.abc import Iterator

import pytest

from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

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


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Copy PostgreSQL test databases from TEST_DATABASE_TEMPLATE when set.

    CI migrates one database and names it here: each xdist worker's test
    database is then a copy of it, with every migration's rows (staff roles,
    hiring stages, the cache table), and migrate has nothing left to do.
    """
    template = os.environ.get("TEST_DATABASE_TEMPLATE")
    database = django_settings.DATABASES["default"]
    if template and database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("TEST", {})["TEMPLATE"] = template


@pytest.fixture(autouse=True)
def _clear_cache():
    """Settings, renditions and sitemaps are cached; each test starts cold."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language, whatever ran before.

    A request answered in French leaves French active in the thread (the
    locale middleware does not undo it), and code that writes in the active
    language would then depend on the order tests run in.
    """
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The full demo site, loaded once per module; the home page's id.

    Loading takes seconds, so the module shares one load inside a transaction
    that is rolled back when the module ends. Each test runs in a savepoint
    within it (pytest-django's ``db``), so what a test changes is undone
    before the next. Transactional tests cannot see uncommitted rows: a module
    that uses this holds none (``pytest_collection_modifyitems``), and the
    browser tests load their own (tests/browser/conftest.py).
    """
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        try:
            call_command("load_demo_data", force=True, stdout=io.StringIO())
            home_pk = HomePage.objects.get(sites_rooted_here__is_default_site=True).pk
        except BaseException:
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
            raise
    yield home_pk
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture
def demo_site(demo_data, db) -> HomePage:
    """The full demo site, as `make run` builds it."""
    return HomePage.objects.get(pk=demo_data)


def _is_transactional(item) -> bool:
    """As pytest-django decides whether a test runs as a TransactionTestCase."""
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    fixtures = {"transactional_db", "live_server", "django_db_reset_sequences"}
    return bool(fixtures & set(item.fixturenames))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Refuse transactional tests without serialized rollback, and keep the
    module-wide demo away from tests that did not ask for it.

    A transactional test's flush deletes the migrated rows (root page,
    locales) and re-runs post_migrate with new content-type ids, which breaks
    every transactional test after them on PostgreSQL.

    ``demo_data`` stays loaded from the first test of a module that uses it to
    the module's end; the module's other tests run first, on an empty site.
    This runs before pytest-django's own sort, which keeps this order.
    """
    modules: dict = {}
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction"):
            assert marker.kwargs.get("serialized_rollback"), (
                f"{item.nodeid}: use django_db(transaction=True, "
                "serialized_rollback=True)"
            )
        modules.setdefault(item.module, []).append(item)
    for module_items in modules.values():
        if any("demo_data" in item.fixturenames for item in module_items):
            for item in module_items:
                assert not _is_transactional(item), (
                    f"{item.nodeid}: a transactional test cannot share a module "
                    "with demo_data, whose rows are never committed; move it"
                )
    order = {module: position for position, module in enumerate(modules)}
    items.sort(key=lambda item: (order[item.module], "demo_data" in item.fixturenames))
