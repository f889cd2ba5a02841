"""What the learner-side reads share: card states and the preferences a read uses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL

from quizzes.api import BankStatus, QuestionStatus, questions_with_status

from .. import scheduler, sql
from ..models import BankTally, Card, CardState, StudyPreferences


class BankRef(Protocol):
    """A bank to study or quiz: quizzes.api's StudentBank row (the door's
    bank_get_for_student), or a QuestionBank a serializer field read."""

    @property
    def pk(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def article_id(self) -> int | None: ...


MATURE_DAYS = scheduler.MATURE_STABILITY_DAYS
LEARNING_STATES = (CardState.LEARNING, CardState.RELEARNING)
STARTED_STATES = (CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)


_PREFERENCE_FIELDS = tuple(f.attname for f in StudyPreferences._meta.concrete_fields)


def _preferences_query(*, user: int) -> QuerySet[StudyPreferences]:
    return StudyPreferences.objects.filter(user=user).order_by().values_list(*_PREFERENCE_FIELDS)


def preferences_or_default(user: User) -> StudyPreferences:
    """The user's preferences, or unsaved defaults (a read never writes them); read
    by every learner page and the queue, so its statement is compiled once."""
    return preferences_of_rows(user, sql.prepared_rows(*preferences_call(user)[:2], user=user.pk))


def preferences_call(user: User) -> sql.PreparedCall:
    """The read of preferences_or_default, to send with others (sql.prepared_rows_together);
    preferences_of_rows makes its rows the preferences."""
    return ("preferences",), _preferences_query, {"user": user.pk}


def preferences_of_rows(user: User, rows: list[tuple[Any, ...]]) -> StudyPreferences:
    if not rows:
        return StudyPreferences(user=user)
    return StudyPreferences.from_db(StudyPreferences.objects.db, _PREFERENCE_FIELDS, rows[0])


def started_or_suspended(user: User | int) -> Exists:
    """True for a question the user (or user id) has started, or suspended (never new
    again)."""
    return Exists(
        Card.objects.filter(
            Q(state__in=STARTED_STATES) | Q(suspended_at__isnull=False),
            user=user,
            question_id=OuterRef("pk"),
        )
    )


def time_zone_of(*, user: User) -> str | None:
    """The time zone the user chose (None before they have preferences)."""
    return StudyPreferences.objects.filter(user=user).values_list("time_zone", flat=True).first()


UNPUBLISHED = (QuestionStatus.DRAFT, QuestionStatus.REJECTED, QuestionStatus.ARCHIVED)


def unpublished_questions(*, bank_ids: Any) -> list[QuerySet[Any]]:
    """The ids of the questions of these banks (a list or a subquery of ids) that are
    not published (drafts, rejected and archived ones, which keep their cards): one
    query, read through the (bank, status, kind) index (status = ANY: a range per
    status of each bank; the banks' subquery is read once, not once per status)."""
    return [
        questions_with_status(*UNPUBLISHED).filter(bank_id__in=bank_ids).order_by().values("pk")
    ]


def banks_tallied(*, user: User | int) -> RawSQL:
    """A subquery of the ids of the banks the user has tallies in (every bank of a
    card started or suspended), for `bank_id__in`: a walk of the tallies' (user,
    bank, due_day) key that reads one entry per bank (a recursive step to the next
    bank id), not every tally row: a bank has a row per due day, a thousand in a
    long history (issue 16)."""
    table = connection.ops.quote_name(BankTally._meta.db_table)
    user_id = user if isinstance(user, int) else user.pk
    return RawSQL(
        "WITH RECURSIVE tallied(id) AS ("
        f"SELECT MIN(bank_id) FROM {table} WHERE user_id = %s "
        "UNION ALL "
        f"SELECT (SELECT MIN(later.bank_id) FROM {table} later "
        "WHERE later.user_id = %s AND later.bank_id > tallied.id) "
        "FROM tallied WHERE tallied.id IS NOT NULL"
        ") SELECT id FROM tallied WHERE id IS NOT NULL",
        (user_id, user_id),
    )


def _in_banks(
    cards: QuerySet[Card], *, user: User | int, bank_ids: Iterable[int] | None
) -> tuple[QuerySet[Card], Any]:
    """`cards` kept to `bank_ids` when given, and the banks whose unpublished questions
    matter: those ids, else the user's tallied banks (a subquery, no filter needed)."""
    if bank_ids is None:
        return cards, banks_tallied(user=user)
    banks = list(bank_ids)
    return cards.filter(bank_id__in=banks), banks


def of_published_questions(
    cards: QuerySet[Card], *, user: User | int, bank_ids: Iterable[int] | None = None
) -> QuerySet[Card]:
    """`cards` (the user's) of published questions of published banks, from the
    cards' own columns: the card's bank (Card.bank, its question's) is published,
    and its question is none of the few unpublished questions of the user's banks
    (their tallies name them: every card started or suspended counts in one) or of
    `bank_ids`. No question is looked up per card (7,727 due cards took 83 ms so,
    issue 16)."""
    cards, banks = _in_banks(cards, user=user, bank_ids=bank_ids)
    cards = cards.filter(bank__status=BankStatus.PUBLISHED)
    for unpublished in unpublished_questions(bank_ids=banks):
        cards = cards.exclude(question_id__in=unpublished)
    return cards


def unpublished_questions_carded(
    cards: QuerySet[Card], *, user: User | int, bank_ids: Iterable[int] | None = None
) -> QuerySet[Any]:
    """The unpublished questions of the user's banks (of `bank_ids` when given) that
    have one of `cards` (the user's; of a published bank): as many as those cards,
    a user having one card per question. Walked from the few questions into the
    cards' (user, question) key: a count of them costs the same whatever the
    user's cards (of_unpublished_questions' cards walked every learning card due,
    1,200 in a backlog, into the list; issue 16)."""
    _, banks = _in_banks(cards, user=user, bank_ids=bank_ids)
    [unpublished] = unpublished_questions(bank_ids=banks)
    carded = cards.filter(bank__status=BankStatus.PUBLISHED, question_id=OuterRef("pk"))
    # (a scalar subquery per question, which PostgreSQL never turns into a join of
    # the user's cards as it does an EXISTS)
    found: QuerySet[Any] = unpublished.alias(card=Subquery(carded.values("id")[:1]))
    return found.filter(card__isnull=False)


def of_unpublished_questions(
    cards: QuerySet[Card], *, user: User | int, bank_ids: Iterable[int] | None = None
) -> QuerySet[Card]:
    """`cards` (the user's) of published banks whose question is unpublished: those
    the tallies count but of_published_questions leaves out, read through the
    (user, question) key of the few unpublished questions of the user's banks (of
    `bank_ids` when given)."""
    cards, banks = _in_banks(cards, user=user, bank_ids=bank_ids)
    [unpublished] = unpublished_questions(bank_ids=banks)
    return cards.filter(bank__status=BankStatus.PUBLISHED, question_id__in=unpublished)
