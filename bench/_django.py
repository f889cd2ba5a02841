"""Set up Django on a throw-away SQLite file for a benchmark script."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(name: str) -> Path:
    """Point DATABASE_URL at a fresh SQLite file (unless one is given), set up
    Django with the test settings and migrate. Returns the database path."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    directory = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    database = directory / "bench.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return database
