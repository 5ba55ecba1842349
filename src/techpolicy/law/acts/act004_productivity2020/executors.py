"""Act 004 ("Productivity 2020" programme), 5.2 "Орындаушыларға қойылатын критерийлер": the
criteria for the executors an applicant engages, as a table by kind of service.

| service | requirement |
|---|---|
| CPIP for leasing (2a) | >= 3 years in business plans / feasibility studies / design documents; >= 3 such works |
| map feasibility study (2b) | >= 3 years; licence if required; >= 3 projects with a positive expertise |
| its expertise (2b) | accredited expert organisation, certified expert or state expert organisation |
| training, education or science organisation (3a) | licence if required; >= 3 years |
| training, specialised organisation (3a) | >= 3 years; >= 3 projects |
| internship host enterprise (3a) | >= 5 years in the field of the internship |
| best-practice expert (3b) | >= 5 years in the field |
| technological processes (4a, 4b) | licence if required; >= 3 years; >= 1 project |
| production efficiency (5a, 5b) | >= 3 years; >= 2 projects |

Instruments 1, 6, 7 and 8 have no executor criteria in the seed; their rules do not apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from ...citation import Citation
from ...columnar import DECIMAL, Fields
from ...rules import ColumnContext, Context, Rule
from .common import cite, rule
from .facts import Executor, ProductivityFacts
from .instruments import INSTRUMENTS


@dataclass(frozen=True)
class ExecutorRequirement:
    citation: Citation
    experience_parameter: str | None = None
    projects_parameter: str | None = None
    licence_if_required: bool = False
    accreditation: bool = False


def _e(note: str) -> Citation:
    return cite("5.2", note=note)


EXECUTOR_REQUIREMENTS: dict[str, ExecutorRequirement] = {
    "cpip": ExecutorRequirement(_e("executor of a CPIP for leasing"), "p2020.executor.cpip.experience_years",
                                "p2020.executor.cpip.works_min"),
    "feasibility_study": ExecutorRequirement(
        _e("executor of a feasibility study for an industrialization-map project"),
        "p2020.executor.feasibility_study.experience_years", "p2020.executor.feasibility_study.projects_min",
        licence_if_required=True),
    "feasibility_expertise": ExecutorRequirement(
        _e("executor of the non-departmental expertise of a map feasibility study"), accreditation=True),
    "training_education": ExecutorRequirement(
        _e("training executor: education and science organisations"),
        "p2020.executor.training_education.experience_years", licence_if_required=True),
    "training_specialised": ExecutorRequirement(
        _e("training executor: specialised organisations"), "p2020.executor.training_specialised.experience_years",
        "p2020.executor.training_specialised.projects_min"),
    "internship_host": ExecutorRequirement(
        _e("training executor: scientific-industrial and industrial enterprises hosting internships"),
        "p2020.executor.internship_host.experience_years"),
    "best_practice_expert": ExecutorRequirement(
        _e("executor introducing best production practice through experts"),
        "p2020.executor.best_practice_expert.experience_years"),
    "tech_improvement": ExecutorRequirement(
        _e("executor improving technological processes"), "p2020.executor.tech_improvement.experience_years",
        "p2020.executor.tech_improvement.projects_min", licence_if_required=True),
    "efficiency": ExecutorRequirement(
        _e("executor raising production efficiency"), "p2020.executor.efficiency.experience_years",
        "p2020.executor.efficiency.projects_min"),
}


def _services(facts: ProductivityFacts) -> frozenset[str]:
    return INSTRUMENTS[facts.instrument].executor_services


WITH_CRITERIA = sorted(i for i, d in INSTRUMENTS.items() if d.executor_services)


def _has_criteria(f: Fields) -> pl.Expr:
    return f.instrument.is_in(WITH_CRITERIA)


def _groups() -> tuple[dict[str, int], dict[str, int]]:
    """The instruments' admitted services as groups (instrument -> group, service -> group): two
    instruments admit the same services or none in common (4a and 4b, 5a and 5b share theirs), so
    a service is admitted exactly where its group is the instrument's, and comparing two small
    integers replaces comparing per-row sets of services."""
    numbers: dict[frozenset[str], int] = {}
    for i in WITH_CRITERIA:
        numbers.setdefault(INSTRUMENTS[i].executor_services, len(numbers) + 1)
    service_group: dict[str, int] = {}
    for services, number in numbers.items():
        for service in services:
            if service in service_group:
                raise ValueError(f"5.2: service {service!r} is admitted by instruments with different services")
            service_group[service] = number
    return {i: numbers[INSTRUMENTS[i].executor_services] for i in WITH_CRITERIA}, service_group


_INSTRUMENT_GROUP, _SERVICE_GROUP = _groups()


def _admitted(f: Fields) -> pl.Expr:
    """The group of services the row's instrument admits (0 for an instrument without criteria:
    no service is admitted there)."""
    return f.instrument.replace_strict(_INSTRUMENT_GROUP, default=0, return_dtype=pl.Int8)


def _group(e: Fields) -> pl.Expr:
    """The group of an executor's service (-1 for a service no instrument admits)."""
    return e.service.replace_strict(_SERVICE_GROUP, default=-1, return_dtype=pl.Int8)


def _engaged(f: Fields, ctx: ColumnContext) -> pl.Expr:
    return f.executors.map(_group).list.contains(_admitted(f))


def _service(f: Fields, ctx: ColumnContext) -> pl.Expr:
    # No executor's group differs from the admitted one (the difference, taken for the whole list
    # at once, is 0 for each).
    return ~(f.executors.map(_group) - _admitted(f)).list.eval(pl.element() != 0).list.any()


def _engaged_details(facts: ProductivityFacts, ctx: Context) -> dict:
    return {"services": ", ".join(sorted(_services(facts)))}


def _service_details(facts: ProductivityFacts, ctx: Context) -> dict:
    services = _services(facts)
    wrong = [f"{e.id} ({e.service})" for e in facts.executors if e.service not in services]
    return {"wrong": "; ".join(wrong), "services": ", ".join(sorted(services)), "instrument": facts.instrument}


# A criterion of 5.2 per executor: `failing(e, ctx)` is the expression true for an executor that
# fails the criterion as its service's requirement sets it (false or null where the requirement
# sets no such criterion), and `text(e, req, ctx)` the short text naming it for the reasons.
Failing = Callable[[Fields, ColumnContext], pl.Expr]
Text = Callable[[Executor, ExecutorRequirement, Context], str | None]


def _by_service(e: Fields, values: dict[str, Any]) -> pl.Expr:
    """The value of the executor's service in `values` (null for a service not in it): one lookup
    where a branch per service would build and evaluate an expression per service."""
    dtype = DECIMAL if any(isinstance(v, Decimal | float) for v in values.values()) else pl.Int64()
    return e.service.replace_strict(values, default=None, return_dtype=dtype)


def _services_with(check: Callable[[ExecutorRequirement], bool]) -> list[str]:
    return sorted(service for service, req in EXECUTOR_REQUIREMENTS.items() if check(req))


def _per_executor(failing: Failing, text: Text):
    """The test and the details of a criterion over the executors of the services the instrument
    admits: the services of the failing executors must not meet the admitted ones."""

    def test(f: Fields, ctx: ColumnContext) -> pl.Expr:
        failed = f.executors.map(lambda e: pl.when(failing(e, ctx)).then(_group(e)))
        return ~failed.list.contains(_admitted(f))

    def explain(facts: ProductivityFacts, ctx: Context) -> dict:
        services = _services(facts)
        relevant = [(e, EXECUTOR_REQUIREMENTS[e.service]) for e in facts.executors if e.service in services]
        found = [t for e, req in relevant if (t := text(e, req, ctx)) is not None]
        return {"failing": "; ".join(found)} if found else {}

    return test, explain


def _criterion(pair: tuple) -> tuple:
    """(test, applies, explain) of a criterion per executor."""
    test, explain = pair
    return test, _has_criteria, explain


def _experience(e: Fields, ctx: ColumnContext) -> pl.Expr:
    least = {service: ctx.param(req.experience_parameter) for service, req in EXECUTOR_REQUIREMENTS.items()
             if req.experience_parameter is not None}
    return e.experience_years < _by_service(e, least)


def _experience_text(executor: Executor, req: ExecutorRequirement, ctx: Context) -> str | None:
    if req.experience_parameter is None:
        return None
    least = ctx.param(req.experience_parameter)
    return None if executor.experience_years >= least else f"{executor.id}: {executor.experience_years} < {least}"


def _projects(e: Fields, ctx: ColumnContext) -> pl.Expr:
    least = {service: ctx.param(req.projects_parameter) for service, req in EXECUTOR_REQUIREMENTS.items()
             if req.projects_parameter is not None}
    return e.past_projects < _by_service(e, least)


def _projects_text(executor: Executor, req: ExecutorRequirement, ctx: Context) -> str | None:
    if req.projects_parameter is None:
        return None
    least = ctx.param(req.projects_parameter)
    return None if executor.past_projects >= least else f"{executor.id}: {executor.past_projects} < {least}"


def _licence(e: Fields, ctx: ColumnContext) -> pl.Expr:
    licensed = _services_with(lambda req: req.licence_if_required)
    return e.service.is_in(licensed) & e.licence_required & ~e.licence_held


def _licence_text(executor: Executor, req: ExecutorRequirement, ctx: Context) -> str | None:
    if req.licence_if_required and executor.licence_required and not executor.licence_held:
        return executor.id
    return None


def _accreditation(e: Fields, ctx: ColumnContext) -> pl.Expr:
    return e.service.is_in(_services_with(lambda req: req.accreditation)) & e.accreditation.is_null()


def _accreditation_text(executor: Executor, req: ExecutorRequirement, ctx: Context) -> str | None:
    return executor.id if req.accreditation and executor.accreditation is None else None


_TABLE = cite("5.2", note="executor criteria by kind of service")

EXECUTOR_RULES: tuple[Rule, ...] = (
    rule(
        "004.s5.2.engaged",
        _TABLE,
        {
            "kk": "Өтінім беруші 5.2-бөлімнің өлшемшарттарына сәйкес келетін орындаушыны тартуы тиіс.",
            "ru": "Заявитель должен привлечь исполнителя, к которому применяются критерии раздела 5.2.",
            "en": "The applicant must engage an executor of a kind the criteria of section 5.2 cover.",
        },
        {
            "kk": "Осы құрал үшін орындаушы көрсетілмеген (рұқсат етілген қызмет түрлері: {services}).",
            "ru": "Исполнитель для этого инструмента не указан (допустимые виды услуг: {services}).",
            "en": "No executor is given for this instrument (services it admits: {services}).",
        },
        _engaged,
        _has_criteria,
        _engaged_details,
    ),
    rule(
        "004.s5.2.service",
        _TABLE,
        {
            "kk": "Орындаушының қызмет түрі өтінім берілген құралға сәйкес келуі тиіс.",
            "ru": "Вид услуг исполнителя должен соответствовать инструменту заявки.",
            "en": "Each executor's kind of service must be one the instrument applied for admits.",
        },
        {
            "kk": "{instrument} құралы үшін мына орындаушылардың қызмет түрі сәйкес емес: {wrong} (рұқсат етілгені: "
            "{services}).",
            "ru": "Для инструмента {instrument} вид услуг не подходит у исполнителей: {wrong} (допустимые: "
            "{services}).",
            "en": "For instrument {instrument} these executors' services do not fit: {wrong} (admitted: {services}).",
        },
        _service,
        _has_criteria,
        _service_details,
    ),
    rule(
        "004.s5.2.experience",
        _TABLE,
        {
            "kk": "Орындаушының көрсетілетін қызметтер саласында біліктілігі және ең аз жұмыс тәжірибесі болуы тиіс "
            "(3 жыл; тағылымдама базасы мен сарапшылар үшін 5 жыл).",
            "ru": "У исполнителя должны быть квалификация и минимальный опыт работы в сфере услуг (3 года; для баз "
            "стажировки и экспертов — 5 лет).",
            "en": "Each executor must have the least experience in the field of its service (3 years; 5 years for "
            "internship hosts and best-practice experts).",
        },
        {
            "kk": "Жұмыс тәжірибесі жеткіліксіз (жыл): {failing}.",
            "ru": "Недостаточный опыт работы (лет): {failing}.",
            "en": "Not enough experience (years): {failing}.",
        },
        *_criterion(_per_executor(_experience, _experience_text)),
    ),
    rule(
        "004.s5.2.projects",
        _TABLE,
        {
            "kk": "Орындаушының көрсетілетін қызметтер саласында бұрын іске асырған жобалары (жұмыстары) болуы тиіс.",
            "ru": "У исполнителя должны быть ранее реализованные проекты (работы) в сфере услуг.",
            "en": "Each executor must have carried out the least number of projects (works) in its field.",
        },
        {
            "kk": "Бұрын іске асырылған жобалар саны жеткіліксіз: {failing}.",
            "ru": "Недостаточно ранее реализованных проектов: {failing}.",
            "en": "Not enough past projects: {failing}.",
        },
        *_criterion(_per_executor(_projects, _projects_text)),
    ),
    rule(
        "004.s5.2.licence",
        _TABLE,
        {
            "kk": "Заңнамаға сәйкес міндетті болса, орындаушыда тиісті лицензия, рұқсат болуы тиіс.",
            "ru": "Если это обязательно по законодательству, у исполнителя должна быть соответствующая лицензия, "
            "разрешение.",
            "en": "Where the law requires one, the executor must hold the licence or permit for the service.",
        },
        {
            "kk": "Міндетті лицензиясы (рұқсаты) жоқ орындаушылар: {failing}.",
            "ru": "Исполнители без обязательной лицензии (разрешения): {failing}.",
            "en": "Executors without the licence or permit the law requires: {failing}.",
        },
        *_criterion(_per_executor(_licence, _licence_text)),
    ),
    rule(
        "004.s5.2.accreditation",
        _TABLE,
        {
            "kk": "ТЭН сараптамасын аккредиттелген сарапшылық ұйым, аттестатталған сарапшы немесе мемлекеттік "
            "сарапшылық ұйым жүргізеді.",
            "ru": "Экспертизу ТЭО проводит аккредитованная экспертная организация, аттестованный эксперт или "
            "государственная экспертная организация.",
            "en": "The expertise of a feasibility study is made by an accredited expert organisation, a certified "
            "expert or a state expert organisation.",
        },
        {
            "kk": "Сараптама орындаушысы аккредиттелмеген (аттестатталмаған): {failing}.",
            "ru": "Исполнитель экспертизы не аккредитован (не аттестован): {failing}.",
            "en": "The expertise executor is not accredited, certified or a state organisation: {failing}.",
        },
        *_criterion(_per_executor(_accreditation, _accreditation_text)),
    ),
)
