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


def _id_urls(name: str, key: str, value: object) -> tuple[str, str]:
    engine = engines["django"]
    ours = engine.from_string(f"{{% load fixed_urls %}}{{% id_url '{name}' {key}=value %}}")
    django = engine.from_string(f"{{% url '{name}' {key}=value %}}")
    return ours.render({"value": value}), django.render({"value": value})


def test_id_url_renders_what_url_renders_for_any_id():
    for value in (0, 7, 98, 987, 123456789, 987_654_321_987_654):
        ours, django = _id_urls("web:question_report", "question_id", value)
        assert ours == django
    assert _id_urls("web:article", "article_id", 42)[0] == "/articles/42/"
    assert _id_urls("web:article", "article_id", "42") == ("/articles/42/",) * 2


def test_id_url_follows_the_script_prefix():
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()
    set_script_prefix("/quiz/")
    try:
        assert _id_urls("web:article", "article_id", 5) == ("/quiz/articles/5/",) * 2
    finally:
        set_script_prefix(before)
    assert _id_urls("web:article", "article_id", 5)[0] == "/articles/5/"
