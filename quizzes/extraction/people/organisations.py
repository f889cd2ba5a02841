"""Organisations named in the article, so that the people rules and the speaker rules can
tell a body ("the Kumasi Chamber of Trade and Industry said") from a person."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from ..geo import is_country
from ..lexicon import (
    OFFICE_TITLES,
    ORG_APPOSITIVES,
    ORG_WORDS,
    PERSON_ROLE_NOUNS,
    POST_NOMINALS,
)
from ..sentences import doc_tokens, entities
from ..text import fold_word
from .tokens import (
    NAME_PARTICLES,
    ORG_CONNECTORS,
    RUN_TITLES,
    acronym_token,
    initials,
    is_acronym,
    is_capitalised,
    is_name_token,
    without_possessive,
)

_PERSON_WORDS = OFFICE_TITLES | PERSON_ROLE_NOUNS
_NOT_PARTICLE_NAME = NAME_PARTICLES - {"la", "le"}


def _cap(t: Token) -> bool:
    return is_capitalised(t) and t.pos_ in ("PROPN", "NOUN") and t.tag_ != "POS"


class Organisations:
    """``at(token)``: the organisation a token belongs to; ``acronyms()``: initials -> full
    names. Person tokens (``person_tokens``) are never part of an organisation."""

    def __init__(self, doc: Doc, text: str, person_tokens: Mapping[int, str]):
        self.doc = doc
        self.text = text
        self.person_tokens = person_tokens
        self.acronym_names: dict[str, str] | None = None  # None until the index is built
        self.acronyms_given: set[str] = set()  # spelled out as "Full Name (ACR)"
        self._ents: dict[int, Span] | None = None

    def entity_at(self, i: int) -> Span | None:
        if self._ents is None:
            self._ents = {t: ent for ent in entities(self.doc) for t in range(ent.start, ent.end)}
        return self._ents.get(i)

    # ----------------------------------------------------------------------- at a token
    def at(self, token_i: int) -> str | None:
        """The organisation a token belongs to, written in full ("Lagos Chamber of Commerce
        and Industry"): the capitalised run around the token, through "of", "and", "for"
        between capitalised words, when it has an organisation word ("Chamber", "Agency",
        "Bank") or the model labels it ORG (and it is no person's name)."""
        if token_i in self.person_tokens:
            return None
        full = self._expanded_acronym(token_i)
        if full is not None:
            return full
        if not is_capitalised(self.doc[token_i]):
            return None
        found = self._organisation_entity(token_i)
        if found is None:
            return None
        ent, label = found
        tokens = self._run_tokens(token_i, ent)
        if not tokens or any(t.i in self.person_tokens for t in tokens):
            return None
        if not self._is_organisation(tokens, label):
            return None
        return without_possessive(self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)])

    def _expanded_acronym(self, token_i: int) -> str | None:
        """ "UERF" -> "Union of European Rugby Federations" once the index is built; "the US"
        stays the country unless the article spells it out."""
        doc, tok = self.doc, self.doc[token_i]
        if (
            self.acronym_names is None
            or not acronym_token(tok)
            or (
                token_i > 0 and is_name_token(doc[token_i - 1]) and doc[token_i - 1].lower_ != "the"
            )
            or (token_i + 1 < len(doc) and is_name_token(doc[token_i + 1]))
        ):
            return None
        full = self.acronyms().get(tok.text)
        if full and (
            tok.text in self.acronyms_given
            or not (tok.ent_type_ in ("GPE", "LOC") or is_country(tok.text))
        ):
            return full
        return None

    def _organisation_entity(self, token_i: int) -> tuple[Span | None, str] | None:
        """The token's entity and label, or None when its label is no organisation's
        ("Amnesty International Kenya": a place ending an organisation's name counts)."""
        ent = self.entity_at(token_i)
        label = ent.label_ if ent is not None else ""
        if label in ("", "ORG"):
            return ent, label
        prev = self.doc[token_i - 1] if token_i > 0 else None
        if prev is None or prev.ent_type_ != "ORG" or not _cap(prev):
            return None
        return self.entity_at(prev.i), "ORG"

    def _run_tokens(self, token_i: int, ent: Span | None) -> list[Token]:
        """The capitalised run around the token, through connectors, without a leading
        article, a trailing possessive or what a bracket opens."""
        doc = self.doc
        a = b = token_i
        if ent is not None:
            a, b = min(a, ent.start), max(b, ent.end - 1)
        while a > 0 and _cap(doc[a - 1]) and "\n" not in doc[a - 1].whitespace_:
            a -= 1
        while b + 1 < len(doc) and "\n" not in doc[b].whitespace_:
            step = self._run_step(b)
            if not step:
                break
            b += step
        return _trimmed(list(doc[a : b + 1]), token_i)

    def _run_step(self, b: int) -> int:
        doc = self.doc
        nxt = doc[b + 1]
        if _cap(nxt):
            return 1
        if (
            fold_word(nxt.text) in ORG_CONNECTORS
            and b + 2 < len(doc)
            and _cap(doc[b + 2])
            and (doc[b + 2].ent_type_ in ("", "ORG") or nxt.lower_ == "of")
        ):
            return 2
        return 0

    def _is_organisation(self, tokens: list[Token], label: str) -> bool:
        if fold_word(tokens[-1].text) in _PERSON_WORDS and not (
            len(tokens) > 2 and tokens[-2].lower_ == "of"
        ):
            return (
                False  # "Industry Minister", "Union Leader": a person's title, not "X of Justice"
            )
        if _company_title_and_name(tokens) or _titled_name(tokens):
            return False
        words = {fold_word(t.text) for t in tokens}
        if words & ORG_WORDS or (label == "ORG" and _labelled_organisation(tokens, words)):
            return True
        if label in ("", "ORG") and len(tokens) <= 6:
            # "Southern Fjord Ferries, a state-owned shipping company, ...": the appositive
            # says what the name is.
            return any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and fold_word(c.lemma_) in ORG_APPOSITIVES
                for t in tokens
                for c in t.children
            )
        return False

    # ----------------------------------------------------------------------- acronyms
    def acronyms(self) -> dict[str, str]:
        """Initials -> the organisation's full name given in the article: "the Union of
        European Rugby Federations (UERF)", or an organisation whose capitalised words'
        initials spell the acronym."""
        if self.acronym_names is None:
            self.acronym_names = {}  # while building, at() expands nothing
            found: dict[str, str] = {}
            names: list[str] = []
            for tok in doc_tokens(self.doc):
                if self._bracketed_acronym(tok):
                    self._spelled_acronym(tok, found)
                elif is_capitalised(tok) and (
                    fold_word(tok.text) in ORG_WORDS
                    or (tok.ent_type_ == "ORG" and tok.ent_iob_ == "B")
                ):
                    full = self.at(tok.i)
                    if full and " " in full:
                        names.append(full)
            self.acronyms_given = set(found)
            for full in names:
                found.setdefault(initials(full), full)
            self.acronym_names = {k: v for k, v in found.items() if len(k) >= 2}
        return self.acronym_names

    def _bracketed_acronym(self, tok: Token) -> bool:
        """ "(UERF)" after a name."""
        doc = self.doc
        return (
            tok.text == "("
            and tok.i > 0
            and tok.i + 2 < len(doc)
            and doc[tok.i + 2].text == ")"
            and acronym_token(doc[tok.i + 1])
        )

    def _spelled_acronym(self, bracket: Token, found: dict[str, str]) -> None:
        acronym = self.doc[bracket.i + 1].text
        full = self.at(bracket.i - 1)
        if not full or " " not in full:
            full = self._spelled_out(bracket.i - 1, acronym)
        if full and " " in full:
            found.setdefault(acronym, full)

    def _spelled_out(self, last: int, acronym: str) -> str | None:
        """The capitalised words ending at token `last` that an acronym in brackets after
        them abbreviates ("Jatiya People's Party (JPP)"): through of/and/for and
        possessives, kept when their initials start like the acronym."""
        doc = self.doc
        a = last
        while a > 0 and last - a < 10 and "\n" not in doc[a - 1].whitespace_:
            if not _spelled_word(doc, a - 1):
                break
            a -= 1
        if not is_capitalised(doc[last]):
            return None
        text = self.text[doc[a].idx : doc[last].idx + len(doc[last].text)]
        if not initials(text) or initials(text)[0] != acronym[0]:
            return None
        return text


def _trimmed(tokens: list[Token], token_i: int) -> list[Token]:
    """Without what a bracket opens ("Union of ... Federations (UERF"), a leading article or
    a trailing possessive."""
    if any(t.text == "(" for t in tokens):
        cut = next(k for k, t in enumerate(tokens) if t.text == "(")
        tokens = tokens[:cut] if token_i < tokens[cut].i else tokens[cut + 1 :]
    inner_article = [
        k
        for k, t in enumerate(tokens)
        if t.text == "the" and t.i < token_i and not (k and tokens[k - 1].lower_ in ("of", "for"))
    ]  # "the Bank of the Andes" keeps its "of the"
    if inner_article:  # "This Thursday the Fisheries Council ...": the name starts after it
        tokens = tokens[inner_article[-1] + 1 :]
    while tokens and (tokens[0].lower_ == "the" or tokens[0].tag_ == "DT"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _spelled_word(doc: Doc, k: int) -> bool:
    prev = doc[k]
    if is_capitalised(prev) and prev.pos_ in ("PROPN", "NOUN", "ADJ") and prev.tag_ != "POS":
        return True
    return (
        (prev.tag_ == "POS" or fold_word(prev.text) in ORG_CONNECTORS)
        and k + 1 >= 2
        and is_capitalised(doc[k - 1])
    )


def _company_title_and_name(tokens: list[Token]) -> bool:
    """ "VinaVolt Chief Executive Nguyen Thi Thu Hang": a company, a title and a person's
    name, not one organisation."""
    titles = [k for k, t in enumerate(tokens) if fold_word(t.text) in RUN_TITLES]
    if not titles or len(tokens) - titles[-1] <= 2:
        return False
    after = tokens[titles[-1] + 1 :]
    return not any(fold_word(t.text) in ORG_WORDS or is_acronym(t) for t in after)


def _titled_name(tokens: list[Token]) -> bool:
    """ "Prosecutor Ann Roe QC", "MP Tom Lee": a person's title, a two- or three-word name
    and perhaps letters after it (which the model may take for an organisation's)."""
    if (
        len(tokens) > 1
        and fold_word(tokens[-1].text) in POST_NOMINALS
        and tokens[-1].text.isupper()
    ):
        tokens = tokens[:-1]
    name = tokens[1:]
    return (
        fold_word(tokens[0].text) in _PERSON_WORDS
        and 2 <= len(name) <= 3
        and all(is_name_token(t) and not is_acronym(t) for t in name)
        and not any(fold_word(t.text) in ORG_WORDS | _PERSON_WORDS for t in name)
    )


def _labelled_organisation(tokens: list[Token], words: set[str]) -> bool:
    """An ORG-labelled run is an organisation unless it is a name with a particle
    ("Jean-Baptiste Ekambi de la Fontaine"), when it has a connector, one word, more than
    four, or an acronym."""
    particle_name = any(t.lower_ == t.text and t.lower_ in _NOT_PARTICLE_NAME for t in tokens[1:-1])
    if particle_name and not words & (ORG_CONNECTORS - NAME_PARTICLES):
        return False
    return (
        bool(words & ORG_CONNECTORS)
        or len(tokens) == 1
        or len(tokens) > 4
        or any(is_acronym(t) for t in tokens)
    )
