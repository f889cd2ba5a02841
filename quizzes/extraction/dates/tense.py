"""The tense a date is read in ("last Friday" or "next Friday" for a bare "Friday"), and where
the quotations are."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from quizzes.extraction.article_caches import per_article

PLAN_VERBS = {
    "hope", "plan", "expect", "intend", "aim", "want", "schedule", "due", "set", "prepare",
    "seek", "wish", "promise", "vow", "pledge", "propose", "agree", "decide", "threaten",
    "forecast", "predict", "project",
}  # fmt: skip


def forms(verbs: set[str]) -> frozenset[str]:
    """Inflected forms, since the small model's lemmas slip ("hoped" -> "hop")."""
    out = set(verbs)
    for v in verbs:
        stem = v[:-1] if v.endswith("e") else v
        out |= {v + "s", stem + "ed", stem + "ing", v + "d"}
        if len(v) <= 4 and v[-1] not in "aeiouwy" and v[-2] in "aeiou":
            out |= {v + v[-1] + "ed", v + v[-1] + "ing"}  # planned, planning
    return frozenset(out)


PLAN_FORMS = forms(PLAN_VERBS)
# Passive verbs of planning: "is expected in April", "are scheduled for May".
_SCHEDULED = {"expect", "expected", "schedule", "scheduled", "plan", "planned", "slate", "slated", "set", "due"}  # fmt: skip
REPORTING_VERBS = {"say", "tell", "add", "write", "announce", "state", "note", "confirm", "warn"}


_DOC_TEXT = "_text"  # doc.user_data's key of doc_text


def doc_text(doc: Doc) -> str:
    """The doc's text, built once (``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get(_DOC_TEXT)
    if text is None:
        text = doc.user_data[_DOC_TEXT] = doc.text
    return text


def keep_doc_text(doc: Doc, text: str) -> None:
    """doc_text's copy given by the parser's caller: the text parsed, character for
    character, so not even the first reading joins the tokens."""
    doc.user_data[_DOC_TEXT] = text


def inside_quotation(text: str, pos: int) -> bool:
    """Whether character ``pos`` lies inside quotation marks of its paragraph."""
    return 0 <= pos < len(text) and _quotation_map(text)[pos] == 1


_MARKS_AND_BREAKS = re.compile('[\n\u201c\u201d"]')


@per_article
@lru_cache(maxsize=4)
def _quotation_map(text: str) -> bytearray:
    """1 for each character after an unclosed opening quote of its paragraph. One pass over
    the marks and line breaks only: the state holds from one mark up to the next (that mark
    included), so each stretch is filled at once."""
    out = bytearray(len(text))
    curly = straight = 0
    at = 0  # first character whose value is not written yet
    for m in _MARKS_AND_BREAKS.finditer(text):
        i = m.start()
        if curly > 0 or straight % 2:
            out[at : i + 1] = b"\x01" * (i + 1 - at)
        c = text[i]
        if c == "\n":
            curly = straight = 0
        elif c == "\u201c":
            curly += 1
        elif c == "\u201d":
            curly -= 1
        else:
            straight += 1
        at = i + 1
    if curly > 0 or straight % 2:
        out[at:] = b"\x01" * (len(text) - at)
    return out


def governing_verb(tok: Token) -> Token | None:
    head = tok
    for _ in range(8):
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def tense_of(tok: Token, _climbed: frozenset[int] = frozenset()) -> str:
    """ "past", "future" or "present" for the verb governing ``tok`` (past when none).

    ``_climbed`` holds the bare participles already climbed from: a quotation split by "she
    said" can lead the climb back to where it started, and then the date is read as reported
    (past), as when nothing governs it.
    """
    head = governing_verb(tok)
    if head is not None:
        head = _reporting_head(tok, head)
    if head is None:
        return "past"
    if _bare_participle(head):
        if head.head.i == head.i or head.i in _climbed:
            return "past"
        return tense_of(head.head, _climbed | {head.i})
    if any(rule(head) for rule in FUTURE_RULES) or any(
        rule(first) for first in _first_conjunct(head) for rule in FUTURE_RULES
    ):
        return "future"
    if _counterfactual(head):
        return "present"
    return "past" if _past(head) else "present"


def _counterfactual(head: Token) -> bool:
    """ "He would have turned 80 on February 20": what did not come to pass may lie on either
    side of publication, so the date is the nearest one (read as "present")."""
    auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
    return bool(auxes & {"would", "could", "might", "'d"}) and "have" in auxes


def _bare_participle(head: Token) -> bool:
    """ "Running from August 22 to 25, the fair drew ...", "Despite winning the primary in March,
    she lost ...": an -ing clause with no auxiliary of its own has no tense; its date is read in
    the tense of the clause it hangs from."""
    return (
        head.tag_ == "VBG"
        and head.dep_ in {"advcl", "pcomp"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in head.children)
    )


def _first_conjunct(head: Token) -> list[Token]:
    """ "is scheduled to stay a week and return on Friday": a verb joined by "and" with no
    auxiliary nor subject of its own shares the first verb's plan."""
    if head.dep_ != "conj" or any(
        c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in head.children
    ):
        return []
    return [head.head] if head.head.pos_ in {"VERB", "AUX"} else []


def _reporting_head(tok: Token, head: Token) -> Token | None:
    """ "'We will not ...,' Smith said in a statement on Tuesday": a date outside a quotation
    takes the reporting verb's tense, not the quotation's (None: no reporting verb)."""
    text = doc_text(tok.doc)
    if inside_quotation(text, tok.idx) and not inside_quotation(text, head.idx):
        return quoted_verb_after(tok, text) or head
    if inside_quotation(text, tok.idx) or not inside_quotation(text, head.idx):
        return head
    reporting = [
        t
        for t in tok.sent
        if t.lemma_ in REPORTING_VERBS and t.pos_ == "VERB" and not inside_quotation(text, t.idx)
    ]
    return min(reporting, key=lambda t: abs(t.i - tok.i)) if reporting else None


def quoted_verb_after(tok: Token, text: str) -> Token | None:
    """'posting at 1 am, "Tonight, we tested positive."': a date inside a quotation that the
    parser hung on a word before it takes the tense of the first verb of the quotation after it."""
    return next(
        (
            t
            for t in tok.doc[tok.i + 1 : tok.sent.end]
            if t.pos_ in {"VERB", "AUX"} and inside_quotation(text, t.idx)
        ),
        None,
    )


def will_future(head: Token) -> bool:
    """ "will sign on Friday"."""
    return any(c.lower_ in {"will", "shall", "'ll"} and c.dep_ == "aux" for c in head.children)


def reported_future(head: Token) -> bool:
    """ "would begin arriving on Friday" (the verb and the verbs it completes), not "would
    have taken effect" (a counterfactual)."""
    chain = [head]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    for verb in chain:
        auxes = [c for c in verb.children if c.dep_ == "aux"]
        if any(c.lower_ in {"would", "'d"} for c in auxes) and not any(
            c.lemma_ == "have" for c in auxes
        ):
            return True
    return False


def scheduled(head: Token) -> bool:
    """ "a vote is expected in April", "the talks are scheduled for Friday"."""
    return (head.lemma_ in _SCHEDULED or head.lower_ in _SCHEDULED) and any(
        c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in head.children
    )


# Verbs that foretell: "Meteorologists predict landfall Saturday morning".
_FORETELL = {"predict", "forecast", "expect", "project", "anticipate"}


def foretold(head: Token) -> bool:
    """ "Forecasters predict landfall on Saturday": a present verb of foretelling dates what it
    foretells, ahead (not "predicted a storm on Saturday", a past forecast)."""
    return head.lemma_ in _FORETELL and head.tag_ in {"VBZ", "VBP"}


def going_to(head: Token) -> bool:
    """ "is going to hold the vote on Monday"."""
    return head.lower_ in {"will", "shall", "going"} or (
        head.dep_ == "xcomp" and head.head.lower_ == "going"
    )


def planned(head: Token) -> bool:
    """ "hoped to fly home on Friday", "is due to start on Monday"."""
    up = head.head
    return head.dep_ == "xcomp" and (
        up.lower_ in PLAN_FORMS or (up.dep_ == "xcomp" and up.head.lower_ in PLAN_FORMS)
    )


# Verbs that tell someone to do a thing later ("instructed the panel to report on Monday").
INSTRUCT_VERBS = forms({"instruct", "order", "ask", "tell", "require", "urge", "direct", "invite"})


def instructed(head: Token) -> bool:
    """ "I have instructed the panel to report on Monday", "are required to rule by Friday": the
    thing told is ahead; after a simple past ("ordered residents to leave on Monday") the
    order and the leaving may share the day, so the past reading stays."""
    up = head.head
    if head.dep_ != "xcomp" or up.lower_ not in INSTRUCT_VERBS:
        return False
    return up.tag_ != "VBD" and not any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in up.children
    )


def be_to(head: Token) -> bool:
    """ "The singer is to be sentenced in June": a present "be" + to-infinitive is a plan."""
    up = head.head
    return (
        head.dep_ == "xcomp"
        and up.lemma_ == "be"
        and up.tag_ in {"VBZ", "VBP"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )


def planned_in_the_past(tok: Token) -> bool:
    """ "The curfew was expected to end on 15 March", "they had planned to vote in May": a plan
    made before publication; the date was ahead when it was made, not now."""
    head = governing_verb(tok)
    if head is None or head.dep_ != "xcomp":
        return False
    up = head.head
    if up.lower_ not in PLAN_FORMS and up.dep_ == "xcomp":
        up = up.head
    return up.lower_ in PLAN_FORMS and (
        up.tag_ == "VBD"
        or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in up.children)
    )  # "was expected", "had planned"; not "is expected", "has planned"


FUTURE_RULES = (
    will_future, reported_future, scheduled, foretold, going_to, planned, instructed, be_to,
)  # fmt: skip


def _past(head: Token) -> bool:
    if head.tag_ in {"VBD", "VBN"}:
        return True
    return any(
        (c.tag_ == "VBD" and c.dep_.startswith("aux")) or (c.dep_ == "aux" and c.lemma_ == "have")
        for c in head.children
    )
