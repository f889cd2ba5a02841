"""Account pages with friendlier forms; mounted before django.contrib.auth.urls
so these names win and the rest (logout, password reset) come from Django."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import FriendlyAuthenticationForm, FriendlyPasswordChangeForm

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
]
