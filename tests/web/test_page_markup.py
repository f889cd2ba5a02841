"""web.templatetags.page_markup: the loops it writes in Python render what the
template loops they replaced wrote, byte for byte (the loops are kept here)."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import include, path

from web.forms import REPORT_REASONS, QuestionReportForm

NAV_LOOP = """<ul>
          <li><a href="{% fixed_url 'web:home' %}"{% if nav == "home" %} aria-current="page"{% endif %}>Home</a></li>
          <li><a href="{% fixed_url 'web:study' %}"{% if nav == "study" %} aria-current="page"{% endif %}>Study</a></li>
          <li><a href="{% fixed_url 'web:quiz_list' %}"{% if nav == "quiz" %} aria-current="page"{% endif %}>Quiz</a></li>
          <li><a href="{% fixed_url 'web:progress' %}"{% if nav == "progress" %} aria-current="page"{% endif %}>Progress</a></li>
          <li><a href="{% fixed_url 'web:classes' %}"{% if nav == "classes" %} aria-current="page"{% endif %}>Classes</a></li>
          <li><a href="{% fixed_url 'web:preferences' %}"{% if nav == "preferences" %} aria-current="page"{% endif %}>Settings</a></li>
        </ul>"""  # noqa: E501
NAV_TAG = """<ul>
          {% main_nav nav %}
        </ul>"""

RATINGS_LOOP = """<div class="ratings" data-ratings>
              {% for rating in ratings %}
              <button type="submit" name="rating" value="{{ rating.value }}" class="rate rate-{{ rating.value }}" data-shortcut="{{ rating.value }}" aria-keyshortcuts="{{ rating.value }}" data-testid="rate-{{ rating.value }}">
                <span>{{ rating.name }}</span>
                <span class="interval">{{ rating.interval }}</span>
                <span class="key" aria-hidden="true">key {{ rating.value }}</span>
              </button>
              {% endfor %}
            </div>"""  # noqa: E501
RATINGS_TAG = """<div class="ratings" data-ratings>
              {% rating_buttons ratings %}
            </div>"""

REASONS_LOOP = """<ul class="report-reasons">
        {% for value, label in report_reasons %}
        <li><label><input type="radio" name="reason" value="{{ value }}" required{% if report_form.reason.value == value %} checked{% endif %}> {{ label }}</label></li>
        {% endfor %}
      </ul>"""  # noqa: E501
REASONS_TAG = """<ul class="report-reasons">
        {% report_reasons_items report_reasons report_form %}
      </ul>"""


def _both(loop: str, tag: str, context: dict[str, object]) -> tuple[str, str]:
    engine = engines["django"]
    load = "{% load fixed_urls page_markup %}"
    return (
        engine.from_string(load + loop).render(context),
        engine.from_string(load + tag).render(context),
    )


@pytest.mark.parametrize(
    "context",
    [
        {},
        {"nav": None},
        {"nav": "elsewhere"},
        *({"nav": page} for page in ("home", "study", "quiz", "progress", "classes")),
        {"nav": "preferences"},
    ],
)
def test_main_nav_renders_what_its_lines_rendered(context):
    loop, tag = _both(NAV_LOOP, NAV_TAG, context)

    assert tag == loop
    assert tag.count("<li>") == 6
    assert tag.count('aria-current="page"') == (context.get("nav") not in (None, "elsewhere"))


def test_main_nav_follows_the_script_prefix():
    from django.urls import set_script_prefix

    set_script_prefix("/school/")
    try:
        loop, tag = _both(NAV_LOOP, NAV_TAG, {"nav": "study"})
    finally:
        set_script_prefix("/")

    assert tag == loop
    assert 'href="/school/study/" aria-current="page"' in tag


# The whole site under "x/": a URLconf of its own (this module's), for the test below.
urlpatterns = [path("x/", include("config.urls"))]


def test_main_nav_follows_the_urlconf():
    _both(NAV_LOOP, NAV_TAG, {"nav": "home"})  # (made once under the site's URLconf)
    with override_settings(ROOT_URLCONF=__name__):
        loop, tag = _both(NAV_LOOP, NAV_TAG, {"nav": "home"})

    assert tag == loop
    assert 'href="/x/" aria-current="page"' in tag
    assert tag.count('href="/x/') == 6


@pytest.mark.parametrize(
    "intervals",
    [
        ("1m", "6m", "10m", "4d"),
        ("", "", "", ""),  # (an unsaved card: no previews)
        ("<1m>", "a & b", '"q"', "1.5y"),  # (escaped alike)
    ],
)
def test_rating_buttons_render_what_the_loop_rendered(intervals):
    names = ("Again", "Hard", "Good", "Easy")
    ratings = [
        {"value": value, "name": name, "interval": interval}
        for value, name, interval in zip((1, 2, 3, 4), names, intervals, strict=True)
    ]

    loop, tag = _both(RATINGS_LOOP, RATINGS_TAG, {"ratings": ratings})

    assert tag == loop
    assert tag.count("<button ") == 4


def test_no_rating_buttons_without_ratings():
    loop, tag = _both(RATINGS_LOOP, RATINGS_TAG, {"ratings": []})

    assert tag == loop


@pytest.mark.parametrize(
    "data",
    [
        None,  # (the study page and the quiz feedback: no form)
        {"reason": "typo", "comment": ""},
        {"reason": "other", "comment": ""},  # (sent without its comment)
        {"reason": "not a reason"},
        {},
    ],
)
def test_report_reasons_render_what_the_loop_rendered(data):
    context: dict[str, object] = {"report_reasons": REPORT_REASONS}
    if data is not None:
        context["report_form"] = QuestionReportForm(data=data)

    loop, tag = _both(REASONS_LOOP, REASONS_TAG, context)

    assert tag == loop
    assert tag.count(" checked") == (data is not None and data.get("reason") in ("typo", "other"))


def test_report_reasons_escape_their_values_and_labels():
    reasons = [("a<b", "Wrong & <odd>"), ('"q"', "fine")]
    form = QuestionReportForm(data={"reason": "a<b"})

    loop, tag = _both(REASONS_LOOP, REASONS_TAG, {"report_reasons": reasons, "report_form": form})

    assert tag == loop
    assert 'value="a&lt;b" required checked> Wrong &amp; &lt;odd&gt;' in tag
