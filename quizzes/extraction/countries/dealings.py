"""Country rules for what countries do with or to one another, named by the countries
themselves: "Chile and Peru fought a war over the desert", "Norway brokered a ceasefire
deal", "a 2017 trip to Peru" ("a treaty between Ghana and Togo" is ``groups.between_countries``)."""

from __future__ import annotations

from spacy.tokens import Token

from .context import CountryContext
from .groups import noun_phrase
from .words import BETWEEN_NOUNS

# Verbs by which a country makes, ends or fights what lies between countries.
_PACT_VERBS = {
    "sign", "broker", "negotiate", "mediate", "fight", "wage", "conclude", "reach", "strike",
    "seal", "ink",
}  # fmt: skip
# Prepositions that say what a pact or a war is about ("a war over the region").
_MATTER_PREPS = {"over", "on", "about"}


def pacts_of_countries(ctx: CountryContext) -> None:
    """ "Chile and Peru fought a war over the desert region", "Norway brokered a ceasefire
    deal", "Peru signed a trade pact with Chile": the pact, war or talks is each named
    country's (its subjects, and a country it is made "with")."""
    for verb in ctx.tokens:
        if verb.lemma_ not in _PACT_VERBS or verb.pos_ != "VERB":
            continue
        countries = _named_countries(ctx, verb, "nsubj")
        if not countries:
            continue
        countries += [c for c in _with_countries(ctx, verb) if c not in countries]
        for pact in verb.children:
            if pact.dep_ != "dobj" or pact.pos_ != "NOUN" or pact.lower_ not in BETWEEN_NOUNS:
                continue
            subject = _with_its_matter(ctx, pact)
            for country in countries:
                ctx.add(subject, country, pact.i, "other", "pacts_of_countries")


def _named_countries(ctx: CountryContext, verb: Token, dep: str) -> list[str]:
    """The countries named (not by a nationality word) as the verb's `dep` and its conjuncts."""
    found: list[str] = []
    for word in verb.children:
        if word.dep_ != dep:
            continue
        for t in (word, *word.conjuncts):
            mention = ctx.mentions.get(t.i)
            if mention and mention.form == "name" and mention.country not in found:
                found.append(mention.country)
    return found


def _with_countries(ctx: CountryContext, verb: Token) -> list[str]:
    """ "signed a pact with Chile": the country a pact is made with (on the verb or the pact)."""
    found: list[str] = []
    for word in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                country = ctx.country_named_by(prep)
                if country and country not in found:
                    found.append(country)
    return found


def _with_its_matter(ctx: CountryContext, pact: Token) -> str:
    """ "war over the desert region": the pact with what it is about, as a writer names it."""
    text = noun_phrase(ctx, pact)
    prep = next((p for p in pact.rights if p.dep_ == "prep" and p.lower_ in _MATTER_PREPS), None)
    if prep is None:
        return text
    return f"{text} {ctx.doc[prep.i : prep.right_edge.i + 1].text}"


# Nouns of going somewhere: "a 2017 trip to Peru", "the minister's visit to Chile".
_TRIP_NOUNS = {"trip", "trips", "visit", "visits", "journey", "voyage", "pilgrimage", "tour"}


def trips_to_a_country(ctx: CountryContext) -> None:
    """ "During a 2017 trip to Peru", "a visit to Chile", "a tour of Peru": the trip is to the
    country it goes to (named, not a nationality word)."""
    for trip in ctx.tokens:
        if trip.lower_ not in _TRIP_NOUNS or trip.pos_ != "NOUN":
            continue
        for prep in trip.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "of"):
                continue
            if prep.lower_ == "of" and not trip.lower_.startswith("tour"):
                continue  # "the visit of the Chilean minister" names the visitor
            country = ctx.country_named_by(prep)
            if country:
                subject = f"{noun_phrase(ctx, trip)} {ctx.doc[prep.i : prep.right_edge.i + 1].text}"
                ctx.add(subject, country, trip.i, "other", "trips_to_a_country")
