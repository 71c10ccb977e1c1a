"""Playwright driving Debian's Chromium against Django's live server.

Without a Chromium these tests skip with a message, unless REQUIRE_BROWSER=1
(as in CI), where a missing browser is a failure.
"""

import io
import os
import shutil
from collections.abc import Iterator

import psycopg2
import pytest

from django.core.management import call_command
from django.db import connection, connections

from home.models import HomePage

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
# Flags that keep a headless Chromium quiet on a machine without internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def browser() -> Iterator:
    """A Chromium for one test.

    Function-scoped on purpose: while Playwright's loop runs, Django hands this
    thread other connection objects, and the database restore between
    transactional tests (serialized rollback) must run outside it.
    """
    if not CHROMIUM or not os.path.exists(CHROMIUM):
        message = (
            "No Chromium found (install Debian's package: apt-get install chromium, "
            "or set CHROMIUM_PATH)"
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{message}; REQUIRE_BROWSER=1 makes this a failure")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls in
    # test code are still synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
            # Queries the test ran while the loop was alive used connections of
            # their own; close them so the test database can be dropped.
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # Nothing may leave the machine: any request to another host fails the test.
    outside: list[str] = []
    context.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(
                ("http://localhost", "http://127.0.0.1", "data:")
            )
            else None
        ),
    )
    tab = context.new_page()
    yield tab
    context.close()
    assert outside == [], f"third-party requests: {outside}"


@pytest.fixture
def axe_violations():
    """Run axe-core (WCAG 2.1 A and AA) on a page and describe any violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(tab) -> str:
        results = axe.run(
            tab,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        return "" if results.violations_count == 0 else results.generate_report()

    return check


def _postgres_admin(statements: list[str]) -> None:
    """Run statements that need no open session on the test database."""
    database = connection.settings_dict
    admin = psycopg2.connect(
        dbname="postgres",
        user=database["USER"],
        password=database["PASSWORD"],
        host=database["HOST"] or None,
        port=database["PORT"] or None,
    )
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        admin.close()


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker) -> Iterator[dict]:
    """The PostgreSQL database this process copies its test database from,
    once that holds the demo; dropped at the end of the session."""
    snapshot: dict = {}
    yield snapshot
    if snapshot:
        with django_db_blocker.unblock():
            _postgres_admin([f'DROP DATABASE IF EXISTS "{snapshot["name"]}"'])


@pytest.fixture
def demo_site(transactional_db, _demo_snapshot) -> HomePage:
    """The full demo site, committed, for the live server to serve.

    Overrides tests/conftest.py's, whose rows are never committed. Loading
    takes seconds, so on PostgreSQL the first load is kept in a template
    database and later tests start from a copy of it (a fraction of a second).
    The test's flush empties the copy as it would the loaded database.
    Request it before ``page`` or ``browser``: the copy ends every session on
    the test database.
    """
    if connection.vendor != "postgresql":
        call_command("load_demo_data", force=True, stdout=io.StringIO())
        return HomePage.objects.get(sites_rooted_here__is_default_site=True)
    database = connection.settings_dict["NAME"]
    connection.close()
    if not _demo_snapshot:
        call_command("load_demo_data", force=True, stdout=io.StringIO())
        connection.close()
        snapshot = f"{database}_demo"
        _postgres_admin(
            [
                f'DROP DATABASE IF EXISTS "{snapshot}"',
                f'CREATE DATABASE "{snapshot}" TEMPLATE "{database}"',
            ]
        )
        _demo_snapshot["name"] = snapshot
    else:
        _postgres_admin(
            [
                f'DROP DATABASE "{database}" WITH (FORCE)',
                f'CREATE DATABASE "{database}" TEMPLATE "{_demo_snapshot["name"]}"',
            ]
        )
    return HomePage.objects.get(sites_rooted_here__is_default_site=True)
