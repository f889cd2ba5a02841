"""Celery app. Slow work (bank generation, parameter fitting) runs here when
CELERY_BROKER_URL is set; without a broker tasks run inline (eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("newsquiz")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
