# Two commands set everything up: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run setup serve test browser lint format bench bench-load worker clean

$(PY):
	python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Development server: migrate, load the sample article, its bank and demo users, serve.
run: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py setup_demo
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

## The seeding step alone (idempotent).
setup: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py setup_demo

## Production-like serving: gunicorn + whitenoise (set DJANGO_SECRET_KEY, hosts, DATABASE_URL).
serve: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-0} $(PY) manage.py collectstatic --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-0} $(PY) manage.py migrate --noinput
	$(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO

## TEST_WORKERS: pytest-xdist processes (one per core; each gets its own test database).
TEST_WORKERS ?= 2

## The whole suite (SQLite unless DATABASE_URL is set), browser tests included, after lint.
test: lint browser
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile

## The browser of the end-to-end tests (tests/e2e), installed when missing: apt-get as root,
## else through `sudo -n`. Fails (the browser tests never skip) when it still is not there.
CHROMIUM ?= $(or $(E2E_CHROMIUM),/usr/bin/chromium)
browser:
	@test -x $(CHROMIUM) || { \
	  echo "Chromium is missing at $(CHROMIUM): installing it (apt-get install -y chromium)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo "sudo -n"); \
	  { $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  } || true; }
	@test -x $(CHROMIUM) || { \
	  echo "Chromium is still missing at $(CHROMIUM): install it (apt-get install -y chromium)" >&2; \
	  exit 1; }

## Static checks (also run by .pre-commit-config.yaml): style, no copy of evaluation text in
## quizzes/ or tests/ (8 words in a row), no pattern built from article words compiled
## past regex()'s cache (check_built_patterns.py), the import contracts in .importlinter, types (mypy,
## pyproject.toml), dead code (vulture, [tool.vulture] in pyproject.toml) and no model
## change without its migration.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) scripts/check_eval_copies.py
	$(PY) scripts/check_built_patterns.py
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(VENV)/bin/vulture
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Benchmarks print figures (never timed assertions in tests). The load test is separate: it
## seeds 1,000,000 cards on PostgreSQL and drives gunicorn (`make bench-load`).
bench: install
	$(PY) bench/bench_generation.py
	$(PY) bench/bench_countries_events.py
	$(PY) bench/bench_scheduler.py
	$(PY) bench/bench_calibration.py
	$(PY) bench/bench_interop.py
	$(PY) bench/bench_forged_archives.py
	$(PY) bench/bench_web_pages.py
	$(PY) bench/bench_class_progress.py

bench-load: install
	$(PY) bench/bench_load.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
