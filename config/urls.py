"""Top-level routes: admin for teachers, /api/v1/ for mobile, the rest for students."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "NewsQuiz — teachers"
admin.site.site_title = "NewsQuiz admin"
admin.site.index_title = "Question banks and classes"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(("config.api_v1", "api"), namespace="v1")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("web.urls")),
]
