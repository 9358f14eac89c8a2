"""Settings of the portal, read entirely from environment variables.

There is one settings module for development, CI and production. Every variable has a safe
default for a development checkout; the README lists them all. Production is reached by
setting ``DEBUG=false`` and a ``SECRET_KEY`` (the module refuses to start without one).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from core.storage import s3_public_origins, s3_storages

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean: only "true" or "false" (any case) are accepted, empty means default."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() == "true":
        return True
    if raw.lower() == "false":
        return False
    raise ImproperlyConfigured(f"{name} must be 'true' or 'false', not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_secret(name: str) -> str:
    """Read a secret from NAME, or from the file named by NAME_FILE (container secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, "")


# A fresh checkout runs with no configuration (development). Production sets DEBUG=false,
# which then requires SECRET_KEY; `manage.py check --deploy` flags a DEBUG left on.
DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable (50+ random "
            "characters) to run with DEBUG off, or set DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-it-in-production-0123456789"

# HTTPS hardening is on by default in production and switched off as a whole with HTTPS=false,
# for a production-like run on plain http on localhost.
USE_HTTPS = not DEBUG and env_bool("HTTPS", True)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# `make bench` only: serves /bench/minimal, the reference page the benchmark compares with.
BENCH = env_bool("BENCH", False)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Number of reverse proxies in front of the app servers that set X-Forwarded-For/-Proto.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The name this app server gives itself in the X-App-Server response header (empty: none),
# e.g. "app-1" and "app-2" behind one load balancer (see deploy/cluster.py).
APP_SERVER_NAME = env_str("APP_SERVER_NAME")
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# The portal's own apps, floor by floor (see the README): an app may import the ones before
# it on a lower floor, never above. Their hooks and demo content load in this order.
PORTAL_APPS = [
    "core",
    "accounts",
    "content",
    "members",
    "networks",
    "projects",
    "trainings",
    "events",
    "billing",
    "newsletter",
    "insights",
    "cluster_site",
]

INSTALLED_APPS = [
    "modeltranslation",
    "cluster_site.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "import_export",
    "django_tasks_db",
    *PORTAL_APPS,
]

MIDDLEWARE = [
    # Outermost: names the app server in X-App-Server (APP_SERVER_NAME), even on cached pages.
    "cluster_site.middleware.AppServerHeaderMiddleware",
    # First: every request gets its id, its log line and its metrics.
    "core.observability.middleware.RequestObservationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Pages compressed for browsers that ask (cached pages too, so it wraps the page cache);
    # static files come precompressed from WhiteNoise. Django pads the compressed body with
    # random bytes against BREACH. nginx, where it is in front, passes them through.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache: counts the views of public pages, cached ones too (core.audience).
    "core.audience.AudienceMiddleware",
    # Before the session: a visitor's cached page is served without session or database.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Malformed input (NUL bytes, invalid UTF-8) is a 400 before any view reads it.
    "core.middleware.BadInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
]

ROOT_URLCONF = "cluster_site.urls"
WSGI_APPLICATION = "cluster_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "cluster_site.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down is a slower site, never a broken one: connection errors are logged
            # and read as misses (see core/cache.py).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "votf",
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_TIMEOUT_MS", 250) / 1000,
                "socket_timeout": env_int("REDIS_TIMEOUT_MS", 250) / 1000,
            },
        }
    }
else:
    # Room for the page cache's pages, fragments and table generations (300 by default).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# The page cache (core/pagecache.py): visitors' pages whole, shared parts of signed-in pages
# as fragments, both invalidated by the writes to the tables they read; 0 switches it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Page views are counted in the shared cache and copied to the database by flush_page_views,
# which looks back this many days (core.audience).
AUDIENCE_BUFFER_DAYS = env_int("AUDIENCE_BUFFER_DAYS", 3)
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)
# How long a browser, proxy or CDN may keep a visitor's page without asking again.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
# Sessions live in the database with a cache in front: app servers keep no state.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background work (django.tasks): "immediate" runs each task at once in the process that
# enqueues it (development, tests: `make run` needs no worker); "database" stores the tasks
# in PostgreSQL for the worker of django-tasks-db (`make worker`), in production.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "core.taskbackends.DatabaseBackend"}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "core.taskbackends.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be 'immediate' or 'database', not {TASKS_BACKEND!r}."
    )
# /readyz fails when the oldest task waiting to run is older than this (a stuck worker).
TASKS_MAX_QUEUE_AGE = env_int("TASKS_MAX_QUEUE_AGE", 300)
# An email that cannot be sent is tried again after 1, 2, 4... minutes, this many times.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 8)
# An export of more rows than this is written by a task and sent by email (core.exports);
# the link works for EXPORT_LIFETIME_DAYS days.
EXPORT_SYNC_ROWS = env_int("EXPORT_SYNC_ROWS", 2000)
EXPORT_LIFETIME_DAYS = env_int("EXPORT_LIFETIME_DAYS", 7)
# The bearer token that opens /metrics (Prometheus); without it /metrics is a 404.
METRICS_TOKEN = env_secret("METRICS_TOKEN")

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, loading the user with whether they work for an active
    # member organisation (one query less on every page: see members/backends.py).
    "members.backends.MemberAwareModelBackend",
    "members.backends.MemberAwareAuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# django-allauth: the email address is the login, and it must be verified.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Vehicle of the Future] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if USE_HTTPS else "http"
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/5m/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Vehicle of the Future"
# Staff must have an authenticator app before they can open the back-office. The exemption
# list only works with DEBUG on, for the demo staff account of `make run`.
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)
STAFF_MFA_EXEMPT_EMAILS = env_list("STAFF_MFA_EXEMPT_EMAILS") if DEBUG else []

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Internationalisation: French first, English second; staff-curated text has both.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "core.staticbundle.BundleFinder",
]
# The one stylesheet of every page (core/staticbundle.py): these files, in this order.
CSS_BUNDLE = {
    "name": "css/portal.css",
    "parts": [
        "vendor/bootstrap-5.3.9/css/bootstrap.min.css",
        "css/site.css",
        "css/members.css",
        "css/projects.css",
        "css/trainings.css",
        "css/events.css",
        "css/networks.css",
        "css/newsletter.css",
        "css/billing.css",
    ],
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files only some people may read (project documents); never under MEDIA_URL.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "media-private")))
# Serve MEDIA_URL from Django itself (development, or a single production-like box without
# a reverse proxy). In production the reverse proxy or an object store serves media.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
# Uploads: two storages (core/storage.py), on the disk unless S3_BUCKET names a bucket of an
# S3-compatible object store (AWS, MinIO, Scaleway, OVH...), shared by every app server.
S3_BUCKET = env_str("S3_BUCKET")
MEDIA_ORIGINS = []  # where public media come from, when not from the site itself
if S3_BUCKET:
    _s3_place = {
        "bucket": S3_BUCKET,
        "endpoint_url": env_str("S3_ENDPOINT_URL"),
        "region": env_str("S3_REGION"),
        "public_url": env_str("S3_PUBLIC_URL"),
    }
    STORAGES = s3_storages(
        **_s3_place,
        private_bucket=env_str("S3_PRIVATE_BUCKET"),
        access_key=env_secret("S3_ACCESS_KEY_ID"),
        secret_key=env_secret("S3_SECRET_ACCESS_KEY"),
        public_acl=env_str("S3_PUBLIC_ACL"),
    )
    MEDIA_ORIGINS = s3_public_origins(**_s3_place)
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "core.storage.PrivateFileSystemStorage"},
    }
STORAGES |= {
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# `manage.py backup` writes its archives here unless told another path.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "backups")))
# In development WhiteNoise serves the files straight from the apps and static/.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_PERMISSIONS = 0o644

# Email: SMTP when EMAIL_HOST is set, otherwise printed on the console.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
if EMAIL_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": EMAIL_PORT,
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_secret("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587),
                "use_ssl": env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
del EMAIL_HOST, EMAIL_PORT
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Vehicle of the Future <no-reply@vehicle-of-the-future.example>"
)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where notifications for the cluster's staff go (new applications, requests...).
STAFF_NOTIFICATION_EMAILS = env_list(
    "STAFF_NOTIFICATION_EMAILS", "contact@vehicle-of-the-future.example"
)
ADMINS = [("Admins", email) for email in env_list("ADMINS")]
# The newsletter leaves in batches with a pause between them (the throttle), and offers a
# mailto unsubscribe besides the one-click https one when a mailbox is given.
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 50)
NEWSLETTER_BATCH_PAUSE = env_int("NEWSLETTER_BATCH_PAUSE", 2)
NEWSLETTER_UNSUBSCRIBE_MAILTO = env_str("NEWSLETTER_UNSUBSCRIBE_MAILTO")

# Security headers. HTTPS-only settings follow USE_HTTPS.
SESSION_COOKIE_SECURE = USE_HTTPS
CSRF_COOKIE_SECURE = USE_HTTPS
LANGUAGE_COOKIE_SECURE = USE_HTTPS
SECURE_SSL_REDIRECT = USE_HTTPS
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000) if USE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = USE_HTTPS
SECURE_HSTS_PRELOAD = USE_HTTPS and env_bool("HSTS_PRELOAD", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A strict policy, enforced everywhere (development included, so that a violation shows up
# before production): no inline script or style, nothing loaded from other origins.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Logs: one JSON object per line (LOG_FORMAT=json, the default with DEBUG off) with the
# request id of the request or task that wrote it; plain text in development.
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "core.observability.logs.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "core.observability.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django.utils.autoreload": {"level": "WARNING"},
        # The request log line comes from core.observability; not twice.
        "django.server": {"level": "WARNING"},
        "django_tasks_db": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.tasks": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
