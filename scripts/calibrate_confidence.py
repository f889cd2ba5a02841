#!/usr/bin/env python3
"""How often each extraction rule's facts are right, on the real articles we may run it on.

Usage (from the project root):
    .venv/bin/python scripts/calibrate_confidence.py            # print the tables
    .venv/bin/python scripts/calibrate_confidence.py --write    # and write confidence.py

A fact counts as the evaluation scorer (../shared/eval/score.py) counts it for precision: a
quote with a speaker is right when it pairs with a gold quote of that speaker; a country link
or an event is right when it pairs with a required gold item, is left out when it only
matches an optional one, and is wrong otherwise. Articles: ../shared/eval/dev and the
fixtures/realnews batches whose first run is recorded (never a reserved batch).

A rule's confidence is its rate smoothed towards its stage's rate (PRIOR facts' worth), so
a rule right 2 times out of 2 is not "certain". The last lines give the precision of the
facts at >= 0.9 in-sample and, more honestly, with each article's facts scored by a table
calibrated on the other articles only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_articles import ROOT, published_of, real_dev_articles, shared_eval_dir  # noqa: E402

STAGES = ("quotes", "countries", "events")
PRIOR = 4  # how many facts' worth the stage's rate weighs in a rule's confidence
HIGH = 0.9
CONFIDENCE_PY = ROOT / "quizzes" / "extraction" / "confidence.py"

Outcome = tuple[str, str, bool]  # (stage, rule, right)


def load_scorer() -> ModuleType:
    shared = shared_eval_dir()
    if shared is None:
        raise SystemExit("no ../shared/eval folder on this machine: nothing to calibrate on")
    sys.path.insert(0, str(shared))
    import score

    return score


def quote_outcomes(score: ModuleType, gold: list[dict], pred: list[dict]) -> list[Outcome]:
    """Quotes with a speaker: right when paired with a gold quote of an accepted speaker."""
    pred = [q for q in pred if score.norm(q["text"])]
    pairs = {
        pi: gi
        for gi, pi in score.greedy_match(
            gold, pred, lambda g, p: score.quote_score(g["quote"], p["text"])
        )
    }
    out = []
    for pi, p in enumerate(pred):
        if not p.get("speaker"):
            continue
        g = gold[pairs[pi]] if pi in pairs else None
        accepted = [g.get("speaker"), *(g.get("alternatives") or [])] if g else []
        right = any(score.speaker_ok(a, p["speaker"]) for a in accepted if a)
        out.append(("quotes", p["rule"], right))
    return out


def pair_outcomes(
    score: ModuleType, stage: str, gold: list[dict], pred: list[dict], ok
) -> list[Outcome]:
    """Country links or events: right when paired with a required gold item; not counted
    when they only match an optional one."""
    required = [g for g in gold if g.get("basis") not in score.OPTIONAL_BASIS]
    optional = [g for g in gold if g.get("basis") in score.OPTIONAL_BASIS]
    got = {pi for _, pi in score.greedy_match(required, pred, lambda g, p: float(ok(g, p)))}
    rest = [pi for pi in range(len(pred)) if pi not in got]
    excused = {
        rest[pi]
        for _, pi in score.greedy_match(
            optional, [pred[i] for i in rest], lambda g, p: float(ok(g, p))
        )
    }
    return [(stage, p["rule"], pi in got) for pi, p in enumerate(pred) if pi not in excused]


def outcomes(score: ModuleType, gold: dict, pred: dict) -> list[Outcome]:
    countries_p = score.dedupe(
        pred["countries"], lambda c: (score.norm(c["subject"]), score.country(c["country"]))
    )
    events_p = score.dedupe(
        pred["events"], lambda e: (score.norm(e["event"]), score.norm(e["when"]))
    )
    countries_g = score.dedupe(
        gold.get("countries", []),
        lambda c: (score.norm(c["subject"]), score.country(c["country"])),
    )
    events_g = score.dedupe(
        gold.get("events", []), lambda e: (score.norm(e["event"]), score.norm(e["when"]))
    )
    return (
        quote_outcomes(score, gold.get("quotes", []), pred["quotes"])
        + pair_outcomes(score, "countries", countries_g, countries_p, score.country_match)
        + pair_outcomes(score, "events", events_g, events_p, score.event_ok)
    )


def calibrate(results: list[Outcome]) -> dict[str, dict[str, tuple[int, int, float]]]:
    """stage -> rule -> (facts, right, smoothed confidence)."""
    table: dict[str, dict[str, tuple[int, int, float]]] = {}
    for stage in STAGES:
        facts = [r for r in results if r[0] == stage]
        rate = sum(r[2] for r in facts) / len(facts) if facts else 0.5
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for _stage, rule, right in facts:
            counts[rule][0] += 1
            counts[rule][1] += int(right)
        table[stage] = {
            rule: (n, ok, round((ok + PRIOR * rate) / (n + PRIOR), 2))
            for rule, (n, ok) in sorted(counts.items())
        }
        table[stage]["*"] = (len(facts), sum(r[2] for r in facts), round(rate, 2))
    return table


def high_precision(results: list[Outcome], table: dict) -> tuple[int, int]:
    """(facts at >= HIGH, of which right) when each fact gets its rule's confidence."""
    high = [
        right
        for stage, rule, right in results
        if table[stage].get(rule, table[stage]["*"])[2] >= HIGH
    ]
    return len(high), sum(high)


def run_extractor() -> dict[str, tuple[dict, list[Outcome]]]:
    from quizzes.extraction import extract
    from quizzes.management.commands.extract_facts import parse_published, read_article

    score = load_scorer()
    out = {}
    for label, txt, gold_path in real_dev_articles():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        facts = extract(read_article(str(txt)), published=parse_published(published_of(gold_path)))
        pred = facts.to_contract()
        out[label] = (pred, outcomes(score, gold, pred))
    return out


def print_table(table: dict) -> None:
    for stage in STAGES:
        n, ok, rate = table[stage]["*"]
        print(f"\n{stage}: {ok}/{n} right ({rate:.2f})")
        print(f"  {'rule':48s} {'facts':>5s} {'right':>5s} {'rate':>5s} {'confidence':>10s}")
        for rule, (n, ok, conf) in table[stage].items():
            if rule != "*":
                print(f"  {rule:48s} {n:5d} {ok:5d} {ok / n:5.2f} {conf:10.2f}")


def write_tables(table: dict) -> None:
    text = CONFIDENCE_PY.read_text(encoding="utf-8")
    for stage, name in (("quotes", "QUOTES"), ("countries", "COUNTRIES"), ("events", "EVENTS")):
        rows = "".join(
            f'    "{rule}": {conf},  # {ok}/{n}\n'
            for rule, (n, ok, conf) in table[stage].items()
            if rule != "*"
        )
        text = re.sub(
            rf"^{name}: dict\[str, float\] = \{{(?:\}}|.*?^\}})\n",
            f"{name}: dict[str, float] = {{\n{rows}}}\n",
            text,
            flags=re.S | re.M,
        )
    defaults = ", ".join(f'"{s}": {table[s]["*"][2]}' for s in STAGES)
    text = re.sub(r"^DEFAULT = \{.*\}$", f"DEFAULT = {{{defaults}}}", text, flags=re.M)
    CONFIDENCE_PY.write_text(text, encoding="utf-8")
    print(f"\nwritten: {CONFIDENCE_PY.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the tables to confidence.py")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    by_article = run_extractor()
    results = [o for _pred, outs in by_article.values() for o in outs]
    table = calibrate(results)
    print(f"{len(by_article)} articles, {len(results)} facts")
    print_table(table)
    n, ok = high_precision(results, table)
    print(f"\nfacts at >= {HIGH} (in-sample): {ok}/{n}" + (f" = {ok / n:.1%}" if n else ""))
    held_n = held_ok = 0
    for label, (_pred, outs) in by_article.items():
        others = [o for other, (_p, o2) in by_article.items() if other != label for o in o2]
        n, ok = high_precision(outs, calibrate(others))
        held_n, held_ok = held_n + n, held_ok + ok
    print(
        f"facts at >= {HIGH} (each article scored by a table from the others): "
        f"{held_ok}/{held_n}" + (f" = {held_ok / held_n:.1%}" if held_n else "")
    )
    if args.write:
        write_tables(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
