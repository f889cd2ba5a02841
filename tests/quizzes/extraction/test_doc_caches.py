"""Each doc's entities, tokens and evidence sentences are made once, equal what spaCy gives,
and do not keep the doc alive once the extraction is done with it."""

from __future__ import annotations

import gc
import weakref

from quizzes.extraction.sentences import doc_tokens, entities, evidence_sentences

TEXT = "Marta Velkova opened the bakery in Lindhaven.\nShe said the bread sold out by noon."


def test_caches_equal_the_doc_and_are_made_once(nlp):
    doc = nlp(TEXT)
    assert doc_tokens(doc) is doc_tokens(doc)
    assert [t.i for t in doc_tokens(doc)] == [t.i for t in doc]
    assert [t.text for t in doc_tokens(doc)] == [t.text for t in doc]
    assert entities(doc) is entities(doc)
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    assert [s.text for s in evidence_sentences(doc)] == [s.text for s in evidence_sentences(doc)]


def test_a_doc_with_cached_parts_is_freed(nlp):
    doc = nlp(TEXT)
    doc_tokens(doc), entities(doc), evidence_sentences(doc)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None
