"""Geometry of the progress charts, computed on the server (pure functions,
plain dataclasses). Templates draw them as inline SVG with presentation
attributes and classes only (no inline styles, so the strict CSP holds), next
to a table with the same numbers for screen readers."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from html import escape
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

HEAT_CELL = 12
HEAT_GAP = 3
HEAT_TOP = 16
HEAT_LEFT = 26


def _parse_day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@dataclass(slots=True)
class HeatCell:
    """A day of the calendar (not frozen: a frozen dataclass's __init__, a year of
    them on every progress page, cost more than the rest of the heatmap)."""

    x: int
    y: int
    day: date
    count: int
    level: int  # 0..4


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


def svg_texts(labels: list[Label], anchor: str = "") -> SafeString:
    """The labels as SVG <text> elements (drawn here, not by a template loop: a
    page's few dozen labels were three lookups each through the template engine)."""
    attribute = f' text-anchor="{anchor}"' if anchor else ""
    return mark_safe(  # numbers, a fixed anchor, and the texts escaped here
        "".join(
            f'<text x="{label.x}" y="{label.y}"{attribute}>{escape(label.text)}</text>'
            for label in labels
        )
    )


@dataclass
class Heatmap:
    """A year of days (53 weeks, Monday on top, today in the last column), drawn
    from the days' counts: the SVG cells and the table rows are strings joined
    from a layout made once per `today` (_layout: the same for every student, it
    holds no count), not from a cell object per day through the template engine
    (a date filter and seven lookups a cell were most of the progress page's
    time). `cells` is there for whoever wants them as objects (made when asked)."""

    width: int
    height: int
    counts: dict[date, int]  # the days with reviews inside the calendar
    today: date
    weeks: int
    months: list[Label]
    weekdays: list[Label]
    peak: int
    total: int
    active_days: int
    busiest: HeatCell | None

    @cached_property
    def cells(self) -> list[HeatCell]:
        counts, peak = self.counts, self.peak
        return [
            HeatCell(x, y, day, counts.get(day, 0), heat_level(counts.get(day, 0), peak))
            for day, x, y, *_ in _layout(self.today, self.weeks)
        ]

    @cached_property
    def svg_cells(self) -> SafeString:
        counts, peak = self.counts, self.peak
        parts = []
        for day, _, _, _, empty, head, title in _layout(self.today, self.weeks):
            count = counts.get(day)
            if not count:
                parts.append(empty)
                continue
            parts.append(
                f"{head}{heat_level(count, peak)}{title}{count} review{'' if count == 1 else 's'}"
                "</title></rect>"
            )
        return mark_safe("".join(parts))  # ints and day_label's names only

    @cached_property
    def svg_labels(self) -> SafeString:
        return mark_safe(svg_texts(self.months) + svg_texts(self.weekdays))

    @cached_property
    def table_rows(self) -> SafeString:
        counts = self.counts
        return mark_safe(  # ints and day_label's names only
            "".join(
                _ROW % (label, counts[day])
                for day, _, _, label, *_ in _layout(self.today, self.weeks)
                if counts.get(day)
            )
        )

    @cached_property
    def busiest_label(self) -> str:
        """The busiest day as the template's `date:"j M Y"` writes it ("" without one)."""
        if self.busiest is None:
            return ""
        day = self.busiest.day
        return f"{day.day} {_MONTHS[day.month]} {day.year}"


_RECT_HEAD = '<rect x="%d" y="%d" width="12" height="12" rx="2" class="heat-'
_RECT_TITLE = '"><title>%s: '
_EMPTY_RECT = _RECT_HEAD + "0" + _RECT_TITLE + "0 reviews</title></rect>"
_ROW = '<tr><td>%s</td><td class="num">%d</td></tr>'


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date) -> str:
    """ "Wed 2 Dec 2026", as the template's `date:"D j M Y"` writes it (English
    names from tables: strftime twice a cell was a third of the heatmap's time)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month]} {day.year}"


def heat_level(count: int, peak: int) -> int:
    if count <= 0 or peak <= 0:
        return 0
    return min(4, max(1, math.ceil(4 * count / peak)))


def _first_day(today: date, weeks: int) -> date:
    """The calendar's first day: the Monday `weeks - 1` weeks before today's."""
    return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)


# (day, x, y, its label, the cell drawn without reviews, its markup up to its level,
# from its level to its count)
_Slot = tuple[date, int, int, str, str, str, str]


@lru_cache(maxsize=16)  # a few todays at once (students' time zones), a few weeks' sizes
def _layout(today: date, weeks: int) -> tuple[_Slot, ...]:
    """The calendar's days from its first Monday to `today`, each with its place
    and the fixed parts of its markup (its position, its label): what every
    student's heatmap of this `today` shares."""
    slots = []
    day = _first_day(today, weeks)
    one_day = timedelta(days=1)
    for week in range(weeks):
        x = HEAT_LEFT + week * (HEAT_CELL + HEAT_GAP)
        for weekday in range(7):
            if day > today:
                break
            y = HEAT_TOP + weekday * (HEAT_CELL + HEAT_GAP)
            label = day_label(day)
            slots.append(
                (
                    day,
                    x,
                    y,
                    label,
                    _EMPTY_RECT % (x, y, label),
                    _RECT_HEAD % (x, y),
                    _RECT_TITLE % label,
                )
            )
            day += one_day
        else:
            continue
        break
    return tuple(slots)


def heatmap(
    days: Mapping[date, int] | list[dict[str, Any]], *, today: date, weeks: int = 53
) -> Heatmap:
    """A GitHub-style calendar: one column per week (Monday on top), the last
    column holding `today`. `days` are a day -> count mapping, or {"date":
    "YYYY-MM-DD", "count": n} rows."""
    first = _first_day(today, weeks)
    counts = _counts_between(days, first, today)
    peak = max(counts.values(), default=0)
    weekdays = [
        Label(x=0, y=HEAT_TOP + row * (HEAT_CELL + HEAT_GAP) + HEAT_CELL - 2, text=name)
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
    ]
    return Heatmap(
        width=HEAT_LEFT + weeks * (HEAT_CELL + HEAT_GAP),
        height=HEAT_TOP + 7 * (HEAT_CELL + HEAT_GAP),
        counts=counts,
        today=today,
        weeks=weeks,
        months=_month_labels(first, today, weeks),
        weekdays=weekdays,
        peak=peak,
        total=sum(counts.values()),
        active_days=len(counts),
        busiest=_busiest(counts, peak, today, weeks),
    )


def _counts_between(
    days: Mapping[date, int] | list[dict[str, Any]], first: date, today: date
) -> dict[date, int]:
    """Day -> count of the days from `first` to `today` with a count."""
    if isinstance(days, Mapping):
        return {day: int(count) for day, count in days.items() if count and first <= day <= today}
    counts: dict[date, int] = {}
    for row in days:
        if count := int(row["count"]):
            day = _parse_day(row["date"])
            if first <= day <= today:
                counts[day] = counts.get(day, 0) + count
    return counts


def _month_labels(first: date, today: date, weeks: int) -> list[Label]:
    """A month's name over the week holding its first Monday."""
    months = []
    seen_month = None
    for week in range(weeks):
        day = first + timedelta(weeks=week)
        if day > today:
            break
        if day.month != seen_month and day.day <= 7:
            months.append(
                Label(x=HEAT_LEFT + week * (HEAT_CELL + HEAT_GAP), y=10, text=_MONTHS[day.month])
            )
        seen_month = day.month
    return months


def _busiest(counts: dict[date, int], peak: int, today: date, weeks: int) -> HeatCell | None:
    """The earliest of the days with the most reviews, as a cell of the calendar."""
    if not counts:
        return None
    day = min(day for day, count in counts.items() if count == peak)
    x, y = next((slot[1], slot[2]) for slot in _layout(today, weeks) if slot[0] == day)
    return HeatCell(x, y, day, peak, heat_level(peak, peak))


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: date
    count: int
    today: bool


@dataclass
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    x_labels: list[Label]
    y_labels: list[Label]
    baseline: float
    peak: int
    total: int
    rows: list[dict[str, Any]] = field(default_factory=list)

    # Drawn here like the heatmap's cells: 30 bars and 30 rows through the template
    # engine (a date filter and up to seven lookups each) were most of what the
    # progress page still spent rendering.
    @cached_property
    def svg_bars(self) -> SafeString:
        return mark_safe(  # numbers, and the labels escaped here
            "".join(
                _BAR
                % (
                    b.x,
                    b.y,
                    b.width,
                    b.height,
                    " bar-today" if b.today else "",
                    escape(short_day_label(b.day)),
                    b.count,
                )
                for b in self.bars
                if b.count
            )
        )

    @cached_property
    def table_rows(self) -> SafeString:
        return mark_safe(  # ints, and the labels escaped here
            "".join(_ROW % (escape(short_day_label(b.day)), b.count) for b in self.bars)
        )

    @cached_property
    def svg_y_labels(self) -> SafeString:
        return svg_texts(self.y_labels, "end")

    @cached_property
    def svg_x_labels(self) -> SafeString:
        return svg_texts(self.x_labels, "middle")


_BAR = (
    '<rect x="%s" y="%s" width="%s" height="%s" rx="2" class="bar%s">'
    "<title>%s: %d due</title></rect>"
)


def short_day_label(day: date) -> str:
    """ "Wed 2 Dec", as the template's `date:"D j M"` writes it."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month]}"


def nice_ceiling(value: float) -> int:
    """The next 'round' number at or above value (1, 2, 5, 10, 20, 50, ...)."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return int(10 * magnitude)


def bar_chart(
    rows: list[dict[str, Any]], *, today: date, width: int = 360, height: int = 170
) -> BarChart:
    """Bars of {"date", "count"} rows (the 30-day due forecast)."""
    left, right, top, bottom = 32, 6, 8, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((int(r["count"]) for r in rows), default=0)
    scale_max = nice_ceiling(peak)
    slot = plot_w / max(len(rows), 1)
    bars, x_labels = [], []
    for index, row in enumerate(rows):
        day = _parse_day(row["date"])
        count = int(row["count"])
        bar_h = plot_h * count / scale_max
        x = left + index * slot
        bars.append(
            Bar(
                x=round(x + slot * 0.15, 1),
                y=round(top + plot_h - bar_h, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_h, 1),
                day=day,
                count=count,
                today=day == today,
            )
        )
        if index % 7 == 0:
            x_labels.append(
                Label(x=round(x + slot / 2, 1), y=height - 6, text=day.strftime("%d %b"))
            )
    marks = (0, scale_max // 2, scale_max) if scale_max % 2 == 0 else (0, scale_max)
    y_labels = [
        Label(x=left - 4, y=round(top + plot_h * (1 - m / scale_max) + 4, 1), text=str(m))
        for m in marks
    ]
    return BarChart(
        width=width,
        height=height,
        bars=bars,
        x_labels=x_labels,
        y_labels=y_labels,
        baseline=top + plot_h,
        peak=peak,
        total=sum(bar.count for bar in bars),
        rows=[{"day": bar.day, "count": bar.count} for bar in bars],
    )


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    value: float | None
    reviews: int


@dataclass
class LineChart:
    width: int
    height: int
    points: list[Point]
    path: str
    x_labels: list[Label]
    y_labels: list[Label]
    target_y: float | None
    baseline: float
    left: int
    right_edge: float

    @cached_property
    def svg_y_labels(self) -> SafeString:
        return svg_texts(self.y_labels, "end")

    @cached_property
    def svg_x_labels(self) -> SafeString:
        return svg_texts(self.x_labels, "middle")

    @cached_property
    def svg_points(self) -> SafeString:
        """The weeks' dots, each titled with its retention (as `widthratio value 1
        100` writes a percentage) and its number of answers."""
        return mark_safe(  # numbers, and the labels escaped here
            "".join(
                f'<circle class="dot" cx="{p.x}" cy="{p.y}" r="3.5"><title>Week of '
                f"{escape(p.label)}: {round(float(p.value or 0) / 1.0 * 100)}% of {p.reviews}"
                "</title></circle>"
                for p in self.points
            )
        )


def retention_table_rows(weeks: list[dict[str, Any]]) -> SafeString:
    """The retention table's rows ({"week", "reviews", "due_reviews", "retention"}):
    week, all answers, due reviews, retention in % ("–" without due reviews)."""
    return mark_safe(  # ISO dates, ints and percentages
        "".join(
            f'<tr><td>{escape(str(row["week"]))}</td><td class="num">{int(row["reviews"])}</td>'
            f'<td class="num">{int(row["due_reviews"])}</td><td class="num">'
            + (
                f"{round(float(row['retention']) / 1.0 * 100)}%"
                if row["retention"] is not None
                else "–"
            )
            + "</td></tr>"
            for row in weeks
        )
    )


def retention_chart(
    rows: list[dict[str, Any]], *, target: float | None = None, width: int = 360, height: int = 170
) -> LineChart:
    """A line of weekly retention ({"week", "retention" (0..1 or None), "reviews"}),
    with the desired retention as a dashed line. Weeks without reviews are gaps."""
    left, right, top, bottom = 40, 8, 10, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    floor = 0.5

    def y_of(value: float) -> float:
        clamped = min(1.0, max(floor, value))
        return round(top + plot_h * (1 - (clamped - floor) / (1 - floor)), 1)

    slot = plot_w / max(len(rows) - 1, 1)
    points, commands, x_labels = [], [], []
    pen_down = False
    for index, row in enumerate(rows):
        x = round(left + index * slot, 1) if len(rows) > 1 else left + plot_w / 2
        week = _parse_day(row["week"])
        value = row.get("retention")
        label = week.strftime("%d %b")
        if value is None:
            pen_down = False
        else:
            y = y_of(float(value))
            commands.append(f"{'L' if pen_down else 'M'}{x},{y}")
            pen_down = True
            points.append(
                Point(x=x, y=y, label=label, value=float(value), reviews=int(row.get("reviews", 0)))
            )
        step = max(1, math.ceil(len(rows) / 4))
        if index % step == 0:
            x_labels.append(Label(x=x, y=height - 6, text=label))
    y_labels = [
        Label(x=left - 4, y=y_of(v) + 4, text=f"{round(v * 100)}%") for v in (0.5, 0.75, 1.0)
    ]
    return LineChart(
        width=width,
        height=height,
        points=points,
        path=" ".join(commands),
        x_labels=x_labels,
        y_labels=y_labels,
        target_y=y_of(target) if target else None,
        baseline=top + plot_h,
        left=left,
        right_edge=width - right,
    )


@dataclass(frozen=True)
class StackPart:
    name: str
    count: int
    x: float
    width: float
    css: str


@dataclass
class MasteryBar:
    title: str
    bank_id: int
    mastery: float
    total: int
    parts: list[StackPart]
    quizzes: str = "none"  # finished quizzes, best and last score (quizzes_text)


MASTERY_PARTS = (
    ("new", "New", "stack-new"),
    ("learning", "Learning", "stack-learning"),
    ("young", "Young", "stack-young"),
    ("mature", "Mature", "stack-mature"),
)


def mastery_bars(banks: list[dict[str, Any]], *, width: int = 300) -> list[MasteryBar]:
    """One stacked bar per bank: new / learning / young / mature cards."""
    bars = []
    for bank in banks:
        total = sum(int(bank.get(key, 0)) for key, _, _ in MASTERY_PARTS)
        x = 0.0
        parts = []
        for key, name, css in MASTERY_PARTS:
            count = int(bank.get(key, 0))
            part_w = width * count / total if total else 0
            parts.append(
                StackPart(name=name, count=count, x=round(x, 1), width=round(part_w, 1), css=css)
            )
            x += part_w
        bars.append(
            MasteryBar(
                title=bank["title"],
                bank_id=bank["bank"],
                mastery=float(bank.get("mastery", 0.0)),
                total=int(bank.get("total", total)),
                parts=parts,
                quizzes=quizzes_text(bank.get("quizzes")),
            )
        )
    return bars


# The mastery section's rows and table drawn here, as the template's loops wrote
# them (a bank's title escaped as the template escapes it, its mastery through the
# same floatformat): per bank, two loops over four parts through the template
# engine cost more than the rest of the section.
_MASTERY_ROW = (
    '\n    <div class="mastery-row">\n      <div class="mastery-label"><span>{title}</span>'
    "<strong>{mastery}%</strong></div>\n"
    '      <svg class="stack-svg" viewBox="0 0 300 10" preserveAspectRatio="none" role="img" '
    'aria-label="{title}: {counts}">\n        {rects}\n        {empty}\n      </svg>\n    </div>\n    '
)
_MASTERY_EMPTY = '\n    <p class="muted">No banks yet.</p>\n    '
_MASTERY_WHOLE = '<rect x="0" y="0" width="300" height="10" class="stack-new"/>'


def _mastery_text(bar: MasteryBar) -> str:
    return str(floatformat(bar.mastery, 0))


def mastery_rows(bars: list[MasteryBar]) -> SafeString:
    """Each bank's label and stacked bar ("No banks yet." without any)."""
    if not bars:
        return mark_safe(_MASTERY_EMPTY)
    return mark_safe(  # titles escaped here, numbers and fixed names
        "".join(
            _MASTERY_ROW.format(
                title=conditional_escape(bar.title),
                mastery=_mastery_text(bar),
                counts=", ".join(f"{part.count} {part.name.lower()}" for part in bar.parts),
                rects="".join(
                    f'<rect x="{part.x}" y="0" width="{part.width}" height="10" '
                    f'class="{part.css}"/>'
                    for part in bar.parts
                    if part.count
                ),
                empty="" if bar.total else _MASTERY_WHOLE,
            )
            for bar in bars
        )
    )


def quizzes_text(quizzes: dict[str, Any] | None) -> str:
    """A bank's finished quizzes as the mastery table shows them: "3, best 80%,
    last 60%" (the progress summary's figures, as the API gives them), "none"."""
    if not quizzes or not quizzes["finished"]:
        return "none"
    best, last = floatformat(quizzes["best_score"], 0), floatformat(quizzes["last_score"], 0)
    return f"{quizzes['finished']}, best {best}%, last {last}%"


def mastery_table_rows(bars: list[MasteryBar]) -> SafeString:
    """The mastery table's rows: bank, its cards of each part, its mastery, its quizzes."""
    return mark_safe(  # titles escaped here, numbers
        "".join(
            f"<tr><td>{conditional_escape(bar.title)}</td>"
            + "".join(f'<td class="num">{part.count}</td>' for part in bar.parts)
            + f'<td class="num">{_mastery_text(bar)}%</td><td>{bar.quizzes}</td></tr>'
            for bar in bars
        )
    )


# The parts' legend and the table's head: the same on every page.
MASTERY_LEGEND = mark_safe(
    "".join(
        f'<span class="swatch {css}" aria-hidden="true"></span> {name} '
        for _, name, css in MASTERY_PARTS
    )
)
MASTERY_HEAD = mark_safe(
    "".join(f'<th scope="col" class="num">{name}</th>' for _, name, _ in MASTERY_PARTS)
)


def width_class(percent: float | None) -> str:
    """CSS class w-0 .. w-100 (steps of 5) for a meter filled to `percent`."""
    if percent is None:
        return "w-0"
    return f"w-{int(round(max(0.0, min(100.0, percent)) / 5) * 5)}"
