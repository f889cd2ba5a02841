from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = "Question banks"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
