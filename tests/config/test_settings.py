"""Production settings are safe, and every response carries security headers."""

import os
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
