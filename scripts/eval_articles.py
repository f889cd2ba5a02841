"""Where the evaluation articles are, and which of them we may run the extractor on.

Shared by scripts/extraction_snapshot.py, scripts/calibrate_confidence.py and
scripts/check_eval_copies.py (run as scripts, so this module is imported by its file name).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT / "fixtures" / "realnews"


def shared_eval_dir() -> Path | None:
    """../shared/eval from the main checkout, ../../shared/eval from a worktree; None when
    this machine has no shared folder."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return None


def recorded_batches(readme: Path = REALNEWS / "README.md") -> set[str]:
    """Batch folders whose first (blind) run the README's table records, not marked reserved.
    Running the extractor on any other batch would spoil its blind figure."""
    if not readme.exists():
        return set()
    out = set()
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not re.fullmatch(r"(?:batch_)?\d+", cells[0]):
            continue
        if "reserved" in line.lower() or not any(cells[2:]):
            continue
        out.add(cells[0] if cells[0].startswith("batch_") else f"batch_{cells[0]}")
    return out


def published_of(gold: Path) -> str | None:
    """The publication date in a gold file, if it has one."""
    if not gold.exists():
        return None
    data = json.loads(gold.read_text(encoding="utf-8"))
    return data.get("published") if isinstance(data, dict) else None


def real_dev_articles() -> list[tuple[str, Path, Path]]:
    """(label, text, gold) of the real development articles we may run the extractor on:
    ../shared/eval/dev and the recorded, unreserved fixtures/realnews batches."""
    found: list[tuple[str, Path, Path]] = []
    shared = shared_eval_dir()
    if shared is not None:
        for txt in sorted((shared / "dev").glob("*.txt")):
            found.append((f"dev/{txt.stem}", txt, txt.with_suffix(".json")))
    for batch in sorted(recorded_batches()):
        for txt in sorted((REALNEWS / batch).glob("*.txt")):
            found.append((f"realnews/{batch}/{txt.stem}", txt, txt.with_suffix(".json")))
    return found
