"""Draft checks on cloze cards ("Fill in the blank: …"): the card's length and context,
what stays beside the blank (digits, initials, a count, a title), blanks that are not
dates or names, and cards world knowledge fills."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from quizzes.extraction.facts import Quote
from quizzes.extraction.geo import country_of_adjective, is_country
from quizzes.extraction.lexicon import PERSON_ROLE_NOUNS
from quizzes.extraction.text import regex

from ..cloze import MAX_CARD_WORDS
from ..context import DatedFact, GenerationContext
from ..dates import MONTHS
from ..distractors import country_iso, plausible_person
from ..draft import QuestionDraft
from ..text import (
    BLANK,
    QUOTED,
    contains_word,
    gives_away_country,
    gives_away_person,
    initials,
    is_organisation,
    normalise,
    plain,
)
from ..who_said import TITLE_TAILS
from .base import _headline, _name_words, _places_of, card_text, singular_stem
from .grammar import _PERSONAL_PRONOUN, _a_name_word


def cloze_headline_country(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: … moving into northern _____." under the title "Troops
    leave Freedonia": the title names the blanked country."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    if gives_away_country(_headline(ctx), draft.answer):
        return "give-away: the article's title names the blanked country"
    places = _places_of(_headline(ctx), draft.answer)
    if places:
        return f"give-away: the article's title names {places[0]}, in the blanked country"
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


# "That ban was lifted …", "These talks ended …", "That _____, the fair opened"
# (September of which year?): a sentence opening on a noun the sentence before
# introduced; alone on a card or a question it points at nothing.
_POINTS_BACK = re.compile(
    r"^(?:That|This|These|Those|Such)\s+(?!is\b|was\b|are\b|were\b)[a-z]+\b"
    rf"|^(?:That|This|These|Those)\s+{re.escape(BLANK)}"
)


# "In _____ another ship hit the two piers", "When did another ship hit …?": the first
# one, and which two, were in the sentences before.
_ANOTHER_ONE = re.compile(
    r"^(?:(?:In|On|At|By|During|After|Before|Since)\s+[^,]{1,30}?,?\s+)?[Aa]nother\s+[a-z]+\s+[a-z]+"
    r"|^(?:When|In what year) (?:did|was|were) another\b"
)


# "Eight years earlier, at the convention, X received _____ votes", "Two days later, …",
# "The next day, …": a time counted from what the sentence before told; alone on a
# card the reader cannot tell from when (blind judge, batch 27).
_UNITS = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|moments?)"
)
_RELATIVE_ANCHOR = re.compile(
    rf"^(?:(?:[A-Z][a-z]*|\d+)\s+(?:[a-z]+\s+)?{_UNITS}|(?:Seconds|Minutes|Hours|Days|Weeks|Months"
    r"|Years|Decades|Moments))\s+(?:earlier|later|afterwards?|on\b(?!\s+the\b)|(?:before|after)\b"
    r"(?!\s+(?:the|a|an|his|her|its|their)\b))"
    r"|^(?:The|A)\s+(?:next|following|previous|preceding|same)\s+(?:day|night|morning|evening|"
    r"afternoon|week|weekend|month|year|season)\b"
    rf"|^(?:The|A)\s+{_UNITS}\s+(?:before|after|earlier|later)\b(?!\s+(?:the|a|an)\b)"
    r"|^(?:Later|Earlier|Soon\s+after(?:wards)?|Shortly\s+(?:after(?:wards)?|before)|Afterwards|"
    r"Before\s+that|After\s+that)\s*(?:,|that\b)"
)


# "Both earned _____ votes", "Neither of them …", "Each received …": a subject counting
# people the sentence before named; "Both Ana Vela and Tom Reyes …" names them.
_COUNTED_SUBJECT = re.compile(
    r"^(?:Both|Neither|Each)\b(?!\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    r"(?:[A-Z][\w’'-]*\s+)*(?:[a-z]+\s+)?(?:and|nor)\s)"
    r"(?!\s+(?:year|week|month|day|night|time|season|morning|evening)\b)"
)
# "Additionally, X had _____ votes", "However, …": a linking word that ties the sentence
# to the one before (blind judge, e35); the card stands without what it adds to.
_LINKING_OPENER = re.compile(
    r"^(?:Additionally|Meanwhile|However|Moreover|Furthermore|Also|Still|Instead|"
    r"Nevertheless|Nonetheless|Likewise|Similarly|Conversely|Therefore|Thus|Hence|"
    r"Consequently|Accordingly|Besides|Otherwise|Even\s+so|In\s+addition|As\s+a\s+result|"
    r"By\s+contrast|In\s+contrast|On\s+the\s+other\s+hand|At\s+the\s+same\s+time|Then)\s*,"
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
    country's capital?", "In _____ another ship hit the pier", "Eight years earlier, …",
    "Both won _____ seats", "Meanwhile, …":
    words that stand for what the article said just before, which the learner does not
    see."""
    if draft.kind not in {"cloze", "when", "true_false"}:
        return None
    text = QUOTED.sub(" ", draft.prompt)
    body = card_text(text)
    if _POINTS_BACK.match(body) or _ANOTHER_ONE.search(body) or _RELATIVE_ANCHOR.match(body):
        return "context: the sentence points back at what the article said before"
    if _COUNTED_SUBJECT.match(body) or _LINKING_OPENER.match(body):
        return "context: the sentence leans on the one before it"
    if _WHOSE_PLACE.search(text) and not _names_a_country(text):
        return "context: “the country's” names no country in the question"
    return None


# "The party was founded in _____", "When did the party's ticket appear …?": a body
# called only by what it is, as the subject, stood for a name the article gave
# paragraphs before; in a round-up of many parties the card cannot tell which. The
# subject may follow an opening phrase of any length ("At its _____ congress in a rented
# hall by the docks, the party …") or open a later clause (", the party said").
_BODY_NOUNS = (
    r"(?:party|company|firm|group|organi[sz]ation|team|club|band|agency|union|coalition|"
    r"movement|campaign|charity|network|airline|bank|league|foundation|alliance|committee)"
)
_FRONTED = r"(?:(?:In|On|At|By|During|After|Before|Since|Later|Earlier)\b[^,]{0,40},\s+)?"
_OPENING_PHRASE = (
    r"(?:(?:In|On|At|By|During|After|Before|Since|Later|Earlier|For|With|Following|Under|Amid|"
    r"Despite|Throughout|Until|When|While|As|Once|Although|Though|Because|According)\b"
    r"[^,;:“”\"]{0,90},\s+|(?:For|In|By)\s+\d{4}\s+)?"
)
_UNNAMED_BODY = regex(
    rf"^{_OPENING_PHRASE}[Tt]he\s+(?P<noun>{_BODY_NOUNS})(?:['’]s)?\b(?!\s+(?:of|which|that|who)\b)"
    rf"|^(?:When|In what (?:year|month)|In which year|On what date|How long ago)\s+"
    rf"(?:did|was|were|had|has|have|is|are|does|do)\s+the\s+(?P<asked>{_BODY_NOUNS})(?:['’]s)?\b"
    r"(?!\s+(?:of|which|that|who)\b)"
)
# ", the party said", "and the group has": the subject of a later clause, a verb after it.
_UNNAMED_BODY_LATER = regex(
    rf"(?:[,;]\s+|\b(?:and|but|while|when|after|before|because|although|though|until|where)"
    rf"\s+)the\s+(?P<noun>{_BODY_NOUNS})\s+(?:also\s+)?(?:said|says|told|has|had|have|is|was|"
    r"were|will|would|won|held|[a-z]{3,}ed)\b"
)


# "The party was founded as the Harbour Party", "formerly the Harbour Party": a name the
# body had before, which tells nothing of which of the article's parties it is now.
_FORMER_NAME_BEFORE = re.compile(r"\b(?:as|formerly|renamed|from)\s+(?:the\s+)?$", re.I)


# "… win the party's nomination": whose nomination, the card does not say either.
_UNNAMED_BODY_OWNER = regex(rf"\bthe\s+(?P<noun>{_BODY_NOUNS})['’]s\s+[a-z]")


def _unnamed_body(body: str, kind: str) -> re.Match[str] | None:
    """The first "the party" standing as a subject in the card's text, or as the owner
    of what a "when" question asks about ("… win the party's nomination?"; on a card,
    "X, the party's nominee" says whose beside the name), or None."""
    found = _UNNAMED_BODY.match(body) or _UNNAMED_BODY_LATER.search(body)
    if found is None and kind == "when":
        found = _UNNAMED_BODY_OWNER.search(body)
    return found


def unnamed_body_subject(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The party had already won ballot access in _____.", "In what year did the
    party's candidate …?", "…, the party said", "When did X win the party's nomination?"
    (tuned judge, batches 38-39): the subject or owner is "the party" (the company,
    the group) and the card names none; its name was in an earlier sentence the learner
    does not see, and the article names several ("the Green Party", "the Harbour
    Party"). A named one of its kind earlier in the card ("the Green Party … the
    party") is its antecedent, one named after it ("the party chose the Dune Party's
    nominee") is another; in an article naming at most one, there is no doubt which."""
    if draft.kind not in {"cloze", "when", "true_false", "ordering"}:
        return None
    text = QUOTED.sub(" ", draft.prompt)
    body = card_text(text)
    match = _unnamed_body(body, draft.kind)
    if not match:
        return None
    noun = match["noun"] or match["asked"]
    named = regex(rf"\b((?:[A-Z][\w’'-]*\s+)+){noun.capitalize()}\b")
    before = body[: match.end()]
    if any(not _FORMER_NAME_BEFORE.search(body[: m.start()]) for m in named.finditer(before)):
        return None  # "the Green Party …, the party": named in the card
    if len({normalise(m[1]) for m in named.finditer(ctx.article_text)}) < 2:
        return None  # the article's one party (or a team it never names): no doubt which
    plural = f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s"
    return f"context: “the {noun}” names none of the article's {plural}"


# "… died in this earthquake", "these states voted …": a demonstrative before a noun
# stands for what an earlier sentence told; time words ("this year") are the article's
# own date, a general word ("one of those events") may stand for a noun of the card's
# own ("film festivals"), an adjective ("this new virus") is no noun, and words after a
# pronoun "those" ("those who", "those killed") none either.
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these|those)\s+(?P<noun>(?!(?:year|week|month|morning|afternoon|evening|night|"
    r"season|time|summer|winter|spring|autumn|weekend|occasions?|events?|new|same|other|latest|"
    r"is|was|are|were|who|which|that|in|of|"
    r"at|on|for|with|from|by|and|or|to)\b)(?![a-z]+(?:ed|ing)\b)[a-z]{3,})\b(?!['’-])"
)
# "The move was met with …", "When did the deal take effect?": an action called only by
# what it is, as the subject, with nothing after it to say which.
_UNNAMED_ACTION = re.compile(
    rf"^{_FRONTED}[Tt]he\s+(?P<noun>move|deal|decision)\b(?!\s+(?:to|of|between|with|by|on|"
    r"over|for|that|which)\b)"
    r"|^(?:When|In what (?:year|month)|In which year|On what date)\s+(?:did|was|were|had)\s+"
    r"the\s+(?P<asked>move|deal|decision)\b(?!\s+(?:to|of|between|with|by|on|over|for|that|"
    r"which)\b)"
)


def _named_before(noun: str, text: str) -> bool:
    """Is the noun (singular or plural) in the text, "a new ban … this ban"? As a common
    noun: "States" of "the United States" is a name's word, not the states that "these
    states" stand for (blind judge, batch 41)."""
    stem = singular_stem(noun)
    return regex(rf"\b{re.escape(stem)}|^{re.escape(stem.capitalize())}").search(text) is not None


def demonstrative_without_antecedent(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "… at least 40 people died in this earthquake", "The move was met with fury":
    "this earthquake" and "the move" were told in the sentences before, which the
    learner does not see; a card that names it first ("a new ban …; this ban") stays."""
    if draft.kind not in {"cloze", "when"}:
        return None
    text = QUOTED.sub(" ", draft.prompt)
    body = card_text(text)
    action = _UNNAMED_ACTION.match(body)
    if action:
        return f"context: “the {action['noun'] or action['asked']}” is told in another sentence"
    for match in _DEMONSTRATIVE.finditer(body):
        if not _named_before(match["noun"], body[: match.start()]):
            return f"context: “{match[0]}” points to another sentence"
    return None


# "I will finish my term in _____", "… a method that we use each year": the words of an
# interview answer (or of a statement printed whole), their "I" or "we" outside any
# quotation marks. A card shows the sentence without the turn's label, so the learner
# cannot tell who "I" is; "we" may be a named person's team ("Dr Vela began it in _____,
# and we follow it") and stays when the card names someone of the article. A Roman
# numeral is no pronoun ("World War I", "Pius I"), nor a name's "Mine" or "Me" (a coal
# mine is "mine" too, and rarely anyone's).
_FIRST_SINGULAR = re.compile(
    r"\b(?:I(?=\s+[a-z]|['’](?:m|ve|d|ll)\b)|me|[Mm]y|[Mm]yself)\b(?!['’-])"
)
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|us|[Oo]ur|[Oo]urs|[Oo]urselves)\b(?!['’-])")


def _first_singular(body: str) -> bool:
    """ "Since I left …" has "I"; "Queen Ana I ruled …" has a numeral."""
    for found in _FIRST_SINGULAR.finditer(body):
        before = body[: found.start()].split()
        if found[0] == "I" and len(before) > 1 and before[-1][:1].isupper():
            continue  # after a name ("Pius I"), not after the sentence's first word
        return True
    return False


def first_person_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: I will complete my second year here in _____." from an
    interview answer: who "I" is was in the turn's label or the paragraph before, which
    the learner does not see. "We" stays when the card names one of the article's
    people ("Dr Vela began banding in _____, a method we still follow")."""
    if draft.kind not in {"cloze", "when", "true_false"}:
        return None
    text = QUOTED.sub(" ", draft.prompt)
    body = card_text(text)
    if _first_singular(body) and not _names_one_of(body, ctx.speakers):
        return "context: “I” in the card stands for a speaker it does not name"
    if _FIRST_PLURAL.search(body) and not _names_one_of(body, [*ctx.people, *ctx.speakers]):
        return "context: “we” in the card stands for people it does not name"
    return None


def _names_one_of(body: str, people: list[str]) -> bool:
    """Does the card name one of these people (a word of a full name: not "Oxygen",
    a word the extractor took for a person, nor an organisation; nor a title's word the
    extractor joined to a name, "Master" of "Master Ana Vela": "I became a Grand Master
    in _____" still names nobody)?"""
    words = frozenset(
        part
        for name in people
        if plausible_person(name)
        for part in name.split()
        if len(part) >= 2 and part not in TITLE_TAILS
    )
    return any(_a_name_word(w, words) for w in body.split())


_BLANK_AT = re.compile(re.escape(BLANK))


def name_split_by_the_blank(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Del _____ said the plan would fail" for Mara Del Sol (answer "Sol"): the blank
    covers part of a name and the word of it left beside the blank shows the rest (or
    reads as garbled)."""
    if draft.kind not in {"cloze", "who_said"} or not draft.target.startswith("person:"):
        return None
    answer = draft.answer.split()
    full = [*ctx.people, *ctx.speakers]
    if isinstance(draft.source, Quote) and draft.source.speaker:
        full.append(draft.source.speaker)
    rest = {
        word
        for name in full
        if len(name.split()) > len(answer) and _holds_words(name.split(), answer)
        for word in name.split()
        if word not in answer and word[:1].isupper()
    }
    if not rest:
        return None
    for at in (m.start() for m in _BLANK_AT.finditer(draft.prompt)):
        beside = draft.prompt[:at].split()[-1:] + draft.prompt[at + len(BLANK) :].split()[:1]
        for word in (w.strip(",.;:()“”\"'’") for w in beside):
            if word in rest:
                return f"give-away: “{word}”, part of the name, beside the blank"
    return None


def _holds_words(name: list[str], part: list[str]) -> bool:
    """Does the name hold the part's words in a row ("Mara Del Sol" holds "Sol")?"""
    n = len(part)
    return any(name[i : i + n] == part for i in range(len(name) - n + 1))


# "_____ held a rally, with his wife Ana Vela": a relative named in full beside the
# blanked name is the family name, or a famous spouse, that fills it.
_RELATIVE_NAMED = re.compile(
    r"\b(?:wife|husband|spouse|widow|widower|son|daughter|brother|sister|father|mother|"
    r"fianc[ée]e?|partner)\s*,?\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+"
)


def relative_beside_the_blank(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A blanked person whose card names a relative in full ("his wife Ana Vela"):
    the shared family name, or a spouse better known than the article, fills it."""
    if draft.kind != "cloze" or not draft.target.startswith("person:"):
        return None
    if _RELATIVE_NAMED.search(QUOTED.sub(" ", draft.prompt)):
        return "give-away: a relative named in full beside the blanked person"
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


_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z’'-]{2,}")


def _spelt_out_by(word: str, card_words: set[str]) -> bool:
    """Does a capitalised word of the card start as the answer's word does ("Bernard"
    for "Bernie", "Sid" for "Sid"): a name and its short form share their first letters."""
    start = word[: max(3, min(len(word), 4))].casefold()
    return any(w.casefold().startswith(start) for w in card_words)


def cloze_names_spell_out_the_answer(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The account for _____, hosted by Ana Vela and Tomas Reyes, …" (answer: "The Ana
    and Tom Hour"): two or more of the answer's name words are short forms of names the
    card shows, so the card spells out the blank (blind judge, batch 41)."""
    if draft.kind != "cloze":
        return None
    answer_words = {w for w in _CAPITAL_WORD.findall(draft.answer) if w != "The"}
    if len(answer_words) < 2:
        return None
    card_words = set(_CAPITAL_WORD.findall(card_text(draft.prompt).replace(BLANK, " ")))
    shown = [w for w in answer_words if _spelt_out_by(w, card_words)]
    if len(shown) >= 2:
        return f"give-away: the card's names spell out “{'”, “'.join(sorted(shown))}” of the blank"
    return None


# "… were from _____, Bravia, Cortland and Dunmore.", "from Bravia, _____, Cortland and
# Dunmore": the blank is an item of a list of three or more names, after a word ("from").
_ITEM = rf"(?:the\s+)?(?:{re.escape(BLANK)}|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
_LIST = regex(rf"\b(?P<word>[a-z]+)\s+(?P<items>{_ITEM}(?:,\s+{_ITEM}){{1,}},?\s+and\s+{_ITEM})")
_NEIGHBOURHOOD = 300  # characters either side: the sentences just before and after


def _word_before_the_blanks_list(card: str) -> str | None:
    """The word before the list the blank is an item of ("from"), or None."""
    for found in _LIST.finditer(card):
        if BLANK in found["items"]:
            return found["word"]
    return None


def _home_country(ctx: GenerationContext) -> str | None:
    """The country the article links most things to: where its story happens."""
    linked = Counter(link.country for link in ctx.countries)
    return linked.most_common(1)[0][0] if linked else None


def cloze_country_in_a_list(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Visitors were from _____, Bravia, Cortland and Dunmore." beside "Two of the dead
    were from Esland": the blank is one item of a list the card leaves open, and a
    country the sentences around it give the same word ("from Esland") would be right
    too (blind judge, batch 40). A list with no such country beside it stays (judges
    accepted "the navies of _____, X, Y and Z")."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    card = card_text(draft.prompt)
    word = _word_before_the_blanks_list(card)
    if word is None or draft.evidence_start is None:
        return None
    start, end = draft.evidence_start, draft.evidence_end or draft.evidence_start
    home = _home_country(ctx)
    for link in ctx.countries:
        if link.country == home:
            continue  # "also appeared in _____, X and Y" beside "in Wuhan, China": the rest
        near = start - _NEIGHBOURHOOD <= link.evidence_start <= end + _NEIGHBOURHOOD
        if not near or not (link.evidence_start >= end or link.evidence_end <= start):
            continue  # far away, or the card's own sentence
        same_word = regex(rf"\b{word}\s+(?:the\s+)?{re.escape(link.country)}\b")
        if same_word.search(link.evidence) and not gives_away_country(card, link.country):
            return f"context: “{word} {link.country}” beside the card fits its list's blank too"
    return None


_PLACE_THERE = re.compile(r"\bthere\s*[.,;]")


def there_without_a_place(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Both candidates won _____ delegates there.": "there" points to a place named
    in another sentence, and the card does not say which."""
    outside = QUOTED.sub(" ", draft.prompt.split(":", 1)[-1])
    if draft.kind == "cloze" and _PLACE_THERE.search(outside):
        return "context: “there” points to a place of another sentence"
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


def card_pronoun_of_nobody(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Later, he rowed the ferry across on _____", "The board upheld her appeal, and in
    _____ she was again elected": a he or she anywhere in a card that names none of the
    article's people stands for someone the learner does not see (blind judge, batch 45:
    the article has many convicted men). A blanked person is the one it stands for. A
    person noun is no name here: a card stands alone, and "a ferry captain, he …" still
    leaves the learner asking which one (unlike a prompt's "the singer … his"), nor is
    a speaking body's ("the Harbour Party in Vela said he …": e32)."""
    if draft.kind != "cloze" or draft.target.startswith("person:"):
        return None
    text = QUOTED.sub(" ", draft.prompt)
    if not _PERSONAL_PRONOUN.search(text):
        return None
    names = _name_words(ctx, people_only=True)
    if any(_a_name_word(w, names) for w in text.split()):
        return None
    return "answer: “he” or “she” in the card stands for nobody it names"


# "_____ as the day it sank", "the year they opened was _____": the blanked date is that
# of a thing the card calls "it" or "they".
_DATE_NOUN = r"(?:day|date|year|month|night|morning|week)"
_DATE_OF_A_PRONOUN = regex(
    rf"{re.escape(BLANK)},?\s+(?:as|is|was|being)\s+the\s+{_DATE_NOUN}\s+(?:that\s+|when\s+)?"
    rf"(?:it|they)\s+[a-z]"
    rf"|\b[Tt]he\s+{_DATE_NOUN}\s+(?:that\s+|when\s+)?(?:it|they)\s+[a-z]+\s+(?:is|was|were)\s+"
    rf"(?:on\s+|in\s+)?{re.escape(BLANK)}"
)


def date_of_an_unnamed_thing(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The museum lists _____ as the day it sank.": the blank is the date of something
    the card only calls "it" (the ship of the sentence before); the card's own subject
    is not what sank, so the learner cannot tell what is dated (blind judge, batches
    14-17). "the day it sank was _____" too."""
    if draft.kind != "cloze" or not draft.target.startswith("date:"):
        return None
    text = QUOTED.sub(" ", card_text(draft.prompt))
    found = _DATE_OF_A_PRONOUN.search(text)
    if found is None or _names_a_referent(text[: found.start()], ctx):
        return None
    return "answer: the card dates something it only calls “it”"


# Groups a "they" stands for: "The couple said _____ was the day they met."
_GROUP_NOUNS = {"couple", "pair", "family", "families", "twins", "parents", "duo", "people",
                "team", "crew", "band", "both"}  # fmt: skip


def _names_a_referent(before: str, ctx: GenerationContext) -> bool:
    """Does the card, before its "it"/"they" clause, name what the pronoun may stand for:
    one of the article's people, a name's owners ("The Titanic's owners"), or a group or
    people ("The couple", "the residents")? Not the lister itself ("The Lost 5 Project
    identifies _____ as the day it sank": the "it" is the ship before)."""
    names = _name_words(ctx)
    tokens = before.split()
    if any(_a_name_word(w, names) for w in tokens):
        return True
    if any(w[:1].isupper() and re.search(r"['’]s\W*$", w) for w in tokens):
        return True  # a name's owners, crew: the name is what "it" stands for
    bare = [w.strip(",.;:").casefold() for w in tokens]
    return any(w in _GROUP_NOUNS or singular_stem(w) in PERSON_ROLE_NOUNS for w in bare)


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


_UNIT = (
    r"(?:miles?|mi|km|kilomet(?:re|er)s?|feet|ft|foot|inches|in|cm|metres?|meters?|m|"
    r"pounds?|lbs?|kg|kilograms?|tons?|tonnes?|gallons?|litres?|liters?|°\s*[CF]|"
    r"degrees?(?:\s+(?:Celsius|Fahrenheit))?|mph|km/h|acres?|hectares?|ha|sq\s*(?:mi|km))"
)
# "1,100 miles (_____ km)", "_____ miles (1,770 km)": the other unit is written beside it.
_CONVERTED = regex(
    rf"\d[\d,.]*\s*{_UNIT}\s*\(\s*(?:about\s+|some\s+|around\s+)?{re.escape(BLANK)}"
    rf"|{re.escape(BLANK)}\s*{_UNIT}\s*\(\s*(?:about\s+|some\s+|around\s+)?\d",
    re.I,
)


def converted_unit(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "located 1,100 miles (_____ km) from its nearest neighbour": the blank is the
    same distance in another unit; the card tests arithmetic, not the article (blind
    judge, batch 40)."""
    if draft.kind == "cloze" and _CONVERTED.search(draft.prompt):
        return "give-away: the blanked measure is written beside it in another unit"
    return None


_PER_BLANK = re.compile(rf"\bper\s+{re.escape(BLANK)}")


def rate_base_blanked(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "three deaths per _____ people" (100,000): the blank is the base a rate is
    counted on, a convention of the statistic, not something the article reports
    (blind run, stop 40)."""
    if draft.kind == "cloze" and _PER_BLANK.search(draft.prompt):
        return "context: the blank is the base of a rate, not a fact of the article"
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


_PART_COUNT = re.compile(
    r"(?<![\w$€£¥.,/:#–—-])(?P<n>\d{1,3}(?:,\d{3})*|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozen)(?![\w.,/:%–—-]?\d)(?!\s*(?:%|per\s?cent|percent))",
    re.I,
)
_PART_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
}  # fmt: skip


# "the other three", "the remaining 30", "two of them", "five of whom": the sentence
# splits one group into shares.
_SHARE_OF_THE_WHOLE = re.compile(
    r"\b(?:the\s+)?(?:other|remaining|rest\s+of\s+the)\s+(?:\d|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve)|\b\w+\s+of\s+(?:them|whom|those)\b",
    re.I,
)


def _count_value(text: str) -> int:
    word = text.strip().casefold()
    if word in _PART_WORDS:
        return _PART_WORDS[word]
    digits = word.replace(",", "")
    return int(digits) if digits.isdigit() else 0


# "the _____ rifles — two pistols, two shotguns and one revolver": a dash, colon or
# bracket after the blank opens the list of the whole's parts.
_BREAKDOWN_OPENING = re.compile(r"\s[—–-]\s|:\s|\s\(")


def _breakdown_after_the_blank(prompt: str, whole: int) -> bool:
    """The counts of a list set off after the blank ("… — two A, two B, and one C")
    add up to the blanked whole, all of them (a sum over part of a list is chance)."""
    after = prompt.split(BLANK, 1)[1]
    opening = _BREAKDOWN_OPENING.search(after)
    if opening is None:
        return False
    listed = re.split(r"[)]|;\s", after[opening.end() :], maxsplit=1)[0]
    parts = [_count_value(m["n"]) for m in _PART_COUNT.finditer(listed)]
    return len(parts) >= 2 and all(parts) and sum(parts) == whole


def parts_add_up(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "_____ people were on board; one died at the scene, the other three in hospital":
    the counts the sentence gives of the blanked whole add up to it (blind judge, batch
    33: four); so do those of a list set off after the blank ("owned _____ rifles — two
    A, two B and one C", tuned judge, batches 12-13)."""
    if draft.kind != "cloze" or BLANK not in draft.prompt:
        return None
    whole = _count_value(draft.answer)
    if whole < 2:
        return None
    if _breakdown_after_the_blank(draft.prompt, whole):
        return "give-away: the sentence's own counts add up to the blank"
    rest = QUOTED.sub(" ", draft.prompt.replace(BLANK, " ", 1))
    if not _SHARE_OF_THE_WHOLE.search(rest):
        return None  # "… followed four shootings, one in Gilroy, killing three": no parts
    parts = [
        v
        for m in _PART_COUNT.finditer(rest)
        if 0 < (v := _count_value(m["n"])) < whole and not re.fullmatch(r"1\d{3}|20\d{2}", m["n"])
    ]
    for size in (2, 3):
        if any(sum(c) == whole for c in combinations(parts, size)):
            return "give-away: the sentence's own counts add up to the blank"
    return None


_PERCENT = re.compile(r"(?<![\d.])(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)", re.I)


def share_and_its_rest(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "About _____ of voters chose to leave and 48% to stay": the blanked share is 100
    less a share written beside it (blind judge, batch 43)."""
    if draft.kind != "cloze" or BLANK not in draft.prompt:
        return None
    asked = _PERCENT.fullmatch(draft.answer.strip())
    if asked is None:
        return None
    rest = draft.prompt.replace(BLANK, " ", 1)
    if any(float(m["n"]) + float(asked["n"]) == 100 for m in _PERCENT.finditer(rest)):
        return "give-away: the blanked share is 100% less a share beside it"
    return None


# "25% higher than last year": a change, not another share of the breakdown.
_CHANGE_AFTER = re.compile(r"\s+(?:higher|lower|more|less|fewer|up|down|above|below)\b")
# A capitalised word past the card's first: a name, a place, a body.
_NAME_INSIDE = re.compile(r"(?<=\s)[“\"(]?[A-Z][\w’'.-]*")


def share_of_an_unnamed_group(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Among juveniles, _____ survived among males and 12% among females", "Children
    made up _____ of the population and the elderly 5.1%": one line of a breakdown, read
    alone, names no place, body or study the shares are of; the sentences before did
    (blind judges, batches 49 and 55). A card naming its place or its people stays."""
    if draft.kind != "cloze" or BLANK not in draft.prompt:
        return None
    if _PERCENT.fullmatch(draft.answer.strip()) is None:
        return None
    text = card_text(draft.prompt)
    rest = text.replace(BLANK, " ", 1)
    if not any(not _CHANGE_AFTER.match(rest, share.end()) for share in _PERCENT.finditer(rest)):
        return None
    if _NAME_INSIDE.search(QUOTED.sub(" ", text)):
        return None
    return "context: a share of a breakdown whose place or group the card does not name"


# "Four of the deceased …", "the victims": the people of an event another sentence
# names, unless the card says of which ("the victims of the fire").
_GROUP_OF_AN_EVENT = regex(
    rf"\b[Tt]he\s+(?:{re.escape(BLANK)}\s+)?(?:deceased|dead|victims|injured|survivors)\b(?!\s+(?:of|on|in|aboard)\b)(?!\s+[a-z]+\s+(?:of|on|in|aboard)\b)"
)
_AN_EVENT_OR_VEHICLE = re.compile(
    r"\b(?:crash\w*|collision|fire|blaze|attacks?|shooting|bombing|explosion|blast|bus|"
    r"coach|train|plane|flight|aircraft|airliner|helicopter|ship|boat|ferry|vessel|car|truck|"
    r"accident|earthquake|quake|flood\w*|storm|hurricane|typhoon|cyclone|landslide|"
    r"collapse|incident|disaster|stampede|massacre|sinking|derailment)\b",
    re.I,
)


def group_of_an_unnamed_event(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Four of the deceased were from abroad: two from Ruritania, one from _____.": the
    dead of a crash the card never names (blind judges, batch 40: "'the deceased' has no
    referent"). A card naming the crash, the vehicle or the event stays; so does a
    speaker's card ("_____ said the victims …": the blank is who spoke), and "the
    passengers" (two judges of three took them for the article's one bus)."""
    if draft.kind != "cloze" or draft.target.startswith("person:"):
        return None
    text = QUOTED.sub(" ", card_text(draft.prompt))
    if _GROUP_OF_AN_EVENT.search(text) and not _AN_EVENT_OR_VEHICLE.search(text):
        return "context: “the deceased”, “the victims” of an event the card does not name"
    return None


# "over one 1,000 deaths": a number word left in front of the digits (a typo the card
# would copy); "two 10-year-olds", "one 747s" and "one 9mm" are not matched.
_NUMBER_WORD_BEFORE_DIGITS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+\d{1,3}(?:,\d{3})*(?![\w.,-]*\w)",
    re.I,
)


def number_word_before_digits(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "… rose by over one 1,000 a day …": a number word directly before digits is a typo
    of the source, which the card would print to the student."""
    if draft.kind == "cloze" and _NUMBER_WORD_BEFORE_DIGITS.search(draft.prompt):
        return "grammar: a number word directly before digits (a typo of the source)"
    return None


_HEAD_OF_STATE_BEFORE_BLANK = re.compile(
    rf"\b(?P<adjective>[A-Z][a-z]+)\s+(?:President|Prime Minister|Chancellor|King|Queen|"
    rf"Supreme Leader|Emperor|Crown Prince)\s+{re.escape(BLANK)}"
)


# "Ana Ruiz, the president of the _____": the country the named head of state heads
# (the word before the comma must be a person's name: not "On Monday, the president …").
_COUNTRY_OF_A_NAMED_HEAD = re.compile(
    r"\b(?P<name>[A-Z][\w’'-]+),\s+(?:the\s+)?(?:then-|current\s+|former\s+)?(?:[Pp]resident|"
    rf"[Pp]rime [Mm]inister|[Cc]hancellor|[Kk]ing|[Qq]ueen|[Ee]mperor)\s+of\s+(?:the\s+)?"
    rf"{re.escape(BLANK)}(?=\s*(?:[.,;:]|$))"  # not "… of the _____ rowing club"
)


def head_of_state_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Indian Prime Minister _____ wrote …": who heads a country is world knowledge,
    the title alone gives the name away (like a capital). The other way round too:
    "offered to Ana Ruiz, the president of the _____" asks which country a named head
    of state leads, which a student knows without the article (blind judge, batch 19)."""
    if draft.kind != "cloze":
        return None
    if draft.target.startswith("country:"):
        people = [*ctx.people, *(s for s in ctx.speakers if not is_organisation(s))]
        heads = _COUNTRY_OF_A_NAMED_HEAD.finditer(draft.prompt)
        if any(_names_one_of(head["name"], people) for head in heads):
            return "world trivia: the country of a named head of state"
        return None
    if not draft.target.startswith("person:"):
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
    body = card_text(draft.prompt).split()
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


EXACT_FIGURE_DIGITS = 5  # "2,318,467", "604,213": significant digits no reader keeps


def exact_figure_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The agency reported _____ confirmed cases" (2,318,467): a figure to the last unit,
    typed from memory, tests rote recall, not reading (blind judge, batch 45); round
    figures ("800,000", "2.9 million") and counts to four digits ("1,124") are asked."""
    if draft.kind != "cloze" or not re.fullmatch(
        r"\d{1,3}(?:,\d{3})+|\d{5,}", draft.answer.strip()
    ):
        return None
    significant = re.sub(r"\D", "", draft.answer).strip("0")
    if len(significant) >= EXACT_FIGURE_DIGITS:
        return "trivial: a figure to the last unit is rote recall"
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


# A year in a list of years: "late 2019 and then in", "2011, 2012 and", "2016, or in early".
_LISTED_YEAR = r"(?<![\d,.])(1[0-9]{3}|20[0-9]{2})"
_YEAR_LINK = r"(?:\s*[,;]?\s*(?:and|or|then|again|in|early|late|mid-?)\b)*\s*[,;]?\s*"
_YEARS_BEFORE_BLANK = re.compile(rf"((?:{_LISTED_YEAR}{_YEAR_LINK})+){re.escape(BLANK)}")


def year_told_by_its_neighbours(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The virus spread in late 2019 and then in _____" (2020), "won in 2011, 2012 and
    _____" (2013): the year blanked goes on a list of years right before the blank, the one
    after the year just named or the next of an even series. The sentence gives it away
    (rubric rule 4); "the 2008 and _____ campaigns" (2012) stays, one year sets no step."""
    if draft.kind != "cloze" or not re.fullmatch(r"\d{4}", draft.answer.strip()):
        return None
    found = _YEARS_BEFORE_BLANK.search(draft.prompt)
    if found is None:
        return None
    years = [int(y) for y in re.findall(_LISTED_YEAR, found.group(1))]
    steps = {b - a for a, b in zip(years, years[1:], strict=False)}
    step = steps.pop() if len(steps) == 1 else 1 if len(years) == 1 else None
    if step is not None and step > 0 and int(draft.answer) == years[-1] + step:
        return "give-away: the blanked year follows the years just named"
    return None


def cloze_blanks(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "On Tuesday, the _____ (_____) announced …": one blank per card, else two
    blanks stand for different words."""
    if draft.kind in {"cloze", "who_said"} and draft.prompt.count(BLANK) > 1:
        return "grammar: more than one blank"  # (a who-said sentence: "The _____ (_____)")
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
    before = card_text(draft.prompt.split(BLANK, 1)[0]).rstrip()
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
    if _NAMED_EVENT_BEFORE_BLANK.search(draft.prompt):
        return "give-away: the year of a named war or attack is general knowledge"
    return None


# "… Day is observed on _____", "held every year on _____": the fixed date of a yearly
# observance, not a date of the article's news.
_RECURRING_ON_BLANK = re.compile(
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:observed|celebrated|marked|commemorated|held|honou?red)\s+"
    r"(?:(?:annually|every\s+year|each\s+year)\s+)?on\s+"
    + re.escape(BLANK)
    + r"|\b(?:annually|every\s+year|each\s+year)\s+on\s+"
    + re.escape(BLANK)
    + r"|\bon\s+"
    + re.escape(BLANK)
    + r"\s+(?:annually|every\s+year|each\s+year)\b",
    re.I,
)


def yearly_observance_date(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Harbour Day is observed on _____" (a day and month): the fixed date of a yearly
    observance is world trivia a learner knows or looks up, not what the article reports
    (issue 11 §4: world trivia; seen in a dev interview's lead)."""
    if draft.kind != "cloze" or re.search(r"\d{4}", draft.answer):
        return None
    if _RECURRING_ON_BLANK.search(draft.prompt):
        return "give-away: the date of a yearly observance is world trivia"
    return None


_LED_WAR = re.compile(rf"{re.escape(BLANK)}-led\s+(?:[A-Z][\w-]*\s+)+(?:War|Invasion)\b")


def famous_war_leader(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "an opponent of the _____-led Freedonia War": who led a war known by its name is
    history anyone fills in without the article."""
    if draft.kind == "cloze" and _LED_WAR.search(draft.prompt):
        return "give-away: who led a named war is general knowledge"
    return None


# "a wall along the country's border with _____", "the border between Ruritania and
# _____", "neighbouring _____": the blank asks which country lies next to another.
_BORDER_BEFORE_BLANK = re.compile(
    r"(?:\bborders?\s+with|\bborder\s+between\s+[^.;]{1,40}?\s+and|\bneighbou?ring|"
    rf"\bborders)\s+(?:the\s+)?{re.escape(BLANK)}",
    re.I,
)


def border_blank(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "… a wall along the country's border with _____." (the United States'): which
    country lies beside another is geography a student fills in without the article
    (tuned judges, batch 40: judged once usable, once not)."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    if _BORDER_BEFORE_BLANK.search(draft.prompt):
        return "give-away: a neighbouring country is geography, guessed without the article"
    return None


# "an opponent of the Freedonia War in _____", "the 7/7 attacks on the city of _____": a
# war, a revolution or attacks known by their name; the year is history, not the story.
_NAMED_EVENT_BEFORE_BLANK = re.compile(
    r"(?:\b[A-Z][\w-]*\s+(?:War|Revolution|Uprising|Crisis)|\b\d{1,2}/\d{1,2}\s+attacks?\b"
    rf"[^.;]*?)\s+(?:in|of)\s+{re.escape(BLANK)}"
)


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


_HEAD_TITLE = re.compile(
    rf"\b(?P<place>[A-Z][a-z]+)\s+(?:president|prime minister|first minister|chancellor|"
    rf"king|queen|supreme leader|emperor|crown prince|premier)\s+{re.escape(BLANK)}",
    re.I,
)


# "Prime Minister of Freedonia _____ said …": the same title, the place after it.
_HEAD_OF_PLACE = re.compile(
    rf"\b(?:president|prime minister|first minister|chancellor|king|queen|supreme leader|"
    rf"emperor|crown prince|premier)\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
    rf"\s+{re.escape(BLANK)}",
    re.I,
)


def head_of_government_card(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Freedonian prime minister _____ said …", "Wessex First Minister _____ said …":
    who leads a country (or a nation of one, a state of a federation) is world
    knowledge however the title is written; the blank asks nothing of the article."""
    if draft.kind != "cloze" or not draft.target.startswith("person:"):
        return None
    from quizzes.extraction.geo import region_country

    found = _HEAD_TITLE.search(draft.prompt) or _HEAD_OF_PLACE.search(draft.prompt)
    if not found or not found["place"][:1].isupper():
        return None
    place = found["place"]
    if country_of_adjective(place) or is_country(place) or region_country(place):
        return "world trivia: the leader of a country, named by the title"
    return None


def card_country_by_its_place(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Wessex would be the only nation in the _____ to …", "shootings in the _____
    that week, one of them in California": a state, nation or big city of the blanked
    country in the card fills the blank by geography, not by the article."""
    if draft.kind != "cloze" or not draft.target.startswith("country:"):
        return None
    shown = QUOTED.sub(" ", card_text(draft.prompt))
    places = _places_of(shown.replace(BLANK, " "), draft.answer)
    if places:
        return f"give-away: {places[0]} lies in the blanked country"
    return None


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


_THE_BODY = re.compile(r"\bthe (court|tribunal|party)\b")  # lower case: one named before


_BODY_NAME = {
    "court": re.compile(
        r"\b(?:[A-Z][\w’'.-]*\s+(?:of\s+(?:the\s+)?)?)*(?:Court|Tribunal)\b(?:\s+of(?:\s+the)?"
        r"(?:\s+[A-Z][\w’'.-]*)+)?"
    ),
    "party": re.compile(r"\b(?:[A-Z][\w’'.-]*\s+){1,3}Party\b"),
}


def which_court(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Fill in the blank: For a week, the court heard _____ witnesses." in an article
    naming a High Court, an appeal court and a Supreme Court: read alone, the card
    does not say which court (blind judge, batch 10). "For 2020 the party is on the
    ballot in _____ states." in a round-up of four parties: which party (blind judge,
    batch 39)? A party the title names is the one the article is about."""
    if draft.kind not in {"cloze", "true_false"}:
        return None
    found = _THE_BODY.search(QUOTED.sub(" ", draft.prompt))
    if found is None:
        return None
    kind = "court" if found.group(1) == "tribunal" else found.group(1)
    named = {normalise(m.group(0)) for m in _BODY_NAME[kind].finditer(ctx.article_text)}
    named.discard(normalise("Court"))
    if kind == "party":
        # "the US Prohibition Party" and "Prohibition Party" are one: the word before "Party"
        named = {n.split()[-2] for n in named if len(n.split()) > 1} - {"the", "a", "this"}
        # the title's party is the article's; the card's own party is the one it means
        shown = f"{_headline(ctx)} {draft.prompt}"
        said = {normalise(m.group(0)).split()[-2] for m in _BODY_NAME["party"].finditer(shown)}
        if named & said:
            return None
    if len(named) >= 2:
        return f"grammar: “the {found.group(1)}” of an article naming several"
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
