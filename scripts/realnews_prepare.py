#!/usr/bin/env python3
"""Copy rows of the shared Wikinews file into a development-set batch folder.

Usage (from the project root):
    python3 scripts/realnews_prepare.py BATCH_DIR ROW [ROW ...]

Each row becomes ``wn_<year>_<slug>.txt`` in the format of ``../shared/eval/dev/``:
the headline on line 1, then one paragraph per line (the dateline is kept as line 2),
NBSP and runs of spaces collapsed. ``sources.csv`` records the row, URL, date and
licence of each article, so the annotator can fill in the gold's ``source`` field.
The gold files (``ID.json``) are written by hand, blind to the extractor.
"""

from __future__ import annotations

import csv
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
CSV_NAME = "shared/data/wikinews/wikinews_2019_2020.csv"


def csv_path() -> pathlib.Path:
    """../shared from the main checkout, ../../shared from a worktree (/work/wt/NAME)."""
    for parent in ROOT.parents:
        if (parent / CSV_NAME).is_file():
            return parent / CSV_NAME
    raise SystemExit(f"{CSV_NAME} not found above {ROOT}")


def rows_already_used() -> set[int]:
    """CSV rows some earlier batch of fixtures/realnews took (a row is annotated once)."""
    used = set()
    for sources in (ROOT / "fixtures" / "realnews").glob("batch_*/sources.csv"):
        with sources.open(encoding="utf-8") as handle:
            used |= {int(row["csv_row"]) for row in csv.DictReader(handle)}
    return used


def slug(title: str, words: int = 4) -> str:
    tokens = re.findall(r"[a-z0-9]+", title.lower())
    stop = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "at", "by", "with", "as"}
    kept = [t for t in tokens if t not in stop][:words]
    return "_".join(kept)


def clean_paragraphs(text: str) -> list[str]:
    text = text.replace("\u00a0", " ")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        line = re.sub(r"\s+", " ", block).strip()
        if line:
            paragraphs.append(line)
    return paragraphs


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = pathlib.Path(argv[1])
    rows = [int(r) for r in argv[2:]]
    data = list(csv.DictReader(csv_path().open(encoding="utf-8")))
    taken = sorted(set(rows) & rows_already_used())
    if taken:
        print(f"rows already in a batch: {taken}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    sources = []
    for row in rows:
        article = data[row]
        if article["in_dev_set"]:
            print(f"row {row} is already in the dev set", file=sys.stderr)
            return 1
        article_id = f"wn_{article['date'][:4]}_{slug(article['title'])}"
        body = [article["title"].strip(), *clean_paragraphs(article["text"])]
        (out / f"{article_id}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
        sources.append(
            {
                "id": article_id,
                "csv_row": row,
                "url": article["url"].replace("org//wiki", "org/wiki"),
                "published": article["date"],
                "license": "CC BY 2.5 (Wikinews); attribution: Wikinews contributors",
            }
        )
    with (out / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(sources[0]))
        writer.writeheader()
        writer.writerows(sources)
    for s in sources:
        print(s["id"], s["published"], s["url"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
