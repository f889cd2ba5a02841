"""Draft checks on the prompt's English: paired marks and spacing, names and words
spelt as the article spells them, rewritten clauses that lost their subject, noun or
pronoun, cut names and statements."""

from __future__ import annotations

import re

from quizzes.extraction.facts import Quote
from quizzes.extraction.geo import country_of_adjective
from quizzes.extraction.lexicon import (
    FEMALE_ROLE_WORDS,
    KIN_NOUNS,
    MALE_ROLE_WORDS,
    OFFICE_TITLES,
    PERSON_ROLE_NOUNS,
)
from quizzes.extraction.text import regex

from ..context import CAPITALISED_WORD, DatedFact, GenerationContext
from ..draft import QuestionDraft
from ..spelling import first_typo
from ..text import BLANK, QUOTED, plain, unbalanced_mark, word_cases, words
from ..who_said import cut_name
from ..wording import clause_parts, past_to_base, strip_time, verb_index
from .base import _REWRITTEN_KINDS, MULTIPLE_CHOICE, _name_words
from .giveaway import _TF_QUOTE
from .who_said import _CONTEXT


def unbalanced_marks(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the Harbour Authority ) close …": brackets and
    quotation marks come in pairs."""
    marks = unbalanced_mark(draft.prompt)
    return f"grammar: unbalanced {marks}" if marks else None


_STRAY_SPACING = re.compile(r"\s[,.;:!?)\]]|[(\[]\s|[,;:]{2}|\s{2}|\w-\s|\(\(|\)\)")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")
# "roughly 200,0000 residents": a thousands comma before four digits is the page's typo
_MISTYPED_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*,\d{4,}")


def stray_spacing(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "… in Arequipa : the …", "( UN)", "the case " X vs. Y"", "Ruiz co- was":
    no space before closing punctuation nor inside brackets and quotation marks,
    no doubled punctuation, no word cut at a hyphen, no figure mistyped with its
    thousands comma ("200,0000": the student cannot tell the number meant; tuned judge,
    batches 12-13)."""
    prompt = draft.prompt.replace(BLANK, "x")
    if _STRAY_SPACING.search(prompt):
        return "grammar: stray spacing or punctuation"
    if _MISTYPED_FIGURE.search(prompt):
        return "grammar: a figure mistyped on the page"
    if _INVISIBLE.search(prompt):
        return "grammar: invisible characters from the page"
    quoted = prompt.split('"')[1::2] if prompt.count('"') % 2 == 0 else []
    if any(part != part.strip() for part in quoted):
        return "grammar: stray spacing inside quotation marks"
    return None


_TURN_LABEL = re.compile(r"\(\([^()]*\)\)")


def turn_label_shown(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """An interview's turn label ("((AR))", "((Ana Ruiz))") is the page's markup, not
    the article's words: no prompt, answer or option shows one (a prompt's doubled
    brackets are also `stray_spacing`)."""
    shown = [draft.prompt, draft.answer, *(text for text, _, _ in draft.choices)]
    if any(_TURN_LABEL.search(text) for text in shown):
        return "grammar: an interview's turn label shown"
    return None


def _evidence(draft: QuestionDraft, ctx: GenerationContext) -> str:
    if draft.evidence_start is None or draft.evidence_end is None:
        return ""
    return plain(ctx.article_text[draft.evidence_start : draft.evidence_end])


# The question's own words: an interview's "((Q)) : What are ...?" writes them capitalised
# after its label, which looks like inside a sentence; "what" is no name lost.
_QUESTION_WORDS = {"what", "when", "which", "who", "whom", "whose", "how", "where", "why"}


def name_rewritten(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the unite Fishermen …", "In what year was rose born …" (for Rose,
    a surname), "When did chilean ministers …": a lower-case word of a rewritten
    prompt that the article only writes capitalised inside a sentence is a name (or
    a name turned into a verb) that lost its capital."""
    if draft.kind not in _REWRITTEN_KINDS:
        return None
    lower, capital = word_cases(ctx.article_text)
    verbs = verb_index()
    for word in re.findall(r"[\w’'-]+", draft.prompt):
        if not word[:1].islower() or word in lower or word in _QUESTION_WORDS:
            continue
        if word in capital:
            return f"grammar: “{word}” is a name in lower case"
        stem = word[: max(4, len(word) - 2)]
        rewritten = len(word) >= 4 and word in verbs and any(c.startswith(stem) for c in capital)
        if rewritten and not any(w.startswith(stem) for w in lower):
            return f"grammar: “{word}” rewrites a name"
    return None


def _one_slip(a: str, b: str) -> bool:
    """ "Chriac" / "Chirac": two neighbouring letters swapped; or, in a long name,
    one letter wrong ("Vanderbilt" / "Vanderbild")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        return a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return len(diff) == 1 and len(a) >= 7 and 0 < diff[0] < len(a) - 1


def misspelt_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year was Chriac elected …?" in an article that writes "Chirac"
    everywhere else: a name written once, one slip away from a name the article
    writes more often, is the article's typo; the question would copy it. A timeline's
    items are shown too ("Chriac was elected …" among its events)."""
    if draft.kind == "who_said":
        return None  # the quotation is the article's words, as written
    counts = ctx.capitalised_word_counts
    shown = [draft.prompt, *(t for t, _, _ in draft.choices if draft.kind == "ordering")]
    for word in {w for text in shown for w in CAPITALISED_WORD.findall(text)}:
        if counts[word] != 1 or country_of_adjective(word):
            continue
        same_length = ctx.capitalised_words_by_length.get(len(word), [])  # _one_slip needs it
        right = next(
            (w for w, n in same_length if _one_slip(word, w) and _written_right(w, n)), None
        )
        if right:
            return f"grammar: “{word}” is the article's typo for “{right}”"
    if _TO_WRITTEN_OF.search(QUOTED.sub(" ", draft.prompt)):
        return "grammar: the article's slip “of” for “to” (“trying of …”)"
    return None


def misspelt_word(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Ana Ruiz made her profesional debut in _____." copies the article's typo of a
    common word (`spelling.first_typo`: an English word list, names left to
    `misspelt_name`). A quotation's typo is the writer's, not the speaker's: a student
    reads it as the quiz's slip all the same (blind judges, batch 30)."""
    typo = first_typo(draft.prompt)
    if typo is None:
        return None
    return f"grammar: “{typo[0]}” is the article's typo for “{typo[1]}”"


def _written_right(word: str, count: int) -> bool:
    """A spelling the article confirms: written twice or more, or a nationality
    adjective ("Freedonian" once beside "Freednian" once: the adjective is right)."""
    return count >= 2 or country_of_adjective(word) is not None


# "trying of pressure", "able of stop": "of" where the verb takes "to" (a typo
# the card would copy); "in order of" takes a noun, so it is left out.
_TO_WRITTEN_OF = re.compile(
    r"\b(?:trying|tried|tries|attempting|attempted|attempts|unable|able|wanting|wanted|"
    r"seeking|sought|hoping|hoped|refused|refusing|decided|deciding|failed|failing)\s+of\s+"
    r"(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b)[a-z]+\b"
)


_FINITE_BE = {"was", "were", "is", "are"}


_SUBORDINATE = {
    "that", "which", "who", "whom", "whose", "when", "where", "while", "after", "before",
    "because", "as", "if", "since", "until",
}  # fmt: skip


def noun_taken_for_verb(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year did the king's overthrow of his father was a bloodless coup?": the
    word taken for the verb is a noun ("overthrow of …") and the clause's own verb
    ("was") comes after it, with no word opening another clause between."""
    if draft.kind not in _REWRITTEN_KINDS or not isinstance(draft.source, DatedFact):
        return None
    event = draft.source.event
    parts = clause_parts(strip_time(event.event, event.when))
    if parts is None or parts.verb_index < 0:
        return None
    after = [w.casefold().strip(",;:") for w in parts.words[parts.verb_index + 1 :]]
    if not after or after[0] != "of":
        return None
    for word in after[1:]:
        if word in _SUBORDINATE:
            return None
        if word in _FINITE_BE:
            return "grammar: a noun taken for the verb (“overthrow of … was”)"
    return None


_OFFICE_OF = re.compile(
    r"\bthe\s+(?:President|Prime Minister|King|Queen|Chancellor|Minister|Governor|Mayor|"
    r"Leader|Head|Secretary)\s+of\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})",
)


def office_of_a_person(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When was the President of Ana Ruiz made?" from "the President of Freedonia
    Ana Ruiz, which was made …": an office is of a country or a body, never of a
    person; the clause joined the title to the wrong name."""
    if draft.kind not in _REWRITTEN_KINDS:
        return None
    for match in _OFFICE_OF.finditer(QUOTED.sub(" ", draft.prompt)):
        name = match["name"]
        if name in ctx.people or name in ctx.speakers or name in ctx.roles:
            return "grammar: a title joined to the wrong name"
    return None


def possessive_without_noun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "including 's commercial-free airing": a weekday cut out of "Sunday's" leaves
    its possessive behind."""
    if re.search(r"(?:^|\s)['’]s\b", QUOTED.sub(" ", draft.prompt)):
        return "grammar: a possessive without its noun"
    return None


_DANGLING_PRONOUN = re.compile(r"\b(?:her|him|them|it)\s*[?.]$", re.I)


def pronoun_without_antecedent(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year did the singer's son predecease her?": a rewritten prompt ending on
    a pronoun that nothing in it stands for."""
    if draft.kind in _REWRITTEN_KINDS and _DANGLING_PRONOUN.search(draft.prompt):
        return "grammar: a pronoun with nothing it refers to"
    return None


# "_____ called it “a mess”", "Dr _____, the lab's head, described it as …": the blanked
# person's own clause names what they spoke of only as "it" (a role or an apposition
# between the blank and the verb names nothing it could stand for).
_NAMED_IT = re.compile(
    re.escape(BLANK)
    + r"(?:,[^,“”\"]{1,80},?)?\s+(?:also\s+)?(?:called|calls|described|describes|labell?ed|"
    r"termed|dubbed|branded)\s+(?:it|them)\b"
)


def blank_named_it(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: Fox News commentator _____ called it “a mess”.", and a who-said
    question with that context: "it" is what the sentence before named (the debate, the
    plan), which the learner never sees (blind judges, batches 46-47 and 54)."""
    if draft.kind == "cloze":
        text = draft.prompt
    elif draft.kind == "who_said" and (context := _CONTEXT.search(draft.prompt)):
        text = context.group(1)
    else:
        return None
    if _NAMED_IT.search(text):
        return "context: the speaker's “it” names nothing the question shows"
    return None


# "a study conduct by …": a base form right before "by".
_BASE_BEFORE_BY = re.compile(r"\b(?P<verb>[a-z]{3,})\s+by\b")


def participle_made_a_base_form(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did a study conduct by Ana Ruiz reported …?" from "a study conducted by Ana
    Ruiz reported …": the rewrite took the participle of the subject's own phrase for the
    verb and left the real verb in the past (blind judge, batch 52). The sentence has the
    participle before "by" where the prompt has its base form."""
    if draft.kind not in _REWRITTEN_KINDS or not isinstance(draft.source, DatedFact):
        return None
    evidence = plain(draft.source.event.evidence)
    for found in _BASE_BEFORE_BY.finditer(draft.prompt):
        base = found["verb"]
        participle = regex(rf"\b{re.escape(base)}(?:ed|d|en|n)\s+by\b", re.I)
        if participle.search(evidence) and not participle.search(draft.prompt):
            return f"grammar: “{base} by” rewrites a participle of the subject's phrase"
    return None


_VAGUE_SUBJECT = re.compile(r"^(?:a number of|a few|some|several|many|others)\b", re.I)


def unidentified_event(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did a number of celebrities make appearances?": an unnamed group doing
    something unnamed could be any event of the article."""
    if not isinstance(draft.source, DatedFact) or draft.kind not in {"when", "true_false"}:
        return None
    clause = strip_time(draft.source.event.event, draft.source.event.when)
    if any(w[:1].isupper() for w in clause.split()[1:]):
        return None
    if _VAGUE_SUBJECT.match(clause) or _SOMETHING_HAPPENED.fullmatch(clause.strip(" .")):
        return "answer: the event is not identifiable"
    return None


# "an advisory issued": something, not said which, did something, not said what.
_SOMETHING_HAPPENED = re.compile(r"(?:a|an|one)\s+[\w-]+\s+[\w-]+", re.I)


def question_shape(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A question starts with a capital and ends with "?"; a cloze has a blank; a
    statement ends like a sentence."""
    prompt = draft.prompt.strip()
    if not prompt[:1].isupper():
        return "grammar: starts in lower case"
    if draft.kind in MULTIPLE_CHOICE and not re.search(r"\?(?:\s*\(Context: .*\))?$", prompt):
        return "grammar: a question without a question mark"
    if draft.kind == "cloze" and BLANK not in prompt:
        return "grammar: a cloze without a blank"
    if draft.kind == "true_false" and not re.search(r"[.!?”\"’']$", prompt):
        return "grammar: a statement without an end"
    return None


_NAME_THEN_COMMA = re.compile(r"\b([A-Z][\w’'-]+),\s+(?:to|in|for|on|at|with|from|after)\b")


def place_dropped_after_comma(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "a doctor based in Eastfield, to prison" from "based in Eastfield, Ohio to
    prison": the rewrite dropped the state after the town and left its comma."""
    if draft.kind not in _REWRITTEN_KINDS:
        return None
    evidence = _evidence(draft, ctx)
    for match in _NAME_THEN_COMMA.finditer(draft.prompt):
        if regex(rf"\b{re.escape(match[1])},\s+[A-Z]").search(evidence):
            return "grammar: a place dropped after a comma"
    return None


_WHERE_FOR_WERE = re.compile(
    r"\b[a-z]+s\s+where\s+(?:held|made|built|given|taken|[a-z]{3,}ed)\s+(?:on|in|at|by)\b"
)


def where_for_were(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "votes where held on May 2": the source's slip of "where" for "were", copied
    into the card, is not English a student should learn from."""
    if "where" in draft.prompt and _WHERE_FOR_WERE.search(draft.prompt):  # the word first: cheap
        return "grammar: “where” written for “were” in the source"
    return None


_ASKED_OF_A_PRONOUN = re.compile(
    r"\b(?:did|was|were|had|has|have|is|are|does|do)\s+(?:he|she|they|it|his|her|its|their)\b"
    r"|^True or false\? (?:(?:In|On|By) [^,]+, )?(?:He|She|They|It|His|Her|Its|Their|he|she|they)\b"
)


def question_about_a_pronoun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year did he first join parliament?": a rewritten question whose subject
    is a pronoun does not say who it is about."""
    if draft.kind in _REWRITTEN_KINDS and _ASKED_OF_A_PRONOUN.search(draft.prompt):
        return "grammar: the question's subject is a pronoun that stands for nobody"
    return None


_LAST_NAME_RUN = re.compile(r"((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)\s*[?.]$")


def name_cut_at_the_end(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "… from her younger brother, King Ana?" where the article always writes "King
    Ana Vela": the clause was cut inside a name; "… issue an order to some residents,
    effective?": cut after a word that needed more."""
    if draft.kind not in _REWRITTEN_KINDS:
        return None
    if re.search(r",\s+[a-z]+[?.]$", draft.prompt):
        return "grammar: the question ends on a word cut from its clause"  # "…, effective?"
    run = _LAST_NAME_RUN.search(draft.prompt)
    if run and " " in run.group(1) and cut_name(run.group(1), ctx.article_text):
        return "grammar: the question stops inside a name"
    return None


# "… trailed Biden in the PollTrack." (the article: "in the PollTrack head-to-head average").
_ENDS_ON_THE_NAME = re.compile(r"\bthe\s+(?P<name>[A-Z][\w’'-]+)\s*[.?]$")
_FUNCTION_WORDS = frozenset({
    "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "than",
    "that", "which", "who", "when", "where", "while", "after", "before", "since", "until",
    "over", "under", "into", "onto", "about", "against", "during", "said", "says",
})  # fmt: skip


def _a_noun_after(word: str) -> bool:
    """Is a lower-case word after a name the noun it qualifies ("head-to-head", "average"),
    not a function word nor a verb the name is the subject of ("voted", "votes"; a base
    form such as "average" cannot follow a singular name as its verb)?"""
    if word in _FUNCTION_WORDS:
        return False
    verbs = verb_index()
    third_person = word.endswith("s") and (word[:-1] in verbs or word[:-2] in verbs)
    return "-" in word or not (past_to_base(word) or third_person)


def name_left_without_its_noun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "True or false? In June, Ruiz trailed Vale in the PollTrack." where the article
    writes "in the PollTrack head-to-head average" every time: the clause was cut after a
    name that only qualifies a noun (blind judge, batch 48)."""
    if draft.kind not in _REWRITTEN_KINDS:
        return None
    end = _ENDS_ON_THE_NAME.search(draft.prompt)
    if end is None:
        return None
    after = [
        m.group(1)
        for m in regex(rf"\bthe\s+{re.escape(end['name'])}(?![\w’'-])\s*([^\s,.;:!?)]*)").finditer(
            ctx.article_text
        )
    ]
    if after and all(re.fullmatch(r"[a-z][\w’'-]*", w) and _a_noun_after(w) for w in after):
        return f"grammar: “the {end['name']}” lost the noun it qualifies"
    return None


def statement_cut_short(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "True or false? X said: “… for the Syrian …”": a quotation cut mid-phrase cannot
    be judged true or false as a whole."""
    if draft.kind == "true_false" and re.search(r"…\s*[”\"]?\s*$", draft.prompt):
        return "grammar: the statement is cut short"
    return None


def name_typo_in_answer(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "_____ suggested …" (answer "Wasif") where the article writes "Wasef" everywhere
    else: the card would mark the right spelling wrong; a who-said option with the
    typo shows it too."""
    if draft.kind == "cloze" and draft.target.startswith("person:"):
        names = [draft.answer]
    elif draft.kind == "true_false" and isinstance(draft.source, Quote):
        names = [draft.source.speaker or ""]
    elif draft.kind == "who_said":
        names = [text for text, _, _ in draft.choices]
    else:
        return None
    counts = ctx.capitalised_word_counts
    known = {w for person in ctx.people if " " in person for w in person.split()}  # full names
    right: set[str] | None = None  # made for the first word that needs it
    for word in {w for name in names for w in re.findall(r"\b[A-Z][a-z]{4,}\b", name)}:
        if counts[word] > 1 or word in known:
            continue
        if right is None:
            right = {w for w, n in counts.items() if n >= 2} | known
        # _one_letter_changed needs two words of one length
        if any(_one_letter_changed(word, w) for w in right if len(w) == len(word)):
            return f"answer: “{word}” is the article's typo for a name it writes otherwise"
    return None


def _one_letter_changed(a: str, b: str) -> bool:
    """ "Sarea" / "Saree", "Wasef" / "Wasif": same length, one letter other than the first."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 and diff[0] > 0 or _one_slip(a, b)


# "[…]", "[another]", "[.]": the editor's marks inside a quotation copied into a
# rewritten question.
_EDITORIAL_MARK = re.compile(r"\[[^\]]*\]")


QUOTED_IN_QUESTION = 4  # words: a longer quotation copied into a question is not a rewrite


def copied_quotation_in_question(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the mayor call on “traders, drivers and church leaders” to
    support?": a rewritten question that keeps the article's quotation marks (and its
    editor's brackets) copies the reporter's wording; the clause cut around it is
    often left without its object."""
    if draft.kind not in _REWRITTEN_KINDS or _TF_QUOTE.match(draft.prompt):
        return None  # a card or a quotation asked about keeps the article's own marks
    if _EDITORIAL_MARK.search(draft.prompt):
        return "grammar: an editor's bracket left in the question"
    for match in QUOTED.finditer(draft.prompt):
        if len(words(match.group(0))) >= QUOTED_IN_QUESTION:
            return "grammar: a quotation copied into a rewritten question"
    return None


_RELATIVE_TIME = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|ago|(?:last|this|next|previous|coming)\s+"
    r"(?:week|weekend|month|year|day|night|morning|season|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"earlier this|later this|this time)\b",
    re.I,
)


def relative_time_left(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did this strike start, last year?": a relative time left in a
    rewritten prompt means something else to the reader of the question."""
    said = QUOTED.sub(" ", draft.prompt)  # a quotation keeps its speaker's words
    if draft.kind in _REWRITTEN_KINDS and _RELATIVE_TIME.search(said):
        return "grammar: a relative time expression left in the prompt"
    return None


_CUT_COMPARISON = re.compile(
    r"\b(?:than|as\s+(?:many|much|long|far|early|late|high|low)\s+as)"
    r"(?=\s*(?:[?.,;:)]|$|(?:and|or|but|when|after|before)\b))",
    re.I,
)


# "with half as much money?": the "as …" the comparison needs is gone.
_AS_MUCH_WITHOUT_AS = re.compile(r"\bas\s+(?:many|much)\b(?![^?]*\bas\b)[^?]*\?$", re.I)


def comparison_cut_short(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the club sign more than?": the rewriting took what the comparison
    was about (often the date itself) and left "more than" with nothing after it;
    "When did the council pass a budget with half as much money?" lost "as asked"."""
    said = QUOTED.sub(" ", " ".join([draft.prompt, *draft.choice_texts]))
    if draft.kind != "cloze" and _CUT_COMPARISON.search(said.replace(BLANK, "x")):
        return "grammar: a comparison cut short (“more than” with nothing after)"
    if draft.kind in _REWRITTEN_KINDS and _AS_MUCH_WITHOUT_AS.search(QUOTED.sub(" ", draft.prompt)):
        return "grammar: a comparison cut short (“as much” with no “as …”)"
    return None


_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.I)


_PERSON_NOUNS = (
    PERSON_ROLE_NOUNS | OFFICE_TITLES | KIN_NOUNS | FEMALE_ROLE_WORDS | MALE_ROLE_WORDS
) | {
    "man", "woman", "boy", "girl", "person", "child", "baby", "mother", "father", "king",
    "queen", "prince", "princess", "pope", "singer", "actor", "author", "writer", "player",
    "leader", "founder", "victim", "suspect", "driver", "pilot", "officer", "inventor",
    "journalist", "reporter", "artist", "judge", "lawyer", "doctor", "nurse", "teacher",
}  # fmt: skip


def _a_name_word(word: str, name_words: frozenset[str]) -> bool:
    """A word of a name of the article ("Ruiz’s", "Xi"); a possessive loses its "’s" only
    ("Reyes" keeps its "s")."""
    return word[:1].isupper() and re.sub(r"['’]s$", "", word.strip(",;:.()—–’'")) in name_words


def _a_person_word(word: str, name_words: frozenset[str]) -> bool:
    """A word of a name of the article or a person noun ("the singer")."""
    if word[:1].isupper():
        return _a_name_word(word, name_words)
    w = word.strip(",;:’'s").casefold()
    return w in _PERSON_NOUNS or w.endswith(("ist", "ian"))


def pronoun_of_nobody_in_the_prompt(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the report blame his fall on a faulty ladder?": a rewritten prompt
    whose "his"/"her" comes before any person (a name of the article, "the
    singer", "his brother") leaves the reader guessing who is meant."""
    if draft.kind not in _REWRITTEN_KINDS:
        return None
    prompt = QUOTED.sub(" ", draft.prompt)
    match = _PERSONAL_PRONOUN.search(prompt)
    if match is None:
        return None
    # "When did the government of Freedonia announce his death?": a body owns no "his"
    # (blind judges, batches 28-31)
    names = _name_words(ctx, people_only=True)
    before = prompt[: match.start()].split()[2:]  # past "When did", "In what"
    if any(_a_person_word(w, names) for w in before):
        return None
    return f"grammar: “{match.group(0)}” stands for nobody the prompt names"
