"""The real extractor and generator on real articles, read from the repository at
test time: the sample article and every released batch of fixtures/realnews (a
batch whose first, blind run is recorded in fixtures/realnews/README.md and is
not reserved; a batch joins these tests when the lead records its first run).

Each test asserts a property of the teacher's rubric on every question generated
(issue 11): publishable, evidence from the article, options of the answer's type,
nothing given away, natural punctuation, dates explained, no fact asked more than
twice, no question answering another, no world trivia.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from quizzes.extraction import extract
from quizzes.generation import Review, review_questions
from quizzes.generation.dates import parse_label
from quizzes.generation.distractors import country_iso, part_of_country
from quizzes.generation.quality import (
    FACT_LIMIT,
    QuizQuestion,
    blanked_words_shown,
    inside_quotation,
    reveals,
    well_known_place,
)
from quizzes.generation.text import (
    BLANK,
    contains_word,
    gives_away_country,
    gives_away_person,
    similar,
)
from quizzes.validation import question_problems

ROOT = Path(__file__).resolve().parents[3]
REALNEWS = ROOT / "fixtures" / "realnews"
SAMPLE = ("seed_article", ROOT / "fixtures" / "seed_article.txt", date(2022, 9, 30))


def released_batches() -> list[Path]:
    """Batches with a recorded first run that is not marked reserved."""
    readme = (REALNEWS / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\|\s*(batch_\d+)\s*\|[^|]*\|([^|]*)\|", readme, re.M)
    return [
        REALNEWS / name
        for name, first_run in rows
        if first_run.strip() and "reserved" not in first_run
    ]


def real_articles() -> list[tuple[str, Path, date]]:
    articles = [SAMPLE]
    for batch in released_batches():
        with (batch / "sources.csv").open(encoding="utf-8") as sources:
            for row in csv.DictReader(sources):
                articles.append(
                    (row["id"], batch / f"{row['id']}.txt", date.fromisoformat(row["published"]))
                )
    return articles


ARTICLES = real_articles()
_REVIEWS: dict[str, tuple[str, Review]] = {}


@pytest.fixture(params=ARTICLES, ids=[a[0] for a in ARTICLES])
def article(request):
    """(text, review) of one real article, generated once per test session."""
    name, path, published = request.param
    if name not in _REVIEWS:
        text = path.read_text(encoding="utf-8")
        facts = extract(text, published=published)
        _REVIEWS[name] = (text, review_questions(facts, article_text=text, published=published))
    return _REVIEWS[name]


def test_released_batches_are_read_and_reserved_ones_never():
    readme = (REALNEWS / "README.md").read_text(encoding="utf-8")
    reserved = set(re.findall(r"^\|\s*(batch_\d+)\s*\|[^|]*\|[^|]*reserved", readme, re.M))
    names = {path.name for path in released_batches()}
    assert not names & reserved
    texts = [txt for batch in released_batches() for txt in batch.glob("*.txt")]
    assert len(ARTICLES) == 1 + len(texts)
    assert len(names) >= 45


def test_every_question_is_publishable_and_keeps_its_evidence(article):
    text, review = article
    for draft in review.kept:
        assert not question_problems(
            kind=draft.kind,
            status="published",
            prompt=draft.prompt,
            answer=draft.answer,
            choices=draft.choices,
        ), draft.prompt
        evidence = text[draft.evidence_start : draft.evidence_end]
        assert evidence.strip(), draft.prompt
        assert draft.explanation.startswith("In the article: “"), draft.prompt
        if draft.kind != "ordering":
            assert " ".join(evidence.split()) in draft.explanation, draft.prompt


def test_options_are_distinct_of_the_answers_type_and_the_prompt_names_none(article):
    _, review = article
    for draft in review.kept:
        options = draft.choice_texts
        if draft.kind not in {"who_said", "which_country", "when"}:
            continue
        assert 3 <= len(options) == len({o.casefold() for o in options}), draft.prompt
        assert draft.answer in options
        if draft.kind == "which_country":
            assert all(country_iso(o) for o in options), options
            assert not gives_away_country(draft.prompt, draft.answer), draft.prompt
        if draft.kind == "when":
            dates = [parse_label(o) for o in options]
            assert all(dates), options
            assert len({d.granularity for d in dates if d}) == 1, options
        if draft.kind == "who_said":
            assert all(re.fullmatch(r"[^\W\d_][\w’'. -]*", o) for o in options), options
            assert not gives_away_person(draft.prompt, draft.answer), draft.prompt


def test_prompts_read_as_clean_english(article):
    _, review = article
    for draft in review.kept:
        prompt = draft.prompt
        assert prompt[:1].isupper(), prompt
        for opening, closing in (("(", ")"), ("[", "]"), ("“", "”")):
            assert prompt.count(opening) == prompt.count(closing), prompt
        assert not re.search(r"\s[,.;:?)]|\(\s|\s{2}", prompt.replace(BLANK, "x")), prompt
        if draft.kind in {"who_said", "which_country", "when"}:
            assert re.search(r"\?(?:\s*\(Context: .*\))?$", prompt), prompt
        if draft.kind == "cloze":
            assert prompt.count(BLANK) == 1, prompt
            assert not contains_word(prompt.replace(BLANK, " "), draft.answer), prompt


def test_dates_asked_are_explained(article):
    """A "when" answer is in its evidence as written, or the explanation says how
    the article's words give it ("“Thursday”, in an article published on …")."""
    text, review = article
    for draft in review.kept:
        if draft.kind != "when":
            continue
        evidence = " ".join(text[draft.evidence_start : draft.evidence_end].split())
        resolved = draft.explanation.removeprefix("In the article: “").replace(evidence, "")
        assert draft.answer in evidence or draft.answer in resolved, draft.explanation


def test_no_fact_is_asked_more_than_twice_and_no_question_twice(article):
    _, review = article
    per_fact = Counter(k for d in review.kept if d.kind != "ordering" for k in set(d.fact_keys))
    assert max(per_fact.values(), default=0) <= FACT_LIMIT
    kept = review.kept
    for i, first in enumerate(kept):
        for second in kept[i + 1 :]:
            if first.kind == second.kind:
                assert not similar(first.prompt, second.prompt, threshold=0.85), second.prompt
    # A quiz takes one question per sentence: a fact's questions share their sentence.
    sentences = {
        k: (d.evidence_start, d.evidence_end)
        for d in kept
        if d.kind != "ordering"
        for k in d.fact_keys
    }
    for d in kept:
        if d.kind != "ordering":
            for k in d.fact_keys:
                assert sentences[k] == (d.evidence_start, d.evidence_end), d.prompt
    cloze_sentences = [d.evidence_start for d in kept if d.kind == "cloze"]
    assert len(cloze_sentences) == len(set(cloze_sentences))


def test_no_question_gives_another_away(article):
    _, review = article
    questions = [QuizQuestion(kind=d.kind, prompt=d.prompt, answer=d.answer) for d in review.kept]
    for asked in questions:
        for other in questions:
            if other is not asked:
                assert not reveals(other.prompt, asked), (other.prompt, asked.prompt)


def test_no_world_trivia_about_well_known_places(article):
    _, review = article
    for draft in review.kept:
        place = re.fullmatch(r"In which country is (.+)\?", draft.prompt)
        if place:
            assert not well_known_place(place.group(1), draft.answer), draft.prompt


def test_country_answers_are_states_and_nothing_names_a_blanked_country(article):
    """Hong Kong is no country's answer (China would be right too); a cloze does not
    blank a country the sentence names again by its adjective ("… agents")."""
    _, review = article
    for draft in review.kept:
        if draft.kind == "which_country":
            assert part_of_country(draft.answer) is None, draft.prompt
        if draft.kind == "cloze" and draft.target.startswith("country:"):
            assert not gives_away_country(draft.prompt.replace(BLANK, " "), draft.answer)


def test_people_are_never_asked_as_places(article):
    _, review = article
    for draft in review.kept:
        subject_kind = getattr(draft.source, "subject_kind", "")
        if draft.kind in {"which_country", "true_false"} and subject_kind == "person":
            assert not draft.prompt.startswith("In which country is "), draft.prompt
            assert not re.search(r" is in (?:the )?[A-Z][\w ]*\.$", draft.prompt), draft.prompt


def test_no_card_is_filled_by_the_title_or_another_question(article):
    """A card's blanked person or date is not in the title (its first line, when it
    is one) nor in the prompt of another question of the bank."""
    text, review = article
    first = text.lstrip().split("\n", 1)[0].strip()
    title = "" if re.search(r"[.!?”\"']$", first) else first
    for card in review.kept:
        if card.kind != "cloze" or card.target.startswith("country:"):
            continue
        shown = [title, *(d.prompt for d in review.kept if d is not card)]
        assert not any(blanked_words_shown(t, card) for t in shown if t), card.prompt


def test_no_single_word_is_asked_as_said_nor_a_quoted_claim_as_fact(article):
    """Who said asks for a statement, not one quoted word; a card or a date question
    never comes from a sentence inside someone's quotation (their claim, uncredited)."""
    text, review = article
    for draft in review.kept:
        quoted = re.match(r"Who said: “([^”]*)”", draft.prompt)
        if draft.kind == "who_said" and quoted:
            assert len(quoted.group(1).split()) > 1, draft.prompt
        if draft.kind == "when" or (
            draft.kind == "cloze" and not draft.target.startswith("person:")
        ):
            assert not inside_quotation(text, draft.evidence_start), draft.prompt
