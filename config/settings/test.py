"""Test settings: the base settings with fast hashing, no HTTPS redirect and
inline Celery. The database still comes from DATABASE_URL (SQLite or PostgreSQL)."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production-" + "x" * 30)

from .base import *  # noqa: E402,F403
from .base import REST_FRAMEWORK  # noqa: E402

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests never run collectstatic: look static files up per request instead of indexing
# an absent STATIC_ROOT at start-up (a "No directory at" warning per test otherwise).
WHITENOISE_AUTOREFRESH = True
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "login": "1000/min",
        "reviews": "100000/min",
        "user": "1000000/hour",
    },
}
AXES_ENABLED = os.environ.get("AXES_ENABLED_IN_TESTS", "0") == "1"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
