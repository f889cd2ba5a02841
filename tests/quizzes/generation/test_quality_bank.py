"""Rules on the whole bank of questions of one article (quizzes/generation/quality/bank.py),
on invented sentences: one event, speaker's point or country asked once; a card or
question that names another's answer (speaker, country, date, birth year from an age)
is dropped; at most three year questions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from quizzes.extraction.facts import Facts
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.quality.rules import _other_answers_out_of_dates
from quizzes.generation.text import BLANK

from .facts_for_tests import (
    HARBOUR_SPEECH,
    cloze_card,
    ctx_for,
    dated,
    draft,
    event,
    link,
    quote,
    who_said_draft,
)


def test_a_date_card_on_a_date_the_bank_already_asks_is_dropped():
    text = (
        "A bus crash killed four people near Tolvo on March 9.\n"
        "The crash happened around 6 p.m. on March 9.\n"
    )
    facts = Facts(
        events=[
            event(
                "A bus crash killed four people near Tolvo",
                "March 9",
                "2021-03-09",
                "A bus",
                source=text,
            ),
            event(
                "The crash happened around 6 p.m.",
                "March 9",
                "2021-03-09",
                "The crash",
                source=text,
            ),
        ]
    )
    review = q.select(
        [
            draft(
                "when",
                "When did a bus crash kill four people near Tolvo?",
                "9 March 2021",
                ["8 March 2021", "7 March 2021"],
                text=text,
                target="date:2021-03-09",
                fact_keys=("a",),
            ),
            draft(
                "cloze",
                f"Fill in the blank: The crash happened around 6 p.m. on {BLANK}.",
                "March 9",
                text=text,
                target="date:2021-03-09",
                fact_keys=("b",),
                evidence_start=60,
            ),
        ],
        ctx_for(text, facts, published=date(2021, 3, 12)),
    )
    assert [d.kind for d in review.kept] == ["when"]
    assert review.dropped[0][1].startswith("date asked already")


def test_one_event_told_twice_is_asked_once():
    text = (
        "The painter Ana Ruiz died on Friday after a long illness.\n"
        "Ruiz died at home on March 5 with her family beside her.\n"
    )
    first = dated("The painter Ana Ruiz died", "Friday", "2021-03-05", text)
    second = dated("Ana Ruiz died at home", "March 5", "2021-03-05", text.splitlines()[1] + "\n")
    a = draft(
        "when",
        "When did Ana Ruiz die?",
        "5 March 2021",
        ["4 March 2021", "3 March 2021"],
        source=first,
        target="date:2021-03-05",
        fact_keys=("a",),
    )
    b = draft(
        "when",
        "When did Ana Ruiz die at home?",
        "5 March 2021",
        ["4 March 2021", "6 March 2021"],
        source=second,
        target="date:2021-03-05",
        fact_keys=("b",),
        evidence_start=60,
    )
    assert q.same_event_twice(b, [a], ctx_for(text)) is not None


def test_a_question_naming_the_speaker_of_its_sentence_gives_who_said_away():
    text = (
        'The designer Ana Ruiz described the singer to the press in 2002: "She was the nation".\n'
    )
    who = draft(
        "who_said",
        "Who said: “She was the nation”?",
        "Ana Ruiz",
        ["Omar Haddad", "Ines Varga"],
        text=text,
    )
    when = draft(
        "when",
        "In what year did the designer Ana Ruiz describe the singer to the press?",
        "2002",
        ["2001", "2003"],
        text=text,
        evidence_end=40,
    )
    assert q.names_the_answer_beside(when, [who], ctx_for(text)) is not None
    country = draft(
        "which_country", "Which country is Ana Ruiz from?", "Peru", ["Chile", "Bolivia"], text=text
    )
    assert q.names_the_answer_beside(country, [who], ctx_for(text)) is None


def test_a_which_country_question_naming_a_blanked_speaker_and_role_gives_the_card_away():
    text = "On Tuesday, Freedonian prime minister Ana Ruiz called the deal void.\n"
    card = draft(
        "cloze",
        f"Fill in the blank: On Tuesday, Freedonian prime minister {BLANK} called the deal void.",
        "Ana Ruiz",
        text=text,
        target="person:ana ruiz",
    )
    country = draft(
        "which_country",
        "Which country is Ana Ruiz the prime minister of?",
        "Freedonia",
        ["Chile", "Peru"],
        text=text,
    )
    assert q.names_the_answer_beside(card, [country], ctx_for(text)) is not None


def test_a_date_question_repeating_a_who_said_quotation_is_the_same_utterance():
    text = 'The deputy mayor said on Friday the port is "in the midst of a deep crisis".\n'
    who = draft(
        "who_said",
        "Who said: “in the midst of a deep crisis”?",
        "Ana Ruiz",
        ["Omar Haddad", "Ines Varga"],
        text=text,
    )
    when = draft(
        "when",
        'When did the deputy mayor say the port is "in the midst of a deep crisis"?',
        "4 May 2020",
        ["3 May 2020", "2 May 2020"],
        text=text,
    )
    assert q.same_words_dated(when, [who], ctx_for(text)) is not None


def test_no_statement_on_a_subject_whose_country_is_asked():
    text = "Walter Berg was born in Norway, but he moved to Canada in 1950.\n"
    norway = link("Walter Berg", "Norway", "Walter", "person", source=text)
    canada = link("Walter Berg", "Canada", "Walter", "person", source=text)
    asked = draft(
        "which_country",
        "Which country is Walter Berg linked to in the article?",
        "Norway",
        ["Sweden", "Denmark"],
        text=text,
        source=norway,
    )
    statement = draft(
        "true_false",
        "True or false? The article links Walter Berg to Canada.",
        "True",
        text=text,
        source=canada,
        evidence_start=200,
    )
    assert q.true_false_share(statement, [asked], ctx_for(text)).startswith(
        "true/false: the subject's country"
    )


def test_an_event_only_named_on_a_date_already_asked_is_that_event_again():
    text = (
        "A lorry collision killed the cyclist Omar Haddad on March 9.\n"
        "The crash happened around 6 p.m. on March 9.\n"
    )
    killed = dated(
        "A lorry collision killed the cyclist Omar Haddad", "March 9", "2021-03-09", text
    )
    crash_line = text.splitlines()[1] + "\n"
    crash = dated("The crash happened", "March 9", "2021-03-09", crash_line)
    a = draft(
        "when",
        "When did a lorry collision kill the cyclist Omar Haddad?",
        "9 March 2021",
        ["8 March 2021", "7 March 2021"],
        source=killed,
        target="date:2021-03-09",
        fact_keys=("a",),
    )
    b = draft(
        "when",
        "When did the crash happen?",
        "9 March 2021",
        ["8 March 2021", "6 March 2021"],
        source=crash,
        target="date:2021-03-09",
        fact_keys=("b",),
        evidence_start=60,
    )
    assert q.same_event_twice(b, [a], ctx_for(text)) is not None


def test_a_card_whose_blank_another_question_names_is_dropped():
    text = "Harbour master Omar Haddad closed the port on Monday after the storm.\n"
    card = draft(
        "cloze",
        f"Fill in the blank: Harbour master {BLANK} closed the port on Monday after the storm.",
        "Omar Haddad",
        text=text,
        target="person:omar haddad",
        fact_keys=("card",),
    )
    when = draft(
        "when",
        "When did Haddad close the port?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        text=text,
        target="date:2020-05-04",
        fact_keys=("when",),
        evidence_start=100,
    )
    other = draft(
        "when",
        "When did the storm reach the coast?",
        "3 May 2020",
        ["5 May 2020", "6 May 2020"],
        text=text,
        target="date:2020-05-03",
        fact_keys=("other",),
        evidence_start=100,
    )
    ctx = ctx_for(text)
    assert q.card_answer_named_elsewhere(card, [when], ctx).startswith("give-away")
    assert q.card_answer_named_elsewhere(when, [card], ctx).startswith("give-away")
    assert q.card_answer_named_elsewhere(card, [other], ctx) is None


def test_a_count_an_ordering_item_prints_is_no_card():
    """ "Officials confirmed the flood has reached over 40 homes" as an item of the
    ordering question gives away the card "… over _____ homes" (blind judge)."""
    text = "On Monday, harbour officials confirmed the flood had reached over 40 homes.\n"
    card = draft(
        "cloze",
        f"Fill in the blank: On Monday, harbour officials confirmed the flood had reached over "
        f"{BLANK} homes.",
        "40",
        text=text,
        target="number:40",
        fact_keys=("card",),
    )
    items = [
        "The storm first reached the coast",
        "Harbour officials confirmed the flood had reached over 40 homes",
        "The port reopened to ferries",
    ]
    ordering = draft("ordering", "Put these events from the article in order, earliest first.",
                     " → ".join(items), fact_keys=("order",))  # fmt: skip
    ordering.choices[:] = [(item, True, i) for i, item in enumerate(items, start=1)]
    ctx = ctx_for(text)
    assert q.card_answer_named_elsewhere(card, [ordering], ctx).startswith("give-away")
    assert q.card_answer_named_elsewhere(ordering, [card], ctx).startswith("give-away")
    ordering.choices[1] = ("Harbour officials counted the flooded homes", True, 2)
    assert q.card_answer_named_elsewhere(card, [ordering], ctx) is None


def _when_of_a_month(prompt, answer, fact, key, start=0):
    return draft(
        "when",
        prompt,
        answer,
        ["February 2021", "January 2021"],
        source=fact,
        target=f"date:{fact.event.date}",
        fact_keys=(key,),
        evidence_start=start,
    )


def test_one_action_on_overlapping_dates_is_asked_once():
    text = (
        "A former aide to the governor was sentenced in Tolvo on Tuesday.\n"
        "A second judge sentenced Ruiz to four years last week.\n"
        "Haddad resigned from the board last week.\n"
    )
    lines = text.splitlines(keepends=True)
    first = dated(
        "A former aide to the governor was sentenced in Tolvo", "Tuesday", "2021-03-09", text
    )
    second = dated("A second judge sentenced Ruiz to four years", "last week", "2021-03", lines[1])
    other = dated("Haddad resigned from the board", "last week", "2021-03", lines[2])
    a = _when_of_a_month(
        "When was a former aide to the governor sentenced in Tolvo?", "9 March 2021", first, "a"
    )
    b = _when_of_a_month(
        "When did a second judge sentence Ruiz to four years?", "March 2021", second, "b", 70
    )
    c = _when_of_a_month("When did Haddad resign from the board?", "March 2021", other, "c", 120)
    ctx = ctx_for(text)
    assert q.same_event_twice(b, [a], ctx).startswith("the same action on the same date")
    assert q.same_event_twice(c, [a], ctx) is None


def test_two_named_people_doing_the_same_on_one_day_are_two_facts():
    text = "Ruiz won the sprint on Sunday.\nHaddad won the marathon on Sunday.\n"
    lines = text.splitlines(keepends=True)
    a = _when_of_a_month(
        "When did Ruiz win the sprint?",
        "7 March 2021",
        dated("Ruiz won the sprint", "Sunday", "2021-03-07", lines[0]),
        "a",
    )
    b = _when_of_a_month(
        "When did Haddad win the marathon?",
        "7 March 2021",
        dated("Haddad won the marathon", "Sunday", "2021-03-07", lines[1]),
        "b",
        40,
    )
    assert q.same_event_twice(b, [a], ctx_for(text)) is None


def test_two_statements_of_one_day_are_two_facts():
    text = "Ruiz's deputy said the port would reopen on Sunday.\nThe council said taxes would rise on Sunday.\n"
    lines = text.splitlines(keepends=True)
    a = _when_of_a_month(
        "When did Ruiz's deputy say the port would reopen?",
        "7 March 2021",
        dated("Ruiz's deputy said the port would reopen", "Sunday", "2021-03-07", lines[0]),
        "a",
    )
    b = _when_of_a_month(
        "When did the council say taxes would rise?",
        "7 March 2021",
        dated("The council said taxes would rise", "Sunday", "2021-03-07", lines[1]),
        "b",
        60,
    )
    assert q.same_event_twice(b, [a], ctx_for(text)) is None


def test_a_question_naming_who_announced_what_a_quotation_says_gives_it_away():
    text = (
        'Omar Haddad said: "Masks are a condition of travel on every ferry from now on."\n'
        "On Monday Omar Haddad announced that masks would be required on every ferry.\n"
        "On Monday Omar Haddad opened the new terminal.\n"
    )
    said = quote(
        "Masks are a condition of travel on every ferry from now on.", "Omar Haddad", source=text
    )
    who = draft(
        "who_said",
        "Who said: “Masks are a condition of travel on every ferry from now on”?",
        "Omar Haddad",
        ["Ana Ruiz", "Ines Varga"],
        source=said,
    )
    announced = draft(
        "when",
        "When did Omar Haddad announce that masks would be required on every ferry?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        evidence_start=90,
    )
    opened = draft(
        "when",
        "When did Omar Haddad open the new terminal?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        evidence_start=160,
    )
    ctx = ctx_for(text)
    assert q.tells_the_speaker(announced, [who], ctx).startswith("give-away")
    assert q.tells_the_speaker(opened, [who], ctx) is None


def _when_of_a_day(prompt, answer, fact, key, start=0):
    return draft(
        "when",
        prompt,
        answer,
        ["1 May 2021", "2 May 2021", "4 May 2021"],
        text=fact.event.evidence,
        source=fact,
        target=f"date:{fact.when.iso()}",
        fact_keys=(key,),
        evidence_start=start,
    )


def test_one_days_unnamed_event_told_twice_is_asked_once():
    text = (
        "The landslide buried four homes on Monday.\n"
        "Monday's mudslide blocked the valley road.\n"
        "A girl was rescued from the rubble on Monday.\n"
    )
    lines = text.splitlines(keepends=True)
    first = dated("The landslide buried four homes", "on Monday", "2021-05-03", lines[0])
    second = dated("the mudslide blocked the valley road", "", "2021-05-03", lines[1])
    rescued = dated("A girl was rescued from the rubble", "on Monday", "2021-05-03", lines[2])
    a = _when_of_a_day("When did the landslide bury four homes?", "3 May 2021", first, "a")
    b = _when_of_a_day(
        "When did the mudslide block the valley road?", "3 May 2021", second, "b", 40
    )
    c = _when_of_a_day("When was a girl rescued from the rubble?", "3 May 2021", rescued, "c", 80)
    ctx = ctx_for(text)
    assert q.same_event_twice(b, [a], ctx).startswith("one day's unnamed event again")
    assert q.same_event_twice(c, [a], ctx) is None  # done to someone: another event


def test_a_named_actor_on_the_same_day_is_another_fact():
    text = "The landslide buried four homes on Monday.\nHaddad closed the valley road on Monday.\n"
    lines = text.splitlines(keepends=True)
    a = _when_of_a_day(
        "When did the landslide bury four homes?",
        "3 May 2021",
        dated("The landslide buried four homes", "on Monday", "2021-05-03", lines[0]),
        "a",
    )
    b = _when_of_a_day(
        "When did Haddad close the valley road?",
        "3 May 2021",
        dated("Haddad closed the valley road", "on Monday", "2021-05-03", lines[1]),
        "b",
        45,
    )
    assert q.same_event_twice(b, [a], ctx_for(text)) is None


def test_a_card_showing_the_date_another_question_asks_is_dropped():
    text = "On March 3, the firm emailed the bank, which replied on March 9."
    fact = DatedFact(
        event=event("the firm emailed the bank", "On March 3", "2019-03-03", text, source=text),
        when=parse_iso("2019-03-03"),
    )
    asked = draft("when", "When did the firm email the bank?", "3 March 2019", source=fact)
    card = draft(
        "cloze",
        f"Fill in the blank: On March 3, the firm emailed the bank, which replied on {BLANK}.",
        "March 9",
    )
    other = draft("cloze", f"Fill in the blank: The bank replied on {BLANK}.", "March 9")
    assert q.card_shows_an_asked_date(card, [asked], ctx_for(text)) is not None
    assert q.card_shows_an_asked_date(other, [asked], ctx_for(text)) is None
    assert q.card_shows_an_asked_date(card, [], ctx_for(text)) is None


def test_a_card_naming_the_answer_of_a_which_country_question_is_dropped():
    prompt = "Which country is the Tolvo Group from?"
    asked = draft("which_country", prompt, "Austria", ["Italy", "Germany"])
    card = cloze_card(
        f"In the deal, Austrian, {BLANK} and Chilean plants are kept.", "Peru", "country:peru"
    )
    assert q.which_country_answer_shown(card, [asked], ctx_for("")) is not None
    other = cloze_card(f"In the deal, the plants in {BLANK} are kept.", "Peru", "country:peru")
    assert q.which_country_answer_shown(other, [asked], ctx_for("")) is None
    # The card names another option too: it decides nothing.
    undecided = draft("which_country", prompt, "Austria", ["Italy", "Chile"])
    assert q.which_country_answer_shown(card, [undecided], ctx_for("")) is None


def test_two_cards_blanking_one_country_ask_it_once():
    first = cloze_card(f"Berg flew on the {BLANK}'s first crewed flight.", "Chile", "country:chile")
    second = cloze_card(f"Berg joined the {BLANK}'s team of pilots.", "Chile", "country:chile")
    assert q.same_card_country(second, [first], ctx_for("")) is not None
    third = cloze_card(f"Berg retired in {BLANK}.", "Peru", "country:peru")
    assert q.same_card_country(third, [first], ctx_for("")) is None


def test_one_speaker_making_one_point_twice_is_asked_once():
    first = who_said_draft("the harbour ferries will restart in May", "Tom Vale", ["Ana Ruiz"])
    again = who_said_draft(
        "the harbour ferries restart in May, whatever the weather", "Tom Vale", ["Ana Ruiz"]
    )
    other = who_said_draft("the bridge is safe", "Tom Vale", ["Ana Ruiz"])
    ctx = ctx_for(HARBOUR_SPEECH)
    assert q.same_speaker_same_point(again, [first], ctx) is not None
    assert q.same_speaker_same_point(other, [first], ctx) is None


def test_long_quotations_sharing_only_function_words_are_two_points():
    text = (
        "Coach Tom Vale spoke after the final.\n"
        '"It was a very hard season and we are going to rest now," Vale said.\n'
        '"The young players were very brave and we are going to keep them," Vale said.\n'
    )
    first = quote("It was a very hard season and we are going to rest now", "Tom Vale", source=text)
    second = quote(
        "The young players were very brave and we are going to keep them", "Tom Vale", source=text
    )
    asked = draft("who_said", f"Who said: “{first.text}”?", "Tom Vale", ["Ana Ruiz"], source=first)
    other = draft(
        "who_said", f"Who said: “{second.text}”?", "Tom Vale", ["Ana Ruiz"], source=second
    )
    assert q.same_speaker_same_point(other, [asked], ctx_for(text)) is None


ADDED_TEXT = (
    "At the summit, envoy Jane Doe said, “The talks are over.”\n"
    "She added, “Nobody believes the offer.”\n"
    "Later, John Roe said, “We will wait.”\n"
)


def test_words_the_speaker_added_at_once_are_one_utterance():
    first = quote("The talks are over.", "Jane Doe", source=ADDED_TEXT)
    second = quote("Nobody believes the offer.", "Jane Doe", source=ADDED_TEXT)
    assert q._continues(first, second, ADDED_TEXT)
    third = quote("We will wait.", "John Roe", source=ADDED_TEXT)
    assert not q._continues(second, third, ADDED_TEXT)


FIRST_PERSON_TEXT = (
    "Ana Ruiz said she had “given up my seat on the board and lived quietly” for years.\n"
    "Officially, Ana Ruiz no longer holds a seat on the board, having left it in 2004.\n"
)


def _first_person_pair():
    said = quote(
        "given up my seat on the board and lived quietly", "Ana Ruiz", source=FIRST_PERSON_TEXT
    )
    asked = draft(
        "who_said",
        "Who said: “given up my seat on the board and lived quietly”?",
        "Ana Ruiz",
        ["John Roe", "Ann Poe"],
        source=said,
    )
    return asked, FIRST_PERSON_TEXT.splitlines()[1]


def test_a_card_naming_the_speaker_of_a_first_person_quotation_on_its_point_gives_it_away():
    asked, sentence = _first_person_pair()
    card = draft(
        "cloze",
        f"Fill in the blank: {sentence.replace('2004', BLANK)}",
        "2004",
        evidence_start=200,
    )
    assert q.speaker_told_elsewhere(card, [asked], ctx_for(FIRST_PERSON_TEXT)) is not None


def test_a_card_naming_the_speaker_on_another_point_is_kept():
    asked, _ = _first_person_pair()
    card = draft(
        "cloze",
        f"Fill in the blank: Ana Ruiz opened a bakery in the old mill in {BLANK}.",
        "2010",
        evidence_start=200,
    )
    assert q.speaker_told_elsewhere(card, [asked], ctx_for(FIRST_PERSON_TEXT)) is None


def test_a_third_person_quotation_is_not_given_away_by_a_card_naming_the_speaker():
    text = "Ana Ruiz said “the seat on the board stays empty” until spring.\n"
    said = quote("the seat on the board stays empty", "Ana Ruiz", source=text)
    asked = draft(
        "who_said",
        "Who said: “the seat on the board stays empty”?",
        "Ana Ruiz",
        source=said,
    )
    card = draft(
        "cloze",
        f"Fill in the blank: Ana Ruiz held a seat on the board until {BLANK}.",
        "2004",
        evidence_start=200,
    )
    assert q.speaker_told_elsewhere(card, [asked], ctx_for(text)) is None


def test_a_quotation_naming_the_blanked_country_on_the_cards_point_gives_it_away():
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK}-based militia claimed the raids on the depots.",
        "Freedonia",
        target="country:freedonia",
    )
    quoted = draft("who_said", "Who said: “no sign the raids came from Freedonia”?", "Jane Doe")
    assert q.country_named_elsewhere(card, [quoted], ctx_for("")) is not None


def test_a_quotation_naming_the_country_on_another_point_is_kept():
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK}-based militia claimed the raids on the depots.",
        "Freedonia",
        target="country:freedonia",
    )
    quoted = draft("who_said", "Who said: “our wheat sells well in Freedonia”?", "Jane Doe")
    assert q.country_named_elsewhere(card, [quoted], ctx_for("")) is None


def test_one_person_answers_one_card_of_a_bank():
    first = draft(
        "cloze",
        f"Fill in the blank: “We held on in the second half,” {BLANK} said.",
        "Tom Grey",
        target="person:grey",
    )
    second = draft(
        "cloze",
        f"Fill in the blank: “The bench made the difference,” {BLANK} said.",
        "Grey",
        target="person:grey",
    )
    other = draft(
        "cloze",
        f"Fill in the blank: “It was a long season,” {BLANK} said.",
        "Ann Poe",
        target="person:poe",
    )
    assert q.same_name_answered_again(second, [first], ctx_for("")) is not None
    assert q.same_name_answered_again(other, [first], ctx_for("")) is None


def test_a_card_blanking_the_country_a_which_country_question_answers_is_dropped():
    asked = draft(
        "which_country",
        "Which country is Ana Ruiz the prime minister of?",
        "Freedonia",
        ["Ruritania", "Sylvania"],
    )
    card = draft(
        "cloze",
        f"Fill in the blank: Rockets struck the embassy in {BLANK} on the same night.",
        "Freedonia",
        target="country:freedonia",
    )
    assert q.same_name_answered_again(card, [asked], ctx_for("")) is not None


def _year_question(year: str, verb: str):
    return draft("when", f"In what year did the mill {verb}?", year, ["1901", "1902", "1903"])


def test_a_fourth_year_question_is_dropped_but_a_date_is_kept():
    kept = [_year_question(y, v) for y, v in (("1950", "open"), ("1960", "grow"), ("1970", "shut"))]
    card = draft(
        "cloze",
        f"Fill in the blank: The mill reopened as a museum in {BLANK}.",
        "1990",
        target="date:1990",
    )
    statement = draft("true_false", "True or false? In 1985, the mill was sold.", "True")
    day = draft("when", "When did the mill burn?", "4 May 1999", ["5 May 1999", "6 May 1999"])
    assert q.too_many_years(card, kept, ctx_for("")) is not None
    assert q.too_many_years(statement, kept, ctx_for("")) is not None
    assert q.too_many_years(day, kept, ctx_for("")) is None
    assert q.too_many_years(card, kept[:2], ctx_for("")) is None


def test_a_count_in_the_thousands_is_no_year():
    kept = [_year_question(y, v) for y, v in (("1950", "open"), ("1960", "grow"), ("1970", "shut"))]
    card = draft(
        "cloze",
        f"Fill in the blank: The new owner takes over about {BLANK} workers.",
        "7000",
        target="number:7000",
    )
    assert q.too_many_years(card, kept, ctx_for("")) is None


def test_a_when_question_naming_the_speaker_and_the_body_of_the_quote_tells_who_said():
    text = (
        "On Monday minister Ana Ruiz stressed that the WTO had to agree.\n"
        "“It was approved by the WTO and belongs to all of us,” Ruiz said.\n"
    )
    said_quote = quote(
        "It was approved by the WTO and belongs to all of us", "Ana Ruiz", source=text
    )
    said = draft(
        "who_said",
        "Who said: “It was approved by the WTO and belongs to all of us”?",
        "Ana Ruiz",
        ["Tom Reid", "Li Wei"],
        source=said_quote,
    )
    when = draft(
        "when",
        "When did minister Ana Ruiz stress the role of the WTO?",
        "3 May 2021",
        ["4 May 2021", "5 May 2021"],
    )
    assert q.tells_the_speaker(when, [said], ctx_for(text)) is not None
    other = draft(
        "when",
        "When did minister Ana Ruiz stress the need for new ports?",
        "3 May 2021",
        ["4 May 2021", "5 May 2021"],
    )
    assert q.tells_the_speaker(other, [said], ctx_for(text)) is None


OBITUARY = (
    "Painter Lena Vorst dies at 88\n"
    "Lena Vorst died on Monday at the age of 88, her gallery said.\n"
    "Vorst was born in 1932 in Tarrow and studied art at the Gellert Academy.\n"
)


def _death(prompt: str = "When did Lena Vorst die at the age of 88?") -> q.QuestionDraft:
    return draft("when", prompt, "12 April 2021", ["10 April 2021", "11 April 2021"], text=OBITUARY)


def _birth_card(year: str = "1932") -> q.QuestionDraft:
    return draft(
        "cloze",
        "Fill in the blank: Vorst was born in _____ in Tarrow and studied art at the "
        "Gellert Academy.",
        year,
        text=OBITUARY,
        target=f"date:{year}",
    )


def test_an_age_at_death_gives_the_birth_year_away():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    problem = q.birth_year_from_an_age(_birth_card(), [_death()], ctx)
    assert problem is not None
    assert "birth year" in problem
    # Whichever comes second goes: the age after the birth year is dropped too.
    assert q.birth_year_from_an_age(_death(), [_birth_card()], ctx) is not None


def test_an_age_in_a_quotation_gives_the_birth_year_away():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    said = draft(
        "who_said",
        "Who said: “She was 88 years old, and she painted every day”?",
        "Marta Olsen",
        ["Piet Dane", "Ivo Brand"],
        text=OBITUARY,
    )
    assert q.birth_year_from_an_age(_birth_card(), [said], ctx) is not None


def test_an_age_of_someone_else_or_no_age_gives_nothing_away():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    # A 15-year-old pupil says nothing of a painter born in 1932.
    pupil = _death("When did a 15-year-old pupil find the painting?")
    assert q.birth_year_from_an_age(_birth_card(), [pupil], ctx) is None
    plain = _death("When did Lena Vorst die?")
    assert q.birth_year_from_an_age(_birth_card(), [plain], ctx) is None


def test_a_birth_statement_beside_an_age_is_true_or_false_at_sight():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    statement = draft(
        "true_false",
        "True or false? In 1930, Vorst was born in Tarrow.",
        "False",
        text=OBITUARY,
    )
    assert q.birth_year_from_an_age(statement, [_death()], ctx) is not None


ONE_PARAGRAPH_TEXT = (
    "Coach Tom Vale spoke after the final. “The pitch was far too soft,” Vale said. "
    "He further stated, “Our keeper saved us twice in the second half.” "
    "The club will review the ground. Its owners met on Monday. "
    "Vale also said, “The bus was late again.”\n"
    "“We will train on grass next week,” Vale said.\n"
    "Captain Ana Ruiz said, “The keeper deserves the praise.”\n"
)


def _asked(words, speaker, text=ONE_PARAGRAPH_TEXT):
    """A who-said draft on `words`, its evidence the sentence that holds them."""
    said = quote(words, speaker, source=text)
    start = max(text.rfind(". ", 0, said.start) + 2, text.rfind("\n", 0, said.start) + 1)
    stop = min(i for i in (text.find(". ", said.end), text.find("\n", said.end)) if i >= 0)
    said = replace(said, evidence=text[start:stop], evidence_start=start, evidence_end=stop)
    return draft("who_said", f"Who said: “{words}”?", speaker, ["Ana Ruiz"], source=said)


def test_one_speakers_quotes_a_sentence_apart_give_one_who_said_question():
    ctx = ctx_for(ONE_PARAGRAPH_TEXT)
    first = _asked("The pitch was far too soft,", "Tom Vale")
    next_sentence = _asked("Our keeper saved us twice in the second half.", "Tom Vale")
    further_on = _asked("The bus was late again.", "Tom Vale")
    next_paragraph = _asked("We will train on grass next week,", "Tom Vale")
    other_speaker = _asked("The keeper deserves the praise.", "Ana Ruiz")
    assert q.same_speaker_same_passage(next_sentence, [first], ctx) is not None
    assert q.same_speaker_same_passage(further_on, [first], ctx) is None
    assert q.same_speaker_same_passage(next_paragraph, [first], ctx) is None
    assert q.same_speaker_same_passage(other_speaker, [first], ctx) is None
    card = draft(
        "cloze", f"Fill in the blank: {BLANK} further stated, “Our keeper saved us …”",
        "Vale", target="person:Tom Vale", source=next_sentence.source,
    )  # fmt: skip
    assert q.same_speaker_same_passage(card, [first], ctx) is not None


INTERVIEW_TEXT = (
    "“I grew up by the sea,” Lena Park said.\n"
    "“My first boat was a gift from my uncle,” Park said.\n"
    "“The harbour closed when I was twelve,” Park said.\n"
    "“Now I teach children to sail,” Park said.\n"
    "Her student Omar Haddad said, “She never shouts at us.”\n"
)


def _interview_card(line: int, options: list[str]):
    words = INTERVIEW_TEXT.splitlines()[line].split("”")[0].lstrip("“")
    said = quote(words, "Lena Park", source=INTERVIEW_TEXT)
    return draft("who_said", f"Who said: “{words}”?", "Lena Park", options, source=said)


def test_a_bank_holds_few_who_said_questions_with_one_answer_and_the_same_options():
    ctx = ctx_for(INTERVIEW_TEXT)
    same = ["Omar Haddad", "Eva Soto", "Ben Cole"]
    alike = [_interview_card(line, same) for line in range(3)]
    assert q.too_many_by_one_speaker(alike[1], alike[:1], ctx) is None
    assert q.too_many_by_one_speaker(alike[2], alike[:2], ctx) is not None
    # Other wrong options make a third card on the speaker, not a fourth.
    fresh = _interview_card(2, ["Omar Haddad", "Ana Ruiz", "Tom Vale"])
    assert q.too_many_by_one_speaker(fresh, alike[:2], ctx) is None
    fourth = _interview_card(3, ["Jo Lin", "Kai Berg", "Ida Moss"])
    assert q.too_many_by_one_speaker(fourth, [*alike[:2], fresh], ctx) is not None
    student_said = quote("She never shouts at us.", "Omar Haddad", source=INTERVIEW_TEXT)
    student = draft(
        "who_said", "Who said: “She never shouts at us.”?", "Omar Haddad",
        ["Lena Park", "Eva Soto", "Ben Cole"], source=student_said,
    )  # fmt: skip
    assert q.too_many_by_one_speaker(student, [*alike[:2], fresh], ctx) is None


def _date_card(sentence: str, answer: str, iso: str):
    return cloze_card(sentence, answer, f"date:{iso}")


def test_a_fourth_card_blanking_a_date_is_dropped_but_other_cards_are_kept():
    kept = [
        _date_card(f"The Velmar party met online on {BLANK}.", "May 2", "2020-05-02"),
        _date_card(f"In a {BLANK} speech in Tolvo, Ruiz set out her plan.", "July 9", "2020-07-09"),
        _date_card(f"Vale ran for the city council in {BLANK}.", "2018", "2018"),
    ]
    fourth = _date_card(
        f"The {BLANK} death of the senator changed the race.", "July 17", "2020-07-17"
    )
    count = cloze_card(f"The party won {BLANK} seats in the city council.", "12", "number:12")
    assert q.too_many_date_cards(fourth, kept, ctx_for("")) is not None
    assert q.too_many_date_cards(fourth, kept[:2], ctx_for("")) is None
    assert q.too_many_date_cards(count, kept, ctx_for("")) is None


def test_a_card_printing_the_year_a_when_question_asks_beside_its_subject_is_dropped():
    asked = draft(
        "when",
        "In what year were 2,000 Tolvo residents counted as refugees?",
        "2016",
        ["2014", "2015", "2017"],
        evidence_start=0,
    )
    card = draft(
        "cloze",
        f"Fill in the blank: In Tolvo at the 2016 census, {BLANK} of residents were born abroad.",
        "41%",
        target="number:41%",
        evidence_start=120,
    )
    elsewhere = draft(
        "cloze",
        f"Fill in the blank: The Velmar mill closed in 2016 after {BLANK} years.",
        "90",
        target="number:90",
        evidence_start=240,
    )
    assert q.card_shows_a_date_asked_elsewhere(card, [asked], ctx_for("")) is not None
    assert q.card_shows_a_date_asked_elsewhere(asked, [card], ctx_for("")) is not None
    # the year beside nothing of the question's event is no give-away
    assert q.card_shows_a_date_asked_elsewhere(elsewhere, [asked], ctx_for("")) is None


def test_a_card_printing_the_day_a_when_question_asks_is_dropped():
    asked = draft(
        "when",
        "When did the Velmar ferry service stop?",
        "25 May 2020",
        ["22 May 2020", "27 May 2020"],
        evidence_start=0,
    )
    card = draft(
        "cloze",
        f"Fill in the blank: After the ferry stopped on May 25, {BLANK} people were stranded.",
        "300",
        target="number:300",
        evidence_start=90,
    )
    assert q.card_shows_a_date_asked_elsewhere(card, [asked], ctx_for("")) is not None


def _bank_after_date_swaps(asked, others):
    review = q.Review(kept=[asked, *others])
    _other_answers_out_of_dates(review, ctx_for("The Velmar mill closed in 2019."))
    return review


def test_a_wrong_year_another_card_answers_is_swapped_for_a_spare_on_its_side():
    asked = draft(
        "when", "In what year did the Velmar mill close?", "2019", ["2017", "2018", "2021"],
        target="date:2019", spare_options=["2016", "2022"],
    )  # fmt: skip
    card = cloze_card(f"The Tolvo bridge reopened in {BLANK}.", "2021", "date:2021")
    review = _bank_after_date_swaps(asked, [card])
    assert asked in review.kept
    assert [t for t, _, _ in asked.choices] == ["2019", "2017", "2018", "2022"]


def test_a_when_question_whose_answer_a_left_out_year_would_leave_latest_is_dropped():
    # 2021 has no spare after 2019: left out, 2017, 2018, 2019 would show the answer last
    asked = draft(
        "when", "In what year did the Velmar mill close?", "2019", ["2017", "2018", "2021"],
        target="date:2019", spare_options=["2016"],
    )  # fmt: skip
    card = cloze_card(f"The Tolvo bridge reopened in {BLANK}.", "2021", "date:2021")
    review = _bank_after_date_swaps(asked, [card])
    assert asked not in review.kept
    assert card in review.kept


def test_a_when_question_left_with_one_wrong_date_is_dropped_not_kept_with_the_clash():
    asked = draft(
        "when", "When did the Velmar ferry stop?", "25 May 2020", ["22 May 2020", "27 May 2020"],
        target="date:2020-05-25", spare_options=["20 May 2020"],
    )  # fmt: skip
    card = cloze_card(f"The Tolvo bridge closed on {BLANK}.", "27 May 2020", "date:2020-05-27")
    review = _bank_after_date_swaps(asked, [card])
    assert asked not in review.kept
    assert "27 May 2020" not in {t for d in review.kept if d.kind == "when" for t in d.choice_texts}
