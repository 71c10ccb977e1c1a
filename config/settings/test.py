"""Settings for the test suite."""

import os
from pathlib import Path

# A fixed key so tests need no environment.
os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from .base import *  # noqa: E402, F403
from .base import VAR_DIR, env  # noqa: E402

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# The test Site's own address (Wagtail's default Site is localhost:80), so links
# in emails sent without a request read the same whichever one they come from.
WAGTAILADMIN_BASE_URL = "http://localhost"

# The demo site's loader: the `demo_site` fixture and tests/demo use it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# The test client and live server speak plain HTTP.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Tests read delivered mail from django.core.mail.outbox (the queue still runs).
MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Tests do not run collectstatic, which the manifest storage needs.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploaded files from tests go to a throwaway folder, not the developer's media.
MEDIA_ROOT = Path(env("TEST_MEDIA_ROOT", default=str(VAR_DIR / "test-media")))
STORAGES["private"]["OPTIONS"]["location"] = MEDIA_ROOT / "private"  # noqa: F405

# Tests change data and read pages again at once, often without the commit
# that invalidates cached pages; the page cache tests turn it on themselves.
PAGE_CACHE_SECONDS = 0

# Each test process keeps its own cache, which every test starts empty
# (tests/conftest.py); tests/home/test_shared_cache.py runs the default
# database cache and Redis themselves.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "local": CACHES["local"],  # noqa: F405
}

# Fast hashing: tests create many users and passwords need no strength here.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Persistent connections would outlive each test's database on the live server.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Serve static files from the app folders, as in development: there is no
# collectstatic output for WhiteNoise to index.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
