"""Act 003, article 20(6): the criteria every decision on a support measure rests on (003.a20.p6,
003.a20.p6.grants), innovation grants included.

When considering, agreeing and granting a measure the body "is obliged to be guided by one of the
criteria" (reading R-G1: at least one, each recorded with its evidence):
1) innovativeness: orientation to raising economic efficiency by creating new or improved
   production, technologies, goods, works and services;
2) competitiveness: an advantage over similar projects in the economic and social efficiency
   achieved, determined as the result achieved divided by the cost of achieving it;
3) scale: the significance of the project for the industrial-innovative development of Kazakhstan.

The decision records the criteria in `AwardBasis`. For competitiveness it stores the result, the
cost and the similar projects compared with; how they are compared (mean, median or the best of
them) is not set by the source document (`support.competitiveness_comparator`): while it is unset
the decision-maker's finding stands, with the ratios shown; once an administrator sets it, the
project's ratio must exceed the comparators' figure. How scale is measured is not set either
(`support.scale_measure`): the finding rests on its evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from statistics import median
from typing import Annotated, Any

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from ...columnar import Fields
from ...rules import ColumnContext, Context, Messages, Rule, optional
from .common import cite, rule
from .values import Amount, Evidence, Name

CRITERIA = ("innovativeness", "competitiveness", "scale")
CRITERION_CITATIONS = {name: cite("20", "6", str(k)) for k, name in enumerate(CRITERIA, start=1)}
CRITERION_NAMES: dict[str, Messages] = {
    "innovativeness": {"kk": "инновациялық", "ru": "инновационность", "en": "innovativeness"},
    "competitiveness": {"kk": "бәсекеге қабілеттілік", "ru": "конкурентоспособность", "en": "competitiveness"},
    "scale": {"kk": "ауқымдылық", "ru": "масштабность", "en": "scale"},
}
COMPARATOR_PARAMETER = "support.competitiveness_comparator"
COMPARATORS = ("mean", "median", "best")
COMPARATOR_NAMES: dict[str | None, Messages] = {
    "mean": {"kk": "орта мән", "ru": "среднее", "en": "mean"},
    "median": {"kk": "медиана", "ru": "медиана", "en": "median"},
    "best": {"kk": "үздігі", "ru": "лучший", "en": "the best"},
}
NOT_SET: Messages = {"kk": "бастапқы құжатта белгіленбеген", "ru": "не установлено исходным документом",
                     "en": "not set by the source document"}
MINIMUM_PARAMETER = "support.award_criteria_min"
MAX_COMPARATORS = 50


class Finding(BaseModel):
    """A criterion the decision rests on, with the evidence for it."""

    model_config = ConfigDict(extra="forbid")

    evidence: Evidence


class SimilarProject(BaseModel):
    """A similar project compared with: its result and the cost of achieving it, in the same units
    as the project's."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    result: Amount
    cost: Amount


class Competitiveness(Finding):
    result: Amount = Field(description="the economic and social result achieved (in the unit named)")
    result_unit: Annotated[str, Field(min_length=1, max_length=100, description="e.g. tenge of added value")]
    cost: Amount = Field(description="the cost of achieving it, tenge")
    similar: Annotated[list[SimilarProject], Field(min_length=1, max_length=MAX_COMPARATORS,
                                                   description="the similar projects compared with")]


class AwardBasis(BaseModel):
    """The criteria of article 20(6) a decision rests on; a criterion not relied on is left out."""

    model_config = ConfigDict(extra="forbid")

    innovativeness: Finding | None = None
    competitiveness: Competitiveness | None = None
    scale: Finding | None = None

    def relied_on(self) -> list[str]:
        return [name for name in CRITERIA if getattr(self, name) is not None]


def _ratio(result: Decimal, cost: Decimal) -> Decimal:
    return result / cost


def comparator_figure(basis: Competitiveness, comparator: str) -> Decimal:
    ratios = [_ratio(p.result, p.cost) for p in basis.similar]
    if comparator == "mean":
        return sum(ratios, Decimal(0)) / len(ratios)
    if comparator == "median":
        return median(ratios)
    return max(ratios)


def _comparator(ctx: Context) -> str | None:
    value = optional(ctx, COMPARATOR_PARAMETER)
    return value if value in COMPARATORS else None


def _count(basis: Fields) -> pl.Expr:
    given = [getattr(basis, name).given().fill_null(False).cast(pl.Int32) for name in CRITERIA]
    return pl.sum_horizontal(given)


def _ratio_expr(result: pl.Expr, cost: pl.Expr) -> pl.Expr:
    # Ratios are compared, never paid: floats are exact enough for "greater than" here.
    return result.cast(pl.Float64) / cost.cast(pl.Float64)


def _advantage(c: Fields, comparator: str) -> pl.Expr:
    ratios = c.similar.map(lambda p: _ratio_expr(p.result, p.cost))
    figure = {"mean": ratios.list.mean(), "median": ratios.list.median(), "best": ratios.list.max()}[comparator]
    return _ratio_expr(c.result, c.cost) > figure


def basis_rules(prefix: str, field: str, applies: Callable[[Fields], pl.Expr]) -> tuple[Rule, ...]:
    """The rules of article 20(6) over the award basis in the fact `field` (an `AwardBasis`) of a
    decision, where `applies(f)` holds (a decision, not yet an application): ids `prefix` +
    ".criteria" and ".competitiveness"."""

    def basis(f: Fields) -> Fields:
        return getattr(f, field)

    def relied(f: Fields, ctx: ColumnContext) -> pl.Expr:
        return basis(f).given() & (_count(basis(f)) >= ctx.param(MINIMUM_PARAMETER))

    def relied_details(facts: Any, ctx: Context) -> dict[str, Any]:
        found = getattr(facts, field)
        return {"minimum": ctx.param(MINIMUM_PARAMETER), "count": len(found.relied_on()) if found else 0}

    def competitive(f: Fields, ctx: ColumnContext) -> pl.Expr:
        comparator = _comparator(ctx)
        return pl.lit(True) if comparator is None else _advantage(basis(f).competitiveness, comparator)

    def competitive_details(facts: Any, ctx: Context) -> dict[str, Any]:
        c = getattr(facts, field).competitiveness
        comparator = _comparator(ctx)
        details: dict[str, Any] = {
            "ratio": f"{_ratio(c.result, c.cost):.4f}", "unit": c.result_unit,
            "similar": "; ".join(f"{p.name}: {_ratio(p.result, p.cost):.4f}" for p in c.similar),
            "comparator": COMPARATOR_NAMES.get(comparator, NOT_SET),
        }
        if comparator is not None:
            details["figure"] = f"{comparator_figure(c, comparator):.4f}"
        return details

    def competitiveness_given(f: Fields) -> pl.Expr:
        return applies(f) & basis(f).given() & basis(f).competitiveness.given()

    return (
        rule(
            f"{prefix}.criteria",
            cite("20", "6"),
            {
                "kk": "Шешім Заңның 20-бабының 6-тармағындағы өлшемдердің кемінде біріне негізделеді: инновациялық, "
                "бәсекеге қабілеттілік, ауқымдылық; әрқайсысы дәлелімен жазылады.",
                "ru": "Решение основано хотя бы на одном из критериев пункта 6 статьи 20 Закона: инновационность, "
                "конкурентоспособность, масштабность; каждый записывается с обоснованием.",
                "en": "The decision rests on at least one of the criteria of article 20(6): innovativeness, "
                "competitiveness, scale; each is recorded with its evidence.",
            },
            {
                "kk": "Шешімде Заңның 20-бабының 6-тармағындағы өлшемдердің бірі де жазылмаған (жазылғаны: {count}, "
                "кемінде {minimum} керек): шешім негізсіз.",
                "ru": "В решении не записан ни один из критериев пункта 6 статьи 20 Закона (записано: {count}, "
                "нужно не менее {minimum}): решение не обосновано.",
                "en": "The decision records none of the criteria of article 20(6) (recorded: {count}, at least "
                "{minimum} needed): it has no basis in the Law.",
            },
            relied,
            applies=applies,
            explain=relied_details,
        ),
        rule(
            f"{prefix}.competitiveness",
            CRITERION_CITATIONS["competitiveness"],
            {
                "kk": "Бәсекеге қабілеттілік – қол жеткізілетін нәтиженің оған кеткен шығындарға қатысы ұқсас "
                "жобалардікінен жоғары.",
                "ru": "Конкурентоспособность – отношение достигаемого результата к затратам на его достижение выше, "
                "чем у аналогичных проектов.",
                "en": "Competitiveness: the ratio of the result achieved to its cost is above that of similar "
                "projects.",
            },
            {
                "kk": "Жобаның нәтиже/шығын қатынасы {ratio} ({unit}) ұқсас жобалардың көрсеткішінен ({comparator}: "
                "{figure}) жоғары емес; ұқсас жобалар: {similar}.",
                "ru": "Отношение результата к затратам проекта {ratio} ({unit}) не выше показателя аналогичных "
                "проектов ({comparator}: {figure}); аналогичные проекты: {similar}.",
                "en": "The project's result-to-cost ratio {ratio} ({unit}) is not above that of similar projects "
                "({comparator}: {figure}); similar projects: {similar}.",
            },
            competitive,
            applies=competitiveness_given,
            explain=competitive_details,
        ),
    )


COMPARATOR_NOTE: Messages = {
    "kk": "Бәсекеге қабілеттілік өлшемі бойынша ұқсас жобалармен салыстыру тәсілі (орта мән, медиана немесе үздік) "
    "бастапқы құжатта белгіленбеген (support.competitiveness_comparator): шешім қабылдаушының тұжырымы "
    "қатынастармен бірге жазылды.",
    "ru": "Способ сравнения с аналогичными проектами по критерию конкурентоспособности (среднее, медиана или "
    "лучший) не установлен исходным документом (support.competitiveness_comparator): вывод принимающего решение "
    "записан вместе с отношениями.",
    "en": "How competitiveness is compared with similar projects (mean, median or the best) is not set by the "
    "source document (support.competitiveness_comparator): the decision-maker's finding is recorded with the "
    "ratios.",
}
