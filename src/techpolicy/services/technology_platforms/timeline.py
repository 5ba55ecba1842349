"""A road-map version as a simple timeline chart, drawn on the server as SVG geometry (no script, no
style attribute, nothing from another host): one bar per stage over its period, one mark per item
at its due date, and a tick per year. The template draws the shapes this module places."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

WIDTH = 900
LABEL = 260  # the left column with the stages' names
ROW = 34
TOP = 28
MAX_ROWS = 60  # a version has at most 50 stages (roadmap.MAX_STAGES)
FILL = {"planned": "#9aa7b8", "in_progress": "#e0a100", "done": "#2e8b57"}


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    status: str
    fill: str
    title: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    label: str
    period: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...] = field(default_factory=tuple)


MAX_TICKS = 20


def _years(start: dt.date, end: dt.date) -> list[dt.date]:
    """1 January of the years inside the period, at most MAX_TICKS of them (every n-th year)."""
    step = max(-(-(end.year - start.year) // MAX_TICKS), 1)
    return [dt.date(year, 1, 1) for year in range(start.year + 1, end.year + 1, step)]


def chart(stages: list[dict]) -> Chart | None:
    """The chart of `roadmap.items_with_check(version)`; None for a version without stages."""
    rows = stages[:MAX_ROWS]
    if not rows:
        return None
    start = min(s["stage"].starts_on for s in rows)
    end = max([s["stage"].ends_on for s in rows] + [i["item"].due_on for s in rows for i in s["items"]])
    span = max((end - start).days, 1)
    plot = WIDTH - LABEL - 20

    def x(day: dt.date) -> float:
        return round(LABEL + plot * (day - start).days / span, 1)

    bars = []
    for row, entry in enumerate(rows):
        stage, y = entry["stage"], TOP + row * ROW
        marks = tuple(Mark(x(i["item"].due_on), y + 11, i["item"].status, FILL.get(i["item"].status, FILL["planned"]),
                           f"{i['item'].due_on.isoformat()} · {i['item'].milestone}") for i in entry["items"])
        bars.append(Bar(x(stage.starts_on), y, max(x(stage.ends_on) - x(stage.starts_on), 2.0),
                        f"{stage.order}. {stage.name}"[:48],
                        f"{stage.starts_on.isoformat()} – {stage.ends_on.isoformat()}", marks))
    ticks = tuple((x(day), str(day.year)) for day in _years(start, end))
    return Chart(WIDTH, TOP + len(rows) * ROW + 10, LABEL, tuple(bars), ticks)
