"""Charts of the forecasting report as PNG bytes, labelled in the report's language.

Each chart is drawn on its own `matplotlib.figure.Figure` (Agg, no pyplot state) in DejaVu Sans,
the font the PDF uses too, so Kazakh letters render. Every function accepts empty or degenerate
input (no rounds, one round, one technology, NaN) and then draws what there is, or a "no data"
note, instead of raising.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib
import numpy as np
from matplotlib import cm, colors
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from techpolicy.casework.pdf_fonts import FAMILY
from techpolicy.forecasting.report.data import (
    SCENARIO_KEYS,
    Consensus,
    DelphiDistribution,
    RadarPoint,
    ScenarioSeries,
    TrendSection,
    answer_scale,
)
from techpolicy.forecasting.report.labels import check_language, label, optional_label, question_label

DPI = 150
_RC = {"font.family": FAMILY, "font.size": 8.5, "axes.titlesize": 10, "legend.fontsize": 7.5,
       "axes.spines.top": False, "axes.spines.right": False}
SCENARIO_STYLES = {
    "stagnation": ("#b3261e", ":"),
    "inertia": ("#5b6b7c", "--"),
    "new_niches": ("#00609c", "-."),
    "breakthrough": ("#2e7d32", "-"),
}
NO_LEVEL = "#c0c0c0"  # a technology whose level was not assessed
_ROUND_COLOURS = ("#9ecae1", "#4292c6", "#08519c", "#08306b")


@contextmanager
def _figure(lang: str, size: tuple[float, float]) -> Iterator[Figure]:
    """A new figure of `size` inches in the report's style, once `lang` is known to be a report language."""
    check_language(lang)
    # rc_context only while the figure is drawn: the process-wide defaults stay as they were.
    with matplotlib.rc_context(_RC):
        yield Figure(figsize=size, layout="constrained")


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _no_data(ax: Axes, lang: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, label("no_data", lang), ha="center", va="center", fontsize=11, color="#5b6b7c",
            transform=ax.transAxes)


def _finite(*arrays: Sequence[float]) -> np.ndarray:
    """Mask of positions where every array holds a finite number."""
    mask = np.ones(len(arrays[0]), dtype=bool)
    for a in arrays:
        mask &= np.isfinite(np.asarray(a, dtype=float))
    return mask


def _fmt(value: float) -> str:
    return "—" if not math.isfinite(value) else f"{value:.4g}"


def trend_chart(section: TrendSection, lang: str) -> bytes:
    """Observed points, the fitted trend, the forecast with its shaded interval and expert corrections."""
    with _figure(lang, (7.0, 3.8)) as fig:
        ax = fig.add_subplot()
        obs = _finite(section.observed_years, section.observed_values) if section.observed_years else []
        fit = _finite(section.fitted_years, section.fitted_values) if section.fitted_years else []
        fc = _finite(section.forecast_years, section.point) if section.forecast_years else []
        if not (np.any(obs) or np.any(fit) or np.any(fc)):
            _no_data(ax, lang)
            return _png(fig)
        x, y = np.asarray(section.observed_years), np.asarray(section.observed_values)
        if np.any(obs):
            ax.plot(x[obs], y[obs], "o", color="#1f2933", ms=4, label=label("observed", lang))
        if np.any(fit):
            order = np.argsort(np.asarray(section.fitted_years)[fit])
            ax.plot(np.asarray(section.fitted_years)[fit][order], np.asarray(section.fitted_values)[fit][order],
                    "-", color="#00609c", lw=1.6,
                    label=f"{label('fitted', lang)} ({optional_label('model_' + section.model, lang, section.model)})")
        if np.any(fc):
            years = np.asarray(section.forecast_years)
            band = fc & _finite(section.forecast_years, section.lower, section.upper)
            if np.any(band):
                ax.fill_between(years[band], np.asarray(section.lower)[band], np.asarray(section.upper)[band],
                                color="#00609c", alpha=0.15, lw=0,
                                label=label("interval", lang, level=f"{section.level * 100:g}"))
            ax.plot(years[fc], np.asarray(section.point)[fc], "--", color="#00609c", lw=1.6,
                    label=label("forecast", lang))
        shown = [c for c in section.corrections if math.isfinite(c.year) and math.isfinite(c.corrected)]
        for i, c in enumerate(shown):
            ax.vlines(c.year, c.fitted, c.corrected, color="#b3261e", lw=0.8)
            ax.plot([c.year], [c.corrected], "D", color="#b3261e", ms=5,
                    label=label("corrected", lang) if i == 0 else None)
        ax.set_title(section.name + (f" ({section.unit})" if section.unit else ""))
        ax.set_xlabel(label("year", lang))
        ax.set_ylabel(section.unit or label("value", lang))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(alpha=0.3)
        ax.legend(loc="best")
        return _png(fig)


def delphi_distribution_chart(dist: DelphiDistribution, lang: str) -> bytes:
    """Bars of experts per answer value, one group of bars per round, medians and quartiles in the legend."""
    with _figure(lang, (7.0, 3.4)) as fig:
        ax = fig.add_subplot()
        scale = answer_scale(dist)
        if not scale or not any(r.n for r in dist.rounds):
            _no_data(ax, lang)
            return _png(fig)
        positions = np.arange(len(scale))
        k = len(dist.rounds)
        width = 0.8 / k
        for j, r in enumerate(dist.rounds):
            heights = [r.counts.get(v, 0) for v in scale]
            text = (f"{label('round_n', lang, n=r.label)}: {label('median', lang).lower()} {_fmt(r.median)}, "
                    f"Q1–Q3 {_fmt(r.q1)}–{_fmt(r.q3)}, n = {r.n}")
            ax.bar(positions + (j - (k - 1) / 2) * width, heights, width * 0.95, label=text,
                   color=_ROUND_COLOURS[j % len(_ROUND_COLOURS)] if k <= len(_ROUND_COLOURS) else None)
        ax.set_xticks(positions, [f"{v:g}" for v in scale])
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(label("answer_value", lang))
        ax.set_ylabel(label("experts", lang))
        ax.set_title(f"{dist.technology} — {question_label(dist.question, lang)}")
        ax.grid(axis="y", alpha=0.3)
        ax.legend(loc="best")
        return _png(fig)


def consensus_chart(consensus: Consensus, lang: str) -> bytes:
    """Relative IQR per round for each technology (lines); Kendall's W per round on the right axis."""
    with _figure(lang, (7.0, 3.6)) as fig:
        ax = fig.add_subplot()
        rounds = list(consensus.rounds)
        series = [s for s in consensus.technologies if len(s.rel_iqr) == len(rounds)]
        w = consensus.kendall_w if consensus.kendall_w is not None and len(consensus.kendall_w) == len(rounds) else None
        has_w = w is not None and bool(np.any(np.isfinite(w)))
        if not rounds or not (series or has_w):
            _no_data(ax, lang)
            return _png(fig)
        for s in series:
            ax.plot(rounds, s.rel_iqr, "o-", lw=1.4, ms=4, label=s.technology)
        ax.set_xticks(rounds, [label("round_n", lang, n=r) for r in rounds])
        if len(rounds) == 1:
            ax.set_xlim(rounds[0] - 1, rounds[0] + 1)  # one round: keep the single tick in the middle
        ax.set_ylabel(label("rel_iqr_axis", lang))
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        if has_w:
            right = ax.twinx()
            right.spines["right"].set_visible(True)
            right.plot(rounds, w, "s--", color="#1f2933", lw=1.2, ms=5, label="W")
            right.set_ylim(0, 1.05)
            right.set_ylabel(label("kendall_w_axis", lang))
        handles, names = [], []
        for axes in fig.axes:
            more, more_names = axes.get_legend_handles_labels()
            handles, names = handles + more, names + more_names
        ax.set_title(question_label(consensus.question, lang))
        # Below the plot, outside it: technology names are long and the lines fill the whole area.
        fig.legend(handles, [textwrap.shorten(n, 45) for n in names], loc="outside lower center",
                   ncol=min(3, len(names)))
        return _png(fig)


def _importance_size(importance: np.ndarray) -> np.ndarray:
    """Marker area for an importance median (1..5 scale); growing faster than linear so 4 and 5 differ."""
    return np.where(np.isfinite(importance), 20 + 25 * np.clip(importance - 1, 0, 8) ** 1.5, 20)


def radar_chart(points: Sequence[RadarPoint], lang: str, *, base_year: int | None = None) -> bytes:
    """A technology radar: rings are the expected year of use, point size the importance, colour the level.

    A polar plot of the criteria was the alternative; it was not chosen because the criteria are on
    different scales (a calendar year beside 1..5 medians) and one polygon per technology becomes
    unreadable past a handful of technologies. The ring layout answers the report's question
    directly (which key technologies come when, how important they are, how far behind the
    leaders Kazakhstan is) and scales to a few dozen technologies. Angles carry no meaning: the
    technologies are spread evenly in the given order and numbered; the list beside the radar names
    them. Technologies without a year are listed, not placed. `base_year` (e.g. the report's year)
    is the centre; earlier years are drawn at the centre.
    """
    with _figure(lang, (7.2, 4.4)) as fig:
        grid = fig.add_gridspec(1, 2, width_ratios=(3, 2))
        placed = [(i, p) for i, p in enumerate(points, start=1) if math.isfinite(p.readiness_year)]
        if not placed:
            _no_data(fig.add_subplot(grid[0, :]), lang)
            return _png(fig)
        ax = fig.add_subplot(grid[0, 0], projection="polar")
        years = np.array([p.readiness_year for _, p in placed])
        centre = float(base_year) if base_year is not None else math.floor(years.min()) - 1
        outer = max(math.ceil(years.max()) + 1, centre + 2)
        radius = np.clip(years, centre, outer)
        theta = 2 * np.pi * np.arange(len(placed)) / len(placed) + np.pi / 2
        importance = np.array([p.importance for _, p in placed])
        sizes = _importance_size(importance)
        level = np.array([p.level_vs_leader for _, p in placed])
        finite_level = level[np.isfinite(level)]
        if finite_level.size:
            low, high = float(finite_level.min()), float(finite_level.max())
            norm = colors.Normalize(low - 0.5, high + 0.5) if low == high else colors.Normalize(low, high)
            mappable = cm.ScalarMappable(norm=norm, cmap="RdYlGn")
            face = [mappable.to_rgba(v) if math.isfinite(v) else colors.to_rgba(NO_LEVEL) for v in level]
            bar = fig.colorbar(mappable, ax=ax, shrink=0.6, pad=0.12)
            bar.set_label(textwrap.fill(label("question_level_vs_leader", lang), 28))
            bar.locator = MaxNLocator(nbins=5)
            bar.update_ticks()
        else:
            face = [colors.to_rgba(NO_LEVEL)] * len(placed)
        ax.scatter(theta, radius, s=sizes, c=face, edgecolors="#1f2933", linewidths=0.6, zorder=3)
        for (number, _), t, r in zip(placed, theta, radius, strict=True):
            ax.annotate(str(number), (t, r), xytext=(5, 4), textcoords="offset points", fontsize=7.5)
        ax.set_rlim(centre, outer)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.set_rlabel_position(100)
        ax.set_xticks([])
        ax.set_title(label("radar", lang), pad=16)
        names = fig.add_subplot(grid[0, 1])
        names.set_axis_off()
        lines = [f"{i}. {textwrap.shorten(p.technology, 42)}"
                 + ("" if math.isfinite(p.readiness_year) else f" ({label('no_year', lang)})")
                 for i, p in enumerate(points, start=1)]
        # A long list gets a smaller font so that it still fits beside the radar.
        size = 7.5 if len(lines) <= 22 else max(4.0, 7.5 * 22 / len(lines))
        names.text(0, 1, "\n".join(lines), va="top", ha="left", fontsize=size, transform=names.transAxes)
        known = importance[np.isfinite(importance)]
        if known.size:
            steps = sorted({float(np.floor(known.min())), float(np.ceil(known.max()))})
            handles = [ax.scatter([], [], s=_importance_size(np.array([v]))[0], c="white", edgecolors="#1f2933")
                       for v in steps]
            fig.legend(handles, [f"{v:g}" for v in steps], title=label("question_importance", lang),
                       loc="outside lower left", ncol=len(steps), frameon=False)
        return _png(fig)


def scenario_chart(series: ScenarioSeries, lang: str) -> bytes:
    """The trajectories of the four scenarios of paragraph 11(8) for one technology."""
    with _figure(lang, (7.0, 3.6)) as fig:
        ax = fig.add_subplot()
        drawn = False
        for key in SCENARIO_KEYS:
            values = series.values.get(key)
            if values is None or not series.years:
                continue
            mask = _finite(series.years, values)
            if not np.any(mask):
                continue
            colour, style = SCENARIO_STYLES[key]
            ax.plot(np.asarray(series.years)[mask], np.asarray(values)[mask], style, color=colour, lw=1.8,
                    marker="o" if mask.sum() == 1 else None, label=label("scenario_" + key, lang))
            drawn = True
        if not drawn:
            _no_data(ax, lang)
            return _png(fig)
        ax.set_title(series.technology)
        ax.set_xlabel(label("year", lang))
        ax.set_ylabel(series.unit or label("value", lang))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left")
        return _png(fig)
