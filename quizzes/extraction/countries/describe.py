"""How the text ties a word to a country: the lookups the country rules share ("Russia's
foreign minister", "a British diplomat", "the president of Kenya", "based in Tashkent")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import geo
from .context import CountryContext, two_letter_code
from .words import DESCENT_NOUNS, NAME_PARTICLES, OFFICES, SITED

_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}
_BASED = {"base", "headquarter", "locate"}
_SIDE_DEPS = {"relcl", "advcl", "ccomp", "conj", "cc", "punct"}
Found = tuple["str | None", "str | None"]  # (country, office)


def country_in_description(
    ctx: CountryContext, head: Token, exclude: Token | None, *, based: bool = True
) -> Found:
    """A country qualifying a description noun: "Russia's foreign minister", "a British
    diplomat", "the president of Kenya", "... based in Tashkent", "a chemist at the
    university in Belo Horizonte". Returns (country, the noun when it is an office)."""
    office = head.lower_ if head.lower_ in OFFICES else None
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if (exclude is not None and child.i == exclude.i) or _aside(child):
                continue
            country = _country_of_modifier(ctx, head, child, based)
            if country:
                return country, office
            if child.dep_ in {"prep", "pobj", "acl"} | _MODIFIER_DEPS and not _named_event(child):
                stack.append(child)
    return None, None


def _named_event(tok: Token) -> bool:
    """ "an opponent of the Iraq War", "a veteran of the Vietnam War", "a Vietnam War veteran":
    the country names the war, not the person; nor does "a Canadian of Peruvian descent" make
    the Canadian Peruvian (``persons.people_of_a_descent`` links the descent)."""
    if tok.dep_ == "pobj" and tok.lower_ in DESCENT_NOUNS:
        return True
    if tok.dep_ == "compound":
        return tok.ent_type_ == "EVENT" and tok.ent_iob_ == "I" and tok.text[:1].isupper()
    return tok.dep_ == "pobj" and tok.ent_type_ == "EVENT"


def _aside(child: Token) -> bool:
    return child.dep_ in _SIDE_DEPS or (child.dep_ == "acl" and child.lemma_ not in _BASED)


# Words after a nationality that make it a church's name, not a country ("Greek Orthodox").
_DENOMINATIONS = {"orthodox", "catholic"}


def _denomination(ctx: CountryContext, child: Token) -> bool:
    """ "a Greek Orthodox church", "a Roman Catholic priest": a faith, no nationality."""
    mention = ctx.mentions.get(child.i)
    k = mention.end if mention is not None else child.i + 1
    return k < len(ctx.doc) and ctx.doc[k].lower_ in _DENOMINATIONS


# Nouns of a stance toward someone: "a critic of Russia" is nobody of Russia.
_STANCE_NOUNS = {
    "critic", "opponent", "supporter", "ally", "friend", "foe", "enemy", "admirer", "sceptic",
    "skeptic", "detractor", "champion", "advocate",
}  # fmt: skip


def _country_of_modifier(ctx: CountryContext, head: Token, child: Token, based: bool) -> str | None:
    mention = ctx.mentions.get(child.i)
    if mention is not None and _denomination(ctx, child):
        return None
    if (
        child.dep_ == "pobj"
        and child.head.head.lemma_ in _STANCE_NOUNS
        and child.head.lower_ != "from"  # "a two-time champion from Kenya" is Kenyan
    ):
        return None  # "far more a critic of Chile than X was"
    based_in = (
        based
        and child.dep_ == "pobj"
        and child.head.lower_ == "in"
        and child.head.head.lemma_ in _BASED
    )
    if mention and (
        child.dep_ in _MODIFIER_DEPS | {"npadvmod"}  # "an Iranian-backed militia"
        or (child.dep_ == "pobj" and child.head.lower_ in {"of", "from"})
        or based_in
        or _national_body_for(head, child)
        or _country_of_a_place(ctx, child, mention.start)
    ):
        return mention.country  # "a British diplomat", "minister of Peru"
    if based_in or (child.dep_ == "pobj" and child.head.lower_ == "in" and child.head.i != head.i):
        return ctx.country_of_place(child)  # "based in Tashkent"
    if (
        based
        and child.dep_ == "npadvmod"
        and child.head.lemma_ in _BASED
        and child.i < child.head.i
    ):
        return ctx.country_of_place(child)  # "a Nairobi-based analyst"
    return None


def _country_of_a_place(ctx: CountryContext, child: Token, start: int) -> bool:
    """ "the governor of the state of Xaloca, Peru", "owner of a farm near Arvo, Peru": a
    place in the description written with its country."""
    place = child.head
    return (
        child.dep_ == "appos"
        and place.dep_ == "pobj"
        and place.i == start - 2
        and ctx.tokens[place.i + 1].text == ","
        and (place.ent_type_ in {"GPE", "LOC"} or ctx.country_of_place(place) is not None)
    )


def _national_body_for(head: Token, child: Token) -> bool:
    """ "the national weather service for Norway": a national body serving a country is that
    country's ("a charity for Peru" is not national, so not Peru's)."""
    return (
        child.dep_ == "pobj"
        and child.head.lower_ == "for"
        and child.head.head.i == head.i
        and any(c.dep_ == "amod" and c.lower_ == "national" for c in head.children)
    )


# ----------------------------------------------------------------------------- a noun's country
def describing_country(ctx: CountryContext, noun: Token) -> tuple[str | None, Token | None]:
    """The country in a noun's left modifiers ("Norway's", "Dutch", "Lagos-based", "the
    country's") or its "in"/"from"/"of" phrase ("in South Korea", "of Nigeria"; returned with
    the preposition), else of the name it describes, else a possessive the parse lost
    ("... and Tanzania's state utility Tanesco")."""
    country = _country_on_the_left(ctx, noun)
    if country:
        return country, None
    found = _country_after(ctx, noun)
    if found is not None:
        return found
    country = _country_of_named_head(ctx, noun) or _possessive_before(ctx, noun)
    return country, None


def _country_on_the_left(ctx: CountryContext, noun: Token) -> str | None:
    for child in noun.lefts:
        if (
            child.dep_ == "poss"
            and child.lower_ == "country"
            and any(d.dep_ == "det" and d.lower_ == "the" for d in child.children)
        ):
            country = ctx.the_country(child.i)  # "the country's health agency"
            if country:
                return country
        for t in child.subtree:
            country = _left_modifier_country(ctx, t)
            if country:
                return country
    return None


def _left_modifier_country(ctx: CountryContext, t: Token) -> str | None:
    mention = ctx.mentions.get(t.i)
    if (
        mention
        and t.dep_ in _MODIFIER_DEPS | {"npadvmod"}
        and not (two_letter_code(t.text) and t.ent_type_ not in {"GPE", "NORP"})
    ):
        return mention.country  # not "the IT department"
    if t.lower_ == "based" and t.i >= 2 and ctx.tokens[t.i - 1].text == "-":
        return ctx.country_of_place(ctx.tokens[t.i - 2])  # "Lagos-based"
    return None


def _country_after(ctx: CountryContext, noun: Token) -> tuple[str, Token] | None:
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in {"in", "from", "of"}:
            continue
        for obj in child.children:
            mention = ctx.mentions.get(obj.i)
            if obj.dep_ == "pobj" and mention and mention.form == "name":
                return mention.country, child
            city = _city_in(ctx, child, obj)
            if city:
                return city, child
    return None


def _city_in(ctx: CountryContext, prep: Token, obj: Token) -> str | None:
    """ "a court in Multan": the country of the city a described noun is in."""
    if prep.lower_ != "in" or obj.dep_ != "pobj" or obj.pos_ != "PROPN":
        return None
    return ctx.country_of_place(obj)


def _country_of_named_head(ctx: CountryContext, noun: Token) -> str | None:
    if noun.dep_ != "compound" or noun.head.pos_ != "PROPN":
        return None
    for child in noun.head.lefts:
        mention = ctx.mentions.get(child.i)
        if mention and child.dep_ in _MODIFIER_DEPS:
            return mention.country
    return None


def _possessive_before(ctx: CountryContext, noun: Token) -> str | None:
    k = min([c.left_edge.i for c in noun.lefts] + [noun.i]) - 1
    if k >= 1 and ctx.doc[k].tag_ == "POS":
        mention = ctx.mentions.get(k - 1)
        if mention and mention.form == "name":
            return mention.country
    return None


def place_noun_country(ctx: CountryContext, noun: Token) -> str | None:
    """ "the Ukrainian city", "Indonesia's Central Java province", "a region of Peru"."""
    for child in noun.children:
        mention = ctx.mentions.get(child.i)
        if mention and child.dep_ in _MODIFIER_DEPS and child.i < noun.i:
            return mention.country
        if child.dep_ == "prep" and child.lower_ in {"in", "of"}:
            country = ctx.country_named_by(child)
            if country is not None:
                return country
    return None


# ----------------------------------------------------------------------------- names
def title_mention(ctx: CountryContext, tok: Token) -> bool:
    """A country word that is part of a title, not of the name: "Russian", "Japan's" (not
    "Jordan" of Jordan Henderson)."""
    mention = ctx.mentions.get(tok.i)
    if mention is None:
        return False
    if mention.form == "adj":
        return True
    nxt = tok.doc[mention.end] if mention.end < len(tok.doc) else None
    return nxt is not None and (nxt.tag_ == "POS" or nxt.text in {"'s", "\u2019s"})


def person_name(ctx: CountryContext, ent: Span) -> Span | None:
    """The name part of a PERSON entity, or of an entity the people index knows as a person."""
    if ent.label_ == "PERSON":
        return _name_of_person_entity(ctx, ent)
    if ent.label_ not in {"ORG", "NORP", "GPE", "FAC", "PRODUCT"}:
        return None
    return _name_after_a_seat(ent) or _known_name_in(ctx, ent)


def _known_name_in(ctx: CountryContext, ent: Span) -> Span | None:
    """The name inside another entity: a person the index knows, or names after a title."""
    canonical = ctx.canonical_person(ent.text)
    words = set(re.split(r"[\s\-]+", canonical)) if canonical else set()
    for k in range(ent.start, ent.end):
        tok = ent.doc[k]
        if canonical and tok.text in words:
            return ent.doc[k : ent.end]
        # Without a people index: a title then capitalised names ("Kazakh President Kassym Tokayev").
        if not canonical and tok.lower_ in OFFICES and ent.end - k - 1 >= 2:
            rest = ent.doc[k + 1 : ent.end]
            if all(t.pos_ == "PROPN" or t.is_punct for t in rest):
                return rest
    return None


# Titles of members elected for a seat ("Senator from Maule", "Representative from Ohio").
SEAT_TITLES = {"senator", "sen", "representative", "rep", "congressman", "congresswoman", "mp"}


def _name_after_a_seat(ent: Span) -> Span | None:
    """ "Senator from Vermont Ana Lind" read as one organisation "Vermont Ana Lind": after a
    seat's title and "from", the state or province (``geo.region_country``) is the seat and
    the two or more capitalised words after it are the name."""
    doc = ent.doc
    k = ent.start
    if k < 2 or doc[k - 1].lower_ != "from" or doc[k - 2].lower_.rstrip(".") not in SEAT_TITLES:
        return None
    for cut in range(ent.start + 1, ent.end - 1):
        rest = doc[cut : ent.end]
        if geo.region_country(doc[ent.start : cut].text) and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest
        ):
            return rest
    return None


def _name_of_person_entity(ctx: CountryContext, ent: Span) -> Span | None:
    doc = ent.doc
    start = ent.start
    while start < ent.end - 1 and (doc[start].lower_ in OFFICES or title_mention(ctx, doc[start])):
        start += 1
    end = ent.end
    if doc[end - 1].tag_ == "POS" or doc[end - 1].text in {"'s", "\u2019s"}:
        end -= 1
    return doc[start:end] if end > start else None


def proper_name(ctx: CountryContext, tok: Token) -> str | None:
    """The proper name headed by ``tok`` ("St Petersburg", every word of "Kuwala Health
    Trust", not only the parse's last compound), unless it is a person or a country."""
    if (
        tok.pos_ != "PROPN"
        or not tok.text[:1].isupper()
        or tok.i in ctx.mentions
        or tok.i in ctx.person_tokens
    ):
        return None
    doc = ctx.doc
    start = tok.i
    while start > 0 and _name_word_before(ctx, doc[start - 1], tok):
        start -= 1
    text = doc[start : tok.i + 1].text
    person = ctx.canonical_person(text)
    if person and " " in person:
        return None
    return text


def _name_word_before(ctx: CountryContext, prev: Token, tok: Token) -> bool:
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.i not in ctx.mentions
        and prev.i not in ctx.person_tokens
        and prev.i + 1 <= prev.head.i <= tok.i
    )


def full_span(ctx: CountryContext, ent: Span) -> Span:
    """The entity with the parts the small model cuts off: "Foreign, " of "Foreign,
    Commonwealth and Development Office", "do Sul" of "Rio Grande do Sul"."""
    doc = ctx.doc
    start, end = ent.start, ent.end
    if (
        start >= 2
        and doc[start - 1].text == ","
        and doc[start - 2].pos_ == "PROPN"
        and doc[start - 2].text[:1].isupper()
        and doc[start - 2].i not in ctx.mentions
        and any(t.lower_ == "and" for t in ent)
    ):
        start -= 2
    if start >= 2 and doc[start - 1].text in ("-", "\u2013") and start - 2 in ctx.mentions:
        start = ctx.mentions[start - 2].start  # "Iran–" of "the Iran–Iraq War"
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in NAME_PARTICLES
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].pos_ == "PROPN"
    ):
        end += 2
    country = ctx.name_mention_at(end)
    if ent.label_ == "ORG" and country is not None and doc[end - 1].text[:1].isupper():
        end = country.end  # "Youth Forum | Kenya": the branch's country ends its name
    elif ent.label_ == "ORG":
        end = _of_a_country_after(ctx, end)
    return doc[start:end]


def _of_a_country_after(ctx: CountryContext, end: int) -> int:
    """ "the High Court | of Chile", "the Flood Council | (FC) of Peru": the
    country after "of" (and after the body's bracketed acronym) ends the body's name."""
    doc = ctx.doc
    k = end
    if k + 3 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3  # "(FC)"
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return end
    country = ctx.name_mention_from(k + 1)
    return country.end if country is not None else end


def place_after(ctx: CountryContext, span: Span) -> str | None:
    """The country of "in <place>" right after a name, or of ", held in <place>" ("the World
    Malaria Congress, held in Lisbon, Portugal")."""
    doc = ctx.doc
    k = span.end
    if (
        k + 3 < len(doc)
        and doc[k].text == ","
        and doc[k + 1].lower_ in SITED
        and doc[k + 2].lower_ in {"in", "at"}
    ):
        k += 2
    if k + 1 < len(doc) and doc[k].lower_ == "in":
        return ctx.country_of_place(doc[k + 1])
    return None


def town_with_its_country_after(ctx: CountryContext, span: Span) -> str | None:
    """ "Kelso Farm near Arvo, Peru", "the Arden Lodge in Arvo, Peru": a name placed in or near
    a town the text writes with its country."""
    doc = ctx.doc
    k = span.end
    if k + 1 >= len(doc) or doc[k].lower_ not in {"in", "near"}:
        return None
    place = ctx.ent_of.get(k + 1)
    if place is None or place.start != k + 1 or place.label_ not in {"GPE", "LOC"}:
        return None
    if place.end + 1 >= len(doc) or doc[place.end].text != ",":
        return None
    mention = ctx.name_mention_at(place.end + 1)
    if mention is None or ctx.place_country(place.text, place.start) not in (None, mention.country):
        return None  # "the Santa Rosa Cathedral in Lima, Chile": a Lima the data puts in Peru
    return mention.country
