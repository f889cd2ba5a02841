"""Which-country, timeline and multiple-choice options (issue 11 §4): failure classes
blind judges found on real articles (batches 8 and 9: which country 1/8, timeline 0/2),
each with invented sentences shaped like real news: the rule that now catches it, and
what is still asked."""

from __future__ import annotations

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generate_questions
from quizzes.generation import quality as q
from quizzes.generation.which_country import top_office

from .facts_for_tests import link
from .test_quality import ctx_for, draft

# Which country: a link the article teaches, not who heads a state ----------------

OFFICES_TEXT = (
    "Delegates met in Velmar on Tuesday to discuss the river treaty.\n"
    "Peruvian President Ana Ruiz opened the talks with a call for calm.\n"
    "Chilean foreign minister Tomas Berg said the draft was a good start.\n"
    "Omar Haddad, the acting prime minister of Bolivia, left early.\n"
)


def _country_prompts(text, links, people=()):
    facts = Facts(countries=links, people=list(people))
    drafts = generate_questions(facts, article_text=text)
    return {d.prompt: d.answer for d in drafts if d.kind == "which_country"}


def test_who_heads_a_state_is_world_knowledge_not_asked():
    """ "Which country is <head of government> the chancellor of?": a student knows it
    or not (blind judges, batch 8); a minister or an acting leader the article
    introduces is what it teaches."""
    links = [
        link("Ana Ruiz", "Peru", "Peruvian President Ana", "person", source=OFFICES_TEXT),
        link("Tomas Berg", "Chile", "Chilean foreign minister", "person", source=OFFICES_TEXT),
        link("Omar Haddad", "Bolivia", "Omar Haddad, the acting", "person", source=OFFICES_TEXT),
    ]
    people = [
        Person("Ana Ruiz", "Peruvian President", "f"),
        Person("Tomas Berg", "Chilean foreign minister", "m"),
        Person("Omar Haddad", "the acting prime minister of Bolivia", "m"),
    ]
    prompts = _country_prompts(OFFICES_TEXT, links, people)
    assert prompts == {
        "Which country is Tomas Berg the foreign minister of?": "Chile",
        "Which country is Omar Haddad the acting prime minister of?": "Bolivia",
    }


def test_the_top_office_rule_reads_the_office_the_prompt_names():
    ctx = ctx_for(OFFICES_TEXT)
    for prompt in (
        "Which country is Ana Ruiz the president of?",
        "Which country was Ana Ruiz the chancellor of?",
        "Which country is Ana Ruiz the crown prince of?",
    ):
        asked = draft("which_country", prompt, "Peru", ["Chile", "Bolivia"])
        assert q.top_office_trivia(asked, ctx) == "trivia: who heads a country is world knowledge"
    for prompt in (
        "Which country is Ana Ruiz the foreign minister of?",
        "Which country is Ana Ruiz the deputy prime minister of?",
        "Which country’s rugby federation is Ana Ruiz the president of?",
        "Which country is Ana Ruiz from?",
    ):
        asked = draft("which_country", prompt, "Peru", ["Chile", "Bolivia"])
        assert q.top_office_trivia(asked, ctx) is None, prompt
    assert top_office("Which country is Ana Ruiz the prime minister of?") == "prime minister"
