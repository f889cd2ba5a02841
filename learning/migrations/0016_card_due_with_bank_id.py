"""The card index of due counts and of the study queue's windows of due cards (issue
16): the id after the due date, so that the windows, read in (due, id) order, come
from the index in that order without a sort."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0015_banktally_bank_user_day'),
        ('quizzes', '0012_question_bank_span'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='card',
            name='card_due_with_bank',
        ),
        migrations.AddIndex(
            model_name='card',
            index=models.Index(fields=['user', 'state', 'due', 'id'], include=('suspended_at', 'bank', 'question'), name='card_due_with_bank'),
        ),
    ]
