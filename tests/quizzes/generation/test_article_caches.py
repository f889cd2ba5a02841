"""A long-running worker keeps no article text alive once an article is done."""

from datetime import date

from quizzes.extraction import extract
from quizzes.extraction.article_caches import article_caches
from quizzes.generation import generate_questions, review_questions
from quizzes.generation.who_said import person_cue

from .facts_for_tests import SAMPLE_TEXT, sample_facts

INVENTED = (
    'The harbour master, Orla Brannigan, said on Tuesday: "The pier will reopen in May." '
    "Her deputy Tomas Wendt added that the ferries to Norway would run again."
)


def held() -> int:
    return sum(cached.cache_info().currsize for cached in article_caches())


def test_the_who_said_caches_are_registered():
    assert person_cue in article_caches()


def test_no_article_text_is_cached_after_generation():
    made = generate_questions(sample_facts(), article_text=SAMPLE_TEXT, published=date(2022, 9, 30))
    assert made
    assert held() == 0
    review_questions(sample_facts(), article_text=SAMPLE_TEXT)
    assert held() == 0


def test_no_article_text_is_cached_after_extraction():
    facts = extract(INVENTED)
    assert facts.quotes
    assert held() == 0
