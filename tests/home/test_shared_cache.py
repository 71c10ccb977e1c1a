"""The shared cache fails safe: Redis down, unreadable entries and entries of an
older release are misses, never error pages; the default database cache is
shared by every process.

These tests run real services: a Redis server of their own (started and
stopped here) and, for the test across processes, PostgreSQL.
"""

import dataclasses
import logging
import os
import pickle
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connection
from django.test import Client

from wagtail.models import Site

from employers.pledges.models import Pledge
from employers.workshops.models import Registration
from home import page_cache
from home.checks import shared_cache_with_several_workers
from home.models import NavigationSettings, SiteSettings
from tests.employers.pledges.test_pledge_signing import sign_data
from tests.employers.workshops.test_workshop_registration import (
    REGISTER,
)
from tests.employers.workshops.test_workshop_registration import (
    form as registration_data,
)

PROJECT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = [
    "/",
    "/guides/",
    "/guides/work-permits/",
    "/pledge/",
    "/pledge/registry/",
    "/pledge/registry/valley-berry-farms/",
    "/pledge/registry/registry.csv",
    "/workshops/",
    "/workshops/inclusive-hiring-101/",
    REGISTER,
    "/search/?q=permits",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_server(tmp_path):
    """A Redis server of the test's own on a free loopback port; its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: .ci/run installs it")
        pytest.skip("redis-server is not installed")
    # Another process (an xdist worker, a live server) may take the free port
    # before Redis binds it: then Redis exits, and another port is tried.
    for _attempt in range(5):
        port = _free_port()
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(tmp_path)],
            stdout=subprocess.DEVNULL,
        )
        if _answers(redis.Redis(port=port), process):
            break
        process.terminate()
        process.wait(timeout=10)
    else:
        pytest.fail("redis-server did not start on a free port in five tries")
    url = f"redis://127.0.0.1:{port}/0"
    yield url, process
    process.terminate()
    process.wait(timeout=10)


def _answers(client: redis.Redis, process: subprocess.Popen) -> bool:
    """Whether this process is the Redis answering on the port, within five
    seconds; not when another server holds the port."""
    for _ in range(100):
        if process.poll() is not None:
            return False
        try:
            return client.info("server")["process_id"] == process.pid
        except redis.ConnectionError:
            time.sleep(0.05)
    return False


def _use_redis(settings, url: str, prefix: str) -> None:
    """The cache as config/settings/base.py sets it when REDIS_URL is given."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        },
        "local": django_settings.CACHES["local"],
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def site_with_forms(guide_with_every_block, listed_pledge, workshop):
    """A guide, the pledge page and registry with a listed pledge, a workshop."""
    return workshop


@pytest.mark.django_db
def test_pages_and_forms_work_while_redis_is_down(
    settings, redis_server, site_with_forms, commitments, caplog
):
    url, process = redis_server
    _use_redis(settings, url, "ww-test")
    for address in PUBLIC_PAGES:
        assert Client().get(address).status_code == 200, address
    assert Client().get("/guides/")["X-Cache"] == "hit"

    process.terminate()
    process.wait(timeout=10)
    caplog.set_level(logging.ERROR, logger="django_redis")

    for address in PUBLIC_PAGES:
        response = Client().get(address)
        assert response.status_code == 200, address
        if response.streaming:
            # Open data is stored as files, not in the shared cache: whole.
            assert "Valley Berry Farms" in response.getvalue().decode(), address
        else:
            assert response["X-Cache"] == "miss", address
    assert "Understanding work permits" in Client().get("/guides/work-permits/").text
    assert "Valley Berry Farms" in Client().get("/pledge/registry/").text
    # Wagtail's own cache reads went through the same fail-safe backend.
    assert any(record.name == "django_redis.cache" for record in caplog.records)

    # Sign-ups still get through, their rate limits counted in this process.
    signed = Client().post("/pledge/", sign_data(commitments))
    assert signed.status_code == 302
    assert Pledge.objects.filter(organization_name="Valley Fresh Produce Ltd.")
    registered = Client().post(REGISTER, registration_data())
    assert registered.status_code == 302
    assert Registration.objects.filter(email="maria@valleyfoods.example").exists()


@pytest.mark.django_db
def test_rate_limits_fall_back_to_each_process_while_redis_is_down(
    settings, redis_server
):
    from home.ratelimit import hit

    url, process = redis_server
    _use_redis(settings, url, "ww-test")
    process.terminate()
    process.wait(timeout=10)
    caches["local"].clear()
    assert [hit("test", "someone", limit=2, window=60) for _ in range(3)] == [
        False,
        False,
        True,
    ]


@pytest.mark.django_db
def test_an_entry_of_an_older_release_is_never_read(
    settings, redis_server, guide_with_every_block
):
    url, _process = redis_server
    _use_redis(settings, url, "ww-0.0.1")
    assert Client().get("/guides/work-permits/")["X-Cache"] == "miss"
    assert Client().get("/guides/work-permits/")["X-Cache"] == "hit"

    _use_redis(settings, url, "ww-0.0.2")
    assert Client().get("/guides/work-permits/")["X-Cache"] == "miss"


@pytest.mark.django_db
def test_an_unreadable_entry_is_a_logged_miss(
    settings, redis_server, guide_with_every_block, caplog
):
    url, _process = redis_server
    _use_redis(settings, url, "ww-test")
    Client().get("/guides/work-permits/")
    cache = caches["default"]
    # Whatever an older release or a bad write left under the page's key: an
    # object this release cannot unpickle, then one of another shape.
    raw = redis.Redis.from_url(url)
    (page_key,) = raw.keys("ww-test:*page-cache:page:*")
    raw.set(page_key, b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00\x8c\x03bad")
    response = Client().get("/guides/work-permits/")
    assert response.status_code == 200
    assert response["X-Cache"] == "miss"
    assert "Page cache: entry unreadable" in caplog.text

    key = page_key.decode().split(":", 2)[2]
    cache.set(key, {"content": b"stale", "made_by": "an older release"})
    response = Client().get("/guides/work-permits/")
    assert response.status_code == 200
    assert "Understanding work permits" in response.text


def test_entries_hold_plain_data_only():
    """Nothing in an entry names a function or class of the project."""
    entry = page_cache.Entry(
        status=200, headers=[], content=b"", tags={}, fillers={"x": "csrf"}
    )
    assert b"home." not in pickle.dumps(dataclasses.asdict(entry))


def test_deploy_check_warns_of_a_per_process_cache_with_several_workers(
    settings, monkeypatch
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    assert [w.id for w in shared_cache_with_several_workers(None)] == ["home.W001"]
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    assert shared_cache_with_several_workers(None) == []
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }
    monkeypatch.setenv("WEB_CONCURRENCY", "4")
    assert shared_cache_with_several_workers(None) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="another process reaches only a PostgreSQL test database",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_settings_change_in_another_process_shows_at_once(settings, home_page):
    """With the default cache (the database's), a change saved from
    ``manage.py shell`` shows on the next page, even a cached one."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "KEY_PREFIX": "ww-test",
        },
        "local": django_settings.CACHES["local"],
    }
    settings.PAGE_CACHE_SECONDS = 600
    site = Site.objects.get(is_default_site=True)
    # Settings rows are made on first use, which makes cached pages stale.
    SiteSettings.for_site(site)
    NavigationSettings.for_site(site)
    Client().get("/")
    assert Client().get("/")["X-Cache"] == "hit"

    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    script = (
        "from home.models import SiteSettings, SiteText; "
        "s = SiteSettings.objects.get(); "
        "s.site_text = SiteText.objects.create(organization_name='Partenariat local'); "
        "s.save()"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        # The settings `make run` uses, whose cache is the database's.
        env={
            **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": url,
            "CACHE_KEY_PREFIX": "ww-test",
            "PAGE_CACHE_SECONDS": "600",
        },
        check=True,
        timeout=60,
    )
    response = Client().get("/")
    assert response["X-Cache"] == "miss"
    assert "Partenariat local" in response.text
