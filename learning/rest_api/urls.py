"""Learner routes under /api/v1/ (paths fixed by issue 6: clients depend on them)."""

from django.urls import path

import config.api_fields  # noqa: F401  (registers the <id:...> converter)

from . import views

urlpatterns = [
    path("banks/", views.BankListView.as_view(), name="bank-list"),
    path("banks/<id:pk>/", views.BankDetailView.as_view(), name="bank-detail"),
    path("banks/<id:pk>/progress/", views.BankStudentProgressView.as_view(), name="bank-progress"),
    path("study/queue/", views.StudyQueueView.as_view(), name="study-queue"),
    path("cards/<id:pk>/", views.CardDetailView.as_view(), name="card-detail"),
    path("reviews/", views.ReviewView.as_view(), name="review-create"),
    path("reviews/batch/", views.ReviewBatchView.as_view(), name="review-batch"),
    path("reviews/undo/", views.ReviewUndoView.as_view(), name="review-undo"),
    path("study/more/", views.StudyMoreView.as_view(), name="study-more"),
    path("cards/suspended/", views.SuspendedCardListView.as_view(), name="card-suspended-list"),
    path("cards/<id:pk>/suspend/", views.CardSuspendView.as_view(), name="card-suspend"),
    path("cards/<id:pk>/unsuspend/", views.CardUnsuspendView.as_view(), name="card-unsuspend"),
    path("quizzes/", views.QuizListView.as_view(), name="quiz-list"),
    path("quizzes/<id:pk>/", views.QuizDetailView.as_view(), name="quiz-detail"),
    path("quizzes/<id:pk>/answers/", views.QuizAnswerView.as_view(), name="quiz-answer"),
    path("quizzes/<id:pk>/override/", views.QuizOverrideView.as_view(), name="quiz-override"),
    path("quizzes/<id:pk>/settle/", views.QuizSettleView.as_view(), name="quiz-settle"),
    path("quizzes/<id:pk>/retry/", views.QuizRetryView.as_view(), name="quiz-retry"),
    path("progress/", views.ProgressView.as_view(), name="progress"),
    path("progress/heatmap/", views.HeatmapView.as_view(), name="progress-heatmap"),
    path("me/preferences/", views.PreferencesView.as_view(), name="preferences"),
    path("assignments/", views.AssignmentListView.as_view(), name="assignment-list"),
    path(
        "teach/assignments/<id:pk>/progress/",
        views.TeachAssignmentProgressView.as_view(),
        name="teach-assignment-progress",
    ),
    path(
        "teach/assignments/<id:pk>/progress/export/",
        views.TeachAssignmentProgressExportView.as_view(),
        name="teach-assignment-progress-export",
    ),
    path(
        "teach/assignments/<id:pk>/items/",
        views.TeachAssignmentItemsView.as_view(),
        name="teach-assignment-items",
    ),
]
