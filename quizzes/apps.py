from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    # Not "Question banks": the model of that name sits under it, and the
    # admin's breadcrumbs read "Question banks › Question banks".
    verbose_name = "Authoring"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
