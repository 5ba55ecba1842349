"""Act 004 ("Productivity 2020" programme): monitoring — the labour-productivity obligation of
leasing recipients, the programme's targets as data, and the contradictions between them.

The seed gives no formula of labour productivity (`p2020.labour_productivity_formula` is null),
so the obligation compares two productivity values the caller computed the same way.

Targets come from section 4 (4.2 target indicators, 4.3 result indicators per task) and from the
action plan of section 8. Some of them cannot all hold; `target_contradictions` lists those
pairs with both citations rather than hiding them. Its checks (by indicator family):
- a yearly average minimum ("at least N a year on average") against a cumulative count ("M by
  year Y"): the increase of the count since the previous figure (or since the first year of the
  stage) must reach N for each full year in between — years are counted leniently, the year Y
  itself excluded, so a listed contradiction holds under any reading;
- yearly figures of the action plan against a cumulative count: they must add up to it;
- yearly figures against a yearly average minimum: their average must reach it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ...citation import Citation
from ...parameters import Parameters, ParameterValue
from ...rules import Messages, render
from .common import ACT

Kind = Literal["ratio_min", "percent", "per_year_min", "cumulative", "annual"]
STAGE_2_START = 2015  # "2-кезең – 2015 – 2020 жылдар"


@dataclass(frozen=True)
class ProductivityObligation:
    met: bool
    ratio: Decimal
    required: Decimal
    parameter: ParameterValue

    @property
    def citation(self) -> Citation:
        return self.parameter.citation


def productivity_obligation(
    before: Decimal, after: Decimal, parameters: Parameters | None = None, on: dt.date | None = None
) -> ProductivityObligation:
    """Did labour productivity rise at least 1.5 times (4.2; 5.4 mechanism of instrument 1, p.7)?
    "кемінде 1,5 есеге": exactly 1.5 times meets it. `on` chooses the parameter value (default:
    today)."""
    before, after = Decimal(before), Decimal(after)
    if before <= 0:
        raise ValueError("productivity before must be positive")
    value = (parameters or Parameters.from_source()).get("p2020.productivity_multiple", on or dt.date.today())
    ratio = after / before
    return ProductivityObligation(ratio >= value.value, ratio, value.value, value)


def productivity_obligation_met(
    before: Decimal, after: Decimal, parameters: Parameters | None = None, on: dt.date | None = None
) -> bool:
    return productivity_obligation(before, after, parameters, on).met


@dataclass(frozen=True)
class Target:
    id: str
    family: str  # what is counted, e.g. "competence": enterprises whose staff raised their skills
    kind: Kind
    year: int  # "by" year; for "annual" the year of the figure
    value: Decimal
    indicator: Messages
    citation: Citation
    period_start: int = STAGE_2_START  # first year a count or an average covers


def _c(section: str, paragraph: str, sub: str | None, note: str) -> Citation:
    return Citation(ACT, paragraph, sub, note, section)


_NAMES: dict[str, Messages] = {
    "leasing_productivity": {"kk": "лизинг алған кәсіпорындарда еңбек өнімділігінің өсуі (есе)",
                             "ru": "рост производительности труда на предприятиях с лизингом (раз)",
                             "en": "labour productivity growth at leasing recipients (times)"},
    "capacity": {"kk": "лизинг алған кәсіпорындар қуатының орташа жүктелуі (%)",
                 "ru": "средняя загрузка мощностей предприятий с лизингом (%)",
                 "en": "average capacity utilisation at leasing recipients (%)"},
    "leasing_enterprises": {"kk": "өнімділігін 1,5 есе арттырған кәсіпорындар саны",
                            "ru": "число предприятий, повысивших производительность в 1,5 раза",
                            "en": "enterprises that raised productivity 1.5 times"},
    "cpip": {"kk": "инвестициялық жобаның кешенді жоспары / құжаттама топтамасы әзірленген кәсіпорындар",
             "ru": "предприятия с разработанным комплексным планом / пакетом документации",
             "en": "enterprises with a CPIP / documentation package developed"},
    "competence": {"kk": "персоналының біліктілігін арттырған кәсіпорындар",
                   "ru": "предприятия, повысившие квалификацию персонала",
                   "en": "enterprises that raised their staff's qualification"},
    "tech_processes": {"kk": "технологиялық процестерін жетілдірген (аудит, АБЖ) кәсіпорындар",
                       "ru": "предприятия, усовершенствовавшие технологические процессы (аудит, АСУ)",
                       "en": "enterprises that improved technological processes (audits, ACS)"},
    "efficiency": {"kk": "өндірісті ұйымдастыру тиімділігін (басқару процестерін) арттырған кәсіпорындар",
                   "ru": "предприятия, повысившие эффективность организации производства (процессы управления)",
                   "en": "enterprises that raised production efficiency (management processes)"},
    "clusters": {"kk": "аумақтық кластерлер", "ru": "территориальные кластеры", "en": "territorial clusters"},
}


def _t(tid: str, family: str, kind: Kind, year: int, value: str, citation: Citation, start: int = STAGE_2_START):
    return Target(tid, family, kind, year, Decimal(value), _NAMES[family], citation, start)


_BY = {2015: "target indicators by 2015", 2018: "target indicators by 2018", 2020: "target indicators by 2020"}

TARGETS: tuple[Target, ...] = (
    _t("4.2.2015.1", "leasing_productivity", "ratio_min", 2015, "1.5", _c("4", "2", "1", _BY[2015]), 2011),
    _t("4.2.2015.2", "capacity", "percent", 2015, "70", _c("4", "2", "2", _BY[2015]), 2011),
    *(
        target
        for year in (2018, 2020)
        for target in (
            _t(f"4.2.{year}.1", "leasing_productivity", "ratio_min", year, "1.5", _c("4", "2", "1", _BY[year])),
            _t(f"4.2.{year}.2", "cpip", "per_year_min", year, "10", _c("4", "2", "2", _BY[year])),
            _t(f"4.2.{year}.3", "competence", "per_year_min", year, "10", _c("4", "2", "3", _BY[year])),
            _t(f"4.2.{year}.4", "tech_processes", "per_year_min", year, "3", _c("4", "2", "4", _BY[year])),
            _t(f"4.2.{year}.5", "efficiency", "per_year_min", year, "3", _c("4", "2", "5", _BY[year])),
            _t(f"4.2.{year}.6", "clusters", "cumulative", year, "3", _c("4", "2", "6", _BY[year])),
        )
    ),
    _t("4.3.1.1", "leasing_enterprises", "per_year_min", 2015, "3", _c("4", "3", "1", "task 1, result indicators"),
       2011),
    _t("4.3.2.1.2015", "cpip", "cumulative", 2015, "72", _c("4", "3", "1", "task 2, result indicators"), 2011),
    _t("4.3.2.1.2018", "cpip", "cumulative", 2018, "102", _c("4", "3", "1", "task 2, result indicators"), 2011),
    _t("4.3.2.1.2020", "cpip", "cumulative", 2020, "122", _c("4", "3", "1", "task 2, result indicators"), 2011),
    _t("4.3.2.2.2018", "competence", "cumulative", 2018, "9", _c("4", "3", "2", "task 2, result indicators")),
    _t("4.3.2.2.2020", "competence", "cumulative", 2020, "15", _c("4", "3", "2", "task 2, result indicators")),
    _t("4.3.2.3.2018", "tech_processes", "cumulative", 2018, "30", _c("4", "3", "3", "task 2, result indicators")),
    _t("4.3.2.3.2020", "tech_processes", "cumulative", 2020, "50", _c("4", "3", "3", "task 2, result indicators")),
    _t("4.3.2.4.2018", "efficiency", "cumulative", 2018, "30", _c("4", "3", "4", "task 2, result indicators")),
    _t("4.3.2.4.2020", "efficiency", "cumulative", 2020, "50", _c("4", "3", "4", "task 2, result indicators")),
    _t("4.3.3.1.2020", "clusters", "cumulative", 2020, "3", _c("4", "3", "1", "task 3, result indicators")),
    *(
        _t(f"8.cpip.{year}", "cpip", "annual", year, value, _c("8", "", None, "action plan, target indicator 3"), 2011)
        for year, value in ((2011, "26"), (2012, "25"), (2013, "13"), (2014, "8"))
    ),
    *(
        _t(f"8.leasing.{year}", "leasing_enterprises", "annual", year, "3",
           _c("8", "", None, "action plan, task 1, result indicator 1"), 2011)
        for year in (2011, 2012, 2013, 2014)
    ),
)

# Financing, thousand KZT: the passport (section 1) and section 7 give the same figures.
BUDGET_THOUSAND_KZT: dict[int, Decimal] = {
    2011: Decimal(15764910), 2012: Decimal(10133367), 2013: Decimal(134050), 2014: Decimal(126670),
    **{year: Decimal(697311) for year in range(2015, 2021)},
}
BUDGET_CITATIONS = (_c("1", "", None, "passport: sources of financing"), _c("7", "", None, "resources and financing"))


@dataclass(frozen=True)
class Contradiction:
    check: str  # "average_vs_cumulative" | "annual_vs_cumulative" | "annual_vs_average"
    first: Target
    second: Target
    explanation: Messages

    @property
    def citations(self) -> tuple[Citation, Citation]:
        return self.first.citation, self.second.citation

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "check": self.check,
            "family": self.first.family,
            "first": _target_dict(self.first, lang),
            "second": _target_dict(self.second, lang),
            "explanation": self.explanation.get(lang, ""),
        }


def _target_dict(target: Target, lang: str) -> dict:
    return {"id": target.id, "year": target.year, "value": str(target.value), "citation": target.citation.as_dict(lang)}


_TEXTS: dict[str, Messages] = {
    "average_vs_cumulative": {
        "kk": "{indicator}: «жылына орташа есеппен кемінде {average}» ({first}) {years} жылда кемінде {needed} "
        "береді, ал нысана ({second}) бойынша {since} жылдан {year} жылға дейін тек {gained} көзделген.",
        "ru": "{indicator}: «в среднем не менее {average} в год» ({first}) дают за {years} г. не менее {needed}, "
        "а по цели ({second}) с {since} по {year} год предусмотрено лишь {gained}.",
        "en": "{indicator}: 'at least {average} a year on average' ({first}) gives at least {needed} over {years} "
        "year(s), but the target ({second}) foresees only {gained} from {since} to {year}.",
    },
    "annual_vs_cumulative": {
        "kk": "{indicator}: жылдық мәндердің қосындысы {total} ({first}), ал нысана ({second}) бойынша {year} "
        "жылға дейін {value}.",
        "ru": "{indicator}: сумма годовых значений {total} ({first}), а по цели ({second}) к {year} году — {value}.",
        "en": "{indicator}: the yearly figures add up to {total} ({first}), but the target ({second}) gives "
        "{value} by {year}.",
    },
    "annual_vs_average": {
        "kk": "{indicator}: жылдық мәндердің орташасы {mean} ({first}), бұл нысана ({second}) бойынша жылына кемінде "
        "{average} дегеннен аз.",
        "ru": "{indicator}: среднее годовых значений {mean} ({first}) меньше «не менее {average} в год» по цели "
        "({second}).",
        "en": "{indicator}: the yearly figures average {mean} ({first}), below the 'at least {average} a year' of "
        "the target ({second}).",
    },
}


def _explain(check: str, first: Target, second: Target, **details) -> Contradiction:
    # Each language cites the two targets as its legal texts do; the compact ref is a storage key.
    messages = {lang: render({lang: text}, details | {"indicator": first.indicator[lang],
                                                      "first": first.citation.short(lang),
                                                      "second": second.citation.short(lang)})[lang]
                for lang, text in _TEXTS[check].items()}
    return Contradiction(check, first, second, messages)


def target_contradictions(targets: tuple[Target, ...] = TARGETS) -> list[Contradiction]:
    """Pairs of targets that cannot both hold, each with both citations."""
    found: list[Contradiction] = []
    families = dict.fromkeys(t.family for t in targets)
    for family in families:
        own = [t for t in targets if t.family == family]
        cumulative = sorted((t for t in own if t.kind == "cumulative"), key=lambda t: t.year)
        averages = [t for t in own if t.kind == "per_year_min"]
        annual = sorted((t for t in own if t.kind == "annual"), key=lambda t: t.year)
        for average in averages:
            for index, count in enumerate(cumulative):
                if count.year != average.year:
                    continue
                previous = cumulative[index - 1] if index else None
                since = previous.year if previous else max(count.period_start, average.period_start)
                base = previous.value if previous else Decimal(0)
                years = count.year - since
                needed, gained = average.value * years, count.value - base
                if years > 0 and gained < needed:
                    found.append(_explain("average_vs_cumulative", average, count, average=average.value,
                                          years=years, needed=needed, since=since, year=count.year, gained=gained))
            during = [t for t in annual if average.period_start <= t.year < average.year]
            if during:
                mean = sum((t.value for t in during), Decimal(0)) / len(during)
                if mean < average.value:
                    found.append(_explain("annual_vs_average", during[0], average, mean=mean,
                                          average=average.value))
        for count in cumulative:
            before = [t for t in annual if count.period_start <= t.year < count.year]
            covered = {t.year for t in before} == set(range(count.period_start, count.year))
            total = sum((t.value for t in before), Decimal(0))
            if before and covered and total != count.value:
                found.append(_explain("annual_vs_cumulative", before[0], count, total=total, value=count.value,
                                      year=count.year))
    return found
