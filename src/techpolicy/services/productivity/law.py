"""The programme's law layer as the casework sees it (seed 004, `law.acts.act004_productivity2020`):
facts validated (a missing or malformed fact raises InvalidFacts naming the field), evaluated with
the parameters and calendar administrators maintain, on the application date the facts carry.

The programme was in force from 2015-06-17 until its repeal in 2016; cases are replayed today,
but eligibility and amounts are always evaluated on the application date, never on today."""

from __future__ import annotations

import datetime as dt
from typing import Any

from techpolicy.casework import law_context
from techpolicy.casework.kit.checks import LawCheck, declare_check
from techpolicy.casework.kit.terms import parameter_row
from techpolicy.law.acts.act004_productivity2020.calculator import calculate
from techpolicy.law.acts.act004_productivity2020.common import REPEAL_EARLIEST
from techpolicy.law.acts.act004_productivity2020.facts import ProductivityFacts
from techpolicy.law.acts.act004_productivity2020.monitoring import productivity_obligation
from techpolicy.law.acts.act004_productivity2020.procedures import statistics_consent_period
from techpolicy.law.acts.act004_productivity2020.programme import assess
from techpolicy.law.facts import parse_facts

# The day before the repeal can earliest have taken effect: the default date values are shown for.
PROGRAMME_LAST_DAY = REPEAL_EARLIEST - dt.timedelta(days=1)


def facts(data: dict):
    """ProductivityFacts from stored or posted data; raises InvalidFacts naming the field."""
    return parse_facts(ProductivityFacts, data)


def _context(parsed, on: dt.date | None) -> dict[str, Any]:
    # The Annex of priority sectors is the one the law layer ships (sectors=None).
    return {"on": on or parsed.application_date, "parameters": law_context.parameters(),
            "calendar": law_context.calendar()}


# The procedure "productivity2020" as casework asks it (casework.kit.checks): the workflows' guards
# and stored verdicts, the case pages and the API's check all evaluate through it.
ELIGIBILITY = declare_check(LawCheck("productivity2020"))


def eligibility(data: dict, on: dt.date | None = None):
    """The verdict on the applicant and the instrument's conditions, on the application date."""
    return ELIGIBILITY.evaluate(data, on)


def calculation(data: dict, on: dt.date | None = None):
    """The reimbursement: the amount with a line per cost, exclusion and cap (and its citations)."""
    parsed = facts(data)
    return calculate(parsed, **_context(parsed, on))


def assessment(data: dict, on: dt.date | None = None):
    """Both: the verdict and the reimbursement it supports."""
    parsed = facts(data)
    return assess(parsed, **_context(parsed, on))


def obligation(before, after):
    """Mechanism of instrument 1, paragraph 7: has labour productivity risen as the target requires?
    Raises ParameterError when the multiple is not set (then it cannot be decided)."""
    return productivity_obligation(before, after, law_context.parameters(), on=law_context.today())


def statistics_period(received_on: dt.date) -> tuple[dt.date, dt.date]:
    """Paragraph 9(4): the applicant's statistics the operator may obtain, around the agreement."""
    return statistics_consent_period(received_on, law_context.parameters())


def parameter_names(prefix: str = "p2020.") -> list[str]:
    return [n for n in law_context.parameters().names() if n.startswith(prefix)]


def programme_parameters(on: dt.date) -> list[dict]:
    """Every parameter of the programme (act 004) on a date; unset ones flagged, none invented."""
    return [parameter_row(name, on) for name in parameter_names()]
