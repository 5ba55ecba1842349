"""Act 004 ("Productivity 2020" programme), 5.4 "Бағдарлама құралдарын ұсыну тетіктері": the
procedure terms, in working days (the day of the event does not count), as a table of steps.

Each step names the parameter of its term, the event it counts from and its citation; the
mechanisms' paragraphs restart per instrument, so the citation's note names the mechanism.
`deadline` computes one due date; `schedule` a whole chain when every step uses its full term
(the latest lawful dates), each step counted from the due date of the step it follows.

Steps the seed leaves to others have no term here: KDB-Leasing's own expertise (5.4 mechanism
of instrument 1, p.3: "internal documents"), the applicant's corrections (p.4, p.7) and signing
of the agreement (p.8).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...calendar import WorkingCalendar
from ...citation import Citation
from ...parameters import Parameters
from ...rules import Messages
from ..act001_technopark.common import Deadline, working_days_deadline
from .common import MECHANISM_1, MECHANISM_2_5, MECHANISM_7, MECHANISM_8, add_years, cite

__all__ = [
    "CHAINS",
    "DEADLINES",
    "Deadline",
    "DeadlineStep",
    "deadline",
    "schedule",
    "statistics_consent_period",
    "working_days_deadline",
]


@dataclass(frozen=True)
class DeadlineStep:
    id: str
    parameter: str
    counted_from: Messages  # the event the term runs from
    action: Messages  # what must be done by the due date
    citation: Citation


def _step(step_id: str, parameter: str, paragraph: str, mechanism: str, counted_from: Messages,
          action: Messages) -> DeadlineStep:
    return DeadlineStep(step_id, parameter, counted_from, action, cite("5.4", paragraph, note=mechanism))


_REGISTERED = {"kk": "өтінім тіркелген күн", "ru": "день регистрации заявки", "en": "registration of the application"}
_DECIDED = {"kk": "шешім қабылданған күн", "ru": "день принятия решения", "en": "the decision"}
_CHECKED = {"kk": "толықтығы тексерілген күн", "ru": "день проверки полноты", "en": "the completeness check"}
_NOTIFY = {"kk": "өтінім берушіге хабарлама жіберу", "ru": "направить заявителю уведомление",
           "en": "send the applicant the notice"}
_PAY = {"kk": "шығындардың бір бөлігін төлеу", "ru": "выплатить часть затрат", "en": "pay the reimbursement"}
_CHECK_COMPLETE = {"kk": "құжаттардың толықтығын тексеру", "ru": "проверить полноту документов",
                   "en": "check the documents for completeness"}
_GAPS = {"kk": "сәйкессіздік туралы хабарлама жіберу", "ru": "направить уведомление о несоответствии",
         "en": "notify the gaps"}
_DECIDE = {"kk": "өтеу мүмкіндігі туралы шешім қабылдау", "ru": "принять решение о возможности возмещения",
           "en": "decide on the reimbursement"}

DEADLINES: dict[str, DeadlineStep] = {
    s.id: s
    for s in (
        _step("leasing.confirmation", "p2020.leasing.confirmation_wd", "2", MECHANISM_1,
              {"kk": "жоба паспортын алған күн", "ru": "день получения паспорта проекта",
               "en": "receipt of the project passport"},
              {"kk": "өлшемшарттарды тексеріп, жазбаша растау жіберу",
               "ru": "проверить критерии и направить письменное подтверждение",
               "en": "check the criteria and send the written confirmation"}),
        _step("leasing.notice", "p2020.leasing.notice_wd", "5", MECHANISM_1,
              {"kk": "құрал операторының шешімі", "ru": "решение оператора инструмента",
               "en": "the leasing operator's decision"},
              {"kk": "Бағдарлама операторы мен өтінім берушіні хабардар ету",
               "ru": "уведомить оператора Программы и заявителя",
               "en": "notify the programme operator and the applicant"}),
        _step("nce.decision", "p2020.nce.decision_wd", "2", MECHANISM_2_5,
              {"kk": "ҰКП-дан түскен өтінім тіркелген күн", "ru": "день регистрации заявки, поступившей от НПП",
               "en": "registration of an application received through the NCE"},
              {"kk": "тексеріп, шешім қабылдау", "ru": "проверить и принять решение",
               "en": "check and decide on the reimbursement"}),
        _step("direct.completeness", "p2020.direct.completeness_wd", "3", MECHANISM_2_5, _REGISTERED,
              _CHECK_COMPLETE),
        _step("direct.decision", "p2020.direct.decision_wd", "5", MECHANISM_2_5,
              {"kk": "толықтығы тұрғысында оң сараптама", "ru": "положительная экспертиза полноты",
               "en": "the positive completeness check"}, _DECIDE),
        _step("direct.notice", "p2020.direct.notice_wd", "6", MECHANISM_2_5, _DECIDED, _NOTIFY),
        _step("direct.payment", "p2020.direct.payment_wd", "10", MECHANISM_2_5,
              {"kk": "келісімге қол қойылған күн", "ru": "день подписания соглашения",
               "en": "signing of the reimbursement agreement"}, _PAY),
        _step("i7.completeness", "p2020.i7.completeness_wd", "2", MECHANISM_7, _REGISTERED, _CHECK_COMPLETE),
        _step("i7.gap_notice", "p2020.i7.gap_notice_wd", "3", MECHANISM_7, _CHECKED, _GAPS),
        _step("i7.expertise", "p2020.i7.expertise_wd", "5", MECHANISM_7, _CHECKED,
              {"kk": "сәйкестікке сараптама жүргізу", "ru": "провести экспертизу соответствия",
               "en": "make the compliance expertise"}),
        _step("i7.decision", "p2020.i7.decision_wd", "6", MECHANISM_7,
              {"kk": "сараптама", "ru": "экспертиза", "en": "the expertise"}, _DECIDE),
        _step("i7.notice", "p2020.i7.notice_wd", "7", MECHANISM_7, _DECIDED, _NOTIFY),
        _step("i7.payment", "p2020.i7.payment_wd", "9", MECHANISM_7, _DECIDED, _PAY),
        _step("i8.completeness", "p2020.i8.completeness_wd", "2", MECHANISM_8, _REGISTERED, _CHECK_COMPLETE),
        _step("i8.gap_notice", "p2020.i8.gap_notice_wd", "3", MECHANISM_8, _CHECKED, _GAPS),
        _step("i8.expertise_decision", "p2020.i8.expertise_decision_wd", "5", MECHANISM_8, _CHECKED,
              {"kk": "сараптама жүргізіп, шешім қабылдау", "ru": "провести экспертизу и принять решение",
               "en": "make the expertise and decide on the reimbursement"}),
        _step("i8.notice", "p2020.i8.notice_wd", "6", MECHANISM_8, _DECIDED, _NOTIFY),
        _step("i8.payment", "p2020.i8.payment_wd", "8", MECHANISM_8, _DECIDED, _PAY),
    )
}

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


def deadline(
    step: str,
    event: dt.date,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """The due date of `step` (a key of `DEADLINES`) for an event on `event`. Raises KeyError for
    an unknown step and ParameterNotInForce for an event before the programme (2015-06-17)."""
    definition = DEADLINES[step]
    return working_days_deadline(event, definition.parameter, definition.citation, parameters, calendar)


def schedule(
    chain: str,
    start: dt.date,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
) -> dict[str, Deadline]:
    """Every step of `chain` (a key of `CHAINS`) when each step takes its full term."""
    due: dict[str, Deadline] = {}
    for step, after in CHAINS[chain]:
        event = start if after is None else due[after].due
        due[step] = deadline(step, event, parameters, calendar)
    return due


def statistics_consent_period(
    received_on: dt.date, parameters: Parameters | None = None
) -> tuple[dt.date, dt.date]:
    """The period of the applicant's statistics the agreement lets the operator obtain: 2 years
    before the signed agreement reached the operator and 2 years from that day
    (5.4 mechanism of instruments 2-5, p.9(4))."""
    years = int((parameters or Parameters.from_source()).value("p2020.statistics_consent_years", received_on))
    return add_years(received_on, -years), add_years(received_on, years)
