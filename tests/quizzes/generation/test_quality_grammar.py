"""The English of a question's prompt (quizzes/generation/quality/grammar.py), on
invented sentences: names kept whole and with their capitals, the article's own typos
and misspelt names not copied, no cut comparison, no clause rewritten into nonsense, no
pronoun or relative time that points at nothing, no quotation copied into a question."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import (
    generation_context,
)
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.text import BLANK, restore_names

from .facts_for_tests import ctx_for, dated, draft, event, quote


@pytest.mark.parametrize(
    ("prompt", "rule", "problem"),
    [
        (
            "When were tributes paid, including 's airing of the film?",
            q.possessive_without_noun,
            "grammar: a possessive without its noun",
        ),
        (
            "In what year did the singer's son predecease her?",
            q.pronoun_without_antecedent,
            "grammar: a pronoun with nothing it refers to",
        ),
    ],
)
def test_rewritten_prompts_keep_their_words_whole(prompt, rule, problem):
    made = draft("when", prompt, "2004", ["2003", "2002"])
    assert rule(made, ctx_for("x")) == problem


def test_an_unnamed_group_doing_something_is_no_event_to_date():
    text = "During the gala, Sunday evening, a number of singers made appearances.\n"
    fact = dated("a number of singers made appearances", "Sunday evening", "2021-03-07", text)
    made = draft(
        "when",
        "When did a number of singers make appearances?",
        "7 March 2021",
        ["6 March 2021", "5 March 2021"],
        source=fact,
    )
    assert q.unidentified_event(made, ctx_for(text)) == "answer: the event is not identifiable"


def test_a_verb_the_article_inflects_keeps_its_small_letter():
    article = "The actor Mark Ruffalo spoke. The show marked the event. Then Ruiz met Day."
    assert restore_names("When did the show mark it?", article) == "When did the show mark it?"
    assert restore_names("When did ruiz meet day?", article) == "When did Ruiz meet Day?"


def _dated_draft(clause, prompt, text):
    fact = dated(clause, "1970", "1970", text)
    return draft("when", prompt, "1970", ["1969", "1971"], source=fact, text=text)


def test_a_noun_taken_for_the_verb_makes_no_date_question():
    # The article's own slip ("overthrew of") makes the noun read as the verb.
    text = "In 1970 Haddad's overthrew of his uncle was a quiet affair.\n"
    garbled = _dated_draft(
        "Haddad's overthrew of his uncle was a quiet affair",
        "In what year did Haddad's overthrow of his uncle was a quiet affair?",
        text,
    )
    assert q.noun_taken_for_verb(garbled, ctx_for(text)).startswith("grammar: a noun taken")
    fine_text = "In 1970 the prince took control of the harbour that was closed.\n"
    fine = _dated_draft(
        "the prince took control of the harbour that was closed",
        "In what year did the prince take control of the harbour that was closed?",
        fine_text,
    )
    assert q.noun_taken_for_verb(fine, ctx_for(fine_text)) is None


def test_a_title_joined_to_a_persons_name_is_garbled():
    text = "The decree by the President of Freedonia Ana Ruiz, which was signed on Monday.\n"
    facts = Facts(people=[Person(name="Ana Ruiz", role="President of Freedonia")])
    ctx = generation_context(facts, article_text=text)
    garbled = draft(
        "when", "When was the President of Ana Ruiz signed?", "4 May 2020", ["5 May 2020"]
    )
    fine = draft("when", "When was the decree of the President of Freedonia signed?", "4 May 2020")
    assert q.office_of_a_person(garbled, ctx) == "grammar: a title joined to the wrong name"
    assert q.office_of_a_person(fine, ctx) is None


def test_this_time_is_no_time_a_question_can_keep():
    made = draft("when", "When did the council also criticise the plan, this time?", "4 May 2020")
    assert q.relative_time_left(made, ctx_for("x")) is not None


def test_a_name_the_article_misspells_once_is_not_copied():
    text = (
        "Harbour master Vargas opened the new pier.\n"
        "Vargas had promised the pier in 2015.\n"
        "Vagras was first elected in 2009.\n"
    )
    ctx = ctx_for(text)
    typo = draft("when", "In what year was Vagras first elected?", "2009", ["2008", "2010", "2011"])
    right = draft(
        "when", "In what year did Vargas promise the pier?", "2015", ["2014", "2016", "2013"]
    )
    assert q.misspelt_name(typo, ctx) == "grammar: “Vagras” is the article's typo for “Vargas”"
    assert q.misspelt_name(right, ctx) is None


def test_two_real_names_a_letter_apart_are_not_typos():
    text = "Iran and Iraq signed the deal.\nIran hosted the talks.\nMalia Ruiz met Malik Ruiz.\n"
    ctx = ctx_for(text)
    asked = draft(
        "when", "When did Iraq sign the deal?", "1 May 2021", ["2 May 2021", "3 May 2021"]
    )
    assert q.misspelt_name(asked, ctx) is None


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("In what year did he first win a seat?", False),
        ("When was she elected mayor?", False),
        ("True or false? He left the party in 2004.", False),
        ("In what year did Ana Ruiz first win a seat?", True),
        ("When did the council say it would vote?", True),
    ],
)
def test_a_question_about_a_pronoun_says_nobody(prompt, kept):
    question = draft("when", prompt, "2004", ["2003", "2005", "2006"])
    assert (q.question_about_a_pronoun(question, ctx_for("")) is None) is kept


def test_a_question_cut_inside_a_name_is_dropped():
    text = (
        "The party dropped its candidate after a rebuke from King Tamo Vela.\nKing Tamo Vela spoke."
    )
    cut = draft("when", "When did the party drop its candidate after a rebuke from King Tamo?", "x")
    whole = draft(
        "when", "When did the party drop its candidate after a rebuke from King Tamo Vela?", "x"
    )
    assert q.name_cut_at_the_end(cut, ctx_for(text)) == "grammar: the question stops inside a name"
    assert q.name_cut_at_the_end(whole, ctx_for(text)) is None


def test_a_true_false_quotation_cut_short_is_dropped():
    cut = draft(
        "true_false", "True or false? Ana Ruiz said: “The deal covers the north for the …”", "True"
    )
    whole = draft(
        "true_false", "True or false? Ana Ruiz said: “The deal covers the north.”", "True"
    )
    assert q.statement_cut_short(cut, ctx_for("")) == "grammar: the statement is cut short"
    assert q.statement_cut_short(whole, ctx_for("")) is None


def test_a_true_false_quote_credited_to_a_typo_is_dropped():
    text = 'Spokesman Omar Haleb said the talks went well.\n"We will return," Halib said.'
    facts = Facts(people=[Person(name="Omar Haleb")])
    said = quote("We will return", "Halib", source=text)
    statement = draft(
        "true_false", "True or false? Halib said: “We will return”", "True", source=said
    )
    assert q.name_typo_in_answer(statement, ctx_for(text, facts)) is not None


def test_a_speaker_card_whose_answer_is_the_articles_typo_is_dropped():
    text = (
        "Researcher Lina Haref led the dig. Haref said the lake was large.\n"
        "Haref suggested, in all likelihood, that water was near. Hamid Haref agreed.\n"
        "Later Harif said more work was needed."
    )
    typo = draft(
        "cloze",
        f"Fill in the blank: {BLANK} said more work was needed.",
        "Harif",
        target="person:harif",
    )
    right = draft(
        "cloze",
        f"Fill in the blank: {BLANK} said the lake was large.",
        "Haref",
        target="person:haref",
    )
    assert q.name_typo_in_answer(typo, ctx_for(text)) is not None
    assert q.name_typo_in_answer(right, ctx_for(text)) is None


def test_a_surname_one_letter_off_the_persons_full_name_is_a_typo():
    text = 'Spokesman Omar Haleb said the talks went well.\n"We will return," Halib said.'
    facts = Facts(people=[Person(name="Omar Haleb")])
    typo = draft(
        "cloze",
        f"Fill in the blank: “We will return,” {BLANK} said.",
        "Halib",
        target="person:halib",
    )
    assert q.name_typo_in_answer(typo, ctx_for(text, facts)) is not None


def test_a_true_false_statement_about_a_pronoun_is_dropped():
    statement = draft("true_false", "True or false? In 1984, he first joined the council.", "True")
    named = draft(
        "true_false", "True or false? In 1984, Ana Ruiz first joined the council.", "True"
    )
    assert q.question_about_a_pronoun(statement, ctx_for("")) is not None
    assert q.question_about_a_pronoun(named, ctx_for("")) is None


def test_a_question_ending_on_a_word_cut_from_its_clause_is_dropped():
    cut = draft(
        "when", "When did the county issue an evacuation order to some residents, effective?", "x"
    )
    assert q.name_cut_at_the_end(cut, ctx_for("")) == (
        "grammar: the question ends on a word cut from its clause"
    )


def test_an_unnamed_thing_doing_an_unnamed_thing_is_no_event():
    text = "An advisory issued on Sunday."
    fact = DatedFact(
        event=event("an advisory issued", "on Sunday", "2019-09-01", text, source=text),
        when=parse_iso("2019-09-01"),
    )
    question = draft("when", "When did an advisory issue?", "1 September 2019", source=fact)
    named = DatedFact(
        event=event(
            "the storm centre issued an advisory", "on Sunday", "2019-09-01", text, source=text
        ),
        when=parse_iso("2019-09-01"),
    )
    kept = draft("when", "When did the storm centre issue an advisory?", "x", source=named)
    assert q.unidentified_event(question, ctx_for(text)) == "answer: the event is not identifiable"
    assert q.unidentified_event(kept, ctx_for(text)) is None


def test_a_misspelt_nationality_written_once_is_the_articles_typo():
    text = "Peru is calm. The Peruvian army left. The Pesuvian army came back."
    card = draft("cloze", f"Fill in the blank: The Pesuvian army came back in {BLANK}.", "May")
    assert q.misspelt_name(card, ctx_for(text)) is not None


def test_of_for_to_after_trying_is_the_articles_slip():
    card = draft("cloze", f"Fill in the blank: She was trying of sell the boat in {BLANK}.", "May")
    assert q.misspelt_name(card, ctx_for("")) is not None
    kept = draft("cloze", f"Fill in the blank: She was tired of the boat by {BLANK}.", "May")
    assert q.misspelt_name(kept, ctx_for("")) is None


def test_a_when_question_copying_a_quotation_or_an_editors_bracket_is_dropped():
    quoting = draft(
        "when",
        "When did the mayor call on “traders, drivers and church leaders” to support?",
        "4 May 2020",
    )
    bracket = draft(
        "when", "When was the search stopped over the risk of [another] wall falling?", "4 May 2020"
    )
    plain = draft("when", "When did the mayor open the “Blue Bridge”?", "4 May 2020")
    assert q.copied_quotation_in_question(quoting, ctx_for("")) is not None
    assert q.copied_quotation_in_question(bracket, ctx_for("")) is not None
    assert q.copied_quotation_in_question(plain, ctx_for("")) is None


def test_a_card_keeps_the_articles_own_quotation_and_brackets():
    card = draft(
        "cloze",
        f"Fill in the blank: “[W]e stayed until dawn,” said the captain, {BLANK}.",
        "Ann Poe",
    )
    assert q.copied_quotation_in_question(card, ctx_for("")) is None


@pytest.mark.parametrize(
    ("prompt", "cut"),
    [
        ("When did the club sign more than?", True),
        ("True or false? In 2020, the town grew faster than.", True),
        ("When did the club sign as many as?", True),
        ("When did the club sign more than forty new players?", False),
        ("When did the ferry carry fewer passengers than the bus?", False),
    ],
)
def test_a_comparison_cut_short_is_garbled(prompt, cut):
    kind = "true_false" if prompt.startswith("True") else "when"
    asked = draft(kind, prompt, "True" if kind == "true_false" else "2020", ["2019", "2018"])
    problem = q.comparison_cut_short(asked, ctx_for("Some text.\n"))
    assert (problem is not None) is cut


def test_a_card_may_blank_what_follows_more_than():
    asked = draft("cloze", "Fill in the blank: The storm left more than _____ homes dark.", "900")
    assert q.comparison_cut_short(asked, ctx_for("Some text.\n")) is None


def test_a_state_dropped_after_a_town_leaves_no_dangling_comma():
    sentence = "On Friday, a court jailed a banker based in Eastfield, Ohio to prison for fraud.\n"
    garbled = draft(
        "when",
        "When did a court jail a banker based in Eastfield, to prison for fraud?",
        "7 May 2021",
        ["6 May 2021", "8 May 2021"],
        text=sentence,
    )
    assert q.place_dropped_after_comma(garbled, ctx_for(sentence)) is not None
    kept = draft(
        "when", "When did a court jail a banker based in Eastfield?", "7 May 2021", text=sentence
    )
    assert q.place_dropped_after_comma(kept, ctx_for(sentence)) is None


def test_where_written_for_were_is_not_copied():
    prompt = "Fill in the blank: In Ruritania, votes where held on _____, and counted the next day."
    assert q.where_for_were(draft("cloze", prompt, "May 2"), ctx_for(prompt)) is not None
    fine = "Fill in the blank: The hall where votes were held on _____ burned down."
    assert q.where_for_were(draft("cloze", fine, "May 2"), ctx_for(fine)) is None


def test_a_relative_month_left_in_a_when_prompt_is_caught():
    text = "On Monday the divers said the wreck they found last June was the lost ferry.\n"
    asked = draft(
        "when",
        "When did the divers say the wreck they found last June was the lost ferry?",
        "3 May 2021",
        ["4 May 2021", "5 May 2021"],
        text=text,
    )
    assert q.relative_time_left(asked, ctx_for(text)) is not None


def test_as_much_without_its_as_is_a_cut_comparison():
    text = "On Friday the council passed a budget with half as much money as the mayor asked.\n"
    cut = draft(
        "when",
        "When did the council pass a budget with half as much money?",
        "7 May 2021",
        ["8 May 2021", "9 May 2021"],
        text=text,
    )
    assert q.comparison_cut_short(cut, ctx_for(text)) is not None
    whole = draft(
        "when",
        "When did the council pass a budget with half as much money as the mayor asked?",
        "7 May 2021",
        ["8 May 2021", "9 May 2021"],
        text=text,
    )
    assert q.comparison_cut_short(whole, ctx_for(text)) is None


def test_a_pronoun_before_any_person_of_the_prompt_is_nobody():
    text = "The club blamed his absence on a knee injury in March.\n"
    asked = draft(
        "when",
        "When did the club blame his absence on a knee injury?",
        "March 2021",
        ["April 2021", "May 2021"],
        text=text,
    )
    assert q.pronoun_of_nobody_in_the_prompt(asked, ctx_for(text)) is not None
    kept = draft(
        "when",
        "When did the goalkeeper injure his knee?",
        "March 2021",
        ["April 2021", "May 2021"],
        text=text,
    )
    assert q.pronoun_of_nobody_in_the_prompt(kept, ctx_for(text)) is None


def test_a_common_word_the_article_misspelt_is_not_copied():
    text = "Ana Ruiz made her profesional debut in 2015 for the Tarrow club.\n"
    card = draft(
        "cloze",
        "Fill in the blank: Ana Ruiz made her profesional debut in _____ for the Tarrow club.",
        "2015",
        text=text,
    )
    problem = q.misspelt_word(card, ctx_for(text))
    assert problem is not None
    assert "professional" in problem


@pytest.mark.parametrize(
    ("prompt", "right"),
    [
        ("When was the letter posted by an anynomous reader?", "anonymous"),  # letters swapped
        ("Who said: “we do not recongnize the harbour board”?", "recognize"),  # in a quotation
    ],
)
def test_a_typo_with_letters_swapped_or_in_a_quotation_is_not_copied(prompt, right):
    card = draft("when", prompt, "3 May 2021", text=prompt)
    problem = q.misspelt_word(card, ctx_for(prompt + "\n"))
    assert problem is not None
    assert right in problem


@pytest.mark.parametrize(
    "sentence",
    [
        # British spellings, rare words and terms, Latin after a genus, a quotation.
        "The organisation said the colour of the harbour favoured the defence in _____.",
        "The quo warranto petition against the levy was filed in _____.",
        "Divers counted Porites cylindrica off Tarrow in _____.",
    ],
)
def test_british_spellings_rare_words_and_terms_are_no_typos(sentence):
    card = draft("cloze", f"Fill in the blank: {sentence}", "2015", text=sentence)
    assert q.misspelt_word(card, ctx_for(sentence + "\n")) is None


@pytest.mark.parametrize(
    "prompt",
    [
        f"Fill in the blank: Radio host {BLANK} called it “a farce”.",
        f"Fill in the blank: {BLANK}, head of the rowing club, described it as “overdue”.",
        f"Who said: “a farce”? (Context: Radio host {BLANK} called it “a farce”.)",
    ],
)
def test_a_blanked_speaker_calling_it_something_leaves_it_unnamed(prompt):
    asked = draft("cloze" if prompt.startswith("Fill") else "who_said", prompt, "Ana Ruiz")
    assert q.blank_named_it(asked, ctx_for(prompt)) is not None


@pytest.mark.parametrize(
    "prompt",
    [
        f"Fill in the blank: Radio host {BLANK} called the new bridge “a farce”.",
        f"Fill in the blank: {BLANK} reviewed the budget and called it “a farce”.",
        "Who said: “a farce”?",
    ],
)
def test_a_card_that_names_what_was_called_something_stays(prompt):
    asked = draft("cloze" if prompt.startswith("Fill") else "who_said", prompt, "Ana Ruiz")
    assert q.blank_named_it(asked, ctx_for(prompt)) is None


def test_a_participle_of_the_subjects_phrase_made_a_base_form_is_garbled():
    sentence = "In May, a survey conducted by Ana Ruiz found signs of drought in the valley."
    fact = dated(
        "a survey conducted by Ana Ruiz found signs of drought", "In May", "2021-05", sentence
    )
    asked = draft(
        "when",
        "When did a survey conduct by Ana Ruiz found signs of drought?",
        "May 2021",
        ["April 2021", "June 2021"],
        text=sentence,
        source=fact,
    )
    assert q.participle_made_a_base_form(asked, ctx_for(sentence)) is not None
    asked.prompt = "When was a survey conducted by Ana Ruiz?"
    assert q.participle_made_a_base_form(asked, ctx_for(sentence)) is None


def test_a_statement_cut_after_a_name_that_qualifies_a_noun_is_garbled():
    text = (
        "In June, Ana Ruiz trailed Tom Vale in the PollTrack head-to-head average, 51 to 44.\n"
        "In May, she led in the PollTrack average, 48 to 45.\n"
    )
    cut = draft(
        "true_false",
        "True or false? In June 2021, Ana Ruiz trailed Tom Vale in the PollTrack.",
        "True",
    )
    assert q.name_left_without_its_noun(cut, ctx_for(text)) is not None
    text = "The bill passed in the Senate on Tuesday. The Senate votes again in May.\n"
    whole = draft(
        "true_false", "True or false? In May 2021, the bill passed in the Senate.", "True"
    )
    assert q.name_left_without_its_noun(whole, ctx_for(text)) is None


def test_a_figure_mistyped_on_the_page_is_not_copied():
    ctx = ctx_for("")
    typo = draft(
        "cloze", f"Fill in the blank: The town of 40,0000 people lost {BLANK} homes.", "30"
    )
    assert q.stray_spacing(typo, ctx) == "grammar: a figure mistyped on the page"
    good = draft("cloze", f"Fill in the blank: The town of 40,000 people lost {BLANK} homes.", "30")
    assert q.stray_spacing(good, ctx) is None


def test_an_interviews_turn_label_is_shown_nowhere():
    from quizzes.generation.quality.grammar import turn_label_shown

    text = "((AR)) : We rebuilt the harbour ourselves."
    labelled = draft(
        "who_said",
        "Who said: “We rebuilt the harbour ourselves”?",
        "((AR))",
        ["Tomas Vela", "Lina Kos"],
        text=text,
    )
    assert turn_label_shown(labelled, ctx_for(text)) == "grammar: an interview's turn label shown"
    named = draft(
        "who_said",
        "Who said: “We rebuilt the harbour ourselves”?",
        "Ana Ruiz",
        ["Tomas Vela", "Lina Kos"],
        text=text,
    )
    assert turn_label_shown(named, ctx_for(text)) is None


def test_a_timeline_item_copying_the_articles_typo_of_a_name_is_dropped():
    text = (
        "Harbour master Vargas opened the new pier.\n"
        "Vargas had promised the pier in 2015.\n"
        "Vagras was first elected in 2009.\n"
    )
    prompt = "Put these events from the article in order, earliest first."
    items = ["Vagras was first elected", "Vargas promised the pier", "Vargas opened the pier"]
    typo = draft("ordering", prompt, items[0], items[1:])
    assert q.misspelt_name(typo, ctx_for(text)) == (
        "grammar: “Vagras” is the article's typo for “Vargas”"
    )
    right = draft("ordering", prompt, items[1], items[2:])
    assert q.misspelt_name(right, ctx_for(text)) is None


def test_a_body_that_speaks_is_no_owner_for_his_in_a_when_prompt():
    text = (
        "President Tom Vale of Freedonia died on Monday.\n"
        "The government of Freedonia said “we mourn a great leader” on Tuesday.\n"
    )
    facts = Facts(quotes=[quote("we mourn a great leader", "government of Freedonia", source=text)])
    asked = draft(
        "when",
        "When did the government of Freedonia announce his death?",
        "9 June 2020",
        ["8 June 2020", "10 June 2020"],
        text=text,
    )
    assert "government of Freedonia" in ctx_for(text, facts).speakers
    assert q.pronoun_of_nobody_in_the_prompt(asked, ctx_for(text, facts)) is not None
    named = draft(
        "when",
        "When did the government of Freedonia announce Tom Vale's death?",
        "9 June 2020",
        ["8 June 2020", "10 June 2020"],
        text=text,
    )
    assert q.pronoun_of_nobody_in_the_prompt(named, ctx_for(text, facts)) is None
