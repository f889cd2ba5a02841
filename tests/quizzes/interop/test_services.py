import json

import pytest

from quizzes.interop import FORMATS, ImportProblems, bank_export, bank_import, guess_format
from quizzes.models import Article, Choice, Question, QuestionBank
from tests.quizzes.interop.conftest import signature

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_keeps_every_question(mixed_bank, teacher, fmt):
    data = bank_export(bank=mixed_bank, fmt=fmt)

    result = bank_import(data=data, fmt=fmt, owner=teacher)

    imported = result.bank
    assert imported.pk != mixed_bank.pk
    assert imported.owner == teacher
    assert imported.status == "draft"
    assert result.created == 8
    assert signature(imported) == signature(mixed_bank)
    assert set(imported.questions.values_list("origin", flat=True)) == {"imported"}
    assert result.counts_by_kind == {
        "who_said": 1,
        "which_country": 1,
        "when": 1,
        "true_false": 1,
        "ordering": 1,
        "cloze": 2,
        "free_text": 1,
    }


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_guesses_the_format_from_the_file_name(mixed_bank, teacher, fmt):
    from quizzes.interop import export_filename

    data = bank_export(bank=mixed_bank, fmt=fmt)
    name = export_filename(bank=mixed_bank, fmt=fmt)

    result = bank_import(data=data, fmt=None, owner=teacher, filename=name)

    assert result.format == fmt
    assert signature(result.bank) == signature(mixed_bank)


@pytest.mark.parametrize("fmt", ["json", "csv", "gift", "moodle-xml"])
def test_format_is_guessed_from_content_alone(mixed_bank, fmt):
    assert guess_format(data=bank_export(bank=mixed_bank, fmt=fmt)) == fmt


def test_json_round_trip_keeps_article_evidence_and_fingerprints(mixed_bank, teacher):
    data = bank_export(bank=mixed_bank, fmt="json")

    bank = bank_import(data=data, fmt="json", owner=teacher, bank_title="Copy").bank

    assert bank.title == "Copy"
    assert bank.article == mixed_bank.article  # same text: the stored article is reused
    assert Article.objects.count() == 1
    original = list(mixed_bank.questions.order_by("position", "id"))
    copied = list(bank.questions.order_by("position", "id"))
    assert [q.evidence_text for q in copied] == [q.evidence_text for q in original]
    assert copied[0].evidence_text.startswith('"We will build new roads,"')
    assert [q.fingerprint for q in copied] == [q.fingerprint for q in original]


def test_json_import_on_another_site_creates_the_article(mixed_bank, teacher):
    data = json.loads(bank_export(bank=mixed_bank, fmt="json"))
    data["bank"]["article"]["text"] += "A new closing line.\n"

    bank = bank_import(data=json.dumps(data).encode(), fmt="json", owner=teacher).bank

    assert bank.article != mixed_bank.article
    assert bank.article.created_by == teacher
    assert bank.questions.first().evidence_text.startswith('"We will build')


def test_csv_import_links_article_by_url_and_keeps_checked_evidence(mixed_bank, teacher):
    bank = bank_import(data=bank_export(bank=mixed_bank, fmt="csv"), fmt="csv", owner=teacher).bank

    assert bank.article == mixed_bank.article
    assert bank.questions.first().evidence_text.startswith('"We will build')


def test_evidence_spans_without_article_are_dropped_with_a_warning(teacher):
    csv_text = (
        "kind,prompt,answer,evidence,evidence_start,evidence_end\n"
        "free_text,Who hosted?,Mirziyoyev,He hosted.,10,20\n"
    )
    result = bank_import(data=csv_text.encode(), fmt="csv", owner=teacher, bank_title="B")

    question = result.bank.questions.get()
    assert question.evidence_start is None
    assert any("evidence span" in w for w in result.warnings)


def test_title_comes_from_file_then_filename(teacher):
    csv_bytes = b"kind,prompt,answer\nfree_text,Capital of France?,Paris\n"
    assert (
        bank_import(data=csv_bytes, fmt=None, owner=teacher, filename="geo_quiz.csv").bank.title
        == "geo quiz"
    )
    gift_bytes = b"$CATEGORY: $course$/top/Capitals\n\nCapital of France? {=Paris}\n"
    assert bank_import(data=gift_bytes, fmt="gift", owner=teacher).bank.title == "Capitals"


def _nothing_written(before):
    assert (
        QuestionBank.objects.count(),
        Question.objects.count(),
        Choice.objects.count(),
    ) == before


def _counts():
    return QuestionBank.objects.count(), Question.objects.count(), Choice.objects.count()


def test_two_correct_answers_on_line_7_is_reported_and_nothing_written(teacher):
    rows = ["kind,prompt,correct,choice_1,choice_2,choice_3"]
    rows += [f"when,When was event {n}?,1,19{n}0,2000,2010" for n in range(5)]
    rows.append("who_said,Who said it?,1;2,Ann,Bob,Cy")  # line 7
    before = _counts()

    with pytest.raises(ImportProblems) as caught:
        bank_import(data="\n".join(rows).encode(), fmt="csv", owner=teacher)

    assert [str(p) for p in caught.value.problems] == [
        "line 7: choices: Exactly one choice must be correct (found 2)."
    ]
    _nothing_written(before)


def test_every_problem_is_listed_not_just_the_first(teacher):
    rows = [
        "kind,prompt,answer,difficulty,correct,choice_1,choice_2",
        "who_said,Who?,,9,1,Ann,Bob",
        "sometimes,What?,x,2,,,",
        "free_text,,x,2,,,",
        "when,When?,,2,3,1990,1991",
    ]
    with pytest.raises(ImportProblems) as caught:
        bank_import(data="\n".join(rows).encode(), fmt="csv", owner=teacher)

    messages = caught.value.messages()
    assert "line 2: difficulty: Difficulty must be a whole number from 1 to 5 (got 9)." in messages
    assert any(m.startswith("line 3: kind: Unknown kind 'sometimes'") for m in messages)
    assert "line 4: prompt: The question has no prompt." in messages
    assert "line 5: correct: correct = '3' names no filled choice column." in messages
    assert QuestionBank.objects.count() == 0


def test_wrong_columns_are_reported_on_line_1(teacher):
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=b"question,reply\nWho?,Ann\n", fmt="csv", owner=teacher)

    assert caught.value.messages() == [
        "line 1: Unknown column 'question'. Known columns: id, kind, status, difficulty, prompt, "
        "answer, explanation, evidence, evidence_start, evidence_end, fingerprint, source_url, "
        "correct, choice_1, choice_2, …",
        "line 1: Unknown column 'reply'. Known columns: id, kind, status, difficulty, prompt, "
        "answer, explanation, evidence, evidence_start, evidence_end, fingerprint, source_url, "
        "correct, choice_1, choice_2, …",
        "line 1: Missing required column 'kind'.",
        "line 1: Missing required column 'prompt'.",
    ]


def test_csv_multiline_cells_keep_line_numbers(teacher):
    data = b'kind,prompt,answer\nfree_text,"A prompt\nover two lines",x\nordering,Order these,\n'
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="csv", owner=teacher)

    assert caught.value.messages() == [
        "line 4: choices: A timeline (ordering) question needs at least two items."
    ]


def test_broken_xml_names_its_line(teacher):
    data = b'<?xml version="1.0"?>\n<quiz>\n  <question type="multichoice">\n  </quiz>\n'
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="moodle-xml", owner=teacher)

    assert caught.value.messages() == ["line 4: Broken XML: mismatched tag (column 5)."]
    assert QuestionBank.objects.count() == 0


def test_xml_with_entities_is_refused(teacher):
    data = b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz>&a;</quiz>'
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="moodle-xml", owner=teacher)

    assert "DOCTYPE" in caught.value.messages()[0]


def test_broken_json_names_its_line(teacher):
    data = b'{"questions": [\n  {"kind": "free_text", "prompt": "A?", "answer": "a"}\n  {"kind": 1}\n]}'
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="json", owner=teacher)

    assert caught.value.messages() == ["line 3: Broken JSON: Expecting ',' delimiter (column 3)."]


def test_json_problem_names_the_line_of_its_question(teacher):
    data = (
        b'{"questions": [\n'
        b'  {"kind": "free_text", "prompt": "A?", "answer": "a"},\n'
        b'  {"kind": "which_country", "prompt": "Where?",\n'
        b'   "choices": [{"text": "France", "correct": true}, {"text": "Spain", "correct": true}]}\n'
        b"]}"
    )
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="json", owner=teacher)

    assert caught.value.messages() == [
        "line 3: choices: Exactly one choice must be correct (found 2)."
    ]


def test_gift_problem_names_its_line(teacher):
    data = b"// quiz\n\nCapital of France? {=Paris ~Rome}\n\nCapital of Spain? {=Madrid =Seville ~Rome}\n"
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="gift", owner=teacher)

    assert caught.value.messages() == [
        "line 5: choices: Exactly one choice must be correct (found 2)."
    ]


def test_binary_file_is_refused(teacher):
    data = bytes(range(256)) * 4
    for fmt in (None, "csv", "gift", "json", "moodle-xml", "apkg"):
        with pytest.raises(ImportProblems) as caught:
            bank_import(data=data, fmt=fmt, owner=teacher, filename="bank.bin")
        assert caught.value.problems, fmt
    assert QuestionBank.objects.count() == 0


def test_binary_file_message(teacher):
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=b"\x00\x01\x02abc", fmt="csv", owner=teacher)
    assert caught.value.messages() == ["This file is binary, not text."]


def test_empty_file_and_unknown_format(teacher):
    with pytest.raises(ImportProblems, match="empty"):
        bank_import(data=b"", fmt=None, owner=teacher)
    with pytest.raises(ImportProblems, match="Unknown format 'docx'"):
        bank_import(data=b"hello", fmt="docx", owner=teacher)
    with pytest.raises(ImportProblems, match="Cannot tell the format"):
        bank_import(data=b"just some words", fmt=None, owner=teacher)


def test_only_teachers_import(student, mixed_bank):
    with pytest.raises(ImportProblems, match="not a teacher"):
        bank_import(data=bank_export(bank=mixed_bank, fmt="json"), fmt="json", owner=student)


def test_archived_questions_are_not_exported(mixed_bank):
    question = mixed_bank.questions.get(kind="when")
    question.status = "archived"
    question.save()

    data = json.loads(bank_export(bank=mixed_bank, fmt="json"))

    assert len(data["questions"]) == 7
    assert "When did the USSR dissolve?" not in [q["prompt"] for q in data["questions"]]


def test_duplicate_fingerprints_in_a_file_are_a_problem(teacher):
    data = json.dumps(
        {
            "questions": [
                {"kind": "free_text", "prompt": "A?", "answer": "a", "fingerprint": "abc"},
                {"kind": "free_text", "prompt": "B?", "answer": "b", "fingerprint": "abc"},
            ]
        },
        indent=1,
    ).encode()
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="json", owner=teacher)

    assert caught.value.messages() == [
        "line 9: fingerprint: Same fingerprint as the question at line 3."
    ]


def test_nul_characters_are_refused_not_a_server_error(teacher):
    data = json.dumps(
        {
            "bank": {"title": "T"},
            "questions": [{"kind": "free_text", "prompt": "A\u0000?", "answer": "a"}],
        },
        indent=1,
    ).encode()
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="json", owner=teacher)

    assert caught.value.messages() == [
        "line 6: The text holds a NUL character (\\u0000), which cannot be stored."
    ]


def test_tags_are_reused_by_name_or_slug(teacher):
    from quizzes.models import Tag

    Tag.objects.create(name="Asia")
    data = json.dumps(
        {
            "bank": {"title": "T", "tags": ["Asia", "asia!", "Europe", "???"]},
            "questions": [{"kind": "free_text", "prompt": "A?", "answer": "a"}],
        }
    ).encode()

    bank = bank_import(data=data, fmt="json", owner=teacher).bank

    assert sorted(bank.tags.values_list("name", flat=True)) == ["Asia", "Europe"]
    assert Tag.objects.count() == 2


def test_json_choice_correct_must_be_boolean(teacher):
    data = (
        b'[{"kind": "when", "prompt": "When?",\n'
        b'  "choices": [{"text": "1991", "correct": "yes"}, {"text": "1992"}]}]'
    )
    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="json", owner=teacher)

    assert "line 2: choices: A choice's 'correct' must be true or false." in caught.value.messages()


def test_damaged_apkg_is_a_problem(mixed_bank, teacher):
    data = bytearray(bank_export(bank=mixed_bank, fmt="apkg"))
    data[200:400] = b"\xff" * 200  # inside the compressed collection

    with pytest.raises(ImportProblems) as caught:
        bank_import(data=bytes(data), fmt="apkg", owner=teacher)

    assert caught.value.problems
    assert QuestionBank.objects.filter(owner=teacher).count() == 1
