"""Flatness in one run: gunicorn servers over several data sizes (and code
checkouts), their requests interleaved, so every size is measured under the same
machine load and each p50 is compared with the health p50 of all of them together.

    # is the queue flat? every size on this checkout
    .venv/bin/python bench/bench_sizes.py small=.:1x1k big=.:1x100k many=.:100x10k
    # before and after at two sizes (A runs another checkout, e.g. `git archive main`)
    .venv/bin/python bench/bench_sizes.py a1k=/tmp/base:1x1k b1k=.:1x1k a10k=/tmp/base:100x10k b10k=.:100x10k
    # the cost of a student's first requests: all 100 students in turn, or 3 again and again
    .venv/bin/python bench/bench_sizes.py all=.:100x10k few=.:100x10k/3

Each server is NAME=ROOT:SIZE[/STUDENTS]: its code (run with this checkout's
virtualenv), its database (bench_load's `<--db-prefix>_<size>`: run bench_load.py
once for the size first), and how many of its students the rounds go through (all
by default: with 100 students and 60 rounds, each request is a student's first in
the server, as in bench_load; fewer students repeat them). One request at a time:
each round asks every endpoint of bench_load of every server in turn, the servers'
order turning round by round. Servers of the same size share a database, so their
reviews change the same students' day (compare them with each other, not with
another run). Not a test: nothing asserts.

Figures (issue 16, perf54, 2026-12-07: before = the checkout without it, after, as
a= and b= servers of one run, 150 rounds; 2 cores shared, load average 4-7, so
health's p50 was 3.8-7.8 ms, not the 2.9 ms of a quiet machine, and a ratio moves by
up to 10 % between runs): the study queue 3.32x -> 3.11x at 1x1k (a fresh database),
3.26x -> 3.09x and 3.79x -> 3.86x at 100x10k (two runs), 3.28x -> 3.76x and
3.33x -> 3.45x at 1x100k (two runs: the same statements there, noise); `/study/`
4.00x -> 3.64x at 1x1k, 3.32x -> 3.12x and 3.99x -> 3.97x at 100x10k; home 3.41x ->
2.80x and 4.34x -> 3.12x at 100x10k (a student's first page in a worker: one Redis
round trip fewer). The 1x1k database drifts: once its student has done the day's
reviews and new cards (after a few runs), the queue reads fewer statements (1.7x).

Figures (perf55, 2026-12-07: before = 78e9dff, after = a token the cache does not
hold read with its user by a statement compiled once, devices.authentication; in
process on 100x10k a token miss cost ~1.1 ms of Python more than a hit, ~0.5 ms
after). Every request of 100x10k's 100 students is a first one, each server given its
own Redis (`--env aM:REDIS_URL=...`): the queue 5.46x -> 4.73x and 4.99x -> 4.57x in
two runs of those two servers (load average 6, health 4.1-4.4 ms); 4.53x -> 4.42x
and 6.15x -> 6.32x in runs of 12 and 4 servers (load average 10-13, health 22.5 and
3.8 ms); the other sizes (no token miss: the same code) 3.05x -> 3.08x at 1x1k,
3.54x -> 3.38x at 1x100k, 3.21x -> 3.09x at logs10k, 3.54x -> 3.71x at logs1m.
At such loads the same code differs by up to 15 % between an a= and a b= server
(home at 100x10k/1 3.25x and 3.80x): below that, read these as noise.

Figures (perf57, 2026-12-07: before = 95d5321, after = the study page's rating
buttons, the report form's reasons and base.html's navigation written by template
tags (web.templatetags.page_markup, the same markup), interval labels kept per
process, a bank's article address in every card back reversed once per bank and
process: learning.rest_api.serializers.bank_article_url; the load bank has no
article, so these runs do not see it: 39 -> 7 us a card, 20 cards a queue of a
bank made from an article). In process (CPU time, one process rendering the old and the new
templates alternately on perf57_1x1k, 3,000 each, load average ~10): the study
page's rendering p10 1.27 -> 1.06 ms, p50 1.85 -> 1.51 ms (69 -> 29 template
variables); home's p10 0.83 -> 0.75 ms; the API queue's interval labels (20 cards)
253 -> 181 us. Through gunicorn, a= and b= servers of one run, 60 rounds, load
average ~10 (health 8.5 ms pooled, three times a quiet machine's): the study queue
4.01x -> 4.20x at 1x1k, 4.85x -> 4.11x at 1x100k, 8.02x -> 6.61x at 100x10k,
3.93x -> 4.43x at logs1m; `/study/` 4.92x -> 3.29x, 4.66x -> 5.13x, 5.60x ->
4.55x, 4.63x -> 4.44x. A second run (load average 5.5-7.8, health 4.9 ms): the
queue 4.05x -> 4.47x, 5.48x -> 6.13x, 8.95x -> 8.77x, 4.90x -> 5.83x; `/study/`
4.92x -> 4.89x, 6.62x -> 6.06x, 7.88x -> 7.43x, 6.06x -> 6.54x. The API queue runs
the same code in both but for the labels' cache, so its differences (up to 20 %,
either way) are this machine's noise; the changes (~0.2-0.3 ms of CPU) are below
it: measure them again on a quiet machine.

Quiet machine, end of stop 42 (a new machine: databases perf57_* seeded this stop,
1x1k re-seeded just before; load average 0.5-1.5; 100 rounds). Before / after perf57 as
a= (95d5321) and b= (3602ce2) servers of one run (health 3.50 ms pooled): the queue
3.33x / 3.35x at 1x1k, 4.17x / 4.23x at 1x100k, 4.24x / 4.07x at logs1m; `/study/`
3.34x -> 3.20x, 4.20x -> 4.00x, 4.01x -> 3.85x; home 2.60x -> 2.52x, 3.45x -> 2.94x,
3.49x -> 3.00x; review 2.45x / 2.43x, 2.59x / 2.61x, 2.52x / 2.46x. All six sizes on
3602ce2, two runs (health 3.25 and 3.60 ms; the second after VACUUM ANALYZE of every
database, no better): the queue 3.31x / 3.58x (1x1k), 4.20x / 3.85x (1x100k), 6.00x /
5.14x (100x10k, every request a student's first in the server), 3.55x / 3.59x (100x10k,
one student), 3.73x / 4.01x (logs10k), 4.02x / 4.14x (logs1m); `/study/` 3.53x-4.55x /
3.79x-4.72x; review 2.53x-2.97x / 2.44x-2.86x; home 2.89x-4.06x / 2.71x-3.78x;
`/progress/` 3.67x-4.29x / 3.74x-4.22x. This machine's ratios are higher than the last
quiet machine's (stop 40: the queue 2.81x at 1x1k, 3.23x at 1x100k) for the same
statements: health is a smaller share of the same work here. Against the goal: review
<= 3x, home and `/progress/` <= 5x: met at every size; the queue and `/study/` <= 3x:
not met (3.2x-4.7x; the first request of a student in a server 5.1x-6.0x); flat within
30 % without the first-request case: the queue 3.31x-4.20x (27 %), `/study/` 3.53x-4.28x
(21 %).

Figures (perf43, 2026-12-08: before = 2c753ba, after = a bank's new-card walk as long as
the day's limit and 20 spare, not what is left of it, and a guessed plan walking further
(or a day wanting no new card) used: learning.selectors.queue._covers; the study card's
two addresses with an id by `{% id_url %}`). In process on 100x10k (every request a
student's first in the process, as in bench_load): 77 % of the queue's first requests
guessed another student's plan wrong before (4 round trips with the token's, 15-16
statements: the candidates read twice), 2 % after (3 round trips, 12-13); a student's
later requests 2 round trips and 11-12 statements either way. A 1x1k student's requests
are unchanged (the same statements; in-process CPU queue/health 3.49x and 3.52x before,
3.52x and 3.42x after). Through gunicorn, a= and b= servers of one run, 100 rounds,
every request of 100x10k a student's first in its worker: load average 6.3-8.2 (health
3.25 ms pooled): the queue 6.56x -> 5.85x, `/study/` 5.55x -> 4.67x (1x1k in the same
run, the same code: 2.81x / 3.38x and 3.99x / 3.20x, this machine's noise); load
average 4.0-4.7 (health 3.05 ms): the queue 4.73x -> 4.17x (14.4 -> 12.7 ms), `/study/`
4.38x -> 3.52x (13.4 -> 10.7 ms); home (unchanged code) 3.24x / 2.36x in that run:
read differences of that size as noise. One statement alone, one round trip each (in
process, load average ~6): the candidates 1.3-1.5 ms, the facts studied today
0.7-0.95 ms, the cards shown 0.6 ms, the due counts 0.5 ms, the choices 0.4 ms, each
of the study day's three 0.2 ms (the round trip's floor).
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

import bench_ab  # noqa: E402
import bench_load  # noqa: E402


def _servers(specs: list[str]) -> list[tuple[str, Path, str, int | None]]:
    """(name, root, size, students) of each NAME=ROOT:SIZE[/STUDENTS]."""
    servers = []
    for spec in specs:
        name, _, rest = spec.partition("=")
        root, _, size = rest.rpartition(":")
        size, _, students = size.partition("/")
        if size not in bench_load.SIZES:
            raise SystemExit(f"{spec}: the size is one of {', '.join(bench_load.SIZES)}")
        servers.append((name, Path(root).resolve(), size, int(students) if students else None))
    return servers


def _plan(env: dict, students: int | None) -> dict:
    """bench_load's plan of the size (tokens, sessions, query counts), cut to `students`."""
    out = bench_load.run(
        [*bench_load.MANAGE, "shell", "-v", "0", "-c", bench_load.PREPARE_SCRIPT],
        env,
        capture_output=True,
    )
    plan = json.loads(bench_load.last_line(out))
    if students:
        plan["tokens"], plan["sessions"] = plan["tokens"][:students], plan["sessions"][:students]
    return plan


def _round(drivers: dict, order: list[str], student: dict, rng: random.Random) -> None:
    """One request of each endpoint on each server, the servers in `order`."""
    for kind in ("health", "bare"):
        for name in order:
            drivers[name].request(kind, "GET", bench_load.GET_PATHS[kind], student[name])
    cards = {name: drivers[name].queue_cards(student[name]) for name in order}
    for name in order:
        if cards[name]:
            drivers[name].review(student[name], rng.choice(cards[name]), rng)
    for kind in ("study", "home", "progress", "api_progress"):
        for name in order:
            drivers[name].request(kind, "GET", bench_load.GET_PATHS[kind], student[name])


def _measure(args, plans: dict, ports: dict) -> dict[str, dict]:
    lock = threading.Lock()
    kinds = bench_load.ENDPOINTS
    samples = {name: {kind: [] for kind in kinds} for name in ports}
    errors = {name: {kind: [] for kind in kinds} for name in ports}
    drivers = {
        name: bench_load.Driver(port, plans[name], samples[name], errors[name], lock)
        for name, port in ports.items()
    }
    for name in ports:  # warm every worker
        bench_ab._warm(drivers[name], kinds, requests=args.workers * 2)
        for kind in kinds:
            samples[name][kind].clear()
            errors[name][kind].clear()
    rng = random.Random(1)
    names = list(ports)
    for number in range(args.rounds):
        turn = number % len(names)
        order = names[turn:] + names[:turn]
        order = order[::-1] if number % 2 else order
        student = {name: number % len(plans[name]["tokens"]) for name in names}
        _round(drivers, order, student, rng)
    pooled = bench_load.percentile(
        [v * 1000 for name in names for v in samples[name]["health"]], 50
    )
    results = {}
    for name in names:
        summary = bench_load.summarise(
            {"samples": samples[name], "errors": errors[name], "wall_seconds": 1.0}
        )
        for row in summary["endpoints"].values():
            row["x_health"] = row["p50_ms"] / pooled if pooled else float("nan")
        summary["health_pooled_ms"] = pooled
        results[name] = summary
    return results


def _print(results: dict[str, dict]) -> None:
    names = list(results)
    pooled = results[names[0]]["health_pooled_ms"]
    print(f"  p50 ms and x (p50 / every server's health p50 together: {pooled:.2f} ms)")
    print(f"  {'endpoint':<12}" + "".join(f"{name:>17}" for name in names))
    for kind in bench_load.ENDPOINTS:
        cells = []
        for name in names:
            row = results[name]["endpoints"][kind]
            mark = "!" if row["errors"] else " "
            cells.append(f"{row['p50_ms']:>9.2f} {row['x_health']:>5.2f}x{mark}")
        print(f"  {kind:<12}" + "".join(cells))
    for name in names:
        for kind, row in results[name]["endpoints"].items():
            for example in row["error_examples"][:1]:
                print(f"  error {name} {kind}: {example}")


def _prepared(args, servers: list) -> tuple[dict, dict]:
    """Each server's environment (its database, its --env) and plan; static files
    collected for every checkout."""
    extra: dict[str, dict[str, str]] = {}
    for item in args.env:
        name, _, pair = item.partition(":")
        extra.setdefault(name, {}).update(bench_ab._pairs([pair]))
    envs, plans, collected = {}, {}, set()
    for name, root, size, students in servers:
        envs[name] = {
            **bench_load.server_env(args, f"{args.db_prefix}_{size}"),
            **extra.get(name, {}),
        }
        for static_root in {bench_load.ROOT, root} - collected:  # (pages render static files)
            bench_ab._collectstatic(static_root, envs[name])
            collected.add(static_root)
        plans[name] = _plan(envs[name], students)
        print(f"{name}: {root} {size}, {len(plans[name]['tokens'])} students in turn; queries",
              {k: v["queries"] for k, v in plans[name]["queries"].items()})  # fmt: skip
    return envs, plans


def _serve_and_measure(args, servers: list, envs: dict, plans: dict) -> dict[str, dict]:
    started: dict[str, subprocess.Popen] = {}
    try:
        ports = {}
        for name, root, _, _ in servers:
            started[name], ports[name] = bench_ab._start(root, envs[name], args.workers)
        for name in ports:
            bench_load.wait_healthy(ports[name], started[name])
        return _measure(args, plans, ports)
    finally:
        for server in started.values():
            server.terminate()
        for server in started.values():
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("servers", nargs="+", help="NAME=ROOT:SIZE[/STUDENTS]")
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--env", action="append", default=[], help="NAME:VAR=VALUE for a server")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db-prefix", default="newsquiz_load")
    parser.add_argument("--redis-db", type=int, default=11)
    parser.add_argument("--no-redis", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    args.secret_key = secrets.token_urlsafe(50)
    servers = _servers(args.servers)
    envs, plans = _prepared(args, servers)
    load_before = os.getloadavg()[0]
    results = _serve_and_measure(args, servers, envs, plans)
    load_after = os.getloadavg()[0]
    print(f"load average {load_before:.1f} before / {load_after:.1f} after "
          f"({os.cpu_count()} CPUs shared); {args.rounds} rounds, interleaved")  # fmt: skip
    _print(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
