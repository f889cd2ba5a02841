from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generate_questions
from quizzes.generation.who_said import a_stock_phrase

from .facts_for_tests import SAMPLE_TEXT, quote, sample_facts

TEXT = (
    "“We will build new roads,” said Jane Doe, the mayor.\n"
    "“Nobody asked us,” said John Roe.\n"
    "Ann Poe called the plan “a disaster”.\n"
    "Max Moe said: “Roads bring trade and more trade.”\n"
)


def who_said(facts, text=TEXT, **kwargs):
    return [
        d for d in generate_questions(facts, article_text=text, **kwargs) if d.kind == "who_said"
    ]


def small_facts():
    return Facts(
        quotes=[
            quote("We will build new roads", "Jane Doe", source=TEXT),
            quote("Nobody asked us", "John Roe", source=TEXT),
            quote("a disaster", "Ann Poe", source=TEXT),
            quote("Roads bring trade and more trade.", "Max Moe", source=TEXT),
        ]
    )


def test_prompt_quotes_the_words_and_options_are_the_other_speakers():
    draft = who_said(small_facts())[0]
    assert draft.prompt == "Who said: “We will build new roads”?"
    assert draft.answer == "Jane Doe"
    assert sorted(draft.choice_texts) == ["Ann Poe", "Jane Doe", "John Roe", "Max Moe"]


def test_short_quote_gets_its_sentence_with_the_speaker_blanked():
    draft = next(d for d in who_said(small_facts()) if "disaster" in d.prompt)
    assert draft.prompt == "Who said: “a disaster”? (Context: _____ called the plan “a disaster”.)"
    assert "Poe" not in draft.prompt


def test_unattributed_quotes_make_no_who_said_question():
    facts = sample_facts()
    prompts = [d.prompt for d in who_said(facts, SAMPLE_TEXT)]
    assert not any("imagine ourselves" in p for p in prompts)


def test_pull_quote_heading_and_the_quote_it_repeats_make_one_question():
    prompts = [d.prompt for d in who_said(sample_facts(), SAMPLE_TEXT)]
    assert sum("shift from Russia to China" in p for p in prompts) == 1


def test_quote_naming_its_own_speaker_is_dropped():
    text = "“Doe is right,” said Jane Doe.\n“No,” said John Roe.\n“Yes,” said Ann Poe.\n"
    facts = Facts(
        quotes=[
            quote("Doe is right", "Jane Doe", source=text),
            quote("No", "John Roe", source=text),
            quote("Yes", "Ann Poe", source=text),
        ]
    )
    assert all(d.answer != "Jane Doe" for d in who_said(facts, text))


TWO_SPEAKERS = "“Roads first,” said Jane Doe.\n“Bridges first,” said John Roe.\n"


def two_speaker_facts():
    return Facts(
        quotes=[
            quote("Roads first", "Jane Doe", source=TWO_SPEAKERS),
            quote("Bridges first", "John Roe", source=TWO_SPEAKERS),
        ]
    )


def test_too_few_people_for_options_drops_the_question():
    assert who_said(two_speaker_facts(), TWO_SPEAKERS) == []


def test_people_from_other_banks_are_no_options():
    # A student who read the article rules out a name it never writes: two wrong
    # speakers from the article or no multiple choice (the speaker card asks it).
    drafts = who_said(two_speaker_facts(), TWO_SPEAKERS, other_people=["Ann Poe", "Max Moe"])
    assert drafts == []


PLACES_TEXT = (
    "“The river rose overnight,” said Jane Doe.\n"
    "“We moved the sheep uphill,” said John Roe.\n"
    "Floods also reached a fair in Oakridge Mills and the town of Brookfield Hollow, Nevada, "
    "where the Grand Pavilion was closed.\n"
    "Ann Poe, the county engineer, inspected the dam, and Poe said it held.\n"
    "Max Moe also came; Moe brought pumps.\n"
)


def places_facts(*people):
    return Facts(
        quotes=[
            quote("The river rose overnight", "Jane Doe", source=PLACES_TEXT),
            quote("We moved the sheep uphill", "John Roe", source=PLACES_TEXT),
        ],
        people=[Person(name=n) for n in people],
    )


def test_places_and_buildings_taken_for_people_are_no_speaker_options():
    # The extractor took a town, a town placed in its state and a building for people;
    # only the people (a role, or called by surname alone) fill the options.
    facts = places_facts(
        "Oakridge Mills", "Brookfield Hollow", "Grand Pavilion", "Ann Poe", "Max Moe"
    )
    drafts = who_said(facts, PLACES_TEXT)
    assert len(drafts) == 2
    for draft in drafts:
        assert sorted(draft.choice_texts) == sorted({"Jane Doe", "John Roe", "Ann Poe", "Max Moe"})


def test_without_enough_people_the_question_is_dropped_not_filled_with_places():
    facts = places_facts("Oakridge Mills", "Brookfield Hollow", "Grand Pavilion")
    assert who_said(facts, PLACES_TEXT) == []


def test_a_false_statement_never_credits_a_place_or_a_building():
    from quizzes.generation import generation_context, true_false

    said = [
        "The river rose overnight",
        "The dam held through the storm",
        "Our pumps ran until morning",
        "The school reopens on Monday",
        "Every family is safe tonight",
        "The bridge needs a full check",
    ]
    text = PLACES_TEXT + "".join(f"“{words},” said Jane Doe.\n" for words in said)
    facts = Facts(
        quotes=[quote(words, "Jane Doe", source=text) for words in said],
        people=[Person(name=n) for n in ("Oakridge Mills", "Brookfield Hollow", "Grand Pavilion")],
    )
    statements = true_false.build(generation_context(facts, article_text=text))
    assert statements
    # The only other "people" are places and a building: no wrong speaker, no false one.
    assert all(d.answer == "True" and "Jane Doe said" in d.prompt for d in statements)


def test_a_context_that_says_he_offers_no_woman_as_the_speaker():
    text = (
        "Otto Brand, a radio host, was taken off the air after he called the rival team "
        "“sad clowns”.\n"
        "“We will win the cup,” said Ana Ruiz, the coach.\n"
        "“The stadium is full,” said Piet Bos.\n"
        "“It rained all day,” said Ed Varga.\n"
        "“Tickets sold out,” said Lena Holm.\n"
    )
    genders = {"Otto Brand": "m", "Ana Ruiz": "f", "Piet Bos": "m", "Ed Varga": "m"}
    genders["Lena Holm"] = "f"
    said = {
        "sad clowns": "Otto Brand",
        "We will win the cup": "Ana Ruiz",
        "The stadium is full": "Piet Bos",
        "It rained all day": "Ed Varga",
        "Tickets sold out": "Lena Holm",
    }
    facts = Facts(
        people=[Person(name=n, gender=g) for n, g in genders.items()],
        quotes=[quote(words, speaker, source=text) for words, speaker in said.items()],
    )
    drafts = who_said(facts, text)
    clowns = next(d for d in drafts if "sad clowns" in d.prompt)
    assert "after he called" in clowns.prompt
    assert sorted(clowns.choice_texts) == ["Ed Varga", "Otto Brand", "Piet Bos"]
    # a context without a pronoun keeps women among the options
    stadium = next(d for d in drafts if "stadium" in d.prompt)
    assert "Ana Ruiz" in stadium.choice_texts or "Lena Holm" in stadium.choice_texts


def test_a_stock_phrase_shown_alone_is_no_who_said_question():
    """Words with nothing that points to a speaker ("it wasn't a good fit", a question put
    back to the listener) are no who-said question; one word of matter in the speaker's
    own voice, or a short quotation shown with its sentence, still is."""
    text = (
        "“It was not a good fit,” said Jane Doe.\n"
        "“What do you mean by that? What is it you want to stop?” asked John Roe.\n"
        "“They betrayed us,” said Ann Poe.\n"
        "Max Moe said: “Roads bring trade and more trade.”\n"
        "Lee Koe called the plan “a disaster”.\n"
    )
    facts = Facts(
        quotes=[
            quote("It was not a good fit", "Jane Doe", source=text),
            quote(
                "What do you mean by that? What is it you want to stop?", "John Roe", source=text
            ),
            quote("They betrayed us", "Ann Poe", source=text),
            quote("Roads bring trade and more trade.", "Max Moe", source=text),
            quote("a disaster", "Lee Koe", source=text),
        ]
    )
    answers = {d.answer for d in who_said(facts, text=text)}
    assert answers == {"Ann Poe", "Max Moe", "Lee Koe"}


def test_a_question_back_to_the_listener_is_a_stock_phrase():
    """Asking what the listener means says nothing of who asks; a question that asks
    something of them ("will you stop the trucks") has its own matter."""
    assert a_stock_phrase("What are you saying about the new harbour tax? Is that fair to you?")
    assert not a_stock_phrase("Will you stop the trucks, sir?")
    assert not a_stock_phrase("The harbour tax is unfair to every fisherman.")
