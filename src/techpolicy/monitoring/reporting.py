"""A plan's reports: one per reporting organisation and year, expected by a day, written, submitted once.

Seed 002 res. p.2(3) (002.res.p2.3): each implementer submits information on the Concept's progress
to MSHE no later than 1 April of the year after the reporting year; res. p.3 (002.res.p3): MSHE
submits the report to the SPB no later than 1 May of that year and publishes it, except
restricted-access information. Seed 000 p.38 (000.p38.a2, 000.ttp.monitor) leaves a programme's report
dates open (`tp.ttp.report_due`, null): the caller passes the due dates it has.

A report is an obligation like any other of the plan, due on one day: its due dates come from the
core's yearly recurrence (`obligations.Yearly` with `following_year`) and its timeliness is the core's
(`obligations.timeliness`), so "on time", "late" and "overdue" mean what they mean for an action-plan
item. A due day falling on a day off is not moved (`sct.report.due_shift_rule`, null).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import models
from . import obligations as plan_core
from .common import MAX_YEAR, MIN_YEAR

# 002.res.p2.3 (`sct.report.implementer_due`) and 002.res.p3 (`sct.report.mshe_due`): the years of the
# Concept 2026–2035 (002.pass), each due in the next year.
IMPLEMENTER_INFORMATION_002 = plan_core.Yearly(kind="yearly", from_year=2026, to_year=2035, month=4, day=1,
                                               following_year=True)
MSHE_REPORT_002 = plan_core.Yearly(kind="yearly", from_year=2026, to_year=2035, month=5, day=1,
                                   following_year=True)
MAX_REPORTERS = 500  # one plan's reporting organisations at one call; 002 names seven implementers


class ReportError(ValueError):
    """A report change refused; the message says why, in the language of the request."""


def report_dues(deadline: plan_core.Yearly) -> dict[int, dt.date]:
    """The due day of each reporting year of a yearly deadline, as the core expands it (29 February
    of a common year is its last day of February, and so on: `obligations.expand`)."""
    item = plan_core.Item(number="report", name={"kk": "Есеп", "ru": "Отчёт", "en": "Report"}, form="report",
                          executors=[{"name": "reporter"}], funding={"volume": "not_required"}, deadline=deadline)
    return {obligation.year: obligation.due for obligation in plan_core.expand(item)}


@dataclass(frozen=True)
class Expected:
    created: int  # report rows stored now
    moved: int  # drafts whose due day changed (an amended deadline); a submitted report keeps its own


def expect(plan: models.Plan, reporters: Iterable, dues: Mapping[int, dt.date]) -> Expected:
    """Expect a report of every reporter (an `accounts.Organisation`) for every year of `dues`, due on
    its day. Running it again stores nothing new (the unique constraint of plan, reporter and year would
    refuse a second row anyway); a draft already expected takes the new due day, a submitted one keeps
    the day it was judged against. Concurrent calls for one plan wait for each other."""
    reporters = list(reporters)
    if len(reporters) > MAX_REPORTERS:
        raise ReportError(_("At most %(n)d reporting organisations at once.") % {"n": MAX_REPORTERS})
    for year in dues:
        if not MIN_YEAR <= year <= MAX_YEAR or not plan.first_year <= year <= plan.last_year:
            raise ReportError(_("The year %(year)s is outside the plan's period %(first)s–%(last)s.")
                              % {"year": year, "first": plan.first_year, "last": plan.last_year})
    ids = [reporter.pk for reporter in reporters]
    with transaction.atomic():
        # The plan's row is locked first, so two expectations of one plan run one after the other and
        # the second finds the first's rows: `created` counts what this call stored.
        models.Plan.objects.select_for_update().filter(pk=plan.pk).first()
        existing = set(plan.reports.filter(year__in=list(dues), reporter_id__in=ids).values_list("reporter_id", "year"))
        new = [models.Report(plan=plan, reporter=reporter, year=year, due=due)
               for reporter in reporters for year, due in dues.items() if (reporter.pk, year) not in existing]
        models.Report.objects.bulk_create(new)
        # One conditional UPDATE per year: a report submitted meanwhile is not moved.
        moved = sum(plan.reports.filter(year=year, reporter_id__in=ids, state="draft").exclude(due=due).update(due=due)
                    for year, due in dues.items())
    return Expected(created=len(new), moved=moved)


# Control characters other than tab and line breaks: no document format holds them (XML 1.0 refuses them).
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF])


def _bounded(text: str, limit: int, too_long: str) -> str:
    text = (text or "").translate(_CONTROL).replace("\r\n", "\n").strip()
    if len(text) > limit:
        raise ReportError(too_long % {"n": len(text), "limit": limit})
    return text


def save_draft(report: models.Report, narrative: str, restricted: str = "") -> models.Report:
    """Store the narrative and the restricted-access part of a report being written. A submitted
    report is not changed: the update is conditional on the draft state, so a submission made
    meanwhile is never overwritten."""
    narrative = _bounded(narrative, models.MAX_NARRATIVE,
                         _("The information on progress is %(n)d characters long; at most %(limit)d are accepted."))
    restricted = _bounded(restricted, models.MAX_RESTRICTED,
                          _("The restricted-access information is %(n)d characters long; at most %(limit)d are "
                            "accepted."))
    changed = models.Report.objects.filter(pk=report.pk, state="draft").update(
        narrative=narrative, restricted=restricted, updated_at=timezone.now())
    if changed != 1:
        raise ReportError(_("The report has been submitted and can no longer be changed."))
    report.refresh_from_db()
    return report


def submit(report: models.Report, actor) -> models.Report:
    """Submit the report, once. One conditional UPDATE (draft → submitted) decides: of two submissions
    at the same moment the database lets one change the row, the other finds it submitted."""
    if actor is None or getattr(actor, "pk", None) is None:
        raise ReportError(_("The report can only be submitted by a signed-in user."))
    changed = models.Report.objects.filter(pk=report.pk, state="draft").exclude(narrative="").update(
        state="submitted", submitted_at=timezone.now(), submitted_by=actor)
    report.refresh_from_db()
    if changed != 1:
        if report.state == "submitted":
            raise ReportError(_("The report has already been submitted."))
        raise ReportError(_("Write the narrative before submitting the report."))
    return report


def _as_obligation(report: models.Report) -> plan_core.Obligation:
    """The report as the core's obligation of its year, due on its day."""
    return plan_core.Obligation(
        key=f"report:{report.reporter_id}:{report.year}", item="report", period=str(report.year), year=report.year,
        starts=dt.date(report.year, 1, 1), due=report.due, precision="day", form="report",
        executors=[plan_core.Executor(name=f"organisation {report.reporter_id}")],  # no query per row
        funding=plan_core.Funding(volume="not_required"))


def submitted_on(report: models.Report) -> dt.date | None:
    """The day the report was submitted, in the system's time zone (the day an office counts)."""
    return timezone.localtime(report.submitted_at).date() if report.submitted_at else None


def timeliness_of(report: models.Report, on: dt.date) -> plan_core.Timeliness:
    """The core's timeliness on `on`: on_time / late once submitted, pending / overdue before."""
    return plan_core.timeliness(_as_obligation(report), submitted_on(report), on)
