"""A/B load benchmark: two gunicorn servers on the same seeded database, measured in
one run with their requests interleaved (A then B, B then A on the next round), so
the machine's drift (other processes on a shared machine) falls on both alike.

    # a setting: B with an environment variable changed
    .venv/bin/python bench/bench_ab.py --size 1x1k --b-env DATABASE_PREPARE_THRESHOLD=off
    # code: A runs another checkout (e.g. `git archive main | tar -x -C /tmp/base`)
    .venv/bin/python bench/bench_ab.py --size 1x100k --a-root /tmp/base

The database is bench_load's (`<--db-prefix>_<size>`: run bench_load.py once for
the size first; seeding is idempotent). Each server runs its root's code with this
checkout's virtualenv. One request at a time (isolated), round-robin over the
endpoints of bench_load (health, bare, queue, review, study, home, progress,
api_progress); prints each endpoint's p50 on A and B, the ratio to the health p50 of
both servers together (the same code on both: one yardstick) and B's change. Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_load  # noqa: E402


def _pairs(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, _, value = item.partition("=")
        out[name] = value
    return out


def _start(root: Path, env: dict, workers: int) -> tuple[subprocess.Popen, int]:
    port = bench_load.free_port()
    server_env = {
        **env,
        "PYTHONPATH": str(root),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESSLOG": "",
        "GUNICORN_LOGLEVEL": "warning",
        "GUNICORN_MAX_REQUESTS": "0",
    }
    gunicorn = str(Path(bench_load.PYTHON).parent / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "-c", "config/gunicorn.py", "config.wsgi"], cwd=root, env=server_env
    )
    return server, port


def _collectstatic(root: Path, env: dict) -> None:
    static_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.base", "PYTHONPATH": str(root)}
    subprocess.run(
        [bench_load.PYTHON, str(root / "manage.py"), "collectstatic", "--noinput", "-v0"],
        cwd=root,
        env=static_env,
        check=True,
    )


def _round(drivers: dict, order: list[str], student: int, rng: random.Random) -> None:
    """One request of each endpoint on each server, the servers in `order` per endpoint."""
    for kind in ("health", "bare"):
        for name in order:
            drivers[name].request(kind, "GET", bench_load.GET_PATHS[kind], student)
    cards = {name: drivers[name].queue_cards(student) for name in order}
    for name in order:
        if cards[name]:
            drivers[name].review(student, rng.choice(cards[name]), rng)
    for kind in ("study", "home", "progress", "api_progress"):
        for name in order:
            drivers[name].request(kind, "GET", bench_load.GET_PATHS[kind], student)


def _warm(driver, kinds, *, requests: int) -> None:
    """`requests` GETs of each read endpoint (reviews write: not warmed)."""
    for kind in kinds:
        if kind != "review":
            for _ in range(requests):
                driver.request(kind, "GET", bench_load.GET_PATHS[kind], 0)


def _measure(args, plan: dict, ports: dict[str, int]) -> dict[str, dict]:
    lock = threading.Lock()
    rng = random.Random(1)
    kinds = bench_load.ENDPOINTS
    samples = {name: {kind: [] for kind in kinds} for name in ports}
    errors = {name: {kind: [] for kind in kinds} for name in ports}
    drivers = {
        name: bench_load.Driver(port, plan, samples[name], errors[name], lock)
        for name, port in ports.items()
    }
    for name in ports:  # warm every worker
        _warm(drivers[name], kinds, requests=args.workers * 2)
        for kind in kinds:
            samples[name][kind].clear()
            errors[name][kind].clear()
    students = len(plan["tokens"])
    for number in range(args.rounds):
        order = ["A", "B"] if number % 2 == 0 else ["B", "A"]
        _round(drivers, order, number % students, rng)
    results = {
        name: bench_load.summarise(
            {"samples": samples[name], "errors": errors[name], "wall_seconds": 1.0}
        )
        for name in ports
    }
    # both servers' health (the same code): the one yardstick of the two columns
    pooled = bench_load.percentile(
        [v * 1000 for name in ports for v in samples[name]["health"]], 50
    )
    for summary in results.values():
        summary["health_pooled_ms"] = pooled
        for row in summary["endpoints"].values():
            row["x_health"] = row["p50_ms"] / pooled if pooled else float("nan")
    return results


def _serve_and_measure(args, plan: dict, roots: dict, envs: dict) -> dict[str, dict]:
    servers: dict[str, subprocess.Popen] = {}
    try:
        ports = {}
        for name in ("A", "B"):
            servers[name], ports[name] = _start(roots[name], envs[name], args.workers)
        for name in ("A", "B"):
            bench_load.wait_healthy(ports[name], servers[name])
        return _measure(args, plan, ports)
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def _print(results: dict[str, dict]) -> None:
    print(f"  x: p50 / both servers' health p50 ({results['A']['health_pooled_ms']:.2f} ms)")
    print(f"  {'endpoint':<12} {'A p50':>8} {'A x':>6} {'B p50':>8} {'B x':>6} {'B vs A':>8} "
          f"{'A p90':>8} {'B p90':>8} {'errors':>7}")  # fmt: skip
    for kind in bench_load.ENDPOINTS:
        a, b = results["A"]["endpoints"][kind], results["B"]["endpoints"][kind]
        change = (b["p50_ms"] / a["p50_ms"] - 1) * 100 if a["p50_ms"] else float("nan")
        print(
            f"  {kind:<12} {a['p50_ms']:>8.2f} {a['x_health']:>6.2f} {b['p50_ms']:>8.2f} "
            f"{b['x_health']:>6.2f} {change:>+7.1f}% {a['p90_ms']:>8.2f} {b['p90_ms']:>8.2f} "
            f"{a['errors']:>3}/{b['errors']:<3}"
        )
        for example in a["error_examples"][:1] + b["error_examples"][:1]:
            print(f"      error: {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1x1k", help=f"of {', '.join(bench_load.SIZES)}")
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--a-root", default=str(bench_load.ROOT))
    parser.add_argument("--b-root", default=str(bench_load.ROOT))
    parser.add_argument("--a-env", action="append", default=[], help="NAME=VALUE for A")
    parser.add_argument("--b-env", action="append", default=[], help="NAME=VALUE for B")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db-prefix", default="newsquiz_load")
    parser.add_argument("--redis-db", type=int, default=11)
    parser.add_argument("--no-redis", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    args.secret_key = secrets.token_urlsafe(50)
    database = f"{args.db_prefix}_{args.size.lower()}"
    env = bench_load.server_env(args, database)
    _collectstatic(bench_load.ROOT, env)  # (the plan renders pages: their static files)
    plan_out = bench_load.run(
        [*bench_load.MANAGE, "shell", "-v", "0", "-c", bench_load.PREPARE_SCRIPT],
        env,
        capture_output=True,
    )
    plan = json.loads(bench_load.last_line(plan_out))
    print(f"=== {args.size}: {plan['first_student_cards']} cards, "
          f"{plan['first_student_logs']} logs of load-0001 ===")  # fmt: skip
    print(
        "queries per request (this checkout):",
        {k: v["queries"] for k, v in plan["queries"].items()},
    )
    roots = {"A": Path(args.a_root), "B": Path(args.b_root)}
    envs = {"A": {**env, **_pairs(args.a_env)}, "B": {**env, **_pairs(args.b_env)}}
    for name in ("A", "B"):
        print(f"{name}: {roots[name]} {_pairs(args.a_env if name == 'A' else args.b_env)}")
        if roots[name] != bench_load.ROOT:
            _collectstatic(roots[name], envs[name])
    load_before = os.getloadavg()[0]
    results = _serve_and_measure(args, plan, roots, envs)
    load_after = os.getloadavg()[0]
    print(f"load average {load_before:.1f} before / {load_after:.1f} after "
          f"({os.cpu_count()} CPUs shared); {args.rounds} rounds, interleaved")  # fmt: skip
    _print(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
