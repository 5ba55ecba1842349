"""The forecasting report as a Word document, for editing before discussion or approval: its blocks
(`sections.build_blocks`, the same the PDF is laid out from) rendered by the shared
`techpolicy.documents.docx`, with the study's number and status in the footer and its version as
the document's revision.
"""

from __future__ import annotations

from techpolicy.documents.docx import blocks_docx
from techpolicy.forecasting.report.data import ReportData
from techpolicy.forecasting.report.labels import check_language, label
from techpolicy.forecasting.report.sections import Progress, build_blocks, status


def render_docx(data: ReportData, lang: str, progress: Progress | None = None) -> bytes:
    """The report in `lang` ("kk", "ru" or "en") as DOCX bytes; ValueError for another language.
    `progress` is told after each section is drawn (`sections.build_blocks`)."""
    check_language(lang)
    return blocks_docx(
        build_blocks(data, lang, progress),
        lang=lang,
        title=f"{label('report_title', lang)}: {data.meta.title}",
        author=data.meta.organising_body,
        footer=f"{label('number', lang)}: {data.meta.number} · {status(data, lang)}",
        revision=data.meta.version,
        subject=label("hstc_statement", lang),
    )
