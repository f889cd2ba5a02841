"""Round 19 (blind judges of batches 36 and 37, and a reading of every kept question of the
real dev set): a described subject asked by the person's name, dated statements and
quotation statements that say nothing checkable, a surname particle as the article writes
it, and a body among people in a who-said question. Invented sentences."""

from collections import Counter
from datetime import date

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import quality as q
from quizzes.generation import true_false, when, who_said
from quizzes.generation.text import restore_names
from quizzes.generation.true_false import says_something
from quizzes.generation.who_said import acts_as_a_body

from .facts_for_tests import built, cloze_card, ctx_for, event, quote

RUIZ = (
    "Harbour race ends\n"
    "Ana Ruiz, a former harbour commissioner who won national fame during her 2015 swim "
    "across the bay, will not run for mayor.\n"
    "Ruiz thanked her supporters.\n"
)


def test_a_described_subject_is_asked_by_the_persons_name():
    """ "In what year did a former harbour commissioner win national fame?" leaves the
    student to guess who; the article names her in the same sentence."""
    facts = Facts(
        events=[
            event(
                "a former harbour commissioner won national fame",
                "her 2015 swim",
                "2015",
                "Ana Ruiz, a former",
                source=RUIZ,
            )
        ],
        people=[Person("Ana Ruiz", gender="f")],
    )
    prompts = [d.prompt for d in built(when, facts, RUIZ, published=date(2021, 5, 3))]
    assert prompts == ["In what year did Ana Ruiz win national fame?"]


def test_a_description_the_article_gives_no_one_stays():
    text = "Harbour race ends\nA former harbour commissioner won national fame in 2015.\n"
    facts = Facts(
        events=[
            event(
                "A former harbour commissioner won national fame",
                "2015",
                "2015",
                "A former",
                source=text,
            )
        ],
        people=[Person("Piet Hoek")],
    )
    prompts = [d.prompt for d in built(when, facts, text, published=date(2021, 5, 3))]
    assert all("Piet Hoek" not in p for p in prompts)


VOTES = (
    "Votes in the valley\n"
    "In Velmar, caucuses met on March 3, and in Dunmore, a primary vote was held on March 9.\n"
    "A recount was ordered in Dunmore on March 12.\n"
)


def _vote_facts() -> Facts:
    return Facts(
        events=[
            event("a primary vote was held", "March 9", "2021-03-09", "In Velmar", source=VOTES),
            event(
                "A recount was ordered in Dunmore",
                "March 12",
                "2021-03-12",
                "A recount",
                source=VOTES,
            ),
        ]
    )


def test_a_dated_event_naming_nothing_makes_no_statement_nor_question():
    """ "On 9 March 2021, a primary vote was held.": which vote, where? The place
    before the comma was left out; the statement is true of many a vote."""
    published = date(2021, 3, 20)
    statements = [d.prompt for d in built(true_false, _vote_facts(), VOTES, published=published)]
    prompts = [d.prompt for d in built(when, _vote_facts(), VOTES, published=published)]
    assert not any("primary vote" in p for p in statements + prompts)
    # the event that names its place is still asked
    assert any("Dunmore" in p for p in statements + prompts)


def test_a_quoted_label_is_no_statement_to_judge():
    assert not says_something("Freedonia's dullest race in years")
    assert not says_something("A voice for the harbour towns")
    assert says_something("It breaks the old rule of the harbour")
    assert says_something("Voters decided in May")
    assert says_something("The count starts at nine")


def test_a_true_false_statement_needs_a_clause():
    text = (
        "The harbour vote\n"
        'Analyst Tom Vale called it "Freedonia\'s dullest race in years" on his blog.\n'
        'Ana Ruiz said "We will win the seat in May."\n'
    )
    facts = Facts(
        quotes=[
            quote("Freedonia's dullest race in years", "Tom Vale", source=text),
            quote("We will win the seat in May.", "Ana Ruiz", source=text),
        ],
        people=[Person("Tom Vale", gender="m"), Person("Ana Ruiz", gender="f")],
    )
    statements = [d.prompt for d in built(true_false, facts, text)]
    assert not any("dullest" in s for s in statements)


def test_a_surname_particle_inside_a_sentence_is_written_as_the_article_does():
    article = "De Ruiz joined the race in May.\nMayor Ana de Ruiz spoke at the harbour.\n"
    assert (
        restore_names("When did De Ruiz join the race?", article)
        == "When did de Ruiz join the race?"
    )
    # at the start of the text it keeps its capital
    assert restore_names("De Ruiz joined the race.", article) == "De Ruiz joined the race."
    # a writer who always capitalises it is followed
    assert (
        restore_names("When did De Ruiz join the race?", "Mayor Ana De Ruiz spoke.\n")
        == "When did De Ruiz join the race?"
    )


PARTY = (
    "The harbour seat\n"
    "Tom Vale is running for the Green Future party in the harbour seat.\n"
    'Green Future describes itself as "a voice for the harbour towns that nobody hears".\n'
    'Ana Ruiz said "We will win the seat, and we will keep the ferries running."\n'
    'Piet Hoek said "The count starts at nine and ends at midnight."\n'
    'Tom Vale said "I have knocked on every door in the harbour towns."\n'
)


def test_a_body_the_article_calls_a_party_is_no_person():
    assert acts_as_a_body("Green Future", PARTY)
    assert not acts_as_a_body("Ana Ruiz", PARTY)
    assert not acts_as_a_body("Tom Vale", PARTY)


def test_who_said_options_are_of_the_answers_type():
    """A party's words among three people stand out; a party is no option for a
    person's words either."""
    facts = Facts(
        quotes=[
            quote("a voice for the harbour towns that nobody hears", "Green Future", source=PARTY),
            quote(
                "We will win the seat, and we will keep the ferries running.",
                "Ana Ruiz",
                source=PARTY,
            ),
            quote("The count starts at nine and ends at midnight.", "Piet Hoek", source=PARTY),
            quote("I have knocked on every door in the harbour towns.", "Tom Vale", source=PARTY),
        ],
        people=[
            Person("Ana Ruiz", gender="f"),
            Person("Piet Hoek", gender="m"),
            Person("Tom Vale", gender="m"),
        ],
    )
    drafts = built(who_said, facts, PARTY)
    assert drafts, "the people's words are still asked"
    assert all(d.answer != "Green Future" for d in drafts)
    assert all("Green Future" not in d.choice_texts for d in drafts)


COUNCIL = (
    "Council votes on the ferry\n"
    'Ana Ruiz said "We will keep the ferry running through the winter."\n'
    'Piet Hoek said "The ferry costs the town more than the school does."\n'
    'Tom Vale said "I have asked the county to pay for the new pier."\n'
    'Lena Ost said "Our shops need the summer visitors the ferry brings."\n'
    'Omar Haddad said "My boat can carry the mail if the ferry stops."\n'
    "Harbour master Eva Lund said the old pier would close in the spring.\n"
)
SPEAKERS = ["Ana Ruiz", "Piet Hoek", "Tom Vale", "Lena Ost", "Omar Haddad"]


def _council_facts() -> Facts:
    said = [
        "We will keep the ferry running through the winter.",
        "The ferry costs the town more than the school does.",
        "I have asked the county to pay for the new pier.",
        "Our shops need the summer visitors the ferry brings.",
        "My boat can carry the mail if the ferry stops.",
    ]
    quotes = [quote(text, name, source=COUNCIL) for text, name in zip(said, SPEAKERS, strict=True)]
    people = [Person(name) for name in [*SPEAKERS, "Eva Lund"]]
    return Facts(quotes=quotes, people=people)


def test_who_said_options_vary_across_a_bank():
    """Five speakers, five questions of three wrong speakers each: the same three names
    on every question teach the list; the bank shows each name about as often."""
    drafts = built(who_said, _council_facts(), COUNCIL)
    assert len(drafts) == len(SPEAKERS)
    option_sets = {frozenset(d.choice_texts) for d in drafts}
    assert len(option_sets) >= 3
    shown = Counter(o for d in drafts for o in d.choice_texts if o != d.answer)
    assert max(shown.values()) - min(shown.values()) <= 2


def test_a_card_answer_is_no_wrong_speaker_of_the_bank():
    """ "Harbour master _____ said the old pier would close …" (Eva Lund) beside a
    who-said question offering Eva Lund: the quiz prints the name the card asks for.
    The who-said question takes a spare speaker instead, and the card stays."""
    ctx = ctx_for(COUNCIL, _council_facts())
    questions = who_said.build(ctx)
    assert any("Eva Lund" in d.choice_texts for d in questions), "the case arises"
    card = cloze_card(
        "Harbour master _____ said the old pier would close in the spring.",
        "Eva Lund",
        "person:eva lund",
    )
    review = q.select([*questions, card], ctx)
    assert card in review.kept
    asked = [d for d in review.kept if d.kind == "who_said"]
    assert len(asked) == len(questions)
    assert all("Eva Lund" not in d.choice_texts for d in asked)
    assert all(len(d.choices) >= 3 for d in asked)


REGATTA = (
    "Students race at the harbour\n"
    "The second Velmar Harbour Regatta took place in the first week of May.\n"
    "Piet Hoek, who took third place last year, studies at the harbour college.\n"
)


def test_no_year_before_the_first_edition_is_offered():
    """ "the second Velmar Harbour Regatta" this year: the first was last year, so a year
    before it held no regatta and as an option points to the answer."""
    facts = Facts(
        events=[
            event("Piet Hoek took third place", "last year", "2018", "Piet Hoek", source=REGATTA)
        ],
        people=[Person("Piet Hoek", gender="m")],
    )
    drafts = built(when, facts, REGATTA, published=date(2019, 5, 20))
    offered = [int(o) for d in drafts for o in d.choice_texts]
    assert all(year >= 2018 for year in offered)
