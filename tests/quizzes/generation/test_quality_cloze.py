"""Fill-in-the-blank cards (quizzes/generation/quality/cloze.py and the count cards of
numbers.py), on invented sentences: a card is dropped when its blank is given away (by
the title, initials, digits or a count beside it, a word it sits inside), when a reader
could fill it without the article (heads of state, famous votes, small counts), when it
needs the sentence before (a pronoun, "that", "there"), or when it blanks no name; the
cards that stay are checked too."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.extraction.facts import Facts, Person, Quote
from quizzes.generation import (
    cloze,
    generate_questions,
)
from quizzes.generation import quality as q
from quizzes.generation.context import is_story_sentence
from quizzes.generation.numbers import counts, sentences
from quizzes.generation.text import BLANK, without_honorific

from .facts_for_tests import cloze_card, ctx_for, draft, event, kinds, link, link_in_sentence, quote


def test_initials_right_after_the_blank_give_the_speaker_away():
    made = draft(
        "who_said",
        'Who said: “a victory”? (Context: The national _____ (NHA), which runs the port, called it "a victory".)',
        "Harbour Authority",
        ["Port Council", "Fishing Board"],
    )
    assert (
        q.initials_beside_the_blank(made, ctx_for("x"))
        == "give-away: initials right after the blank"
    )


@pytest.mark.parametrize(
    ("prompt", "answer", "rule", "problem"),
    [
        (
            f"Fill in the blank: After the mayor resigned, {BLANK}, the council met.",
            "ahead of the 2030 vote",
            q.cloze_date_not_a_date,
            "answer: the blank is a phrase, not a date",
        ),
        (
            f"Fill in the blank: The Harbour Directive {BLANK} protects fishing grounds.",
            "2007",
            q.cloze_year_in_a_name,
            "answer: the year is part of a name",
        ),
        (
            f"Fill in the blank: As of {BLANK}, no survivor has been found.",
            "May 3",
            q.cloze_as_of,
            "answer: the date a report stood at",
        ),
    ],
)
def test_a_date_card_blanks_a_date_of_something_that_happened(prompt, answer, rule, problem):
    made = draft("cloze", prompt, answer, target="date:2020-05-03")
    assert rule(made, ctx_for("x")) == problem


def test_a_year_card_at_the_start_of_a_sentence_or_after_in_is_kept():
    for prompt in (
        f"Fill in the blank: In {BLANK}, the port of Tolvo was closed.",
        f"Fill in the blank: The port was closed in {BLANK} by the council.",
        f"Fill in the blank: The port was closed in November {BLANK} by the council.",
    ):
        made = draft("cloze", prompt, "2007", target="date:2007")
        assert q.cloze_year_in_a_name(made, ctx_for("x")) is None


def test_a_speakers_card_blanks_a_name_not_a_description():
    described = draft(
        "cloze",
        f"Fill in the blank: {BLANK} said the singer was well.",
        "Ruiz's animal foundation",
        target="person:x",
    )
    office = draft(
        "cloze",
        f"Fill in the blank: {BLANK} said the talks failed.",
        "Ruiz's office",
        target="person:x",
    )
    name = draft(
        "cloze",
        f"Fill in the blank: {BLANK} said the talks failed.",
        "Omar al Haddad",
        target="person:x",
    )
    ctx = ctx_for("x")
    assert (
        q.cloze_person_not_a_name(described, ctx)
        == "answer: the blank is a description, not a name"
    )
    assert q.cloze_person_not_a_name(office, ctx) is None
    assert q.cloze_person_not_a_name(name, ctx) is None


def test_a_sentence_cut_after_a_company_abbreviation_is_no_evidence():
    assert not is_story_sentence("On Monday the state firm Vega Ipari Kft.", " (Vega) bought")
    assert is_story_sentence("The plant belongs to Vega Holdings Inc.", "\nThe deal")


def test_a_card_on_a_book_due_out_next_month_is_not_made():
    text = "A third book, written with his daughter, is due out in June.\n"
    facts = Facts(
        events=[event("A third book is due out", "June", "2020-06", "A third", source=text)]
    )
    drafts = generate_questions(facts, article_text=text, published=date(2020, 1, 20))
    assert not kinds(drafts, "cloze")


def test_the_outlet_that_reported_it_is_no_card():
    made = draft(
        "cloze",
        f"Fill in the blank: According to the {BLANK}, a spokesman for the mayor expressed regret.",
        "BBC",
        target="person:bbc",
    )
    assert q.cloze_news_source(made, ctx_for("x")) == "answer: the news source, not the story"
    person = draft(
        "cloze",
        f"Fill in the blank: According to {BLANK}, formerly the port's director, the flood was rare.",
        "Ana Ruiz",
        target="person:ana ruiz",
    )
    assert q.cloze_news_source(person, ctx_for("x")) is None


def test_a_who_said_sentence_with_two_blanks_is_not_asked():
    made = draft(
        "who_said",
        f'Who said: “a victory”? (Context: The {BLANK} ({BLANK}), which runs the port, called it "a victory".)',
        "Harbour Authority",
        ["Port Council", "Fishing Board"],
    )
    assert q.cloze_blanks(made, ctx_for("x")) == "grammar: more than one blank"


def test_a_card_whose_blank_the_title_fills_is_dropped():
    text = (
        "Masks required on Tolvo ferries from August 9\n"
        "The August 9 start date matches the reopening of the harbour market.\n"
        "Harbour master Omar Haddad said the crews were ready.\n"
    )
    ctx = ctx_for(text)
    date_card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK} start date matches the reopening of the harbour market.",
        "August 9",
        target="date:2021-08-09",
    )
    person_card = draft(
        "cloze",
        f"Fill in the blank: Harbour master {BLANK} said the crews were ready.",
        "Omar Haddad",
        target="person:omar haddad",
    )
    assert q.cloze_answer_in_title(date_card, ctx) == (
        "give-away: the article's title names the blanked words"
    )
    assert q.cloze_answer_in_title(person_card, ctx) is None
    titled = ctx_for("Ferry chief Haddad defends mask rule\n" + text.split("\n", 1)[1])
    assert q.cloze_answer_in_title(person_card, titled) is not None


def test_a_sentence_inside_a_long_quotation_is_someones_claim():
    text = (
        'The ministry said in a statement: "The smugglers used the old pier. '
        'They had moved cargo through Tolvo since March 2019. The patrols will continue."\n'
        "The ferry service resumed in May 2019 after repairs.\n"
    )
    inside = text.index("They had")
    claim = draft(
        "cloze",
        f"Fill in the blank: They had moved cargo through Tolvo since {BLANK}.",
        "March 2019",
        target="date:2019-03",
        evidence_start=inside,
        evidence_end=inside + 50,
    )
    outside = text.index("The ferry")
    fact = draft(
        "cloze",
        f"Fill in the blank: The ferry service resumed in {BLANK} after repairs.",
        "May 2019",
        target="date:2019-05",
        evidence_start=outside,
        evidence_end=outside + 50,
    )
    ctx = ctx_for(text)
    assert q.stated_inside_a_quotation(claim, ctx).startswith("answer: the sentence is inside")
    assert q.stated_inside_a_quotation(fact, ctx) is None
    # A quotation running on over paragraphs: the paragraph opens it and never closes it.
    running = '"We will reopen the pier next year.\n"The ferries return in May 2019, she said.'
    assert q.inside_quotation(running, running.index("We will") + 3)
    assert not q.inside_quotation(running, 0)


NUMBERS_ARTICLE = (
    "Storm floods the Tolvo valley\n"
    "A storm flooded the Tolvo valley on Monday, officials said.\n"
    "The flood destroyed 214 homes and damaged two bridges, the harbour office reported.\n"
    "Region 12 and Flight 610 were also hit.\n"
    "It is about 40 miles from the coast.\n"
    "At least six people were taken to hospital in Marvik.\n"
    "Mayor Ana Ruiz said the town had lost “more than 300 boats” in the night.\n"
    "Repairs will cost 12 million euros over four years, 35% more than planned.\n"
    "Ruiz was first elected in 2014 with 5,210 votes.\n"
)


def _cards(text=NUMBERS_ARTICLE):
    return [d for d in cloze.build(ctx_for(text)) if d.target.startswith("number:")]


def test_counts_the_article_states_become_cards():
    cards = {d.answer: d for d in _cards()}
    assert set(cards) == {"214", "six", "35%", "5,210"}  # every count is a candidate
    kept = q.select(list(cards.values()), ctx_for(NUMBERS_ARTICLE)).kept
    assert [d.answer for d in kept] == ["214", "six", "35%"]  # three at most, in article order
    assert cards["214"].prompt == (
        f"Fill in the blank: The flood destroyed {BLANK} homes and damaged two bridges, "
        "the harbour office reported."
    )
    assert cards["six"].accepted_answers == ["6"]
    assert cards["35%"].accepted_answers == ["35", "35 percent"]


def test_no_card_for_names_quotations_sums_durations_or_pronoun_sentences():
    found = {c.number for c in counts(NUMBERS_ARTICLE)}
    assert {"12", "610", "300", "40"} & found == set()  # names, a quotation, "It is …"
    assert "5,210" in found  # a count after a year: still a count
    assert counts("Title\nThe port was shut for four years after 2011.\n") == []


def test_a_number_told_twice_is_asked_once():
    text = "Title\nThe ferry carried 48 passengers.\nAll 48 passengers were rescued by Monday.\n"
    assert [c.sentence for c in counts(text)] == ["The ferry carried 48 passengers."]


def test_sentences_do_not_split_after_initials_or_titles():
    text = "Title\nThe U.S. team met Dr. Vega in Tolvo. They signed 3 deals.\n"
    assert [s for s, _, _ in sentences(text)] == [
        "The U.S. team met Dr. Vega in Tolvo.",
        "They signed 3 deals.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "At least nine more people were hurt.",  # more than which?
        "In that race, she beat 14 rivals from the valley.",  # which race?
        "Fishing is allowed in two seasons: spring and autumn.",  # the list answers it
        "She is survived by three daughters, Ana, Mila and Rosa.",
    ],
)
def test_no_count_that_needs_another_sentence_or_reads_off_a_list(sentence):
    assert counts(f"Title\n{sentence}\n") == []


def test_a_count_with_a_list_of_many_is_still_asked():
    assert [
        c.number for c in counts("Title\nThe league has 16 clubs, Tolvo and Marvik among them.\n")
    ] == ["16"]


def test_a_speakers_card_blanks_a_name_not_a_common_noun():
    text = "The navy said the ship had left Tolvo on time.\n"
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK} said the ship had left Tolvo on time.",
        "navy",
        text=text,
        target="person:navy",
    )
    assert q.cloze_person_not_a_name(card, ctx_for(text)) == (
        "answer: the blank is a description, not a name"
    )


def test_a_bare_apostrophe_after_the_blank_is_a_typo():
    plural = draft("cloze", f"Fill in the blank: The {BLANK}' rival league folded in May.", "Fens")
    owner = draft("cloze", f"Fill in the blank: Judge {BLANK}'s ruling came in May.", "Ruiz")
    assert q.blank_before_apostrophe(plural, ctx_for("")) == (
        "grammar: a bare apostrophe after the blank"
    )
    assert q.blank_before_apostrophe(owner, ctx_for("")) is None


@pytest.mark.parametrize(
    "sentence",
    [
        f"It was founded in {BLANK}.",
        f"In {BLANK}, he moved to the coast.",
        f"Its headquarters are in {BLANK}.",
        f"They left {BLANK} after the vote.",
        f"In that year, {BLANK} joined the union.",
    ],
)
def test_a_card_whose_subject_is_a_pronoun_is_dropped(sentence):
    card = draft("cloze", f"Fill in the blank: {sentence}", "1911")
    assert q.cloze_opens_on_pronoun(card, ctx_for("")) == (
        "answer: the card's subject is a pronoun that stands for nobody"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        f"The museum was founded in {BLANK}.",
        f"Ithaca was founded in {BLANK}.",
        f"It was reported in {BLANK} that the dam had burst.",
        f"It is thought that {BLANK} sent troops.",
        f"In {BLANK}, the mill moved to the coast.",
    ],
)
def test_a_card_with_its_subject_or_an_empty_it_is_kept(sentence):
    card = draft("cloze", f"Fill in the blank: {sentence}", "1911")
    assert q.cloze_opens_on_pronoun(card, ctx_for("")) is None


@pytest.mark.parametrize(
    "sentence",
    [
        f"On {BLANK} — two days after the High Court ruling — he said he was hopeful.",
        f"During that term, he was jailed for contempt in {BLANK}.",
    ],
)
def test_a_pronoun_after_an_opening_phrase_stands_for_nobody(sentence):
    card = draft("cloze", f"Fill in the blank: {sentence}", "1911")
    assert q.cloze_opens_on_pronoun(card, ctx_for("")) is not None


def test_a_pronoun_after_a_name_in_the_opening_phrase_is_kept():
    card = draft("cloze", f"Fill in the blank: After Ruiz won in {BLANK}, she left.", "1911")
    ctx = ctx_for("", Facts(people=[Person(name="Ana Ruiz")]))
    assert q.cloze_opens_on_pronoun(card, ctx) is None


def test_a_number_or_initials_beside_the_blank_give_the_answer_away():
    flight = draft(
        "cloze", f"Fill in the blank: Flight {BLANK} (QX2718/ZZ2718) left at noon.", "2718"
    )
    union = draft(
        "cloze",
        f"Fill in the blank: “The {BLANK} condemns violence,” read the statement of the RFL.",
        "Lomian Rowing Federation",
    )
    fine = draft("cloze", f"Fill in the blank: Flight {BLANK} left at noon.", "2718")
    assert q.digits_beside_the_blank(flight, ctx_for("")) is not None
    assert q.digits_beside_the_blank(union, ctx_for("")) is not None
    assert q.digits_beside_the_blank(fine, ctx_for("")) is None


def test_a_head_of_state_named_by_the_title_is_world_trivia():
    trivia = draft(
        "cloze",
        f"Fill in the blank: French President {BLANK} wrote to the families.",
        "Ana Ruiz",
        target="person:ana ruiz",
    )
    local = draft(
        "cloze",
        f"Fill in the blank: Club President {BLANK} wrote to the families.",
        "Ana Ruiz",
        target="person:ana ruiz",
    )
    assert q.head_of_state_card(trivia, ctx_for("")) is not None
    assert q.head_of_state_card(local, ctx_for("")) is None


@pytest.mark.parametrize(
    "sentence",
    [
        f"Peruvian prime minister {BLANK} told reporters the bridge would open.",
        f"Ontario Premier {BLANK} said the mill would close.",
        f"Scotland First Minister {BLANK} said the rule was fair.",
        f"Current Prime Minister of Peru {BLANK} wrote that the bridge would open.",
    ],
)
def test_a_leader_named_by_the_title_of_a_country_or_nation_is_trivia(sentence):
    card = cloze_card(sentence, "Ana Ruiz", "person:ana ruiz")
    assert q.head_of_government_card(card, ctx_for("")) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        f"Harbour master {BLANK} said the port would reopen.",
        f"Peruvian foreign minister {BLANK} left early.",
        f"The president of Harbour Rowing {BLANK} left early.",
    ],
)
def test_other_roles_before_a_blanked_name_are_kept(sentence):
    card = cloze_card(sentence, "Ana Ruiz", "person:ana ruiz")
    assert q.head_of_government_card(card, ctx_for("")) is None


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (f"Three towns in the {BLANK} voted against it, one of them in Ohio.", "United States"),
        (f"Wales would be the only nation in the {BLANK} to keep the rule.", "United Kingdom"),
        (f"The river floods each spring near Lyon and elsewhere in {BLANK}.", "France"),
    ],
)
def test_a_card_naming_a_state_or_big_city_of_the_blanked_country_is_dropped(sentence, answer):
    card = cloze_card(sentence, answer, f"country:{answer.casefold()}")
    assert q.card_country_by_its_place(card, ctx_for("")) is not None


def test_a_card_naming_a_place_of_another_country_is_kept():
    card = cloze_card(
        f"Berg was born in {BLANK} but moved to Ohio in 1950.", "Austria", "country:austria"
    )
    assert q.card_country_by_its_place(card, ctx_for("")) is None


def test_a_card_whose_initials_the_title_spells_out_is_dropped():
    text = "National Rowing League suspends its season\nThe league stopped all races on Friday.\n"
    card = cloze_card(
        f"According to its statement, the {BLANK} stopped all races.", "NRL", "person:nrl"
    )
    assert q.card_acronym_in_title(card, ctx_for(text)) is not None
    other = cloze_card(
        f"According to its statement, the {BLANK} stopped all races.", "RFU", "person:rfu"
    )
    assert q.card_acronym_in_title(other, ctx_for(text)) is None


def test_a_speakers_card_keeps_the_courtesy_title_and_asks_the_name():
    blanked = cloze._blank_person("The delay was avoidable, said Dr. Ana Ruiz.", "Dr. Ana Ruiz")
    assert blanked == (f"The delay was avoidable, said Dr. {BLANK}.", "Ana Ruiz")
    assert without_honorific("Professor Ruiz") == "Ruiz"
    assert without_honorific("Ruiz") == "Ruiz"


def test_a_speakers_card_leaves_the_age_before_the_name_in_the_sentence():
    said = "Twelve-year-old Ana, on the top deck, said the ferry shook."
    blanked = cloze._blank_person(said, "Twelve-year-old Ana")
    assert blanked == (f"Twelve-year-old {BLANK}, on the top deck, said the ferry shook.", "Ana")
    assert without_honorific("9-year-old Tomas Vela") == "Tomas Vela"


def test_an_age_written_in_hyphenated_words_is_no_part_of_the_name():
    from quizzes.generation.text import without_age

    assert without_age("twenty-two-year-old Ana Ruiz") == "Ana Ruiz"
    assert without_honorific("Dr. twenty-two-year-old Ana Ruiz") == "Ana Ruiz"


def test_roles_and_genders_are_keyed_by_the_name_without_the_age():
    from quizzes.generation.context import build_context

    text = "Ferry shook\nTwelve-year-old Ana Ruiz, a pupil, said the ferry shook.\n"
    people = [Person(name="Twelve-year-old Ana Ruiz", role="pupil", gender="f")]
    ctx = build_context(Facts(people=people), article_text=text)
    assert ctx.roles.get("Ana Ruiz") == "pupil"
    assert ctx.genders.get("Ana Ruiz") == "f"


COURTS = (
    "Appeal lost in the Velmar case\n"
    "The High Court of Tolvo ruled for the port in May. The Court of Appeal of Tolvo "
    "reversed it. The Supreme Court heard the case in June.\n"
)


def test_the_court_of_an_article_naming_several_courts_is_vague():
    card = cloze_card(f"For a week, the court heard {BLANK} witnesses.", "nine", "number:nine")
    assert q.which_court(card, ctx_for(COURTS)) is not None
    one_court = "Port case heard\nThe High Court of Tolvo heard the case in May.\n"
    assert q.which_court(card, ctx_for(one_court)) is None
    named = cloze_card(f"The Supreme Court heard {BLANK} witnesses.", "nine", "number:nine")
    assert q.which_court(named, ctx_for(COURTS)) is None


def test_the_two_of_a_pair_is_no_count_card():
    text = (
        "Talks resume\nThe mediator heard the two sides for a week.\n"
        "Negotiators signed two agreements on Friday.\n"
    )
    found = [c.number for c in counts(text)]
    assert found == ["two"]
    assert "agreements" in counts(text)[0].sentence


@pytest.mark.parametrize(
    "prompt",
    [
        f"Fill in the blank: That rule was dropped in {BLANK}.",
        f"Fill in the blank: These talks ended in {BLANK}.",
    ],
)
def test_a_card_opening_on_that_or_these_points_at_nothing(prompt):
    card = draft("cloze", prompt, "2011", target="date:2011")
    assert q.needs_the_sentence_before(card, ctx_for("")) is not None


@pytest.mark.parametrize(
    ("prompt", "points_back"),
    [
        (
            f"Fill in the blank: Six years earlier, at the harbour fair, Ana won {BLANK} prizes.",
            True,
        ),
        (f"Fill in the blank: Two days later, the ferry carried {BLANK} people.", True),
        (f"Fill in the blank: The next day, the council spent {BLANK} euros.", True),
        (f"Fill in the blank: Years later, she sold {BLANK} paintings.", True),
        (f"Fill in the blank: Shortly afterwards, {BLANK} boats left.", True),
        (f"Fill in the blank: Two days after the vote, the ferry carried {BLANK} people.", False),
        (f"Fill in the blank: Later this year the ferry will carry {BLANK} people.", False),
    ],
)
def test_a_card_timed_from_the_sentence_before_points_back(prompt, points_back):
    """ "Eight years earlier, …" (earlier than what? blind judge, batch 27); "two days
    after the vote" says from when."""
    card = draft("cloze", prompt, "400", target="count:400")
    assert (q.needs_the_sentence_before(card, ctx_for("")) is not None) is points_back


@pytest.mark.parametrize(
    ("prompt", "leans_back"),
    [
        (f"Fill in the blank: Both won {BLANK} seats, ahead of the Dune Party.", True),
        (f"Fill in the blank: Neither of them paid the {BLANK} fine.", True),
        (f"Fill in the blank: Each received {BLANK} votes in the first round.", True),
        (f"Fill in the blank: Additionally, Mayor Vela had {BLANK} seats.", True),
        (f"Fill in the blank: Meanwhile, the ferry carried {BLANK} people.", True),
        (f"Fill in the blank: In addition, {BLANK} boats left the harbour.", True),
        (f"Fill in the blank: Both Ana Vela and Tom Reyes won {BLANK} seats.", False),
        (f"Fill in the blank: Both the mayor and the judge paid {BLANK} euros.", False),
        (f"Fill in the blank: Each year the ferry carries {BLANK} people.", False),
        (f"Fill in the blank: However many boats came, {BLANK} left.", False),
    ],
)
def test_a_card_leaning_on_the_sentence_before_is_vague(prompt, leans_back):
    """ "Both won 9 seats" (who?), "Additionally, X had 8 votes" (in addition to what?):
    the sentence goes on from one the learner does not see (blind judge, e35)."""
    card = draft("cloze", prompt, "400", target="count:400")
    assert (q.needs_the_sentence_before(card, ctx_for("")) is not None) is leans_back


def test_a_card_opening_on_a_name_is_kept():
    card = draft("cloze", f"Fill in the blank: The rule was dropped in {BLANK}.", "2011")
    assert q.needs_the_sentence_before(card, ctx_for("")) is None


def test_the_countrys_capital_with_no_country_named_is_vague():
    text = "Two blasts shook Velmar, the capital of Peru, last month."
    facts = Facts(countries=[link("Velmar", "Peru", "Two blasts shook", source=text)])
    asked = draft("when", "When did two blasts shake the country's capital, Velmar?", "May 2019")
    assert q.needs_the_sentence_before(asked, ctx_for(text, facts)) is not None
    named = draft("when", "When did two blasts in Peru shake the country's capital?", "May")
    assert q.needs_the_sentence_before(named, ctx_for(text, facts)) is None


def _government_card(text, countries):
    facts = Facts(countries=[link(s, c, s, source=text) for s, c in countries])
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK} government accused Ana Ruiz of fraud.",
        "Peru",
        target="country:peru",
    )
    return q.cloze_the_articles_one_country(card, ctx_for(text, facts))


def test_the_government_of_the_articles_one_country_is_no_card():
    text = "Ana Ruiz lives in Lima. A Peru court heard the case."
    assert _government_card(text, [("Lima", "Peru"), ("A Peru court", "Peru")]) is not None


def test_the_government_of_one_of_several_countries_is_a_card():
    text = "Ana Ruiz lives in Lima. A court in Chile heard the case."
    assert _government_card(text, [("Lima", "Peru"), ("A court in Chile", "Chile")]) is None


def test_a_law_quoted_as_speaking_makes_no_card_with_its_name_blanked():
    from quizzes.generation import cloze

    text = "The Harbour Act states “no ship shall dock at night”.\n"
    law = quote("no ship shall dock at night", "Harbour Act", source=text)
    assert cloze._speaker_card(law) is None


def test_a_card_of_a_few_words_has_no_context():
    short = draft("cloze", f"Fill in the blank: The hearing date is {BLANK}.", "May 4")
    longer = draft(
        "cloze", f"Fill in the blank: The hearing on the port lease was moved to {BLANK}.", "May 4"
    )
    assert q.card_without_context(short, ctx_for("")) is not None
    assert q.card_without_context(longer, ctx_for("")) is None


def test_a_count_of_one_to_three_is_a_guess():
    for count in ("two", "Three", "2"):
        card = draft(
            "cloze", f"Fill in the blank: Inspectors found {BLANK} unsecured servers.", count
        )
        assert q.small_count_card(card, ctx_for("")) is not None
    card = draft("cloze", f"Fill in the blank: Inspectors found {BLANK} unsecured servers.", "14")
    assert q.small_count_card(card, ctx_for("")) is None


@pytest.mark.parametrize(
    "prompt",
    [
        "Fill in the blank: The divers found two or _____ wrecks near the reef, by some counts.",
        "Fill in the blank: On _____ and 9, the council closed the market for repairs.",
    ],
)
def test_a_count_beside_the_blank_gives_it_away(prompt):
    card = draft("cloze", prompt, "three")
    assert q.count_beside_a_count(card, ctx_for(prompt)) is not None


def test_a_range_of_amounts_is_no_give_away():
    prompt = "Fill in the blank: Estimates of the damage ranged from _____ to 70% of homes."
    assert q.count_beside_a_count(draft("cloze", prompt, "40%"), ctx_for(prompt)) is None


def test_a_number_written_inside_a_name_gives_the_blank_away():
    prompt = "Fill in the blank: The sensor counts dust, or DX4.5, grains under _____ microns."
    card = draft("cloze", prompt, "4.5")
    assert q.digits_beside_the_blank(card, ctx_for(prompt)) is not None
    other = "Fill in the blank: The sensor counts dust, or DX4.5, in _____ cities."
    assert q.digits_beside_the_blank(draft("cloze", other, "45"), ctx_for(other)) is None


def test_there_with_its_place_in_another_sentence_makes_no_card():
    prompt = "Fill in the blank: Both mayors won _____ seats there."
    assert q.there_without_a_place(draft("cloze", prompt, "7"), ctx_for(prompt)) is not None
    quoted = 'Fill in the blank: _____ said, "We stayed there, and it was cold."'
    assert q.there_without_a_place(draft("cloze", quoted, "Ana Ruiz"), ctx_for(quoted)) is None
    existential = "Fill in the blank: There were _____ boats in the harbour at dawn."
    assert q.there_without_a_place(draft("cloze", existential, "40"), ctx_for(existential)) is None


def test_the_articles_one_country_blanked_before_its_election_is_given_away():
    text = "The Green Party picks its candidate for the 2026 Peru presidential election.\n"
    ctx = ctx_for(text)
    ctx.countries = [link_in_sentence("Green Party", "Peru", text)]
    asked = draft(
        "cloze",
        "Fill in the blank: The Green Party picks its candidate for the 2026 _____ "
        "presidential election.",
        "Peru",
        text=text,
        target="country:PE",
    )
    assert q.cloze_the_articles_one_country(asked, ctx) is not None
    # An article about two countries: whose election it is must be recalled.
    ctx.countries.append(link_in_sentence("Blue Party", "Chile", text))
    assert q.cloze_the_articles_one_country(asked, ctx) is None


def test_a_card_whose_subject_is_a_pronoun_after_any_opening_stands_for_nobody():
    text = "Ana Ruiz was born in Tolvo. Returning home in 1964, he opened a bakery.\n"
    ctx = ctx_for(text)
    for prompt in (
        "Fill in the blank: Returning home in _____, he opened a bakery.",
        "Fill in the blank: In _____ they were named to the hall of fame.",
    ):
        card = draft("cloze", prompt, "1964", text=text)
        assert q.cloze_opens_on_pronoun(card, ctx) is not None, prompt
    # An empty "it is … for …" is no one's pronoun.
    card = draft(
        "cloze",
        "Fill in the blank: According to the paper, it is usual for towns to vote in _____.",
        "May",
        text=text,
    )
    assert q.cloze_opens_on_pronoun(card, ctx) is None


def test_another_one_points_back_at_the_sentence_before():
    text = "In 2018 another ship hit the two piers, the harbour office said.\n"
    card = draft(
        "cloze", "Fill in the blank: In _____ another ship hit the two piers.", "2018", text=text
    )
    assert q.needs_the_sentence_before(card, ctx_for(text)) is not None
    asked = draft(
        "when",
        "In what year did another ship hit the two piers?",
        "2018",
        ["2016", "2017"],
        text=text,
    )
    assert q.needs_the_sentence_before(asked, ctx_for(text)) is not None
    named = draft(
        "cloze",
        "Fill in the blank: Another witness, _____, described the smoke.",
        "Ana Ruiz",
        text=text,
    )
    assert q.needs_the_sentence_before(named, ctx_for(text)) is None


def test_a_blanked_word_inside_another_word_is_given_away():
    text = "The fourfold lens has four mirrors.\n"
    card = draft(
        "cloze", "Fill in the blank: The fourfold lens has _____ mirrors.", "four", text=text
    )
    assert q.answer_inside_a_word(card, ctx_for(text)) is not None
    card = draft("cloze", "Fill in the blank: The twin lens has _____ mirrors.", "four", text=text)
    assert q.answer_inside_a_word(card, ctx_for(text)) is None


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        ("Ruiz dissented on the recount in the _____ Freedonian presidential election, "
         "which sealed Piet Dane's victory over Ana Ruiz.", True),
        ("Voters chose in a _____ referendum to leave the Northern League.", True),
        ("The Tarrow Liberals, who had won most seats in the _____ election, lost them.", False),
        ("The Tarrow Liberals, who held most seats after the _____ election, lost them.", False),
        ("The _____ budget was approved after a vote.", False),
    ],
)  # fmt: skip
def test_the_year_of_a_vote_told_with_its_outcome_is_general_knowledge(sentence, dropped):
    card = draft("cloze", f"Fill in the blank: {sentence}", "2004", text=sentence)
    assert (q.famous_vote_year(card, ctx_for(sentence + "\n")) is not None) is dropped


def test_a_number_word_before_digits_is_a_typo_the_card_would_copy():
    typo = draft(
        "cloze", f"Fill in the blank: Cases rose by over one 2,000 a day to {BLANK}.", "41,000"
    )
    ages = draft(
        "cloze",
        f"Fill in the blank: Two 10-year-olds and one 9mm pistol were found in {BLANK}.",
        "Ostend",
    )
    assert q.number_word_before_digits(typo, ctx_for("")) == (
        "grammar: a number word directly before digits (a typo of the source)"
    )
    assert q.number_word_before_digits(ages, ctx_for("")) is None


def test_a_country_that_ends_a_longer_place_name_is_not_blanked():
    # blind judge, batch 29: "The state of South _____ …" cut a state's name in half
    text = "The state of South Australia still bans night fishing on its rivers.\n"
    fact = link_in_sentence("state", "Australia", text, "place")
    assert cloze._country_card(fact) is None
    text = "Night fishing on the rivers of Australia is still banned.\n"
    assert cloze._country_card(link_in_sentence("rivers", "Australia", text, "place"))


@pytest.mark.parametrize(
    ("kind", "prompt", "unnamed"),
    [
        ("cloze", f"Fill in the blank: The party was set up in {BLANK} as a farmers' list.", True),
        ("cloze", f"Fill in the blank: In the spring, the company hired {BLANK} drivers.", True),
        ("when", "In what year did the party's ticket reach the ballot in four states?", True),
        ("when", "When did the group open its second shelter?", True),
        ("true_false", "True or false? The club won the cup in 2031.", True),
        ("ordering", "The party chose Ana Vela as its nominee.", True),
        ("cloze", f"Fill in the blank: The party was set up in {BLANK} as the Dune Party.", True),
        (
            "cloze",
            f"Fill in the blank: The party, formerly the Dune Party, won {BLANK} seats.",
            True,
        ),
        ("cloze", f"Fill in the blank: The Harbour Party won {BLANK} seats.", False),
        ("cloze", f"Fill in the blank: The party of the fishermen won {BLANK} seats.", False),
        ("when", "When did the Velmar Fishers Party say the party would run?", False),
        ("cloze", f"Fill in the blank: Ana Vela's party won {BLANK} seats.", False),
    ],
)
def test_the_party_with_no_party_named_in_the_card_is_unanswerable(kind, prompt, unnamed):
    """ "The party" as the subject, its name given paragraphs before: in a round-up of
    many parties the card cannot say which (blind judge, batch 45); a card that names
    it, or says whose it is, stays."""
    text = (
        "The Harbour Party and the Velmar Fishers Party ran. The Tarrow Group and the Lake "
        "Group met. The Coast Company, the Dune Company, Reef Club and Bay Club agreed.\n"
    )
    card = draft(kind, prompt, "2011", target="date:2011")
    assert (q.unnamed_body_subject(card, ctx_for(text)) is not None) is unnamed


@pytest.mark.parametrize(
    ("kind", "prompt", "dangling"),
    [
        ("cloze", f"Fill in the blank: At least {BLANK} people died in this flood.", True),
        ("cloze", f"Fill in the blank: Turnout rose in {BLANK} as these towns voted.", True),
        (
            "cloze",
            f"Fill in the blank: In the {BLANK} United States vote, Ana Vela lost these states.",
            True,
        ),
        ("cloze", f"Fill in the blank: Towns voted in {BLANK}; these towns chose Vela.", False),
        ("cloze", f"Fill in the blank: The move was met with anger from {BLANK}.", True),
        ("cloze", f"Fill in the blank: On Monday, the deal was signed in {BLANK}.", True),
        ("when", "When did the decision take effect?", True),
        (
            "cloze",
            f"Fill in the blank: A ban on night fishing, and this ban, began in {BLANK}.",
            False,
        ),
        ("cloze", f"Fill in the blank: Two towns flooded; these towns got {BLANK} in aid.", False),
        ("cloze", f"Fill in the blank: The deal with the dock union was signed in {BLANK}.", False),
        ("cloze", f"Fill in the blank: {BLANK} thanked those gathered at the pier.", False),
        ("cloze", f"Fill in the blank: The fair drew {BLANK} visitors this year.", False),
        (
            "cloze",
            f"Fill in the blank: It played {BLANK} fairs and won at one of those events.",
            False,
        ),
        ("when", "When did the council say the move was final?", False),
    ],
)
def test_a_demonstrative_with_nothing_named_before_it_is_dropped(kind, prompt, dangling):
    """ "… died in this flood", "The move was met with …": what they stand for was in a
    sentence the learner does not see; a card that names it first stays."""
    card = draft(kind, prompt, "2011", target="date:2011")
    problem = q.demonstrative_without_antecedent(card, ctx_for(""))
    assert (problem is not None) is dangling


@pytest.mark.parametrize(
    ("kind", "prompt", "unnamed"),
    [
        (
            "cloze",
            f"Fill in the blank: At its {BLANK} congress with some forty delegates online, "
            "the party chose Ana Vela.",
            True,
        ),
        (
            "cloze",
            f"Fill in the blank: For 2031 the party is on the ballot in {BLANK} towns.",
            True,
        ),
        ("cloze", f"Fill in the blank: Turnout fell to {BLANK}, the party said on Monday.", True),
        (
            "cloze",
            f"Fill in the blank: At its {BLANK} congress, the party chose the Dune Party's leader.",
            True,
        ),
        (
            "cloze",
            f"Fill in the blank: At the Dune Party's {BLANK} congress, the party chose Ana Vela.",
            False,
        ),
        (
            "cloze",
            f"Fill in the blank: Ana Vela, the party's {BLANK} nominee, picked a running mate.",
            False,
        ),
        (
            "cloze",
            f"Fill in the blank: Ana Vela won in {BLANK} as the party's nominee again.",
            False,
        ),
        (
            "cloze",
            f"Fill in the blank: In {BLANK}, Ana Vela joined the party of the fishers.",
            False,
        ),
        ("when", "When did Ana Vela win the party's nomination on the third ballot?", True),
        ("when", "When did Ana Vela win the Dune Party's nomination?", False),
    ],
)
def test_the_party_as_a_later_subject_with_no_party_named_before_it(kind, prompt, unnamed):
    """ "At its _____ congress …, the party chose …", ", the party said": "the party" is
    still the subject after a long opening phrase or in a later clause; a party named
    before it in the card is its antecedent, one named after it is another party, and
    "the party's nominee" beside a named person says whose."""
    text = "The Harbour Party and the Dune Party ran.\n"
    card = draft(kind, prompt, "2031", target="date:2031")
    assert (q.unnamed_body_subject(card, ctx_for(text)) is not None) is unnamed


@pytest.mark.parametrize(
    ("prompt", "points_back"),
    [
        (f"Fill in the blank: That {BLANK}, the night market opened; stalls sold fish.", True),
        (f"Fill in the blank: Those {BLANK} boats never came back to the harbour.", True),
        (f"Fill in the blank: In {BLANK}, the night market opened by the harbour.", False),
        (f"Fill in the blank: The night market opened that {BLANK} by the harbour.", False),
    ],
)
def test_a_card_opening_on_that_and_the_blank_points_back(prompt, points_back):
    """ "That _____, the night market opened" (September of which year?): the card
    opens on a date the sentence before gave its year or its sense."""
    card = draft("cloze", prompt, "September", target="date:2031-09")
    problem = q.needs_the_sentence_before(card, ctx_for(""))
    assert (problem is not None) is points_back


@pytest.mark.parametrize(
    ("kind", "prompt", "first_person"),
    [
        (
            "cloze",
            f"Fill in the blank: I will finish my second year as harbour master in {BLANK}.",
            True,
        ),
        (
            "cloze",
            f"Fill in the blank: Since I left the crew (my last trip was in {BLANK}), it changed.",
            True,
        ),
        ("cloze", f"Fill in the blank: Well, we started counting the gulls in {BLANK}.", True),
        ("cloze", f"Fill in the blank: Gulls fill our harbour to {BLANK} of its berths.", True),
        ("when", "When did I join the ferry crew?", True),
        (
            "cloze",
            f"Fill in the blank: Ana Vela began ringing gulls in {BLANK}, a method we keep.",
            False,
        ),
        ("cloze", f"Fill in the blank: The pier was built after World War I in {BLANK}.", False),
        (
            "cloze",
            f'Fill in the blank: Ana Vela said "I am proud" of the {BLANK} volunteers.',
            False,
        ),
        ("cloze", f"Fill in the blank: The US Navy sent {BLANK} ships to the harbour.", False),
        ("cloze", f"Fill in the blank: The Red Hill Mine flooded in {BLANK}.", False),
        (
            "cloze",
            f"Fill in the blank: The ferry sailed {BLANK} times in my county's waters.",
            True,
        ),
    ],
)
def test_a_first_person_card_names_nobody(kind, prompt, first_person):
    """ "I will finish my second year … in _____" from an interview answer: who "I" is
    was in the turn's label, which the card leaves out; "we" beside a named person
    (her team) stays, and so do "I" as a numeral and words inside quotation marks."""
    text = "Ana Vela rings gulls. Tom Reyes sails.\n"
    facts = Facts(
        people=[Person(name="Ana Vela")],
        quotes=[quote("I am proud", "Tom Reyes", source='Tom Reyes said "I am proud".\n')],
    )
    card = draft(kind, prompt, "2011", target="date:2011")
    assert (q.first_person_card(card, ctx_for(text, facts)) is not None) is first_person


def test_an_interview_answer_card_naming_its_speaker_is_kept():
    """ "Tom Reyes: I joined the crew in _____" names who "I" is."""
    facts = Facts(
        quotes=[quote("I am proud", "Tom Reyes", source='Tom Reyes said "I am proud".\n')]
    )
    card = draft("cloze", f"Fill in the blank: Tom Reyes: I joined the crew in {BLANK}.", "2011")
    assert q.first_person_card(card, ctx_for("Tom Reyes sails.\n", facts)) is None


@pytest.mark.parametrize(
    ("prompt", "answer", "split"),
    [
        (f'Fill in the blank: Del {BLANK} called the ferry plan a "folly".', "Sol", True),
        (f'Fill in the blank: {BLANK} Sol called the ferry plan a "folly".', "Mara Del", True),
        (f'Fill in the blank: {BLANK} called the ferry plan a "folly".', "Mara Del Sol", False),
        (f'Fill in the blank: Mayor {BLANK} called the ferry plan a "folly".', "Sol", False),
    ],
)
def test_a_blank_covering_part_of_a_name_is_dropped(prompt, answer, split):
    """ "Del _____ called the plan a folly" for Mara Del Sol: the word of the name left
    beside the blank shows the rest of it; a title beside it does not."""
    said = quote("folly", "Mara Del Sol", source='Mara Del Sol called it a "folly".\n')
    card = draft("cloze", prompt, answer, target="person:sol", source=said)
    ctx = ctx_for("Mara Del Sol spoke.\n", Facts(people=[Person(name="Mara Del Sol")]))
    assert (q.name_split_by_the_blank(card, ctx) is not None) is split


def test_the_party_of_an_article_naming_only_one_party_is_kept():
    card = draft("cloze", f"Fill in the blank: The party won {BLANK} seats.", "12")
    assert q.unnamed_body_subject(card, ctx_for("The Harbour Party ran alone.\n")) is None


@pytest.mark.parametrize(
    ("prompt", "given_away"),
    [
        (
            f"Fill in the blank: {BLANK} opened his tour in Velmar, where his wife Ana Brook sang.",
            True,
        ),
        (f"Fill in the blank: {BLANK} and her son, Tomas Reyes, flew to Lima.", True),
        (f"Fill in the blank: {BLANK} opened his tour in Velmar, where his wife sang.", False),
    ],
)
def test_a_relative_named_in_full_beside_the_blanked_person_gives_it_away(prompt, given_away):
    """The relative's family name, or a spouse better known than the story, fills the blank."""
    card = draft("cloze", prompt, "Reyes", target="person:Tomas Reyes")
    assert (q.relative_beside_the_blank(card, ctx_for("")) is not None) is given_away


@pytest.mark.parametrize(
    ("prompt", "target", "stands_for_nobody"),
    [
        (f"Fill in the blank: Reportedly, he hit the harbour wall on {BLANK}.", "date:x", True),
        (
            f"Fill in the blank: The court quashed his fine, and in {BLANK} he paid again.",
            "date:x",
            True,
        ),
        (
            f"Fill in the blank: More than {BLANK} of the people in her survey agreed.",
            "count:x",
            True,
        ),
        (f"Fill in the blank: Ana Ruiz said she would sail in {BLANK}.", "date:x", False),
        (f"Fill in the blank: Ruiz's boat, which she bought in {BLANK}, sank.", "date:x", False),
        (f"Fill in the blank: {BLANK} said he would sail in May.", "person:Ana Ruiz", False),
        (f"Fill in the blank: The ferry sank in {BLANK} near the pier.", "date:x", False),
        # A two-letter name names someone too; a person noun names nobody in particular.
        (f"Fill in the blank: Xi said he would sail in {BLANK}.", "date:x", False),
        (f"Fill in the blank: A ferry captain, he first sailed in {BLANK}.", "date:x", True),
        (f"Fill in the blank: Reyes said he would sail in {BLANK}.", "date:x", False),
    ],
)
def test_a_he_or_she_of_nobody_the_card_names_is_dropped(prompt, target, stands_for_nobody):
    """ "Reportedly, he …", "quashed his fine" with no one named in the card (blind judge,
    batch 45); a named person, or the blanked one, is who it stands for."""
    card = draft("cloze", prompt, "2011", target=target)
    people = [Person(name="Ana Ruiz"), Person(name="Xi Lan"), Person(name="Tomas Reyes")]
    ctx = ctx_for("", Facts(people=people))
    assert (q.card_pronoun_of_nobody(card, ctx) is not None) is stands_for_nobody


def test_a_he_beside_only_a_speaking_bodys_name_stands_for_nobody():
    """ "The _____ in Vela said he was kind": Vela is a word of the speaking party's name,
    not of a person's, so the "he" stands for nobody the card names (blind judge, e32)."""
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK} in Vela said he was a kind man.",
        "Harbour Party",
        target="organisation:Harbour Party",
    )
    ctx = ctx_for("", Facts(people=[Person(name="Tomas Reyes")]))
    ctx.speakers = ["Harbour Party of Vela", "Tomas Reyes"]
    assert q.card_pronoun_of_nobody(card, ctx) is not None
    named = draft("cloze", f"Fill in the blank: Reyes said he would sail in {BLANK}.", "May")
    assert q.card_pronoun_of_nobody(named, ctx) is None


@pytest.mark.parametrize(
    ("answer", "rote"),
    [("2,318,467", True), ("604,213", True), ("11,187", True), ("800,000", False),
     ("1,124", False), ("5667", False), ("2.9 million", False), ("12", False)],
)  # fmt: skip
def test_a_figure_to_the_last_unit_is_rote_recall(answer, rote):
    """Round 47 (blind judge, batch 45): "the agency reported _____ cases" for 2,318,467."""
    card = draft(
        "cloze", f"Fill in the blank: The port office counted {BLANK} ferry trips.", answer
    )
    assert (q.exact_figure_card(card, ctx_for("")) is not None) is rote


@pytest.mark.parametrize(
    "sentence",
    [
        f"Among the hatchlings, {BLANK} survived among males and 9% among females.",
        f"Residents under 15 made up {BLANK} of the population and those over 65 made up 6.2%.",
    ],
)
def test_one_share_of_a_breakdown_that_names_no_place_or_group_is_dropped(sentence):
    card = cloze_card(sentence, "14%", "number:14%")
    assert q.share_of_an_unnamed_group(card, ctx_for(sentence)) is not None


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (f"In Port Wenlock, {BLANK} of residents voted and 12% spoiled their ballots.", "61%"),
        (f"The turnout was about {BLANK}, well above the usual figure.", "61%"),
        (f"The turnout was about {BLANK}, some 20% higher than last time.", "61%"),
        (f"Among the hatchlings, {BLANK} survived among males and 9% among females.", "40"),
    ],
)
def test_a_share_with_its_place_or_alone_or_a_count_stays(sentence, answer):
    card = cloze_card(sentence, answer, f"number:{answer}")
    assert q.share_of_an_unnamed_group(card, ctx_for(sentence)) is None


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        (f"The fever spread in late 1911 and then in {BLANK} reached the coast.", "1912"),
        (f"The club won the cup in 1931, 1932 and {BLANK}.", "1933"),
        (f"The fair was held in 1950, 1954 and again in {BLANK}.", "1958"),
    ],
)
def test_a_year_that_goes_on_the_years_just_named_is_given_away(sentence, year):
    card = draft("cloze", f"Fill in the blank: {sentence}", year, target=f"date:{year}")
    assert q.year_told_by_its_neighbours(card, ctx_for(sentence))


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        (f"She backed the 1960 and {BLANK} campaigns of the mayor.", "1964"),  # no step
        (f"The club won the cup in 1931, 1932 and {BLANK}.", "1936"),  # not the next one
        (f"The bridge stood from 1890 to {BLANK}.", "1891"),  # a span, not a list
        (f"The fever spread in {BLANK} and then in 1912.", "1911"),
    ],
)
def test_a_year_the_list_before_it_does_not_settle_stays(sentence, year):
    card = draft("cloze", f"Fill in the blank: {sentence}", year, target=f"date:{year}")
    assert q.year_told_by_its_neighbours(card, ctx_for(sentence)) is None


def test_the_base_of_a_rate_is_no_blank():
    ctx = ctx_for("")
    base = draft(
        "cloze", f"Fill in the blank: The port had four crashes per {BLANK} ships.", "1,000"
    )
    assert q.rate_base_blanked(base, ctx) is not None
    rate = draft(
        "cloze", f"Fill in the blank: The port had {BLANK} crashes per 1,000 ships.", "four"
    )
    assert q.rate_base_blanked(rate, ctx) is None


@pytest.mark.parametrize(
    ("prompt", "answer", "given_away"),
    [
        (
            f"Fill in the blank: The page of {BLANK}, hosted by Tomas Reyes and Ana Vela, "
            "posted a tribute.",
            "The Tom and Ana Hour",
            True,
        ),
        (
            f"Fill in the blank: The page of {BLANK}, hosted by Tomas Reyes, posted a tribute.",
            "The Tom and Ana Hour",
            False,
        ),
        (
            f"Fill in the blank: The page of {BLANK}, hosted by Lena Ortiz and Paul Dunn, "
            "posted a tribute.",
            "The Tom and Ana Hour",
            False,
        ),
    ],
)
def test_names_on_the_card_that_spell_out_the_blank_give_it_away(prompt, answer, given_away):
    """ "hosted by Tomas Reyes and Ana Vela" spells out "The Tom and Ana Hour"; one name
    alone, or other people, do not."""
    card = draft("cloze", prompt, answer, target="name:show")
    problem = q.cloze_names_spell_out_the_answer(card, ctx_for(""))
    assert (problem is not None) is given_away


def test_a_card_on_the_kind_of_a_thing_named_before_gets_its_name_back():
    """ "The show drew 9,000 listeners" after "his morning show Harbour at Dawn ran …":
    the card says which show; a kind named without a name stays as written."""
    text = (
        "Radio host Tom Reyes dies\n"
        "Tom Reyes has died. His morning show Harbour at Dawn ran from 1975 to 2015.\n"
        "The show drew 9,000 listeners a day on Channel 9.\n"
        "His last series was short. The series drew 4,000 listeners.\n"
    )
    prompts = [d.prompt for d in cloze.build(ctx_for(text))]
    assert f"Fill in the blank: Harbour at Dawn drew {BLANK} listeners a day on Channel 9." in (
        prompts
    )
    assert f"Fill in the blank: The series drew {BLANK} listeners." in prompts
    # "hosted the show Tuesday": a day, not the show's name
    dated = text.replace(
        "His morning show Harbour at Dawn ran from 1975 to 2015.",
        "He last hosted the show Tuesday, a week before he died.",
    )
    prompts = [d.prompt for d in cloze.build(ctx_for(dated))]
    assert f"Fill in the blank: The show drew {BLANK} listeners a day on Channel 9." in prompts


LIST_ARTICLE = (
    "Ferry sinks off Marvik\n"
    "A ferry sank off Marvik, Norway on Sunday. Most of the crew were Norwegian.\n"
    "Its guests were from Chile, Peru, the Philippines, and Ghana.\n"
    "Two of the dead were from Chile and one was from Kenya.\n"
)


@pytest.mark.parametrize(
    ("blanked", "answer", "kenya_beside", "dropped"),
    [
        ("Its guests were from _____, Peru, the Philippines, and Ghana.", "Chile", True, True),
        ("Its guests were from Chile, Peru, the _____, and Ghana.", "Philippines", True, True),
        ("Its guests were from _____, Peru, the Philippines, and Ghana.", "Chile", False, False),
    ],
)
def test_a_country_blanked_in_a_list_beside_another_of_the_same_kind_is_dropped(
    blanked, answer, kenya_beside, dropped
):
    """ "guests were from _____, Peru, …" beside "one was from Kenya": Kenya fits the
    list's blank too; with no such country beside it, the list card stays."""
    text = LIST_ARTICLE if kenya_beside else LIST_ARTICLE.replace("Kenya", "Marvik")
    sentence = "Its guests were from Chile, Peru, the Philippines, and Ghana."
    links = [link("ferry", "Norway", "Marvik, Norway", source=text)]
    links += [link("guests", c, sentence, source=text) for c in ("Chile", "Peru", "Ghana")]
    if kenya_beside:
        links.append(link("dead", "Kenya", "one was from Kenya", source=text))
    links += [link("ferry", "Norway", "Marvik, Norway", source=text)] * 3  # the story's home
    start = text.index(sentence)
    card = draft(
        "cloze",
        f"Fill in the blank: {blanked.replace('_____', BLANK)}",
        answer,
        target=f"country:{answer}",
        evidence_start=start,
        evidence_end=start + len(sentence),
    )
    ctx = ctx_for(text)
    ctx.countries[:] = links
    assert (q.cloze_country_in_a_list(card, ctx) is not None) is dropped


@pytest.mark.parametrize(
    ("text", "card"),
    [
        (
            "Toll rises on Vela Bridge\nThe Vela Bridge opened in 1990 near Marvik.\n"
            "Each day 9,000 cars cross the bridge from Marvik.\n",
            f"Fill in the blank: Each day {BLANK} cars cross the Vela Bridge from Marvik.",
        ),
        (
            "Ferries return\nCorra Island lies off the coast.\n"
            "Each week 9,000 people visit the island by ferry.\n",
            f"Fill in the blank: Each week {BLANK} people visit Corra Island by ferry.",
        ),
        (  # two bridges: which one, the card cannot say
            "Tolls rise\nThe Vela Bridge and the Dune Bridge opened in 1990.\n"
            "Each day 9,000 cars cross the bridge from Marvik.\n",
            f"Fill in the blank: Each day {BLANK} cars cross the bridge from Marvik.",
        ),
    ],
)
def test_a_place_called_by_its_kind_gets_the_articles_one_name(text, card):
    """ "cross the bridge" on a card is "cross the Vela Bridge" when the article names one
    bridge (as it writes it, with or without "the"); among two it stays."""
    assert card in [d.prompt for d in cloze.build(ctx_for(text))]


def _country_card(card):
    """A cloze card blanking the invented country in `card`, and its one-line article."""
    text = card.replace("_____", "Freedonia") + "\n"
    made = draft(
        "cloze",
        f"Fill in the blank: {card.replace('_____', BLANK)}",
        "Freedonia",
        text=text,
        target="country:freedonia",
    )
    return made, text


@pytest.mark.parametrize(
    ("card", "dropped"),
    [
        ("The mayor wants a fence along the country's border with _____.", True),
        ("Talks on the border between Ruritania and _____ stalled again.", True),
        ("Troops moved into neighbouring _____ on Monday.", True),
        ("The mayor flew to _____ to sign the fence contract.", False),
    ],
)
def test_a_blanked_neighbour_country_is_geography(card, dropped):
    """ "… border with _____": which country lies beside another is guessed without the
    article; a country the card asks for any other reason stays."""
    made, text = _country_card(card)
    assert bool(q.border_blank(made, ctx_for(text))) is dropped


@pytest.mark.parametrize(
    ("card", "dropped"),
    [
        ("Four of the deceased were from abroad: two from Ruritania, one from _____.", True),
        ("Of the _____ passengers, 22 were local.", False),
        ("The victims of the ferry fire were mourned in _____.", False),
        ("Four of the deceased in the bus crash were from _____.", False),
        ("The victims were mourned in _____ on Sunday.", True),
    ],
)
def test_the_dead_or_the_passengers_of_an_unnamed_event(card, dropped):
    """ "Four of the deceased …", "the victims": the people of a crash the card never names;
    a card naming the vehicle or the event stays, and "the passengers" of the one bus."""
    made, text = _country_card(card)
    assert bool(q.group_of_an_unnamed_event(made, ctx_for(text))) is dropped


def test_a_card_dating_what_it_only_calls_it_is_dropped():
    from quizzes.generation.quality.cloze import date_of_an_unnamed_thing

    sank = cloze_card(
        f"The dive club lists {BLANK} as the day it sank.", "3 May 1941", "date:1941-05-03"
    )
    assert date_of_an_unnamed_thing(sank, ctx_for("x")) == (
        "answer: the card dates something it only calls “it”"
    )
    after = cloze_card(
        f"The day it sank was {BLANK}, the club says.", "3 May 1941", "date:1941-05-03"
    )
    assert date_of_an_unnamed_thing(after, ctx_for("x"))
    named = cloze_card(
        f"The dive club says the ferry sank on {BLANK}.", "3 May 1941", "date:1941-05-03"
    )
    assert date_of_an_unnamed_thing(named, ctx_for("x")) is None
    lister = cloze_card(
        f"The Velmar Wreck Project names {BLANK} as the day it sank.",
        "3 May 1941",
        "date:1941-05-03",
    )
    assert date_of_an_unnamed_thing(lister, ctx_for("x"))


@pytest.mark.parametrize(
    "card",
    [
        f"The couple said {BLANK} was the day they met.",
        f"The Velmar's owners list {BLANK} as the day it sank.",
        f"The dive club said the Velmar Star's crew gave {BLANK} as the day it sank.",
    ],
)
def test_a_card_naming_what_its_pronoun_stands_for_dates_it(card):
    from quizzes.generation.quality.cloze import date_of_an_unnamed_thing

    asked = cloze_card(card, "3 May 1941", "date:1941-05-03")
    assert date_of_an_unnamed_thing(asked, ctx_for("x")) is None


def test_a_speakers_age_is_no_part_of_the_name_the_questions_show():
    sentence = "Twelve-year-old Ana Vela, on the top deck, said “the ferry shook hard”."
    text = f"Ferry shakes\n{sentence}\n"
    words = "the ferry shook hard"
    said = Quote(
        text=words,
        speaker="Twelve-year-old Ana Vela",
        start=text.index(words),
        end=text.index(words) + len(words),
        evidence=sentence,
        evidence_start=text.index(sentence),
        evidence_end=text.index(sentence) + len(sentence),
        attribution="explicit",
    )
    facts = Facts(quotes=[said], people=[Person(name="Twelve-year-old Ana Vela")])
    ctx = ctx_for(text, facts)
    assert [q.speaker for q in ctx.quotes] == ["Ana Vela"]
    assert "Ana Vela" in ctx.people


def test_the_country_a_named_head_of_state_leads_is_world_trivia():
    trivia = cloze_card(
        f"In 2017 the statue was offered to Tom Vale, the president of the {BLANK}.",
        "Freedonia",
        "country:freedonia",
    )
    unnamed = cloze_card(
        f"The statue was offered to the president of the {BLANK} in 2017.",
        "Freedonia",
        "country:freedonia",
    )
    club = cloze_card(
        f"The statue was offered to Tom Vale, the president of the {BLANK} rowing club.",
        "Freedonia",
        "country:freedonia",
    )
    ctx = ctx_for("", Facts(people=[Person(name="Tom Vale")]))
    assert q.head_of_state_card(trivia, ctx) is not None
    assert q.head_of_state_card(unnamed, ctx) is None
    assert q.head_of_state_card(club, ctx) is None


def test_a_country_card_on_a_president_after_a_word_that_is_no_person_is_kept():
    # "Monday," and "Tolvo," before the comma name nobody: the card asks the story
    ctx = ctx_for("", Facts(people=[Person(name="Tom Vale")]))
    for lead in ("On Monday, the president of the", "In Tolvo, the prime minister of the"):
        card = cloze_card(f"{lead} {BLANK}.", "Freedonia", "country:freedonia")
        assert q.head_of_state_card(card, ctx) is None
