"""/api/v1/ routes, gathered from each app's api package."""

from django.urls import path

from config.health import health

urlpatterns: list = []
# Load-balancer probe, no authentication (config/health.py).
urlpatterns += [path("health/", health, name="health")]
