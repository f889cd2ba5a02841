"""Country rules for unnamed groups, bodies, things and activities the text gives a country:
"two Norwegian fishermen", "the Chilean navy", "Peruvian waters", "the Swedish consulate in
Oslo, Norway" (and the place), "the government of Chad", "a treaty between Ghana and Togo".

These run after the rules for people and named organisations, which have marked the tokens
they used (``person_tokens``, ``title_tokens``): a nationality before a name is a title, not
a group.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .. import geo
from ..lexicon import OFFICE_TITLES
from ..nlp import common_nouns, common_verbs
from ..text import QUOTE_MARKS
from .context import (
    CountryContext,
    CountryMention,
    clean,
    one_named_before,
    one_not_yet_named,
    ranked_among_others,
    two_letter_code,
)
from .places import place_named_after
from .words import (
    ABSTRACT_NOUNS,
    BETWEEN_NOUNS,
    CITY_INCIDENTS,
    COUNT_NOUNS,
    EVENT_NOUNS,
    HUMAN_ENDINGS,
    HUMAN_PLURALS,
    INCIDENT_NOUNS,
    INCIDENT_PLURALS,
    INDEFINITE,
    LIFE_NOUNS,
    OFFICES,
    ORG_NOUNS,
    OWNED_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    has_a_number,
    human_plural,
)

_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod", "poss"}
_NAMED_LABELS = {"ORG", "FAC", "PERSON", "GPE", "LOC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
# Nouns that name a kind of word, not a group or a thing ("the Turkish word", "in French").
_LANGUAGE_NOUNS = {"language", "word", "name", "term", "spelling", "translation", "version"}
_TITLE_WORDS = OFFICES | OFFICE_TITLES
# What belongs to a country when the text says "the X of <country>" ("the government of Chad").
_OF_NOUNS = ORG_NOUNS | OWNED_NOUNS | {
    "government", "army", "navy", "military", "police", "forces", "coast", "waters", "zone",
    "eez", "territory", "border", "borders", "airspace", "economy", "people", "citizens",
    "president", "king", "queen",
}  # fmt: skip


def _phrase_head(tok: Token) -> Token:
    """The noun a modifier ends up describing: "Turkish army deployments" -> deployments; not
    past a headline's verb the small model reads as a plural noun ("Peruvian party withdraws
    nomination" -> party)."""
    head = tok.head
    while (
        not _verb_read_as_a_noun(head)
        and head.dep_ in ("compound", "amod", "nmod")
        and head.head.i > head.i
    ):
        head = head.head
    before = head.doc[head.i - 1]
    if _verb_read_as_a_noun(head) and before.i > tok.i and before.pos_ == "NOUN":
        return before
    return head


def _verb_read_as_a_noun(tok: Token) -> bool:
    """ "withdraws", "complies": a lower-case "-s" word tagged a plural noun whose stem is a
    verb and no noun (so "attacks" and "deployments" stay nouns) is a verb."""
    text = tok.text
    if tok.tag_ != "NNS" or not text.islower() or not text.endswith("s"):
        return False
    if text.endswith("ies"):
        stem = text[:-3] + "y"  # "complies"
    elif text.endswith(("ses", "xes", "zes", "ches", "shes")):
        stem = text[:-2]  # "fixes", "reaches"
    else:
        stem = text[:-1]  # "withdraws", "sites" (a noun too: stays a noun)
    return stem in common_verbs() and stem not in common_nouns()


def _owner_or_head(ctx: CountryContext, tok: Token) -> Token:
    """The phrase's noun, or the body owning it when the noun is no group ("the Peruvian
    federal government's practice": the government)."""
    noun = _phrase_head(tok)
    owner = _possessor_between(tok, noun)
    return owner if owner is not None and _not_a_group(ctx, noun) else noun


def _possessor_between(tok: Token, noun: Token) -> Token | None:
    """ "the Peruvian government's response": the common noun before a possessive ending
    between the nationality word and the noun, whose phrase the nationality word opens."""
    for k in range(tok.i + 1, noun.i):
        if tok.doc[k].tag_ == "POS" and tok.doc[k - 1].pos_ == "NOUN" and k - 1 > tok.i:
            return tok.doc[k - 1]
    return None


def _group_noun(ctx: CountryContext, mention: CountryMention, tok: Token) -> Token | None:
    """The common noun a nationality or country word modifies ("Saudi agents", "Turkey's
    soldiers"), when it is nobody's title and no named thing; each country of a coordination
    ("Austrian, Chilean and New Zealand mines") modifies it."""
    tok = _first_conjunct(tok)
    if tok.dep_ not in _MODIFIER_DEPS or tok.head.i <= tok.i:
        return None
    if tok.dep_ == "poss" and mention.form != "name":
        return None
    noun = _owner_or_head(ctx, tok)
    if not _common_noun(noun):
        return None
    if {noun.i, tok.i} & (ctx.person_tokens | ctx.title_tokens | ctx.described):
        return None
    if noun.i in ctx.mentions or (
        two_letter_code(tok.text) and tok.ent_type_ not in ("GPE", "NORP")
    ):
        return None  # "the IT department"
    if (
        _not_a_group(ctx, noun)
        or _describes_a_name(ctx, noun)
        or _headline_verb(ctx, mention, noun)
    ):
        return None
    return noun


# Tags of a finite verb that would make the word before it the headline's subject noun.
_FINITE_AFTER = {"VBD", "VBZ", "MD"}


def _headline_verb(ctx: CountryContext, mention: CountryMention, noun: Token) -> bool:
    """ "Peru issues travel warnings": a headline that opens with a country's name and a
    lower-case "-s" word reads as subject and verb (headlines drop "the" before a noun), even
    when the small model tags the word a plural noun; not when a finite verb follows it
    ("Peru tariffs hit exports")."""
    if mention.start != 0 or mention.form != "name" or noun.i != mention.end:
        return False
    after = ctx.tokens[noun.i + 1] if noun.i + 1 < len(ctx.tokens) else None
    return (
        noun.text.islower()
        and noun.text.endswith("s")
        and after is not None
        and "\n" not in noun.whitespace_
        and after.tag_ not in _FINITE_AFTER
        and after.is_alpha
    )


def _first_conjunct(tok: Token) -> Token:
    """ "United Kingdom" in "Austrian, United Kingdom and ...": the word that heads the list."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _common_noun(noun: Token) -> bool:
    """A lower-case noun, or a common noun's acronym ("the Turkish EEZ")."""
    if noun.pos_ == "NOUN" and noun.text.islower():
        return True
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.text.isupper()
        and len(noun.text) >= 3
        and noun.ent_type_ == ""
    )


def _not_a_group(ctx: CountryContext, noun: Token) -> bool:
    """ "the Kenyan president" (rule 3's), "the Turkish word", "the Ukrainian city" (rule
    7's), a named entity (rule 4's), "Peru's future", "an Irish pub" (no group nor thing of
    the country)."""
    if noun.lower_ in _TITLE_WORDS:
        return noun.lower_ in OFFICES or not one_not_yet_named(noun)  # "a Peruvian judge fined"
    if noun.lemma_ in _LANGUAGE_NOUNS or noun.lower_ in PLACE_NOUNS:
        return True
    if noun.lower_ == "elect":
        return True  # "US president-elect", "President of the United States elect": a title
    if noun.lower_ in _SHORE_NOUNS:
        return True  # "the Peruvian coast" is where, as "the coast of Peru" (``noun_of_country``)
    if noun.lower_ in ABSTRACT_NOUNS and not _effort_of_a_named_thing(noun):
        return True
    if _run_for_an_office(noun) or _kind_of_vote(noun) or _kind_of_listed_places(noun):
        return True
    ent = ctx.ent_of.get(noun.i)
    return ent is not None and ent.label_ in _NAMED_LABELS


# A candidate's run for an office ("the US presidential bid"), and the offices it is for.
_RUN_NOUNS = {"bid", "campaign", "run", "candidacy", "race"}
_OFFICE_ADJECTIVES = {"presidential", "mayoral", "gubernatorial", "senatorial", "congressional"}


def _run_for_an_office(noun: Token) -> bool:
    """ "ends US presidential bid", "his U.S. presidential campaign": the country names the
    office run for (a bid for the US presidency); the run is the candidate's, no thing of
    the country as "the US presidential election" is; "end US presidential campaigns" too."""
    return noun.lemma_.lower() in _RUN_NOUNS and any(
        c.dep_ == "amod" and c.lower_ in _OFFICE_ADJECTIVES for c in noun.lefts
    )


# Votes for an office ("presidential elections").
_VOTE_NOUNS = {"election", "primary", "caucus"}


def _kind_of_vote(noun: Token) -> bool:
    """ "a day known as X in US presidential elections": votes for an office in the plural,
    with no determiner, number or year, are the kind of vote, none in particular (unlike "the
    2020 US presidential election" or "the US presidential elections of 2016")."""
    return (
        noun.tag_ == "NNS"
        and noun.lemma_.lower() in _VOTE_NOUNS
        and any(c.dep_ == "amod" and c.lower_ in _OFFICE_ADJECTIVES for c in noun.lefts)
        and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in noun.rights)
    )


def _kind_of_listed_places(noun: Token) -> bool:
    """ "the US states of Idaho, Ohio and Utah": the kind of the places named after "of"
    (each place is linked), not a group of its own as "other US states" is."""
    return (
        noun.lemma_.lower() in PLACE_NOUNS
        and noun.lower_ != noun.lemma_.lower()
        and any(
            prep.lower_ == "of"
            and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)
            for prep in noun.rights
        )
    )


def _effort_of_a_named_thing(noun: Token) -> bool:
    """ "The Arden pipeline is a Chilean-Peruvian effort": an effort that a named thing is
    (linked through its name); "Peru's efforts to leave" is no thing of Peru."""
    return noun.lemma_ == "effort" and noun.dep_ == "attr"


def _describes_a_name(ctx: CountryContext, noun: Token) -> bool:
    """The noun describes someone or something named: "Tom Reid, a Kenyan national",
    "Reid is a Kenyan national", "the Kenyan singer Tom Reid", "Norway's state fund Oljefondet"
    (the people and organisation rules link the name instead)."""
    named = ctx.person_tokens | ctx.title_tokens
    for word in (noun, *noun.conjuncts):
        if _named_next_to(ctx, word, named):
            return True
    if noun.dep_ == "attr":  # "Reid is a Kenyan national"
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i in named for c in noun.head.children)
    return False


def _named_next_to(ctx: CountryContext, noun: Token, named: set[int]) -> bool:
    """A name in apposition or compounded with the noun (not the country's own name)."""
    head = noun.head
    if (
        noun.dep_ in ("appos", "compound", "conj")
        and head.i not in ctx.mentions
        and (head.i in named or head.pos_ == "PROPN")
    ):
        return True
    return any(
        c.dep_ in ("appos", "compound")
        and c.i not in ctx.mentions
        and (c.i in named or (c.pos_ == "PROPN" and not _capitalised_word_before(c, noun)))
        for c in noun.children
    )


def _capitalised_word_before(word: Token, noun: Token) -> bool:
    """ "the 2000 US Presidential election": a capitalised word before the noun that no entity
    holds describes the noun, it names nothing."""
    return word.i < noun.i and word.ent_type_ == "" and word.text.isalpha()


def _indefinite_or_negated(ctx: CountryContext, noun: Token) -> bool:
    if any(
        c.dep_ in ("det", "predet") and c.lower_ in INDEFINITE - {"a", "an"} for c in noun.children
    ):
        return True  # "any Chilean ship": no ship in particular
    k = max(0, noun.left_edge.i - 1)
    return any(t.lower_ in ("not", "no", "never") for t in ctx.doc[k : noun.i])


# Words a parse may hang before a noun phrase that are not part of it ("So could ...").
_NOT_IN_PHRASE = {"ADV", "AUX", "VERB", "SCONJ", "CCONJ", "PART", "PUNCT", "PRON", "DET"}


def noun_phrase(ctx: CountryContext, noun: Token) -> str:
    """The noun with its left modifiers ("two French police officers"), no determiner, no
    word the parse hung before it ("So could Peru's offensive" -> "Peru's offensive"); "its"
    is the named organisation its clause is about ("Acme sold its Polish branch" ->
    "Acme's Polish branch")."""
    start = _phrase_start(ctx, noun)
    text = clean(ctx.doc[start : noun.i + 1].text)
    owner = _owner_of_its(ctx, ctx.tokens[start]) if start < noun.i else None
    return f"{owner}'s {text.split(' ', 1)[1]}" if owner else text


def _owner_of_its(ctx: CountryContext, its: Token) -> str | None:
    """The organisation "its" stands for: the named subject of its clause ("Acme sold its
    Polish branch" -> Acme); not a country (a country's "its" is the country's own)."""
    if its.lower_ != "its":
        return None
    verb = its.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        verb = verb.head
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None:
        return None
    for word in (doer, *(c for c in doer.children if c.dep_ == "appos")):  # "the retailer Acme"
        ent = ctx.ent_of.get(word.i)
        if ent is not None and ent.label_ == "ORG" and not any(t.i in ctx.mentions for t in ent):
            return clean(ent.text)
    return None


def _phrase_start(ctx: CountryContext, noun: Token) -> int:
    lefts = list(noun.lefts)
    if noun.head.i == noun.i + 1 and _verb_read_as_a_noun(noun.head):
        lefts += [c for c in noun.head.lefts if c.i < noun.i]  # "Peruvian party withdraws"
    start = min([c.left_edge.i for c in lefts if c.dep_ not in ("det", "predet")] + [noun.i])
    while (
        start < noun.i
        and ctx.tokens[start].pos_ in _NOT_IN_PHRASE
        and ctx.tokens[start].tag_ != "PRP$"
        and not _participle_of_the_noun(ctx.tokens[start], noun)
    ):
        start += 1
    return start


def _participle_of_the_noun(tok: Token, noun: Token) -> bool:
    """ "confirmed infections", "reported cases": a participle describing the noun is part
    of its phrase (a verb the parse hung before it is not, nor "an estimated" before a
    number)."""
    if tok.pos_ != "VERB" or tok.dep_ != "amod" or tok.head != noun:
        return False
    return not any(t.pos_ == "NUM" for t in tok.doc[tok.i + 1 : noun.i])


def nationality_nouns(ctx: CountryContext) -> None:
    """ "two Norwegian fishermen", "Saudi agents", "the Chilean navy", "Peruvian waters",
    "Turkey's soldiers" -> the country; and where the thing is, when the text places it:
    "the Swedish consulate in Oslo, Norway" -> Sweden and Norway."""
    seen: set[tuple[int, str]] = set()
    for mention in ctx.mentions_in_order:
        _placed_description(ctx, mention)
        noun = _group_noun(ctx, mention, ctx.tokens[mention.end - 1])
        if noun is None or (noun.i, mention.country) in seen or _indefinite_or_negated(ctx, noun):
            continue
        if _gloss_of_a_name(ctx, mention):
            continue
        if _line_between_countries(ctx, noun):
            continue
        seen.add((noun.i, mention.country))
        subject = (
            _body_before_comma(ctx, noun)
            or _copula_subject(ctx, noun)
            or _part_of_a_whole(ctx, noun)
            or noun_phrase(ctx, noun)
        )
        subject = _without_level(ctx, mention, subject)
        ctx.add(subject, mention.country, noun.i, "other", "nationality_noun")
        _add_placed(ctx, subject, mention.country, noun)


# Levels of a state's rule written before its nationality ("the central Peruvian government").
_LEVELS = {"central", "federal"}


def _without_level(ctx: CountryContext, mention: CountryMention, subject: str) -> str:
    """ "the central Peruvian government" is the Peruvian government (one body, whichever
    level the writer names first); "central Peru's forests" are a region's."""
    before = ctx.tokens[mention.start - 1] if mention.start else None
    if before is None or before.lower_ not in _LEVELS or mention.form != "adj":
        return subject
    words = subject.split(" ", 1)
    return words[1] if len(words) == 2 and words[0].lower() == before.lower_ else subject


# Quotation marks as tokens, also the parser's doubled ASCII ones.
_QUOTE_TOKENS = {*QUOTE_MARKS, "``", "''"}


def _gloss_of_a_name(ctx: CountryContext, mention: CountryMention) -> bool:
    """ "known as Grexit for "Greek exit"": the words after "for" spell out the name before it;
    they name nothing of the country besides that name."""
    k = mention.start - 1
    while k >= 0 and ctx.tokens[k].text in _QUOTE_TOKENS:
        k -= 1
    if k < 2 or ctx.tokens[k].lower_ != "for":
        return False
    k -= 1
    while k >= 0 and ctx.tokens[k].text in _QUOTE_TOKENS:
        k -= 1
    name = ctx.tokens[k]
    return name.text[:1].isupper() and name.is_alpha and not name.is_sent_start


def _add_placed(ctx: CountryContext, subject: str, country: str, noun: Token) -> None:
    """Where a national thing is: "the Swedish consulate in Oslo, Norway" -> Norway too; in
    its own country only the place is linked ("Kelvish officers in Arvo" -> Arvo)."""
    place = _placed_in(ctx, noun)
    if place is None:
        return
    if place[1] != geo.sovereign_country(country):
        ctx.add(subject + " in " + place[0], place[1], noun.i, "other", "nationality_noun_placed")
    else:
        ctx.add(place[0], place[1], noun.i, "place", "nationality_noun_placed")


# Nouns of the line where two countries meet.
_BORDER_NOUNS = {"border", "frontier", "boundary"}


def _line_between_countries(ctx: CountryContext, noun: Token) -> bool:
    """ "the Peruvian-Chilean border": the line between two countries is no thing of either
    (a crossing or a treaty on it is: "the Peru-Chile border crossing")."""
    if noun.lower_ not in _BORDER_NOUNS:
        return False
    words = ctx.doc[_phrase_start(ctx, noun) : noun.i]
    return len({ctx.mentions[t.i].country for t in words if t.i in ctx.mentions}) >= 2


# Nouns that name a share of something ("the Chilean part of the mission").
_PARTS_OF = {"part", "side", "half", "portion", "share", "leg", "section", "segment"}


def _part_of_a_whole(ctx: CountryContext, noun: Token) -> str | None:
    """ "he led the Chilean part of the joint mission": the part is nothing without its whole,
    so the subject runs to the end of the "of" phrase."""
    if noun.lower_ not in _PARTS_OF:
        return None
    k = noun.i + 1
    if k >= len(ctx.tokens) or ctx.tokens[k].lower_ != "of":
        return None
    end = k + 1  # the whole's noun phrase, by its words (the parse may hang a verb on it)
    while end < min(len(ctx.tokens), k + 8) and (
        ctx.tokens[end].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM")
        or ctx.tokens[end].text in ("-", "\u2013")
    ):
        end += 1
    if end == k + 1 or ctx.tokens[end - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return clean(ctx.doc[_phrase_start(ctx, noun) : end].text)


def _placed_description(ctx: CountryContext, mention: CountryMention) -> None:
    """A description the description rule linked, placed elsewhere: "the Swedish consulate
    in Oslo, Norway" -> Norway too."""
    tok = ctx.tokens[mention.end - 1]
    noun = _phrase_head(tok) if tok.dep_ in _MODIFIER_DEPS else tok
    if noun.i not in ctx.described:
        return
    place = _placed_in(ctx, noun)
    if place and place[1] != mention.country:
        subject = f"{noun_phrase(ctx, noun)} in {place[0]}"
        ctx.add(subject, place[1], noun.i, "other", "nationality_noun_placed")


def _body_before_comma(ctx: CountryContext, noun: Token) -> str | None:
    """ "the Andean Workers Front (AWF), a Bolivian-backed group": a description right after
    an organisation's name and a comma describes that organisation (a plural group after the
    comma opens a new phrase: "after an inquiry from Acme, Peruvian candidates said")."""
    if noun.tag_ == "NNS":
        return None
    k = _phrase_start(ctx, noun) - 1
    if k >= 0 and ctx.tokens[k].lower_ in ("a", "an", "the"):
        k -= 1
    if k < 1 or ctx.tokens[k].text != ",":
        return None
    k -= 1
    if ctx.tokens[k].text == ")" and k >= 3 and ctx.tokens[k - 2].text == "(":
        k -= 3  # "(AWF)"
    ent = ctx.ent_of.get(k)
    if ent is None or ent.label_ != "ORG" or ent.end != k + 1:
        return None
    return clean(ent.text)


def _copula_subject(ctx: CountryContext, noun: Token) -> str | None:
    """ "The Nile link is an Egyptian-Sudanese project": the subject is what is described."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun_phrase(ctx, subject)


def _placed_in(ctx: CountryContext, noun: Token) -> tuple[str, str] | None:
    """ "in Oslo, Norway" after the noun: (the place's words, its country)."""
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for obj in prep.children:
            country = ctx.country_of_place(obj) if obj.dep_ == "pobj" else None
            if country:
                return obj.text, country
    return None


def noun_of_country(ctx: CountryContext) -> None:
    """ "the government of Chad", "the coast guard of Peru", "the exclusive economic zone of
    Cyprus": a common noun "of" a country (offices are rule 3's, places rule 7's, named
    bodies rule 4's)."""
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or not _common_word(tok) or tok.i in ctx.person_tokens:
            continue
        if (tok.lower_ not in _OF_NOUNS and not _people_of(tok)) or tok.lower_ in _TITLE_WORDS:
            continue  # "the president of Chad" is rule 3's
        country = _of_country(ctx, tok)
        if country is None:
            continue
        if tok.lower_ in _SHORE_NOUNS:
            _thing_off_a_coast(ctx, tok, country)
            continue
        start = min([c.left_edge.i for c in tok.lefts if c.dep_ not in ("det", "predet")] + [tok.i])
        subject = f"{ctx.doc[start : tok.i + 1].text} of {country[1]}"
        ctx.add(subject, country[0], tok.i, "other", "noun_of_country")


# Plural nouns of people "of" a country that are people of it ("officials of Peru"), and the
# plurals of a stance toward it, which are not ("critics of Peru", "fans of Peru").
_PEOPLE_OF = (HUMAN_PLURALS - {"deaths", "lives", "jobs", "casualties", "households"}) | {
    "leaders", "members", "workers", "voters", "lawmakers", "legislators", "ministers",
}  # fmt: skip
_STANCE_PLURALS = {
    "critics", "opponents", "supporters", "allies", "friends", "foes", "enemies", "admirers",
    "sceptics", "skeptics", "detractors", "champions", "advocates", "fans", "visitors",
}  # fmt: skip


def _people_of(tok: Token) -> bool:
    """ "Officials of Peru said", "scientists of Chile": people a country's "of" describes
    as its own, as "Peruvian officials" would (not a stance: "critics of Peru")."""
    if tok.tag_ != "NNS" or tok.lower_ in _STANCE_PLURALS:
        return False
    return (
        tok.lower_ in _PEOPLE_OF
        or tok.lemma_ in PERSON_NOUNS
        or tok.lower_.endswith(("ians", "ists"))
    )


# A country's edge: where things are, not a thing of its own ("along the coast of Peru").
_SHORE_NOUNS = {"coast", "coastline", "shore", "shores"}
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}
_STRETCHES = {"area", "region", "part", "stretch", "section", "spot", "site", "zone"}


def _thing_off_a_coast(ctx: CountryContext, coast: Token, country: tuple[str, str]) -> None:
    """ "reefs off the coast of Fiji": the thing the coast places, whole; the coast alone
    ("the storm moved along the coast of Peru") or a stretch of sea ("an area off the coast
    of Chile") is where, not what."""
    prep = coast.head
    if coast.dep_ != "pobj" or prep.lower_ != "off" or prep.i == 0:
        return
    thing = ctx.doc[prep.i - 1]  # "corals off the coast", however the parse hangs "off"
    if thing.pos_ != "NOUN" and thing.dep_ not in _NOMINAL_DEPS:
        return
    if thing.lower_ in _STRETCHES or thing.lower_ in PLACE_NOUNS or not _common_word(thing):
        return
    end = next((t.i + 1 for t in coast.subtree if ctx.mentions.get(t.i)), coast.i + 1)
    subject = ctx.doc[_phrase_start(ctx, thing) : end].text
    ctx.add(subject, country[0], thing.i, "other", "noun_of_country")


def _common_word(tok: Token) -> bool:
    """A lower-case word, or one capitalised only because it opens the sentence ("Citizens of
    Chad will vote")."""
    return tok.text.islower() or bool(tok.is_sent_start and tok.text[1:].islower())


def _of_country(ctx: CountryContext, tok: Token) -> tuple[str, str] | None:
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            mention = ctx.mentions.get(obj.i)
            if obj.dep_ == "pobj" and mention and mention.form == "name":
                return mention.country, ctx.doc[mention.start : mention.end].text
    return None


# Participles that say where something comes from or sits ("a user registered from Chad").
_ORIGIN_VERBS = {
    "register",
    "base",
    "locate",
    "headquarter",
    "bear",
    "make",
    "manufacture",
    "build",
}


def participle_from_country(ctx: CountryContext) -> None:
    """ "a user registered from Chad", "engines built in Peru", "a charity based in Togo": a
    noun placed in a country by a participle."""
    for tok in ctx.tokens:
        if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_ not in _ORIGIN_VERBS:
            continue
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.i in ctx.person_tokens:
            continue
        for prep in tok.children:
            country = _country_of_prep(ctx, prep)
            if country:
                start = min([c.left_edge.i for c in noun.lefts if c.dep_ != "det"] + [noun.i])
                subject = ctx.doc[start : prep.right_edge.i + 1].text
                ctx.add(subject, country, noun.i, "other", "participle_from_country")
                break


def _country_of_prep(ctx: CountryContext, prep: Token) -> str | None:
    if prep.dep_ != "prep" or prep.lower_ not in ("from", "in"):
        return None
    return ctx.country_named_by(prep)


def between_countries(ctx: CountryContext) -> None:
    """ "the border deal between Ghana and Togo", "talks between Chile and Peru", "the pact
    signed between Ghana and Togo", "deals between Chile and Peru and between Benin and Togo":
    an agreement, a dispute or talks between countries belongs to each of them; the subject
    keeps its "between" phrase (how a writer names a dispute), and "the accord that restored
    relations between Ghana and Togo" is the accord's. A dispute named again between the same
    countries ("the latest dispute between A and B" ... "the dispute between A and B") is
    the same one, linked once."""
    seen: set[tuple[str, frozenset[str]]] = set()
    for tok in ctx.tokens:
        if tok.lower_ != "between" or tok.dep_ != "prep":
            continue
        noun = _dealing_between(tok)
        if noun is None:
            continue
        countries = _countries_in(ctx, tok)
        key = (noun.lemma_.lower(), frozenset(countries))
        if len(countries) < 2 or key in seen:
            continue
        seen.add(key)
        subject = _pact_setting(ctx, noun) or _between_phrase(ctx, noun, tok)
        for country in countries:
            ctx.add(subject, country, noun.i, "other", "between_countries")


def _dealing_between(prep: Token) -> Token | None:
    """The dealing a "between" phrase tells the sides of: its head ("talks between"), or the
    noun a participle or relative clause describes ("the pact signed between", "deals the
    ministry arranged between", also when the parse hangs "between" from the clause's subject
    after its verb)."""
    head = prep.head
    if head.lower_ in BETWEEN_NOUNS:
        return head
    if head.dep_ == "nsubj" and head.head.i < prep.i:
        head = head.head  # "deals the ministry arranged between A and B": the ministry's verb
    if head.pos_ == "VERB" and head.dep_ in ("acl", "relcl") and head.head.lower_ in BETWEEN_NOUNS:
        return head.head
    return None


def _between_phrase(ctx: CountryContext, noun: Token, prep: Token) -> str:
    """ "new agreements between Chile and Bolivia": the noun with its modifiers, through the
    "between" phrase (a bracketed short form after it left out)."""
    start = _phrase_start(ctx, noun)
    end = prep.right_edge.i + 1
    end = next((t.i for t in ctx.doc[prep.i : end] if t.text == "("), end)
    return clean(ctx.doc[start:end].text)


# Ties between countries a pact sets up: "the accord that restored relations between A and B".
_TIES = {"relations", "ties"}


def _pact_setting(ctx: CountryContext, ties: Token) -> str | None:
    """ "the Kelso Accord that restored relations between Ghana and Togo", "a deal it brokered
    to normalise ties between ...": the pact (a named one whole) is what the sides made."""
    if ties.lower_ not in _TIES or ties.dep_ != "dobj":
        return None
    verb = ties.head
    while verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB":
        verb = verb.head
    pact = verb.head
    if verb.dep_ not in ("relcl", "acl") or pact.pos_ not in ("NOUN", "PROPN"):
        return None
    if pact.pos_ == "PROPN":
        ent = ctx.ent_of.get(pact.i)
        return clean(ent.text) if ent is not None else noun_phrase(ctx, pact)
    return noun_phrase(ctx, pact) if pact.lower_ in BETWEEN_NOUNS else None


# Lines between states: a border "with" one country, or "between" it and a region, is theirs.
_BORDER_NOUNS = {"border", "borders", "frontier", "boundary"}


def borders_with_a_country(ctx: CountryContext) -> None:
    """ "the border with Peru", "a wall along the country's border with Peru" (the wall on
    it), "the border between Kelso Province and Chile" (to Chile: the other side is no
    country)."""
    for tok in ctx.tokens:
        if tok.lower_ not in ("with", "between") or tok.dep_ != "prep":
            continue
        noun = tok.head
        if noun.lower_ not in _BORDER_NOUNS or noun.pos_ != "NOUN":
            continue
        countries = _countries_in(ctx, tok)
        if not countries or (tok.lower_ == "between" and len(countries) > 1):
            continue  # two countries: ``between_countries``
        start = _thing_along(noun).i
        subject = clean(ctx.doc[start : tok.right_edge.i + 1].text)
        for country in countries:
            ctx.add(subject, country, start, "other", "borders_with_a_country")


def _thing_along(border: Token) -> Token:
    """ "a fence along the border with Peru": the thing built on the line (else the line)."""
    prep = border.head
    if border.dep_ == "pobj" and prep.lower_ in ("along", "on") and prep.head.pos_ == "NOUN":
        return prep.head
    return border


def _countries_in(ctx: CountryContext, prep: Token) -> list[str]:
    found: list[str] = []
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        for t in (obj, *obj.conjuncts):
            mention = ctx.mentions.get(t.i)
            if mention and mention.form == "name" and mention.country not in found:
                found.append(mention.country)
            elif t.lower_ == "between":  # "between A and B and between C and D"
                found.extend(c for c in _countries_in(ctx, t) if c not in found)
    return found


# Plural bodies a list of countries each has one of: "the navies of A, B and C".
_LISTED_BODIES = {
    "navies", "armies", "militaries", "governments", "forces", "economies", "embassies",
    "parliaments", "delegations", "leaders", "citizens", "peoples", "coastguards",
}  # fmt: skip
# Words after a group's noun that list its members: "a bloc comprising A, B and C".
_MEMBER_WORDS = {"comprising", "grouping", "spanning"}


def bodies_of_listed_countries(ctx: CountryContext) -> None:
    """ "the armies of Chile, Peru, and Bolivia", "officials of Chile and Peru": each country
    of the list has the body or the people; the subject is the whole phrase."""
    doc = ctx.doc
    for tok in ctx.tokens:
        if (
            not (tok.lower_ in _LISTED_BODIES or _plural_office(tok) or _people_of(tok))
            or tok.i + 2 >= len(doc)
            or doc[tok.i + 1].lower_ != "of"
        ):
            continue
        countries, end = country_list(ctx, tok.i + 2)
        if len(countries) < 2:
            continue
        start = min([c.i for c in tok.lefts if c.dep_ == "compound"] + [tok.i])
        subject = doc[start:end].text
        for country in countries:
            ctx.add(subject, country, tok.i, "other", "bodies_of_listed_countries")


def _plural_office(tok: Token) -> bool:
    """ "the Prime Ministers of A, B and C", "the presidents of A and B": one office each."""
    return tok.lower_.endswith("s") and tok.lower_[:-1] in OFFICES


def groups_comprising_countries(ctx: CountryContext) -> None:
    """ "the Andean bloc, comprising Chile, Peru and Bolivia": a group whose members the text
    lists is linked to each of them."""
    doc = ctx.doc
    for tok in ctx.tokens:
        if tok.lower_ not in _MEMBER_WORDS or tok.i < 2:
            continue
        noun = doc[tok.i - 2] if doc[tok.i - 1].text == "," else doc[tok.i - 1]
        if noun.pos_ != "NOUN":
            continue
        countries, _ = country_list(ctx, tok.i + 1)
        if len(countries) < 2:
            continue
        start = min(
            [c.left_edge.i for c in noun.lefts if c.dep_ not in ("det", "predet")] + [noun.i]
        )
        for country in countries:
            ctx.add(doc[start : noun.i + 1].text, country, noun.i, "other", "groups_comprising")


# Groups that countries join: "a coalition ... joined by A, B and C".
_JOINED_GROUPS = {"coalition", "alliance", "bloc", "mission", "pact", "initiative", "operation"}


def groups_joined_by_countries(ctx: CountryContext) -> None:
    """ "a maritime coalition, which was later joined by Chile, Peru and Bolivia": the group
    named last before "joined by" has each listed country as a member."""
    doc = ctx.doc
    for tok in ctx.tokens:
        if tok.lower_ != "joined" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "by":
            continue
        countries, _ = country_list(ctx, tok.i + 2)
        noun = _group_before(ctx, tok)
        if noun is None or len(countries) < 2:
            continue
        start = min(
            [c.left_edge.i for c in noun.lefts if c.dep_ in ("amod", "compound")] + [noun.i]
        )
        for country in countries:
            ctx.add(doc[start : noun.i + 1].text, country, noun.i, "other", "groups_joined_by")


def _group_before(ctx: CountryContext, verb: Token) -> Token | None:
    """The last group noun of the verb's sentence before it."""
    for t in reversed(ctx.doc[verb.sent.start : verb.i]):
        if t.lower_ in _JOINED_GROUPS and t.pos_ == "NOUN":
            return t
    return None


def country_list(ctx: CountryContext, k: int) -> tuple[list[str], int]:
    """The countries named from token ``k`` on, separated by commas and "and", and the token
    after the last one: "Chile, Peru, and Bolivia" -> three countries."""
    found: list[str] = []
    end = k
    while k < len(ctx.doc):
        mention = ctx.mentions.get(k)
        if mention is not None and mention.form == "name" and mention.start == k:
            found.append(mention.country)
            k = end = mention.end
        elif ctx.doc[k].lower_ in (",", "and", "the") and found:
            k += 1
        else:
            break
    return found, end


def groups_from_countries(ctx: CountryContext) -> None:
    """ "Border police from Chile, Peru and Bolivia joined the search", "inspectors from
    Norway": people or bodies a "from" phrase gives their countries (each of a list); the
    subject is the group's own phrase."""
    for tok in ctx.tokens:
        opener = _earlier_from(tok)
        if opener is None or tok.i + 1 >= len(ctx.tokens):
            continue
        noun = _comers(_arrivals(_subject_of_be(_object_before_from(opener))))
        first = ctx.name_mention_from(tok.i + 1) or _country_of_parts(ctx, tok)
        if first is None or owned_name(ctx, first) or _qualifies_a_noun(ctx, first):
            continue
        countries, end = country_list(ctx, first.start)
        _link_the_group(ctx, noun, _group_from(ctx, noun, end), countries)


def _link_the_group(
    ctx: CountryContext, noun: Token, subject: str | None, countries: list[str]
) -> None:
    """Each country of the "from" list to the group's phrase; with no phrase of the group,
    nothing."""
    if not subject:
        return
    for country in countries:
        if not linked_again(ctx, noun, country):
            ctx.add(subject, country, noun.i, "other", "groups_from_countries")


def _earlier_from(prep: Token) -> Token | None:
    """ "came from Peru and from Chile", "from towns in Peru as well as from Chile": a second
    "from" of a list stands for the first one's group; a "from" hanging from anything but a
    list is itself the opener (None for a word that is no "from" opening a phrase)."""
    if prep.lower_ != "from" or prep.dep_ not in ("prep", "conj"):
        return None
    if prep.dep_ == "conj":
        return prep.head if prep.head.lower_ == "from" and prep.head.dep_ == "prep" else None
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    if before.lower_ not in ("and", "as") or before.dep_ != "cc":
        return prep
    earlier = before.head
    if earlier.lower_ == "from" and earlier.dep_ == "prep" and earlier.head == prep.head:
        return earlier
    return prep


# Nouns of a country's parts a "from" phrase can name instead of the country ("from many
# parts of Peru", "from towns within Chile"), and the prepositions before the country.
_COUNTRY_PARTS = {
    "parts", "part", "regions", "areas", "cities", "towns", "villages", "provinces", "states",
    "districts", "corners", "counties", "communities",
}  # fmt: skip
_PART_PREPS = {"of", "within", "across", "throughout", "in"}


def _country_of_parts(ctx: CountryContext, prep: Token) -> CountryMention | None:
    """ "from many parts of Peru", "from cities within Chile", "from Arica, Chile": the
    country a "from" phrase names through its parts or after a town (None otherwise)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if obj.lower_ in _COUNTRY_PARTS:
        inner = next(
            (c for c in obj.children if c.dep_ == "prep" and c.lower_ in _PART_PREPS), None
        )
        return ctx.name_mention_from(inner.i + 1) if inner is not None else None
    if obj.ent_type_ != "GPE" or obj.i in ctx.mentions:
        return None
    qualifier = next((c for c in obj.children if c.dep_ == "appos"), None)
    if qualifier is None or ctx.doc[qualifier.i - 1].text != ",":
        return None
    found = ctx.mentions.get(qualifier.i)
    return found if found is not None and found.form == "name" else None


# Verbs whose subject is what comes from a place ("Contestants came from Peru").
_COMING_FROM_VERBS = {"come", "hail"}


def _comers(word: Token) -> Token:
    """ "Contestants came from Peru", "vendors were there, coming from Chile": the subject
    of a verb of coming, for a main verb or a participle of the main clause (else the word)."""
    if word.pos_ != "VERB" or word.lemma_ not in _COMING_FROM_VERBS:
        return word
    verb = word.head if word.dep_ == "advcl" and word.tag_ == "VBG" else word
    return next((c for c in verb.children if c.dep_ == "nsubj"), word)


# Verbs that move or take what they act on away from a place ("evacuated residents from Peru",
# "expelled diplomats from Chile"): the "from" phrase is where they were, no origin.
_REMOVING_VERBS = {
    "take", "bring", "move", "carry", "evacuate", "deport", "expel", "remove", "rescue", "send",
    "fly", "transport", "ship", "withdraw", "pull", "extract", "recall", "return", "drive",
    "airlift", "transfer", "ban", "bar", "exclude", "release", "free", "smuggle", "traffic",
    "recruit", "hire", "import", "buy", "receive", "hear", "separate", "protect", "keep",
}  # fmt: skip


def _object_before_from(prep: Token) -> Token:
    """ "to assist migrants from Syria": the parse hangs "from" on the verb, but the object
    right before it is what comes from there (not after a verb that moves it away)."""
    verb = prep.head
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    if verb.pos_ == "VERB" and before.dep_ == "pobj" and before.head.dep_ == "agent":
        return before if before.head.head == verb else verb  # "attended by 50 people from Peru"
    if verb.pos_ != "VERB" or before.dep_ != "dobj" or before.head.i != verb.i:
        return verb
    return verb if verb.lemma_.lower() in _REMOVING_VERBS else before


def _qualifies_a_noun(ctx: CountryContext, mention: CountryMention) -> bool:
    """ "specimens from Peru museums": the country qualifies another noun."""
    return ctx.tokens[mention.end - 1].dep_ in _MODIFIER_DEPS


def _group_from(ctx: CountryContext, noun: Token, end: int) -> str | None:
    """The subject a "from" phrase ending at ``end`` gives a country: a listed count with the
    phrase ("a fourth from Peru"), a group of people or bodies, else None."""
    if _listed_count_of_people(ctx, noun):
        return clean(ctx.doc[noun.left_edge.i : end].text)
    return noun_phrase(ctx, noun) if _group_of_people_or_bodies(ctx, noun) else None


def _subject_of_be(word: Token) -> Token:
    """ "The foreign nationals were from Peru and Chile": the subject "be" puts there."""
    if word.lemma_ != "be":
        return word
    return next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), word)


def _listed_count_of_people(ctx: CountryContext, noun: Token) -> bool:
    """ "they were two Chileans, one from Peru, and a third from Bolivia": a number or an
    ordinal listed after a group of people stands for people of it."""
    if not (noun.like_num or noun.ent_type_ == "ORDINAL") or noun.dep_ not in ("appos", "conj"):
        return False
    head = noun.head
    while head.dep_ in ("appos", "conj") and (head.like_num or head.ent_type_ == "ORDINAL"):
        head = head.head
    mention = ctx.mentions.get(head.i)
    people = mention is not None and mention.form == "adj" and head.lower_.endswith("s")
    return people or _group_of_people_or_bodies(ctx, head)


# Verbs of coming from a country ("two people who returned from Peru").
_COMING_VERBS = {"return", "come", "arrive", "travel", "fly", "flee", "migrate", "emigrate"}


def _arrivals(word: Token) -> Token:
    """ "two people who returned from Peru": the group a relative clause of coming says came
    from the country (else the word itself)."""
    if word.pos_ == "VERB" and word.lemma_ in _COMING_VERBS and word.dep_ == "relcl":
        return word.head
    return word


def _group_of_people_or_bodies(ctx: CountryContext, noun: Token) -> bool:
    """ "police", "inspectors", "agencies": a plural common noun of people or of bodies, no
    named person nor an office."""
    if noun.pos_ != "NOUN" or not noun.text[1:].islower():
        return False
    if noun.i in ctx.person_tokens | ctx.title_tokens | ctx.described:
        return False
    word = noun.lower_
    if word in HUMAN_PLURALS:
        return word not in ("deaths", "lives", "jobs", "casualties")
    if noun.tag_ != "NNS":
        return False
    return word.endswith(HUMAN_ENDINGS) or noun.lemma_ in ORG_NOUNS or _counted_or_of_a_faith(noun)


def _counted_or_of_a_faith(noun: Token) -> bool:
    """ "two Hindu monks from Nepal", "40 pilgrims from Peru": a counted plural or one a faith
    or nationality word (the model's NORP) qualifies is a group of people, not goods."""
    return any(
        (c.dep_ == "nummod" and c.like_num)
        or (c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP")
        for c in noun.lefts
    )


# "Brexit", "Grexit": a country's leaving a union, named by the start of its name + "exit".
_EXIT_WORD = re.compile(r"^([A-Z][a-z]{1,5})exit$")
# Nouns a "<country>exit" word names an event or a movement with ("the Brexit vote"); its
# deal, deadline or strategy is no thing of the country's own.
_EXIT_EVENTS = {"vote", "referendum", "movement", "campaign", "party", "poll", "ballot"}


def exits_of_a_country(ctx: CountryContext) -> None:
    """ "Grexit", "the Grexit referendum" (a country the article names whose name or
    nationality starts as the word does: Greece): the country's leaving of a union, and the
    vote or movement named after it."""
    for tok in ctx.tokens:
        match = _EXIT_WORD.match(tok.text)
        if match is None:
            continue
        country = _country_starting_with(ctx, match.group(1).lower())
        if country is None:
            continue
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            if tok.head.lower_ in _EXIT_EVENTS:
                ctx.add(f"{tok.text} {tok.head.text}", country, tok.i, "other", "exit_of_country")
            continue
        if not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
            ctx.add(tok.text, country, tok.i, "other", "exit_of_country")  # not "a hard Grexit"


def _country_starting_with(ctx: CountryContext, prefix: str) -> str | None:
    """The one country of the article with a name or nationality word starting with
    ``prefix``; the most named when several do."""
    ranked = sorted(ctx.context, key=lambda c: -ctx.context[c])
    return next(
        (c for c in ranked if any(w.startswith(prefix) for w in geo.words_for_country(c))),
        None,
    )


def _name_the_kind_is_said_of(ctx: CountryContext, noun: Token) -> str | None:
    """ "Gullfest 2021 opened, as one of the biggest festivals in Norway": a plural kind after
    "as one of" describes the named subject of the verb, the thing the text places."""
    one = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    one = one.head if one is not None and one.head.lower_ == "one" else None
    if one is None or one.dep_ != "pobj" or one.head.lower_ != "as" or noun.tag_ != "NNS":
        return None
    subject = next((c for c in one.head.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.i in ctx.person_tokens:
        return None
    words = [t for t in subject.subtree if t.dep_ != "punct"]
    if any(t.pos_ not in ("PROPN", "NUM") or t.i in ctx.mentions for t in words):
        return None
    return ctx.doc[words[0].i : words[-1].i + 1].text


def things_in_a_country(ctx: CountryContext) -> None:
    """ "the decision in Chile", "coalition bases in Peru", "researchers in the United
    Kingdom", "a bombing in Peru", "an offensive into Peru": a common noun placed by "in
    <country>" (an incident also by "into"; its whole phrase up to the country);
    not a description of a named person ("Ana Lind, a singer in Peru" links Lind), not a
    place, an office or an abstract noun, and not a noun another rule has linked."""
    for tok in ctx.tokens:
        if not _placing_prep(tok) or tok.i + 1 >= len(ctx.tokens):
            continue
        mention = ctx.country_in_part(tok.i + 1)
        noun = _people_a_clause_places(tok) or tok.head
        if mention is None or owned_name(ctx, mention) or not placeable(ctx, noun):
            continue
        if linked_again(ctx, noun, mention.country):
            continue
        head = _first_conjunct(noun)
        start = _phrase_start(ctx, head)
        countries, end = country_list(ctx, mention.start)
        named = _name_the_kind_is_said_of(ctx, noun)
        if named is None and ranked_among_others(noun):
            continue
        subject = named or ctx.doc[start : max(end, mention.end)].text
        for country in countries or [mention.country]:
            ctx.add(subject, country, noun.i, "other", "thing_in_country")


# Verbs of where people are, said in a clause about them ("patients who were dying in Peru").
_BEING_SOMEWHERE = {
    "live", "die", "work", "stay", "remain", "study", "reside", "fight", "serve", "suffer",
    "shelter", "hide", "settle", "kill", "injure", "detain", "hold", "trap", "strand",
}  # fmt: skip


def _people_a_clause_places(prep: Token) -> Token | None:
    """ "patients who were dying in Peru, Chile and Spain", "migrants living in Peru": the
    plural noun of people whose relative or participle clause's verb of being somewhere the
    "in" phrase hangs from (the people are in the country, as "people in Italy" would be)."""
    verb = prep.head
    if prep.lower_ != "in" or verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "acl"):
        return None
    noun = verb.head
    if verb.lemma_ not in _BEING_SOMEWHERE or noun.tag_ != "NNS" or not human_plural(noun.lower_):
        return None
    return noun


# Nouns of an unnamed set of countries a list then names ("in several countries, including").
_COUNTRY_SET_NOUNS = {"countries", "nations", "states"}
# Words that open the named part of such a set.
_SET_OPENERS = {"including", "notably"}


def things_in_listed_countries(ctx: CountryContext) -> None:
    """ "Protests were held in many countries, including Peru, Chile and Bolivia": a thing
    placed in a set of countries is in each country the list after "including" names (two
    or more); the thing is the placed clause's subject, or the noun a placed participle
    describes ("reports of boats entering waters in several countries, including ...")."""
    for tok in ctx.tokens:
        if tok.lower_ not in _COUNTRY_SET_NOUNS or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        opener = next((t for t in ctx.doc[tok.i + 1 : tok.i + 8] if t.lower_ in _SET_OPENERS), None)
        if opener is None or any(
            t.is_sent_start or t.lower_ == ";" for t in ctx.doc[tok.i : opener.i]
        ):
            continue
        first = ctx.name_mention_from(opener.i + 1)
        countries, _ = country_list(ctx, first.start) if first is not None else ([], 0)
        noun = _thing_placed_by(tok.head)
        if len(countries) < 2 or noun is None or not placeable(ctx, noun):
            continue
        start = _phrase_start(ctx, noun)
        prep = tok.head
        end = prep.i if noun.left_edge.i < prep.i <= noun.right_edge.i else noun.right_edge.i + 1
        subject = clean(ctx.doc[start:end].text)
        for country in countries:
            ctx.add(subject, country, noun.i, "other", "thing_in_listed_countries")


def _thing_placed_by(prep: Token) -> Token | None:
    """The noun an "in" phrase places: the noun it hangs from, the noun a participle
    clause describes, or the subject (or "there is" noun) of its clause."""
    head = prep.head
    while head.pos_ == "VERB" and head.dep_ in ("pcomp", "acl", "relcl") and head.tag_ != "VBD":
        head = head.head.head if head.dep_ == "pcomp" else head.head
    if head.pos_ == "NOUN":
        return head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    for dep in ("nsubj", "nsubjpass", "attr"):
        found = next((c for c in head.children if c.dep_ == dep and c.pos_ == "NOUN"), None)
        if found is not None:
            return found
    return None


def incidents_in_a_city(ctx: CountryContext) -> None:
    """ "anti-government protests in Cusco", "Deadly protests continued in Cusco": violence,
    disasters and protests a city places are in its country (the city is its own link; a
    thing such as "a hospital in Cusco" is not placed this way)."""
    for tok in ctx.tokens:
        if tok.lower_ != "in" or tok.dep_ != "prep" or tok.i + 1 >= len(ctx.tokens):
            continue
        city = _city_after(ctx, tok)
        if city is None:
            continue
        noun = _incident_placed_by(tok)
        if noun is None or noun.i in ctx.person_tokens or linked_again(ctx, noun, city[1]):
            continue
        start = _phrase_start(ctx, noun)
        subject = ctx.doc[start : city[0]].text if noun.i + 1 == tok.i else noun_phrase(ctx, noun)
        ctx.add(subject, city[1], noun.i, "other", "incident_in_a_city")


# Verbs by which an incident harms ("A fire killed five", "the blast injured ten").
_HARM_VERBS = {"kill", "injure", "wound", "hurt", "destroy", "damage", "claim", "displace"}
# Verbs whose "in <place>" says where a person lives, not where the incident was.
_HOME_VERBS = {"live", "reside", "bear", "settle", "grow", "study", "work"}


def incidents_that_harm_in_a_place(ctx: CountryContext) -> None:
    """ "A blaze killed three boys at a youth club they visited in Kielce, Poland": an
    incident subject of a verb of harm is in the first city or country an "in" of its
    clause names, however deep the parse hangs it (not "in" a home: "a man who lived in
    Peru")."""
    for verb in ctx.tokens:
        if verb.lemma_ not in _HARM_VERBS or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not _incident(subject) or subject.i in ctx.person_tokens:
            continue
        place = _first_place_in(ctx, verb, subject)
        if place is not None and not linked_again(ctx, subject, place):
            ctx.add(noun_phrase(ctx, subject), place, subject.i, "other", "incident_harming")


def _first_place_in(ctx: CountryContext, verb: Token, subject: Token) -> str | None:
    """The country of the first "in <country>" or "in <city>" of the verb's clause, outside
    its subject and outside a clause of where someone lives."""
    inside_subject = {t.i for t in subject.subtree}
    for tok in verb.subtree:
        if tok.lower_ != "in" or tok.dep_ != "prep" or tok.i in inside_subject:
            continue
        if tok.head.lemma_ in _HOME_VERBS or tok.i + 1 >= len(ctx.tokens):
            continue
        mention = ctx.country_in_part(tok.i + 1)
        if mention is not None and not owned_name(ctx, mention):
            return mention.country
        city = _city_after(ctx, tok)
        if city is not None:
            return city[1]
    return None


def _city_after(ctx: CountryContext, prep: Token) -> tuple[int, str] | None:
    """(end token, country) of the city or province named after "in" (not a country)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "PROPN" or obj.i in ctx.mentions:
        return None
    ent = ctx.ent_of.get(obj.i)
    if ent is None or ent.label_ not in ("GPE", "LOC"):
        return None
    country = ctx.country_of_place(obj)
    return (ent.end, country) if country else None


def _incident_placed_by(prep: Token) -> Token | None:
    """The incident the "in" phrase places: the noun it follows ("protests in X"), or the
    subject of its verb ("protests continued in X", "a blast hit a market in X")."""
    head = prep.head
    if head.pos_ == "NOUN":
        return head if _incident(head) else None
    if head.pos_ != "VERB":
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and _incident(subject) else None


def _incident(noun: Token) -> bool:
    word = noun.lower_
    return noun.pos_ == "NOUN" and (word in CITY_INCIDENTS or word in INCIDENT_PLURALS)


def _placing_prep(tok: Token) -> bool:
    """ "in <country>"; "into <country>" after an incident ("an offensive into Peru");
    "across/throughout <country>" after a plural ("cities throughout Peru", "supporters across
    Chile": things spread over the country are in it)."""
    if tok.dep_ != "prep":
        return False
    if tok.lower_ in ("across", "throughout"):
        return tok.head.tag_ == "NNS"
    return tok.lower_ == "in" or (tok.lower_ == "into" and tok.head.lower_ in INCIDENT_NOUNS)


def owned_name(ctx: CountryContext, mention: CountryMention) -> bool:
    """ "in Chile's north": the country owns what follows, it does not place the noun; nor
    does "in U.S. Federal Court" place it in the country (the court is the place)."""
    nxt = ctx.tokens[mention.end] if mention.end < len(ctx.tokens) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
        return True
    return nxt is not None and (nxt.tag_ == "POS" or nxt.lower_ in ("'s", "\u2019s"))


# Endings of nouns made from verbs: an act that happens somewhere ("decision", "presence",
# "a bombing in Peru"; an "-ing" noun of 7+ letters, not "thing" or "king").
_ACT_ENDINGS = ("ion", "ment", "ence", "ance")


def _act_noun(noun: Token) -> bool:
    word = noun.lower_
    return (
        word.endswith(_ACT_ENDINGS)
        or word in INCIDENT_NOUNS
        or (word.endswith("ing") and len(word) >= 7)
    )


def placeable(ctx: CountryContext, noun: Token) -> bool:
    """Things or people ("bases", "researchers"), an event or an act ("decision"), not one
    thing in general ("the emergency number in Chile" says what Chile has, not where)."""
    if noun.pos_ != "NOUN" or not noun.text[1:].islower() or noun.lower_ in ABSTRACT_NOUNS:
        return False
    if noun.tag_ != "NNS" and noun.lower_ not in EVENT_NOUNS and not _act_noun(noun):
        return False
    if {noun.i} & (ctx.person_tokens | ctx.title_tokens | ctx.described):
        return False
    if noun.ent_type_ in ("DATE", "TIME"):
        return False  # "18 months in exile in France": when, not what
    if noun.lower_ in _TITLE_WORDS or noun.lower_ in PLACE_NOUNS or noun.lower_ in LIFE_NOUNS:
        return False
    return not _describes_a_name(ctx, noun)


def linked_again(ctx: CountryContext, noun: Token, country: str) -> bool:
    """ "a user registered from Chile ... the user in Chile": the same thing, linked once; but
    a new count is a new set of things ("400 suspected cases in Peru ... 2,700 confirmed cases
    in Peru": the second count is no repeat of the first)."""
    counts = [c.lower_ for c in noun.children if c.dep_ == "nummod" and noun.tag_ == "NNS"]
    for link in ctx.links:
        words = link.subject.lower().split()
        if link.country != country or noun.lower_ not in words:
            continue
        if all(count in words for count in counts):
            return True
    return False


def subjects_placed_by_their_verb(ctx: CountryContext) -> None:
    """ "A trial is under way in Chile", "The party is banned in Peru", "an apartment block
    collapsed in Norway": the thing a clause places in a country (a common noun subject;
    never a person or people, whose visit says nothing of their country)."""
    for tok in ctx.tokens:
        if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        verb = tok.head if tok.head.pos_ != "ADJ" else tok.head.head
        if _site_before_placed(ctx, verb, tok):
            continue
        mention = ctx.name_mention_from(tok.i + 1)
        if mention is None or owned_name(ctx, mention):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        happened = happening_verb(verb) or _held_plural(verb, subject)
        if subject is None or not placeable_subject(ctx, subject, happened):
            continue
        for country in _listed_after(ctx, tok, mention):
            ctx.add(noun_phrase(ctx, subject), country, subject.i, "other", "subject_placed")


def _held_plural(verb: Token, subject: Token | None) -> bool:
    """ "Protests were held in Peru", "Vigils were staged in Chile": plural happenings a
    passive verb of holding places are new facts of the country, bare or not (a bare singular
    "The race was held in Chile" names one said before)."""
    return (
        subject is not None
        and subject.dep_ == "nsubjpass"
        and subject.tag_ == "NNS"
        and verb.lemma_ in _HELD_VERBS
    )


_HELD_VERBS = {"hold", "stage", "organise", "organize"}


def _site_before_placed(ctx: CountryContext, verb: Token, prep: Token) -> bool:
    """ "people rallied at Union Square in the Peruvian capital": the "in" phrase places the
    square, not the people (the country named or described before the phrase's noun); True
    when the subject is left to the square."""
    site = _named_site_before(ctx, verb, prep)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if site is None or obj is None:
        return False
    mention = next((ctx.mentions[t.i] for t in obj.lefts if t.i in ctx.mentions), None)
    mention = mention or ctx.mentions.get(obj.i)
    if mention is not None:
        ctx.add(site, mention.country, prep.i, "place", "site_placed")
    return not happening_verb(verb)  # "A fire broke out at Kelso Mall in Peru": the fire too


def _named_site_before(ctx: CountryContext, verb: Token, prep: Token) -> str | None:
    """The named place the verb puts its subject at right before the "in" phrase ("rallied at
    Union Square in ..."): the "in" phrase says where that place is."""
    at = next((c for c in verb.children if c.lower_ == "at" and c.right_edge.i + 1 == prep.i), None)
    obj = next((c for c in at.children if c.dep_ == "pobj"), None) if at is not None else None
    if obj is None:
        return None
    ent = ctx.ent_of.get(obj.i)
    if ent is None or ent.label_ not in ("FAC", "LOC") or ent.end != obj.i + 1:
        return None
    if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in ent):
        return None
    return ent.text


def _listed_after(ctx: CountryContext, prep: Token, first: CountryMention) -> list[str]:
    """ "in Chile, Peru and Bolivia": every country of the list after the preposition, so the
    thing placed there is placed in each."""
    countries = [first.country]
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for conj in objects[0].subtree if objects else ():
        if conj.dep_ not in ("conj", "appos") or not _listed_with(conj, objects[0]):
            continue
        listed = ctx.name_mention_from(conj.left_edge.i)
        if listed is not None and listed.country not in countries:
            countries.append(listed.country)
    return countries


def _listed_with(tok: Token, first: Token) -> bool:
    """ "Peru, Chile and Kenya": a token hanging from the first item by list links only."""
    while tok.dep_ in ("conj", "appos") and tok != first:
        tok = tok.head
    return tok == first


def happening_verb(verb: Token) -> bool:
    """ "took place", "happened", "occurred", "broke out": the subject is something that
    happened there, bare or not ("The strike took place in Peru"); an act made there too
    ("Arrests were made in Chile")."""
    if verb.lemma_ in ("happen", "occur", "erupt", "unfold"):
        return True
    if verb.lemma_ == "make" and any(c.dep_ == "nsubjpass" for c in verb.children):
        return True
    objects = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "prt")}
    return (verb.lemma_ == "take" and "place" in objects) or (
        verb.lemma_ == "break" and "out" in objects
    )


def placeable_subject(ctx: CountryContext, noun: Token, happened: bool = False) -> bool:
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("PERSON", "DATE", "TIME", "NORP"):
        return False
    if noun.i in ctx.person_tokens or noun.i in ctx.mentions or noun.lower_ in PERSON_NOUNS:
        return False
    if noun.lemma_ in COUNT_NOUNS:
        return False  # "the total number rose in Peru": what it counts is linked (``figures``)
    if noun.lower_ in ("one", "ones"):
        return False  # "The third one was in Peru": a pro-form for a noun said before, no thing
    if human_plural(noun.lower_) and not has_a_number(noun):
        return False  # "Chilean troops met in Peru": people somewhere, like a person
    bare = (
        noun.pos_ == "NOUN"
        and not has_a_number(noun)
        and not any(c.dep_ in ("amod", "compound") for c in noun.children)
    )
    if bare and not (happened and noun.lower_ not in EVENT_NOUNS):
        return False  # "The race was held in Chile", "leaders met in Peru": said before, or anyone
    return noun.lower_ not in ABSTRACT_NOUNS and noun.lower_ not in _TITLE_WORDS


# Acts aimed at a country or at something in it ("the 2001 attacks on Peru").
_ASSAULTS = INCIDENT_NOUNS | INCIDENT_PLURALS | {"invasion", "invasions", "assault", "assaults"}


def attacks_on_a_country(ctx: CountryContext) -> None:
    """ "the 1998 bombings on Peru", "the attack against Chile", "rocket attacks on the
    Chilean embassy in Peru" (the country the target is in): an assault aimed at a country."""
    for tok in ctx.tokens:
        if tok.lower_ not in ("on", "against") or tok.dep_ != "prep":
            continue
        attack = tok.head
        if attack.pos_ != "NOUN" or attack.lower_ not in _ASSAULTS:
            continue
        target = next((c for c in tok.children if c.dep_ == "pobj"), None)
        mention = _target_country(ctx, tok, target) if target is not None else None
        if mention is not None and not linked_again(ctx, attack, mention.country):
            ctx.add(
                noun_phrase(ctx, attack), mention.country, attack.i, "other", "attack_on_country"
            )


def _target_country(ctx: CountryContext, prep: Token, target: Token) -> CountryMention | None:
    """The country aimed at ("on Peru", not "on Peru's cartels"), or the one the target is
    placed in ("on the embassy in Peru")."""
    mention = ctx.name_mention_from(prep.i + 1)
    if mention is not None:
        modifier = ctx.tokens[mention.end - 1].dep_ in ("compound", "amod", "nmod")
        return None if owned_name(ctx, mention) or modifier else mention  # "on U.S. troops"
    for inside in (c for c in target.children if c.dep_ == "prep" and c.lower_ == "in"):
        placed = ctx.country_in_part(inside.i + 1)
        if placed is not None and not owned_name(ctx, placed):
            return placed
    return None


# Verbs by which a country does an act ("Peru carried out the strike", "Chile launched a raid").
_ACT_VERBS = {"carry", "launch", "conduct", "stage", "mount", "order"}
# Verbs by which a country starts an act, when the object is one ("Chile began an offensive").
_START_VERBS = {"begin", "start", "wage", "resume", "escalate"}
_NAMING_VERBS = {"dub", "call", "name", "title", "christen"}
# Verbs by which a country holds an event ("Norway held a referendum", "Chile hosts the games").
_HOLD_VERBS = {"hold", "host"}


def acts_of_a_country(ctx: CountryContext) -> None:
    """ "The United States carried out the airstrike", "Peru launched a raid on the camp": an
    act whose doer is a country named as the subject (the act, not where it happened)."""
    for verb in ctx.tokens:
        if verb.lemma_ not in _ACT_VERBS | _START_VERBS | _HOLD_VERBS or verb.pos_ != "VERB":
            continue
        if verb.lemma_ == "carry" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in verb.children
        ):
            continue  # "carried the flag"
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        mention = _doing_country(ctx, doer, verb) if doer is not None else None
        if mention is None or owned_name(ctx, mention):
            continue
        for act in _acts_done(verb):
            subject = _name_given(ctx, act) or noun_phrase(ctx, act)
            ctx.add(subject, mention.country, act.i, "other", "act_of_country")
            target = _where_the_act_goes(ctx, verb)
            if target is not None and target.country != mention.country:
                ctx.add(subject, target.country, act.i, "other", "act_of_country_placed")


def _doing_country(ctx: CountryContext, doer: Token, verb: Token) -> CountryMention | None:
    """The country named as the doer ("Peru launched ..."); for holding an event also its
    government ("The Peruvian government held a referendum")."""
    mention = ctx.mentions.get(doer.i)
    if mention is not None:
        return mention if mention.form == "name" else None
    if verb.lemma_ not in _HOLD_VERBS or doer.lower_ != "government":
        return None  # "Peru held talks with Chile" is no event of Peru's alone (``_acts_done``)
    return next((ctx.mentions[c.i] for c in doer.lefts if c.i in ctx.mentions), None)


def _where_the_act_goes(ctx: CountryContext, verb: Token) -> CountryMention | None:
    """ "Chile launched an offensive into southern Peru": the country the act is done in."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "into") and prep.i + 1 < len(ctx.tokens):
            found = ctx.country_in_part(prep.i + 1)
            if found is not None:
                return found
    return None


def _acts_done(verb: Token) -> list[Token]:
    """The verb's objects that are acts: any noun after "carry out" or "launch", only an act
    or an event after "begin" or "wage" ("Peru began a war", not "Peru began a new chapter"),
    only an event after "hold" or "host", none held "with" another party."""
    if verb.lemma_ in _HOLD_VERBS and any(
        p.dep_ == "prep" and p.lower_ == "with" for w in (verb, *verb.children) for p in w.children
    ):
        return []
    return [
        act
        for act in verb.children
        if act.dep_ == "dobj"
        and act.pos_ == "NOUN"
        and act.lower_ not in ABSTRACT_NOUNS
        and (
            act.lower_ in EVENT_NOUNS
            or (verb.lemma_ not in _HOLD_VERBS and (verb.lemma_ in _ACT_VERBS or _act_noun(act)))
        )
    ]


def _name_given(ctx: CountryContext, noun: Token) -> str | None:
    """'a programme dubbed "Condor 2030"': the name the text gives the thing."""
    for acl in noun.children:
        if acl.dep_ != "acl" or acl.lemma_ not in _NAMING_VERBS:
            continue
        for name in acl.children:
            if name.dep_ in ("oprd", "xcomp", "dobj") and name.pos_ == "PROPN":
                return clean(ctx.doc[name.left_edge.i : name.right_edge.i + 1].text)
    return None


# Words that open a list of a group's named members ("German firms including A, B and C").
_MEMBER_OPENERS = {"including", "like", "notably", "among"}


def named_members_of_a_group(ctx: CountryContext) -> None:
    """ "Austrian firms including Voest, Rabenhof and Kessler", "Kenyan runners such as Ana
    Lind and Tom Reid": each name listed after a group with a nationality shares it."""
    for mention in ctx.mentions_in_order:
        noun = _group_noun(ctx, mention, ctx.tokens[mention.end - 1])
        if noun is None or noun.tag_ != "NNS" or _indefinite_or_negated(ctx, noun):
            continue
        k = _members_start(ctx, noun.i + 1)
        if k is None:
            continue
        for start, end in _listed_names(ctx, k):
            name = ctx.doc[start:end].text
            kind = "person" if ctx.canonical_person(name) else "organisation"
            ctx.add(name, mention.country, start, kind, "named_members_of_group")


def _members_start(ctx: CountryContext, k: int) -> int | None:
    """The token after "including" / "such as" / "like" right after the group noun."""
    doc = ctx.doc
    k += k < len(doc) and doc[k].text == ","
    if k + 1 < len(doc) and doc[k].lower_ == "such" and doc[k + 1].lower_ == "as":
        return k + 2
    if k < len(doc) and doc[k].lower_ in _MEMBER_OPENERS:
        return (
            k + 1 + (doc[k].lower_ == "among" and k + 1 < len(doc) and doc[k + 1].lower_ == "them")
        )
    return None


def _listed_names(ctx: CountryContext, k: int) -> list[tuple[int, int]]:
    """Capitalised names separated by commas and "and", from token k: [(start, end)]."""
    doc = ctx.doc
    names: list[tuple[int, int]] = []
    while k < len(doc):
        k = _past_an_office(ctx, k)
        end = k
        while end < len(doc) and doc[end].text[:1].isupper() and end not in ctx.mentions:
            end += 1
        if end == k:
            break
        names.append((k, end))
        k = end + (end < len(doc) and doc[end].text == ",")
        k += k < len(doc) and doc[k].lower_ == "and"
        if k == end:
            break
    return names


_MAX_OFFICE_WORDS = 8  # "vice president of women and family affairs"


def _past_an_office(ctx: CountryContext, k: int) -> int:
    """The token after a lower-case office written before a member's name ("deputy health
    minister Ana Soto", "vice president of rural affairs Luis Vega"); k when there is none."""
    doc = ctx.doc
    for j in range(k, min(len(doc), k + _MAX_OFFICE_WORDS)):
        tok = doc[j]
        if tok.text[:1].isupper():
            office = j > k and any(t.lower_ in _TITLE_WORDS for t in doc[k:j])
            person = j in ctx.person_tokens or ctx.canonical_person(tok.text) is not None
            return j if office and person else k
        if not tok.is_alpha or tok.is_punct:
            return k
    return k


# Verbs by which a country sets up a group ("Brazil announced a coalition").
_FOUNDING_VERBS = {"announce", "form", "launch", "create", "found", "establish", "lead", "set"}


def groups_founded_by_a_country(ctx: CountryContext) -> None:
    """ "Last year, Brazil announced a river coalition ..." / "Peru leads an alliance": the
    group a country founds or leads is that country's too (its members are
    ``groups_joined_by_countries``')."""
    for tok in ctx.tokens:
        if tok.dep_ != "nsubj" or tok.head.lemma_ not in _FOUNDING_VERBS:
            continue
        mention = ctx.name_mention_from(tok.left_edge.i)
        if mention is None or not mention.start <= tok.i < mention.end:
            continue
        for noun in tok.head.children:
            if noun.dep_ == "dobj" and noun.lower_ in _JOINED_GROUPS and noun.pos_ == "NOUN":
                start = min(
                    [c.left_edge.i for c in noun.lefts if c.dep_ in ("amod", "compound")] + [noun.i]
                )
                subject = ctx.doc[start : noun.i + 1].text
                ctx.add(subject, mention.country, noun.i, "other", "group_founded_by_country")


def pairs_of_countries(ctx: CountryContext) -> None:
    """ "the Peru–Chile border crossing", "the Peru-Bolivia War", "US-China trade talks": a
    thing named by two countries joined by a dash belongs to both."""
    for tok in ctx.tokens:
        _pair_in_one_word(ctx, tok)
        if tok.text not in ("-", "\u2013", "\u2014") or tok.i < 1:
            continue
        first = ctx.mentions.get(tok.i - 1)
        second = ctx.name_mention_at(tok.i + 1)
        if first is None or first.form != "name" or second is None:
            continue
        head = _phrase_head(ctx.tokens[second.end - 1])
        if head.i < second.end or head.i in ctx.mentions or head.pos_ not in ("NOUN", "PROPN"):
            continue
        subject = ctx.doc[first.start : head.i + 1].text
        for country in (first.country, second.country):
            ctx.add(subject, country, first.start, "other", "pair_of_countries")


def _pair_in_one_word(ctx: CountryContext, tok: Token) -> None:
    """ "the U.S.–Chile border": the tokenizer keeps the pair as one word."""
    if "-" not in tok.text and "\u2013" not in tok.text:
        return
    parts = re.split("[-\u2013]", tok.text)
    if len(parts) != 2 or tok.i + 1 >= len(ctx.tokens) or "" in parts:
        return
    countries = _pair_countries(parts)
    if countries is None or geo.canonical_country(tok.text) is not None:
        return
    end = tok.i + 1
    while end < len(ctx.tokens) and ctx.tokens[end].dep_ == "compound":
        end += 1
    if end >= len(ctx.tokens) or ctx.tokens[end].pos_ not in ("NOUN", "PROPN"):
        return
    subject = ctx.doc[tok.i : end + 1].text
    for country in countries:
        ctx.add(subject, str(country), tok.i, "other", "pair_of_countries")


def _pair_countries(parts: list[str]) -> list[str] | None:
    """The two countries of "U.S.-Chile" or "U.S.-Mexican": two names, or a name and a
    nationality adjective (two adjectives, "Irish-American", may be one person's descent)."""
    names = [geo.canonical_country(part) for part in parts]
    if None not in names:
        return [str(n) for n in names]
    if names == [None, None]:
        return None
    found = [n or geo.country_of_adjective(part) for n, part in zip(names, parts, strict=True)]
    if None in found or found[0] == found[1]:
        return None
    return [str(n) for n in found]


def events_in_a_country_described_by_where(ctx: CountryContext) -> None:
    """ "troops were sent to Chile, where a civil war is underway": what a "where" clause
    after a country's name says happens there (its subject, a common noun)."""
    for tok in ctx.tokens:
        if tok.lower_ != "where" or tok.i < 2 or ctx.tokens[tok.i - 1].text != ",":
            continue
        mention = ctx.mentions.get(tok.i - 2)
        if mention is None or mention.form != "name" or mention.end != tok.i - 1:
            continue
        verb = tok.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not placeable_subject(ctx, subject, happened=True):
            continue
        ctx.add(
            noun_phrase(ctx, subject),
            mention.country,
            subject.i,
            "other",
            "where_clause_of_country",
        )


# Verbs by which a disaster or an attack hits a country ("An earthquake struck Peru").
_HITTING_VERBS = {"strike", "hit", "rock", "jolt", "shake", "ravage", "devastate", "batter", "lash"}


def events_that_hit_a_country(ctx: CountryContext) -> None:
    """ "A powerful earthquake that struck southern Peru", "A storm hit Chile on Friday": the
    thing that hit a country (a common noun; the noun a relative "that" stands for)."""
    for tok in ctx.tokens:
        if tok.dep_ != "dobj" or tok.head.lemma_ not in _HITTING_VERBS:
            continue
        country = _country_hit(ctx, tok)
        if country is None:
            continue
        subject = _hitting_subject(tok.head)
        if subject is None or not placeable_subject(ctx, subject, happened=True):
            continue
        ctx.add(noun_phrase(ctx, subject), country, subject.i, "other", "event_hit_country")


# Verbs whose subject goes through what its object names ("Peru suffered an earthquake").
_SUFFERING_VERBS = {"suffer", "experience", "endure", "undergo", "witness", "see", "have"}


def events_a_country_suffered(ctx: CountryContext) -> None:
    """ "Peru suffered a strong earthquake", "Chile has been experiencing civil war", "Peru
    had ten years of civil war": the incident a country (named, the subject) went through."""
    for tok in ctx.tokens:
        if tok.dep_ != "nsubj" or tok.head.lemma_ not in _SUFFERING_VERBS:
            continue
        mention = ctx.mentions.get(tok.i)
        if mention is None or mention.form != "name":
            continue
        incident = _incident_suffered(tok.head)
        if incident is not None:
            subject = noun_phrase(ctx, incident)
            ctx.add(subject, mention.country, incident.i, "other", "event_a_country_suffered")


def _incident_suffered(verb: Token) -> Token | None:
    """The verb's object when it names an incident, or the incident a span of time is "of"
    ("ten years of civil war")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_ not in CITY_INCIDENTS:
        obj = next(
            (
                pobj
                for prep in obj.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ),
            None,
        )
    return obj if obj is not None and obj.lemma_ in CITY_INCIDENTS else None


def _country_hit(ctx: CountryContext, obj: Token) -> str | None:
    """The country named as what was hit ("hit Chile"), or as where the thing hit stands
    ("struck the Santa Rosa Cathedral in Cusco, Peru")."""
    mention = ctx.mentions.get(obj.i)
    if mention is not None:
        return mention.country if mention.form == "name" else None
    if obj.pos_ not in ("PROPN", "NOUN"):
        return None
    territory = _territory_named(ctx, obj)
    if territory is not None:
        return territory
    prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return place_named_after(ctx, prep.i) if prep is not None else None


def _territory_named(ctx: CountryContext, obj: Token) -> str | None:
    """ "hit Guam", "hit the island of Guam": a dependent territory, hit, is its state's."""
    names = [obj] + [
        pobj
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for tok in names:
        ent = ctx.ent_of.get(tok.i)
        name = geo.canonical_country(clean(ent.text)) if ent is not None else None
        if name and geo.is_dependency(name):
            return geo.sovereign_country(name)
    return None


def _hitting_subject(verb: Token) -> Token | None:
    """The verb's subject, or the noun its relative pronoun ("that", "which") or its
    participle ("A storm hit Chile" parsed as a noun phrase) stands for."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("that", "which"):
        noun = verb.head if verb.dep_ == "relcl" else None
        if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "with":
            noun = noun.head.head  # "an earthquake with magnitude 6.3 that struck ..."
        return noun
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    return subject


def demonyms_in_a_country(ctx: CountryContext) -> None:
    """ "Peruvians in the United States" (both countries), "The entire crew were Chileans"
    (the crew), "The ancient Peruvians built roads" (a subject, once): people named by a
    plural nationality word."""
    named: set[str] = set()  # the people a plural nationality names, once ("Peruvians")
    for mention in ctx.mentions_in_order:
        tok = ctx.tokens[mention.end - 1]
        if mention.form != "adj" or tok.dep_ in _MODIFIER_DEPS or not _names_people(tok):
            continue
        place = _country_after_in(ctx, mention.end)
        if place is not None:
            subject = ctx.doc[mention.start : place.end].text
            for country in (mention.country, place.country):
                ctx.add(subject, country, mention.start, "other", "demonyms_in_country")
        else:
            _demonym_subject(ctx, mention, tok, named)
        _described_by_demonym(ctx, mention, tok)


def peoples_of_a_country(ctx: CountryContext) -> None:
    """ "Syrian Kurds", "Iraqi Christians", "the Kurds of Iraq", "Uyghurs in China": a people
    or a faith named as a group (a capitalised plural the small model marks a nationality or
    religion, no country's own demonym) with a country's word before it, or "of"/"in" a
    country after it, is of that country (the people's own name links nowhere: "Kurdish
    fighters" or "Kurds" alone name no country)."""
    for noun in ctx.tokens:
        if not _a_people(ctx, noun):
            continue
        country = next(
            (
                ctx.mentions[c.i].country
                for c in noun.lefts
                if c.i in ctx.mentions and c.dep_ in _MODIFIER_DEPS
            ),
            None,
        )
        if country is not None:
            ctx.add(noun_phrase(ctx, noun), country, noun.i, "other", "peoples_of_a_country")
            continue
        place = next(
            (
                ctx.country_in_part(c.i + 1)
                for c in noun.rights
                if c.dep_ == "prep" and c.lower_ in ("of", "in")
            ),
            None,
        )
        if place is not None:
            subject = ctx.doc[_phrase_start(ctx, noun) : place.end].text
            ctx.add(subject, place.country, noun.i, "other", "peoples_of_a_country")


def _a_people(ctx: CountryContext, noun: Token) -> bool:
    """ "Kurds", "Christians": a capitalised plural head noun the small model marks a people or
    faith, or a plural name it marks as nothing ("US Marines", "the Very Large Telescopes in
    Chile": a named set of things of the country); not a country's demonym ("Peruvians" is
    ``demonyms_in_a_country``'s) nor a modifier."""
    if noun.i in ctx.mentions or noun.pos_ not in ("PROPN", "NOUN") or not noun.text[:1].isupper():
        return False
    if noun.dep_ in _MODIFIER_DEPS or not noun.lower_.endswith("s"):
        return False
    return noun.ent_type_ == "NORP" or (noun.tag_ == "NNPS" and not noun.ent_type_)


def _names_people(tok: Token) -> bool:
    """ "Peruvians", and a singular nationality noun that a word of its own describes ("any
    other Afro-Peruvian", "an elderly Chilean"): a word naming people, not a modifier. The
    first half of a hyphened pair ("called him 'Chinese-American'") is part of the word, a
    label, not a word describing it."""
    if tok.lower_.endswith("s"):
        return True
    return tok.pos_ in _NOMINAL and any(
        c.dep_ in ("amod", "compound") and not _hyphened_to(c, tok) for c in tok.lefts
    )


def _hyphened_to(left: Token, tok: Token) -> bool:
    """ "Chinese-American": the left word joined to ``tok`` by a hyphen."""
    return left.i + 2 == tok.i and tok.doc[left.i + 1].text == "-"


# Where a plural nationality word names people of the country: a clause's subject or object
# ("The ancient Peruvians built roads", "a disease that kills young Chileans", "31 percent
# of Bolivians"); as "attr" it describes another noun (``_described_by_demonym``).
_PEOPLE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}
# A nationality word in one of those places is a noun even when tagged an adjective ("than
# any other Afro-Peruvian").
_NOMINAL = {"NOUN", "PROPN", "ADJ"}


def _demonym_subject(
    ctx: CountryContext, mention: CountryMention, tok: Token, named: set[str]
) -> None:
    """ "The ancient Peruvians built roads": the people, the first time the text names them."""
    if tok.dep_ not in _PEOPLE_DEPS or tok.pos_ not in _NOMINAL:
        return
    phrase = noun_phrase(ctx, tok)
    key = phrase.lower()  # "black Peruvians" and "young Peruvians" are two groups, but a
    # bare "Peruvians" after either is the same people again
    if key in named or tok.lower_ in named or any(k.endswith(" " + key) for k in named):
        return
    person = _the_person_meant(ctx, tok)
    if person is not None:
        ctx.add(person, mention.country, tok.i, "person", "demonym_of_person_before")
        return
    named.add(key)
    ctx.add(phrase, mention.country, tok.i, "other", "demonyms_in_country")


def _the_person_meant(ctx: CountryContext, tok: Token) -> str | None:
    """ "Ana Lind won the prize. The 16-year-old Chilean is its youngest winner": a singular
    nationality noun under "the" is the one person named just before (a plural, or "a
    Chilean", is a new group or person)."""
    if tok.lower_.endswith("s") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    return one_named_before(ctx, tok.i)


def _described_by_demonym(ctx: CountryContext, mention: CountryMention, tok: Token) -> None:
    """ "The entire crew were Chileans": the crew; "they were two Chileans": the two."""
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        who = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if who is not None and who.pos_ == "NOUN" and who.i not in ctx.person_tokens:
            ctx.add(noun_phrase(ctx, who), mention.country, who.i, "other", "demonyms_in_country")
        elif (who is None or who.pos_ == "PRON") and has_a_number(tok):
            ctx.add(noun_phrase(ctx, tok), mention.country, tok.i, "other", "demonyms_in_country")


def groups_of_a_stated_nationality(ctx: CountryContext) -> None:
    """ "Of the 40 passengers, 22 were Peruvian", "Most of the victims were Chilean", "The
    crew members were Bolivian": the people a clause says are of a nationality (a group of
    people, or a count of one)."""
    for mention in ctx.mentions_in_order:
        tok = ctx.tokens[mention.end - 1]
        if mention.form != "adj" or tok.dep_ != "acomp" or tok.head.lemma_ != "be":
            continue
        who = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if who is not None and _is_a_count(who):
            who = _counted_group(who)
        if who is not None and _group_of_people_or_bodies(ctx, who):
            ctx.add(noun_phrase(ctx, who), mention.country, who.i, "other", "stated_nationality")


# Words that stand for part of a group ("most of the passengers", "22 of them").
_QUANTIFIERS = {"most", "all", "many", "some", "half", "several", "few", "none", "majority"}


def _is_a_count(tok: Token) -> bool:
    return tok.like_num or tok.lower_ in _QUANTIFIERS


def _counted_group(count: Token) -> Token | None:
    """The group a count is part of: "22 of the passengers", "Of the passengers, 22"."""
    for holder in (count, count.head):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _country_after_in(ctx: CountryContext, k: int) -> CountryMention | None:
    if k + 1 >= len(ctx.tokens) or ctx.tokens[k].lower_ != "in":
        return None
    return ctx.name_mention_from(k + 1)


# Participles after "<country>-" that make the country the thing's leader or backer.
_BACKING_PARTICIPLES = {"led", "backed", "brokered", "funded", "sponsored", "supported", "imposed"}


def things_led_by_a_joined_country(ctx: CountryContext) -> None:
    """ "the U.S.-led coalition", "a U.K.-backed plan": one word of a country and a participle
    of leading or backing (the tokenizer keeps it whole after a dotted abbreviation), to the
    noun it describes."""
    for tok in ctx.tokens:
        country_part, _, participle = tok.text.rpartition("-")
        if not country_part or participle.lower() not in _BACKING_PARTICIPLES:
            continue
        if tok.i in ctx.mentions or tok.head.i <= tok.i or tok.head.pos_ != "NOUN":
            continue
        country = geo.canonical_country(country_part) or geo.country_of_adjective(country_part)
        if country:
            noun = tok.head
            ctx.add(noun_phrase(ctx, noun), country, noun.i, "other", "thing_led_by_country")


def things_a_country_leads(ctx: CountryContext) -> None:
    """ "the Peru-led Andean War", "a Chilean-backed Truce Plan": a named thing led or backed
    by a country (common nouns are ``nationality_nouns``')."""
    for mention in ctx.unique_mentions:
        last = ctx.tokens[mention.end - 1]
        participle = last.head
        if last.dep_ not in ("npadvmod", "amod", "compound") or participle.i <= last.i:
            continue
        if participle.lower_ not in _BACKING_PARTICIPLES or participle.dep_ != "amod":
            continue
        noun = participle.head
        if noun.pos_ != "PROPN" or noun.i <= participle.i or noun.i in ctx.person_tokens:
            continue
        subject = ctx.doc[participle.i + 1 : noun.i + 1].text
        ctx.add(subject, mention.country, noun.i, "other", "thing_a_country_leads")


# Words that open a named storm's name ("Hurricane Lola", "Typhoon Mero"); a depression only
# after its grade ("Tropical Depression Three", not "the Great Depression").
_STORM_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "depression"}
# Words of a storm's grade before "Storm" ("Tropical Storm Lola").
_STORM_GRADES = {"tropical", "subtropical", "post-tropical", "severe", "super"}
# What a storm does to a country it reaches ("makes landfall in", "cleared", "battered") or
# is forecast to reach ("heads towards", "approached", "threatens").
_STORM_VERBS = _HITTING_VERBS | {
    "make", "clear", "cross", "pass", "sweep", "pound", "slam", "reach", "leave", "move",
    "churn", "stall", "linger", "hammer", "flood", "head", "approach", "threaten", "bear",
    "form", "develop", "dissipate",
}  # fmt: skip
_STORM_PREPS = {"in", "over", "across", "through", "into", "on", "towards", "toward", "for"}


def named_storms_in_a_country(ctx: CountryContext) -> None:
    """ "Hurricane Lola makes landfall in the Bahamas", "as the storm known as Hurricane Lola
    cleared the Bahamas": a named storm is linked to the country its verb says it reached."""
    for tok in ctx.tokens:
        if tok.lower_ not in _STORM_WORDS or not tok.text[:1].isupper():
            continue
        end = tok.i + 1
        while end < len(ctx.doc) and _storm_name_word(ctx.doc[end]) and end not in ctx.mentions:
            end += 1
        start = tok.i - (tok.i > 0 and ctx.doc[tok.i - 1].lower_ in _STORM_GRADES)
        if end == tok.i + 1 or (tok.lower_ == "depression" and start == tok.i):
            continue
        for country in _countries_a_storm_reached(ctx, ctx.doc[end - 1]):
            ctx.add(ctx.doc[start:end].text, country, tok.i, "other", "named_storm_in_country")


def _storm_name_word(tok: Token) -> bool:
    """A word of a storm's name: a proper noun, or a capitalised number ("Depression Three")."""
    return tok.pos_ == "PROPN" or (tok.pos_ == "NUM" and tok.text[:1].isupper())


def _countries_a_storm_reached(ctx: CountryContext, name: Token) -> list[str]:
    """The countries named as what the verbs of the storm's clause reached (its verb and the
    verbs joined to it, and their adverbial clauses; past a participle naming it: "the storm
    known as ..."), or whose city or province they reached."""
    verb = name.head
    while (verb.pos_ != "VERB" or verb.dep_ == "acl") and verb.head.i != verb.i:
        verb = verb.head
    found: list[str] = []
    verbs: tuple[Token, ...] = (verb, *verb.conjuncts)
    # "Hurricane Lola strengthens while approaching Kiribati": a clause of the storm's own verb
    # that tells where it goes.
    verbs += tuple(c for v in verbs for c in v.children if c.dep_ == "advcl")
    for v in verbs:
        if v.lemma_.lower() not in _STORM_VERBS:
            continue
        for reached in _what_a_verb_reached(v):
            found += _countries_reached(ctx, reached)
    return found


def _countries_reached(ctx: CountryContext, reached: Token) -> list[str]:
    coast = _country_of_a_coast(ctx, reached)
    if coast is not None:
        return [coast.country]
    mention = ctx.mentions.get(reached.i)
    if mention is not None and mention.form == "name":
        return [mention.country]
    if mention is None and reached.pos_ == "PROPN":
        country = ctx.country_of_place(reached)  # "Typhoon Lola hit Luzon"
        return [country] if country else []
    return []


def _country_of_a_coast(ctx: CountryContext, reached: Token) -> CountryMention | None:
    """ "approaches the U.S. coast", "hit the Peruvian coast", "the coast of Peru": the
    country whose coast the storm reached."""
    if reached.lower_ not in _SHORE_NOUNS:
        return None
    return next((ctx.mentions[w.i] for w in reached.subtree if w.i in ctx.mentions), None)


def _what_a_verb_reached(verb: Token) -> list[Token]:
    """The verb's object ("cleared the Bahamas") and the objects of its place prepositions
    ("makes landfall in the Bahamas")."""
    reached = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _STORM_PREPS:
            reached += [c for c in prep.children if c.dep_ == "pobj"]
    return reached


# Acts a country can back from outside ("an operation supported by Peru").
_BACKED_ACTS = INCIDENT_NOUNS | EVENT_NOUNS | {"operation", "mission", "intervention", "plan"}


def acts_backed_by_a_country(ctx: CountryContext) -> None:
    """ "in an operation supported by Peru", "a raid backed by Chile and Peru": an act a
    participle of backing says a country led or backed is that country's too."""
    for mention in ctx.unique_mentions:
        if mention.form != "name":
            continue
        tok = _first_conjunct(ctx.tokens[mention.end - 1])
        agent = tok.head
        participle = agent.head
        if tok.dep_ != "pobj" or agent.lower_ != "by" or agent.dep_ != "agent":
            continue
        if participle.lower_ not in _BACKING_PARTICIPLES or participle.dep_ != "acl":
            continue
        act = participle.head
        if act.pos_ == "NOUN" and act.lower_ in _BACKED_ACTS:
            ctx.add(noun_phrase(ctx, act), mention.country, act.i, "other", "act_backed_by_country")


# Armed or political groups a country may back or be tied to ("rebels backed by Peru").
_BACKED_GROUPS = {
    "rebel", "militia", "militant", "fighter", "force", "group", "proxy", "faction", "insurgent",
    "movement", "army", "guerrilla",
}  # fmt: skip
# Participles that tie a group to a country through "to"/"with" ("militias linked to Peru").
_TIED_PARTICIPLES = {"linked", "allied", "aligned", "associated", "affiliated", "tied"}


def groups_a_country_backs(ctx: CountryContext) -> None:
    """ "rebels backed by Peru", "the militias are funded by Chile", "militias associated with
    Peru": a group a country backs, or that a participle ties to it, is that country's."""
    for mention in ctx.unique_mentions:
        tok = _first_conjunct(ctx.tokens[mention.end - 1])
        prep, verb = tok.head, tok.head.head
        if mention.form != "name" or tok.dep_ != "pobj" or not _backing_or_tie(prep, verb):
            continue
        group = verb.head if verb.dep_ == "acl" else _passive_subject(verb)
        if group is not None and group.pos_ == "NOUN" and group.lemma_ in _BACKED_GROUPS:
            phrase = noun_phrase(ctx, group)
            ctx.add(phrase, mention.country, group.i, "other", "group_backed_by_country")


def _backing_or_tie(prep: Token, verb: Token) -> bool:
    if prep.lower_ == "by" and prep.dep_ == "agent":
        return verb.lower_ in _BACKING_PARTICIPLES | {"armed"}
    return prep.lower_ in ("to", "with") and verb.lower_ in _TIED_PARTICIPLES


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


# What a body takes or holds of a country ("the Unity Party's takeover of Peru").
_HOLDING_NOUNS = {"takeover", "seizure", "conquest", "rule", "control", "annexation"}


def bodies_that_took_a_country(ctx: CountryContext) -> None:
    """ "the 70th anniversary of the Unity Party's takeover of Peru": the named body whose
    takeover or rule of a country the text names is tied to that country."""
    for mention in ctx.unique_mentions:
        tok = ctx.tokens[mention.end - 1]
        of = tok.head
        noun = of.head
        if mention.form != "name" or tok.dep_ != "pobj" or of.lower_ != "of":
            continue
        if noun.lemma_ not in _HOLDING_NOUNS:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or owner.i in ctx.mentions:
            continue
        ent = ctx.ent_of.get(owner.i)
        if ent is None or ent.label_ not in ("ORG", "NORP"):
            continue
        ctx.add(clean(ent.text), mention.country, ent.start, "organisation", "body_took_country")


# What a court hands down in a case ("the Peru Supreme Court ruling in the Roe v. Lind case").
_RULING_NOUNS = {"ruling", "decision", "judgment", "judgement", "verdict", "opinion"}
_VERSUS = {"v.", "v", "vs.", "vs", "versus"}


def cases_a_national_court_ruled(ctx: CountryContext) -> None:
    """ "the Peru Supreme Court ruling in the Roe v. Lind case": a named case (a law's name,
    or two parties and "v.") a court of a country ruled in is that country's case."""
    for case in ctx.tokens:
        prep = case.head
        if case.lemma_ != "case" or case.dep_ != "pobj" or prep.lower_ != "in":
            continue
        ruling = prep.head
        start = min([c.left_edge.i for c in case.lefts if c.dep_ != "det"] + [case.i])
        name = ctx.doc[start : case.i]
        if ruling.lower_ not in _RULING_NOUNS or not any(
            t.ent_type_ == "LAW" or t.lower_ in _VERSUS for t in name
        ):
            continue
        words = [w for left in ruling.lefts for w in left.subtree]
        court = next((ctx.mentions[w.i] for w in words if w.i in ctx.mentions), None)
        if court is not None and not any(t.i in ctx.mentions for t in name):
            ctx.add(clean(name.text), court.country, name.start, "other", "case_a_court_ruled")


def one_link_per_counted_group(ctx: CountryContext) -> None:
    """ "two million Peruvian refugees" beside "Peruvian refugees", "5000 Chilean troops" beside
    "Chilean troops": a group a nationality names, counted in one sentence and not in
    another, is one group, linked once under its uncounted words (a count is no kind of its
    own, as "mainland" or "military" would be)."""
    groups = {(link.subject, link.country) for link in ctx.links if link.rule == "nationality_noun"}
    ctx.links = [
        link
        for link in ctx.links
        if link.rule != "nationality_noun"
        or not _counted_twin(ctx, link.subject, link.country, groups)
    ]


def _counted_twin(
    ctx: CountryContext, subject: str, country: str, groups: set[tuple[str, str]]
) -> bool:
    """The subject is a count ("two million", "5000") before another group's words."""
    words = subject.split()
    for k in range(1, len(words)):
        count = words[:k]
        if not all(ctx.doc.vocab[w.replace(",", "")].like_num for w in count):
            return False
        if (" ".join(words[k:]), country) in groups:
            return True
    return False
