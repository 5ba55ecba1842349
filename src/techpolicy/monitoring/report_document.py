"""A monitoring report as a document: format-neutral blocks, then PDF or DOCX, in kk, ru or en.

The content: the plan's name and the reporter, the period and its timeliness; the indicator table of
the year (target in force, approved actual, gap, reached) as `store.status_of` answers it, the one place
that aggregates (000.p38.a2, 000.ttp.monitor); the year's obligations done on time, done late, overdue
and not yet due as `store.timeliness_of` answers them (002.s7.ap); the narrative. The public version
(`public=True`) leaves out the restricted-access information and who submitted the report: 002 res.
p.3 (002.res.p3) publishes the report "except restricted-access information".

The document's words are msgids translated under `translation.override(lang)`, so a document is
written in the language asked for whatever the page's language; the core's outcome and timeliness
labels are its msgids too.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from techpolicy.documents.blocks import Block, Heading, Table, Text, Title
from techpolicy.documents.docx import blocks_docx
from techpolicy.documents.languages import check_language
from techpolicy.documents.pdf import blocks_pdf
from techpolicy.site.amounts import exact

from . import models, reporting, store
from .indicators import OUTCOME_LABELS
from .obligations import TIMELINESS_LABELS

# Words the pages of the project translate otherwise ("Target", "Period", "Timeliness", ...) carry the
# context "monitoring report": the site's catalogue is read first, and the document keeps its own
# wording (a column of planned values, a date of submission) whatever the pages say.

# The core's Punctuality, in the order shown, with the document's heading of each group.
GROUPS = {"on_time": gettext_lazy("Done on time"), "late": gettext_lazy("Done late"),
          "overdue": gettext_lazy("Overdue, not done"), "pending": pgettext_lazy("monitoring report", "Not yet due")}


def plan_name(row: models.Plan | models.Indicator, lang: str) -> str:
    """The name of a plan or an indicator in `lang` (both are named in the three languages)."""
    return {"kk": row.name_kk, "ru": row.name_ru, "en": row.name_en}[check_language(lang)]


def _subtitle(report: models.Report) -> str:
    return _("Report for %(year)s") % {"year": report.year}


def _header(report: models.Report, on: dt.date, public: bool, lang: str) -> list[Block]:
    timeliness = reporting.timeliness_of(report, on)
    state = _(TIMELINESS_LABELS[timeliness.timeliness])
    if timeliness.days_late:
        late = _("days late: %(days)s") % {"days": timeliness.days_late}
        state = f"{state} ({late})"
    submitted = reporting.submitted_on(report)
    rows = [(_("Reporting organisation"), report.reporter.name), (_("Reporting year"), str(report.year)),
            (_("Expected by"), report.due.isoformat()),
            (pgettext("monitoring report", "Submitted on"),
             submitted.isoformat() if submitted else _("not submitted")),
            (pgettext("monitoring report", "Timeliness"), state), (_("Figures as of"), on.isoformat())]
    if not public and report.submitted_by_id:
        rows.insert(4, (pgettext("monitoring report", "Submitted by"), report.submitted_by.get_full_name()
                        or report.submitted_by.get_username()))
    blocks: list[Block] = [Title(text=plan_name(report.plan, lang), subtitle=_subtitle(report),
                                 issuer=report.reporter.name),
                           Table(header=None, rows=tuple(rows), widths=(1, 2))]
    if public:
        blocks.append(Text(_("Published version: restricted-access information is left out."), style="note"))
    return blocks


def _indicators(report: models.Report, on: dt.date, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(_("Target indicators"))]
    rows, notes = [], []
    for indicator in report.plan.indicators.order_by("code"):
        status = store.status_of(indicator, report.year, on)  # the one place that aggregates
        name = plan_name(indicator, lang)
        rows.append((f"{indicator.code}. {name}", indicator.unit,
                     exact(status.target.value) if status.target else "—", exact(status.value),
                     exact(status.gap), _(OUTCOME_LABELS[status.outcome])))
        if status.missing_years:
            years = ", ".join(map(str, status.missing_years))
            notes.append(f"{indicator.code}: " + _("Years without an approved actual: %(years)s") % {"years": years})
    if not rows:
        return [*blocks, Text(_("The plan has no target indicators."))]
    header = (_("Indicator"), _("Unit"), pgettext("monitoring report", "Target"),
              pgettext("monitoring report", "Actual"), _("Gap"), _("Status"))
    blocks.append(Table(header=header, rows=tuple(rows), widths=(3, 1.2, 1, 1, 1, 1.3)))
    blocks.append(Text(_("A positive gap means the indicator is ahead of its target."), style="note"))
    blocks.extend(Text(note, style="note") for note in notes)
    return blocks


def _obligations(report: models.Report, on: dt.date) -> list[Block]:
    grouped: dict[str, list[tuple[str, ...]]] = {group: [] for group in GROUPS}
    for obligation in report.plan.obligations.filter(year=report.year).order_by("due", "key"):
        timeliness = store.timeliness_of(obligation, on)
        grouped[timeliness.timeliness].append((
            obligation.item, obligation.period, obligation.due.isoformat(),
            obligation.done_on.isoformat() if obligation.done_on else "—",
            str(timeliness.days_late) if timeliness.days_late else "—", obligation.form))
    header = (_("Item"), pgettext("monitoring report", "Period"), _("Expected by"),
              pgettext("monitoring report", "Completed on"), _("Days late"), _("Completion form"))
    blocks: list[Block] = [Heading(_("Implementation of the action plan"))]
    for group, heading in GROUPS.items():
        blocks.append(Heading(f"{heading}: {len(grouped[group])}", level=2))
        if grouped[group]:
            blocks.append(Table(header=header, rows=tuple(grouped[group]), widths=(0.8, 1, 1.1, 1.1, 0.9, 3)))
        else:
            blocks.append(Text(_("None.")))
    return blocks


def _paragraphs(text: str) -> list[Block]:
    return [Text(part.strip()) for part in text.split("\n\n") if part.strip()]


def report_blocks(report: models.Report, *, lang: str, public: bool, on: dt.date) -> list[Block]:
    """The report's content in `lang`: header, indicators, obligations, narrative, and (unless
    `public`) the restricted-access information. Figures are those known on `on`."""
    with translation.override(check_language(lang)):
        blocks = [*_header(report, on, public, lang), *_indicators(report, on, lang), *_obligations(report, on),
                  Heading(_("Information on progress"))]
        blocks.extend(_paragraphs(report.narrative) or [Text(_("The information has not been written yet."))])
        if not public and report.restricted:
            blocks.append(Heading(_("Restricted-access information")))
            blocks.extend(_paragraphs(report.restricted))
    return blocks


def _properties(report: models.Report, lang: str) -> dict[str, str]:
    """The file's title, author and footer, in `lang` (called under its `translation.override`)."""
    return {"title": f"{plan_name(report.plan, lang)} · {_subtitle(report)}",
            "author": report.reporter.name, "footer": f"{report.plan.owner_ref} · {report.year}"}


def report_pdf(report: models.Report, *, lang: str, public: bool, on: dt.date) -> bytes:
    """The report as PDF; a report not yet submitted carries a draft mark on every page."""
    blocks = report_blocks(report, lang=lang, public=public, on=on)
    with translation.override(lang):
        watermark = "" if report.state == "submitted" else _("DRAFT")
        return blocks_pdf(blocks, lang=lang, watermark=watermark, **_properties(report, lang))


def report_docx(report: models.Report, *, lang: str, public: bool, on: dt.date) -> bytes:
    """The report as DOCX, the same blocks as the PDF."""
    blocks = report_blocks(report, lang=lang, public=public, on=on)
    with translation.override(lang):
        return blocks_docx(blocks, lang=lang, **_properties(report, lang))


def file_name(report: models.Report, lang: str, fmt: str, public: bool) -> str:
    """An ASCII file name from what the system knows, e.g. "ttp-TTP-2026-0001-2027-r12-kk-public.pdf"."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in report.plan.owner_ref)[:60]
    version = "-public" if public else ""
    return f"{report.plan.owner_kind}-{safe}-{report.year}-r{report.reporter_id}-{lang}{version}.{fmt}"
