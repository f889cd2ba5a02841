from django.urls import path

from . import account_views, class_views, preview_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("study/", views.study, name="study"),
    path("study/rate/", views.study_rate, name="study_rate"),
    path("study/undo/", views.study_undo, name="study_undo"),
    path("study/more/", views.study_more, name="study_more"),
    path("study/suspend/", views.study_suspend, name="study_suspend"),
    path("cards/suspended/", views.cards_suspended, name="cards_suspended"),
    path(
        "cards/<int:card_id>/unsuspend/",
        views.card_unsuspend,
        name="card_unsuspend",
    ),
    path("quiz/", views.quiz_list, name="quiz_list"),
    path("quiz/<int:attempt_id>/", views.quiz_take, name="quiz_take"),
    path("quiz/<int:attempt_id>/answer/", views.quiz_answer, name="quiz_answer"),
    path(
        "quiz/<int:attempt_id>/feedback/<int:question_id>/",
        views.quiz_feedback,
        name="quiz_feedback",
    ),
    path("quiz/<int:attempt_id>/override/", views.quiz_override, name="quiz_override"),
    path("quiz/<int:attempt_id>/continue/", views.quiz_continue, name="quiz_continue"),
    path("quiz/<int:attempt_id>/discard/", views.quiz_discard, name="quiz_discard"),
    path("quiz/<int:attempt_id>/result/", views.quiz_result, name="quiz_result"),
    path("quiz/<int:attempt_id>/retry/", views.quiz_retry, name="quiz_retry"),
    path("quiz/<int:attempt_id>/suspend/", views.quiz_suspend, name="quiz_suspend"),
    path("preview/banks/<int:bank_id>/", preview_views.bank_preview, name="bank_preview"),
    path(
        "preview/banks/<int:bank_id>/answer/",
        preview_views.bank_preview_answer,
        name="bank_preview_answer",
    ),
    path("questions/<int:question_id>/report/", views.question_report, name="question_report"),
    path("progress/", views.progress, name="progress"),
    path("preferences/", views.preferences, name="preferences"),
    path("classes/", class_views.classes, name="classes"),
    path("classes/join/<str:code>/", class_views.class_join_link, name="class_join_link"),
    path("classes/<int:classroom_id>/leave/", class_views.class_leave, name="class_leave"),
    path(
        "assignments/<int:assignment_id>/quiz/",
        class_views.assignment_quiz,
        name="assignment_quiz",
    ),
    path("account/", account_views.account, name="account"),
    path("account/export/", account_views.account_export_download, name="account_export"),
    path("account/delete/", account_views.account_delete_view, name="account_delete"),
]
