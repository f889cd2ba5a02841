import pytest
from django.core.exceptions import ValidationError

from quizzes.models import Article, Choice
from quizzes.selectors import evidence_in_paragraph
from tests.factories import ArticleFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_same_article_text_is_not_stored_twice_by_one_owner():
    article = ArticleFactory(text="Hello world.\n")
    duplicate = Article(title="Again", text="  Hello world.\r\n", created_by=article.created_by)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert f"#{article.pk}" in str(error.value.message_dict["text"])
    another_owner = Article(title="Theirs", text="Hello world.\n", created_by=UserFactory())
    another_owner.full_clean()  # another owner's copy: allowed, nothing named


def test_multiple_choice_question_needs_exactly_one_correct_choice():
    question = QuestionFactory(choices=["Jane Doe", "John Roe", "Ann Poe"])
    Choice.objects.filter(question=question).update(is_correct=True)
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "Exactly one choice must be correct (found 3)" in str(error.value)


def test_multiple_choice_question_rejects_duplicate_choice_texts():
    question = QuestionFactory(choices=["Jane Doe", "John Roe", "john roe "])
    with pytest.raises(ValidationError, match="repeated: john roe"):
        question.full_clean()


def test_published_question_must_have_prompt_and_answer():
    question = QuestionFactory(prompt="", answer="", choices=[], status="published")
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert set(error.value.message_dict) >= {"prompt", "answer"}


def test_ordering_question_needs_complete_order():
    question = QuestionFactory(kind="ordering", answer="A, B, C", choices=[])
    for text, position in [("A", 1), ("B", 2), ("C", 4)]:
        Choice.objects.create(question=question, text=text, position=position, is_correct=True)
    with pytest.raises(ValidationError, match="complete order"):
        question.full_clean()
    Choice.objects.filter(question=question, text="C").update(position=3)
    question.full_clean()


def test_valid_question_passes_validation():
    QuestionFactory().full_clean()


def test_evidence_is_highlighted_inside_its_paragraph():
    text = "First paragraph.\nSecond one. The proof is here. The end.\nThird."
    start = text.index("The proof")
    located = evidence_in_paragraph(text, start, start + len("The proof is here."))
    assert located.before == "Second one. "
    assert located.evidence == "The proof is here."
    assert located.after == " The end."
    assert located.paragraph_index == 1


def test_evidence_outside_text_is_none():
    assert evidence_in_paragraph("short", 3, 99) is None
