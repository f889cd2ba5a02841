"""Export and import a large bank in every format; prints seconds and sizes.

.venv/bin/python bench/bench_interop.py [QUESTIONS]   (default 2000)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._django import setup_django  # noqa: E402


def main(count: int) -> None:
    setup_django("bench-interop")
    from django.contrib.auth.models import Group

    from quizzes.interop import FORMATS, bank_export, bank_import
    from quizzes.models import Choice, Question
    from tests.factories import QuestionBankFactory, TeacherFactory

    Group.objects.get_or_create(name="Teachers")
    teacher = TeacherFactory(username="bench-teacher")
    bank = QuestionBankFactory(owner=teacher, title="Benchmark bank")
    questions = Question.objects.bulk_create(
        Question(
            bank=bank,
            kind="who_said",
            prompt=f"Who said: “statement number {n}”?",
            answer="Jane Doe",
            explanation="In the article.",
            status="published",
            position=n,
        )
        for n in range(count)
    )
    Choice.objects.bulk_create(
        Choice(question=q, text=text, is_correct=(text == "Jane Doe"), position=p)
        for q in questions
        for p, text in enumerate(["Jane Doe", "John Roe", "Ann Poe", "Max Moe"])
    )
    print(f"{count} questions, 4 choices each")
    print(f"{'format':<11} {'export s':>9} {'bytes':>10} {'import s':>9}")
    for fmt in FORMATS:
        started = time.perf_counter()
        data = bank_export(bank=bank, fmt=fmt)
        exported = time.perf_counter() - started
        started = time.perf_counter()
        result = bank_import(data=data, fmt=fmt, owner=teacher)
        imported = time.perf_counter() - started
        assert result.created == count
        print(f"{fmt:<11} {exported:>9.2f} {len(data):>10,} {imported:>9.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
