"""The public door of `quizzes`: what other apps (classes, learning, web, config)
may use of it. Other apps import only the names listed here (checked by
.importlinter; see docs/architecture.md).

- who may see, study and edit what: quizzes.permissions (the one authorisation
  module);
- reads for the student side: banks, an article's banks and evidence, questions
  with their choices, a card's evidence in its paragraph;
- grading a typed answer (answer_matching) and reporting a question;
- a question's public JSON shape (PublicQuestionSerializer), which learning's REST API
  nests in a queue item, a card and a quiz;
- the value types (kinds, statuses, report reasons) and, for `learning`, whose
  cards and attempts point at them, the model classes its queries join through
  (Article, QuestionBank, Question, Choice): learning reads them, never writes
  them (except learning/load_seed.py, which bulk-writes the load benchmark's bank)."""

from quizzes.answer_matching import AnswerMatch, answer_match
from quizzes.models import (
    MULTIPLE_CHOICE_KINDS,
    Article,
    BankStatus,
    Choice,
    Question,
    QuestionBank,
    QuestionKind,
    QuestionStatus,
    ReportReason,
)
from quizzes.permissions import (
    article_get_for_user,
    articles_authored_by,
    articles_editable_by,
    articles_visible_to,
    bank_assignable_by,
    bank_get_for_student,
    bank_get_for_teacher,
    banks_assignable_by,
    banks_editable_by,
    banks_studyable_by,
    banks_visible_to,
    can_edit_bank,
    is_teacher,
)
from quizzes.rest_api.public import PublicQuestionSerializer
from quizzes.selectors import (
    ArticleFacts,
    EvidenceInParagraph,
    article_facts,
    bank_list_for_user,
    bank_list_studyable,
    bank_rows_for_article,
    evidence_in_paragraph,
    evidence_rows_for_article,
    paragraph_spans,
    published_question_filter,
    published_questions,
    question_get_for_student,
    question_list_for_preview,
    questions_with_choices,
    sibling_key,
)
from quizzes.services import QuestionReportError, question_report_create

__all__ = [
    "ArticleFacts",
    "article_facts",
    "published_question_filter",
    "published_questions",
    "sibling_key",
    "MULTIPLE_CHOICE_KINDS",
    "AnswerMatch",
    "Article",
    "BankStatus",
    "Choice",
    "EvidenceInParagraph",
    "PublicQuestionSerializer",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "QuestionReportError",
    "QuestionStatus",
    "ReportReason",
    "answer_match",
    "article_get_for_user",
    "articles_authored_by",
    "articles_editable_by",
    "articles_visible_to",
    "bank_assignable_by",
    "bank_get_for_student",
    "bank_get_for_teacher",
    "bank_list_for_user",
    "bank_list_studyable",
    "bank_rows_for_article",
    "banks_assignable_by",
    "banks_editable_by",
    "banks_studyable_by",
    "banks_visible_to",
    "can_edit_bank",
    "evidence_in_paragraph",
    "evidence_rows_for_article",
    "is_teacher",
    "paragraph_spans",
    "question_get_for_student",
    "question_list_for_preview",
    "question_report_create",
    "questions_with_choices",
]
