"""Local development: debug on, plain HTTP, emails to the console and var/mail."""

import os

# Development needs no environment; base.py insists on these in production.
os.environ.setdefault("SECRET_KEY", "django-insecure-local-development-only")
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402, F403
from .base import VAR_DIR, env  # noqa: E402

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

# The demo site's loader (`make demo`); never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Edited templates and code show at once; PAGE_CACHE_SECONDS=600 tries the cache.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

MAILER_EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="home.mail.ConsoleAndFileEmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"

# Manifest storage needs collectstatic; runserver serves files as they are.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
