"""Teachers see their own banks' students in admin; logs are superuser-only and read-only."""

from datetime import UTC, datetime

import time_machine
from django.urls import reverse

from learning import services
from learning.models import Card
from tests.factories import (
    ClassroomFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    UserFactory,
)


def study(user, bank, rating):
    card = services.card_get_or_create(user=user, question=bank.questions.first())
    with time_machine.travel(datetime(2025, 3, 3, 9, tzinfo=UTC), tick=False):
        services.review_record(user=user, card_id=card.pk, rating=rating)


def pupil(teacher, username):
    """A student in a class of `teacher`."""
    classroom = ClassroomFactory(teacher=teacher)
    return MembershipFactory(classroom=classroom, student__username=username).student


def test_teacher_sees_progress_of_their_own_banks_students(teacher_client, bank, other_teacher):
    study(pupil(bank.owner, "alice"), bank, 1)
    study(pupil(bank.owner, "bob"), bank, 4)
    foreign = QuestionBankFactory(owner=other_teacher, title="Someone else's bank")
    QuestionFactory(bank=foreign)
    study(UserFactory(username="carol"), foreign, 3)

    listing = teacher_client.get(reverse("admin:learning_bankprogress_changelist"))
    assert listing.status_code == 200
    assert "World news" in listing.content.decode()
    assert "Someone else" not in listing.content.decode()

    page = teacher_client.get(reverse("admin:learning_bankprogress_change", args=[bank.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "alice" in html
    assert "bob" in html
    assert "carol" not in html
    assert "Questions most often failed" in html
    assert bank.questions.first().prompt[:40] in html

    other = teacher_client.get(reverse("admin:learning_bankprogress_change", args=[foreign.pk]))
    assert other.status_code == 404


def test_logs_and_cards_are_for_superusers_only(client, teacher_client, superuser, bank, student):
    study(student, bank, 3)
    assert teacher_client.get(reverse("admin:learning_reviewlog_changelist")).status_code == 403
    assert teacher_client.get(reverse("admin:learning_card_changelist")).status_code == 403
    client.force_login(superuser)
    page = client.get(reverse("admin:learning_reviewlog_changelist"))
    assert page.status_code == 200
    assert "stella" in page.content.decode()
    assert client.get(reverse("admin:learning_reviewlog_add")).status_code == 403


def test_students_cannot_open_the_progress_admin(student_client):
    response = student_client.get(reverse("admin:learning_bankprogress_changelist"))
    assert response.status_code == 302  # to the admin login


def test_progress_list_counts_questions_and_students_in_constant_queries(
    teacher_client, teacher, django_assert_max_num_queries
):
    for n in range(3):
        bank = QuestionBankFactory(owner=teacher, title=f"Bank {n}")
        QuestionFactory.create_batch(2, bank=bank)
        study(pupil(teacher, f"s{n}"), bank, 3)
        study(UserFactory(username=f"outsider{n}"), bank, 3)  # in none of teacher's classes
    with django_assert_max_num_queries(12):
        page = teacher_client.get(reverse("admin:learning_bankprogress_changelist"))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("Show progress") == 3
    assert '<td class="field-question_total">2</td>' in html
    assert '<td class="field-students">1</td>' in html


def test_a_public_banks_progress_page_names_only_the_teachers_students(
    client, teacher_client, teacher, superuser, bank, other_teacher
):
    """Issue 13: the students of other classes (or of none) who study the
    teacher's public bank are neither named nor counted for the teacher."""
    mine = pupil(teacher, "mina")
    theirs = pupil(other_teacher, "theo")
    for user in (mine, theirs, UserFactory(username="lone")):
        study(user, bank, 1)
    Card.objects.filter(question=bank.questions.first()).update(lapses=9)  # leeches, all three

    listing = teacher_client.get(reverse("admin:learning_bankprogress_changelist")).content.decode()
    assert '<td class="field-students">1</td>' in listing
    html = teacher_client.get(reverse("admin:learning_bankprogress_change", args=[bank.pk]))
    html = html.content.decode()
    assert "mina" in html
    assert "theo" not in html
    assert "lone" not in html
    assert "those in your classes only" in html

    client.force_login(superuser)
    page = client.get(reverse("admin:learning_bankprogress_change", args=[bank.pk]))
    assert all(name in page.content.decode() for name in ("mina", "theo", "lone"))
