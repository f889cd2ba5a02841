"""Student pages. Thin: each view calls selectors/services and renders."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from quizzes.models import QuestionBank


@login_required
def home(request):
    banks = QuestionBank.objects.filter(status="published")
    return render(request, "web/home.html", {"banks": banks})
