"""The instruments of the "Productivity 2020" programme (act 004, section 5.3) as DATA.

Each `InstrumentDefinition` says, declaratively, how the instrument reimburses: the parameter of
the share, the caps with their scope, the look-back window, the admissible cost kinds and the
kinds named as not reimbursed. `calculator` interprets these definitions for one
case; a batch path may compile the same `INSTRUMENTS` to vectorised form. Numbers live in
`params/004.yaml`; only parameter names appear here.

Cap scopes:
- "instrument": the reimbursement of one application (one project / contract / cluster);
- "per_employee": the reimbursement for one employee; the seed gives no period, so every earlier
  reimbursement of that employee under the instrument counts (period "programme");
- "per_specialist_year": the reimbursement for one specialist in a calendar year;
- "persons_per_enterprise_year": how many employees / specialists of one enterprise are reimbursed
  in a calendar year (earlier reimbursements of the year count first);
- "enterprise_size": a cap that applies only to the `size` given ("sme" or "large");
- "percent_of_construction_cost": the parameter is a percentage of the construction and
  installation works.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from ...citation import Citation
from ...rules import Messages
from .common import MECHANISM_2_5, cite, instrument_note

CapScope = Literal[
    "instrument",
    "per_employee",
    "per_specialist_year",
    "persons_per_enterprise_year",
    "enterprise_size",
    "percent_of_construction_cost",
]
Period = Literal["application", "calendar_year", "programme"]
Availability = Literal["reimbursement", "leasing", "rules_not_in_seed"]


@dataclass(frozen=True)
class Cap:
    scope: CapScope
    parameter: str
    citation: Citation
    period: Period = "application"
    size: Literal["sme", "large"] | None = None  # scope "enterprise_size" only


@dataclass(frozen=True)
class KindExclusion:
    """A cost kind the programme names as not reimbursed by the instrument."""

    kind: str
    reason: Messages
    citation: Citation


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the mappings are not hashable
class InstrumentDefinition:
    id: str
    name: Messages
    citation: Citation
    availability: Availability
    operator: str | Messages  # an organisation's own name, or a description in each language
    share_parameter: str | None = None
    caps: tuple[Cap, ...] = ()
    lookback_parameter: str | None = None
    admissible_kinds: frozenset[str] = frozenset()
    excluded_kinds: tuple[KindExclusion, ...] = ()
    person: Literal["employee", "specialist"] | None = None  # costs attributed to persons (3a, 3b)
    whole_months: bool = False  # only whole calendar months of an expert's work (3b)
    accommodation_parameters: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    round_trips_parameter: str | None = None
    travel_classes: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    executor_services: frozenset[str] = frozenset()  # 5.2: who may be the executor

    @property
    def parameters(self) -> tuple[str, ...]:
        """Every parameter the calculation reads, in a stable order."""
        names = [self.share_parameter, *(c.parameter for c in self.caps), self.lookback_parameter]
        names += [*self.accommodation_parameters.values(), self.round_trips_parameter]
        return tuple(dict.fromkeys(n for n in names if n))

    def excluded(self, kind: str) -> KindExclusion | None:
        return next((e for e in self.excluded_kinds if e.kind == kind), None)


def _i(number: str, sub: str | None = None) -> Citation:
    return cite("5.3", sub=sub, note=instrument_note(number))


_COSTS_3 = cite("5.3", note=instrument_note("3") + ", paragraph on the costs reimbursed")
_EXPERTS_3 = cite("5.3", note=instrument_note("3") + ", paragraph on the costs of experts")
_TRAVEL = cite("5.4", "13", "11", MECHANISM_2_5)

PER_DIEM_EXCLUDED = KindExclusion(
    "per_diem",
    {
        "kk": "Тәуліктік шығындар өтелмейді: тұру құны «тәуліктік шығындардан басқа» өтеледі.",
        "ru": "Суточные не возмещаются: проживание возмещается «за исключением суточных расходов».",
        "en": "Per diem is not reimbursed: accommodation is reimbursed 'except daily allowances'.",
    },
    _COSTS_3,
)
_EXPERT_ONLY_FEES: Messages = {
    "kk": "Сарапшыларды тарту арқылы үздік практикаларды енгізу шығындарын өтеу тек қызметтерге (еңбекке) ақы "
    "төлеуді көздейді; жол жүру, тұру және тәулікақы өтелмейді.",
    "ru": "Возмещение затрат на внедрение лучших практик через экспертов предусматривает только оплату услуг "
    "(труда); проезд, проживание и суточные не возмещаются.",
    "en": "Best practice through experts reimburses the experts' fees only; travel, accommodation and per diem "
    "are not reimbursed.",
}

INSTRUMENTS: dict[str, InstrumentDefinition] = {
    "1": InstrumentDefinition(
        "1",
        {
            "kk": "Ұзақ мерзімді лизингтік қаржыландыруды ұсыну",
            "ru": "Предоставление долгосрочного лизингового финансирования",
            "en": "Long-term leasing financing",
        },
        _i("1"),
        "leasing",
        "KDB-Leasing",
    ),
    "2a": InstrumentDefinition(
        "2a",
        {
            "kk": "Лизингтік қаржыландыру алу үшін инвестициялық жобаның кешенді жоспарын әзірлеу",
            "ru": "Разработка комплексного плана инвестиционного проекта для получения лизингового финансирования",
            "en": "Comprehensive investment-project plan (CPIP) for leasing",
        },
        _i("2", "1"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i2a.share",
        caps=(Cap("instrument", "p2020.i2a.cap_kzt", _i("2", "1")),),
        admissible_kinds=frozenset({"cpip_development"}),
        executor_services=frozenset({"cpip"}),
    ),
    "2b": InstrumentDefinition(
        "2b",
        {
            "kk": "Индустрияландыру картасы жобалары үшін ТЭН әзірлеу және/немесе сараптау",
            "ru": "Разработка и/или экспертиза ТЭО проектов Карты индустриализации",
            "en": "Feasibility study or its expertise for an industrialization-map project",
        },
        _i("2", "2"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i2b.share",
        caps=(
            Cap("instrument", "p2020.i2b.cap_kzt", _i("2", "2")),
            Cap("percent_of_construction_cost", "p2020.i2b.construction_cost_cap_percent", _i("2", "2")),
        ),
        lookback_parameter="p2020.i2b.lookback_months",
        admissible_kinds=frozenset({"feasibility_study", "feasibility_expertise"}),
        executor_services=frozenset({"feasibility_study", "feasibility_expertise"}),
    ),
    "3a": InstrumentDefinition(
        "3a",
        {
            "kk": "Кадрларды, оның ішінде топ-менеджерлерді даярлау және/немесе қайта даярлау",
            "ru": "Подготовка и/или переподготовка кадров, в том числе топ-менеджеров",
            "en": "Training or retraining of staff, including top managers",
        },
        _i("3", "1"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i3a.share",
        caps=(
            Cap("persons_per_enterprise_year", "p2020.i3a.employees_per_enterprise_year", _i("3", "1"),
                period="calendar_year"),
            Cap("per_employee", "p2020.i3a.cap_per_employee_kzt", _i("3", "1"), period="programme"),
        ),
        lookback_parameter="p2020.i3a.lookback_months",
        admissible_kinds=frozenset({"training_fee", "travel", "accommodation"}),
        excluded_kinds=(PER_DIEM_EXCLUDED,),
        person="employee",
        accommodation_parameters=MappingProxyType(
            {
                "course": "p2020.i3a.accommodation_course_months",
                "internship": "p2020.i3a.accommodation_internship_months",
            }
        ),
        round_trips_parameter="p2020.i3a.round_trips",
        travel_classes=MappingProxyType(
            {
                "rail": frozenset({"coupe"}),
                "air": frozenset({"economy"}),
                "road": frozenset({"local_fare"}),
                "water": frozenset({"local_fare"}),
            }
        ),
        executor_services=frozenset({"training_education", "training_specialised", "internship_host"}),
    ),
    "3b": InstrumentDefinition(
        "3b",
        {
            "kk": "Сарапшыларды тарту арқылы озық өндірістік тәжірибені енгізу",
            "ru": "Внедрение лучшей производственной практики путём привлечения экспертов",
            "en": "Best production practice through (foreign) experts",
        },
        _i("3", "2"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i3b.share",
        caps=(
            Cap("persons_per_enterprise_year", "p2020.i3b.specialists_per_enterprise_year", _i("3", "2"),
                period="calendar_year"),
            Cap("per_specialist_year", "p2020.i3b.cap_per_specialist_year_kzt", _i("3", "2"),
                period="calendar_year"),
        ),
        lookback_parameter="p2020.i3b.lookback_months",
        admissible_kinds=frozenset({"expert_fee"}),
        excluded_kinds=tuple(
            KindExclusion(kind, _EXPERT_ONLY_FEES, _EXPERTS_3) for kind in ("travel", "accommodation", "per_diem")
        ),
        person="specialist",
        whole_months=True,
        executor_services=frozenset({"best_practice_expert"}),
    ),
    "4a": InstrumentDefinition(
        "4a",
        {
            "kk": "Техникалық диагностика жүргізу",
            "ru": "Проведение технической диагностики",
            "en": "Technical diagnostics",
        },
        _i("4", "1"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i4a.share",
        caps=(
            Cap("enterprise_size", "p2020.i4a.cap_sme_kzt", _i("4", "1"), size="sme"),
            Cap("enterprise_size", "p2020.i4a.cap_large_kzt", _i("4", "1"), size="large"),
        ),
        lookback_parameter="p2020.i4a.lookback_months",
        admissible_kinds=frozenset({"technical_diagnostics"}),
        executor_services=frozenset({"tech_improvement"}),
    ),
    "4b": InstrumentDefinition(
        "4b",
        {
            "kk": "Консалтингтік, жобалық және инжинирингтік ұйымдарды тарту арқылы технологиялық процестерді "
            "жетілдіру",
            "ru": "Совершенствование технологических процессов с привлечением консалтинговых, проектных и "
            "инжиниринговых организаций",
            "en": "Improving technological processes through consulting, design and engineering firms",
        },
        _i("4", "2"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i4b.share",
        caps=(Cap("instrument", "p2020.i4b.cap_kzt", _i("4", "2")),),
        lookback_parameter="p2020.i4b.lookback_months",
        admissible_kinds=frozenset({"technology_improvement"}),
        executor_services=frozenset({"tech_improvement"}),
    ),
    "5a": InstrumentDefinition(
        "5a",
        {
            "kk": "Өндірісті ұйымдастыру тиімділігін арттыру жоспарын әзірлеу",
            "ru": "Разработка плана повышения эффективности организации производства",
            "en": "Developing a production-efficiency plan",
        },
        _i("5", "1"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i5a.share",
        caps=(Cap("instrument", "p2020.i5a.cap_kzt", _i("5", "1")),),
        lookback_parameter="p2020.i5a.lookback_months",
        admissible_kinds=frozenset({"efficiency_plan_development"}),
        executor_services=frozenset({"efficiency"}),
    ),
    "5b": InstrumentDefinition(
        "5b",
        {
            "kk": "Өндірісті ұйымдастыру тиімділігін арттыру жоспарын іске асыру",
            "ru": "Реализация плана повышения эффективности организации производства",
            "en": "Implementing a production-efficiency plan",
        },
        _i("5", "2"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i5b.share",
        caps=(Cap("instrument", "p2020.i5b.cap_kzt", _i("5", "2")),),
        lookback_parameter="p2020.i5b.lookback_months",
        admissible_kinds=frozenset({"efficiency_plan_implementation"}),
        executor_services=frozenset({"efficiency"}),
    ),
    "6": InstrumentDefinition(
        "6",
        {
            "kk": "Отандық өңделген тауарларды, жұмыстарды және көрсетілетін қызметтерді ішкі нарықта ілгерілету "
            "шығындарының бір бөлігін өтеу",
            "ru": "Возмещение части затрат на продвижение отечественных обработанных товаров, работ и услуг на "
            "внутреннем рынке",
            "en": "Partial reimbursement of promoting domestic processed goods, works and services",
        },
        _i("6"),
        "rules_not_in_seed",
        {
            "kk": "жергілікті қамтуды дамыту саласындағы ұлттық даму институты",
            "ru": "национальный институт развития в области местного содержания",
            "en": "national development institution for local content",
        },
    ),
    "7": InstrumentDefinition(
        "7",
        {
            "kk": "Аумақтық кластерді дамыту стратегиясын және жол картасын әзірлеу",
            "ru": "Разработка стратегии и дорожной карты развития территориального кластера",
            "en": "Territorial cluster strategy and road map",
        },
        _i("7"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i7.share",
        caps=(Cap("instrument", "p2020.i7.cap_kzt", _i("7")),),
        admissible_kinds=frozenset({"cluster_strategy"}),
    ),
    "8": InstrumentDefinition(
        "8",
        {
            "kk": "Аумақтық кластерді дамыту стратегиясын және жол картасын іске асыру",
            "ru": "Реализация стратегии и дорожной карты развития территориального кластера",
            "en": "Implementing a territorial cluster strategy and road map",
        },
        _i("8"),
        "reimbursement",
        "KIDI",
        share_parameter="p2020.i8.share",
        caps=(Cap("instrument", "p2020.i8.cap_kzt", _i("8")),),
        admissible_kinds=frozenset({"cluster_strategy_implementation"}),
    ),
}

TRAVEL_CITATION = _TRAVEL
COSTS_3_CITATION = _COSTS_3
