"""The forecasting report as PDF: its blocks (`sections.build_blocks`) laid out by the shared
renderer `techpolicy.documents.pdf`, with the study's number and status in the footer, its title and
organising body in the document properties, and a draft mark while the study is a draft.
"""

from __future__ import annotations

from techpolicy.documents.pdf import blocks_pdf
from techpolicy.forecasting.report.data import ReportData
from techpolicy.forecasting.report.labels import check_language, label
from techpolicy.forecasting.report.sections import Progress, build_blocks, status


def render_pdf(data: ReportData, lang: str, progress: Progress | None = None) -> bytes:
    """The report in `lang` ("kk", "ru" or "en") as PDF bytes; ValueError for another language.
    `progress` is told after each section is drawn (`sections.build_blocks`)."""
    check_language(lang)
    return blocks_pdf(
        build_blocks(data, lang, progress),
        lang=lang,
        title=f"{label('report_title', lang)}: {data.meta.title}",
        author=data.meta.organising_body,
        footer=f"{label('number', lang)}: {data.meta.number} · {status(data, lang)}",
        watermark=label("watermark", lang) if data.meta.is_draft else "",
        subject=label("hstc_statement", lang),
    )
