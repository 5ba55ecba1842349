"""Session fixtures: the sample report of `sample.py` in each language, rendered once per format."""

from __future__ import annotations

import pytest

from techpolicy.forecasting.report import LANGUAGES, ReportData, render_docx, render_pdf
from tests.forecasting.report.sample import build_report


@pytest.fixture(scope="session")
def reports() -> dict[str, ReportData]:
    return {lang: build_report(lang) for lang in LANGUAGES}


class Rendered:
    """Each report rendered once per session and format (rendering draws every chart)."""

    def __init__(self, reports: dict[str, ReportData]):
        self.reports = reports
        self._cache: dict[tuple[str, str], bytes] = {}

    def get(self, fmt: str, lang: str) -> bytes:
        if (fmt, lang) not in self._cache:
            render = render_pdf if fmt == "pdf" else render_docx
            self._cache[fmt, lang] = render(self.reports[lang], lang)
        return self._cache[fmt, lang]


@pytest.fixture(scope="session")
def rendered(reports) -> Rendered:
    return Rendered(reports)
