#!/usr/bin/env python3
"""Fail when code or tests copy evaluation text: 8 words in a row of an evaluation article.

Usage (from the project root; `make lint` runs it):
    python3 scripts/check_eval_copies.py [--eval FILE_OR_DIR ...] [--scan DIR ...] [--words N]

Evaluation texts (default): ../shared/eval/seed_article.txt and ../shared/eval/dev/*.txt (skipped
when this machine has no shared folder), fixtures/eval/*.txt and fixtures/realnews/*/*.txt.
Scanned (default): every text file under quizzes/ and tests/. Words are compared lower case,
accents and punctuation aside, across line breaks and string boundaries, so a sentence
split over two string literals is still found. Prints one line per copy (file:line and the
words) and exits 1 when there is one; exits 0 otherwise. Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_articles import ROOT, shared_eval_dir  # noqa: E402

RUN = 8
TEXT_SUFFIXES = {".py", ".txt", ".md", ".json", ".html", ".csv", ".yaml", ".yml", ".toml"}
_WORD = re.compile(r"[a-z0-9]+")


def default_eval_files() -> list[Path]:
    files: list[Path] = []
    shared = shared_eval_dir()
    if shared is not None:
        files += [p for p in [shared / "seed_article.txt"] if p.exists()]
        files += sorted((shared / "dev").glob("*.txt"))
    files += sorted((ROOT / "fixtures" / "eval").glob("*.txt"))
    files += sorted((ROOT / "fixtures" / "realnews").glob("*/*.txt"))
    return files


def words(text: str) -> Iterator[tuple[str, int]]:
    """(word, line number) in order: lower case, no accents, apostrophes dropped ("don't"
    -> "dont"), any other non-alphanumeric character a break."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’‘'`]", "", text)
    for line_no, line in enumerate(text.split("\n"), start=1):
        for m in _WORD.finditer(line):
            yield m.group(0), line_no


def runs(text: str, size: int) -> Iterator[tuple[tuple[str, ...], int]]:
    """Every run of `size` consecutive words, with the line it starts on."""
    seq = list(words(text))
    for k in range(len(seq) - size + 1):
        yield tuple(w for w, _ in seq[k : k + size]), seq[k][1]


def eval_runs(files: list[Path], size: int) -> dict[tuple[str, ...], Path]:
    found: dict[tuple[str, ...], Path] = {}
    for path in files:
        for run, _line in runs(path.read_text(encoding="utf-8", errors="replace"), size):
            found.setdefault(run, path)
    return found


def scanned_files(dirs: list[Path]) -> Iterator[Path]:
    for base in dirs:
        if base.is_file():
            yield base
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
                yield path


def copies(
    scan: list[Path], known: dict[tuple[str, ...], Path], size: int
) -> Iterator[tuple[Path, int, tuple[str, ...], Path]]:
    """(file, line, words, evaluation file) for each copied run; overlapping runs of one
    copy are reported once."""
    for path in scanned_files(scan):
        last_line = -1
        for run, line in runs(path.read_text(encoding="utf-8", errors="replace"), size):
            source = known.get(run)
            if source is not None and line != last_line:
                last_line = line
                yield path, line, run, source


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", nargs="*", type=Path, help="evaluation texts (files or dirs)")
    parser.add_argument("--scan", nargs="*", type=Path, help="files or dirs to check")
    parser.add_argument("--words", type=int, default=RUN, help="run length (default 8)")
    args = parser.parse_args(argv)
    eval_files = default_eval_files() if args.eval is None else list(scanned_files(args.eval))
    scan = [ROOT / "quizzes", ROOT / "tests"] if args.scan is None else args.scan
    known = eval_runs(eval_files, args.words)
    found = list(copies(scan, known, args.words))
    for path, line, run, source in found:
        print(f"{_shown(path)}:{line}: {args.words} words of {_shown(source)}: {' '.join(run)}")
    if found:
        print(f"{len(found)} copies of evaluation text ({len(eval_files)} evaluation files)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
