"""Issue 12 §2: every admin list used in authoring fits a 1,366 px window without
sideways scrolling, for a teacher and for an administrator (who sees the owner,
author and requester columns too), with the long titles, prompts, choices and
failure reasons real banks have. The teacher journey checks the same lists with
one short article; this one fills them."""

from __future__ import annotations

import pytest

from quizzes.models import GenerationJob
from tests.e2e.test_teacher_journey import WINDOW, fits_the_window, snap, teachers_group
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    QuestionBankFactory,
    QuestionFactory,
    SuperuserFactory,
    TeacherFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_TITLE = (
    "Regional water ministers agree a shared flood warning network after two years of talks "
    "over gauges, budgets and the smaller tributaries left out of the first draft"
)
LONG_PROMPT = (
    "Who said: “The small rivers flood first, the villages beside them flood next, and none "
    "of them were in the first draft of this agreement, which is why we kept on asking”?"
)
LONG_REASON = (
    "No quotes, countries or dates were found in this article: it may be a list, a table or "
    "a page of links. Paste the story's own text, or upload the saved page of the story."
)


def _authoring_content(owner) -> tuple[int, int]:
    """Banks, questions and jobs with long texts, owned by `owner`: (article, bank)."""
    article = ArticleFactory(
        created_by=owner, title=LONG_TITLE, publisher="The Riverside Courier and Evening Post"
    )
    bank = QuestionBankFactory(owner=owner, article=article, title=LONG_TITLE, status="draft")
    for number in range(8):
        QuestionFactory(
            bank=bank,
            status="draft",
            origin="generated",
            prompt=f"{LONG_PROMPT} ({number})",
            answer="Ivana Petrova-Lindqvist",
            choices=[
                "Ivana Petrova-Lindqvist",
                "Milena Todorova-Hollik",
                "Petra Lindqvist-Dumitrescu",
                "Gergo Nagy de Vukovar",
            ],
            confidence=0.5 + number / 20,
            rule="speech_verb.named_person+speech_verb.name_after_title",
        )
    GenerationJob.objects.create(
        article=article, bank=bank, requested_by=owner, status="failed", error=LONG_REASON
    )
    GenerationJob.objects.create(
        article=article,
        bank=bank,
        requested_by=owner,
        status="done",
        counts={"created": 8, "kept": 0, "bank_title": LONG_TITLE, "counts_by_kind": {}},
    )
    return article.pk, bank.pk


@pytest.mark.parametrize("role", ["teacher", "administrator"])
def test_authoring_lists_fit_a_1366_px_window(page, live_server, console_problems, role):
    teachers_group()
    user = (
        TeacherFactory(username="tess")
        if role == "teacher"
        else SuperuserFactory(username="root", email="root@example.com")
    )
    article, bank = _authoring_content(user)
    page.set_viewport_size(WINDOW)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    for name, path in [
        ("articles", "/admin/quizzes/article/"),
        ("article-page", f"/admin/quizzes/article/{article}/change/"),
        ("banks", "/admin/quizzes/questionbank/"),
        ("bank-page", f"/admin/quizzes/questionbank/{bank}/change/"),
        ("review", f"/admin/quizzes/questionbank/{bank}/review/"),
        ("questions", f"/admin/quizzes/question/?bank__id__exact={bank}"),
        ("jobs", "/admin/quizzes/generationjob/"),
    ]:
        page.goto(live_server.url + path)
        snap(page, f"fit-{role}-{name}")
        fits_the_window(page, f"{role} {name}")
    assert console_problems == []
