from django.apps import AppConfig


class WebConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "web"
    verbose_name = "Student web app"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from config.api_token import connect_token_cache_signals
        from config.session_user import connect_session_user_signals

        from .middleware import remember_time_zone_at_login

        connect_token_cache_signals()
        connect_session_user_signals()
        user_logged_in.connect(remember_time_zone_at_login, dispatch_uid="web.time_zone_at_login")
