"""The bank tallies' indexes (issue 16): the bank's own index gives way to
(bank, user, due_day), which serves its deletion's cascade as well and never makes
a read of one user's rows walk every student's rows of a bank; the learning count's
partial index holds the bank and the count too (the sum reads it alone)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0014_banktally_totals_row'),
        ('quizzes', '0012_question_bank_span'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='banktally',
            index=models.Index(fields=['bank', 'user', 'due_day'], name='banktally_bank_user_day'),
        ),
        migrations.RemoveIndex(
            model_name='banktally',
            name='banktally_learning_due',
        ),
        migrations.AlterField(
            model_name='banktally',
            name='bank',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='quizzes.questionbank'),
        ),
        migrations.AddIndex(
            model_name='banktally',
            index=models.Index(condition=models.Q(('learning', 0), _negated=True), fields=['user', 'due_day', 'bank', 'learning'], name='banktally_learning_due'),
        ),
    ]
