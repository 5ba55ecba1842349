"""Act 002, section 2, part 2 (l.463-475): the monthly supplement (ай сайынғы қосымша ақы) to
scientific workers for academic degrees and titles, as a calculator (requirement 002.s2.p2.sup,
table 13.4 of the requirements).

Supplement = multiple x the MCI "set by the law on the republican budget and in force on 1 January
of the relevant financial year" (not the MCI of the month paid). The multiples (17, 25, 34, 42, 50)
are dated parameters `sct.supplement.multiple.<degree>.<title>`, each citing its seed line. PhD and
the profile doctor share a row. A person with several degrees and titles gets one supplement, by
the highest matching row (reading R-E4); a title without a degree matches no row.

The passage describes supplements already increased; their legal basis is outside the seed
(`sct.supplement.legal_basis`), and every result says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ... import display
from ...parameters import Parameters, ParameterValue
from ...rules import Messages, render

__all__ = ["DEGREES", "TITLES", "SupplementResult", "supplement"]

MIN_YEAR, MAX_YEAR = 1990, 2100

DEGREES: dict[str, Messages] = {
    "phd": {"kk": "философия докторы (PhD)", "ru": "доктор философии (PhD)", "en": "Doctor of Philosophy (PhD)"},
    "profile_doctor": {"kk": "бейіні бойынша доктор", "ru": "доктор по профилю", "en": "doctor by profile"},
    "candidate_of_sciences": {"kk": "ғылым кандидаты", "ru": "кандидат наук", "en": "candidate of sciences"},
    "doctor_of_sciences": {"kk": "ғылым докторы", "ru": "доктор наук", "en": "doctor of sciences"},
}
TITLES: dict[str, Messages] = {
    "associate_professor": {
        "kk": "қауымдастырылған профессор (доцент)",
        "ru": "ассоциированный профессор (доцент)",
        "en": "associate professor (docent)",
    },
    "professor": {"kk": "профессор", "ru": "профессор", "en": "professor"},
}
NO_TITLE = "none"
_NO_TITLE_LABEL: Messages = {"kk": "ғылыми атақсыз", "ru": "без учёного звания", "en": "no title"}
# The row of the table each degree is in: PhD and the profile doctor are named together (l.465-473).
ROW_OF_DEGREE = {"phd": "phd", "profile_doctor": "phd", "candidate_of_sciences": "candidate",
                 "doctor_of_sciences": "doctor"}
_ROW_LABELS: dict[str, Messages] = {
    "phd": {"kk": "PhD немесе бейіні бойынша доктор", "ru": "PhD или доктор по профилю",
            "en": "PhD or doctor by profile"},
    "candidate": DEGREES["candidate_of_sciences"],
    "doctor": DEGREES["doctor_of_sciences"],
}
SEED_LINES = {("phd", NO_TITLE): "465", ("phd", "associate_professor"): "467", ("phd", "professor"): "473",
              ("candidate", NO_TITLE): "469", ("doctor", NO_TITLE): "469",
              ("candidate", "associate_professor"): "471", ("doctor", "associate_professor"): "471",
              ("candidate", "professor"): "475", ("doctor", "professor"): "475"}
LEGAL_BASIS = "sct.supplement.legal_basis"
MCI_DATE_RULE = "sct.supplement.mci_date_rule"


def multiple_parameter(row: str, title: str) -> str:
    return f"sct.supplement.multiple.{row}.{title}"


_DESCRIPTIVE_NOTE: Messages = {
    "kk": "Тұжырымдаманың 2-бөлімі (463-475-жолдар) бұрыннан ұлғайтылған қосымша ақыны сипаттайды; оны "
    "белгілейтін құқықтық акт бастапқы құжатта аталмаған ({parameter}).",
    "ru": "Раздел 2 Концепции (строки 463-475) описывает уже увеличенные доплаты; устанавливающий их правовой "
    "акт в исходном документе не назван ({parameter}).",
    "en": "Section 2 of the Concept (lines 463-475) describes supplements already increased; the legal act "
    "setting them is not named in the source document ({parameter}).",
}
_HIGHEST_NOTE: Messages = {
    "kk": "Бірнеше дәреже немесе атақ: ең жоғары сәйкес жол бойынша бір қосымша ақы (R-E4 оқылымы).",
    "ru": "Несколько степеней или званий: одна доплата по наивысшей подходящей строке (прочтение R-E4).",
    "en": "Several degrees or titles: one supplement, by the highest matching row (reading R-E4).",
}
_NO_ROW_NOTE: Messages = {
    "kk": "Ғылыми дәрежесіз ғылыми атақ кестенің ешбір жолына сәйкес келмейді: қосымша ақы жоқ.",
    "ru": "Учёное звание без учёной степени не соответствует ни одной строке таблицы: доплаты нет.",
    "en": "A title without a degree matches no row of the table: no supplement.",
}
_MCI_CARRIED_NOTE: Messages = {
    "kk": "{year} жылға арналған АЕК енгізілмеген: {year} жылғы 1 қаңтарда {start} бастап қолданыстағы мән "
    "алынды.",
    "ru": "МРП на {year} год не внесён: использовано значение, действующее на 1 января {year} года с {start}.",
    "en": "No MCI for {year} has been entered: the value in force on 1 January {year}, from {start}, is used.",
}


@dataclass(frozen=True)
class SupplementResult:
    """The monthly supplement of one scientific worker for a financial year."""

    year: int
    degrees: tuple[str, ...]
    titles: tuple[str, ...]
    row: tuple[str, str] | None  # (degree row, title or "none"); None when no row matches
    amount: Decimal  # tenge a month, exact
    multiple: ParameterValue | None
    mci: ParameterValue | None
    mci_date: dt.date
    notes: tuple[Messages, ...] = field(default=())

    @property
    def granted(self) -> bool:
        return self.row is not None

    def row_label(self, lang: str) -> str | None:
        if self.row is None:
            return None
        degree, title = self.row
        title_label = _NO_TITLE_LABEL if title == NO_TITLE else TITLES[title]
        return f"{_ROW_LABELS[degree][lang]} + {title_label[lang]}"

    def as_dict(self, lang: str | None = None) -> dict:
        def text(messages: Messages) -> str | Messages:
            return messages.get(lang, "") if lang else messages

        langs = (lang,) if lang else ("kk", "ru", "en")
        return {
            "requirement": "002.s2.p2.sup",
            "year": self.year,
            "degrees": [{"code": d, "label": text(DEGREES[d])} for d in self.degrees],
            "titles": [{"code": t, "label": text(TITLES[t])} for t in self.titles],
            "granted": self.granted,
            "row": None if self.row is None else {
                "degree": self.row[0], "title": self.row[1], "seed_lines": SEED_LINES[self.row],
                "label": self.row_label(lang) if lang else {g: self.row_label(g) for g in langs}},
            "multiple": None if self.multiple is None else self.multiple.as_dict(lang or "en"),
            "mci_date": self.mci_date.isoformat(),
            "mci": None if self.mci is None else self.mci.as_dict(lang or "en"),
            "amount_kzt": str(self.amount),
            "notes": [text(n) for n in self.notes],
        }


def mci_date(year: int, parameters: Parameters) -> dt.date:
    """The day of `year` whose MCI applies: 1 January (`sct.supplement.mci_date_rule`, "MM-DD"),
    the rule as in force in that year."""
    rule = parameters.value(MCI_DATE_RULE, dt.date(year, 12, 31))
    try:
        month, day = map(int, rule.split("-"))
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{MCI_DATE_RULE} {rule[:20]!r} is not a day MM-DD") from None


def _distinct(codes: Iterable[str], known: dict[str, Messages], what: str) -> tuple[str, ...]:
    found = tuple(dict.fromkeys(codes))
    unknown = [c for c in found if c not in known]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0][:50]!r}: one of {', '.join(known)}")
    return found


def supplement(degrees: Iterable[str], titles: Iterable[str], year: int,
               parameters: Parameters | None = None) -> SupplementResult:
    """The monthly supplement for `degrees` and `titles` (codes of `DEGREES`, `TITLES`) in the
    financial year `year`: the highest matching row's multiple x the MCI in force on 1 January of
    `year`. Raises ValueError for an unknown code or a year outside 1990-2100, and the parameters'
    `ParameterNotInForce` for a year before the table or whose 1 January precedes the table or the MCI."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} outside {MIN_YEAR}-{MAX_YEAR}")
    parameters = parameters or Parameters.from_source()
    degrees = _distinct(degrees, DEGREES, "degree")
    titles = _distinct(titles, TITLES, "title")
    on = mci_date(year, parameters)
    notes = [render(_DESCRIPTIVE_NOTE, {"parameter": display.named(LEGAL_BASIS, parameters)})]
    cells = [(ROW_OF_DEGREE[d], t) for d in degrees for t in (NO_TITLE, *titles)]
    if not cells:
        notes.append(_NO_ROW_NOTE)
        return SupplementResult(year, degrees, titles, None, Decimal(0), None, None, on, tuple(notes))
    # R-E4: one row, the highest multiple; among equal ones the first in the table's order.
    ordered = sorted(dict.fromkeys(cells), key=list(SEED_LINES).index)
    multiples = {cell: parameters.get(multiple_parameter(*cell), on) for cell in ordered}
    row = max(multiples, key=lambda cell: multiples[cell].value)
    if len(degrees) > 1 or len(titles) > 1:
        notes.append(_HIGHEST_NOTE)
    mci = parameters.get("mci", on)
    if mci.start.year != year:
        notes.append(render(_MCI_CARRIED_NOTE, {"year": year, "start": mci.start}))
    amount = Decimal(multiples[row].value) * Decimal(mci.value)
    return SupplementResult(year, degrees, titles, row, amount, multiples[row], mci, on, tuple(notes))
