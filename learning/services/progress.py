"""Recounting the progress aggregates (StudyDay, BankTally, QuizTally) from the
review log, the cards and the finished quizzes, which stay the source of truth: `manage.py rebuild_progress` and the
data migration that filled them. Every review write keeps them right on its own
(learning.tallies); a recount is for repairs and checks."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from ..tallies import progress_rebuild as _rebuild
from ..tallies import quiz_tallies_rebuild


def progress_rebuild(*, usernames: list[str] | None = None) -> dict[str, int]:
    """Recount the aggregates of these users (every user with a card, and every user
    with a finished quiz for the quiz tallies, when None), in one transaction: all of them or, on an error, none. Idempotent. Raises
    LookupError naming an unknown username before anything is written."""
    user_ids = None
    if usernames is not None:
        found = dict(
            get_user_model().objects.filter(username__in=usernames).values_list("username", "pk")
        )
        missing = [name for name in usernames if name not in found]
        if missing:
            raise LookupError(f"No user named “{missing[0]}”.")
        user_ids = [found[name] for name in usernames]
    with transaction.atomic():
        written = _rebuild(user_ids=user_ids)
        written["quizzes"] = quiz_tallies_rebuild(user_ids=user_ids)
        return written
