"""Who a subject stands for: the rules that turn the subject of a speech verb into a speaker.

``SUBJECT_RULES`` decide for a subject token (tried in order; the first that decides wins),
``VERB_RULES`` find the subject of a speech verb when the parse gives none directly. Each
returns a ``Said`` (speaker, how, rule) or None when it does not apply; ``how`` is explicit |
pronoun | according_to | nonperson | unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from spacy.tokens import Token

from ..geo import is_constituent_country, is_country
from ..lexicon import (
    ACT_TEXTS,
    AUTHORING_VERBS,
    DOCUMENT_NOUNS,
    OFFICE_TITLES,
    ORG_APPOSITIVES,
    PERSON_ROLE_NOUNS,
    PRONOUN_GENDER,
    PUBLISH_VERBS,
    RESEARCH_NOUNS,
    SUBJECT_DEPS,
    UNNAMED_PERSON_NOUNS,
)
from ..people import LOOKBACK_CHARS, Mention, designation_number
from ..text import fold_word
from .context import (
    QuoteContext,
    addressed,
    in_the_words_of,
    is_speech_verb,
    posted_on,
    questioned,
    read_taken_for_a_noun,
)

CLIMB_DEPS = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "prep", "pobj", "dep")
SKIPPABLE = ("ADV", "AUX", "PART")
ANONYMOUS_SOURCES = {
    "official", "source", "diplomat", "officer", "person", "aide", "insider", "employee",
    "staffer", "spokesman", "spokeswoman", "spokesperson",
}  # fmt: skip
_ROLE_WORDS = OFFICE_TITLES | PERSON_ROLE_NOUNS


class Said(NamedTuple):
    speaker: str | None
    how: str  # explicit | pronoun | according_to | nonperson | unknown
    rule: str


class _Unnamed:
    """A pronoun's antecedent is a person the article does not name."""


UNNAMED = _Unnamed()
Candidate = tuple[int, "str | _Unnamed"]  # (rank, name or UNNAMED)


def fits(have: str | None, want: str | None) -> bool:
    return have is None or want is None or have == want


def is_unnamed_person(tok: Token) -> bool:
    """ "a senior banker", "one resident", "a police officer": a singular person noun with
    no name attached (the caller has already failed to find a named person for it)."""
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS":
        return False
    low = tok.lemma_.lower()
    return low in UNNAMED_PERSON_NOUNS or low in PERSON_ROLE_NOUNS


def is_unnamed_person_kind(tok: Token) -> bool:
    """A person noun in the plural or singular ("victims", "nurse")."""
    low = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (low in UNNAMED_PERSON_NOUNS or low in PERSON_ROLE_NOUNS)


def definite_person(tok: Token) -> str | None | bool:
    """ "the 58-year-old", "the farmer", "the father-of-three": a person already introduced.
    Returns the gender the noun marks (None when it marks none), or False when tok is no
    such description."""
    if not any(c.lower_ == "the" for c in tok.subtree if c.i < tok.i):
        return False
    low = tok.lemma_.lower()
    if tok.lower_ == "old" and any(c.lower_ == "year" for c in tok.subtree):
        return None
    if tok.pos_ == "NOUN" and tok.text.islower() and tok.tag_ != "NNS":
        if low in ANONYMOUS_SOURCES:
            return False  # "the official said": often a source the article never names
        if low in UNNAMED_PERSON_NOUNS:
            return UNNAMED_PERSON_NOUNS[low]
        if low in PERSON_ROLE_NOUNS:
            return None
    return False


def _served(sub: Token, role: Token) -> bool:
    """sub hangs on role through "for"/"to"/"with" ("a spokesman for X")."""
    t, steps = sub, 0
    while t.i != role.i and t.head.i != t.i and steps < 8:
        if t.dep_ == "prep" and t.lower_ in ("for", "to", "with", "against", "from", "by"):
            return True
        t, steps = t.head, steps + 1
    return False


def _is_title_case(tok: Token) -> bool:
    """ "Minister" inside a sentence, not merely the first word of it."""
    return tok.text[:1].isupper() and not tok.is_sent_start


def _the_noun(tok: Token) -> bool:
    return (
        tok.pos_ == "NOUN" and tok.text.islower() and any(c.lower_ == "the" for c in tok.children)
    )


def _the_plural_possessive_noun(tok: Token) -> bool:
    """ "the bishops' conference", "the teachers' union": a body written with "the" and the
    plural of its members, as definite as "the conference"."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    return (
        tok.pos_ == "NOUN"
        and tok.text.islower()
        and owner is not None
        and owner.tag_ == "NNS"
        and owner.text.islower()
        and any(c.lower_ == "the" for c in owner.children)
    )


# ============================================================================ subject rules
def first_person_in_answer(s: Speakers, tok: Token) -> Said | None:
    """ "((Ana Roe)) ... and I said, “Not now.”": "I" in an interview's answer is the one
    answering (``QuoteContext.answering``), in the labelled paragraph and those after it."""
    return _turn_pronoun(s, tok, "i", s.ctx.answering, "first_person_in_answer")


def first_person_plural_in_answer(s: Speakers, tok: Token) -> Said | None:
    """ "((Ana Roe)) So we thought, “It will fail.”": "we" in an interview's answer is the
    one answering and those she speaks for; the quotation is hers, as with "I"."""
    return _turn_pronoun(s, tok, "we", s.ctx.answering, "first_person_plural_in_answer")


def second_person_in_question(s: Speakers, tok: Token) -> Said | None:
    """ "((WN)) On your site you wrote “Rents must fall.” How?" / "((Ana Roe)) ...": "you"
    in an interviewer's question, the quotation hanging on its verb, is the one who answers
    it (``QuoteContext.asked``): the interviewer quotes the interviewee back to them."""
    return _turn_pronoun(s, tok, "you", s.ctx.asked, "second_person_in_question")


def _turn_pronoun(
    s: Speakers, tok: Token, pronoun: str, person_of_paragraph: list[str | None], rule: str
) -> Said | None:
    """The person a turn's table gives the paragraph of ``tok``, when ``tok`` is the
    (unquoted) pronoun whose verb carries the quotation, with nobody else between."""
    if tok.lower_ != pronoun or s.ctx.in_quote[tok.i] is not None:
        return None
    if _other_speaker_between(s, tok) or not _quoted_under_my_verb(s, tok):
        return None
    name = person_of_paragraph[s.ctx.para_of(tok.idx)]
    return Said(name, "explicit", rule) if name else None


def _quoted_under_my_verb(s: Speakers, tok: Token) -> bool:
    """ "I said, “Not now.”": the quotation of I's sentence hangs on I's verb itself (or
    through a word that is no noun nor verb, "if", "like"), and is no name of a thing ("I
    called it “the plan”", "the theme, as I told you, “...”", "I think section 6 “...”
    applies", "I posted the “...” photo" quote a name or a title, nobody's words)."""
    in_quote = s.ctx.in_quote
    quoted = [t for t in tok.sent if in_quote[t.i] is not None and not t.is_punct]
    root = next((t for t in quoted if in_quote[t.head.i] is None), None)
    if root is None or _names_a_thing(s, quoted):
        return False
    head = root.head
    if head.i != tok.head.i and head.pos_ not in ("ADP", "SCONJ", "INTJ"):
        return False
    return root.dep_ not in ("appos", "oprd", "compound", "amod", "nmod") and (
        head.i == tok.head.i or head.head.i == tok.head.i
    )


def _names_a_thing(s: Speakers, quoted: list[Token]) -> bool:
    """ "the “Cats are kings” photo": a determiner before the quotation and a noun right
    after it make the quotation the name of that thing."""
    doc = s.ctx.doc
    first, last = quoted[0].i, quoted[-1].i
    before = doc[first - 2] if first >= 2 else None
    after = doc[last + 2] if last + 2 < len(doc) else None
    return (
        before is not None
        and after is not None
        and before.pos_ == "DET"
        and after.pos_ == "NOUN"
        and s.ctx.in_quote[after.i] is None
    )


def _other_speaker_between(s: Speakers, tok: Token) -> bool:
    """ "I told her, and she's like “...”", "“...”: I feel": between "I" and the nearest
    quotation of its sentence another subject, or a colon or semicolon, ends I's words."""
    in_quote = s.ctx.in_quote
    quoted = [t.i for t in tok.sent if in_quote[t.i] is not None]
    if not quoted:
        return False
    nearest = min(quoted, key=lambda i: abs(i - tok.i))
    between = s.ctx.doc[min(tok.i, nearest) + 1 : max(tok.i, nearest)]
    return any(
        t.text in (":", ";") and t.i < tok.i or t.dep_ in SUBJECT_DEPS and t.lower_ != "i"
        for t in between
        if in_quote[t.i] is None
    )


def pronoun_subject(s: Speakers, tok: Token) -> Said | None:
    """ "“...,” he said": the person a he/she refers to (see ``Speakers.resolve_pronoun``)."""
    if tok.lower_ in PRONOUN_GENDER:
        return Said(s.resolve_pronoun(tok), "pronoun", "pronoun_subject")
    return None


def organisation_pronoun(s: Speakers, tok: Token) -> Said | None:
    """ "“We have no choice,” it said." / "the authority said": the organisation that spoke
    in this or the sentence before (for a noun, one whose name has it), else the nearest
    organisation named earlier with that word ("the ministry said")."""
    low = tok.lower_
    if low != "it" and not (_the_noun(tok) or _the_plural_possessive_noun(tok)):
        return None
    org = s.recent_organisation(tok, None if low == "it" else low)
    if org is None and low != "it":
        org = s.named_organisation(tok)
    if org is None and low == "it":
        org = s.organisation_quoted_before(tok)
    return Said(org, "explicit", "organisation_pronoun") if org else None


def organisation_subject_before(s: Speakers, tok: Token) -> Said | None:
    """ "The agency paused its broadcast. It praised the pilot, noting “...”": an "it"
    (or "they": "The institute objected. They released a statement ...") that opens its
    clause is the organisation that was the main subject of the sentence before (when that
    sentence's main subject is an organisation, spoken or not)."""
    seg = s.ctx.seg_of(tok.idx) - 1
    if (
        tok.lower_ not in ("it", "they")
        or seg < 0
        or tok.dep_ not in SUBJECT_DEPS
        or tok.head.dep_ != "ROOT"
    ):
        return None
    first, last = s.ctx.seg_tokens(s.ctx.segments[seg])
    roots = [t for t in s.ctx.doc[first : last + 1] if t.dep_ == "ROOT"]
    subjects = [c for r in roots[:1] for c in r.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or s.ctx.in_quote[subjects[0].i] is not None:
        return None
    org = s.ctx.people.organisation_at(subjects[0].i) or _public_body(s, subjects[0])
    return Said(org, "explicit", "organisation_subject_before") if org else None


def _public_body(s: Speakers, tok: Token) -> str | None:
    """ "Norland's foreign ministry", "the Norwegian government", "the army": a body of a
    country as written, as when it speaks itself."""
    for rule in (national_body, country_body, body_of_country, bare_national_body):
        said = rule(s, tok)
        if said is not None and said.speaker:
            return said.speaker
    return None


def they_after_named_people(s: Speakers, tok: Token) -> Said | None:
    """ "Ana Brigg and Tom Hale led the study. They wrote: “...”": a "they" subject is the
    person named first in a main subject of several ("X and Y", "X and his colleagues") in
    one of the three sentences before (passing over a sentence about one person: "Z joined
    as an observer"; a plural noun or an organisation there is what "they" is instead)."""
    seg = s.ctx.seg_of(tok.idx)
    if tok.lower_ != "they" or tok.dep_ not in SUBJECT_DEPS:
        return None
    for prev in range(seg - 1, max(-1, seg - 4), -1):
        subject = _main_subject(s, prev)
        if subject is None:
            continue
        name = s.person_of(subject).speaker
        if not (name and s.ctx.people.is_person(name)):
            return None  # "Police and firefighters", "The ministers": not people named
        if subject.conjuncts:
            return Said(name, "explicit", "they_after_named_people")
        if _people_in_plural(s, prev):
            return None  # "X thanked the nurses. They said": the nurses
    return None


def _people_in_plural(s: Speakers, seg: int) -> bool:
    """The sentence names people in the plural ("the nurses", "his colleagues")."""
    first, last = s.ctx.seg_tokens(s.ctx.segments[seg])
    return any(
        t.tag_ == "NNS"
        and (t.lemma_.lower() in _ROLE_WORDS or t.lemma_.lower() in UNNAMED_PERSON_NOUNS)
        for t in s.ctx.doc[first : last + 1]
    )


def _main_subject(s: Speakers, seg: int) -> Token | None:
    first, last = s.ctx.seg_tokens(s.ctx.segments[seg])
    root = next((t for t in s.ctx.doc[first : last + 1] if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None) if root else None
    return subject if subject is not None and s.ctx.in_quote[subject.i] is None else None


# Common nouns a report uses for an organisation it has just named ("the company said").
ORG_KIND_NOUNS = {
    "company", "firm", "group", "organisation", "organization", "charity", "business",
    "corporation", "airline", "carrier", "operator", "manufacturer", "maker", "retailer",
    "broadcaster", "club", "network", "platform", "startup", "lender", "insurer", "developer",
    "publisher", "automaker", "carmaker", "conglomerate", "giant", "chain", "brand",
    "agency", "band",
}  # fmt: skip
# Kinds whose members mostly carry the word in their names ("Bank of X", "X University"):
# "the bank said" is then found by its name, never by the nearest other organisation;
# only "the bank Lendco said" (the name right after) is taken here.
NAMED_KIND_NOUNS = {"bank", "university", "union", "institute", "league", "federation", "party"}


# Nouns for a news outlet, written before its name ("trade website ShipWatch reported").
OUTLET_NOUNS = {
    "website", "site", "newspaper", "paper", "magazine", "broadcaster", "channel", "station",
    "blog", "outlet", "daily", "tabloid", "journal", "portal", "agency", "network",
}  # fmt: skip


def kind_noun_with_its_name(s: Speakers, tok: Token) -> Said | None:
    """ "The news agency Interfax said", "trade website ShipWatch reported", "the company
    Grellan Foods said": a kind of organisation written with its own name right after it is
    that name (not an organisation named before)."""
    low = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or low not in OUTLET_NOUNS | ORG_KIND_NOUNS | NAMED_KIND_NOUNS:
        return None
    doc, ctx = s.ctx.doc, s.ctx
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.pos_ != "PROPN" or ctx.in_quote[nxt.i] is not None:
        return None
    words = [nxt]
    while words[-1].i + 1 < len(doc) and doc[words[-1].i + 1].pos_ == "PROPN":
        words.append(doc[words[-1].i + 1])
    if words[-1].head.i not in (tok.i, tok.head.i):
        return None  # "the company Lind founded": not the company's name
    if any(ctx.people.person_at(w.i) for w in words):
        return None  # "the firm's founder" forms are left to the person rules
    return Said(doc[words[0].i : words[-1].i + 1].text, "explicit", "kind_noun_with_its_name")


def organisation_kind_noun(s: Speakers, tok: Token) -> Said | None:
    """ "Brightwave Energy cut its forecast. “...,” the company said": "the company / firm /
    group" is the organisation last the subject of a clause in this or the two sentences
    before, else the one named last there."""
    if not _the_noun(tok) or tok.lemma_.lower() not in ORG_KIND_NOUNS:
        return None
    org = s.organisation_before(tok, sentences=3)
    return Said(org, "explicit", "organisation_kind_noun") if org else None


LOCAL_BODY_NOUNS = {"city", "town", "county", "borough", "municipality"}


def local_body_named_before(s: Speakers, tok: Token) -> Said | None:
    """ "A main burst in the City of Eastbrook ... the city said": "the city" (town, county)
    speaks as the "City of X" the article named last before it; also when written in
    lower case with the state after it ("in the US city of Eastbrook, Vermont ... the city
    issued a statement": the City of Eastbrook)."""
    if tok.pos_ != "NOUN" or tok.lower_ not in LOCAL_BODY_NOUNS or not tok.text.islower():
        return None
    if [c.lower_ for c in tok.children] != ["the"] or s.representative_after(tok):
        return None
    doc = s.ctx.doc
    for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
        if doc[i].lower_ == tok.lower_ and s.ctx.in_quote[i] is None:
            body = _local_body_at(doc[i])
            if body:
                return Said(body, "explicit", "local_body_named_before")
    return None


def _local_body_at(t: Token) -> str | None:
    """ "City of Eastbrook" for "City of Eastbrook" / "city of Eastbrook, Vermont"."""
    doc = t.doc
    of = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if of is None or of.lower_ != "of":
        return None
    place = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
    if place is None or place.i + 1 >= len(doc):
        return None
    if place.right_edge.i != place.i and doc[place.i + 1].text != ",":
        return None
    return f"{t.text.capitalize()} of {doc[of.i + 1 : place.i + 1].text}"


def representative_of_person(s: Speakers, tok: Token) -> Said | None:
    """ "A spokesperson for Prime Minister Ian Cole said": someone speaking for a named person
    is nobody named (not the one they speak for), unless named in apposition: "a spokesman
    for Ian Cole, Tom Lee, said" is Tom Lee (however the parse hangs the apposition)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ANONYMOUS_SOURCES:
        return None
    people = s.ctx.people
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "to"):
            continue
        named = [people.person_at(t.i) for t in prep.subtree if people.person_at(t.i)]
        own = [people.person_at(t.i) for t in prep.subtree if t.dep_ == "appos"]
        if own and own[-1] and own[-1] != named[0]:
            return Said(own[-1], "explicit", "representative_of_person")
        if named:
            return Said(None, "nonperson", "representative_of_person")
    return None


def person_after_source(s: Speakers, tok: Token) -> Said | None:
    """ "According to the agency Tana, the judge of X, Ana Roe, said ...": the parse makes
    the source the subject with the speaker in apposition to it; the person speaks."""
    if tok.dep_ not in SUBJECT_DEPS or not _after_according_to(tok):
        return None
    people = s.ctx.people
    for sub in tok.subtree:
        if sub.i > tok.i and sub.dep_ == "appos" and s.ctx.in_quote[sub.i] is None:
            name = people.person_at(sub.i)
            if name:
                return Said(name, "explicit", "person_after_source")
    return None


def _after_according_to(tok: Token) -> bool:
    """tok ends the "According to X" phrase that opens its sentence."""
    words = [t for t in tok.doc[tok.sent.start : tok.i] if not t.is_punct or t.text in "-"]
    return (
        len(words) >= 2
        and words[0].lower_ == "according"
        and words[1].lower_ == "to"
        and not any(t.text in ",;:" for t in tok.doc[tok.sent.start : tok.i])
    )


def numbered_designation(s: Speakers, tok: Token) -> Said | None:
    """ "Executive Order No. 9 states": a law or a document named with its number speaks
    under that whole name, number included."""
    end = designation_number(s.ctx.doc, tok.i)
    if end is None:
        return None
    doc, start = s.ctx.doc, tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].text[:1].isupper():
        start -= 1
    return Said(doc[start : end + 1].text, "explicit", "numbered_designation")


def name_closing_the_subject(s: Speakers, tok: Token) -> Said | None:
    """ "Longtime Harbour Hour writer and performer Rob Lee tweeted": a long title the parse
    takes apart, making the show's name the subject; the person named last in the subject,
    right before the verb after a role word ("performer Rob Lee"), speaks."""
    ctx, verb = s.ctx, tok.head
    if tok.dep_ not in SUBJECT_DEPS or verb.i <= tok.i or not is_speech_verb(verb):
        return None
    k = verb.i - 1
    name = ctx.people.person_at(k)
    if not name or name == ctx.people.person_at(tok.i) or not tok.is_ancestor(ctx.doc[k]):
        return None
    first = k
    while first > tok.i and ctx.people.person_at(first - 1) == name:
        first -= 1
    role = ctx.doc[first - 1]
    if (
        role.pos_ != "NOUN"
        or not role.text.islower()
        or not (_role_noun(role) or (role.dep_ == "compound" and role.head.i >= first))
    ):
        return None
    return Said(name, "explicit", "name_closing_the_subject")


def group_around_a_person(s: Speakers, tok: Token) -> Said | None:
    """ "Friends of the victim, Ana Roe, said", "Supporters of Mayor Ana Roe chanted": a
    plural noun for people around someone, with one person in apposition or after its
    "of", is a group that is not that person; it speaks for nobody named. Members named
    in full ("Two officials, Ana Roe and Tom Hale, said") still speak."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NNPS") or s.ctx.people.person_at(tok.i):
        return None
    people = s.ctx.people
    for child in tok.children:
        if child.dep_ == "appos" and people.person_at(child.i):
            if any(c.dep_ == "conj" for c in child.children):
                return None
            return Said(None, "nonperson", "group_around_a_person")
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and any(people.person_at(t.i) for t in child.subtree)
        ):
            return Said(None, "nonperson", "group_around_a_person")
    return None


def named_person(s: Speakers, tok: Token) -> Said | None:
    """ "Mr D'Anieri said": a mention of a person of the article, also through an apposition
    or a compound ("the farmer, Ana Smith, said")."""
    people = s.ctx.people
    name = people.person_at(tok.i)
    if name:
        return Said(name, "explicit", "named_person")
    for child in tok.children:
        if child.dep_ in ("appos", "compound", "flat") and people.person_at(child.i):
            return Said(people.person_at(child.i), "explicit", "named_person")
    return None


def name_after_role_phrase(s: Speakers, tok: Token) -> Said | None:
    """ "The delegate to the Senate, Ana Roe, told the press": a person noun whose name,
    set off by commas right before the verb, the parse hung on the noun of its phrase."""
    if tok.pos_ != "NOUN" or tok.dep_ not in SUBJECT_DEPS or not _role_noun(tok):
        return None
    people = s.ctx.people
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i:
            continue
        for t in prep.subtree:
            name = people.person_at(t.i) if t.dep_ == "appos" else None
            if name and _set_off_before_verb(t, tok.head):
                return Said(name, "explicit", "name_after_role_phrase")
    return None


def _set_off_before_verb(t: Token, verb: Token) -> bool:
    """ "..., Ana Roe, (has) told": t's phrase between commas, the verb right after."""
    doc, end = t.doc, t.right_edge.i
    if doc[t.left_edge.i - 1].text != "," or end + 1 >= len(doc) or doc[end + 1].text != ",":
        return False
    return verb.i > end + 1 and all(a.dep_ in ("aux", "advmod") for a in doc[end + 2 : verb.i])


def _role_noun(tok: Token) -> bool:
    low = tok.lemma_.lower()
    return low in PERSON_ROLE_NOUNS or low in UNNAMED_PERSON_NOUNS or low in OFFICE_TITLES


def organisation_in_apposition(s: Speakers, tok: Token) -> Said | None:
    """ "One of these groups, the Northern Alliance (NA), said": the organisation the
    subject is in apposition with."""
    for child in tok.children:
        if child.dep_ == "appos" and child.i > tok.i:
            org = s.ctx.people.organisation_at(child.i)
            if org and " " in org:
                return Said(org, "explicit", "organisation_in_apposition")
    return None


def reflexive_before_name(s: Speakers, tok: Token) -> Said | None:
    """ "In the report itself Kelvar also noted, writing “...”": the parse can take
    "itself" for the subject and the name after it for its appositive; the name speaks."""
    if tok.lower_ not in ("itself", "himself", "herself", "themselves"):
        return None
    name = next((c for c in tok.children if c.dep_ == "appos" and c.i == tok.i + 1), None)
    return s.person_of(name) if name is not None else None


def owned_organisation(s: Speakers, tok: Token) -> Said | None:
    """ "Lind's charity said", "the minister's office said": a body named by its owner, as
    the text writes it."""
    if tok.pos_ != "NOUN" or not tok.text.islower():
        return None
    if fold_word(tok.lemma_) not in ORG_APPOSITIVES and tok.lower_ not in ("office", "campaign"):
        return None
    if tok.lower_ in DOCUMENT_NOUNS:
        return None  # "Roe's post": a text of Roe's, not a body (``document_author``)
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None or not s.ctx.people.person_at(owner.i):
        return None
    start = owner.left_edge.i
    while s.ctx.doc[start].pos_ == "DET":
        start += 1
    span = s.ctx.doc[start : tok.i + 1]
    return Said(span.text, "explicit", "owned_organisation")


# Where a body or person posts its words ("the agency's website said").
CHANNEL_NOUNS = {"website", "site", "account", "page", "feed", "channel", "handle", "blog"}


def owner_of_channel(s: Speakers, tok: Token) -> Said | None:
    """ "The Weather Office's website said", "Lind's Twitter account posted": the owner of
    the page or account speaks, a person or an organisation."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in CHANNEL_NOUNS:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        return _channel_for_a_name(s, tok)
    said = s.person_of(owner)
    if not said.speaker:
        return None
    # the people stage may run a name on past its possessive ("X Company's Twitter")
    name = re.split(r"['\u2019]s\b", said.speaker)[0].strip()
    return Said(name or said.speaker, said.how, "owner_of_channel")


def _channel_for_a_name(s: Speakers, tok: Token) -> Said | None:
    """ "The account for The Harbour Lights Hour, which ..., tweeted": a page or account
    "for"/"of" a capitalised name (a show, a club) speaks as that name, written in full;
    "the official account of the Ohio Farm Bureau posted" as the organisation or person the
    article knows."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"):
            name = _capitalised_run(obj)
            if name:
                return Said(name, "explicit", "owner_of_channel")
            known = s.person_of(obj)  # "the ... Bureau": the run starts with "the"
            if known.speaker:
                return Said(known.speaker, known.how, "owner_of_channel")
    return None


def _capitalised_run(head: Token) -> str | None:
    """The words of a name from its first ("The Harbour Lights Hour", "Ash and Oak Radio"),
    each capitalised but for a joining "and"/"&"/"of", up to what follows it (a comma, a
    relative clause); None if that run stops before the head."""
    doc, start = head.doc, head.left_edge.i
    if not doc[start].text[:1].isupper():
        return None
    end = start
    while end + 1 <= head.right_edge.i and (
        doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ in ("and", "&", "of")
    ):
        end += 1
    while doc[end].lower_ in ("and", "&", "of"):
        end -= 1
    if end < head.i or end - start >= 8:
        return None
    return doc[start : end + 1].text


def document_author(s: Speakers, tok: Token) -> Said | None:
    """ "the letter said", "a statement released by X said", "X's statement read", "X
    released a statement which read": a text speaks for its author."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    body = next((c for c in tok.children if c.dep_ == "compound"), None)
    said = body_named_before(s, body) if body is not None else None
    if said is not None:
        return said  # "The government statement said"
    author = _author_of(s, tok)
    return Said(author, "explicit", "document_author") if author else None


PART_NOUNS = {"part", "portion", "section", "excerpt", "extract", "passage", "paragraph"}


def part_of_document(s: Speakers, tok: Token) -> Said | None:
    """ "Part of the mayor's letter reads “...”": a part of a text speaks for the text's
    author ("an excerpt from the report by X")."""
    if tok.lemma_.lower() not in PART_NOUNS:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for text in (o for o in prep.children if o.dep_ == "pobj"):
            said = document_author(s, text)
            if said is not None:
                return said._replace(rule="part_of_document")
    return None


# Texts by which a court gives its decision, and the words of the bodies that give one.
COURT_TEXTS = {"summary", "decision", "ruling", "judgment", "judgement", "verdict", "opinion"}
COURT_WORDS = ("court", "tribunal")


def court_text(s: Speakers, tok: Token) -> Said | None:
    """ "An excerpt of the judgment reads: “...”", "The ruling said": a court's text with
    no author of its own speaks for the court named last before it (a clause's subject
    first: "The Supreme Court issued a ruling ...")."""
    texts = [tok] + [
        o
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    if tok.lemma_.lower() not in COURT_TEXTS | PART_NOUNS or not any(
        t.lemma_.lower() in COURT_TEXTS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
        and not any(c.dep_ == "poss" for c in t.children)
        for t in texts
    ):
        return None
    for word in COURT_WORDS:
        court = s.organisation_with_word(word, tok.i)
        if court:
            return Said(court, "explicit", "court_text")
    return None


def _author_of(s: Speakers, doc_noun: Token) -> str | None:
    for phrase in _author_phrases(doc_noun):
        name = _named_in(s, phrase) or _owner(s, phrase) or _described_in(s, phrase)
        if name:
            return name
    for phrase in _author_phrases(doc_noun):
        name = _proper_name_of(phrase) or _family_before_read(phrase)
        if name:
            return name
    return _publisher(s, doc_noun)


def _proper_name_of(phrase: Token) -> str | None:
    """ "a warning issued by Met Éireann": the capitalised name "by"/"from" gives when the
    people stage knows no one by it (the model labels some names with letters it rarely
    saw, such as accented ones, as nothing at all)."""
    if phrase.dep_ not in ("prep", "agent") or phrase.lower_ not in ("by", "from"):
        return None
    if phrase.lower_ == "from" and phrase.head.dep_ == "acl":
        return None  # "a letter sent from Lyon": a place, not its author
    for obj in (c for c in phrase.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
        words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ in ("compound", "pobj")]
        if obj.ent_type_ in ("DATE", "TIME") or not all(t.text[:1].isupper() for t in words):
            return None
        if words and words[0].i + len(words) - 1 == obj.i and not any(t.is_punct for t in words):
            return obj.doc[words[0].i : obj.i + 1].text
    return None


def _family_before_read(phrase: Token) -> str | None:
    """ "A statement from the Velloso family read, “...”": the family, written with its
    name, wrote the text (never a family left unnamed), also when the tagger makes "read"
    the noun "from" governs and the family its compound."""
    if phrase.dep_ != "prep" or phrase.lower_ not in ("by", "from"):
        return None
    for obj in (c for c in phrase.children if c.dep_ == "pobj"):
        family = [obj] if obj.lower_ == "family" else []
        if obj.lower_ in ("read", "reads"):
            family = [c for c in obj.children if c.dep_ == "compound" and c.lower_ == "family"]
        names = [c for c in family[0].children if c.dep_ == "compound"] if family else []
        if names and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names):
            return obj.doc[names[0].i : family[0].i + 1].text
    return None


def _owner(s: Speakers, phrase: Token) -> str | None:
    """ "The court's summary", "her letter": the owner as a subject would be resolved."""
    return s.person_of(phrase).speaker if phrase.dep_ == "poss" else None


def document_named_before(s: Speakers, tok: Token) -> Said | None:
    """ "The union wrote to the mayor. The letter reads: “...”" / "A report by X came out.
    The report says ...": a text written with "the"/"this" and no author of its own is the
    one the sentence before gave an author (the same noun with its author, else that
    sentence's subject writing, publishing or issuing something); so is "its"/"their
    statement" ("X issued a statement: “...” Their statement also read"). Sentences wholly inside
    the quotation are passed over: the two before are those of the narration."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    if not any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        or (c.dep_ == "poss" and c.lower_ in ("its", "their"))
        for c in tok.children
    ):
        return None
    for span in _narrated_before(s.ctx, tok)[:2]:
        author = _author_in(s, tok, span)
        if author:
            return Said(author, "explicit", "document_named_before")
    return None


def text_of_an_act(s: Speakers, tok: Token) -> Said | None:
    """ "The mayor declared an emergency on Friday. ... The proclamation said “...”": a text
    that is the instrument of an act ("the proclamation", "the decree"), with no author of
    its own, is by whoever did that act as the main verb of one of the three narrated
    sentences before (not an act in a subordinate clause: "after the agency declared")."""
    acts = ACT_TEXTS.get(tok.lemma_.lower())
    if tok.pos_ != "NOUN" or not acts:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    ctx = s.ctx
    for span in _narrated_before(ctx, tok)[:3]:
        for root in ctx.doc[span[0] : span[1] + 1]:
            if root.dep_ != "ROOT" or root.lemma_.lower() not in acts:
                continue
            subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
            said = s.person_of(subject) if subject is not None else None
            if said is not None and said.speaker:
                return said._replace(rule="text_of_an_act")
    return None


def _narrated_before(ctx: QuoteContext, tok: Token) -> list[tuple[int, int]]:
    """The token spans of the sentences before tok's, nearest first, passing over those
    wholly inside quotations."""
    return [
        span
        for span in map(ctx.seg_tokens, ctx.segments[: ctx.seg_of(tok.idx)][::-1])
        if any(ctx.in_quote[t.i] is None and not t.is_punct for t in ctx.doc[span[0] : span[1] + 1])
    ]


def research_text_author(s: Speakers, tok: Token) -> Said | None:
    """ "The survey was carried out by the Lund Institute. ... “...”, reads the report.": a
    research text written with "the"/"this" and no author of its own is the one whose author
    the article gave last before it (study, report, paper and findings naming one text)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in RESEARCH_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
        return None
    ctx = s.ctx
    for k in range(tok.i - 1, max(-1, tok.i - 400), -1):
        t = ctx.doc[k]
        if (
            t.pos_ != "NOUN"
            or t.lemma_.lower() not in RESEARCH_NOUNS
            or ctx.in_quote[k] is not None
        ):
            continue
        author = _author_of(s, t)
        if author:
            return Said(author, "explicit", "research_text_author")
    return None


def _author_in(s: Speakers, doc_noun: Token, span: tuple[int, int]) -> str | None:
    """The author a sentence gives: of the same kind of text, else its main subject when
    its main verb puts out a text ("wrote", "issued", "published")."""
    ctx = s.ctx
    tokens = [t for t in ctx.doc[span[0] : span[1] + 1] if ctx.in_quote[t.i] is None]
    for t in tokens:
        if t.lemma_.lower() == doc_noun.lemma_.lower() and t.pos_ == "NOUN":
            author = _author_of(s, t)
            if author:
                return author
    for root in (t for t in tokens if t.dep_ == "ROOT" and t.lemma_.lower() in PUBLISH_VERBS):
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return s.person_of(subject).speaker
    return None


def _author_phrases(doc_noun: Token) -> Iterator[Token]:
    """ "X's statement", "a statement from/by X", "a statement released/issued by X", "the
    X Tribunal ruling", "The study was conducted by X", "a post sent from X's account"."""
    head = doc_noun.head
    if doc_noun.dep_ == "nsubjpass" and head.lemma_.lower() in AUTHORING_VERBS:
        yield from (c for c in head.children if c.dep_ == "agent")
    for child in doc_noun.children:
        if child.dep_ in ("poss", "compound") or (
            child.dep_ == "prep" and child.lower_ in ("from", "by")
        ):
            yield child
        elif child.dep_ == "acl":
            yield from (
                agent
                for agent in child.children
                if agent.dep_ == "agent"
                or (agent.dep_ == "prep" and agent.lower_ in ("by", "from"))
            )


def _publisher(s: Speakers, doc_noun: Token) -> str | None:
    """ "X released a statement (which read ...)": the subject of the verb publishing it."""
    head = doc_noun.head
    if doc_noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):  # "X released a statement"
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.i != doc_noun.i:
            return s.person_of(subject).speaker
    return None


def _named_in(s: Speakers, phrase: Token) -> str | None:
    """The person or organisation a phrase names ("by Ana Lind", "from the Weather Office",
    "Lind's office")."""
    people = s.ctx.people
    for t in phrase.subtree:
        if people.person_at(t.i) and _on_behalf(t, phrase):
            return None  # "a statement from the family of Jo Ash": the family's words
        if people.person_at(t.i):
            owned = owned_organisation(s, t.head) if t.dep_ == "poss" else None
            return owned.speaker if owned is not None else people.person_at(t.i)
        org = people.organisation_at(t.i)
        if org:
            return org
    return None


def _described_in(s: Speakers, phrase: Token) -> str | None:
    """ "a decree signed by the king": the office holder named earlier ("King Ode"); "a
    statement from the club", "a press release from the council": the organisation the
    noun stands for, as when it speaks ("the club said", "the council said")."""
    for obj in (c for c in phrase.children if c.dep_ == "pobj"):
        if obj.lower_ in ("read", "reads"):
            return _body_before_read(s, obj)
        said = (
            definite_description(s, obj)
            or organisation_kind_noun(s, obj)
            or (organisation_pronoun(s, obj) if obj.lower_ != "it" else None)
        )
        if said is not None and said.speaker:
            return said.speaker
    return None


def _body_before_read(s: Speakers, read: Token) -> str | None:
    """ "A statement from the council read: “...”": the tagger took "read" for a noun and
    "council" for its compound; "the council" is the organisation named before with that
    word, or, for a kind noun ("the company"), the one last the subject nearby."""
    body = next((c for c in read.children if c.dep_ == "compound"), None)
    if body is None or not body.text.islower() or not any(c.lower_ == "the" for c in read.children):
        return None
    if body.lemma_.lower() in ORG_KIND_NOUNS:
        return s.organisation_before(body, sentences=3)
    return s.named_organisation(body)


def _on_behalf(name: Token, phrase: Token) -> bool:
    """The name hangs on a common noun through "of"/"for" inside the phrase ("from the family
    of X", "by lawyers for X"): that noun, not X, wrote the text."""
    t = name
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    prep = t.head
    return (
        t.dep_ == "pobj"
        and prep.lower_ in ("of", "for")
        and prep.head.pos_ == "NOUN"
        and prep.head.i != phrase.i
        and prep.head.is_ancestor(name)
    )


def office_in_headline(s: Speakers, tok: Token) -> Said | None:
    """ "‘Long overdue’, Foreign Minister says": an office written without a name or article,
    capitalised or in a headline, is the article's holder of that office."""
    if (
        tok.dep_ in SUBJECT_DEPS
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.lower_ in _ROLE_WORDS
        and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children)
        and (_is_title_case(tok) or s.ctx.headline_like(tok.idx))
    ):
        name = s.role_holder(tok)
        if name:
            return Said(name, "explicit", "office_in_headline")
    return None


def named_role_of_organisation(s: Speakers, tok: Token) -> Said | None:
    """ "The institute's director, Dr. Ana Ruiz, said", parsed with the institute as the
    subject: the person named in apposition to a role noun of the subject speaks."""
    ctx = s.ctx
    if not ctx.people.organisation_at(tok.i):
        return None
    for role in tok.subtree:
        if role.i <= tok.i or role.lower_ not in PERSON_ROLE_NOUNS:
            continue
        for c in role.children:
            name = ctx.people.person_at(c.i) if c.dep_ == "appos" else None
            if name and ctx.in_quote[c.i] is None:
                return Said(name, "explicit", "named_role_of_organisation")
    return None


# Words that give an unnamed person's name: "a protester using the pseudonym Lena".
NAMING_WORDS = {"pseudonym", "alias", "name", "named", "call", "called", "nickname", "nicknamed"}


def unnamed_person_named(s: Speakers, tok: Token) -> Said | None:
    """ "a protester using the pseudonym Lena", "a nurse named Ade": the name given."""
    if not is_unnamed_person(tok):
        return None
    subtree = [t for t in tok.subtree if t.i > tok.i and s.ctx.in_quote[t.i] is None]
    at = next((k for k, t in enumerate(subtree) if t.lower_ in NAMING_WORDS), None)
    if at is None:
        return None
    name = [t for t in subtree[at + 1 :] if t.ent_type_ == "PERSON"]
    if not name or name[-1].i - name[0].i != len(name) - 1:
        return None
    return Said(s.ctx.doc[name[0].i : name[-1].i + 1].text, "explicit", "unnamed_person_named")


def organisation_subject(s: Speakers, tok: Token) -> Said | None:
    """ "The Kumasi Chamber of Trade and Industry said": the organisation in full ("The
    Chamber said" is the one named in full before); but "A
    Department of Health spokesperson said" parsed with the department as subject is
    someone unnamed speaking for it (None)."""
    org = s.ctx.people.organisation_at(tok.i)
    if not org:
        return None
    if s.representative_after(tok):
        return Said(None, "nonperson", "organisation_representative")
    if " " not in org and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        full = s.organisation_with_word(org.lower(), tok.i)
        if full and " " in full:
            org = full  # "The Department said" after "the Ohio Department of Parks"
    return Said(org, "explicit", "organisation_subject")


def named_family(s: Speakers, tok: Token) -> Said | None:
    """ "The Okafor family said in a statement": the family, written with its name, speaks
    as a family ("Okafor family"); a family left unnamed is not decided here."""
    if tok.lower_ != "family":
        return None
    names = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if not names or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names):
        return None
    return Said(tok.doc[names[0].i : tok.i + 1].text, "explicit", "named_family")


_NOT_SURNAMES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


_SOMEONES_GROUPS = {"family", "campaign"}


def family_of_someone(s: Speakers, tok: Token) -> Said | None:
    """ "Her family said", "Roe's family said", "The family's statement read" after a
    sentence about Ann Roe: the family of the person meant speaks as the "Roe family"; so
    does a campaign ("Her campaign called it “...”": the "Roe campaign")."""
    if (
        tok.lower_ not in _SOMEONES_GROUPS
        or tok.pos_ != "NOUN"
        or s.ctx.in_quote[tok.i] is not None
    ):
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ in PRONOUN_GENDER:
        owner = s.resolve_pronoun(poss)
    elif poss is not None:
        owner = s.ctx.people.person_at(poss.i)
    elif _the_group_in_narration(s, tok):
        owner = s.resolve_pronoun(tok)
    else:
        return None
    words = [w for w in (owner or "").split() if w.lower() not in _NOT_SURNAMES]
    if not words or not s.ctx.people.is_person(owner):
        return None
    return Said(f"{words[-1]} {tok.lower_}", "explicit", "family_of_someone")


def _the_group_in_narration(s: Speakers, tok: Token) -> bool:
    """ "The family's statement read": "the family" alone, in the reporter's narration. In
    an interview's answer the one answering says "my family" of their own; "the family
    would say “...”" there is anyone's family, nobody named."""
    return (
        any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("prep", "compound", "amod") for c in tok.children)
        and s.ctx.answering[s.ctx.para_of(tok.idx)] is None
    )


def definite_labelled_name(s: Speakers, tok: Token) -> Said | None:
    """ "was described by the Valley Courier as a “...”", "The Valley Courier said": a short
    run of title-case words after "the" that the model labels an organisation is one, as
    written, though two such words would pass for a person's name without the "the"."""
    if tok.ent_type_ != "ORG" or not _ent_last(tok):
        return None
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    if tok.doc[start].lower_ == "the":  # the model often takes "the" into the name
        start += 1
    words = tok.doc[start : tok.i + 1]
    before = tok.doc[start - 1] if start > 0 else None
    if (
        before is None
        or before.lower_ != "the"
        or not 2 <= len(words) <= 4
        or not all(_is_title_case(t) for t in words)
        or tok.lower_ in _TEXT_NAME_ENDS  # "the Federal Constitution specifies": a text
        or any(s.ctx.people.person_at(t.i) for t in words)
        or any(s.ctx.in_quote[t.i] is not None for t in words)
    ):
        return None
    return Said(words.text, "explicit", "definite_labelled_name")


_TEXT_NAME_ENDS = {
    *DOCUMENT_NOUNS,
    *("constitution", "charter", "treaty", "act", "bill", "law", "code", "accord", "convention"),
}


def _ent_last(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.ent_iob_ != "I"


def acronym_body(s: Speakers, tok: Token) -> Said | None:
    """ "Within a day, Norland's SVB arrested 12 men, claiming ...": an acronym in capitals
    as a subject (an agency the people stage did not take for an organisation, the model
    labelling it a nationality) is that body, with the capitalised words before it
    ("Norlandian SVB"); never a country's letters ("US", "UK")."""
    text = tok.text
    if (
        tok.pos_ != "PROPN"
        or tok.dep_ not in SUBJECT_DEPS
        or not (2 <= len(text) <= 6 and text.isalpha() and text.isupper())
        or is_country(text)
        or s.ctx.people.person_at(tok.i)
    ):
        return None
    start = tok.i
    while (
        start > 0
        and tok.doc[start - 1].dep_ == "compound"
        and tok.doc[start - 1].text[:1].isupper()
    ):
        start -= 1
    return Said(tok.doc[start : tok.i + 1].text, "explicit", "acronym_body")


NATIONAL_BODIES = {
    "government", "ministry", "parliament", "cabinet", "army", "military", "navy",
    "embassy", "police", "court", "presidency",
}  # fmt: skip


def national_body(s: Speakers, tok: Token) -> Said | None:
    """ "The Norwegian government said": a public body named by its nation's adjective
    is the speaker, as the text writes it ("Norwegian government"); "a Norwegian
    government spokesperson said" is someone unnamed (the subject is the spokesperson)."""
    if tok.pos_ != "NOUN" or not tok.text.islower() or tok.lower_ not in NATIONAL_BODIES:
        return None
    mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound")]
    if not any(c.ent_type_ == "NORP" and c.text[:1].isupper() for c in mods):
        return None
    if any(c.dep_ == "prep" for c in tok.children) or s.representative_after(tok):
        return None
    start = min(c.i for c in mods)
    return Said(s.ctx.doc[start : tok.i + 1].text, "explicit", "national_body")


def country_body(s: Speakers, tok: Token) -> Said | None:
    """ "Norway's fisheries ministry said": a public body named by its country's
    possessive is the speaker, as the text writes it; not "Norway's ministry spokesman"."""
    if not tok.text.islower() or tok.lower_ not in NATIONAL_BODIES:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None or not (owner.ent_type_ == "GPE" or is_country(owner.text)):
        return None
    if any(c.dep_ == "prep" for c in tok.children) or s.representative_after(tok):
        return None
    start = owner.left_edge.i + (owner.left_edge.lower_ == "the")
    return Said(s.ctx.doc[start : tok.i + 1].text, "explicit", "country_body")


def body_of_country(s: Speakers, tok: Token) -> Said | None:
    """ "The foreign ministry of Chile said": a public body written with "of" and its
    country is the speaker as written ("foreign ministry of Chile"); not "a spokesman of
    the ministry of Chile"."""
    if not tok.text.islower() or tok.lower_ not in NATIONAL_BODIES:
        return None
    of = [c for c in tok.children if c.dep_ == "prep"]
    if len(of) != 1 or of[0].lower_ != "of" or s.representative_after(tok):
        return None
    country = next((c for c in of[0].children if c.dep_ == "pobj"), None)
    if country is None or country.right_edge.i != country.i:
        return None
    name = s.ctx.doc[country.left_edge.i + (country.left_edge.lower_ == "the") : country.i + 1]
    if not (is_country(name.text) or country.ent_type_ == "GPE"):
        return None
    start = min(
        [c.i for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound")] + [tok.i]
    )
    return Said(s.ctx.doc[start : country.i + 1].text, "explicit", "body_of_country")


# Bodies a country has one of, so "the army" names it (unlike "the ministry", one of many):
# the last word, with the word that must come before it when it is two words.
ONE_PER_COUNTRY = {
    "army": None, "military": None, "navy": None, "force": "air", "guard": "coast",
    "gendarmerie": None,
}  # fmt: skip


def body_named_before(s: Speakers, tok: Token) -> Said | None:
    """ "The government of Freedonia announced ... The government said": "the" body, or a
    text it put out ("the government statement", "an army statement"), is the one a
    sentence of the three before named with its country ("government of Freedonia",
    "Freedonia's army")."""
    if not _bare_body(s, tok):
        return None
    doc = s.ctx.doc
    for first, last in _narrated_before(s.ctx, tok)[:3]:
        for t in doc[first : last + 1]:
            if t.lower_ != tok.lower_ or s.ctx.in_quote[t.i] is not None:
                continue
            said = body_of_country(s, t) or country_body(s, t) or national_body(s, t)
            if said is not None and said.speaker:
                return said._replace(rule="body_named_before")
    return None


def _bare_body(s: Speakers, tok: Token) -> bool:
    """ "the government" with nothing naming whose, or "the/a government statement"."""
    if tok.pos_ != "NOUN" or not tok.text.islower() or tok.lower_ not in NATIONAL_BODIES:
        return False
    dets = ["the"]
    owner = tok
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in DOCUMENT_NOUNS:
        owner, dets = tok.head, ["the", "a", "an"]
    words = [c.lower_ for c in owner.children if c.dep_ in ("det", "poss")]
    return (
        len(words) == 1
        and words[0] in dets
        and not any(c.dep_ in ("amod", "compound", "nmod", "prep") for c in tok.children)
        and not s.representative_after(tok)
    )


def bare_national_body(s: Speakers, tok: Token) -> Said | None:
    """ "The navy said the ship was “ready to sail”", "the air force said": a country's one
    army / navy / air force / coast guard written only with "the", when the article names
    no organisation with that word, is the speaker as written ("navy", "air force"); not
    "the navy's spokesman", nor "the ministry" (one of many)."""
    if tok.pos_ != "NOUN" or not tok.text.islower() or tok.lower_ not in ONE_PER_COUNTRY:
        return None
    before = ONE_PER_COUNTRY[tok.lower_]
    words = [c.lower_ for c in tok.children]
    if words != ["the", *([before] if before else [])] or s.representative_after(tok):
        return None
    start = tok.i - 1 if before else tok.i
    if s.ctx.doc[start].lower_ != (before or tok.lower_):
        return None
    return Said(s.ctx.doc[start : tok.i + 1].text, "explicit", "bare_national_body")


def place_ending_an_affiliation(s: Speakers, tok: Token) -> Said | None:
    """ "Ana Lind of the University of Karelia, Joensuu disagreed: “...”": a place the parse
    makes the subject, written right after a comma that ends an organisation's or a place's
    name, is the end of someone's affiliation; the person named before it speaks (nobody
    when no person is named there)."""
    ctx = s.ctx
    first = tok.left_edge
    if tok.ent_type_ != "GPE" or first.i < 2 or ctx.doc[first.i - 1].text != ",":
        return None
    before = ctx.doc[first.i - 2]
    if not (ctx.people.organisation_at(before.i) or before.ent_type_ in ("GPE", "ORG")):
        return None
    for k in range(before.i, max(tok.sent.start, before.i - 15) - 1, -1):
        t = ctx.doc[k]
        if ctx.in_quote[k] is not None or t.pos_ in ("VERB", "AUX"):
            break
        name = ctx.people.person_at(k)
        if name:
            return Said(name, "explicit", "place_ending_an_affiliation")
    return Said(None, "nonperson", "place_ending_an_affiliation")


def country_subject(s: Speakers, tok: Token) -> Said | None:
    """ "Freedonia said the border would stay “closed”": a country as the subject of a
    speech verb speaks (its government), as the text writes it ("the United States"); not
    in what someone else says ("She said Freedonia would respond “...”": hers)."""
    if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or _reported(tok.head):
        return None
    words = [t for t in tok.subtree if t.i <= tok.i]
    if words[0].lower_ == "the":
        words = words[1:]
    if not words or not all(t.text[:1].isupper() for t in words):
        return None
    name = s.ctx.doc[words[0].i : tok.i + 1].text
    if not (is_country(name) or is_constituent_country(name) or tok.ent_type_ == "GPE"):
        return None
    return Said(name, "explicit", "country_subject")


def _reported(verb: Token) -> bool:
    """The verb is in what another subject says ("She said Freedonia would answer ..."):
    that subject speaks (``explicit.reporting_clause``)."""
    return verb.dep_ in ("ccomp", "xcomp") and is_speech_verb(verb.head) and verb.head.i != verb.i


def name_under_role_noun(s: Speakers, tok: Token) -> Said | None:
    """ "deputy chairman of the council Dmitry Medvedev": the name sits in the subtree; not
    someone the role serves ("a spokesman for Mr Haddad", "an adviser to X")."""
    if tok.lower_ not in PERSON_ROLE_NOUNS:
        return None
    ctx = s.ctx
    for sub in tok.subtree:
        if (
            sub.i > tok.i
            and ctx.people.person_at(sub.i)
            and ctx.in_quote[sub.i] is None
            and not _served(sub, tok)
        ):
            return Said(ctx.people.person_at(sub.i), "explicit", "name_under_role_noun")
    return None


def definite_description(s: Speakers, tok: Token) -> Said | None:
    """ "the minister said": the nearest earlier person holding that office."""
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and (tok.text.islower() or tok.lower_ in _ROLE_WORDS)
        and any(c.lower_ == "the" for c in tok.children)
    ):
        name = s.ctx.people.resolve_description(tok.lower_, before=tok.idx, skip=s.skip_mention)
        if name and not _another_office(tok, s.ctx.people.role_of(name)):
            return Said(name, "explicit", "definite_description")
        if name and tok.text[:1].isupper():
            holder = s.role_holder(tok)  # "the Prime Minister": whose role has both words
            if holder:
                return Said(holder, "explicit", "definite_description")
    return None


# Words that describe an office holder without naming another office ("the former minister").
_NEUTRAL_OFFICE_WORDS = {
    "former", "then", "new", "current", "late", "outgoing", "incoming", "same", "veteran",
    "embattled", "top", "senior", "acting",
}  # fmt: skip


def _another_office(noun: Token, role: str | None) -> bool:
    """ "the local health minister said" after "Civil Aviation Minister X": a word of the
    office ("health") that is not in X's role makes it another office holder, not X."""
    if not role:
        return False
    held = {fold_word(w) for w in re.split(r"[\s\-]+", role.lower())}
    return any(
        c.dep_ in ("amod", "compound")
        and c.is_alpha
        # a nationality ("the Indian minister") describes the same one; an office word
        # ("the Prime Minister" after "Finance Minister X") names another office
        and (c.text.islower() or c.lower_ in OFFICE_TITLES)
        and c.lower_ not in _NEUTRAL_OFFICE_WORDS
        and fold_word(c.lower_) not in held
        for c in noun.children
    )


def relative_pronoun(s: Speakers, tok: Token) -> Said | None:
    """ "Dara Okafor, a trade unionist, who told reporters ...": who/which is its antecedent."""
    if (
        tok.dep_ in SUBJECT_DEPS
        and tok.lower_ in ("who", "that", "which")
        and tok.head.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj")
    ):
        return s.antecedent(tok)
    return None


def definite_person_noun(s: Speakers, tok: Token) -> Said | None:
    """ "“Everything is gone,” the 58-year-old said": the person last talked about."""
    gender = definite_person(tok)
    if any(c.dep_ == "prep" and not _of_a_number(c) for c in tok.children):
        return None  # "the head of the inquiry said": someone described, not someone known
    if gender is not False and tok.dep_ in SUBJECT_DEPS:
        name = s.resolve_pronoun(tok, gender if isinstance(gender, str) else None)
        if name and _another_office(tok, s.ctx.people.role_of(name)):
            return Said(None, "nonperson", "another_office")  # someone unnamed
        if name:
            return Said(name, "pronoun", "definite_person_noun")
    return None


def _of_a_number(prep: Token) -> bool:
    """ "the mother of three": "of" and a count of children describes the person, not a
    second one ("the mother of the victim")."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return prep.lower_ == "of" and len(objs) == 1 and objs[0].like_num and not any(objs[0].children)


SubjectRule = Callable[["Speakers", Token], "Said | None"]
SUBJECT_RULES: tuple[SubjectRule, ...] = (
    first_person_in_answer,
    first_person_plural_in_answer,
    second_person_in_question,
    pronoun_subject,
    organisation_pronoun,
    organisation_subject_before,
    they_after_named_people,
    kind_noun_with_its_name,
    organisation_kind_noun,
    local_body_named_before,
    representative_of_person,
    person_after_source,
    numbered_designation,
    name_closing_the_subject,
    group_around_a_person,
    named_person,
    name_after_role_phrase,
    organisation_in_apposition,
    reflexive_before_name,
    owned_organisation,
    owner_of_channel,
    document_author,
    part_of_document,
    document_named_before,
    text_of_an_act,
    research_text_author,
    court_text,
    office_in_headline,
    named_role_of_organisation,
    organisation_subject,
    definite_labelled_name,
    named_family,
    family_of_someone,
    acronym_body,
    national_body,
    country_body,
    body_of_country,
    body_named_before,
    bare_national_body,
    place_ending_an_affiliation,
    country_subject,
    name_under_role_noun,
    unnamed_person_named,
    definite_description,
    relative_pronoun,
    definite_person_noun,
)


# ============================================================================ verb rules
def according_to(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "“...”, according to X"; "X ruled, according to the summary, “...”": a text
    that names no author is only where the words are written, and the clause's subject
    speaks."""
    if verb.lower_ != "according":
        return None
    reporter = _speaking_subject_beside(s, verb)
    if reporter is not None:
        return reporter
    obj = next(
        (o for c in verb.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"),
        None,
    )
    if obj is None:
        return Said(None, "unknown", "according_to")
    said = s.person_of(obj)
    if said.speaker:
        return said._replace(how="according_to")
    return _subject_beside_document(s, verb, obj) or according_to_source(s, verb, obj) or said


def words_of(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "The win was, in the words of coach Ida Berg, “a dream”": the one whose words they
    are (None when unnamed: "in the words of one fan")."""
    if not in_the_words_of(verb):
        return None
    owners = [o for c in verb.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if not owners:
        return Said(None, "unknown", "words_of")
    return s.person_of(owners[0])._replace(how="according_to")


def according_to_source(s: Speakers, verb: Token, obj: Token) -> Said | None:
    """ "a “very rough” landing, according to The Harbour Ledger": a named source that is no
    person of the article (a publication, a website) after the quotation is the speaker, as
    written; not when the source opens the sentence ("According to X, it was called ...")."""
    ctx = s.ctx
    quote_before = any(ctx.in_quote[k] is not None for k in range(max(0, verb.i - 3), verb.i))
    if obj.pos_ != "PROPN" or not quote_before:
        return None
    words = [t for t in obj.subtree if t.i <= obj.i]
    if words[0].lower_ == "the" and words[0].text.islower():
        words = words[1:]
    if not words or not all(t.text[:1].isupper() for t in words):
        return None
    return Said(ctx.doc[words[0].i : obj.i + 1].text, "according_to", "according_to_source")


def _speaking_subject_beside(s: Speakers, verb: Token) -> Said | None:
    """ "According to the BBC, a spokesman for the ministry said ...; “...”": the source
    reported someone speaking, and that someone (here unnamed) is the speaker."""
    head = verb.head
    if head.i == verb.i or verb.dep_ != "prep" or not is_speech_verb(head):
        return None
    subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or s.ctx.in_quote[subj.i] is not None:
        return None
    return s.person_of(subj)


def _subject_beside_document(s: Speakers, verb: Token, obj: Token) -> Said | None:
    """The person or organisation subject of the verb "according to <a text>" hangs on."""
    head = verb.head
    if obj.lemma_.lower() not in DOCUMENT_NOUNS or head.i == verb.i or verb.dep_ != "prep":
        return None
    subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or s.ctx.in_quote[subj.i] is not None:
        return None
    said = s.person_of(subj)
    return said if said.speaker else None


def passive_agent(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "The ban was criticised by X, who told Reuters: “...”": the agent speaks, also when
    the parse hangs "by X" on what it was called ("was called “a death trap” by X"); an
    agent naming nobody ("was labelled “...” by state media") leaves the words unnamed,
    never the one they were said of."""
    unnamed: Said | None = None
    for child in _agents(verb):
        if s.ctx.in_quote[child.i] is not None:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj":
                said = s.person_of(obj)
                if said.speaker:
                    return said
                if _passive(verb):
                    unnamed = Said(None, "nonperson", "unnamed_agent")
    return unnamed


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _agents(verb: Token) -> Iterator[Token]:
    """The verb's "by" agent, or a passive verb's "by" hung on its predicate complement."""
    yield from (c for c in verb.children if c.dep_ == "agent")
    if any(c.dep_ == "auxpass" for c in verb.children):
        for comp in _complements(verb):
            yield from (c for c in comp.children if c.dep_ == "prep" and c.lower_ == "by")


def _complements(verb: Token) -> Iterator[Token]:
    """ "was called “X”", also through "to be" ("was declared to be a “X” by ...")."""
    for comp in verb.children:
        if comp.dep_ in ("oprd", "attr"):
            yield comp
        elif comp.dep_ == "xcomp" and comp.lemma_ == "be":
            yield from (c for c in comp.children if c.dep_ in ("attr", "acomp"))


def passive_after_a_statement(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "The Port Authority issued a notice. Skippers were told to keep clear, as the channel
    was “unsafe”": a passive speech verb with no agent right after an organisation spoke
    (before it in its sentence, or in the sentence before) passes on that organisation's
    words; also a person's, when the person put out a text ("The mayor issued a
    statement."). Someone else speaking in between, or nobody, decides nothing."""
    if depth or s.ctx.in_quote[verb.i] is not None or not _agentless_passive(verb):
        return None
    for subject in _speech_subjects_before(s, verb):
        said = s.person_of(subject)
        if not said.speaker:
            return None
        if not s.ctx.people.is_person(said.speaker) or _puts_out_a_text(subject.head):
            return Said(said.speaker, "explicit", "passive_after_a_statement")
        return None
    return None


def _agentless_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) and next(_agents(verb), None) is None


def _speech_subjects_before(s: Speakers, verb: Token) -> Iterator[Token]:
    """Subjects (outside quotations) of the active speech verbs before `verb`, in its
    sentence and the one before, nearest first."""
    ctx = s.ctx
    seg = ctx.seg_of(verb.idx)
    first = ctx.seg_tokens(ctx.segments[max(0, seg - 1)])[0]
    for k in range(verb.i - 1, first - 1, -1):
        t = ctx.doc[k]
        if (
            t.dep_ in ("nsubj", "csubj")
            and ctx.in_quote[k] is None
            and t.head.i != verb.i
            and is_speech_verb(t.head)
        ):
            yield t


def _puts_out_a_text(verb: Token) -> bool:
    """ "issued a statement", "said in a statement"."""
    return any(
        c.lemma_.lower() in DOCUMENT_NOUNS
        for c in verb.subtree
        if c.dep_ in ("dobj", "pobj") and c.head.i in (verb.i, *(p.i for p in verb.children))
    )


def quoted_as_saying(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "The Daily Post quoted Ana Lind as saying the road was “a death trap”": the one
    quoted speaks, not the outlet quoting."""
    prep = verb.head
    if (
        verb.dep_ != "pcomp"
        or prep.lower_ != "as"
        or prep.head.lemma_.lower() not in ("quote", "cite")
    ):
        return None
    quoted = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    return s.person_of(quoted) if quoted is not None else None


def text_with_its_own_author(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "The palace issued a statement from the king: “...”", "An aide read a message on
    behalf of President Ivo Marek": a text the subject only puts out or reads is its
    author's words ("from"/"by"/"on behalf of" a person or body, "the king" being the
    article's king), not the subject's."""
    for text in (c for c in verb.children if c.dep_ == "dobj"):
        if text.lemma_.lower() not in DOCUMENT_NOUNS or s.ctx.in_quote[text.i] is not None:
            continue
        for owner in _own_authors(text, verb):
            said = _author_named(s, owner)
            if said is not None:
                return said
    return None


def _own_authors(text: Token, verb: Token) -> Iterator[Token]:
    """The objects of "from"/"by" on the text, of "from" on the verb ("issued a statement
    from the king", as the parse often hangs it) and of "on behalf of" on either."""
    for prep in (*text.children, *verb.children):
        if prep.dep_ == "prep" and (
            prep.lower_ == "from" or (prep.lower_ == "by" and prep.head == text)
        ):
            yield from (o for o in prep.children if o.dep_ == "pobj")
    for prep in (*text.children, *verb.children):
        behalf = [o for o in prep.children if o.dep_ == "pobj" and o.lower_ == "behalf"]
        if prep.lower_ in ("on", "in") and behalf:
            for of in (c for c in behalf[0].children if c.lower_ == "of"):
                yield from (o for o in of.children if o.dep_ == "pobj")


def _author_named(s: Speakers, owner: Token) -> Said | None:
    """The person or organisation a text's author phrase names, or the office holder "the
    king" / "the minister" stands for; None for someone unnamed ("from a reader")."""
    said = s.person_of(owner)
    return said._replace(rule="text_with_its_own_author") if said.speaker else None


def text_that_reads(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "“...,” a statement from Dunrow Energy read.", "read" taken for a noun: the text's
    author (``document_author``)."""
    text = read_taken_for_a_noun(verb)
    return document_author(s, text) if text is not None else None


def text_read_after_the_quote(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "“...”, reads a Dunrow Energy press release, “...”": "reads" right after the
    quotation with no subject of its own, and the text it names after it as its object (the
    parse inverts it): that text's author (``document_author``); "“...;” read the statement;
    “...”" is the author the narration gave that text before (``document_named_before``)."""
    in_quote = s.ctx.in_quote
    if verb.lemma_.lower() != "read" or not any(
        in_quote[t.i] is not None for t in s.ctx.doc[max(0, verb.i - 3) : verb.i]
    ):
        return None
    if any(c.dep_ in SUBJECT_DEPS and in_quote[c.i] is None for c in verb.children):
        return None
    text = next((c for c in verb.rights if c.dep_ == "dobj" and in_quote[c.i] is None), None)
    if text is None:
        return None
    return document_author(s, text) or document_named_before(s, text)


def name_after_title(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "“...,” said co-author and Harlow Trust Senior Fellow Ines Varga.": after an inverted
    verb, a phrase running to the end of the sentence whose last title word ("Fellow",
    "professor") is followed by a name: the person the people stage found there, else the
    name as written (it took it into an organisation's name). The parse makes the first
    title word ("author") the subject, so this runs before ``verb_subject``."""
    ctx, doc = s.ctx, s.ctx.doc
    if verb.i == 0 or ctx.in_quote[verb.i - 1] is None:
        return None  # not right after the quotation
    end = verb.i + 1
    while end < len(doc) and (doc[end].is_alpha or doc[end].text in ("-", "'", "’")):
        end += 1
    if end >= len(doc) or doc[end].text not in (".", ",", ";") or end - verb.i > 16:
        return None
    roles = [k for k in range(verb.i + 1, end) if doc[k].lower_ in _ROLE_WORDS]
    name = doc[roles[-1] + 1 : end] if roles else None
    if name is None or not 2 <= len(name) <= 3 or not all(t.text[:1].isupper() for t in name):
        return None
    known = ctx.people.person_at(name[-1].i)
    return Said(known or name.text, "explicit", "name_after_title")


def the_latter_or_former(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "... by the Port Authority and the Coast Board, with the latter confirming it was
    "not sending divers"": "the latter" / "the former" right before the verb (only adverbs
    or a date between: "the latter on Monday confirming") is the second / first of the two proper names joined by "and" last
    before it, in its sentence or the one before, when that one is a person or organisation."""
    ctx = s.ctx
    k = verb.i - 1
    while k > 0 and _aside_word(ctx.doc[k]):
        k -= 1
    word = ctx.doc[k]
    if word.lower_ not in ("latter", "former") or k < 1 or ctx.doc[k - 1].lower_ != "the":
        return None
    pair = _proper_pair_before(ctx, k - 1)
    if pair is None:
        return None
    one = pair[1] if word.lower_ == "latter" else pair[0]
    name = ctx.people.person_at(one.i) or ctx.people.organisation_at(one.i)
    return Said(name, "explicit", "the_latter_or_former") if name else None


def _aside_word(tok: Token) -> bool:
    """An adverb or a date between a subject and its verb ("later", "on Monday")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else tok
    return (
        tok.pos_ in SKIPPABLE
        or tok.ent_type_ in ("DATE", "TIME")
        or (tok.pos_ == "ADP" and nxt.ent_type_ in ("DATE", "TIME"))
    )


def _proper_pair_before(ctx: QuoteContext, before: int) -> tuple[Token, Token] | None:
    """The two proper nouns of the nearest "A and B" before a token, in its sentence or the
    one before."""
    seg = ctx.seg_of(ctx.doc[before].idx)
    first = ctx.seg_tokens(ctx.segments[max(0, seg - 1)])[0]
    for i in range(before - 1, first - 1, -1):
        t = ctx.doc[i]
        if t.dep_ == "conj" and t.head.i < i and ctx.in_quote[i] is None:
            if t.pos_ == "PROPN" and t.head.pos_ == "PROPN":
                return t.head, t
            return None
    return None


# Things on which someone is heard or seen speaking ("a recording in which X says").
RECORDING_NOUNS = {
    "recording", "tape", "video", "clip", "audio", "footage", "broadcast", "podcast",
    "livestream", "voicemail", "call",
}  # fmt: skip


def heard_in_a_recording(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "a leaked recording in which someone, apparently Ana Lind, says the plan is “...”":
    the words are those of the person named as the one heard (hedged or not) between the
    recording and the verb; the person the quotation is about comes after the verb."""
    ctx = s.ctx
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in RECORDING_NOUNS:
        return None
    names = set()
    for t in ctx.doc[verb.head.i + 1 : verb.i]:
        if ctx.in_quote[t.i] is None and t.pos_ == "PROPN":
            name = ctx.people.person_at(t.i) or ctx.people.canonical(t.text)
            if name:
                names.add(name)
    return Said(names.pop(), "explicit", "heard_in_a_recording") if len(names) == 1 else None


# Things carried or put up with words written on them ("a banner saying “...”").
SIGN_NOUNS = {"banner", "placard", "sign", "poster", "flag", "billboard", "sticker", "leaflet"}


def sign_from_a_group(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "Marchers with flags and a banner from Fair Vote saying “...”": words a banner or
    placard of a named group or person bears are that owner's slogan, whoever the parse
    makes the subject of "saying" / "reading" (the marchers who carry it)."""
    ctx = s.ctx
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in ("say", "read"):
        return None
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 10) - 1, -1):
        t = ctx.doc[k]
        if ctx.in_quote[k] is not None or t.pos_ in ("VERB", "AUX") or t.is_punct:
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in SIGN_NOUNS:
            owner = next(
                (
                    _owner_named(s, o)
                    for p in t.children
                    if p.dep_ == "prep" and p.lower_ in ("from", "by")
                    for o in p.children
                    if o.dep_ == "pobj"
                ),
                None,
            )
            return Said(owner, "explicit", "sign_from_a_group") if owner else None
    return None


def _owner_named(s: Speakers, obj: Token) -> str | None:
    """The person or organisation a prepositional object names, else its own capitalised
    words ("People's Choice", a name the people stage did not take)."""
    people = s.ctx.people
    words = obj.doc[obj.left_edge.i : obj.i + 1]
    for t in words:
        name = people.person_at(t.i) or people.organisation_at(t.i)
        if name:
            return name
    if all(w.text[:1].isupper() or w.dep_ == "case" for w in words):
        return words.text
    return None


def passive_subject_spoken_of(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "Ana Lind was said to be “in good spirits”", "he was called “a dreamer”": the
    subject of a passive speech or labelling verb with no agent is the one spoken of,
    never the speaker ("X was quoted: “...”" still quotes X)."""
    if depth or verb.lemma_.lower() in ("quote", "cite") or not _agentless_passive(verb):
        return None
    if not any(c.dep_ == "nsubjpass" and s.ctx.in_quote[c.i] is None for c in verb.children):
        return None
    return Said(None, "nonperson", "passive_subject_spoken_of")


def verb_subject(s: Speakers, verb: Token, depth: int) -> Said | None:
    """The verb's own subject outside the quotation: "Mr D'Anieri said". With two subjects
    (the parse splits "His teammate Ola Berg added" into "teammate" and "Berg"), the
    first that is someone."""
    saids = [
        s.person_of(child)
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS and s.ctx.in_quote[child.i] is None
    ]
    return next((x for x in saids if x.speaker), saids[0] if saids else None)


def subject_of_participle_before(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "Governor Ida Wren, asked whether she would resign, said “...”": the parse gives the
    name to the participle set off by commas, and the speech verb no subject."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    doc = s.ctx.doc
    for clause in verb.lefts:
        if clause.tag_ not in ("VBN", "VBG", "VBD") or clause.dep_ not in ("ccomp", "advcl"):
            continue
        for subj in clause.lefts:
            if subj.dep_ in SUBJECT_DEPS and doc[clause.i - 1].text == ",":
                said = s.person_of(subj)
                return said if said.speaker else None
    return None


def relative_clause_head(s: Speakers, verb: Token, depth: int) -> Said | None:
    """A relative clause with no subject of its own speaks for its noun."""
    return s.person_of(verb.head) if verb.dep_ == "relcl" else None


def adjacent_name(s: Speakers, verb: Token, depth: int) -> Said | None:
    """A name written right before the verb ("Medvedev later said") or after it ("said
    Andrew D'Anieri") when the parse gave the verb no subject."""
    ctx = s.ctx
    doc, people = ctx.doc, ctx.people
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ in SKIPPABLE and doc[k].lower_ not in PRONOUN_GENDER:
        k -= 1
    for i in (k, verb.i + 1):
        if 0 <= i < len(doc) and people.person_at(i) and ctx.in_quote[i] is None:
            if addressed(doc[i]) or _medium_of(doc[i], verb):
                continue  # "asking Reed to ...": the one spoken to
            if i > verb.i and _subject_of_the_clause_said(doc[i], verb):
                continue  # "arguing Reed was “...”": Reed is who the words are about
            if i > verb.i and _possessor(doc[i]):
                continue  # "and described Reed's plan as “...”": Reed owns the object
            return Said(people.person_at(i), "explicit", "adjacent_name")
    return None


def _subject_of_the_clause_said(tok: Token, verb: Token) -> bool:
    """ "X criticised the move, arguing Reed was “...”": a name after the verb that is the
    subject of the clause the verb reports is what is said about, not the speaker (an
    inverted "said Reed" hangs on the verb itself)."""
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return head.dep_ in SUBJECT_DEPS and head.head.i != verb.i and head.head.i > head.i


def _possessor(tok: Token) -> bool:
    """ "described Reed's refusal as ...": a name after the verb that owns a noun (its own
    "'s") is part of the object, never an inverted speaker ("said Reed")."""
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "poss"


def _medium_of(tok: Token, verb: Token) -> bool:
    """ "and on Twitter referred to ...": a name in a phrase of the verb's own preposition
    before it is where the words were said, not who said them."""
    return tok.i < verb.i and tok.dep_ == "pobj" and tok.head.head.i == verb.i


def verb_opening_the_sentence(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "Remarked Harlow Trust ecologist Ana Lind, “...”": a speech verb opening its sentence
    (the subject after it, a long title in front of the name, which the parse takes apart)
    is said by the first person named between it and the quotation."""
    ctx = s.ctx
    if verb.i != ctx.seg_tokens(ctx.segments[ctx.seg_of(verb.idx)])[0] or verb.tag_ not in (
        "VBD",
        "VBN",
    ):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for k in range(verb.i + 1, min(len(ctx.doc), verb.i + 16)):
        if ctx.in_quote[k] is not None or ctx.doc[k].pos_ in ("VERB", "AUX"):
            return None
        name = ctx.people.person_at(k)
        if name:
            return Said(name, "explicit", "verb_opening_the_sentence")
    return None


def speaker_after_verb(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "said a protester using the pseudonym Lena", parsed with the speaker as the verb's
    object: the person that object names."""
    for child in verb.rights:
        if child.dep_ != "dobj" or child.i - verb.i > 3 or s.ctx.in_quote[child.i] is not None:
            continue
        # only a person noun: "asking Ana to be ...", "termed her a ..." name no speaker
        return unnamed_person_named(s, child) if is_unnamed_person(child) else None
    return None


def age_as_subject(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "“It was a dream,” the 24-year-old said", parsed with no subject: the person last
    talked about, like a he/she."""
    ctx = s.ctx
    doc = ctx.doc
    if (
        verb.i >= 4
        and doc[verb.i - 1].lower_ == "old"
        and doc[verb.i - 3].lower_ in ("year", "years")
        and any(doc[k].lower_ == "the" for k in range(max(0, verb.i - 7), verb.i - 3))
        and ctx.in_quote[verb.i - 1] is None
    ):
        name = s.resolve_pronoun(doc[verb.i - 1])
        if name:
            return Said(name, "pronoun", "age_as_subject")
    return None


def shared_subject(s: Speakers, verb: Token, depth: int) -> Said | None:
    """A verb without a subject takes its head's ("agreed, saying “...”"); a verb coordinated
    with a quoted one shares its subject outside the quotes ("it had “taken note” of the
    decision and called for ...")."""
    head = verb.head
    in_quote = s.ctx.in_quote
    if depth >= 3 or head.i == verb.i or verb.dep_ not in CLIMB_DEPS:
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "X grew fast and was called “...”": X is what was named; no agent, nobody named
        return Said(None, "nonperson", "passive_without_agent")
    if _delivered_text(verb):
        # "X gave a speech declaring ...", "issued a statement saying ...": the giver's
        return s.subject(head.head, depth + 1)
    if in_quote[head.i] is None or (
        verb.dep_ == "conj"
        and any(c.dep_ in SUBJECT_DEPS and in_quote[c.i] is None for c in head.children)
    ):
        return s.subject(head, depth + 1)
    return None


# What a speaker gives or issues that then "says" or "declares" something.
_DELIVERED = DOCUMENT_NOUNS | {"speech", "address", "video", "interview", "remark"}


def _delivered_text(verb: Token) -> bool:
    """ "gave a speech declaring ...": a speech verb hung on the object noun of a speech
    or text (not a person: "met a farmer saying ...") speaks for that object's verb."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.pos_ == "NOUN"
        and head.dep_ == "dobj"
        and head.lemma_.lower() in _DELIVERED
        and head.head.pos_ == "VERB"
    )


def subject_across_an_aside(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "The agency has, in a statement, called on riders to “...”", parsed with the
    subject on "has" and the verb hung elsewhere: a verb with no subject of its own takes the
    subject written before it in its sentence when only an aside, no other verb, is between."""
    ctx = s.ctx
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for k in range(verb.i - 1, verb.sent.start - 1, -1):
        t = ctx.doc[k]
        if ctx.in_quote[k] is not None or t.pos_ == "VERB" or t.text in ";:":
            return None
        if t.dep_ in SUBJECT_DEPS:
            said = s.person_of(t)
            return said._replace(rule="subject_across_an_aside") if said.speaker else None
    return None


def name_set_off_before_verb(s: Speakers, verb: Token, depth: int) -> Said | None:
    """ "Calling it “...”, Ana Lind of “Safe Now”, a victims' charity, told Reuters “...”",
    parsed with the name in apposition to the quoted phrase and the verb left without a
    subject: a main speech verb right after a comma takes the nearest person named before
    it in its sentence, with no verb of the narration between them (quoted words and
    asides passed over)."""
    ctx = s.ctx
    doc = ctx.doc
    if (
        verb.dep_ != "ROOT"
        or verb.pos_ != "VERB"
        or verb.i < 2
        or doc[verb.i - 1].text != ","
        or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    ):
        return None
    for k in range(verb.i - 2, verb.sent.start - 1, -1):
        t = doc[k]
        if ctx.in_quote[k] is not None:
            continue
        if t.pos_ in ("VERB", "AUX") or t.text in ";:":
            return None
        name = ctx.people.person_at(k)
        if name:
            return Said(name, "explicit", "name_set_off_before_verb")
    return None


VerbRule = Callable[["Speakers", Token, int], "Said | None"]
VERB_RULES: tuple[VerbRule, ...] = (
    according_to,
    words_of,
    passive_agent,
    passive_after_a_statement,
    quoted_as_saying,
    text_with_its_own_author,
    text_that_reads,
    text_read_after_the_quote,
    name_after_title,
    the_latter_or_former,
    heard_in_a_recording,
    sign_from_a_group,
    passive_subject_spoken_of,
    verb_subject,
    subject_of_participle_before,
    relative_clause_head,
    adjacent_name,
    verb_opening_the_sentence,
    speaker_after_verb,
    age_as_subject,
    subject_across_an_aside,
    name_set_off_before_verb,
    shared_subject,
)


# ============================================================================ the resolver
class Speakers:
    """Subject -> speaker for one document, with what it learns along the way (pronouns
    resolved, genders shown by the article's own attributions)."""

    def __init__(self, ctx: QuoteContext):
        self.ctx = ctx
        self._pronouns: dict[int, str | None] = {}
        # Genders learned from this article's own attributions ("Lee ... he said").
        self._learned: dict[str, str] = {}
        self._roles: dict[str, list[tuple[int, str, frozenset[str]]]] | None = None
        # (first token, speaker) of each quotation rule 1 attributed, in text order
        # (``heard``); ``organisation_quoted_before`` reads it.
        self._heard: list[tuple[int, str | None]] = []

    def heard(self, first_token: int, speaker: str | None) -> None:
        """Rule 1 attributed the quotation starting at `first_token` to `speaker`."""
        self._heard.append((first_token, speaker))

    def organisation_quoted_before(self, tok: Token) -> str | None:
        """ "The agency called on riders to “...” It also urged ...": the organisation
        whose quotation (attributed by rule 1) is the last one before tok, in tok's sentence
        or the one before; None when a person was quoted last."""
        ctx = self.ctx
        seg = ctx.seg_of(tok.idx)
        start = ctx.seg_tokens(ctx.segments[max(0, seg - 1)])[0]
        before = [who for first, who in self._heard if start <= first < tok.i]
        if not before or not before[-1] or ctx.people.is_person(before[-1]):
            return None
        return before[-1]

    def skip_mention(self, m: Mention) -> bool:
        return self.ctx.inside_any_quote(m.start)

    def person_of(self, tok: Token) -> Said:
        """The speaker a subject token stands for (``SUBJECT_RULES``, first that decides)."""
        for rule in SUBJECT_RULES:
            said = rule(self, tok)
            if said is not None:
                return said
        return Said(None, "nonperson", "nonperson")

    def subject(self, verb: Token, depth: int = 0) -> Said:
        """The speaker of a speech verb (``VERB_RULES``, first that decides)."""
        for rule in VERB_RULES:
            said = rule(self, verb, depth)
            if said is not None:
                return said
        return Said(None, "unknown", "unknown")

    def gender_of(self, name: str | None) -> str | None:
        """The person's gender from the people index, else as learned from a he/she this
        article already attributed to them."""
        return self.ctx.people.gender_of(name) or self._learned.get(name or "")

    # ----------------------------------------------------------------------- organisations
    def representative_after(self, tok: Token) -> bool:
        """The organisation's name is followed, before its verb, by a person noun:
        "spokesperson", "official", "source" ("A Home Office spokesperson said")."""
        doc = self.ctx.doc
        stop = tok.head.i if tok.head.i > tok.i else len(doc)
        for k in range(tok.i + 1, min(stop, tok.i + 12)):
            t = doc[k]
            if t.text[:1].isupper() or t.lower_ in ("of", "and", "for", "the", "&", "-"):
                continue
            low = t.lemma_.lower()
            return t.pos_ == "NOUN" and (low in ANONYMOUS_SOURCES or low in UNNAMED_PERSON_NOUNS)
        return False

    def recent_organisation(self, tok: Token, noun: str | None) -> str | None:
        """An organisation that is the subject of a speech verb in tok's sentence (before
        it) or the sentence before; with `noun`, one whose name contains that word."""
        seg = self.ctx.seg_of(tok.idx)
        for s in (seg, seg - 1):
            if s < 0:
                break
            for t in self._speech_subjects_before(s, tok):
                org = self.ctx.people.organisation_at(t.i)
                if org and (noun is None or noun in org.lower().split()):
                    return org
                if org is None and noun is None:
                    return None  # someone else spoke since
        return None

    def _speech_subjects_before(self, seg: int, tok: Token) -> Iterator[Token]:
        """Subjects of speech verbs in a segment, outside quotations, before tok, nearest first."""
        ctx = self.ctx
        a, b = ctx.segments[seg]
        first, last = ctx.seg_tokens((a, b))
        for i in range(min(last, tok.i - 1), first - 1, -1):
            t = ctx.doc[i]
            if (
                t.idx >= a
                and ctx.in_quote[i] is None
                and t.dep_ in SUBJECT_DEPS
                and is_speech_verb(t.head)
            ):
                yield t

    def organisation_before(self, tok: Token, sentences: int) -> str | None:
        """The organisation that is the subject of a clause nearest before tok (outside
        quotations) in its sentence and the `sentences - 1` before it; failing that, the
        organisation named nearest before tok there."""
        ctx = self.ctx
        seg = max(0, ctx.seg_of(tok.idx) - sentences + 1)
        first = ctx.seg_tokens(ctx.segments[seg])[0]
        orgs = [
            (ctx.doc[i].dep_ in SUBJECT_DEPS, org)
            for i in range(tok.i - 1, first - 1, -1)
            if ctx.in_quote[i] is None and (org := ctx.people.organisation_at(i))
        ]
        subjects = [org for is_subject, org in orgs if is_subject]
        return subjects[0] if subjects else (orgs[0][1] if orgs else None)

    def named_organisation(self, tok: Token) -> str | None:
        """ "The ministry said": the nearest organisation named a little earlier whose name
        has that word ("the Ministry of Foreign Affairs"), whether or not it spoke there;
        one that was the subject of a clause wins over one only mentioned ("The Court of
        Appeal heard ... the only higher court is the Supreme Court ... the court found":
        the Court of Appeal). Office and role words ("the minister") are people."""
        if tok.lower_ in _ROLE_WORDS:
            return None
        return self.organisation_with_word(tok.lower_, tok.i)

    def organisation_with_word(self, low: str, before: int) -> str | None:
        """The nearest organisation named (capitalised) in the 400 tokens before `before`
        whose name has the word `low`, one that was a clause's subject first."""
        ctx = self.ctx
        found: list[tuple[bool, str]] = []
        for i in range(before - 1, max(-1, before - 400), -1):
            t = ctx.doc[i]
            if t.lower_ == low and t.text[:1].isupper() and ctx.in_quote[i] is None:
                org = ctx.people.organisation_at(i)
                if org:
                    found.append((_subject_of_clause(t), org))
        subjects = [org for is_subject, org in found if is_subject]
        return subjects[0] if subjects else (found[0][1] if found else None)

    # ----------------------------------------------------------------------- offices
    def role_holder(self, noun: Token) -> str | None:
        """The person whose role has all the words of an office written without a name or
        article ("Foreign Minister says"): the nearest earlier holder, else the first one
        anywhere in the article; with a partial match, the only person it fits ("UERF chair
        says" and one "disciplinary chair" in the article)."""
        words = {
            t.lower_
            for t in noun.subtree
            if t.i <= noun.i
            and t.pos_ in ("NOUN", "PROPN", "ADJ")
            and self.ctx.in_quote[t.i] is None
        }
        if not words:
            return None
        cands = self._role_index().get(noun.lower_, [])  # (token, name, role words) in order
        holders = [(first, name) for first, name, rw in cands if words <= rw]
        k = _bisect_pairs(holders, noun.i)
        if k > 0:
            return holders[k - 1][1]
        if holders:
            return holders[0][1]
        partial = {name for _, name, _ in cands}
        return partial.pop() if len(partial) == 1 else None

    def _role_index(self) -> dict[str, list[tuple[int, str, frozenset[str]]]]:
        """Role word -> mentions (outside quotations) of the people whose role has it."""
        if self._roles is None:
            self._roles = {}
            words_of: dict[str, frozenset[str]] = {}
            people = self.ctx.people
            for m in people.mentions:
                role = people.role_of(m.name)
                if not role or self.ctx.inside_any_quote(m.start):
                    continue
                if m.name not in words_of:
                    words_of[m.name] = frozenset(
                        re.sub(r"[\u2019']s$", "", w.lower()) for w in re.split(r"[\s\-]+", role)
                    )
                for w in words_of[m.name]:
                    self._roles.setdefault(w, []).append((m.first, m.name, words_of[m.name]))
        return self._roles

    # ----------------------------------------------------------------------- antecedents
    def antecedent(self, who: Token) -> Said:
        """The speaker a "who"/"which" subject stands for: "Dara Okafor, a trade unionist,
        who told reporters ...": the noun the clause hangs on, the name that noun is in
        apposition to, or else the nearest name before the relative pronoun, with only an
        appositive (no verb) between them."""
        head = who.head.head if who.head.dep_ == "relcl" else None
        if head is not None and head.i < who.i:
            said = self.person_of(head)
            if said.speaker:
                return said
            if head.dep_ == "appos" and head.head.i < head.i:
                said = self.person_of(head.head)
                if said.speaker:
                    return said
        name = self._name_before(who)
        if name:
            return Said(name, "explicit", "relative_pronoun")
        if head is not None and head.i < who.i:
            return self.person_of(head)
        return Said(None, "nonperson", "relative_pronoun")

    def _name_before(self, who: Token) -> str | None:
        ctx = self.ctx
        for k in range(who.i - 1, max(who.sent.start, who.i - 40) - 1, -1):
            t = ctx.doc[k]
            if ctx.in_quote[k] is not None:
                return None
            name = ctx.people.person_at(k)
            if name:
                return name
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound"):
                return None  # a verb between them: the "who" is someone else's
        return None

    # ----------------------------------------------------------------------- pronouns
    def resolve_pronoun(self, tok: Token, gender: str | None = None) -> str | None:
        """The person a he/she subject refers to: looking back sentence by sentence, the
        first sentence holding a person of a fitting gender decides. In it, the subject of
        a speech verb wins ("X, who arrived after Cyclone Y struck, said ..."), then the
        main clause's subject, then any subject, then the nearest name. An unnamed person
        there ("A senior banker said ...", also as the main subject: "One of the victims
        decided ...") gives None. Organisations and places are never
        candidates (they are not in the people index)."""
        if tok.i in self._pronouns:
            return self._pronouns[tok.i]
        self._pronouns[tok.i] = None  # guards against a cycle
        gender = PRONOUN_GENDER.get(tok.lower_, gender)
        answer = self._antecedent_of_pronoun(tok, gender)
        self._pronouns[tok.i] = answer
        if answer and gender and self.gender_of(answer) is None:
            self._learned[answer] = gender  # "she", or "the mother" (a noun with a gender)
        return answer

    def _antecedent_of_pronoun(self, tok: Token, gender: str | None) -> str | None:
        ctx = self.ctx
        seg = ctx.seg_of(tok.idx)
        while seg >= 0 and ctx.segments[seg][1] >= tok.idx - LOOKBACK_CHARS:
            best = self._best_candidate(tok, gender, ctx.segments[seg])
            if best is not None:
                return None if isinstance(best, _Unnamed) else best
            seg -= 1
        return None

    def _best_candidate(
        self, tok: Token, gender: str | None, seg: tuple[int, int]
    ) -> str | _Unnamed | None:
        """The best-ranked candidate of one segment (later ones win ties), or None."""
        ctx = self.ctx
        first, last = ctx.seg_tokens(seg)
        best: tuple[int, int, str | _Unnamed] | None = None  # (rank, position, name)
        for i in range(first, min(last, tok.i - 1) + 1):
            t = ctx.doc[i]
            if t.idx < seg[0] or ctx.in_quote[i] is not None or i == tok.i:
                continue
            if seg[1] >= tok.idx and _subject_around_an_aside(t, tok):
                continue
            cand = self._candidate(t, gender, own_sentence=seg[1] >= tok.idx)
            if cand is not None and (best is None or (cand[0], i) > (best[0], best[1])):
                best = (cand[0], i, cand[1])
        return None if best is None else best[2]

    def _candidate(self, t: Token, gender: str | None, *, own_sentence: bool) -> Candidate | None:
        """(rank, name or UNNAMED) when token t can be what a he/she refers to. The one
        spoken to is never the speaker in the pronoun's own sentence ("Speaking to Anna Reed
        of PBS, he said"), but may be meant in a later one, last of all ("Police spoke with
        Ms Reed. She said ..."), or first of all when asked a question ("X asked Ms Reed
        about the vote. She said ...": the one asked answers)."""
        speech_subject = t.dep_ in SUBJECT_DEPS and is_speech_verb(t.head)
        if t.lower_ in PRONOUN_GENDER:
            return self._pronoun_candidate(t, gender, speech_subject)
        name = self.ctx.people.person_at(t.i)
        if name and addressed(t):
            if own_sentence or not fits(self.gender_of(name), gender):
                return None
            return (4 if questioned(t) else -1), name
        if name:
            return self._named_candidate(t, name, gender, speech_subject)
        if speech_subject and is_unnamed_person(t):
            return self._unnamed_candidate(t, gender)
        if _someone_unnamed_does(t):
            cand = self._unnamed_candidate(t, gender)
            return (2, cand[1]) if cand is not None else None
        return None

    def _pronoun_candidate(
        self, t: Token, gender: str | None, speech_subject: bool
    ) -> Candidate | None:
        own = PRONOUN_GENDER[t.lower_]
        if not speech_subject or own != (gender or own):
            return None
        name = self.resolve_pronoun(t)
        return 3, name if name else UNNAMED

    def _named_candidate(
        self, t: Token, name: str, gender: str | None, speech_subject: bool
    ) -> Candidate | None:
        if not fits(self.gender_of(name), gender) or posted_on(t) or _role_played(t):
            return None  # "a statement on Twitter", "the character of X": not who speaks
        if speech_subject:
            return 3, name
        if t.dep_ in SUBJECT_DEPS:
            return (2 if t.head.dep_ == "ROOT" else 1), name
        if (
            t.head.i < t.i
            and t.head.lemma_.lower() in ("say", "add", "write", "ask")
            and t.dep_ in ("dobj", "attr", "npadvmod")
            and not any(c.dep_ in SUBJECT_DEPS for c in t.head.children)
        ):
            return 3, name  # "said Andrew Smith" parsed with the name as object
        return 0, name

    def _unnamed_candidate(self, t: Token, gender: str | None) -> Candidate | None:
        """ "A senior banker said" (nobody named), unless the noun has a name after all ("a
        retired teacher who gave his name only as Daniel, said")."""
        named = self.person_of(t).speaker or self._name_in_clause(t)
        if named and self.ctx.people.is_person(named):
            return (3, named) if fits(self.gender_of(named), gender) else None
        if not fits(UNNAMED_PERSON_NOUNS.get(t.lemma_.lower()), gender):
            return None
        return 3, UNNAMED

    def _name_in_clause(self, t: Token) -> str | None:
        ctx = self.ctx
        for c in t.children:
            if c.dep_ not in ("relcl", "appos") or c.i <= t.i:
                continue
            for k in range(c.left_edge.i, c.right_edge.i + 1):
                if ctx.people.person_at(k) and ctx.in_quote[k] is None:
                    return ctx.people.person_at(k)
        return None


# Nouns for a part someone plays ("the character of X", "the role of X").
PLAYED_PART_NOUNS = {"character", "role", "part", "persona", "alter"}


def _role_played(t: Token) -> bool:
    """ "Faced with losing the character of Ana Reed, the producers ... “...,” she recalls":
    a name given as a part someone plays (of "the character / role of", or after
    "character") is a fiction's, not the she who speaks."""
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in PLAYED_PART_NOUNS
    return t.dep_ == "appos" and head.lemma_.lower() in PLAYED_PART_NOUNS


def _someone_unnamed_does(t: Token) -> bool:
    """ "One of the victims decided ...", "A nurse agreed ...": an indefinite person as the
    main clause's subject, whom a "she" in the next sentence may mean."""
    if t.dep_ != "nsubj" or t.head.dep_ != "ROOT":
        return False
    if t.lower_ == "one":
        return any(
            o.dep_ == "pobj" and o.tag_ == "NNS" and is_unnamed_person_kind(o)
            for p in t.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
        )
    return is_unnamed_person(t) and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children
    )


def _subject_around_an_aside(t: Token, pronoun: Token) -> bool:
    """ "Ana Lind slammed the plan. Tom Reid, she said, was "out of touch."": a name before
    "she said" whose own verb comes after the aside is what she talks about, not her; not
    when the aside is a clause of its own ("Tom Reid, as she said in May, ...": she is Tom)."""
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    if t.i >= pronoun.i or t.dep_ not in SUBJECT_DEPS:
        return False
    verb, aside = t.head, pronoun.head
    bare = not any(c.dep_ in ("mark", "advmod") for c in aside.children)  # not "as she said"
    return verb.i > pronoun.i and aside.i != verb.i and is_speech_verb(aside) and bare


def _subject_of_clause(tok: Token) -> bool:
    """tok (or the name it is part of) is a clause's subject."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def _bisect_pairs(pairs: list[tuple[int, str]], at: int) -> int:
    """Index of the first pair at or after token `at` (pairs sorted by token)."""
    import bisect

    return bisect.bisect_left(pairs, (at, ""))
