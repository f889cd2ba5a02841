"""web/charts.py: chart geometry computed on the server."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.template import Context, Template
from django.utils.formats import date_format

from web.charts import (
    MASTERY_HEAD,
    MASTERY_LEGEND,
    MASTERY_PARTS,
    bar_chart,
    day_label,
    heat_level,
    heatmap,
    mastery_bars,
    mastery_rows,
    mastery_table_rows,
    nice_ceiling,
    retention_chart,
    retention_table_rows,
    short_day_label,
    width_class,
)

TODAY = date(2026, 11, 27)  # a Friday


def test_heatmap_ends_today_with_monday_on_top():
    rows = [{"date": (TODAY - timedelta(days=d)).isoformat(), "count": d} for d in range(10)]

    chart = heatmap(rows, today=TODAY, weeks=4)

    assert chart.cells[-1].day == TODAY
    assert chart.cells[0].day.weekday() == 0
    assert len(chart.cells) == 3 * 7 + 5  # three full weeks and Monday to Friday
    assert chart.total == sum(range(10))
    assert chart.active_days == 9
    assert chart.busiest.count == 9
    assert chart.busiest.level == 4
    assert chart.cells[-1].level == 0  # today had 0 reviews


def test_heatmap_draws_each_day_with_its_date_and_count():
    rows = [{"date": "2026-11-26", "count": 1}, {"date": "2026-11-27", "count": 4}]

    chart = heatmap(rows, today=TODAY, weeks=2)

    svg = str(chart.svg_cells)
    assert svg.count("<rect ") == len(chart.cells)
    assert "<title>Thu 26 Nov 2026: 1 review</title>" in svg
    assert "<title>Fri 27 Nov 2026: 4 reviews</title>" in svg
    assert "<title>Wed 25 Nov 2026: 0 reviews</title>" in svg
    assert str(chart.table_rows) == (
        '<tr><td>Thu 26 Nov 2026</td><td class="num">1</td></tr>'
        '<tr><td>Fri 27 Nov 2026</td><td class="num">4</td></tr>'
    )


@pytest.mark.parametrize("day", [date(2026, 1, 5), date(2026, 5, 31), date(2027, 9, 1)])
def test_day_labels_read_as_the_templates_date_format(day):
    assert day_label(day) == date_format(day, "D j M Y")


@pytest.mark.parametrize(
    ("count", "peak", "level"), [(0, 10, 0), (1, 10, 1), (3, 10, 2), (6, 10, 3), (10, 10, 4)]
)
def test_heat_levels_scale_with_the_busiest_day(count, peak, level):
    assert heat_level(count, peak) == level


def test_bar_chart_scales_to_a_round_maximum_and_marks_today():
    rows = [
        {"date": (TODAY + timedelta(days=d)).isoformat(), "count": c}
        for d, c in enumerate([7, 0, 3])
    ]

    chart = bar_chart(rows, today=TODAY)

    assert chart.peak == 7
    assert chart.total == 10
    assert [bar.today for bar in chart.bars] == [True, False, False]
    assert [label.text for label in chart.y_labels] == ["0", "5", "10"]
    assert chart.bars[1].height == 0
    assert chart.bars[0].y + chart.bars[0].height == pytest.approx(chart.baseline)
    assert chart.bars[0].height == pytest.approx((chart.baseline - 8) * 0.7, abs=0.1)


def test_forecast_draws_bars_of_due_days_and_a_row_for_every_day():
    rows = [
        {"date": (TODAY + timedelta(days=d)).isoformat(), "count": c}
        for d, c in enumerate([7, 0, 3])
    ]

    chart = bar_chart(rows, today=TODAY)

    svg = str(chart.svg_bars)
    assert svg.count("<rect ") == 2  # no bar for a day with nothing due
    today, _, third = chart.bars
    assert svg.startswith(
        f'<rect x="{today.x}" y="{today.y}" width="{today.width}" height="{today.height}" '
        'rx="2" class="bar bar-today"><title>Fri 27 Nov: 7 due</title></rect>'
    )
    assert 'class="bar"><title>Sun 29 Nov: 3 due</title>' in svg
    assert str(chart.table_rows) == (
        '<tr><td>Fri 27 Nov</td><td class="num">7</td></tr>'
        '<tr><td>Sat 28 Nov</td><td class="num">0</td></tr>'
        '<tr><td>Sun 29 Nov</td><td class="num">3</td></tr>'
    )


@pytest.mark.parametrize("day", [date(2026, 1, 5), date(2026, 5, 31), date(2027, 9, 1)])
def test_short_day_labels_read_as_the_templates_date_format(day):
    assert short_day_label(day) == date_format(day, "D j M")


@pytest.mark.parametrize(("value", "nice"), [(0, 1), (1, 1), (3, 5), (7, 10), (12, 20), (51, 100)])
def test_nice_ceiling(value, nice):
    assert nice_ceiling(value) == nice


def test_retention_line_breaks_at_weeks_without_reviews():
    rows = [
        {"week": "2026-11-02", "retention": 0.9, "reviews": 10},
        {"week": "2026-11-09", "retention": None, "reviews": 0},
        {"week": "2026-11-16", "retention": 0.8, "reviews": 5},
        {"week": "2026-11-23", "retention": 1.0, "reviews": 4},
    ]

    chart = retention_chart(rows, target=0.9)

    assert [p.value for p in chart.points] == [0.9, 0.8, 1.0]
    assert chart.path.count("M") == 2
    assert chart.path.count("L") == 1
    assert chart.target_y == chart.points[0].y  # the 0.9 week sits on the target line
    assert chart.points[2].y < chart.points[0].y < chart.points[1].y  # higher is better


# What the progress template wrote with its loops before the charts drew these in
# Python: the page's markup must not change.
TEMPLATE_LOOPS = Template(
    "{% for label in chart.y_labels %}"
    '<text x="{{ label.x }}" y="{{ label.y }}" text-anchor="end">{{ label.text }}</text>'
    "{% endfor %}|{% for point in chart.points %}"
    '<circle class="dot" cx="{{ point.x }}" cy="{{ point.y }}" r="3.5"><title>Week of '
    "{{ point.label }}: {% widthratio point.value 1 100 %}% of {{ point.reviews }}</title>"
    "</circle>{% endfor %}|{% for label in chart.x_labels %}"
    '<text x="{{ label.x }}" y="{{ label.y }}" text-anchor="middle">{{ label.text }}</text>'
    "{% endfor %}|{% for row in weeks %}<tr><td>{{ row.week }}</td>"
    '<td class="num">{{ row.reviews }}</td><td class="num">{{ row.due_reviews }}</td>'
    '<td class="num">{% if row.retention is not None %}{% widthratio row.retention 1 100 %}%'
    "{% else %}–{% endif %}</td></tr>{% endfor %}"
)


def test_retention_chart_and_table_draw_what_the_template_loops_drew():
    weeks = [
        {"week": "2026-11-02", "retention": 0.875, "reviews": 10, "due_reviews": 8},
        {"week": "2026-11-09", "retention": None, "reviews": 3, "due_reviews": 0},
        {"week": "2026-11-16", "retention": 0.8333, "reviews": 7, "due_reviews": 6},
        {"week": "2026-11-23", "retention": 1.0, "reviews": 1, "due_reviews": 1},
    ]
    chart = retention_chart(weeks, target=0.9)

    drawn = "|".join(
        str(part)
        for part in (
            chart.svg_y_labels,
            chart.svg_points,
            chart.svg_x_labels,
            retention_table_rows(weeks),
        )
    )

    assert drawn == TEMPLATE_LOOPS.render(Context({"chart": chart, "weeks": weeks}))
    assert "Week of 02 Nov: 88% of 10</title>" in drawn
    assert '<td class="num">–</td>' in drawn


def test_chart_labels_are_escaped():
    chart = bar_chart([{"date": TODAY.isoformat(), "count": 1}], today=TODAY)
    chart.x_labels[0] = type(chart.x_labels[0])(x=1, y=2, text="<b>&")

    assert str(chart.svg_x_labels) == '<text x="1" y="2" text-anchor="middle">&lt;b&gt;&amp;</text>'


def test_mastery_bars_stack_new_learning_young_mature():
    bars = mastery_bars(
        [
            {
                "bank": 1,
                "title": "A",
                "total": 4,
                "new": 1,
                "learning": 1,
                "young": 0,
                "mature": 2,
                "mastery": 40.0,
            }
        ],
        width=100,
    )

    parts = {part.name: (part.x, part.width) for part in bars[0].parts}
    assert parts == {"New": (0, 25), "Learning": (25, 25), "Young": (50, 0), "Mature": (50, 50)}
    assert bars[0].mastery == 40.0


def test_heatmap_of_day_counts_draws_what_the_heatmap_of_rows_draws():
    counts = {TODAY - timedelta(days=d): d % 4 for d in range(40)}
    rows = [{"date": day.isoformat(), "count": count} for day, count in counts.items()]

    of_counts = heatmap(counts, today=TODAY, weeks=5)
    of_rows = heatmap(rows, today=TODAY, weeks=5)

    assert str(of_counts.svg_cells) == str(of_rows.svg_cells)
    assert str(of_counts.table_rows) == str(of_rows.table_rows)
    assert (of_counts.total, of_counts.active_days) == (of_rows.total, of_rows.active_days)
    assert of_counts.total == sum(c for d, c in counts.items() if d >= TODAY - timedelta(days=32))
    assert of_counts.busiest.day == TODAY - timedelta(days=31)  # the earliest day of 3 shown
    assert of_counts.busiest_label == "27 Oct 2026"
    assert of_counts.cells == of_rows.cells


# What the progress template wrote with its loops over the banks before the charts
# drew them in Python: the page's markup must not change.
MASTERY_LOOPS = Template(
    '<p class="legend">{% for key, name, css in parts %}<span class="swatch {{ css }}" '
    'aria-hidden="true"></span> {{ name }} {% endfor %}</p>\n'
    "    {% for bar in mastery %}\n"
    '    <div class="mastery-row">\n'
    '      <div class="mastery-label"><span>{{ bar.title }}</span><strong>'
    "{{ bar.mastery|floatformat:0 }}%</strong></div>\n"
    '      <svg class="stack-svg" viewBox="0 0 300 10" preserveAspectRatio="none" role="img" '
    'aria-label="{{ bar.title }}: {% for part in bar.parts %}{{ part.count }} '
    '{{ part.name|lower }}{% if not forloop.last %}, {% endif %}{% endfor %}">\n'
    '        {% for part in bar.parts %}{% if part.count %}<rect x="{{ part.x }}" y="0" '
    'width="{{ part.width }}" height="10" class="{{ part.css }}"/>{% endif %}{% endfor %}\n'
    '        {% if not bar.total %}<rect x="0" y="0" width="300" height="10" '
    'class="stack-new"/>{% endif %}\n'
    "      </svg>\n"
    "    </div>\n"
    "    {% empty %}\n"
    '    <p class="muted">No banks yet.</p>\n'
    "    {% endfor %}|"
    '<th scope="col">Bank</th>{% for key, name, css in parts %}<th scope="col" '
    'class="num">{{ name }}</th>{% endfor %}|'
    "{% for bar in mastery %}<tr><td>{{ bar.title }}</td>{% for part in bar.parts %}"
    '<td class="num">{{ part.count }}</td>{% endfor %}<td class="num">'
    "{{ bar.mastery|floatformat:0 }}%</td><td>{{ bar.quizzes }}</td></tr>{% endfor %}"
)


def _bank(title, mastery, quizzes=None, **counts):
    counts = {"new": 0, "learning": 0, "young": 0, "mature": 0, **counts}
    quizzes = quizzes or {"finished": 0, "best_score": None, "last_score": None, "recent": []}
    return {"bank": len(title), "title": title, "total": sum(counts.values()), **counts,
            "mastery": mastery, "quizzes": quizzes}  # fmt: skip


@pytest.mark.parametrize(
    "banks",
    [
        [],
        [
            _bank('World & <Economy> "news" it\'s', 12.5, new=1, learning=2, young=0, mature=3),
            _bank("Nothing studied", 0.0),
            _bank("Mostly mature", 99.95, new=7, learning=1, young=13, mature=1234),
            _bank(
                "Done",
                100.0,
                mature=3,
                quizzes={
                    "finished": 12,
                    "best_score": 66.7,
                    "last_score": 50.0,
                    "recent": [],
                },
            ),  # fmt: skip
            _bank("Thirds", 33.35, new=1, learning=1, young=1),
        ],
    ],
)
def test_mastery_rows_and_table_draw_what_the_template_loops_drew(banks):
    bars = mastery_bars(banks)

    drawn = (
        f'<p class="legend">{MASTERY_LEGEND}</p>\n    {mastery_rows(bars)}|'
        f'<th scope="col">Bank</th>{MASTERY_HEAD}|{mastery_table_rows(bars)}'
    )

    assert drawn == MASTERY_LOOPS.render(Context({"mastery": bars, "parts": MASTERY_PARTS}))
    if banks:
        assert "World &amp; &lt;Economy&gt; &quot;news&quot; it&#x27;s" in drawn
        assert "<strong>13%</strong>" in drawn  # 12.5 rounds half up, as floatformat does
        assert "<td>12, best 67%, last 50%</td>" in drawn
        assert "<td>none</td>" in drawn
    else:
        assert "No banks yet." in drawn


@pytest.mark.parametrize(
    ("percent", "css"),
    [(None, "w-0"), (0, "w-0"), (42, "w-40"), (43, "w-45"), (100, "w-100"), (130, "w-100")],
)
def test_width_class(percent, css):
    assert width_class(percent) == css
