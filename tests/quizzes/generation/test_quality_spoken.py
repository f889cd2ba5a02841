"""Cards cut from spoken words (quizzes/generation/quality/spoken.py), on invented
sentences: a hedge of talk or a pointer at a figure makes any card unusable; in an
interview, an answer's "it", "they" or "the system" named turns before stands for
something the card does not show. Reports keep their "The survey …" cards."""

from __future__ import annotations

import pytest

from quizzes.generation import quality as q
from quizzes.generation.text import BLANK

from .facts_for_tests import ctx_for, draft

REPORT = "The lake survey counted herons.\nThe survey began in 2011 and ran for years.\n"
INTERVIEW = (
    "Q: What does your lab build?\n"
    "We build a sensor system for lake ice.\n"
    "Q: When did you start?\n"
    "The system first went out on the ice in 2014, and it was tested again in 2016.\n"
)


@pytest.mark.parametrize(
    ("prompt", "dropped"),
    [
        (f"Fill in the blank: Herons are kind of rare here since {BLANK}.", True),
        (f"Fill in the blank: The heron count, you know, peaked in {BLANK}.", True),
        (f"Fill in the blank: The count basically doubled in {BLANK}.", True),
        (f"Fill in the blank: The ice thinned by probably like {BLANK} percent.", True),
        (f"Fill in the blank: As in panel C, the ice thinned in {BLANK}.", True),
        (f"Fill in the blank: A kind of reed took over the shore in {BLANK}.", False),
        (f"Fill in the blank: The heron count peaked in {BLANK}.", False),
    ],
)
def test_a_spoken_hedge_or_figure_pointer_drops_the_card(prompt, dropped):
    """ "kind of rare", "you know", "in panel C" are talk and a figure the learner does
    not see; "a kind of reed" is a noun and stays."""
    card = draft("cloze", prompt, "2011")
    assert (q.spoken_register_card(card, ctx_for(REPORT)) is not None) is dropped


def test_a_true_false_card_with_a_hedge_is_dropped():
    card = draft("true_false", "True or false? The ice sort of melted early in 2016.", "True")
    assert q.spoken_register_card(card, ctx_for(REPORT)) is not None


def _answer_card(prompt, kind="cloze"):
    sentence = INTERVIEW.rindex("The system")
    return draft(kind, prompt, "2014", evidence_start=sentence, evidence_end=len(INTERVIEW) - 1)


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        (f"Fill in the blank: The system first went out on the ice in {BLANK}.", "cloze"),
        ("When did the system first go out on the ice?", "when"),
        (f"Fill in the blank: After the first winter, it was tested again in {BLANK}.", "cloze"),
        ("True or false? The sensors were ready, and they worked in 2016.", "true_false"),
    ],
)
def test_an_interview_answer_leaning_on_what_came_before_is_dropped(prompt, kind):
    """ "The system" and "it" were named in the turns before the answer's sentence."""
    card = _answer_card(prompt, kind)
    assert q.interview_answer_reference(card, ctx_for(INTERVIEW)) is not None


@pytest.mark.parametrize(
    "prompt",
    [
        f"Fill in the blank: The Lakeside Ice Array first went out on the ice in {BLANK}.",
        f"Fill in the blank: It was clear that the ice would thin by {BLANK}.",
        f"Fill in the blank: Ana Vela and Tom Reyes met in {BLANK}, and they built a sled.",
        f"Fill in the blank: The harbour froze over in {BLANK}.",
    ],
)
def test_an_interview_answer_that_names_its_subject_is_kept(prompt):
    """A named subject, an empty "it", a "they" after names, or a noun the interview
    did not use before is no pointer to an unseen turn."""
    card = _answer_card(prompt)
    assert q.interview_answer_reference(card, ctx_for(INTERVIEW)) is None


def test_the_one_survey_of_a_report_is_kept():
    """Ordinary news about one survey: "The survey began in _____" is clear."""
    sentence = REPORT.index("The survey began")
    card = draft(
        "cloze",
        f"Fill in the blank: The survey began in {BLANK} and ran for years.",
        "2011",
        evidence_start=sentence,
        evidence_end=len(REPORT) - 1,
    )
    assert q.interview_answer_reference(card, ctx_for(REPORT)) is None


def test_a_reports_paragraph_before_the_interview_is_kept():
    """A report that prints an interview after its own paragraphs: "The survey began in
    _____" comes from the report, written for a reader."""
    text = REPORT + "Q: Why herons?\nThe survey needed a bird that stays all year.\n"
    card = draft(
        "cloze",
        f"Fill in the blank: The survey began in {BLANK} and ran for years.",
        "2011",
        evidence_start=text.index("The survey began"),
        evidence_end=text.index("Q:") - 1,
    )
    assert q.interview_answer_reference(card, ctx_for(text)) is None


INTERVIEW_AFTER_A_REPORT = (
    "Ana Vela talks about her sensors\n"
    "The Lakeside sensor archive went offline last year. The archive was closed in 2019.\n"
    "Q: Why did you build a sensor system?\n"
    "We wanted to count herons in winter.\n"
)


@pytest.mark.parametrize(
    ("prompt", "kind", "dropped"),
    [
        (f"Fill in the blank: The archive was closed in {BLANK}.", "cloze", True),
        ("When was the archive closed?", "when", True),
        ("In what year did Ana Vela start watching the archive?", "when", True),
        (f"Fill in the blank: The researchers closed it in {BLANK}.", "cloze", False),
        (f"Fill in the blank: The harbour was closed in {BLANK}.", "cloze", False),
        ("When was the Lakeside sensor archive closed?", "when", False),
        (f"Fill in the blank: Ana Vela began to watch the archive in {BLANK}.", "cloze", True),
        (f"Fill in the blank: The highest archive count was in {BLANK}.", "cloze", False),
        ("True or false? In 2017, Ana Vela began to watch the archive.", "true_false", True),
        (
            f"Fill in the blank: Ana Vela closed {BLANK} sites, a loss for the archive.",
            "cloze",
            False,
        ),
        ("True or false? In 2017, Ana Vela closed the archive for the week.", "true_false", False),
    ],
)
def test_a_thing_an_interviews_report_named_before_in_other_words_is_dropped(prompt, kind, dropped):
    """In an interview article, "the archive" of the report's lead stands for the fuller
    name the lead gave before; people ("the researchers"), a noun not written before and
    a named thing are clear."""
    text = INTERVIEW_AFTER_A_REPORT
    start = text.index("The archive was")
    card = draft(kind, prompt, "2019", evidence_start=start, evidence_end=text.index("Q:") - 1)
    assert (q.interview_report_reference(card, ctx_for(text)) is not None) is dropped
    # the same card from ordinary news (no interview turns) is kept
    report = text.split("Q:")[0]
    assert q.interview_report_reference(card, ctx_for(report)) is None
    # an interview whose title names the archive is about that one archive
    titled = text.replace("talks about her sensors", "on the old sensor archive")
    assert q.interview_report_reference(card, ctx_for(titled)) is None


@pytest.mark.parametrize(
    ("prompt", "dropped"),
    [
        (f"Fill in the blank: Among the chicks, it was {BLANK} and 70%.", True),
        (f"Fill in the blank: All told, they counted {BLANK} nests.", True),
        (f"Fill in the blank: Among the chicks, it was clear that {BLANK} had hatched.", False),
        (f"Fill in the blank: After Ana Vela left, they counted {BLANK} nests.", False),
        (f"Fill in the blank: The herons, they say, nested in {BLANK}.", False),
    ],
)
def test_an_opening_it_or_they_of_nothing_is_dropped_in_any_article(prompt, dropped):
    """After an opening phrase without a name, "it"/"they" as the subject stands for the
    sentence before; an empty "it", or a name before the pronoun, stays."""
    card = draft("cloze", prompt, "40%")
    assert (q.opening_pronoun_of_nothing(card, ctx_for(REPORT)) is not None) is dropped


@pytest.mark.parametrize(
    "prompt",
    [
        f"Fill in the blank: If you look at the lower panel, the ice thinned in {BLANK}.",
        f"Fill in the blank: The birds settled on around kind of {BLANK} nests.",
    ],
)
def test_a_panel_or_a_hedged_number_drops_the_card(prompt):
    card = draft("cloze", prompt, "40")
    assert q.spoken_register_card(card, ctx_for(REPORT)) is not None


def test_they_after_a_day_number_in_an_answer_is_dropped():
    """ "By Day 4, they really drop to _____": "Day 4" names nobody "they" could be."""
    card = _answer_card(f"Fill in the blank: By Day 4, they really drop to {BLANK} of the bait.")
    assert q.interview_answer_reference(card, ctx_for(INTERVIEW)) is not None


ANSWERS = (
    "Q: How did the survey start?\n"
    "So every lake that holds more than 12 pairs must be counted twice in a season.\n"
    "Q: Who helped?\n"
    "A colleague from that survey, back in 2013, counted the nests by boat.\n"
    "Q: Where did you work?\n"
    "A few of us working in Norway.\n"
)


def _card_in_answers(prompt, sentence):
    start = ANSWERS.index(sentence)
    return draft("cloze", prompt, "2013", evidence_start=start, evidence_end=start + len(sentence))


@pytest.mark.parametrize(
    ("opening", "dropped"),
    [
        ("So every lake", True),
        ("And so, every lake", True),
        ("Because every lake", True),
        ("Well, every lake", True),
        ("But yeah, every lake", True),
        ("So far, every lake", False),
        ("Because of the floods, every lake", False),
        ("Every lake", False),
    ],
)
def test_an_answer_opening_on_a_link_word_is_dropped(opening, dropped):
    """ "So every lake that holds more than _____ pairs …": the answer's "So", "And so",
    "Because" or "Well" goes on from what was said before; "So far" and "Because of …"
    open whole sentences."""
    card = _card_in_answers(
        f"Fill in the blank: {opening} that holds more than {BLANK} pairs must be counted twice.",
        "So every lake",
    )
    assert (q.answer_opens_on_a_link_word(card, ctx_for(ANSWERS)) is not None) is dropped


def test_a_link_word_in_a_reports_sentence_is_kept():
    """A report's own sentence (no interview) is written for a reader."""
    card = draft("cloze", f"Fill in the blank: So far, {BLANK} lakes were counted.", "12")
    assert q.answer_opens_on_a_link_word(card, ctx_for(REPORT)) is None


@pytest.mark.parametrize(
    ("body", "dropped"),
    [
        (f"A colleague from that survey, back in {BLANK}, counted the nests.", True),
        (f"The first, {BLANK}, was in Norway.", True),
        (f"I would be their second counter in {BLANK}.", True),
        (f"Many herons left their nests in {BLANK}.", False),
        (f"Ana Vela and her team left their boats in {BLANK}.", False),
        (f"A report said that herons counted in {BLANK} were fewer.", False),
    ],
)
def test_an_answer_leaning_on_the_talk_is_dropped(body, dropped):
    """ "that paper", a bare "the first" or an unowned "their" in an interview answer
    point at what the question or the answer before named; "said that herons" is a
    conjunction, and "their" after a noun or a name has its owner on the card."""
    card = _card_in_answers(f"Fill in the blank: {body}", "A colleague from")
    assert (q.answer_leans_on_the_talk(card, ctx_for(ANSWERS)) is not None) is dropped


def test_they_are_contracted_in_an_answer_is_dropped():
    """ "Sometimes they're counted twice even in _____": "they're" is "they" too."""
    card = _card_in_answers(
        f"Fill in the blank: Sometimes they're counted twice even in {BLANK}.", "A few of us"
    )
    assert q.interview_answer_reference(card, ctx_for(ANSWERS)) is not None


@pytest.mark.parametrize(
    ("body", "dropped"),
    [
        (f"A few of us working in {BLANK}.", True),
        (f"A few volunteers from the lake survey were working in {BLANK} last year.", False),
    ],
)
def test_a_few_words_of_an_answer_are_dropped(body, dropped):
    """ "A few of us working in _____.": a reply to the question the card does not show."""
    card = _card_in_answers(f"Fill in the blank: {body}", "A few of us")
    assert (q.short_answer_fragment(card, ctx_for(ANSWERS)) is not None) is dropped


@pytest.mark.parametrize(
    ("prompt", "dropped"),
    [
        (f"Fill in the blank: Me and two friends first went out on the ice in {BLANK}.", True),
        (f"Fill in the blank: My sled first went out on the ice in {BLANK}.", True),
        (f"Fill in the blank: The sensors that we built went out in {BLANK}.", False),
        (f"Fill in the blank: The harbour froze over in {BLANK}.", False),
    ],
)
def test_an_interview_answer_speaking_as_i_is_dropped(prompt, dropped):
    """ "Me and two friends …" is the interviewee, whom the card never names; "we" reads
    as the team's, and a sentence without "I" stands alone."""
    card = _answer_card(prompt)
    assert (q.first_person_in_an_answer(card, ctx_for(INTERVIEW)) is not None) is dropped


def test_a_when_question_from_an_answer_speaking_as_i_is_dropped():
    """Its sentence is the interviewee's ("I mean the first sled went out in 2014"); a
    sentence of the answer without "I" may be asked."""
    text = INTERVIEW.replace("The system first", "I mean the system first")
    said = _answer_card("When did the system first go out on the ice?", "when")
    card = draft(
        "when",
        said.prompt,
        "2014",
        evidence_start=text.rindex("I mean"),
        evidence_end=len(text) - 1,
    )
    assert q.first_person_in_an_answer(card, ctx_for(text)) is not None
    assert q.first_person_in_an_answer(said, ctx_for(INTERVIEW)) is None
    statement = draft(
        "true_false",
        "True or false? In 2014, the system first went out on the ice.",
        "True",
        evidence_start=card.evidence_start,
        evidence_end=card.evidence_end,
    )
    assert q.first_person_in_an_answer(statement, ctx_for(text)) is not None


def test_i_in_a_reports_quotation_is_the_quoted_speakers():
    card = draft(
        "cloze",
        f"Fill in the blank: The survey began in {BLANK}, “and I counted every heron”.",
        "2011",
        evidence_start=REPORT.index("The survey began"),
        evidence_end=len(REPORT) - 1,
    )
    assert q.first_person_in_an_answer(card, ctx_for(REPORT)) is None


LABEL_REPORT = (
    "Harbour count passes ten thousand boats\n"
    "On Friday the harbour office counted its ten thousandth boat of the year.\n"
)


@pytest.mark.parametrize(
    ("sentence", "prompt", "dropped"),
    [
        (
            "The milestone came a day after Porto Vela opened a second pier.",
            f"Fill in the blank: The milestone came a day after {BLANK} opened a second pier.",
            True,
        ),
        (
            "The milestone came a day after Porto Vela opened a second pier.",
            "When did the milestone come?",
            True,
        ),
        # the story's own thing, however it was called before
        (
            "The turnout was about 71% on the day.",
            f"Fill in the blank: The turnout was about {BLANK} on the day.",
            False,
        ),
    ],
)
def test_a_label_for_a_fact_told_before_in_other_words_is_dropped(sentence, prompt, dropped):
    """ "The milestone came …" stands for what the sentence before told (the ten
    thousandth boat), which the card does not show; "The turnout …" is the story's own."""
    text = LABEL_REPORT + sentence + "\n"
    card = draft(
        "cloze" if "_" in prompt else "when", prompt, "2019", evidence_start=text.index(sentence)
    )
    assert (q.label_for_an_earlier_fact(card, ctx_for(text)) is not None) is dropped


def test_a_label_named_before_with_its_noun_stays():
    """ "a milestone … The milestone" was named with its noun: the card is no worse than
    the article's "The study …" cards judges accept."""
    text = (
        "Harbour count passes ten thousand boats\n"
        "On Friday the office reached a milestone of ten thousand boats.\n"
        "The milestone came a day after Porto Vela opened a second pier.\n"
    )
    prompt = f"Fill in the blank: The milestone came a day after {BLANK} opened a second pier."
    card = draft("cloze", prompt, "Porto Vela", evidence_start=text.index("The milestone"))
    assert q.label_for_an_earlier_fact(card, ctx_for(text)) is None
    # nor a label in the article's opening sentence, which introduces it
    opening = (
        text.split("\n", 1)[0] + "\nThe milestone came a day after Porto Vela opened a pier.\n"
    )
    card = draft("cloze", prompt, "Porto Vela", evidence_start=opening.index("The milestone"))
    assert q.label_for_an_earlier_fact(card, ctx_for(opening)) is None
