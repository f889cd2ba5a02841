"""Print the questions generated for article text files (for teachers and devs
reviewing question quality; not a test).

For each file: extract() + generate_questions(), then every question with its
kind, prompt, options (the correct one marked *), answer and explanation, and
a count by kind.

Run: .venv/bin/python bench/show_questions.py PATH... [--published YYYY-MM-DD]
     [--kind who_said,when] [--dropped]

--dropped also prints the drafts the quality check (quizzes/generation/quality/)
dropped, each with its reason.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from quizzes.extraction import extract  # noqa: E402
from quizzes.generation import review_questions  # noqa: E402


def show(path: Path, *, published: date | None, kinds: set[str], dropped: bool = False) -> Counter:
    text = path.read_text(encoding="utf-8")
    facts = extract(text, published=published)
    review = review_questions(facts, article_text=text, published=published)
    drafts = review.kept
    counts = Counter(d.kind for d in drafts)
    print(f"=== {path} (published {published or 'unknown'})")
    for draft in drafts:
        if kinds and draft.kind not in kinds:
            continue
        print(f"[{draft.kind}] {draft.prompt}")
        for text_, correct, position in sorted(draft.choices, key=lambda c: c[2]):
            print(f"    {position}. {'*' if correct else ' '} {text_}")
        print(f"    answer: {draft.answer}")
        print(f"    {draft.explanation}")
    print("counts:", dict(sorted(counts.items())), f"total {sum(counts.values())}")
    if dropped:
        for draft, reason in review.dropped:
            if not kinds or draft.kind in kinds:
                print(f"  dropped [{draft.kind}] {draft.prompt[:150]}\n      -> {reason}")
    print()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--published", type=date.fromisoformat, default=None)
    parser.add_argument("--kind", default="", help="comma-separated kinds to print")
    parser.add_argument("--dropped", action="store_true", help="also print dropped drafts")
    args = parser.parse_args()
    kinds = {k for k in args.kind.split(",") if k}
    total: Counter = Counter()
    for path in args.paths:
        total += show(path, published=args.published, kinds=kinds, dropped=args.dropped)
    if len(args.paths) > 1:
        print("all files:", dict(sorted(total.items())), f"total {sum(total.values())}")


if __name__ == "__main__":
    main()
