"""Load the sample article, its generated (published) bank and demo users. Idempotent."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from quizzes.demo import demo_setup


class Command(BaseCommand):
    help = "Store the sample article, generate and publish its bank, create demo users."

    def handle(self, *args: Any, **options: Any) -> None:
        result = demo_setup(known_passwords=settings.DEBUG)
        verb = "stored" if result.article_created else "already stored"
        self.stdout.write(
            f"Sample article {verb}: “{result.article.title}” (#{result.article.pk})."
        )
        if result.bank is not None:
            self.stdout.write(
                f"Sample bank “{result.bank.title}” (#{result.bank.pk}): "
                f"{result.questions_published} published question(s), "
                f"{result.questions_created} new."
            )
        if result.created_users:
            self.stdout.write(f"Created users: {', '.join(result.created_users)}.")
        else:
            self.stdout.write("Demo users already exist; nothing changed.")
        if settings.DEBUG and result.passwords:
            for username, password in result.passwords.items():
                self.stdout.write(f"  {username} / {password}")
        elif result.passwords:
            self.stdout.write("Passwords are random (DEBUG is off): set them with changepassword.")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
