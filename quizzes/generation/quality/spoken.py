"""Cards cut from spoken words: an interview answer (or a talk written down) is not
written for a reader who has only one sentence of it. Its hedges ("kind of", "you
know") make a card vague, its pointers at a figure ("in panel B") point at nothing
the learner sees, and its "it", "they" or "the system" stand for what the interviewer
or the answer named turns before."""

from __future__ import annotations

import re

from quizzes.extraction.lexicon import PERSON_ROLE_NOUNS
from quizzes.extraction.text import regex

from ..context import GenerationContext
from ..draft import QuestionDraft
from ..text import QUOTED
from ..turns import in_question_turn, question_turn_spans
from .base import _headline, card_text, singular_stem

_CARD_KINDS = frozenset({"cloze", "when", "true_false"})

# "it's kind of rare", "we sort of knew", "kinda", ", you know,", "I mean", "basically",
# "probably like 40": words of talk, not of a report. "A kind of fern" (a determiner or
# an adjective before it) is a noun and stays.
_HEDGE = re.compile(
    r"(?:\b(?:is|was|are|were|be|been|it|they|we|I|you|just|really|all|also)|['’](?:s|re))"
    r"\s+(?:kind|sort)\s+of\b"
    r"|^(?:kind|sort)\s+of\b|\b(?:kinda|sorta)\b"
    r"|(?<!\ba\s)(?<!\bthe\s)(?<!\bany\s)(?<!\bsome\s)(?<!\bwhat\s)(?<!\bthis\s)(?<!\bthat\s)"
    r"(?<!\bone\s)(?<!\bsame\s)\b(?:kind|sort)\s+of\s+[a-z]+(?:ed|ly)\b"
    r"|\b(?:kind|sort)\s+of\s+(?:_{3,}|\d)"
    r"|\byou\s+know\s*,|,\s*you\s+know\b|\bI\s+mean\b|\bbasically\b"
    r"|\b(?:probably|maybe)\s+like\b(?!\s+to\b)|,\s*like\s*,"
    r"|\b(?:um+|uh+|erm)\b",
    re.I,
)
# A word every hedge above holds (kind, sort, know, mean, basically, like, um, uh, erm):
# the long pattern, tried at every character, then runs only on the few cards that hold
# one (it was the dearest draft rule; the look-ahead lets the engine skip other letters).
_HEDGE_WORD = re.compile(
    r"(?=[ksmblue])(?:kind|sort|know|mean|basically|like|\b(?:um|uh|erm))", re.I
)
# "in panel B", "see Figure 2", "on the chart": the figure is not on the card.
_FIGURE = re.compile(
    r"\bpanels?\s+[A-H]\b|\b(?:Fig\.|Figure)\s*\d"
    r"|\b(?:the|this|that)\s+(?:top|bottom|left|right|upper|lower|middle)\s+(?:panel|figure|"
    r"graph|chart|plot|image|row)s?\b"
    r"|\b(?:in|on|at|from|see|of)\s+(?:the|this|that|our)\s+(?:figure|graph|chart|diagram|plot|"
    r"slide|panel|image)s?\b"
)


def spoken_register_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "It's kind of rare, you know, to see _____ nests": a hedge of talk makes the card
    vague; "as in panel B, the signal rose in _____" points at a figure the card does
    not show. Either way a teacher would not keep it."""
    if draft.kind not in _CARD_KINDS:
        return None
    text = card_text(draft.prompt)
    if _HEDGE_WORD.search(text) and _HEDGE.search(text):
        return "wording: the card keeps a spoken hedge"
    if _FIGURE.search(text):
        return "context: the card points at a figure it does not show"
    return None


# "it was tested in _____", "… and they found …", "This meant …": a pronoun subject
# (a verb after it). An empty "it" ("it was clear that …", "it is the first …") stays.
_PRONOUN_SUBJECT = re.compile(
    r"\bthey(?:['’](?P<they_contracted>re|ve|d|ll)\b|\s+(?:(?:also|still|now|then|just|really|"
    r"actually|all|even|never|always|only)\s+)?"
    r"(?P<they>(?!themselves\b)(?!(?:say|said|think|believe|know)\s*,)[a-z]{2,})\b)"
    r"|\b(?P<pronoun>it)\s+(?:(?:also|still|now|then|just|really|actually)\s+)?"
    r"(?:is|was|are|were|has|have|had|will|would|could|can|may|might|did|does|do|"
    r"found|made|took|got|went|came|saw|built|began|became|knew|thought|said|told|gave|left|"
    r"brought|ran|won|lost|kept|held|set|grew|fell|[a-z]{2,}ed|[a-z]{3,}s)\b"
    r"|(?:^|[;:]\s+|,\s+(?:and|but|so)\s+|\b(?:and|but|so)\s+)(?P<demonstrative>this|that)\s+"
    r"(?:is|was|has|had|will|would|could|can|meant|means|made|makes|led|leads|showed|shows)\b",
    re.I,
)
_EMPTY_IT = re.compile(
    r"it\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be)\s+(?:\w+\s+){0,3}?"
    r"(?:that|to|whether|for|when|how)\b|it\s+(?:is|was)\s+(?:not\s+)?(?:the\s+first|the\s+last|"
    r"the\s+\w+est|time)\b|it\s+(?:takes|took|seems|seemed|appears|appeared)\b",
    re.I,
)
# "The system was built in _____", "When did the project start?": the subject called
# only by what it is.
_NOT_A_NOUN = (
    r"(?:first|second|third|last|next|new|old|same|other|only|main|whole|most|best|latest|"
    r"following|previous|current|early|late|real|big)\b"
)
# Not "the national Harbour Party" (a name follows) nor "the system of …" (said which).
_NOT_NOUN_AFTER = (
    r"(?!\s+(?:of|which|that|who|whose|for|from|in|on|at|with|by)\b)(?!['’])(?!\s+[A-Z])"
)
_THE_NOUN_SUBJECT = re.compile(
    r"^(?:(?:In|On|At|By|During|After|Before|Since|Later|Earlier|Then|So|And|But|Now)\b"
    r"[^,;:]{0,40},\s+)?[Tt]he\s+" + rf"(?!{_NOT_A_NOUN})(?P<noun>[a-z]{{3,}})\b{_NOT_NOUN_AFTER}"
    r"|^(?:When|In what (?:year|month)|In which year|On what date)\s+(?:did|was|were|had|has|"
    r"is|are|does|do)\s+the\s+" + rf"(?!{_NOT_A_NOUN})(?P<asked>[a-z]{{3,}})\b{_NOT_NOUN_AFTER}"
)
# A name (a capitalised word that does not open the text) before the pronoun may be
# what it stands for: "Ana Vela and Tom Reyes met in _____, and they …".
# "Day 3" or "Table 2" is no name.
_NAME_WORD = re.compile(r"(?<!^)(?<![.?!:]\s)\b(?!I\b)[A-Z][\w’'-]+(?![\w’'-])(?!\s+\d)")


# "Among adults, it was _____", "So, all told, they …": the card's first clause has
# "it" or "they" for its subject after an opening phrase that names nothing.
_OPENING_PRONOUN = re.compile(r"^(?P<lead>[^,;:“”\"]{0,60},\s+)(?P<pronoun>it|they)\s+", re.I)


def opening_pronoun_of_nothing(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Among adults, it was _____ and 80%": after an opening phrase without a name,
    "it" or "they" is the card's subject and stands for what the sentence before told
    (in any article; an empty "it was clear that …" stays, and a pronoun later in the
    card may stand for a noun the card names)."""
    if draft.kind not in _CARD_KINDS:
        return None
    text = QUOTED.sub(" ", card_text(draft.prompt))
    opening = _OPENING_PRONOUN.match(text)
    if not opening or _NAME_WORD.search(opening["lead"]):
        return None
    if _EMPTY_IT.match(text, opening.start("pronoun")):
        return None
    if not _PRONOUN_SUBJECT.match(text, opening.start("pronoun")):
        return None
    return f"context: the card's subject “{opening['pronoun'].lower()}” stands for nothing named"


def _interview_answer(draft: QuestionDraft, ctx: GenerationContext) -> bool:
    """Is the draft's sentence from an interview's answers: after the interviewer's
    first question turn, outside the questions? A report's own paragraphs before the
    interview ("The study, published in …") are written for a reader."""
    turns = question_turn_spans(ctx.article_text)
    start, end = draft.evidence_start, draft.evidence_end
    if not turns or start is None or end is None:
        return False
    return start > turns[0][0] and not in_question_turn(ctx.article_text, start, end)


def _pronoun_of_nothing(text: str) -> str | None:
    """The first bare "it"/"they"/"this"/"that" subject with no name before it."""
    for found in _PRONOUN_SUBJECT.finditer(text):
        if found["they"] or found["they_contracted"]:
            word, at = "they", found.start()
        else:
            word = found["pronoun"] or found["demonstrative"]
            at = found.start("pronoun") if found["pronoun"] else found.start("demonstrative")
        if found["pronoun"] and _EMPTY_IT.match(text, at):
            continue
        if _NAME_WORD.search(text[:at]):
            return None
        return word.lower()
    return None


def _noun_told_before(draft: QuestionDraft, ctx: GenerationContext, text: str) -> str | None:
    """ "The system …" whose noun the article used before the card's sentence."""
    match = _THE_NOUN_SUBJECT.match(text)
    if not match:
        return None
    noun = match["noun"] or match["asked"]
    before = ctx.article_text[: draft.evidence_start or 0]
    told = regex(
        rf"\b(?:the|a|an|this|that|our|my|their|its)\s+(?:[\w-]+\s+)?{re.escape(noun)}\b", re.I
    )
    if told.search(before):
        return noun
    return None


def interview_answer_reference(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "it was first tried in _____", "The system went live in _____" cut from an
    interview answer: "it", "they" and "the system" stand for what the question or an
    earlier answer named, which the card does not show. Only in interviews: in a report
    "The study …" is the one study the article is about."""
    if draft.kind not in _CARD_KINDS or not _interview_answer(draft, ctx):
        return None
    text = QUOTED.sub(" ", card_text(draft.prompt))
    pronoun = _pronoun_of_nothing(text)
    if pronoun:
        return f"context: “{pronoun}” in the interview answer stands for what came before"
    noun = _noun_told_before(draft, ctx, text)
    if noun:
        return f"context: “the {noun}” was named earlier in the interview"
    return None


_TIME_NOUN = r"(?:year|month|week|weekend|day|night|morning|evening|season|decade|century|time)s?\b"
# "… start observing the system?", "… started observing the system in _____.", "In 2015,
# they started observing the system.": a question, card or statement ending on a thing
# called only by what it is.
_THE_NOUN_AT_THE_END = re.compile(
    rf"\bthe\s+(?!{_NOT_A_NOUN}|{_TIME_NOUN})(?P<noun>[a-z]{{3,}})"
    r"(?:\?|(?<=\w)(?P<full_stop>\.)|\s+(?:in|on)\s+_____\.)$"
)
_SUPERLATIVE = re.compile(r"[a-z]+est$")  # "the highest rate": the noun comes after


def _thing_called_by_its_kind(text: str, kind: str) -> str | None:
    """The noun of "The repository …", "When was the research …?" or "… observing the
    system?": a thing, not a person ("the researchers" are whoever the article is about)
    nor a superlative ("The highest rate …")."""
    match = _THE_NOUN_SUBJECT.match(text) or _THE_NOUN_AT_THE_END.search(text)
    if match is None or (match.groupdict().get("full_stop") and kind != "true_false"):
        return None  # a card's sentence may end on anything: only a statement's is its claim
    noun = match["noun"] or match["asked"]
    if _SUPERLATIVE.fullmatch(noun) or noun.removesuffix("s") in PERSON_ROLE_NOUNS:
        return None
    return noun if noun not in PERSON_ROLE_NOUNS else None


def interview_report_reference(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The repository was blocked on _____", "When was the research published in
    Nature?", "… start observing the system?" in an interview's own report: the article
    is a long talk about many things, and the lead paragraphs named the repository or
    research ("the youtube-dl repository", "a study by X of Y") in words the card leaves
    out; the learner cannot tell which is meant (tuned judges, the five interviews of
    batches 56-60: 4 of 17 cards). Only in interview articles, where the answers
    name many such things: a report's "The study …" is the one study it is about, and
    so is the study of an interview whose title names it ("US study finds …")."""
    if draft.kind not in _CARD_KINDS or not question_turn_spans(ctx.article_text):
        return None
    noun = _thing_called_by_its_kind(QUOTED.sub(" ", card_text(draft.prompt)), draft.kind)
    if noun is None:
        return None
    before = ctx.article_text[: draft.evidence_start or 0]
    told = regex(rf"\b{re.escape(noun)}\b", re.I)
    if told.search(before) and not told.search(_headline(ctx)):
        return f"context: “the {noun}” of the interview's report was named before in other words"
    return None


# "I", "me", "my": the speaker of an answer speaking. Not "we" ("the protocol that we
# follow" reads as the team's, the card still clear).
_SPEAKING_AS_I = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")


def first_person_in_an_answer(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Me and 8 to _____ people did some work voluntarily.": a card cut from an interview
    answer speaks as "I", the interviewee, whom the card never names; the learner
    reads a sentence of nobody (blind judge, batch 60). A "when" question rewritten from
    such a sentence ("I mean the first results came in 2017" -> "When were the first
    results obtained?", or a dated statement) asks what the interviewee framed as their own, which the question
    cannot show (tuned judge, batch 57). A report's own sentences and the words inside
    quotation marks (a speaker's quotation the card shows as such) are left."""
    if draft.kind not in _CARD_KINDS or not _interview_answer(draft, ctx):
        return None
    text = card_text(draft.prompt)
    if draft.kind == "when" or (draft.kind == "true_false" and not QUOTED.search(text)):
        text = ctx.article_text[draft.evidence_start : draft.evidence_end]  # rewritten
    found = _SPEAKING_AS_I.search(QUOTED.sub(" ", text))
    if found:
        return (
            f"context: “{found.group()}” in the interview answer is a speaker the card never names"
        )
    return None


# "And so, …", "So the first …", "Because I …", "Well, …", "But yeah, …": an answer's
# sentence that opens on a word tying it to what the speaker said before. Not "So far"
# nor "Because of the storm, …" (a whole sentence).
_LINK_WORD_OPENING = re.compile(
    r"^(?:(?:And|But|Or|Plus)\b|So\b(?!\s+far\b|-)|Because\b(?!\s+of\b)"
    r"|(?:Well|Yeah|Yes|Okay|OK|Oh|Anyway|Actually)\b(?!-))"
)


def answer_opens_on_a_link_word(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "So every ring that holds more than _____ stones …", "Because I would be their
    second board in _____": an interview answer's sentence opening on "So", "And",
    "Because" or "Well" goes on from the answer's sentence before, which the card does
    not show (blind judges, batches 50 and 56-59: every such card failed)."""
    if draft.kind not in _CARD_KINDS or not _interview_answer(draft, ctx):
        return None
    opening = _LINK_WORD_OPENING.match(card_text(draft.prompt))
    if opening is None:
        return None
    return f"context: the interview answer's sentence opens on “{opening[0]}”"


# "on that paper", "in that study": "that" before a noun, after a preposition (not the
# conjunction "said that people …"); "the first, _____, was …": an ordinal without its
# noun; "their" or "its" after an "I", "we" or "you" and no name nor noun.
_THAT_NOUN = re.compile(
    r"\b(?:on|in|at|of|from|with|for|about|to|by|after|before|like)\s+that\s+"
    r"(?!(?:time|point|moment|day|year|stage|age|period|way|is|was)\b)(?P<noun>[a-z]{3,})\b"
)
_BARE_ORDINAL = re.compile(
    r"\b[Tt]he\s+(?P<noun>first|second|third|last|latter|former|next|other)\s*"
    r"(?:,|_{3,}|\b(?:was|is|were|are|one|ones)\b)"
)
_POSSESSIVE = re.compile(r"\b(?P<noun>their|its)\s+[a-z]")
# "I would be their …": the speaker or the listener is the subject, so "their" owns
# nothing the card names.
_SPEAKER_SUBJECT = re.compile(r"\b(?:I|[Ww]e|[Yy]ou)\b")
_A_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|these|those|some|many|all|most|both|several)\s+[a-z]", re.I
)


def _leaning_word(text: str) -> str | None:
    """The first "that paper", bare "the first" or unowned "their" of the card."""
    for pattern in (_THAT_NOUN, _BARE_ORDINAL):
        found = pattern.search(text)
        if found:
            return found[0].strip(" ,")
    owner = _POSSESSIVE.search(text)
    if owner:
        before = text[: owner.start()]
        if (
            _SPEAKER_SUBJECT.search(before)
            and not _NAME_WORD.search(before)
            and not _A_NOUN_BEFORE.search(before)
        ):
            return owner["noun"]
    return None


def answer_leans_on_the_talk(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "a colleague from that survey, back in _____", "So the first, _____, was
    in Peru", "I would be their second board": in an interview answer these point at a
    paper, a list or a team the question or the answer before named, which the card
    does not show (blind judges, batches 57-58)."""
    if draft.kind not in _CARD_KINDS or not _interview_answer(draft, ctx):
        return None
    word = _leaning_word(QUOTED.sub(" ", card_text(draft.prompt)))
    if word is None:
        return None
    return f"context: “{word}” in the interview answer points at what came before"


SHORT_ANSWER_CARD_WORDS = 8  # fewer words: a reply to the question, not a sentence


def short_answer_fragment(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "One or two people working in _____.", "Sometimes even in _____.": a few words of
    an interview answer reply to the interviewer's question, which the card does not
    show; any country or year fits the blank (blind judge, batch 59)."""
    if draft.kind != "cloze" or not _interview_answer(draft, ctx):
        return None
    if len(card_text(draft.prompt).split()) >= SHORT_ANSWER_CARD_WORDS:
        return None
    return "context: a few words of an interview answer, without the question they answer"


def _word_used_before(noun: str, before: str) -> bool:
    """Is the noun, or a word of its stem ("milestones", "studied"), in the text?"""
    stem = singular_stem(noun)
    return regex(rf"\b{re.escape(stem[: max(4, len(stem) - 2)])}", re.I).search(before) is not None


# Nouns that label a fact told before rather than name a thing: "the milestone" is
# whatever number was passed, "the feat" whatever was done.
_LABEL_NOUNS = frozenset(
    {
        "milestone", "feat", "achievement", "landmark", "breakthrough", "setback", "incident",
        "development", "announcement", "news", "step", "change", "record", "figure", "toll",
    }
)  # fmt: skip


def label_for_an_earlier_fact(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The milestone came the same day _____ confirmed …": a sentence whose subject is
    "the" and a noun the article never used before stands for what an earlier sentence
    told in other words (one million cases passed), which the card does not show (blind
    judge, batch 41). Only such label nouns: "The turnout was …", "The tremor left …"
    are the story's own things however the article called them before (judges accepted
    them), and "The record" after "a record …" was named with that noun. The article's
    opening sentence introduces its own things."""
    if draft.kind not in _CARD_KINDS or not draft.evidence_start:
        return None
    match = _THE_NOUN_SUBJECT.match(QUOTED.sub(" ", card_text(draft.prompt)))
    if match is None:
        return None
    noun = match["noun"] or match["asked"]
    if noun not in _LABEL_NOUNS and noun.removesuffix("s") not in _LABEL_NOUNS:
        return None
    before = ctx.article_text[: draft.evidence_start]
    if before.count(".") < 1 or _word_used_before(noun, before):
        return None
    return f"context: “the {noun}” stands for something the article told in other words"
