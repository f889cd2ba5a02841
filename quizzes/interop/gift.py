"""Moodle GIFT (plain text, one question per blank-line separated block).

Mapping (see docs/formats.md):
- who_said / which_country / when, cloze with choices, true/false with other
  choices than True/False -> multiple choice `{=right ~wrong ~wrong}`
- true/false with choices True, False -> `{TRUE}` / `{FALSE}`
- cloze without choices and free_text -> short answer `{=answer}`
- ordering -> matching `{=1 -> first item =2 -> second item …}` (GIFT has no
  ordering type; Moodle shows it as "match each event to its place")
The explanation travels as general feedback (`####…`). A comment line
`// [newsquiz] kind=… status=… difficulty=…` before each question keeps the
NewsQuiz kind; files from elsewhere are mapped by guessing (checks.guess_kind).
Essay and description questions in foreign files are skipped with a warning;
numerical ones become free_text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

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

META_PREFIX = "// [newsquiz]"
_SPECIAL = "~=#{}:\\"
_FORMAT_MARK = re.compile(r"^\[(html|moodle|plain|markdown)\]")
_TAG = re.compile(r"<[^>]+>")


def escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in _SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return "".join(out)


def unescape(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _name(q: QuestionData) -> str:
    words = q.prompt.replace("\n", " ")
    return words if len(words) <= 60 else words[:59] + "…"


def dump(bank: BankData) -> bytes:
    lines = [f"// NewsQuiz bank: {bank.title}".replace("\n", " "), ""]
    if bank.title:
        lines += [f"$CATEGORY: {bank.title}".replace("\n", " "), ""]
    for q in bank.questions:
        meta = f"{META_PREFIX} kind={q.kind} status={q.status} difficulty={q.difficulty}"
        if q.ref:
            meta += f" id={q.ref}"
        lines.append(meta)
        head = f"::{escape(_name(q))}:: {escape(q.prompt)}"
        feedback = f"####{escape(q.explanation)}" if q.explanation else ""
        ordered = q.ordered_choices
        if q.is_plain_true_false:
            value = "TRUE" if ordered[0].is_correct else "FALSE"
            lines.append(f"{head} {{{value}{feedback}}}")
        elif q.kind == "ordering":
            lines.append(head + " {")
            lines += [f"\t={n} -> {escape(c.text)}" for n, c in enumerate(ordered, start=1)]
            lines += [f"\t{feedback}"] if feedback else []
            lines.append("}")
        elif ordered:
            lines.append(head + " {")
            lines += [f"\t{'=' if c.is_correct else '~'}{escape(c.text)}" for c in ordered]
            lines += [f"\t{feedback}"] if feedback else []
            lines.append("}")
        else:
            lines.append(f"{head} {{={escape(q.answer)}{feedback}}}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


# ---------------------------------------------------------------- parsing


def _find_unescaped(text: str, targets: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in targets:
            return i
        i += 1
    return -1


def _split_answers(body: str) -> tuple[list[tuple[str, str]], str]:
    """'=a#fb ~b ####general' -> ([('=', 'a'), ('~', 'b')], 'general')."""
    general = ""
    i = 0
    while True:
        i = _find_unescaped(body, "#", i)
        if i < 0:
            break
        if body.startswith("####", i):
            general = body[i + 4 :]
            body = body[:i]
            break
        i += 1
    parts: list[tuple[str, str]] = []
    i = _find_unescaped(body, "=~")
    while i >= 0:
        j = _find_unescaped(body, "=~", i + 1)
        segment = body[i + 1 : j if j >= 0 else len(body)]
        feedback_at = _find_unescaped(segment, "#")
        if feedback_at >= 0:
            segment = segment[:feedback_at]
        parts.append((body[i], segment))
        i = j
    return parts, general


def _clean(text: str, markup: str) -> str:
    text = unescape(text).strip()
    if markup == "html":
        text = html.unescape(_TAG.sub("", text))
    return text.strip()


_WEIGHT = re.compile(r"^%(-?[0-9.]+)%")


def _blocks(text: str) -> Iterator[tuple[int, list[str], dict[str, str], str | None]]:
    """(first line number, lines, meta dict, category) per question block."""
    lines = enumerate(text.split("\n"), start=1)
    pending_meta: dict[str, str] = {}
    for number, raw in lines:
        stripped = raw.strip()
        if stripped.startswith(META_PREFIX):
            pending_meta = dict(
                item.split("=", 1) for item in stripped[len(META_PREFIX) :].split() if "=" in item
            )
        elif stripped.startswith("$CATEGORY:"):
            yield number, [], {}, stripped[len("$CATEGORY:") :].strip()
        elif stripped and not stripped.startswith("//"):
            yield number, _block_from(raw, lines), pending_meta, None
            pending_meta = {}


def _block_from(first: str, lines: Iterator[tuple[int, str]]) -> list[str]:
    """A question block: `first` and the lines after it up to a blank line (taken from
    `lines`), comments left out."""
    block = [first]
    for _, raw in lines:
        stripped = raw.strip()
        if not stripped:
            break
        if not stripped.startswith("//"):
            block.append(raw)
    return block


def load(data: bytes) -> ParsedBank:
    parsed = ParsedBank(bank=BankData())
    text = decode_text(data, parsed)
    if text is None:
        return parsed
    for line, block, meta, category in _blocks(text):
        if category is not None:
            if not parsed.bank.title and category:
                parsed.bank.title = category.replace("$course$/", "").split("/")[-1].strip()
            continue
        question = _parse_block(" ".join(part.strip() for part in block), line, meta, parsed)
        if question is not None:
            parsed.bank.questions.append(question)
    if not parsed.bank.questions and not parsed.problems and not text.strip():
        parsed.problem("The file is empty.")
    return parsed


def _timeline_choices(parts: list[tuple[str, str]], markup: str) -> list[ChoiceData] | None:
    """A matching block's items in order, when it matches 1, 2, 3… to them (a
    timeline); None for any other matching, which NewsQuiz cannot hold."""
    pairs = []
    for _, text in parts:
        left, _, right = text.partition("->")
        pairs.append((_clean(left, markup), _clean(right, markup)))
    ranks = [left for left, _ in pairs]
    if ranks != [str(n) for n in range(1, len(ranks) + 1)]:
        return None
    return [ChoiceData(right, False, n) for n, (_, right) in enumerate(pairs, 1)]


def _parse_block(
    source: str, line: int, meta: dict[str, str], parsed: ParsedBank
) -> QuestionData | None:
    pieces = _block_pieces(source, line, parsed)
    if pieces is None:
        return None
    prompt, body, markup = pieces
    question = QuestionData(kind="", prompt=prompt, line=line)
    parts, general = _split_answers(body)
    question.explanation = _clean(general, markup)
    if not body:
        parsed.warn("an essay question was skipped: NewsQuiz has no essay kind.", line=line)
        return None
    if not _read_answers(question, body, parts, meta=meta, markup=markup, parsed=parsed):
        return None
    if meta.get("kind"):
        question.kind = meta["kind"]
    elif not question.kind and "_____" in prompt and question.choices:
        question.kind = "cloze"  # GIFT's missing-word form
    elif not question.kind:
        question.kind = guess_kind(question)
    question.status = meta.get("status", "draft")
    difficulty = meta.get("difficulty", "2")
    question.difficulty = int(difficulty) if difficulty.isdigit() else 2
    question.ref = meta.get("id", "")
    fill_answer(question)
    return question


def _block_pieces(source: str, line: int, parsed: ParsedBank) -> tuple[str, str, str] | None:
    """A question's prompt (a blank where the answers sat mid-text), the body between
    its braces and its markup; None (with a problem or warning) when unreadable."""
    if source.startswith("::"):
        end = source.find("::", 2)
        if end < 0:
            parsed.problem("The question name is not closed with '::'.", line=line)
            return None
        source = source[end + 2 :].strip()
    markup = ""
    if match := _FORMAT_MARK.match(source):
        markup = match.group(1)
        source = source[match.end() :]
    open_at = _find_unescaped(source, "{")
    if open_at < 0:
        parsed.warn("a description (no answers) was skipped.", line=line)
        return None
    close_at = _find_unescaped(source, "}", open_at)
    if close_at < 0:
        parsed.problem("The answers are not closed with '}'.", line=line)
        return None
    before, body, after = source[:open_at], source[open_at + 1 : close_at], source[close_at + 1 :]
    if _find_unescaped(after, "{") >= 0:
        parsed.warn("a question with several answer blocks was skipped.", line=line)
        return None
    prompt = _clean(before, markup)
    if _clean(after, markup):
        prompt = f"{prompt} _____ {_clean(after, markup)}".strip()
    return prompt, body.strip(), markup


_CHOICE_KINDS = {"who_said", "which_country", "when", "true_false"}


def _read_answers(
    question: QuestionData,
    body: str,
    parts: list[tuple[str, str]],
    *,
    meta: dict[str, str],
    markup: str,
    parsed: ParsedBank,
) -> bool:
    """The answer block's form (numeric, true/false, a timeline, short answers,
    choices) read into the question; False (with a problem or warning) if unreadable."""
    line = question.line
    head = body.split("#", 1)[0].strip().upper()
    if body.startswith("#"):
        number = unescape(body[1:].split("#", 1)[0]).strip()
        question.answer = re.split(r"[:]|\.\.", number)[0].strip()
        kind = meta.get("kind") or "free_text"
        question.kind = kind if kind in ("free_text", "cloze") else "free_text"
    elif head in ("T", "TRUE", "F", "FALSE"):
        truth = head.startswith("T")
        question.kind = "true_false"
        question.choices = [
            ChoiceData(TRUE_FALSE_TEXTS[0], truth, 1),
            ChoiceData(TRUE_FALSE_TEXTS[1], not truth, 2),
        ]
    elif meta.get("kind", "ordering") == "ordering" and any("->" in text for _, text in parts):
        timeline = _timeline_choices(parts, markup)
        if timeline is None:
            parsed.warn(
                "a matching question was skipped: only matching 1, 2, 3… to items "
                "(a timeline) can be imported.",
                line=line,
            )
            return False
        question.kind = "ordering"
        question.choices = timeline
    elif parts and all(sign == "=" for sign, _ in parts) and meta.get("kind") not in _CHOICE_KINDS:
        question.kind = meta.get("kind") or ("cloze" if "_____" in question.prompt else "free_text")
        question.answer = _clean(parts[0][1], markup)
        if len(parts) > 1:
            parsed.warn(
                f"{len(parts) - 1} alternative answer(s) dropped; kept {question.answer!r}.",
                line=line,
            )
    elif parts:
        question.choices = _weighted_choices(parts, markup)
    else:
        parsed.problem("Cannot read the answers between { and }.", line=line)
        return False
    return True


def _weighted_choices(parts: list[tuple[str, str]], markup: str) -> list[ChoiceData]:
    """Choices from `=right` / `~wrong` answers; a `~%50%` weight above 0 is right too."""
    choices = []
    for position, (sign, text) in enumerate(parts, start=1):
        weight = _WEIGHT.match(text.strip())
        correct = sign == "=" or (weight is not None and float(weight.group(1)) > 0)
        text = _WEIGHT.sub("", text.strip())
        choices.append(ChoiceData(_clean(text, markup), correct, position))
    return choices
