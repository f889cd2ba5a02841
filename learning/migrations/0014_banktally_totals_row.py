"""The totals row of each bank's tallies (issue 16): the row of day 0001-01-01,
which held the cards never due, now holds every card of the bank (tallies.TOTALS),
so that the pages showing a bank's figures read one row instead of one per due day.
Forward, the tallies are recounted from the cards; backward, each totals row loses
the sums of its bank's day rows. An index on (user, due_day) reads the totals rows and the rows of days past
without those of the days to come."""

import datetime

from django.conf import settings
from django.db import migrations, models

TOTALS_DAY = datetime.date(1, 1, 1)  # (learning.tallies.TOTALS)
PARTS = ("learning", "young", "mature", "suspended_new", "strength")


def _move_day_sums(apps, sign):
    from learning import sql

    tally = apps.get_model("learning", "BankTally")
    sums = (
        tally.objects.exclude(due_day=TOTALS_DAY)
        .values("user_id", "bank_id")
        .annotate(**{f"sum_{name}": models.Sum(name) for name in PARTS})
        .order_by("user_id", "bank_id")
    )
    rows = [
        (
            row["user_id"],
            row["bank_id"],
            TOTALS_DAY,
            *(sign * (row[f"sum_{name}"] or 0) for name in PARTS),
            0,  # due: the totals row's (a new row's column has no default in the database)
        )
        for row in sums
    ]
    sql.add_to_rows(tally, keys=("user_id", "bank_id", "due_day"), fields=(*PARTS, "due"), rows=rows)


def day_sums_into_totals(apps, schema_editor):
    """Recounted from the cards, as `manage.py rebuild_progress` does: right whatever the
    rows held before (from 0008 on, a database migrated from 0007 already has the totals
    from the live recount, and adding the day sums again would count them twice)."""
    from learning.tallies import progress_rebuild

    progress_rebuild(apps=apps, days=False)


def day_sums_out_of_totals(apps, schema_editor):
    _move_day_sums(apps, -1)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0013_banktally_learning_not_zero"),
        ("quizzes", "0012_question_bank_span"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="banktally",
            index=models.Index(fields=["user", "due_day"], name="banktally_user_day"),
        ),
        migrations.RunPython(day_sums_into_totals, day_sums_out_of_totals),
    ]
