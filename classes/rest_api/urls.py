"""Class routes under /api/v1/ (paths fixed by issue 13): students' classes/...,
teachers' teach/classes/... and teach/assignments/... (the per-student progress
and item analysis of an assignment read study data: learning/rest_api/urls.py)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

import config.api_fields  # noqa: F401  (registers the <id:...> converter)

from . import views

teach = SimpleRouter(trailing_slash=True, use_regex_path=False)
teach.register("teach/classes", views.TeachClassViewSet, basename="teach-class")
teach.register("teach/assignments", views.TeachAssignmentViewSet, basename="teach-assignment")

urlpatterns = [
    path("classes/", views.ClassListView.as_view(), name="class-list"),
    path("classes/join/", views.ClassJoinView.as_view(), name="class-join"),
    path("classes/<id:pk>/leave/", views.ClassLeaveView.as_view(), name="class-leave"),
    path(
        "teach/classes/<id:pk>/members/",
        views.TeachMembersView.as_view(),
        name="teach-class-members",
    ),
    path(
        "teach/classes/<id:pk>/members/import/",
        views.TeachMembersImportView.as_view(),
        name="teach-class-members-import",
    ),
    path(
        "teach/classes/<id:pk>/members/<id:student_id>/",
        views.TeachMemberDetailView.as_view(),
        name="teach-class-member",
    ),
    *teach.urls,
]
