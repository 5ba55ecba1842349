"""Act 004 ("Productivity 2020" programme), 5.4 "Бағдарлама құралдарын ұсыну тетіктері": the
procedures as chains of the terms declared in `terms`, and the statistics the agreement opens.

`schedule` computes a whole chain when every step uses its full term (the latest lawful dates),
each step counted from the due date of the step it follows; one step's due date is
`terms.DEADLINES[step].due(event, parameters, calendar)`.
"""

from __future__ import annotations

import datetime as dt

from ...calendar import WorkingCalendar
from ...dates import add_years
from ...parameters import Parameters
from ...terms import Deadline
from .terms import DEADLINES

# The nominal chains: (step, the step whose due date it counts from; None = the chain's start).
# Gap notices are a branch (only when documents are missing) and payment under instruments 2-5
# counts from the signing by the applicant, so neither is part of a chain.
CHAINS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "leasing": (("leasing.confirmation", None),),
    "direct": (("direct.completeness", None), ("direct.decision", "direct.completeness"),
               ("direct.notice", "direct.decision")),
    "nce": (("nce.decision", None), ("direct.notice", "nce.decision")),
    "i7": (("i7.completeness", None), ("i7.expertise", "i7.completeness"), ("i7.decision", "i7.expertise"),
           ("i7.notice", "i7.decision"), ("i7.payment", "i7.decision")),
    "i8": (("i8.completeness", None), ("i8.expertise_decision", "i8.completeness"),
           ("i8.notice", "i8.expertise_decision"), ("i8.payment", "i8.expertise_decision")),
}


def schedule(
    chain: str,
    start: dt.date,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
) -> dict[str, Deadline]:
    """Every step of `chain` (a key of `CHAINS`) when each step takes its full term. Raises
    ParameterNotInForce for a start before the programme (2015-06-17)."""
    due: dict[str, Deadline] = {}
    for step, after in CHAINS[chain]:
        event = start if after is None else due[after].due
        due[step] = DEADLINES[step].due(event, parameters, calendar)
    return due


def statistics_consent_period(
    received_on: dt.date, parameters: Parameters | None = None
) -> tuple[dt.date, dt.date]:
    """The period of the applicant's statistics the agreement lets the operator obtain: 2 years
    before the signed agreement reached the operator and 2 years from that day
    (5.4 mechanism of instruments 2-5, p.9(4))."""
    years = int((parameters or Parameters.from_source()).value("p2020.statistics_consent_years", received_on))
    return add_years(received_on, -years), add_years(received_on, years)
