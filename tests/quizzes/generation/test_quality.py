"""The question-quality check (quizzes/generation/quality/), one rule at a
time, on invented sentences: each rule drops the draft that breaks it and keeps
the one that does not."""

from dataclasses import replace
from datetime import date

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import QuizQuestion, generate_questions
from quizzes.generation import quality as q
from quizzes.generation.text import BLANK

from .facts_for_tests import ctx_for, draft, event, link, quote

# Grammar of the prompt -------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "problem"),
    [
        ("When did the Harbour Authority ) close the pier?", "grammar: unbalanced ()"),
        ("When did the mayor open the “new bridge?", "grammar: unbalanced “”"),
        ("When did the mayor open the bridge ?", "grammar: stray spacing or punctuation"),
        ("When did the mayor open the bridge?", None),
    ],
)
def test_prompts_have_paired_marks_and_clean_spacing(prompt, problem):
    text = "The mayor opened the bridge on Monday."
    made = draft("when", prompt, "4 May 2020", ["5 May 2020", "6 May 2020"], text=text)
    ctx = ctx_for(text)
    assert (q.unbalanced_marks(made, ctx) or q.stray_spacing(made, ctx)) == problem


def test_a_name_rewritten_as_a_verb_is_caught():
    """ "the United Fishermen" is not the verb "unite"."""
    text = "On Monday the United Fishermen Cooperative blocked the harbour."
    ctx = ctx_for(text)
    garbled = draft(
        "when",
        "When did the unite Fishermen Cooperative blocked the harbour?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        text=text,
    )
    fine = draft(
        "when",
        "When did the United Fishermen Cooperative block the harbour?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        text=text,
    )
    assert q.name_rewritten(garbled, ctx) == "grammar: “unite” rewrites a name"
    assert q.name_rewritten(fine, ctx) is None


def test_a_name_that_lost_its_capital_is_caught():
    """ "In what year was day born …" from "… Day was born …" (Day is a surname)."""
    text = "Mia Day starred in films. In 1950, Day was born again as a singer.\n"
    made = draft(
        "when", "In what year was day born again as a singer?", "1950", ["1951"], text=text
    )
    assert q.name_rewritten(made, ctx_for(text)) == "grammar: “day” is a name in lower case"


def test_rewritten_prompts_keep_no_relative_time_or_page_debris():
    ctx = ctx_for("x")
    left = draft("when", "When did this strike start, last year?", "May 2020", ["June 2020"])
    assert q.relative_time_left(left, ctx)
    debris = draft("who_said", "Who said: “ok”? (Context: _____ said ((es)) \u200dok.)", "Ana Ruiz")
    assert q.stray_spacing(debris, ctx)
    cut = draft("true_false", "True or false? In 1960, Ruiz co- was arrested.", "True")
    assert q.stray_spacing(cut, ctx)


def test_a_short_quotation_is_no_statement_to_judge():
    text = "Ben Cole called the plan “a farce”.\n"
    said = quote("a farce", "Ben Cole", source=text)
    made = draft("true_false", "True or false? Ana Ruiz said: “a farce”", "False", source=said)
    assert q.short_quote_statement(made, ctx_for(text))


def test_a_loose_country_link_must_be_the_country_named_nearest_the_subject():
    text = (
        "Peruvian minister Ana Ruiz and her Chilean and Bolivian counterparts, Ben Cole and "
        "Omar Haddad, met in Lima.\n"
    )
    wrong = link("Ben Cole", "Peru", "Peruvian", "person", source=text)
    made = draft(
        "which_country", "Which country is Ben Cole linked to in the article?", "Peru", source=wrong
    )
    assert q.nearest_country(made, ctx_for(text))
    right = link("Ana Ruiz", "Peru", "Peruvian", "person", source=text)
    made = draft(
        "which_country", "Which country is Ana Ruiz linked to in the article?", "Peru", source=right
    )
    assert q.nearest_country(made, ctx_for(text)) is None


def test_a_place_question_needs_its_country_named_in_the_sentence():
    text = "The singer died at her home in Paita, Piura.\nThe port of Mollendo, Peru, closed.\n"
    unplaced = link("Paita", "Peru", "The singer", "place", source=text)
    made = draft("which_country", "In which country is Paita?", "Peru", source=unplaced)
    assert q.place_not_placed(made, ctx_for(text))
    placed = link("Mollendo", "Peru", "The port", "place", source=text)
    made = draft("which_country", "In which country is Mollendo?", "Peru", source=placed)
    assert q.place_not_placed(made, ctx_for(text)) is None


def test_a_town_the_article_writes_with_its_well_known_state_is_not_asked():
    text = "A truck crashed in Millbrook, New Hampshire, United States.\n"
    town = link("Millbrook", "United States", "A truck", "place", source=text)
    made = draft("which_country", "In which country is Millbrook?", "United States", source=town)
    assert "state or province" in (q.world_trivia(made, ctx_for(text)) or "")
    bare = "A truck crashed in Millbrook, United States.\n"
    town = link("Millbrook", "United States", "A truck", "place", source=bare)
    made = draft("which_country", "In which country is Millbrook?", "United States", source=town)
    assert "geography" in (q.world_trivia(made, ctx_for(bare)) or "")


def test_questions_end_with_a_question_mark_and_a_cloze_has_one_blank():
    ctx = ctx_for("x")
    assert q.question_shape(draft("when", "When did it rain", "2020", ["2019"]), ctx)
    assert q.question_shape(draft("cloze", "Fill in the blank: no blank.", "x"), ctx)
    two = draft("cloze", f"Fill in the blank: the {BLANK} ({BLANK}) met.", "Water Board")
    assert q.cloze_blanks(two, ctx) == "grammar: more than one blank"
    one = draft("cloze", f"Fill in the blank: the {BLANK} met.", "Water Board")
    assert q.cloze_blanks(one, ctx) is None


# Is the answer right? -------------------------------------------------------

ADDRESSEE = (
    "Talking to Petra Lindqvist of a radio station, he said, “We lost the season.”\n"
    "“Keep going,” the coach said, urging Omar Haddad to stay.\n"
    "Omar Haddad said he would stay.\n"
)


def test_a_speaker_named_only_as_the_person_spoken_to_is_the_wrong_answer():
    wrong = quote("We lost the season.", "Petra Lindqvist", source=ADDRESSEE)
    ctx = ctx_for(ADDRESSEE)
    made = draft("who_said", "Who said: “We lost the season”?", "Petra Lindqvist", source=wrong)
    assert q.speaker_named_as_addressee(made, ctx) == (
        "answer: the credited speaker is the person spoken to"
    )
    subject = quote("Keep going", "Omar Haddad", source=ADDRESSEE)
    made = draft("who_said", "Who said: “Keep going”?", "Omar Haddad", source=subject)
    assert q.speaker_named_as_addressee(made, ctx)  # "urging Omar Haddad"


PRONOUNS = (
    "Ines Varga, a councillor, spoke first.\n"
    "The head of the audit office told the council “The accounts are late.” "
    "She also said “We need six more weeks.”\n"
    "The ferry operator told the inquiry “The boat was full.”\n"
    "Tomas Brenner welcomed the plan. He said “It is overdue.”\n"
)


def pronoun_quote(text, speaker, sentence_start):
    """The quote credited through "she"/"he", its evidence the sentence that
    starts with `sentence_start`."""
    from dataclasses import replace

    found = quote(text, speaker, source=PRONOUNS)
    begin = PRONOUNS.index(sentence_start)
    end = PRONOUNS.index("\n", begin)
    return replace(
        found,
        evidence=PRONOUNS[begin:end],
        evidence_start=begin,
        evidence_end=end,
        attribution="pronoun",
    )


def test_a_pronoun_after_another_speakers_words_stands_for_that_speaker():
    ctx = ctx_for(PRONOUNS)
    wrong = pronoun_quote("We need six more weeks.", "Ines Varga", "She also")
    made = draft("who_said", "Who said: “We need six more weeks”?", "Ines Varga", source=wrong)
    assert q.pronoun_after_another_speaker(made, ctx) == (
        "answer: the pronoun follows another speaker's words"
    )
    right = pronoun_quote("It is overdue.", "Tomas Brenner", "He said")
    made = draft("who_said", "Who said: “It is overdue”?", "Tomas Brenner", source=right)
    assert q.pronoun_after_another_speaker(made, ctx) is None


def test_a_pronoun_credit_without_a_pronoun_in_the_sentence_is_wrong():
    ctx = ctx_for(PRONOUNS)
    wrong = pronoun_quote("The boat was full.", "Ines Varga", "The ferry")
    made = draft("who_said", "Who said: “The boat was full”?", "Ines Varga", source=wrong)
    assert q.pronoun_without_a_pronoun(made, ctx)
    right = pronoun_quote("It is overdue.", "Tomas Brenner", "He said")
    made = draft("who_said", "Who said: “It is overdue”?", "Tomas Brenner", source=right)
    assert q.pronoun_without_a_pronoun(made, ctx) is None


def test_a_pronoun_of_the_other_gender_is_the_wrong_speaker():
    facts = Facts(people=[Person("Tomas Brenner", gender="f"), Person("Ines Varga", gender="m")])
    ctx = ctx_for(PRONOUNS, facts)
    right = pronoun_quote(
        "It is overdue.", "Tomas Brenner", "He said"
    )  # "He said", but Brenner is "f"
    made = draft("who_said", "Who said: “It is overdue”?", "Tomas Brenner", source=right)
    assert q.pronoun_of_the_other_gender(made, ctx)


@pytest.mark.parametrize(
    ("words", "label"),
    [("H7N3", True), ("Project-X.", True), ("OK", True), ("hopeless", False), ("we won", False)],
)
def test_a_name_in_quotation_marks_is_not_something_said(words, label):
    text = f"The minister called it “{words}”.\n"
    made = draft(
        "who_said",
        f"Who said: “{words}”?",
        "Ana Ruiz",
        source=quote(words, "Ana Ruiz", source=text),
    )
    assert bool(q.quote_is_a_label(made, ctx_for(text))) is label


# The answer and the options ----------------------------------------------------


def test_options_keep_to_the_answers_type():
    ctx = ctx_for("x")
    people = draft("who_said", "Who said: “Go”?", "Ana Ruiz", ["Lima Port Authority", "Ben Cole"])
    assert q.options_of_the_answers_type(people, ctx) == (
        "options: an organisation or a place among people"
    )
    cut = draft("who_said", "Who said: “Go”?", "Ana Ruiz", ["Omar al] Haddad", "Ben Cole"])
    assert q.options_of_the_answers_type(cut, ctx) == "options: not every option is a name"
    org = draft("who_said", "Who said: “Go”?", "Lima Port Authority", ["Ana Ruiz", "Ben Cole"])
    assert q.options_of_the_answers_type(org, ctx) == "options: an organisation among people"
    countries = draft("which_country", "Which country?", "Peru", ["Chile", "Andes"])
    assert q.options_of_the_answers_type(countries, ctx)
    dates = draft("when", "When?", "May 2020", ["2019", "June 2020"])
    assert q.options_of_the_answers_type(dates, ctx)


def test_an_option_that_is_right_too_is_caught():
    ctx = ctx_for("x")
    same = draft("who_said", "Who said: “Go”?", "Ana Ruiz", ["Ms Ruiz", "Ben Cole"])
    assert q.option_also_right(same, ctx) == "options: another option is the same person"
    # a relative of the story, sharing the surname, is another person and a fair option
    sister = draft("who_said", "Who said: “Go”?", "Ana Ruiz", ["Maria Ruiz", "Ben Cole"])
    assert q.option_also_right(sister, ctx) is None
    inside = draft("when", "When?", "4 May 2020", ["5 May 2020", "4 May 2020 "])
    assert q.option_also_right(inside, ctx)


def test_the_prompt_may_not_name_the_answer():
    ctx = ctx_for("x")
    assert q.answer_given_away(draft("who_said", "Who said: “Ruiz is right”?", "Ana Ruiz"), ctx)
    assert q.answer_given_away(
        draft("which_country", "Which country is the Peruvian minister from?", "Peru"), ctx
    )
    assert q.answer_given_away(
        draft("when", "When did X win the 2019 cup?", "4 May 2019", ["4 May 2018", "4 May 2017"]),
        ctx,
    )
    # The year named in the prompt is shared by every option: nothing given away.
    assert not q.answer_given_away(
        draft("when", "When did X win the 2019 cup?", "4 May 2019", ["5 May 2019", "6 May 2019"]),
        ctx,
    )


def test_where_a_well_known_place_lies_is_trivia_a_small_town_is_not():
    text = "The talks were held in Lima, Peru.\nThe plant is in Mollendo, Peru.\n"
    ctx = ctx_for(text)
    capital = link("Lima", "Peru", "The talks", "place", source=text)
    town = link("Mollendo", "Peru", "The plant", "place", source=text)
    asked = draft("which_country", "In which country is Lima?", "Peru", source=capital)
    assert q.world_trivia(asked, ctx) == "trivia: where a well-known place lies"
    asked = draft("which_country", "In which country is Mollendo?", "Peru", source=town)
    assert q.world_trivia(asked, ctx) == (
        "trivia: where a place lies is geography, not what the article reports"
    )
    blank = draft(
        "cloze", f"Fill in the blank: The talks were held in Lima, {BLANK}.", "Peru", source=capital
    )
    assert q.world_trivia(blank, ctx)


# The bank as a whole ------------------------------------------------------------


def test_near_duplicates_on_one_fact_are_dropped_and_so_is_a_statement_on_it():
    asked = draft(
        "who_said", "Who said: “We won”?", "Ana Ruiz", fact_keys=("q1",), target="person:ruiz"
    )
    cloze = draft(
        "cloze",
        f"Fill in the blank: “We won,” {BLANK} said.",
        "Ruiz",
        fact_keys=("q1",),
        target="person:ruiz",
    )
    statement = draft(
        "true_false",
        "True or false? Ben Cole said: “We won”",
        "False",
        fact_keys=("q1",),
        target="person:ruiz",
    )
    assert q.near_duplicate(cloze, [asked])
    # Its false speaker is one of the question's options, crossed out.
    assert q.near_duplicate(statement, [asked])


def test_one_fact_gives_at_most_two_questions():
    from collections import Counter

    third = draft("cloze", f"Fill in the blank: {BLANK} won.", "Ana Ruiz", fact_keys=("f",))
    assert q.over_the_fact_limit(third, Counter({"f": 2}))
    assert q.over_the_fact_limit(third, Counter({"f": 1})) is None
    timeline = draft("ordering", "Put these events in order.", "a → b → c", fact_keys=("f", "g"))
    assert q.over_the_fact_limit(timeline, Counter({"f": 2})) is None


def test_a_second_question_on_a_fact_comes_from_the_same_sentence():
    """A quiz takes one question per sentence: a fact's two questions from two
    sentences could meet in one quiz."""
    first = "Ana Ruiz, the mayor of Tarrow, opened the bridge."
    second = "The bridge that Ruiz opened cost four million."
    asked = draft(
        "which_country", "Which country is Ana Ruiz from?", "Peru", ["Chile", "Bolivia"],
        text=first, fact_keys=("f",), target="country:peru",
    )  # fmt: skip
    same_sentence = draft(
        "cloze", f"Fill in the blank: {BLANK}, the mayor of Tarrow, opened the bridge.",
        "Ana Ruiz", text=first, fact_keys=("f",), target="person:ruiz",
    )  # fmt: skip
    other_sentence = draft(
        "cloze", f"Fill in the blank: The bridge that {BLANK} opened cost four million.",
        "Ruiz", text=second, evidence_start=len(first) + 1, fact_keys=("f",),
        target="person:ruiz",
    )  # fmt: skip
    ctx = ctx_for(f"{first}\n{second}\n")
    assert q.one_fact_two_sentences(same_sentence, [asked], ctx) is None
    assert q.one_fact_two_sentences(other_sentence, [asked], ctx)
    unrelated = replace(other_sentence, fact_keys=("g",))
    assert q.one_fact_two_sentences(unrelated, [asked], ctx) is None
    timeline = draft("ordering", "Put these events in order.", "a → b", fact_keys=("f", "g"))
    assert q.one_fact_two_sentences(timeline, [asked], ctx) is None


def test_a_prompt_that_answers_another_question_is_dropped():
    asked = draft("which_country", "Which country is Ana Ruiz the president of?", "Peru")
    telling = draft(
        "when", "When did Peruvian President Ana Ruiz resign?", "May 2020", ["June 2020"]
    )
    silent = draft("when", "When did President Ana Ruiz resign?", "May 2020", ["June 2020"])
    assert q.gives_away_another(telling, [asked])
    assert q.gives_away_another(silent, [asked]) is None
    who = draft("who_said", "Who said: “the port will reopen in June”?", "Ben Cole")
    statement = draft(
        "true_false", "True or false? Ben Cole said: “the port will reopen in June”", "True"
    )
    assert q.gives_away_another(statement, [who])


def test_a_statement_is_settled_by_another_prompt_saying_the_same_with_its_date():
    when = draft(
        "when", "When did Ana Ruiz win the 2019 regional cup?", "4 May 2019", ["5 May 2019"]
    )
    statement = draft(
        "true_false", "True or false? In 2019, Ana Ruiz won the regional cup.", "True"
    )
    assert q.gives_away_another(when, [statement])


def test_questions_of_one_sentence_never_share_a_quiz():
    a = QuizQuestion(
        kind="who_said", prompt="Who said: “We won”?", answer="Ana Ruiz", evidence=(1, 0, 40)
    )
    b = QuizQuestion(
        kind="when", prompt="When did the team win?", answer="May 2020", evidence=(1, 0, 40)
    )
    c = QuizQuestion(
        kind="when", prompt="When did the port close?", answer="June 2020", evidence=(1, 41, 80)
    )
    assert q.questions_conflict(a, b)
    assert not q.questions_conflict(a, c)


def test_an_explanation_shown_after_answering_may_give_away_a_later_question():
    a = QuizQuestion(
        kind="which_country",
        prompt="Which country is Ana Ruiz the president of?",
        answer="Peru",
        evidence=(1, 0, 40),
    )
    b = QuizQuestion(
        kind="when",
        prompt="When did the talks end?",
        answer="May 2020",
        explanation="In the article: “The talks with Peruvian President Ana Ruiz ended in May.”",
        evidence=(1, 41, 90),
    )
    assert q.questions_conflict(a, b)


# On a whole article ---------------------------------------------------------------


def test_the_check_keeps_one_cloze_per_sentence_and_reports_what_it_drops():
    text = (
        "Leaders met in Mollendo, Peru, in March 2021 to sign the fisheries pact.\n"
        "“We have waited long enough,” said Ana Ruiz, the fisheries minister.\n"
        "“The pact is a start,” said Ben Cole.\n"
        "“Nobody consulted the crews,” said Omar Haddad.\n"
    )
    facts = Facts(
        quotes=[
            quote("We have waited long enough", "Ana Ruiz", source=text),
            quote("The pact is a start", "Ben Cole", source=text),
            quote("Nobody consulted the crews", "Omar Haddad", source=text),
        ],
        countries=[link("Mollendo", "Peru", "Leaders met", "place", source=text)],
        events=[
            event("Leaders met in Mollendo", "in March 2021", "2021-03", "Leaders met", source=text)
        ],
    )
    from quizzes.generation import review_questions

    review = review_questions(facts, article_text=text, published=date(2021, 6, 1))
    cloze_sentences = [d.evidence_start for d in review.kept if d.kind == "cloze"]
    assert len(cloze_sentences) == len(set(cloze_sentences))
    assert all(reason for _, reason in review.dropped)
    kept = {d.prompt for d in review.kept}
    assert "Who said: “We have waited long enough”?" in kept or any(
        "We have waited long enough" in p for p in kept
    )
    assert not any(
        d.kind == "cloze" and d.answer == "Ana Ruiz"
        for d in generate_questions(facts, article_text=text)
    )


def test_a_fact_from_an_extraction_rule_that_is_often_wrong_is_not_asked():
    from dataclasses import replace

    text = "The ministry told reporters “the road will open in June”.\n"
    said = quote("the road will open in June", "Roads Ministry", source=text)
    unsure = replace(said, rule="speech_verb.some_rule", confidence=0.6)
    made = draft(
        "who_said", "Who said: “the road will open in June”?", "Roads Ministry", source=unsure
    )
    assert (
        q.unsure_fact(made, ctx_for(text))
        == "answer: rule speech_verb.some_rule is right 60% of the time"
    )
    sure = replace(said, rule="speech_verb.some_rule", confidence=0.95)
    made = draft(
        "who_said", "Who said: “the road will open in June”?", "Roads Ministry", source=sure
    )
    assert q.unsure_fact(made, ctx_for(text)) is None
    card = draft(
        "cloze", f"Fill in the blank: The {BLANK} told reporters …", "ministry", source=unsure
    )
    assert q.unsure_fact(card, ctx_for(text)) is None


def test_a_draft_carries_the_rule_and_confidence_of_its_fact():
    from dataclasses import replace

    text = "“We won,” said Ana Ruiz.\n"
    said = replace(quote("We won", "Ana Ruiz", source=text), rule="speech_verb.x", confidence=0.9)
    made = draft("who_said", "Who said: “We won”?", "Ana Ruiz", source=said)
    assert (made.rule, made.confidence) == ("speech_verb.x", 0.9)
    assert draft("who_said", "Who said: “We won”?", "Ana Ruiz").confidence is None


def test_a_true_statement_states_the_answer_of_a_question_on_its_fact():
    asked = draft(
        "cloze",
        f"Fill in the blank: Ana Ruiz was born in {BLANK}.",
        "1950",
        fact_keys=("e",),
        target="date:1950",
    )
    true = draft(
        "true_false",
        "True or false? In 1950, Ana Ruiz was born.",
        "True",
        fact_keys=("e",),
        target="date:1950",
    )
    false = draft(
        "true_false",
        "True or false? In 1953, Ana Ruiz was born.",
        "False",
        fact_keys=("e",),
        target="date:1950",
    )
    assert q.near_duplicate(asked, [true])
    assert q.near_duplicate(asked, [false])
    from dataclasses import replace

    other_fact = replace(false, fact_keys=("g",), target="date:1953")
    assert q.near_duplicate(asked, [other_fact]) is None


def test_a_cloze_is_given_away_by_a_prompt_with_the_words_around_its_blank():
    cloze = QuizQuestion(
        kind="cloze",
        prompt=f"Fill in the blank: Ana Ruiz was born in {BLANK} in Mollendo, a port then ruled "
        "by a council of merchants and fishermen.",
        answer="1950",
    )
    assert q.reveals("True or false? In 1950, Ana Ruiz was born in Mollendo.", cloze)
    assert not q.reveals("True or false? In 1950, Ben Cole opened a bakery.", cloze)


def test_a_short_quotation_is_asked_with_its_sentence_or_not_at_all():
    text = "The border is the “main issue”, the report says.\n"
    said = quote("main issue", "Ana Ruiz", source=text)
    bare = draft("who_said", "Who said: “main issue”?", "Ana Ruiz", source=said)
    assert q.short_quote_without_context(bare, ctx_for(text))
    context = draft(
        "who_said",
        "Who said: “main issue”? (Context: _____ called it the “main issue”.)",
        "Ana Ruiz",
        source=said,
    )
    assert q.short_quote_without_context(context, ctx_for(text)) is None


def test_a_quiz_takes_questions_in_order_and_skips_any_that_conflicts():
    same_sentence = (1, 0, 40)
    questions = [
        QuizQuestion(
            kind="who_said", prompt="Who said: “We won”?", answer="Ana Ruiz", evidence=same_sentence
        ),
        QuizQuestion(
            kind="when", prompt="When did the team win?", answer="May 2020", evidence=same_sentence
        ),
        QuizQuestion(
            kind="which_country",
            prompt="Which country is Ana Ruiz from?",
            answer="Peru",
            evidence=(1, 41, 80),
        ),
        QuizQuestion(
            kind="true_false",
            prompt="True or false? Ana Ruiz is from Peru.",
            answer="True",
            evidence=(1, 81, 120),
        ),
        QuizQuestion(
            kind="cloze",
            prompt=f"Fill in the blank: The port reopened in {BLANK}.",
            answer="June",
            evidence=(1, 121, 160),
        ),
    ]
    assert q.quiz_selection(questions, 10) == [0, 2, 4]
    assert q.quiz_selection(questions, 2) == [0, 2]


@pytest.mark.parametrize(
    ("speaker", "people", "text", "shown"),
    [
        ("Cole", [], "Senator Ben Cole spoke. Yesterday Cole said “no”.", "Ben Cole"),
        ("Cole", [], "Yesterday Cole said “no”.", "Cole"),
        ("Cole", [], "Ben Cole and Amy Cole spoke.", "Cole"),
        ("Minority Whip Ben Cole", [], "", "Ben Cole"),
        ("Ana Ruiz", ["Ana Ruiz"], "", "Ana Ruiz"),
    ],
)
def test_speakers_are_shown_as_full_plain_names(speaker, people, text, shown):
    from quizzes.generation.context import full_name

    assert full_name(speaker, people, text) == shown
