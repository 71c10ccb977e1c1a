"""Settings shared by every environment, read from the environment.

Safe for production by default: ``DEBUG`` is off, there is no secret in code,
cookies are secure and HTTPS is enforced. ``dev.py`` and ``test.py`` relax what
they need; ``production.py`` adds hosting concerns only.
"""

from datetime import timedelta
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from pathlib import Path

import environ

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")


def package_version() -> str:
    """The installed release of the project, or "dev" when run from a checkout."""
    try:
        return installed_version("welcoming-workplaces")
    except PackageNotFoundError:
        return "dev"


SECRET_KEY = env("SECRET_KEY")
# Former keys, still accepted on signed values (emailed links, sessions) while
# a new SECRET_KEY is rolled out; remove them once their links may lapse.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "resources",
    "employers.pledges",
    "employers.workshops",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # wagtail-localize's locale admin replaces wagtail.locales (docs/i18n.md).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "mailer",
    "csp",
    # Failed admin sign-ins and lockouts, kept in the database (docs/security.md).
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The widget templates for the site renderer (home.forms.SiteFormRenderer).
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside WhiteNoise and the page cache, so static files and cached pages
    # carry the header too.
    "home.middleware.PermissionsPolicyMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache: it reads the X-Count-View header that cached
    # responses keep, so cached guide views are counted too.
    "resources.middleware.GuideViewCounterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After the CSRF middleware, which sets the cookie of a token filled in on a
    # hit; before authentication and messages, so a hit runs no query and a
    # message makes the response uncacheable. See docs/caching.md.
    "home.middleware.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # Last, to replace the CSRF token in pages rendered for the cache.
                "home.page_cache.csrf_placeholder",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend uses PostgreSQL full-text search.
    INSTALLED_APPS.append("django.contrib.postgres")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks: take the write lock when a transaction begins, so
    # two workshop registrations cannot both count the last free seat.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

# One cache that every process on the machine shares (docs/caching.md): Redis
# with REDIS_URL, otherwise a table in the database, so a change or a rate
# limit counted by one worker holds for all. Keys carry the release, so a new
# release never reads what an older one stored.
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", default=f"ww-{package_version()}")
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                # Redis down is a cache miss, logged, never an error page.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            # Created by the migration home 0005_cache_table.
            "LOCATION": "django_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Each process's own memory: where rate limits count while the shared cache
# is unreachable (home/ratelimit.py).
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "rate-limit-fallback",
}

# Full pages for anonymous visitors, kept in the cache above (docs/caching.md).
# Seconds; 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Never cached, whoever asks: the admin, and documents (they may be private).
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/"]
# The registry's CSV and JSON, too large for the cache, stored as files under
# the same content version as pages (docs/caching.md). Local disk, per machine.
OPEN_DATA_CACHE_DIR = Path(
    env("OPEN_DATA_CACHE_DIR", default=str(VAR_DIR / "cache" / "open-data"))
)

# Email: EMAIL_URL such as smtp+tls://user:password@host:587 or consolemail://.
vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
# Every message is first stored in django-mailer's queue inside the current
# transaction, then delivered after commit by the backend EMAIL_URL names. A
# message the server refuses stays queued and `manage.py run_scheduled_tasks`
# (cron, every few minutes) retries it.
MAILER_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F821 (set from EMAIL_URL above)
EMAIL_BACKEND = "home.mail.QueuedEmailBackend"
# Deliver right after commit; turn off when a worker (`runmailer`) sends instead.
MAIL_SEND_AFTER_COMMIT = env.bool("MAIL_SEND_AFTER_COMMIT", default=True)
# Row locks on each queued message stop two senders delivering it twice.
MAILER_USE_FILE_LOCK = False
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# django-mailer logs every delivery with the whole message (address, personal
# links); `run_scheduled_tasks` deletes log entries older than this.
MAIL_LOG_RETENTION_DAYS = env.int("MAIL_LOG_RETENTION_DAYS", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Who is emailed the details of a server error: ADMINS=ops@example.org,...
ADMINS = [("Administrator", email) for email in env.list("ADMINS", default=[])]

# Admin sign-in throttling (django-axes, docs/security.md). Its backend comes
# first and refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair for an
# hour; a stranger elsewhere cannot lock a colleague out. Attempts are counted
# in the database, never the cache: a cache outage neither locks nor frees.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The same address the rate limits use, behind NUM_PROXIES proxies.
AXES_CLIENT_IP_CALLABLE = "home.ratelimit.client_ip"
# The sign-in page again, with a polite message, in the reader's language.
AXES_LOCKOUT_CALLABLE = "home.admin_login.lockout_response"
# Password reset emails per hour (home.admin_login), whatever the answer shows.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.admin_login.ThrottledPasswordResetForm"
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int(
    "PASSWORD_RESET_LIMIT_PER_ADDRESS", default=3
)
PASSWORD_RESET_LIMIT_PER_IP = env.int("PASSWORD_RESET_LIMIT_PER_IP", default=10)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Internationalization: English and Canadian French, English unprefixed.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr-ca", _("French (Canada)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Canadian French times ("9 h 30") and the date formats emails use (home.dates).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env("TIME_ZONE", default="America/Vancouver")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Staff read the admin in English or French. One catalogue, locale/fr, serves
# both the admin's "fr" and the site's "fr-ca": gettext falls back from fr_CA
# to fr. Names in their own language, as Wagtail shows them.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("fr", "Français")]

# wagtail-localize (docs/i18n.md). No WAGTAILLOCALIZE_MACHINE_TRANSLATOR: our
# French is written by people, and page text must not leave for a third-party
# service. Translations follow their source ("synced") and start as drafts,
# so a half-translated French page is never published by the Translate action.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files: hashed, compressed and served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(
    env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private-media"))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Files that must never be served as they are (logos awaiting approval).
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Pledges: how long personal data is kept (see docs/privacy.md).
PLEDGE_UNVERIFIED_DAYS = env.int("PLEDGE_UNVERIFIED_DAYS", default=14)
PLEDGE_CLOSED_RETENTION_DAYS = env.int("PLEDGE_CLOSED_RETENTION_DAYS", default=90)
PLEDGE_LAPSED_RETENTION_DAYS = env.int("PLEDGE_LAPSED_RETENTION_DAYS", default=365)

# Security: on unless the environment turns it off.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Browser features no page of the site or the admin uses, refused to every
# page and frame (home.middleware.PermissionsPolicyMiddleware). Features that
# embedded videos ask for (autoplay, fullscreen, encrypted-media,
# picture-in-picture) and the admin's "copy" buttons (clipboard-write) are
# left to the browser's defaults.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Content Security Policy (django-csp, docs/security.md): the public site loads
# scripts, styles, fonts and images from itself only, with no inline script or
# style. Media players load from these hosts when a reader asks for them.
frame_hosts = env.list(
    "CSP_FRAME_HOSTS",
    default=[
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["'self'", *frame_hosts],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# Wagtail's admin, and the page previews under it, still run inline scripts
# and styles, load uploads as blob: images and show previews in a frame.
CONTENT_SECURITY_POLICY_ADMIN_PATHS = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *frame_hosts],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

# Large page forms in the editor exceed Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="Welcoming Workplaces")
# The site's public address: every link in an email sent without a visitor's
# request starts with it (home.mail.public_url), whatever the Site record says.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# "Review and publish" notices (docs/roles.md): moderators hear of submissions,
# authors of approvals and requested changes. The superuser is the technical
# administrator, not a reviewer, so gets none unless this is turned on.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", default=DEFAULT_FROM_EMAIL
)
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env.bool(
    "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", default=False
)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # English stemming, so "recruit" finds "recruiting".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "english"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["bold", "italic", "ol", "ul", "link", "document-link"]
        },
    },
}
WAGTAILSITEMAPS_CACHE_TIMEOUT = 60 * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail runs its background tasks inline and logs each at INFO.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# Uploads are best served by the web server in front; a small host without one
# can let Django serve them.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

# How many reverse proxies sit in front of the site; their X-Forwarded-For
# entries are trusted for rate limits. 0 trusts none (REMOTE_ADDR only).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

# Guides whose last review is older than this are listed as due for review.
GUIDE_REVIEW_PERIOD_DAYS = env.int("GUIDE_REVIEW_PERIOD_DAYS", default=365)

# Workshop registrants' personal data is deleted this long after the workshop;
# anonymous counts (status, seats, sector, size, attendance) stay for reports.
WORKSHOP_DATA_RETENTION_DAYS = env.int("WORKSHOP_DATA_RETENTION_DAYS", default=365)
