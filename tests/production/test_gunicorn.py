"""config/gunicorn.py: valid for gunicorn, driven by the environment, and the app
loads under production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def _production_env(**extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "example.com",
        **extra,
    }


def _print_config(env: dict) -> dict[str, str]:
    completed = subprocess.run(
        [GUNICORN, "--print-config", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return {
        name.strip(): value.strip()
        for name, _, value in (line.partition("=") for line in completed.stdout.splitlines())
    }


def test_gunicorn_accepts_the_config_and_loads_the_app():
    completed = subprocess.run(
        [GUNICORN, "--check-config", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert completed.returncode == 0, completed.stderr


def test_gunicorn_settings_come_from_the_environment():
    config = _print_config(
        _production_env(
            GUNICORN_BIND="0.0.0.0:9000",
            GUNICORN_WORKERS="7",
            GUNICORN_THREADS="4",
            GUNICORN_TIMEOUT="45",
        )
    )

    assert config["bind"] == "['0.0.0.0:9000']"
    assert config["workers"] == "7"
    assert config["threads"] == "4"
    assert config["worker_class"] == "gthread"
    assert config["timeout"] == "45"


def test_gunicorn_defaults_to_sync_workers_on_localhost():
    env = _production_env()
    for name in ("GUNICORN_BIND", "GUNICORN_WORKERS", "GUNICORN_THREADS"):
        env.pop(name, None)

    config = _print_config(env)

    assert config["bind"] == "['127.0.0.1:8000']"
    assert config["worker_class"] == "sync"
    assert int(config["workers"]) == 2 * os.cpu_count() + 1


def test_gunicorn_freezes_the_preloaded_app_before_forking():
    """Objects loaded by the master are frozen out of the collector before each
    fork, so workers keep sharing their memory pages with it."""
    import gc
    import runpy

    hooks = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    gc.unfreeze()
    try:
        hooks["pre_fork"](None, None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


WEB_APP_IMPORTS = """
import sys
import django
django.setup()
import config.wsgi
from django.urls import get_resolver
def walk(resolver):
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            walk(pattern)
        else:
            pattern.callback
walk(get_resolver())
print("spacy" in sys.modules, "quizzes.admin" in sys.modules)
"""


def test_web_process_never_imports_spacy_when_a_broker_does_the_generation():
    """Every view, the admin and the API load without spaCy (three seconds and
    a large part of a worker's memory): generation runs in the Celery worker."""
    completed = subprocess.run(
        [sys.executable, "-c", WEB_APP_IMPORTS],
        cwd=ROOT,
        env=_production_env(CELERY_BROKER_URL="redis://127.0.0.1:6379/8"),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["False", "True"]
