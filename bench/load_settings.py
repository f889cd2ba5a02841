"""Settings of the load benchmark's gunicorn: the project's, plus a bare JSON view
(`/bench/bare/`: no database, no cache) measured beside the health endpoint."""

from config.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.load_urls"
