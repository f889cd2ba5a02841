"""Quotation finding and speaker attribution, one rule per test, on invented sentences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.tokens import Span

from quizzes.extraction.people import PeopleIndex
from quizzes.extraction.quotes import extract_quotes
from tests.quizzes.extraction.conftest import said


def test_curly_quote_with_inverted_said(quotes_of):
    quotes = quotes_of("“We will win this race,” said Andrew Smith.")
    assert said(quotes) == {"We will win this race": "Andrew Smith"}
    assert quotes[0].attribution == "explicit"
    assert quotes[0].evidence == "“We will win this race,” said Andrew Smith."


def test_straight_quotes_and_name_before_said(quotes_of):
    quotes = quotes_of('"Prices will keep rising," Maria Lopez said on Monday.')
    assert said(quotes) == {"Prices will keep rising": "Maria Lopez"}


def test_honorific_and_surname_resolve_to_the_full_name(quotes_of):
    text = "Andrew Smith is an analyst at the bank.\n“It is far too late,” Mr Smith said."
    assert said(quotes_of(text)) == {"It is far too late": "Andrew Smith"}


def test_told_a_news_outlet(quotes_of):
    quotes = quotes_of("Jane Doe told ABC News that the plan was “a total disaster”.")
    assert said(quotes) == {"a total disaster": "Jane Doe"}


def test_wrote(quotes_of):
    quotes = quotes_of("“The data is clear,” Peter Brown wrote on social media.")
    assert said(quotes) == {"The data is clear": "Peter Brown"}


def test_pronoun_skips_a_person_of_the_other_gender(quotes_of):
    text = "Ms Jane Doe met Mr John Roe in Paris on Monday.\n“We disagreed on almost everything,” she said."
    quotes = quotes_of(text)
    assert said(quotes) == {"We disagreed on almost everything": "Jane Doe"}
    assert quotes[0].attribution == "pronoun"


def test_pronoun_takes_the_nearest_earlier_person(quotes_of):
    text = "Talks were led by Mr Omar Haddad.\n“Nothing is agreed until everything is agreed,” he said."
    assert said(quotes_of(text)) == {"Nothing is agreed until everything is agreed": "Omar Haddad"}


def test_according_to(quotes_of):
    text = "“Costs will double by next year,” according to Nadia Petrova, an economist at the bank."
    quotes = quotes_of(text)
    assert said(quotes) == {"Costs will double by next year": "Nadia Petrova"}
    assert quotes[0].attribution == "according_to"


def test_one_word_quote_described_as(quotes_of):
    quotes = quotes_of("Prime Minister Anna Berg described the budget as “reckless”.")
    assert said(quotes) == {"reckless": "Anna Berg"}
    assert quotes[0].evidence.startswith("Prime Minister Anna Berg described")


def test_multi_sentence_quote_is_one_quotation(quotes_of):
    quotes = quotes_of("“We tried. We failed. We will try again,” Ms Anna Berg said.")
    assert said(quotes) == {"We tried. We failed. We will try again": "Anna Berg"}


def test_quote_running_over_two_paragraphs(quotes_of):
    text = "Tom Hale said:\n“The first part of the plan is done.\n“The second part starts in May.”"
    quotes = quotes_of(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "The first part of the plan is done. The second part starts in May."
    assert q.speaker == "Tom Hale"
    assert (q.start, q.end) == (text.index("The first"), text.index("May.") + 4)


def test_unclosed_paragraph_continues_the_previous_speaker(quotes_of):
    text = (
        "Lena Fischer runs a bakery in the town.\n"
        "“Flour costs twice what it did,” she said.\n"
        "“We cannot pass that on to customers.\n"
        "Prices in the region rose again in March."
    )
    quotes = quotes_of(text)
    assert said(quotes) == {
        "Flour costs twice what it did": "Lena Fischer",
        "We cannot pass that on to customers.": "Lena Fischer",
    }
    assert quotes[1].attribution == "continuation"


def test_next_quote_in_the_paragraph_continues_the_speaker(quotes_of):
    text = "“It was not easy,” Susan Cole said. “But it was worth it.”"
    assert said(quotes_of(text)) == {
        "It was not easy": "Susan Cole",
        "But it was worth it.": "Susan Cole",
    }


def test_quote_inside_a_quote(quotes_of):
    quotes = quotes_of("“He told me ‘never again’ and walked out,” said Rosa Diaz.")
    assert said(quotes) == {
        "He told me ‘never again’ and walked out": "Rosa Diaz",
        "never again": None,
    }


def test_attribution_in_the_next_sentence(quotes_of):
    text = "“Nobody in this city listens to us.”\nThat was the verdict of union leader Mark Tully."
    quotes = quotes_of(text)
    assert said(quotes) == {"Nobody in this city listens to us.": "Mark Tully"}
    assert quotes[0].attribution == "next_sentence"


def test_quote_paragraph_after_reported_speech(quotes_of):
    text = "Farmer Lisa Crane says the drought is the worst she remembers.\n“We have lost half the herd.”"
    assert said(quotes_of(text)) == {"We have lost half the herd.": "Lisa Crane"}


def test_colon_introduces_the_quote(quotes_of):
    text = "The council leader, Carl Les, said: “We will not rest until every family is home.”"
    assert said(quotes_of(text)) == {"We will not rest until every family is home.": "Carl Les"}


def test_participle_saying_takes_the_subject_of_its_clause(quotes_of):
    text = "Ms Anna Berg agreed with the report, saying “the work is far from done”."
    assert said(quotes_of(text)) == {"the work is far from done": "Anna Berg"}


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “peace plan” was rejected by both sides.",
        "The ministry called the report “fake news” on Tuesday.",
        "Analysts said the move was “risky” for the economy.",
    ],
)
def test_scare_quotes_and_non_person_sources_have_no_speaker(quotes_of, text):
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].speaker is None


def test_heading_takes_the_speaker_of_the_quote_it_repeats(quotes_of):
    text = (
        "‘We will rebuild this town’\n"
        "The mayor, Carla Ortiz, visited the flooded streets on Monday.\n"
        "“We will rebuild this town,” Ms Ortiz said."
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Carla Ortiz", "Carla Ortiz"]
    assert quotes[0].attribution == "heading"


def test_heading_without_a_matching_quote_has_no_speaker(quotes_of):
    text = "‘A town in shock’\nResidents gathered in the square on Sunday.\n“It was terrifying,” said Omar Haddad."
    assert said(quotes_of(text)) == {"A town in shock": None, "It was terrifying": "Omar Haddad"}


def test_name_the_model_mislabels_is_recovered_from_the_attribution(quotes_of):
    text = (
        "Olu Adeyemi-Brooks, a senior fellow at the Chatham Institute, said the vote was “a turning point”.\n"
        "“Nobody expected it,” Mr Adeyemi-Brooks said."
    )
    assert said(quotes_of(text)) == {
        "a turning point": "Olu Adeyemi-Brooks",
        "Nobody expected it": "Olu Adeyemi-Brooks",
    }


def test_apostrophes_are_not_quotation_marks(quotes_of):
    assert (
        quotes_of("It’s the leaders’ summit, and the ’90s are long gone. Don't worry about 'em.")
        == []
    )


def test_plural_possessive_inside_a_single_quoted_quote(quotes_of):
    quotes = quotes_of("‘The leaders’ decision was wrong,’ said Ann Lee.")
    assert said(quotes) == {"The leaders’ decision was wrong": "Ann Lee"}


def test_offsets_point_into_the_text(quotes_of):
    text = (
        "Intro line.\n“First,” said Ann Lee. Then “second” came from Mr Bo Chan, who said “third”."
    )
    for q in quotes_of(text):
        assert text[q.start : q.end] == q.text
        assert text[q.evidence_start : q.evidence_end] == q.evidence
        assert q.evidence_start <= q.start < q.end <= q.evidence_end


def test_quote_interrupted_by_its_attribution(quotes_of):
    text = (
        "Finance Minister Jane Roe spoke first.\n“The problem,” she said, “is that nobody listens.”"
    )
    assert said(quotes_of(text)) == {
        "The problem": "Jane Roe",
        "is that nobody listens.": "Jane Roe",
    }


def test_the_office_holder_description_names_the_earlier_person(quotes_of):
    text = "Finance Minister Jane Roe unveiled the budget.\n“We will not raise taxes,” the minister said."
    assert said(quotes_of(text)) == {"We will not raise taxes": "Jane Roe"}


def test_pronoun_prefers_the_subject_of_the_previous_sentence(quotes_of):
    text = "Mr Ian Smith criticised Mr Tom Jones over the deal. “It was a mistake,” he said."
    assert said(quotes_of(text)) == {"It was a mistake": "Ian Smith"}


def test_name_and_colon_introduce_a_quote(quotes_of):
    text = "Budget reaction\nKeir Stone: ‘This budget is a fraud’"
    assert said(quotes_of(text)) == {"This budget is a fraud": "Keir Stone"}


def test_clause_and_colon_introduce_a_quote(quotes_of):
    text = "Mr Tom Reed was blunt: “This deal is dead.”\nHe went on: “Nobody wants it.”"
    assert said(quotes_of(text)) == {
        "This deal is dead.": "Tom Reed",
        "Nobody wants it.": "Tom Reed",
    }


def test_quote_after_a_sentence_about_a_person_in_the_same_paragraph(quotes_of):
    text = "Ms Jane Smith was unequivocal. “We will not back down.”\nThe firm was sold in 2019. “It was hard.”"
    assert said(quotes_of(text)) == {"We will not back down.": "Jane Smith", "It was hard.": None}


def test_scare_quote_after_reported_speech_is_not_a_continuation(quotes_of):
    text = "Lena Fischer said prices had risen. The so-called “cost of living crisis” hit bakers hardest."
    assert said(quotes_of(text)) == {"cost of living crisis": None}


def test_single_quotes_as_the_main_quotation_marks(quotes_of):
    text = "'It's been a long week,' said Omar Haddad. 'We're all tired.'"
    assert said(quotes_of(text)) == {
        "It's been a long week": "Omar Haddad",
        "We're all tired.": "Omar Haddad",
    }


# --- whole invented articles in four house styles (wire, BBC, AP, ABC), with expected quotes.
ARTICLES = Path(__file__).parent / "articles"


def _norm(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())


@pytest.mark.parametrize(
    "name",
    [
        "wire_ports",
        "uk_floods",
        "ap_parks",
        "abc_analysis",
        "wire_chips",
        "ap_rugby",
        "sport_derby",
        "court_fraud",
    ],
)
def test_invented_article_quotes_and_speakers(quotes_of, name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    got = {_norm(q.text): q.speaker for q in quotes_of(text)}
    want = {_norm(e["quote"]): e["speaker"] for e in expected}
    assert got == want


# --- generalisation: patterns from a blind test on unseen articles (new invented sentences).
def test_pronoun_goes_to_the_speaker_not_a_storm_in_a_relative_clause(quotes_of):
    text = (
        "Rahim Uddin, 61, a former fisherman from Khulna who arrived after Cyclone Sidr hit "
        "the delta in 2007, said he had never been offered compensation.\n"
        "“I asked the council three times,” he said. “Nobody answered.”"
    )
    assert said(quotes_of(text)) == {
        "I asked the council three times": "Rahim Uddin",
        "Nobody answered.": "Rahim Uddin",
    }


def test_pronoun_prefers_the_subject_of_the_speech_verb_over_a_nearer_subject(quotes_of):
    text = (
        "Mr Omar Haddad, whose brother Karim Haddad ran the mill until it closed, said the town "
        "had been forgotten. “We buried the future here,” he said."
    )
    assert said(quotes_of(text)) == {"We buried the future here": "Omar Haddad"}


def test_unnamed_source_after_an_organisation_gets_no_speaker(quotes_of):
    text = (
        "The Accra Chamber of Commerce and Industry said the agreement would “cut costs for traders”.\n"
        "A senior Ghanaian banker, who spoke on condition of anonymity as he had no licence to "
        "talk, said the central bank had not been consulted. “We learned about it from the "
        "radio,” he said."
    )
    assert said(quotes_of(text)) == {
        "cut costs for traders": "Accra Chamber of Commerce and Industry",
        "We learned about it from the radio": None,
    }


def test_unnamed_witness_blocks_the_earlier_named_person(quotes_of):
    text = (
        "Maria Santos, the mayor, spoke first. Later, a police officer said the road was closed. "
        "“Nobody can get through,” he said."
    )
    assert said(quotes_of(text)) == {"Nobody can get through": None}


def test_he_never_refers_to_an_organisation(quotes_of):
    text = (
        "The Federation of Kenyan Employers said the rules were “unworkable”.\n"
        "“We will appeal,” he said."
    )
    quotes = said(quotes_of(text))
    assert quotes["unworkable"] == "Federation of Kenyan Employers"
    assert quotes["We will appeal"] is None


def test_title_then_appositive_name_gives_the_name(quotes_of):
    text = "Chile’s Interior Minister, Rosa Ibáñez, said her government would offer “all the help they ask for”."
    assert said(quotes_of(text)) == {"all the help they ask for": "Rosa Ibáñez"}


def test_sentence_initial_pronoun_with_a_partial_quote_in_reported_speech(quotes_of):
    text = (
        "Helen Okafor, Kenya’s trade minister, criticised the tariffs on Monday.\n"
        "She said Kenya would respond “measure for measure” if the duties took effect."
    )
    quotes = quotes_of(text)
    assert said(quotes) == {"measure for measure": "Helen Okafor"}
    assert quotes[0].attribution == "pronoun"


def test_quote_paragraph_after_a_paraphrase_with_pointed_out(quotes_of):
    text = (
        "Nasir Karim, a labour organiser in Dhaka, has studied the migration for a decade.\n"
        "Karim pointed out that the factories remained in the capital.\n"
        "“If they want people to leave the city, they must move the jobs too.”"
    )
    assert said(quotes_of(text)) == {
        "If they want people to leave the city, they must move the jobs too.": "Nasir Karim"
    }


def test_quote_paragraph_after_a_paraphrase_with_warned(quotes_of):
    text = (
        "Dr Ama Mensah warned that the clinics would run out of insulin by June.\n"
        "“People will die waiting for a shipment that is stuck in a port.”"
    )
    assert said(quotes_of(text)) == {
        "People will die waiting for a shipment that is stuck in a port.": "Ama Mensah"
    }


def test_headline_with_a_topic_prefix_gets_the_later_speaker(quotes_of):
    text = (
        "Greece floods: ‘The water came up to our knees in minutes’\n"
        "Heavy rain flooded the town of Volos on Tuesday.\n"
        "Eleni Papadopoulou, 72, was at home when the river burst its banks. "
        "Mrs Papadopoulou said: “The water came up to our knees in minutes. We lost everything.”"
    )
    quotes = said(quotes_of(text))
    assert quotes["The water came up to our knees in minutes"] == "Eleni Papadopoulou"
    assert quotes["The water came up to our knees in minutes. We lost everything."] == (
        "Eleni Papadopoulou"
    )


def test_headline_with_a_topic_prefix_and_no_later_quote_has_no_speaker(quotes_of):
    text = "Greece floods: ‘A town under water’\nHeavy rain flooded Volos on Tuesday."
    assert said(quotes_of(text)) == {"A town under water": None}


def test_it_said_goes_to_the_organisation_that_just_spoke(quotes_of):
    text = (
        "The Lagos Metropolitan Area Transport Authority said fares would rise.\n"
        "“We have no choice,” it said."
    )
    assert said(quotes_of(text)) == {
        "We have no choice": "Lagos Metropolitan Area Transport Authority"
    }


def test_unnamed_spokeswoman_gets_no_speaker(quotes_of):
    text = (
        "A spokeswoman for the health ministry said the vaccines had arrived. "
        "“Distribution starts on Monday,” she said."
    )
    assert said(quotes_of(text)) == {"Distribution starts on Monday": None}


def test_quote_resumes_after_a_paragraph_of_narration(quotes_of):
    text = (
        "The company’s founder, Tunde Bakare, said sales had doubled. “We can barely keep up,” "
        "Mr Bakare said.\n"
        "The firm, which employs 200 people, plans to open a factory in Ibadan.\n"
        "“It will be the biggest in the region.”"
    )
    assert said(quotes_of(text)) == {
        "We can barely keep up": "Tunde Bakare",
        "It will be the biggest in the region.": "Tunde Bakare",
    }


def test_title_with_an_appositive_name_the_model_mislabels(quotes_of):
    text = (
        "Chile's Agriculture Minister, Esteban Vidal, visited the region on Friday.\n"
        "He said the government would spend “whatever it takes” to keep farms alive."
    )
    assert said(quotes_of(text)) == {"whatever it takes": "Esteban Vidal"}


def test_organisation_named_with_of_a_country(quotes_of):
    text = "The Central Bank of Nigeria said the naira would “find its level”."
    assert said(quotes_of(text)) == {"find its level": "Central Bank of Nigeria"}


def test_organisation_in_a_which_clause_after_according_to(quotes_of):
    text = (
        "The ruling is the third this year, according to Amnesty International Kenya, which "
        "called evictions without notice “a national scandal”."
    )
    assert said(quotes_of(text)) == {"a national scandal": "Amnesty International Kenya"}


def test_unnamed_person_who_gives_a_first_name(quotes_of):
    text = (
        "Her neighbour, a retired teacher who gave his name only as Daniel, said he was "
        "cautious.\n“They will come back,” he said."
    )
    assert said(quotes_of(text)) == {"They will come back": "Daniel"}


def test_a_spokesman_for_a_named_person_is_not_that_person(quotes_of):
    text = (
        "A spokesman for Mr Omar Haddad, who declined to be named, said the talks had stalled. "
        "“There is nothing to add,” he said."
    )
    assert said(quotes_of(text)) == {"There is nothing to add": None}


def test_the_year_old_said_is_the_person_just_described(quotes_of):
    text = "Maria Costa, 58, lost her house in the fire. “Everything we had is gone,” the 58-year-old said."
    assert said(quotes_of(text)) == {"Everything we had is gone": "Maria Costa"}


def test_the_farmer_said_is_the_person_just_described(quotes_of):
    text = "Joao Pereira has farmed here for 30 years. “I have never seen anything like it,” the farmer said."
    assert said(quotes_of(text)) == {"I have never seen anything like it": "Joao Pereira"}


def test_the_mother_of_a_number_said_is_the_person_just_described(quotes_of):
    text = "Ruth Hallam lost her shop in the storm.\n“We start again from nothing,” said the mother of four."
    assert said(quotes_of(text)) == {"We start again from nothing": "Ruth Hallam"}


def test_the_mother_of_someone_else_is_not_the_person_just_described(quotes_of):
    text = "Ruth Hallam lost her shop in the storm.\n“We start again from nothing,” said the mother of the pilot."
    assert said(quotes_of(text)) == {"We start again from nothing": None}


def test_quotation_after_a_sentence_naming_one_person_is_theirs(quotes_of):
    text = (
        "The visitors scored twice late on, leaving coach Rene Albers furious. "
        "“We handed them two goals and that decided it.”"
    )
    assert said(quotes_of(text)) == {"We handed them two goals and that decided it.": "Rene Albers"}


def test_quotation_after_a_sentence_naming_two_people_is_nobody_named(quotes_of):
    text = (
        "The late penalty angered both Rene Albers and Tomas Vilkner. "
        "“We handed them two goals and that decided it.”"
    )
    assert said(quotes_of(text)) == {"We handed them two goals and that decided it.": None}


def test_reflexive_before_an_organisation_name_is_the_organisation(quotes_of):
    text = (
        "Kelvar Industries is under review. In the report itself Kelvar also made this point, "
        "writing “We have told every regulator involved.”"
    )
    assert said(quotes_of(text)) == {"We have told every regulator involved.": "Kelvar"}


def test_the_official_said_stays_an_unnamed_source(quotes_of):
    text = (
        "Mr Omar Haddad leads the ministry. An official at the ministry spoke on condition of "
        "anonymity. “The talks are over,” the official said."
    )
    assert said(quotes_of(text)) == {"The talks are over": None}


# --- round 2: patterns from a second blind test (new invented sentences).
def test_hyphenated_given_name_is_the_speaker_and_a_bare_family_name_links_to_it(quotes_of):
    text = (
        "Trade Minister Jang Do-yoon, speaking in Busan on Thursday, called the investment "
        '"a sign of confidence in our workers".\n'
        "The factory will open next year.\n"
        '"We are ready," Jang said.'
    )
    assert said(quotes_of(text)) == {
        "a sign of confidence in our workers": "Jang Do-yoon",
        "We are ready": "Jang Do-yoon",
    }


def test_called_it_in_a_who_clause_after_a_hyphenated_name(quotes_of):
    text = (
        "The deal was signed by Trade Minister Han Do-hyun, who called it "
        '"a sign of things to come".'
    )
    assert said(quotes_of(text)) == {"a sign of things to come": "Han Do-hyun"}


def test_came_from_in_the_next_sentence_names_the_speaker(quotes_of):
    text = (
        "Shipping rates doubled in March, Lena Ford said.\n"
        '"The market has simply run out of ships." That verdict came from Sofia Brandt, '
        "a freight analyst at Nordhavn Capital."
    )
    quotes = quotes_of(text)
    assert said(quotes) == {"The market has simply run out of ships.": "Sofia Brandt"}
    assert quotes[0].attribution == "next_sentence"


def test_was_put_by_in_the_next_sentence_names_the_speaker(quotes_of):
    text = (
        '"Nobody expected this," said Lena Ford.\n'
        '"How long can this last?" The question was put by Tomas Reyes, '
        'who called the delays "a scandal".'
    )
    assert said(quotes_of(text)) == {
        "Nobody expected this": "Lena Ford",
        "How long can this last?": "Tomas Reyes",
        "a scandal": "Tomas Reyes",
    }


def test_words_of_and_possessive_in_the_next_sentence(quotes_of):
    text = (
        "Mr Tomas Reyes spoke first. Ms Sofia Brandt spoke second.\n"
        '"Nobody saw this coming." Those were the words of Mr Reyes.\n'
        '"We will adapt." That was Ms Brandt\'s view.'
    )
    assert said(quotes_of(text)) == {
        "Nobody saw this coming.": "Tomas Reyes",
        "We will adapt.": "Sofia Brandt",
    }


def test_words_of_a_colleague_are_the_colleague_s(quotes_of):
    text = (
        "Teresa Olsen said the forecasts were optimistic.\n"
        '"Traffic has fallen three years in a row." Those were the words of Ms Olsen\'s '
        "colleague, Daniel Kruger."
    )
    assert said(quotes_of(text)) == {"Traffic has fallen three years in a row.": "Daniel Kruger"}


def test_next_sentence_about_something_else_is_not_a_source(quotes_of):
    text = (
        '"We will not back down," said Lena Ford.\n'
        '"The fight goes on." The plan was drawn up by Tomas Reyes last year.'
    )
    assert said(quotes_of(text))["The fight goes on."] == "Lena Ford"


def test_source_organisation_in_the_next_sentence(quotes_of):
    text = (
        "The port authority said on Monday it would expand.\n"
        '"We have no other choice." The warning came from the Baltic Freight Council.'
    )
    assert said(quotes_of(text)) == {"We have no other choice.": "Baltic Freight Council"}


@pytest.mark.parametrize(
    ("clause", "quote"),
    [
        ('who told reporters it was "long overdue"', "long overdue"),
        ('who warned that the plan was "reckless"', "reckless"),
        ('who described it as "a giveaway"', "a giveaway"),
        ('who said the rally was "running out of steam"', "running out of steam"),
    ],
)
def test_who_clause_after_an_appositive_goes_to_the_named_person(quotes_of, clause, quote):
    text = f"The move was welcomed by Dara Okafor, a trade unionist in Lagos, {clause}."
    assert said(quotes_of(text)) == {quote: "Dara Okafor"}


def test_headline_with_a_role_and_says_goes_to_the_office_holder(quotes_of):
    text = (
        "'A historic day', Foreign Minister says\n"
        'Foreign Minister Elena Marsh said on Friday the treaty was "a historic day for both nations".'
    )
    assert said(quotes_of(text)) == {
        "A historic day": "Elena Marsh",
        "a historic day for both nations": "Elena Marsh",
    }


def test_headline_quote_then_colon_and_source_takes_the_repeated_quote_s_speaker(quotes_of):
    text = (
        "'We will win a clear majority': NDA leader\n"
        "The leader of the National Democratic Alliance, Rohan Mehta, told supporters on "
        'Sunday: "We will win a clear majority and form the next government."'
    )
    quotes = quotes_of(text)
    assert said(quotes)["We will win a clear majority"] == "Rohan Mehta"
    assert quotes[0].attribution == "heading"


def test_headline_quote_then_colon_and_an_organisation(quotes_of):
    text = (
        "'Our members have had enough': Harbour Workers Union\nDock workers walked out on Monday."
    )
    assert said(quotes_of(text)) == {"Our members have had enough": "Harbour Workers Union"}


def test_acronym_speaker_is_the_organisation_in_full(quotes_of):
    text = (
        "The Union of Nordic Chess Federations (UNCF) suspended two players on Monday.\n"
        'The UNCF said in a statement that the players had "broken the code of conduct".\n'
        "The Federation of Coastal Fishing Cooperatives criticised the quotas.\n"
        '"This will ruin small boats," the FCFC said.'
    )
    assert said(quotes_of(text)) == {
        "broken the code of conduct": "Union of Nordic Chess Federations",
        "This will ruin small boats": "Federation of Coastal Fishing Cooperatives",
    }


def test_agent_of_a_passive_speech_verb_is_the_speaker(quotes_of):
    text = (
        "The ban was criticised by Lars Ekdahl, the club's chairman, who told Reuters: "
        '"We will appeal this decision."'
    )
    assert said(quotes_of(text)) == {"We will appeal this decision.": "Lars Ekdahl"}


def test_an_acronym_agent_of_a_name_with_of_the_describes(quotes_of):
    text = (
        "Bishop Tomas Reyes died on Sunday, the Catholic Bishops' Conference of the Andes "
        '(CBCA) reported. Reyes was described by the CBCA as "a patient friend of the towns."'
    )
    assert said(quotes_of(text)) == {
        "a patient friend of the towns.": "Catholic Bishops' Conference of the Andes"
    }


def test_one_word_headline_quote_is_no_person_and_goes_to_the_role_holder(quotes_of):
    text = (
        "'Absurd', club chairman says\n"
        'Lars Ekdahl, the club\'s chairman, said on Monday the fine was "absurd".'
    )
    assert said(quotes_of(text)) == {"Absurd": "Lars Ekdahl", "absurd": "Lars Ekdahl"}


def test_party_acronym_with_a_possessive_in_its_full_name(quotes_of):
    text = (
        "The Jatiya People's Party (JPP) claimed a landslide on Monday.\n"
        'The JPP said turnout was "the highest in our history".'
    )
    assert said(quotes_of(text)) == {"the highest in our history": "Jatiya People's Party"}


def test_quote_paragraph_then_a_named_speaker_in_the_next_sentence(quotes_of):
    text = (
        "The National Democratic Front (NDF) rejected the results. Its leader, Farida Akter, "
        'called the count "a farce".\n'
        '"We will not accept this." The NDF said it would publish its own tally.'
    )
    assert said(quotes_of(text)) == {
        "a farce": "Farida Akter",
        "We will not accept this.": "National Democratic Front",
    }


def test_quote_paragraph_then_unnamed_police_keeps_the_previous_speaker(quotes_of):
    text = (
        '"We are heartbroken," said Ann Lee.\n'
        '"He was everything to us." Police said the driver had been arrested.'
    )
    assert said(quotes_of(text))["He was everything to us."] == "Ann Lee"


def test_known_surname_the_tagger_reads_as_a_common_noun(quotes_of):
    text = (
        'The club\'s president, Rui Mendes, called the ban "unjust".\n'
        '"We will take this to the Court of Arbitration for Sport," Mendes said.'
    )
    assert said(quotes_of(text)) == {
        "unjust": "Rui Mendes",
        "We will take this to the Court of Arbitration for Sport": "Rui Mendes",
    }


def test_headline_role_matches_the_only_person_with_that_office_word(quotes_of):
    text = (
        "'A message to every club', federation chair says\n"
        'Its disciplinary chair, Ines Carvalho, said the ban was "a message to every club".'
    )
    assert said(quotes_of(text)) == {
        "A message to every club": "Ines Carvalho",
        "a message to every club": "Ines Carvalho",
    }


def test_headline_with_an_unresolved_attribution_takes_the_repeated_quote(quotes_of):
    text = (
        "'Long overdue', says port chief\n"
        'The strike ended on Monday. Dock manager Omar Haddad said the deal was "long overdue".'
    )
    assert said(quotes_of(text)) == {"Long overdue": "Omar Haddad", "long overdue": "Omar Haddad"}


def test_one_official_is_not_the_named_official_met_earlier(quotes_of):
    text = (
        "Senior official Dana Reyes met the delegation on Monday.\n"
        'One official said the talks were "going nowhere".'
    )
    assert said(quotes_of(text)) == {"going nowhere": None}


def test_possessive_remarks_in_the_next_sentence_name_the_speaker(quotes_of):
    text = (
        "Lena Ford, the union's leader, said the strike would go on. Trade Minister "
        "Han Do-hyun met her on Friday.\n"
        '"We will not give in to threats." Mr Han\'s remarks came a day after the talks collapsed.'
    )
    assert said(quotes_of(text)) == {"We will not give in to threats.": "Han Do-hyun"}


def test_relative_clause_after_a_passive_agent_names_the_speaker(quotes_of):
    text = (
        "Jordan sent a delegation to the donor conference in Brussels, led by Deputy Foreign "
        "Minister Samir al-Haddad, who told the state news agency PETRA that Amman wanted "
        '"a fair share, not charity."'
    )
    assert said(quotes_of(text)) == {"a fair share, not charity.": "Samir al-Haddad"}


def test_coordinated_and_said_shares_an_organisation_subject(quotes_of):
    text = (
        "Southern Fjord Ferries, a state-owned shipping company based in Bergen, cancelled "
        'crossings on Tuesday and said in a statement that the move was "painful but necessary."'
    )
    assert said(quotes_of(text)) == {"painful but necessary.": "Southern Fjord Ferries"}


def test_single_name_in_apposition_to_an_office_past_a_relative_clause(quotes_of):
    text = (
        "Malaysia's trade minister, Sukarno, who like many Javanese uses only one name, said "
        'the plant would create "about 3,000 new jobs."'
    )
    assert said(quotes_of(text)) == {"about 3,000 new jobs.": "Sukarno"}


def test_company_title_and_a_long_name_after_the_quote(quotes_of):
    text = (
        '"Thailand has the engineers," SiamCharge Chief Operating Officer Somchai Wongsawat '
        "Chaiyaporn told the Bangkok Post."
    )
    assert said(quotes_of(text)) == {"Thailand has the engineers": "Somchai Wongsawat Chaiyaporn"}


def test_middle_word_of_a_double_surname_on_second_reference(quotes_of):
    text = (
        "Farmers' leader Mirtha Condori Quispe has led the protests since March.\n\n"
        '"We will not move until the decree is withdrawn," Condori told a rally in the capital.'
    )
    assert said(quotes_of(text)) == {
        "We will not move until the decree is withdrawn": "Mirtha Condori Quispe"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        'Finance Minister Oskar Lindqvist dismissed the report as "pure fantasy" on Tuesday.',
        'Finance Minister Oskar Lindqvist hailed the report as "pure fantasy" on Tuesday.',
        'Finance Minister Oskar Lindqvist labelled the report "pure fantasy" on Tuesday.',
        'Finance Minister Oskar Lindqvist branded the report "pure fantasy" on Tuesday.',
    ],
)
def test_dismissed_hailed_labelled_as_are_attribution_verbs(quotes_of, sentence):
    assert said(quotes_of(sentence)) == {"pure fantasy": "Oskar Lindqvist"}


def test_headline_quoting_part_of_a_later_quote_in_straight_single_marks(quotes_of):
    text = (
        "Hospitals brace for 'worst winter yet'\n\n"
        "Hospitals across the region are preparing for a difficult season.\n\n"
        "Dr Amara Singh, head of the regional health board, said: "
        '"We are bracing for the Worst Winter yet, and staff are exhausted."'
    )
    quotes = quotes_of(text)
    assert said(quotes)["worst winter yet"] == "Amara Singh"
    assert quotes[0].attribution == "heading"


def test_crosshead_line_quoting_a_phrase_gets_the_later_speaker(quotes_of):
    text = (
        "Doctors warn of strain on wards\n\n"
        "Hospitals across the region are preparing for a difficult season.\n\n"
        "Home care \u2018falling behind\u2019\n\n"
        "Local councils say funding has not kept pace with demand.\n\n"
        'Councillor James Reed said: "Home care is falling behind and families are paying the price."'
    )
    assert said(quotes_of(text))["falling behind"] == "James Reed"


def test_crosshead_phrase_nobody_repeats_stays_unattributed(quotes_of):
    text = (
        "Home care \u2018a lottery\u2019\n\n"
        'Councillor James Reed said: "Home care is falling behind and families are paying the price."'
    )
    assert said(quotes_of(text))["a lottery"] is None


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        (
            'A Department of Housing and Local Affairs spokesperson said: "{}."',
            "Department of Housing and Local Affairs",
        ),
        ('"{}," a Home Office spokesperson said.', "Home Office"),
        ('A spokesman for the Ministry of Education told the BBC: "{}."', "Ministry of Education"),
        ('"{}," said a spokeswoman for Northern Rail Services.', "Northern Rail Services"),
    ],
)
def test_unnamed_spokesperson_speaks_for_the_organisation_only_as_we(
    quotes_of, sentence, organisation
):
    for words, speaker in (("Care is improving", None), ("We are investing in care", organisation)):
        quotes = quotes_of(sentence.format(words))
        assert [q.text.rstrip(".") for q in quotes] == [words]
        assert quotes[0].speaker == speaker


def test_organisation_itself_as_subject_stays_the_speaker(quotes_of):
    text = (
        "The Department of Health and Social Care said in a statement: "
        '"We have invested record sums."'
    )
    assert said(quotes_of(text)) == {
        "We have invested record sums.": "Department of Health and Social Care"
    }


def test_one_word_name_after_a_role_noun_and_a_relative_clause(quotes_of):
    text = (
        "Its chief executive, Okonkwo, who founded the firm in 2009, told investors the "
        'results were "the best in our history".'
    )
    assert said(quotes_of(text)) == {"the best in our history": "Okonkwo"}


def test_the_department_after_the_department_named_in_full(quotes_of):
    text = (
        "The Department of Transport said on Monday it would publish new rules. The "
        'department said in a statement that they were "long overdue".'
    )
    assert said(quotes_of(text)) == {"long overdue": "Department of Transport"}


@pytest.mark.parametrize(
    "text",
    [
        'Adjoa Boateng, a geologist, studied the samples for months.\n"If the result stands," she said, "the crater holds more ice than anyone thought."',
        'Adjoa Boateng studied the samples.\n"If the result stands," said Ms Boateng, "the crater holds more ice than anyone thought."',
        'Adjoa Boateng studied the samples.\n"If the result stands," Ms Boateng said. "The crater holds more ice than anyone thought."',
        'Amara Osei, who leads the lunar team, studied the samples. The team found more ice than expected.\n\n"If the result stands," she said, "the crater holds more ice than anyone thought."',
    ],
)
def test_interrupted_quotation_gives_both_halves_to_the_speaker(quotes_of, text):
    quotes = quotes_of(text)
    assert len(quotes) == 2
    speaker = "Amara Osei" if "Osei" in text else "Adjoa Boateng"
    assert [q.speaker for q in quotes] == [speaker, speaker]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            'Macky Diallo returned on Sunday, telling thousands of supporters in Dakar that he was back "to end the job".',
            "to end the job",
            "Macky Diallo",
        ),
        (
            'Fatou Ndiaye left the meeting early, warning that the deal would "collapse within weeks".',
            "collapse within weeks",
            "Fatou Ndiaye",
        ),
        (
            'Ousmane Keita spoke in Thies on Friday, saying the budget was "a fraud".',
            "a fraud",
            "Ousmane Keita",
        ),
    ],
)
def test_participle_clause_of_speech_is_the_main_subjects(quotes_of, text, quote, speaker):
    assert said(quotes_of(text)) == {quote: speaker}


def test_the_noun_of_an_organisation_named_earlier_speaks_for_it(quotes_of):
    text = (
        "The Ministry of Foreign Affairs summoned the ambassador on Monday. "
        'The ministry said in a statement it was "deeply concerned" by the clashes.'
    )
    assert said(quotes_of(text)) == {"deeply concerned": "Ministry of Foreign Affairs"}


def test_verb_coordinated_with_a_quoted_one_shares_the_reported_speaker(quotes_of):
    text = (
        "The opposition Patriotic Union Party rejected the ruling. The party said it had "
        '"studied" the verdict and asked for a "fair and peaceful" vote.'
    )
    assert said(quotes_of(text)) == {
        "studied": "Patriotic Union Party",
        "fair and peaceful": "Patriotic Union Party",
    }
    person = (
        'Amina Sow said she had "studied" the verdict and asked for a "fair and peaceful" vote.'
    )
    assert said(quotes_of(person)) == {"studied": "Amina Sow", "fair and peaceful": "Amina Sow"}


def test_name_with_particles_and_foreign_honorific_is_the_speaker(quotes_of):
    text = (
        'The lawyer, Maître Jean-Baptiste Ekambi de la Fontaine, said the ruling was "a scandal".'
    )
    assert said(quotes_of(text)) == {"a scandal": "Jean-Baptiste Ekambi de la Fontaine"}


# --- round 5: learned genders, "led by X", unnamed organisations, outlets told, sport/court.


def test_she_skips_a_man_the_article_already_called_he(quotes_of):
    text = (
        "Alex Morgan coached the team. “We are ready,” he said.\n"
        "Riley Chen joined in June. Morgan praised the new signing.\n"
        "“She has been superb,” Morgan said. “I never doubted it,” she said."
    )
    assert said(quotes_of(text))["I never doubted it"] == "Riley Chen"


def test_gender_learned_from_an_attribution_among_two_names(quotes_of):
    text = (
        "Jordan Lee and Sam Park met on Monday. Lee spoke first. “We are full,” he said.\n"
        "Park disagreed with the plan. Lee left early. “I am tired,” she said."
    )
    assert said(quotes_of(text)) == {"We are full": "Jordan Lee", "I am tired": "Sam Park"}


def test_leader_named_only_after_led_by_is_the_speaker(quotes_of):
    text = "Scientists led by Amara Osei found the reef was dying. “It is alarming,” she said."
    assert said(quotes_of(text)) == {"It is alarming": "Amara Osei"}


def test_unnamed_ministry_gives_no_speaker(quotes_of):
    text = (
        "Heavy rain flooded the capital on Monday, and the Red Cross opened shelters.\n"
        "“The situation is under control,” the ministry said."
    )
    assert said(quotes_of(text)) == {"The situation is under control": None}


def test_age_description_with_no_parsed_subject_is_the_person_last_named(quotes_of):
    text = "Kofi Mensah scored the winner. “It was a dream,” the 24-year-old said."
    assert said(quotes_of(text)) == {"It was a dream": "Kofi Mensah"}


def test_the_defendant_is_the_accused_named_before(quotes_of):
    text = (
        "Gareth Pryce-Lewin denied the charges.\n“I did nothing wrong,” the defendant told jurors."
    )
    assert said(quotes_of(text)) == {"I did nothing wrong": "Gareth Pryce-Lewin"}


def test_position_word_before_a_name_is_not_part_of_the_speaker(quotes_of):
    quotes = quotes_of("Striker Dario Pellegrini, 29, insisted: “We will bounce back.”")
    assert said(quotes) == {"We will bounce back.": "Dario Pellegrini"}


# --- real-news patterns (issue 11 section 3): bodies and texts as speakers, the one spoken to,
# names and terms in quotation marks, nested straight quotes, posts.


def test_a_court_of_something_says_in_a_headline(quotes_of):
    text = "Supreme Court of Appeal says airline must refund 'stranded' passengers\n"
    assert said(quotes_of(text)) == {"stranded": "Supreme Court of Appeal"}


def test_an_office_holder_named_after_the_organisation_writes_a_post(quotes_of):
    text = (
        "Former Ambassador to the World Trade Organization Tessa Moyo wrote on Chirper, "
        '"We cannot walk away from our partners now."'
    )
    assert said(quotes_of(text)) == {"We cannot walk away from our partners now.": "Tessa Moyo"}


def test_straight_quotes_inside_straight_quotes(quotes_of):
    text = (
        'Ruth Okoye posted a reply an hour later.\n"The council has no plan. The "harbour '
        'fund" does not exist. Nobody has seen a penny of it."\n'
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        (
            'The council has no plan. The "harbour fund" does not exist. Nobody has seen a '
            "penny of it.",
            "Ruth Okoye",
        ),
        ("harbour fund", None),
    ]


def test_the_one_spoken_to_is_not_the_speaker(quotes_of):
    text = (
        "Governor Paul Ekwueme admitted the delays. Speaking to Rita Holm of City Radio, he "
        'said, "The failure was mine." '
        '"Nobody saw this coming," Ms Holm said, asking Ekwueme to be "more open with voters."'
    )
    assert said(quotes_of(text)) == {
        "The failure was mine.": "Paul Ekwueme",
        "Nobody saw this coming": "Rita Holm",
        "more open with voters.": "Rita Holm",
    }


def test_a_participle_of_speaking_is_not_the_reporting_verb(quotes_of):
    text = (
        "Maria Quist campaigned for the ferry. Speaking to the local paper, she said, "
        '"We were ignored for ten years [...] That has to change".'
    )
    assert said(quotes_of(text))["We were ignored for ten years [...] That has to change"] == (
        "Maria Quist"
    )


def test_a_text_speaks_for_its_author(quotes_of):
    text = (
        "The Northern Rail Company released a statement which read, in part, "
        '"Services will resume once the line is safe."\n'
        "Mayor Ana Lind criticised the delay. According to a statement released by Lind's "
        'office, "the city was never consulted".\n'
    )
    assert said(quotes_of(text)) == {
        "Services will resume once the line is safe.": "Northern Rail Company",
        "the city was never consulted": "Lind's office",
    }


def test_an_organisation_in_apposition_with_the_subject_speaks(quotes_of):
    text = (
        "One of the unions, the Coastal Workers Federation (CWF), rejected the offer and said "
        'it had been given "no real choice".'
    )
    assert said(quotes_of(text)) == {"no real choice": "Coastal Workers Federation"}


def test_a_body_named_by_its_owner_speaks_as_written(quotes_of):
    text = (
        "The singer Nora Vale died on Sunday. Vale's animal charity said she had been "
        '"cheerful to the end".'
    )
    assert said(quotes_of(text)) == {"cheerful to the end": "Vale's animal charity"}


def test_names_codes_and_terms_in_quotation_marks_are_nobody_s_words(quotes_of):
    text = (
        'The agency said it had named the new strain "TX-41".\n'
        'The deal fits the "open harbour" policy of the council, Ms Lind said.\n'
    )
    assert said(quotes_of(text)) == {"TX-41": None, "open harbour": None}


def test_a_reporting_verb_earlier_in_the_sentence_gives_an_embedded_phrase(quotes_of):
    text = (
        "Judge Ana Lind went on to say she was lenient because the brothers had "
        '"owned up early" by pleading guilty.'
    )
    assert said(quotes_of(text)) == {"owned up early": "Ana Lind"}


def test_a_whole_sentence_quoted_after_a_comma_is_the_subject_s(quotes_of):
    text = (
        "Tom Reid, also online, defended the vote, "
        '"I have said it before and I will say it again: this was fair."'
    )
    assert said(quotes_of(text)) == {
        "I have said it before and I will say it again: this was fair.": "Tom Reid"
    }
    phrase = 'Tom Reid visited the site, "a place of ruin".'
    assert said(quotes_of(phrase)) == {"a place of ruin": None}


def test_a_role_described_by_its_complement_is_someone_unnamed(quotes_of):
    text = (
        "Two guards, Karl Brandt and Otto Weiss, were charged.\n"
        'The head of the port\'s safety unit told the inquiry "Checks were never done."\n'
        'She also said "We should have been called at once."\n'
    )
    assert said(quotes_of(text)) == {
        "Checks were never done.": None,
        "We should have been called at once.": None,
    }


def test_a_speaker_quoting_themselves_inside_a_quotation(quotes_of):
    text = (
        "“People kept asking me, ‘Will you stay?’ and I said, ‘Of course I will stay.’” "
        "Tom Reid said."
    )
    assert said(quotes_of(text)) == {
        "People kept asking me, ‘Will you stay?’ and I said, ‘Of course I will stay.’": "Tom Reid",
        "Will you stay?": None,
        "Of course I will stay.": "Tom Reid",
    }


def test_the_named_role_of_an_organisation_subject_speaks(quotes_of):
    text = (
        "The Canadian Institute of Marine and Coastal Science's director, Dr. Helena Brandt, "
        'said of the storm, "It will get much worse before it gets better."'
    )
    quotes = quotes_of(text)
    assert said(quotes) == {"It will get much worse before it gets better.": "Helena Brandt"}
    assert quotes[0].rule.endswith("named_role_of_organisation")


def test_an_unnamed_person_speaks_under_the_name_the_text_gives(quotes_of):
    text = '"Nobody listens to us any more," said a student using the pseudonym Daniela.'
    assert list(said(quotes_of(text)).values()) == ["Daniela"]


def test_an_addressee_or_pronoun_object_after_the_verb_is_no_speaker(quotes_of):
    text = (
        "Rosa Ferreira spoke first. \u201cIt takes time,\u201d she said, asking Tomas Vidal to be "
        "\u201cpatient and calm.\u201d"
    )
    quotes = quotes_of(text)
    assert said(quotes)["patient and calm."] != "Tomas Vidal"


def test_a_relative_named_after_a_family_noun_speaks_under_that_name(quotes_of):
    text = (
        "Piet Lorrin, the sailor, died on Friday. His wife Mary said "
        '"He would never rest. The sea was his home."'
    )
    assert said(quotes_of(text)) == {"He would never rest. The sea was his home.": "Mary"}


def test_phrases_talked_of_or_expressed_are_the_subjects_words(quotes_of):
    text = (
        'Dean Ola Brandt talked of the lab\'s "many quiet breakthroughs". '
        'The Ministry of Transport justified the closure as "temporary" in nature. '
        'Anna Vik expressed "deep concern" about the plan.'
    )
    assert said(quotes_of(text)) == {
        "many quiet breakthroughs": "Ola Brandt",
        "temporary": "Ministry of Transport",
        "deep concern": "Anna Vik",
    }


def test_the_one_spoken_with_in_an_earlier_sentence_can_be_the_she(quotes_of):
    text = (
        "Tom Vale was hurt in the crash. He died later. Police spoke with Ann Gish as a "
        'witness. She informed them she had a visa, but "that she meant to stay until spring".'
    )
    assert said(quotes_of(text)) == {"that she meant to stay until spring": "Ann Gish"}


def test_a_next_paragraph_about_something_else_names_no_source(quotes_of):
    text = (
        'The agency said on Monday: "Every region can still act." said Dr Lina Hart, its head. '
        '"We are worried by how slowly it moves."\n'
        "According to Dr Omar Sy, once the director of the Northern Health Institute, the "
        'outbreak is "new."'
    )
    assert said(quotes_of(text))["We are worried by how slowly it moves."] == "Lina Hart"


def test_a_phrase_quoted_by_a_verb_coordinated_with_said(quotes_of):
    text = 'The Harbour Office gave its "warmest thanks" and said the rules were "under review".'
    assert said(quotes_of(text)) == {
        "warmest thanks": "Harbour Office",
        "under review": "Harbour Office",
    }


def test_according_to_a_text_leaves_the_clause_subject_speaking(quotes_of):
    text = (
        "Judge Ana Mora, the head of the panel, decided, according to the summary, "
        '"that the order was never lawful in the first place".'
    )
    assert list(said(quotes_of(text)).values()) == ["Ana Mora"]


def test_pleading_guilty_is_no_speech_verb(quotes_of):
    text = (
        'Ray Holt said the pair had "shown remorse" after pleading guilty and '
        '"spared the victims a long trial".'
    )
    assert said(quotes_of(text)) == {
        "shown remorse": "Ray Holt",
        "spared the victims a long trial": "Ray Holt",
    }


def test_according_to_an_outlet_the_reported_speaker_speaks(quotes_of):
    text = (
        "According to the Daily Courier, a spokesman for the ministry expressed regret; "
        '"The plan is lawful and it will go ahead."'
    )
    assert said(quotes_of(text)) == {"The plan is lawful and it will go ahead.": None}


def test_a_corps_is_an_organisation_named_in_full(quotes_of):
    text = (
        "The Norvian Coastal Defence Corps (NCDC), which runs the harbour patrols, declared "
        'that the crew were "heroes" of the night.'
    )
    assert said(quotes_of(text)) == {"heroes": "Norvian Coastal Defence Corps"}


def test_national_government_as_subject_is_the_speaker(quotes_of):
    text = (
        "The Norwegian government published the audit on Friday and said the harbour "
        "contract was “deeply flawed” from the start."
    )
    assert said(quotes_of(text)) == {"deeply flawed": "Norwegian government"}


def test_spokesperson_of_a_national_government_stays_unnamed(quotes_of):
    text = (
        "A Norwegian government spokesperson said the harbour contract was "
        "“deeply flawed” from the start."
    )
    assert said(quotes_of(text)) == {"deeply flawed": None}


def test_it_is_the_organisation_that_was_the_subject_just_before(quotes_of):
    text = (
        "The Baltic Maritime Agency halted its ferry timetable for the storm. "
        "It also thanked the harbour crews, noting “their night shift saved the pier”."
    )
    assert said(quotes_of(text)) == {"their night shift saved the pier": "Baltic Maritime Agency"}


def test_it_after_a_person_subject_is_not_an_organisation(quotes_of):
    text = (
        "Captain Lena Brask halted the ferry timetable for the storm. "
        "It was “a long night for everyone” on the pier."
    )
    assert said(quotes_of(text)) == {"a long night for everyone": None}


def test_they_is_the_organisation_that_was_the_subject_just_before(quotes_of):
    text = (
        "The Orvik Heritage Trust opposed the new tower on Monday. They released a statement "
        'which said, "The skyline of the old port deserves better than this."'
    )
    assert said(quotes_of(text)) == {
        "The skyline of the old port deserves better than this.": "Orvik Heritage Trust"
    }


def test_they_after_people_is_not_an_organisation(quotes_of):
    text = (
        "Two fishermen opposed the new tower on Monday. They released a statement which "
        'said, "The skyline of the old port deserves better than this."'
    )
    assert said(quotes_of(text)) == {"The skyline of the old port deserves better than this.": None}


def test_the_company_is_the_organisation_that_was_the_subject_before(quotes_of):
    text = (
        "Tindra Solar Systems signed a supply deal with Halden Bank on Tuesday. "
        "“Our order book has never been fuller,” the company said."
    )
    assert said(quotes_of(text)) == {"Our order book has never been fuller": "Tindra Solar Systems"}


def test_a_court_finding_is_the_courts_words(quotes_of):
    text = (
        "The High Court of Ostmark heard the appeal in June. The only higher court is the "
        "Federal Court of Ostmark. The court found that the fishing ban was “out of all "
        "proportion to its aim”."
    )
    assert said(quotes_of(text)) == {"out of all proportion to its aim": "High Court of Ostmark"}


def test_police_finding_something_is_no_speech(quotes_of):
    text = "Police found the stolen van near the “old red barn” on Sunday."
    assert said(quotes_of(text)) == {"old red barn": None}


def test_the_letter_speaks_for_whoever_wrote_it_in_the_sentence_before(quotes_of):
    text = (
        "The Kessling Dockworkers Guild wrote to the harbour board last week. "
        "The letter reads: “Our members will not load ships on Sundays.”"
    )
    assert said(quotes_of(text)) == {
        "Our members will not load ships on Sundays.": "Kessling Dockworkers Guild"
    }


def test_the_report_speaks_for_the_author_given_before(quotes_of):
    text = (
        "A report by the Varne Coastal Research Council came out on Monday. The report says the dunes "
        "are “shrinking by a metre every year”."
    )
    assert said(quotes_of(text)) == {
        "shrinking by a metre every year": "Varne Coastal Research Council"
    }


def test_the_courts_summary_speaks_for_the_court(quotes_of):
    text = (
        "The High Court of Ostmark ruled on the fishing ban on Friday. The court's summary "
        "ended with the words: “The ban is set aside with immediate effect.”"
    )
    assert said(quotes_of(text)) == {
        "The ban is set aside with immediate effect.": "High Court of Ostmark"
    }


def test_a_title_in_quotation_marks_is_nobodys_words(quotes_of):
    text = "The novel “Salt Over Brenmark” won the prize, its editor Jonas Feld said."
    assert said(quotes_of(text)) == {"Salt Over Brenmark": None}


def test_a_case_name_in_quotation_marks_is_nobodys_words(quotes_of):
    text = "The tribunal ruled on the case “Marit Oss vs. Brenmark Shipping Limited” on Monday."
    assert said(quotes_of(text)) == {"Marit Oss vs. Brenmark Shipping Limited": None}


def test_the_next_sentence_says_who_made_the_promise(quotes_of):
    text = (
        "The storm flattened the harbour wall.\n"
        "“Every family will be back home by spring.” Mayor Ilse Varga made the promise "
        "on Tuesday evening."
    )
    assert said(quotes_of(text)) == {"Every family will be back home by spring.": "Ilse Varga"}


def test_alleged_introduces_reported_speech(quotes_of):
    text = "Tomas Revik alleged the harbour board was “hiding the true cost of the works”."
    assert said(quotes_of(text)) == {"hiding the true cost of the works": "Tomas Revik"}


def test_a_countrys_ministry_in_the_possessive_is_the_speaker(quotes_of):
    text = "Norway's fisheries ministry said the new quota was “a fair compromise”."
    assert said(quotes_of(text)) == {"a fair compromise": "Norway's fisheries ministry"}


def test_the_one_asked_a_question_answers_in_the_next_sentence(quotes_of):
    text = (
        "Dana Whitfield asked coach Marco Bellini about the match. "
        "“We played our best game of the season,” he said."
    )
    assert said(quotes_of(text)) == {"We played our best game of the season": "Marco Bellini"}


def test_the_one_asked_to_do_something_does_not_take_the_next_he(quotes_of):
    text = (
        "Mr Aldo Brenn asked Mr Kasimir Tolle to leave the stage. "
        "“I had heard enough for one night,” he said."
    )
    assert said(quotes_of(text)) == {"I had heard enough for one night": "Aldo Brenn"}


def test_a_name_the_model_takes_for_a_title_still_speaks(quotes_of):
    quotes = quotes_of('"The door was open," Ilse Varga said. "Nobody was inside."')
    assert said(quotes) == {"The door was open": "Ilse Varga", "Nobody was inside.": "Ilse Varga"}


def test_the_mother_passes_over_the_person_already_taken_as_the_father(quotes_of):
    text = (
        "Prosecutors charged Ilse Brandt and her husband, Tomas Brandt, with neglect. "
        "Tomas Brandt was also charged with fraud.\n"
        'The father said "I only ever wanted the best for the boys."\n'
        'The mother said "Some day I hope they will visit us again."'
    )
    assert said(quotes_of(text)) == {
        "I only ever wanted the best for the boys.": "Tomas Brandt",
        "Some day I hope they will visit us again.": "Ilse Brandt",
    }


def test_the_platform_someone_took_to_is_not_a_speaker(quotes_of):
    text = 'Mayor Ilse Varga took to Twitter to say the town was "proud of the team".'
    assert said(quotes_of(text)) == {"proud of the team": "Ilse Varga"}


def test_these_words_were_spoken_by(quotes_of):
    text = '"We will keep marching." These words were spoken by Tomas Revik at the rally.'
    assert said(quotes_of(text)) == {"We will keep marching.": "Tomas Revik"}


def test_quoted_as_saying_is_the_one_quoted_not_the_outlet(quotes_of):
    text = (
        "State media quoted the minister, Ilse Varga, as saying that the road was “a death trap”."
    )
    assert said(quotes_of(text)) == {"a death trap": "Ilse Varga"}


def test_a_newspaper_quoting_someone_is_no_speaker(quotes_of):
    text = "The Evening Star quoted Ilse Varga as saying the road was “a death trap”."
    assert said(quotes_of(text))["a death trap"] != "Evening Star"


def test_called_something_by_a_person_in_the_passive(quotes_of):
    text = "The road has been called “a death trap” by Tomas Revik."
    assert said(quotes_of(text)) == {"a death trap": "Tomas Revik"}


def test_a_public_body_written_only_with_the_is_the_speaker_as_written(quotes_of):
    text = 'The navy said the frigate was towing grain from Varna "to feed the coastal towns."'
    quotes = quotes_of(text)
    assert said(quotes) == {"to feed the coastal towns.": "navy"}
    assert quotes[0].rule == "speech_verb.bare_national_body"


def test_the_spokesman_of_a_public_body_stays_unnamed(quotes_of):
    text = 'The navy spokesman said the frigate was "fully ready" for the drill.'
    assert said(quotes_of(text)) == {"fully ready": None}


def test_according_to_a_publication_after_the_quotation(quotes_of):
    text = (
        "Last spring a freighter mixed up the two harbours, turning at "
        '"dangerously close range" according to The Harbour Ledger.'
    )
    quotes = quotes_of(text)
    assert said(quotes) == {"dangerously close range": "The Harbour Ledger"}
    assert quotes[0].attribution == "according_to"


def test_according_to_a_publication_before_a_passive_is_no_speaker(quotes_of):
    text = 'The valley was, according to The Harbour Ledger, long called the "orchard" of the west.'
    assert said(quotes_of(text)) == {"orchard": None}


def test_referred_to_something_as_labels_it(quotes_of):
    text = (
        "Kelvar Motors recalled the van on Monday. "
        'Kelvar Motors referred to the fault as a "minor glitch".'
    )
    assert said(quotes_of(text)) == {"minor glitch": "Kelvar Motors"}


def test_referred_to_hospital_is_no_speech(quotes_of):
    text = 'Jonas Ekberg was referred to a clinic for "routine checks" last week.'
    assert said(quotes_of(text)) == {"routine checks": None}


def test_part_of_a_judges_opinion_speaks_for_the_judge(quotes_of):
    text = (
        "District Judge Mara Quill struck down the levy on Friday. Part of the judge's "
        'opinion reads "the levy cannot stand on the facts before this bench."'
    )
    quotes = quotes_of(text)
    assert said(quotes) == {"the levy cannot stand on the facts before this bench.": "Mara Quill"}
    assert quotes[0].rule == "speech_verb.part_of_document"


def test_as_a_courts_decision_put_it(quotes_of):
    text = (
        'For two weeks, freight "slowed to a crawl" — as the Appeals Court decision put it '
        "— at the main port of the island."
    )
    assert said(quotes_of(text)) == {"slowed to a crawl": "Appeals Court"}


def test_as_a_board_put_it_after_a_comma(quotes_of):
    text = 'Rents "went through the roof", as the Harbour Board put it in its review.'
    assert said(quotes_of(text)) == {"went through the roof": "Harbour Board"}


def test_referred_to_the_thing_involved_as(quotes_of):
    text = (
        "Kelvar Motors recalled the van on Monday. "
        'Kelvar Motors referred to the model involved as a "test vehicle".'
    )
    assert said(quotes_of(text)) == {"test vehicle": "Kelvar Motors"}


def test_inverted_said_with_a_long_title_before_the_name(quotes_of):
    text = (
        '"We found a clear pattern in the herds," said study co-author and '
        "Hollis Research Fellow Tamsin Orrey."
    )
    quotes = quotes_of(text)
    assert said(quotes) == {"We found a clear pattern in the herds": "Tamsin Orrey"}
    assert quotes[0].rule == "speech_verb.name_after_title"


def test_inverted_said_with_an_organisation_and_no_title_is_the_organisation(quotes_of):
    text = '"We found a clear pattern in the herds," said the Hollis Research Trust.'
    assert said(quotes_of(text)) == {
        "We found a clear pattern in the herds": "Hollis Research Trust"
    }


# ---------------------------------------------------------------- generalisation round (stop 22)
def test_inverted_said_with_a_lowercase_title_before_a_known_person(quotes_of):
    text = (
        "Ines Varga studies coral at Bellmoor University.\n"
        '"The reef recovered faster than we hoped," said study co-author and senior '
        "research fellow Ines Varga."
    )
    quotes = quotes_of(text)
    assert said(quotes) == {"The reef recovered faster than we hoped": "Ines Varga"}
    assert quotes[0].rule == "speech_verb.name_after_title"


def test_was_how_someone_put_it(quotes_of):
    text = '"The voters have had their say," was how party leader Tomas Ferrand put it.'
    assert said(quotes_of(text)) == {"The voters have had their say": "Tomas Ferrand"}


def test_two_subjects_the_one_that_is_a_person_speaks(quotes_of):
    text = (
        'Ola Berg scored the winner.\nHis teammate Piet Lowry added: "He earned every bit of it."'
    )
    assert said(quotes_of(text)) == {"He earned every bit of it.": "Piet Lowry"}


def test_participle_clause_between_the_name_and_said(quotes_of):
    text = 'Governor Nils Marten, asked whether he would step down, said "certainly not".'
    assert said(quotes_of(text)) == {"certainly not": "Nils Marten"}


def test_participle_clause_after_a_thing_is_no_speaker(quotes_of):
    text = 'The plan, unveiled on Monday, said costs would be "kept low".'
    assert said(quotes_of(text)) == {"kept low": None}


def test_the_agency_is_the_organisation_named_before(quotes_of):
    text = (
        "The launch was run by the Halden Space Centre. Its director, Tom Reyes, said it "
        'went well. The agency added that the crew was "in good spirits".'
    )
    assert said(quotes_of(text))["in good spirits"] == "Halden Space Centre"


def test_statement_from_the_family_of_a_person_is_not_that_person(quotes_of):
    text = (
        "Jonas Pell died on Sunday aged 90.\n"
        'A statement from the family of Jonas Pell read: "We have lost a gentle soul."'
    )
    assert said(quotes_of(text)) == {"We have lost a gentle soul.": None}


def test_in_the_words_of(quotes_of):
    text = (
        'The win was, in the words of coach Vera Lindqvist, "a dream come true". '
        'In the words of one fan, it was "pure magic".'
    )
    assert said(quotes_of(text)) == {
        "a dream come true": "Vera Lindqvist",
        "pure magic": None,
    }


def test_a_spokesperson_for_a_named_person_is_not_that_person(quotes_of):
    text = (
        'A spokeswoman for Governor Ian Colby said he was "deeply disappointed". '
        'A spokesman for Ian Colby, Tom Leary, said the talks were "over".'
    )
    assert said(quotes_of(text)) == {"deeply disappointed": None, "over": "Tom Leary"}


def test_a_kind_of_organisation_followed_by_its_name(quotes_of):
    text = (
        'Trade website ShipWatch reported that the tanker was "badly holed". '
        'The news agency Interfax said the talks were "difficult".'
    )
    assert said(quotes_of(text)) == {"badly holed": "ShipWatch", "difficult": "Interfax"}


def test_colon_after_a_clause_naming_one_person(quotes_of):
    text = 'The new opera left critic Sarah Collins unimpressed: "a dull, overlong evening".'
    quotes = quotes_of(text)
    assert said(quotes) == {"a dull, overlong evening": "Sarah Collins"}
    assert quotes[0].rule == "colon_lead.only_person"


def test_colon_after_a_clause_naming_two_people_names_nobody(quotes_of):
    text = 'The council met Sarah Collins and David Reed on Monday: "We need action now."'
    assert said(quotes_of(text)) == {"We need action now.": None}


def test_verbs_that_carry_a_quotation_in_features(quotes_of):
    text = (
        "David Reed and Sarah Collins flew the last leg. "
        '"Hold your course," radioed Sarah Collins. "Too late for that," muttered David Reed.'
    )
    assert said(quotes_of(text)) == {
        "Hold your course": "Sarah Collins",
        "Too late for that": "David Reed",
    }


def test_the_bank_is_not_the_last_other_organisation(quotes_of):
    text = (
        "The Halden Space Centre said the launch went well. "
        'The central bank said inflation was "stubborn".'
    )
    assert said(quotes_of(text)) == {"stubborn": None}


def test_a_minister_of_another_office_is_not_the_minister_named_before(quotes_of):
    text = (
        "Transport Minister Arjun Mehta said 12 people died. Mehta also said the black box was found. "
        "Among the dead are both drivers. The regional health minister said, "
        '"The wounded have been taken to the city hospital."'
    )
    assert said(quotes_of(text)) == {"The wounded have been taken to the city hospital.": None}


def test_the_minister_of_the_same_office_is_the_minister_named_before(quotes_of):
    text = (
        "Transport Minister Arjun Mehta said 12 people died. Among the dead are both drivers. "
        'The transport minister said, "The wounded have been taken to the city hospital."'
    )
    assert said(quotes_of(text)) == {
        "The wounded have been taken to the city hospital.": "Arjun Mehta"
    }


def test_a_court_text_with_no_author_speaks_for_the_court_named_before(quotes_of):
    text = (
        "On Monday the High Court of Ruritania issued a ruling on the new tax. "
        "The court found the tax to be unlawful. "
        "The High Court is the last court of appeal in civil matters.\n"
        'An excerpt of the judgment reads: "This Court holds that the levy was void '
        'from the start. The ministry must repay every fee it took."'
    )
    (quote,) = quotes_of(text)
    assert quote.speaker in {"High Court", "High Court of Ruritania"}


def test_a_court_text_with_no_court_named_is_nobody_named(quotes_of):
    text = (
        "Anna Berg lost her appeal on Monday. The judges sat for an hour.\n"
        'An excerpt of the judgment reads: "This claim has no basis in law. '
        'The appellant must pay the costs."'
    )
    (quote,) = quotes_of(text)
    assert quote.speaker is None


def test_a_country_as_the_subject_of_a_speech_verb_speaks(quotes_of):
    text = (
        "Talks on the dam broke down on Friday. "
        'Freedonia said the border would stay "closed until further notice".'
    )
    assert said(quotes_of(text)) == {"closed until further notice": "Freedonia"}


def test_a_country_citing_a_reason_in_a_headline_speaks(quotes_of):
    text = "Freedonia bans Acme Air, citing 'safety'\nFreedonia on Monday banned the airline."
    assert said(quotes_of(text)) == {"safety": "Freedonia"}


def test_a_nation_written_with_the_speaks_as_written(quotes_of):
    text = 'Later, the United States announced an end to the "temporary pause" in aid.'
    assert said(quotes_of(text)) == {"temporary pause": "United States"}


def test_a_country_named_by_a_passive_verb_is_not_the_speaker(quotes_of):
    text = (
        "Freedonia grew quickly in the 1980s and, according to the Daily Ledger, was called "
        'the "jewel" of the region.'
    )
    assert said(quotes_of(text)) == {"jewel": None}


def test_a_speaker_whose_surname_the_article_spells_two_ways(quotes_of):
    text = 'Ingrid Johannsen won the race on Sunday. "I am so happy," Johansen said.'
    assert said(quotes_of(text)) == {"I am so happy": "Ingrid Johannsen"}


def test_a_statement_from_the_queen_released_by_her_household_is_hers(quotes_of):
    text = (
        "Queen Mara Velle toured the flooded valley on Monday. The royal household released "
        'a statement from the queen: "I am deeply saddened by the loss of so many homes."'
    )
    assert said(quotes_of(text)) == {
        "I am deeply saddened by the loss of so many homes.": "Mara Velle"
    }


def test_a_statement_read_on_behalf_of_someone_is_theirs(quotes_of):
    text = (
        'An aide read a statement on behalf of President Ivo Marek: "We will rebuild every home."'
    )
    assert said(quotes_of(text)) == {"We will rebuild every home.": "Ivo Marek"}


def test_a_message_from_someone_read_out_by_another_is_the_author_s(quotes_of):
    text = 'Bishop Carla Ruiz read out a message from Pope Clement: "Peace is possible."'
    assert said(quotes_of(text)) == {"Peace is possible.": "Pope Clement"}


def test_as_the_ruling_put_it_just_before_the_quotation_is_the_court_s(quotes_of):
    text = (
        "The Court of Appeal sided with the dockers on Tuesday. "
        'The shipping firm had acted, as the ruling put it, "in clear bad faith".'
    )
    assert said(quotes_of(text)) == {"in clear bad faith": "Court of Appeal"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Two jets crashed in a drill. The air force said both pilots were "safe".', "air force"),
        ('A ferry sank at dawn. The coast guard said the search was "very hard".', "coast guard"),
    ],
)
def test_a_country_s_one_air_force_or_coast_guard_speaks_as_written(quotes_of, text, speaker):
    (quote,) = quotes_of(text)
    assert quote.speaker == speaker


def test_the_air_force_s_spokesman_is_nobody_named(quotes_of):
    text = 'Two jets crashed. An air force spokesman said both pilots were "safe".'
    assert said(quotes_of(text)) == {"safe": None}


def test_a_pope_named_by_one_name_keeps_the_title_and_signs_a_decree(quotes_of):
    text = (
        "Pope Leo met pilgrims in the square on Sunday. The decree signed by the Pope read "
        '"All clergy must report abuse at once." Later, Leo said the rules were "a first step".'
    )
    assert said(quotes_of(text)) == {
        "All clergy must report abuse at once.": "Pope Leo",
        "a first step": "Pope Leo",
    }


def test_a_title_before_a_first_name_of_someone_named_in_full_is_not_kept(quotes_of):
    text = (
        "Princess Ana Reyes thanked her voters on Friday. "
        'Princess Ana said she was "very grateful to them".'
    )
    assert said(quotes_of(text)) == {"very grateful to them": "Ana Reyes"}


def test_a_law_with_its_number_speaks_under_its_whole_name(quotes_of):
    text = (
        'Executive Order No. 112, also known as the "Harbour Rule", states "no vessel may '
        'enter the bay at night without a permit from the port authority."'
    )
    found = said(quotes_of(text))
    assert found[
        "no vessel may enter the bay at night without a permit from the port authority."
    ] == ("Executive Order No. 112")


def test_the_person_after_an_according_to_source_speaks_not_the_agency(quotes_of):
    text = (
        "According to the news agency Tana, the chief judge of Kandor, Rami Sadeq Oru, said "
        'the nine must face "grave fraud charges", adding the state would press on.'
    )
    assert said(quotes_of(text)) == {"grave fraud charges": "Rami Sadeq Oru"}


def test_a_verb_across_a_semicolon_is_not_the_quotations(quotes_of):
    text = (
        'The charter of the Union bans "any meddling of a political kind," a Union '
        "spokesperson said. The spokesperson added about the bid, they "
        '"would not take up such cases"; the Union did not reveal whether it had received any.'
    )
    assert said(quotes_of(text)) == {
        "any meddling of a political kind": None,
        "would not take up such cases": None,
    }


def test_a_surname_with_an_age_after_the_quotation_is_the_person(quotes_of):
    text = 'Lara Okonjo has led the party since 2015. "It is over for us," Okonjo, 54, said.'
    assert said(quotes_of(text)) == {"It is over for us": "Lara Okonjo"}


def test_a_statement_from_the_club_is_the_club_named_before(quotes_of):
    text = (
        "The Dunmore Rowing Club dismissed its coach on Monday. "
        '"We wish him well in his next post," a statement from the club said.'
    )
    assert said(quotes_of(text)) == {"We wish him well in his next post": "Dunmore Rowing Club"}


def test_read_after_a_text_is_its_verb_even_when_tagged_a_noun(quotes_of):
    text = (
        "Dunrow Energy issued a statement. "
        '"Our staff are safe and accounted for," a statement from Dunrow Energy read.'
    )
    assert said(quotes_of(text)) == {"Our staff are safe and accounted for": "Dunrow Energy"}


def test_a_statement_from_a_named_family_is_that_family_s(quotes_of):
    text = (
        "Marta Velloso died on Tuesday. "
        'A statement from the Velloso family read, "She loved the sea more than anything."'
    )
    assert said(quotes_of(text)) == {"She loved the sea more than anything.": "Velloso family"}


def test_a_statement_from_an_unnamed_family_names_nobody(quotes_of):
    text = 'A statement from the family read, "She loved the sea more than anything."'
    assert said(quotes_of(text)) == {"She loved the sea more than anything.": None}


def test_an_account_for_a_named_show_speaks_as_the_show(quotes_of):
    text = (
        "The account for The Harbour Lights Hour, which Ida Roe founded, tweeted: "
        '"Farewell, captain. You taught us everything."'
    )
    assert said(quotes_of(text)) == {
        "Farewell, captain. You taught us everything.": "The Harbour Lights Hour"
    }


def test_a_page_of_a_name_joined_by_and_keeps_the_whole_name(quotes_of):
    text = 'The page of Ash and Oak Radio, run by two students, posted: "Goodbye, friend."'
    assert said(quotes_of(text)) == {"Goodbye, friend.": "Ash and Oak Radio"}


def test_an_account_of_an_unnamed_witness_names_nobody(quotes_of):
    text = 'The account of a witness tweeted: "Goodbye, friend."'
    assert said(quotes_of(text)) == {"Goodbye, friend.": None}


def test_it_after_a_country_s_ministry_as_subject_is_that_ministry(quotes_of):
    text = 'Peru\'s trade ministry cancelled the fair. It said the delays were "not acceptable".'
    assert said(quotes_of(text)) == {"not acceptable": "Peru's trade ministry"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The interior ministry of Chile said the march was "peaceful".',
            "interior ministry of Chile",
        ),
        ('The government of Peru closed the mine, calling it "unsafe".', "government of Peru"),
    ],
)
def test_a_body_of_a_country_written_with_of_speaks_as_written(quotes_of, text, speaker):
    (quote,) = quotes_of(text)
    assert quote.speaker == speaker


def test_a_spokesman_of_a_country_s_ministry_is_nobody_named(quotes_of):
    text = 'A spokesman of the interior ministry of Chile said the march was "peaceful".'
    assert said(quotes_of(text)) == {"peaceful": None}


def test_they_after_people_named_together_is_the_first_of_them(quotes_of):
    text = (
        "Energy Minister Ola Rind and her Danish counterpart, Per Holm, met in Oslo on Friday. "
        "Their Dutch colleague, Jan Berk, joined the talks as an observer. "
        'They said the cable deal was "a model for the region".'
    )
    assert said(quotes_of(text)) == {"a model for the region": "Ola Rind"}


def test_they_after_a_sentence_about_people_in_the_plural_is_nobody_named(quotes_of):
    text = (
        "Ola Rind and Per Holm visited the ward on Friday. Rind thanked the nurses. "
        'They said the ward was "full every night".'
    )
    assert said(quotes_of(text)) == {"full every night": None}


def test_a_text_that_reads_after_the_quotation_speaks_for_its_author_on_both_sides(quotes_of):
    text = (
        "Dunrow Energy closed its last mine in May. "
        '"The harvest was poor this year", reads a Dunrow Energy press release, '
        '"but the plant stays open and every worker keeps a job."'
    )
    assert said(quotes_of(text)) == {
        "The harvest was poor this year": "Dunrow Energy",
        "but the plant stays open and every worker keeps a job.": "Dunrow Energy",
    }


def test_a_body_that_indicated_a_quoted_phrase_in_a_relative_clause_said_it(quotes_of):
    text = (
        'Kessington Police, which indicated on Friday a "major breakthrough" was near, '
        "declined to comment further."
    )
    assert said(quotes_of(text)) == {"major breakthrough": "Kessington Police"}


def test_a_finding_that_indicated_a_quoted_phrase_is_nobody_s_words(quotes_of):
    text = 'The survey of farmers indicated a "steady decline" in sales.'
    assert said(quotes_of(text)) == {"steady decline": None}


def test_a_statement_read_between_two_halves_is_the_author_named_before(quotes_of):
    text = (
        "On Monday, the Harbour Defence Ministry released a statement about the blast. "
        "A spokesperson told the Coast Herald the blast came at noon. "
        '"Nobody on the pier was hurt. Divers are checking the hull;" read the statement; '
        '"the port opens again tomorrow."'
    )
    assert said(quotes_of(text)) == {
        "Nobody on the pier was hurt. Divers are checking the hull": "Harbour Defence Ministry",
        "the port opens again tomorrow.": "Harbour Defence Ministry",
    }


def test_a_warning_read_after_the_quotation_is_its_issuer_with_an_accented_name(quotes_of):
    text = (
        "The red warning issued by Met Éastáin covered four counties. "
        "Gusts were forecast to reach 90 km/h. "
        '"The storm will bring high tides. Low roads will flood", read the warning.'
    )
    assert said(quotes_of(text)) == {
        "The storm will bring high tides. Low roads will flood": "Met Éastáin"
    }


def test_a_two_word_headline_phrase_the_article_also_narrates_is_a_term(quotes_of):
    text = (
        "Dozens held over 'deep fake' payment scam\n\n"
        "Police said on Monday they had held 40 people over a deep fake scam aimed at banks. "
        'Inspector Ana Rolle said: "Deep fake fraud is growing and nobody is safe from it."'
    )
    got = said(quotes_of(text))
    assert got["deep fake"] is None
    assert got["Deep fake fraud is growing and nobody is safe from it."] == "Ana Rolle"


def test_a_phrase_spelling_out_a_name_is_nobody_s_words(quotes_of):
    text = (
        "The island is leaving the trade bloc, which has been termed Nexit for "
        '"Norland exit". Premier Ida Vos said the talks would end "before the winter".'
    )
    assert said(quotes_of(text)) == {"Norland exit": None, "before the winter": "Ida Vos"}


def test_calling_for_a_quoted_phrase_is_still_the_caller_s_words(quotes_of):
    text = 'Premier Ida Vos called for "a calm and fair campaign" on Monday.'
    assert said(quotes_of(text)) == {"a calm and fair campaign": "Ida Vos"}


def test_a_name_a_body_identified_someone_by_is_the_body_s_words(quotes_of):
    text = (
        "Lee was held in June, but the Northland Police Agency when announcing the arrest "
        'in July, 2020 identified him only as "Mr. B" while the inquiry went on.'
    )
    assert said(quotes_of(text)) == {"Mr. B": "Northland Police Agency"}


def test_called_on_after_an_aside_is_the_organisations_and_it_continues(quotes_of):
    text = (
        "A ferry ran aground near Tallow Point on Monday.\n"
        "The Harbour Safety Board has, in a notice, called on skippers to "
        '"check the tide tables before every crossing." '
        'It also urged passengers to "wear a life jacket on the open deck."'
    )
    assert said(quotes_of(text)) == {
        "check the tide tables before every crossing.": "Harbour Safety Board",
        "wear a life jacket on the open deck.": "Harbour Safety Board",
    }


def test_it_after_a_persons_quotation_is_not_an_organisation(quotes_of):
    text = (
        "The Harbour Safety Board has, in a notice, called on skippers to "
        '"check the tide tables before every crossing." '
        'Captain Ivo Marsh said he would "sail anyway." '
        'It also urged passengers to "wear a life jacket on the open deck."'
    )
    got = said(quotes_of(text))
    assert got["sail anyway."] == "Ivo Marsh"
    assert got["wear a life jacket on the open deck."] != "Harbour Safety Board"


def test_a_study_speaks_for_the_author_the_article_gave_it(quotes_of):
    text = (
        "Bees avoid fields "
        "'often' sprayed, study finds\n"
        "The survey was carried out by the Lund Pollinator Institute over two summers. "
        'The study counts hives near farms to reach its figure, an "average loss of 31 colonies" a year.\n'
        '"Hives near sprayed fields often collapsed within a season", reads the report.'
    )
    assert said(quotes_of(text)) == {
        "often": "Lund Pollinator Institute",
        "average loss of 31 colonies": "Lund Pollinator Institute",
        "Hives near sprayed fields often collapsed within a season": "Lund Pollinator Institute",
    }


def test_a_text_with_no_author_given_names_nobody(quotes_of):
    text = (
        "Flood defences were raised along the river.\n"
        '"Water levels rose faster than forecast", reads the report.'
    )
    assert said(quotes_of(text)) == {"Water levels rose faster than forecast": None}


def test_a_headline_word_two_speakers_say_gets_nobody(quotes_of):
    text = (
        "Rail strike 'likely' next month\n"
        '"A strike is likely," said union leader Tom Reyes. '
        '"It is likely we will talk again," said Transport Minister Ana Lind.'
    )
    assert said(quotes_of(text))["likely"] is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Assemblywoman Rhea Calloway said, "The vote was close."', "Rhea Calloway"),
        ('Councilmember Tobias Wren said: "The vote was close."', "Tobias Wren"),
        ('Delegate Mirela Pascu said the vote was "close."', "Mirela Pascu"),
        ('Trustee Anselm Greer said: "The vote was close."', "Anselm Greer"),
        # one letter off a long title is still the title
        ('Represenative Colm Darragh said the vote was "close."', "Colm Darragh"),
        ('Secertary Ines Barlow said: "The vote was close."', "Ines Barlow"),
    ],
)
def test_local_and_misspelt_titles_are_not_part_of_the_speaker_name(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Rosa Vennick said: \"On day one I read the report and thought, 'Who signed this off?'\"",
        "Rosa Vennick said: \"For months I kept asking myself, 'Who signed this off?'\"",
    ],
)
def test_a_thought_the_speaker_quotes_inside_her_quotation_is_hers(quotes_of, text):
    assert said(quotes_of(text))["Who signed this off?"] == "Rosa Vennick"


def test_a_thought_of_someone_else_inside_a_quotation_is_nobody_named(quotes_of):
    text = "Rosa Vennick said: \"My neighbours looked at it and thought, 'Who signed this off?'\""
    assert said(quotes_of(text))["Who signed this off?"] is None


def test_an_agentless_passive_after_an_organisation_spoke_is_its_words(quotes_of):
    text = (
        "The Corvane Water Board issued a notice on Sunday. "
        'Households were told to boil tap water, which may be "cloudy" for a day.'
    )
    assert said(quotes_of(text)) == {"cloudy": "Corvane Water Board"}


def test_an_agentless_passive_after_a_person_spoke_is_nobody_named(quotes_of):
    text = (
        "Mayor Lutz Odenwald said the mains had been repaired. "
        'On Monday, households were told the water may be "cloudy" for a day.'
    )
    assert said(quotes_of(text)) == {"cloudy": None}


def test_the_owner_of_a_website_or_account_speaks(quotes_of):
    text = (
        'The Pellworth Rail Company\'s Twitter account said: "All trains are cancelled." '
        'The Tarnvik Weather Office\'s website said: "Gusts may reach 90 km/h."'
    )
    assert said(quotes_of(text)) == {
        "All trains are cancelled.": "Pellworth Rail Company",
        "Gusts may reach 90 km/h.": "Tarnvik Weather Office",
    }


def test_the_agent_of_a_passive_through_to_be_speaks(quotes_of):
    text = 'The outbreak was declared to be an "emergency" by the Ostmark Health Council.'
    assert said(quotes_of(text)) == {"emergency": "Ostmark Health Council"}


def test_a_name_in_words_someone_gives_is_theirs_a_code_is_nobody_s(quotes_of):
    text = (
        "Defence Minister Arvo Pikk said the operation would last a week. "
        'He named it "Operation Northern Gate" on Monday.\n'
        'The Kestrel Space Agency said it had named the probe "KSA-9".'
    )
    assert said(quotes_of(text)) == {"Operation Northern Gate": "Arvo Pikk", "KSA-9": None}


def test_the_latter_of_two_named_bodies_speaks(quotes_of):
    text = (
        "Inquiries were opened by the Velmar Port Authority and the Coastal Safety Board, "
        'with the latter on Monday confirming it was "not sending divers to the wreck."'
    )
    assert said(quotes_of(text)) == {"not sending divers to the wreck.": "Coastal Safety Board"}


def test_a_spokesperson_speaking_as_we_gives_the_organisation_s_words(quotes_of):
    text = (
        'A Dunmore Harbour Authority spokesman said "We sent four boats to the reef."\n'
        'A Dunmore Harbour Authority spokesman said "The roof is unsafe."'
    )
    assert said(quotes_of(text)) == {
        "We sent four boats to the reef.": "Dunmore Harbour Authority",
        "The roof is unsafe.": None,
    }


def test_a_first_person_question_inside_a_quotation_is_the_speaker_s_thought(quotes_of):
    text = (
        "Arne Solvik said \"it felt like 'will I ever get out of here?' for an hour.\"\n"
        "Arne Solvik said \"then he asked me 'am I late?' and left.\""
    )
    found = said(quotes_of(text))
    assert found["will I ever get out of here?"] == "Arne Solvik"
    assert found["am I late?"] is None


def test_a_post_sent_from_someone_s_account_is_theirs(quotes_of):
    text = (
        "A post sent from Mayor Tomas Wirth's Twitter account repeated the pledge, "
        'saying "The bridge will be rebuilt. #Rebuild" on Monday.'
    )
    assert said(quotes_of(text)) == {"The bridge will be rebuilt. #Rebuild": "Tomas Wirth"}


def test_denounced_as_attributes_like_described_as(quotes_of):
    text = 'Senator Ruth Okafor, who denounced the plan as a "costly mistake", left early.'
    assert said(quotes_of(text)) == {"costly mistake": "Ruth Okafor"}


def test_the_text_of_an_act_is_by_whoever_did_the_act(quotes_of):
    text = (
        "On Friday, Governor Tomas Wirth declared a state of emergency. "
        "The move came a day after the weather service declared a flood warning. "
        'The proclamation said "the flooding constitutes a disaster" for the region.'
    )
    assert said(quotes_of(text)) == {"the flooding constitutes a disaster": "Tomas Wirth"}


def test_letters_after_a_name_are_no_part_of_the_speaker_s_name(quotes_of):
    text = (
        "Prosecutor Lena Morrow QC said the men were “cruel and careless” in their dealings. "
        "Defence lawyer Ivo Brand QC told the court his client was “deeply sorry”."
    )
    assert said(quotes_of(text)) == {
        "cruel and careless": "Lena Morrow",
        "deeply sorry": "Ivo Brand",
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prosecutor Kiri Tamsin QC said the accused were “ripe for a fall”.", "Kiri Tamsin QC"),
        ("Early opponent MP Tanis Dawe said, “We have moved on”.", "MP Tanis Dawe"),
    ],
)
def test_a_titled_name_the_model_labels_an_organisation_is_a_person(nlp, text, name):
    doc = nlp(text)
    first = text.index(name)
    span = doc.char_span(first, first + len(name))
    doc.set_ents([Span(doc, span.start, span.end, "ORG")])
    quotes = extract_quotes(doc, people=PeopleIndex.build(doc))
    assert [q.speaker for q in quotes] == [name.removeprefix("MP ").removesuffix(" QC")]


def test_a_name_set_off_after_a_role_and_its_phrase_is_the_speaker(quotes_of):
    text = (
        "The Freedonian delegate to the U.S. Senate, Tavita Lomu, told the press: "
        "“The ruling is deeply unwelcome.”"
    )
    assert said(quotes_of(text)) == {"The ruling is deeply unwelcome.": "Tavita Lomu"}


def test_its_or_their_statement_is_by_whoever_issued_the_statement_before(quotes_of):
    text = (
        "The Eastbrook City Council issued a statement backing the plan: “the plan will help "
        "every family in the town.” Their statement also read “the council will not wait.”"
    )
    assert said(quotes_of(text)) == {
        "the plan will help every family in the town.": "Eastbrook City Council",
        "the council will not wait.": "Eastbrook City Council",
    }


def test_the_organisation_word_alone_is_the_organisation_named_in_full_before(quotes_of):
    text = (
        "The Oregon Department of Parks and Recreation (ODPR) did not name the hiker. "
        "The Department issued a statement that a hiker had been hurt: “A hiker fell on the "
        "trail on Friday. He is now in stable condition.”"
    )
    assert list(said(quotes_of(text)).values()) == ["Oregon Department of Parks and Recreation"]


def test_she_after_an_unnamed_main_subject_is_nobody_named(quotes_of):
    text = (
        "Judge Ann Lee praised the witnesses. One of the survivors decided to speak publicly. "
        "She said she did this to show others “there is nothing to hide”."
    )
    assert said(quotes_of(text)) == {"there is nothing to hide": None}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The government of Freedonia on Tuesday announced his death. The government "
            "statement, which was posted online, announced the death “with great sorrow”.",
            "government of Freedonia",
        ),
        (
            "The government of Freedonia on Tuesday announced his death. The government said "
            "it felt “great sorrow”.",
            "government of Freedonia",
        ),
        (
            "Freedonia's army on Tuesday announced the end of the drill. An army statement "
            "called it “a full success”.",
            "Freedonia's army",
        ),
    ],
)
def test_the_body_or_its_statement_is_the_body_named_with_its_country_before(
    quotes_of, text, speaker
):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_the_prime_minister_apologising_is_not_another_minister_named_before(quotes_of):
    text = (
        "Prime Minister Ivo Kral of Freedonia met the press on Monday. After Finance Minister "
        "Ota Brun failed to buy enough masks, the Prime Minister apologised to his voters "
        "for “having a fool as finance minister.”"
    )
    assert said(quotes_of(text)) == {"having a fool as finance minister.": "Ivo Kral"}


def test_the_city_is_the_city_of_the_place_named_before(quotes_of):
    text = (
        "A water main burst in the City of Eastbrook on Monday. The city issued a statement "
        "calling the repair “a top priority”. Later the city said the water might be “cloudy”."
    )
    assert said(quotes_of(text)) == {
        "a top priority": "City of Eastbrook",
        "cloudy": "City of Eastbrook",
    }


def test_the_city_written_in_lower_case_with_its_state_is_the_city_body(quotes_of):
    text = (
        "On Monday a pipe burst in the small city of Oakridge Falls, Vermont. Crews came "
        "at noon. Later the city issued a statement announcing the break had been fixed. "
        "Households were advised that the tap water might be “cloudy” for a day."
    )
    assert said(quotes_of(text)) == {"cloudy": "City of Oakridge Falls"}


def test_a_quote_a_noun_gives_to_a_named_person_is_that_persons(quotes_of):
    text = (
        "Ana Berg and her brother ran the workshop on Sunday. They told the class that early "
        "failures teach the most, citing the Maria Lopez quote that “every painter has a "
        "drawer full of bad sketches,” before handing out paper."
    )
    assert said(quotes_of(text)) == {
        "every painter has a drawer full of bad sketches": "Maria Lopez"
    }


def test_a_court_opinion_that_reads_before_the_quotation_is_the_courts(quotes_of):
    text = (
        "On Monday the High Court of Norland ruled on the appeal brought by the port. "
        "The opinion of the Court, published on Tuesday, read in part, “It is held that the "
        "permit granted to the harbour board is void and of no effect.”"
    )
    assert said(quotes_of(text)) == {
        "It is held that the permit granted to the harbour board is void and of no effect.": (
            "High Court of Norland"
        )
    }


def test_a_speech_verb_opening_the_sentence_is_said_by_the_person_after_it(quotes_of):
    text = (
        "The trust counted more frogs this spring than last.\n"
        "Remarked Harlow Wetland Trust ecologist Mira Solberg, “The ponds are full again, "
        "and we owe it to the volunteers who dug them.” The trust is based in Harlow."
    )
    assert said(quotes_of(text)) == {
        "The ponds are full again, and we owe it to the volunteers who dug them.": "Mira Solberg"
    }


def test_a_magazine_crediting_someone_as_quoted_words_is_the_magazine(quotes_of):
    text = (
        "Mira Solberg won the prize, with which the Harbour Times credits a reader as having "
        "shown “the most courage in a hard year”, for her work at the shelter."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Harbour Times"]


def test_words_on_a_recording_are_those_of_the_person_heard(quotes_of):
    text = (
        "Premier Tomas Varga met Minister Ivo Kral on Friday. A recording leaked in which "
        "someone, apparently Kral, says Varga “knows nothing about money.”"
    )
    assert said(quotes_of(text)) == {"knows nothing about money.": "Ivo Kral"}


def test_a_label_given_as_title_case_words_is_the_speakers_not_a_title(quotes_of):
    text = (
        "Senator Ruth Okafor called the audit a “farce”, and on Sunday referred to the ballot "
        "as “The Great Budget Sham”."
    )
    assert said(quotes_of(text)) == {"farce": "Ruth Okafor", "The Great Budget Sham": "Ruth Okafor"}


def test_a_title_given_as_an_award_stays_nobodys(quotes_of):
    text = "The magazine announced its choice of Ana Lind as its “Reader of the Year”."
    assert said(quotes_of(text)) == {"Reader of the Year": None}


def test_the_members_plural_possessive_body_is_the_body_named_in_full_before(quotes_of):
    text = (
        "Bishop Peter Mwale died on Monday aged 80. The Catholic Bishops' Conference of "
        "Malawi announced his death. The bishops' conference described Mwale as “a friend of "
        "the poor”."
    )
    assert said(quotes_of(text)) == {
        "a friend of the poor": "Catholic Bishops' Conference of Malawi"
    }


def test_a_role_word_opening_the_sentence_is_not_part_of_the_name(quotes_of):
    text = (
        "Advocate Ana Lind welcomed the ruling on Monday. The group had fought the plan for "
        "years. “Thank you to every family who wrote to the council.”"
    )
    assert said(quotes_of(text)) == {
        "Thank you to every family who wrote to the council.": "Ana Lind"
    }


def test_an_instruction_given_to_someone_to_do_quoted_words_is_the_subjects(quotes_of):
    text = (
        "Speaker Ana Lind met her party on Monday. Specifically, she was directing four of "
        "the chamber's panels to “carry on their hearings under one roof” of the inquiry."
    )
    assert said(quotes_of(text)) == {"carry on their hearings under one roof": "Ana Lind"}


def test_directing_a_film_is_no_instruction(quotes_of):
    text = "Mira Solberg directed the film “Winter Roads” for the studio in 2010."
    assert said(quotes_of(text)) == {"Winter Roads": None}


def test_an_actor_may_be_the_she_who_speaks(quotes_of):
    text = (
        "Stage actor Mara Quill opened the festival on Friday, introduced by host Tom Bell.\n"
        "“I was terrified for the whole week before it,” she said."
    )
    assert said(quotes_of(text)) == {"I was terrified for the whole week before it": "Mara Quill"}


def test_first_person_words_in_a_clause_are_its_subjects_own(quotes_of):
    text = (
        "Maria Costa, a potter, has sold her bowls at the fair since 2015. Then aged 20, she saw "
        "the stall as a “way to pay my rent without a boss”, having doubted her work for years."
    )
    assert said(quotes_of(text)) == {"way to pay my rent without a boss": "Maria Costa"}


def test_first_person_words_after_her_noun_are_hers(quotes_of):
    text = "Maria Costa has made pots for ten years, her “calling” for clay “grew from my uncle's kiln.”"
    assert said(quotes_of(text))["grew from my uncle's kiln."] == "Maria Costa"


def test_first_person_words_are_not_the_subjects_when_the_sentence_names_another(quotes_of):
    text = (
        "Tom Bell was at the fair with Maria Costa, and her “I alone know clay” pitch drew a crowd."
    )
    assert said(quotes_of(text)) == {"I alone know clay": None}


def test_words_without_i_in_a_clause_with_no_speech_verb_stay_unattributed(quotes_of):
    text = "Maria Costa sold her bowls at the fair, a “rare treat” for the town."
    assert said(quotes_of(text)) == {"rare treat": None}


def test_first_person_words_run_into_narration_continue_the_paragraphs_speaker(quotes_of):
    text = (
        "Maria Costa told reporters her kiln was “older than the town hall.” The glaze “takes a "
        "week to dry, so I have to plan every firing.”"
    )
    assert said(quotes_of(text)) == {
        "older than the town hall.": "Maria Costa",
        "takes a week to dry, so I have to plan every firing.": "Maria Costa",
    }


def test_first_person_words_after_a_sentence_about_her_are_hers(quotes_of):
    text = (
        "Unhappy with the part, she quit the show early. Earlier, actress Maria Costa had "
        "joined the cast.\nBored with the part, she left the show in its first year. “This is "
        "not what I trained for. I stood at the back all day” to fill the stage, which was huge."
    )
    quotes = said(quotes_of(text))
    assert quotes["This is not what I trained for. I stood at the back all day"] == "Maria Costa"


def test_first_person_words_in_a_sentence_with_another_subject_stay_unattributed(quotes_of):
    text = (
        "Maria Costa told reporters her kiln was “older than the town hall.” Later Tom Bell "
        "joined the tour, and the glaze “takes a week to dry, so I have to plan.”"
    )
    assert said(quotes_of(text))["takes a week to dry, so I have to plan."] is None


def test_a_platform_a_statement_was_posted_on_is_not_the_he_who_wrote(quotes_of):
    text = (
        "“We cannot ask anyone to queue.”\n—Mark Ellison, Twitter\nIn Ohio, Governor Mark "
        "Ellison delayed the vote on Monday. In a long statement on Twitter, he wrote, “We "
        "cannot ask anyone to queue in this weather.”"
    )
    quotes = said(quotes_of(text))
    assert quotes["We cannot ask anyone to queue in this weather."] == "Mark Ellison"


def test_a_remark_in_a_dashed_aside_on_what_came_before_introduces_no_quotation(quotes_of):
    text = (
        "House Speaker Mark Ellison spoke on the matter — which the Courier noted as a rare "
        "move — “However it is worded, it is plain that the purpose is to stop the debate.”"
    )
    assert said(quotes_of(text)) == {
        "However it is worded, it is plain that the purpose is to stop the debate.": "Mark Ellison"
    }


def test_a_remark_whose_clause_holds_the_quotation_still_gives_it(quotes_of):
    text = (
        "Mark Ellison opened the trial, which the Daily Courier described as “a test of the "
        "new court”."
    )
    assert said(quotes_of(text)) == {"a test of the new court": "Daily Courier"}


def test_a_place_ending_an_affiliation_is_not_the_speaker(quotes_of):
    text = (
        "Mark Ellison of the University of Oregon, Eugene disagreed with the study: “The wells "
        "were always a small part of the story.”"
    )
    assert said(quotes_of(text)) == {
        "The wells were always a small part of the story.": "Mark Ellison"
    }


def test_a_character_someone_plays_is_not_the_she_who_speaks(quotes_of):
    text = (
        "Maria Costa spoke of being cast in a pilot while a guest on a drama. Faced with losing "
        "the character of Anna Stone, the producers gave her a steady spot. “That was a fine week,” "
        "she recalls."
    )
    assert said(quotes_of(text)) == {"That was a fine week": "Maria Costa"}


def test_a_speech_verb_after_a_name_set_off_in_apposition_is_that_persons(quotes_of):
    text = (
        'Describing it as "yet another excuse", Petra Kowalczyk of "Never stay silent", a victim '
        'support charity, told Reuters "the promise was written long before the hearing began".'
    )
    assert said(quotes_of(text)) == {
        "yet another excuse": "Petra Kowalczyk",
        "Never stay silent": None,
        "the promise was written long before the hearing began": "Petra Kowalczyk",
    }


def test_words_quoted_after_a_name_and_of_long_or_run_on_are_no_group_name(quotes_of):
    text = (
        'At the briefing he was told by Fire Chief Olav Berg of "perhaps twenty people still '
        'inside the hall", while others said less.'
    )
    assert said(quotes_of(text)) == {"perhaps twenty people still inside the hall": "Olav Berg"}


def test_a_title_in_apposition_to_a_common_noun_is_nobodys_words(quotes_of):
    text = (
        'Tomas Reed says his festival, "Dance On The Pier, 24 Hours Of Sound", was '
        "planned as a joke."
    )
    assert said(quotes_of(text)) == {"Dance On The Pier, 24 Hours Of Sound": None}


def test_a_banner_from_a_group_bears_the_groups_slogan(quotes_of):
    text = 'Marchers with drums and a banner from Fair Streets saying "give the roads back".'
    assert said(quotes_of(text)) == {"give the roads back": "Fair Streets"}


def test_an_acronym_subject_is_the_body_with_the_words_before_it(quotes_of):
    text = (
        "On Monday, Norlandian SVB detained 12 foreigners, claiming they had planned "
        '"sabotage" before the vote.'
    )
    assert said(quotes_of(text)) == {"sabotage": "Norlandian SVB"}


def test_the_person_named_last_in_a_long_title_subject_speaks(quotes_of):
    text = (
        'Veteran Harbour Lights Hour writer and producer Rosa Delgado tweeted: "She was the '
        'bravest voice on the air."'
    )
    assert said(quotes_of(text)) == {"She was the bravest voice on the air.": "Rosa Delgado"}


def test_what_a_party_stands_for_is_its_words_not_a_spelled_out_term(quotes_of):
    text = 'The Green Future Party says it stands for "clean air, open borders and fair wages".'
    assert said(quotes_of(text)) == {"clean air, open borders and fair wages": "Green Future Party"}
    acronym = quotes_of('Mayor Ann Cole said RX stands for "rapid exchange".')
    assert said(acronym) == {"rapid exchange": None}
    assert acronym[0].rule == "term"


def test_the_subject_of_the_clause_argued_is_not_the_speaker(quotes_of):
    text = (
        "Senator Mara Quill faulted the plan, arguing Tom Rusk was "
        '"stok[ing] fear" and "mak[ing] it harder."'
    )
    assert said(quotes_of(text)) == {
        "stok[ing] fear": "Mara Quill",
        "mak[ing] it harder.": "Mara Quill",
    }
    inverted = quotes_of('"We will hold the line," said Tom Rusk on Monday.')
    assert said(inverted) == {"We will hold the line": "Tom Rusk"}


def test_a_platform_glued_to_a_name_is_where_it_was_posted(quotes_of):
    text = (
        "Joe Quill, a singer, held a rally. The next day on Twitter Quill accused his "
        'manager of trying to "shut me out" over the rally.'
    )
    assert said(quotes_of(text)) == {"shut me out": "Joe Quill"}


def test_lauded_as_is_the_praisers_phrase(quotes_of):
    text = 'Mara Quill lauded Ben Ostrow as a "tireless friend of farmers."'
    assert said(quotes_of(text)) == {"tireless friend of farmers.": "Mara Quill"}


def test_a_speech_or_statement_declaring_speaks_for_its_giver(quotes_of):
    text = (
        "Governor Ben Ostrow gave a speech declaring himself the "
        '"governor of the working poor." Later he left.'
    )
    assert said(quotes_of(text)) == {"governor of the working poor.": "Ben Ostrow"}
    issued = quotes_of('Ben Ostrow issued a statement saying the vote was "a farce."')
    assert said(issued) == {"a farce.": "Ben Ostrow"}
    met = quotes_of('Ana Lind met a farmer saying the count was "a farce."')
    assert said(met)["a farce."] != "Ana Lind"


def test_a_publication_after_the_is_the_one_that_described(quotes_of):
    text = 'Ana Lind was described by the Valley Courier as a "town treasure" for her work.'
    assert said(quotes_of(text)) == {"town treasure": "Valley Courier"}
    charter = quotes_of('The Federal Constitution specifies that envoys serve "at pleasure."')
    assert said(charter)["at pleasure."] is None


def test_a_named_family_speaks_as_that_family(quotes_of):
    text = '"We are grateful for every message," the Okafor family said on Sunday.'
    assert said(quotes_of(text)) == {"We are grateful for every message": "Okafor family"}


def test_endorsing_or_advocating_a_quoted_phrase_is_the_subjects(quotes_of):
    text = (
        "Senator Mara Quill of Ohio quit the race on Friday. "
        'She endorsed the choice of a "farmer from the plains."'
    )
    assert said(quotes_of(text)) == {"farmer from the plains.": "Mara Quill"}
    party = quotes_of(
        "The Harbour Party was founded in 2001. The party is rooted in fishing towns, "
        'advocating for port rights and "a fair deal for the coast" everywhere.'
    )
    assert said(party) == {"a fair deal for the coast": "Harbour Party"}


def test_a_word_of_standing_glued_to_a_name_is_no_part_of_it(quotes_of):
    text = 'The show opened on Friday. Longtime Tom Rusk said the season was "a dream."'
    assert said(quotes_of(text)) == {"a dream.": "Tom Rusk"}
    lead = quotes_of('Lead Ana Lind talked about how the show was ignored "for too long."')
    assert said(lead) == {"for too long.": "Ana Lind"}
    name = quotes_of('Rose Ana Lind said the season was "a dream."')
    assert said(name) == {"a dream.": "Rose Ana Lind"}


def test_a_family_left_unnamed_is_the_family_of_the_person_meant(quotes_of):
    text = (
        "Maria Gonzalez died on Sunday in Ohio. "
        'The family\'s statement read: "Maria loved her garden."'
    )
    assert said(quotes_of(text)) == {"Maria loved her garden.": "Gonzalez family"}
    hers = quotes_of(
        'Maria Gonzalez won the race in Ohio on Sunday. Her family said the win was "historic."'
    )
    assert said(hers) == {"historic.": "Gonzalez family"}


def test_someones_campaign_speaks_as_that_campaign(quotes_of):
    text = (
        "Maria Gonzalez is running for governor of Ohio. "
        'Her campaign called the story "absolutely false."'
    )
    assert said(quotes_of(text)) == {"absolutely false.": "Gonzalez campaign"}


def test_a_part_of_a_post_that_includes_a_line_is_its_authors(quotes_of):
    text = (
        "Maria Gonzalez posted about the flood on Monday. Part of Gonzalez's post included "
        'the line, "when the water goes, the work begins."'
    )
    assert said(quotes_of(text)) == {"when the water goes, the work begins.": "Maria Gonzalez"}


def test_words_after_a_time_clause_of_speech_are_not_its_speakers(quotes_of):
    text = (
        "When Maria Gonzalez posted that the count would be rigged, the site put a notice "
        '"fact checking" the post under it.'
    )
    assert said(quotes_of(text)) == {"fact checking": None}
    told = (
        "After Tom Rusk said the bridge was safe, inspectors put up a sign reading "
        '"closed for repairs" beside it.'
    )
    assert said(quotes_of(told)) == {"closed for repairs": None}


def test_a_name_labelled_across_a_possessive_ends_before_it(quotes_of):
    text = 'Maria Gonzalez\'s Twitter account posted: "The count is a fraud."'
    assert said(quotes_of(text)) == {"The count is a fraud.": "Maria Gonzalez"}
    titled = quotes_of('Ruritania\'s President Ann Roe said the count was "a fraud."')
    assert said(titled) == {"a fraud.": "Ann Roe"}


def test_a_passive_label_by_someone_unnamed_is_not_the_labelled_ones(quotes_of):
    text = 'Tom Rusk was labelled "a danger to the port" by state media.'
    assert said(quotes_of(text)) == {"a danger to the port": None}


def test_the_account_of_a_known_body_speaks_for_it(quotes_of):
    text = 'The official account of the Ohio Farm Bureau posted: "Vote on Sunday."'
    assert said(quotes_of(text)) == {"Vote on Sunday.": "Ohio Farm Bureau"}


def test_a_bare_surname_is_the_candidate_not_the_relative_named_since(quotes_of):
    """The candidate named in full once, then by surname; a son and a wife named in full
    later: the bare surname stays the candidate's unless its sentence names the relative."""
    text = (
        "Senator Bram Kettering opened his campaign in Dunmore on Monday.\n"
        "His son Olaf Kettering was questioned about a shipping firm last week.\n"
        'Kettering said the hearings were "a sideshow for the bored".\n'
        "His wife Liesel Kettering spoke at the convention on Tuesday.\n"
        'Kettering called the rival plan "a tax on every farmer".\n'
        'His son Olaf Kettering, 34, runs the firm, and Kettering said "I have done nothing wrong."'
    )
    assert said(quotes_of(text)) == {
        "a sideshow for the bored": "Bram Kettering",
        "a tax on every farmer": "Bram Kettering",
        "I have done nothing wrong.": "Olaf Kettering",
    }


@pytest.mark.parametrize(
    "intro",
    [
        'A statement from the council read: "',
        'A press release from the council said: "',
        'The council said in a statement: "',
    ],
)
def test_a_text_from_the_body_named_before_speaks_for_it(quotes_of, intro):
    text = (
        "The Harrowgate Borough Council opened its new swimming pool on Friday. "
        + intro
        + 'The pool is free for every pupil in the borough."'
    )
    assert said(quotes_of(text)) == {
        "The pool is free for every pupil in the borough.": "Harrowgate Borough Council"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        'Tom Hale attacked the "river cartel" that runs the port.',
        'Tom Hale blasted the "river cartel" that runs the port.',
        'Tom Hale gave a speech in Akron, discussing the "river cartel" of the port.',
    ],
)
def test_a_phrase_quoted_as_what_someone_attacks_or_discusses_is_theirs(quotes_of, sentence):
    text = f"The candidate Tom Hale toured Ohio on Monday. {sentence}"
    assert said(quotes_of(text)) == {"river cartel": "Tom Hale"}


def test_what_someone_is_attacked_for_or_a_name_attacked_is_not_their_words(quotes_of):
    text = (
        'Troops attacked the "Blue Line" base at dawn. After Ana Ruiz attacked Tom Hale for '
        'the alleged "thieves" remark, he left. He said the "phony" Ana Ruiz attacked him.'
    )
    quotes = said(quotes_of(text))
    assert quotes["Blue Line"] is None
    assert quotes["thieves"] != "Ana Ruiz"
    assert quotes["phony"] != "Ana Ruiz"


@pytest.mark.parametrize("verb", ["slammed", "blasted", "attacked"])
@pytest.mark.parametrize("gap", [" ", "\n"])
def test_labelling_a_thing_as_something_stays_strong_speech(quotes_of, verb, gap):
    # Only the quoted-object use of "attack"/"blast"/"slam" is weak: "slammed the plan as a
    # giveaway" still says something, and the quotation after it is the labeller's.
    text = (
        "Tom Hale and Ana Ruiz spoke on Monday. "
        f'Ruiz {verb} the plan as a giveaway to the builders.{gap}"It hands the port to a few '
        'friends."'
    )
    assert said(quotes_of(text)) == {"It hands the port to a few friends.": "Ana Ruiz"}


@pytest.mark.parametrize(
    "sentence",
    [
        'Ana Ruiz, who discussed the "Harbour plan" before, left.',
        'Ana Ruiz, who slammed the "made here" label before, left.',
    ],
)
def test_a_name_or_label_quoted_as_what_someone_discusses_is_not_their_words(quotes_of, sentence):
    text = f"The mayor Ana Ruiz toured Ohio on Monday. {sentence}"
    assert [q.speaker for q in quotes_of(text)] == [None]
