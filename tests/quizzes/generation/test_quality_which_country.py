""" "Which country" questions and country links (quizzes/generation/quality/which_country.py
and which_country.py), on invented sentences: no question whose country the name, title,
headline or a place of the article gives away, no body placed only by its town or named
for someone's former job, nationalities before a name, and institutions every country has."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generate_questions, generation_context, which_country
from quizzes.generation import quality as q
from quizzes.generation import which_country as wc
from quizzes.generation.text import gives_away_country

from .facts_for_tests import ctx_for, draft, kinds, link, link_in_sentence


def test_a_place_followed_by_region_is_part_of_a_longer_name():
    text = "The mine lies in Tolvo, a town in the Karsk region of Russia.\n"
    fact = link("Karsk", "Russia", "The mine", "place", source=text)
    made = draft(
        "which_country",
        "In which country is Karsk?",
        "Russia",
        ["Ukraine", "Poland"],
        text=text,
        source=fact,
    )
    assert q.place_not_placed(made, ctx_for(text)).startswith(
        "answer: the subject is part of a longer place name"
    )


def test_country_links_give_no_true_or_false_statement():
    # "The article links X to Y" reads as nationality whatever the relation, and a
    # false one names a country the article never mentions: no statement from them.
    text = (
        "Runners Ana Ruiz and Mia Sol, both from Kenya, led the race.\n"
        "Third came Ines Varga of Ethiopia, ahead of Omar Haddad from Uganda.\n"
        "Fifth was Lena Berg from Norway, and sixth Tom Vik from Sweden.\n"
    )
    facts = Facts(
        countries=[
            link("Ana Ruiz", "Kenya", "Runners", "person", source=text),
            link("Mia Sol", "Kenya", "Runners", "person", source=text),
            link("Ines Varga", "Ethiopia", "Third", "person", source=text),
            link("Omar Haddad", "Uganda", "Third", "person", source=text),
            link("Lena Berg", "Norway", "Fifth", "person", source=text),
            link("Tom Vik", "Sweden", "Fifth", "person", source=text),
        ],
        people=[
            Person(name=n)
            for n in ("Ana Ruiz", "Mia Sol", "Ines Varga", "Omar Haddad", "Lena Berg", "Tom Vik")
        ],
    )
    drafts = generate_questions(facts, article_text=text)
    assert drafts  # the links still give which-country questions
    assert kinds(drafts, "true_false") == []


def test_an_institution_every_country_has_is_no_country_question():
    from quizzes.generation.which_country import generic_institution

    assert generic_institution("National Congress")
    assert generic_institution("Court of Session")
    assert not generic_institution("Quds Force")
    text = "On Monday in Freedonia's National Congress, the president announced a new law.\n"
    facts = Facts(
        countries=[link("National Congress", "Freedonia", "On Monday", "organisation", source=text)]
    )
    assert not [
        d
        for d in generate_questions(facts, article_text=text)
        if d.kind in {"which_country", "true_false"}
    ]


def test_a_thing_named_by_its_date_is_not_loosely_linked_to_a_country():
    text = "They called the March 3 border agreement between Peru and Chile void.\n"
    fact = link("March 3 border agreement", "Peru", "They called", source=text)
    made = draft(
        "true_false",
        "True or false? The article links the March 3 border agreement to Peru.",
        "True",
        text=text,
        source=fact,
    )
    assert (
        q.loose_link_to_a_dated_thing(made, ctx_for(text))
        == "answer: a thing named by its date, loosely linked"
    )


def test_a_title_ending_on_a_quoted_word_still_gives_its_country_away():
    body = "Port officials on Monday closed the terminal of the Velmar line.\n"
    asked = draft("which_country", "Which country is the Velmar line from?", "Peru")
    titled = ctx_for("Chile bars the Velmar line of Peru, citing 'safety'\n" + body)
    assert q.country_in_headline(asked, titled) == (
        "give-away: the article's title names the answer"
    )
    sentence = ctx_for("Officials said the line of Peru was 'unsafe.'\n" + body)
    assert q.country_in_headline(asked, sentence) is None


def test_a_country_named_by_another_of_its_names_is_given_away():
    assert gives_away_country("Which country is Britain's ferry fleet linked to?", "United Kingdom")
    assert not gives_away_country("Which country is the ferry fleet linked to?", "United Kingdom")


def test_a_military_rank_is_asked_as_where_the_officer_is_from():
    text = "Peruvian general Omar Haddad led the parade in Tolvo.\n"
    facts = Facts(
        people=[Person(name="Omar Haddad", role="general")],
        countries=[link("Omar Haddad", "Peru", "Peruvian general", "person", source=text)],
    )
    ctx = generation_context(facts, article_text=text)
    phrased = which_country.phrasing(facts.countries[0], ctx)
    assert phrased.question == "Which country is Omar Haddad from?"


BODIES = (
    "Researchers from the University of Nevada Reno and the Guild of Luthiers of America "
    "joined the Tolvo Shipping Group and the National Rowing League in the study.\n"
)


@pytest.mark.parametrize(
    "subject",
    ["University of Nevada Reno", "Guild of Luthiers of America", "National Rowing League"],
)
def test_a_body_whose_name_tells_its_country_is_not_asked(subject):
    fact = link(subject, "United States", subject, "organisation", source=BODIES)
    asked = draft(
        "which_country",
        f"Which country is the {subject} from?",
        "United States",
        ["Canada", "Mexico", "Cuba"],
        source=fact,
    )
    assert q.country_in_the_bodys_name(asked, ctx_for(BODIES)) is not None


def test_a_body_whose_name_tells_nothing_is_asked():
    fact = link("Tolvo Shipping Group", "Denmark", "Tolvo", "organisation", source=BODIES)
    asked = draft(
        "which_country",
        "Which country is the Tolvo Shipping Group from?",
        "Denmark",
        ["Sweden", "Norway", "Germany"],
        source=fact,
    )
    assert q.country_in_the_bodys_name(asked, ctx_for(BODIES)) is None


NAMES = "Greek foreign minister Nikos Papadakis met Jo Bell, the British envoy.\n"


def test_a_name_in_the_answers_language_among_other_languages_gives_it_away():
    fact = link("Nikos Papadakis", "Greece", "Greek foreign", "person", source=NAMES)
    prompt = "Which country is Nikos Papadakis the foreign minister of?"
    asked = draft("which_country", prompt, "Greece", ["Albania", "Bulgaria", "Turkey"], source=fact)
    assert q.name_tells_the_country(asked, ctx_for(NAMES)) is not None
    # Another option where the language is spoken: the name no longer decides.
    fair = draft("which_country", prompt, "Greece", ["Albania", "Cyprus", "Turkey"], source=fact)
    assert q.name_tells_the_country(fair, ctx_for(NAMES)) is None


def test_a_name_of_no_telling_shape_is_asked():
    fact = link("Jo Bell", "United Kingdom", "Jo Bell", "person", source=NAMES)
    asked = draft(
        "which_country",
        "Which country is Jo Bell the envoy of?",
        "United Kingdom",
        ["Ireland", "France", "Belgium"],
        source=fact,
    )
    assert q.name_tells_the_country(asked, ctx_for(NAMES)) is None


FORMER = (
    "Ana Ruiz, formerly the head of Peru's Institute of River Studies, said the flood was "
    "the worst in years.\nThe Velmar Water Board said it would rebuild the dam.\n"
)


def test_a_body_named_only_for_someones_former_job_is_not_asked():
    ctx = ctx_for(FORMER)
    old_job = link("Institute of River Studies", "Peru", "Ana Ruiz", "organisation", source=FORMER)
    asked = draft(
        "which_country",
        "Which country does the Institute of River Studies belong to?",
        "Peru",
        ["Chile", "Bolivia", "Ecuador"],
        source=old_job,
    )
    assert q.body_of_a_former_job(asked, ctx) is not None
    board = link("Velmar Water Board", "Peru", "The Velmar", "organisation", source=FORMER)
    kept = draft(
        "which_country",
        "Which country does the Velmar Water Board belong to?",
        "Peru",
        ["Chile", "Bolivia", "Ecuador"],
        source=board,
    )
    assert q.body_of_a_former_job(kept, ctx) is None


def _from(subject, sentence):
    return wc._is_from(link(subject, "Malta", sentence, "person", source=sentence))


def test_a_title_naming_the_state_a_person_serves_is_not_where_they_are_from():
    sentence = "Malta envoy Ana Ruiz met the council."
    assert not _from("Ana Ruiz", sentence)


def test_a_nationality_before_the_name_is_where_they_are_from():
    sentence = "Maltese runner Ana Ruiz won the race."
    assert _from("Ana Ruiz", sentence)


def test_two_nationalities_before_the_name_make_both_right_so_no_from_question():
    sentence = "Maltese-Italian chemist Ana Ruiz won the prize."
    assert not _from("Ana Ruiz", sentence)


def test_a_maker_cut_out_of_a_models_name_is_no_person():
    text = "The divers found a Freedonian Harada k7N fighter near the wreck off Freedonia.\n"
    asked = draft("which_country", "Which country is Harada from?", "Freedonia", text=text)
    assert q.name_of_a_model(asked, ctx_for(text)) is not None
    person = "Pilot Ken Harada of Freedonia flew the plane.\n"
    asked = draft("which_country", "Which country is Ken Harada from?", "Freedonia", text=person)
    assert q.name_of_a_model(asked, ctx_for(person)) is None


def test_a_body_placed_only_by_its_town_needs_outside_knowledge():
    text = "The samples were tested by the Coastal Seed Laboratory in Springfield last week.\n"
    link = link_in_sentence("Coastal Seed Laboratory", "Freedonia", text)
    asked = draft(
        "which_country",
        "Which country is the Coastal Seed Laboratory from?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=text,
        source=link,
    )
    assert q.body_placed_by_its_town(asked, ctx_for(text)) is not None
    # The sentence names the country: the article says it.
    named = "The samples were tested by the Coastal Seed Laboratory in Springfield, Freedonia.\n"
    link = link_in_sentence("Coastal Seed Laboratory", "Freedonia", named)
    asked = draft(
        "which_country",
        "Which country is the Coastal Seed Laboratory from?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=named,
        source=link,
    )
    assert q.body_placed_by_its_town(asked, ctx_for(named)) is None


def test_a_person_of_a_town_is_left_to_the_other_rules():
    text = "The race was won by Ana Ruiz of Springfield on Sunday.\n"
    link = link_in_sentence("Ana Ruiz", "Freedonia", text, kind="person")
    asked = draft(
        "which_country",
        "Which country is Ana Ruiz from?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=text,
        source=link,
    )
    assert q.body_placed_by_its_town(asked, ctx_for(text)) is None


def test_a_name_cut_at_its_start_is_no_subject():
    text = (
        "Marchers at the 2019 Unite the Left march in Tolvo, Freedonia, were hurt.\n"
        "The Unite the Left march drew wide notice.\n"
    )
    link = link_in_sentence("Left march", "Freedonia", text.splitlines()[0], kind="event")
    asked = draft(
        "which_country",
        "In which country did the Left march take place?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=text,
        source=link,
    )
    assert q.name_cut_at_its_start(asked, ctx_for(text)) is not None
    # A weekday or a sentence's first word before "the" is no part of the name.
    whole = "On Monday the Harbour Festival opened in Tolvo, Freedonia.\n"
    link = link_in_sentence("Harbour Festival", "Freedonia", whole, kind="event")
    asked = draft(
        "which_country",
        "In which country did the Harbour Festival take place?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=whole,
        source=link,
    )
    assert q.name_cut_at_its_start(asked, ctx_for(whole)) is None


def test_a_name_with_its_own_arabic_article_takes_no_the():
    assert which_country._with_article("al-Hadaf TV") == "al-Hadaf TV"
    assert which_country._noun_phrase("al-Hadaf TV") == "al-Hadaf TV"
    assert which_country._noun_phrase("new plant") == "the new plant"


def test_a_body_only_cited_for_a_figure_is_a_side_detail():
    text = "According to the Office of Tide Records in Freedonia, one in ten piers flood.\n"
    link = link_in_sentence("Office of Tide Records", "Peru", text)
    asked = draft(
        "which_country",
        "Which country is the Office of Tide Records from?",
        "Peru",
        ["Chile", "Bolivia"],
        text=text,
        source=link,
    )
    assert q.body_only_cited(asked, ctx_for(text)) is not None
    card = draft(
        "cloze",
        "Fill in the blank: According to the Office of Tide Records in _____, one in ten "
        "piers flood.",
        "Peru",
        text=text,
        source=link,
        target="country:PE",
    )
    assert q.body_only_cited(card, ctx_for(text)) is not None
    # The body acts in the story: its country is the article's.
    acting = text + "The Office of Tide Records closed two piers on Monday.\n"
    assert q.body_only_cited(asked, ctx_for(acting)) is None


@pytest.mark.parametrize("subject", ["Friday", "last March", "Sunday night"])
def test_a_day_or_month_taken_for_a_place_is_no_country_question(subject):
    text = f"Port closures spread\nFrom {subject}, Freedonian authorities closed the ports.\n"
    facts = Facts(countries=[link(subject, "Peru", "From", "place", source=text)])
    assert not kinds(generate_questions(facts, article_text=text), "which_country")
    assert wc.names_a_time(subject)
    assert not wc.names_a_time("Friday Harbor")


def test_an_adjective_cut_from_the_name_gives_the_country_away():
    """ "the Myanma embassy": an adjective that is the name less its last letter."""
    assert gives_away_country("Which country is the Myanma consulate in Tarrow from?", "Myanmar")
    assert not gives_away_country("Which country is the Velmar consulate from?", "Myanmar")


def _phrased(subject, country, text, role):
    facts = Facts(
        countries=[link(subject, country, subject, "person", source=text)],
        people=[Person(name=subject, role=role)],
    )
    ctx = ctx_for(text, facts)
    return wc.phrasing(ctx.countries[0], ctx).question


def test_the_office_of_a_country_does_not_run_on_into_the_holders_name():
    # blind judge, batch 28: "Which country’s <name> is <name> the president of?"
    text = "The talks followed a visit by President of Chile Tomas Velarde Soto last week.\n"
    prompt = _phrased("Tomas Velarde Soto", "Chile", text, "President of Chile")
    assert prompt == "Which country is Tomas Velarde Soto the president of?"


def test_the_governor_of_a_territory_is_no_office_of_a_body_of_its_state():
    text = "Ines Paredo Luna, Guam’s governor, signed the order on the US island.\n"
    prompt = _phrased("Ines Paredo Luna", "United States", text, "Guam’s governor")
    assert "guam" not in prompt.casefold()


def test_an_office_another_sentence_gives_is_not_asked_on_a_sentence_without_it():
    # blind judge, batch 29: the quoted sentence said nothing of a senate
    text = (
        "The ceremony honoured Chilean senator Ana Velarde Ruiz.\n"
        "Ana Velarde Ruiz was the sister of Chilean writer Tomas Velarde.\n"
    )
    facts = Facts(
        countries=[link("Ana Velarde Ruiz", "Chile", "was the sister", "person", source=text)],
        people=[Person(name="Ana Velarde Ruiz", role="senator")],
    )
    ctx = ctx_for(text, facts)
    assert "senator" not in wc.phrasing(ctx.countries[0], ctx).question


def test_the_kin_of_an_office_holder_holds_no_office():
    text = "Tomas Velarde was the brother of Chilean President Ana Velarde.\n"
    prompt = _phrased("Tomas Velarde", "Chile", text, "brother of Chilean President")
    assert "president" not in prompt


def test_the_office_of_a_person_the_article_says_is_dead_is_asked_in_the_past():
    text = (
        "The trial over the assassination of Ana Velarde Ruiz opened in Lima.\n"
        "Peruvian Foreign Minister Ana Velarde Ruiz had met the envoy a week before.\n"
    )
    facts = Facts(
        countries=[link("Ana Velarde Ruiz", "Peru", "Foreign Minister", "person", source=text)],
        people=[Person(name="Ana Velarde Ruiz", role="Peruvian Foreign Minister")],
    )
    ctx = ctx_for(text, facts)
    prompt = wc.phrasing(ctx.countries[0], ctx).question
    assert prompt == "Which country was Ana Velarde Ruiz the foreign minister of?"


def test_a_body_the_parse_took_for_a_person_is_asked_as_a_body():
    text = "Raiders killed Tomas Velarde, head of Chile's Harbour Force, on Monday.\n"
    prompt = _phrased("Harbour Force", "Chile", text, "head of the coast guard")
    assert prompt == "Which country does the Harbour Force belong to?"


def test_a_one_word_subject_cut_from_a_longer_name_is_no_question():
    text = "The debate covered the War in Peru, the War on Drugs and the Cold War, a long war.\n"
    war = link_in_sentence("War", "Peru", text, kind="event")
    asked = draft(
        "which_country",
        "In which country did War take place?",
        "Peru",
        ["Chile", "Bolivia"],
        source=war,
    )
    assert q.name_cut_at_its_end(asked, ctx_for(text)) is not None
    text = "The War began in Peru in 1879. The War in Peru lasted four years.\n"
    asked.source = link_in_sentence("War", "Peru", text, kind="event")
    assert q.name_cut_at_its_end(asked, ctx_for(text)) is None


def test_where_an_island_or_a_town_lies_is_not_asked_a_body_based_there_is():
    """ "In which country is Vela Island?" is geography even where the article writes "the
    Freedonian island of Vela" (blind judges: 1.5 of 5 such questions usable); "In which
    country is the Harbour Trust based?" asks what the article says of the body."""
    text = (
        "The rescue ship docked at the Spanish island of Vela on Monday.\n"
        "The Madrid-based Harbour Trust paid for the repairs.\n"
    )
    island = link("Vela", "Spain", "The rescue ship", "place", source=text)
    asked = draft("which_country", "In which country is Vela?", "Spain", source=island)
    assert "geography" in (q.world_trivia(asked, ctx_for(text)) or "")
    said = draft("true_false", "True or false? Vela is in Spain.", "True", source=island)
    assert "geography" in (q.world_trivia(said, ctx_for(text)) or "")
    trust = link("Harbour Trust", "Spain", "The Madrid-based", "organisation", source=text)
    based = draft(
        "which_country", "In which country is the Harbour Trust based?", "Spain", source=trust
    )
    assert q.world_trivia(based, ctx_for(text)) is None


def test_an_office_whose_title_is_one_countrys_gives_the_answer():
    from quizzes.generation.quality.which_country import office_of_one_country

    options = ["Canada", "Mexico", "Cuba"]
    owned = draft(
        "which_country", "Which country’s secretary of state is Ana Ruiz?", "United States", options
    )
    assert office_of_one_country(owned, ctx_for("x")) == (
        "trivia: the office's title is only the answer's country's"
    )
    of = draft(
        "which_country",
        "Which country is Ana Ruiz the secretary of state of?",
        "United States",
        options,
    )
    assert office_of_one_country(of, ctx_for("x"))
    minister = draft(
        "which_country",
        "Which country is Ana Ruiz the foreign minister of?",
        "United States",
        options,
    )
    assert office_of_one_country(minister, ctx_for("x")) is None


def test_an_office_of_a_state_or_city_is_not_asked_as_a_countrys():
    from quizzes.generation.quality.which_country import sub_national_office

    options = ["Brazil", "Chile", "Peru"]
    for office in ("deputy chief minister", "governor", "mayor", "provincial premier"):
        asked = draft(
            "which_country", f"Which country was Ana Ruiz the {office} of?", "Peru", options
        )
        assert sub_national_office(asked, ctx_for("x")) == (
            "misframed: the office is a state's, province's or city's, not a country's"
        ), office
    for office in ("foreign minister", "governor-general", "deputy prime minister"):
        asked = draft(
            "which_country", f"Which country was Ana Ruiz the {office} of?", "Peru", options
        )
        assert sub_national_office(asked, ctx_for("x")) is None, office
    banker = draft(
        "which_country", "Which country’s central bank governor is Ana Ruiz?", "Peru", options
    )
    assert sub_national_office(banker, ctx_for("x")) is None
