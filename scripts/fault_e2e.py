"""Fault test (run by .ci/run): real services, real faults, in under a minute.

    .venv/bin/python scripts/fault_e2e.py     # needs PostgreSQL on 127.0.0.1, redis-server


Starts two redis-servers of its own (the cache of REDIS_URL and the Celery broker, on
free ports unless FAULT_CACHE_PORT / FAULT_BROKER_PORT are given), gunicorn and a
Celery worker on a throw-away PostgreSQL database. Students send reviews the whole
time (some sent twice with the same client_uuid, as a client retrying does) while:

1. a generation job's pool process is killed (-9) while it runs: the job goes back to
   the queue at once (reject_on_worker_lost) and is run again;
2. the cache's Redis is killed (-9) mid-traffic, a login and a generation are asked
   meanwhile, and it is started again a few seconds later;
3. the whole worker is killed (-9, its pool too) while a job runs; a second worker
   (started idle, on another queue, as a spare machine) is told to take the queue: the
   job is delivered again after the visibility timeout and run again there.

Then it checks: no 5xx at all; every review answered 2xx is stored, exactly once;
none stored twice; every job ended done or failed (the killed ones done, run more
than once); health said 503 naming the cache while it was down, 200 after. Exit 0
with the figures on success, 1 with the reason otherwise.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import redis
import requests

ROOT = Path(__file__).resolve().parent.parent
PY = os.environ.get("PY", str(ROOT / ".venv/bin/python"))
BIN = Path(PY).parent
PG = os.environ.get("PG", "postgres://postgres@127.0.0.1:5432")
STUDENTS = 3
VISIBILITY = 5  # seconds: a lost message is delivered again this long after delivery


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:5.1f} s] {message}", flush=True)


def fail(message: str) -> None:
    raise SystemExit(f"FAILED: {message}")


def wait_for(what: str, check, timeout: float, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    fail(f"{what} (after {timeout:.0f} s)")


class Processes:
    """The processes this script started, each stopped by its own id at the end."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.started: list[subprocess.Popen] = []

    def start(self, name: str, args: list[str], env: dict) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 (kept open while it runs)
        process = subprocess.Popen(args, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                process.terminate()
        for process in self.started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def children_of(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(line) for line in out.stdout.split()]


class Redis:
    def __init__(self, processes: Processes, port: int, name: str, env: dict):
        self.processes, self.port, self.name, self.env = processes, port, name, env
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = self.processes.start(
            self.name,
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", tempfile.gettempdir()],
            self.env,
        )  # fmt: skip
        wait_for(f"{self.name} on port {self.port} to answer", self.answers, 10)

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


class Traffic:
    """Students reviewing cards over the API, every answer recorded."""

    def __init__(self, base: str, tokens: list[str], bank_id: int):
        self.base, self.tokens, self.bank_id = base, tokens, bank_id
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.stored_uuids: set[str] = set()  # answered 2xx
        self.sent_uuids: set[str] = set()
        self.errors: list[str] = []
        self.latencies: list[tuple[float, float]] = []  # (time, seconds)

    def record(self, status: int, seconds: float) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append((time.monotonic(), seconds))

    def student(self, token: str) -> None:
        session = requests.Session()
        session.headers["Authorization"] = f"Token {token}"
        cards: list[int] = []
        last: dict | None = None
        sent = 0
        while not self.stop.is_set():
            try:
                if not cards:
                    started = time.monotonic()
                    queue = session.get(
                        f"{self.base}/api/v1/study/queue/",
                        params={"bank": self.bank_id, "limit": 5},
                        timeout=10,
                    )
                    self.record(queue.status_code, time.monotonic() - started)
                    if queue.status_code == 200:
                        cards = [item["id"] for item in queue.json()["items"]]
                    continue
                if last is not None and sent % 4 == 3:
                    body = last  # a client retrying: the same review again
                else:
                    body = {"card": cards[sent % len(cards)], "rating": 3,
                            "client_uuid": str(uuid.uuid4())}  # fmt: skip
                with self.lock:
                    self.sent_uuids.add(body["client_uuid"])
                started = time.monotonic()
                response = session.post(f"{self.base}/api/v1/reviews/", json=body, timeout=10)
                self.record(response.status_code, time.monotonic() - started)
                if 200 <= response.status_code < 300:
                    with self.lock:
                        self.stored_uuids.add(body["client_uuid"])
                elif response.status_code >= 500:
                    self.errors.append(f"{response.status_code} {response.text[:200]}")
                last = body
                sent += 1
            except requests.RequestException as error:
                with self.lock:
                    self.statuses["no answer"] += 1
                    self.errors.append(repr(error))

    def start(self) -> list[threading.Thread]:
        threads = [
            threading.Thread(target=self.student, args=(t,), daemon=True) for t in self.tokens
        ]
        for thread in threads:
            thread.start()
        return threads


def django_setup(env: dict) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_data(articles: int) -> tuple[list[str], str, int, list[int]]:
    """Students with tokens, a teacher, a published bank to study, articles to generate."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token

    from quizzes import services
    from quizzes.models import Choice, Question, QuestionBank

    users = get_user_model().objects
    teacher = users.create_user("fault-teacher", password="x" * 12, is_staff=True)
    teacher.groups.add(Group.objects.get(name="Teachers"))
    text = (ROOT / "fixtures/seed_article.txt").read_text(encoding="utf-8")
    # The whole article: a job runs for seconds, so it is reliably caught while it runs.
    article_ids = [
        services.article_create(
            text=f"{text}\n\nEdition {n}.", title=f"Fault e2e {n}", created_by=teacher
        ).pk
        for n in range(articles)
    ]
    bank = QuestionBank.objects.create(
        title="Fault bank", owner=teacher, status="published", is_public=True
    )
    for n in range(5):
        question = Question.objects.create(
            bank=bank, kind="who_said", prompt=f"Who said number {n}?", answer="Jane Doe",
            status="published", origin="authored", position=n, fingerprint=f"fault{n}",
        )  # fmt: skip
        for position, name in enumerate(["Jane Doe", "John Roe", "Ann Poe", "Max Moe"]):
            Choice.objects.create(
                question=question, text=name, is_correct=position == 0, position=position
            )
    tokens = []
    for n in range(STUDENTS):
        student = users.create_user(f"fault-student-{n}", password="y" * 12)
        tokens.append(Token.objects.create(user=student).key)
    return tokens, Token.objects.create(user=teacher).key, bank.pk, article_ids


def job_row(job_id: int) -> dict:
    from django.db import connection

    from quizzes.models import GenerationJob

    connection.close()  # a fresh read every time
    return GenerationJob.objects.values("status", "attempts", "error").get(pk=job_id)


def main() -> int:
    cache_port = int(os.environ.get("FAULT_CACHE_PORT") or free_port())
    broker_port = int(os.environ.get("FAULT_BROKER_PORT") or free_port())
    web_port = free_port()
    database = os.environ.get("FAULT_DB") or f"fault_e2e_{int(time.time())}_{os.getpid()}"
    base = f"http://127.0.0.1:{web_port}"
    logs = Path(tempfile.mkdtemp(prefix="fault-e2e-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "fault-e2e-" + uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"{PG}/{database}",
        "REDIS_URL": f"redis://127.0.0.1:{cache_port}/0",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{broker_port}/0",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY),
        "GUNICORN_BIND": f"127.0.0.1:{web_port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "4",
        "GUNICORN_ACCESSLOG": "",
        "PYTHONUNBUFFERED": "1",
    }
    processes = Processes(logs)
    psql = ["psql", f"{PG}/postgres", "-qc"]
    subprocess.run([*psql, f"CREATE DATABASE {database}"], check=True)
    began = time.monotonic()
    try:
        return run(env, processes, base, cache_port, broker_port, logs)
    finally:
        processes.stop_all()
        if "django.db" in sys.modules:
            sys.modules["django.db"].connections.close_all()
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"], check=False)
        print(f"fault e2e: {time.monotonic() - began:.1f} s in all; logs in {logs}")


def start_worker(processes: Processes, env: dict, name: str, queue: str) -> subprocess.Popen:
    return processes.start(
        name,
        [str(BIN / "celery"), "-A", "config", "worker", "--loglevel=INFO", "--pool=prefork",
         "--concurrency=1", "--without-gossip", "--without-mingle", "-n", f"{name}@%h",
         "-Q", queue],
        env,
    )  # fmt: skip


def review_figures(traffic: Traffic) -> list[str]:
    """Every review answered 2xx stored, none twice, none that nobody sent; no 5xx."""
    from learning.models import ReviewLog

    logs_per_uuid = Counter(
        str(u)
        for u in ReviewLog.objects.filter(client_uuid__isnull=False).values_list(
            "client_uuid", flat=True
        )
    )
    say(f"requests: {dict(traffic.statuses)}; reviews answered 2xx: "
        f"{len(traffic.stored_uuids)}, stored: {sum(logs_per_uuid.values())}")  # fmt: skip
    problems = []
    fives = sum(n for status, n in traffic.statuses.items() if str(status).startswith("5"))
    if fives or traffic.statuses["no answer"]:
        problems.append(f"{fives} 5xx, {traffic.statuses['no answer']} unanswered: "
                        f"{traffic.errors[:3]}")  # fmt: skip
    missing = traffic.stored_uuids - set(logs_per_uuid)
    if missing:
        problems.append(f"{len(missing)} reviews answered 2xx but not stored")
    twice = [u for u, n in logs_per_uuid.items() if n > 1]
    if twice:
        problems.append(f"{len(twice)} reviews stored twice")
    unknown = set(logs_per_uuid) - traffic.sent_uuids
    if unknown:
        problems.append(f"{len(unknown)} stored reviews nobody sent")
    return problems


class Outage:
    """What the cache outage step saw: when Redis went down and came back, the job
    asked meanwhile and health's answer then."""

    def __init__(self, down_at: float, up_at: float, job: int, health: dict) -> None:
        self.down_at, self.up_at, self.job, self.health = down_at, up_at, job, health


def cache_outage(cache, base: str, generate, health) -> Outage:
    """Kill the cache's Redis; a login and a generation still work and health says
    503 naming the cache; start Redis again a few seconds later."""
    cache.kill()
    down_at = time.monotonic()
    say("killed the cache's Redis")
    time.sleep(1)
    login = requests.post(
        f"{base}/api/v1/auth/token/",
        json={"username": "fault-student-0", "password": "y" * 12},
        timeout=10,
    )
    if login.status_code != 200:
        fail(f"login with the cache down answered {login.status_code}: {login.text[:200]}")
    job = generate()
    outage_health = health()
    if outage_health is None or outage_health.status_code != 503:
        fail(f"health with the cache down: {outage_health and outage_health.status_code}")
    outage_body = outage_health.json()
    if not outage_body["cache"].startswith("error:") or outage_body["cache_fail_open"] < 1:
        fail(f"health with the cache down said {outage_body}")
    time.sleep(2)
    cache.start()
    up_at = time.monotonic()
    say(f"started the cache's Redis again after {up_at - down_at:.1f} s")
    return Outage(down_at, up_at, job, outage_body)


def job_problems(jobs: dict[int, dict], *, killed: tuple[int, ...]) -> list[str]:
    """Every job ended (done or failed); those whose process was killed mid-run
    were run again and are done."""
    problems = []
    for job_id, row in jobs.items():
        if row["status"] not in ("done", "failed"):
            problems.append(f"job #{job_id} ended {row['status']}")
    for job_id in killed:
        if jobs[job_id]["status"] != "done" or jobs[job_id]["attempts"] < 2:
            problems.append(f"job #{job_id} killed mid-run was not run again: {jobs[job_id]}")
    return problems


def health_of(base: str) -> requests.Response | None:
    """The health endpoint's answer, None when gunicorn does not answer."""
    try:
        return requests.get(f"{base}/api/v1/health/", timeout=5)
    except requests.RequestException:
        return None


def healthy_with_worker(base: str) -> requests.Response | None:
    answer = health_of(base)
    if answer is not None and answer.status_code == 200 and answer.json()["worker"] == "ok":
        return answer
    return None


def generate(teacher: requests.Session, base: str, article_id: int) -> int:
    """Asks for a bank of the article; the job's id (answered 202 at once)."""
    started = time.monotonic()
    response = teacher.post(f"{base}/api/v1/articles/{article_id}/generate/", json={}, timeout=30)
    if response.status_code != 202:
        fail(f"generate answered {response.status_code}: {response.text[:300]}")
    job = response.json()
    say(f"generate answered 202 in {(time.monotonic() - started) * 1000:.0f} ms: "
        f"job #{job['id']} {job['status']}")  # fmt: skip
    return job["id"]


def start_services(env, processes: Processes, cache: Redis, broker: Redis, base: str, logs):
    """Both Redis servers, gunicorn and two workers; the first worker (returned) takes the
    queue. The second one, started now (starting one takes seconds), takes no job until it
    is told to, after the first one is killed, as another machine of a pool would."""
    cache.start()
    broker.start()
    processes.start("gunicorn", [str(BIN / "gunicorn"), "-c", "config/gunicorn.py",
                                 "config.wsgi"], env)  # fmt: skip
    worker = start_worker(processes, env, "worker-1", "celery")
    start_worker(processes, env, "worker-2", "standby")
    for name in ("worker-1", "worker-2"):
        log = logs / f"{name}.log"
        wait_for(f"{name} to start", lambda log=log: b" ready." in log.read_bytes(), 90, 0.2)
    wait_for("health 200", lambda: (h := health_of(base)) is not None and h.status_code == 200, 30)
    return worker


def kill_pool_process(worker, job_id: int) -> float:
    """Step 1: the pool process running the job is killed; when (monotonic)."""
    wait_for("job 1 running", lambda: job_row(job_id)["status"] == "running", 30)
    child = children_of(worker.pid)
    if not child:
        fail("the worker has no pool process")
    os.kill(child[0], signal.SIGKILL)
    killed_at = time.monotonic()
    say(f"killed pool process {child[0]} while job #{job_id} ran")
    return killed_at


def kill_worker_and_hand_over(worker, job_id: int, broker_port: int) -> float:
    """Step 3: the whole worker is killed while the job runs and the spare worker takes
    the queue; seconds until the job ended. The worker dies holding the broker's lock for
    looking for lost messages (the worst moment: kombu keeps that lock 300 s unless told)."""
    wait_for("job 3 running", lambda: job_row(job_id)["status"] == "running", 30)
    from config.celery import app

    lock_seconds = app.conf.broker_transport_options.get("unacked_mutex_expire", 300)
    lock = redis.Redis(port=broker_port).lock("unacked_mutex", timeout=lock_seconds)
    lock.acquire(blocking=True, blocking_timeout=5)
    pool = children_of(worker.pid)
    worker.send_signal(signal.SIGKILL)
    for pid in pool:
        os.kill(pid, signal.SIGKILL)
    worker.wait(timeout=10)
    killed_worker_at = time.monotonic()
    say(f"killed worker {worker.pid} and its pool {pool} while job #{job_id} ran, holding "
        f"the lock for lost messages ({lock_seconds} s)")  # fmt: skip
    hostname = socket.gethostname()
    added = app.control.add_consumer(
        "celery", destination=[f"worker-2@{hostname}"], reply=True, timeout=5
    )
    say(f"the other worker takes the queue: {added}")
    wait_for("job 3 done after its worker died",
             lambda: job_row(job_id)["status"] in ("done", "failed"), 60)  # fmt: skip
    return time.monotonic() - killed_worker_at


def fail_with_logs(problems: list[str], logs) -> None:
    """Fails naming the problems, after the tail of each service's log."""
    for name in ("worker-1", "worker-2", "gunicorn"):
        print(f"--- {name} log (tail) ---")
        print("\n".join((logs / f"{name}.log").read_text(errors="replace").splitlines()[-25:]))
    fail("; ".join(problems))


def run(env, processes: Processes, base: str, cache_port: int, broker_port: int, logs) -> int:
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    say("database migrated")
    django_setup(env)
    tokens, teacher_token, bank_id, articles = make_data(articles=3)
    cache = Redis(processes, cache_port, "redis-cache", env)
    broker = Redis(processes, broker_port, "redis-broker", env)
    worker = start_services(env, processes, cache, broker, base, logs)
    teacher = requests.Session()
    teacher.headers["Authorization"] = f"Token {teacher_token}"
    say("gunicorn and the worker are up; traffic starts")

    traffic = Traffic(base, tokens, bank_id)
    threads = traffic.start()
    time.sleep(1)

    # 1. The pool process running a job is killed.
    job_child = generate(teacher, base, articles[0])
    killed_child_at = kill_pool_process(worker, job_child)

    # 2. The cache's Redis is killed mid-traffic; a login and a generation meanwhile.
    outage = cache_outage(
        cache, base, lambda: generate(teacher, base, articles[1]), lambda: health_of(base)
    )
    down_at, up_at = outage.down_at, outage.up_at
    job_during_outage, outage_body = outage.job, outage.health

    say(f"job #{job_during_outage} asked with the cache down; health said 503")
    wait_for("job 1 done after its pool process died",
             lambda: job_row(job_child)["status"] in ("done", "failed"), 60)  # fmt: skip
    recovered_child = time.monotonic() - killed_child_at
    wait_for("the job asked during the outage to end",
             lambda: job_row(job_during_outage)["status"] in ("done", "failed"), 60)  # fmt: skip

    # 3. The whole worker is killed while a job runs; a new one takes the job over.
    job_worker = generate(teacher, base, articles[2])
    recovered_worker = kill_worker_and_hand_over(worker, job_worker, broker.port)

    traffic.stop.set()
    for thread in threads:
        thread.join(timeout=15)
    after = wait_for(
        "health 200 again with a worker answering", lambda: healthy_with_worker(base), 20, 0.5
    )

    reviews = review_figures(traffic)
    jobs = {job_id: job_row(job_id) for job_id in (job_child, job_during_outage, job_worker)}
    in_outage = [s for t, s in traffic.latencies if down_at <= t <= up_at]
    outside = [s for t, s in traffic.latencies if not down_at <= t <= up_at]
    say(f"latency p50 {statistics.median(outside) * 1000:.0f} ms with Redis, "
        f"{statistics.median(in_outage) * 1000:.0f} ms without ({len(in_outage)} "
        f"requests during {up_at - down_at:.1f} s)")  # fmt: skip
    say(f"jobs: {jobs}")
    say(f"pool process killed: job done {recovered_child:.1f} s later; worker killed: "
        f"job done {recovered_worker:.1f} s later (visibility timeout {VISIBILITY} s)")  # fmt: skip
    say(f"health during the outage: {outage_body}; after: {after.json()}")

    problems = reviews
    if not in_outage:
        problems.append("no request was made while Redis was down")
    problems += job_problems(jobs, killed=(job_child, job_worker))
    if problems:
        fail_with_logs(problems, logs)
    say("OK: no 5xx, every 2xx review stored once, every job done or failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
