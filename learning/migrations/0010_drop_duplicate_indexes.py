"""Indexes another one already covers (issue 16): the card's plain (user, state,
due) beside card_due_with_bank (the same keys, more columns included), and the
foreign keys' own indexes where a composite index leads with the same column. Each
review writes two log indexes fewer and each card update one or two fewer. The
foreign keys' constraints stay: only their indexes go (a state change for Django,
one DROP INDEX for the database, no table rewrite or constraint re-check)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# (model, field, related_name, target, the index Django named when it made it)
_FOREIGN_KEYS = [
    ("banktally", "user", "+", settings.AUTH_USER_MODEL, "learning_banktally_user_id_e85da77f"),
    ("card", "user", "cards", settings.AUTH_USER_MODEL, "learning_card_user_id_b32c6bd8"),
    ("reviewlog", "card", "logs", "learning.card", "learning_reviewlog_card_id_b222f647"),
    (
        "reviewlog",
        "user",
        "review_logs",
        settings.AUTH_USER_MODEL,
        "learning_reviewlog_user_id_62e4a764",
    ),
    ("studyday", "user", "+", settings.AUTH_USER_MODEL, "learning_studyday_user_id_c87f2e30"),
]


def _unindexed(model, name, related_name, target, index):
    column = f"{name}_id"
    return migrations.SeparateDatabaseAndState(
        state_operations=[
            migrations.AlterField(
                model_name=model,
                name=name,
                field=models.ForeignKey(
                    db_index=False,
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name=related_name,
                    to=target,
                ),
            )
        ],
        database_operations=[
            migrations.RunSQL(
                f'DROP INDEX IF EXISTS "{index}"',
                reverse_sql=f'CREATE INDEX "{index}" ON "learning_{model}" ("{column}")',
            )
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0009_card_bank"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="card", name="learning_ca_user_id_be58f5_idx"),
        *(_unindexed(*foreign_key) for foreign_key in _FOREIGN_KEYS),
    ]
