"""Country rules for statistics: what a country's figures count ("the number of cases rose to
900 in Peru", "Chile, the country with the most deaths", "Peru reported 300 new cases").

Reporting on epidemics, disasters and wars states counts per country; the counted thing
(cases, deaths, casualties) is tied to the country the figure is given for, as an annotator
reads it. These run after ``things_in_a_country``, which already links the plain "deaths in
Peru"; a counted noun linked to a country once is not linked again (``linked_again``).
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import CountryContext, CountryMention
from .groups import linked_again, noun_phrase, owned_name, placeable
from .organisations import in_headline
from .places import place_named_after
from .words import COUNT_NOUNS, STAT_NOUNS

# Verbs by which a country states or holds a count ("Peru reported 300 new cases").
_HOLDING_VERBS = {"have", "report", "record", "confirm", "register", "count", "log", "announce"}
# Words that may stand between "in the" and "country" ("in the next worst-hit country, Chile").
_DESCRIBING_POS = {"ADJ", "ADV", "VERB", "NUM", "DET", "PUNCT"}
_MAX_UPWARD = 4


def counted(noun: Token) -> Token | None:
    """The thing a count noun counts ("the total number of cases" -> cases; "the death toll"
    -> toll itself, its compound says what), or the statistics noun itself ("900 cases")."""
    seen = 0
    while noun.lemma_ in COUNT_NOUNS and seen < _MAX_UPWARD:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return noun if any(c.dep_ == "compound" for c in noun.children) else None
        noun, seen = obj, seen + 1
    return noun if noun.lower_ in STAT_NOUNS else None


def figures_in_a_country(ctx: CountryContext) -> None:
    """ "The number of infections rose to 900 in Peru and to 40 in Chile", "4,000 deaths
    linked to the flu in Peru": the counted thing a figure gives for a country."""
    for tok in ctx.tokens:
        if tok.lower_ != "in" or tok.dep_ != "prep" or tok.i + 1 >= len(ctx.tokens):
            continue
        mention = ctx.country_in_part(tok.i + 1)
        if mention is None or owned_name(ctx, mention):
            continue
        thing = _figure_placed_by(tok)
        if thing is not None and not linked_again(ctx, thing, mention.country):
            ctx.add(
                _counted_phrase(ctx, thing), mention.country, thing.i, "other", "figure_in_country"
            )


def _figure_placed_by(prep: Token) -> Token | None:
    """The counted thing an "in <country>" gives a figure of: the count subject of the verb
    it (or the number it follows) hangs from ("the toll rose to 90 in Peru"), or a counted
    statistics noun whose participle it ends ("4,000 deaths linked to the flu in Peru")."""
    head = prep.head
    for _ in range(_MAX_UPWARD):
        if head.pos_ == "VERB" and head.dep_ not in ("acl", "relcl", "amod"):
            return _counted_subject(head)
        if head.pos_ == "NOUN" and head.lower_ in STAT_NOUNS and _counted_figure(head):
            return head
        if head.dep_ not in ("pobj", "prep", "acl", "conj", "dobj", "npadvmod"):
            return None
        head = head.head
    return None


def _counted_phrase(ctx: CountryContext, noun: Token) -> str:
    """ "at least 4,000 flu-related deaths" -> "flu-related deaths": what is counted, without
    the figure (which changes from sentence to sentence)."""
    start = noun.i
    while start > 0 and _modifier_within(ctx.tokens[start - 1], start):
        start -= 1
    while start < noun.i and not ctx.tokens[start].text[:1].isalnum():
        start += 1
    return ctx.doc[start : noun.i + 1].text


def _modifier_within(tok: Token, start: int) -> bool:
    return tok.head.i >= start and tok.dep_ in ("amod", "compound", "npadvmod", "punct")


def _counted_subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lemma_ in COUNT_NOUNS:
        return counted(subject)
    return subject if subject.lower_ in STAT_NOUNS and _counted_figure(subject) else None


def _counted_figure(noun: Token) -> bool:
    """ "4,000 deaths", "the deaths counted", "the total number of infections": a number or a
    count word before the noun, or a count noun it is "of"."""
    if any(c.dep_ == "nummod" or c.lemma_ in COUNT_NOUNS for c in noun.lefts):
        return True
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_ in COUNT_NOUNS


def figures_a_country_has(ctx: CountryContext) -> None:
    """ "Chile, the country with the second highest number of flu deaths", "Peru has the most
    infections", "Peru reported 300 new cases": what a country's own count counts."""
    for mention in _name_mentions(ctx):
        root = ctx.tokens[mention.end - 1]
        objects = (
            *_objects_of_its_description(root),
            *_objects_it_holds(root),
            *_objects_it_reports_after_a_comma(ctx, mention),
        )
        for obj in objects:
            thing = counted(obj)
            if thing is not None and not linked_again(ctx, thing, mention.country):
                ctx.add(
                    _counted_phrase(ctx, thing),
                    mention.country,
                    thing.i,
                    "other",
                    "figure_of_country",
                )


def _name_mentions(ctx: CountryContext) -> list[CountryMention]:
    return [m for m in ctx.mentions_in_order if m.form == "name"]


def _objects_of_its_description(root: Token) -> list[Token]:
    """ "Chile, the country with the most deaths": the object of the "with" of an apposition
    "country" or "nation"."""
    found = []
    for appos in (c for c in root.children if c.dep_ == "appos"):
        if appos.lemma_ not in ("country", "nation"):
            continue
        for prep in (c for c in appos.children if c.dep_ == "prep" and c.lower_ == "with"):
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _objects_it_holds(root: Token) -> list[Token]:
    """ "Peru has the highest number of infections", "Peru reported 300 new cases": the object
    of a verb of holding or reporting the country is the subject of."""
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in _HOLDING_VERBS:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects + [w for obj in objects for w in _counted_withs(obj)]


def _counted_withs(obj: Token) -> list[Token]:
    """ "Peru has the most infections, ... with over 900 confirmed cases": a counted object of
    a "with" inside the held object's own phrase (never "compared with", a verb's)."""
    return [
        pobj
        for prep in obj.subtree
        if prep.lower_ == "with" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in pobj.children)
    ]


def _objects_it_reports_after_a_comma(ctx: CountryContext, mention: CountryMention) -> list[Token]:
    """ "the next highest country, Chile, reporting 400 deaths": the object of a participle of
    reporting or holding right after the comma that closes the country's name."""
    k = mention.end
    if k + 1 >= len(ctx.tokens) or ctx.tokens[k].text != ",":
        return []
    verb = ctx.tokens[k + 1]
    if verb.tag_ != "VBG" or verb.lemma_ not in _HOLDING_VERBS:
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


# Verbs of the deaths a country counts: "the flu killed 80 in Peru", "two men died in Chile".
_DEATH_VERBS = {"die", "kill"}


def the_dead_in_a_country(ctx: CountryContext) -> None:
    """ "The flu may have killed two tourists in Lima, Peru", "the virus had killed at least
    80 in Peru", "one person in Chile has died": the dead a country's toll counts (a named
    one is the person's place of death, ``persons``); a headline's "First tourists die in
    Peru" is told by the story, with the dead named there."""
    for tok in ctx.tokens:
        if tok.lower_ != "in" or tok.dep_ != "prep" or in_headline(ctx, tok):
            continue
        country = place_named_after(ctx, tok.i)
        if country is None:
            continue
        for dead in _the_dead(tok.head):
            if dead.i in ctx.person_tokens or dead.pos_ in ("PRON", "PROPN"):
                continue
            if not linked_again(ctx, dead, country):
                ctx.add(noun_phrase(ctx, dead), country, dead.i, "other", "dead_in_country")


def _the_dead(head: Token) -> list[Token]:
    """Who died where the "in" hangs: the object of an active "kill", the subject of "die" or
    a passive "kill", or a subject noun placed itself ("one person in Chile has died")."""
    if head.pos_ in ("NOUN", "NUM") and head.dep_ == "nsubj":
        return [head] if head.head.lemma_ == "die" else []
    if head.pos_ != "VERB" or head.lemma_ not in _DEATH_VERBS:
        return []
    passive = any(c.dep_ == "nsubjpass" for c in head.children)
    deps = ("dobj",) if head.lemma_ == "kill" and not passive else ("nsubj", "nsubjpass")
    return [c for c in head.children if c.dep_ in deps]


def things_in_a_described_country(ctx: CountryContext) -> None:
    """ "cases in the next worst-hit country, Chile", "refugees in the neighbouring nation,
    Peru": a thing placed in a "country" the text names after a comma."""
    for tok in ctx.tokens:
        if tok.lower_ != "in" or tok.dep_ != "prep":
            continue
        mention = country_described_after(ctx, tok.i + 1)
        noun = tok.head
        if mention is None or not placeable(ctx, noun):
            continue
        if not linked_again(ctx, noun, mention.country):
            ctx.add(noun_phrase(ctx, noun), mention.country, noun.i, "other", "thing_in_country")


def country_described_after(ctx: CountryContext, k: int) -> CountryMention | None:
    """ "in the next worst-hit country, Chile": the country a described "country" stands for,
    named after its comma (from token k, the "the")."""
    if k >= len(ctx.tokens) or ctx.tokens[k].lower_ != "the":
        return None
    j = k + 1
    while j < min(len(ctx.tokens), k + 7) and ctx.tokens[j].pos_ in _DESCRIBING_POS:
        j += 1
    if j + 2 >= len(ctx.tokens) or ctx.tokens[j].lemma_ not in ("country", "nation"):
        return None
    if ctx.tokens[j + 1].text != ",":
        return None
    return ctx.name_mention_from(j + 2)
