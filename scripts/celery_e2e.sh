#!/usr/bin/env bash
# End-to-end check of background generation: a real Celery worker against Redis
# and a throw-away PostgreSQL database. One article is submitted through
# quizzes.services.generation_request (what the admin's "Generate questions" calls);
# the job must reach "done" with question counts, in the worker, within the timeout.
#
#   scripts/celery_e2e.sh                 # needs PostgreSQL and Redis on 127.0.0.1
#   REDIS_DB=13 TIMEOUT=240 scripts/celery_e2e.sh
#
# Exit 0 on success; non-zero with the worker's log tail otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
CELERY=${CELERY:-.venv/bin/celery}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
REDIS_DB=${REDIS_DB:-14}
TIMEOUT=${TIMEOUT:-180}
DB="celery_e2e_$(date +%s)_$$"
LOG=$(mktemp /tmp/celery-e2e-worker.XXXXXX.log)

export DJANGO_SETTINGS_MODULE=config.settings.base
export DJANGO_DEBUG=0
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')}
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DATABASE_URL="${PG}/${DB}"
export CELERY_BROKER_URL="redis://127.0.0.1:6379/${REDIS_DB}"
export REDIS_URL="redis://127.0.0.1:6379/${REDIS_DB}"

WORKER_PID=""
cleanup() {
  if [ -n "$WORKER_PID" ] && kill -0 "$WORKER_PID" 2>/dev/null; then
    kill -TERM "$WORKER_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$WORKER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$WORKER_PID" 2>/dev/null || true
  fi
  psql "${PG}/postgres" -qc "DROP DATABASE IF EXISTS ${DB}" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql "${PG}/postgres" -qc "CREATE DATABASE ${DB}"
redis-cli -n "$REDIS_DB" FLUSHDB >/dev/null
$PY manage.py migrate --noinput -v0

echo "=== celery e2e: worker on ${CELERY_BROKER_URL}, database ${DB} ==="
$CELERY -A config worker --loglevel=INFO --concurrency=1 --pool=solo --without-gossip \
  --without-mingle --without-heartbeat >"$LOG" 2>&1 &
WORKER_PID=$!

JOB_ID=$($PY manage.py shell -v 0 -c '
from pathlib import Path
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from quizzes import services
from quizzes.jobs import uses_worker
assert uses_worker(), "CELERY_BROKER_URL is not taking effect"
teacher, _ = get_user_model().objects.get_or_create(username="e2e-teacher", defaults={"is_staff": True})
teacher.groups.add(Group.objects.get(name="Teachers"))
text = Path("fixtures/seed_article.txt").read_text(encoding="utf-8")
article = services.article_create(text=text, title="Celery e2e", created_by=teacher)
job = services.generation_request(article=article, user=teacher)
assert job.status == "queued", job.status
print(job.pk)
' | tail -n 1)
echo "job #${JOB_ID} queued"

deadline=$(( $(date +%s) + TIMEOUT ))
while :; do
  STATUS=$($PY manage.py shell -v 0 -c "
from quizzes.models import GenerationJob
from quizzes.services import generation_summary
job = GenerationJob.objects.get(pk=${JOB_ID})
print(job.status, '|', generation_summary(job.counts) if job.counts else job.error)
" | tail -n 1)
  case "$STATUS" in
    done*)
      CREATED=$($PY manage.py shell -v 0 -c "
from quizzes.models import GenerationJob
print(GenerationJob.objects.get(pk=${JOB_ID}).counts.get('created', 0))" | tail -n 1)
      if [ "${CREATED:-0}" -gt 0 ] && grep -q "quizzes.generate_bank.*succeeded" "$LOG"; then
        echo "OK: job #${JOB_ID} ${STATUS} (run by the worker)"
        break
      fi
      echo "FAILED: job #${JOB_ID} done but created=${CREATED} or not run by the worker"; tail -n 40 "$LOG"; exit 1 ;;
    failed*)
      echo "FAILED: job #${JOB_ID} ${STATUS}"; tail -n 40 "$LOG"; exit 1 ;;
  esac
  if ! kill -0 "$WORKER_PID" 2>/dev/null; then
    echo "FAILED: the worker exited"; tail -n 40 "$LOG"; exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "FAILED: job #${JOB_ID} still '${STATUS}' after ${TIMEOUT} s"; tail -n 40 "$LOG"; exit 1
  fi
  sleep 2
done

# The learner side's task through the same worker: fitting a user's FSRS parameters.
$PY manage.py shell -v 0 -c '
from django.contrib.auth import get_user_model
from learning.tasks import optimize_parameters_task
optimize_parameters_task.delay(get_user_model().objects.get(username="e2e-teacher").pk)
'
deadline=$(( $(date +%s) + 60 ))
until grep -q "learning.optimize_parameters.*succeeded" "$LOG"; do
  if [ "$(date +%s)" -ge "$deadline" ] || ! kill -0 "$WORKER_PID" 2>/dev/null; then
    echo "FAILED: learning.optimize_parameters did not run in the worker"; tail -n 40 "$LOG"; exit 1
  fi
  sleep 1
done
echo "OK: learning.optimize_parameters run by the worker"
