"""How the monitoring pages word what the core answers: exact numbers in the page's language, the
labels of outcomes, states, verdicts and timeliness, the core's refusals translated, and the context
of the dashboard partial that an owner's page includes (`monitoring/_plan_dashboard.html`)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from techpolicy.forecasting.limits import MAX_HORIZON_YEARS
from techpolicy.site.amounts import exact

from . import dashboard, models
from .charts import indicator_chart
from .indicators import OUTCOME_LABELS, STATE_LABELS
from .obligations import TIMELINESS_LABELS
from .projection import VERDICT_LABELS, Projection


def signed(value) -> str:
    """A gap with its sign: + ahead of the target, − behind."""
    if isinstance(value, Decimal) and value > 0:
        return "+" + exact(value)
    return exact(value)


def outcome_label(outcome: str) -> str:
    return _(OUTCOME_LABELS[outcome])


def state_label(state: str) -> str:
    return _(STATE_LABELS[state])


def verdict_label(verdict: str) -> str:
    return _(VERDICT_LABELS[verdict])


def timeliness_label(timeliness: str) -> str:
    return _(TIMELINESS_LABELS[timeliness])


def projection_note(projection: Projection) -> str:
    """Why the projection says what it says, honestly: the data it rests on and what it could not use."""
    parts: list[str] = []
    if projection.basis == "observed":
        parts.append(_("The final year's approved figure is in: the verdict compares it with the final target."))
    elif projection.shortfall == "horizon":
        parts.append(_("The final year is more than %(years)d years after the last figure: the trend engine "
                       "does not forecast so far.") % {"years": MAX_HORIZON_YEARS})
    elif projection.shortfall in ("no_fit", "not_finite"):
        parts.append(_("No trend could be fitted to the figures (or its forecast exceeds every bound)."))
    elif projection.basis == "none":
        parts.append(_("%(used)d points (the base year and the years with an approved figure); the trend "
                       "engine needs at least %(needed)d.") % {"used": projection.used, "needed": projection.needed})
    elif len(projection.candidates) <= 1 and projection.skipped:
        # A line through so few points is the only trend that applies: no criterion chose it.
        parts.append(_("The only trend that applies to %(used)d points is %(model)s; the band is the %(level)d%% "
                       "prediction interval, wide while the points are few.") % {
            "model": trend_label(projection.model or ""), "used": projection.used,
            "level": round(projection.level * 100)})
    else:
        parts.append(_("Trend chosen by AICc: %(model)s, from %(used)d points; the band is the %(level)d%% "
                       "prediction interval.") % {"model": trend_label(projection.model or ""),
                                                   "used": projection.used, "level": round(projection.level * 100)})
    if projection.basis == "forecast" and projection.skipped:
        parts.append(_("Not fitted: %(models)s (they need more points, or a positive or non-negative series).")
                     % {"models": ", ".join(trend_label(m) for m in projection.skipped)})
    if projection.left_out:
        parts.append(_("Left out of the trend (an earlier year has no approved figure): %(years)s.")
                     % {"years": ", ".join(map(str, projection.left_out))})
    return " ".join(parts)


def trend_label(model: str) -> str:
    return {"linear": _("linear"), "exponential": _("exponential"), "logistic": _("logistic")}.get(model, model)


def name_of(row) -> str:
    """A plan's or an indicator's name in the page's language (Kazakh when the language is unknown)."""
    lang = (get_language() or "kk").split("-")[0]
    return getattr(row, f"name_{lang}", "") or row.name_kk


# The core's refusals are English sentences made from its own values; each is recognised here and
# worded in the reader's language. One that is not recognised is shown as it came, never hidden.
_REFUSALS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"^(?P<code>\S+) (?P<year>\d+): approve the earlier years first \((?P<years>[0-9, ]+)\)"),
     "earlier"),
    (re.compile(r"^(?P<code>\S+) (?P<year>\d+): cannot approve a draft actual"), "draft"),
    (re.compile(r"^(?P<code>\S+) (?P<year>\d+): cannot approve a approved actual"), "already"),
    (re.compile(r"^(?P<code>\S+) (?P<year>\d+): only a draft can be submitted"), "not_draft"),
    (re.compile(r"^(?P<code>\S+) (?P<year>\d+): the (?P<state>\w+) figure is not replaced"), "attested"),
    (re.compile(r"^(?P<code>\S+) (?P<year>\d+): the figure changed meanwhile"), "meanwhile"),
    (re.compile(r"^year (?P<year>\d+) is not after the base year (?P<base>\d+)"), "base_year"),
    (re.compile(r"has more than (?P<digits>\d+) significant digits"), "digits"),
)


def refusal(error: Exception) -> str:
    """The core's (or the store's) refusal in the reader's language."""
    text = str(error)
    for pattern, kind in _REFUSALS:
        found = pattern.search(text)
        if found is None:
            continue
        p = found.groupdict()
        if kind == "earlier":
            return _("%(code)s, %(year)s: approve the earlier years first (%(years)s); a cumulative total adds "
                     "them up.") % p
        if kind == "draft":
            return _("%(code)s, %(year)s: a draft figure cannot be approved; submit it first.") % p
        if kind == "already":
            return _("%(code)s, %(year)s: the figure is already approved.") % p
        if kind == "not_draft":
            return _("%(code)s, %(year)s: only a draft figure can be submitted.") % p
        if kind == "attested":
            return _("%(code)s, %(year)s: the figure has been submitted or approved and is not replaced.") % p
        if kind == "meanwhile":
            return _("%(code)s, %(year)s: the figure changed meanwhile; reload the page.") % p
        if kind == "base_year":
            return _("The year %(year)s is not after the indicator's base year %(base)s.") % p
        return _("The value has more than %(digits)s significant digits, which this database does not store "
                 "exactly.") % p
    return _("The change was refused: %(reason)s") % {"reason": text}


def dashboard_context(plan: models.Plan, on: dt.date, *, public: bool) -> dict:
    """The context of `monitoring/_plan_dashboard.html`: the plan's board, one chart per indicator, and
    whether the page is public (then no evidence and no names of who entered or approved)."""
    board = dashboard.plan_board(plan, on)
    lang = (get_language() or "kk").split("-")[0]
    panels = [{"board": b, "chart": indicator_chart(b, lang), "name": name_of(b.row),
               "verdict": verdict_label(b.projection.verdict), "note": projection_note(b.projection)}
              for b in board.indicators]
    verdicts = [(verdict_label(v), n) for v, n in sorted(board.summary.verdicts.items())]
    return {"board": board, "panels": panels, "verdicts": verdicts, "public": public, "plan_name": name_of(plan)}
