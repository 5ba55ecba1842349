"""Act 004 ("Productivity 2020" programme), 5.4 "Бағдарлама құралдарын ұсыну тетіктері": every term
of the mechanisms, in working days (the day of the event does not count), each declared once.

`DEADLINES` maps a step of a mechanism ("i7.notice") to its term (key "004.i7.notice"): the
parameter of its term, the event it counts from, what is due and its citation. The mechanisms'
paragraphs restart per instrument, so the citation's note names the mechanism. A negative
decision under instruments 7 and 8 has a paragraph of its own with the same number of days
(one parameter, two terms).

Steps the seed leaves to others have no term here: KDB-Leasing's own expertise (5.4 mechanism
of instrument 1, p.3: "internal documents"), the applicant's corrections (p.4, p.7) and signing
of the agreement (p.8).
"""

from __future__ import annotations

from ...rules import Messages
from ...terms import Term, declare
from .common import MECHANISM_1, MECHANISM_2_5, MECHANISM_7, MECHANISM_8, cite


def _step(step_id: str, parameter: str, paragraph: str, mechanism: str, counted_from: Messages,
          action: Messages) -> Term:
    return declare(Term(f"004.{step_id}", parameter, cite("5.4", paragraph, note=mechanism), counted_from, action))


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
_REFUSED = {"kk": "өтеудің мүмкін еместігі туралы шешім қабылданған күн",
            "ru": "день принятия решения о невозможности возмещения", "en": "the decision not to reimburse"}
_NONCOMPLIANCE = {"kk": "өтінім берушіге талаптарға сәйкес келмейтіні туралы хабарлама жіберу",
                  "ru": "направить заявителю уведомление о несоответствии требованиям",
                  "en": "send the applicant the notice of non-compliance"}
_DECIDE = {"kk": "өтеу мүмкіндігі туралы шешім қабылдау", "ru": "принять решение о возможности возмещения",
           "en": "decide on the reimbursement"}

DEADLINES: dict[str, Term] = {
    s.key.removeprefix("004."): s
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
        _step("i7.refusal_notice", "p2020.i7.notice_wd", "8", MECHANISM_7, _REFUSED, _NONCOMPLIANCE),
        _step("i7.payment", "p2020.i7.payment_wd", "9", MECHANISM_7, _DECIDED, _PAY),
        _step("i8.completeness", "p2020.i8.completeness_wd", "2", MECHANISM_8, _REGISTERED, _CHECK_COMPLETE),
        _step("i8.gap_notice", "p2020.i8.gap_notice_wd", "3", MECHANISM_8, _CHECKED, _GAPS),
        _step("i8.expertise_decision", "p2020.i8.expertise_decision_wd", "5", MECHANISM_8, _CHECKED,
              {"kk": "сараптама жүргізіп, шешім қабылдау", "ru": "провести экспертизу и принять решение",
               "en": "make the expertise and decide on the reimbursement"}),
        _step("i8.notice", "p2020.i8.notice_wd", "6", MECHANISM_8, _DECIDED, _NOTIFY),
        _step("i8.refusal_notice", "p2020.i8.notice_wd", "7", MECHANISM_8, _REFUSED, _NONCOMPLIANCE),
        _step("i8.payment", "p2020.i8.payment_wd", "8", MECHANISM_8, _DECIDED, _PAY),
    )
}
