"""Who may see, open, study and quiz a bank: role x bank state x entry point
(web pages, REST API, admin), all answered by quizzes.permissions (issue 13's
rule: a student sees a bank when it is published and either public or assigned
to one of their classes; drafts reach no student).

Every bank is the owner's (`teacher`); the class is the owner's too, with one
member (`member`) and one student outside it (`outsider`)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Question
from tests.api.conftest import token_client
from tests.factories import (
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    SuperuserFactory,
    UserFactory,
)
from web.forms import QUIZ_LENGTHS

ROLES = ("member", "outsider", "teacher", "other_teacher", "superuser")
# public: published and public; assigned: published, private, assigned to the class;
# scheduled: the same, but its assignment starts tomorrow; private: published,
# private, assigned to nobody; draft: a draft (public flag set).
STATES = ("public", "assigned", "scheduled", "private", "draft")

# Which banks each role may study (see, open, quiz) as a learner.
STUDYABLE = {
    "member": {"public", "assigned"},
    "outsider": {"public"},
    "teacher": {"public", "assigned", "scheduled", "private"},  # their own published banks
    "other_teacher": {"public"},
    "superuser": {"public", "assigned", "scheduled", "private"},
}
# Which banks each role may edit in admin (their own; all for a superuser).
EDITABLE = {
    "member": set(),
    "outsider": set(),
    "teacher": set(STATES),
    "other_teacher": set(),
    "superuser": set(STATES),
}
# Which articles each role may read: behind a bank they may study, or their own.
READABLE = {**STUDYABLE, "teacher": set(STATES), "superuser": set(STATES)}
# Which banks each role may hand to a class in admin: their own published ones and
# public ones (any published one for a superuser); students reach no admin page.
ASSIGNABLE = {
    "member": set(),
    "outsider": set(),
    "teacher": {"public", "assigned", "scheduled", "private"},
    "other_teacher": {"public"},
    "superuser": {"public", "assigned", "scheduled", "private"},
}


@pytest.fixture
def world(db, teacher, other_teacher):
    users = {
        "member": UserFactory(username="member"),
        "outsider": UserFactory(username="outsider"),
        "teacher": teacher,
        "other_teacher": other_teacher,
        "superuser": SuperuserFactory(username="root"),
    }
    classroom = ClassroomFactory(teacher=teacher)
    MembershipFactory(classroom=classroom, student=users["member"])
    banks = {}
    for state in STATES:
        bank = QuestionBankFactory(
            owner=teacher,
            title=f"Bank {state} zq",
            status="draft" if state == "draft" else "published",
            is_public=state in ("public", "draft"),
        )
        QuestionFactory.create_batch(2, bank=bank)
        banks[state] = bank
    AssignmentFactory(classroom=classroom, bank=banks["assigned"])
    AssignmentFactory(
        classroom=classroom,
        bank=banks["scheduled"],
        starts_at=timezone.now() + timedelta(days=1),
    )
    return users, banks


def _web(client, user):
    client.force_login(user)
    return client


def web_home(client, user, bank):
    page = _web(client, user).get(reverse("web:home"))
    assert page.status_code == 200
    return bank.title in page.content.decode()


def web_study(client, user, bank):
    status = _web(client, user).get(reverse("web:study"), {"bank": bank.pk}).status_code
    assert status in (200, 404)
    return status == 200


def web_quiz(client, user, bank):
    size = QUIZ_LENGTHS[0]
    response = _web(client, user).post(reverse("web:quiz_list"), {"bank": bank.pk, "size": size})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert list(response.context["form"].errors) == ["bank"]
    return response.status_code == 302


def web_article(client, user, bank):
    status = _web(client, user).get(reverse("web:article", args=[bank.article_id])).status_code
    assert status in (200, 404)
    return status == 200


def api_list(client, user, bank):
    response = token_client(user).get("/api/v1/banks/", {"page_size": 100})
    assert response.status_code == 200
    return bank.pk in {row["id"] for row in response.json()["results"]}


def api_detail(client, user, bank):
    status = token_client(user).get(f"/api/v1/banks/{bank.pk}/").status_code
    assert status in (200, 404)
    return status == 200


def api_questions(client, user, bank):
    status = token_client(user).get(f"/api/v1/banks/{bank.pk}/questions/").status_code
    assert status in (200, 404)
    return status == 200


def api_queue(client, user, bank):
    response = token_client(user).get("/api/v1/study/queue/", {"bank": bank.pk})
    assert response.status_code in (200, 404)
    return response.status_code == 200


def api_quiz(client, user, bank):
    response = token_client(user).post(
        "/api/v1/quizzes/", {"bank": bank.pk, "size": 1}, format="json"
    )
    assert response.status_code in (201, 400)
    if response.status_code == 400:
        assert "bank" in response.json()["errors"]
    return response.status_code == 201


def admin_bank(client, user, bank):
    url = reverse("admin:quizzes_questionbank_change", args=[bank.pk])
    response = _web(client, user).get(url)
    assert response.status_code in (200, 302)  # 302: to the login page or the admin index
    return response.status_code == 200


def admin_progress(client, user, bank):
    url = reverse("admin:learning_bankprogress_change", args=[bank.pk])
    response = _web(client, user).get(url)
    assert response.status_code in (200, 302, 403, 404)
    return response.status_code == 200


def admin_assign(client, user, bank):
    response = _web(client, user).get(reverse("admin:classes_assignment_add"))
    if response.status_code != 200:
        assert response.status_code in (302, 403)
        return False
    field = response.context["adminform"].form.fields["bank"]
    return bank.pk in {b.pk for b in field.queryset}


ENTRY_POINTS = {
    web_home: STUDYABLE,
    web_study: STUDYABLE,
    web_quiz: STUDYABLE,
    web_article: READABLE,
    api_list: STUDYABLE,
    api_detail: STUDYABLE,
    api_questions: STUDYABLE,
    api_queue: STUDYABLE,
    api_quiz: STUDYABLE,
    admin_bank: EDITABLE,
    admin_progress: EDITABLE,
    admin_assign: ASSIGNABLE,
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda entry: entry.__name__)
def test_each_role_reaches_a_bank_exactly_when_the_rule_says(world, client, entry, state):
    users, banks = world
    expected = ENTRY_POINTS[entry]
    reached = {role: entry(client, users[role], banks[state]) for role in ROLES}
    assert reached == {role: state in expected[role] for role in ROLES}


def test_leaving_the_class_hides_its_private_bank(world, client):
    users, banks = world
    member = users["member"]
    assert api_detail(client, member, banks["assigned"])
    member.class_memberships.all().delete()
    assert not api_detail(client, member, banks["assigned"])
    assert not web_study(client, member, banks["assigned"])


def _banks_in_queue(user) -> set[int]:
    queue = token_client(user).get("/api/v1/study/queue/", {"limit": 50}).json()
    questions = [item["question"]["id"] for item in queue["items"]]
    return set(Question.objects.filter(pk__in=questions).values_list("bank_id", flat=True))


def test_new_cards_come_only_from_banks_the_student_may_study(world):
    users, banks = world
    assert _banks_in_queue(users["outsider"]) == {banks["public"].pk}
    assert _banks_in_queue(users["member"]) == {banks["public"].pk, banks["assigned"].pk}


def test_a_question_of_a_bank_the_student_may_not_study_cannot_be_reported(world, client):
    users, banks = world
    question = banks["assigned"].questions.first()
    url = reverse("web:question_report", args=[question.pk])
    assert _web(client, users["outsider"]).get(url).status_code == 404
    assert _web(client, users["member"]).get(url).status_code == 200
