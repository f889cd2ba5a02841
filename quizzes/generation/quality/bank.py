"""Bank checks: one draft against the drafts kept before it (BANK_RULES in rules.py):
near-duplicates, the fact limit, one utterance, country or date asked twice, a card
or statement telling another question's answer, shares of statements, years, counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from quizzes.extraction.facts import CountryLink, Quote
from quizzes.extraction.text import regex

from ..context import DatedFact, GenerationContext
from ..dates import MONTHS, PartialDate, parse_iso, parse_label
from ..distractors import same_person
from ..draft import QuestionDraft
from ..numbers import MAX_NUMBER_CARDS
from ..text import (
    BLANK,
    QUOTED,
    contains_word,
    gives_away_country,
    gives_away_person,
    normalise,
    plain,
    similar,
    words,
)
from ..turns import question_turn_spans
from ..wording import HAPPENED_VERBS, SAYING_VERBS, clause_parts, past_to_base, strip_time
from .base import (
    _FIRST_PERSON,
    _REWRITTEN_KINDS,
    _YEAR,
    FACT_LIMIT,
    _speaker_quote,
    card_text,
    singular_stem,
)
from .cloze import blanked_words_shown
from .giveaway import _STOPWORDS, _TF_DATE, STEM, _anchored, _as_quiz_question, _content_words
from .who_said import countries_named, speaker_sides


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


def one_fact_two_sentences(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """A second question on a fact comes from the first one's sentence: a quiz (and a
    study day) takes one question per sentence, so two questions on one fact told in
    two sentences could both be asked in one quiz. A timeline counts for no fact."""
    if draft.kind == "ordering":
        return None
    mine = set(draft.fact_keys)
    for other in kept:
        if other.kind == "ordering" or not mine & set(other.fact_keys):
            continue
        if (other.evidence_start, other.evidence_end) != (draft.evidence_start, draft.evidence_end):
            return f"one fact in another sentence than “{other.prompt[:60]}”"
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
    outside = QUOTED.sub(" ", plain(second.evidence))
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
        if gives_away_country(QUOTED.sub(" ", other.prompt), cloze.answer):
            return f"give-away: the country blanked in “{cloze.prompt[:60]}” is named"
        if _quoted_on_the_cards_point(other.prompt, cloze):
            return f"give-away: a quotation names the country blanked in “{cloze.prompt[:60]}”"
    return None


def _quoted_on_the_cards_point(prompt: str, cloze: QuestionDraft) -> bool:
    """ "Who said: “no sign the raids came from Freedonia”?" beside "The
    _____-based militia claimed the raids": quoted words that name the blanked
    country and speak of what the card's sentence is about (a word of four letters
    or more in common) fill the card."""
    quoted = " ".join(m.group(0) for m in QUOTED.finditer(prompt))
    if not quoted or not gives_away_country(quoted, cloze.answer):
        return False
    card = _point_words(cloze.prompt.replace(BLANK, " ")) - _point_words(cloze.answer)
    return bool(card & _point_words(quoted))


def card_answer_named_elsewhere(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "Fill in the blank: Harbour master _____ said …" (Omar Haddad) beside "When did
    Omar Haddad close the port?", a card blanking "March 4" beside "True or false?
    On March 4, …", or a count an ordering item prints: another question of the bank shows the blanked person or date
    (even inside a quotation: "Who said: “… we thank Haddad …”?")."""
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for cloze, other in pairs:
        if cloze.kind != "cloze" or other is cloze or cloze.target.startswith("country:"):
            continue  # a country: country_named_elsewhere
        if blanked_words_shown(_shown_text(other), cloze):
            return f"give-away: the words blanked in “{cloze.prompt[:60]}” are named"
    return None


def card_answer_among_options(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "Freedonian Foreign Minister _____ said …" beside a "who said" whose options are
    the Freedonian minister and three foreigners: the card's title picks its answer out
    of the names the quiz prints (blind judge, batch 28)."""
    if draft.kind != "cloze" or not draft.target.startswith("person:"):
        return None
    said = QUOTED.sub(" ", draft.prompt)
    named = speaker_sides(draft.answer, ctx) & countries_named(said)
    if not named:
        return None
    for other in kept:
        options = [t for t, _, _ in other.choices]
        if other is draft or draft.answer not in options:
            continue
        rivals = [speaker_sides(o, ctx) for o in options if o != draft.answer]
        if all(sides and not sides & named for sides in rivals):
            return f"give-away: the card's title picks its answer out of “{other.prompt[:40]}”"
    return None


def _shown_text(draft: QuestionDraft) -> str:
    """What a question prints besides its options: the prompt, and an ordering
    question's items ("… confirmed the virus has infected over 200 people")."""
    if draft.kind != "ordering":
        return draft.prompt
    return " ".join([draft.prompt, *(text for text, _, _ in draft.choices)])


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
        # "In what year …?" (2015) beside a card on "September 2015": the year is told,
        # the card is left with its month (blind judge, batch 42).
        around = (
            other.kind == "when" and theirs.first_day() <= mine.first_day() <= theirs.last_day()
        )
        if (other.kind == "cloze" and _overlapping_dates(draft, other)) or inside or around:
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
        named_only = HAPPENED_VERBS & {mine[1], theirs[1] if theirs else ""}
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


# Verbs of saying, also of writing: "When did the minister say …?" asks when someone spoke.
_SAYING = SAYING_VERBS | {"indicate", "write", "tweet"}


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
            said = QUOTED.sub(" ", teller.prompt)
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
        said = QUOTED.sub(" ", teller.prompt)
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
    before = card_text(asker.prompt.split(BLANK, 1)[0])
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
        # "May" is a month here ("In May, a study was published …"), not the modal:
        # a month's name counts as written, with its capital (blind judge, batch 39).
        month = core in MONTHS and regex(rf"\b{core}\b").search(draft.prompt) is not None
        if month or (len(core) >= 4 and contains_word(draft.prompt, core)):
            return f"the card shows the date “{core}” that “{other.prompt[:60]}” asks"
    return None


def card_shows_a_date_asked_elsewhere(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """ "In Tolvo at the 2016 census, _____ of residents were born abroad." beside "In what
    year were 2,000 Tolvo residents counted as refugees?" (2016): the card, from another
    sentence, prints the year the question asks beside a word of it ("Tolvo"), and the
    student copies it over (stop 41's blind judges, batches 44-55). The card goes; a card
    sharing no word with the question says nothing of its event."""
    # Selection takes "when" questions before cards (rules.PRIORITY), so the "when" stays
    # and the card drafted after it goes; (card kept, "when" draft) is only a guard.
    pairs = [(draft, k) for k in kept] + [(k, draft) for k in kept]
    for card, asked in pairs:
        if card.kind != "cloze" or asked.kind != "when" or card is asked:
            continue
        if card.evidence_start is not None and card.evidence_start == asked.evidence_start:
            continue  # one sentence: card_shows_an_asked_date
        when = parse_label(asked.answer)
        shown = card_text(card.prompt)
        if when is None or not _date_written(shown, when):
            continue
        if _content_words(shown) & _content_words(asked.prompt) - _DATE_STEMS:
            return f"give-away: the card shows the date “{asked.prompt[:60]}” asks"
    return None


_DATE_STEMS = frozenset(m.casefold()[:STEM] for m in MONTHS)


def _date_written(text: str, when: PartialDate) -> bool:
    """Does the text write the date: its year for a year, its month and year for a month,
    its day and month for a day ("May 4", "4 May")?"""
    if when.month is None:
        return regex(rf"\b{when.year}\b").search(text) is not None
    month = MONTHS[when.month - 1]
    if when.day is None:
        return regex(rf"\b{month}\b,?\s+(?:of\s+)?{when.year}\b", re.I).search(text) is not None
    day = when.day
    return regex(rf"\b(?:{month}\s+{day}|{day}\s+{month})(?!\d)", re.I).search(text) is not None


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
        said = QUOTED.sub(" ", other.prompt)
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


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def _close_in_one_paragraph(a: Quote, b: Quote, text: str) -> bool:
    """Quotes of one paragraph with at most one sentence between them ("… he said.
    He further stated …"): one passage, not two things said."""
    first, second = sorted((a, b), key=lambda q: q.evidence_start)
    between = text[first.evidence_end : second.evidence_start]
    return "\n" not in between and len(_SENTENCE_END.findall(between.strip() + " ")) <= 1


def same_speaker_same_passage(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """Two "Who said" questions (or statements, or cards blanking the speaker) on one
    speaker's quotes a sentence apart in one paragraph ask one thing twice: the second
    repeats the first (blind judge, batch 58). The first is kept."""
    quote = _speaker_quote(draft)
    if not _asks_speaker(draft) or quote is None or not quote.speaker:
        return None
    for other in kept:
        theirs = _speaker_quote(other)
        if not _asks_speaker(other) or theirs is None or not theirs.speaker:
            continue
        same_speaker = normalise(theirs.speaker) == normalise(quote.speaker)
        if same_speaker and _close_in_one_paragraph(quote, theirs, ctx.article_text):
            return f"same speaker, same passage as “{other.prompt[:60]}”"
    return None


MAX_WHO_SAID_PER_ANSWER = 3  # "Who said" questions with one answer, per bank
MAX_WHO_SAID_ALIKE = 2  # of those, with the very same options


def _options(draft: QuestionDraft) -> frozenset[str]:
    return frozenset(normalise(text) for text, _, _ in draft.choices)


def too_many_by_one_speaker(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """An interview where one person says nearly everything gives "Who said" question
    after question with the same answer and the same wrong options (blind judge,
    batch 59: seven alike): past two alike, or three with one answer, each more is
    guessed from the others."""
    if draft.kind != "who_said":
        return None
    answer = normalise(draft.answer)
    same_answer = [o for o in kept if o.kind == "who_said" and normalise(o.answer) == answer]
    alike = [o for o in same_answer if _options(o) == _options(draft)]
    if len(same_answer) >= MAX_WHO_SAID_PER_ANSWER or len(alike) >= MAX_WHO_SAID_ALIKE:
        return (
            f"who-said questions answered by {draft.answer} already: “{same_answer[0].prompt[:60]}”"
        )
    return None


def one_voice_interview(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """An interview (an interviewer's question turns) in which one person is quoted:
    every "Who said" question has the interviewee for answer, whom the title names, so
    each is answered without reading (blind judges, batches 57 and 59: 0 of 8 usable; one
    such question on a candidate's pledge was judged usable, batch 38). One at most."""
    if draft.kind != "who_said":
        return None
    asked = next((other for other in kept if other.kind == "who_said"), None)
    if asked is None or not question_turn_spans(ctx.article_text):
        return None
    speakers = [quote.speaker for quote in ctx.quotes if quote.speaker]
    if any(not same_person(speaker, speakers[0]) for speaker in speakers):
        return None  # a second voice
    return f"one-speaker interview, who-said asked already: “{asked.prompt[:60]}”"


SELF_SHARE = 0.3  # of the quotation's point words: a long quotation shares a few anyway


def _self_words(text: str) -> set[str]:
    """Point words with a plural "s" taken off ("titles" meets "title")."""
    return {singular_stem(w) for w in _point_words(text)}


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


MAX_DATE_CARDS = 3  # cards blanking a date (a year, a month, a day), per bank


def too_many_date_cards(
    draft: QuestionDraft, kept: Sequence[QuestionDraft], ctx: GenerationContext
) -> str | None:
    """A long article of dated happenings gave six or seven cards blanking "May 2",
    "July 17", "2018" …: a bank of bare dates to recall, not of the story (tuned judges).
    MAX_DATE_CARDS at most, the first kept; "when" questions ask their dates with options
    and count apart (too_many_years caps the bare years of both)."""
    if draft.kind != "cloze" or not draft.target.startswith("date:"):
        return None
    if sum(k.kind == "cloze" and k.target.startswith("date:") for k in kept) >= MAX_DATE_CARDS:
        return f"balance: {MAX_DATE_CARDS} cards blanking a date already"
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
