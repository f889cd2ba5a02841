"""Country rules for things placed by where they are: a building, a site or an incident whose
"in"/"at" phrase states its country, however the place is described ("a hotel in the old
quarter of the Peruvian capital, Lima", "a parking structure at Kelso Airport, Vale in
Norway", "a car park in Tarn, a town in the Orel region of Russia").

The place phrase states the country when it names it, its nationality or a nation within it
("in Dorset, England" is the United Kingdom); a city, a province or a state alone does not
(its own link says where it is; annotators of real news take the country as inferred).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import geo
from .context import CountryContext, clean, ranked_among_others
from .groups import happening_verb, linked_again, placeable_subject
from .words import (
    CITY_INCIDENTS,
    EVENT_NOUNS,
    INCIDENT_PLURALS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    SITE_NOUNS,
    WATER_NOUNS,
    has_a_number,
    human_plural,
)

# Prepositions that put a thing at a place.
_AT_A_PLACE = {"in", "at", "near", "outside", "inside", "off"}
# Links that keep a word inside the description of a place ("the old quarter of the Peruvian
# capital, Lima"): modifiers, appositions, lists and "of"/"in" phrases, never a clause.
_PLACE_DEPS = {"compound", "amod", "nmod", "poss", "appos", "conj", "prep", "pobj", "npadvmod"}
_PLACE_PREPS = {"of", "in", "near", "at", "off"}
# Words that make a death or an attack an incident too ("the death of a bear in ...").
_HAPPENINGS = CITY_INCIDENTS | INCIDENT_PLURALS | {
    "death", "spree", "attacks", "accident", "case", "outbreak",
}  # fmt: skip
# Last words of named grounds ("the Kelso River Reservation", "the Arden Bison Range").
_GROUNDS = {
    "reservation", "reserve", "range", "park", "refuge", "sanctuary", "forest", "gardens",
}  # fmt: skip
# Plural dwellings a "block of ..." or a "row of ..." is made of.
_DWELLINGS = {"flats", "houses", "homes", "apartments", "offices", "shops"}
_LEFT_DEPS = {"compound", "amod", "nmod", "poss", "nummod"}


def stated_country_of_place(ctx: CountryContext, obj: Token) -> str | None:
    """The one country a place phrase states (from its object ``obj``): "the Peruvian capital,
    Lima", "Tarn, a town in the Orel region of Russia", "Dorset, England"; None when it
    states none or two. Worked out once per phrase (``ctx.stated_country``)."""
    if obj.i not in ctx.stated_country:
        ctx.stated_country[obj.i] = _stated_country_of_place(ctx, obj)
    return ctx.stated_country[obj.i]


def _stated_country_of_place(ctx: CountryContext, obj: Token) -> str | None:
    found: set[str] = set()
    cities: set[str] = set()
    stack = [obj]
    while stack:
        tok = stack.pop()
        country = _stated_country(ctx, tok)
        if country:
            found.add(country)
        elif tok.ent_type_ in ("GPE", "LOC") and tok.i not in ctx.mentions and not _water(ctx, tok):
            cities.add(ctx.country_of_place(tok) or "")
        stack.extend(
            c
            for c in tok.children
            if c.dep_ in _PLACE_DEPS and (c.dep_ != "prep" or c.lower_ in _PLACE_PREPS)
        )
    if len(found) != 1 or cities - {"", *found}:
        return None  # none, two, or "in Lima, Chile" (a city of another country)
    return found.pop()


def _water(ctx: CountryContext, tok: Token) -> bool:
    """ "the Red Sea port town of Arden, Peru": a sea or a gulf names a coast, no city of
    another country (whatever region of the data shares its name)."""
    ent = ctx.ent_of.get(tok.i)
    return ent is not None and ent[-1].lower_ in WATER_NOUNS


def _stated_country(ctx: CountryContext, tok: Token) -> str | None:
    mention = ctx.mentions.get(tok.i)
    if mention is not None:
        return mention.country
    ent = ctx.ent_of.get(tok.i)
    if ent is None or ent.label_ not in ("GPE", "LOC") or tok.i != ent.end - 1:
        return None
    name = clean(ent.text)
    return geo.state_of_constituent_country(name) or _country_after_comma(ctx, ent)


def _country_after_comma(ctx: CountryContext, ent: Span) -> str | None:
    """ "in Kottur, Peru" where the parse hangs "Peru" elsewhere: a country's name right after
    a place and a comma is the place's country."""
    k = ent.end
    if k + 1 >= len(ctx.tokens) or ctx.tokens[k].text != ",":
        return None
    mention = ctx.name_mention_at(k + 1)
    if mention is None or ctx.country_of_place(ent.root) not in (None, mention.country):
        return None  # "in Lima, Chile": a big city of another country
    return mention.country


_PLACE_PHRASE_WORDS = frozenset((*_AT_A_PLACE, "on"))


def _a_place_prep(prep: Token) -> bool:
    """ "in", "at", "near", "on" … heading a prepositional phrase: the only words whose
    phrase ``place_phrase_country`` reads."""
    return prep.dep_ == "prep" and prep.lower_ in _PLACE_PHRASE_WORDS


def place_preps(ctx: CountryContext) -> list[Token]:
    """The article's place prepositions (``_a_place_prep``) in text order, found once: three
    rules below walk them, and every other token gives them no country."""
    if ctx.place_prep_tokens is None:
        ctx.place_prep_tokens = [tok for tok in ctx.tokens if _a_place_prep(tok)]
    return ctx.place_prep_tokens


def place_phrase_country(ctx: CountryContext, prep: Token) -> str | None:
    """The country an "in"/"at"/"near" … phrase states (``stated_country_of_place``), or an
    "on" phrase of a kind of place ("on the island of ...")."""
    if not _a_place_prep(prep):
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ == "on" and (obj is None or obj.lower_ not in PLACE_NOUNS):
        return None  # "on" places only on a kind of place: "on the Peruvian island of Arun"
    return stated_country_of_place(ctx, obj) if obj is not None else None


def _happening(noun: Token) -> bool:
    """ "a fire", "protests", "a stabbing spree", "the death of ...": an incident noun, or a
    noun an incident word qualifies."""
    if noun.pos_ != "NOUN" or (noun.lower_ == "fire" and noun.head.lemma_ == "open"):
        return False  # "a gunman opened fire" is shooting
    if noun.tag_ == "NNS" and not any(c.dep_ != "punct" for c in noun.children):
        return False  # "Fires are common in Peru": fires in general
    if noun.lower_ in _HAPPENINGS:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in CITY_INCIDENTS for c in noun.lefts)


def _gathering(noun: Token) -> bool:
    """ "the renaming ceremony on the Peruvian island of Arun", "a rally in Tarn, Russia": an
    event noun, held where its place phrase says (the phrase states the country)."""
    return noun.pos_ == "NOUN" and noun.lower_ in EVENT_NOUNS


def _site(noun: Token) -> bool:
    """A building noun, or one made of dwellings ("a five-storey block of flats")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return noun.lower_ in SITE_NOUNS or any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.lower_ in _DWELLINGS for o in c.children)
        for c in noun.children
    )


def _named_site(ctx: CountryContext, tok: Token) -> Span | None:
    """ "the Hotel Corvo Palace", "Kelso Airport": a named building (the model's FAC, or a
    name ending in a site word)."""
    ent = ctx.ent_of.get(tok.i)
    if ent is None or ent.root.i != tok.i or ent.label_ not in ("FAC", "ORG", "LOC"):
        return None
    if ent.label_ == "LOC" and ent[-1].lower_ not in _GROUNDS:
        return None  # "Kelso Gardens" is a named ground; a region is the place rules'
    if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in ent):
        return None  # a body named with a country is the organisation rules'
    return ent if ent.label_ == "FAC" or _site(ent[-1]) or ent[-1].lower_ in _GROUNDS else None


def _noun_phrase(ctx: CountryContext, noun: Token) -> str:
    """The noun with its modifiers ("deadly boat fire") and an "of <Name>" after it ("the
    headquarters of the Lima Port Authority")."""
    start = min([c.left_edge.i for c in noun.lefts if c.dep_ in _LEFT_DEPS] + [noun.i])
    end = noun.i + 1
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.left_edge.i == end + 1:
        end = obj.i + 1
    return clean(ctx.doc[start:end].text)


def _add(ctx: CountryContext, noun: Token, country: str, rule: str) -> None:
    if noun.i in ctx.person_tokens or linked_again(ctx, noun, country):
        return
    if ranked_among_others(noun):
        return
    named = _named_site(ctx, noun)
    if named is not None:
        ctx.add(clean(named.text), country, noun.i, "place", rule)
    else:
        ctx.add(_noun_phrase(ctx, noun), country, noun.i, "other", rule)


def sites_placed_by_their_place(ctx: CountryContext) -> None:
    """ "a hotel in the old quarter of the Peruvian capital, Lima" (the hotel -> Peru), "the
    Hotel Corvo Palace in Tarn, Russia", "protests in the Serbian capital Belgrade": a
    building or an incident followed by a place phrase that states its country."""
    for prep in place_preps(ctx):
        head = prep.head
        country = place_phrase_country(ctx, prep) if prep.i + 1 < len(ctx.tokens) else None
        if country is None:
            continue
        if (
            _site(head)
            or _named_site(ctx, head) is not None
            or _happening(head)
            or _gathering(head)
        ):
            _add(ctx, head, country, "site_placed")
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and _happening(head.head.head):
            _add(ctx, head.head.head, country, "site_placed")  # "the death of a bear in ..."
        obj = next(c for c in prep.children if c.dep_ == "pobj")
        if _site(obj) or _named_site(ctx, obj) is not None:
            _add(ctx, obj, country, "site_placed")  # "at the town hall of Vale in Norway"


def what_a_placed_clause_tells(ctx: CountryContext) -> None:
    """ "An apartment building collapsed in Tarn, a town in the Orel region of Russia", "a
    fire was reported in a car park at Kelso Airport in Norway", "at the town hall in Vale,
    Norway, a man went on a stabbing spree": the building or incident a clause's place phrase
    places (its subject, object, or the object of another of its prepositions)."""
    for prep in place_preps(ctx):
        verb = clause_verb(prep)
        country = place_phrase_country(ctx, prep) if verb is not None else None
        if verb is None or country is None:
            continue
        for noun in _clause_nouns(verb, prep):
            if _happening(noun) or (noun.dep_.startswith("nsubj") and _site(noun)):
                _add(ctx, noun, country, "clause_placed")
        if verb.i == prep.head.i and _places_people(ctx, prep):
            _counted_people_placed(ctx, prep, country)


def clause_verb(prep: Token) -> Token | None:
    """The verb whose clause a place phrase places: its head, or the verb above the object or
    the time phrase the parse hangs it from ("a blast killed Ana Lind in the port town of
    Arden, Peru"; "On Monday night in Kelso Park in Arden, Peru, a stabbing killed two")."""
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        return head
    above = head.head
    if head.dep_ == "dobj" and above.pos_ == "VERB":
        return above
    timed = head.ent_type_ in ("DATE", "TIME") and head.dep_ == "pobj" and above.dep_ == "prep"
    return above.head if timed and above.head.pos_ == "VERB" else None


# Verbs of an accident: their subject is the thing it happened to ("a plane crashed").
_ACCIDENT_VERBS = {
    "crash", "collapse", "explode", "burst", "break", "sink", "capsize", "derail", "overturn",
    "leak", "detonate",
}  # fmt: skip


def subjects_of_a_stated_place(ctx: CountryContext) -> None:
    """ "A vintage cargo plane crashed near Arden, Peru", "a water main broke in the Peruvian
    town of Arden", "a series of bombings took place in Arden, Peru": the thing an accident
    or a happening befell, where the clause's place phrase states the country however it
    describes the place (as ``groups.subjects_placed_by_their_verb`` takes after "in
    <country>"; a common noun, never a person, people or a body)."""
    for prep in place_preps(ctx):
        verb = clause_verb(prep)
        if verb is None or ctx.name_mention_from(prep.i + 1) is not None:
            continue  # "in Peru": ``subjects_placed_by_their_verb``
        if verb.lemma_ not in _ACCIDENT_VERBS and not happening_verb(verb):
            continue
        country = place_phrase_country(ctx, prep)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if country is None or subject is None or not _a_thing(subject):
            continue
        if linked_again(ctx, _quantified(subject), country):
            continue  # "a spate of bombings ... the bombings in Peru": linked once
        if placeable_subject(ctx, subject, happened=True) and not _site(subject):
            _add(ctx, subject, country, "subject_of_stated_place")


# Prepositions of the path an accident took ("crashed into a wall", "skidded off a bridge").
_PATH_PREPS = {"into", "onto", "off", "through", "across", "against"}


def accidents_placed_beside_their_verb(ctx: CountryContext) -> None:
    """ "A city bus crashed into a wall in Leeds, England", "a small plane in Oregon, United
    States crashed": the thing an accident befell, when the place phrase that states the
    country hangs from the object of the accident's path or from the thing itself (as
    ``subjects_of_a_stated_place`` takes one that hangs from the verb)."""
    for prep in place_preps(ctx):  # (no other token states a country)
        found = _accident_beside(prep)
        if found is None or ctx.name_mention_from(prep.i + 1) is not None:
            continue
        subject, verb = found
        country = place_phrase_country(ctx, prep)
        if country is None or verb.lemma_ not in _ACCIDENT_VERBS or not _a_thing(subject):
            continue
        if placeable_subject(ctx, subject, happened=True) and not _site(subject):
            _add(ctx, subject, country, "accident_placed_beside_its_verb")


def _accident_beside(prep: Token) -> tuple[Token, Token] | None:
    """(subject, verb) when ``prep`` hangs from the verb's subject ("a plane in Peru crashed")
    or from the object of its path ("crashed into a wall in Peru")."""
    head = prep.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB":
        return head, head.head
    path = head.head
    if head.dep_ != "pobj" or path.lower_ not in _PATH_PREPS or path.head.pos_ != "VERB":
        return None
    verb = path.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject, verb) if subject is not None else None


# Past forms of the accident verbs, which the small model may read as the noun that ends a
# subject ("a water main broke": "broke" a noun, "main" its modifier).
# (and a headline's present: "Water main bursts in ...").
_ACCIDENT_PASTS = (
    {v + ("d" if v.endswith("e") else "ed") for v in _ACCIDENT_VERBS}
    | {v + ("es" if v.endswith("h") else "s") for v in _ACCIDENT_VERBS}
    | {"broke", "burst", "sank", "sunk"}
)


def accidents_read_as_nouns(ctx: CountryContext) -> None:
    """ "A water main broke in the Peruvian town of Arden", "a water main burst in Peru": a
    sentence the small model reads as one noun phrase ending in the verb ("water main broke",
    ROOT) is still an accident: the words before the verb are the thing it befell, placed by
    the verb's place phrase (``subjects_of_a_stated_place`` with the verb read right)."""
    for verb in ctx.tokens:
        if verb.dep_ != "ROOT" or verb.pos_ != "NOUN" or verb.lower_ not in _ACCIDENT_PASTS:
            continue
        thing = _thing_before_a_misread_verb(verb)
        if thing is None:
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _AT_A_PLACE):
            mention = ctx.name_mention_from(prep.i + 1)
            country = mention.country if mention is not None else place_phrase_country(ctx, prep)
            if country is not None and not linked_again(ctx, thing[-1], country):
                ctx.add(clean(thing.text), country, thing.start, "other", "accident_read_as_noun")


def _thing_before_a_misread_verb(verb: Token) -> Span | None:
    """ "water main" of "A water main broke": the common words between the determiner and the
    verb (all modifiers of the verb in the misreading); None when there are none or a name."""
    words = [c for c in verb.lefts if c.dep_ in ("compound", "amod", "nmod", "nsubj")]
    if not words or words[-1].i != verb.i - 1:
        return None
    start = words[0].left_edge.i
    while start < verb.i and verb.doc[start].pos_ == "DET":
        start += 1
    span = verb.doc[start : verb.i]
    if not span or any(t.pos_ not in ("NOUN", "ADJ") or t.ent_type_ for t in span):
        return None
    if span[-1].lower_ in PERSON_NOUNS or human_plural(span[-1].lower_):
        return None
    return span


# Words of a quantity of things ("a couple of bombings", "a spate of fires").
_QUANTITIES = {"couple", "series", "spate", "wave", "string", "handful", "pair"}


def _quantified(noun: Token) -> Token:
    """ "a spate of bombings": the bombings (the thing a quantity counts)."""
    if noun.lower_ not in _QUANTITIES:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None else noun


def _a_thing(noun: Token) -> bool:
    """A common noun that names no one: "plane", "water main" (not "crew", "people")."""
    return (
        noun.pos_ == "NOUN"
        and not noun.ent_type_
        and noun.lower_ not in PERSON_NOUNS
        and not human_plural(noun.lower_)
    )


def _counted_people_placed(ctx: CountryContext, prep: Token, country: str) -> None:
    """ "Police held twelve people in Kottur, India", "40 students marching in Peru": a counted
    group the clause (or a participle after the group) places in a country."""
    verb = prep.head
    for noun in verb.children:
        if noun.dep_ in _ARGUMENTS and counted_people(noun):
            _add(ctx, noun, country, "counted_people_placed")
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and counted_people(verb.head):
        _add(ctx, verb.head, country, "counted_people_placed")


_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")


def _places_people(ctx: CountryContext, prep: Token) -> bool:
    """An "in" phrase of a place right on the verb ("in Peru", "in the Peruvian capital"); not
    one after an "at <site>" phrase ("rallied at Kelso Square in ..." places the square), nor
    "at", "on" or "near" (a site's own place), nor "in support of <Peru's president>"."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ != "in" or obj is None:
        return False
    if obj.i not in ctx.mentions and obj.pos_ != "PROPN" and obj.lower_ not in PLACE_NOUNS:
        return False
    return not any(c.lower_ == "at" and c.right_edge.i + 1 == prep.i for c in prep.head.children)


def counted_people(noun: Token) -> bool:
    """ "twelve people", "35 thousand students": a plural noun of people with a number, the
    count of what happened in a place (an uncounted "people" there is anyone). Only an "in"
    phrase places them: "at Kelso Square in ..." or "On the island of ..." places the site."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    return human_plural(noun.lower_) and has_a_number(noun)


def _clause_nouns(verb: Token, prep: Token) -> list[Token]:
    nouns: list[Token] = _controlling_subject(verb)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            nouns.append(child)
        elif child.dep_ == "prep" and child.i != prep.i:
            nouns.extend(
                c
                for c in child.children
                if c.dep_ == "pobj" and (child.lower_ not in _AT_A_PLACE or _happening(c))
            )
    return nouns


def _controlling_subject(verb: Token) -> list[Token]:
    """ "A bombing was reported to have killed two men in Kelso, Peru": a verb with no subject
    of its own, under "to" after another verb, has that verb's subject (the bombing)."""
    if verb.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


# Participles of a body in charge of a site ("the Arden Range, run by the Peruvian state").
_RUN_BY = {"run", "operated", "managed", "owned", "administered", "maintained"}


def sites_run_by_a_national_body(ctx: CountryContext) -> None:
    """ "the Arden Bison Range in western Xaloca run by the Peruvian federal government": a
    named site a body of a country runs is in that country (the participle may follow the
    site's own place phrase)."""
    for verb in ctx.tokens:
        if verb.lower_ not in _RUN_BY or verb.tag_ != "VBN":
            continue
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        body = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if body is None:
            continue
        country = next((ctx.mentions[t.i].country for t in body.lefts if t.i in ctx.mentions), None)
        site = _site_before(ctx, verb.i)
        if country is not None and site is not None:
            ctx.add(clean(site.text), country, site.start, "place", "site_run_by_body")


def _site_before(ctx: CountryContext, k: int) -> Span | None:
    """The named site that ends right before ``k``, or before its "in <place>" phrase."""
    j = k - 1
    if j >= 0 and ctx.tokens[j].text == ",":
        j -= 1
    for _ in range(4):
        if j < 0:
            return None
        named = _named_site(ctx, ctx.tokens[j])
        if named is not None:
            return named
        if ctx.tokens[j].lower_ == "in":
            j -= 1
            continue
        if ctx.tokens[j].pos_ not in ("PROPN", "ADJ") and ctx.tokens[j].ent_type_ != "GPE":
            return None
        j -= 1
    return None
