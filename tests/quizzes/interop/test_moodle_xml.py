"""Moodle XML written by Moodle, read without the database."""

from quizzes.interop import moodle_xml

MOODLE_FILE = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Default for Civics/Elections</text></category>
  </question>
  <question type="multichoice">
    <name><text>Capital</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which country is <b>Astana</b> in?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Since 1997.</text></generalfeedback>
    <single>true</single>
    <answer fraction="0" format="html"><text>Uzbekistan</text></answer>
    <answer fraction="100" format="html"><text>Kazakhstan</text></answer>
  </question>
  <question type="truefalse">
    <questiontext format="moodle_auto_format"><text>Tashkent is in Uzbekistan.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <questiontext format="plain_text"><text>Name a &lt;big&gt; country.</text></questiontext>
    <answer fraction="100"><text>Russia</text></answer>
  </question>
  <question type="ordering">
    <questiontext format="html"><text>Order the events</text></questiontext>
    <answer fraction="2.0000000" format="html"><text>Second</text></answer>
    <answer fraction="1.0000000" format="html"><text>First</text></answer>
    <answer fraction="3.0000000" format="html"><text>Third</text></answer>
  </question>
  <question type="essay">
    <questiontext format="html"><text>Discuss.</text></questiontext>
  </question>
  <question type="matching">
    <questiontext format="html"><text>Timeline as matching</text></questiontext>
    <subquestion format="html"><text>1</text><answer><text>Early</text></answer></subquestion>
    <subquestion format="html"><text>2</text><answer><text>Late</text></answer></subquestion>
  </question>
  <question type="multichoice">
    <questiontext format="html"><text>Pick the years</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>1991</text></answer>
    <answer fraction="50"><text>1992</text></answer>
    <answer fraction="0"><text>2001</text></answer>
  </question>
</quiz>
"""


def test_reads_a_file_written_by_moodle():
    parsed = moodle_xml.load(MOODLE_FILE)

    assert parsed.bank.title == "Elections"
    got = [
        (q.line, q.kind, q.prompt, q.answer, [(c.text, c.is_correct) for c in q.choices])
        for q in parsed.bank.questions
    ]
    assert got == [
        (
            6,
            "which_country",
            "Which country is Astana in?",
            "Kazakhstan",
            [("Uzbekistan", False), ("Kazakhstan", True)],
        ),
        (
            14,
            "true_false",
            "Tashkent is in Uzbekistan.",
            "True",
            [("True", True), ("False", False)],
        ),
        (19, "free_text", "Name a <big> country.", "Russia", []),
        (
            23,
            "ordering",
            "Order the events",
            "First → Second → Third",
            [("First", False), ("Second", False), ("Third", False)],
        ),
        (
            32,
            "ordering",
            "Timeline as matching",
            "Early → Late",
            [("Early", False), ("Late", False)],
        ),
        (37, "when", "Pick the years", "", [("1991", True), ("1992", True), ("2001", False)]),
    ]
    assert parsed.bank.questions[0].explanation == "Since 1997."
    assert parsed.warnings == [
        "line 29: an essay question was skipped: NewsQuiz cannot hold it.",
        "line 37: a multiple-answer question: only one correct choice is allowed.",
    ]


def test_not_a_moodle_file():
    parsed = moodle_xml.load(b"<html><body>hi</body></html>")
    assert [str(p) for p in parsed.problems] == [
        "line 1: Expected a Moodle XML <quiz> element, found <html>."
    ]
