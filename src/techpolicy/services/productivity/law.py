"""The programme's law layer as the casework sees it (seed 004, `law.acts.act004_productivity2020`):
facts validated (a missing or malformed fact raises InvalidFacts naming the field), evaluated with
the parameters and calendar administrators maintain, on the application date the facts carry.

The programme was in force from 2015-06-17 until its repeal in 2016; cases are replayed today,
but eligibility and amounts are always evaluated on the application date, never on today."""

from __future__ import annotations

import datetime as dt
from typing import Any

from techpolicy.casework import law_context
from techpolicy.casework.steps import current_language
from techpolicy.law.acts import act004_productivity2020 as act
from techpolicy.law.acts.act004_productivity2020.common import REPEAL_EARLIEST
from techpolicy.law.acts.act004_productivity2020.procedures import statistics_consent_period
from techpolicy.law.facts import parse_facts
from techpolicy.law.parameters import ParameterNotInForce, ParameterNotSet

# The day before the repeal can earliest have taken effect: the default date values are shown for.
PROGRAMME_LAST_DAY = REPEAL_EARLIEST - dt.timedelta(days=1)


def facts(data: dict):
    """ProductivityFacts from stored or posted data; raises InvalidFacts naming the field."""
    return parse_facts(act.ProductivityFacts, data)


def _context(parsed, on: dt.date | None) -> dict[str, Any]:
    # The Annex of priority sectors is the one the law layer ships (sectors=None).
    return {"on": on or parsed.application_date, "parameters": law_context.parameters(),
            "calendar": law_context.calendar()}


def eligibility(data: dict, on: dt.date | None = None):
    """The verdict on the applicant and the instrument's conditions, on the application date."""
    parsed = facts(data)
    return act.evaluate_eligibility(parsed, **_context(parsed, on))


def calculation(data: dict, on: dt.date | None = None):
    """The reimbursement: the amount with a line per cost, exclusion and cap (and its citations)."""
    parsed = facts(data)
    return act.calculate(parsed, **_context(parsed, on))


def assessment(data: dict, on: dt.date | None = None):
    """Both: the verdict and the reimbursement it supports."""
    parsed = facts(data)
    return act.assess(parsed, **_context(parsed, on))


def obligation(before, after):
    """Mechanism of instrument 1, paragraph 7: has labour productivity risen as the target requires?
    Raises ParameterError when the multiple is not set (then it cannot be decided)."""
    return act.productivity_obligation(before, after, law_context.parameters(), on=law_context.today())


def statistics_period(received_on: dt.date) -> tuple[dt.date, dt.date]:
    """Paragraph 9(4): the applicant's statistics the operator may obtain, around the agreement."""
    return statistics_consent_period(received_on, law_context.parameters())


TERMS = (  # every term of section 5.4, in the order of the mechanisms
    "p2020.leasing.confirmation_wd", "p2020.leasing.notice_wd",
    "p2020.direct.completeness_wd", "p2020.direct.decision_wd", "p2020.direct.notice_wd", "p2020.direct.payment_wd",
    "p2020.nce.decision_wd",
    "p2020.i7.completeness_wd", "p2020.i7.gap_notice_wd", "p2020.i7.expertise_wd", "p2020.i7.decision_wd",
    "p2020.i7.notice_wd", "p2020.i7.payment_wd",
    "p2020.i8.completeness_wd", "p2020.i8.gap_notice_wd", "p2020.i8.expertise_decision_wd", "p2020.i8.notice_wd",
    "p2020.i8.payment_wd",
)


def parameter_row(name: str, on: dt.date, label=None) -> dict:
    """One parameter on a date: its value, or None with `not_set` when the source sets none."""
    parameters = law_context.parameters()
    lang = current_language()
    try:
        definition = parameters.definition(name)
    except KeyError:
        return {"parameter": name, "label": label or name, "value": None, "unit": "", "not_set": True,
                "not_in_force": False, "citation": "", "unknown": True}
    shown, not_set, not_in_force = None, False, False
    try:
        value = parameters.get(name, on)
        shown, citation = value.value, value.citation
    except ParameterNotSet:
        not_set = True
        citation = definition.values[-1].citation if definition.values else None
    except ParameterNotInForce:
        not_in_force = True
        citation = definition.values[0].citation if definition.values else None
    return {"parameter": name, "label": label or definition.description.get(lang) or definition.description.get("en")
            or name, "value": shown, "unit": definition.unit, "not_set": not_set, "not_in_force": not_in_force,
            "citation": citation.text(lang) if citation else "", "unknown": False}


def terms_table(on: dt.date) -> list[dict]:
    """Every term of the programme's procedures with its value on a date, or "not set"."""
    return [parameter_row(name, on) for name in TERMS]


def parameter_names(prefix: str = "p2020.") -> list[str]:
    return [n for n in law_context.parameters().names() if n.startswith(prefix)]


def programme_parameters(on: dt.date) -> list[dict]:
    """Every parameter of the programme (act 004) on a date; unset ones flagged, none invented."""
    return [parameter_row(name, on) for name in parameter_names()]
