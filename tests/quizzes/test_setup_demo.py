import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from quizzes.models import Article, Question, QuestionBank

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Article.objects.count(),
        QuestionBank.objects.count(),
        Question.objects.count(),
        sorted(get_user_model().objects.values_list("username", flat=True)),
    )


def test_setup_demo_twice_makes_no_duplicates_and_loses_nothing(settings, capsys):
    settings.DEBUG = True
    call_command("setup_demo")
    first = snapshot()
    output = capsys.readouterr().out
    assert "alice / " in output
    assert first[0] == 1
    assert first[3] == ["alice", "bob", "teacher"]
    teacher = get_user_model().objects.get(username="teacher")
    assert teacher.is_staff
    assert teacher.groups.filter(name="Teachers").exists()

    call_command("setup_demo")
    assert snapshot() == first
    assert "alice / " not in capsys.readouterr().out


def test_setup_demo_prints_no_passwords_when_debug_is_off(settings, capsys):
    settings.DEBUG = False
    call_command("setup_demo")
    output = capsys.readouterr().out
    assert "Demo-Student" not in output
    alice = get_user_model().objects.get(username="alice")
    assert not alice.check_password("Demo-Student-2022")


def test_setup_demo_generates_and_publishes_the_sample_bank_once(settings):
    settings.DEBUG = True
    call_command("setup_demo")
    bank = QuestionBank.objects.get()
    assert bank.status == "published"
    assert bank.owner.username == "teacher"
    questions = bank.questions.all()
    # At most three who-said questions per speaker (quality.too_many_by_one_speaker).
    assert questions.filter(kind="who_said").count() >= 11
    assert set(questions.values_list("status", flat=True)) == {"published"}
    before = list(questions.values_list("id", "prompt", "status", "updated_at").order_by("id"))
    bank_updated = bank.updated_at

    call_command("setup_demo")
    bank.refresh_from_db()
    after = list(bank.questions.values_list("id", "prompt", "status", "updated_at").order_by("id"))
    assert after == before
    assert bank.updated_at == bank_updated
