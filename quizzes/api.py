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
- the value types (kinds, statuses, report reasons);
- the load benchmark's bank (quizzes.load_bank), which quizzes writes itself.

No model class goes through the door (tests/test_api_doors.py): other apps
get rows, ids, small dataclasses, or instances and querysets returned by these
functions, never a class to query or write with. Their foreign keys name quizzes'
models by string ("quizzes.Question"). For annotations only, the model classes are
importable here under TYPE_CHECKING (they do not exist at run time)."""

from typing import TYPE_CHECKING

from quizzes.answer_matching import AnswerMatch, answer_match
from quizzes.grading import (
    ChoiceRow,
    choice_is_correct_subquery,
    choices_for_grading,
    correct_choice_subquery,
)
from quizzes.load_bank import LoadBank, load_bank_analyze, load_bank_ensure
from quizzes.models import (
    MULTIPLE_CHOICE_KINDS,
    BankStatus,
    QuestionKind,
    QuestionStatus,
    ReportReason,
)
from quizzes.permissions import article_get_for_user as _article_get_for_user
from quizzes.permissions import (
    articles_authored_by,
    articles_editable_by,
    articles_visible_to,
    bank_assignable_by,
    banks_assignable_by,
    banks_editable_by,
    banks_studyable_by,
    banks_visible_to,
    can_edit_bank,
    is_teacher,
)
from quizzes.permissions import bank_get_for_student as _bank_get_for_student
from quizzes.permissions import bank_get_for_teacher as _bank_get_for_teacher
from quizzes.question_rows import (
    BANK_ROW_FIELDS,
    QUESTION_ROW_FIELDS,
    ChoiceText,
    StudyQuestion,
    choice_grading_rows,
    choice_rows_of,
    question_filter,
    question_path,
    questions_by_ids,
    questions_with_status,
    study_questions_of,
    study_questions_with_choices,
)
from quizzes.rest_api.public import PublicQuestionSerializer
from quizzes.selectors import (
    ArticleFacts,
    ArticleText,
    EvidenceInParagraph,
    QuestionPrompt,
    StudentArticle,
    StudentBank,
    StudyableBank,
    TeacherBank,
    article_facts,
    bank_list_for_user,
    bank_list_studyable,
    bank_published_counts,
    bank_rows_for_article,
    bank_rows_studyable,
    banks_none,
    choice_texts_of_bank,
    choices_in_order,
    evidence_in_paragraph,
    evidence_rows_for_article,
    paragraph_spans,
    published_question_count,
    published_question_filter,
    published_questions,
    question_get_for_student,
    question_ids_for_quiz,
    question_ids_published,
    question_list_for_preview,
    questions_with_choices,
    sibling_key,
    student_article_row,
    student_bank_row,
    teacher_bank_row,
)
from quizzes.services import QuestionReportError
from quizzes.services import question_report_create as _question_report_create

if TYPE_CHECKING:  # names for annotations, never for queries (see above)
    from datetime import datetime

    from django.contrib.auth.models import AnonymousUser, User

    from quizzes.models import Article as Article
    from quizzes.models import Choice as Choice
    from quizzes.models import Question as Question
    from quizzes.models import QuestionBank as QuestionBank


def question_report_create(
    *, user: "User", question_id: object, reason: str, comment: str = ""
) -> int:
    """A student's report of a question (quizzes.services.question_report_create):
    the report's id, as another app only needs to know it was taken."""
    report = _question_report_create(
        user=user, question_id=question_id, reason=reason, comment=comment
    )
    return report.pk


def bank_get_for_teacher(*, user: "User", bank_id: int | str) -> TeacherBank:
    """A bank `user` may edit (permissions.bank_get_for_teacher: 404 otherwise), as
    the row its preview pages show."""
    return teacher_bank_row(_bank_get_for_teacher(user=user, bank_id=bank_id))


def article_get_for_user(
    *, user: "User | AnonymousUser", article_id: int | str, now: "datetime | None" = None
) -> StudentArticle:
    """An article `user` may read (permissions.article_get_for_user: 404 otherwise),
    as the row its page shows."""
    return student_article_row(_article_get_for_user(user=user, article_id=article_id, now=now))


def bank_get_for_student(
    *, user: "User | AnonymousUser", bank_id: int | str, now: "datetime | None" = None
) -> StudentBank:
    """A bank `user` may study or quiz (permissions.bank_get_for_student: 404
    otherwise, the same for a bank that does not exist and one they may not see),
    as the row the study pages show and the study queue and quizzes start from."""
    return student_bank_row(_bank_get_for_student(user=user, bank_id=bank_id, now=now))


__all__ = [
    "bank_published_counts",
    "published_question_count",
    "ArticleFacts",
    "StudyableBank",
    "bank_rows_studyable",
    "article_facts",
    "published_question_filter",
    "published_questions",
    "sibling_key",
    "MULTIPLE_CHOICE_KINDS",
    "AnswerMatch",
    "BankStatus",
    "EvidenceInParagraph",
    "PublicQuestionSerializer",
    "QuestionPrompt",
    "StudentArticle",
    "StudentBank",
    "TeacherBank",
    "ArticleText",
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
    "question_ids_for_quiz",
    "question_ids_published",
    "choice_texts_of_bank",
    "choices_in_order",
    "banks_none",
    "ChoiceRow",
    "ChoiceText",
    "StudyQuestion",
    "choices_for_grading",
    "choice_is_correct_subquery",
    "correct_choice_subquery",
    "BANK_ROW_FIELDS",
    "QUESTION_ROW_FIELDS",
    "choice_rows_of",
    "choice_grading_rows",
    "question_filter",
    "question_path",
    "questions_by_ids",
    "study_questions_of",
    "study_questions_with_choices",
    "questions_with_status",
    "LoadBank",
    "load_bank_ensure",
    "load_bank_analyze",
]
