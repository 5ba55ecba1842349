"""Django settings. Defaults run the embedded SQLite database; production sets environment
variables (DATABASE_URL for PostgreSQL, TECHPOLICY_SECRET_KEY, TECHPOLICY_DEBUG=0, ...)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Runtime data (SQLite file, uploads) lives outside the package and outside any web root.
DATA_DIR = Path(os.environ.get("TECHPOLICY_DATA_DIR", Path.cwd() / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("TECHPOLICY_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("TECHPOLICY_SECRET_KEY", "dev-only-insecure-key-change-in-production")
ALLOWED_HOSTS = os.environ.get("TECHPOLICY_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
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
        conn_max_age=int(os.environ.get("TECHPOLICY_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a concurrent writer instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

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

TECHPOLICY_MAX_UPLOAD_BYTES = int(os.environ.get("TECHPOLICY_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
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

EMAIL_BACKEND = os.environ.get(
    "TECHPOLICY_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("TECHPOLICY_FROM_EMAIL", "noreply@techpolicy.kz")
TECHPOLICY_PUBLIC_URL = os.environ.get("TECHPOLICY_PUBLIC_URL", "http://127.0.0.1:8000")

# Background work goes through Django's task API. The immediate backend runs a task when it is
# enqueued (after the transaction commits); production may point this at a queue backend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TECHPOLICY_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TECHPOLICY_LOG_LEVEL", "WARNING")},
}
