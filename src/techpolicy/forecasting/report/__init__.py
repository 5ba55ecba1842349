"""The report of a technology-forecasting study (seed 000, Order No. 133/НҚ, paragraph 12) as PDF and DOCX.

Pure: no Django. A caller fills a `ReportData` (`data.py`) in one language and renders it with
`render_pdf` (`pdf.py`) or `render_docx` (`docx.py`); both follow the section order of `sections.py`
and embed the charts of `charts.py`, with the fixed texts of `labels.py` in kk, ru or en.
"""

from techpolicy.forecasting.report.data import (
    Consensus,
    ConsensusSeries,
    DelphiDistribution,
    DelphiRound,
    Discussion,
    DiscussionCorrection,
    KeyTechnology,
    RadarPoint,
    Recommendation,
    ReportData,
    ScenarioSeries,
    StudyMeta,
    TrendCorrection,
    TrendSection,
)
from techpolicy.forecasting.report.docx import render_docx
from techpolicy.forecasting.report.labels import LANGUAGES
from techpolicy.forecasting.report.pdf import render_pdf

__all__ = [
    "LANGUAGES",
    "Consensus",
    "ConsensusSeries",
    "DelphiDistribution",
    "DelphiRound",
    "Discussion",
    "DiscussionCorrection",
    "KeyTechnology",
    "RadarPoint",
    "Recommendation",
    "ReportData",
    "ScenarioSeries",
    "StudyMeta",
    "TrendCorrection",
    "TrendSection",
    "render_docx",
    "render_pdf",
]
