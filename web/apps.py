from django.apps import AppConfig


class WebConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "web"
    verbose_name = "Student web app"

    def ready(self) -> None:
        from config.api_token import connect_token_cache_signals
        from config.session_user import connect_session_user_signals

        connect_token_cache_signals()
        connect_session_user_signals()
