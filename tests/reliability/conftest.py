"""Fixtures for the checks that run the site as deployed, and the fuzz summary.

Tests marked ``server`` start their own PostgreSQL cluster and gunicorn; the
default test run leaves them out (``-m "not server"`` in pyproject.toml) and
``make reliability`` runs them.
"""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from django.conf import settings

from tests.reliability import fuzzing
from tests.reliability.harness import (
    PostgresCluster,
    free_port,
    manage,
    postgres_unavailable,
    site_environment,
)

DATABASE = "welcoming"
# The demo's "Inclusive hiring 101": 30 seats, 27 taken, waitlist on.
WORKSHOP_SLUG = "inclusive-hiring-101"


@dataclass
class DeployedSite:
    """A migrated database with the demo content, and how to serve it."""

    cluster: PostgresCluster
    folder: Path

    def environment(self, email_url: str) -> dict[str, str]:
        return site_environment(
            database_url=self.cluster.url(DATABASE),
            email_url=email_url,
            folder=self.folder,
            # The tests sign the forms' time field with the same key.
            secret_key=settings.SECRET_KEY,
        )

    def query(self, sql: str, params=()) -> list[tuple]:
        return self.cluster.query(DATABASE, sql, params)


@pytest.fixture(scope="session")
def deployed_site():
    """PostgreSQL of its own, migrated, with the demo site and collected static.

    About 35 seconds, once per run of the server checks.
    """
    reason = postgres_unavailable()
    if reason:
        pytest.skip(f"cannot run a throwaway PostgreSQL cluster: {reason}")
    folder = Path(tempfile.mkdtemp(prefix="ww-reliability-site-"))
    cluster = PostgresCluster()
    try:
        try:
            cluster.start()
        except RuntimeError as error:
            pytest.skip(f"cannot run a throwaway PostgreSQL cluster: {error}")
        cluster.query("postgres", f"CREATE DATABASE {DATABASE}")
        site = DeployedSite(cluster=cluster, folder=folder)
        # No mail server: nothing in the set-up sends mail.
        env = site.environment(email_url=f"smtp://127.0.0.1:{free_port()}")
        manage(env, "migrate", "--noinput")
        # Only the development settings install the demo app that loads it.
        demo_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
        manage(demo_env, "load_demo_data", "--force")
        manage(env, "collectstatic", "--noinput")
        yield site
    finally:
        cluster.destroy()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pledge_page(registry):
    """The pledge page at /pledge/, its registry and the site's communities."""
    return registry.get_parent().specific


@pytest.fixture
def commitments(named_commitments) -> list:
    return list(named_commitments.values())


def pytest_terminal_summary(terminalreporter):
    if fuzzing.STATS.examples:
        terminalreporter.write_sep("-", "fuzzing")
        for line in fuzzing.STATS.summary():
            terminalreporter.write_line(line)
