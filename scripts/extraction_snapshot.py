#!/usr/bin/env python3
"""Snapshot of what the extractor finds in every article we may run it on, to prove that a
refactoring changed nothing.

Usage (from the project root):
    .venv/bin/python scripts/extraction_snapshot.py dump SNAPSHOT.json
    .venv/bin/python scripts/extraction_snapshot.py compare SNAPSHOT.json

For each article it records `manage.py extract_facts --json` (the contract, compared exactly)
and the whole Facts dataclass (people, attribution, subject kinds), compared without the
fields listed in ADDED_FIELDS (provenance added after the first snapshot). `compare` prints
every difference and exits 1 when there is one.

Articles: fixtures/seed_article.txt, fixtures/eval/*.txt, the test articles
(tests/quizzes/extraction/articles/*.txt) and ../shared/eval/dev/*.txt (skipped when absent),
each with the published date of its gold file. A batch under fixtures/realnews/
is included only once fixtures/realnews/README.md records its first (blind) run and does not
mark it reserved: running the extractor on a batch before that would spoil its blind figure.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_articles import ROOT, published_of, real_dev_articles, shared_eval_dir  # noqa: E402

ADDED_FIELDS = {"rule", "confidence"}


def articles() -> list[tuple[str, Path, str | None]]:
    """(label, text path, published date) of every article we may run the extractor on."""
    found: list[tuple[str, Path, str | None]] = []
    shared = shared_eval_dir()
    seed_gold = shared / "seed.json" if shared is not None else ROOT / "missing.json"
    found.append(("seed_article", ROOT / "fixtures" / "seed_article.txt", published_of(seed_gold)))
    for txt in sorted((ROOT / "fixtures" / "eval").glob("*.txt")):
        found.append((f"eval/{txt.stem}", txt, published_of(txt.with_suffix(".json"))))
    for txt in sorted((ROOT / "tests" / "quizzes" / "extraction" / "articles").glob("*.txt")):
        found.append((f"tests/{txt.stem}", txt, published_of(txt.with_suffix(".json"))))
    for label, txt, gold in real_dev_articles():
        found.append((label, txt, published_of(gold)))
    return found


def _without_added(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_added(v) for k, v in value.items() if k not in ADDED_FIELDS}
    if isinstance(value, list):
        return [_without_added(v) for v in value]
    return value


def snapshot() -> dict[str, dict[str, object]]:
    from django.core.management import call_command

    from quizzes.extraction import extract
    from quizzes.management.commands.extract_facts import parse_published, read_article

    out: dict[str, dict[str, object]] = {}
    for label, txt, published in articles():
        buffer = io.StringIO()
        args = [str(txt), "--json"] + (["--published", published] if published else [])
        call_command("extract_facts", *args, stdout=buffer)
        facts = extract(read_article(str(txt)), published=parse_published(published))
        out[label] = {
            "contract": _without_added(json.loads(buffer.getvalue())),
            "facts": _without_added(json.loads(json.dumps(facts.to_dict()))),
        }
    return out


def differences(old: dict, new: dict) -> list[str]:
    lines = []
    for label in sorted(set(old) | set(new)):
        if label not in new:
            lines.append(f"{label}: missing now")
            continue
        if label not in old:
            lines.append(f"{label}: new article (not in the snapshot)")
            continue
        for part in ("contract", "facts"):
            lines += _part_differences(f"{label} [{part}", old[label][part], new[label][part])
    return lines


def _part_differences(where: str, a: dict, b: dict) -> list[str]:
    """The items gone and new of each kind of one part of an article's snapshot."""
    lines = []
    for kind in sorted(set(a) | set(b)):
        before, after = a.get(kind, []), b.get(kind, [])
        if before == after:
            continue
        gone = [x for x in before if x not in after]
        added = [x for x in after if x not in before]
        lines.append(f"{where}.{kind}]: {len(gone)} gone, {len(added)} new")
        lines += [f"   - {json.dumps(x, ensure_ascii=False)[:300]}" for x in gone]
        lines += [f"   + {json.dumps(x, ensure_ascii=False)[:300]}" for x in added]
        if not gone and not added:
            lines.append("   (same items, different order)")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("dump", "compare"):
        print("usage: extraction_snapshot.py dump|compare SNAPSHOT.json", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ.setdefault("DJANGO_DEBUG", "1")  # as manage.py: a developer's tool
    import django

    django.setup()
    current = snapshot()
    path = Path(argv[2])
    if argv[1] == "dump":
        path.write_text(json.dumps(current, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(current)} articles written to {path}")
        return 0
    diff = differences(json.loads(path.read_text(encoding="utf-8")), current)
    for line in diff:
        print(line)
    print(f"{len(current)} articles: " + ("identical" if not diff else f"{len(diff)} differences"))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
