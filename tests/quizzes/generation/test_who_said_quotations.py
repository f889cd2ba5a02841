"""Who-said questions, quotations and speakers (quizzes/generation/quality/who_said.py and
who_said.py), on invented sentences: a quotation is speech (not a single word, a scare-quoted
term, a list, reported words, fragments glued with an ellipsis, words quoted as the object of a
noun that names wording, a quotation beginning with its verb without its subject), the title
or a cue in the quotation does not give the speaker away, and the wrong speakers are people
of the article who could have said it: no street, court, paper, agency, law, place or nation,
no one the article says is dead speaking present words, no killer or killed, no second name
of the answer; a person of a body who speaks or a defeated candidate reads as a person."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.extraction.facts import Facts, Person, Quote
from quizzes.generation import (
    generate_questions,
    generation_context,
    review_questions,
    who_said,
)
from quizzes.generation import quality as q
from quizzes.generation.cloze import shortened_quotation
from quizzes.generation.context import without_title
from quizzes.generation.distractors import is_place, person_distractors
from quizzes.generation.text import BLANK
from quizzes.generation.who_said import (
    accused_in_article,
    background_only,
    dead_in_article,
    imperative_taken_for_a_name,
    is_document,
    joins_places,
    killer_in_article,
    names_a_place,
    names_a_thing,
    part_in_a_work,
    person_cue,
    same_person_named,
    shown,
    speaker_options,
)

from .facts_for_tests import (
    HARBOUR_SPEECH,
    cloze_card,
    ctx_for,
    draft,
    kinds,
    quote,
    who_said_draft,
)


@pytest.mark.parametrize(
    ("sentence", "words", "wording"),
    [
        (
            "The board wants to add the question, “Do you own a boat?”, to the form.",
            "Do you own a boat?",
            True,
        ),
        (
            "Marchers carried the slogan “bread for every table” through Tarrow.",
            "bread for every table",
            True,
        ),
        (
            "The mayor said “we will rebuild every bridge” on Monday.",
            "we will rebuild every bridge",
            False,
        ),
        ("The mayor asked, “Do you own a boat?”", "Do you own a boat?", False),
        # a name given to someone (round 47): "referred to … as “…”", "dubbed … “…”"
        (
            "The host was fired after he referred to the rowing club as “lazy river rats.”",
            "lazy river rats.",
            True,
        ),
        ("Critics dubbed the new harbour wall “the grey ribbon”.", "the grey ribbon", True),
        (
            "The host referred to the rowing club as “a team that will win every cup this year”.",
            "a team that will win every cup this year",
            False,
        ),
    ],
)
def test_words_a_noun_names_are_not_speech(sentence, words, wording):
    text = f"{sentence}\n"
    made = draft(
        "who_said",
        f"Who said: “{words}”?",
        "Ana Ruiz",
        ["Ivo Brand", "Piet Dane"],
        source=quote(words, "Ana Ruiz", source=text),
    )
    assert bool(q.quote_is_a_label(made, ctx_for(text))) is wording


@pytest.mark.parametrize(
    ("prompt", "cut"),
    [
        ("Who said: “was a kind and patient teacher”?", True),
        ("Who said: “has never missed a single match”?", True),
        ("Who said: “She was a kind and patient teacher”?", False),
        ("Who said: “wasteful spending must stop”?", False),
    ],
)
def test_a_quotation_that_begins_with_its_verb_needs_its_subject(prompt, cut):
    asked = draft("who_said", prompt, "Ana Ruiz", ["Ivo Brand", "Piet Dane"])
    assert bool(q.quote_without_its_subject(asked, ctx_for(prompt))) is cut


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ivo Brand of the city's water board said the dam may hold.", True),
        ("The party must find a new leader after Lena Vorst was defeated in Tarrow.", True),
        ("Ivo Brand Hall of the old town was opened in May.", False),
    ],
)
def test_a_person_of_a_body_or_a_defeated_candidate_reads_as_a_person(text, person):
    name = "Lena Vorst" if "Vorst" in text else "Ivo Brand"
    assert person_cue(name, text) is person


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Rosa Luxemburg Avenue", "Both fires broke out on Rosa Luxemburg Avenue."),
        ("Evening Herald", "The Evening Herald, citing local police, reported two deaths."),
        ("Kelet Hirek", "The weekly newspaper Kelet Hirek revealed the deal on Monday."),
        ("Hohes Gericht", "The ruling answers the Hohes Gericht on the point of law."),
        ("Alder Market", "Stalls at the Old Alder Market reopened on Friday."),
    ],
)
def test_streets_papers_and_courts_are_no_wrong_speakers(name, text):
    assert names_a_thing(name, text)
    assert not names_a_thing("Ana Ruiz", "Mayor Ana Ruiz said the road would reopen.")


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("The rescue boat, formerly named Karl Brandt, docked in Tarrow.", True),
        ("The vessel's former name, Karl Brandt, is still on its hull.", True),
        ("The tanker Sea Lark (formerly Karl Brandt) docked in Tarrow.", True),
        ("The hall was renamed Karl Brandt in 2010.", True),
        ("It was once the research vessel Professor Karl Brandt.", True),
        ("Karl Brandt, the boat's old name, is still painted on its bow.", True),
        ("Formerly Karl Brandt, the yacht now carries the name Sea Lark.", True),
        ("The boat, which was previously called Professor Karl Brandt, left Tarrow.", True),
        ("The charity bought the ferry Sea Lark, the former Karl Brandt, in 2018.", True),
        ("Their boat, MV Sea Lark, was previously MV Professor Karl Brandt.", True),
        ("The crew of HMS Karl Brandt came ashore.", True),
        ("Ms Karl Brandt said the ferry was late.", False),
        ("The ferry's owner, former mayor Karl Brandt, spoke on Monday.", False),
        ("The ship was named after Karl Brandt, who founded the charity.", False),
        ("A boy named Karl Brandt was rescued by the ship.", False),
    ],
)
def test_a_name_given_to_a_ship_or_a_building_is_no_person(text, thing):
    assert names_a_thing("Karl Brandt", text) is thing


def test_places_joined_by_and_are_no_organisation():
    assert joins_places("Crete and Cyprus")
    assert not joins_places("Centers for Disease Control and Prevention")


def test_a_who_said_question_takes_no_street_among_its_people():
    text = (
        'Minister Ana Ruiz said "the rescue will go on through the night".\n'
        'Deputy Omar Haddad said "we have found eleven survivors so far".\n'
        'Governor Ines Varga said "the city owes the rescuers a great debt".\n'
        "The blast hit a block on Rosa Luxemburg Avenue before dawn.\n"
    )
    facts = Facts(
        quotes=[
            quote("the rescue will go on through the night", "Ana Ruiz", source=text),
            quote("we have found eleven survivors so far", "Omar Haddad", source=text),
            quote("the city owes the rescuers a great debt", "Ines Varga", source=text),
        ],
        people=[
            Person(name=n)
            for n in ("Ana Ruiz", "Omar Haddad", "Ines Varga", "Rosa Luxemburg Avenue")
        ],
    )
    asked = kinds(generate_questions(facts, article_text=text), "who_said")
    assert asked
    assert all("Rosa Luxemburg Avenue" not in d.choice_texts for d in asked)


def test_a_statement_of_who_said_needs_the_credit_in_its_own_sentence():
    text = (
        "Mayor Ana Ruiz spoke first at the harbour.\n"
        '"The harbour will reopen in spring for every boat."\n'
        '"We are proud of the rescue teams," Omar Haddad said.\n'
    )
    carried = quote("The harbour will reopen in spring for every boat.", "Ana Ruiz", source=text)
    named = quote("We are proud of the rescue teams,", "Omar Haddad", source=text)
    facts = Facts(
        quotes=[carried, named], people=[Person(name="Ana Ruiz"), Person(name="Omar Haddad")]
    )
    from quizzes.generation import true_false

    statements = true_false.build(generation_context(facts, article_text=text))
    assert all("The harbour will reopen" not in d.prompt for d in statements)


def test_a_quotation_is_shown_without_its_leading_ellipsis_or_and():
    from quizzes.generation.who_said import shown

    assert shown("[...] I always knew this day would come") == "I always knew this day would come"
    assert shown("and there is hope, but it is hard") == "there is hope, but it is hard"
    assert shown("Andrea will run again") == "Andrea will run again"


def test_a_single_quoted_word_is_no_who_said_question():
    text = 'Harbour master Omar Haddad called the storm "brutal" on Monday.\n'
    word = quote("brutal", "Omar Haddad", source=text)
    made = draft(
        "who_said",
        f'Who said: “brutal”? (Context: Harbour master {BLANK} called the storm "brutal".)',
        "Omar Haddad",
        ["Ana Ruiz", "Ines Varga"],
        source=word,
    )
    assert q.one_word_quote(made, ctx_for(text)) == "answer: a single quoted word is no statement"
    two = quote("brutal storm", "Omar Haddad", source=text.replace('"brutal"', '"brutal storm"'))
    made = draft("who_said", "Who said: “brutal storm”?", "Omar Haddad", source=two)
    assert q.one_word_quote(made, ctx_for(text)) is None


def test_a_quotation_the_title_says_with_its_speaker_gives_itself_away():
    text = (
        "Mayor Ruiz to close the old ferry pier within ten days\n"
        'Ana Ruiz said: "Within ten days the old ferry pier will close for good."\n'
    )
    said = quote("Within ten days the old ferry pier will close for good.", "Ana Ruiz", source=text)
    made = draft(
        "who_said",
        "Who said: “Within ten days the old ferry pier will close for good”?",
        "Ana Ruiz",
        ["Omar Haddad", "Ines Varga"],
        source=said,
    )
    assert q.quote_echoes_title(made, ctx_for(text)).startswith("give-away")
    untitled = ctx_for("Storm hits the coast\n" + text.split("\n", 1)[1])
    assert q.quote_echoes_title(made, untitled) is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The silver went to Ines Varga of Peru with a time of 50.1 seconds.", True),
        ("The old route was first flown by pilot Ines Varga in 1931.", True),
        ("The record belongs to Ines Varga, who set it in 1992.", True),
        ("Speaking after the vote, Dr. Ines Varga welcomed the result.", True),
        ("Tourists queued outside Varga Hall before the concert.", False),
        ("The record belongs to Ines Varga since 1992.", False),
    ],
)
def test_a_full_name_written_the_way_people_are_is_a_person(text, person):
    name = "Varga Hall" if "Hall" in text else "Ines Varga"
    assert person_cue(name, text) is person


def test_a_person_named_once_is_a_wrong_speaker():
    text = (
        'Omar Haddad won the race. "It was hard," Haddad said. "I am tired," Ana Ruiz said.\n'
        "Second place went to Ines Varga of Peru, ahead of Tolvo Arena's own runner.\n"
    )
    said = quote("It was hard,", "Omar Haddad", source=text)
    facts = Facts(
        quotes=[said],
        people=[Person(name="Omar Haddad"), Person(name="Ana Ruiz"), Person(name="Ines Varga")],
    )
    ctx = generation_context(facts, article_text=text)
    assert "Ines Varga" in speaker_options("Omar Haddad", said.text, ctx, seed=1)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Represenative Jo Bell", "Jo Bell"),  # one letter dropped
        ("Senatorr Jo Bell", "Jo Bell"),  # one letter doubled
        ("Minority Whip Jo Bell", "Jo Bell"),
        ("MP Jo Bell", "Jo Bell"),  # blind judge, batch 29: the only option with a title
        ("Assemblywoman Jo Bell", "Jo Bell"),
        ("Justine Mara Bell", "Justine Mara Bell"),  # a first name close to "justice"
        ("Jo Bell", "Jo Bell"),
    ],
)
def test_a_title_and_its_typo_are_left_out_of_a_name(name, shown):
    assert without_title(name) == shown


def test_who_said_options_show_no_misspelt_title():
    text = (
        "Bridge repairs stall\n"
        'Mayor Ana Ruiz said the bridge would reopen. "We will not wait," Ruiz said.\n'
        'Committee chair Represenative Tom Vale disagreed. "The money is not there," Vale said.\n'
        'Council member Lia Ortz agreed with him. "It is a mistake," Ortz said.\n'
        "Engineer Bo Kerr, who inspected the bridge, was not asked.\n"
    )
    people = ["Ana Ruiz", "Represenative Tom Vale", "Lia Ortz", "Bo Kerr"]
    facts = Facts(
        people=[Person(name=name, gender="f" if name[0] in "AL" else "m") for name in people],
        quotes=[
            quote("We will not wait", "Ruiz", source=text),
            quote("The money is not there", "Vale", source=text),
            quote("It is a mistake", "Ortz", source=text),
        ],
    )
    ctx = ctx_for(text, facts)
    assert "Tom Vale" in ctx.people
    drafts = who_said.build(ctx)
    assert drafts
    options = [option for d in drafts for option, _, _ in d.choices]
    assert "Tom Vale" in options
    assert not any("Represenative" in option for option in options)


def test_a_headline_word_glued_to_a_name_is_left_out():
    text = "Guitarist Tom Vela Cruz dies\nThe guitarist will be missed, said Will Ana Vela."
    facts = Facts(people=[Person(name="Guitarist Tom Vela Cruz"), Person(name="Will Ana Vela")])
    # "will" is a word too, but "Will Ana Vela" is written inside a sentence: a name
    assert ctx_for(text, facts).people == ["Tom Vela Cruz", "Will Ana Vela"]


def test_a_statement_on_the_only_speaker_can_only_be_true():
    only = 'Ruiz said the vote was fair. "We won," Ruiz said.\n'
    said = quote("We won", "Ana Ruiz", source=only)
    statement = draft("true_false", "True or false? Ana Ruiz said: “We won”", "True", source=said)
    facts = Facts(quotes=[said])
    assert q.statement_of_the_only_speaker(statement, ctx_for(only, facts)) is not None
    two = Facts(quotes=[said, quote("the vote was fair", "Tom Vale", source=only)])
    assert q.statement_of_the_only_speaker(statement, ctx_for(only, two)) is None


def test_reported_words_about_the_speaker_are_no_quotation():
    reported = who_said_draft(
        "that she would not move away from the town", "Ana Ruiz", ["Tom Vale"]
    )
    assert q.reported_speech_as_quote(reported, ctx_for(HARBOUR_SPEECH)) is not None
    own = who_said_draft("the bridge is safe", "Tom Vale", ["Ana Ruiz"])
    assert q.reported_speech_as_quote(own, ctx_for(HARBOUR_SPEECH)) is None


def test_a_quotation_telling_the_speakers_gender_needs_an_option_of_that_gender():
    people = Facts(
        people=[
            Person(name="Ana Ruiz", gender="f"),
            Person(name="Tom Vale", gender="m"),
            Person(name="Lia Ortz", gender="f"),
        ]
    )
    ctx = ctx_for(HARBOUR_SPEECH, people)
    among_men = who_said_draft("As women we must lift each other up", "Ana Ruiz", ["Tom Vale"])
    assert q.gender_cue_in_quote(among_men, ctx) is not None
    fair = who_said_draft(
        "As women we must lift each other up", "Ana Ruiz", ["Tom Vale", "Lia Ortz"]
    )
    assert q.gender_cue_in_quote(fair, ctx) is None
    said = quote("As women we must lift each other up", "Ana Ruiz", source=HARBOUR_SPEECH)
    swapped = draft(
        "true_false",
        "True or false? Tom Vale said: “As women we must lift each other up”",
        "False",
        source=said,
    )
    assert q.gender_cue_in_quote(swapped, ctx) is not None


AGENCY_TEXT = (
    "Speaking to Velmar-Presse, harbour master Jane Doe said, “The quay will reopen soon.”\n"
    "Councillor John Roe said, “Nobody asked the fishermen.”\n"
    "Ann Poe, a trader, said, “Prices went up twice this month.”\n"
)


def _who_said_questions(facts, text):
    return [d for d in generate_questions(facts, article_text=text) if d.kind == "who_said"]


def test_a_news_agency_the_article_only_names_is_no_speaker_option():
    facts = Facts(
        quotes=[
            quote("The quay will reopen soon.", "Jane Doe", source=AGENCY_TEXT),
            quote("Nobody asked the fishermen.", "John Roe", source=AGENCY_TEXT),
            quote("Prices went up twice this month.", "Ann Poe", source=AGENCY_TEXT),
        ],
        people=[Person(name="Velmar-Presse")],
    )
    drafts = _who_said_questions(facts, AGENCY_TEXT)
    assert drafts
    for asked in drafts:
        assert "Velmar-Presse" not in asked.choice_texts


@pytest.mark.parametrize(
    "name",
    [
        "Ostland Press",
        "Velmar-Presse",
        "Daily Harbour News",
        "Nordic Wire Agency",
        # trade and local outlets (blind judge: an outlet among people gives itself away)
        "Harbour Bulletin",
        "Velmar Weekly",
        "Ashby Courier",
        "Tarrow Review",
    ],
)
def test_an_agency_or_outlets_name_is_a_thing_not_a_person(name):
    assert names_a_thing(name, f"It was first reported by {name}.")


def test_a_persons_name_is_no_outlet():
    assert not names_a_thing("Ana Ruiz", "Ana Ruiz said the talks went well.")


@pytest.mark.parametrize(
    "text",
    [
        "The talks began a year after the assassination of the general Omar Haddad in May.",
        "Omar Haddad was killed in a raid in 2019.",
        "Memorial flags flew for the late Omar Haddad.",
        "Omar Haddad, who died last spring, had led the unit.",
        "Omar Haddad's death changed the talks.",
        "The talks began after the raid that killed Freedonian general, Omar Haddad.",
        # a title between "the late" and the name (blind judge, batch 46)
        "The party once nominated the late Wessex Governor Omar Haddad for president.",
        # an obituary's headline, in the present tense
        "Veteran broadcaster Omar Haddad dies at 88\nHe had hosted the show since 1975.",
        "Omar Haddad, former mayor of Ashby, dies aged 71",
    ],
)
def test_a_person_the_article_says_is_dead_speaks_no_present_words(text):
    assert dead_in_article("Omar Haddad", text)


def test_a_person_who_killed_someone_is_alive():
    text = "Omar Haddad killed the engine and said the ship was safe."
    assert not dead_in_article("Omar Haddad", text)


DEAD_TEXT = (
    "Envoy Jane Doe said, “The sanctions are a political stunt.”\n"
    "The prosecutor, John Roe, said, “We will pursue every case.”\n"
    "The cases concern the killing of the general Omar Haddad in March.\n"
    "Ann Poe, the mayor, said, “The city is calm.”\n"
)


def test_a_dead_person_is_replaced_by_the_articles_speakers():
    facts = Facts(
        quotes=[
            quote("The sanctions are a political stunt.", "Jane Doe", source=DEAD_TEXT),
            quote("We will pursue every case.", "John Roe", source=DEAD_TEXT),
            quote("The city is calm.", "Ann Poe", source=DEAD_TEXT),
        ],
        people=[Person(name="Omar Haddad")],
    )
    drafts = _who_said_questions(facts, DEAD_TEXT)
    asked = next(d for d in drafts if d.answer == "Jane Doe")
    assert "Omar Haddad" not in asked.choice_texts
    assert {"John Roe", "Ann Poe"} <= set(asked.choice_texts)


@pytest.mark.parametrize("name", ["Harbour Act No", "Decree No. 7", "Constitution of Velmar"])
def test_a_law_or_a_decree_is_no_speaker(name):
    assert is_document(name)


@pytest.mark.parametrize("name", ["Bill Ruiz", "Law Chi-wai", "Ana Charter"])
def test_people_named_like_documents_are_speakers(name):
    assert not is_document(name)


LIST_TEXT = (
    "The minister called on “farm unions, church groups, and village elders, "
    "town mayors and youth leaders” to help.\n"
    "The minister said “we will open every clinic, school and hall”.\n"
)


def _said(words, text=LIST_TEXT):
    return draft(
        "who_said",
        f"Who said: “{words}”?",
        "Ana Ruiz",
        source=quote(words, "Ana Ruiz", source=text),
    )


def test_a_list_of_groups_in_quotation_marks_is_no_statement():
    asked = _said("farm unions, church groups, and village elders, town mayors and youth leaders")
    assert q.quote_is_a_list(asked, ctx_for(LIST_TEXT)) is not None


def test_a_statement_listing_things_is_kept():
    asked = _said("we will open every clinic, school and hall")
    assert q.quote_is_a_list(asked, ctx_for(LIST_TEXT)) is None


TERM_TEXT = "The harbour master Jane Doe said she had ordered “full readiness” from the guards.\n"


def test_a_two_word_term_in_quotation_marks_is_no_statement_even_with_its_sentence():
    said = quote("full readiness", "Jane Doe", source=TERM_TEXT)
    asked = draft(
        "who_said",
        f"Who said: “full readiness”? (Context: The harbour master {BLANK} said she had"
        " ordered “full readiness” from the guards.)",
        "Jane Doe",
        ["John Roe", "Ann Poe"],
        source=said,
    )
    assert q.scare_quoted_term(asked, ctx_for(TERM_TEXT)) is not None


def test_a_three_word_phrase_with_its_sentence_is_still_asked():
    text = "Jane Doe said the guards showed “courage under fire” that night.\n"
    said = quote("courage under fire", "Jane Doe", source=text)
    asked = draft("who_said", "Who said: “courage under fire”?", "Jane Doe", source=said)
    assert q.scare_quoted_term(asked, ctx_for(text)) is None


def test_the_editors_bracketed_full_stop_is_read_as_a_plain_one():
    assert shown("we kept the lights on all winter[.]") == "we kept the lights on all winter."
    assert shown("first [.] then the rest") == "first . then the rest"
    assert shown("we [the council] agreed") == "we [the council] agreed"


@pytest.mark.parametrize(
    "text",
    [
        "A collision which killed cyclist Omar Haddad closed the road.",
        "The final victim, teacher Omar Haddad, was reported missing after the murders.",
        "Omar Haddad passed away at home.",
        "Her son, Omar Haddad, predeceased her in 2004.",
        "Omar Haddad, who was also killed in the blast, had driven the car.",
    ],
)
def test_more_ways_an_article_says_a_person_is_dead(text):
    assert dead_in_article("Omar Haddad", text)


def test_a_victim_of_fraud_is_not_dead():
    assert not dead_in_article("Omar Haddad", "The last victim, Omar Haddad, lost his savings.")


@pytest.mark.parametrize(
    "text",
    [
        "Omar Haddad confessed to killing his cousin in 2015.",
        "Omar Haddad, a farmer, was arrested. Haddad was sentenced to life for the murder.",
        "The mayor was shot by the gunman Omar Haddad outside the hall.",
        "Omar Haddad killed two guards during the escape.",
    ],
)
def test_a_person_the_article_says_killed_someone_is_a_killer(text):
    assert killer_in_article("Omar Haddad", text)


@pytest.mark.parametrize(
    "text",
    [
        "Omar Haddad killed the engine and said the ship was safe.",
        "Omar Haddad condemned the killing of the guards.",
    ],
)
def test_killing_an_engine_or_condemning_a_killing_is_no_killing(text):
    assert not killer_in_article("Omar Haddad", text)


def test_one_person_under_two_names():
    text = (
        "Crown Prince Salim bin Tariq (SBT) spoke first. Ana Ruiz, better known as La Reina, sang."
    )
    assert same_person_named("Salim bin Tariq", "SBT", text)
    assert same_person_named("Ana Ruiz", "La Reina", text)
    assert same_person_named("Tariq", "Salim bin Tariq", text)
    assert not same_person_named("Louise Marsh", "David Marsh", text)


KILLING_TEXT = (
    "“The sentence brings some peace to the village,” said the mayor Ana Ruiz.\n"
    "Omar Haddad confessed to killing his cousin Tom Ash in 2015.\n"
    "“We waited six years for this day,” said Ines Varga, a neighbour.\n"
    "The prosecutor Jon Pike said, “The evidence was overwhelming.”\n"
    "Pike, also known as JP, led the case.\n"
)


def _killing_options(speaker: str, said: str, extra_people: tuple[str, ...] = ()):
    quotes = [
        quote("The sentence brings some peace to the village", "Ana Ruiz", source=KILLING_TEXT),
        quote("We waited six years for this day", "Ines Varga", source=KILLING_TEXT),
        quote("The evidence was overwhelming.", "Jon Pike", source=KILLING_TEXT),
    ]
    names = ("Ana Ruiz", "Omar Haddad", "Tom Ash", "Ines Varga", "Jon Pike", *extra_people)
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    return speaker_options(speaker, said, ctx_for(KILLING_TEXT, facts), seed=3)


def test_the_killer_and_the_killed_are_no_wrong_speakers():
    options = _killing_options("Ana Ruiz", "The sentence brings some peace to the village")
    assert "Omar Haddad" not in options
    assert "Tom Ash" not in options
    assert set(options) == {"Ines Varga", "Jon Pike"}


def test_a_second_name_of_the_answer_or_of_an_option_is_no_option():
    options = _killing_options("Ines Varga", "We waited six years", extra_people=("JP",))
    assert "Jon Pike" in options
    assert "JP" not in options


def test_fewer_than_two_people_left_makes_no_who_said_question():
    text = (
        "“He was a kind man,” said Ana Ruiz of the village council.\n"
        "Omar Haddad confessed to killing his cousin Tom Ash in 2015.\n"
        "Jon Pike, the judge, sentenced him on Friday.\n"
    )
    facts = Facts(
        quotes=[quote("He was a kind man", "Ana Ruiz", source=text)],
        people=[Person(name=n) for n in ("Ana Ruiz", "Omar Haddad", "Tom Ash", "Jon Pike")],
    )
    asked = [d for d in generate_questions(facts, article_text=text) if d.kind == "who_said"]
    assert asked == []


def test_a_quote_starting_without_its_subject_is_a_fragment():
    prompt = "Who said: “[are] keen on a vote, but not at any price”?"
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.quote_without_its_subject(asked, ctx_for(prompt)) is not None
    whole = "Who said: “[We] are keen on a vote, but not at any price”?"
    asked = draft("who_said", whole, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.quote_without_its_subject(asked, ctx_for(whole)) is None


def test_my_dad_with_the_only_option_of_his_family_name_gives_the_speaker_away():
    text = "Former mayor Otto Brandl died on Monday. His daughter Lena Brandl spoke.\n"
    prompt = "Who said: “The day my dad won the prize was our happiest”?"
    asked = draft("who_said", prompt, "Lena Brandl", ["Tom Reid", "Li Wei"], text=text)
    assert q.relative_gives_the_family(asked, ctx_for(text)) is not None
    # Another option of the family: the quote no longer settles it.
    asked = draft("who_said", prompt, "Lena Brandl", ["Jonas Brandl", "Li Wei"], text=text)
    assert q.relative_gives_the_family(asked, ctx_for(text)) is None


def test_an_option_the_context_names_as_someone_else_is_ruled_out():
    prompt = "Who said: “So sad”? (Context: “So sad,” writes Brandl's old coach _____ on a forum.)"
    asked = draft("who_said", prompt, "Tom Reid", ["Otto Brandl", "Li Wei"])
    assert q.option_named_in_the_context(asked, ctx_for(prompt)) is not None
    asked = draft("who_said", prompt, "Tom Reid", ["Ana Ruiz", "Li Wei"])
    assert q.option_named_in_the_context(asked, ctx_for(prompt)) is None


def test_a_ring_name_is_not_a_second_speaker():
    text = "Boxer Otto Brandl, who fought under the ring name Iron Otto, retired.\n"
    prompt = "Who said: “He was the best of us, every single day”?"
    asked = draft("who_said", prompt, "Tom Reid", ["Otto Brandl", "Iron Otto"], text=text)
    assert q.option_is_another_name(asked, ctx_for(text)) is not None
    asked = draft("who_said", prompt, "Tom Reid", ["Otto Brandl", "Li Wei"], text=text)
    assert q.option_is_another_name(asked, ctx_for(text)) is None


def test_a_nation_within_a_state_is_no_speaker_option():
    assert is_place("Northern Ireland")
    assert not is_place("Ana Ruiz")
    options = person_distractors(
        "Ana Ruiz", speakers=["Ana Ruiz", "Northern Ireland", "Tom Reid", "Li Wei"]
    )
    assert "Northern Ireland" not in options
    assert set(options) == {"Tom Reid", "Li Wei"}


def test_pieces_of_sentences_glued_with_an_ellipsis_are_no_quotation():
    glued = "Who said: “backed the first river law, … led to ten new harbour rules”?"
    asked = draft("who_said", glued, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.glued_fragments(asked, ctx_for(glued)) is not None
    # A statement with a cut in it is still a statement.
    whole = "Who said: “The law came late … but it came”?"
    asked = draft("who_said", whole, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.glued_fragments(asked, ctx_for(whole)) is None


def test_the_winner_speaking_of_winning_under_a_title_naming_the_winner_is_given_away():
    text = (
        "Freedonia's Ana Ruiz wins the harbour regatta\n"
        "“I was lucky to win today and I will train again tomorrow,” Ana Ruiz said.\n"
    )
    said = quote(
        "I was lucky to win today and I will train again tomorrow", "Ana Ruiz", source=text
    )
    asked = draft(
        "who_said",
        "Who said: “I was lucky to win today and I will train again tomorrow”?",
        "Ana Ruiz",
        ["Tom Reid", "Li Wei"],
        source=said,
    )
    assert q.quote_echoes_title(asked, ctx_for(text)) is not None
    # The runner-up speaking of the win: the title does not name her.
    said = quote("I was lucky to win today and I will train again tomorrow", "Li Wei", source=text)
    asked = draft(
        "who_said",
        "Who said: “I was lucky to win today and I will train again tomorrow”?",
        "Li Wei",
        ["Tom Reid", "Ana Ruiz"],
        source=said,
    )
    assert q.quote_echoes_title(asked, ctx_for(text)) is None


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        ("Mayor Ilse Brandt spoke of “deep regret” after the vote.", True),
        ("Mayor Ilse Brandt left the hall with “real misgivings”.", True),
        ("Mayor Ilse Brandt spoke of “We will rebuild” after the vote.", False),
        ("“Bridges first,” said Mayor Ilse Brandt after the vote.", False),
    ],
)
def test_a_short_phrase_inside_the_reporters_sentence_is_no_statement(sentence, dropped):
    text = sentence + "\n"
    said = sentence.split("“")[1].split("”")[0].rstrip(",")
    asked = draft(
        "who_said",
        f"Who said: “{said}”?",
        "Ilse Brandt",
        ["Jon Ruud", "Per Lind"],
        text=text,
        source=quote(said, "Ilse Brandt", source=text),
    )
    assert (q.quote_without_a_statement(asked, ctx_for(text)) is not None) is dropped


def test_the_person_an_article_reports_dead_is_found_past_an_apposition_or_a_headline():
    text = "Tomas Ferreira, a courier from Lisbon, died on Monday after a robbery.\n"
    assert dead_in_article("Tomas Ferreira", text)
    assert dead_in_article("Tomas Ferreira", "Courier Tomas Ferreira shot dead in Lisbon\n")
    assert not dead_in_article("Tomas Ferreira", "Tomas Ferreira, a courier, said the van died.\n")


TRIAL_TEXT = (
    "A judge sentenced Piet Dane to six years on Friday.\n"
    "“The harm was done over many years,” said the prosecutor Ines Varga.\n"
    "Varga said Tom Ash “helped where he could” during the inquiry.\n"
    "“We are relieved,” said Marta Olsen, a neighbour.\n"
    "“The village can rest now,” said the mayor Ana Ruiz.\n"
)


def _trial_options(speaker: str, said: str) -> list[str]:
    quotes = [
        quote("The harm was done over many years", "Ines Varga", source=TRIAL_TEXT),
        quote("helped where he could", "Ines Varga", source=TRIAL_TEXT),
        quote("We are relieved", "Marta Olsen", source=TRIAL_TEXT),
        quote("The village can rest now", "Ana Ruiz", source=TRIAL_TEXT),
    ]
    names = ("Piet Dane", "Ines Varga", "Tom Ash", "Marta Olsen", "Ana Ruiz")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    ctx = ctx_for(TRIAL_TEXT, facts)
    evidence = next(q_.evidence for q_ in quotes if q_.text == said)
    return speaker_options(speaker, said, ctx, seed=3, quote_evidence=evidence)


def test_the_sentenced_who_say_nothing_are_no_wrong_speakers():
    assert accused_in_article("Piet Dane", TRIAL_TEXT)
    options = _trial_options("Ines Varga", "The harm was done over many years")
    assert "Piet Dane" not in options
    assert "Marta Olsen" in options


SHOOTING_TEXT = (
    "Campaign heads north\n"
    "The police shooting of Tom Ash in Ashby led to protests last month.\n"
    "Jon Pike, a shop owner, was stabbed during the unrest.\n"
    "“We will heal this city together,” said the governor Ines Varga.\n"
    "“The protests must stay peaceful,” said Marta Olsen, the mayor.\n"
    "“Our town needs new jobs,” said Ana Ruiz, a candidate.\n"
)


def test_the_victims_of_a_shooting_who_say_nothing_are_no_wrong_speakers():
    quotes = [
        quote("We will heal this city together", "Ines Varga", source=SHOOTING_TEXT),
        quote("The protests must stay peaceful", "Marta Olsen", source=SHOOTING_TEXT),
        quote("Our town needs new jobs", "Ana Ruiz", source=SHOOTING_TEXT),
    ]
    names = ("Tom Ash", "Jon Pike", "Ines Varga", "Marta Olsen", "Ana Ruiz")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    ctx = ctx_for(SHOOTING_TEXT, facts)
    evidence = quotes[0].evidence
    options = speaker_options("Ines Varga", quotes[0].text, ctx, seed=3, quote_evidence=evidence)
    assert who_said.victim_in_article("Tom Ash", SHOOTING_TEXT)
    assert who_said.victim_in_article("Jon Pike", SHOOTING_TEXT)
    assert not who_said.victim_in_article("Ana Ruiz", SHOOTING_TEXT)
    assert set(options) == {"Marta Olsen", "Ana Ruiz"}


def test_the_person_the_quotations_sentence_speaks_of_is_no_wrong_speaker():
    options = _trial_options("Ines Varga", "helped where he could")
    assert "Tom Ash" not in options
    assert {"Marta Olsen", "Ana Ruiz"} <= set(options)


def test_a_speakers_card_past_the_limit_keeps_its_quotations_first_sentences():
    said = (
        "We counted the trout in every pool of the upper river for six weeks. "
        "The numbers fell in the pools below the new U.S. dam and rose above it. "
        + "We will go on counting them next year and the year after that as well. "
        * 4
    ).strip()
    card = f"Lake biologist _____ said, “{said}”"
    cut = shortened_quotation(card, said)
    assert cut.startswith("Lake biologist _____ said, “We counted the trout")
    assert cut.endswith(" […]”")
    assert len(f"Fill in the blank: {cut}".split()) <= 60
    assert "U.S. […]" not in cut  # an abbreviation's dot ends no sentence
    short = "Lake biologist _____ said, “We counted the trout.”"
    assert shortened_quotation(short, "We counted the trout.") == short


BACKGROUND_TEXT = (
    "Tarrow herd returns\n"
    "On Wednesday the Tarrow council released ten elk into the valley park.\n"
    "In the 1800s, many settlers, including Governor Amos Vell, believed the elk would ruin the farms.\n"
    "Ana Ruiz served as park warden under former mayor Piet Dane.\n"
    "The valley was the setting of a film by director Jon Pike.\n"
    "“This brings the valley back to life,” said Ana Ruiz of the council.\n"
    "“We will add a second herd,” said Omar Haddad, who drove the trucks.\n"
    "Ines Varga, who is the council's vet, checked every animal on Tuesday.\n"
)


def test_people_named_only_as_background_are_no_wrong_speakers():
    quotes = [
        quote("This brings the valley back to life", "Ana Ruiz", source=BACKGROUND_TEXT),
        quote("We will add a second herd", "Omar Haddad", source=BACKGROUND_TEXT),
    ]
    names = ("Ana Ruiz", "Omar Haddad", "Amos Vell", "Piet Dane", "Jon Pike", "Ines Varga")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    ctx = ctx_for(BACKGROUND_TEXT, facts, published=date(2019, 10, 19))
    options = speaker_options("Ana Ruiz", quotes[0].text, ctx, seed=3)
    assert "Amos Vell" not in options  # a 19th-century governor
    assert "Piet Dane" not in options  # only "under former mayor X"
    assert "Jon Pike" not in options  # only "a film by X"
    assert set(options) == {"Omar Haddad", "Ines Varga"}


def test_the_spouses_an_obituary_lists_are_no_wrong_speakers():
    text = (
        "Painter Lena Ortiz dies at 91\n"
        "On Monday the painter Lena Ortiz died at her home.\n"
        "Ortiz was married to agent Tom Ash; sculptor Piet Dane, who built her studio; and "
        "author Jon Pike.\n"
        "“She painted every day of her life,” said Ana Ruiz, her gallerist.\n"
        "“We will show her last works in May,” said Omar Haddad of the museum.\n"
        "Ines Varga, who runs the museum, opened the show on Tuesday.\n"
    )
    quotes = [
        quote("She painted every day of her life", "Ana Ruiz", source=text),
        quote("We will show her last works in May", "Omar Haddad", source=text),
    ]
    names = ("Ana Ruiz", "Omar Haddad", "Tom Ash", "Piet Dane", "Jon Pike", "Ines Varga")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    ctx = ctx_for(text, facts, published=date(2019, 10, 19))
    options = speaker_options("Ana Ruiz", quotes[0].text, ctx, seed=3)
    assert set(options) == {"Omar Haddad", "Ines Varga"}


HISTORY_PARAGRAPHS_TEXT = (
    "Tarrow herd returns\n"
    "On Wednesday the Tarrow council released ten elk into the valley park.\n"
    "The plan is much like the one Governor Amos Vell drew up in the 1930s.\n"
    "After the farmers blocked his first plan, Governor Vell looked to buy the valley.\n"
    "“This brings the valley back to life,” said Ana Ruiz of the council.\n"
    "“We will add a second herd,” said Omar Haddad, who drove the trucks.\n"
    "Ines Varga, the council's vet, checked every animal.\n"
    "The farmers blocked the plan, Piet Dane wrote in 1931.\n"
    "Piet Dane, a farmer, now runs the visitor centre.\n"
)


def test_a_paragraph_naming_again_someone_of_a_dated_past_goes_on_with_that_past():
    quotes = [
        quote("This brings the valley back to life", "Ana Ruiz", source=HISTORY_PARAGRAPHS_TEXT),
        quote("We will add a second herd", "Omar Haddad", source=HISTORY_PARAGRAPHS_TEXT),
    ]
    names = ("Ana Ruiz", "Omar Haddad", "Amos Vell", "Ines Varga", "Piet Dane")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    ctx = ctx_for(HISTORY_PARAGRAPHS_TEXT, facts, published=date(2019, 10, 19))
    assert who_said.background_only("Amos Vell", ctx)  # the 1930s, then "Governor Vell looked"
    assert not who_said.background_only("Ines Varga", ctx)
    assert not who_said.background_only("Piet Dane", ctx)  # "now" ends the past


def test_a_name_joined_to_a_body_is_no_speaker_of_i_signed():
    text = (
        "Harbour law signed\n"
        "Governor Ana Ruiz signed the harbour law on Wednesday.\n"
        "Senator Omar Haddad, who wrote the bill, said it would pass the courts.\n"
        "Sea Watch, along with the Fishers Union, have announced plans to fight the law.\n"
        "Ruiz tweeted, “Today, I signed the harbour law to protect our coast.”\n"
    )
    said = quote("Today, I signed the harbour law to protect our coast", "Ana Ruiz", source=text)
    names = ("Ana Ruiz", "Omar Haddad", "Sea Watch")
    facts = Facts(quotes=[said], people=[Person(name=n) for n in names])
    options = speaker_options("Ana Ruiz", said.text, ctx_for(text, facts), seed=3)
    assert "Sea Watch" not in options
    assert kinds(generate_questions(facts, article_text=text), "who_said") == []


def test_a_persons_campaign_or_family_is_neither_answer_nor_option():
    text = (
        "Debate called off\n"
        "The Ruiz campaign called the report “a pack of lies from start to end.”\n"
        "A statement from the Haddad family read: “We thank the nurses for their care.”\n"
        "Mayor Omar Haddad said the debate was “a waste of everyone's evening.”\n"
        "Ines Varga, who chairs the debate board, said “We will try again in June.”\n"
        "Tom Ash, a council member, said “I will attend the next one gladly.”\n"
    )
    quotes = [
        quote("a pack of lies from start to end.", "Ruiz campaign", source=text),
        quote("We thank the nurses for their care.", "Haddad family", source=text),
        quote("We will try again in June.", "Ines Varga", source=text),
        quote("I will attend the next one gladly.", "Tom Ash", source=text),
    ]
    names = ("Ruiz campaign", "Haddad family", "Omar Haddad", "Ines Varga", "Tom Ash")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    assert who_said.a_persons_group("Ruiz campaign")
    assert who_said.a_persons_group("Haddad family")
    assert not who_said.a_persons_group("Family Court")
    asked = who_said.build(ctx_for(text, facts))
    assert {d.answer for d in asked} <= {"Ines Varga", "Tom Ash", "Omar Haddad"}
    assert not any(c in ("Ruiz campaign", "Haddad family") for d in asked for c in d.choice_texts)


def test_words_of_a_persons_campaign_are_not_asked_as_the_persons():
    text = (
        "Debate called off\n"
        "The Ruiz campaign accused the mayor of “hiding from the voters of this city.”\n"
        "Mayor Omar Haddad said the debate was “a waste of everyone's evening.”\n"
        "Ines Varga, who chairs the debate board, cancelled the event on Friday.\n"
        "Tom Ash, a council member, said he would attend the next one.\n"
    )
    said = quote("hiding from the voters of this city.", "Ana Ruiz", source=text)
    names = ("Ana Ruiz", "Omar Haddad", "Ines Varga", "Tom Ash")
    facts = Facts(quotes=[said], people=[Person(name=n) for n in names])
    assert who_said.said_for_the_person("Ana Ruiz", said.evidence)
    assert not who_said.said_for_the_person("Omar Haddad", "Mayor Omar Haddad said it.")
    asked = kinds(generate_questions(facts, article_text=text), "who_said")
    assert all(d.answer != "Ana Ruiz" for d in asked)


def test_a_translation_in_another_script_is_no_who_said_question():
    text = (
        "Diner closes early\n"
        'Tomas Ferreira, a waiter, told the owner, "Not tonight, I am going home early." '
        'In Russian, he said: "Не сегодня, я иду домой рано."\n'
        'Ana Ruiz, the owner, said "We close at nine on weekdays anyway."\n'
        'Omar Haddad, a cook, said "The kitchen was empty by ten."\n'
    )
    quotes = [
        quote("Not tonight, I am going home early.", "Tomas Ferreira", source=text),
        quote("Не сегодня, я иду домой рано.", "Tomas Ferreira", source=text),
        quote("We close at nine on weekdays anyway.", "Ana Ruiz", source=text),
        quote("The kitchen was empty by ten.", "Omar Haddad", source=text),
    ]
    names = ("Tomas Ferreira", "Ana Ruiz", "Omar Haddad")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    asked = [d.prompt for d in who_said.build(ctx_for(text, facts))]
    assert any("Not tonight" in p for p in asked)
    assert not any("сегодня" in p for p in asked)


def test_a_quotation_that_is_the_object_of_thanked_is_no_statement():
    text = (
        'Mayor Lena Ortiz thanked "the lifeguards and the ferry crews for their quick and'
        ' calm help" after the harbour fire.\n'
    )
    thanks = quote(
        "the lifeguards and the ferry crews for their quick and calm help",
        "Lena Ortiz",
        source=text,
    )
    made = draft(
        "who_said",
        "Who said: “the lifeguards and the ferry crews for their quick and calm help”?",
        "Lena Ortiz",
        ["Ana Ruiz", "Ines Varga"],
        source=thanks,
    )
    assert q.quote_object_of_a_verb(made, ctx_for(text)) == (
        "answer: the quotation is the object of a verb, not a statement"
    )
    said = text.replace("thanked", "said")
    told = quote(
        "the lifeguards and the ferry crews for their quick and calm help",
        "Lena Ortiz",
        source=said,
    )
    made = draft("who_said", made.prompt, "Lena Ortiz", ["Ana Ruiz", "Ines Varga"], source=told)
    assert q.quote_object_of_a_verb(made, ctx_for(said)) is None


# The "he" a quotation speaks of (blind judges, batches 26-27) -----------------------

STEP_DOWN_TEXT = (
    "Harbour mayor steps down\n"
    "Karl Brenner, the mayor of Velmar, announced his resignation on Tuesday night.\n"
    "Brenner had led the town council since the floods.\n"
    "The deputy mayor Lena Ost will take over the office.\n"
    "Council clerk Jonas Pike said the vote on a successor is due in spring.\n"
    "“I think he chose well, for his family and for the town,” Ost said.\n"
    "Critic Mia Falk said “she will need every ally she has.”\n"
    "Nurse Petra Lund told reporters “she visited our ward every winter.”\n"
    "Architect Ruth Bale drew the new pier.\n"
    "“We rebuilt the pier in a year,” Brenner said.\n"
)


def _step_down_ctx():
    quotes = [
        quote(
            "I think he chose well, for his family and for the town",
            "Lena Ost",
            source=STEP_DOWN_TEXT,
        ),
        quote("she will need every ally she has.", "Mia Falk", source=STEP_DOWN_TEXT),
        quote("she visited our ward every winter.", "Petra Lund", source=STEP_DOWN_TEXT),
        quote("We rebuilt the pier in a year", "Karl Brenner", source=STEP_DOWN_TEXT),
    ]
    people = [
        Person("Karl Brenner", "mayor", "m"),
        Person("Lena Ost", "deputy mayor", "f"),
        Person("Jonas Pike", "Council clerk", "m"),
        Person("Mia Falk", "Critic", "f"),
        Person("Petra Lund", "Nurse", "f"),
        Person("Ruth Bale", "Architect", "f"),
    ]
    return quotes, ctx_for(STEP_DOWN_TEXT, Facts(quotes=quotes, people=people))


def test_the_story_s_lead_a_quotation_calls_he_is_no_wrong_speaker():
    """“I think he chose well …” after a story that opens on the mayor's resignation:
    the mayor is the "he", not the speaker."""
    quotes, ctx = _step_down_ctx()
    said = quotes[0]
    assert who_said.lead_person(ctx) == "Karl Brenner"
    options = speaker_options("Lena Ost", said.text, ctx, seed=3, quote_evidence=said.evidence)
    assert "Karl Brenner" not in options
    assert len(options) == 3


def test_the_person_the_sentence_before_names_is_no_wrong_speaker_of_she():
    """“she will need every ally …” right after the deputy mayor's words: a woman the
    sentence before names is the "she"; one it quotes is not ("Critic Mia Falk said “…”."
    before “she visited our ward …”), nor is a man, nor a woman named further back."""
    quotes, ctx = _step_down_ctx()
    falk, lund = quotes[1], quotes[2]

    def spoken_of(name, said):
        return who_said.spoken_of(name, said.speaker, said.text, said.evidence, ctx)

    assert who_said.named_before(lund.text, ctx) == []
    assert not spoken_of("Mia Falk", lund)
    assert not spoken_of("Ruth Bale", lund)
    assert not spoken_of("Jonas Pike", lund)
    assert not spoken_of("Lena Ost", falk)  # quoted in the sentence before


def test_a_name_beside_a_his_in_the_quotations_own_sentence_is_spoken_of():
    """ "Ost called Brenner's plan “a breach of his promises”": Brenner (no pronoun in the
    article) is the "his"."""
    text = (
        "Deputy mayor Lena Ost called Brenner's plan “a breach of his promises to the town”.\n"
        "Karl Brenner and Jonas Pike met on Friday.\n"
    )
    said = quote("a breach of his promises to the town", "Lena Ost", source=text)
    ctx = ctx_for(text, Facts(quotes=[said], people=[Person("Karl Brenner"), Person("Jonas Pike")]))
    assert who_said.spoken_of("Karl Brenner", "Lena Ost", said.text, said.evidence, ctx)
    assert not who_said.spoken_of("Jonas Pike", "Lena Ost", said.text, said.evidence, ctx)


def test_a_short_stock_phrase_without_its_sentence_is_not_asked():
    """ "Who said: “the good fight”?" (blind judge, batch 27): a phrase anyone might say.
    “we lost today” speaks in its speaker's voice and stays."""
    text = (
        "Coach Ana Ruiz lost the appeal.\n"
        "The coach vowed to keep fighting “the long battle”.\n"
        "Captain Omar Haddad said “we lost today” after the final.\n"
        "Striker Ines Varga said the team would rest.\n"
        "Keeper Tomas Berg said nothing.\n"
    )
    quotes = [
        quote("the long battle", "Ana Ruiz", source=text),
        quote("we lost today", "Omar Haddad", source=text),
    ]
    names = ("Ana Ruiz", "Omar Haddad", "Ines Varga", "Tomas Berg")
    facts = Facts(quotes=quotes, people=[Person(n, "player") for n in names])
    asked = [d.prompt for d in generate_questions(facts, article_text=text) if d.kind == "who_said"]
    assert not any("the long battle" in p for p in asked)


def test_a_killing_reported_beside_a_speaker_is_not_the_speakers_death():
    text = "The storm killed two people, Mayor Omar Haddad said."
    assert not dead_in_article("Omar Haddad", text)


SIDES_TEXT = (
    "Chilean President Ana Velarde said, “Chile deeply regrets this mistake and will pay.”\n"
    "Peruvian Foreign Minister Tomas Ruiz said, “We expect answers within a week.”\n"
    "Bolivian envoy Ines Paredo said the talks would go on.\n"
    "Argentine minister Jon Soto said, “Chile has a duty to explain.”\n"
)


def _side_facts():
    return Facts(
        people=[
            Person(name="Ana Velarde", role="Chilean President"),
            Person(name="Tomas Ruiz", role="Peruvian Foreign Minister"),
            Person(name="Ines Paredo", role="Bolivian envoy"),
            Person(name="Jon Soto", role="Argentine minister"),
        ]
    )


def test_a_quotation_speaking_for_the_answers_country_alone_gives_it_away():
    # blind judge, batch 28: the country's leader among foreigners, speaking for it
    ctx = generation_context(_side_facts(), article_text=SIDES_TEXT)
    words = "Chile deeply regrets this mistake and will pay."
    said = quote(words, "Ana Velarde", source=SIDES_TEXT)
    asked = draft(
        "who_said",
        f"Who said: “{words}”?",
        "Ana Velarde",
        ["Tomas Ruiz", "Ines Paredo"],
        source=said,
    )
    assert q.quote_names_the_speakers_side(asked, ctx).startswith("give-away")
    # words naming a country the speaker does not stand for are no cue
    words = "Chile has a duty to explain."
    said = quote(words, "Jon Soto", source=SIDES_TEXT)
    asked = draft(
        "who_said",
        f"Who said: “{words}”?",
        "Jon Soto",
        ["Tomas Ruiz", "Ana Velarde"],
        source=said,
    )
    assert q.quote_names_the_speakers_side(asked, ctx) is None


def test_words_speaking_for_a_country_credited_to_a_foreigner_are_false_at_sight():
    ctx = generation_context(_side_facts(), article_text=SIDES_TEXT)
    words = "Chile deeply regrets this mistake and will pay."
    said = quote(words, "Ana Velarde", source=SIDES_TEXT)
    wrong = draft("true_false", f"True or false? Tomas Ruiz said: “{words}”", "False", source=said)
    assert q.quote_names_the_speakers_side(wrong, ctx).startswith("give-away")
    right = draft("true_false", f"True or false? Ana Velarde said: “{words}”", "True", source=said)
    assert q.quote_names_the_speakers_side(right, ctx) is None


def test_a_quotation_naming_the_place_a_body_is_named_for_gives_it_away():
    # blind judge, batch 29: "… the rights of X" by the government of X among other bodies
    words = "a ruling from abroad would ignore the rights of Peru."
    text = f"The government of Peru issued a statement: “{words}”\n"
    ctx = generation_context(Facts(), article_text=text)
    asked = draft(
        "who_said",
        f"Who said: “{words}”?",
        "government of Peru",
        ["Chile Supreme Court", "Chile House of Deputies"],
        source=quote(words, "government of Peru", source=text),
    )
    assert q.quote_names_the_speakers_side(asked, ctx).startswith("give-away")


def test_a_card_whose_title_picks_its_answer_out_of_another_questions_options():
    # blind judge, batch 28: "US Secretary of State _____ said …" beside a who-said
    # printing that secretary among foreigners
    ctx = generation_context(_side_facts(), article_text=SIDES_TEXT)
    card = cloze_card(
        "Chilean President _____ said the talks would go on.", "Ana Velarde", "person:ana velarde"
    )
    asked = draft("who_said", "Who said: “x”?", "Tomas Ruiz", ["Ana Velarde", "Ines Paredo"])
    assert q.card_answer_among_options(card, [asked], ctx).startswith("give-away")
    card = cloze_card(
        "President _____ said the talks would go on.", "Ana Velarde", "person:ana velarde"
    )
    assert q.card_answer_among_options(card, [asked], ctx) is None


HISTORY_TEXT = (
    "Tarrow picks its first woman mayor\n"
    "Yesterday the Tarrow council chose Ana Ruiz as mayor.\n"
    "“I will open the harbour to everyone,” said Ana Ruiz after the vote.\n"
    "Council clerk Omar Haddad read out the count on Monday.\n"
    "In 2006, Ines Varga was the first woman to stand for mayor, and lost. "
    "A year later, Lena Berg ran too.\n"
    "In the history of the town, only two mayors have resigned: Piet Dane and Tom Vik.\n"
)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Ines Varga", "a sentence of 2006, its year before a comma"),
        ("Lena Berg", "an undated sentence that goes on with 2006"),
        ("Piet Dane", "a sentence on the town's history"),
    ],
)
def test_people_of_the_storys_past_are_no_wrong_speakers(name, why):
    # blind judges, batches 27 and 29: past running mates and the impeached of long ago
    names = ("Ana Ruiz", "Omar Haddad", "Ines Varga", "Lena Berg", "Piet Dane", "Tom Vik")
    said = quote("I will open the harbour to everyone", "Ana Ruiz", source=HISTORY_TEXT)
    facts = Facts(quotes=[said], people=[Person(name=n, role="candidate") for n in names])
    ctx = ctx_for(HISTORY_TEXT, facts, published=date(2019, 10, 19))
    assert background_only(name, ctx), why
    assert not background_only("Omar Haddad", ctx)
    options = speaker_options("Ana Ruiz", said.text, ctx, seed=3, quote_evidence=said.evidence)
    assert name not in options
    assert "Omar Haddad" in options


def test_a_person_of_a_statue_is_no_wrong_speaker():
    """ "a statue of XY President Piet Dane in Dane Square": the person is a monument's,
    not someone of the story (blind judge, batch 45); the park named after him is no
    sighting of him."""
    text = (
        "Velmar mayor votes to keep old statue\n"
        "On Monday, protesters gathered by the Harbour Memorial featuring XY President Piet Dane "
        "in Dane Square. "
        "Mayor Ana Ruiz told them she would keep it.\n"
    )
    ctx = ctx_for(text, Facts(), published=date(2031, 5, 7))
    assert background_only("Piet Dane", ctx)
    assert not background_only("Ana Ruiz", ctx)


@pytest.mark.parametrize(
    "text",
    [
        "In Upper Wenlock at the last census, 40% of residents were born abroad.",
        "At Upper Wenlock, the ferry stopped twice a day.",
        "Most shops in Upper Wenlock closed early.",
    ],
)
def test_a_name_written_after_in_or_at_is_a_place_also_at_a_sentences_start(text):
    assert names_a_place("Upper Wenlock", text)
    assert not names_a_place("Ana Ruiz", "Ana Ruiz said the road would reopen.")


ROLES = (
    "Professor Ana Ruiz of the law school called the plan weak.\n"
    "Singer Tom Vale and Senator Li Wei both spoke at the rally.\n"
    "Professor Omar Haddad disagreed with Ruiz.\n"
)


def test_a_context_giving_the_speakers_role_no_other_option_has_gives_the_answer():
    prompt = f"Who said: “a weak plan”? (Context: Professor {BLANK} of the law school called the plan weak.)"
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Vale", "Li Wei"], text=ROLES)
    assert q.context_tells_the_role(asked, ctx_for(ROLES)) is not None
    # Another professor among the options: the role no longer picks the answer.
    asked = draft("who_said", prompt, "Ana Ruiz", ["Omar Haddad", "Li Wei"], text=ROLES)
    assert q.context_tells_the_role(asked, ctx_for(ROLES)) is None


@pytest.mark.parametrize(
    "context",
    [
        f"{BLANK}, dean of the law school, called the plan weak.",
        f"The plan is weak, the professor told reporters, and {BLANK} would not back it.",
    ],
)
def test_a_role_after_the_blank_or_in_the_attribution_counts_too(context):
    text = ROLES.replace("Professor Ana Ruiz", "Dean Ana Ruiz, a professor,")
    prompt = f"Who said: “weak”? (Context: {context})"
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Vale", "Li Wei"], text=text)
    assert q.context_tells_the_role(asked, ctx_for(text)) is not None


def test_a_context_without_a_role_or_without_a_context_is_kept():
    asked = draft(
        "who_said",
        f"Who said: “weak”? (Context: During the debate, {BLANK} called the plan weak.)",
        "Ana Ruiz",
        ["Tom Vale", "Li Wei"],
        text=ROLES,
    )
    assert q.context_tells_the_role(asked, ctx_for(ROLES)) is None
    asked = draft("who_said", "Who said: “The plan is weak”?", "Ana Ruiz", ["Tom Vale", "Li Wei"])
    assert q.context_tells_the_role(asked, ctx_for(ROLES)) is None


def test_a_campaigns_bullet_point_is_no_name_of_a_speaker():
    text = (
        "Ana Ruiz set out her plan for Riverton.\n"
        "Make Riverton a greener city.\n"
        "Make Riverton the first town to plant a million trees.\n"
    )
    assert imperative_taken_for_a_name("Make Riverton", text)
    assert not imperative_taken_for_a_name("Ana Ruiz", text)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Ana Ruiz portrayed the Red Fox, also known as Lord Vulpo, in three films.", "Lord Vulpo"),
        (
            "Facing the loss of the character of Mina Hart, the studio renewed the show.",
            "Mina Hart",
        ),
        ("Tom Vale voiced Mina Hart for a decade.", "Mina Hart"),
        ("Ana Ruiz would list Mina Hart and Lord Vulpo as dream roles.", "Lord Vulpo"),
    ],
)
def test_a_part_an_actor_played_is_no_speaker(text, part):
    assert part_in_a_work(part, text)
    assert not part_in_a_work("Ana Ruiz", text)
    assert not part_in_a_work("Tom Vale", "Ana Ruiz played alongside Tom Vale. Tom Vale scored.")
    assert not part_in_a_work("Tom Vale", "As a part of his campaign, Senator Tom Vale spoke.")


def test_a_role_of_the_same_kind_or_options_without_a_role_keep_the_question():
    text = "Editor Ana Ruiz praised the novel.\nCritic Tom Vale and Li Wei disagreed.\n"
    prompt = f"Who said: “a fine novel”? (Context: Editor {BLANK} called the novel fine.)"
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Vale", "Li Wei"], text=text)
    assert q.context_tells_the_role(asked, ctx_for(text)) is None  # a critic may edit too
    text = "Editor Ana Ruiz praised the novel.\nTom Vale and Li Wei disagreed.\n"
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Vale", "Li Wei"], text=text)
    assert q.context_tells_the_role(asked, ctx_for(text)) is None  # for all the learner knows


def test_an_attackers_words_are_not_asked_and_the_attacker_is_no_option():
    """The attacker's call to violence among a mayor's and a minister's words is picked by
    its stance; the attacker offered for the mayor's thanks is absurd (blind judge)."""
    text = (
        "A man stabbed two people on Harbour Road on Sunday before officers shot him.\n"
        "The attacker, identified as Tomas Vell, 24, had left prison a week before.\n"
        'He once wrote to a friend: "Take a knife and go after the guards at night."\n'
        'Mayor Ana Ruiz said: "We thank the paramedics who came so quickly tonight."\n'
        'Minister Piet Borg said: "The families of the injured are in our thoughts."\n'
        'Police chief Lena Dorn said: "The man was known to our officers for years."\n'
    )
    quotes = [
        quote("Take a knife and go after the guards at night.", "Tomas Vell", source=text),
        quote("We thank the paramedics who came so quickly tonight.", "Ana Ruiz", source=text),
        quote("The families of the injured are in our thoughts.", "Piet Borg", source=text),
        quote("The man was known to our officers for years.", "Lena Dorn", source=text),
    ]
    review = review_questions(Facts(quotes=quotes), article_text=text)
    kept = [d for d in review.kept if d.kind == "who_said"]
    assert all(d.answer != "Tomas Vell" for d in kept)
    assert all("Tomas Vell" not in [c for c, _, _ in d.choices] for d in kept)
    made = draft("who_said", "Who said: “Take a knife …”?", "Tomas Vell", ["Ana Ruiz", "Piet Borg"])
    assert q.attackers_words(made, ctx_for(text)) == (
        "give-away: the attacker's words among the words of others"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will rebuild the port,” the Ruiz-Vela campaign said on Monday.",
        "“We will rebuild the port,” Ruiz and Vela wrote.",
        "“We will rebuild the port,” read a joint statement by Ruiz and the council.",
    ],
)
def test_words_of_two_are_not_asked_as_one_speakers(sentence):
    from quizzes.generation.quality.who_said import words_of_two_credited_to_one

    said = Quote(
        text="We will rebuild the port,",
        speaker="Ana Ruiz",
        start=1,
        end=26,
        evidence=sentence,
        evidence_start=0,
        evidence_end=len(sentence),
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        "Who said: “We will rebuild the port”?",
        "Ana Ruiz",
        ["Tomas Vela", "Lina Kos"],
        text=sentence,
        source=said,
    )
    assert words_of_two_credited_to_one(asked, ctx_for(sentence)) == (
        "answer: words of two or more credited to one speaker"
    )


def test_words_of_one_beside_another_pair_are_asked():
    from quizzes.generation.quality.who_said import words_of_two_credited_to_one

    sentence = "“We will rebuild the port,” Ruiz said after the Kos-Vela campaign met."
    said = Quote(
        text="We will rebuild the port,",
        speaker="Ana Ruiz",
        start=1,
        end=26,
        evidence=sentence,
        evidence_start=0,
        evidence_end=len(sentence),
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        "Who said: “We will rebuild the port”?",
        "Ana Ruiz",
        ["Tomas Vela", "Lina Kos"],
        text=sentence,
        source=said,
    )
    assert words_of_two_credited_to_one(asked, ctx_for(sentence)) is None


def test_a_quotation_naming_the_speakers_own_office_gives_the_speaker():
    from quizzes.generation.quality.who_said import quote_tells_the_role

    text = (
        "Port to stay open\n"
        "Mayor Ana Ruiz met the crews on Monday. The singer Tomas Vela played at the pier, "
        "and the sculptor Lina Kos showed a statue.\n"
        "“As mayor, I will not let the port close,” Ruiz said.\n"
    )
    words = "As mayor, I will not let the port close,"
    said = Quote(
        text=words,
        speaker="Ana Ruiz",
        start=text.index(words),
        end=text.index(words) + len(words),
        evidence=text.splitlines()[2],
        evidence_start=text.index("“As"),
        evidence_end=len(text) - 1,
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        f"Who said: “{words[:-1]}”?",
        "Ana Ruiz",
        ["Tomas Vela", "Lina Kos"],
        source=said,
    )
    assert quote_tells_the_role(asked, ctx_for(text)) == (
        "give-away: the quotation names the speaker's office (mayor)"
    )
    plain_words = "I will not let the port close,"
    unsaid = Quote(
        text=plain_words,
        speaker="Ana Ruiz",
        start=0,
        end=1,
        evidence=text.splitlines()[2],
        evidence_start=0,
        evidence_end=1,
        attribution="explicit",
    )
    other = draft(
        "who_said",
        f"Who said: “{plain_words[:-1]}”?",
        "Ana Ruiz",
        ["Tomas Vela", "Lina Kos"],
        source=unsaid,
    )
    assert quote_tells_the_role(other, ctx_for(text)) is None


def test_a_quotation_naming_the_speakers_wife_told_of_the_speaker_only():
    from quizzes.generation.quality.who_said import quote_names_the_speakers_kin

    text = (
        "Port to stay open\n"
        "Tomas Vela and his wife Mira opened the new pier on Monday. Ana Ruiz and Lina Kos "
        "spoke too.\n"
        "“[My wife] and I thank the crews,” Vela said.\n"
    )
    words = "[My wife] and I thank the crews,"
    said = Quote(
        text=words,
        speaker="Tomas Vela",
        start=0,
        end=1,
        evidence=text.splitlines()[2],
        evidence_start=0,
        evidence_end=1,
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        f"Who said: “{words[:-1]}”?",
        "Tomas Vela",
        ["Ana Ruiz", "Lina Kos"],
        source=said,
    )
    assert quote_names_the_speakers_kin(asked, ctx_for(text)) == (
        "give-away: the quotation's “my wife” is told only of the speaker"
    )
    also = text.replace("spoke too", "spoke too. Ruiz's wife was there")
    assert quote_names_the_speakers_kin(asked, ctx_for(also)) is None


def test_the_person_the_words_praise_is_not_their_speaker():
    from quizzes.generation.quality.who_said import speaker_is_the_one_praised

    sentence = "Ruiz lauded Tomas Vela as a “tireless friend of the port.”"
    said = Quote(
        text="tireless friend of the port.",
        speaker="Tomas Vela",
        start=0,
        end=1,
        evidence=sentence,
        evidence_start=0,
        evidence_end=len(sentence),
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        "Who said: “tireless friend of the port”?",
        "Tomas Vela",
        ["Ana Ruiz", "Lina Kos"],
        source=said,
    )
    assert speaker_is_the_one_praised(asked, ctx_for(sentence)) == (
        "answer: the credited speaker is the one the words praise or name"
    )
    own = "Vela lauded the crews as “tireless friends of the port.”"
    by_vela = Quote(
        text="tireless friends of the port.",
        speaker="Tomas Vela",
        start=0,
        end=1,
        evidence=own,
        evidence_start=0,
        evidence_end=len(own),
        attribution="explicit",
    )
    asked_own = draft(
        "who_said",
        "Who said: “tireless friends of the port”?",
        "Tomas Vela",
        ["Ana Ruiz", "Lina Kos"],
        source=by_vela,
    )
    assert speaker_is_the_one_praised(asked_own, ctx_for(own)) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Reuters quoted Vela as saying “the port will stay open.”",
        "The mayor thanked Vela, who said “the port will stay open.”",
        "Accused killer Vela told the court: “the port will stay open.”",
        "A man named Vela said “the port will stay open.”",
    ],
)
def test_a_speaker_credited_after_a_praising_verb_is_still_the_speaker(sentence):
    from quizzes.generation.quality.who_said import speaker_is_the_one_praised

    said = Quote(
        text="the port will stay open.",
        speaker="Tomas Vela",
        start=0,
        end=1,
        evidence=sentence,
        evidence_start=0,
        evidence_end=len(sentence),
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        "Who said: “the port will stay open”?",
        "Tomas Vela",
        ["Ana Ruiz", "Lina Kos"],
        source=said,
    )
    assert speaker_is_the_one_praised(asked, ctx_for(sentence)) is None


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("“We will rebuild the port,” said Ruiz, who jointly founded the firm with Kos.", False),
        ("After a joint statement by the ministers, Ruiz said: “We will rebuild the port.”", False),
        ("Joint statement: “We will rebuild the port,” Ruiz and Kos wrote.", True),
        ("“We will rebuild the port,” Ruiz said in a Joint Statement with Kos.", True),
        ("Joint statement by Ruiz and Kos: “We will rebuild the port.”", True),
        ("“We will rebuild the port,” a joint statement by the two unions said.", True),
        ("“We will rebuild the port,” Ruiz and the council jointly said.", True),
    ],
)
def test_a_joint_phrase_counts_only_as_the_credit(sentence, fires):
    from quizzes.generation.quality.who_said import words_of_two_credited_to_one

    said = Quote(
        text="We will rebuild the port,",
        speaker="Ana Ruiz",
        start=1,
        end=26,
        evidence=sentence,
        evidence_start=0,
        evidence_end=len(sentence),
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        "Who said: “We will rebuild the port”?",
        "Ana Ruiz",
        ["Tomas Vela", "Lina Kos"],
        text=sentence,
        source=said,
    )
    assert (words_of_two_credited_to_one(asked, ctx_for(sentence)) is not None) == fires


@pytest.mark.parametrize("kin", ["our children", "our family", "Our children"])
def test_a_quotation_naming_a_communitys_kin_tells_no_speaker(kin):
    from quizzes.generation.quality.who_said import quote_names_the_speakers_kin

    text = (
        "Port to stay open\n"
        f"Tomas Vela and his {kin.split()[1]} opened the new pier on Monday. "
        "Ana Ruiz and Lina Kos spoke too.\n"
        f"“{kin} deserve a port that stays open,” Vela said.\n"
    )
    words = f"{kin} deserve a port that stays open,"
    said = Quote(
        text=words,
        speaker="Tomas Vela",
        start=0,
        end=1,
        evidence=text.splitlines()[2],
        evidence_start=0,
        evidence_end=1,
        attribution="explicit",
    )
    asked = draft(
        "who_said",
        f"Who said: “{words[:-1]}”?",
        "Tomas Vela",
        ["Ana Ruiz", "Lina Kos"],
        source=said,
    )
    assert quote_names_the_speakers_kin(asked, ctx_for(text)) is None


def test_a_president_is_a_business_role_only_as_president_of_a_company():
    text = (
        "Businessman Ana Ruiz backed the port plan.\n"
        "President Tom Vale and Senator Li Wei both spoke at the rally.\n"
    )
    prompt = f"Who said: “a fine plan”? (Context: Businessman and loyalist {BLANK} backed it.)"
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Vale", "Li Wei"], text=text)
    assert q.context_tells_the_role(asked, ctx_for(text)) is not None
    firm = text.replace("President Tom Vale and", "Tom Vale, president of Velmar Shipping, and")
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Vale", "Li Wei"], text=firm)
    assert q.context_tells_the_role(asked, ctx_for(firm)) is None


def test_words_quoted_inside_another_speakers_quotation_are_not_asked():
    text = (
        "Tom Vale told reporters a different story.\n"
        "Vale wrote: \"I offered to step down and Mayor Ruiz said, 'Not before the vote.'\"\n"
        'Ana Ruiz said "the harbour stays open all winter."\n'
    )
    nested = quote("Not before the vote.", "Ana Ruiz", source=text)
    asked = draft(
        "who_said",
        "Who said: “Not before the vote”?",
        "Ana Ruiz",
        ["Tom Vale", "Li Wei"],
        source=nested,
    )
    assert q.quote_inside_a_quotation(asked, ctx_for(text)) is not None
    own = quote("the harbour stays open all winter.", "Ana Ruiz", source=text)
    plain_question = draft(
        "who_said",
        "Who said: “the harbour stays open all winter”?",
        "Ana Ruiz",
        ["Tom Vale", "Li Wei"],
        source=own,
    )
    assert q.quote_inside_a_quotation(plain_question, ctx_for(text)) is None


@pytest.mark.parametrize(
    ("words", "dropped"),
    [
        ("She will not get another chance from us", True),
        ("… they have to stay on our side now", True),  # cut from a longer passage
        ("They are trying to close the harbour for good", False),  # a whole statement
        ("He'll be back in the team next week", True),
        # long enough to carry its own point
        (
            "He coached the harbour club for twenty years and gave the town a team "
            "it could be proud of every winter",
            False,
        ),
        ("He and Ana Ruiz will lead the talks", False),  # someone is named
        ("We will not give up the harbour", False),
    ],
)
def test_a_short_quotation_opening_on_he_or_she_it_never_names_is_not_asked(words, dropped):
    text = f"Tom Vale spoke after the match.\n“{words},” Vale said.\n"
    said = quote(words, "Tom Vale", source=text)
    asked = draft(
        "who_said", f"Who said: “{words}”?", "Tom Vale", ["Ana Ruiz", "Li Wei"], source=said
    )
    assert (q.quote_opens_on_someone_unnamed(asked, ctx_for(text)) is not None) is dropped
    with_context = draft(
        "who_said",
        f"Who said: “{words}”? (Context: _____ said it after the match.)",
        "Tom Vale",
        ["Ana Ruiz", "Li Wei"],
        source=said,
    )
    assert q.quote_opens_on_someone_unnamed(with_context, ctx_for(text)) is None


def test_a_statement_of_a_short_quotation_opening_on_she_is_not_asked_either():
    text = "Tom Vale spoke after the match.\n“She will not get another chance,” Vale said.\n"
    said = quote("She will not get another chance", "Tom Vale", source=text)
    statement = draft(
        "true_false",
        "True or false? Tom Vale said: “She will not get another chance”",
        "True",
        source=said,
    )
    assert q.quote_opens_on_someone_unnamed(statement, ctx_for(text)) is not None


def test_an_inch_mark_earlier_in_the_paragraph_opens_no_quotation():
    text = (
        'Crews laid a 6" pipe under the Velmar road. "The harbour stays open all winter," '
        "Ana Ruiz said.\n"
    )
    said = quote("The harbour stays open all winter,", "Ana Ruiz", source=text)
    asked = draft(
        "who_said", "Who said: “The harbour stays open all winter”?", "Ana Ruiz",
        ["Tom Vale", "Li Wei"], source=said,
    )  # fmt: skip
    assert q.quote_inside_a_quotation(asked, ctx_for(text)) is None
