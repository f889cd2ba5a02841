"""The question-quality check: the rubric a teacher applies, in code.

A usable question is answerable from the article alone, its marked answer is
right, its prompt is natural English, it gives nothing away (nor does another
question), its wrong options are plausible and of the answer's type, it is about
what the article says (no world trivia) and it is no near-duplicate.

Two layers, each a list of small named rules in the order they run:

- DRAFT_RULES look at one draft: `draft_problem(draft, ctx)` says why it is
  dropped ("grammar: …", "give-away: …"), None when it passes.
- `select(drafts, ctx)` then works on the bank as a whole: one cloze card per
  sentence, no near-duplicates, at most FACT_LIMIT questions per fact, no prompt
  that gives away another question's answer.

`questions_conflict` is the same give-away check for two stored questions, used
when a quiz is assembled (a quiz never holds two questions on one fact).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from quizzes.extraction.facts import CountryLink, Quote
from quizzes.extraction.geo import country_of_adjective, is_country
from quizzes.extraction.lexicon import (
    FEMALE_ROLE_WORDS,
    KIN_NOUNS,
    MALE_ROLE_WORDS,
    OFFICE_TITLES,
    PERSON_ROLE_NOUNS,
)
from quizzes.extraction.text import regex
from quizzes.validation import question_problems

from .cloze import MAX_CARD_WORDS
from .context import (
    CAPITALISED_WORD,
    DatedFact,
    GenerationContext,
    is_capital_of,
    without_title,
)
from .dates import MONTHS, PartialDate, narrows_options, parse_iso, parse_label
from .distractors import (
    country_iso,
    is_place,
    looks_like_a_name,
    part_of_country,
    plausible_person,
)
from .draft import QuestionDraft
from .numbers import MAX_NUMBER_CARDS
from .spelling import first_typo
from .text import (
    BLANK,
    contains_word,
    gives_away_country,
    gives_away_person,
    initials,
    is_organisation,
    name_parts,
    normalise,
    plain,
    similar,
    word_cases,
    words,
)
from .which_country import top_office
from .who_said import cut_name, is_publication, names_a_thing
from .wording import clause_parts, past_to_base, strip_time, verb_index

FACT_LIMIT = 2  # questions per fact in one bank
MULTIPLE_CHOICE = {"who_said", "which_country", "when"}


@dataclass
class Review:
    """What the check kept, and what it dropped with the reason (for
    bench/show_questions.py --dropped and the tests)."""

    kept: list[QuestionDraft] = field(default_factory=list)
    dropped: list[tuple[QuestionDraft, str]] = field(default_factory=list)


# Grammar of the prompt -------------------------------------------------------

_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))


def unbalanced_marks(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the Harbour Authority ) close …": brackets and
    quotation marks come in pairs."""
    prompt = draft.prompt
    for opening, closing in _PAIRS:
        if prompt.count(opening) != prompt.count(closing):
            return f"grammar: unbalanced {opening}{closing}"
    if prompt.count('"') % 2:
        return 'grammar: unbalanced "'
    return None


def stray_spacing(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "… in Arequipa : the …", "( UN)", "the case " X vs. Y"", "Ruiz co- was":
    no space before closing punctuation nor inside brackets and quotation marks,
    no doubled punctuation, no word cut at a hyphen."""
    prompt = draft.prompt.replace(BLANK, "x")
    if re.search(r"\s[,.;:!?)\]]|[(\[]\s|[,;:]{2}|\s{2}|\w-\s|\(\(|\)\)", prompt):
        return "grammar: stray spacing or punctuation"
    if re.search(r"[\u200b-\u200f\u2060\ufeff]", prompt):
        return "grammar: invisible characters from the page"
    quoted = prompt.split('"')[1::2] if prompt.count('"') % 2 == 0 else []
    if any(part != part.strip() for part in quoted):
        return "grammar: stray spacing inside quotation marks"
    return None


def _evidence(draft: QuestionDraft, ctx: GenerationContext) -> str:
    if draft.evidence_start is None or draft.evidence_end is None:
        return ""
    return plain(ctx.article_text[draft.evidence_start : draft.evidence_end])


_REWRITTEN_KINDS = {"when", "true_false", "ordering"}


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
        if not word[:1].islower() or word in lower:
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
    writes more often, is the article's typo; the question would copy it."""
    if draft.kind == "who_said":
        return None  # the quotation is the article's words, as written
    counts = ctx.capitalised_word_counts
    for word in set(CAPITALISED_WORD.findall(draft.prompt)):
        if counts[word] != 1 or country_of_adjective(word):
            continue
        same_length = ctx.capitalised_words_by_length.get(len(word), [])  # _one_slip needs it
        right = next(
            (w for w, n in same_length if _one_slip(word, w) and _written_right(w, n)), None
        )
        if right:
            return f"grammar: “{word}” is the article's typo for “{right}”"
    if _TO_WRITTEN_OF.search(_QUOTED.sub(" ", draft.prompt)):
        return "grammar: the article's slip “of” for “to” (“trying of …”)"
    return None


def misspelt_word(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Ana Ruiz made her profesional debut in _____." copies the article's typo of a
    common word (`spelling.first_typo`: an English word list, names left to
    `misspelt_name`). Quotations are the speaker's words as written: left."""
    typo = first_typo(_QUOTED.sub(" ", draft.prompt))
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
    for match in _OFFICE_OF.finditer(_QUOTED.sub(" ", draft.prompt)):
        name = match["name"]
        if name in ctx.people or name in ctx.speakers or name in ctx.roles:
            return "grammar: a title joined to the wrong name"
    return None


def possessive_without_noun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "including 's commercial-free airing": a weekday cut out of "Sunday's" leaves
    its possessive behind."""
    if re.search(r"(?:^|\s)['’]s\b", _QUOTED.sub(" ", draft.prompt)):
        return "grammar: a possessive without its noun"
    return None


_DANGLING_PRONOUN = re.compile(r"\b(?:her|him|them|it)\s*[?.]$", re.I)


def pronoun_without_antecedent(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year did the singer's son predecease her?": a rewritten prompt ending on
    a pronoun that nothing in it stands for."""
    if draft.kind in _REWRITTEN_KINDS and _DANGLING_PRONOUN.search(draft.prompt):
        return "grammar: a pronoun with nothing it refers to"
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


# The answer and the options ---------------------------------------------------


def answer_given_away(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """The prompt names the answer: the speaker (or part of the name), the
    country (its adjective, initials, a city of it), part of the date that the
    wrong options do not share, the blanked words."""
    prompt, answer = draft.prompt, draft.answer
    if draft.kind == "who_said" and gives_away_person(prompt, answer):
        return "give-away: the prompt names the speaker"
    if draft.kind == "which_country" and gives_away_country(prompt, answer):
        return "give-away: the prompt names the country"
    if draft.kind == "when":
        when = parse_label(answer)
        others = [t for t in draft.choice_texts if t != answer]
        if when is None or narrows_options(prompt, when, others):
            return "give-away: the prompt names part of the date"
    if draft.kind == "cloze" and contains_word(prompt.replace(BLANK, " "), answer):
        return "give-away: the blanked words are still in the sentence"
    if draft.kind == "cloze" and draft.target.startswith("country:"):
        return _blanked_country_named(prompt, answer)
    return None


def _blanked_country_named(prompt: str, answer: str) -> str | None:
    """The sentence of a cloze on a country names it another way, or names its capital."""
    if gives_away_country(prompt.replace(BLANK, " "), answer):
        return "give-away: the sentence names the blanked country another way"
    names = re.findall(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*", prompt.split(":", 1)[-1])
    if any(is_capital_of(name, answer) for name in names):
        return "give-away: the sentence names the blanked country's capital"
    return None


def _headline(ctx: GenerationContext) -> str:
    """The article's first line when it is a title (no closing punctuation): the
    bank is named after it, so the student reads it. A title may end on a quoted
    word ("Ruiz fined, citing 'fraud'"); a sentence ends on . ! or ?, then maybe a
    closing quotation mark."""
    first = ctx.article_text.lstrip().split("\n", 1)[0].strip()
    return "" if not first or re.search(r"[.!?][”\"'’]?$", first) else first


def country_in_headline(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is Ana Ruiz the president of?" under the title "Freedonia
    elects Ana Ruiz": the whole article is about that country, the title answers it."""
    if draft.kind != "which_country":
        return None
    if gives_away_country(_headline(ctx), draft.answer):
        return "give-away: the article's title names the answer"
    return None


TITLE_ECHO = 3  # content words a quotation shares with the title that names its speaker


def quote_echoes_title(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “within the next ten days I will send the port bill …”?" under the
    title "Mayor Ruiz to send port bill within ten days": the title names the speaker
    and says what the quotation says; "I was lucky to win" under "Ruiz wins the final"."""
    quote = _speaker_quote(draft)
    title = _headline(ctx)
    if draft.kind != "who_said" or quote is None or not quote.speaker or not title:
        return None
    if not gives_away_person(title, quote.speaker):
        return None
    shared = _content_words(quote.text) & _content_words(title)
    if len(shared) >= TITLE_ECHO:
        return "give-away: the title names the speaker and says what was said"
    if _FIRST_PERSON.search(quote.text) and _WINNING.search(quote.text) and _WINNING.search(title):
        return "give-away: the title names the winner, who speaks of winning"
    return None


# "I was lucky to win" under the title "Ruiz wins the final": the winner speaks.
_WINNING = re.compile(r"\b(?:win|wins|won|winning|victory|champion)\b", re.I)


def cloze_headline_country(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: … moving into northern _____." under the title "Troops
    leave Freedonia": the title names the blanked country."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    if gives_away_country(_headline(ctx), draft.answer):
        return "give-away: the article's title names the blanked country"
    return None


# A country word used as an adjective of a body ("The _____ government accused …").
_BODY_AFTER_BLANK = re.compile(
    rf"{re.escape(BLANK)}\s+(?:government|authorities|administration|army|military|police|"
    r"navy|officials|state|parliament|president|prime minister|federal|"
    r"(?:presidential|general|parliamentary|legislative|midterm)\s+elections?|elections?|"
    r"primar(?:y|ies)|caucus(?:es)?|congress|senate)\b",
    re.I,
)


def cloze_the_articles_one_country(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The _____ government accused …", "its candidate for the 2024 _____ presidential
    election" in an article that names one country only: whose government or election
    it is needs no recall, the article is all about that country."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    if not _BODY_AFTER_BLANK.search(draft.prompt):
        return None
    answer = country_iso(draft.answer)
    if answer and all(country_iso(link.country) == answer for link in ctx.countries):
        return "give-away: the article's one country, blanked before its government or vote"
    return None


# "That ban was lifted …", "These talks ended …": a sentence opening on a noun the
# sentence before introduced; alone on a card or a question it points at nothing.
_POINTS_BACK = re.compile(r"^(?:That|This|These|Those|Such)\s+(?!is\b|was\b|are\b|were\b)[a-z]+\b")
# "In _____ another ship hit the two piers", "When did another ship hit …?": the first
# one, and which two, were in the sentences before.
_ANOTHER_ONE = re.compile(
    r"^(?:(?:In|On|At|By|During|After|Before|Since)\s+[^,]{1,30}?,?\s+)?[Aa]nother\s+[a-z]+\s+[a-z]+"
    r"|^(?:When|In what year) (?:did|was|were) another\b"
)
# "the country's capital, …" with no country named: whose is it?
_WHOSE_PLACE = re.compile(r"\bthe\s+(?:country|nation)['’]s\s+(?:capital|largest city)\b", re.I)


def _names_a_country(text: str) -> bool:
    """A country's name or adjective in the text ("Peru", "Peruvian"); a city is no
    country's name to a reader who does not know where it is."""
    runs = re.findall(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", text)
    return any(
        is_country(w) or country_of_adjective(w) for run in runs for w in {run, *run.split()}
    )


def needs_the_sentence_before(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: That ban was lifted in _____.", "When did X happen in the
    country's capital?", "In _____ another ship hit the pier": words that stand for what the article said just before, which
    the learner does not see."""
    if draft.kind not in {"cloze", "when", "true_false"}:
        return None
    text = _QUOTED.sub(" ", draft.prompt)
    body = re.sub(r"^(?:Fill in the blank|True or false\?)[:]?\s*", "", text)
    if _POINTS_BACK.match(body) or _ANOTHER_ONE.search(body):
        return "context: the sentence points back at what the article said before"
    if _WHOSE_PLACE.search(text) and not _names_a_country(text):
        return "context: “the country's” names no country in the question"
    return None


def blanked_words_shown(text: str, draft: QuestionDraft) -> bool:
    """Does `text` show what a card blanks: the person (any part of the name), the
    date as the card writes it, or the blanked words?"""
    if draft.target.startswith("person:"):
        return gives_away_person(text, draft.answer)
    if draft.target.startswith("country:"):
        return gives_away_country(text, draft.answer)
    return contains_word(text, draft.answer)


def cloze_answer_in_title(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: The _____ start date of the rule …" (June 15) under the
    title "Masks required from June 15"; "Mayor _____ said …" under "Mayor Ruiz
    re-elected": the title, read first, fills the blank."""
    if draft.kind != "cloze" or draft.target.startswith("country:"):
        return None  # a country: cloze_headline_country
    title = _headline(ctx)
    if title and blanked_words_shown(title, draft):
        return "give-away: the article's title names the blanked words"
    return None


def _speaker_option_problem(answer: str, options: list[str]) -> str | None:
    """Options of a "who said": names, people among people, bodies among bodies."""
    if any(not looks_like_a_name(o) for o in options):
        return "options: not every option is a name"
    if is_organisation(answer):
        if not all(is_organisation(o) for o in options):
            return "options: an organisation among people"
    elif any(is_organisation(o) or is_place(o) for o in options):
        return "options: an organisation or a place among people"
    return None


def _option_type_problem(kind: str, answer: str, options: list[str]) -> str | None:
    if kind == "who_said" and (problem := _speaker_option_problem(answer, options)):
        return problem
    if kind == "which_country" and not all(country_iso(o) for o in options):
        return "options: not every option is a country"
    if kind == "when":
        parsed = [parse_label(o) for o in options]
        if any(p is None for p in parsed) or len({p.granularity for p in parsed if p}) > 1:
            return "options: not every option is a date of the answer's granularity"
    return None


def options_of_the_answers_type(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """People for "who said", organisations for an organisation's words,
    countries for "which country", dates of one granularity for "when"."""
    if draft.kind not in MULTIPLE_CHOICE:
        return None
    problem = _option_type_problem(draft.kind, draft.answer, draft.choice_texts)
    # A body: credited as one, or a one-word name the article never gives a person's
    # role or pronoun.
    known = draft.answer in ctx.genders or draft.answer in ctx.roles
    not_a_person = draft.answer in ctx.organisations or not known
    credited_as_body = not_a_person and not plausible_person(draft.answer)
    if problem is None and draft.kind == "who_said" and credited_as_body:
        # "Facebook released a statement …": a body, yet not named like an
        # organisation; among people only, it stands out.
        wrong = [t for t, ok, _ in draft.choices if not ok]
        if not any(o in ctx.organisations or is_organisation(o) for o in wrong):
            return "options: the only organisation among people"
    return problem


def publication_among_people(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said …?" → the Daily Herald, beside three people: a newspaper, a site or a
    building the article names as such stands out among people (blind judge, batch 9)."""
    if draft.kind != "who_said" or not is_publication(draft.answer, ctx):
        return None
    wrong = [t for t, ok, _ in draft.choices if not ok]
    if all(plausible_person(o) and not names_a_thing(o, ctx.article_text) for o in wrong):
        return "options: a publication among people"
    return None


def option_also_right(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A wrong option that is right too: the same person by surname, a date
    inside the answer's, a country the article also links to the subject."""
    wrong = [t for t, ok, _ in draft.choices if not ok]
    if draft.kind == "who_said":
        surname = normalise(draft.answer).split()[-1:]
        if any(normalise(o).split()[-1:] == surname for o in wrong):
            return "options: another option is the same person"
    if draft.kind == "when":
        when = parse_label(draft.answer)
        for option in wrong:
            other = parse_label(option)
            if when and other and not (when.before(other) or other.before(when)):
                return "options: another option overlaps the date"
    if draft.kind == "which_country" and isinstance(draft.source, CountryLink):
        return _country_also_right(draft.source, draft.answer, wrong, ctx)
    return None


def _country_also_right(
    link: CountryLink, answer: str, wrong: list[str], ctx: GenerationContext
) -> str | None:
    """A wrong country the article also links to the subject, or that the words just
    before the subject name."""
    subject = normalise(link.subject)
    linked = {normalise(c.country) for c in ctx.countries if normalise(c.subject) == subject} - {
        normalise(answer)
    }
    if any(normalise(o) in linked for o in wrong):
        return "options: another option is linked to the subject too"
    before = _words_before(link.evidence, link.subject)
    if before and any(gives_away_country(before, o) for o in wrong):
        return "options: the words before the subject name another option too"
    return None


BEFORE_SUBJECT = 4  # words: the subject's own noun phrase ("Freedonian-Ruritanian chemist")


def _words_before(evidence: str, subject: str) -> str:
    """The few words just before the subject's first mention in its sentence, within
    its clause: "the Freedonian-Ruritanian chemist" of "… said the Freedonian-Ruritanian
    chemist Ana Ruiz"."""
    at = evidence.find(subject)
    if at <= 0:
        return ""
    clause = re.split(r"[,;:()“”\"]", evidence[:at])[-1]
    return " ".join(clause.replace("-", " ").split()[-BEFORE_SUBJECT:])


# Is the answer right? ---------------------------------------------------------

_OBJECT_MARKERS = {
    "to", "asking", "asked", "told", "urging", "urged", "thanked", "thanking", "with",
    "interviewed", "addressing", "addressed", "against", "about", "called", "calling",
}  # fmt: skip
_PRONOUN_SUBJECT = re.compile(r"\b(he|she|they|i|we)\b", re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _speaker_quote(draft: QuestionDraft) -> Quote | None:
    return draft.source if isinstance(draft.source, Quote) else None


def speaker_named_as_addressee(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Talking to Petra Lindqvist of a radio station, he said …", "… the coach
    said, urging Omar to stay": when the sentence names the credited speaker only after "to",
    "asking", "told" and the like, that person is the one spoken to."""
    quote = _speaker_quote(draft)
    if quote is None or not quote.speaker or draft.kind == "cloze":
        return None
    outside = _QUOTED.sub(" ", plain(quote.evidence))
    parts = [p for p in name_parts(quote.speaker) if p] or [normalise(quote.speaker)]
    pattern = regex(rf"(?<![\w])(?:{'|'.join(re.escape(p) for p in parts)})(?![\w])", re.IGNORECASE)
    mentions = list(pattern.finditer(outside))
    if not mentions:
        return None
    for mention in mentions:
        before = words(outside[: mention.start()])[-3:]
        if not any(w in _OBJECT_MARKERS for w in before[-2:]):
            return None  # named as a subject somewhere: fine
    return "answer: the credited speaker is the person spoken to"


_SUBJECTLESS_START = re.compile(
    r"^Who said: “(?:\[(?:is|are|was|were|has|have|had|will|would|can|could|should|do|does|did)\]"
    r"|(?:is|are|was|were|has|have|had|will|would|can|could|should|does|did)\s)"
)


_CONTEXT = re.compile(r"\(Context: (.*)\)\s*$")


def option_named_in_the_context(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “Sad day”? (Context: … writes Ruiz's old partner _____.)" among
    Ana Ruiz and others: the context speaks of that option as someone else, so it
    cannot be the blank (blind judge, batch 15)."""
    if draft.kind != "who_said":
        return None
    context = _CONTEXT.search(draft.prompt)
    if not context:
        return None
    shown = _QUOTED.sub(" ", context.group(1)).replace(BLANK, " ")
    for option, correct, _ in draft.choices:
        surname = plain(option).split()[-1:] if not correct else []
        if surname and len(surname[0]) > 2 and contains_word(shown, surname[0]):
            return f"options: {option} is named in the context as someone else"
    return None


# "under the ring name Iron Jo", "stage names Lulu and Kiki": another name of someone.
_OTHER_NAME = re.compile(
    r"\b(?:ring|stage|pen|screen|drag)\s+names?\s+(?:of\s+)?[“\"]?"
    r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
)


@lru_cache(maxsize=64)
def _stage_names(article_text: str) -> frozenset[str]:
    """The ring, stage and pen names an article gives, normalised (once per article)."""
    return frozenset(normalise(m.group(1)) for m in _OTHER_NAME.finditer(article_text))


def option_is_another_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said …?" among Jo Bell and Iron Jo, the ring name the article gives Bell: a
    wrong option that is someone's stage or ring name is one person twice (blind judge,
    batch 15: a wrestler and his ring name offered as two speakers)."""
    if draft.kind != "who_said":
        return None
    aliases = _stage_names(ctx.article_text)
    for option, correct, _ in draft.choices:
        if not correct and normalise(option) in aliases:
            return f"options: {option} is another name of someone in the article"
    return None


_WHO_SAID_QUOTE = re.compile(r"^Who said: “(?P<quote>.*)”\?")


def glued_fragments(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “backed the first river law, … led to ten new rules”?": quotations
    the article split around its own words ("X said she “A” which “B”"), each a piece of
    a sentence without its subject, glued with "…" read as no statement (blind judge)."""
    quoted = _WHO_SAID_QUOTE.match(draft.prompt) if draft.kind == "who_said" else None
    if not quoted:
        return None
    parts = [p.strip(" ,;[]") for p in quoted.group("quote").split("…")]
    parts = [p for p in parts if p]
    if len(parts) >= 2 and all(p[:1].islower() for p in parts):
        return "grammar: pieces of sentences glued into one quotation"
    return None


def quote_without_its_subject(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “[are] keen on a vote …”?": the quotation starts after its subject
    (outside the marks), so the prompt is a fragment."""
    if draft.kind == "who_said" and _SUBJECTLESS_START.match(draft.prompt):
        return "grammar: the quotation starts without its subject"
    return None


_RELATIVE = re.compile(
    r"\b(?:my|our)\s+(?:dad|father|mother|mum|mom|son|daughter|husband|wife|brother|sister|"
    r"grandfather|grandmother|grandson|granddaughter|uncle|aunt|parents|children)\b",
    re.I,
)


def relative_gives_the_family(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "“… as my dad received the award …”" with the father named in the article: the
    one option with his family name is the speaker's."""
    if draft.kind != "who_said" or not _RELATIVE.search(_quotation(draft.prompt)):
        return None
    surname = draft.answer.split()[-1] if len(draft.answer.split()) > 1 else ""
    if not surname or not surname[:1].isupper():
        return None
    others = [text for text, correct, _ in draft.choices if not correct]
    if any(contains_word(other, surname) for other in others):
        return None
    first = re.escape(draft.answer.split()[0])
    if regex(rf"(?<!{first} ){re.escape(surname)}\b").search(ctx.article_text):
        return "give-away: the speaker's relative shares the only option's family name"
    return None


_PLACE_THERE = re.compile(r"\bthere\s*[.,;]")


def there_without_a_place(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Both candidates won _____ delegates there.": "there" points to a place named
    in another sentence, and the card does not say which."""
    outside = _QUOTED.sub(" ", draft.prompt.split(":", 1)[-1])
    if draft.kind == "cloze" and _PLACE_THERE.search(outside):
        return "context: “there” points to a place of another sentence"
    return None


_MODEL_CODE = r"\s+(?:[A-Za-z]{1,3}-?\d+[A-Za-z]*|\d+[A-Za-z]+\d*)\b"


def name_of_a_model(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is Harada from?" when the article only writes "a Harada K7
    fighter": the name is a maker's, cut out of a model's name, not a person."""
    if draft.kind != "which_country":
        return None
    for name in _names_in(draft.prompt):
        found = list(regex(rf"\b{re.escape(name)}\b").finditer(ctx.article_text))
        if found and all(re.match(_MODEL_CODE, ctx.article_text[m.end() :]) for m in found):
            return "answer: the name is part of a model's name, not a person or body"
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
    if _WHERE_FOR_WERE.search(draft.prompt):
        return "grammar: “where” written for “were” in the source"
    return None


def pronoun_without_a_pronoun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A quote credited through a pronoun ("she said") whose sentence has no
    such pronoun outside the quotation ("The head of the investigators told the
    court …"): the sentence names someone else as the speaker."""
    quote = _speaker_quote(draft)
    if quote is None or quote.attribution != "pronoun":
        return None
    outside = _QUOTED.sub(" ", plain(quote.evidence))
    if _PRONOUN_SUBJECT.search(outside):
        return None
    return "answer: the quote is credited through a pronoun its sentence does not have"


_SPEECH_VERB = re.compile(
    r"\b(said|says|told|tells|added|explained|stated|wrote|testified|warned|continued)\b", re.I
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“A-Z])")


def _previous_sentence(ctx: GenerationContext, start: int | None) -> str:
    if start is None:
        return ""
    paragraph = ctx.article_text[ctx.article_text.rfind("\n", 0, start) + 1 : start].strip()
    sentences = [s for s in _SENTENCE_BREAK.split(paragraph) if s.strip()]
    return plain(sentences[-1]) if sentences else ""


def pronoun_after_another_speaker(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The head of the investigators told the court “…”. She also said “…”": a
    pronoun right after a sentence in which someone else speaks stands for that
    speaker, not for a person named further back."""
    quote = _speaker_quote(draft)
    if quote is None or quote.attribution != "pronoun" or not quote.speaker:
        return None
    previous = _QUOTED.sub(" ", _previous_sentence(ctx, quote.evidence_start))
    if not _SPEECH_VERB.search(previous) or gives_away_person(previous, quote.speaker):
        return None
    return "answer: the pronoun follows another speaker's words"


_GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def pronoun_of_the_other_gender(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "she said" credited to a man the article calls "he" is a wrong guess."""
    quote = _speaker_quote(draft)
    if quote is None or quote.attribution != "pronoun" or not quote.speaker:
        return None
    gender = ctx.genders.get(quote.speaker)
    outside = _QUOTED.sub(" ", plain(quote.evidence))
    said = re.search(
        r"\b(he|she)\s+(?:\w+\s+)?(?:said|told|added|explained|wrote)\b", outside, re.I
    )
    if gender and said and _GENDERED[said.group(1).casefold()] != gender:
        return "answer: the pronoun does not fit the credited speaker"
    return None


MAX_CLOZE_WORDS = MAX_CARD_WORDS  # a card is one sentence to read, not a paragraph


_BARE_APOSTROPHE = re.compile(rf"{re.escape(BLANK)}['’](?!s\b)")


def blank_before_apostrophe(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The _____' other major league …": a plural's possessive mark left after the
    blank reads as a typo ("Judge _____'s statement" is fine)."""
    if draft.kind == "cloze" and _BARE_APOSTROPHE.search(draft.prompt):
        return "grammar: a bare apostrophe after the blank"
    return None


_PRONOUN = r"(?:He|She|It|They|This|These|Those|Its|His|Her|Their)"
_CARD_OPENS_ON_PRONOUN = re.compile(
    rf"^Fill in the blank: (?P<lead>(?:In|On|By|Since|From|During|After|Before|Following|At|"
    rf"When|While|Once|[A-Z][a-z]+ing)\b[^.;:\"“”]*?(?:,|\s[—–]) )?{_PRONOUN}\b"
    r"|^Fill in the blank: (?:In|On|By|Since) \S+ (?:he|she|they)\b"
    r"|^Fill in the blank: (?:In|On|At|By|During|After|Before|Since|Following|Under|Throughout)"
    r" (?:that|this|these|those|then)\b",
    re.I,
)
_EMPTY_IT = re.compile(
    r"it (?:is|was|has been|had been) (?:\w+ ){0,3}?(?:that|to|whether|for)\b|it (?:is|was) (?:not )?"
    r"(?:the first|the last|the \w+est)\b",
    re.I,
)


def cloze_opens_on_pronoun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "It was founded in _____.", "In _____, he moved to the coast.", "During that
    service, he …", "Returning home in _____, he …", "In _____ they won the cup": a card is read alone, away from the sentence before it, so "it"
    or "he" stands for nobody (an empty "It was reported that …" is fine, and so is
    a "he" after a name: "After Ana Ruiz won in _____, she …")."""
    if draft.kind != "cloze":
        return None
    opening = _CARD_OPENS_ON_PRONOUN.match(draft.prompt)
    if not opening:
        return None
    pronoun_at = opening.end() - len(opening.group(0).split()[-1])
    if _EMPTY_IT.match(draft.prompt, pronoun_at):
        return None
    lead = opening.group("lead") or ""
    people = [*ctx.people, *(s for s in ctx.speakers if not is_organisation(s))]
    names = {w for person in people for w in person.split() if w[:1].isupper()}
    if any(w.strip(",—–") in names for w in lead.split()):
        return None
    return "answer: the card's subject is a pronoun that stands for nobody"


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


_DAY_OF_MONTH = re.compile(
    rf"\b(?:{'|'.join(m.capitalize() for m in MONTHS)})\s+\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\s+(?:{'|'.join(m.capitalize() for m in MONTHS)})\b"
)


def when_with_a_date_inside(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the firm email the bank on March 10?": a "when" question that names a
    day already is garbled, and that day among its options is also right."""
    if draft.kind == "when" and _DAY_OF_MONTH.search(_QUOTED.sub(" ", draft.prompt)):
        return "grammar: a when question that already names a date"
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


def digits_beside_the_blank(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Flight _____ (AB1344/CD1344)": the blanked number is still written inside a code of
    the same sentence; "the _____ has always condemned … said GTF": its initials are."""
    if draft.kind != "cloze":
        return None
    rest = draft.prompt.replace(BLANK, " ")
    if re.fullmatch(r"\d{3,}", draft.answer) and draft.answer in rest:
        return "give-away: the blanked number is written beside the blank"
    if re.fullmatch(r"\d+(?:\.\d+)?", draft.answer) and regex(
        rf"[A-Za-z]{re.escape(draft.answer)}(?![\d.]\d)"
    ).search(rest):
        return "give-away: the blanked number is written inside a name of the sentence"
    letters = sorted(initials(draft.answer))
    for token in re.findall(r"\b[A-Z]{2,6}\b", rest):
        if len(letters) >= 3 and sorted(token) == letters:
            return "give-away: the answer's initials are in the sentence"
    return None


_COUNT_WORD = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|a hundred|dozens|hundreds|thousands)"
)
_COUNT_BESIDE_BLANK = re.compile(
    rf"\b{_COUNT_WORD}\s+or\s+{re.escape(BLANK)}|{re.escape(BLANK)}\s+or\s+{_COUNT_WORD}\b"
    rf"|{re.escape(BLANK)}\s*(?:and|[-–])\s*\d{{1,2}}\b(?![\d%]|[,.]\d)",
    re.I,
)


def count_beside_a_count(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "three or _____ ships", "_____ or seven days": the other end of a rough count is
    written beside the blank, so the answer is the next number; "On _____ and 4": the
    blank is half of two days."""
    if draft.kind == "cloze" and _COUNT_BESIDE_BLANK.search(draft.prompt):
        return "give-away: a count beside the blank's own count"
    return None


_HEAD_OF_STATE_BEFORE_BLANK = re.compile(
    rf"\b(?P<adjective>[A-Z][a-z]+)\s+(?:President|Prime Minister|Chancellor|King|Queen|"
    rf"Supreme Leader|Emperor|Crown Prince)\s+{re.escape(BLANK)}"
)


def head_of_state_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Indian Prime Minister _____ wrote …": who heads a country is world knowledge,
    the title alone gives the name away (like a capital)."""
    if draft.kind != "cloze" or not draft.target.startswith("person:"):
        return None
    found = _HEAD_OF_STATE_BEFORE_BLANK.search(draft.prompt)
    if found and (country_of_adjective(found["adjective"]) or is_country(found["adjective"])):
        return "world trivia: the head of a country, named by the title"
    return None


def cloze_too_long(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A card whose sentence runs to a whole paragraph (a long quotation after the
    blank) is a reading exercise, not a recall card."""
    if draft.kind == "cloze" and len(draft.prompt.split()) > MAX_CLOZE_WORDS:
        return f"grammar: a cloze longer than {MAX_CLOZE_WORDS} words"
    return None


MIN_CARD_WORDS = 6  # the blank included: fewer is a card without context


def card_without_context(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: The hearing date is _____.", "The party is banned in
    _____.": a few words around the blank say too little to be recalled from the
    article rather than guessed."""
    if draft.kind != "cloze":
        return None
    body = draft.prompt.removeprefix("Fill in the blank:").split()
    if len(body) < MIN_CARD_WORDS:
        return f"context: a card of fewer than {MIN_CARD_WORDS} words"
    return None


_SMALL_COUNT = re.compile(r"(?:one|two|three|[123]|a couple|a pair|both)", re.I)


def small_count_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: Inspectors found _____ unsecured servers." (two): a count
    of one to three is guessed as often as recalled, and teaches nothing."""
    if draft.kind == "cloze" and _SMALL_COUNT.fullmatch(draft.answer.strip()):
        return "trivial: a count of one to three is a guess"
    return None


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
    for match in _QUOTED.finditer(draft.prompt):
        if len(words(match.group(0))) >= QUOTED_IN_QUESTION:
            return "grammar: a quotation copied into a rewritten question"
    return None


def cloze_year_in_parts(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "… and "07" for the year it was found, _____." for 2007: the year's last two
    digits (or its century) are still in the sentence."""
    if draft.kind != "cloze" or not re.fullmatch(r"\d{4}", draft.answer.strip()):
        return None
    year = draft.answer.strip()
    rest = draft.prompt.replace(BLANK, " ")
    if regex(rf"(?<![\d]){year[2:]}(?![\d])|’{year[2:]}\b|'{year[2:]}\b").search(rest):
        return "give-away: the sentence names part of the blanked year"
    return None


def cloze_blanks(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "On Tuesday, the _____ (_____) announced …": one blank per card, else two
    blanks stand for different words."""
    if draft.kind in {"cloze", "who_said"} and draft.prompt.count(BLANK) > 1:
        return "grammar: more than one blank"  # (a who-said sentence: "The _____ (_____)")
    return None


def quoted_elsewhere(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “null and void”?" when another sentence quotes the same words
    without that speaker ("The ministers called the deal “null and void”"): the
    words alone do not tell the two apart."""
    quote = _speaker_quote(draft)
    if quote is None or draft.kind not in {"who_said", "true_false"} or not quote.speaker:
        return None
    if "(Context: " in draft.prompt:
        return None
    own = plain(quote.evidence)
    cores = [part.strip(" ,.;:!?[]") for part in plain(quote.text).split(" … ")]
    cores = [f'"{core}' for core in cores if len(words(core)) >= 2]
    if not cores:
        return None
    for sentence in _plain_sentences(ctx.article_text):
        if sentence in own or own in sentence or gives_away_person(sentence, quote.speaker):
            continue
        if any(core in sentence for core in cores):
            return "answer: the same words are quoted in another sentence"
    return None


@lru_cache(maxsize=8)
def _plain_sentences(article_text: str) -> tuple[str, ...]:
    """The article's sentences, plain (made once per article, not per draft)."""
    return tuple(
        sentence
        for paragraph in article_text.splitlines()
        for sentence in _SENTENCE_BREAK.split(plain(paragraph))
    )


SHORT_QUOTE_WORDS = 4


def short_quote_without_context(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “main difference”?" alone: two words could be anyone's; a short
    quotation is asked with its sentence (speaker blanked) or not at all."""
    quote = _speaker_quote(draft)
    short = quote is not None and len(words(quote.text)) < SHORT_QUOTE_WORDS - 1
    if draft.kind == "who_said" and short and "(Context: " not in draft.prompt:
        return "answer: a short quotation without its sentence"
    return None


def one_word_quote(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “inevitable”? (Context: …)": a single word in quotation marks is a
    word the reporter kept, not a statement; even with its sentence the question
    reads as a vocabulary test, and the sentence around the blank (a title, "she")
    picks the speaker out."""
    quote = _speaker_quote(draft)
    if draft.kind == "who_said" and quote is not None and len(words(quote.text)) < 2:
        return "answer: a single quoted word is no statement"
    return None


SCARE_QUOTE_WORDS = 2  # "“heightened alert”": a term the reporter kept, not a statement


def scare_quoted_term(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “full readiness”? (Context: _____ said he ordered 'full readiness'
    from the guards.)": two words in quotation marks are a term the reporter kept;
    with its sentence the question tests the sentence, not who said what."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None or len(words(quote.text)) > SCARE_QUOTE_WORDS:
        return None
    # Inside the sentence, words before and after it ("ordered “full readiness” from
    # the guards"): a term; at the sentence's end ("called it “a disaster”.") or
    # start ("“Roads first,” said …") it is the speaker's verdict.
    before = _SENTENCE_BREAK.split(quote.evidence[: quote.start - quote.evidence_start])[-1]
    after = _SENTENCE_BREAK.split(quote.evidence[quote.end - quote.evidence_start :])[0]
    if words(before) and words(after):
        return "answer: a two-word term inside a sentence is no statement"
    return None


def short_quote_statement(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "True or false? X said: “years.”": a word or two alone, without the
    sentence around it, says nothing to check."""
    quote = _speaker_quote(draft)
    short = quote is not None and len(words(quote.text)) < SHORT_QUOTE_WORDS
    if draft.kind == "true_false" and short:
        return "answer: a quotation too short to judge alone"
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
    said = _QUOTED.sub(" ", draft.prompt)  # a quotation keeps its speaker's words
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
    said = _QUOTED.sub(" ", " ".join([draft.prompt, *draft.choice_texts]))
    if draft.kind != "cloze" and _CUT_COMPARISON.search(said.replace(BLANK, "x")):
        return "grammar: a comparison cut short (“more than” with nothing after)"
    if draft.kind in _REWRITTEN_KINDS and _AS_MUCH_WITHOUT_AS.search(
        _QUOTED.sub(" ", draft.prompt)
    ):
        return "grammar: a comparison cut short (“as much” with no “as …”)"
    return None


def _dated_sources(draft: QuestionDraft) -> list[DatedFact]:
    sources = draft.source if isinstance(draft.source, list) else [draft.source]
    return [s for s in sources if isinstance(s, DatedFact)]


_MONTH_WORD = "|".join(MONTHS)
_NOT_A_GIVEN_NAME = {
    "in", "on", "by", "since", "until", "till", "last", "early", "late", "mid", "next",
    "this", "from", "through", "during", "before", "after", "of", "and", "or", "to", "the",
    "between", "each", "every", "that", "around", "about",
}  # fmt: skip
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTH_AS_NAME_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:said|says|told|tells|added|wrote|who|announced)\b|\s+[A-Z][a-z]+\b)"
)


def _month_read_as_a_name(text: str, match: re.Match[str]) -> bool:
    """ "Prime Minister Theresa May said", "May's deal", "June Carter": the month's
    word stands where a person's name stands (a capitalised word before it that is
    no preposition, month or weekday; "'s", a speech verb or a surname after it),
    and no day number is beside it ("May 3", "3 May")."""
    before = text[: match.start()].rstrip()
    after = text[match.end() :]
    if re.match(r"^\s*\d", after) or re.search(r"\d\s*$", before):
        return False
    previous = re.search(r"([A-Z][a-z]+\.?)$", before)
    if previous:
        word = previous.group(1).rstrip(".").casefold()
        if word not in _NOT_A_GIVEN_NAME and word not in _WEEKDAYS and word.title() not in MONTHS:
            return True
    nxt = _MONTH_AS_NAME_AFTER.match(after)
    return nxt is not None and nxt.group(0).strip().title() not in MONTHS


def month_is_a_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Theresa May resigned as leader" dated "May": a surname the extractor read as
    the month. The date's month word, where the sentence writes it, stands as a name."""
    for dated in _dated_sources(draft):
        when = plain(dated.event.when or "")
        if not regex(rf"(?:(?:in|on|by|since|until)\s+)?(?:{_MONTH_WORD})", re.I).fullmatch(when):
            continue  # "May 3", "May 2019": a day or a year tells a date
        month = re.search(_MONTH_WORD, when.title())
        if month is None:
            continue
        evidence = plain(dated.event.evidence)
        found = list(regex(rf"\b{month.group(0)}\b").finditer(evidence))
        if found and all(_month_read_as_a_name(evidence, m) for m in found):
            return f"answer: “{month.group(0)}” is a person's name here"
    return None


_MONTH_BESIDE_MONTH = re.compile(
    rf"\b(?:{_MONTH_WORD})\b(?:\s*(?:,|/|-|–|—)\s*|\s+(?:and|or|to|through|into)\s+)"
    rf"(?:early\s+|late\s+|mid-?)?(?:{_MONTH_WORD})\b"
)


def month_beside_month(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "in March and April", "the May–June floods": two months side by side are a
    span, not the one month the answer gives; nor may a prompt keep such a pair."""
    asked = " ".join([draft.prompt, *draft.choice_texts]) if draft.kind in _REWRITTEN_KINDS else ""
    if _MONTH_BESIDE_MONTH.search(_QUOTED.sub(" ", f"{asked} {draft.answer}")):
        return "answer: two months side by side are a span, not one date"
    for dated in _dated_sources(draft):
        when = plain(dated.event.when or "")
        month = re.search(_MONTH_WORD, when)
        if not month:
            continue
        evidence = plain(dated.event.evidence)
        for pair in _MONTH_BESIDE_MONTH.finditer(evidence):
            if regex(rf"\b{month.group(0)}\b").search(pair.group(0)):
                return "answer: the date's month stands beside another month (a span)"
    return None


MIN_CONFIDENCE = 0.7


def unsure_fact(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A fact made by an extraction rule that is right less than MIN_CONFIDENCE of
    the time on real articles (quizzes.extraction.confidence): the answer may be
    wrong ("The report said …" credited to the wrong organisation). A cloze card's
    answer is the article's own words, right whoever said them."""
    if draft.kind == "cloze":
        return None
    fact = draft.source.event if isinstance(draft.source, DatedFact) else draft.source
    rule = getattr(fact, "rule", "")
    confidence = getattr(fact, "confidence", 0.0)
    if rule and confidence < MIN_CONFIDENCE:
        return f"answer: rule {rule} is right {confidence:.0%} of the time"
    return None


def quote_is_a_label(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "“H7N3”", "“Project-X.”": a name in quotation marks, not words
    anyone said, makes no who-said question nor statement ("“hopeless”" may)."""
    quote = _speaker_quote(draft)
    if quote is None:
        return None
    tokens = plain(quote.text).split()
    lower_words = [w for w in re.findall(r"[^\W\d_]+", quote.text) if w[:1].islower()]
    name_like = len(tokens) == 1 and not re.fullmatch(r"[a-z’'-]+[.,!?]?", tokens[0])
    if not lower_words or name_like:
        return "answer: the quotation is a name, not something said"
    if _NAMED_WORDING.search(ctx.article_text[max(0, quote.start - 40) : quote.start]):
        return "answer: the quotation is wording a noun names, not something said"
    return None


# "the question “Is this …?”", "the slogan “…”": words quoted as the object of a noun
# that names wording are that wording, not speech.
_NAMED_WORDING = re.compile(
    r"\b(?:question|term|phrase|slogan|motto|wording|label|headline|hashtag|caption|"
    r"nickname|chant|banner|sign|expression)\s*[,:]?\s*[“\"‘']$",
    re.I,
)


# A word that makes a clause of a list: a verb of being or having, a modal, a pronoun.
_CLAUSE_WORDS = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "should", "must", "do", "does", "did", "i", "we", "you", "he", "she", "it",
    "they", "not", "no",
}  # fmt: skip
LIST_ITEMS = 3  # a list of people or bodies: three names or more, no clause


def quote_is_a_list(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “farm unions, church groups and village elders”?": the groups a
    speaker called on, set in quotation marks, are no statement to attribute."""
    quote = _speaker_quote(draft)
    if quote is None or draft.kind not in {"who_said", "true_false"}:
        return None
    text = plain(quote.text).strip(" .,;:…")
    if not text[:1].islower():
        return None
    items = [i for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text) if i.strip()]
    if len(items) < LIST_ITEMS or any(len(i.split()) > 4 for i in items):
        return None
    if any(w.casefold() in _CLAUSE_WORDS for i in items for w in i.split()):
        return None
    return "answer: the quotation is a list of names, not a statement"


def answer_not_a_state(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is Carrie Lam linked to?" → Hong Kong, beside China among the
    options: a territory that is part of another country is no country's answer."""
    link = draft.source
    if not isinstance(link, CountryLink) or draft.kind not in {"which_country", "true_false"}:
        return None
    parent = part_of_country(link.country)
    if parent:
        return f"answer: {link.country} is part of {parent}, not a country"
    return None


# About the article, not the world --------------------------------------------

BIG_CITY = 250_000


def well_known_place(name: str, country: str) -> bool:
    """A capital, a city of a quarter of a million people or more, or a state or province:
    "In which country is Lima?" tests geography, not the article."""
    from quizzes.extraction.geo import city_population, region_country

    if is_capital_of(name, country) or city_population(name) >= BIG_CITY:
        return True
    return region_country(name) is not None


def _blank_asks_where_a_place_lies(prompt: str, link: CountryLink) -> str | None:
    """A cloze whose blank only asks where a well-known city lies."""
    # "… in Lima, _____.", "the _____ city of Santiago": the blank only asks
    # where the city lies.
    at, place = prompt.find(BLANK), plain(link.subject)
    before = prompt[:at].split()[-(3 + len(place.split())) :]
    after = prompt[at + len(BLANK) :].split()[: 3 + len(place.split())]
    near = " ".join([*before, *after])
    if contains_word(near, place) and well_known_place(link.subject, link.country):
        return "trivia: where a well-known place lies"
    # "… in Istanbul, _____.": whatever the fact, the blank asks where the city lies.
    placed = re.search(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*),\s*$", prompt[:at])
    if placed and well_known_place(placed.group(1), link.country):
        return "trivia: where a well-known place lies"
    return None


def world_trivia(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In which country is Lima?", "Santiago is in Chile.": where a well-known
    place lies is world knowledge, not something the article is about."""
    link = draft.source
    if not isinstance(link, CountryLink):
        return None
    if draft.kind == "cloze":
        return _blank_asks_where_a_place_lies(draft.prompt, link)
    if draft.kind not in {"which_country", "true_false"}:
        return None
    if draft.kind == "which_country" and not draft.prompt.startswith("In which country is "):
        return None
    if draft.kind == "true_false" and not re.search(
        r" is in (?:the )?[A-Z][\w ]*\.$", draft.prompt
    ):
        return None
    if well_known_place(link.subject, link.country):
        return "trivia: where a well-known place lies"
    return None


def top_office_trivia(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is Ana Ruiz the president of?": who heads a state is world
    knowledge, like a capital (blind judges: Merkel, Assad); the article teaches
    nothing a student could not know without it. Ministers, envoys and acting
    leaders are asked (which_country.top_office)."""
    if draft.kind == "which_country" and top_office(draft.prompt):
        return "trivia: who heads a country is world knowledge"
    return None


_LOOSE_PHRASES = (" linked to ", " is from ", " links ")


def _country_mentions(text: str) -> list[tuple[int, str, int]]:
    """(start, country, end) of every country name, adjective or demonym in the text."""
    from quizzes.extraction.geo import canonical_country, country_of_adjective

    found = []
    for match in re.finditer(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}", text):
        phrase = re.sub(r"['’]s$", "", match.group(0))
        tokens = phrase.split()
        for n in range(len(tokens), 0, -1):  # the longest country name the run starts with
            head = " ".join(tokens[:n])
            country = canonical_country(head) or (country_of_adjective(head) if n == 1 else None)
            if country:
                found.append((match.start(), country, match.start() + len(head)))
                break
    return found


_MONTH_DAY = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)


def loose_link_to_a_dated_thing(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The article links the November 27 border agreement to Turkey.": a thing named
    by its date, loosely linked to one of the countries that made it."""
    link = draft.source
    if not isinstance(link, CountryLink) or draft.kind not in {"which_country", "true_false"}:
        return None
    loose = any(p in f" {draft.prompt} " for p in _LOOSE_PHRASES)
    if loose and _MONTH_DAY.search(link.subject):
        return "answer: a thing named by its date, loosely linked"
    return None


def nearest_country(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Peruvian minister R and her Chilean and Bolivian counterparts, C and H":
    when the question only says "linked to" or "from",
    the country must be the one the sentence names nearest the subject."""
    link = draft.source
    if not isinstance(link, CountryLink) or draft.kind not in {"which_country", "true_false"}:
        return None
    if not any(p in f" {draft.prompt} " for p in _LOOSE_PHRASES):
        return None
    evidence = plain(link.evidence)
    subject = plain(link.subject)
    at = evidence.find(subject)
    mentions = _country_mentions(evidence)
    if at < 0 or not mentions:
        return None

    def distance(mention: tuple[int, str, int]) -> int:
        """Words between the mention and the subject."""
        start, _, end = mention
        between = evidence[end:at] if end <= at else evidence[at + len(subject) : start]
        return len(between.split())

    nearest = min(distance(m) for m in mentions)
    answer = [distance(m) for m in mentions if normalise(m[1]) == normalise(link.country)]
    if not answer or min(answer) > nearest:
        named = min(mentions, key=distance)[1]
        return f"answer: the sentence names {named} nearer the subject"
    return None


_PLACE_KIND = re.compile(
    r"\s+(?:region|province|state|district|county|area|mountains|valley|river|peninsula|"
    r"oblast|krai|territory|basin|desert|sea|coast|islands?)\b"
)


def place_not_placed(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In which country is Paita?" when the sentence says "Paita, Piura": the
    reader needs geography the article does not give."""
    link = draft.source
    if not isinstance(link, CountryLink) or draft.kind not in {"which_country", "true_false"}:
        return None
    place_question = (
        draft.prompt.startswith("In which country is ") and not draft.prompt.endswith(" based?")
    ) or re.search(r" is in (?:the )?[A-Z][\w ]*\.$", draft.prompt)
    if not place_question:
        return None
    evidence = plain(link.evidence)
    at = evidence.find(plain(link.subject))
    if at < 0:
        return "answer: the place is not in its sentence"
    after = evidence[at + len(plain(link.subject)) :]
    if _PLACE_KIND.match(after):
        return "answer: the subject is part of a longer place name (“the X region”)"
    # "Tolvo, Freedonia", "Tolvo in Freedonia", "Freedonia's Tolvo": the country right
    # beside the place, not somewhere later in the sentence.
    around = evidence[max(0, at - 20) : at + len(plain(link.subject)) + 25]
    if not gives_away_country(around, link.country):
        return "answer: the sentence does not say which country the place is in"
    return None


# "the Coastal Seed Laboratory in Springfield", "…, based at Tolvo": a town right after
# the body's name.
_PLACED_AT = re.compile(
    r"^,?\s+(?:(?:based|located|headquartered)\s+)?(?:in|at|near|of)\s+"
    r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
)


def body_placed_by_its_town(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is the Coastal Seed Laboratory from?" when its sentence says only
    "the Coastal Seed Laboratory in Springfield": which country the town lies in is
    outside knowledge, not something the article wrote (blind judge, batch 17). A
    person's home is asked from other words ("X of Springfield" is rarely all)."""
    link = draft.source
    if not isinstance(link, CountryLink) or draft.kind not in {"which_country", "true_false"}:
        return None
    if link.subject_kind == "person":
        return None
    evidence = plain(link.evidence)
    if gives_away_country(evidence, link.country):
        return None
    subject = plain(link.subject)
    at = evidence.find(subject)
    if at < 0:
        return None
    placed = _PLACED_AT.match(evidence[at + len(subject) :])
    if placed and not is_country(placed.group(1)):
        return "trivia: the sentence places the body only in a town, never names the country"
    return None


_NOT_PART_OF_A_NAME = {*MONTHS, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                       "Saturday", "Sunday"}  # fmt: skip


def _cut_before(text: str, at: int) -> bool:
    """Is the "the …" name starting at `at` the tail of a longer name: "Unite the Left
    march" read from "the Left march"? A capitalised word right before "the" that is no
    sentence's first word, weekday, month or owner ("Freedonia's")."""
    before = re.search(r"([\w’'-]+)\s+$", text[max(0, at - 60) : at])
    if not before or not before.group(1)[:1].isupper():
        return False
    word = before.group(1)
    if word in _NOT_PART_OF_A_NAME or re.search(r"['’]s?$", word):
        return False
    ahead = text[max(0, at - 60) : at][: before.start()].rstrip()
    return bool(ahead) and not re.search(r"[.!?:;\"“”(\n]$", ahead)


def name_cut_at_its_start(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In which country did the Left march take place?" where the article always writes
    "the Unite the Left march": the extractor kept only the name's tail (blind judge,
    batch 17: "the Right rally")."""
    link = draft.source
    if not isinstance(link, CountryLink) or draft.kind not in {"which_country", "true_false"}:
        return None
    if link.subject_kind == "person":
        return None
    subject = re.sub(r"^the\s+", "", plain(link.subject))
    if not subject[:1].isupper():
        return None
    text = plain(ctx.article_text)
    found = [
        m.start()
        for m in regex(rf"(?<![\w-])the\s+{re.escape(subject)}(?![\w-])", re.I).finditer(text)
    ]
    if found and all(_cut_before(text, at) for at in found):
        return "grammar: the name is cut at its start"
    return None


def initials_beside_the_blank(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The Iranian _____ (IRGC) declared …": initials in brackets right after the
    blank spell the answer out."""
    if regex(rf"{re.escape(BLANK)}\s*\([A-Z][A-Za-z]*[A-Z]\)").search(draft.prompt):
        return "give-away: initials right after the blank"
    return None


_DATE_WORDS = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|\d{1,4}(?:st|nd|rd|th)?|,|\s)+"
)


def cloze_date_not_a_date(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "After X fired his deputy, _____, the army moved" for "ahead of the 2018
    elections": a date card blanks a date ("1963", "November 27", "March 14, 2019"),
    not a phrase around one."""
    if draft.kind != "cloze" or not draft.target.startswith("date:"):
        return None
    if not _DATE_WORDS.fullmatch(draft.answer.strip()):
        return "answer: the blank is a phrase, not a date"
    return None


def cloze_year_in_a_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "the Electronic Commerce Directive _____", "a programme dubbed “Vision _____”":
    a year right after a capitalised word is part of a name, not a date to recall."""
    if draft.kind != "cloze" or not re.fullmatch(r"\d{4}", draft.answer.strip()):
        return None
    before = draft.prompt.split(BLANK, 1)[0].removeprefix("Fill in the blank:").rstrip()
    tokens = before.split()
    if len(tokens) < 2 or re.search(r"[.!?:]$", tokens[-2]):
        return None  # "In _____, …": the sentence's first word
    last = tokens[-1].strip("\"“‘'")
    if last[:1].isupper() and last not in MONTHS and last != last.upper():
        return "answer: the year is part of a name"
    return None


_VOTE_AFTER_BLANK = re.compile(
    rf"{re.escape(BLANK)}\s+(?:[A-Z][\w.]*\s+){{0,2}}(?:[a-z]+\s+)?"
    r"(?:elections?|referendum|vote|Olympics|Olympic Games|World Cup)\b",
    re.I,
)
_OUTCOME = re.compile(r"\b(?:victory|defeat\w*|to leave|independence)\b", re.I)


def famous_vote_year(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "the _____ presidential election, which sealed Ana Ruiz's victory over Piet
    Dane": the year of a vote (or games) told with its outcome names a famous event;
    anyone fills it in without the article."""
    if draft.kind != "cloze" or not re.fullmatch(r"\d{4}", draft.answer.strip()):
        return None
    if _VOTE_AFTER_BLANK.search(draft.prompt) and _OUTCOME.search(draft.prompt):
        return "give-away: the year of a vote told with its outcome is general knowledge"
    return None


def cloze_as_of(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "As of _____, no evidence … has been reported": the date a report stood at,
    not when anything happened."""
    if draft.kind == "cloze" and regex(rf"\b[Aa]s of {re.escape(BLANK)}").search(draft.prompt):
        return "answer: the date a report stood at"
    return None


def cloze_news_source(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "According to the _____, a spokesman said …" for "BBC": the outlet that reported
    it, not something the story is about."""
    if draft.kind != "cloze" or not draft.target.startswith("person:"):
        return None
    credit = regex(rf"\b[Aa]ccording to (?:the )?{re.escape(BLANK)}").search(draft.prompt)
    if credit and not plausible_person(draft.answer):
        return "answer: the news source, not the story"
    return None


def cloze_person_not_a_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "_____ said she had been in good health" for "the singer's animal foundation": a
    speaker's card blanks a name, not a description nobody would write the same way."""
    if draft.kind != "cloze" or not draft.target.startswith("person:"):
        return None
    if not any(w[:1].isupper() for w in draft.answer.split()):
        return "answer: the blank is a description, not a name"  # "The _____ said" (army)
    lower = [w for w in draft.answer.split() if w[:1].islower()]
    head = lower[-1:] if is_organisation(draft.answer) else []  # "X's office"
    if any(w not in _NAME_PARTICLES for w in lower[: len(lower) - len(head)]):
        return "answer: the blank is a description, not a name"
    return None


_NAME_PARTICLES = {
    "al",
    "bin",
    "de",
    "del",
    "der",
    "di",
    "du",
    "el",
    "la",
    "le",
    "van",
    "von",
    "da",
}


def inside_quotation(text: str, start: int) -> bool:
    """Does `start` lie inside a quotation of its paragraph: after an opening mark
    whose closing mark comes later (“… ” or "…"), or in a paragraph that opens a
    quotation it does not close (a quotation running over several paragraphs)?"""
    paragraph_start = text.rfind("\n", 0, start) + 1
    before = text[paragraph_start:start]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return True
    paragraph = text[paragraph_start : text.find("\n", start) % (len(text) + 1)]
    opens = paragraph.lstrip()[:1] in {"“", '"'}
    return opens and start > paragraph_start and paragraph.count("“") > paragraph.count("”")


def stated_inside_a_quotation(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: He had planned attacks on the harbour – including the attack
    on _____" from a statement quoted over several sentences: the sentence is the
    speaker's claim, shown without its quotation marks and credit as if the article
    said it (and its "he" stands for nobody). The same for a date question."""
    if draft.kind not in {"cloze", "when", "true_false"} or draft.evidence_start is None:
        return None
    if draft.kind == "true_false" and not isinstance(draft.source, DatedFact):
        return None
    if draft.kind == "cloze" and draft.target.startswith("person:"):
        return None  # a speaker's card: the credit is the sentence's own
    if inside_quotation(ctx.article_text, draft.evidence_start):
        return "answer: the sentence is inside a quotation, someone's claim"
    return None


# The rules a timeline item is read against, as the statement it is ("Chirac was mayor
# of Paris."): the question's prompt is fixed, its items are rewritten clauses.
_ITEM_RULES = (
    unbalanced_marks, stray_spacing, name_rewritten, possessive_without_noun,
    noun_taken_for_verb, office_of_a_person, pronoun_without_antecedent,
    relative_time_left, unsure_fact,
)  # fmt: skip


def timeline_item_problem(item: str, dated: DatedFact, ctx: GenerationContext) -> str | None:
    """ "The President of Ana Ruiz was made", "X also criticised the move, this time":
    a garbled item, or one stated inside someone's quotation, spoils a timeline."""
    probe = QuestionDraft(
        kind="ordering",
        prompt=f"{item}.",
        answer=item,
        choices=[],
        explanation="",
        evidence_start=dated.event.evidence_start,
        evidence_end=dated.event.evidence_end,
        fingerprint="",
        source=dated,
    )
    for rule in _ITEM_RULES:
        problem = rule(probe, ctx)
        if problem:
            return problem
    if dated.event.evidence_start is not None and inside_quotation(
        ctx.article_text, dated.event.evidence_start
    ):
        return "answer: the sentence is inside a quotation, someone's claim"
    return None


# Eighth round: give-aways a reader fills without the article ---------------------

_HEAD_TITLE = re.compile(
    rf"\b(?P<place>[A-Z][a-z]+)\s+(?:president|prime minister|first minister|chancellor|"
    rf"king|queen|supreme leader|emperor|crown prince|premier)\s+{re.escape(BLANK)}",
    re.I,
)


def head_of_government_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Freedonian prime minister _____ said …", "Wessex First Minister _____ said …":
    who leads a country (or a nation of one, a state of a federation) is world
    knowledge however the title is written; the blank asks nothing of the article."""
    if draft.kind != "cloze" or not draft.target.startswith("person:"):
        return None
    from quizzes.extraction.geo import region_country

    found = _HEAD_TITLE.search(draft.prompt)
    if not found or not found["place"][:1].isupper():
        return None
    place = found["place"]
    if country_of_adjective(place) or is_country(place) or region_country(place):
        return "world trivia: the leader of a country, named by the title"
    return None


_OTHER_NAMES = re.compile(r"\bof America\b")  # a body "of America" is American
_NAME_RUN = re.compile(r"\b[A-Z][\w.]*(?:\s+(?:of\s+)?[A-Z][\w.]*){0,4}")


def _places_of(text: str, country: str) -> list[str]:
    """The states, provinces, nations and big cities of `country` the text names
    ("California", "Wessex" of its kingdom, a capital)."""
    from quizzes.extraction.geo import (
        city_country,
        city_population,
        country_sharing_a_region_name,
        is_constituent_country,
        region_country,
        sovereign_country,
    )

    target = normalise(country)
    found = []
    for run in _NAME_RUN.findall(text):
        tokens = run.rstrip(".").split()
        for i, first in enumerate(tokens):
            if first == "of":
                continue
            for n in range(len(tokens) - i, 0, -1):
                head = " ".join(tokens[i : i + n])
                if head.endswith(" of"):
                    continue
                region = (
                    region_country(head)
                    or country_sharing_a_region_name(head)
                    or (sovereign_country(head) if is_constituent_country(head) else None)
                    or part_of_country(head)
                )
                big = city_population(head) >= BIG_CITY or is_capital_of(head, country)
                city = big and normalise(city_country(head) or "") == target
                if (region and normalise(region) == target) or city:
                    found.append(head)
    if target == normalise("United States") and _OTHER_NAMES.search(text):
        found.append("America")
    return found


def card_country_by_its_place(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Wessex would be the only nation in the _____ to …", "shootings in the _____
    that week, one of them in California": a state, nation or big city of the blanked
    country in the card fills the blank by geography, not by the article."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    shown = _QUOTED.sub(" ", draft.prompt.removeprefix("Fill in the blank: "))
    places = _places_of(shown.replace(BLANK, " "), draft.answer)
    if places:
        return f"give-away: {places[0]} lies in the blanked country"
    return None


_NATIONAL_BODY = re.compile(r"^(?:the\s+)?(?:National|Federal)\b")


def country_in_the_bodys_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is the University of Wessex Beaufort from?", "… the Recording
    Guild of America from?": the body's name holds a state or city of the answer (or
    says "of America"); "the National Rowing League" is a country's own body, whose
    country is the one the report is about. Either way the name answers it."""
    link = draft.source
    if draft.kind != "which_country" or not isinstance(link, CountryLink):
        return None
    if link.subject_kind == "person":
        return None
    places = _places_of(link.subject, link.country)
    if places:
        return f"give-away: the name holds {places[0]}, in the answer"
    if _NATIONAL_BODY.match(link.subject):
        return "trivia: a national body's country is the article's own"
    return None


# Surname shapes that tell a language, and the countries whose people carry it:
# "Which country is Nikos Papadakis the foreign minister of?" among Albania,
# Bulgaria, Greece and Turkey needs no article (blind judges: an Italian name among
# Greece, Austria, France and Italy). Only decisive when no wrong option shares it.
_HISPANIC = (
    "Spain", "Mexico", "Argentina", "Chile", "Colombia", "Peru", "Venezuela", "Ecuador",
    "Bolivia", "Paraguay", "Uruguay", "Cuba", "Dominican Republic", "Guatemala",
    "Honduras", "El Salvador", "Nicaragua", "Costa Rica", "Panama",
)  # fmt: skip
_POST_SOVIET = (
    "Russia", "Belarus", "Ukraine", "Bulgaria", "Kazakhstan", "Kyrgyzstan", "Uzbekistan",
    "Tajikistan", "Turkmenistan", "Azerbaijan", "Moldova", "Serbia", "North Macedonia",
)  # fmt: skip
NAME_LANGUAGES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"(?:opoulos|akis|idis|iadis|os|is|ou)$"), ("Greece", "Cyprus")),
    (
        re.compile(r"^(?:Di|De|Del|Della|Lo)\s|(?:ini|ino|etti|etto|elli|ello|ucci|oni)$"),
        ("Italy", "San Marino", "Switzerland"),
    ),
    (re.compile(r"(?:ez|és)$"), _HISPANIC),
    (re.compile(r"(?:ov|ova|ev|eva|ovich|evich|skiy|skaya)$"), _POST_SOVIET),
    (re.compile(r"(?:enko|chuk|yuk)$"), ("Ukraine",)),
    (re.compile(r"(?:ski|ska|cki|cka|wicz|czyk)$"), ("Poland",)),
    (re.compile(r"(?:shvili|dze)$"), ("Georgia",)),
    (re.compile(r"(?:yan|ian)$"), ("Armenia",)),
    (re.compile(r"(?:oğlu|oglu)$"), ("Turkey", "Azerbaijan")),
    (re.compile(r"nen$"), ("Finland",)),
    (re.compile(r"(?:zadeh|nejad|pour)$"), ("Iran", "Afghanistan", "Tajikistan")),
)


def _language_countries(name: str) -> tuple[str, ...]:
    """The countries a person's name points to by its shape, or () ("Ana Ruiz" ->
    the Spanish-speaking countries; "Jo Bell" -> ())."""
    parts = plain(name).split()
    if len(parts) < 2:
        return ()
    surname = " ".join(parts[1:])
    for shape, countries in NAME_LANGUAGES:
        if shape.search(surname):
            return countries
    return ()


def name_tells_the_country(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A person's country asked among options only one of which speaks the language
    the person's name is in: the name answers the question."""
    link = draft.source
    if draft.kind != "which_country" or not isinstance(link, CountryLink):
        return None
    if link.subject_kind != "person":
        return None
    countries = {normalise(c) for c in _language_countries(link.subject)}
    if normalise(draft.answer) not in countries:
        return None
    wrong = [t for t, ok, _ in draft.choices if not ok]
    if any(normalise(o) in countries for o in wrong):
        return None
    return "give-away: the person's name is in the answer's language"


def _acronym_spelt_out(text: str, acronym: str) -> bool:
    """Does `text` write out the words whose initials make `acronym` ("National
    Rowing League" for "NRL")?"""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return False
    tokens = plain(text).split()
    return any(
        first[:1] == acronym[0] and _initials_from(tokens[i:], acronym)
        for i, first in enumerate(tokens)
    )


def _initials_from(tokens: list[str], acronym: str) -> bool:
    """The capitalised words from the first token on (small words skipped) spell
    `acronym` before a word that does not fit it."""
    letters = ""
    for token in tokens:
        if token.casefold() in {"of", "the", "and", "for", "de"}:
            continue
        if not token[:1].isupper():
            break
        letters += token[0]
        if letters == acronym:
            return True
        if not acronym.startswith(letters):
            break
    return False


def card_acronym_in_title(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "According to its statement, the _____ suspended …" (NRL) under the title
    "National Rowing League suspends season": the title spells the blank out."""
    if draft.kind != "cloze":
        return None
    if _acronym_spelt_out(_headline(ctx), draft.answer):
        return "give-away: the article's title spells out the blanked initials"
    return None


def statement_of_the_only_speaker(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "True or false? Ana Ruiz said: “…”" when Ruiz is the only person quoted (or
    her own name is in the words): "False" is never plausible, the statement tests
    nothing (blind judge, batches 3, 4, 7)."""
    quote = draft.source
    if draft.kind != "true_false" or not isinstance(quote, Quote) or not quote.speaker:
        return None
    speakers = {normalise(q.speaker) for q in ctx.quotes if q.speaker}
    if len(speakers) < 2:
        return "give-away: the only speaker of the article, so the statement can only be true"
    if gives_away_person(quote.text, quote.speaker):
        return "give-away: the quotation names its speaker"
    return None


_REPORTED = re.compile(r"^[Tt]hat\b(?:\W+\w+){0,6}?\W+(?:he|she|they|his|her|him|them|their)\b")


def reported_speech_as_quote(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “that she would not move away”?": words reported about the
    speaker in the third person, not the speaker's own words."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None:
        return None
    if _REPORTED.search(plain(quote.text).strip(' “”"[…')):
        return "grammar: reported speech about the speaker, not a quotation"
    return None


_FEMALE_CUE = re.compile(
    r"\b(?:as (?:a )?(?:wom[ae]n|mothers?|girls?|sisters?|daughters?)|my husband|my boyfriend)\b",
    re.I,
)
_MALE_CUE = re.compile(
    r"\b(?:as (?:a )?(?:m[ae]n|fathers?|boys?|brothers?|sons?)|my wife|my girlfriend)\b", re.I
)


def gender_cue_in_quote(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “As mothers we look after one another”?" among one woman and
    men, "“… to work with my husband”" among men: the speaker's own words tell the
    options apart."""
    quote = _speaker_quote(draft)
    if draft.kind not in {"who_said", "true_false"} or quote is None:
        return None
    text = plain(quote.text)
    cue = "f" if _FEMALE_CUE.search(text) else "m" if _MALE_CUE.search(text) else None
    if cue is None:
        return None
    if draft.kind == "true_false":
        named = _TF_QUOTE.match(draft.prompt)
        if named and ctx.genders.get(without_title(named["value"])) != cue:
            return "answer: the quotation's words tell the speaker's gender, not the named one's"
        return None
    wrong = [t for t, ok, _ in draft.choices if not ok]
    if not any(ctx.genders.get(o) == cue for o in wrong):  # no option known to share it
        return "options: the quotation's words tell the speaker's gender, no other option shares it"
    return None


_FORMER_JOB_OF = re.compile(
    r"\b(?:former|formerly|ex-)\b[^.;:()]{0,60}\bof\s+(?:the\s+)?(?:[A-Z][\w.]*(?:['’]s?)?\s+)*$"
)


def body_of_a_former_job(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country does the Bureau of Harbours belong to?" when the article only
    says "Jo Bell, formerly the director of Freedonia's Bureau of Harbours, said …":
    the body describes someone's old job, the story is not about it."""
    link = draft.source
    if draft.kind != "which_country" or not isinstance(link, CountryLink):
        return None
    if link.subject_kind == "person":
        return None
    text = plain(ctx.article_text)
    subject = plain(link.subject)
    at = [m.start() for m in regex(re.escape(subject)).finditer(text)]
    if at and all(_FORMER_JOB_OF.search(text[max(0, a - 90) : a]) for a in at):
        return "trivia: the body only describes someone's former job"
    return None


_CITED_AS = re.compile(r"\b(?:[Aa]ccording to|[Cc]iting|[Ss]ource:)\s+(?:the\s+)?$")


def body_only_cited(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is the Office of Tide Records from?" when the article only says
    "according to the Office of Tide Records in Freedonia, one in ten …": a source
    cited for a figure is no part of the story; its country is a side detail (blind
    judge: an agency named only for someone's old job or a statistic); nor is a card
    blanking it ("according to the Office … in _____")."""
    link = draft.source
    if draft.kind not in {"which_country", "cloze", "true_false"}:
        return None
    if not isinstance(link, CountryLink):
        return None
    if link.subject_kind == "person":
        return None
    text = plain(ctx.article_text)
    subject = re.sub(r"^the\s+", "", plain(link.subject))
    at = [m.start() for m in regex(re.escape(subject)).finditer(text)]
    if at and all(_CITED_AS.search(text[max(0, a - 30) : a]) for a in at):
        return "trivia: the body is only cited as a source"
    return None


_THE_COURT = re.compile(r"\bthe (?:court|tribunal)\b")  # lower case: a court named before
_COURT_NAME = re.compile(
    r"\b(?:[A-Z][\w’'.-]*\s+(?:of\s+(?:the\s+)?)?)*(?:Court|Tribunal)\b(?:\s+of(?:\s+the)?"
    r"(?:\s+[A-Z][\w’'.-]*)+)?"
)


def which_court(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: For a week, the court heard _____ witnesses." in an article
    naming a High Court, an appeal court and a Supreme Court: read alone, the card
    does not say which court (blind judge, batch 10)."""
    if draft.kind not in {"cloze", "true_false"}:
        return None
    if not _THE_COURT.search(_QUOTED.sub(" ", draft.prompt)):
        return None
    courts = {normalise(m.group(0)) for m in _COURT_NAME.finditer(ctx.article_text)}
    courts.discard(normalise("Court"))
    if len(courts) >= 2:
        return "grammar: “the court” of an article naming several courts"
    return None


# Fourteenth round (blind judgements, batches 18-19) ----------------------------

_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|hers)\b", re.I)
_PERSON_NOUNS = (
    PERSON_ROLE_NOUNS | OFFICE_TITLES | KIN_NOUNS | FEMALE_ROLE_WORDS | MALE_ROLE_WORDS
) | {
    "man", "woman", "boy", "girl", "person", "child", "baby", "mother", "father", "king",
    "queen", "prince", "princess", "pope", "singer", "actor", "author", "writer", "player",
    "leader", "founder", "victim", "suspect", "driver", "pilot", "officer", "inventor",
    "journalist", "reporter", "artist", "judge", "lawyer", "doctor", "nurse", "teacher",
}  # fmt: skip


def _a_person_word(word: str, name_words: frozenset[str]) -> bool:
    w = word.strip(",;:’'s").casefold()
    if word[:1].isupper():
        return word.strip(",;:’'s") in name_words or word.strip(",;:").rstrip("’'s") in name_words
    return w in _PERSON_NOUNS or w.endswith(("ist", "ian"))


def _name_words(ctx: GenerationContext) -> frozenset[str]:
    return frozenset(
        part for name in [*ctx.people, *ctx.speakers] for part in name.split() if len(part) >= 2
    )


def pronoun_of_nobody_in_the_prompt(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the report blame his fall on a faulty ladder?": a rewritten prompt
    whose "his"/"her" comes before any person (a name of the article, "the
    singer", "his brother") leaves the reader guessing who is meant."""
    if draft.kind not in _REWRITTEN_KINDS:
        return None
    prompt = _QUOTED.sub(" ", draft.prompt)
    match = _PERSONAL_PRONOUN.search(prompt)
    if match is None:
        return None
    names = _name_words(ctx)
    before = prompt[: match.start()].split()[2:]  # past "When did", "In what"
    if any(_a_person_word(w, names) for w in before):
        return None
    return f"grammar: “{match.group(0)}” stands for nobody the prompt names"


# How long before publication an event is the article's background, and not its news.
BACKGROUND_YEARS = 10
_TITLE_STOP = {
    "The", "A", "An", "In", "On", "At", "Of", "And", "For", "To", "After", "When", "What",
    "Efforts", "It", "He", "She", "They", "This", "That",
}  # fmt: skip


def _too_wide(word: str) -> bool:
    """A word of the prompt that does not tie it to the headline's story: a function
    word, or a country or its adjective ("the Freedonian monarchy" under a headline on a
    Freedonian party is still the country's history)."""
    return word in _TITLE_STOP or bool(country_of_adjective(word) or is_country(word))


def _asks_history(draft: QuestionDraft, ctx: GenerationContext) -> bool:
    """A "when" question or a statement, or a card on no one of the article."""
    if draft.kind in {"when", "true_false"}:
        return True
    if draft.kind != "cloze":
        return False
    sentence = draft.prompt.replace(BLANK, " ")
    if _PERSONAL_PRONOUN.search(sentence):
        return False
    names = _name_words(ctx)
    spoken = (w.strip("’'s,.;:") for w in sentence.split())
    return not any(w in names and not _too_wide(w) for w in spoken)


def background_history(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year did the Great Flood of the valley happen?" in a story about this
    week's storm: an event dated ten years or more before publication that the article's
    headline does not name is history the article recalls, not its news; the question
    tests general knowledge (and a near year is often defensible too). The people and
    things the headline names (a life's dates in an obituary) stay askable. A card
    blanking such a year ("Efforts to contain the outbreak, which took place in _____,
    …") is history too, unless it is about someone of the article (a person it names,
    or "her", "his": a life's events told after the headline's name)."""
    if not isinstance(draft.source, DatedFact) or not _asks_history(draft, ctx):
        return None
    when = draft.source.when
    if ctx.published is None:
        return None
    if ctx.published.year - when.year < BACKGROUND_YEARS:
        return None
    title = _headline(ctx)
    if not title:
        return None  # without a headline, what the article is about is not known
    title_words = {w.strip("’'s,:").casefold() for w in title.split() if len(w) >= 3}
    asked = [
        w.strip("’'s,.?:;").casefold()
        for w in draft.prompt.split(":", 1)[-1].split()
        if w[:1].isupper() and not _too_wide(w.strip("’'s,.?:;"))
    ]
    names = _name_words(ctx)
    if any(w in title_words for w in asked):
        return None
    # The headline's person named by surname only in the prompt ("Conyers").
    title_people = {w for w in title.split() if w in names and not _too_wide(w)}
    if any(w.strip("’'s,.?:;") in title_people for w in draft.prompt.split()):
        return None
    return f"about the article: {when.label()} is background history, not the news"


_INVERTED_ATTRIBUTION = re.compile(
    r",\s+(?:reported|said|told|added)\s+(?:the\s+)?[\w .-]+\?$", re.I
)


def attribution_left_at_the_end(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the storm hit the coast, with waves of six metres, said officials?":
    the sentence's closing attribution left in a rewritten question."""
    if draft.kind == "when" and _INVERTED_ATTRIBUTION.search(draft.prompt):
        return "grammar: the sentence's attribution is left at the question's end"
    return None


def answer_inside_a_word(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The fivefold mirror has _____ panels" → "five": the blanked word is part of
    another word of the sentence."""
    answer = draft.answer.strip()
    if draft.kind != "cloze" or not re.fullmatch(r"[a-z]{3,}", answer):
        return None
    rest = draft.prompt.replace(BLANK, " ").casefold()
    for word in re.findall(r"[\w-]+", rest):
        if answer in word and word != answer:
            return f"give-away: the blanked “{answer}” is inside “{word}”"
    return None


# A quotation of three words or fewer is a statement only when it is a clause: a
# subject pronoun, an auxiliary or a negation ("We couldn't win", "I never lie").
_STATEMENT_MARKS = re.compile(
    r"\b(?:i|we|you|he|she|they|it|this|that|there|is|are|was|were|will|would|can|could|"
    r"must|should|may|might|do|does|did|have|has|had|not|never|no)\b|n[’']t\b",
    re.I,
)
STATEMENT_WORDS = 4


def quote_without_a_statement(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “deep regret”? (Context: … spoke of “deep regret” after …)": three
    words or fewer without a subject or an auxiliary, after a preposition or an
    article of the reporter's sentence, are a phrase the reporter kept, not something
    a person said; the question tests the sentence around it."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None:
        return None
    if len(words(quote.text)) >= STATEMENT_WORDS or _STATEMENT_MARKS.search(quote.text):
        return None
    # A verdict leads or closes its sentence ("“Roads first,” said …", "called it “a
    # disaster”"); a phrase after a preposition is part of the reporter's sentence.
    before = quote.evidence[: max(0, quote.start - quote.evidence_start)]
    last = re.findall(r"[\w’'-]+", before)[-1:]
    if last and last[0].casefold() in _PHRASE_OPENERS:
        return "answer: a phrase of three words or fewer inside a sentence is no statement"
    return None


_PHRASE_OPENERS = {
    "with", "of", "in", "for", "from", "on", "at", "by", "about", "into", "under", "over",
    "a", "an", "the", "its", "their", "his", "her",
}  # fmt: skip


DraftRule = Callable[[QuestionDraft, GenerationContext], "str | None"]
# Clauses that ask nothing clear when rewritten as a question or a dated statement.
# "what the agency declared a pandemic": a free relative cut out of its sentence.
_WHAT_SUBJECT = re.compile(r"^what\b", re.I)
# "reports said …": the time of a report, not of the event.
_REPORTS_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:\w+\s+)?(?:reports?|media)\s+(?:said|suggested|indicated|stated|claimed)\b",
    re.I,
)
# "… ruled against its initial attempt": a possessive with an order word before an
# attempt, a bid, a plan points back to something the article named before.
_BACK_REFERENCE = re.compile(
    r"\b(?:its|their)\s+(?:initial|first|original|earlier|previous|latest|new|second|"
    r"renewed)\s+(?:attempt|bid|effort|plan|proposal|request|application|offer)s?\b",
    re.I,
)
# "continuing aftershocks hampered …": a state that goes on has no date.
_ONGOING = re.compile(r"^(?:the\s+)?(?:continuing|ongoing|continued|persistent|lingering)\b", re.I)
# "When did X have increased …?": a perfect tense kept under "did".
_PERFECT_UNDER_DID = re.compile(r"^(?:When|In what \w+) did\b.*\b(?:have|has)\s+\w+ed\b")


def _subject_cut_at_a_comma(clause: str) -> bool:
    """ "Freedonia Museum of Art, researchers report …": a subject with one comma fuses
    what the sentence's opening phrase named with the real subject (an apposition has
    two: "Ana Ruiz, 45, died")."""
    parts = clause_parts(clause)
    if parts is None or parts.verb_index < 0:
        return False
    return sum(w.endswith(",") for w in parts.subject) % 2 == 1


def when_prompt_unclear(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A dated clause that asks nothing clear: a "what" clause as its subject, the time
    of a report rather than of the event, "its first attempt" pointing back to something
    unnamed, a state that goes on, a subject fused at a comma."""
    if draft.kind not in _REWRITTEN_KINDS or not isinstance(draft.source, DatedFact):
        return None
    if _PERFECT_UNDER_DID.match(draft.prompt):
        return "grammar: a perfect tense under “did”"
    event = draft.source.event
    clause = plain(strip_time(event.event, event.when)).strip()
    if _WHAT_SUBJECT.match(clause):
        return "grammar: a clause of “what” asked as the subject"
    if _REPORTS_SUBJECT.match(clause):
        return "answer: asks when reports said it, not when it happened"
    if _BACK_REFERENCE.search(clause):
        return "grammar: “its first …” points back to something the prompt does not name"
    if _ONGOING.match(clause):
        return "answer: a situation that goes on has no date to ask"
    if _subject_cut_at_a_comma(clause):
        return "grammar: the subject is fused with a phrase at a comma"
    return None


def period_of_the_article(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did aftershocks hamper repairs?" — "January 2020" in an article of
    January 2020 whose other dates fall in that month: the answer is the article's own
    month (or year), which the publication date and the bank's other dates show."""
    if ctx.published is None or not isinstance(draft.source, DatedFact):
        return None
    when = parse_label(draft.answer) if draft.kind == "when" else None
    if draft.kind == "true_false":
        when = draft.source.when
    if when is None or when.granularity == "day":
        return None
    published = ctx.published
    own = when.year == published.year and when.month in {None, published.month}
    if not own:
        return None
    inside = [
        fact
        for fact in ctx.dated
        if fact.when.granularity != when.granularity
        and when.first_day() <= fact.when.first_day() <= when.last_day()
    ]
    if inside:
        return "give-away: the answer is the article's own period"
    return None


# "re-elected" in a sentence with another year: that year is right too for "elected".
_AGAIN = re.compile(r"\bre-?([a-z]{3,}ed)\b", re.I)
_YEAR = re.compile(r"\b\d{4}\b")


def option_done_again(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year was X elected mayor?" (2011) offering 2014 when the article says
    he was re-elected in 2014: a wrong year in which the same act was done again."""
    if draft.kind != "when":
        return None
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", draft.prompt)}
    wrong = [t for t, ok, _ in draft.choices if not ok and re.fullmatch(r"\d{4}", t)]
    if not wrong:
        return None
    for sentence in _plain_sentences(ctx.article_text):
        again = [m[1].casefold() for m in _AGAIN.finditer(sentence)]
        if any(verb in words for verb in again) and set(wrong) & set(_YEAR.findall(sentence)):
            return "options: another option is a year the same act was done again"
    return None


DRAFT_RULES: tuple[DraftRule, ...] = (
    # the prompt is natural English
    when_prompt_unclear,
    period_of_the_article,
    option_done_again,
    unbalanced_marks,
    stray_spacing,
    name_rewritten,
    misspelt_name,
    misspelt_word,
    possessive_without_noun,
    noun_taken_for_verb,
    office_of_a_person,
    pronoun_without_antecedent,
    question_shape,
    cloze_blanks,
    blank_before_apostrophe,
    cloze_too_long,
    card_without_context,
    copied_quotation_in_question,
    cloze_opens_on_pronoun,
    question_about_a_pronoun,
    when_with_a_date_inside,
    name_cut_at_the_end,
    statement_cut_short,
    relative_time_left,
    comparison_cut_short,
    # the marked answer is right
    unsure_fact,
    month_is_a_name,
    month_beside_month,
    quote_is_a_label,
    quote_is_a_list,
    short_quote_statement,
    short_quote_without_context,
    one_word_quote,
    scare_quoted_term,
    quote_without_a_statement,
    quoted_elsewhere,
    speaker_named_as_addressee,
    where_for_were,
    place_dropped_after_comma,
    name_of_a_model,
    name_cut_at_its_start,
    option_named_in_the_context,
    option_is_another_name,
    glued_fragments,
    quote_without_its_subject,
    relative_gives_the_family,
    pronoun_without_a_pronoun,
    pronoun_after_another_speaker,
    pronoun_of_the_other_gender,
    pronoun_of_nobody_in_the_prompt,
    attribution_left_at_the_end,
    # it gives nothing away and its options are plausible
    answer_given_away,
    answer_inside_a_word,
    initials_beside_the_blank,
    digits_beside_the_blank,
    count_beside_a_count,
    name_typo_in_answer,
    cloze_year_in_parts,
    small_count_card,
    there_without_a_place,
    cloze_date_not_a_date,
    cloze_year_in_a_name,
    famous_vote_year,
    cloze_as_of,
    cloze_news_source,
    cloze_person_not_a_name,
    cloze_headline_country,
    cloze_the_articles_one_country,
    needs_the_sentence_before,
    cloze_answer_in_title,
    quote_echoes_title,
    country_in_headline,
    options_of_the_answers_type,
    publication_among_people,
    option_also_right,
    nearest_country,
    loose_link_to_a_dated_thing,
    place_not_placed,
    body_placed_by_its_town,
    answer_not_a_state,
    unidentified_event,
    stated_inside_a_quotation,
    # it is about the article
    world_trivia,
    background_history,
    top_office_trivia,
    head_of_state_card,
    head_of_government_card,
    card_country_by_its_place,
    country_in_the_bodys_name,
    name_tells_the_country,
    card_acronym_in_title,
    statement_of_the_only_speaker,
    reported_speech_as_quote,
    gender_cue_in_quote,
    body_of_a_former_job,
    body_only_cited,
    which_court,
)


def draft_problem(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """Why the draft is not usable, or None."""
    problems = question_problems(
        kind=draft.kind,
        status="published",
        prompt=draft.prompt,
        answer=draft.answer,
        choices=draft.choices,
    )
    if problems:
        return "invalid: " + "; ".join(m for ms in problems.values() for m in ms)
    for rule in DRAFT_RULES:
        problem = rule(draft, ctx)
        if problem:
            return problem
    return None


# The bank as a whole ----------------------------------------------------------


def _same_target(a: QuestionDraft, b: QuestionDraft) -> bool:
    if not a.target or not b.target:
        return False
    if a.target == b.target:
        return True
    if a.target.startswith("date:") and b.target.startswith("date:"):
        da, db = parse_iso_target(a.target), parse_iso_target(b.target)
        return da is not None and db is not None and not (da.before(db) or db.before(da))
    return False


def parse_iso_target(target: str) -> PartialDate | None:
    return parse_iso(target.removeprefix("date:"))


def _same_fact(a: QuestionDraft, b: QuestionDraft) -> bool:
    """Questions on one fact, or of two kinds on one sentence (two who-said
    questions on two quotes of one sentence ask different things)."""
    if set(a.fact_keys) & set(b.fact_keys):
        return True
    return (
        a.kind != b.kind
        and a.evidence_start is not None
        and (a.evidence_start, a.evidence_end)
        == (
            b.evidence_start,
            b.evidence_end,
        )
    )


def near_duplicate(draft: QuestionDraft, kept: Sequence[QuestionDraft]) -> str | None:
    """Two questions on one fact (or one sentence) that ask for the same thing:
    "Who said …?" and the cloze of the same sentence with the speaker blanked;
    "When did the IMF say …?" and "The IMF said in _____ …". Also two prompts of a
    kind that read almost the same."""
    for other in kept:
        kinds = {draft.kind, other.kind}
        # A false statement may follow a question on its fact; a true one states the
        # other's answer.
        one_fact = bool(set(draft.fact_keys) & set(other.fact_keys))
        if one_fact and len(kinds) == 2 and "true_false" in kinds:
            # True, it states the other's answer; false, its wrong value is one of the
            # other's options, crossed out.
            return f"restates the fact of “{other.prompt[:60]}”"
        asks_same = "true_false" not in kinds
        if asks_same and _same_fact(draft, other) and _same_target(draft, other):
            return f"near-duplicate of “{other.prompt[:60]}”"
        if draft.kind == other.kind and similar(draft.prompt, other.prompt, threshold=0.85):
            return f"near-duplicate of “{other.prompt[:60]}”"
    return None


def over_the_fact_limit(draft: QuestionDraft, counts: Counter[str]) -> str | None:
    """One fact gives at most FACT_LIMIT questions per bank. A timeline asks for the
    order of several events, not for one of them: it neither counts nor is counted."""
    if draft.kind == "ordering":
        return None
    if any(counts[key] >= FACT_LIMIT for key in draft.fact_keys):
        return f"fact limit: {FACT_LIMIT} questions on this fact already"
    return None


_CONTINUES = re.compile(
    r"\b(continued|continuing|went on|goes on|further|adding|added|adds|also said|also says)\b",
    re.I,
)


def _continues(first: Quote, second: Quote, text: str) -> bool:
    """Is `second` the same speaker going on from `first`: one sentence, or the
    next one with nothing between, carried on ("she continued", no new credit)?"""
    if normalise(first.speaker or "") != normalise(second.speaker or ""):
        return False
    if first.evidence_start == second.evidence_start:
        return True
    if text[first.evidence_end : second.evidence_start].strip():
        return False
    outside = _QUOTED.sub(" ", plain(second.evidence))
    return second.attribution == "continuation" or bool(_CONTINUES.search(outside))


def _utterance(quote: Quote, ctx: GenerationContext) -> int:
    """Where the continuous utterance a quote belongs to starts: "X said “A,”
    further saying “B”", "“A.” X continued: “B.”" are one utterance."""
    quotes = sorted(ctx.quotes, key=lambda q: (q.evidence_start, q.start))
    current = quote
    for earlier in reversed([q for q in quotes if q.evidence_start < current.evidence_start]):
        if _continues(earlier, current, ctx.article_text):
            current = earlier
        elif earlier.evidence_end <= current.evidence_start:
            break
    return current.evidence_start


def _asks_speaker(draft: QuestionDraft) -> bool:
    """Who said, a statement of who said, or a card with the speaker blanked."""
    return draft.kind in {"who_said", "true_false"} or (
        draft.kind == "cloze" and draft.target.startswith("person:")
    )


def same_utterance(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """One question per continuous utterance: a speaker's words split by the article
    ("said “A”, further saying “B”") are one thing said, asked once."""
    quote = _speaker_quote(draft)
    if quote is None or not quote.speaker or not _asks_speaker(draft):
        return None
    mine = _utterance(quote, ctx)
    for other in kept:
        theirs = _speaker_quote(other)
        if theirs is None or not _asks_speaker(other):
            continue
        same_speaker = normalise(theirs.speaker or "") == normalise(quote.speaker)
        if same_speaker and _utterance(theirs, ctx) == mine:
            return f"one utterance: “{other.prompt[:60]}” asks it"
    return None


def same_country_same_sentence(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "Runners A and B, both from Freedonia": a second subject of one sentence with
    the same answer is the same question again."""
    link = draft.source
    if draft.kind != "which_country" or not isinstance(link, CountryLink):
        return None
    for other in kept:
        theirs = other.source
        if (
            other.kind == "which_country"
            and isinstance(theirs, CountryLink)
            and theirs.evidence_start == link.evidence_start
            and theirs.subject_kind == link.subject_kind
            and normalise(other.answer) == normalise(draft.answer)
        ):
            return f"same country, same sentence as “{other.prompt[:60]}”"
    return None


def same_country_answer(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """Two "which country" questions with one answer (and so the same wrong options)
    ask the same thing twice: one per country, a person's first (see `select`)."""
    if draft.kind != "which_country":
        return None
    for other in kept:
        if other.kind == "which_country" and normalise(other.answer) == normalise(draft.answer):
            return f"same country as “{other.prompt[:60]}”"
    return None


def country_named_elsewhere(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """A card blanking a country another question of the bank names in its prompt
    ("When did … announce troops would leave Chile?") is answered before it is read
    (a speaker's quoted words naming it are not about the card's sentence)."""
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for cloze, other in pairs:
        if cloze.kind != "cloze" or not cloze.target.startswith("country:") or other is cloze:
            continue
        if gives_away_country(_QUOTED.sub(" ", other.prompt), cloze.answer):
            return f"give-away: the country blanked in “{cloze.prompt[:60]}” is named"
        if _quoted_on_the_cards_point(other.prompt, cloze):
            return f"give-away: a quotation names the country blanked in “{cloze.prompt[:60]}”"
    return None


def _quoted_on_the_cards_point(prompt: str, cloze: QuestionDraft) -> bool:
    """ "Who said: “no sign the raids came from Freedonia”?" beside "The
    _____-based militia claimed the raids": quoted words that name the blanked
    country and speak of what the card's sentence is about (a word of four letters
    or more in common) fill the card."""
    quoted = " ".join(m.group(0) for m in _QUOTED.finditer(prompt))
    if not quoted or not gives_away_country(quoted, cloze.answer):
        return False
    card = _point_words(cloze.prompt.replace(BLANK, " ")) - _point_words(cloze.answer)
    return bool(card & _point_words(quoted))


def card_answer_named_elsewhere(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "Fill in the blank: Harbour master _____ said …" (Omar Haddad) beside "When did
    Omar Haddad close the port?", or a card blanking "March 4" beside "True or false?
    On March 4, …": another question of the bank shows the blanked person or date
    (even inside a quotation: "Who said: “… we thank Haddad …”?")."""
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for cloze, other in pairs:
        if cloze.kind != "cloze" or other is cloze or cloze.target.startswith("country:"):
            continue  # a country: country_named_elsewhere
        if blanked_words_shown(other.prompt, cloze):
            return f"give-away: the words blanked in “{cloze.prompt[:60]}” are named"
    return None


_TF_VALUE = re.compile(
    r"^True or false\? (?:(?P<speaker>.+?) said: “|(?:On|In) (?P<date>[^,]+), "
    r"|.+?\s(?P<country>[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*)\.$)"
)


def false_value_crosses_out(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "True or false? Ana Ruiz is the president of Freedonia." (False) beside
    "Which country is Ana Ruiz the president of?" offering Freedonia: the statement
    crosses out one of the options."""
    if draft.kind != "true_false" or draft.answer != "False":
        return None
    match = _TF_VALUE.match(draft.prompt)
    value = next((v for v in match.groups() if v), "") if match else ""
    if not value:
        return None
    for other in kept:
        wrong = {normalise(t) for t, ok, _ in other.choices if not ok}
        if normalise(value) in wrong and _anchored(draft.prompt, _as_quiz_question(other)):
            return f"give-away: its false value is an option of “{other.prompt[:60]}”"
    return None


def _overlapping_dates(a: QuestionDraft, b: QuestionDraft) -> bool:
    if not (a.target.startswith("date:") and b.target.startswith("date:")):
        return False
    da, db = parse_iso_target(a.target), parse_iso_target(b.target)
    return da is not None and db is not None and not (da.before(db) or db.before(da))


def date_asked_twice(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "When did a collision kill X?" (27 August) beside "The crash happened … on _____."
    (August 27), or three cards blanking "November 27": a date card on a date the bank
    already asks is the same question again (or answered by the other's options)."""
    if draft.kind != "cloze" or not draft.target.startswith("date:"):
        return None
    mine = parse_iso_target(draft.target)
    for other in kept:
        theirs = parse_iso_target(other.target) if other.target.startswith("date:") else None
        if mine is None or theirs is None or other.kind not in {"when", "cloze", "true_false"}:
            continue
        # Another card on an overlapping date; a question whose date lies inside this
        # card's (its options show the card's year or month).
        inside = mine.first_day() <= theirs.first_day() and theirs.last_day() <= mine.last_day()
        if (other.kind == "cloze" and _overlapping_dates(draft, other)) or inside:
            return f"date asked already by “{other.prompt[:60]}”"
    return None


def _subject_and_verb(draft: QuestionDraft) -> tuple[str, str] | None:
    if not isinstance(draft.source, DatedFact):
        return None
    event = draft.source.event
    parts = clause_parts(strip_time(event.event, event.when))
    if parts is None:
        return None
    if parts.verb_index < 0:
        return parts.words[-1].casefold(), ""  # "the summit" (took place)
    verb = parts.verb.strip(",;:").casefold()
    head = parts.subject[-1].casefold().strip(",") if parts.subject else ""  # "painter Ana Ruiz"
    return head, past_to_base(verb) or verb


def same_event_twice(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "When did X die after …?" and "When did X die at home …?" (one day): two
    sentences telling one event give one question. So do "When did the crash happen?"
    and "When did a collision kill X?": an event only named ("happen", "take place")
    on a date another question asks is that event again."""
    if draft.kind not in {"when", "true_false"}:
        return None
    mine = _subject_and_verb(draft)
    if mine is None:
        return None
    for other in kept:
        one_date = other.kind in {"when", "true_false"} and _overlapping_dates(draft, other)
        if not one_date:
            continue
        theirs = _subject_and_verb(other)
        named_only = _NAMED_ONLY & {mine[1], theirs[1] if theirs else ""}
        # "bombings took place" (June) and "a bombing happened" (27 June): one name
        head = theirs[0] if theirs else ""
        one_name = bool(head and mine[0]) and mine[0].rstrip("s") == head.rstrip("s")
        if theirs == mine or (named_only and (draft.target == other.target or one_name)):
            return f"the same event as “{other.prompt[:60]}”"
        if _unnamed_things_on_one_day(draft, other):
            # "When did the tremor leave five dead?", "When did the quake damage 143
            # buildings?" (16 October): one unnamed thing of that day, asked twice.
            return f"one day's unnamed event again: “{other.prompt[:60]}”"
        action = _action(draft)
        if action and action == _action(other) and not _two_named_subjects(draft, other):
            # "When was X sentenced?" (March 2019) beside "When did a judge sentence
            # X?" (13 March 2019): one action, one time, asked twice.
            return f"the same action on the same date as “{other.prompt[:60]}”"
    return None


# Verbs of saying: "When did the minister say …?" asks when someone spoke.
_SAYING = {
    "say", "tell", "report", "indicate", "announce", "state", "add", "claim", "confirm",
    "note", "write", "tweet",
}  # fmt: skip


def _a_saying(draft: QuestionDraft) -> bool:
    parts = _subject_and_verb(draft)
    return parts is not None and parts[1] in _SAYING


def same_day_as_a_report(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "When did the army report 36 infections?" and "When did the army say that the 36
    people infected included …?" (one Sunday): two "when" questions with one answer, one
    of them only asking when someone spoke, are one report asked twice, and each gives
    the other away. So is a true-or-false statement of that day's report."""
    if draft.kind == "true_false" and isinstance(draft.source, DatedFact):
        day = draft.source.when.label()  # a statement's true date, whatever it states
    elif draft.kind == "when":
        day = draft.answer
    else:
        return None
    for other in kept:
        same_day = other.kind == "when" and other.answer == day
        if same_day and (_a_saying(draft) or _a_saying(other)):
            return f"the same day as “{other.prompt[:60]}”, told by a report"
    return None


_PREPOSITIONS = {"of", "for", "from", "in", "at", "on", "with", "by", "to"}
_AUXILIARIES = {"was", "were", "is", "are", "been", "being", "be", "has", "had", "have", "did"}


def _action(draft: QuestionDraft) -> str:
    """The event's main verb as a base form, through a passive's auxiliary ("was
    sentenced" -> "sentence"); "" for speech ("said": two statements of one day are
    two facts) or when the clause has no verb."""
    event = draft.source.event if isinstance(draft.source, DatedFact) else None
    parts = clause_parts(strip_time(event.event, event.when)) if event else None
    if parts is None or parts.verb_index < 0:
        return ""
    at = parts.verb_index
    while at + 1 < len(parts.words) and parts.words[at].casefold() in _AUXILIARIES:
        at += 1
    verb = parts.words[at].strip(",;:").casefold()
    base = past_to_base(verb) or verb
    if base in _AUXILIARIES or _SPEECH_ACT.fullmatch(verb) or _SPEECH_ACT.fullmatch(base):
        return ""
    return base


def _subject_head(draft: QuestionDraft) -> str:
    """The subject's head word, before any prepositional phrase ("advisor" in "a
    former advisor for President X"); "" when the draft has no event clause."""
    event = draft.source.event if isinstance(draft.source, DatedFact) else None
    parts = clause_parts(strip_time(event.event, event.when)) if event else None
    if parts is None or not parts.subject:
        return ""
    subject = list(parts.subject)
    cut = next((i for i, w in enumerate(subject) if i and w in _PREPOSITIONS), None)
    return subject[: cut or len(subject)][-1].strip(",’'s")


def _two_named_subjects(a: QuestionDraft, b: QuestionDraft) -> bool:
    """Do the two events have different named subjects ("Ruiz won …", "Haddad won
    …"): two people doing the same thing on one day are two facts."""
    heads = [_subject_head(a), _subject_head(b)]
    return all(h[:1].isupper() for h in heads) and heads[0] != heads[1]


def _unnamed_things_on_one_day(a: QuestionDraft, b: QuestionDraft) -> bool:
    """Two events of one day whose subjects are common nouns doing something ("the
    tremor left five dead", "the quake damaged 143 buildings"): a report names who
    acts, so an unnamed actor twice on one day is one event told twice. What is done
    to someone ("a boy was rescued", "the search was suspended") and what is said
    ("the council said …") may be two events."""
    day = parse_iso_target(a.target)
    if day is None or day.granularity != "day" or a.target != b.target:
        return False
    if _passive(a) or _passive(b) or not (_action(a) and _action(b)):
        return False
    return all(h[:1].islower() for h in (_subject_head(a), _subject_head(b)))


def _passive(draft: QuestionDraft) -> bool:
    event = draft.source.event if isinstance(draft.source, DatedFact) else None
    parts = clause_parts(strip_time(event.event, event.when)) if event else None
    return parts is None or parts.verb.strip(",;:").casefold() in {"was", "were", ""}


_NAMED_ONLY = {"happen", "occur", "take", ""}  # "" : a noun phrase that "took place"


def _person_asked(draft: QuestionDraft) -> str:
    if draft.kind == "who_said" or (draft.kind == "cloze" and draft.target.startswith("person:")):
        return draft.answer
    return ""


def names_the_answer_beside(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "When did Ana Ruiz describe the mayor to the press?" beside "Who said: “…”?" (Ana
    Ruiz) on the same sentence; "Which country is Ana Ruiz the prime minister of?" beside
    "Freedonian prime minister _____ said …": one names the person the other asks for."""
    if draft.evidence_start is None or draft.evidence_end is None:
        return None
    for other in kept:
        if other.evidence_start is None or other.evidence_end is None:
            continue
        if other.evidence_end <= draft.evidence_start or draft.evidence_end <= other.evidence_start:
            continue  # not the same sentence
        for asker, teller in ((other, draft), (draft, other)):
            person = _person_asked(asker)
            said = _QUOTED.sub(" ", teller.prompt)
            if not person or teller.kind == asker.kind or not gives_away_person(said, person):
                continue
            if _tells_who_spoke(asker, said):
                return f"give-away: names the answer of “{other.prompt[:60]}”"
    return None


SPEECH_TOPIC = 2  # content words a prompt shares with a quotation to be "about" it


def tells_the_speaker(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "When did Omar Haddad announce that ferries would need masks?" beside "Who
    said: “masks are a condition of travel on every ferry”?": another sentence, yet the
    prompt names who spoke, says they spoke and on what, so it answers who said."""
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for asker, teller in pairs:
        quote = _speaker_quote(asker)
        if asker.kind != "who_said" or quote is None or not quote.speaker:
            continue
        if teller.kind not in _REWRITTEN_KINDS:
            continue  # a card's sentence is the article's own telling
        said = _QUOTED.sub(" ", teller.prompt)
        if not gives_away_person(said, quote.speaker) or not _ANNOUNCING.search(said):
            continue
        shared = _content_words(quote.text) & _content_words(said)
        if len(shared) >= SPEECH_TOPIC or _shared_name(quote, said):
            return f"give-away: names the speaker of “{asker.prompt[:60]}”"
    return None


_ACRONYM_OR_NAME = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")  # "WTO", "McKee"


def _shared_name(quote: Quote, said: str) -> bool:
    """ "When did X stress the role of the WTO?" beside X's quote “… approved by the
    WTO …”: one body's initials (or a name of two capitals) in both is the same point."""
    names = {m.group(0) for m in _ACRONYM_OR_NAME.finditer(quote.text)}
    speaker = set(plain(quote.speaker or "").split())
    return any(n not in speaker and contains_word(said, n) for n in names)


def same_words_dated(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "When did the Vice President say the country is “in a crisis”?" beside "Who said:
    “in a crisis”?": the date question repeats the quotation with its speaker's
    role, the same utterance asked twice."""
    if draft.kind not in {"when", "true_false"} or draft.evidence_start is None:
        return None
    for other in kept:
        if other.kind != "who_said" or other.evidence_start != draft.evidence_start:
            continue
        about = _as_quiz_question(other)
        if _SPEECH_ACT.search(draft.prompt) and _anchored(draft.prompt, about):
            return f"the same utterance as “{other.prompt[:60]}”"
    return None


_SPEECH_ACT = re.compile(
    r"\b(?:say|said|describe|described|tell|told|write|wrote|call|called|add|added|state|"
    r"stated|tweet|tweeted|remark|remarked|declare|declared)\b",
    re.I,
)

_ANNOUNCING = re.compile(
    rf"{_SPEECH_ACT.pattern}|\b(?:announce[sd]?|declared?|warn(?:ed|s)?|explain(?:ed|s)?|"
    r"urge[sd]?|promise[sd]?|emphasi[sz]e[sd]?|stress(?:e[sd])?|insist(?:ed|s)?|argue[sd]?|"
    r"claim(?:ed|s)?|note[sd]?)\b",
    re.I,
)


def _tells_who_spoke(asker: QuestionDraft, said: str) -> bool:
    """Does a prompt naming the asked person also say what the asker is about: the
    speech itself ("When did X describe …?") for who said, the words around a
    speaker's blank ("Freedonian prime minister _____") for a card?"""
    if asker.kind == "who_said":
        return bool(_SPEECH_ACT.search(said))
    before = asker.prompt.split(BLANK, 1)[0].removeprefix("Fill in the blank:")
    role = [w for w in words(before)[-3:] if w not in _STOPWORDS]
    found = set(words(said))
    return bool(role) and 3 * sum(w in found for w in role) >= 2 * len(role)


MAX_TRUE_FALSE = 3  # statements per bank: a quiz of mostly coin tosses is no quiz


def true_false_share(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """A few statements per bank, at most one per sentence ("A and B, both from X"
    gives "A is from X." or "B is from X.", not both)."""
    if draft.kind != "true_false":
        return None
    statements = [k for k in kept if k.kind == "true_false"]
    if len(statements) >= MAX_TRUE_FALSE:
        return f"true/false: {MAX_TRUE_FALSE} statements already"
    span = (draft.evidence_start, draft.evidence_end)
    if any((k.evidence_start, k.evidence_end) == span for k in statements):
        return "true/false: one statement per sentence"
    link = draft.source
    if isinstance(link, CountryLink):
        # "Which country is X linked to?" (Austria) beside "X is linked to the United
        # States. True": two countries for one subject read as a contradiction.
        for other in kept:
            theirs = other.source
            if other.kind != "which_country" or not isinstance(theirs, CountryLink):
                continue
            if normalise(theirs.subject) == normalise(link.subject):
                return f"true/false: the subject's country is asked by “{other.prompt[:60]}”"
    return None


def timeline_of_asked_dates(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "Put in order: A (1995), B (2015), C (2018)" beside "In what year did A …?" for
    each: the dates the bank asks give the order away, and the timeline asks nothing
    new (blind judge, batch 9). A timeline keeps at most one event whose date another
    question asks."""
    if draft.kind != "ordering":
        return None
    asked = {
        key
        for other in kept
        if other.kind == "when" or other.target.startswith("date:")
        for key in other.fact_keys
    }
    repeated = [key for key in draft.fact_keys if key in asked]
    if len(repeated) > 1:
        return f"timeline: {len(repeated)} of its events' dates are asked by other questions"
    return None


def card_shows_an_asked_date(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "On March 3, the firm emailed the bank, which replied on _____." beside "When did
    the firm email the bank?" (3 March): the card blanks one date of the sentence and
    shows the other, the answer of the question asked about it (blind judge, batch 10)."""
    if draft.kind != "cloze" or draft.evidence_start is None:
        return None
    for other in kept:
        dated = other.source
        if other.kind not in {"when", "true_false"} or not isinstance(dated, DatedFact):
            continue
        if other.evidence_start != draft.evidence_start or not dated.event.when:
            continue
        core = re.sub(r"^(?:in|on|at|during|by)\s+", "", dated.event.when.strip(), flags=re.I)
        if len(core) >= 4 and contains_word(draft.prompt, core):
            return f"the card shows the date “{core}” that “{other.prompt[:60]}” asks"
    return None


_STATED = {"cloze", "true_false"}  # a card or a statement tells what the article says


def which_country_answer_shown(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "Which country is the Tolvo Group from?" (Freedonia) beside the card "In the
    deal, Freedonian, _____ and Ruritanian plants are kept": the card names the
    answer, and leaves it the only option with a plant (a card naming another option
    too decides nothing). A quotation's words are
    the speaker's, not a statement of the bank; a date question naming the country
    ("When was the Freedonia deal signed?") says less and is left to the date rules."""
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for asked, other in pairs:
        if asked.kind != "which_country" or other is asked or other.kind not in _STATED:
            continue
        said = _QUOTED.sub(" ", other.prompt)
        wrong = [t for t, ok, _ in asked.choices if not ok]
        if gives_away_country(said, asked.answer) and not any(
            gives_away_country(said, o) for o in wrong
        ):
            return f"give-away: “{other.prompt[:60]}” names the answer of “{asked.prompt[:40]}”"
    return None


def same_card_country(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """Two cards blanking one country ("the _____'s first crewed flight", "the
    _____'s team of pilots") ask the same thing twice: the first is kept."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    for other in kept:
        if other.kind == "cloze" and other.target == draft.target:
            return f"same country blanked as “{other.prompt[:60]}”"
    return None


def same_speaker_same_point(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """Two "Who said" questions on one speaker making one point ("we will treat it as
    terrorism", "it is terrorism under the law") have the same answer and options and
    each gives the other away: the first is kept."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None or not quote.speaker:
        return None
    mine = _point_words(quote.text)
    for other in kept:
        theirs = _speaker_quote(other)
        if other.kind != "who_said" or theirs is None or not theirs.speaker:
            continue
        if normalise(theirs.speaker) != normalise(quote.speaker):
            continue
        other_words = _point_words(theirs.text)
        shared = len(mine & other_words)
        if shared >= SPEECH_TOPIC and shared >= POINT_SHARE * min(len(mine), len(other_words)):
            return f"same speaker, same point as “{other.prompt[:60]}”"
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|my|me|mine|myself|I['’]ve|I['’]m)\b")


SELF_SHARE = 0.3  # of the quotation's point words: a long quotation shares a few anyway


def _self_words(text: str) -> set[str]:
    """Point words with a plural "s" taken off ("titles" meets "title")."""
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in _point_words(text)}


def speaker_told_elsewhere(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "Who said: “I gave up my seat on the board”?" beside a card "Ana Ruiz no longer
    holds a seat on the board since _____.": the quotation speaks of the speaker
    (first person), and another question of the bank names the speaker with what
    the quotation is about: whoever reads both knows who said it."""
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for asker, teller in pairs:
        quote = _speaker_quote(asker)
        if asker.kind != "who_said" or quote is None or not quote.speaker or teller is asker:
            continue
        if not _FIRST_PERSON.search(quote.text):
            continue
        told = teller.prompt.replace(BLANK, " ")
        if not gives_away_person(told, quote.speaker):
            continue
        mine = _self_words(quote.text)
        shared = len(mine & _self_words(told))
        if shared >= SPEECH_TOPIC and shared >= SELF_SHARE * len(mine):
            return f"give-away: names the speaker of “{asker.prompt[:60]}” on the same point"
    return None


def _answered_name(draft: QuestionDraft) -> str:
    """The person or country a card or a "which country" question answers, or ""."""
    if draft.kind == "which_country":
        return f"country:{normalise(draft.answer)}"
    if draft.kind == "cloze" and draft.target.startswith(("person:", "country:")):
        return draft.target
    return ""


def same_name_answered_again(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "_____ said …" (Myers) three times, or "Which country is the Tolvo Group from?"
    and "the embassy in _____" both answering Freedonia: a quiz whose answers repeat
    one name is guessed from the others; a name answers one card or country question."""
    mine = _answered_name(draft)
    if not mine:
        return None
    for other in kept:
        if _answered_name(other) == mine:
            return f"same answer as “{other.prompt[:60]}”"
    return None


_AGE = re.compile(
    r"\b(?:aged|at the age of|at age)\s+(\d{1,3})\b|\b(\d{1,3})(?:\s+years?\s+old\b|-year-old\b"
    r"|\s+years\s+of\s+age\b)",
    re.I,
)
_BORN_BLANK = re.compile(rf"\bborn\b[^.;]{{0,40}}?\b(?:in|on)\s+{re.escape(BLANK)}")
_BORN_ASKED = re.compile(r"^In what year (?:was|were)\b.*\bborn\b", re.I)


def _stated_birth_year(draft: QuestionDraft) -> int | None:
    """The year of "True or false? In 1950, X was born …", or None."""
    match = _TF_DATE.match(draft.prompt) if draft.kind == "true_false" else None
    if match is None or not re.search(r"\bborn\b", match["rest"]):
        return None
    stated = match["value"].strip()
    return int(stated) if _YEAR.fullmatch(stated) else None


def _birth_year_asked(draft: QuestionDraft) -> tuple[int, int] | None:
    """The year a question asks as a birth ("In what year was X born?", "X was born in
    _____ in …", "True or false? In 1950, X was born …") with how far a shown age may
    miss it (a false statement's year is wrong by a few years), or None."""
    stated = _stated_birth_year(draft)
    if stated is not None:
        return stated, STATED_YEAR_SLACK
    answer = draft.answer.strip()
    asks_birth = (draft.kind == "when" and _BORN_ASKED.search(draft.prompt)) or (
        draft.kind == "cloze" and _BORN_BLANK.search(draft.prompt)
    )
    if asks_birth and _YEAR.fullmatch(answer):
        return int(answer), 0
    return None


STATED_YEAR_SLACK = 5  # years: a false statement's birth year is near the true one


def _ages_shown(draft: QuestionDraft) -> set[int]:
    """The ages a question shows ("die at the age of 99", "“She was 95 years old”")."""
    return {int(m.group(1) or m.group(2)) for m in _AGE.finditer(draft.prompt)}


def birth_year_from_an_age(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "When did Ana Ruiz die at the age of 88?" (answer: a day of this year) beside
    "Ruiz was born in _____ in Tolvo.": the age and the year of the death give the
    birth year (to one year either side, which the options or a guess settle). Whichever
    comes second is dropped; an age that does not fit the birth year (another person's)
    is no give-away."""
    if ctx.published is None:
        return None
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for asker, teller in pairs:
        asked = _birth_year_asked(asker)
        if asked is None:
            continue
        born, slack = asked
        gaps = (ctx.published.year - age - born for age in _ages_shown(teller))
        if any(-slack <= gap <= 1 + slack for gap in gaps):
            return f"give-away: the age in “{teller.prompt[:60]}” gives the birth year"
    return None


MAX_YEARS = 3  # questions answered by a bare year, per bank
_YEAR = re.compile(r"(?:1[0-9]|20)\d{2}")


def _asks_a_year(draft: QuestionDraft) -> bool:
    """ "In what year …?", a card blanking a year, "True or false? In 1990, …"."""
    if draft.kind == "when":
        return bool(_YEAR.fullmatch(draft.answer.strip()))
    if draft.kind == "cloze":
        return bool(re.fullmatch(r"date:\d{4}", draft.target))
    match = _TF_DATE.match(draft.prompt) if draft.kind == "true_false" else None
    return bool(match and _YEAR.fullmatch(match["value"].strip()))


def too_many_years(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """A bank of which most answers are years ("In what year …?", "In _____, …") is
    a memory test of numbers, not of the story: MAX_YEARS at most, the first kept
    (a "when" question before a card)."""
    if not _asks_a_year(draft):
        return None
    if sum(_asks_a_year(k) for k in kept) >= MAX_YEARS:
        return f"balance: {MAX_YEARS} questions answered by a year already"
    return None


def too_many_counts(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """At most MAX_NUMBER_CARDS cards asking "how many" per bank, counted among the
    cards kept (a count the check drops leaves its place to the next one)."""
    if not draft.target.startswith("number:"):
        return None
    if sum(k.target.startswith("number:") for k in kept) >= MAX_NUMBER_CARDS:
        return f"balance: {MAX_NUMBER_CARDS} count cards already"
    return None


POINT_SHARE = 0.25  # of the shorter quotation's words: long quotations share a few anyway
_FUNCTION_WORDS = {
    "very", "that", "this", "with", "have", "been", "will", "would", "there", "their", "they",
    "what", "when", "which", "about", "just", "also", "it's", "i'm", "don't", "we're", "from",
    "into", "only", "some", "more", "most", "said", "says", "always", "never", "because",
    "going", "were", "them", "then", "than", "here", "where", "your", "ours", "could", "should",
}  # fmt: skip


def _point_words(text: str) -> set[str]:
    """The words a quotation makes its point with: content words of four letters or
    more, without the function words every long quotation has ("very", "going")."""
    return {w for w in _content_words(text) if len(w) >= 4 and w not in _FUNCTION_WORDS}


BankRule = Callable[[QuestionDraft, Sequence[QuestionDraft], GenerationContext], "str | None"]
BANK_RULES: tuple[BankRule, ...] = (
    same_utterance,
    same_country_same_sentence,
    same_country_answer,
    country_named_elsewhere,
    card_answer_named_elsewhere,
    false_value_crosses_out,
    date_asked_twice,
    same_event_twice,
    same_day_as_a_report,
    names_the_answer_beside,
    tells_the_speaker,
    same_words_dated,
    true_false_share,
    timeline_of_asked_dates,
    card_shows_an_asked_date,
    which_country_answer_shown,
    same_card_country,
    same_speaker_same_point,
    speaker_told_elsewhere,
    same_name_answered_again,
    birth_year_from_an_age,
    too_many_years,
    too_many_counts,
)


def bank_problem(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """Why the draft does not fit beside the questions kept so far, or None."""
    for rule in BANK_RULES:
        problem = rule(draft, kept, ctx)
        if problem:
            return problem
    return None


# The order in which drafts claim their fact: a true-or-false statement last, only
# on a fact no other question asks (a teacher keeps the question with options).
PRIORITY = ("who_said", "which_country", "when", "ordering", "cloze", "true_false")


def select(drafts: Sequence[QuestionDraft], ctx: GenerationContext) -> Review:
    """The drafts a teacher would keep, in their order: each passes the draft
    rules, then the bank rules against the drafts kept before it (taken in
    PRIORITY order of kinds)."""
    order = {kind: i for i, kind in enumerate(PRIORITY)}
    ranked = sorted(
        range(len(drafts)),
        key=lambda i: (order.get(drafts[i].kind, 99), _not_a_person(drafts[i]), i),
    )
    review = _select([drafts[i] for i in ranked], ctx)
    position = {id(d): i for i, d in enumerate(drafts)}
    review.kept.sort(key=lambda d: position[id(d)])
    return review


def _not_a_person(draft: QuestionDraft) -> bool:
    """A question about a person comes before other questions of its kind."""
    return not (isinstance(draft.source, CountryLink) and draft.source.subject_kind == "person")


def _select(drafts: Sequence[QuestionDraft], ctx: GenerationContext) -> Review:
    review = Review()
    fingerprints: set[str] = set()
    cloze_sentences: set[tuple[int | None, int | None]] = set()
    per_fact: Counter[str] = Counter()
    for draft in drafts:
        if draft.fingerprint in fingerprints:
            continue
        problem = draft_problem(draft, ctx)
        sentence = (draft.evidence_start, draft.evidence_end)
        if problem is None and draft.kind == "cloze" and sentence in cloze_sentences:
            problem = "one cloze per sentence"
        problem = (
            problem
            or near_duplicate(draft, review.kept)
            or over_the_fact_limit(draft, per_fact)
            or gives_away_another(draft, review.kept)
            or bank_problem(draft, review.kept, ctx)
        )
        if problem:
            review.dropped.append((draft, problem))
            continue
        fingerprints.add(draft.fingerprint)
        if draft.kind == "cloze":
            cloze_sentences.add(sentence)
        if draft.kind != "ordering":
            per_fact.update(set(draft.fact_keys))
        review.kept.append(draft)
    return review


# One question giving another away --------------------------------------------


@dataclass(frozen=True)
class QuizQuestion:
    """What the give-away check needs of a question, generated or stored."""

    kind: str
    prompt: str
    answer: str
    explanation: str = ""
    # (article id or None, evidence start, evidence end)
    evidence: tuple[int | None, int | None, int | None] | None = None


_STOPWORDS = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from",
    "was", "were", "is", "are", "did", "when", "what", "year", "which", "who", "said", "said:",
    "true", "false", "fill", "blank", "country", "that", "this", "his", "her", "its", "their",
    "take", "place", "as", "it", "be", "has", "had", "have",
}  # fmt: skip


STEM = 6


def _content_words(text: str) -> set[str]:
    """Content words cut to STEM letters, so that "presidency" meets "president" and
    "assumed" meets "assume"."""
    return {w[:STEM] for w in words(text) if w not in _STOPWORDS and len(w) > 2}


def _quotation(prompt: str) -> str:
    match = re.search(r"“([^”]+)”", prompt)
    return match.group(1) if match else ""


def _names_in(prompt: str) -> list[str]:
    """Capitalised runs after the first word: "Which country is Ana Ruiz the
    president of?" -> ["Ana Ruiz"]."""
    body = prompt.split(" ", 1)[1] if " " in prompt else ""
    return re.findall(r"[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|al|bin|de|el|van|von))*", body)


def _states_answer(text: str, question: QuizQuestion) -> bool:
    answer = question.answer
    if question.kind in {"who_said", "cloze"} and gives_away_person(text, answer):
        return True
    if question.kind == "which_country":
        return gives_away_country(text, answer)
    if question.kind == "when":
        return parse_label(answer) is not None and contains_word(text, answer)
    return question.kind == "cloze" and contains_word(text, answer)


def _anchored(text: str, question: QuizQuestion) -> bool:
    """Does the text say what the question is about (so that naming the answer
    beside it answers the question)?"""
    if question.kind == "who_said":
        quote = _quotation(question.prompt)
        quote_words = words(quote)
        if len(quote_words) <= 4:
            return bool(quote_words) and contains_word(text, quote)
        found = words(text)
        joined = " " + " ".join(found) + " "
        return any(
            f" {' '.join(quote_words[i : i + 4])} " in joined for i in range(len(quote_words) - 3)
        )
    if question.kind == "which_country" and any(
        # "Munk was born in Austria" answers "Which country is Walter Munk linked to?"
        contains_word(text, name) or (len(name.split()) > 1 and gives_away_person(text, name))
        for name in _names_in(question.prompt)
    ):
        return True
    if question.kind == "cloze" and BLANK in question.prompt:
        # What the blank is about: the words around it ("… was born in _____ in …").
        before, _, after = question.prompt.partition(BLANK)
        around = " ".join([*before.split()[-5:], *after.split()[:5]])
        if _mostly_said(around, text, minus=question.answer, share=0.5):
            return True
    if question.kind == "when" and _mostly_said(
        # "We proposed a bill in 2016 …" answers "In what year was a bill proposed
        # for banning X?": the year beside half of what was done (names aside)
        _CAPITALISED.sub(" ", question.prompt.split(" ", 1)[-1]),
        text,
        share=0.5,
    ):
        return True
    return _mostly_said(question.prompt.replace(BLANK, " "), text, minus=question.answer)


_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*")


def _mostly_said(statement: str, text: str, *, minus: str = "", share: float = 0.6) -> bool:
    """Most (60 %) of the statement's content words are in the text."""
    about = _content_words(statement) - _content_words(minus)
    return bool(about) and len(about & _content_words(text)) >= share * len(about)


_TF_QUOTE = re.compile(r"^True or false\? (?P<value>.+?) said: “(?P<quote>.*)”\s*$")
_TF_DATE = re.compile(r"^True or false\? (?:On|In) (?P<value>[^,]+), (?P<rest>.+)$")
_TF_COUNTRY = re.compile(r"^True or false\? (?P<rest>.+?)(?P<value>(?:the )?[A-Z][\w .’'-]*)\.$")


def _statement_revealed(text: str, question: QuizQuestion) -> bool:
    """A true-or-false statement is settled by a text that says the same thing
    with the value the statement tests (its speaker, date or country)."""
    for pattern in (_TF_QUOTE, _TF_DATE, _TF_COUNTRY):
        match = pattern.match(question.prompt)
        if match is None:
            continue
        value = match["value"]
        if pattern is _TF_QUOTE:
            about = QuizQuestion(
                kind="who_said", prompt=f"Who said: “{match['quote']}”?", answer=""
            )
            return gives_away_person(text, value) and _anchored(text, about)
        stated = contains_word(text, value) or (
            pattern is _TF_DATE and contains_word(text, value.split()[-1])
        )
        return stated and _mostly_said(match["rest"], text, minus=value)
    return False


def reveals(text: str, question: QuizQuestion) -> bool:
    """Does `text` (another question's prompt, or its explanation shown after it
    is answered) state this question's answer together with what it is about?"""
    if question.kind == "true_false":
        return _statement_revealed(text, question)
    if question.kind not in MULTIPLE_CHOICE | {"cloze"}:
        return False
    if question.kind == "when" and _day_and_month_stated(text, question.answer):
        return True
    return _states_answer(text, question) and _anchored(text, question)


def _day_and_month_stated(text: str, answer: str) -> bool:
    """ "… on August 10 he fell ill” shown beside "When was X taken to hospital?"
    (10 August 2020): the day and month of a day's answer, whatever else is said, leave
    one option (the wrong ones are days near it)."""
    when = parse_label(answer)
    if when is None or when.day is None or when.month is None:
        return False
    month = MONTHS[when.month - 1]
    return bool(regex(rf"\b(?:{month}\s+{when.day}|{when.day}\s+{month})(?!\d)", re.I).search(text))


def _as_quiz_question(draft: QuestionDraft) -> QuizQuestion:
    return QuizQuestion(kind=draft.kind, prompt=draft.prompt, answer=draft.answer)


def gives_away_another(draft: QuestionDraft, kept: Sequence[QuestionDraft]) -> str | None:
    """In one bank, no prompt answers another question: "True or false? Ruiz
    said: “we won fair and square”" beside "Who said: “we won fair and square”?"."""
    mine = _as_quiz_question(draft)
    for other in kept:
        theirs = _as_quiz_question(other)
        if reveals(draft.prompt, theirs) or reveals(other.prompt, mine):
            return f"give-away: answers “{other.prompt[:60]}”"
    return None


def questions_conflict(a: QuizQuestion, b: QuizQuestion) -> bool:
    """May a and b not share a quiz? They come from one sentence of the article,
    or one's prompt or explanation (shown after answering) answers the other."""
    if a.evidence is not None and a.evidence == b.evidence:
        return True
    return reveals(f"{b.prompt}\n{b.explanation}", a) or reveals(f"{a.prompt}\n{a.explanation}", b)


def quiz_selection(questions: Sequence[QuizQuestion], size: int) -> list[int]:
    """Which questions make a quiz of up to `size`, taken in the given order (a
    random order, or the most urgent first): each one that conflicts with none
    taken before it (questions_conflict). Indexes into `questions`."""
    taken: list[int] = []
    for index, question in enumerate(questions):
        if len(taken) == size:
            break
        if not any(questions_conflict(question, questions[other]) for other in taken):
            taken.append(index)
    return taken
