"""Django settings. Defaults run the embedded SQLite database in development; production sets
environment variables (DATABASE_URL for PostgreSQL, TECHPOLICY_DEBUG=0, TECHPOLICY_SECRET_KEY,
TECHPOLICY_ALLOWED_HOSTS, ...), listed in docs/deployment.md. Every variable is parsed strictly
(`site.env`): a value that is not understood stops the start."""

import datetime as _dt
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Runtime data (SQLite file, uploads) lives outside the package and outside any web root.
DATA_DIR = Path(env_str("TECHPOLICY_DATA_DIR", str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("TECHPOLICY_DEBUG", True)
# With debug off the system refuses to start on the development key or without its host names:
# a production server must never sign sessions with a key that is published in the source.
_DEV_KEY = "dev-only-insecure-key-change-in-production"
SECRET_KEY = env_str("TECHPOLICY_SECRET_KEY", _DEV_KEY if DEBUG else "")
ALLOWED_HOSTS = env_list("TECHPOLICY_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG:
    if not SECRET_KEY or SECRET_KEY == _DEV_KEY:
        raise ImproperlyConfigured("TECHPOLICY_DEBUG=0 needs TECHPOLICY_SECRET_KEY (a long random string).")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("TECHPOLICY_DEBUG=0 needs TECHPOLICY_ALLOWED_HOSTS (comma-separated host names).")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "techpolicy.site",
    "techpolicy.accounts",
    "techpolicy.casework",
    "techpolicy.services.technopark",
    "techpolicy.services.productivity",
    "techpolicy.forecasting.studies",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "techpolicy.site.urls"
WSGI_APPLICATION = "techpolicy.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "techpolicy.site.context.site_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'techpolicy.sqlite3'}",
        conn_max_age=env_int("TECHPOLICY_CONN_MAX_AGE", 60, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), and a writer waits
    # up to the busy timeout for the one before it: a deferred transaction that reads and then
    # writes would otherwise fail with "database is locked" when it tries to upgrade its lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": env_int("TECHPOLICY_SQLITE_BUSY_TIMEOUT", 20, minimum=1), "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out account or address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins are throttled per account and, separately, per address (system settings, not law).
AXES_FAILURE_LIMIT = env_int("TECHPOLICY_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = _dt.timedelta(minutes=env_int("TECHPOLICY_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a TLS-terminating proxy the client's address is in X-Forwarded-For (axes reads it through
# django-ipware); only when the proxy is declared, since otherwise any client could forge it.
AXES_IPWARE_PROXY_COUNT = env_int("TECHPOLICY_PROXY_COUNT", 0, minimum=0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "site" / "locale"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"  # filled by `collectstatic` in production
STATIC_ROOT.mkdir(exist_ok=True)
# Serve the apps' static files directly as well, so the embedded set-up needs no collectstatic.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded documents: stored under DATA_DIR, never under a served URL; they are streamed by a
# view that checks permissions first.
MEDIA_ROOT = DATA_DIR / "uploads"
# A URL on a host that does not exist: nothing (not even Django's live test server) serves uploads.
MEDIA_URL = "http://uploads-are-not-served.invalid/"

TECHPOLICY_MAX_UPLOAD_BYTES = env_int("TECHPOLICY_MAX_UPLOAD_BYTES", 10 * 1024 * 1024, minimum=1)
TECHPOLICY_UPLOAD_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
}
DATA_UPLOAD_MAX_MEMORY_SIZE = TECHPOLICY_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "techpolicy.casework.upload_limits.SizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

EMAIL_BACKEND = env_str("TECHPOLICY_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("TECHPOLICY_FROM_EMAIL", "noreply@techpolicy.kz")
TECHPOLICY_PUBLIC_URL = env_str("TECHPOLICY_PUBLIC_URL", "http://127.0.0.1:8000")

# Background work goes through Django's task API on the database backend: a task is a row in the
# database, written in the transaction that asks for it, and the worker (`manage.py run_worker`)
# runs it; a task whose worker died is handed to another (casework.worker).
TASKS = {"default": {"BACKEND": env_str("TECHPOLICY_TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}

# --- transport security (production) --------------------------------------------------------
# On by default whenever debug is off; a TLS-terminating proxy in front declares itself with
# TECHPOLICY_PROXY_SSL_HEADER=1 (it must set X-Forwarded-Proto and strip it from clients).
_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("TECHPOLICY_SSL_REDIRECT", _SECURE)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("TECHPOLICY_SECURE_COOKIES", _SECURE)
SECURE_HSTS_SECONDS = env_int("TECHPOLICY_HSTS_SECONDS", 31_536_000 if _SECURE else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("TECHPOLICY_HSTS_INCLUDE_SUBDOMAINS", _SECURE)
SECURE_HSTS_PRELOAD = env_bool("TECHPOLICY_HSTS_PRELOAD", _SECURE)
if env_bool("TECHPOLICY_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: every asset is served by this site (offline works), nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("TECHPOLICY_LOG_LEVEL", "WARNING")},
}

# --- input bounds (system settings, not law) ------------------------------------------------
# The ownership structure of an applicant (001 p.7(4)) is a graph the applicant describes: its
# size and depth are bounded so that no request can make the server work without end.
TECHPOLICY_OWNERSHIP_MAX_ENTITIES = env_int("TECHPOLICY_OWNERSHIP_MAX_ENTITIES", 1000, minimum=1)
TECHPOLICY_OWNERSHIP_MAX_DEPTH = env_int("TECHPOLICY_OWNERSHIP_MAX_DEPTH", 64, minimum=1)
