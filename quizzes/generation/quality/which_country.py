"""Draft checks on places and countries ("Which country …?", country statements):
world trivia, places the article does not place, countries the name or body already
tells, countries the sentence links loosely."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizzes.extraction.facts import CountryLink
from quizzes.extraction.geo import is_country
from quizzes.extraction.text import regex

from ..context import GenerationContext, is_capital_of
from ..dates import MONTHS
from ..distractors import part_of_country
from ..draft import QuestionDraft
from ..text import BLANK, contains_word, gives_away_country, normalise, plain, word_cases
from ..which_country import asks_where_a_place_lies, top_office
from .base import BIG_CITY, _headline, _places_of
from .giveaway import _names_in


def country_in_headline(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is Ana Ruiz the president of?" under the title "Freedonia
    elects Ana Ruiz" (or "… in <its capital>"): the whole article is about that country,
    the title answers it."""
    if draft.kind != "which_country":
        return None
    title = _headline(ctx)
    named = gives_away_country(title, draft.answer)
    places = [] if named else _places_of(title, draft.answer)
    if (named or places) and _title_decides_nothing(draft, title):
        return None
    if named:
        return "give-away: the article's title names the answer"
    if places:
        # "Summit in Tolvo denounces …": the title's capital, state or big city tells it
        return f"give-away: the article's title names {places[0]}, in the answer"
    return None


def _title_decides_nothing(draft: QuestionDraft, title: str) -> bool:
    """ "Freedonia and Ruritania sign a port deal" above "Which country is Ana Ruiz the
    trade minister of?" among Freedonia, Ruritania and others: the title names a wrong
    option as well, so it tells what the article is about, not which one is the answer.
    A title that names the subject too ("Freedonia's Ana Ruiz …") still ties the two."""
    link = draft.source
    if not isinstance(link, CountryLink) or _names_the_subject(title, link):
        return False
    wrong = [text for text, correct, _ in draft.choices if not correct]
    return any(gives_away_country(title, w) or _places_of(title, w) for w in wrong)


def _names_the_subject(title: str, link: CountryLink) -> bool:
    """A distinctive word of the subject's name (a surname, "Velmar" of "the Velmar
    line") in the title."""
    names = [
        w
        for w in re.findall(r"[A-Z][\w’'-]{2,}", plain(link.subject))
        if not gives_away_country(w, link.country) and w.casefold() not in {"the", "of"}
    ]
    return any(contains_word(title, w) for w in names)


_MODEL_CODE = r"\s+(?:[A-Za-z]{1,3}-?\d+[A-Za-z]*|\d+[A-Za-z]+\d*)\b"


def name_of_a_model(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is Harada from?" when the article only writes "a Harada K7
    fighter": the name is a maker's, cut out of a model's name, not a person."""
    if draft.kind != "which_country":
        return None
    for name in _names_in(draft.prompt):
        # rf"\b{name}\b" (a name opens on a capital), written literal first: see `standalone`
        escaped = re.escape(name)
        found = list(regex(rf"{escaped}(?<!\w{escaped})\b").finditer(ctx.article_text))
        if found and all(re.match(_MODEL_CODE, ctx.article_text[m.end() :]) for m in found):
            return "answer: the name is part of a model's name, not a person or body"
    return None


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
    if draft.kind == "which_country" and not asks_where_a_place_lies(draft.prompt):
        return None
    if draft.kind == "true_false" and not re.search(
        r" is in (?:the )?[A-Z][\w ]*\.$", draft.prompt
    ):
        return None
    return _place_known_without_the_article(link, ctx.article_text)


def _place_known_without_the_article(link: CountryLink, text: str) -> str | None:
    if well_known_place(link.subject, link.country):
        return "trivia: where a well-known place lies"
    if _called_a_region(link.subject, text):
        return "trivia: the article calls the place a state or province of a country"
    if _placed_in_its_region(link.subject, link.country, text):
        return "give-away: the article places it in a well-known state or province"
    # "In which country is Vela Island?" even where the article writes "the Freedonian
    # island of Vela": where a place lies is geography, the news is what happened there
    # (blind judges: 1.5 of 5 such questions usable, islands and towns alike).
    return "trivia: where a place lies is geography, not what the article reports"


_REGION_WORDS = r"(?:state|province|region|prefecture|territory|canton|oblast)"


def _called_a_region(place: str, text: str) -> bool:
    """ "the state of Tolvo", "Tolvo province": a country's state or province, whose
    country is geography (blind judge, batch 32: "In which country is <state>?")."""
    name = re.escape(place)
    return bool(
        regex(rf"\bthe\s+{_REGION_WORDS}\s+of\s+{name}\b", re.I).search(text)
        or regex(rf"\b{name}\s+{_REGION_WORDS}\b").search(text)
    )


def answered_by_another_question(
    asked: QuestionDraft, others: Sequence[QuestionDraft]
) -> str | None:
    """ "Which country is Ana Ruiz from?" (Freedonia) in a bank whose other questions name
    Freedonia, its people or one of its states or big cities ("When did the Tolvo
    province flood?"): the quiz answers it before it is read (blind judges, batches 31
    and 32). A text that also names a wrong option decides nothing."""
    if asked.kind != "which_country":
        return None
    wrong = [t for t, ok, _ in asked.choices if not ok]
    for other in others:
        if other is asked or other.kind == "which_country":
            continue
        shown = " ".join(
            [other.prompt, *(t for t, _, _ in other.choices if other.kind == "ordering")]
        )
        named = gives_away_country(shown, asked.answer) or bool(_places_of(shown, asked.answer))
        if named and not any(gives_away_country(shown, o) for o in wrong):
            return f"give-away: “{other.prompt[:60]}” names the answer of “{asked.prompt[:40]}”"
    return None


def _placed_in_its_region(place: str, country: str, text: str) -> bool:
    """ "Randolph, New Hampshire": the article writes the town with its state, whose
    country a student knows; "In which country is Randolph?" asks nothing the article
    teaches (blind judge, batch 31)."""
    for match in regex(
        rf"\b{re.escape(place)},\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,2}})"
    ).finditer(text):
        region = match.group(1)
        if region != place and well_known_place(region, country):
            return True
    return False


def top_office_trivia(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country is Ana Ruiz the president of?": who heads a state is world
    knowledge, like a capital (blind judges: Merkel, Assad); the article teaches
    nothing a student could not know without it. Ministers, envoys and acting
    leaders are asked (which_country.top_office)."""
    if draft.kind == "which_country" and top_office(draft.prompt):
        return "trivia: who heads a country is world knowledge"
    return None


# Offices whose English title is only one country's: "secretary of state" for the foreign
# minister is the United States' ("Secretary of State for Health" in the United Kingdom is
# asked as a minister of health), "Chancellor of the Exchequer" the United Kingdom's.
_ONE_COUNTRYS_OFFICE = {
    "secretary of state": "United States",
    "chancellor of the exchequer": "United Kingdom",
    "home secretary": "United Kingdom",
    "taoiseach": "Ireland",
}
_OFFICE_ASKED = re.compile(
    r"^Which country(?:['’]s (?P<owned>.+?) (?:is|was) .+\?$| (?:is|was) .+ the (?P<of>.+) of\?$)"
)


def office_of_one_country(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country’s secretary of state is Ana Ruiz?" (United States, among Canada,
    Cuba and Mexico): the office's title is only the answer's, so the title answers the
    question without the article (blind judge, batches 14-17). Other ministers' titles
    ("foreign minister", "defence secretary") are every country's and are asked."""
    asked = _OFFICE_ASKED.match(draft.prompt) if draft.kind == "which_country" else None
    if asked is None:
        return None
    office = (asked["owned"] or asked["of"]).casefold()
    if _ONE_COUNTRYS_OFFICE.get(office) == draft.answer:
        return "trivia: the office's title is only the answer's country's"
    return None


# Offices of a state, province, region or city, never of a country: "Which country was
# Ana Ruiz the deputy chief minister of?" asks as a country's office the office of a
# state (blind judge, e32). A governor-general is a country's.
_SUB_NATIONAL_OFFICE = re.compile(
    r"\b(?:chief\s+minister|(?<!-)(?<!bank\s)governor(?![\s-]+general)|mayor|first\s+minister|"
    r"(?:provincial|regional|county|city|municipal|district)\s+[a-z]+|"
    r"state\s+(?:senator|representative|assembly(?:man|woman|member)|legislator)|"
    r"(?:city|town|county|district|municipal)\s+council(?:l?or)?|councill?or|alderman)\b"
)


def sub_national_office(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Which country was Ana Ruiz the deputy chief minister of?": a chief minister, a
    governor, a mayor holds the office of a state, province or city, so the question
    misnames what the office is of (blind judge, e32)."""
    asked = _OFFICE_ASKED.match(draft.prompt) if draft.kind == "which_country" else None
    if asked is None:
        return None
    office = (asked["owned"] or asked["of"]).casefold()
    if _SUB_NATIONAL_OFFICE.search(office):
        return "misframed: the office is a state's, province's or city's, not a country's"
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
    place_question = asks_where_a_place_lies(draft.prompt) or re.search(
        r" is in (?:the )?[A-Z][\w ]*\.$", draft.prompt
    )
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
    # "the" before its look-behind (the same matches): the engine jumps from one "the" to the
    # next instead of trying the look-behind at every character of the article
    found = [
        m.start()
        for m in regex(rf"the(?<![\w-]the)\s+{re.escape(subject)}(?![\w-])", re.I).finditer(text)
    ]
    if found and all(_cut_before(text, at) for at in found):
        return "grammar: the name is cut at its start"
    return None


# "War in Afghanistan", "War on Drugs": a name going on with a preposition and a name.
_NAME_GOES_ON_WITH_OF = re.compile(r"\s+(?:in|on|of|against|for)\s+(?:the\s+)?[A-Z]")


def name_cut_at_its_end(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In which country did War take place?" where the article writes "the War in
    Ruritania" and "the War on Drugs": a one-word subject the extractor cut from a longer
    name (blind judge, batch 48): a word the article also writes in lower case ("a long
    war"), every mention of it that is no other name's tail ("Cold War") going on with
    "in", "on" or "of" and another name. A river "the Vrana in Chile" is asked."""
    link = draft.source
    if not isinstance(link, CountryLink) or draft.kind not in {"which_country", "true_false"}:
        return None
    subject = re.sub(r"^the\s+", "", plain(link.subject))
    if link.subject_kind == "person" or " " in subject or not subject[:1].isupper():
        return None
    if subject.casefold() not in word_cases(ctx.article_text)[0]:
        return None  # a name ("the Vrana in Chile"), not a word the article also writes lower case
    text = plain(ctx.article_text)
    # Not "World War II" nor "Vietnam War": the word as the tail of other names.
    mentions = [
        m
        for m in regex(rf"(?<![\w’'-]){re.escape(subject)}(?![\w’'-])").finditer(text)
        if not re.search(r"[A-Z][\w’'.-]*\s+$", text[max(0, m.start() - 40) : m.start()])
    ]
    if mentions and all(_NAME_GOES_ON_WITH_OF.match(text, m.end()) for m in mentions):
        return "grammar: the name is cut at its end"
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
