"""Moodle XML (the question bank export/import format of Moodle).

Mapping (see docs/formats.md):
- who_said / which_country / when, cloze with choices, true/false with other
  choices than True/False -> `multichoice` (single answer, fraction 100 / 0)
- true/false with choices True, False -> `truefalse`
- cloze without choices, free_text -> `shortanswer`
- ordering -> `ordering` (the qtype_ordering plugin, standard since Moodle 4.4;
  older sites need the plugin installed). Items are written in the correct
  order with fraction 1, 2, 3…
Each question carries tags `newsquiz:kind=…`, `newsquiz:status=…`,
`newsquiz:difficulty=…` (Moodle keeps tags), the explanation is the general
feedback, the bank title the category. Files from elsewhere: `numerical`
becomes free_text, matching 1..n -> ordering, description/essay/cloze
(multianswer) are skipped with a warning; missing kind tags are guessed.

Reading uses expat directly (for line numbers) and refuses DOCTYPE/entities.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.parsers import expat

from .checks import guess_kind
from .data import (
    TRUE_FALSE_TEXTS,
    BankData,
    ChoiceData,
    ParsedBank,
    QuestionData,
    decode_text,
    fill_answer,
)

TAG_PREFIX = "newsquiz:"
_TAG = re.compile(r"<[^>]+>")
_BREAKS = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)


# ---------------------------------------------------------------- writing


def _text_el(parent: ET.Element, tag: str, text: str, *, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = _to_html(text) if fmt == "html" else text
    return element


def _to_html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _name(q: QuestionData) -> str:
    words = q.prompt.replace("\n", " ")
    return words if len(words) <= 60 else words[:59] + "…"


def _qtype(q: QuestionData, ordered: list[ChoiceData]) -> str:
    """The Moodle question type a question is written as (see the mapping above)."""
    if q.kind == "ordering":
        return "ordering"
    if q.is_plain_true_false:
        return "truefalse"
    return "multichoice" if ordered else "shortanswer"


def _multichoice_answers(element: ET.Element, ordered: list[ChoiceData]) -> None:
    ET.SubElement(element, "single").text = "true"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    for c in ordered:
        answer = _text_el(element, "answer", c.text)
        answer.set("fraction", "100" if c.is_correct else "0")


def _truefalse_answers(element: ET.Element, ordered: list[ChoiceData]) -> None:
    truth = ordered[0].is_correct
    for text, correct in (("true", truth), ("false", not truth)):
        answer = ET.SubElement(
            element,
            "answer",
            {"fraction": "100" if correct else "0", "format": "moodle_auto_format"},
        )
        ET.SubElement(answer, "text").text = text


def _shortanswer_answer(element: ET.Element, q: QuestionData) -> None:
    ET.SubElement(element, "usecase").text = "0"
    answer = ET.SubElement(element, "answer", {"fraction": "100", "format": "moodle_auto_format"})
    ET.SubElement(answer, "text").text = q.answer


def _ordering_answers(element: ET.Element, ordered: list[ChoiceData]) -> None:
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        ET.SubElement(element, tag).text = value
    for n, c in enumerate(ordered, start=1):
        answer = ET.SubElement(element, "answer", {"fraction": f"{n}.0000000", "format": "html"})
        ET.SubElement(answer, "text").text = _to_html(c.text)


def _question_el(quiz: ET.Element, q: QuestionData) -> None:
    """One <question>: its common fields, the answers of its type, its newsquiz tags."""
    ordered = q.ordered_choices
    qtype = _qtype(q, ordered)
    element = ET.SubElement(quiz, "question", {"type": qtype})
    _text_el(element, "name", _name(q), fmt=None)
    _text_el(element, "questiontext", q.prompt)
    _text_el(element, "generalfeedback", q.explanation)
    ET.SubElement(element, "defaultgrade").text = "1.0000000"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber")  # left empty: Moodle wants it unique per category
    if qtype == "multichoice":
        _multichoice_answers(element, ordered)
    elif qtype == "truefalse":
        _truefalse_answers(element, ordered)
    elif qtype == "shortanswer":
        _shortanswer_answer(element, q)
    else:  # ordering
        _ordering_answers(element, ordered)
    tags = ET.SubElement(element, "tags")
    for key, value in (
        ("kind", q.kind),
        ("status", q.status),
        ("difficulty", str(q.difficulty)),
    ):
        ET.SubElement(ET.SubElement(tags, "tag"), "text").text = f"{TAG_PREFIX}{key}={value}"


def dump(bank: BankData) -> bytes:
    quiz = ET.Element("quiz")
    if bank.title:
        category = ET.SubElement(quiz, "question", {"type": "category"})
        _text_el(category, "category", f"$course$/top/{bank.title}", fmt=None)
        _text_el(category, "info", bank.description)
    for q in bank.questions:
        _question_el(quiz, q)
    ET.indent(quiz, space="  ")
    body: bytes = ET.tostring(quiz, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


# ---------------------------------------------------------------- reading


@dataclass
class Node:
    tag: str
    attrib: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def child_text(self, tag: str) -> str:
        """The text of <tag><text>…</text></tag>, or of <tag>…</tag>."""
        node = self.find(tag)
        if node is None:
            return ""
        inner = node.find("text")
        return (inner.text if inner is not None else node.text).strip()


class _Refused(Exception):
    pass


def parse_tree(text: str) -> Node:
    """A tiny tree with line numbers. Raises expat.ExpatError or _Refused."""
    parser = expat.ParserCreate()
    root = Node("#document", {}, 1)
    stack = [root]
    texts: list[list[str]] = [[]]

    def start(tag: str, attrib: dict[str, str]) -> None:
        node = Node(tag, attrib, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)
        texts.append([])

    def end(tag: str) -> None:
        node = stack.pop()
        node.text = "".join(texts.pop())

    def data(chunk: str) -> None:
        texts[-1].append(chunk)

    def refuse(*args: object) -> None:
        raise _Refused("DOCTYPE and entity declarations are not accepted.")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.Parse(text, True)
    return root


def _plain(text: str, fmt: str) -> str:
    if fmt in ("html", "moodle_auto_format", ""):
        text = _BREAKS.sub("\n", text)
        text = html.unescape(_TAG.sub("", text))
    return text.strip()


def _formatted(node: Node | None) -> str:
    if node is None:
        return ""
    inner = node.find("text")
    raw = inner.text if inner is not None else node.text
    return _plain(raw, node.attrib.get("format", "html"))


def _quiz_element(text: str, parsed: ParsedBank) -> Node | None:
    """The document's <quiz> element; None (with a problem) when it has none or is
    not well-formed XML."""
    try:
        root = parse_tree(text)
    except expat.ExpatError as error:
        parsed.problem(
            f"Broken XML: {expat.ErrorString(error.code)} (column {error.offset + 1}).",
            line=error.lineno,
        )
        return None
    except _Refused as error:
        parsed.problem(str(error), line=1)
        return None
    quiz = root.find("quiz")
    if quiz is None:
        top = root.children[0].tag if root.children else "nothing"
        parsed.problem(f"Expected a Moodle XML <quiz> element, found <{top}>.", line=1)
    return quiz


def _category(element: Node, parsed: ParsedBank) -> None:
    """A category names the bank (its last path part) and may describe it."""
    path = element.child_text("category")
    title = path.replace("$course$/", "").replace("$system$/", "").split("/")[-1].strip()
    if title and title != "top":
        parsed.bank.title = title
    info = element.find("info")
    if info is not None and not parsed.bank.description:
        parsed.bank.description = _formatted(info)


def load(data: bytes) -> ParsedBank:
    parsed = ParsedBank(bank=BankData())
    text = decode_text(data, parsed)
    if text is None:
        return parsed
    quiz = _quiz_element(text, parsed)
    if quiz is None:
        return parsed
    position = 0
    for element in quiz.children:
        if element.tag != "question":
            continue
        qtype = element.attrib.get("type", "")
        if qtype == "category":
            _category(element, parsed)
            continue
        question = _question(element, qtype, parsed)
        if question is not None:
            position += 1
            question.position = position
            parsed.bank.questions.append(question)
    return parsed


def _answers(element: Node) -> list[tuple[str, float]]:
    out = []
    for answer in element.findall("answer"):
        try:
            fraction = float(answer.attrib.get("fraction", "0"))
        except ValueError:
            fraction = 0.0
        out.append((_formatted(answer), fraction))
    return out


def _meta(element: Node) -> dict[str, str]:
    """NewsQuiz's own fields kept in a question's tags (`<TAG_PREFIX>kind=cloze`)."""
    meta: dict[str, str] = {}
    tags = element.find("tags")
    for tag in tags.findall("tag") if tags is not None else []:
        value = tag.child_text("text") if tag.find("text") is not None else tag.text.strip()
        if value.startswith(TAG_PREFIX) and "=" in value:
            key, _, item = value[len(TAG_PREFIX) :].partition("=")
            meta[key] = item
    return meta


def _short_answer(
    question: QuestionData,
    answers: list[tuple[str, float]],
    meta: dict[str, str],
    parsed: ParsedBank,
) -> bool:
    """A short answer's (or number's) first full-marks answer, as a cloze or free
    text question; False (with a problem) when it has none."""
    line = question.line
    accepted = [text for text, fraction in answers if fraction >= 100] or [t for t, _ in answers]
    if not accepted:
        parsed.problem("A short-answer question without an answer.", line=line, field="answer")
        return False
    question.answer = accepted[0]
    if len(accepted) > 1:
        parsed.warn(
            f"{len(accepted) - 1} alternative answer(s) dropped; kept {accepted[0]!r}.",
            line=line,
        )
    kind = meta.get("kind") or ""
    question.kind = kind if kind in ("cloze", "free_text") else ""
    if not question.kind:
        question.kind = "cloze" if "___" in question.prompt else "free_text"
    return True


def _question(element: Node, qtype: str, parsed: ParsedBank) -> QuestionData | None:
    meta = _meta(element)
    question = QuestionData(
        kind="",
        prompt=_formatted(element.find("questiontext")),
        explanation=_formatted(element.find("generalfeedback")),
        ref=element.child_text("idnumber"),
        line=element.line,
    )
    if not _fill_by_type(question, element, qtype, meta, parsed):
        return None
    _apply_meta(question, meta)
    fill_answer(question)
    return question


def _fill_by_type(
    question: QuestionData, element: Node, qtype: str, meta: dict[str, str], parsed: ParsedBank
) -> bool:
    """The kind, choices and answer of Moodle's question type; False (with a warning or a
    problem) for one NewsQuiz cannot hold."""
    answers = _answers(element)
    if qtype == "multichoice":
        if element.child_text("single") in ("false", "0"):
            parsed.warn(
                "a multiple-answer question: only one correct choice is allowed.", line=element.line
            )
        question.choices = [
            ChoiceData(text, fraction > 0, n) for n, (text, fraction) in enumerate(answers, start=1)
        ]
    elif qtype == "truefalse":
        _fill_true_false(question, answers)
    elif qtype in ("shortanswer", "numerical"):
        return _short_answer(question, answers, meta, parsed)
    elif qtype == "ordering":
        _fill_ordering(question, answers)
    elif qtype == "matching":
        timeline = _timeline_of_matching(element, parsed)
        if timeline is None:
            return False
        question.kind = "ordering"
        question.choices = timeline
    else:
        _warn_skipped(qtype, parsed, line=element.line)
        return False
    return True


def _fill_true_false(question: QuestionData, answers: list[tuple[str, float]]) -> None:
    """True and false as two choices, the one with a positive fraction correct."""
    truth = next((t.lower() == "true" for t, f in answers if f > 0), True)
    question.kind = "true_false"
    question.choices = [
        ChoiceData(TRUE_FALSE_TEXTS[0], truth, 1),
        ChoiceData(TRUE_FALSE_TEXTS[1], not truth, 2),
    ]


def _fill_ordering(question: QuestionData, answers: list[tuple[str, float]]) -> None:
    """The items in order: by their fractions when those all differ, else as written."""
    question.kind = "ordering"
    items = [(fraction, n, text) for n, (text, fraction) in enumerate(answers)]
    if len({f for f, _, _ in items}) == len(items):
        items.sort()
    question.choices = [ChoiceData(text, False, n) for n, (_, _, text) in enumerate(items, start=1)]


def _warn_skipped(qtype: str, parsed: ParsedBank, *, line: int | None) -> None:
    label = {
        "essay": "an essay",
        "description": "a description",
        "multianswer": "an embedded-answers (cloze) question",
    }.get(qtype, f"a {qtype!r}")
    parsed.warn(f"{label} question was skipped: NewsQuiz cannot hold it.", line=line)


def _timeline_of_matching(element: Node, parsed: ParsedBank) -> list[ChoiceData] | None:
    """A matching question of 1, 2, 3… to items is a timeline: its items in order as
    an ordering question's choices; any other matching is skipped with a warning."""
    subquestions = element.findall("subquestion")
    lefts = [_formatted(sub) for sub in subquestions]
    rights = [_formatted(sub.find("answer")) for sub in subquestions]
    if lefts != [str(n) for n in range(1, len(lefts) + 1)]:
        parsed.warn(
            "a matching question was skipped: only matching 1, 2, 3… to items (a timeline) can be imported.",
            line=element.line,
        )
        return None
    return [ChoiceData(text, False, n) for n, text in enumerate(rights, start=1)]


def _apply_meta(question: QuestionData, meta: dict[str, str]) -> None:
    """Kind, status and difficulty from the newsquiz tags; a kind guessed when the
    file came from elsewhere, difficulty 2 when the tag is not a number."""
    if meta.get("kind"):
        question.kind = meta["kind"]
    elif not question.kind:
        question.kind = guess_kind(question)
    question.status = meta.get("status", "draft")
    difficulty = meta.get("difficulty", "2")
    question.difficulty = int(difficulty) if difficulty.isdigit() else 2
