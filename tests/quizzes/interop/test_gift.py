"""GIFT written by Moodle or by hand, read without the database."""

from quizzes.interop import gift
from quizzes.interop.data import BankData, ChoiceData, QuestionData

MOODLE_FILE = """// question: 1 name: capital
$CATEGORY: $course$/top/Geography

::capital::[html]Which country is <b>Paris</b> in? {
\t~Germany#No.
\t=France#Yes.
\t~Italy
\t####Paris has been the capital since 987.
}

The sun {=rises ~sets} in the east.

::tf:: The Earth is flat. {F}

::year:: In which year did the USSR dissolve? {#1991:0}

::essay:: Describe the summit. {}

::alt:: Name the Kazakh capital. {=Astana =Nur-Sultan}

::match:: Match the capitals. {=France -> Paris =Spain -> Madrid =Italy -> Rome}

::timeline:: Order the events. {=1 -> First =2 -> Second =3 -> Third}

Just a description with no answers.

::w:: Weighted {~%100%Right ~%0%Wrong}
"""


def test_reads_a_file_written_by_moodle():
    parsed = gift.load(MOODLE_FILE.encode())

    assert parsed.problems == []
    assert parsed.bank.title == "Geography"
    got = [
        (q.line, q.kind, q.prompt, q.answer, [(c.text, c.is_correct) for c in q.choices])
        for q in parsed.bank.questions
    ]
    assert got == [
        (
            4,
            "which_country",
            "Which country is Paris in?",
            "France",
            [("Germany", False), ("France", True), ("Italy", False)],
        ),
        (11, "cloze", "The sun _____ in the east.", "rises", [("rises", True), ("sets", False)]),
        (13, "true_false", "The Earth is flat.", "False", [("True", False), ("False", True)]),
        (15, "free_text", "In which year did the USSR dissolve?", "1991", []),
        (19, "free_text", "Name the Kazakh capital.", "Astana", []),
        (
            23,
            "ordering",
            "Order the events.",
            "First → Second → Third",
            [("First", False), ("Second", False), ("Third", False)],
        ),
        (27, "who_said", "Weighted", "Right", [("Right", True), ("Wrong", False)]),
    ]
    assert parsed.bank.questions[0].explanation == "Paris has been the capital since 987."
    assert parsed.warnings == [
        "line 17: an essay question was skipped: NewsQuiz has no essay kind.",
        "line 19: 1 alternative answer(s) dropped; kept 'Astana'.",
        "line 21: a matching question was skipped: only matching 1, 2, 3… to items "
        "(a timeline) can be imported.",
        "line 25: a description (no answers) was skipped.",
    ]


def test_special_characters_are_escaped_and_read_back():
    question = QuestionData(
        kind="who_said",
        prompt='Who said: "a {b} ~c =d #e :f \\g"?\nSecond line',
        answer="x=y",
        explanation="#1 ~ {2}",
        choices=[ChoiceData("x=y", True, 1), ChoiceData("p~q", False, 2)],
    )
    text = gift.dump(BankData(title="T", questions=[question]))

    back = gift.load(text).bank.questions[0]

    assert (back.prompt, back.answer, back.explanation) == (
        question.prompt,
        question.answer,
        question.explanation,
    )
    assert [(c.text, c.is_correct) for c in back.choices] == [("x=y", True), ("p~q", False)]


def test_ordering_is_written_as_matching_ranks():
    question = QuestionData(
        kind="ordering",
        prompt="Order",
        answer="A → B",
        choices=[ChoiceData("B", False, 2), ChoiceData("A", False, 1)],
    )
    text = gift.dump(BankData(title="T", questions=[question])).decode()

    assert "Order {\n\t=1 -> A\n\t=2 -> B\n}" in text


def test_unclosed_answers_are_a_problem_with_their_line():
    parsed = gift.load(b"Fine? {=yes ~no}\n\nBroken? {=yes ~no\n")
    assert [str(p) for p in parsed.problems] == ["line 3: The answers are not closed with '}'."]
