"""Load benchmark: what each page and endpoint a student touches costs, through
gunicorn on PostgreSQL (+ Redis when it answers), at several data sizes, each
measured beside a bare JSON view and the health endpoint in the same run.

    .venv/bin/python bench/bench_load.py                        # every size (seeds once each)
    .venv/bin/python bench/bench_load.py --sizes 1x1k,logs10k --rounds 30   # a quick one
    .venv/bin/python bench/bench_load.py --drop                 # ... and drop the databases

Data sizes (`--sizes`, one database each, `<--db-prefix>_<size>`, kept between runs:
seeding is idempotent, so a second run skips it; `seed_load` makes histories of a
real student's shape and says how long it took):

    1x1k      1 student x 1,000 cards        (a tenth reviewed)
    1x100k    1 student x 100,000 cards      (a tenth reviewed: ~100k logs)
    100x10k   100 students x 10,000 cards    (a tenth reviewed)
    logs10k   1 student x 10,000 cards, ~10,000 review logs
    logs1m    1 student x 100,000 cards, all reviewed over ten years: ~1,000,000 logs
    quiz10    1 student x 1,000 cards, 10 finished quizzes
    quiz10k   1 student x 1,000 cards, 10,000 finished quizzes (the API progress)

For each size: migrate, seed, mint tokens and sessions, count the SQL queries of one
request of each endpoint, start gunicorn (--workers, default 3), then drive it from a
second process:
1. isolated: --rounds rounds, one request at a time, round-robin over health, the bare
   view, the API study queue, a review POST (of a card the queue just returned), the
   `/study/` page, home, `/progress/` and the API's `progress/`, each student in turn. Every request is alone
   on the server, so its latency is its own cost; interleaving keeps the machine's
   drift (other processes) out of the ratios.
2. offline batch: POST /api/v1/reviews/batch/ with 500 new cards' answers (up to three).
3. mixed: --threads client threads for --mix-seconds of the same endpoints at once
   (health waits behind slow requests in the same workers: ratios in the mix are
   flattered; the isolated ones are the targets).

Prints, per size, p50/p90 and the ratio of each p50 to health's p50, then a summary
table of all sizes. Goals (issue 16): queue, `/study/` and review <= 3x health; home,
`/progress/` and the API's `progress/` (`api_progress`) <= 5x; both flat over sizes; batch >= 1,500 reviews/s. The load
average is printed: the ratios within one run are what count on a shared machine.
Not a test: nothing asserts; `--json FILE` keeps the figures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]

SIZES: dict[str, list[str]] = {
    "1x1k": ["--students", "1", "--cards", "1000"],
    "1x100k": ["--students", "1", "--cards", "100000"],
    "100x10k": ["--students", "100", "--cards", "10000"],
    "logs10k": ["--students", "1", "--cards", "10000", "--reviewed-fraction", "0.15"],
    "logs1m": [
        "--students", "1", "--cards", "100000", "--reviewed-fraction", "1",
        "--logs-per-card", "14", "--days", "3650",
    ],
    "quiz10": ["--students", "1", "--cards", "1000", "--quizzes", "10"],
    "quiz10k": ["--students", "1", "--cards", "1000", "--quizzes", "10000"],
}  # fmt: skip

ENDPOINTS = ("health", "bare", "queue", "review", "study", "home", "progress", "api_progress")
TARGETS = {"queue": 3, "review": 3, "study": 3, "home": 5, "progress": 5, "api_progress": 5}
GET_PATHS = {
    "health": "/api/v1/health/",
    "bare": "/bench/bare/",
    "queue": "/api/v1/study/queue/?limit=20",
    "study": "/study/",
    "home": "/",
    "progress": "/progress/",
    "api_progress": "/api/v1/progress/",
}
API = {"health", "bare", "queue", "review", "review_batch", "api_progress"}

PREPARE_SCRIPT = """
import json, uuid
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from learning.models import Card, ReviewLog
users = list(get_user_model().objects.filter(username__startswith="load-0").order_by("username"))
out = {"tokens": [], "sessions": [], "batch_cards": []}
for user in users:
    out["tokens"].append(Token.objects.get_or_create(user=user)[0].key)
    web = Client()
    web.force_login(user)
    out["sessions"].append(web.cookies["sessionid"].value)
first = users[0]
new_cards = list(
    Card.objects.filter(user=first, state=0).order_by("-id").values_list("id", flat=True)[:1500]
)
out["batch_cards"] = [new_cards[i : i + 500] for i in range(0, len(new_cards) - 499, 500)]
out["cards"] = Card.objects.count()
out["logs"] = ReviewLog.objects.count()
out["first_student_logs"] = ReviewLog.objects.filter(user=first).count()
out["first_student_cards"] = Card.objects.filter(user=first).count()
api = Client(HTTP_AUTHORIZATION=f"Token {out['tokens'][0]}")
web = Client()
web.force_login(first)
def count(call):
    call()  # warm: caches, first-time rows
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    return {"status": response.status_code, "queries": len(ctx)}
queries = {
    "health": count(lambda: api.get("/api/v1/health/")),
    "bare": count(lambda: api.get("/bench/bare/")),
    "queue": count(lambda: api.get("/api/v1/study/queue/?limit=20")),
    "study": count(lambda: web.get("/study/")),
    "home": count(lambda: web.get("/")),
    "progress": count(lambda: web.get("/progress/")),
    "api_progress": count(lambda: api.get("/api/v1/progress/")),
}
items = iter(api.get("/api/v1/study/queue/?limit=20").json()["items"])
queries["review"] = count(lambda: api.post(
    "/api/v1/reviews/",
    {"card": next(items)["card"], "rating": 3, "client_uuid": str(uuid.uuid4())},
    content_type="application/json",
))
out["queries"] = queries
print(json.dumps(out))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers(url: str) -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=1).ping())
    except Exception:
        return False


def ensure_database(pg: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def vacuum_analyze(pg: str, name: str) -> None:
    """The database as a live site's autovacuum keeps it, after seeding: planner
    statistics of every table (a column added by a migration after seeding has
    none, and plans go wrong without) and the visibility map set, so index-only
    scans read no table page (a freshly seeded table has every page unmarked)."""
    import psycopg

    with psycopg.connect(f"{pg}/{name}", autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def drop_database(pg: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"dropped database {name}")


def server_env(args, database: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": args.secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"{args.pg}/{database}",
        # Throttling stays on (its cache round trips are part of the cost) at rates
        # a benchmark of 100 users from one address cannot reach.
        "THROTTLE_USER": "10000000/hour",
        "THROTTLE_REVIEWS": "1000000/min",
        "THROTTLE_LOGIN": "100000/min",
        "CELERY_BROKER_URL": "",
    }
    redis_url = f"redis://127.0.0.1:6379/{args.redis_db}"
    if not args.no_redis and redis_answers(redis_url):
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def run(cmd, env, **kwargs) -> subprocess.CompletedProcess:
    completed = subprocess.run(cmd, cwd=ROOT, env=env, text=True, **kwargs)
    if completed.returncode:
        sys.stderr.write((completed.stderr or "")[-3000:])
        raise SystemExit(f"{' '.join(cmd[:3])}... exited with {completed.returncode}")
    return completed


def last_line(completed: subprocess.CompletedProcess) -> str:
    return completed.stdout.strip().splitlines()[-1]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


# --- the load generator (runs in its own process) ---------------------------------


class Driver:
    """HTTP requests of one client thread, timed, with the student's credentials."""

    def __init__(self, port: int, plan: dict, samples: dict, errors: dict, lock):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.plan, self.samples, self.errors, self.lock = plan, samples, errors, lock

    def request(self, kind: str, method: str, path: str, student: int, body=None):
        headers = {"Accept": "application/json" if kind in API else "text/html"}
        if kind in API and kind not in ("health", "bare"):
            headers["Authorization"] = f"Token {self.plan['tokens'][student]}"
        elif kind not in API:
            headers["Cookie"] = f"sessionid={self.plan['sessions'][student]}"
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=payload, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
            elapsed = time.perf_counter() - started
        except (OSError, http.client.HTTPException) as exc:
            self.conn.close()
            with self.lock:
                self.errors[kind].append(f"{type(exc).__name__}: {exc}")
            return None
        with self.lock:
            self.samples[kind].append(elapsed)
            if response.status >= 400:
                self.errors[kind].append(f"{response.status}: {data[:200]!r}")
        if response.status >= 400 or kind not in ("queue", "review_batch"):
            return None
        return json.loads(data) if data else {}

    def review(self, student: int, card: int, rng: random.Random, kind: str = "review"):
        body = {
            "card": card,
            "rating": rng.choices([1, 2, 3, 4], [0.12, 0.13, 0.65, 0.10])[0],
            "client_uuid": str(uuid.uuid4()),
            "duration_ms": rng.randint(1500, 15000),
        }
        self.request(kind, "POST", "/api/v1/reviews/", student, body)

    def queue_cards(self, student: int, kind: str = "queue") -> list[int]:
        body = self.request(kind, "GET", GET_PATHS["queue"], student)
        return [item["card"] for item in (body or {}).get("items", [])]


def client_main(args) -> None:
    """The three phases in turn (isolated, offline batches, mixed); their figures as
    one JSON line on stdout."""
    plan = json.loads(Path(args.plan_file).read_text())
    lock = threading.Lock()
    rng = random.Random(1)
    out = {
        "isolated": _isolated_phase(args, plan, lock, rng),
        "batch": _batch_phase(args, plan, lock, rng),
        "mixed": _mixed_phase(args, plan, lock),
    }
    print(json.dumps(out))


def _isolated_phase(args, plan: dict, lock: threading.Lock, rng: random.Random) -> dict:
    students = len(plan["tokens"])
    # 1. isolated: one request at a time, round-robin over the endpoints.
    samples: dict[str, list[float]] = {kind: [] for kind in ENDPOINTS}
    errors: dict[str, list[str]] = {kind: [] for kind in ENDPOINTS}
    driver = Driver(args.port, plan, samples, errors, lock)
    for kind in ENDPOINTS:  # warm every worker's caches and imports
        for _ in range(args.workers):
            if kind != "review":
                driver.request(kind, "GET", GET_PATHS[kind], 0)
    for kind in ENDPOINTS:
        samples[kind].clear()
        errors[kind].clear()
    started = time.monotonic()
    for number in range(args.rounds):
        student = number % students
        driver.request("health", "GET", GET_PATHS["health"], student)
        driver.request("bare", "GET", GET_PATHS["bare"], student)
        cards = driver.queue_cards(student)
        if cards:
            driver.review(student, rng.choice(cards), rng)
        for kind in ("study", "home", "progress", "api_progress"):
            driver.request(kind, "GET", GET_PATHS[kind], student)
    return {
        "wall_seconds": time.monotonic() - started,
        "samples": samples,
        "errors": errors,
    }


def _batch_phase(args, plan: dict, lock: threading.Lock, rng: random.Random) -> dict:
    # 2. offline batches of 500 answers to new cards.
    batch_samples: dict[str, list[float]] = {"review_batch": []}
    batch_errors: dict[str, list[str]] = {"review_batch": []}
    batcher = Driver(args.port, plan, batch_samples, batch_errors, lock)
    moment = datetime.now(UTC) - timedelta(hours=2)
    for chunk in plan["batch_cards"][:3]:
        items = []
        for card in chunk:
            moment += timedelta(seconds=5)
            items.append(
                {
                    "card": card,
                    "rating": rng.choice([1, 3, 3, 3, 4]),
                    "reviewed_at": moment.isoformat(),
                    "client_uuid": str(uuid.uuid4()),
                }
            )
        batcher.request("review_batch", "POST", "/api/v1/reviews/batch/", 0, {"reviews": items})
    return {
        "sizes": [len(chunk) for chunk in plan["batch_cards"][:3]],
        "samples": batch_samples["review_batch"],
        "errors": batch_errors["review_batch"],
    }


def _mixed_phase(args, plan: dict, lock: threading.Lock) -> dict:
    students = len(plan["tokens"])
    # 3. mixed traffic from several threads.
    mixed: dict[str, list[float]] = {kind: [] for kind in ENDPOINTS}
    mixed_errors: dict[str, list[str]] = {kind: [] for kind in ENDPOINTS}
    deadline = time.monotonic() + args.mix_seconds
    weights = {"health": 0.15, "queue": 0.3, "review": 0.3, "study": 0.1, "home": 0.075}
    weights["progress"] = weights["api_progress"] = 0.075

    def worker(seed: int) -> None:
        wrng = random.Random(seed)
        wdriver = Driver(args.port, plan, mixed, mixed_errors, lock)
        pending: dict[int, list[int]] = {}  # student -> cards the queue gave them
        while time.monotonic() < deadline:
            student = wrng.randrange(students)
            kind = wrng.choices(list(weights), list(weights.values()))[0]
            if kind == "review" and pending.get(student):
                wdriver.review(student, pending[student].pop(), wrng)
            elif kind in ("queue", "review"):
                pending[student] = wdriver.queue_cards(student)[:5]
            else:
                wdriver.request(kind, "GET", GET_PATHS[kind], student)
        wdriver.conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "wall_seconds": time.monotonic() - started,
        "samples": mixed,
        "errors": mixed_errors,
    }


# --- orchestration -----------------------------------------------------------------


def summarise(phase: dict) -> dict:
    rows = {}
    for kind, values in phase["samples"].items():
        ms = [v * 1000 for v in values]
        rows[kind] = {
            "requests": len(values),
            "p50_ms": percentile(ms, 50),
            "p90_ms": percentile(ms, 90),
            "p99_ms": percentile(ms, 99),
            "mean_ms": statistics.fmean(ms) if ms else float("nan"),
            "errors": len(phase["errors"][kind]),
            "error_examples": phase["errors"][kind][:3],
        }
    health = rows["health"]["p50_ms"]
    for row in rows.values():
        row["x_health"] = row["p50_ms"] / health if health else float("nan")
    wall = phase["wall_seconds"]
    return {"wall_seconds": wall, "rps": sum(len(v) for v in phase["samples"].values()) / wall,
            "endpoints": rows}  # fmt: skip


def print_table(title: str, summary: dict) -> None:
    print(f"  {title}: {summary['rps']:.0f} req/s over {summary['wall_seconds']:.1f} s")
    print(f"  {'endpoint':<12} {'n':>5} {'p50 ms':>8} {'p90 ms':>8} {'x health':>9} {'goal':>6} "
          f"{'errors':>6}")  # fmt: skip
    for kind, row in summary["endpoints"].items():
        goal = f"<={TARGETS[kind]}x" if kind in TARGETS else ""
        print(
            f"  {kind:<12} {row['requests']:>5} {row['p50_ms']:>8.1f} {row['p90_ms']:>8.1f} "
            f"{row['x_health']:>9.1f} {goal:>6} {row['errors']:>6}"
        )
        for example in row["error_examples"]:
            print(f"      error: {example}")


def wait_healthy(port: int, server: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/health/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not become healthy")


def run_size(args, size: str) -> dict:
    database = f"{args.db_prefix}_{size.lower()}"
    print(f"\n=== {size}: database {database} ===")
    ensure_database(args.pg, database)
    env = server_env(args, database)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.base"  # management commands
    run([*MANAGE, "migrate", "--noinput", "-v0"], env)
    if not args.collected:  # pages render {% static %} through the manifest
        run([*MANAGE, "collectstatic", "--noinput", "-v0"], env)
        args.collected = True
    started = time.monotonic()
    seeded = run([*MANAGE, "seed_load", *SIZES[size]], env, capture_output=True)
    seed_wall = time.monotonic() - started
    print(f"seed_load {' '.join(SIZES[size])}: {last_line(seeded)} [{seed_wall:.1f} s wall]")
    started = time.monotonic()
    vacuum_analyze(args.pg, database)
    print(f"VACUUM ANALYZE [{time.monotonic() - started:.1f} s]")
    env["DJANGO_SETTINGS_MODULE"] = "bench.load_settings"
    plan = json.loads(
        last_line(run([*MANAGE, "shell", "-v", "0", "-c", PREPARE_SCRIPT], env,
                      capture_output=True))
    )  # fmt: skip
    print(
        f"data: {plan['cards']} cards, {plan['logs']} review logs in all; load-0001 has "
        f"{plan['first_student_cards']} cards and {plan['first_student_logs']} logs"
    )
    print("queries per request:", {k: v["queries"] for k, v in plan["queries"].items()})
    bad = {k: v["status"] for k, v in plan["queries"].items() if v["status"] >= 400}
    if bad:
        print("  statuses >= 400 in the query count:", bad)

    port = free_port()
    gunicorn_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_ACCESSLOG": "",
        "GUNICORN_LOGLEVEL": "warning",
        "GUNICORN_MAX_REQUESTS": "0",
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(plan, handle)
        plan_file = handle.name
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=gunicorn_env,
    )
    load_before = os.getloadavg()[0]
    try:
        wait_healthy(port, server)
        client = run(
            [
                PYTHON, __file__, "--client", "--port", str(port), "--plan-file", plan_file,
                "--rounds", str(args.rounds), "--mix-seconds", str(args.mix_seconds),
                "--threads", str(args.threads), "--workers", str(args.workers),
            ],
            env,
            capture_output=True,
        )  # fmt: skip
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        os.unlink(plan_file)
    load_after = os.getloadavg()[0]
    raw = json.loads(last_line(client))
    isolated = summarise(raw["isolated"])
    mixed = summarise(raw["mixed"])
    batch = raw["batch"]
    batch_rates = [n / t for n, t in zip(batch["sizes"], batch["samples"], strict=False) if t]
    print(f"load average {load_before:.1f} before / {load_after:.1f} after "
          f"({os.cpu_count()} CPUs shared with other processes)")  # fmt: skip
    print_table("isolated (one request at a time)", isolated)
    if batch_rates:
        print(
            f"  offline batch: {len(batch_rates)} x 500 answers, "
            f"{statistics.median(batch_rates):.0f} reviews/s (median; goal >= 1,500), "
            f"errors {len(batch['errors'])} {batch['errors'][:1]}"
        )
    print_table(f"mixed ({args.threads} threads)", mixed)
    return {
        "size": size,
        "seed": {"args": SIZES[size], "output": last_line(seeded), "wall_seconds": seed_wall},
        "data": {k: plan[k] for k in ("cards", "logs", "first_student_cards",
                                      "first_student_logs")},
        "queries": plan["queries"],
        "load_average": [load_before, load_after],
        "isolated": isolated,
        "mixed": mixed,
        "batch_reviews_per_second": batch_rates,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"of {', '.join(SIZES)}")
    parser.add_argument("--rounds", type=int, default=60, help="isolated rounds per size")
    parser.add_argument("--mix-seconds", type=float, default=20)
    parser.add_argument("--threads", type=int, default=6, help="client threads in the mix")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db-prefix", default="newsquiz_load")
    parser.add_argument("--redis-db", type=int, default=11)
    parser.add_argument("--no-redis", action="store_true")
    parser.add_argument("--drop", action="store_true", help="drop the databases at the end")
    parser.add_argument("--json", help="also write the figures to this file")
    # internal: the load generator process
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--plan-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client_main(args)
        return
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    unknown = [size for size in sizes if size not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; known: {', '.join(SIZES)}")
    args.secret_key = secrets.token_urlsafe(50)
    args.collected = False
    results = []
    try:
        for size in sizes:
            results.append(run_size(args, size))
    finally:
        if args.drop:
            for size in sizes:
                drop_database(args.pg, f"{args.db_prefix}_{size.lower()}")

    print("\n=== summary: isolated p50 ms (x health) ===")
    print(f"{'size':<9}" + "".join(f"{kind:>16}" for kind in ENDPOINTS) + f"{'batch/s':>9}")
    for result in results:
        rows = result["isolated"]["endpoints"]
        cells = "".join(
            f"{rows[kind]['p50_ms']:>8.1f} ({rows[kind]['x_health']:>4.1f}x)" for kind in ENDPOINTS
        )
        rates = result["batch_reviews_per_second"]
        batch = f"{statistics.median(rates):>9.0f}" if rates else f"{'-':>9}"
        print(f"{result['size']:<9}{cells}{batch}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
