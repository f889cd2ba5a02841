"""Cards whose sentence adds up its blanked count, "who said" fragments that are a
speaker's report of someone else, "when" prompts that lost a possessive, and wrong
years on both sides of the answer (invented sentences)."""

from __future__ import annotations

from quizzes.generation import quality as q
from quizzes.generation.dates import parse_iso
from quizzes.generation.distractors import answer_rank, date_distractors

from .facts_for_tests import ctx_for, draft

CTX = ctx_for("An invented article.\n")


def _card(prompt: str, answer: str):
    return draft("cloze", f"Fill in the blank: {prompt}", answer)


def test_counts_of_the_parts_add_up_to_the_blanked_whole():
    card = _card(
        "_____ hikers were rescued; two were flown to hospital and the other five walked down.",
        "seven",
    )
    assert q.parts_add_up(card, CTX) is not None
    digits = _card(
        "The ferry carried _____ cars: 12 were lost and the remaining 30 reached port.", "42"
    )
    assert q.parts_add_up(digits, CTX) is not None


def test_a_list_set_off_after_the_blank_adds_up_to_it():
    card = _card(
        "The museum said it had bought the _____ clocks on show — two brass, two oak, "
        "and one glass — from a collector.",
        "five",
    )
    assert q.parts_add_up(card, CTX) is not None
    colon = _card("The crew caught _____ fish: 3 cod and 4 hake.", "7")
    assert q.parts_add_up(colon, CTX) is not None
    # a list whose counts do not make the whole is no breakdown of it
    other = _card("The crew caught _____ fish: 3 cod, 4 hake and some crabs.", "20")
    assert q.parts_add_up(other, CTX) is None


def test_counts_that_do_not_add_up_leave_the_card():
    card = _card("_____ hikers were rescued after two days on the ridge in 2019.", "seven")
    assert q.parts_add_up(card, CTX) is None
    year = _card("In 2019, _____ of the 30 boats were sold.", "12")
    assert q.parts_add_up(year, CTX) is None
    # counts of different things in one sentence are no shares of the blank
    shootings = _card(
        "The attack followed _____ raids that week, one in a port town, killing three.", "four"
    )
    assert q.parts_add_up(shootings, CTX) is None


def test_a_share_that_is_100_less_the_other_is_dropped():
    card = _card("About _____ of members voted to merge and 41% to stay apart.", "59%")
    assert q.share_and_its_rest(card, CTX) is not None
    words = _card("Some _____ backed the plan while 35 per cent opposed it.", "65 per cent")
    assert q.share_and_its_rest(words, CTX) is not None


def test_shares_that_do_not_complete_each_other_leave_the_card():
    card = _card("About _____ of members voted to merge, 12% more than in 2019.", "59%")
    assert q.share_and_its_rest(card, CTX) is None
    count = _card("_____ members voted to merge and 41% to stay apart.", "59")
    assert q.share_and_its_rest(count, CTX) is None


def _said(quote: str, context: str, speaker: str = "Jo Bell"):
    prompt = f"Who said: “{quote}”? (Context: {context})"
    return draft("who_said", prompt, speaker, ["Ana Ruiz", "Omar Haddad"])


def test_a_quotation_that_is_the_predicate_of_someone_else_is_no_saying():
    about = _said(
        "was a patient teacher", 'Poet _____ wrote that Ana Ruiz "was a patient teacher."'
    )
    assert q.quote_about_someone_else(about, CTX) is not None
    stance = _said(
        "listened to the farmers",
        'The union head, _____, said the mayor had "listened to the farmers".',
    )
    assert q.quote_about_someone_else(stance, CTX) is not None


def test_the_speakers_own_predicate_or_a_noun_phrase_is_kept():
    own = _said(
        "lost my seat and found my voice", '_____ said she had "lost my seat and found my voice".'
    )
    assert q.quote_about_someone_else(own, CTX) is None
    called = _said("a waste of time", '_____ called the plan "a waste of time".')
    assert q.quote_about_someone_else(called, CTX) is None


def test_a_quotation_opening_on_not_lacks_its_subject():
    fragment = draft(
        "who_said", "Who said: “not accept the ruling of the board”?", "Jo Bell", ["Ana Ruiz"]
    )
    assert q.quote_without_its_subject(fragment, CTX) is not None


def test_a_name_glued_to_the_noun_it_owned_is_a_lost_possessive():
    glued = draft(
        "when",
        "When did Tolvo Harbour Board celebration of the spring festival start?",
        "3 May 2019",
        ["4 May 2019"],
    )
    assert q.possessive_lost_before_a_noun(glued, CTX) is not None
    fine = draft(
        "when",
        "When did the Tolvo Harbour Board open the spring festival?",
        "3 May 2019",
        ["4 May"],
    )
    assert q.possessive_lost_before_a_noun(fine, CTX) is None
    card = draft(
        "cloze",
        "Fill in the blank: Tolvo Harbour Board celebration of the festival began on _____.",
        "3 May",
    )
    assert q.possessive_lost_before_a_noun(card, CTX) is not None


def test_a_year_is_asked_between_wrong_years_when_the_dates_allow():
    for seed in range(60):
        assert 1 <= answer_rank(seed, limit=3, earlier=5, later=5, straddle=True) <= 2
    # a year just before the publication can only have wrong years before it
    assert answer_rank(7, limit=3, earlier=5, later=0, straddle=True) == 3


def test_year_options_fall_on_both_sides_of_the_answer():
    answer = parse_iso("2011")
    for seed in range(30):
        years = [int(y) for y in date_distractors(answer, seed=seed, latest=parse_iso("2020"))]
        assert min(years) < 2011 < max(years)


def test_a_time_of_day_set_off_at_the_end_is_left_out():
    from quizzes.generation.wording import tidied

    assert tidied("When did Ana Ruiz die, early in the morning?") == "When did Ana Ruiz die?"
    assert tidied("When did the storm hit overnight?") == "When did the storm hit?"
    assert tidied("When did Ana Ruiz die at 91 years of age?") == (
        "When did Ana Ruiz die at the age of 91?"
    )
    assert tidied("When did the morning market open?") == "When did the morning market open?"
    assert tidied("When was a study published in journal Reef Letters?") == (
        "When was a study published in the journal Reef Letters?"
    )
    assert tidied("When did the journal Reef Letters open?") == (
        "When did the journal Reef Letters open?"
    )


def test_a_capital_the_prompt_does_not_name_is_unclear():
    from quizzes.generation.quality.when import _UNNAMED_CAPITAL

    assert _UNNAMED_CAPITAL.search("In what year was Ana Ruiz elected mayor of the capital city?")
    assert not _UNNAMED_CAPITAL.search("When did Ana Ruiz move to the capital, Tolvo?")
    assert not _UNNAMED_CAPITAL.search("When did the capital of Freedonia flood?")
    assert not _UNNAMED_CAPITAL.search("When did protesters march in the capital Tolvo?")


def test_an_interval_from_another_event_set_off_at_the_end_is_left_out():
    from quizzes.generation.wording import tidied

    prompt = "When did the curfew begin, almost two weeks before the decree?"
    assert tidied(prompt) == "When did the curfew begin?"
    kept = "When did Ana Ruiz retire after twelve years in office?"
    assert tidied(kept) == kept


def test_a_country_card_under_a_title_naming_one_of_its_cities_is_given_away():
    from quizzes.extraction.facts import CountryLink

    text = "Storm floods Chicago suburbs\nThe river rose at Lantern Falls, United States.\n"
    link = CountryLink(
        subject="Lantern Falls",
        country="United States",
        evidence="The river rose at Lantern Falls, United States.",
        evidence_start=0,
        evidence_end=10,
        subject_kind="place",
    )
    card = draft(
        "cloze",
        "Fill in the blank: The river rose at Lantern Falls, _____.",
        "United States",
        source=link,
        target="country:US",
    )
    assert q.cloze_headline_country(card, ctx_for(text)) is not None
