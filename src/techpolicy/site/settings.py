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
    # django-ninja as an app serves the API documentation from this site's static files; without it
    # the page loads its script from a CDN, which the Content-Security-Policy (and offline use) forbids.
    "ninja",
    "techpolicy.site",
    "techpolicy.accounts",
    "techpolicy.casework",
    "techpolicy.services.technopark",
    "techpolicy.services.productivity",
    "techpolicy.forecasting.studies",
    "techpolicy.services.competence_centres",
    "techpolicy.services.technology_platforms",
    "techpolicy.services.targeted_programmes",
    "techpolicy.services.innovation_grants",
    "techpolicy.monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the locale middleware, so that it sees the API's final 404 and 405 (api.contract).
    "techpolicy.api.contract.DjangoErrorsInTheAPIShape",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "techpolicy.api.contract.LanguageOfTheQuery",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # The limit on anonymous writes (site.throttle): after authentication (signed-in users are not
    # limited by it) and the locale (its page speaks the user's language), and inside the
    # middlewares that add security headers, so that its refusals carry them too.
    "techpolicy.site.throttle.AnonymousWriteThrottle",
    # Refuses control characters in a page's path, query and form fields with a 400 page, before
    # any view reads them (issue 8, finding 8); after the middlewares whose headers that page needs.
    "techpolicy.site.input_guard.RefuseControlCharacters",
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
    # The write-ahead log: a commit appends to one file instead of writing, syncing and deleting a
    # rollback journal (a few milliseconds on every anonymous write, whose counter site.throttle
    # keeps), and pages are read while another connection writes. Durability is unchanged (each
    # commit is still synced); the database's directory holds its -wal and -shm files beside it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": env_int("TECHPOLICY_SQLITE_BUSY_TIMEOUT", 20, minimum=1), "transaction_mode": "IMMEDIATE",
         "init_command": "PRAGMA journal_mode=WAL"})

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
# A success forgets only that account's failures from that address (site.login_throttle): axes's
# AXES_RESET_ON_SUCCESS would also clear every failure from the address, a way round the limit.
AXES_RESET_ON_SUCCESS = False
# The lockout page in the user's language, 429 with Retry-After (site.login_throttle.locked_out).
AXES_LOCKOUT_CALLABLE = "techpolicy.site.login_throttle.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_USERNAME_CALLABLE = "techpolicy.site.login_throttle.attempted_username"  # bounded to axes's column
# Behind TECHPOLICY_PROXY_COUNT reverse proxies the client's address is read from X-Forwarded-For
# (site.client), by the login throttle and the anonymous write limit alike; with no proxy declared
# the header is ignored, since any client could forge it. (axes's own AXES_IPWARE_* settings would
# need django-ipware, which is not installed.)
TECHPOLICY_PROXY_COUNT = env_int("TECHPOLICY_PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "techpolicy.site.client.client_address"
# Writes (POST, PUT, PATCH, DELETE) without signing in, per client network and minute (site.throttle).
TECHPOLICY_ANON_WRITES_PER_MINUTE = env_int("TECHPOLICY_ANON_WRITES_PER_MINUTE", 30, minimum=1)

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
# Number formats of the languages Django has none for (kk), see site/formats.
FORMAT_MODULE_PATH = ["techpolicy.site.formats"]
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
# A running task whose worker has not written its heartbeat for this long is given to another worker.
TECHPOLICY_TASK_LEASE_SECONDS = env_int("TECHPOLICY_TASK_LEASE_SECONDS", 30, minimum=1)
# Generated files (certificates, reports, what-if results) are kept this long, then made anew on request.
TECHPOLICY_GENERATED_FILE_DAYS = env_int("TECHPOLICY_GENERATED_FILE_DAYS", 30, minimum=1)

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
# The REST API's JSON bodies and lists (issue 8, findings 6-7; see api/body.py, api/common.py):
# a body larger than MAX_BODY_BYTES is refused with 413 before it is read, one nesting arrays and
# objects deeper than MAX_JSON_DEPTH with 422 before it is decoded; `offset` of a list is at most
# MAX_OFFSET (read when the API is loaded).
TECHPOLICY_API_MAX_BODY_BYTES = env_int("TECHPOLICY_API_MAX_BODY_BYTES", 1024 * 1024, minimum=1024)
TECHPOLICY_API_MAX_JSON_DEPTH = env_int("TECHPOLICY_API_MAX_JSON_DEPTH", 32, minimum=2)
TECHPOLICY_API_MAX_OFFSET = env_int("TECHPOLICY_API_MAX_OFFSET", 1_000_000, minimum=0)
