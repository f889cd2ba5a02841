"""Load benchmark: gunicorn + PostgreSQL (+ Redis when it answers), 100 students x
10,000 cards (1,000,000 review logs), mixed traffic of queue reads and review
posts, with the health endpoint measured in the same run as the floor.

    .venv/bin/python bench/bench_load.py                  # the full run (seeds once, ~1-2 min)
    .venv/bin/python bench/bench_load.py --students 5 --cards 500 --requests 600   # a quick one

Steps: create the database (default `newsquiz_load`, kept between runs: seeding is
idempotent, so a second run skips it), migrate, `seed_load`, mint API tokens, count
the database queries of one queue read and one review post at two queue sizes,
start gunicorn on a free port of 127.0.0.1, then drive it from a second process
(threads + http.client) until --requests are done or --duration seconds pass.
Prints requests/s and p50/p90/p99 per endpoint, errors, and whether the targets
hold (zero errors; queue and review p50 at most 3x the health endpoint's).
Not a test: nothing here asserts; `--json FILE` keeps the figures.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]

TOKENS_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
users = get_user_model().objects.filter(username__startswith="load-0").order_by("username")
tokens = [Token.objects.get_or_create(user=u)[0].key for u in users[:STUDENTS]]
print(json.dumps(tokens))
"""

QUERIES_SCRIPT = """
import json, uuid
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
token = Token.objects.get(user__username="load-0001").key
client = Client(HTTP_AUTHORIZATION=f"Token {token}")
out = {}
for limit in (5, 50):
    client.get(f"/api/v1/study/queue/?limit={limit}")  # warm (first-time card creation, caches)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/api/v1/study/queue/?limit={limit}")
    out[f"queue_limit_{limit}"] = {"status": response.status_code, "queries": len(ctx)}
items = client.get("/api/v1/study/queue/?limit=50").json()["items"]
for name, item in (("review_first", items[0]), ("review_second", items[1])):
    body = {"card": item["card"], "rating": 3, "client_uuid": str(uuid.uuid4())}
    with CaptureQueriesContext(connection) as ctx:
        response = client.post("/api/v1/reviews/", body, content_type="application/json")
    out[name] = {"status": response.status_code, "queries": len(ctx)}
with CaptureQueriesContext(connection) as ctx:
    response = client.get("/api/v1/health/")
out["health"] = {"status": response.status_code, "queries": len(ctx)}
# Service time in one process, no concurrency: median of 30 calls each.
import statistics, time
def median_ms(call):
    times = []
    for _ in range(30):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)
queue_items = iter(client.get("/api/v1/study/queue/?limit=100").json()["items"] * 2)
out["service_ms"] = {
    "health": median_ms(lambda: client.get("/api/v1/health/")),
    "queue": median_ms(lambda: client.get("/api/v1/study/queue/?limit=20")),
    "review": median_ms(lambda: client.post(
        "/api/v1/reviews/",
        {"card": next(queue_items)["card"], "rating": 3, "client_uuid": str(uuid.uuid4())},
        content_type="application/json",
    )),
}
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


def server_env(args) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"{args.pg}/{args.db}",
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
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, text=True, **kwargs)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


# --- the load generator (runs in its own process) ---------------------------------


def client_main(args) -> None:
    tokens = json.loads(Path(args.tokens_file).read_text())
    deadline = time.monotonic() + args.duration
    budget = {"left": args.requests}
    lock = threading.Lock()
    samples: dict[str, list[float]] = {"queue": [], "review": [], "health": []}
    errors: dict[str, list[str]] = {"queue": [], "review": [], "health": []}
    pending: dict[str, list[int]] = {token: [] for token in tokens}

    def take() -> bool:
        with lock:
            if budget["left"] <= 0 or time.monotonic() > deadline:
                return False
            budget["left"] -= 1
            return True

    def request(conn, kind, method, path, token=None, body=None):
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Token {token}"
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            data = response.read()
            elapsed = time.perf_counter() - started
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            with lock:
                errors[kind].append(f"{type(exc).__name__}: {exc}")
            return None
        with lock:
            samples[kind].append(elapsed)
            if response.status >= 400:
                errors[kind].append(f"{response.status}: {data[:200]!r}")
        if response.status >= 400:
            return None
        return json.loads(data) if data else {}

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
        while take():
            roll = rng.random()
            if roll < args.health_share:
                request(conn, "health", "GET", "/api/v1/health/")
                continue
            token = rng.choice(tokens)
            with lock:
                card = pending[token].pop() if pending[token] else None
            if card is None or roll < args.health_share + (1 - args.health_share) / 2:
                body = request(conn, "queue", "GET", "/api/v1/study/queue/?limit=20", token)
                if body:
                    cards = [item["card"] for item in body.get("items", [])]
                    rng.shuffle(cards)
                    with lock:
                        pending[token] = cards[:5]
                if card is not None:
                    with lock:
                        pending[token].append(card)
                continue
            review = {
                "card": card,
                "rating": rng.choices([1, 2, 3, 4], [0.12, 0.13, 0.65, 0.10])[0],
                "client_uuid": str(uuid.uuid4()),
                "duration_ms": rng.randint(1500, 15000),
            }
            request(conn, "review", "POST", "/api/v1/reviews/", token, review)
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    print(
        json.dumps(
            {
                "wall_seconds": wall,
                "samples": samples,
                "errors": {kind: values[:5] for kind, values in errors.items()},
                "error_counts": {kind: len(values) for kind, values in errors.items()},
            }
        )
    )


# --- orchestration -----------------------------------------------------------------


def summarise(raw: dict) -> dict:
    wall = raw["wall_seconds"]
    total = sum(len(v) for v in raw["samples"].values())
    endpoints = {}
    for kind, values in raw["samples"].items():
        ms = [v * 1000 for v in values]
        endpoints[kind] = {
            "requests": len(values),
            "rps": len(values) / wall if wall else 0.0,
            "p50_ms": percentile(ms, 50),
            "p90_ms": percentile(ms, 90),
            "p99_ms": percentile(ms, 99),
            "mean_ms": statistics.fmean(ms) if ms else float("nan"),
            "errors": raw["error_counts"][kind],
        }
    health = endpoints["health"]["p50_ms"]
    return {
        "wall_seconds": wall,
        "requests": total,
        "rps": total / wall if wall else 0.0,
        "endpoints": endpoints,
        "error_examples": raw["errors"],
        "targets": {
            "zero_errors": all(e["errors"] == 0 for e in endpoints.values()),
            "queue_p50_over_health_p50": endpoints["queue"]["p50_ms"] / health,
            "review_p50_over_health_p50": endpoints["review"]["p50_ms"] / health,
        },
    }


def wait_healthy(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=6000, help="total request budget")
    parser.add_argument("--duration", type=float, default=120, help="time budget (s)")
    parser.add_argument("--threads", type=int, default=6, help="client threads")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--health-share", type=float, default=0.2)
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db", default="newsquiz_load")
    parser.add_argument("--redis-db", type=int, default=11)
    parser.add_argument("--no-redis", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    # internal: the load generator process
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--tokens-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client_main(args)
        return

    ensure_database(args.pg, args.db)
    env = server_env(args)
    print(
        f"database {args.db}, cache {'redis ' + env['REDIS_URL'] if 'REDIS_URL' in env else 'locmem'}"
    )
    run([*MANAGE, "migrate", "--noinput", "-v0"], env)
    started = time.monotonic()
    seeded = run(
        [*MANAGE, "seed_load", "--students", str(args.students), "--cards", str(args.cards)],
        env,
        capture_output=True,
    )
    seed_seconds = time.monotonic() - started
    print(seeded.stdout.strip(), f"[{seed_seconds:.1f} s wall]")
    counts = (
        run(
            [
                *MANAGE,
                "shell",
                "-v",
                "0",
                "-c",
                "from learning.models import Card, ReviewLog; "
                "print(Card.objects.count(), ReviewLog.objects.count())",
            ],
            env,
            capture_output=True,
        )
        .stdout.strip()
        .splitlines()[-1]
        .split()
    )
    print(f"cards in the database: {counts[0]}, review logs: {counts[1]}")

    tokens = json.loads(
        run(
            [
                *MANAGE,
                "shell",
                "-v",
                "0",
                "-c",
                TOKENS_SCRIPT.replace("STUDENTS", str(int(args.students))),
            ],
            env,
            capture_output=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    queries = json.loads(
        run([*MANAGE, "shell", "-v", "0", "-c", QUERIES_SCRIPT], env, capture_output=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    print("queries per request:", json.dumps(queries))

    port = free_port()
    gunicorn_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_ACCESSLOG": "",
        "GUNICORN_LOGLEVEL": "warning",
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(tokens, handle)
        tokens_file = handle.name
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=gunicorn_env,
    )
    load_before = os.getloadavg()[0]
    try:
        wait_healthy(port, server)
        print(
            f"gunicorn: {args.workers} workers on 127.0.0.1:{port}; load: {args.threads} threads, "
            f"<= {args.requests} requests, <= {args.duration:.0f} s"
        )
        client = subprocess.run(
            [
                PYTHON,
                __file__,
                "--client",
                "--port",
                str(port),
                "--tokens-file",
                tokens_file,
                "--requests",
                str(args.requests),
                "--duration",
                str(args.duration),
                "--threads",
                str(args.threads),
                "--health-share",
                str(args.health_share),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        os.unlink(tokens_file)

    load_after = os.getloadavg()[0]
    figures = summarise(json.loads(client.stdout.strip().splitlines()[-1]))
    figures["machine"] = {
        "cpus": os.cpu_count(),
        "load_average_1min_before": load_before,
        "load_average_1min_after": load_after,
    }
    figures["seed_seconds"] = seed_seconds
    figures["data"] = {"students": args.students, "cards_per_student": args.cards}
    figures["queries_per_request"] = queries
    print()
    print(
        f"machine: {os.cpu_count()} CPUs, load average {load_before:.1f} before / "
        f"{load_after:.1f} after (other processes compete for the same cores)"
    )
    print(
        f"{figures['requests']} requests in {figures['wall_seconds']:.1f} s = "
        f"{figures['rps']:.0f} req/s"
    )
    print(
        f"{'endpoint':<8} {'n':>6} {'req/s':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>7}"
    )
    for kind, row in figures["endpoints"].items():
        print(
            f"{kind:<8} {row['requests']:>6} {row['rps']:>7.1f} {row['p50_ms']:>8.1f} "
            f"{row['p90_ms']:>8.1f} {row['p99_ms']:>8.1f} {row['errors']:>7}"
        )
    targets = figures["targets"]
    print(
        f"targets: zero errors {'OK' if targets['zero_errors'] else 'MISSED'}; "
        f"queue p50 = {targets['queue_p50_over_health_p50']:.1f}x health, "
        f"review p50 = {targets['review_p50_over_health_p50']:.1f}x health (target <= 3x)"
    )
    if not targets["zero_errors"]:
        print("error examples:", json.dumps(figures["error_examples"], indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
