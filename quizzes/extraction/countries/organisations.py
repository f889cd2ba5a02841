"""Country rules for organisations and described things: named organisations with a
nationality, places and bodies described by an apposition or a place noun, and
organisations or people described by a country."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .. import geo
from ..dates import doc_text
from ..facts import CountryLink
from ..lexicon import ORG_WORDS
from ..sentences import entities
from ..text import fold, fold_word
from .context import CountryContext, CountryMention, clean, name_text
from .describe import (
    country_in_description,
    describing_country,
    full_span,
    person_name,
    place_after,
    place_noun_country,
    proper_name,
    town_with_its_country_after,
)
from .words import (
    CODED_NAME,
    DIRECTIONS,
    EVENT_NOUNS,
    INDEFINITE,
    ORG_NOUNS,
    OWNED_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    POLICY_NOUNS,
    SITE_NOUNS,
    THE_COUNTRYS,
)

_ORG_LABELS = {"ORG", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}


# ============================================================================ rule 4
def organisation_links(ctx: CountryContext) -> None:
    """Rule 4: a named organisation with a nationality: "the Russian Defence Ministry",
    "Bank of Japan", "the UK Foreign, Commonwealth and Development Office", "China's Belt and
    Road Initiative", "its Belt and Road Initiative" (its = the clause's country), "the
    country's Ministry of Health"; an institution or event placed by "in <place>" ("Cop30 in
    Belém, Brazil"; names of letters and digits are never people)."""
    for ent in entities(ctx.doc):
        coded = len(ent) == 1 and bool(CODED_NAME.match(ent.text))
        if ent.label_ not in _ORG_LABELS and not coded and not _country_and_more(ctx, ent):
            continue
        if not coded and (
            (ent.start in ctx.person_tokens and not _body_of_a_role(ctx, ent))
            or person_name(ctx, ent) is not None
            or _cut_office_name(ctx, ent)
        ):
            continue
        _link_organisation(ctx, ent, coded)


def _cut_office_name(ctx: CountryContext, ent: Span) -> bool:
    """ "Peruvian Roads and Ports Minister Ana Lind": the model's body "Peruvian Roads" is
    the start of a title that runs on after "and", no body's name."""
    return (
        ent.end < len(ctx.doc)
        and ctx.doc[ent.end].lower_ == "and"
        and all(t.i in ctx.title_tokens for t in ent)
    )


def chambers_of_national_bodies(ctx: CountryContext) -> None:
    """Rule 4c: "the House of Commons for the 43rd Peruvian Parliament", "the Senate of the
    Chilean Congress": a named body "of/for" a body of a country (an ordinal may number it)
    is that country's."""
    doc = ctx.doc
    for ent in entities(doc):
        if (
            ent.label_ != "ORG"
            or ent.end + 1 >= len(doc)
            or doc[ent.end].lower_ not in ("of", "for")
        ):
            continue
        if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in ent):
            continue
        k = ent.end + 1
        while k < len(doc) and (doc[k].lower_ == "the" or doc[k].ent_type_ == "ORDINAL"):
            k += 1
        if k >= len(doc) or not doc[k].text[:1].isupper():
            continue
        end = doc[k].head.i + 1 if doc[k].dep_ in ("compound", "amod") else k + 1
        country = next((c for at, c in ctx.org_at if ent.end < at < end), None)
        if country is not None:
            ctx.add(clean(ent.text), country, ent.start, "organisation", "chamber_of_a_body")


def national_arms_of_brands(ctx: CountryContext) -> None:
    """Rule 4b: "Streamflix Peru delayed the show": a brand's name right before a country's
    name, as one noun, is that brand's arm in the country (the small model often tags the two
    words as two places). Not a place, a person, or a country's possessive ("Acme Peru's")."""
    doc = ctx.doc
    seen: set[int] = set()
    for mention in ctx.mentions.values():
        brand = doc[mention.start - 1] if mention.start > 0 else None
        if mention.form != "name" or mention.start in seen or brand is None:
            continue
        seen.add(mention.start)
        if not _brand_before(ctx, brand, doc[mention.end - 1]) or _possessive_at(ctx, mention.end):
            continue
        subject = doc[brand.i : mention.end].text
        ctx.add(subject, mention.country, brand.i, "organisation", "national_arm_of_brand")


def _brand_before(ctx: CountryContext, brand: Token, country_end: Token) -> bool:
    return (
        brand.tag_ == "NNP"
        and brand.dep_ == "compound"
        and brand.head.i == country_end.i
        and brand.text[:1].isupper()
        and brand.lower_ not in DIRECTIONS  # "North Peru" is a part of the country
        and not brand.is_sent_start
        and brand.i not in ctx.mentions
        and brand.i not in ctx.person_tokens
        and brand.i not in ctx.title_tokens
        and ctx.country_of_place(brand) is None
        and geo.region_country(brand.text) is None
        and geo.city_population(brand.text) == 0
    )


def _possessive_at(ctx: CountryContext, k: int) -> bool:
    return k < len(ctx.doc) and (ctx.doc[k].tag_ == "POS" or ctx.doc[k].text in ("'s", "’s"))


def _body_of_a_role(ctx: CountryContext, ent: Span) -> bool:
    """ "Peruvian Red Cross chair Ana Lind": the body named in a person's role, right before
    the lower-case role noun, is an organisation of its own."""
    k = ent.end
    return (
        len(ent) > 1
        and k < len(ctx.doc)
        and k in ctx.person_tokens
        and ctx.doc[k].pos_ == "NOUN"
        and ctx.doc[k].text.islower()
    )


def _country_and_more(ctx: CountryContext, ent: Span) -> bool:
    """ "the United States Coast Guard" labelled as a place: a country's name and then more
    capitalised words is a body of that country."""
    tokens = [t for t in ent if t.lower_ != "the"]
    mention = ctx.mentions.get(tokens[0].i) if tokens else None
    return (
        ent.label_ == "GPE"
        and mention is not None
        and mention.form == "name"
        and mention.end < ent.end
        and all(t.text[:1].isupper() for t in ctx.doc[mention.end : ent.end])
    )


def _link_organisation(ctx: CountryContext, ent: Span, coded: bool) -> None:
    span = full_span(ctx, ent)
    tokens = [t for t in span if t.lower_ != "the"]
    if not tokens:
        return
    country = (
        _country_in_name(ctx, span, tokens)
        or _possessor_country(ctx, ent)
        or _placed_after_its_name(ctx, ent, span, coded)
    )
    if (
        not country
        or all(t.i in ctx.mentions for t in tokens)
        or _site_named_after_a_country(ctx, tokens, country)
        or _town_and_its_country(ctx, tokens)
    ):
        return
    subject = span
    first = ctx.mentions.get(tokens[0].i)
    if first and first.form == "name" and ctx.doc[first.end - 1].tag_ == "POS":
        subject = ctx.doc[first.end : span.end]
    name = ctx.expand(name_text(subject))
    placed = _placed_elsewhere(ctx, span, country)
    key = _body_key(ctx, subject)
    if _venue_in_a_style(ctx, tokens, placed):
        ctx.bodies.add((key, country))  # "the Egyptian Theatre in Hollywood" is in no Egypt
    if (key, country) not in ctx.bodies:  # "the U.S. Embassy" after "the United States Embassy"
        ctx.bodies.add((key, country))
        ctx.add(name, country, span.start, "organisation", "named_organisation")
    if placed is not None and (f"{key} in {placed[0]}", placed[1]) not in ctx.bodies:
        ctx.bodies.add((f"{key} in {placed[0]}", placed[1]))
        subject_in = f"{name} in {placed[0]}"
        ctx.add(subject_in, placed[1], span.start, "organisation", "named_organisation_placed")


def _town_and_its_country(ctx: CountryContext, tokens: list[Token]) -> bool:
    """ "the Auckland, New Zealand police": a town and its country the small model took for a
    body's name is a place (``towns_before_their_country`` links the town)."""
    last = ctx.mentions.get(tokens[-1].i)
    return (
        last is not None
        and last.form == "name"
        and last.start > tokens[0].i + 1
        and ctx.doc[last.start - 1].text == ","
    )


# Sites often named after a friendly country ("the Qatar Amity Hospital" in Nepal); a
# mission or a base is its country's wherever it is.
_NAMESAKE_SITES = (SITE_NOUNS - {"embassy", "consulate", "base"}) | {
    "hospital", "clinic", "college", "university", "centre", "center", "road", "street",
    "avenue", "park", "square",
}  # fmt: skip


def _site_named_after_a_country(ctx: CountryContext, tokens: list[Token], country: str) -> bool:
    """ "treated at the Qatar Amity Hospital" in an article about Nepal: a hospital, school or
    road whose name opens with a country's name that the article names nowhere else, while it
    names another country more, is named after that country, not in it."""
    first = ctx.mentions.get(tokens[0].i)
    if first is None or first.form != "name" or tokens[-1].lower_ not in _NAMESAKE_SITES:
        return False
    if ctx.context.get(country, 0) > 1:
        return False
    return any(n > 1 for other, n in ctx.context.items() if other != country)


def _venue_in_a_style(
    ctx: CountryContext, tokens: list[Token], placed: tuple[str, str] | None
) -> bool:
    """ "the Egyptian Theatre in Hollywood": a theatre, hotel or restaurant whose name opens
    with a nationality and that the text places in another country is named after a style,
    as "an Irish pub" is (a mission or a base is its country's wherever it is)."""
    first = ctx.mentions.get(tokens[0].i)
    return (
        placed is not None
        and first is not None
        and first.form != "name"
        and tokens[-1].lower_ in _NAMESAKE_SITES
    )


def _body_key(ctx: CountryContext, span: Span) -> str:
    """A body's name with its country words as the country ("U.S. Embassy" and "United
    States Embassy" are one body)."""
    words: list[str] = []
    for tok in span:
        mention = ctx.mentions.get(tok.i)
        if tok.tag_ == "POS":
            continue
        if mention is None:
            words.append(tok.lower_)
        elif not words or words[-1] != mention.country:
            words.append(mention.country)
    return " ".join(w for w in words if w != "the")


def _placed_elsewhere(ctx: CountryContext, span: Span, country: str) -> tuple[str, str] | None:
    """ "the Peruvian Embassy in Santiago" -> ("Santiago", Chile): the place right after a
    body's name, when it is in another country than the body's."""
    k = span.end
    if k + 1 >= len(ctx.doc) or ctx.doc[k].lower_ != "in":
        return None
    mention = ctx.name_mention_from(k + 1)
    if mention is not None:
        place = ctx.doc[mention.start : mention.end]
        where: str | None = mention.country
    else:
        ent = ctx.ent_of.get(k + 1)
        if ent is None or ent.start != k + 1:
            return None
        place, where = ent, ctx.country_of_place(ent[0])
    if where is None or where == country:
        return None
    return clean(place.text), where


# Nouns after a place's name that make the name a school's, a university's or a state's team.
_SCHOOL_WORDS = {"institute", "university", "college", "state", "tech", "school", "academy"}


def _region_of_another_country(ctx: CountryContext, first: CountryMention) -> bool:
    """ "Nevaria Institute of Technology", where Nevaria is a country and a state of another
    country: the school's place is not known to be the country (the text must say where)."""
    after = ctx.doc[first.end]
    return (
        first.form == "name"
        and fold_word(after.text) in _SCHOOL_WORDS
        and geo.country_sharing_a_region_name(first.country) is not None
    )


# Heads of a named body "of <country>": "Bank of Japan", "the Bishops' Conference of Peru"
# (a standing conference, or one held there: either way the country's), "Church of Norway".
_BODY_OF_WORDS = ORG_WORDS | {"conference", "church"}

# Words that may come before a nationality in the name of a state's body.
_CROWN_WORDS = {"royal", "imperial"}


def _country_in_name(ctx: CountryContext, span: Span, tokens: list[Token]) -> str | None:
    """ "Russian Defence Ministry", "China Daily", "Bank of Japan", "the UK Foreign Office"."""
    doc = ctx.doc
    if len(tokens) > 2 and tokens[0].lower_ in _CROWN_WORDS:
        tokens = tokens[1:]  # "the Royal Danish Navy", "the Imperial Russian Army"
    first = ctx.mentions.get(tokens[0].i)
    before = ctx.mentions.get(span.start - 1) if span.start > 0 else None
    if first and first.end < span.end and not doc[first.end].is_punct:
        return None if _region_of_another_country(ctx, first) else first.country
    last = ctx.mentions.get(tokens[-1].i)
    if last and last.form == "name" and doc[last.start - 1].lower_ == "of":
        named_body = any(fold_word(t.text) in _BODY_OF_WORDS for t in tokens if t.i < last.start)
        return last.country if named_body else None  # "Bank of Japan", not "Economy of Peru"
    if len(tokens) >= 3 and tokens[-2].lower_ == "of":
        return _of_america(tokens)
    if before and doc[span.start - 1].tag_ != "POS" and before.end == span.start:
        return before.country
    if (
        last
        and last.form == "name"
        and any(t.is_alpha and t.text[:1].isupper() for t in doc[tokens[0].i : last.start])
    ):
        return last.country  # "Youth Forum Kenya", "Amnesty International Chile"
    return None


def _of_america(tokens: list[Token]) -> str | None:
    """ "the Growers Association of America": a body "of America" is of the United States
    ("of Latin America", "of South America" end with other words)."""
    named_body = any(fold_word(t.text) in ORG_WORDS for t in tokens[:-2])
    return "United States" if tokens[-1].text == "America" and named_body else None


def _possessor_country(ctx: CountryContext, ent: Span) -> str | None:
    """ "China's Belt and Road Initiative"; "its Belt and Road Initiative" (China is the
    subject); "the country's Ministry of Health"."""
    for tok in ent:
        for child in tok.children:
            if child.dep_ != "poss" or ent.start <= child.i < ent.end:
                continue
            mention = ctx.mentions.get(child.i)
            if mention and mention.form == "name":
                return mention.country
            if child.lower_ in {"its", "their"}:
                return _clause_subject_country(ctx, child)
            if child.lower_ == "country" and any(
                d.dep_ == "det" and d.lower_ == "the" for d in child.children
            ):
                return ctx.the_country(child.i)
    return None


def _clause_subject_country(ctx: CountryContext, tok: Token) -> str | None:
    """The country that is the subject of the clause around tok (through coordination)."""
    head = tok
    for _ in range(12):
        if head.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None:
                mention = ctx.mentions.get(subject.i)
                return mention.country if mention and mention.form == "name" else None
            if head.dep_ != "conj":
                return None
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _placed_after_its_name(ctx: CountryContext, ent: Span, span: Span, coded: bool) -> str | None:
    """ "Cop30 in Belém, Brazil" (an institution or event in a place), "Arden Lodge near Arvo,
    Peru" (a named body in or near a town written with its country)."""
    country = place_after(ctx, span) if coded or _institution_or_event(span) else None
    if country is None and ent.label_ in {"ORG", "FAC"}:
        country = town_with_its_country_after(ctx, span)
    return country


def _institution_or_event(span: Span) -> bool:
    words = {t.lower_ for t in span}
    return span.label_ == "EVENT" or bool(words & (ORG_NOUNS | EVENT_NOUNS))


def organisations_in_titles(ctx: CountryContext) -> None:
    """ "Former Peruvian Central Reserve Bank economist Ana Lind", "Chilean Foreign Ministry
    spokeswoman Eva Holm": a named body with its country inside a person's title (the
    person's own link is ``title_before_name``'s)."""
    for run in _title_runs(ctx):
        names = [t for t in run if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ")]
        while names and names[0].i not in ctx.mentions and names[0].pos_ != "PROPN":
            names = names[1:]  # "Former"
        if len(names) < 2:
            continue
        mention = ctx.mentions.get(names[0].i)
        end = _body_end_in_title(ctx, names, run[-1].i)
        if mention is None or end is None or end <= mention.end:
            continue  # "Moldovan Energy Minister" is an office, no body
        span = ctx.doc[names[0].i : end]
        if (_body_key(ctx, span), mention.country) in ctx.bodies:
            continue  # "Iraq's Electricity Ministry" linked already
        ctx.bodies.add((_body_key(ctx, span), mention.country))
        ctx.add(ctx.expand(span.text), mention.country, span.start, "organisation", "title_body")


def _body_end_in_title(ctx: CountryContext, names: list[Token], last: int) -> int | None:
    """Where the body named inside a title ends: its last capitalised word that is a body
    noun ("Chilean Foreign Ministry"), with the "of" part that names it ("the United States
    House of Representatives Speaker" -> "... House of Representatives"); None when no body
    noun follows the country."""
    end = None
    for tok in ctx.doc[names[0].i : last + 1]:
        if not (tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ")):
            break
        if tok.lower_ in ORG_NOUNS or tok.lower_ in OWNED_NOUNS:
            end = _of_part_end(ctx, tok, last)
            if end > tok.i + 1:
                break
    return end


def _of_part_end(ctx: CountryContext, noun: Token, last: int) -> int:
    """The end of a body noun's "of" part of capitalised words ("House of Representatives"),
    within the title ending at ``last``; else right after the noun."""
    for prep in noun.rights:
        if prep.lower_ != "of" or prep.i != noun.i + 1:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (
            obj is not None
            and obj.pos_ == "PROPN"
            and obj.text[:1].isupper()
            and obj.i not in ctx.mentions
            and obj.right_edge.i <= last
        ):
            return obj.right_edge.i + 1
    return noun.i + 1


def _title_runs(ctx: CountryContext) -> list[list[Token]]:
    """The title words before each person's name, as runs of consecutive tokens."""
    runs: list[list[Token]] = []
    for i in sorted(ctx.title_tokens):
        if runs and runs[-1][-1].i == i - 1:
            runs[-1].append(ctx.tokens[i])
        else:
            runs.append([ctx.tokens[i]])
    return runs


# ============================================================================ rules 7 and 4b
def described_links(ctx: CountryContext) -> None:
    """Rule 7: "the Ukrainian city of Bakhmut", "Kherson, Ukraine's southern port", "the
    Syrian capital, Damascus", "Indonesia's Central Java province"; "Gazprom, the Russian
    state energy giant"."""
    for tok in ctx.tokens:
        if tok.pos_ == "NOUN" and tok.lower_ in PLACE_NOUNS:
            _described_place(ctx, tok)
        elif tok.pos_ == "PROPN" and tok.ent_type_ in {"ORG", ""}:
            _described_organisation(ctx, tok)


def _described_place(ctx: CountryContext, noun: Token) -> None:
    country = place_noun_country(ctx, noun)
    if not country:
        return
    names = [c.children for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    candidates = [obj for group in names for obj in group if obj.dep_ == "pobj"]
    candidates += [c for c in noun.children if c.dep_ == "appos"]
    candidates += _called(noun)  # "a British colony called Northern Ealand"
    if noun.dep_ == "appos":
        candidates.append(noun.head)
    for cand in candidates:
        name = proper_name(ctx, cand)
        if name:
            ctx.add(name, country, noun.i, "place", "described_place")
    name = _name_before(ctx, noun)  # "Indonesia's Central Java province"
    if name:
        ctx.add(name, country, noun.i, "place", "described_place")


def _called(noun: Token) -> list[Token]:
    """The name in "a colony called X", "a town named X", "a region known as X"."""
    out: list[Token] = []
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.lemma_ in ("call", "name", "know", "rename", "dub"):
            for obj in acl.subtree:
                if obj.dep_ in ("oprd", "attr", "dobj", "pobj") and obj.pos_ == "PROPN":
                    out.append(obj)
    return out


def _described_organisation(ctx: CountryContext, tok: Token) -> None:
    for appos in tok.children:
        if appos.dep_ != "appos" or appos.pos_ != "NOUN" or appos.lower_ in PLACE_NOUNS:
            continue
        name = proper_name(ctx, tok)
        country, _office = country_in_description(ctx, appos, exclude=tok, based=False)
        if name and country and ctx.canonical_person(name) is None:
            ctx.add(ctx.expand(name), country, tok.i, "organisation", "described_organisation")


def _name_before(ctx: CountryContext, noun: Token) -> str | None:
    """The proper name compounded right before a place noun ("Central Java province")."""
    tokens = ctx.tokens
    j = noun.i - 1
    while (
        j >= 0
        and tokens[j].pos_ == "PROPN"
        and tokens[j].text[:1].isupper()
        and j < tokens[j].head.i <= noun.i
        and tokens[j].dep_ == "compound"
        and j not in ctx.mentions
        and j not in ctx.person_tokens
    ):
        j -= 1
    return ctx.doc[j + 1 : noun.i].text if j + 1 < noun.i else None


# ============================================================================ rule 8
def description_links(ctx: CountryContext) -> None:
    """Rule 8: "Norway's state-owned investor Norfund", "The Dutch development bank FMO",
    "the Lagos-based consultancy Briter" (the name after the description is the subject);
    with no name, the description itself: "Spain's civil protection agency", "a senior
    Nigerian banker", "a battery maker in South Korea", "Chile's ban on imports of used
    tyres" (a singular organisation or person noun, not negated: "not a single Kazakh
    official" names nobody; an owned noun only with a possessive or adjective country)."""
    for tok in ctx.tokens:
        word = _description_word(ctx, tok)
        if word is None:
            continue
        head = (
            tok.head
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i
            else tok
        )
        if _negated(ctx, head):
            continue
        country, source = describing_country(ctx, tok)
        if country is None or (word in OWNED_NOUNS and source is not None):
            continue  # "a house in Spain" is not Spain's
        name = (
            _description_name(ctx, tok, head)
            or _name_before_its_description(ctx, tok)
            or _name_after(ctx, tok)
            or _copula_name(ctx, tok)
            or _name_written_here(ctx, tok)
            or _named_before(ctx, tok)
        )
        ctx.described.add(tok.i)
        if name is not None:
            ctx.add(ctx.expand(name), country, tok.i, "organisation", "described_by_country")
        elif not _named_elsewhere(ctx, tok):
            _link_description(ctx, tok, word, country, source)


# Kinds of vessel a nationality word and a name can stand around ("Greek cargo ship MV X").
_VESSEL_NOUNS = {
    "ship", "vessel", "tanker", "freighter", "ferry", "trawler", "yacht", "liner", "carrier",
    "frigate", "destroyer", "submarine", "warship", "boat", "cruiser", "icebreaker",
}  # fmt: skip


def named_vessels(ctx: CountryContext) -> None:
    """ "the Greek cargo ship MV Arden Belle sank": a nationality word before a kind of vessel
    whose name follows is the named vessel's country (its flag or its owner's, as the
    annotation of real news links it); "a Greek ship" with no name names no vessel. A name
    written again with its prefix ("Arden Belle", then "MV Arden Belle") is one vessel: the
    longest form is linked."""
    found = [v for v in (_named_vessel(ctx, tok) for tok in ctx.tokens) if v is not None]
    for text, country, at in found:
        if not any(other != text and other.endswith(" " + text) for other, _, _ in found):
            ctx.add(text, country, at, "other", "named_vessel")


def _named_vessel(ctx: CountryContext, tok: Token) -> tuple[str, str, int] | None:
    """(name, country, at) of "Greek cargo ship MV Arden Belle" at the vessel noun, else None."""
    doc = ctx.doc
    if tok.lower_ not in _VESSEL_NOUNS or tok.tag_ != "NN" or tok.i + 1 >= len(doc):
        return None
    j = tok.i - 1
    while j >= 0 and doc[j].pos_ == "NOUN" and doc[j].text.islower():
        j -= 1  # "cargo", "oil"
    mention = next((m for m in ctx.mentions.values() if m.end == j + 1 and m.form == "adj"), None)
    last = _name_right_after(ctx, tok)
    if mention is None or last is None:
        return None
    name = doc[tok.i + 1 : last.i + 1]
    if any(t.i in ctx.mentions or t.i in ctx.person_tokens for t in name):
        return None
    return name.text, mention.country, tok.i


def _description_word(ctx: CountryContext, tok: Token) -> str | None:
    """The organisation, person or owned noun ("start-up" whole), unless it is part of a
    person's mention, a title, a country or a named entity (rule 4)."""
    word = tok.lower_
    if tok.i >= 2 and ctx.tokens[tok.i - 1].text == "-":  # "start-up"
        word = f"{ctx.tokens[tok.i - 2].lower_}-{word}"
    if tok.tag_ not in {"NN", "NNP"} or (
        word not in ORG_NOUNS and word not in PERSON_NOUNS and word not in OWNED_NOUNS
    ):
        return None
    if tok.i in ctx.person_tokens or tok.i in ctx.title_tokens or tok.i in ctx.mentions:
        return None
    if any(c.lower_ in ("prime", "vice") for c in tok.lefts):
        return None  # "the prime ministry": an office, not a body
    ent = ctx.ent_of.get(tok.i)
    if ent is not None and ent.label_ in {"ORG", "FAC", "PERSON", "GPE"}:
        return None
    return word


def _named_elsewhere(ctx: CountryContext, tok: Token) -> bool:
    """ "Jane Doe, a British diplomat", "the agency, Aemet": the name is linked elsewhere; a
    headline's "Murdered Danish reporter ..." is the one the story goes on to name."""
    return (
        _names_a_person(ctx, tok)
        or _said_of_a_person(ctx, tok)
        or in_headline(ctx, tok)
        or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)
        or (tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and not _a_place(ctx, tok.head))
    )


def _a_place(ctx: CountryContext, tok: Token) -> bool:
    """ "two visitors died in Lima, Peru — a man from Chile ...": the parse may hang the
    description on the place before it, which names no one."""
    ent = ctx.ent_of.get(tok.i)
    return tok.i in ctx.mentions or (ent is not None and ent.label_ in {"GPE", "LOC"})


def in_headline(ctx: CountryContext, tok: Token) -> bool:
    """tok is in the first line of an article that has more lines (its headline)."""
    text = doc_text(ctx.doc)  # Doc.text joins every token on each access
    first_break = text.find("\n")
    return 0 <= tok.idx < first_break and bool(text[first_break:].strip())


def _link_description(
    ctx: CountryContext, tok: Token, word: str, country: str, source: Token | None
) -> None:
    start = min([c.left_edge.i for c in tok.lefts if c.dep_ != "det"] + [tok.i])
    end = tok.i + 1
    if source is not None and source.i > tok.i:
        end = source.right_edge.i + 1  # "a battery maker in South Korea"
    elif word in POLICY_NOUNS:
        end = _policy_end(tok, end)
    kind = "person" if word in PERSON_NOUNS and word not in ORG_NOUNS else "organisation"
    subject = THE_COUNTRYS.sub("", ctx.doc[start:end].text)  # "the country's health agency"
    ctx.add(subject, country, tok.i, kind, "description")


def _policy_end(tok: Token, end: int) -> int:
    """ "Chile's ban on imports of used tyres": the policy with what it is on (the
    parse may hang the main verb there)."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in {"on", "against"}:
            end = child.right_edge.i + 1
            verbs = [t.i for t in child.subtree if t.pos_ in {"VERB", "AUX"}]
            end = min([end, *verbs])
    return end


def _negated(ctx: CountryContext, head: Token) -> bool:
    dets = [c for c in head.children if c.dep_ in {"det", "predet", "neg"}]
    if any(d.lower_ in INDEFINITE - {"a", "an"} for d in dets):
        return True
    k = max(0, head.left_edge.i - 1)  # "not a single Kazakh official"
    return any(t.lower_ in {"not", "no", "never"} for t in ctx.doc[k : head.i])


def _description_name(ctx: CountryContext, noun: Token, head: Token) -> str | None:
    """The organisation's name after its description: "investor Norfund", "bank FMO",
    "agency, Aemet"."""
    if _head_past_next_name(ctx, noun, head):
        head = _name_right_after(ctx, noun) or noun
    candidates = [head] if head.i != noun.i else []
    candidates += [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for cand in candidates:
        if cand.i in ctx.person_tokens and _organisation_named(cand) and cand.i in ctx.ent_of:
            return ctx.ent_of[cand.i].text
        if cand.i in ctx.person_tokens or cand.i in ctx.mentions:
            continue
        name = proper_name(ctx, cand)
        if name and not geo.city_population(name):
            return name
    return _organisation_right_after(ctx, noun)


_NAME_LABELS = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART"}  # the small model's labels of such names


def _name_before_its_description(ctx: CountryContext, noun: Token) -> str | None:
    """ "KOMPAR, the Chilean competition agency, must approve the deal": the name a
    description stands in apposition to, right before its comma, is what it describes, also
    a mixed-case acronym the small model reads as no name at all (no person, no country)."""
    name = noun.head
    doc = ctx.doc
    if noun.dep_ != "appos" or name.i >= noun.i or doc[name.i + 1].text != ",":
        return None
    if name.i in ctx.mentions or name.i in ctx.person_tokens or not _looks_like_a_name(name):
        return None
    ent = ctx.ent_of.get(name.i)
    if ent is not None:
        return name_text(full_span(ctx, ent)) if ent.label_ in _NAME_LABELS else None
    start = name.i
    while start > 0 and _looks_like_a_name(doc[start - 1]) and doc[start - 1].i not in ctx.mentions:
        start -= 1
    return ctx.expand(doc[start : name.i + 1].text)


def _looks_like_a_name(tok: Token) -> bool:
    """A capitalised proper noun, or a word with two capitals or more ("ABCiK"-like acronyms)
    whatever its tag."""
    return tok.text[:1].isupper() and (
        tok.pos_ == "PROPN" or sum(c.isupper() for c in tok.text) >= 2
    )


def _organisation_named(cand: Token) -> bool:
    """ "software company Blue Fern": a name the model labels an organisation and an
    organisation noun qualifies is the organisation, though the people index took its two
    capitalised words for a person's name."""
    return cand.ent_type_ == "ORG" and any(
        c.dep_ == "compound" and c.lower_ in ORG_NOUNS for c in cand.lefts
    )


def _head_past_next_name(ctx: CountryContext, noun: Token, head: Token) -> bool:
    """ "Oslo-based grocer Vinmart and Lima-based grocer Tambo Foods": the parse hangs the first
    description on the second name, past an "and"; the description is the name's right after it."""
    return head.i > noun.i + 1 and any(
        t.dep_ == "cc" or t.text == "," for t in ctx.doc[noun.i + 1 : head.i]
    )


def _name_right_after(ctx: CountryContext, noun: Token) -> Token | None:
    """The last word of the proper name that starts right after ``noun``."""
    doc = ctx.doc
    k = noun.i + 1
    if doc[k].pos_ != "PROPN":
        return None
    while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper():
        k += 1
    return doc[k]


def _organisation_right_after(ctx: CountryContext, noun: Token) -> str | None:
    """ "French news channel BFM TV": an organisation's name right after its description,
    whatever the parse hung on what ("TV" a common noun)."""
    ent = ctx.ent_of.get(noun.i + 1)
    if ent is None or ent.label_ not in _NAME_LABELS or ent.start != noun.i + 1:
        return None
    if any(t.i in ctx.person_tokens or t.i in ctx.mentions for t in ent):
        return None
    return name_text(full_span(ctx, ent))


def _name_written_here(ctx: CountryContext, noun: Token) -> str | None:
    """ "the Peru House of Deputies" after a headline's "Peru House": a capitalised noun
    with the country in its own words is a name written in full here, with its "of" part, not
    a second mention of a shorter name given before."""
    if noun.pos_ != "PROPN" or not noun.text[:1].isupper() or in_headline(ctx, noun):
        return None
    lefts = [c for c in noun.lefts if c.dep_ != "det"]
    if not lefts or not any(t.i in ctx.mentions for t in lefts):
        return None
    end = noun.i + 1
    for prep in noun.rights:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "of" and prep.i == end and objects and _a_name_word(ctx, objects[0]):
            end = objects[0].right_edge.i + 1
        break
    return ctx.doc[lefts[0].left_edge.i : end].text


def _a_name_word(ctx: CountryContext, tok: Token) -> bool:
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.i not in ctx.mentions
        and tok.i not in ctx.person_tokens
    )


def _named_before(ctx: CountryContext, noun: Token) -> str | None:
    """ "the Lisbon-based court" after "the Court of Maritime Appeals": the organisation
    named a little earlier whose name has the noun."""
    if ctx.people is None or not any(c.lower_ == "the" for c in noun.children):
        return None
    for i in range(noun.i - 1, max(-1, noun.i - 400), -1):
        t = ctx.tokens[i]
        if t.lower_ == noun.lower_ and t.text[:1].isupper():
            org = ctx.people.organisation_at(i)
            if org:
                return org
    return None


def _copula_name(ctx: CountryContext, noun: Token) -> str | None:
    """ "The AWF is a banned militant group in Peru": the named subject the description is
    said of (an acronym spelt out from the article); no person, no country."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or noun.lower_ not in ORG_NOUNS:
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or not subject.text[:1].isupper():
        return None
    ent = ctx.ent_of.get(subject.i)
    span = full_span(ctx, ent) if ent is not None else ctx.doc[subject.left_edge.i : subject.i + 1]
    if any(t.i in ctx.person_tokens or t.i in ctx.mentions for t in span):
        return None
    return ctx.expand(clean(name_text(span)))


def _name_after(ctx: CountryContext, noun: Token) -> str | None:
    """ "a Pakistani research group, the Sustainable Development Policy Institute": the
    organisation named right after the description, whatever the parse made of it."""
    doc = ctx.doc
    k = noun.i + 1
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    ent = ctx.ent_of.get(k + 1)
    if ent is None or ent.label_ != "ORG" or ent.start != k + 1:
        return None
    return name_text(full_span(ctx, ent))


def _said_of_a_person(ctx: CountryContext, noun: Token) -> bool:
    """ "Tom Reid is a Chilean banker": the person is linked, not the description."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.i in ctx.person_tokens for c in noun.head.children)


def _names_a_person(ctx: CountryContext, noun: Token) -> bool:
    if noun.dep_ == "appos" and noun.head.i in ctx.person_tokens:
        return True
    return any(c.dep_ == "appos" and c.i in ctx.person_tokens for c in noun.children)


# ============================================================================ last
def _words(subject: str) -> frozenset[str]:
    return frozenset(w for w in fold(subject).split() if w not in ("the", "of", "and"))


def one_link_per_named_thing(ctx: CountryContext) -> None:
    """ "the World Championships", "the World Rowing Championships" and "the 2031 World
    Rowing Championships" in Lima are one event: of the named events linked to
    one country, a name whose words are all in another's is the same event, linked once
    (under its longest name). Bodies are not merged: "Congress" and "the National Congress"
    are both reported."""
    named = [
        link
        for link in ctx.links
        if link.subject_kind in ("organisation", "event")
        and _words(link.subject) & (EVENT_NOUNS - OWNED_NOUNS)
    ]
    drop = {
        id(short)
        for short in named
        for long in named
        if short is not long
        and short.country == long.country
        and _words(short.subject) < _words(long.subject)
    }
    ctx.links = [link for link in ctx.links if id(link) not in drop]


# Singular forms of a headline's plural event nouns ("primaries" -> "primary").
_VOTES = {"election", "primary", "caucus", "referendum", "vote", "poll"}


def one_link_per_headline_vote(ctx: CountryContext) -> None:
    """ "U.S. elections were stolen" in a headline, "the 2020 U.S. presidential election" in
    the text: a headline's national vote is the one the text names (headlines restate the
    story in short), linked once, as the text names it; a vote the text names in the
    headline's words keeps the headline's link (the one its pair was given first), and so
    does a headline's vote of a year that none of the text's votes has ("X endorses Y in
    2020 Peruvian election" over a text that names only the 2016 one: another vote)."""
    text = doc_text(ctx.doc)
    first_break = text.find("\n")
    if first_break < 0 or not text[first_break:].strip():
        return
    body = fold(text[first_break:])
    in_text: dict[tuple[str, str], list[set[str]]] = {}
    for link in ctx.links:
        if link.evidence_start > first_break:
            words = fold(link.subject).split()
            for word in words:
                in_text.setdefault((_singular(word), link.country), []).append(_years(words))
    ctx.links = [
        link for link in ctx.links if not _headline_vote_restated(link, first_break, body, in_text)
    ]


def _headline_vote_restated(
    link: CountryLink, first_break: int, body: str, in_text: dict[tuple[str, str], list[set[str]]]
) -> bool:
    if link.evidence_start > first_break or link.rule != "nationality_noun":
        return False
    words = fold(link.subject).split()
    key = (_singular(words[-1]), link.country)
    if key[0] not in _VOTES or key not in in_text or fold(link.subject) in body:
        return False
    years = _years(words)
    return not years or any(not text_years or text_years & years for text_years in in_text[key])


def _years(words: list[str]) -> set[str]:
    return {word for word in words if len(word) == 4 and word.isdigit()}


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def one_link_per_bracketed_name(ctx: CountryContext) -> None:
    """ "the Kelso Institute of Geology (Kigeo)": the short name in brackets right after a
    linked name of the same country is that body's other name, linked once (under the
    long one)."""
    _drop_other_names(ctx, lambda short, long: f"{long.subject} ({short.subject})" in long.evidence)


def one_link_per_listed_name(ctx: CountryContext) -> None:
    """ "the High Court of Arden and Vale" and "the High Court of Arden" from one sentence are
    one body: a name that another name of the same country and sentence continues with "and
    ..." is that name cut short, linked once under the whole name."""
    _drop_other_names(ctx, lambda short, long: long.subject.startswith(short.subject + " and "))


def _drop_other_names(
    ctx: CountryContext, names_same_body: Callable[[CountryLink, CountryLink], bool]
) -> None:
    """Drop each link (short) of a sentence whose body another link (long) of the same
    country and sentence already names, as names_same_body(short, long) tells."""
    drop = {
        id(short)
        for short in ctx.links
        for long in ctx.links
        if short is not long
        and short.country == long.country
        and short.evidence_start == long.evidence_start
        and names_same_body(short, long)
    }
    ctx.links = [link for link in ctx.links if id(link) not in drop]


def one_link_per_named_person(ctx: CountryContext) -> None:
    """ "Abdel Fattah" and "Abdel Fattah al-Sisi" from one sentence are one person: a
    person's name whose words start a longer name linked to the same country in the same
    sentence is linked once, under the longer name."""
    people = [link for link in ctx.links if link.subject_kind == "person"]
    drop = {
        id(short)
        for short in people
        for long in people
        if short is not long
        and short.country == long.country
        and short.evidence_start == long.evidence_start
        and len(short.subject.split()) < len(long.subject.split())
        and long.subject.split()[: len(short.subject.split())] == short.subject.split()
    }
    ctx.links = [link for link in ctx.links if id(link) not in drop]


# Words that share out a place among the names listed before them ("A and B, both in Peru").
_SHARING_WORDS = {"both", "all"}


def bodies_placed_together(ctx: CountryContext) -> None:
    """ "the Midland Institute (MI) and the College of Arden, both in Peru": each body named
    in the list before ", both in / all in / both from <country>" is in that country."""
    doc = ctx.doc
    for k in range(1, len(doc) - 2):
        if doc[k].lower_ not in _SHARING_WORDS or doc[k - 1].text != ",":
            continue
        if doc[k + 1].lower_ not in {"in", "from"}:
            continue
        mention = ctx.mentions.get(k + 2)
        if mention is None or mention.form != "name" or mention.start != k + 2:
            continue
        bodies = _listed_bodies(ctx, k - 2)
        if len(bodies) >= 2:
            for body in bodies:
                ctx.add(
                    ctx.expand(name_text(body)),
                    mention.country,
                    body.start,
                    "organisation",
                    "bodies_placed_together",
                )


def _listed_bodies(ctx: CountryContext, j: int) -> list[Span]:
    """The organisations listed backwards from token ``j``, joined by "and" or commas, a
    bracketed acronym after one skipped ("the Midland Institute (MI) and ...")."""
    doc = ctx.doc
    bodies: list[Span] = []
    while j >= 0:
        if doc[j].text == ")" and j >= 2 and doc[j - 2].text == "(":
            j -= 3
            continue
        ent = ctx.ent_of.get(j)
        if ent is None or ent.label_ not in _ORG_LABELS or ent.end != j + 1:
            break
        bodies.append(ent)
        j = ent.start - 1
        if j >= 0 and doc[j].lower_ in {"and", ","}:
            j -= 1
        else:
            break
    return bodies


# The bodies of a state a list may name after one possessive country ("Peru's foreign ministry,
# defence ministry and interior ministry").
_STATE_BODIES = ORG_NOUNS | OWNED_NOUNS | {
    "police", "army", "military", "forces", "government", "office", "service", "council",
    "guard", "directorate", "bureau", "inspectorate", "administration", "prosecutor's",
}  # fmt: skip
# Bodies a list may name by their one word ("Peru's navy, army and police").
_BODIES_ALONE = {
    "police",
    "army",
    "navy",
    "military",
    "government",
    "parliament",
    "senate",
    "cabinet",
}
_MAX_BODY_WORDS = 4
_BODY_WORD_POS = {
    "NOUN",
    "PROPN",
    "ADJ",
    "DET",
}  # "the interior ministry", no verb nor pronoun  # "defence ministry", "state border guard service"


def bodies_listed_after_a_possessive(ctx: CountryContext) -> None:
    """ "Peru's foreign ministry, defence ministry and interior ministry": every body of the
    list after one possessive country is that country's (each linked as written)."""
    for mention in ctx.mentions_in_order:
        last = ctx.tokens[mention.end - 1]
        if mention.form != "name" or last.dep_ != "poss" or last.head.i <= last.i:
            continue
        head = last.head
        listed = _bodies_listed_after(ctx, head.i + 1) if head.lower_ in _STATE_BODIES else []
        if listed and not _linked_already(ctx, ctx.doc[last.i + 2 : head.i + 1].text):
            listed.insert(0, (mention.start, head.i + 1))
        for start, end in listed:
            subject = ctx.doc[start:end].text
            ctx.add(
                subject, mention.country, start, "organisation", "bodies_listed_after_a_possessive"
            )


def _linked_already(ctx: CountryContext, body: str) -> bool:
    """A link of this body made by an earlier rule ("Peru's health ministry")."""
    folded = fold(body)
    return any(folded in fold(link.subject) for link in ctx.links)


def _bodies_listed_after(ctx: CountryContext, k: int) -> list[tuple[int, int]]:
    """The bodies joined by commas or "and" from token ``k`` on, each a few words ending in a
    body noun with no country or person of its own ("defence ministry", "the tax office")."""
    doc, found, joined = ctx.doc, [], False
    while k < len(doc) and doc[k].text == "," or k < len(doc) and doc[k].lower_ == "and":
        joined = joined or doc[k].lower_ == "and"
        k += 1
        if k < len(doc) and doc[k].lower_ == "and":
            joined, k = True, k + 1
        end = _body_end(ctx, k)
        if end is None:
            break
        found.append((k, end))
        k = end
    return found if joined else []  # "X's agency, the Y Authority, said": an apposition


def _body_end(ctx: CountryContext, k: int) -> int | None:
    """The end of a body's words starting at ``k`` ("defence ministry", or a named one:
    "Department of Energy"), or None when no body starts there."""
    doc = ctx.doc
    ent = ctx.ent_of.get(k)
    if ent is not None and ent.start == k and ent.label_ == "ORG":
        return None if any(t.i in ctx.mentions for t in ent) else ent.end
    for end in range(k + 1, min(len(doc), k + _MAX_BODY_WORDS) + 1):
        tok = doc[end - 1]
        if (
            not tok.is_alpha
            or tok.pos_ not in _BODY_WORD_POS
            or tok.i in ctx.mentions
            or tok.i in ctx.person_tokens
        ):
            return None
        if tok.lower_ in _STATE_BODIES and (end - k >= 2 or tok.lower_ in _BODIES_ALONE):
            nxt = doc[end] if end < len(doc) else None
            if nxt is None or nxt.lower_ not in _STATE_BODIES:
                return end
    return None


# The last word of a national body's name ("the Chile Coast Guard", "Peru's Disaster and
# Emergency Management Presidency").
_BODY_NAME_ENDS = {
    "guard", "police", "army", "navy", "force", "forces", "ministry", "department", "agency",
    "service", "office", "bureau", "council", "court", "commission", "authority",
    "administration", "corps", "directorate", "presidency", "inspectorate", "gendarmerie",
}  # fmt: skip
_NAME_JOINERS = {"and", "of", "for", "&"}
_MAX_NAME_WORDS = 8


def national_bodies_named_in_full(ctx: CountryContext) -> None:
    """ "The Chile Coast Guard (CCG) called off its search", "Peru's Disaster and Emergency
    Management Presidency reported ...": a body named by its country and capitalised words
    ending in a body word is that country's, whatever label the small model gives the name
    (it may read "The Chile Coast Guard" as a place)."""
    for mention in ctx.mentions_in_order:
        if mention.form != "name":
            continue
        k = mention.end
        possessive = k < len(ctx.doc) and ctx.doc[k].tag_ == "POS"
        end = _body_name_end(ctx, k + possessive)
        if end is None:
            continue
        start = k + possessive if possessive else mention.start
        name = ctx.doc[start:end].text
        if not _linked_already(ctx, ctx.doc[k + possessive : end].text):
            ctx.add(name, mention.country, start, "organisation", "national_body_named_in_full")


def _body_name_end(ctx: CountryContext, k: int) -> int | None:
    """The end of a capitalised name from ``k`` whose last word is a body word ("Coast
    Guard", "Disaster and Emergency Management Presidency"), joined only by and/of/for."""
    doc, end = ctx.doc, None
    for j in range(k, min(len(doc), k + _MAX_NAME_WORDS)):
        tok = doc[j]
        if tok.lower_ in _NAME_JOINERS and j > k:
            continue
        if not tok.is_alpha or not tok.text[:1].isupper() or j in ctx.mentions:
            break
        if tok.lower_ in _BODY_NAME_ENDS:
            end = j + 1
    return end


def acronyms_of_a_country(ctx: CountryContext) -> None:
    """ "NTV of Kenya reported", "the DINI of Peru said": a body named by an acronym and "of"
    a country's name is that country's (not a role's acronym, "the CEO of Chile's ...", nor
    an acronym of a longer name, "SKY of Peru Telecom")."""
    for ent in entities(ctx.doc):
        if ent.label_ not in _ORG_LABELS or len(ent) != 1 or not _acronym(ent.text):
            continue
        of = ent.end
        if of + 1 >= len(ctx.doc) or ctx.doc[of].lower_ != "of":
            continue
        mention = ctx.name_mention_from(of + 1)
        if mention is None or ctx.doc[ent.start].lower_ in _ROLE_ACRONYMS:
            continue
        after = ctx.doc[mention.end] if mention.end < len(ctx.doc) else None
        if after is not None and (after.tag_ == "POS" or after.text[:1].isupper()):
            continue
        name = ctx.doc[ent.start : mention.end].text
        ctx.add(name, mention.country, ent.start, "organisation", "acronym_of_a_country")


def acronyms_with_a_nationality(ctx: CountryContext) -> None:
    """ "Belarusian KGB arrested 33 men", "the Chilean FARC": a nationality word right before
    an acronym it qualifies, the acronym ending the name, is a body of that country (the small
    model reads such an acronym as a nationality or as nothing, so no entity rule sees a body)."""
    for mention in ctx.unique_mentions:
        if mention.form != "adj" or mention.end >= len(ctx.tokens):
            continue
        acronym = ctx.tokens[mention.end]
        if not _acronym(acronym.text) or acronym.i in ctx.mentions:
            continue
        if ctx.tokens[mention.end - 1].head.i != acronym.i or acronym.lower_ in _ROLE_ACRONYMS:
            continue
        if acronym.dep_ in ("compound", "amod") or acronym.ent_type_ in ("PERSON", "DATE"):
            continue  # "Chilean FBI agents": the acronym qualifies another noun
        name = ctx.doc[mention.start : acronym.i + 1].text
        ctx.add(name, mention.country, acronym.i, "organisation", "acronym_with_a_nationality")


# Acronyms of a person's role, not of a body ("the CEO of ...").
_ROLE_ACRONYMS = {"ceo", "cfo", "coo", "cto", "mp", "mep", "md", "vp"}


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


# Participles of a body's owner or master before its name ("Peru's state-owned Petro Andina").
_OWNED = {"owned", "run", "controlled", "backed", "funded", "operated"}


def bodies_a_country_owns(ctx: CountryContext) -> None:
    """ "Peru's state-owned Petro Andina", "Chile's government-run Banco Austral": a name
    after a country's possessive and an owner's participle, with no kind of body between
    (that shape is ``description_links``'), is a body of the country (whatever the small
    model labels the name: nothing but a body is state-owned)."""
    for participle in ctx.tokens:
        name = participle.head
        if participle.lower_ not in _OWNED or participle.dep_ != "amod" or name.pos_ != "PROPN":
            continue
        owner = next((c for c in name.lefts if c.dep_ == "poss" and c.i in ctx.mentions), None)
        if owner is None or ctx.mentions[owner.i].form != "name":
            continue
        words = ctx.doc[participle.i + 1 : name.i + 1]
        if len(words) and all(w.pos_ == "PROPN" for w in words):
            country = ctx.mentions[owner.i].country
            ctx.add(ctx.expand(words.text), country, name.i, "organisation", "body_a_country_owns")
