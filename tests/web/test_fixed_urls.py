"""web.templatetags.fixed_urls: addresses looked up once per process render as
Django's own tags render them."""

from django.template import engines
from django.test import override_settings

FILES = ("favicon.svg", "css/app.css", "js/app.js")


def _both(path: str) -> tuple[str, str]:
    engine = engines["django"]
    ours = engine.from_string("{% load fixed_urls %}{% fixed_static path %}")
    django = engine.from_string("{% load static %}{% static path %}")
    return ours.render({"path": path}), django.render({"path": path})


def test_fixed_static_renders_what_static_renders():
    for path in (*FILES, "a file & name.css"):
        ours, django = _both(path)
        assert ours == django
    assert _both("a file & name.css")[0] == "/static/a%20file%20%26%20name.css"


def test_fixed_static_follows_a_changed_static_url():
    assert _both("css/app.css")[0] == "/static/css/app.css"
    with override_settings(STATIC_URL="https://cdn.example.org/assets/"):
        assert _both("css/app.css") == ("https://cdn.example.org/assets/css/app.css",) * 2
    assert _both("css/app.css")[0] == "/static/css/app.css"
