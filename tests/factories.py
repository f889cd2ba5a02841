"""factory-boy factories: related objects stay consistent (a question's bank,
a card's user and question, a teacher in the Teachers group)."""

from __future__ import annotations

import importlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from classes.codes import join_code_new
from classes.models import Assignment, Classroom, Membership
from learning.models import Card, QuizAttempt, StudyPreferences
from learning.tallies import CardFacts, TallyDelta, progress_rebuild
from quizzes.models import Article, Choice, Question, QuestionBank, Tag

PASSWORD = "Correct-Horse-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"student{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def teachers_group() -> Group:
    """The Teachers group its data migration made. A transactional test (the
    browser tests) flushes every table after it, data migrations' rows included:
    then the group is made again with the same permissions."""
    group, created = Group.objects.get_or_create(name="Teachers")
    if created:
        migration = importlib.import_module("quizzes.migrations.0002_teachers_group")
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
            for app, models in migration.TEACHER_PERMISSIONS.items()
            for model, actions in models.items()
            for action in actions
        )
        group.permissions.add(  # quizzes 0006: the reports on their questions
            *Permission.objects.filter(
                codename__in=["view_questionreport", "change_questionreport"]
            )
        )
    return group


class TeacherFactory(UserFactory):
    username = factory.Sequence(lambda n: f"teacher{n}")
    is_staff = True

    @factory.post_generation
    def teachers_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(teachers_group())


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


ARTICLE_TEXT = (
    "Leaders meet in Tashkent\n"
    "Uzbek President Shavkat Mirziyoyev hosted the summit in Tashkent in September 2022.\n"
    '"We will build new roads," said Jane Doe, a senior fellow.\n'
)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    publisher = "The Daily Example"
    url = factory.Sequence(lambda n: f"https://news.example.com/{n}")
    text = factory.Sequence(lambda n: f"{ARTICLE_TEXT}Story number {n}.\n")
    created_by = factory.SubFactory(TeacherFactory)


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"tag{n}")


class QuestionBankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionBank

    title = factory.Sequence(lambda n: f"Bank {n}")
    description = "Questions about the news."
    owner = factory.SubFactory(TeacherFactory)
    article = factory.SubFactory(ArticleFactory, created_by=factory.SelfAttribute("..owner"))
    status = "published"
    is_public = True  # as every bank was before classes; class-only banks set False


class QuestionFactory(factory.django.DjangoModelFactory):
    """A published who-said question with four choices, the first correct."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    bank = factory.SubFactory(QuestionBankFactory)
    kind = "who_said"
    prompt = factory.Sequence(lambda n: f"Who said: “We will build road number {n}”?")
    answer = "Jane Doe"
    # Each names its own road and not the speaker, so no question's explanation answers
    # another of its bank (a quiz leaves such pairs apart: quizzes.api.question_ids_for_quiz).
    explanation = factory.Sequence(lambda n: f"In the article: road number {n} is in the plan.")
    status = "published"
    origin = "authored"
    position = factory.Sequence(lambda n: n)
    fingerprint = factory.Sequence(lambda n: f"fp{n:06d}")

    @factory.post_generation
    def choices(obj, create, extracted, **kwargs):
        if not create:
            return
        texts = (
            extracted if extracted is not None else [obj.answer, "John Roe", "Ann Poe", "Max Moe"]
        )
        for position, text in enumerate(texts):
            Choice.objects.create(
                question=obj, text=text, is_correct=(text == obj.answer), position=position
            )


class OrderingQuestionFactory(QuestionFactory):
    """A published timeline question: its choices' positions give the correct order."""

    kind = "ordering"
    prompt = factory.Sequence(lambda n: f"Put these events in order, earliest first ({n}).")
    answer = "USSR dissolves → Kazakhstan's capital moves → SCO summit in Tashkent"
    explanation = ""

    @factory.post_generation
    def choices(obj, create, extracted, **kwargs):
        if not create:
            return
        texts = extracted or [
            "USSR dissolves (1991)",
            "Kazakhstan's capital moves to Astana (1997)",
            "SCO summit in Tashkent (2022)",
        ]
        for position, text in enumerate(texts):
            Choice.objects.create(question=obj, text=text, is_correct=False, position=position)


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, choices=[])
    text = factory.Sequence(lambda n: f"Option {n}")
    is_correct = False
    position = factory.Sequence(lambda n: n)


class StudyPreferencesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudyPreferences
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)


class CardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Card
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    question = factory.SubFactory(QuestionFactory)
    due = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tally(obj, create, extracted, **kwargs):
        """Count the card in its bank's tally (learning.tallies), as the reviews that
        gave it its state would have: the progress pages read the tallies."""
        if create and (obj.state != 0 or obj.suspended_at is not None):
            delta = TallyDelta.for_user(user_id=obj.user_id)
            delta.card(
                obj.question.bank_id,
                CardFacts(0, None, False, obj.due),
                CardFacts(obj.state, obj.stability, obj.suspended_at is not None, obj.due),
            )
            delta.save()


def cards_update(cards, **fields) -> None:
    """Give cards a state directly (one UPDATE: a test's shortcut past the reviews),
    their users' bank tallies recounted as those reviews would have kept them (the
    study queue's due counts and the progress pages read the tallies)."""
    ids = [card.pk for card in cards]
    Card.objects.filter(pk__in=ids).update(**fields)
    users = set(Card.objects.filter(pk__in=ids).values_list("user_id", flat=True))
    progress_rebuild(user_ids=sorted(users), days=False)


class QuizAttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizAttempt

    user = factory.SubFactory(UserFactory)
    bank = factory.SubFactory(QuestionBankFactory)


class ClassroomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Classroom

    name = factory.Sequence(lambda n: f"Class {n}")
    teacher = factory.SubFactory(TeacherFactory)
    join_code = factory.LazyFunction(join_code_new)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    classroom = factory.SubFactory(ClassroomFactory)
    student = factory.SubFactory(UserFactory)
    joined_at = factory.LazyFunction(timezone.now)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A quiz of 5 questions with a pass mark of 60 % on a bank of the class's teacher."""

    class Meta:
        model = Assignment

    classroom = factory.SubFactory(ClassroomFactory)
    bank = factory.SubFactory(
        QuestionBankFactory, owner=factory.SelfAttribute("..classroom.teacher")
    )
    assigned_by = factory.SelfAttribute("classroom.teacher")
    quiz_length = 5
    pass_mark = 60
