#!/usr/bin/env python3
"""Fail when extraction or generation compiles a pattern built at run time through `re`
directly: `re.search(rf"\\b{re.escape(name)}\\b", text)` inside a function.

Why: Python's `re` keeps only 512 compiled patterns and drops the oldest when full. A pattern
built from an article's words (a name, a date as written) is a new entry each time, so a few
hundred of them push the fixed patterns out and every call compiles again: the generation
benchmark lost a tenth of its time to that. Such patterns go through
`quizzes.extraction.text.regex()`, a compile behind its own cache. Fixed patterns (module
constants) and `re.escape` are fine.

Usage (from the project root; `make lint` runs it):
    python3 scripts/check_built_patterns.py [DIR ...]      (default: quizzes/)
Prints one line per call (file:line and the call) and exits 1 when there is one. Standard
library only.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RE_FUNCTIONS = {
    "compile",
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
}


def _built_at_run_time(pattern: ast.expr) -> bool:
    """An f-string with fields, a concatenation, a call or a local (lower-case) name: not a
    module constant, so possibly a new pattern on every call."""
    if isinstance(pattern, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in pattern.values)
    if isinstance(pattern, ast.BinOp | ast.Call):
        return True
    return isinstance(pattern, ast.Name) and not pattern.id.lstrip("_").isupper()


class _Finder(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.in_function = 0
        self.found: list[str] = []

    def _function(self, node: ast.AST) -> None:
        self.in_function += 1
        self.generic_visit(node)
        self.in_function -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Call(self, node: ast.Call) -> None:
        called = node.func
        if (
            self.in_function
            and isinstance(called, ast.Attribute)
            and isinstance(called.value, ast.Name)
            and called.value.id == "re"
            and called.attr in RE_FUNCTIONS
            and node.args
            and _built_at_run_time(node.args[0])
        ):
            call = ast.unparse(node)
            self.found.append(f"{self.path}:{node.lineno}: {call[:100]}")
        self.generic_visit(node)


def calls_in(path: Path) -> list[str]:
    finder = _Finder(path)
    finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return finder.found


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [ROOT / "quizzes"]
    found = [
        line
        for folder in folders
        for path in sorted(folder.rglob("*.py"))
        if path.name != "text.py" or path.parent.name != "extraction"  # regex() itself
        for line in calls_in(path)
    ]
    for line in found:
        print(f"{line}  -> use quizzes.extraction.text.regex()")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
