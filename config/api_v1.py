"""/api/v1/ routes, gathered from each app's rest_api package."""

from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny

import config.api_fields  # noqa: F401  (registers the <id:...> converter)
from classes.rest_api import urls as classes_api_urls
from config.api_auth import DeviceDetailView, DeviceListView, LogoutView, TokenView
from config.health import health
from learning.rest_api import urls as learning_api_urls
from learning.rest_api.account import MeExportView, MeView
from quizzes.interop import rest_api as interop_api
from quizzes.rest_api import urls as quizzes_api_urls

urlpatterns: list[URLPattern | URLResolver] = []
# Token login/logout, the OpenAPI schema and Swagger UI (assets from the sidecar, no CDN).
urlpatterns += [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("auth/logout/", LogoutView.as_view(), name="auth-logout"),
    path("auth/devices/", DeviceListView.as_view(), name="auth-devices"),
    path("auth/devices/<id:pk>/", DeviceDetailView.as_view(), name="auth-device"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[AllowAny]), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="v1:schema",
            permission_classes=[AllowAny],
            template_name="api/swagger_ui.html",  # no inline <style>: strict CSP
        ),
        name="docs",
    ),
]
# Content (a bank's questions; teach/..., articles/...) and learner routes (banks, study,
# reviews, quizzes, progress, me/preferences): quizzes/rest_api/urls.py, learning/rest_api/urls.py.
# Bank import/export for teachers (quizzes/interop/rest_api.py); before the teach/banks router,
# whose detail route would otherwise take "import" for a bank id.
urlpatterns += [
    path("teach/banks/import/", interop_api.BankImportView.as_view(), name="teach-bank-import"),
    path(
        "teach/banks/<int:pk>/export/",
        interop_api.BankExportView.as_view(),
        name="teach-bank-export",
    ),
]
urlpatterns += quizzes_api_urls.urlpatterns
urlpatterns += learning_api_urls.urlpatterns
# Classes, members and assignments (classes/rest_api/urls.py).
urlpatterns += classes_api_urls.urlpatterns
# Load-balancer probe, no authentication (config/health.py).
urlpatterns += [path("health/", health, name="health")]
# The caller's own data: export and account deletion (learning/account.py).
urlpatterns += [
    path("me/export/", MeExportView.as_view(), name="me-export"),
    path("me/", MeView.as_view(), name="me"),
]
