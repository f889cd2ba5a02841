"""Rules that find a person's mention ("seeds"), and the passes that clean the mentions.

Each seed rule looks at one token (``TOKEN_RULES``, tried in this order on every token
that does not end a line) or one entity (``ENTITY_RULES``) and yields the tokens of a name
with the reason it is a person's. Seeds are widened to the whole capitalised run, split
into role and name (``names.split_run``) and merged by position; ``MENTION_PASSES`` then
drop what is no person and add the full names of surnames.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..geo import city_population, country_of_adjective, is_country, region_country
from ..lexicon import (
    DOCUMENT_NOUNS,
    HONORIFICS,
    KIN_NOUNS,
    OFFICE_TITLES,
    ORG_WORDS,
    PERSON_ROLE_NOUNS,
    SUBJECT_DEPS,
)
from ..sentences import doc_tokens, entities
from ..text import QUOTE_MARKS, fold_word, quotations
from .names import RawMention, appositive_role, name_run, place_before_name, split_run
from .tokens import (
    CITY_SIZE,
    LED_BY_VERBS,
    NON_PERSON_LABELS,
    NOT_NAME_LABELS,
    STRONG_TITLES,
    is_acronym,
    is_capitalised,
    is_name_token,
    is_speech,
    labels,
    name_word,
    starts_line,
)


class Seed(NamedTuple):
    first: int  # token indices of the name (inclusive), widened later to the whole run
    last: int
    kind: str  # why it is a person: ent | title | role | speech | colon
    title: int | None = None  # an office written before the name, out of its run


@dataclass(frozen=True)
class SeedInput:
    """What the seed rules read: the parse, its text, and the organisations known so far."""

    doc: Doc
    text: str
    quoted_words: frozenset[int]  # start offsets of one-word quotations ("‘Absurd’")
    organisation_at: Callable[[int], str | None]

    def run(self, i: int) -> tuple[int, int]:
        return name_run(self.doc, i)


# ----------------------------------------------------------------------------- entity rules
def person_entity(ctx: SeedInput, ent: Span) -> Iterator[Seed]:
    """A PERSON entity: "Kassym-Jomart Tokayev said". Not a "person" modifying another noun
    ("Cal Fire spokesperson"), nor a one-word quotation ("‘Absurd’, chairman says")."""
    if len(ent) == 1 and ent.start_char in ctx.quoted_words:
        return
    root = ent.root
    if ent.label_ == "PERSON" and not (
        root.dep_ in ("compound", "amod")
        and root.head.i not in range(ent.start, ent.end)
        and root.head.pos_ != "PROPN"
    ):
        yield Seed(ent.start, ent.end - 1, "ent")


# ----------------------------------------------------------------------------- token rules
def _titled(tok: Token, nxt: Token) -> bool:
    low = fold_word(tok.text)
    return (
        is_capitalised(tok)
        and is_name_token(nxt)
        and (low in HONORIFICS or (low in STRONG_TITLES and nxt.ent_type_ not in ("GPE", "LOC")))
    )


def _plural_title(tok: Token) -> bool:
    """ "Presidents", "Senators": a strong title for several names."""
    low = fold_word(tok.text)
    return is_capitalised(tok) and low.endswith("s") and low[:-1] in STRONG_TITLES


def title_before_name(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """An honorific or strong title in front of a name: "Mr D'Anieri", "President Xi"; a
    plural title before names joined by "and" titles each of them ("Presidents Ana Lind of
    Norway and Tom Reid of Ireland")."""
    if not is_capitalised(tok):
        return  # both kinds of title are capitalised (the first test of each)
    if _titled(tok, nxt):
        yield Seed(tok.i, tok.i + 1, "title")
    elif _plural_title(tok) and is_name_token(nxt) and nxt.ent_type_ not in ("GPE", "LOC"):
        run = ctx.run(nxt.i)
        yield Seed(tok.i, run[1], "title")
        for conj in ctx.doc[run[1]].conjuncts:
            if conj.i > run[1] and is_name_token(conj):
                yield Seed(*ctx.run(conj.i), "title")


def role_noun_before_name(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """A role noun compounded with a name: "analyst Jane Doe" (unless a title already)."""
    if (
        tok.pos_ == "NOUN"
        and tok.lower_ in PERSON_ROLE_NOUNS
        and tok.dep_ == "compound"
        and is_name_token(nxt)
        and nxt.ent_type_ not in NON_PERSON_LABELS
        and not _titled(tok, nxt)
    ):
        yield Seed(tok.i + 1, tok.i + 1, "role")


def name_with_role_appositive(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "Nargis Kassenova, a senior fellow at ...": a person even when the model labelled
    the name as a place, if it has two words or more."""
    if tok.pos_ != "PROPN" or not any(
        c.dep_ == "appos" and c.lemma_.lower() in PERSON_ROLE_NOUNS for c in tok.children
    ):
        return
    run = ctx.run(tok.i)
    if tok.ent_type_ not in NON_PERSON_LABELS or run[1] > run[0]:
        yield Seed(tok.i, tok.i, "role")


def _who_clause(tok: Token) -> bool:
    return any(
        c.dep_ == "relcl"
        and c.i > tok.i
        and any(g.lower_ in ("who", "whom", "whose") and g.i < c.i for g in c.children)
        for c in tok.children
    )


def name_before_who(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "Amara Osei, who leads the team, ...": "who" speaks of a person, whatever label the
    model gave a name of two words or more; not the place of work in "an analyst at Hanul
    Securities, who said"."""
    if (
        tok.pos_ != "PROPN"
        or (tok.dep_ == "pobj" and tok.head.lower_ != "by")
        or not _who_clause(tok)
        or ctx.organisation_at(tok.i) is not None
    ):
        return
    run = ctx.run(tok.i)
    if run[1] > run[0] and labels(ctx.doc, run) <= {"", "PERSON", "ORG", "NORP"}:
        yield Seed(*run, "role")


_OFFICE_OR_ROLE = frozenset(OFFICE_TITLES | PERSON_ROLE_NOUNS)  # built once, not per token


def name_in_apposition_to_office(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "Chile's Agriculture Minister, Esteban Vidal, said": the name in apposition to an
    office is a person's, whatever label the model gave it; also one name set off by commas
    ("Indonesia's investment minister, Suharyanto, who ...")."""
    if fold_word(tok.text) not in _OFFICE_OR_ROLE or tok.pos_ not in (
        "NOUN",
        "PROPN",
    ):
        return
    for c in tok.children:
        if c.dep_ != "appos" or c.pos_ != "PROPN" or c.i < tok.i:
            continue
        run = ctx.run(c.i)
        found = labels(ctx.doc, run)
        if (
            run[1] > run[0]
            and found <= {"", "PERSON", "ORG", "GPE", "NORP"}
            and (ctx.organisation_at(c.i) is None or found <= {"", "PERSON"})
        ):
            yield Seed(*run, "role")
        elif (
            run[0] == run[1] == c.i
            and found <= {"", "PERSON", "ORG", "GPE"}
            and _single_name(ctx.doc, c)
        ):
            yield Seed(c.i, c.i, "role")


def _single_name(doc: Doc, c: Token) -> bool:
    """A one-word name set off by commas that is no country, big city, acronym or
    organisation word."""
    return (
        not is_country(c.text)
        and city_population(c.text) < CITY_SIZE
        and doc[c.i - 1].text == ","
        and c.i + 1 < len(doc)
        and doc[c.i + 1].text == ","
        and not is_acronym(c)
        and fold_word(c.text) not in ORG_WORDS
    )


def _speech_verb_or_clause(verb: Token) -> bool:
    """ "X said", or "X returned, telling supporters that ...": a participle clause of speech
    attached to the main verb."""
    return is_speech(verb) or any(
        c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and is_speech(c) for c in verb.children
    )


SPEAKING_NAME_LABELS = {"", "PERSON", "ORG", "WORK_OF_ART", "PRODUCT"}


def _no_article(doc: Doc, run: tuple[int, int], found: set[str]) -> bool:
    """A name labelled a title is a person's only without an article ("The Evening Star
    quoted ...": a newspaper); nor is a name an article and a nationality open ("The
    Peruvian Red Cross said": a national body, as a person is never "the Peruvian Ana Lind")."""
    if _after_article_and_nationality(doc, run[0]):
        return False
    return not found & {"WORK_OF_ART", "PRODUCT"} or run[0] == 0 or doc[run[0] - 1].pos_ != "DET"


def _after_article_and_nationality(doc: Doc, start: int) -> bool:
    """ "the Chilean ..." / "The South Korean ...": a run that opens with nationality words
    after an article, or follows them."""
    k = next(
        (i for i in range(max(start - 1, 1), min(start + 2, len(doc))) if _nationality(doc[i])),
        None,
    )
    if k is None:
        return False
    while k >= 1 and doc[k - 1].text[:1].isupper() and doc[k - 1].lower_ != "the":
        k -= 1  # "South" of "South Korean"
    return k >= 1 and doc[k - 1].lower_ == "the" and k - 1 <= start


def _nationality(tok: Token) -> bool:
    """ "Chilean", or the second word of "South Korean"."""
    if not tok.text[:1].isupper():
        return False
    two = f"{tok.doc[tok.i - 1].text} {tok.text}" if tok.i else tok.text
    return country_of_adjective(tok.text) is not None or country_of_adjective(two) is not None


def speech_subject(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "Temur Umarov said": a two-word proper name, or an unlabelled single one, that is the
    subject of a speech verb, unless it is an organisation; a name the model took for a
    work's or a product's title speaks as a person too (titles do not say things)."""
    if (
        tok.dep_ != "nsubj"
        or tok.pos_ != "PROPN"
        or not _speech_verb_or_clause(tok.head)
        or tok.ent_type_ in NON_PERSON_LABELS
        or ctx.organisation_at(tok.i) is not None
    ):
        return
    run = ctx.run(tok.i)
    found = labels(ctx.doc, run)
    if (run[1] > run[0] and found <= SPEAKING_NAME_LABELS and _no_article(ctx.doc, run, found)) or (
        found == {""}
    ):
        yield Seed(*run, "speech")


def leader_of_group(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "scientists led by Amara Osei", "a panel chaired by X": whoever leads a group is a
    person when the name has 2-4 capitalised words and no organisation word."""
    if not (
        tok.dep_ == "pobj"
        and tok.pos_ == "PROPN"
        and tok.head.lower_ == "by"
        and tok.head.head.lemma_.lower() in LED_BY_VERBS
    ):
        return
    run = ctx.run(tok.i)
    tokens = ctx.doc[run[0] : run[1] + 1]
    if (
        2 <= len(tokens) <= 4
        and all(is_capitalised(t) for t in tokens)
        and not any(fold_word(t.text) in ORG_WORDS or is_acronym(t) for t in tokens)
        and labels(ctx.doc, run) <= {"", "PERSON", "ORG", "NORP"}
    ):
        yield Seed(*run, "role")


_OFFICES = (STRONG_TITLES | OFFICE_TITLES | PERSON_ROLE_NOUNS) - {
    "former", "first", "acting", "interim", "ex", "state", "foreign", "vice", "prime", "deputy",
}  # fmt: skip


def name_after_office_of(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "Ambassador to the United Nations Jane Roe", "Secretary of the Interior Tom Hale",
    "First Minister of Wales Ann Roe", "regional director of Oxfam Mei-lin Cho": an office,
    its "to/of/for" complement and then the holder's name, which the model often keeps
    inside the organisation's or the place's run (it marks an entity boundary before the
    name, or none at all)."""
    if not (
        tok.pos_ in ("NOUN", "PROPN")
        and fold_word(tok.text) in _OFFICES
        and nxt.lower_ in ("to", "of", "for")
    ):
        return
    doc = ctx.doc
    k = nxt.i + 1 + (nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ == "the")
    if k >= len(doc) or not is_name_token(doc[k]):
        return
    run = ctx.run(k)
    name_first = _name_start_in_run(doc, run)
    if name_first is not None and 2 <= _words(doc, name_first, run[1]) <= 3:
        yield Seed(name_first, run[1], "title", title=tok.i)


def _words(doc: Doc, first: int, last: int) -> int:
    """Words of tokens first..last, a hyphenated "Mei-lin" being one."""
    return len(doc[first : last + 1].text.split())


def _name_start_in_run(doc: Doc, run: tuple[int, int]) -> int | None:
    """Where a name starts inside an organisation's or a place's run: after its last
    organisation word ("the African Union | Jane Roe"), after a place that opens it ("Wales
    | Ann Roe"), else at the model's last entity boundary."""
    org_words = [i for i in range(run[0], run[1] + 1) if fold_word(doc[i].text) in ORG_WORDS]
    if org_words and org_words[-1] < run[1]:
        return org_words[-1] + 1
    place_end = place_before_name(doc, run[0], run[1])
    if place_end is not None:
        return place_end + 1
    starts = [i for i in range(run[0] + 1, run[1] + 1) if doc[i].ent_iob_ == "B"]
    return starts[-1] if starts else None


def name_after_kin_noun(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "His wife Ana said", "her son Tom Reid": a relative named right after the family
    noun and its possessive is a person, even a one-word name that is also a town's; the
    noun is the role (and tells the gender)."""
    if not (
        tok.pos_ == "NOUN"
        and fold_word(tok.text) in KIN_NOUNS
        and tok.text.islower()
        and any(c.dep_ == "poss" for c in tok.children)
        and is_name_token(nxt)
        and nxt.dep_ in ("appos", "compound", "flat")
        and nxt.ent_type_ in ("", "PERSON")
    ):
        return
    run = ctx.run(nxt.i)
    if run[0] == nxt.i and run[1] - run[0] <= 2:
        yield Seed(*run, "role", title=tok.i)


def name_given_as(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "a retired teacher who gave his name only as Daniel"."""
    doc = ctx.doc
    if (
        tok.lower_ == "as"
        and is_name_token(nxt)
        and tok.i >= 2
        and any(doc[k].lemma_.lower() == "name" for k in range(max(0, tok.i - 3), tok.i))
        and nxt.ent_type_ not in NON_PERSON_LABELS
    ):
        yield Seed(nxt.i, nxt.i, "role")


def name_before_colon_quote(ctx: SeedInput, tok: Token, nxt: Token) -> Iterator[Seed]:
    """ "Keir Stone: ‘This budget is a fraud’" at the start of a line."""
    doc = ctx.doc
    if not (
        tok.text == ":"
        and tok.i > 1
        and is_name_token(doc[tok.i - 1])
        and ctx.text[tok.idx + 1 : tok.idx + 3].strip()[:1] in QUOTE_MARKS
    ):
        return
    run = ctx.run(tok.i - 1)
    if (
        starts_line(doc, run[0])
        and run[1] > run[0]
        and labels(doc, run) <= {"", "PERSON", "ORG", "NORP"}
    ):
        yield Seed(*run, "colon")


EntityRule = Callable[[SeedInput, Span], Iterator[Seed]]
TokenRule = Callable[[SeedInput, Token, Token], Iterator[Seed]]

ENTITY_RULES: tuple[EntityRule, ...] = (person_entity,)
TOKEN_RULES: tuple[TokenRule, ...] = (
    title_before_name,
    role_noun_before_name,
    name_with_role_appositive,
    name_before_who,
    name_in_apposition_to_office,
    name_after_office_of,
    name_after_kin_noun,
    speech_subject,
    leader_of_group,
    name_given_as,
    name_before_colon_quote,
)


# The parts of speech a token rule can fire on: its own first test, repeated here so that
# seeds() tries on each token only the rules that can fire (most tokens are no noun, and
# then three rules of eleven are tried). A rule not listed is tried on every token.
RULE_POS: dict[TokenRule, frozenset[str]] = {
    role_noun_before_name: frozenset({"NOUN"}),
    name_with_role_appositive: frozenset({"PROPN"}),
    name_before_who: frozenset({"PROPN"}),
    name_in_apposition_to_office: frozenset({"NOUN", "PROPN"}),
    name_after_office_of: frozenset({"NOUN", "PROPN"}),
    name_after_kin_noun: frozenset({"NOUN"}),
    speech_subject: frozenset({"PROPN"}),
    leader_of_group: frozenset({"PROPN"}),
}


def rules_for_pos(pos: str) -> tuple[TokenRule, ...]:
    """TOKEN_RULES that can fire on a token of this part of speech, in their order."""
    return tuple(r for r in TOKEN_RULES if pos in RULE_POS.get(r, (pos,)))


def seeds(ctx: SeedInput) -> Iterator[Seed]:
    """Every seed: entity rules over the entities, then token rules token by token."""
    for ent in entities(ctx.doc):
        for entity_rule in ENTITY_RULES:
            yield from entity_rule(ctx, ent)
    toks = doc_tokens(ctx.doc)
    by_pos: dict[str, tuple[TokenRule, ...]] = {}
    for tok, nxt in pairwise(toks):  # every token but the last, with the next one
        if "\n" in tok.whitespace_:
            continue
        pos = tok.pos_
        rules = by_pos.get(pos)
        if rules is None:
            rules = by_pos[pos] = rules_for_pos(pos)
        for token_rule in rules:
            yield from token_rule(ctx, tok, nxt)


# ----------------------------------------------------------------------------- mentions
def raw_mentions(ctx: SeedInput) -> list[RawMention]:
    """The seeds as mentions: one per name position, the honorific and role filled in."""
    doc = ctx.doc
    found: dict[tuple[int, int], RawMention] = {}
    for seed in seeds(ctx):
        raw = split_run(doc, ctx.text, *name_run(doc, seed.first, seed.last))
        if raw is None:
            continue
        raw.kind = seed.kind
        _split_honorific(doc, raw)
        if seed.title is not None and seed.title < raw.first:
            _office_before(ctx, raw, seed.title)
        if raw.role is None:
            raw.role = appositive_role(doc, ctx.text, raw.name_last)
        _merge(found, raw, seed.kind)
    return list(found.values())


def _merge(found: dict[tuple[int, int], RawMention], raw: RawMention, kind: str) -> None:
    """One mention per name position: the first, unless a later one has an honorific; the
    reason is the last rule's that is not the entity label."""
    key = (raw.name_first, raw.name_last)
    old = found.get(key)
    if old is None:
        found[key] = raw
        return
    if raw.honorific and not old.honorific:
        found[key] = raw
    if kind != "ent":
        found[key].kind = kind
    if raw.first < found[key].first:  # an office found before the name by another rule
        found[key].first = raw.first
        found[key].role = found[key].role or raw.role


def _office_before(ctx: SeedInput, raw: RawMention, title: int) -> None:
    """The mention starts at the office written before it ("Ambassador to the United Nations
    | Jane Roe"), which is its role."""
    doc = ctx.doc
    last = doc[raw.name_first - 1]
    if raw.role is None:
        raw.role = ctx.text[doc[title].idx : last.idx + len(last.text)]
    raw.first = title


def _split_honorific(doc: Doc, raw: RawMention) -> None:
    """ "Sra. Lucía Ferrer": the tokenizer split the title's dot off."""
    f = raw.name_first
    if (
        raw.honorific is None
        and f >= 2
        and doc[f - 1].text == "."
        and fold_word(doc[f - 2].text) in HONORIFICS
        and is_capitalised(doc[f - 2])
    ):
        raw.honorific = fold_word(doc[f - 2].text)


# ----------------------------------------------------------------------------- passes
def drop_places(ctx: SeedInput, raws: list[RawMention]) -> list[RawMention]:
    """A one-word "person" known only from the model's PERSON label that names a place
    ("said one trader in Bogotá"): a country, a region, a big city, or a word the model
    labels a place elsewhere in the article."""
    places = {fold_word(t.text) for t in doc_tokens(ctx.doc) if t.ent_type_ in ("GPE", "LOC")}
    kinds: dict[str, set[str]] = {}
    in_full: set[str] = set()
    for r in raws:
        if len(r.words) == 1:
            kinds.setdefault(r.words[0], set()).add(r.kind if not r.honorific else "title")
        else:
            in_full.update(r.words)

    def is_place(r: RawMention) -> bool:
        word = r.words[0]
        if len(r.words) == 1 and not r.honorific and is_country(r.text):
            return True  # a country is never a person, whatever rule took it for one
        return (
            len(r.words) == 1
            and kinds[word] == {"ent"}
            and word not in in_full
            and (
                word in places
                or is_country(r.text)
                or region_country(r.text) is not None
                or city_population(r.text) >= CITY_SIZE
            )
        )

    return [r for r in raws if not is_place(r)]


def _listener(doc: Doc, i: int) -> bool:
    """Token i is who was told or interviewed, or where it was said: "told Bloomberg", "told
    the BBC", "in an interview with Reuters", "wrote on Twitter"."""
    tok = doc[i]
    head = tok.head
    if tok.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("on", "via", "to") and _medium(head):
        return True
    return (
        tok.dep_ == "pobj"
        and head.lower_ == "with"
        and head.head.lemma_.lower() in ("interview", "speak", "talk")
    )


def _medium(prep: Token) -> bool:
    """ "wrote on X", "in a post on X", "a video on X", "took to X (to say ...)": where
    something is said or published, not who says it."""
    host = prep.head
    if prep.lower_ == "to":
        return host.lemma_.lower() == "take" and any(
            c.dep_ in ("advcl", "xcomp") for c in host.children
        )
    return is_speech(host) or host.lemma_.lower() in DOCUMENT_NOUNS | {"video", "page", "account"}


def drop_outlets(ctx: SeedInput, raws: list[RawMention]) -> list[RawMention]:
    """A one-word "person" with no title or role that is only ever the one told or
    interviewed ("told Bloomberg", "in an interview with Reuters") and never speaks
    nor belongs to a longer name: a news outlet or an audience, not a person."""
    longer = {w for r in raws if len(r.words) > 1 for w in r.words}
    by_word: dict[str, list[RawMention]] = {}
    for r in raws:
        if len(r.words) == 1:
            by_word.setdefault(r.words[0], []).append(r)
    drop: set[int] = set()
    speakers: set[str] | None = None
    for word, group in by_word.items():
        if word in longer or not _only_ever_told(ctx, group):
            continue
        if speakers is None:
            speakers = {
                fold_word(t.text) for t in ctx.doc if t.dep_ in SUBJECT_DEPS and is_speech(t.head)
            }
        if word not in speakers:
            drop.update(id(r) for r in group)
    return [r for r in raws if id(r) not in drop]


def _only_ever_told(ctx: SeedInput, group: list[RawMention]) -> bool:
    """Every mention of the word is a bare entity that is told or interviewed."""
    if any(r.honorific or r.role or r.kind != "ent" for r in group):
        return False
    return all(_listener(ctx.doc, r.name_last) for r in group)


def full_names_of_surnames(ctx: SeedInput, raws: list[RawMention]) -> list[RawMention]:
    """A surname known only as "Mrs Papadopoulou" or "Okoro said": the article's full
    mention ("Eleni Papadopoulou, 72, ...") the model did not label is found by the word."""
    known = {w for r in raws if len(r.words) >= 2 for w in r.words}
    wanted = {r.words[0] for r in raws if len(r.words) == 1 and r.words[0] not in known}
    if not wanted:
        return raws
    taken = {i for r in raws for i in range(r.first, r.name_last + 1)}
    out: list[RawMention] = []
    for tok in doc_tokens(ctx.doc):
        if tok.i in taken or tok.i == 0 or not is_name_token(tok):
            continue
        word = name_word(tok.text)
        if word not in wanted or tok.ent_type_ in NOT_NAME_LABELS:
            continue
        raw = _full_name_around(ctx, tok, word)
        if raw is None:
            continue
        out.append(raw)
        wanted.discard(word)
        taken.update(range(raw.first, raw.name_last + 1))
    return raws + out


def _full_name_around(ctx: SeedInput, tok: Token, word: str) -> RawMention | None:
    """The full name whose last (or middle, "Ana Torres Vega") word is tok. The model often
    takes an unfamiliar name for a place ("Eleni Papadopoulou" as GPE): the surname is a
    person's here, so the label does not count."""
    doc = ctx.doc
    run = name_run(doc, tok.i)
    if tok.i == run[0]:
        return None
    size = run[1] - run[0]
    if not (size in (1, 2) and run[1] == tok.i) and size not in (2, 3):
        return None
    if any(doc[k].ent_type_ in NOT_NAME_LABELS for k in range(*run)):
        return None
    last = doc[run[1]]
    if is_country(ctx.text[doc[run[0]].idx : last.idx + len(last.text)]):
        return None
    raw = split_run(doc, ctx.text, *run)
    if raw is None or len(raw.words) < 2 or word not in raw.words[1:]:
        return None
    raw.kind = "surname"
    return raw


def names_listed_with_people(ctx: SeedInput, raws: list[RawMention]) -> list[RawMention]:
    """ "Nora Vale, Ines Moreau and Tom Reid": full names (2-3 capitalised words, no
    organisation word) listed with a person's name are people too."""
    doc = ctx.doc
    taken = {i for r in raws for i in range(r.first, r.name_last + 1)}
    out = list(raws)
    for r in raws:
        if len(r.words) < 2:
            continue
        for conj in doc[r.name_last].conjuncts:
            raw = _listed_name(ctx, conj, taken)
            if raw is not None:
                out.append(raw)
                taken.update(range(raw.first, raw.name_last + 1))
    return out


def _listed_name(ctx: SeedInput, conj: Token, taken: set[int]) -> RawMention | None:
    if conj.i in taken or not is_name_token(conj):
        return None
    run = ctx.run(conj.i)
    tokens = ctx.doc[run[0] : run[1] + 1]
    if not 1 <= run[1] - run[0] <= 2 or any(fold_word(t.text) in ORG_WORDS for t in tokens):
        return None
    if labels(ctx.doc, run) - {"", "PERSON", "ORG", "NORP"} or ctx.organisation_at(conj.i):
        return None
    raw = split_run(ctx.doc, ctx.text, *run)
    if raw is None or len(raw.words) < 2:
        return None
    raw.kind = "listed"
    return raw


MentionPass = Callable[[SeedInput, list[RawMention]], list[RawMention]]
MENTION_PASSES: tuple[MentionPass, ...] = (
    drop_places,
    drop_outlets,
    full_names_of_surnames,
    names_listed_with_people,
)


def collect(ctx: SeedInput) -> list[RawMention]:
    """Every person mention of the article in text order (before grouping)."""
    raws = raw_mentions(ctx)
    for mention_pass in MENTION_PASSES:
        raws = mention_pass(ctx, raws)
    return sorted(raws, key=lambda r: r.name_first)


def seed_input(doc: Doc, text: str, organisation_at: Callable[[int], str | None]) -> SeedInput:
    quoted = frozenset(
        q.start for q in quotations(text) if " " not in text[q.start : q.end].strip()
    )
    return SeedInput(doc, text, quoted, organisation_at)
