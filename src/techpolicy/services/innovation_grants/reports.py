"""The grantee's reports under the grant agreement: their schedule, due dates and the monitoring list
(law 003 article 27; requirement 003.a27.p4: the procedure of granting, the reports included, is the
Government's rules' matter, and the term of a report, `grants.report_term`, is not set by the source).

So the term is the agreement's: the operator enters, for each report, the end of the reporting period
and the term in working days the agreement gives (or the due date it gives directly), and the due date
is that many working days after the period ends on the working calendar with the administrator's day
transfers (`law_context.calendar`). Once an administrator enters the value of `grants.report_term`
the rules set, a report scheduled without a term of its own takes that one. The workflow's actions
(`steps`) call these functions; the monitoring page (`views_monitoring`) reads the list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.engine import WorkflowError
from techpolicy.casework.models import Case, Document
from techpolicy.casework.steps import payload_date
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import ParameterError

from .models import Report
from .models.reports import MAX_REASON, MAX_REPORT_TEXT

A27_4 = Citation("003", "4", article="27")
TERM_PARAMETER = "grants.report_term"
REQUIREMENT = "003.a27.p4"
# Bounds of the form's inputs, not of the law: a date the calendar can count to, a term it counts quickly.
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
MAX_TERM = 999
MAX_SEQ_TEXT = 5
MAX_QUERY = 100


@dataclass(frozen=True)
class Schedule:
    """A report's schedule as the operator gave it: the due date and where it came from."""

    period_end: dt.date
    term_days: int | None
    due_on: dt.date
    source: str


def rules_term(on: dt.date) -> int | None:
    """The term the Government's rules set (`grants.report_term`), or None while it is not set."""
    try:
        return int(law_context.parameters().value(TERM_PARAMETER, on))
    except (ParameterError, TypeError, ValueError):
        return None


def due_date(period_end: dt.date, term_days: int) -> dt.date:
    """The `term_days`-th working day after the period ends (the end itself not counted), on the
    calendar with the decreed and the administrator's day transfers."""
    return law_context.calendar().add(period_end, term_days)


def _term(value) -> int | None | str:
    """The term field: None when empty, the number, or "" when it is not a whole number in bounds."""
    text = str(value or "").strip()
    if not text:
        return None
    return int(text) if text.isdigit() and len(text) <= 3 and 1 <= int(text) <= MAX_TERM else ""


def _in_bounds(day: dt.date | None) -> bool:
    return day is not None and FIRST_DAY <= day <= LAST_DAY


def schedule_from(payload: dict) -> tuple[Schedule | None, str]:
    """The schedule of the operator's form, or None and why it cannot be taken."""
    period_end = payload_date(payload, "period_end")
    if not _in_bounds(period_end):
        return None, _("Give the date the reporting period ends.")
    term, given_due = _term(payload.get("term_days")), str(payload.get("due_on", "")).strip()
    if term == "":
        return None, _("The term is a whole number of working days from 1 to %(max)s.") % {"max": MAX_TERM}
    if term is not None and given_due:
        return None, _("Give either the term in working days or the due date the agreement sets, not both.")
    if given_due:
        due = payload_date(payload, "due_on")
        if not _in_bounds(due) or due < period_end:
            return None, _("The due date is a date not before the end of the reporting period.")
        return Schedule(period_end, None, due, Report.AGREEMENT_DATE), ""
    if term is not None:
        return Schedule(period_end, term, due_date(period_end, term), Report.AGREEMENT_TERM), ""
    rules = rules_term(law_context.today())
    if rules is not None:
        return Schedule(period_end, rules, due_date(period_end, rules), Report.RULES_TERM), ""
    return None, _("The term of a report is set by the Government's rules (article 27(4) of the Law, parameter "
                   "grants.report_term), which the source document does not give: enter the term in working days "
                   "or the due date that the grant agreement sets.")


def next_seq(agreement) -> int:
    last = agreement.reports.order_by("-seq").values_list("seq", flat=True).first()
    return (last or 0) + 1


def create(agreement, schedule: Schedule, actor) -> Report:
    """The next report of the agreement; the case's row lock (`engine.fire`) orders the numbers, and the
    database's one-report-per-number constraint refuses a number taken all the same."""
    try:
        with transaction.atomic():
            return Report.objects.create(agreement=agreement, seq=next_seq(agreement), period_end=schedule.period_end,
                                         term_days=schedule.term_days, due_on=schedule.due_on,
                                         due_source=schedule.source, scheduled_by=actor)
    except IntegrityError:
        raise WorkflowError(_("Another report was scheduled at the same moment; reload and try again.")) from None


def _seq(payload: dict) -> int | None | str:
    text = str(payload.get("seq", "")).strip()
    if not text:
        return None
    return int(text) if text.isdigit() and len(text) <= MAX_SEQ_TEXT else ""


def pick(case: Case, states: tuple[str, ...], payload: dict) -> Report | None:
    """The report the action is about: the one numbered in the form, or the earliest due in `states`."""
    reports = Report.objects.filter(agreement__case=case, state__in=states)
    seq = _seq(payload)
    if seq == "":
        return None
    if seq is not None:
        return reports.filter(seq=seq).first()
    return reports.order_by("due_on", "seq").first()


def report_text(payload: dict) -> str | None:
    """The report's text of the grantee's form, or None when it is empty or longer than the bound."""
    text = str(payload.get("text", "")).strip()
    return text if text and len(text) <= MAX_REPORT_TEXT else None


def reason_fits(payload: dict) -> bool:
    return len(str(payload.get("reason", ""))) <= MAX_REASON


def unlinked_document(case: Case) -> Document | None:
    """The latest current document of kind "report" on the case that no report carries yet."""
    linked = Report.objects.filter(document__isnull=False).values("document")
    return (Document.objects.filter(case=case, kind="report", superseded=False).exclude(pk__in=linked)
            .order_by("-uploaded_at", "-pk").first())


def outstanding(case: Case) -> list[Report]:
    """The reports of the case not accepted yet, earliest due first."""
    return list(Report.objects.filter(agreement__case=case).exclude(state=Report.ACCEPTED).order_by("due_on", "seq"))


# --- the monitoring list -----------------------------------------------------------------------------


def overdue_q(today: dt.date) -> Q:
    return Q(state__in=Report.AWAITING, due_on__lt=today)


def clean_query(value) -> str:
    """The search text bounded and without control characters (PostgreSQL refuses NUL in a string)."""
    text = "".join(ch for ch in str(value or "")[:MAX_QUERY * 4] if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY]


def listing(state: str = "", overdue: bool = False, query: str = "", today: dt.date | None = None) -> QuerySet:
    """All reports across grants, filtered: a state, only the overdue, a case number or grantee's name."""
    today = today or law_context.today()
    rows = Report.objects.select_related("agreement__case__organisation")
    if state in dict(Report.STATES):
        rows = rows.filter(state=state)
    if overdue:
        rows = rows.filter(overdue_q(today))
    if query:
        rows = rows.filter(Q(agreement__case__number__icontains=query)
                           | Q(agreement__case__organisation__name__icontains=query)
                           | Q(agreement__number__icontains=query))
    return rows.order_by("due_on", "agreement__case__number", "seq")


def counts(today: dt.date | None = None) -> dict[str, int]:
    """Across all grants: reports the grantees owe and are still in time, owe and are overdue, and
    submitted ones awaiting the operator."""
    today = today or law_context.today()
    awaiting = Report.objects.filter(state__in=Report.AWAITING)
    return {"due": awaiting.filter(due_on__gte=today).count(), "overdue": awaiting.filter(due_on__lt=today).count(),
            "submitted": Report.objects.filter(state=Report.SUBMITTED).count()}
