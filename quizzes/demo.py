"""The demo data `make run` loads: the sample article, its bank and demo users."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.db import transaction

from .models import Article, BankStatus, QuestionBank, QuestionStatus, article_stored_by
from .permissions import TEACHERS_GROUP

SAMPLE_ARTICLE_PATH = Path(settings.BASE_DIR) / "fixtures" / "seed_article.txt"
SAMPLE_ARTICLE_META = {
    "title": "Kazakhstan steps out of Russia's shadow as China courts Central Asia",
    "publisher": "ABC News (Australia)",
    "published_on": date(2022, 9, 30),
}
DEMO_TEACHER = ("teacher", "Demo-Teacher-2022")
DEMO_STUDENTS = (("alice", "Demo-Student-2022"), ("bob", "Demo-Student-2022"))


@dataclass
class DemoResult:
    article: Article
    created_users: list[str] = field(default_factory=list)
    passwords: dict[str, str] = field(default_factory=dict)
    article_created: bool = False
    bank: QuestionBank | None = None
    questions_created: int = 0
    questions_published: int = 0


def _ensure_user(username: str, password: str, *, staff: bool, result: DemoResult) -> User:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"is_staff": staff, "email": f"{username}@example.com"}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        result.created_users.append(username)
        result.passwords[username] = password
    return user


@transaction.atomic
def demo_setup(*, known_passwords: bool) -> DemoResult:
    """Idempotent: users, the article and the bank are found again, never duplicated.
    Known demo passwords only when `known_passwords` (DEBUG); random ones otherwise."""
    text = SAMPLE_ARTICLE_PATH.read_text(encoding="utf-8")
    result = DemoResult(article=Article(text=text, **SAMPLE_ARTICLE_META))

    def password_for(default: str) -> str:
        return default if known_passwords else secrets.token_urlsafe(18)

    teacher = _ensure_user(
        DEMO_TEACHER[0], password_for(DEMO_TEACHER[1]), staff=True, result=result
    )
    teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    # Articles are unique per owner: the demo teacher's copy (or one left without owner).
    article = article_stored_by(owner=teacher, text=text) or article_stored_by(
        owner=None, text=text
    )
    if article is None:
        article = result.article
        result.article_created = True
    if article.created_by_id != teacher.pk:
        article.created_by = teacher
        article.save()
    result.article = article
    for username, password in DEMO_STUDENTS:
        _ensure_user(username, password_for(password), staff=False, result=result)
    _ensure_sample_bank(article=article, teacher=teacher, result=result)
    return result


def _ensure_sample_bank(*, article: Article, teacher: User, result: DemoResult) -> None:
    """The sample article's generated bank, published, owned by the demo
    teacher. Regeneration is idempotent, so a second run changes nothing."""
    from .services import bank_generate

    existing = QuestionBank.objects.filter(article=article, owner=teacher).first()
    publish = existing is None or existing.status != BankStatus.PUBLISHED
    generated = bank_generate(article=article, user=teacher, publish=publish)
    if publish and not generated.bank.is_public:  # the demo bank is for every student
        generated.bank.is_public = True
        generated.bank.save(update_fields=["is_public", "updated_at"])
    result.bank = generated.bank
    result.questions_created = generated.created
    result.questions_published = generated.bank.questions.filter(
        status=QuestionStatus.PUBLISHED
    ).count()
