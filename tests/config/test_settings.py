"""Production settings are safe, and every response carries security headers."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings

PROJECT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="lip.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_base_settings_are_safe_by_default():
    from config.settings import base

    assert base.SECURE_SSL_REDIRECT
    assert base.SESSION_COOKIE_SECURE and base.CSRF_COOKIE_SECURE
    assert base.SECURE_HSTS_SECONDS >= 31_536_000
    assert "svg" not in base.WAGTAILIMAGES_EXTENSIONS
    assert base.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert base.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert base.STORAGES["staticfiles"]["BACKEND"].startswith("whitenoise")


def test_languages_are_english_and_canadian_french():
    assert [code for code, _name in settings.LANGUAGES] == ["en", "fr-ca"]
    assert settings.WAGTAIL_I18N_ENABLED
    assert settings.TIME_ZONE == "America/Vancouver"


@pytest.mark.django_db
def test_public_pages_carry_security_headers(client, home_page):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "max-age=31536000" in response["Strict-Transport-Security"]


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_in_production(client, home_page, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/about/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/about/"


PUBLIC_PAGES = ["/", "/guides/", "/guides/work-permits/", "/pledge/registry/"]


@pytest.fixture
def public_site(guide_with_every_block, registry):
    return guide_with_every_block


def _directives(policy: str) -> dict[str, set[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: set(values) for name, *values in parts}


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_carry_a_strict_content_security_policy(client, public_site, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    frames = policy.pop("frame-src")
    assert policy == {
        "default-src": {"'self'"},
        "script-src": {"'self'"},
        "style-src": {"'self'"},
        "img-src": {"'self'", "data:"},
        "form-action": {"'self'"},
        "frame-ancestors": {"'none'"},
        "base-uri": {"'self'"},
        "object-src": {"'none'"},
    }
    # Media players, loaded only when a reader asks, from named hosts.
    assert "'self'" in frames
    assert all(host.startswith("https://") for host in frames - {"'self'"})


@pytest.mark.django_db
def test_pages_served_from_the_cache_carry_every_security_header(
    client, public_site, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/guides/", secure=True)
    response = client.get("/guides/", secure=True)
    assert response["X-Cache"] == "hit"
    assert "script-src 'self';" in response["Content-Security-Policy"] + ";"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "max-age=31536000" in response["Strict-Transport-Security"]


@pytest.mark.django_db
def test_the_admin_gets_the_policy_its_scripts_need(client, home_page):
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
    assert policy["frame-ancestors"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}


@pytest.mark.django_db
def test_the_badge_keeps_its_own_stricter_policy(client, listed_pledge):
    response = client.get("/pledge/registry/valley-berry-farms/badge.svg")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_no_template_has_inline_script_style_or_event_handler():
    """The policy would block them: scripts and styles go in static files."""
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")"
        r"|<style|\sstyle=|\son[a-z]+=|javascript:",
        re.IGNORECASE,
    )
    offenders = [
        f"{path.relative_to(PROJECT)}: {match.group(0)}"
        for path in (PROJECT / "templates").rglob("*.html")
        if "admin" not in path.parts
        for match in inline.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _production_setting(name: str, **env: str) -> str:
    """A production setting's value, read by importing the module alone: Django
    itself would need django-storages, an optional extra, to start."""
    clean_env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    clean_env.update(SECRET_KEY="not-secret", DATABASE_URL="sqlite://", **env)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from config.settings import production as p; "
            f"print(repr(getattr(p, {name!r}, None)))",
        ],
        cwd=PROJECT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_media_in_a_bucket_when_one_is_named():
    on_disk = _production_setting("STORAGES")
    assert "'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'" in (
        on_disk
    )
    bucket = {
        "AWS_STORAGE_BUCKET_NAME": "lip-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
    }
    storages = _production_setting("STORAGES", **bucket)
    assert "'default': {'BACKEND': 'storages.backends.s3.S3Storage'" in storages
    # Only media goes to the bucket; logos awaiting approval stay private.
    assert "'private': {'BACKEND': 'django.core.files.storage.FileSystemStorage'" in (
        storages
    )
    assert _production_setting("AWS_S3_ENDPOINT_URL", **bucket) == (
        "'https://objects.example.net'"
    )
    # Documents are still served through Wagtail, which checks their privacy.
    assert _production_setting("WAGTAILDOCS_SERVE_METHOD", **bucket) == "'serve_view'"
