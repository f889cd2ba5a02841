"""web.templatetags.fixed_urls: addresses looked up once per process render as
Django's own tags render them."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import engines
from django.test import override_settings
from django.urls import NoReverseMatch

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


def test_id_url_refuses_an_address_that_does_not_hold_the_stand_in_once():
    """A route whose address would hold the stand-in id twice (here its digits in the
    script prefix) is refused with a clear error, never rendered with both replaced."""
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()
    set_script_prefix("/987654321987/")
    try:
        with pytest.raises(ImproperlyConfigured, match="not once; use"):
            _id_urls("web:article", "article_id", 5)
    finally:
        set_script_prefix(before)
    assert _id_urls("web:article", "article_id", 5)[0] == "/articles/5/"


def test_id_url_raises_where_url_as_a_variable_would_give_nothing():
    with pytest.raises(NoReverseMatch):
        _id_urls("web:no_such_page", "article_id", 5)
