"""Top-level routes: admin for teachers, /api/v1/ for mobile, the rest for students."""

from django.contrib import admin
from django.urls import include, path, re_path

from config.api_errors import api_not_found

handler400 = "config.api_errors.bad_request"  # JSON under /api/, HTML elsewhere
handler403 = "config.api_errors.permission_denied"  # JSON under /api/, HTML elsewhere
handler500 = "config.api_errors.server_error"  # JSON under /api/, HTML elsewhere

admin.site.site_header = "NewsQuiz — teachers"
admin.site.site_title = "NewsQuiz admin"
admin.site.index_title = "Question banks and classes"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(("config.api_v1", "api"), namespace="v1")),
    re_path(r"^api/", api_not_found),  # unknown API paths: JSON 404 in the API's error shape
    path("accounts/", include("web.account_urls")),  # friendlier login/signup/password change
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("web.urls")),
]
