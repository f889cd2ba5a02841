"""Country rules for places and what happens there: datelines, events held in a place,
facilities, counted things, and cities, provinces and states."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .. import geo
from ..dates import doc_text
from ..dates.patterns import DAY_AND_MONTH_NAMES
from ..lexicon import ORG_WORDS, SUBJECT_DEPS
from ..sentences import dateline, entities
from ..text import regex
from .context import CountryContext, CountryMention, clean
from .describe import place_after, place_noun_country
from .words import (
    CODED_NAME,
    DIRECTIONS,
    EVENT_NOUNS,
    FACILITY_NOUNS,
    HOLD_VERBS,
    LOCATIVE_PREPS,
    PLACE_NOUNS,
    SITED,
    human_plural,
)

Placed = tuple[str, Token]  # (country, the token naming the place)


# ============================================================================ rule 11
def dateline_links(ctx: CountryContext) -> None:
    """Rule 11: "LILONGWE, Malawi (AP) —", "SEOUL/TOKYO, May 14 (Reuters) -": the dateline's
    cities (in capitals, so unknown to the small model) and their country; the first one is
    the country "the country" falls back to."""
    for sent in ctx.sentences:
        found = dateline(sent)
        if found is None:
            continue
        qualifier = found.qualifier
        stated = geo.canonical_country(qualifier) or (
            geo.region_country(qualifier) if qualifier[:1].isalpha() else None
        )
        for city in found.cities:
            country = _dateline_city_country(ctx, city, qualifier, stated, sent.start)
            if not country:
                continue
            if not geo.is_country(city):
                ctx.add(city, country, sent.start, "place", "dateline")
            if ctx.dateline_country is None:
                ctx.dateline_country = country


def _dateline_city_country(
    ctx: CountryContext, city: str, qualifier: str, stated: str | None, at: int
) -> str | None:
    if geo.is_country(city):
        return geo.canonical_country(city)
    if stated:
        return geo.city_country(f"{city}, {qualifier}") or ctx.place_country(city, at)
    return ctx.place_country(city, at)


# ============================================================================ rule 5
def _place_under(ctx: CountryContext, prep: Token) -> Placed | None:
    if prep.lower_ not in {"in", "at"}:
        return None
    for obj in prep.children:
        if obj.dep_ == "pobj":
            country = ctx.country_of_place(obj)
            if country:
                return country, obj
            named = _named_after_kind(obj)
            country = ctx.country_of_place(named) if named is not None else None
            if named is not None and country:
                return country, named
    return None


def _named_after_kind(kind: Token) -> Token | None:
    """ "in the states of Xaloca and Arun": the first place a kind of place names."""
    if kind.lower_ not in PLACE_NOUNS | {"states", "provinces", "regions", "cities"}:
        return None
    of = next((c for c in kind.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def place_of_event_phrase(ctx: CountryContext, event: Token) -> Placed | None:
    """ "the SCO meeting in Tashkent", "the summit, held in Lisbon"."""
    for child in event.children:
        if child.dep_ == "prep":
            found = _place_under(ctx, child)
            if found:
                return found
        if child.dep_ == "acl" and child.lemma_ in HOLD_VERBS | {"hold"}:
            for prep in child.children:
                found = _place_under(ctx, prep) if prep.dep_ == "prep" else None
                if found:
                    return found
    return None


def _verb_of_event(event: Token) -> Token | None:
    head = event.head
    if event.dep_ == "pobj" and head.lower_ in {"for", "at", "to"}:
        verb = head.head
    elif event.dep_ in {"dobj", "nsubjpass"}:
        verb = head
    else:
        return None
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def place_of_gathering(ctx: CountryContext, event: Token) -> Placed | None:
    """ "leaders gathered in Uzbekistan for the meeting", "attended the summit in Paris"."""
    verb = _verb_of_event(event)
    if verb is None:
        return None
    head = event.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i != head.i:
            found = _place_under(ctx, prep)
            if found:
                return found
    return None


def host_country(ctx: CountryContext, event: Token) -> Placed | None:
    """ "Peru hosted the summit"."""
    verb = _verb_of_event(event)
    if verb is None or verb.lemma_ not in HOLD_VERBS or event.dep_ != "dobj":
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            country = ctx.country_of_place(child)
            if country:
                return country, child
    return None


def fronted_place(ctx: CountryContext, tok: Token) -> Placed | None:
    """ "In Peru, where ..., polls show no favourite ahead of the April 12 presidential
    election": a sentence that opens with "In <country>," places what it tells."""
    n = ctx.sent_of[tok.i]
    if n < 0:
        return None
    sent = ctx.sentences[n]
    if sent[0].lower_ != "in" or len(sent) < 4:
        return None
    mention = ctx.name_mention_at(sent.start + 1)
    if mention is None or mention.end >= sent.end or ctx.doc[mention.end].text != ",":
        return None
    return mention.country, ctx.doc[mention.start]


EventPlaceRule = Callable[[CountryContext, Token], "Placed | None"]
EVENT_PLACE_RULES: tuple[EventPlaceRule, ...] = (
    place_of_event_phrase,
    place_of_gathering,
    host_country,
    fronted_place,
)


def event_links(ctx: CountryContext) -> None:
    """Rule 5: an event held in a place (``EVENT_PLACE_RULES``, first that finds one): "the
    SCO meeting in Tashkent", "Peru hosted the summit", "an investor day in Singapore" (a
    "day" named by a compound), "after Cop26 in Glasgow"; acronyms are spelt out from the
    article ("SCO" -> "Shanghai Cooperation Organisation"). A bare event noun counts only
    when a participle places it ("The congress, held in Lisbon"). A vote placed by a state or
    province only is that region's ("primary elections in Ohio and Iowa"): real-news
    annotators leave its country as inferred."""
    for tok in ctx.tokens:
        if CODED_NAME.match(tok.text) and tok.i not in ctx.ent_of:
            country = place_after(ctx, ctx.doc[tok.i : tok.i + 1])
            if country:
                ctx.add(tok.text, country, tok.i, "event", "coded_event")
            continue
        if not _event_noun(tok):
            continue
        rule, place = next(
            ((r, p) for r in EVENT_PLACE_RULES if (p := r(ctx, tok)) is not None), (None, None)
        )
        if rule is None or place is None or _a_region_alone(ctx, tok, place[1]):
            continue
        subject = _named_with_its_place(ctx, tok) or _event_phrase(ctx, tok)
        held = any(c.dep_ == "acl" and c.lower_ in SITED for c in tok.children)
        if subject and (subject.lower() not in EVENT_NOUNS or held):
            ctx.add(subject, place[0], tok.i, "event", f"event_{rule.__name__}")


def _a_region_alone(ctx: CountryContext, event: Token, place: Token) -> bool:
    """A vote placed by a province or state (``geo.region_country``), not a city nor a
    country, in a sentence that names no country: "in Ohio, a primary election was held" is
    the state's vote ("the Peru Party held primaries in the states of ..." states it)."""
    if event.lower_ not in _VOTE_NOUNS:
        return False
    ent = ctx.ent_of.get(place.i)
    name = clean(ent.text) if ent is not None else place.text
    if geo.region_country(name) is None or geo.is_country(name):
        return False
    n = ctx.sent_of[event.i]
    sent = ctx.sentences[n] if n >= 0 else ctx.doc[event.i : event.i + 1]
    return not any(k in ctx.mentions for k in range(sent.start, sent.end))


# Votes a place's voters cast ("voters in Xaloca vote in a by-election").
_VOTE_NOUNS = {
    "election", "elections", "by-election", "referendum", "plebiscite", "primary",
    "primaries", "caucus", "caucuses", "runoff",
}  # fmt: skip
_VOTERS = {"voter", "elector"}


def elections_of_placed_voters(ctx: CountryContext) -> None:
    """Rule 5b: "voters in the Peruvian district of Arden vote in a by-election":
    the vote its voters' place puts in a country, a bare "by-election" too (the voters say
    where it is held)."""
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lemma_ not in _VOTERS or tok.dep_ not in SUBJECT_DEPS:
            continue
        country = _voters_country(ctx, tok)
        if country is None:
            continue
        for vote in tok.head.subtree:
            if vote.lower_ in _VOTE_NOUNS and vote.pos_ in {"NOUN", "PROPN"}:
                ctx.add(_vote_phrase(ctx, vote), country, vote.i, "event", "election_of_voters")


def _voters_country(ctx: CountryContext, voters: Token) -> str | None:
    for prep in voters.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if obj.pos_ == "NOUN" and obj.lower_ in PLACE_NOUNS:
                return place_noun_country(ctx, obj)  # "in the Peruvian district of Arden"
            return ctx.country_of_place(obj)
    return None


def _vote_phrase(ctx: CountryContext, vote: Token) -> str:
    """ "by-election" whole (the small model reads "by" as a preposition), else the vote's
    name with its modifiers ("the 2020 Arden by-election" -> "2020 Arden by-election")."""
    doc = ctx.doc
    k = vote.i
    if k >= 2 and doc[k - 1].text == "-" and doc[k - 2].lower_ == "by":
        return doc[k - 2 : k + 1].text
    return _event_phrase(ctx, vote)


# Nouns of an occasion a name is given to ("an event known as X").
_OCCASIONS = {"event", "day", "occasion"}
_NAMING_VERBS = {"know", "call", "dub", "name", "nickname"}


def events_named_for_a_country(ctx: CountryContext) -> None:
    """Rule 5c: "an event known as "Big Monday" in the context of US presidential elections",
    "a day called X in Peru": the name an event is given, when the event's own phrase names
    the country (its "in"/"of" phrases; the name is the event's)."""
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or (tok.lower_ not in _OCCASIONS and tok.lower_ not in EVENT_NOUNS):
            continue
        names = [
            obj
            for acl in tok.children
            if acl.dep_ == "acl" and acl.lemma_ in _NAMING_VERBS
            for prep in (acl, *acl.children)
            for obj in prep.children
            if obj.dep_ in ("pobj", "oprd") and obj.pos_ == "PROPN"
        ]
        if not names:
            continue
        country = _country_in_phrases(ctx, tok)
        if country is None:
            continue
        name = names[0]
        start = min([c.i for c in name.lefts if c.dep_ == "compound"] + [name.i])
        ctx.add(ctx.doc[start : name.i + 1].text, country, tok.i, "event", "event_named")


def _country_in_phrases(ctx: CountryContext, noun: Token) -> str | None:
    """The one country named in the noun's "in" and "of" phrases ("in the context of US
    elections", "in Peru")."""
    found = {
        ctx.mentions[t.i].country
        for prep in noun.rights
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of")
        for t in prep.subtree
        if t.i in ctx.mentions
    }
    return found.pop() if len(found) == 1 else None


def _event_noun(tok: Token) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    named_day = tok.lower_ == "day" and any(c.dep_ == "compound" for c in tok.children)
    if tok.lower_ not in EVENT_NOUNS and tok.ent_type_ != "EVENT" and not named_day:
        return False  # "an investor day in Singapore" counts, not "a busy day in Singapore"
    return not (tok.ent_type_ == "EVENT" and tok.ent_iob_ != "B" and tok.dep_ == "compound")


def _named_with_its_place(ctx: CountryContext, event: Token) -> str | None:
    """ "the candidates were asked about the War in Peru": one capitalised word for a kind of
    event, with no other word of name before it, is a name only with its "in" phrase (the
    war's name is "War in Peru", no event called "War")."""
    after = ctx.doc[event.i + 1] if event.i + 1 < len(ctx.doc) else None
    if (
        after is None
        or after.lower_ != "in"
        or after.head.i != event.i
        or event.is_sent_start
        or not event.text[:1].isupper()
        or any(c.dep_ in {"compound", "amod", "nmod"} for c in event.lefts)
    ):
        return None
    place = next((c for c in after.children if c.dep_ == "pobj"), None)
    return ctx.doc[event.i : place.i + 1].text if place is not None else None


def _event_phrase(ctx: CountryContext, event: Token) -> str:
    """The event's name: its compounds and modifiers up to the noun ("SCO meeting")."""
    start = event.i
    for child in event.lefts:
        if child.dep_ in {"compound", "amod", "nmod", "nummod", "poss"} and child.lower_ not in {
            "its",
            "their",
            "his",
            "her",
        }:
            start = min(start, child.left_edge.i)
    while start < event.i and ctx.doc[start].pos_ in {"DET", "PUNCT"}:
        start += 1
    return ctx.expand(ctx.doc[start : event.i + 1].text)


# ============================================================================ rule 12
def facility_links(ctx: CountryContext) -> None:
    """Rule 12: "a plant in Kumamoto, Japan", "a refinery in Nigeria", "a battery plant in
    Indonesia's Central Java province": a facility the text places in a country it names (a
    city alone is left to the city's own link)."""
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lower_ not in FACILITY_NOUNS:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "near", "outside"}:
                continue
            for obj in prep.children:
                found = _facility_place(ctx, obj) if obj.dep_ == "pobj" else None
                if found is None:
                    continue
                country, end = found
                start = min(
                    [
                        c.left_edge.i
                        for c in tok.lefts
                        if c.dep_ not in {"det", "predet"} and c.tag_ != "PRP$"
                    ]
                    + [tok.i]
                )
                ctx.add(ctx.doc[start:end].text, country, tok.i, "other", "facility")


# Named things that stand somewhere: "the Santa Rosa Cathedral in Cusco, Peru".
_NAMED_SITES = {"FAC", "ORG"}


def named_sites_placed(ctx: CountryContext) -> None:
    """Rule 12b: "the Santa Rosa Cathedral in Cusco, Peru", "the Santa Rosa Cathedral in
    Peru": a named building or body of two words or more that the text places in a country it
    names, right after its name (a name holding a country is the organisation rule's; one word
    alone is too often a group or a disease the small model tags ORG)."""
    for ent in entities(ctx.doc):
        if ent.label_ not in _NAMED_SITES or len(clean(ent.text).split()) < 2:
            _place_placed(ctx, ent)
            continue
        if any(t.i in ctx.mentions for t in ent):
            continue
        country = place_named_after(ctx, ent.end)
        if country is not None:
            kind = "place" if ent.label_ == "FAC" else "organisation"
            ctx.add(clean(ent.text), country, ent.root.i, kind, "named_site_placed")


def places_a_country_owns(ctx: CountryContext) -> None:
    """Rule 12c: "in Chile's Arauco Bay", "Peru's Colca Canyon": a named place, sea or site
    right after a country's possessive is in that country, unless the data puts it in another
    one (the possessive may open the model's entity: "Chile's Arauco Bay")."""
    doc = ctx.doc
    for ent in entities(doc):
        if ent.label_ not in ("LOC", "FAC", "GPE"):
            continue
        poss = next((t.i for t in ent[:-1] if _possessive_at(ctx, t.i)), ent.start - 1)
        mention = ctx.mentions.get(poss - 1) if _possessive_at(ctx, poss) else None
        place = doc[poss + 1 : ent.end]
        if mention is None or mention.form != "name" or mention.end != poss:
            continue
        if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in place):
            continue
        if place.root.dep_ in ("compound", "amod") and place.root.head.i >= place.end:
            continue  # "Peru's Inca vote": the name only qualifies a noun
        known = ctx.place_country(clean(place.text), place.start)
        if known in (None, mention.country):
            ctx.add(clean(place.text), mention.country, place.start, "place", "place_of_a_country")


def _place_placed(ctx: CountryContext, ent: Span) -> None:
    """ "the Kelso Islands in the Bahamas", "Port Arun in Malaysia": a place the text puts in a
    country right after its name (one word too), unless the data puts it in another one."""
    if ent.label_ not in ("GPE", "LOC") or any(t.i in ctx.mentions or t.text == "," for t in ent):
        return  # "Palur, Kerala in India": the town and its state are ``place_links``'
    country = place_named_after(ctx, ent.end) or _coast_country(ctx, ent.end)
    if country is None:
        return
    known = ctx.place_country(clean(ent.text), ent.start)
    if known in (None, country):
        ctx.add(clean(ent.text), country, ent.root.i, "place", "named_place_placed")


# Words of "off the north-west coast of": what may stand between "off" and the coast's place.
_COAST_WORDS = DIRECTIONS | {"the", "coast", "coasts", "shore", "shores", "of", "-", "northwest", "northeast", "southwest", "southeast"}  # fmt: skip


def _coast_country(ctx: CountryContext, k: int) -> str | None:
    """ "Kelso Island off the coast of Oregon, United States", "an islet off Peru": the country
    whose coast a place lies off (a country, or a place of one the data knows)."""
    tokens = ctx.tokens
    if k >= len(tokens) or tokens[k].lower_ != "off":
        return None
    j = k + 1
    while j < len(tokens) and j < k + 7 and tokens[j].lower_ in _COAST_WORDS:
        j += 1
    if j >= len(tokens):
        return None
    mention = ctx.name_mention_from(j)
    if mention is not None:
        return mention.country if mention.form == "name" else None
    return ctx.country_of_place(tokens[j]) if tokens[j].pos_ == "PROPN" else None


def place_named_after(ctx: CountryContext, k: int) -> str | None:
    """The country when token ``k`` opens "in <place>" and the text names that country there:
    "in Peru", or "in Cusco, Peru" (a region or island the data lacks too, "in Mindanao,
    Peru", unless the place is known to be in another country)."""
    tokens = ctx.tokens
    if k + 1 >= len(tokens) or tokens[k].lower_ != "in" or tokens[k].dep_ != "prep":
        return None
    obj = next((c for c in tokens[k].children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "PROPN":
        return None
    mention = ctx.mentions.get(obj.i)
    if mention is not None:
        return mention.country if mention.form == "name" else None
    stated = _stated_country_after(ctx, obj)
    known = ctx.country_of_place(obj)
    return stated if stated and known in (None, stated) else None


def _facility_place(ctx: CountryContext, obj: Token) -> tuple[str, int] | None:
    """(country, end token) of the place a facility is in, when the text names the country."""
    mention = ctx.mentions.get(obj.i)
    if mention and mention.form == "name":
        return mention.country, mention.end
    if obj.pos_ == "NOUN" and obj.lower_ in PLACE_NOUNS:
        country = place_noun_country(ctx, obj)  # "in Indonesia's Central Java province"
        return (country, obj.i + 1) if country else None
    stated = _stated_country_after(ctx, obj)
    if not stated or ctx.country_of_place(obj) != stated:
        return None
    return stated, max(obj.i + 1, min(obj.right_edge.i + 1, _comma_after(ctx, obj)))


def _stated_country_after(ctx: CountryContext, place: Token) -> str | None:
    """ "Kumamoto, Japan": the country named right after a place."""
    k = place.i + 1
    if k + 1 < len(ctx.doc) and ctx.doc[k].text == ",":
        mention = ctx.name_mention_at(k + 1)
        if mention:
            return mention.country
    return None


def _comma_after(ctx: CountryContext, place: Token) -> int:
    k = place.i + 1
    return k if k < len(ctx.doc) and ctx.doc[k].text == "," else place.right_edge.i + 1


# ============================================================================ rule 5c
def counted_things_links(ctx: CountryContext) -> None:
    """ "40 solar mini-grids in northern Nigeria": a counted set of things in a country (not
    people: "1,200 firefighters in Portugal" is a group, ``things_in_a_country``'s)."""
    tokens = ctx.tokens
    for tok in tokens:
        if tok.lower_ != "in" or tok.i < 2 or tok.i + 1 >= len(ctx.doc):
            continue
        k = tok.i + 1
        if tokens[k].pos_ == "ADJ" and tokens[k].lower_ in DIRECTIONS:
            k += 1
        mention = ctx.name_mention_at(k)
        if mention is None or not _counted_things_before(tokens, tok.i):
            continue
        number = _count_before(tokens, tok.i)
        if number is not None:
            ctx.add(
                ctx.doc[number.i : mention.end].text,
                mention.country,
                tok.i,
                "other",
                "counted_things",
            )


def _counted_things_before(tokens: list[Token], i: int) -> bool:
    last = tokens[i - 1]
    return not (last.tag_ != "NNS" or human_plural(last.lower_))


def _count_before(tokens: list[Token], i: int) -> Token | None:
    j = i - 1
    while (
        j > 0 and (tokens[j - 1].pos_ in {"ADJ", "NOUN"} or tokens[j - 1].text == "-") and i - j < 5
    ):
        j -= 1
    number = tokens[j - 1] if j > 0 else None
    if number is None or number.pos_ != "NUM" or not any(c.isdigit() for c in number.text):
        return None
    return number


# ============================================================================ rule 6
def place_links(ctx: CountryContext) -> None:
    """Rule 6: a city, province or state to its country: "Tashkent" -> Uzbekistan,
    "Ontario" -> Canada; "Valencia, Venezuela", "Nogales, Arizona" (the qualifier decides); a
    namesake in a country of the same sentence, then in the country the article names most,
    wins; cities the small model mislabels count after a locative preposition ("around
    Kharkiv", "based in Bogota"). Not a place name that is a person of the article."""
    for ent in entities(ctx.doc):
        if ent.start in ctx.mentions:
            continue
        if _town_and_region(ctx, ent):
            continue
        country = _place_entity_country(ctx, ent)
        if country and not _small_namesake(ctx, clean(ent.text), country):
            ctx.add(clean(ent.text), country, ent.start, "place", "place")
            _site_at_the_place(ctx, ent, country)


def _small_namesake(ctx: CountryContext, name: str, country: str) -> bool:
    """ "the town of Madrid" in an article about the Philippines: a town or village named
    after a big city of a country the article never names is a namesake the data lacks."""
    if geo.city_population(name) < geo.BIG_CITY or country in ctx.named_states():
        return False
    small = regex(r"\b(?:town|village)s? of " + re.escape(name) + r"\b", re.IGNORECASE)
    return small.search(doc_text(ctx.doc)) is not None


def _town_and_region(ctx: CountryContext, ent: Span) -> bool:
    """ "at Palur, Andhra Pradesh": one place name holding a town and the state the data
    knows; each is linked to the state's country (the town even when the data lacks it), and
    so is a named airport or station placed there ("Palur Airport at Palur, Andhra Pradesh")."""
    commas = [t.i for t in ent if t.text == ","]
    if (
        ent.label_ not in {"GPE", "ORG"}
        or len(commas) != 1
        or commas[0] in (ent.start, ent.end - 1)
    ):
        return False
    town, region = ctx.doc[ent.start : commas[0]], ctx.doc[commas[0] + 1 : ent.end]
    country = geo.region_country(clean(region.text))
    if country is None or any(t.i in ctx.mentions for t in ent):
        return False
    ctx.add(clean(town.text), country, town.start, "place", "place")
    ctx.add(clean(region.text), country, region.start, "place", "place")
    _site_at_the_place(ctx, ent, country)
    return True


def _site_at_the_place(ctx: CountryContext, place: Span, country: str) -> None:
    """ "Palur Airport at Kottur": a named airport, station or port right before "at/in/near
    <place>" is in the place's country."""
    k = place.start - 1
    if k < 1 or ctx.tokens[k].lower_ not in {"at", "in", "near"}:
        return
    site = ctx.ent_of.get(k - 1)
    if site is None or site.label_ not in {"FAC", "ORG"} or site.end != k:
        return
    if site[-1].lower_ in _SITE_WORDS:
        ctx.add(clean(site.text), country, site.start, "other", "facility")


_MAX_TOWN_WORDS = 4


def town_end(doc: Doc, k: int) -> int:
    """The comma after a town's name of capitalised words from token k ("Kelso's Ford,"; a
    possessive "'s" may join its words), or k when none ends there."""
    j = k
    while j < min(len(doc), k + _MAX_TOWN_WORDS) and (
        doc[j].pos_ == "PROPN" or (j > k and _joining_possessive(doc, j))
    ):
        j += 1
    return j if k < j < len(doc) and doc[j].text == "," and doc[j - 1].pos_ == "PROPN" else k


def _joining_possessive(doc: Doc, j: int) -> bool:
    return doc[j].text in ("'s", "\u2019s") and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN"


_TOWN_OPENERS = LOCATIVE_PREPS | {"from"}


def towns_before_their_country(ctx: CountryContext) -> None:
    """ "Ana Lind, from Kelso's Ford, Peru, ...", "near Alder Creek, Chile": a town the text
    places by the country after its comma, whatever the small model made of its name (a
    person's, a building's, or no entity); not a body's name nor a person of the article."""
    doc = ctx.doc
    for tok in ctx.tokens:
        if tok.i + 1 >= len(doc) or not _opens_a_town(doc, tok):
            continue
        k = tok.i + 1 + (doc[tok.i + 1].lower_ == "the")
        comma = town_end(doc, k)
        mention = ctx.name_mention_at(comma + 1) if comma > k else None
        if mention is None and comma > k:
            mention = _country_after_a_region(ctx, comma + 1)
        if mention is None or _possessive_at(ctx, mention.end):
            continue
        last = ctx.tokens[mention.end - 1]
        if last.dep_ in ("nsubj", "nsubjpass") or _opens_a_new_phrase(doc[comma - 1], last):
            continue  # "According to Acme, Peru has ...", "from Acme, U.S. candidates said"
        town = doc[k:comma]
        joined = any(t.text in ("'s", "\u2019s") for t in town)  # "Kelso's Ford": a place's name
        if any(_not_a_town_word(ctx, t, joined) for t in town):
            continue
        ctx.add(clean(town.text), mention.country, town.start, "place", "town_of_a_country")


def towns_listed_in_a_country(ctx: CountryContext) -> None:
    """ "in Arvo, Kelmet and Dunmore in Ghana", "spread to Arvo and Kelmet in the DRC": each
    capitalised name of a list after a locative preposition, placed by an "in <country>" right
    after the last one, is a town of that country (not a country, nor a person of the article)."""
    doc = ctx.doc
    for tok in ctx.tokens:
        if tok.dep_ != "pobj" or tok.head.lower_ not in _TOWN_PREPS | {"to"}:
            continue
        towns = [tok, *(c for c in tok.subtree if c.dep_ == "conj" and c.i > tok.i)]
        k = towns[-1].i + 1
        k += k < len(doc) and doc[k].lower_ == "in"
        k += k < len(doc) and doc[k].lower_ == "the"
        mention = ctx.name_mention_at(k) if len(towns) >= 2 and k > towns[-1].i + 1 else None
        if mention is None or not all(_listed_town(ctx, t, mention.country) for t in towns):
            continue
        for town in towns:
            ctx.add(clean(town.text), mention.country, town.i, "place", "towns_listed_in_a_country")


def _listed_town(ctx: CountryContext, tok: Token, country: str) -> bool:
    """One capitalised word, no country, no body's word, no full name of a person, not in a
    firm's or a two-word person's name ("cuts at Acme, Brix and Zanto in Peru"; the small
    model calls a lone unknown town a PERSON), no
    city the data knows (of CITY_MIN_POPULATION) only in other countries ("Lima and Cusco in
    Chile")."""
    person = ctx.canonical_person(tok.text)
    ent = ctx.ent_of.get(tok.i)
    elsewhere = geo.countries_with_place(tok.text, geo.CITY_MIN_POPULATION)
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.i not in ctx.mentions
        and tok.lower_ not in ORG_WORDS
        and not any(c.dep_ == "compound" for c in tok.children)
        and not (person and " " in person)
        and not (
            ent is not None and (ent.label_ == "ORG" or ent.label_ == "PERSON" and len(ent) > 1)
        )
        and (not elsewhere or country in elsewhere)
    )


def _opens_a_town(doc: Doc, tok: Token) -> bool:
    """A word a town's name may follow: "in/near/from Arvo, Peru", "residents of Arvo, Peru"
    (a place's people or parts), "the flood hit Arvo, Peru" (a verb whose object it is)."""
    if tok.lower_ in _TOWN_OPENERS:
        return True
    nxt = doc[tok.i + 1]
    if tok.lower_ == "of":
        return tok.head.pos_ == "NOUN" and nxt.pos_ == "PROPN"
    return tok.pos_ == "VERB" and nxt.pos_ == "PROPN" and nxt.head.i == tok.i and nxt.dep_ == "dobj"


def _country_after_a_region(ctx: CountryContext, k: int) -> CountryMention | None:
    """ "in Arvo, Kelso Province, Peru": a town's country may follow its region's name, a
    second run of capitalised words before a comma (never a country: "Arvo, Peru, Chile" is
    a list)."""
    comma = town_end(ctx.doc, k)
    if comma == k or any(t.i in ctx.mentions for t in ctx.doc[k:comma]):
        return None
    return ctx.name_mention_at(comma + 1)


def _not_a_town_word(ctx: CountryContext, tok: Token, joined: bool) -> bool:
    """A country, a person of the article (unless a possessive joins the name: "Kelso's
    Ford"), a body's word ("from Acme University, Peru") or a nationality or time the small
    model saw there."""
    ent = ctx.ent_of.get(tok.i)
    return (
        tok.i in ctx.mentions
        or (tok.i in ctx.person_tokens and not joined)
        or tok.lower_ in ORG_WORDS
        or (ent is not None and ent.label_ in ("NORP", "DATE", "TIME"))
    )


def _place_entity_country(ctx: CountryContext, ent: Span) -> str | None:
    text = clean(ent.text)
    if text.lower() in DAY_AND_MONTH_NAMES:  # "From Friday, ..." names a time, no place
        return None
    if ent.label_ == "GPE":
        if _person_word(ctx, ent) or _end_of_a_longer_name(ctx, ent):
            return None  # "Florence said ...": Florence Njeri of the article, not the city
        country = _qualified_city(ctx, ent) or ctx.place_country(text, ent.start)
        return country if country is not None else _region_country(text)
    if ctx.mislabelled_city(ent):
        return ctx.place_country(text, ent.start)
    if _region_after_the(ctx, ent):
        return geo.region_country(text)
    return _region_read_as_a_body(ctx, ent) or _town_or_part(ctx, ent)


def _town_or_part(ctx: CountryContext, ent: Span) -> str | None:
    if _unknown_town(ctx, ent):  # "born in Kumbo, Cameroon" whatever the label
        return _qualified_city(ctx, ent) or _part_of_a_country(ctx, ent)
    return _part_of_a_country(ctx, ent)


def _region_after_the(ctx: CountryContext, ent: Span) -> bool:
    """ "the storm hit the Azores": a region the data knows, after "the", that the small
    model took for a person or a body (a person is never "the Azores")."""
    return (
        ent.label_ in {"PERSON", "ORG", "NORP"}
        and len(ent) <= 3
        and ent.start > 0
        and ctx.doc[ent.start - 1].lower_ == "the"
        and geo.region_country(clean(ent.text)) is not None
    )


# Kinds of first-level region that end a region's name ("Tyumen Oblast", "Aceh Province").
_REGION_KINDS = {
    "oblast", "krai", "province", "prefecture", "governorate", "region", "state", "voivodeship",
    "canton", "emirate", "territory",
}  # fmt: skip


def _region_read_as_a_body(ctx: CountryContext, ent: Span) -> str | None:
    """ "students from Tyumen Oblast", "the quake struck Surigao del Sur", "protests in Tamil
    Nadu": a first-level region of one country the data knows, named in full (or with its
    kind word: "Krasnodar Krai"), that the small model read as a building, a body or a work
    is still that region (a person's name never: "Victoria said" stays Victoria)."""
    if ent.label_ not in {"FAC", "ORG", "WORK_OF_ART", "PRODUCT"}:
        return None
    if any(t.i in ctx.person_tokens or t.i in ctx.mentions for t in ent):
        return None
    text = clean(ent.text)
    if len(text.split()) < 2:
        return None  # one word read as a body is more often one ("Punjab" of a team's name)
    return _region_country(text) or (
        ctx.place_country(text, ent.start) if _kind_last(text) else None
    )


def _region_country(text: str) -> str | None:
    """The country of a first-level region, named with or without its kind word ("Aceh
    province" is Aceh)."""
    country = geo.region_country(text)
    if country is None and _kind_last(text):
        country = geo.region_country(text.rsplit(" ", 1)[0])
    return country


def _kind_last(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and words[-1].lower() in _REGION_KINDS


_TOWN_PREPS = LOCATIVE_PREPS | {"between", "off", "into", "through", "via"}


def _unknown_town(ctx: CountryContext, ent: Span) -> bool:
    """A name after "in/at/near/from" (or listed with one: "between Laredo and Nuevo Sabinas,
    Mexico") that is no organisation's, nor a person's unless a country or state qualifies it
    as a town ("in Chippewa Bend, Wisconsin": the small model's PERSON is a place)."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    place = root.dep_ == "pobj" and root.head.lower_ in _TOWN_PREPS
    return (
        place
        and ent.label_ != "ORG"
        and root.head.head.lower_ != "according"
        and (
            not any(t.i in ctx.person_tokens for t in ent) or _qualified_city(ctx, ent) is not None
        )
    )


_PARTS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"}


def _part_of_a_country(ctx: CountryContext, ent: Span) -> str | None:
    """ "Northern Chad", "Eastern Peru": a part of a country is in that country."""
    if len(ent) < 2 or ent[0].lower_ not in _PARTS:
        return None
    mention = ctx.name_mention_at(ent.start + 1)
    return mention.country if mention and mention.end == ent.end else None


def _person_word(ctx: CountryContext, ent: Span) -> bool:
    """A place name that is a person of the article: part of a full name the people index
    knows ("Jordan" of "Jordan Peters"), or the subject of a reporting verb."""
    if any(t.i in ctx.person_tokens for t in ent):
        return True
    if len(ent) == 1 and ent.root.dep_ == "nsubj" and ent.root.head.lemma_ in {"say", "tell"}:
        return True
    person = ctx.canonical_person(clean(ent.text))
    return bool(person and " " in person and person != clean(ent.text))


def _end_of_a_longer_name(ctx: CountryContext, ent: Span) -> bool:
    """ "29 in Marshal Lopez City": the small model cut a proper name ("Marshal") off the place's
    name, and what is left ("Lopez City") names a city of a country the article never names:
    the text names another place, not that city."""
    k = ent.start - 1
    if k < 0 or ctx.sent_of[k] != ctx.sent_of[ent.start]:
        return False
    before = ctx.tokens[k]
    if before.is_sent_start or before.pos_ != "PROPN" or not before.text[:1].isupper():
        return False
    if before.i in ctx.mentions or before.i in ctx.person_tokens:
        return False
    country = ctx.place_country(clean(ent.text), ent.start)
    return country is not None and country not in ctx.context


def _qualified_city(ctx: CountryContext, ent: Span) -> str | None:
    """ "Tashkent, Uzbekistan", "Nogales, Arizona": the country or province named right after
    the city decides."""
    doc = ctx.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    mention = ctx.name_mention_at(ent.end + 1)
    if mention and _opens_a_new_phrase(ent[-1], ctx.doc[mention.end - 1]):
        return None  # "an inquiry from Acme, U.S. candidates said": the candidates' country
    if mention and not _possessive_at(ctx, mention.end):
        # "Kumbo, Cameroon": the text says where, even of a town the data lacks
        return geo.city_country(f"{clean(ent.text)}, {mention.country}") or mention.country
    region = ctx.ent_of.get(ent.end + 1)
    if region is None or region.label_ != "GPE" or region.start != ent.end + 1:
        return None
    if _possessive_at(ctx, region.end):
        return None  # "Tom Reid, Ohio's governor": a person's description
    town = geo.city_country(f"{clean(ent.text)}, {clean(region.text)}")
    return town or geo.region_country(clean(region.text))  # a town the data lacks


def _opens_a_new_phrase(name: Token, last: Token) -> bool:
    """The country's last word modifies a noun after it that the name before the comma does
    not ("from Acme, U.S. presidential candidates"): it opens a new phrase, no qualifier of
    the name ("the Auckland, New Zealand police force" is one phrase)."""
    return (
        last.dep_ in {"compound", "amod", "nmod"}
        and last.head.i > last.i
        and name.head.i != last.head.i
    )


def _possessive_at(ctx: CountryContext, k: int) -> bool:
    return k < len(ctx.doc) and (ctx.doc[k].tag_ == "POS" or ctx.doc[k].text in ("'s", "’s"))


# Last words of a facility's or institution's name that may start with its city's name.
# Not "university": "Georgetown University" is no building of Georgetown, Guyana.
_SITE_WORDS = {
    "airport", "station", "stadium", "port", "harbour", "harbor", "prison", "airbase", "bridge",
    "dam",
}  # fmt: skip


def facilities_named_after_a_city(ctx: CountryContext) -> None:
    """ "Kandor International Airport", "Lodz Central Station": a facility whose name opens
    with a city's name stands in that city's country (a big city the data knows)."""
    for ent in entities(ctx.doc):
        if ent.label_ not in ("FAC", "ORG") or len(ent) < 2 or ent[-1].lower_ not in _SITE_WORDS:
            continue
        if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in ent):
            continue  # "the United States Embassy": rule 4's
        country = _city_opening(ctx, ent)
        if country:
            ctx.add(clean(ent.text), country, ent.start, "other", "facility_named_after_city")


def _city_opening(ctx: CountryContext, ent: Span) -> str | None:
    start = ent.start + (ent[0].lower_ == "the")
    for end in range(min(ent.end - 1, start + 3), start, -1):
        words = ctx.doc[start:end].text
        if geo.city_population_in(words, ctx.context) >= geo.CITY_MIN_POPULATION:
            return ctx.place_country(words, ent.start) if _kind_words_only(ent, end) else None
    return None


# Last words of an event named after the city it is held in ("the Lodz Marathon", "the
# Kandor Film Festival", "the Lodz Open"), and words that may stand between city and kind.
_CITY_EVENT_WORDS = {
    "marathon", "open", "olympics", "games", "festival", "carnival", "expo", "biennale",
    "prix", "show", "derby",
}  # fmt: skip
_EVENT_KIND_WORDS = {
    "international", "film", "book", "jazz", "music", "air", "motor", "half", "grand",
    "city", "summer", "winter", "world", "fashion", "arts", "art", "comedy", "fringe",
}  # fmt: skip


def events_named_after_a_city(ctx: CountryContext) -> None:
    """ "She won the 2031 Lodz Marathon", "the Kandor Film Festival": an event whose name
    opens with a big city's name (only words of an event's kind after it) is held in that
    city's country; a year before the name is part of it."""
    doc = ctx.doc
    for tok in ctx.tokens:
        if tok.lower_ not in _CITY_EVENT_WORDS or not tok.text[:1].isupper():
            continue
        start = _city_before_event_word(ctx, tok)
        if start is None:
            continue
        words = _city_words(doc, start, tok.i)
        country = ctx.place_country(words, start)
        if country is None or not _city_of_one_country(ctx, words, country):
            continue
        first = start - (start > 0 and doc[start - 1].like_num and len(doc[start - 1]) == 4)
        ctx.add(
            clean(doc[first : tok.i + 1].text), country, first, "event", "event_named_after_city"
        )


def _city_of_one_country(ctx: CountryContext, words: str, country: str) -> bool:
    """ "the Victoria Derby": big cities of several countries bear the name, so only one the
    article names places the event."""
    countries = geo.countries_with_place(words, geo.CITY_MIN_POPULATION)
    return len(countries) <= 1 or country in ctx.context


def _city_before_event_word(ctx: CountryContext, tok: Token) -> int | None:
    """Where the city's name starts before "Marathon" (past kind words: "Film Festival")."""
    doc, k = ctx.doc, tok.i - 1
    sent_start = tok.sent.start
    while k >= sent_start and doc[k].lower_ in _EVENT_KIND_WORDS and doc[k].text[:1].isupper():
        k -= 1
    for start in range(max(k - 2, sent_start), k + 1):
        words = _city_words(doc, start, k + 1)
        if not all(t.text[:1].isupper() for t in doc[start : k + 1]):
            continue
        if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in doc[start : k + 1]):
            continue
        if geo.city_population_in(words, ctx.context) >= geo.CITY_MIN_POPULATION:
            return start
    return None


def _city_words(doc: Doc, start: int, end: int) -> str:
    return " ".join(t.text for t in doc[start:end] if t.lower_ not in _EVENT_KIND_WORDS)


# Words that may stand between a city's name and the facility's kind ("Lodz Central Station").
_FACILITY_KIND_WORDS = {
    "international", "central", "main", "grand", "union", "national", "municipal", "regional",
    "city", "metropolitan", "olympic", "new", "old", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "railway", "rail", "bus", "cruise",
    "container", "naval", "air", "sea", "river", "harbour", "harbor", "airport", "station",
}  # fmt: skip


def _kind_words_only(ent: Span, end: int) -> bool:
    """ "Dunmore Kelso Bridge" is named after a person (Dunmore Kelso), not after the town of
    Dunmore: only words of a facility's kind may follow the city's name."""
    return all(t.lower_ in _FACILITY_KIND_WORDS for t in ent.doc[end : ent.end - 1])


# Last words of an institution that serves the city or state its name opens with ("Lodz
# District Court", "Kandor Police", "Ohio State University", "the University of Lodz").
_CITY_BODIES = {"court", "police", "council", "government", "assembly", "parliament", "legislature"}
_CITY_BODY_WORDS = _CITY_BODIES | {"university", "college"}
# Words that may stand between the place's name and the institution's kind.
_BODY_KIND_WORDS = _FACILITY_KIND_WORDS | {
    "district", "high", "supreme", "county", "magistrates", "crown", "circuit", "superior",
    "state", "medical", "technical", "provincial", "service", "department", "city",
}  # fmt: skip


def institutions_named_after_a_place(ctx: CountryContext) -> None:
    """ "Lodz District Court", "the Kandor Police", "Ohio State University", "the High Court of
    Lodz": a court, police, council or state university named after its city (a big one the
    data knows) or its state or province stands in that place's country. Other universities
    are left alone ("Georgetown University" is no school of Guyana)."""
    for ent in entities(ctx.doc):
        if ent.label_ not in ("FAC", "ORG") or len(ent) < 2:
            continue
        if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in ent):
            continue  # "the Peru Police": rule 4's
        country = _body_of_a_place(ctx, ent) or _body_of_place_named_after(ctx, ent)
        if country:
            subject = clean(_with_a_second_place(ctx, ent, country).text)
            ctx.add(subject, country, ent.start, "other", "institution_named_after_place")
            _region_a_body_serves(ctx, ent, country)


def _region_a_body_serves(ctx: CountryContext, ent: Span, country: str) -> None:
    """ "the Parliament of Xaloca": the state or province a body "of" it serves is a place of
    the body's country too (a city is left to its own link)."""
    of = next((t.i for t in ent if t.lower_ == "of"), None)
    region = clean(ctx.doc[of + 1 : ent.end].text) if of is not None else ""
    if of is not None and geo.region_country(region) == country:
        ctx.add(region, country, of + 1, "place", "region_a_body_serves")


def _with_a_second_place(ctx: CountryContext, ent: Span, country: str) -> Span:
    """ "the High Court of Arden | and Vale": a second place of the same country after "and"
    ends the body's name (the model often stops at the first)."""
    k = ent.end
    if k + 1 >= len(ctx.doc) or ctx.doc[k].lower_ != "and" or ctx.doc[k + 1].pos_ != "PROPN":
        return ent
    second = ctx.doc[k + 1].text
    if country not in (geo.region_country(second), geo.state_of_constituent_country(second)):
        return ent
    return ctx.doc[ent.start : k + 2]


def _body_of_a_place(ctx: CountryContext, ent: Span) -> str | None:
    """ "Lodz District Court", "Ohio State University": the place opens the name."""
    kind = ent[-1].lower_
    if kind not in _CITY_BODY_WORDS or (
        kind in ("university", "college") and ent[-2].lower_ != "state"
    ):
        return None
    start = ent.start + (ent[0].lower_ == "the")
    for end in range(min(ent.end - 1, start + 3), start, -1):
        if not all(t.lower_ in _BODY_KIND_WORDS for t in ent.doc[end : ent.end - 1]):
            continue
        country = _country_of_place_name(ctx, ctx.doc[start:end].text, ent.start)
        if country:
            return country
    return None


def _body_of_place_named_after(ctx: CountryContext, ent: Span) -> str | None:
    """ "the High Court of Kandor", "the Police of Lodz": a body "of" a place that ends its
    name; not a university ("the University of Cambridge" has namesakes on three continents,
    and the annotation takes a school's place as world knowledge)."""
    of = next((t for t in ent if t.lower_ == "of"), None)
    if of is None or of.i == ent.start or ctx.tokens[of.i - 1].lower_ not in _CITY_BODIES:
        return None
    return _country_of_place_name(ctx, ctx.doc[of.i + 1 : ent.end].text, ent.start)


def _country_of_place_name(ctx: CountryContext, words: str, at: int) -> str | None:
    """The country of a big city or of a first-level state or province called ``words``."""
    if geo.city_population_in(words, ctx.context) >= geo.CITY_MIN_POPULATION:
        return ctx.place_country(words, at)
    return geo.region_country(words)


def mainlands_of_countries(ctx: CountryContext) -> None:
    """ "removed to mainland Peru", "In mainland Chile, ...": a country's mainland is a place of
    the country (the islands or territories it is set against are linked on their own)."""
    for start, country in ctx.name_mentions:
        if start > 0 and ctx.tokens[start - 1].lower_ == "mainland":
            mention = ctx.mentions[start]
            subject = ctx.doc[start - 1 : mention.end].text
            ctx.add(subject, country, start, "other", "mainland_of_a_country")


def territories_in_their_state(ctx: CountryContext) -> None:
    """ "born on the island of Kelvaria", where ISO 3166-1 gives Kelvaria a code of its own and
    ISO 3166-2 lists it as a subdivision of another state (a special administrative region,
    an overseas region, an outlying area: ``geo.is_dependency``): the territory is that
    state's ("Hong Kong" -> China, "Puerto Rico" -> United States)."""
    for ent in entities(ctx.doc):
        if ent.label_ not in ("GPE", "LOC", "ORG", "NORP"):
            continue
        name = clean(ent.text)
        canonical = geo.canonical_country(name)
        if canonical and geo.is_dependency(canonical):
            ctx.add(
                name, geo.sovereign_country(canonical), ent.start, "place", "territory_in_its_state"
            )


def home_nations_in_their_state(ctx: CountryContext) -> None:
    """ "Wales would be the only nation in the United Kingdom to ...", "Wales, a nation of the
    UK": a country within a country (ISO 3166-2 "Country": England, Scotland, Wales) belongs
    to its state when its description places it there (never otherwise: in sport it is a
    country of its own, and "the court in Wales ... the UK" says nothing of it)."""
    for ent in entities(ctx.doc):
        state = geo.state_of_constituent_country(clean(ent.text))
        if state is None:
            continue  # (the data may list "Wales" as a name of its state too)
        if state in _countries_describing(ctx, ent.root):
            ctx.add(clean(ent.text), state, ent.start, "place", "home_nation_in_its_state")


def _countries_describing(ctx: CountryContext, name: Token) -> set[str]:
    """The countries after "in"/"of"/"within" in the name's description: what it "is" (its
    attribute) or its apposition."""
    described = [c for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        described += [c for c in name.head.children if c.dep_ == "attr"]
    found: set[str] = set()
    for noun in described:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "within"):
                mention = ctx.name_mention_from(prep.i + 1)
                found |= {mention.country} if mention else set()
    return found


# Kinds of town a name is described as in apposition ("Arden, the capital of Xaloca province").
_MAX_REGION_WORDS = 3


def regions_read_as_no_name(ctx: CountryContext) -> None:
    """ "the prize of the Governor of Arvo Oblast, Peru": a region named with its kind word
    (Oblast, Province, Prefecture ...) that the small model read as no entity at all is still
    the region the data knows (``_region_read_as_a_body`` takes those it read as a body)."""
    for kind in ctx.tokens:
        if kind.lower_ not in _REGION_KINDS or not kind.is_title or kind.i in ctx.ent_of:
            continue
        start = kind.i
        while start > max(kind.i - _MAX_REGION_WORDS, 0) and _bare_name_word(ctx, start - 1):
            start -= 1
        if start == kind.i:
            continue
        text = ctx.doc[start : kind.i + 1].text
        country = _region_country(text) or ctx.place_country(text, start)
        if country is not None:
            ctx.add(text, country, start, "place", "place")


def _bare_name_word(ctx: CountryContext, i: int) -> bool:
    tok = ctx.tokens[i]
    return (
        tok.pos_ == "PROPN"
        and tok.is_title
        and i not in ctx.ent_of
        and i not in ctx.mentions
        and i not in ctx.person_tokens
    )


_TOWN_KINDS = {"capital", "town", "city", "village", "port", "suburb", "municipality"}


def towns_described_by_their_region(ctx: CountryContext) -> None:
    """ "in Maidan Shahr, the capital of Wardak province", "Kelso, a town in the Orel
    region": a named place described as a town of a first-level region the data knows is in
    the region's country (whatever the small model read the name as: a town's name is often
    read as a person's)."""
    for kind in ctx.tokens:
        if kind.dep_ != "appos" or kind.lower_ not in _TOWN_KINDS or kind.head.pos_ != "PROPN":
            continue
        country = next(
            (
                _region_country(_words_of(ctx, obj))
                for prep in kind.children
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in")
                for obj in prep.children
                if obj.dep_ == "pobj" and obj.i not in ctx.mentions
            ),
            None,
        )
        town = kind.head
        start = min([c.i for c in town.lefts if c.dep_ == "compound"] + [town.i])
        name = clean(ctx.doc[start : town.i + 1].text)
        if country is None or ctx.country_of_place(town) not in (None, country):
            continue
        ctx.add(name, country, town.i, "place", "towns_described_by_their_region")


def _words_of(ctx: CountryContext, obj: Token) -> str:
    """ "Wardak province" of "the capital of Wardak province": the object with its name words."""
    start = min([c.i for c in obj.lefts if c.dep_ in ("compound", "amod")] + [obj.i])
    return clean(ctx.doc[start : obj.i + 1].text)
