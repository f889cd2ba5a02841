"""Card.bank: a copy of the card's question's bank, so due counts and per-bank
reads of the cards never look up their questions (issue 16). Added empty, filled
from the questions in one UPDATE, then made required and indexed."""

from django.db import migrations, models
import django.db.models.deletion


def fill_banks(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE learning_card SET bank_id = q.bank_id FROM quizzes_question q "
                "WHERE q.id = learning_card.question_id"
            )
        else:
            cursor.execute(
                "UPDATE learning_card SET bank_id = (SELECT q.bank_id FROM quizzes_question q "
                "WHERE q.id = learning_card.question_id)"
            )


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0008_bank_tally_due_days"),
        ("quizzes", "0011_bank_question_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="card",
            name="bank",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="quizzes.questionbank",
            ),
        ),
        migrations.RunPython(fill_banks, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="card",
            name="bank",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="quizzes.questionbank",
            ),
        ),
        migrations.AddIndex(
            model_name="card",
            index=models.Index(
                fields=["user", "state", "due"],
                include=["suspended_at", "bank", "question"],
                name="card_due_with_bank",
            ),
        ),
    ]
