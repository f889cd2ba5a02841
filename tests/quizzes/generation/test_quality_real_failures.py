"""Failure classes found by judging the questions of real articles with the teacher's
rubric (issue 11), each with invented sentences: the rule in quizzes/generation that
now catches it, and what the generator asks instead."""

from __future__ import annotations

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import (
    generate_questions,
    generation_context,
    review_questions,
    which_country,
)
from quizzes.generation import quality as q
from quizzes.generation.distractors import part_of_country
from quizzes.generation.text import BLANK, gives_away_country, restore_names

from .facts_for_tests import line_of, link, quote
from .test_quality import ctx_for, draft


def prompts(facts, text, kind):
    drafts = generate_questions(facts, article_text=text)
    return [d.prompt for d in drafts if d.kind == kind]


def test_a_hyphenated_adjective_names_its_country():
    assert gives_away_country("the ship crossed Greek-patrolled waters", "Greece")
    assert gives_away_country("a Turkish-built drone", "Turkey")
    assert not gives_away_country("a well-known drone", "Turkey")


def test_a_person_whose_first_name_is_also_a_city_is_asked_as_a_person():
    # "Mary" is a city of Turkmenistan; Mary Otieno is a runner named in the article.
    text = "The course record is still held by Mary Otieno, also from Kenya, since spring.\n"
    facts = Facts(
        countries=[link("Mary Otieno", "Kenya", "The course", "person", source=text)],
        people=[Person(name="Mary Otieno")],
    )
    asked = prompts(facts, text, "which_country")
    assert asked
    assert not any(p.startswith("In which country is") for p in asked)


def test_a_described_subject_takes_the_and_a_name_does_not():
    text = (
        "The Rivermouth pipeline is a Chilean-Peruvian project to carry gas north.\n"
        "The weekly Zelvaro Tidende is a paper printed in Peru for the whole region.\n"
    )
    facts = Facts(
        countries=[
            link("Rivermouth pipeline", "Chile", "The Rivermouth", source=text),
            link("Zelvaro Tidende", "Peru", "The weekly", source=text),
        ]
    )
    ctx = generation_context(facts, article_text=text)
    phrased = [which_country.phrasing(found, ctx).question for found in facts.countries]
    assert phrased == [
        "Which country is the Rivermouth pipeline linked to in the article?",
        "Which country is Zelvaro Tidende linked to in the article?",
    ]
    # a relation the article leaves vague is phrased but never asked
    assert prompts(facts, text, "which_country") == []


def test_an_organisation_is_based_in_from_or_belongs_to_its_country():
    text = (
        "The Switzerland-based tribunal known as the Alpine Sports Court ruled on the appeal.\n"
        "Austrian mortar maker Kessler Werke Group was bought by a rival last month.\n"
        "Norway's state-owned investor Fjordfund led the funding round last week.\n"
    )
    based = link(
        "Alpine Sports Court", "Switzerland", "The Switzerland", "organisation", source=text
    )
    facts = Facts(
        countries=[
            based,
            link("Kessler Werke Group", "Austria", "Austrian mortar", "organisation", source=text),
            link("Fjordfund", "Norway", "Norway's", "organisation", source=text),
        ]
    )
    asked = prompts(facts, text, "which_country")
    assert "In which country is the Alpine Sports Court based?" in asked
    assert "Which country is the Kessler Werke Group from?" in asked
    assert "Which country does Fjordfund belong to?" in asked


def test_a_number_taken_for_a_place_makes_no_question():
    text = "In 2018, Hungary licensed Czech rifle designs and built a plant in Gyula.\n"
    facts = Facts(countries=[link("2018", "Hungary", "In 2018", "place", source=text)])
    drafts = generate_questions(facts, article_text=text)
    assert not [d for d in drafts if "2018" in d.prompt and d.kind != "cloze"]


def test_a_territory_of_another_country_is_no_countrys_answer():
    assert part_of_country("Hong Kong") == "China"
    assert part_of_country("Puerto Rico") == "United States"
    assert part_of_country("Romania") is None
    assert part_of_country("Mali") is None
    text = "Ana Chau, the chief executive of Hong Kong, spoke on Monday about China.\n"
    territory = link("Ana Chau", "Hong Kong", "Ana Chau", "person", source=text)
    asked = draft(
        "which_country",
        "Which country is Ana Chau linked to in the article?",
        "Hong Kong",
        ["China", "Japan", "Vietnam"],
        source=territory,
    )
    assert q.answer_not_a_state(asked, ctx_for(text)) == (
        "answer: Hong Kong is part of China, not a country"
    )
    state = link("Ana Chau", "China", "Ana Chau", "person", source=text)
    asked = draft(
        "which_country",
        "Which country is Ana Chau linked to in the article?",
        "China",
        ["Japan", "Vietnam", "Laos"],
        source=state,
    )
    assert q.answer_not_a_state(asked, ctx_for(text)) is None


def test_a_cloze_country_named_by_its_adjective_elsewhere_is_given_away():
    ctx = ctx_for("x")
    sentence = f"Fill in the blank: {BLANK} denied the claims, though Saudi agents were seen there."
    given = draft("cloze", sentence, "Saudi Arabia", target="country:SA")
    assert q.answer_given_away(given, ctx) == (
        "give-away: the sentence names the blanked country another way"
    )
    fair = draft(
        "cloze",
        f"Fill in the blank: {BLANK} denied the claims made in Cairo.",
        "Saudi Arabia",
        target="country:SA",
    )
    assert q.answer_given_away(fair, ctx) is None


def test_a_blank_after_a_big_city_asks_where_the_city_lies():
    text = "The reporter was detained in a hotel in Istanbul, Turkey.\nHe was held in Kutama, Zimbabwe.\n"
    hotel = link("hotel", "Turkey", "The reporter", source=text)
    village = link("Kutama", "Zimbabwe", "He was held", "place", source=text)
    big = draft(
        "cloze",
        f"Fill in the blank: The reporter was detained in a hotel in Istanbul, {BLANK}.",
        "Turkey",
        source=hotel,
    )
    small = draft(
        "cloze", f"Fill in the blank: He was held in Kutama, {BLANK}.", "Zimbabwe", source=village
    )
    assert q.world_trivia(big, ctx_for(text)) == "trivia: where a well-known place lies"
    assert q.world_trivia(small, ctx_for(text)) is None


def test_a_relative_time_inside_a_quotation_is_the_speakers_words():
    ctx = ctx_for("x")
    quoted = draft(
        "true_false", "True or false? Jo Bell said: “We played better than last week”", "False"
    )
    assert q.relative_time_left(quoted, ctx) is None
    rewritten = draft("true_false", "True or false? Last week, Jo Bell won the final.", "True")
    assert q.relative_time_left(rewritten, ctx)


def test_a_relative_date_is_not_blanked():
    text = "Crowds have filled the squares of the old town since early this June, police say.\n"
    from quizzes.extraction.facts import DatedEvent

    event = DatedEvent(
        event="Crowds have filled the squares",
        when="this June",
        date="2019-06",
        evidence=text.strip(),
        evidence_start=0,
        evidence_end=len(text) - 1,
    )
    drafts = generate_questions(Facts(events=[event]), article_text=text)
    assert not [d for d in drafts if d.kind == "cloze"]


def test_rewriting_gives_a_name_its_capital_back():
    article = "Yesterday the singer Ann Day said no. Day invited a friend. We met on a sunny day.\n"
    assert (
        restore_names("When did day invite a friend?", article) == "When did day invite a friend?"
    )
    article = "Yesterday the singer Ann Day said no. Day invited a friend to the show.\n"
    assert (
        restore_names("When did day invite a friend?", article) == "When did Day invite a friend?"
    )
    assert restore_names("When did the friend come?", article) == "When did the friend come?"


def test_words_also_quoted_from_someone_else_do_not_tell_the_speaker():
    text = (
        "The three ministers called the river treaty “null and void” on Friday.\n"
        "Later, Ana Ruiz said the treaty was “null and void” and “a paper tiger”.\n"
        "Ana Ruiz added that the treaty would be “signed again by autumn”.\n"
    )
    ruiz = quote("null and void", "Ana Ruiz", source=text)
    ruiz = ruiz.__class__(**{**ruiz.__dict__, "start": text.index("null", 80)})
    line, start, end = line_of("Later, Ana", text)
    ruiz = ruiz.__class__(
        **{**ruiz.__dict__, "evidence": line, "evidence_start": start, "evidence_end": end}
    )
    asked = draft("who_said", "Who said: “null and void”?", "Ana Ruiz", source=ruiz)
    assert q.quoted_elsewhere(asked, ctx_for(text)) == (
        "answer: the same words are quoted in another sentence"
    )
    own = quote("signed again by autumn", "Ana Ruiz", source=text)
    asked = draft("who_said", "Who said: “signed again by autumn”?", "Ana Ruiz", source=own)
    assert q.quoted_elsewhere(asked, ctx_for(text)) is None


def test_a_cloze_country_whose_capital_is_in_the_sentence_is_given_away():
    ctx = ctx_for("x")
    given = draft(
        "cloze",
        f"Fill in the blank: Lima recalled its ambassador to {BLANK}.",
        "Peru",
        target="country:PE",
    )
    assert q.answer_given_away(given, ctx) == (
        "give-away: the sentence names the blanked country's capital"
    )
    fair = draft(
        "cloze",
        f"Fill in the blank: Lima recalled its ambassador to {BLANK}.",
        "Chile",
        target="country:CL",
    )
    assert q.answer_given_away(fair, ctx) is None


def test_also_from_a_country_is_where_a_person_is_from():
    text = "The course record is held by Rosa Kimani, also from Kenya, since last spring.\n"
    facts = Facts(
        countries=[link("Rosa Kimani", "Kenya", "The course", "person", source=text)],
        people=[Person(name="Rosa Kimani")],
    )
    assert prompts(facts, text, "which_country") == ["Which country is Rosa Kimani from?"]


def test_a_related_word_in_another_prompt_gives_a_date_away():
    """ "… then as president, 1987–2017" answers "In what year did X assume the
    presidency?": the check compares word stems, not whole words."""
    asked = q.QuizQuestion(
        kind="when", prompt="In what year did Ole Berg assume the presidency?", answer="1987"
    )
    other = (
        f"Fill in the blank: Ole Berg was first minister, {BLANK}–1987, then president, 1987–2017."
    )
    assert q.reveals(other, asked)
    unrelated = f"Fill in the blank: Ole Berg moved abroad in {BLANK}, returning in 1987."
    assert not q.reveals(unrelated, asked)


def test_wrong_speakers_are_people_of_the_article_not_nicknames_or_organisations():
    from quizzes.generation.context import build_context
    from quizzes.generation.text import is_organisation
    from quizzes.generation.who_said import speaker_options

    assert is_organisation("Coast Guard")
    assert is_organisation("Lakeside Diving Adventures")
    assert not is_organisation("Monica Hale")
    # a party or a police unit named like a body, never a person's name (round 47)
    assert is_organisation("Harbour Platform")
    assert is_organisation("Coastal Patrol Command")
    text = (
        "“We searched all night,” said Captain Monica Hale of the harbour patrol.\n"
        "Bluefin released a statement saying “our thoughts are with the families”.\n"
        "“I was called Little Miss Sunshine as a child,” said the diver Rosa Vint.\n"
        "“The sea was calm,” said Jon Pike, a fisherman.\n"
        "Tom Ash, a neighbour, watched from the pier.\n"
    )
    quotes = [
        quote("We searched all night", "Monica Hale", source=text),
        quote("our thoughts are with the families", "Bluefin", source=text),
        quote("I was called Little Miss Sunshine as a child", "Rosa Vint", source=text),
        quote("The sea was calm", "Jon Pike", source=text),
    ]
    quotes[1] = quotes[1].__class__(
        **{**quotes[1].__dict__, "rule": "speech_verb.organisation_subject"}
    )
    people = [Person(name=n) for n in ("Monica Hale", "Rosa Vint", "Jon Pike", "Tom Ash")]
    people.append(Person(name="Miss Sunshine"))
    ctx = build_context(Facts(quotes=quotes, people=people), article_text=text)
    options = speaker_options("Monica Hale", "We searched all night", ctx, seed=1)
    assert "Bluefin" not in options
    assert "Miss Sunshine" not in options
    assert set(options) <= {"Rosa Vint", "Jon Pike", "Tom Ash"}
    assert len(options) >= 2


def test_a_loose_link_makes_no_question_and_a_stated_one_does():
    """ "Which country is X linked to in the article?" reads as nationality whatever
    the relation (blind judges: vague, or wrong); a relation the article states is asked."""
    text = (
        "Lena Kovac, who holds Peruvian papers, spoke at the summit in June.\n"
        "Tom Vik from Sweden chaired the summit on the border this year.\n"
        "Officials of Bolivia and Chile did not attend the summit this year.\n"
    )
    facts = Facts(
        countries=[
            link("Lena Kovac", "Peru", "Lena Kovac", source=text),
            link("Tom Vik", "Sweden", "Tom Vik", "person", source=text),
            link("Officials", "Bolivia", "Officials of", source=text),
        ],
        people=[Person(name="Lena Kovac"), Person(name="Tom Vik")],
    )
    asked = prompts(facts, text, "which_country")
    assert not [p for p in asked if "Lena Kovac" in p]
    assert "Which country is Tom Vik from?" in asked


def test_lower_case_words_taken_for_a_name_are_no_wrong_speaker():
    from quizzes.generation.distractors import plausible_person

    assert plausible_person("Abdel Fattah el-Sisi")
    assert plausible_person("Charles de Gaulle")
    assert not plausible_person("vásárlás mellett")
    assert not plausible_person("de la Cruz")


# Third round (issue 11, section 4): the bank as a teacher reads it --------------


def test_a_statement_is_kept_only_on_a_fact_no_other_question_asks():
    text = "Ana Ruiz, the trade minister of Peru, opened the new bridge over the river.\n"
    asked = draft(
        "which_country", "Which country is Ana Ruiz the trade minister of?", "Peru",
        ["Chile", "Bolivia", "Ecuador"], text=text, fact_keys=("c",), target="country:peru",
    )  # fmt: skip
    crossing_out = draft(
        "true_false", "True or false? Ana Ruiz is the trade minister of Chile.", "False",
        text=text, fact_keys=("c",), target="country:peru",
    )  # fmt: skip
    alone = draft(
        "true_false", "True or false? Ana Ruiz opened the new bridge.", "True",
        text=text, fact_keys=("b",), target="event:bridge",
    )  # fmt: skip
    review = q.select([crossing_out, alone, asked], ctx_for(text))
    assert [d.prompt for d in review.kept] == [alone.prompt, asked.prompt]


def test_a_false_value_that_is_another_questions_option_is_dropped():
    text = "Ana Ruiz, the mayor of Lima, opened the new bridge over the river.\n"
    asked = draft(
        "which_country", "Which country is Ana Ruiz the mayor of?", "Peru",
        ["Chile", "Bolivia", "Ecuador"], text=text, fact_keys=("c",),
    )  # fmt: skip
    crossing_out = draft("true_false", "True or false? Ana Ruiz is from Chile.", "False")
    unrelated = draft("true_false", "True or false? Ben Cole is from Chile.", "False")
    ctx = ctx_for(text)
    assert q.false_value_crosses_out(crossing_out, [asked], ctx)
    assert q.false_value_crosses_out(unrelated, [asked], ctx) is None


def _said(words, speaker, text, attribution="explicit"):
    from dataclasses import replace

    said = quote(words, speaker, source=text)
    # The sentence, not the whole line, is the evidence.
    start = text.rfind(". ", 0, said.start) + 2 if ". " in text[: said.start] else 0
    start = max(start, text.rfind("\n", 0, said.start) + 1)
    end = text.find("\n", said.end)
    return replace(
        said, evidence=text[start:end], evidence_start=start, evidence_end=end,
        attribution=attribution,
    )  # fmt: skip


def test_one_question_per_continuous_utterance():
    text = (
        'The coach said the team "played with heart all season", further saying '
        '"we will be back stronger next spring".\n'
        '"Nobody expected the final to be this close," Ben Cole said.\n'
        '"We kept our shape until the whistle," Cole continued.\n'
        '"The fans were wonderful tonight," Cole later wrote.\n'
    )
    first = _said("played with heart all season", "Ben Cole", text)
    same_sentence = _said("we will be back stronger next spring", "Ben Cole", text)
    opened = _said("Nobody expected the final to be this close,", "Ben Cole", text)
    continued = _said("We kept our shape until the whistle,", "Ben Cole", text)
    later = _said("The fans were wonderful tonight,", "Ben Cole", text)
    ctx = ctx_for(text, Facts(quotes=[first, same_sentence, opened, continued, later]))

    def who(source):
        return draft("who_said", f"Who said: “{source.text}”?", "Ben Cole", source=source)

    assert q.same_utterance(who(same_sentence), [who(first)], ctx)
    assert q.same_utterance(who(continued), [who(opened)], ctx)
    assert q.same_utterance(who(opened), [who(first)], ctx) is None
    assert q.same_utterance(who(later), [who(opened)], ctx) is None


def test_a_second_person_of_a_sentence_with_the_same_country_is_not_asked_again():
    text = "Second and third were Ana Ruiz and Eva Soto, both from Peru, in the sprint.\n"
    ruiz = link("Ana Ruiz", "Peru", "both from", "person", source=text)
    soto = link("Eva Soto", "Peru", "both from", "person", source=text)
    ask_ruiz = draft("which_country", "Which country is Ana Ruiz from?", "Peru", source=ruiz)
    ask_soto = draft("which_country", "Which country is Eva Soto from?", "Peru", source=soto)
    ctx = ctx_for(text)
    assert q.same_country_same_sentence(ask_soto, [ask_ruiz], ctx)
    chilean = replace_country(soto, "Chile")
    ask_chile = draft("which_country", "Which country is Eva Soto from?", "Chile", source=chilean)
    assert q.same_country_same_sentence(ask_chile, [ask_ruiz], ctx) is None


def replace_country(found, country):
    from dataclasses import replace

    return replace(found, country=country)


def test_cloze_give_aways_a_teacher_spots():
    text = "Troops leave Peru\nThe envoy said the army would move into northern Chile.\n"
    ctx = ctx_for(text)
    year = draft(
        "cloze", f"Fill in the blank: The code ends in \"07\" for the year it began, {BLANK}.",
        "2007", target="date:2007",
    )  # fmt: skip
    fair_year = draft(
        "cloze", f"Fill in the blank: The code was chosen in {BLANK}.", "2007",
        target="date:2007",
    )  # fmt: skip
    assert q.cloze_year_in_parts(year, ctx)
    assert q.cloze_year_in_parts(fair_year, ctx) is None
    long_card = draft("cloze", "Fill in the blank: " + "the envoy spoke " * 25 + BLANK + ".", "x")
    assert q.cloze_too_long(long_card, ctx)
    assert q.cloze_too_long(fair_year, ctx) is None
    titled = draft(
        "cloze", f"Fill in the blank: The army would move into northern {BLANK}.", "Peru",
        target="country:peru",
    )  # fmt: skip
    other = draft(
        "cloze", f"Fill in the blank: The army would move into northern {BLANK}.", "Chile",
        target="country:chile",
    )  # fmt: skip
    assert q.cloze_headline_country(titled, ctx)
    assert q.cloze_headline_country(other, ctx) is None
    naming = draft("when", "When did the envoy say troops would leave Chile?", "May 2020")
    silent = draft("when", "When did the envoy speak?", "May 2020")
    assert q.country_named_elsewhere(naming, [other], ctx)
    assert q.country_named_elsewhere(silent, [other], ctx) is None


def test_a_card_blanking_the_speaker_of_an_utterance_already_asked_is_dropped():
    text = (
        '"Nobody expected the final to be this close," Ben Cole said. '
        '"We kept our shape until the whistle," Cole continued.\n'
    )
    opened = _said("Nobody expected the final to be this close,", "Ben Cole", text)
    continued = _said("We kept our shape until the whistle,", "Ben Cole", text)
    ctx = ctx_for(text, Facts(quotes=[opened, continued]))
    asked = draft("who_said", f"Who said: “{opened.text}”?", "Ben Cole", source=opened)
    card = draft(
        "cloze", f'Fill in the blank: "We kept our shape until the whistle," {BLANK} continued.',
        "Cole", source=continued, target="person:cole",
    )  # fmt: skip
    assert q.same_utterance(card, [asked], ctx)


# Fourth round: blind judges on unseen articles (issue 11 §4). Invented sentences.


def test_a_body_named_only_by_a_common_noun_makes_no_question():
    text = (
        "Lawmakers in Freedonia backed the plan that the country's cabinet drafted in spring.\n"
        "The plan needs the approval of the country's Supreme Tribunal before June.\n"
    )
    facts = Facts(
        countries=[
            link("cabinet", "Chile", "Lawmakers in", "organisation", source=text),
            link("Supreme Tribunal", "Chile", "The plan needs", "organisation", source=text),
        ]
    )
    assert prompts(facts, text, "which_country") == []


def test_an_institution_is_not_held_and_an_international_body_is_no_countrys():
    text = (
        "Deputies met in Peru's Grand Chamber of Deputies to vote on the budget bill.\n"
        "Speaking for Peru's Oxfam International, Rosa Quispe welcomed the vote warmly.\n"
        "The Andean Trade Summit was held in Lima, Peru, in the first week of May.\n"
    )
    facts = Facts(
        countries=[
            link("Grand Chamber of Deputies", "Peru", "Deputies met", "event", source=text),
            link("Oxfam International", "Peru", "Speaking for", "organisation", source=text),
        ]
    )
    asked = prompts(facts, text, "which_country")
    assert not any(" held?" in p or "take place" in p for p in asked), asked
    assert not any("Oxfam" in p for p in asked)
    assert asked == ["Which country does the Grand Chamber of Deputies belong to?"]
    summit = Facts(
        countries=[link("Andean Trade Summit", "Peru", "The Andean Trade", "event", source=text)]
    )
    assert prompts(summit, text, "which_country") == [
        "In which country was the Andean Trade Summit held?"
    ]


def test_a_place_is_not_asked_whether_its_sentence_places_it_or_not():
    """Where a place lies is geography: a teacher sees no such question, placed by its
    sentence or not, and none is drafted only to be dropped."""
    far = "Boats sailed up the Vrana towards the old mills long before the border of Chile moved.\n"
    near = "Boats sailed up the Vrana in Chile towards the old mills every summer.\n"
    for text in (far, near):
        fact = link("Vrana", "Chile", "Boats sailed", "place", source=text)
        review = review_questions(Facts(countries=[fact]), article_text=text)
        assert not [d for d in review.kept if d.kind == "which_country"]
        assert not [d for d, _ in review.dropped if d.kind == "which_country"], review.dropped


def test_one_question_per_answer_country_a_persons_first():
    text = (
        "The Harbour Forum was held in Valparaíso, Chile, on a cold morning.\n"
        "Marta Olmedo of Chile, a trader, opened it with a short speech.\n"
    )
    facts = Facts(
        countries=[
            link("Harbour Forum", "Chile", "The Harbour Forum", "event", source=text),
            link("Marta Olmedo", "Chile", "Marta Olmedo", "person", source=text),
        ],
        people=[Person(name="Marta Olmedo")],
    )
    assert prompts(facts, text, "which_country") == ["Which country is Marta Olmedo from?"]


def test_no_which_country_question_when_the_title_names_the_answer():
    body = "Marta Olmedo of Chile, a trader, opened the fair with a short speech.\n"
    facts_for = lambda text: Facts(  # noqa: E731
        countries=[link("Marta Olmedo", "Chile", "Marta Olmedo", "person", source=text)],
        people=[Person(name="Marta Olmedo")],
    )
    titled = "Chilean traders open a fair in the port\n" + body
    assert prompts(facts_for(titled), titled, "which_country") == []
    untitled = "Traders open a fair in the port\n" + body
    assert prompts(facts_for(untitled), untitled, "which_country") == [
        "Which country is Marta Olmedo from?"
    ]


def test_a_quotation_stating_the_year_of_a_when_question_gives_it_away():
    """ "We proposed a levy in 2016 …" answers "In what year was a levy proposed for
    taxing yachts?": the year beside half of what the question names."""
    asked = q.QuizQuestion(
        kind="when", prompt="In what year was a levy proposed for taxing yachts?", answer="2016"
    )
    quoted = "Who said: “We proposed a levy in 2016 and nobody has read it since”?"
    assert q.reveals(quoted, asked)
    assert not q.reveals("Who said: “We moved the office to the coast in 2016”?", asked)
