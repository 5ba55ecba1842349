"""Interactive charts on the pages, shared by every service.

A domain builds a Vega-Lite spec with Altair (its own spec module, beside the domain code) and the
rows of the same data as a table. `Chart` carries both to the `_chart.html` partial: the spec goes
into the page as JSON (`json_script`, no inline script) together with the number and date formats
of the page's language, and the static `charts.js` renders it with the vendored Vega libraries and
their expression interpreter, since the Content-Security-Policy forbids code compiled at run time.
The table is always in the page, for screen readers and for a browser without JavaScript.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language

# d3-format locales: the tenge sign after the amount, a no-break space between thousands.
NBSP = "\u00a0"
FORMAT_LOCALES = {
    "kk": {"decimal": ",", "thousands": NBSP, "grouping": [3], "currency": ["", NBSP + "₸"], "minus": "−"},
    "ru": {"decimal": ",", "thousands": NBSP, "grouping": [3], "currency": ["", NBSP + "₸"], "minus": "−"},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", NBSP + "₸"], "minus": "−"},
}
# d3-time-format locales (English is Vega's default).
TIME_FORMAT_LOCALES = {
    "kk": {
        "dateTime": "%Y ж. %e %B, %A, %X", "date": "%d.%m.%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
        "days": ["жексенбі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі"],
        "shortDays": ["жс", "дс", "сс", "ср", "бс", "жм", "сб"],
        "months": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
                   "қазан", "қараша", "желтоқсан"],
        "shortMonths": ["қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"],
    },
    "ru": {
        "dateTime": "%A, %e %B %Y г. %X", "date": "%d.%m.%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
        "days": ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"],
        "shortDays": ["вс", "пн", "вт", "ср", "чт", "пт", "сб"],
        "months": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                   "октябрь", "ноябрь", "декабрь"],
        "shortMonths": ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
    },
}


def page_language(lang: str | None = None) -> str:
    """`lang`, or the language of the request being answered, as one of the charts' languages."""
    code = (lang or get_language() or "kk").split("-")[0]
    return code if code in FORMAT_LOCALES else "kk"


def finite(value):
    """`value` with every NaN or infinity replaced by None, recursively: JSON has no NaN, and a gap
    is what Vega draws for a missing number."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def cell(value, digits: int = 2, lang: str | None = None) -> str:
    """A number of a data table in the page's language (decimal comma and no-break-space thousands in
    kk and ru, as the chart beside it), a dash for none.

    Integers print as they are, so a year stays 2030 and never becomes "2 030"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    locale = FORMAT_LOCALES[page_language(lang)]
    if isinstance(value, int):
        return str(value).replace("-", locale["minus"])
    # Kazakh and Russian typography groups from five digits on, so 2030,5 (a median year) stays whole.
    grouped = abs(value) >= 10_000 or locale["decimal"] == "."
    text = f"{round(float(value), digits):{',' if grouped else ''}.{digits}f}"
    if "." in text:  # no trailing zeros
        text = text.rstrip("0").rstrip(".")
    text = text.replace(",", "\x00").replace(".", locale["decimal"]).replace("\x00", locale["thousands"])
    return text.replace("-", locale["minus"]) if text not in ("-0",) else "0"


@dataclass(frozen=True)
class Chart:
    """One chart of a page: its spec and its data as a table (caption, column headings, rows of cells).

    `key` is unique on the page; it names the JSON element and the figure."""

    key: str
    title: str
    spec: dict
    caption: str
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    lang: str = "kk"

    @property
    def element_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def payload(self) -> dict:
        """What charts.js reads: the spec and the formats of the page's language."""
        return {"spec": finite(self.spec), "formatLocale": FORMAT_LOCALES[self.lang],
                "timeFormatLocale": TIME_FORMAT_LOCALES.get(self.lang)}


def chart(key: str, title: str, spec, caption: str, columns: Iterable[str], rows: Iterable[Sequence],
          *, digits: int = 2, lang: str | None = None) -> Chart:
    """A `Chart` from an Altair chart (or a spec already as a dict) and the raw rows of its table,
    which are formatted for the page's language here."""
    as_dict = spec if isinstance(spec, dict) else spec.to_dict()
    return Chart(key, title, as_dict, caption, [str(c) for c in columns],
                 [[cell(v, digits, lang) for v in row] for row in rows], page_language(lang))
