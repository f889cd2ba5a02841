"""Cloze flashcards, true/false variants and the timeline question."""

from datetime import date

from quizzes.generation import cloze, generate_questions, timeline, true_false
from quizzes.generation.text import BLANK

from .facts_for_tests import SAMPLE_TEXT, between, built, sample_facts


def of_kind(kind):
    drafts = generate_questions(
        sample_facts(), article_text=SAMPLE_TEXT, published=date(2022, 9, 30)
    )
    return [d for d in drafts if d.kind == kind]


def test_cloze_blanks_the_date_country_or_person_of_its_sentence():
    by_answer = {d.answer: d for d in built(cloze, sample_facts())}
    since = between("Since the dissolution", "states.")  # the article's sentence
    assert by_answer["1991"].prompt == f"Fill in the blank: {since.replace('1991', BLANK)}"
    assert by_answer["March"].prompt.startswith(f"Fill in the blank: In {BLANK}, one Moscow")
    speech = between("In a speech last week", "“hopeless”.")
    assert by_answer["Kassym-Jomart Tokayev"].prompt == (
        f"Fill in the blank: {speech.replace('Kassym-Jomart Tokayev', BLANK)}"
    )
    assert all(d.choices == [] for d in by_answer.values())


def test_one_cloze_per_sentence():
    starts = [d.evidence_start for d in of_kind("cloze")]
    assert len(starts) == len(set(starts))


def test_a_cloze_never_asks_what_another_question_of_its_fact_asks():
    """ "In what year did the dissolution of the USSR take place?" and "Since the
    dissolution of the USSR in _____, …" are one question twice: the cloze goes."""
    drafts = generate_questions(
        sample_facts(), article_text=SAMPLE_TEXT, published=date(2022, 9, 30)
    )
    recall = [d for d in drafts if d.kind in {"who_said", "which_country", "when"}]
    for card in (d for d in drafts if d.kind == "cloze"):
        for other in recall:
            same_fact = set(card.fact_keys) & set(other.fact_keys)
            assert not (same_fact and card.target == other.target), (card.prompt, other.prompt)
    assert "In what year did the dissolution of the USSR take place?" in {d.prompt for d in drafts}
    assert not any("Since the dissolution of the USSR in" in d.prompt for d in drafts)


def test_true_false_has_true_and_false_choices_and_both_answers_occur():
    # The builder's statements (the bank keeps one only on a fact no other question asks).
    drafts = built(true_false, sample_facts())
    assert drafts
    for draft in drafts:
        assert draft.prompt.startswith("True or false? ")
        assert [t for t, _, _ in draft.choices] == ["True", "False"]
        assert [t for t, ok, _ in draft.choices if ok] == [draft.answer]
    assert {d.answer for d in drafts} == {"True", "False"}
    false_one = next(d for d in drafts if d.answer == "False")
    assert "(It " in false_one.explanation


def built_timeline():
    """The builder's timeline (the bank drops it: the sample's when-questions ask the
    dates of its events, so they give its order away)."""
    return built(timeline, sample_facts(), published=date(2022, 9, 30))


def test_timeline_orders_events_earliest_first():
    (ordering,) = built_timeline()
    items = [text for text, _, position in sorted(ordering.choices, key=lambda c: c[2])]
    assert [position for _, _, position in ordering.choices] == [1, 2, 3, 4, 5]
    assert items[0] == "The dissolution of the USSR"
    assert items[-1].startswith("Leaders gathered in Uzbekistan")
    official = between("one Moscow official", "of Kazakhstan")
    propped = (
        between("Mr Tokayev and his", "effectively")
        + " were "
        + between("propped up", "military mission")
    )
    assert items.index(official[0].upper() + official[1:]) > items.index(propped)
    assert ordering.answer == " → ".join(items)


def test_a_person_cloze_also_accepts_the_surname_alone():
    from quizzes.generation.cloze import _draft, _surnames

    assert _surnames("Amira Haddad") == ["Haddad"]
    assert _surnames("Charles de Gaulle") == ["de Gaulle", "Gaulle"]
    assert _surnames("Haddad") == []
    draft = _draft(
        f"{BLANK} opened the new bridge on Monday.",
        "Amira Haddad",
        "Amira Haddad opened the new bridge on Monday.",
        0,
        44,
        "fp",
        person=True,
    )
    assert draft.accepted_answers == ["Haddad"]
    dates_and_countries = [d for d in of_kind("cloze") if not d.target.startswith("person:")]
    assert all(d.accepted_answers == [] for d in dates_and_countries)


def test_timeline_items_carry_their_dates_for_the_feedback():
    (ordering,) = built_timeline()
    first = min(ordering.choices, key=lambda c: c[2])[0]
    assert ordering.choice_dates[first] == "1991"
    assert set(ordering.choice_dates) == {text for text, _, _ in ordering.choices}
