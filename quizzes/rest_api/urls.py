"""Content routes under /api/v1/: a bank's questions (students) and teach/... (teachers)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

import config.api_fields  # noqa: F401  (registers the <id:...> converter)

from . import views

teach = SimpleRouter(trailing_slash=True, use_regex_path=False)
teach.register("teach/banks", views.TeachBankViewSet, basename="teach-bank")
teach.register("teach/questions", views.TeachQuestionViewSet, basename="teach-question")
teach.register("teach/choices", views.TeachChoiceViewSet, basename="teach-choice")
teach.register("articles", views.ArticleViewSet, basename="article")
teach.register("teach/jobs", views.GenerationJobViewSet, basename="teach-job")

urlpatterns = [
    path("banks/<id:pk>/questions/", views.BankQuestionsView.as_view(), name="bank-questions"),
    path("banks/<id:pk>/article/", views.BankArticleView.as_view(), name="bank-article"),
    *teach.urls,
]
