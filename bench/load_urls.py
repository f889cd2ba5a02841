"""The project's URLs plus `/bench/bare/`, the floor of the load benchmark: a
request through every middleware to a view that touches nothing."""

from django.http import JsonResponse
from django.urls import include, path


def bare(request):
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/bare/", bare), path("", include("config.urls"))]
