"""How "which country" questions are phrased and their options (the builder
alone; what the quality check keeps is tested in test_question_quality.py)."""

from quizzes.extraction.facts import Facts
from quizzes.generation import which_country

from .facts_for_tests import built, sample_facts


def by_answer_subject():
    return {d.prompt: d for d in built(which_country, sample_facts())}


def test_questions_are_phrased_from_the_evidence():
    prompts = by_answer_subject()
    assert "Which country is Kassym-Jomart Tokayev the president of?" in prompts
    assert "Which country was Angela Merkel the chancellor of?" in prompts
    assert "In which country was the Shanghai Cooperation Organisation meeting held?" in prompts
    assert (
        prompts["Which country is Kassym-Jomart Tokayev the president of?"].answer == "Kazakhstan"
    )


def test_where_a_place_lies_is_never_asked():
    """ "In which country is Tashkent?" is geography, not the article's news: a teacher
    never sees it, and it is not even drafted (the quality check dropped every one)."""
    from quizzes.generation import generate_questions, generation_context

    from .facts_for_tests import SAMPLE_TEXT

    facts = sample_facts()
    tashkent = next(c for c in facts.countries if c.subject == "Tashkent")
    phrased = which_country.phrasing(tashkent, generation_context(facts, article_text=SAMPLE_TEXT))
    assert phrased.question == "In which country is Tashkent?"
    kept = [d.prompt for d in generate_questions(facts, article_text=SAMPLE_TEXT)]
    assert not any(p.startswith("In which country is ") for p in kept), kept
    assert not any(p.startswith("In which country is ") for p in by_answer_subject())


def test_subject_naming_its_country_or_being_a_country_makes_no_question():
    prompts = " ".join(by_answer_subject())
    assert "Kyrgyzstan" not in prompts
    assert "In which country is Russia?" not in prompts


def test_options_are_plausible_countries():
    draft = by_answer_subject()["Which country is Kassym-Jomart Tokayev the president of?"]
    options = set(draft.choice_texts)
    assert "Kazakhstan" in options
    # The article's other countries near Kazakhstan come first.
    assert {"Uzbekistan", "Russia", "China"} & (options - {"Kazakhstan"})
    merkel = by_answer_subject()["Which country was Angela Merkel the chancellor of?"]
    neighbours_of_germany = {"France", "Poland", "Austria", "Netherlands", "Switzerland"}
    assert neighbours_of_germany & set(merkel.choice_texts)


def test_country_with_no_known_neighbours_still_gets_options_from_the_article():
    facts = sample_facts()
    only = Facts(countries=[c for c in facts.countries if c.subject == "Kassym-Jomart Tokayev"])
    drafts = built(which_country, only)
    assert len(drafts) == 1
    assert len(drafts[0].choices) == 4


def test_future_events_and_cities_taken_for_people():
    from .facts_for_tests import ctx_for, link

    text = "The next Andean Summit will be held in Quito, Ecuador.\nAna Torres spoke in Bogotá.\n"
    facts = Facts(
        countries=[
            link("Andean Summit", "Ecuador", "The next Andean", "event", source=text),
            link("Bogotá", "Colombia", "Ana Torres", "person", source=text),
            link("Lima", "Peru", "Ana Torres", "place", source=text),
        ]
    )
    prompts = {d.prompt: d.answer for d in built(which_country, facts, text)}
    assert prompts["In which country will the Andean Summit be held?"] == "Ecuador"
    # a city taken for a person is phrased as a place, and where a place lies is not asked
    bogota = facts.countries[1]
    assert which_country.phrasing(bogota, ctx_for(text, facts)).question == (
        "In which country is Bogotá?"
    )
    assert list(prompts) == ["In which country will the Andean Summit be held?"]


def test_a_title_naming_two_countries_leaves_the_question_and_offers_both():
    from quizzes.generation import generate_questions
    from quizzes.generation import quality as q

    from .facts_for_tests import ctx_for, link

    text = (
        "Peru and Chile sign a fishing pact\n"
        "Trade minister Ana Ruiz of Peru met her counterparts in the port on Monday.\n"
        "Officials of Chile welcomed the pact.\n"
    )
    facts = Facts(
        countries=[
            link("Ana Ruiz", "Peru", "Trade minister", "person", source=text),
            link("Officials", "Chile", "Officials of Chile", "other", source=text),
        ]
    )
    asked = next(d for d in built(which_country, facts, text) if d.answer == "Peru")
    assert asked.prompt == "Which country is Ana Ruiz the trade minister of?"
    # the title's other country is among the options: the title alone decides nothing
    assert "Chile" in asked.choice_texts
    assert q.country_in_headline(asked, ctx_for(text, facts)) is None
    assert asked.prompt in [d.prompt for d in generate_questions(facts, article_text=text)]
    # a title that names the person too still tells the answer
    named = "Peru's Ana Ruiz and Chile sign a fishing pact\n" + text.split("\n", 1)[1]
    assert q.country_in_headline(asked, ctx_for(named, facts)) is not None


def test_an_office_of_several_words_is_asked_whole():
    from .facts_for_tests import link

    text = (
        "Peruvian Secretary of State Ana Ruiz said the pact would hold.\n"
        "A Peru Department of State spokesperson, Mia Sol, declined to comment.\n"
        "Ben Cole, from Arequipa, Peru, won the race.\n"
        "The pact was first reported by Chilean channel Onda TV.\n"
    )
    facts = Facts(
        countries=[
            link("Ana Ruiz", "Peru", "Peruvian Secretary", "person", source=text),
            link("Mia Sol", "Peru", "A Peru Department", "person", source=text),
            link("Ben Cole", "Peru", "Ben Cole", "person", source=text),
            link("Onda TV", "Chile", "The pact was first", "organisation", source=text),
        ]
    )
    prompts = {d.prompt for d in built(which_country, facts, text)}
    assert "Which country’s secretary of state is Ana Ruiz?" in prompts
    # "of State" belongs to the department's name: no "state spokesperson" office
    assert not [p for p in prompts if "Mia Sol" in p]
    assert "Which country is Ben Cole from?" in prompts
    assert "Which country is Onda TV from?" in prompts


def test_nationalities_and_an_office_toward_a_country():
    from .facts_for_tests import link

    text = (
        "A Chilean, Ben Cole, appeared in court in Lima on Monday.\n"
        "Mia Sol, a Saudi national, wrote for a newspaper.\n"
        "Chilean ambassador to Peru Ana Ruiz was called in.\n"
    )
    facts = Facts(
        countries=[
            link("Ben Cole", "Chile", "A Chilean", "person", source=text),
            link("Mia Sol", "Saudi Arabia", "Mia Sol", "person", source=text),
            link("Ana Ruiz", "Peru", "Chilean ambassador", "person", source=text),
        ]
    )
    prompts = {d.prompt: d.answer for d in built(which_country, facts, text)}
    assert prompts["Which country is Ben Cole from?"] == "Chile"
    assert prompts["Which country is Mia Sol from?"] == "Saudi Arabia"
    assert prompts["Which country is Ana Ruiz the ambassador to?"] == "Peru"
    assert not [p for p in prompts if p.endswith(" to of?")]
