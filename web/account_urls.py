"""Account pages with friendlier forms; mounted before django.contrib.auth.urls
so these names win and the rest (logout) come from Django.

Password reset is Django's flow (a signed one-time link by email, through
EMAIL_BACKEND: the console in development) with the site's own templates."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import (
    FriendlyAuthenticationForm,
    FriendlyPasswordChangeForm,
    FriendlyPasswordResetForm,
    FriendlySetPasswordForm,
)

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=FriendlyAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("signup/", views.signup, name="signup"),
    path(
        "password_change/",
        auth_views.PasswordChangeView.as_view(form_class=FriendlyPasswordChangeForm),
        name="password_change",
    ),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=FriendlyPasswordResetForm),
        name="password_reset",
    ),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(
            extra_context={"timeout_hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
        ),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=FriendlySetPasswordForm, post_reset_login=False
        ),
        name="password_reset_confirm",
    ),
]
