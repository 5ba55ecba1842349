"""Pieces of act 001 (Astana Hub technopark rules) shared by several paragraphs.

- when the amended wording is in force (Order No. 292/НҚ, paragraph 4);
- the list of priority ICT activity types (a SAMPLE until the official list is imported);
- the tax-debt information of p.9(3), worded again in p.48(7);
- the business-plan contents of Annex 3, used by p.9(2) and p.9-1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

from ...citation import Citation
from ...columnar import DECIMAL
from ...procedure import with_note
from ...rules import ColumnContext, Context, InForce, Messages, Rule, Verdict, wording

ACT = "001"

# Order No. 292/НҚ takes effect ten calendar days after first official publication. The seed
# gives no publication date; registration (2022-08-24) + 10 days is the earliest possible start.
IN_FORCE = InForce(
    start_parameter="technopark.amendment_2022_published_on",
    start_offset_days=10,
    earliest=dt.date(2022, 9, 3),
)


def cite(paragraph: str, sub: str | None = None, note: str | None = None) -> Citation:
    return Citation(ACT, paragraph, sub, note)


# A rule of the amended wording (in force with Order No. 292/НҚ).
rule = wording(IN_FORCE)


def blank(text: str | None) -> bool:
    return text is None or not text.strip()


# The characters `str.strip()` removes, so that `blank_expr` says of a column exactly what `blank`
# says of a text (polars' own whitespace is Unicode White_Space, which differs in a few controls).
_WHITESPACE = "".join(c for c in map(chr, range(0x110000)) if c.isspace())


def blank_expr(text: pl.Expr) -> pl.Expr:
    """`blank` over a text column: null, empty or whitespace only."""
    return text.is_null() | (text.str.strip_chars(_WHITESPACE).str.len_chars() == 0)


def param_on(ctx: ColumnContext, name: str, day: pl.Expr, value: Callable[[Any], Any] = lambda v: v,
             dtype: pl.DataType | None = None) -> pl.Expr:
    """`value` of parameter `name` on each date of `day`, a date the facts give (not the decision
    date): one branch per dated value of the parameter. Null where no value is in force or the
    source sets none; the case's `explain`, which reads the parameter on that date with
    `ctx.param`, then raises as a lookup of the parameter does (so the value read is recorded in
    the verdict there, with its date and citation)."""
    found = pl.lit(None, dtype)
    for entry in ctx.parameters.definition(name).values:  # sorted by start: a later start wins
        then = pl.lit(value(entry.value), dtype) if entry.is_set else pl.lit(None, dtype)
        found = pl.when(day >= pl.lit(entry.start)).then(then).otherwise(found)
    return found


# --- the list of priority ICT activity types ----------------------------------------------------

SAMPLE_LIST_NOTE: Messages = {
    "kk": "Қызмет түрлері АКТ саласындағы басым қызмет түрлерінің ҮЛГІ тізбесі бойынша тексерілді; "
    "бұл 2019 жылғы 11 сәуірдегі № 37/НҚ бұйрықпен бекітілген ресми тізбе емес.",
    "ru": "Виды деятельности проверены по ОБРАЗЦУ перечня приоритетных видов деятельности в сфере "
    "ИКТ; это не официальный перечень, утверждённый приказом от 11 апреля 2019 года № 37/НҚ.",
    "en": "Activity types were checked against a SAMPLE list of priority ICT activity types, not "
    "the official list approved by Order No. 37/НҚ of 11 April 2019.",
}


@cache
def _sample_file() -> dict:
    path = resources.files("techpolicy.legal").joinpath("technopark_activity_types_sample.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def sample_activity_types() -> dict[str, dict]:
    """The SAMPLE list (code -> {"name": {kk, ru, en}, "sample": True, "source": ...}).

    Not the official list of Order No. 37/НҚ: that list is not in the seed and must be imported.
    """
    data = _sample_file()
    return {
        entry["code"]: {"name": dict(entry["name"]), "sample": True, "source": data["source"]}
        for entry in data["types"]
    }


def is_sample(activity_types: Mapping[str, Any]) -> bool:
    return any(isinstance(v, Mapping) and v.get("sample") for v in activity_types.values())


def default_activity_types() -> dict[str, Any]:
    """The reference lists of a procedure that reads the activity types: the SAMPLE by default."""
    return {"activity_types": sample_activity_types()}


def sample_list_note(list_rule: str) -> Callable[[Verdict, Any, Mapping[str, Any]], Verdict]:
    """A procedure's `finish`: when rule `list_rule` was checked against the SAMPLE list, the
    verdict says so (a verdict must never pass a sample off as the official list)."""

    def finish(verdict: Verdict, facts: Any, references: Mapping[str, Any]) -> Verdict:
        checked = any(r.rule_id == list_rule and r.status in ("passed", "failed") for r in verdict.results)
        return with_note(verdict, SAMPLE_LIST_NOTE) if checked and is_sample(references["activity_types"]) else verdict

    return finish


def on_list(codes: pl.Expr, ctx: ColumnContext) -> pl.Expr:
    """Every code of the list column `codes` is on the list of priority ICT activity types
    (p.7(7), p.9-1)."""
    listed = [code for code in ctx.reference["activity_types"] if isinstance(code, str)]
    return codes.list.eval(pl.element().is_in(listed)).list.all()


def list_details(codes: list[str], ctx: Context) -> dict[str, Any]:
    """The codes, those not on the list, and which list was used, for the texts."""
    listed = ctx.reference["activity_types"]
    unknown = [code for code in codes if code not in listed]
    source = "sample list" if is_sample(listed) else "list provided"
    return {"activity_types": list(codes), "unknown": ", ".join(unknown), "list": source}


LIST_FAILURE: Messages = {
    "kk": "Мына қызмет түрлері АКТ саласындағы басым қызмет түрлерінің тізбесінде жоқ: {unknown}.",
    "ru": "Следующие виды деятельности отсутствуют в перечне приоритетных видов деятельности "
    "в сфере ИКТ: {unknown}.",
    "en": "These activity types are not on the list of priority ICT activity types: {unknown}.",
}


# --- tax-debt information: p.9(3) and p.48(7) -----------------------------------------------------

TAX_DEBT_TEXTS: dict[str, tuple[Messages, Messages]] = {
    "attached": (
        {
            "kk": "Өтінішке салық органдарында есепке алынатын берешектің болмауы (болуы) туралы "
            "мәліметтер қоса беріледі.",
            "ru": "К заявке прилагаются сведения об отсутствии (наличии) задолженности, учёт по "
            "которой ведётся в налоговых органах.",
            "en": "The information on (the absence of) debts recorded by the tax authorities is "
            "attached.",
        },
        {
            "kk": "Берешектің болмауы (болуы) туралы мәліметтер қоса берілмеген.",
            "ru": "Сведения об отсутствии (наличии) задолженности не приложены.",
            "en": "The tax-debt information is not attached.",
        },
    ),
    "issued_before": (
        {
            "kk": "Берешектің болмауы (болуы) туралы мәліметтер өтініш берілген күнге дейін "
            "берілуі тиіс.",
            "ru": "Сведения об отсутствии (наличии) задолженности должны быть выданы до подачи "
            "заявки.",
            "en": "The tax-debt information must be issued before the application is filed.",
        },
        {
            "kk": "Берешектің болмауы (болуы) туралы мәліметтер {issued_on} берілген, яғни өтініш "
            "берілген күннен ({application_date}) кейін.",
            "ru": "Сведения об отсутствии (наличии) задолженности выданы {issued_on}, то есть "
            "после дня подачи заявки ({application_date}).",
            "en": "The tax-debt information was issued on {issued_on}, after the application date "
            "({application_date}).",
        },
    ),
    "fresh": (
        {
            "kk": "Мәліметтер өтініш берілген күнге дейін күнтізбелік он күннен кешіктірілмей "
            "берілуі тиіс.",
            "ru": "Сведения должны быть выданы не ранее чем за десять календарных дней до дня "
            "подачи заявки.",
            "en": "The information must be issued no earlier than 10 calendar days before the "
            "application.",
        },
        {
            "kk": "Берешектің болмауы (болуы) туралы мәліметтер {issued_on} берілген, бұл өтініш "
            "берілген күннен ({application_date}) {age_days} күнтізбелік күн бұрын; олар өтініш "
            "берілген күнге дейін {max_age_days} күнтізбелік күннен ерте берілмеуі тиіс.",
            "ru": "Сведения об отсутствии (наличии) задолженности выданы {issued_on}, за "
            "{age_days} календарных дней до подачи заявки ({application_date}); они должны быть "
            "выданы не ранее чем за {max_age_days} календарных дней до подачи заявки.",
            "en": "The tax-debt certificate was issued on {issued_on}, {age_days} calendar days "
            "before the application ({application_date}); it must be issued no earlier than "
            "{max_age_days} calendar days before the application.",
        },
    ),
    "debt": (
        {
            "kk": "Берешек республикалық бюджет туралы заңда тиісті қаржы жылына белгіленген айлық "
            "есептік көрсеткіштің алты еселенген мөлшерінен аспауы тиіс.",
            "ru": "Задолженность не должна превышать шестикратный размер месячного расчётного "
            "показателя, установленного законом о республиканском бюджете на соответствующий "
            "финансовый год.",
            "en": "The debt must not exceed 6 times the monthly calculation index (MCI) set by the "
            "republican budget law for the financial year.",
        },
        {
            "kk": "Берешек {debt_kzt} теңгені құрайды, бұл {year} жылғы АЕК-тің {multiple} "
            "еселенген мөлшерінен ({multiple} × {mci} = {limit_kzt} теңге) асады.",
            "ru": "Задолженность составляет {debt_kzt} тенге, что превышает {multiple}-кратный МРП "
            "на {year} год ({multiple} × {mci} = {limit_kzt} тенге).",
            "en": "The debt is {debt_kzt} KZT, more than {multiple} × MCI for {year} "
            "({multiple} × {mci} = {limit_kzt} KZT).",
        },
    ),
}


def tax_debt_rules(
    prefix: str,
    citation: Citation,
    info_of: Callable[[Any], Any],
    date_of: Callable[[Any], Any],
    applies: Callable[[Any], pl.Expr] | None = None,
) -> tuple[Rule, ...]:
    """The four checks of the tax-debt information, for p.9(3) or p.48(7). `info_of` and
    `date_of` read the information (a `TaxDebtInfo` or None) and the application date; they are
    applied both to the facts' fields (`columnar.Fields`, in the tests) and to the facts (in the
    details)."""

    def attached(f: Any, ctx: ColumnContext) -> pl.Expr:
        return info_of(f).given()

    def issued_before(f: Any, ctx: ColumnContext) -> pl.Expr:
        return info_of(f).issued_on <= date_of(f)

    def issued_details(facts: Any, ctx: Context) -> dict[str, Any]:
        return {"issued_on": info_of(facts).issued_on, "application_date": date_of(facts)}

    def fresh(f: Any, ctx: ColumnContext) -> pl.Expr:
        max_age = ctx.param("technopark.tax_certificate_max_age_days")
        return (date_of(f) - info_of(f).issued_on).dt.total_days() <= max_age

    def fresh_details(facts: Any, ctx: Context) -> dict[str, Any]:
        info, filed = info_of(facts), date_of(facts)
        return {
            "issued_on": info.issued_on,
            "application_date": filed,
            "age_days": (filed - info.issued_on).days,
            "max_age_days": ctx.param("technopark.tax_certificate_max_age_days"),
        }

    def debt(f: Any, ctx: ColumnContext) -> pl.Expr:
        multiple = Decimal(ctx.param("technopark.tax_debt_mci_multiple"))
        # The MCI of the financial year of the application, which need not be the decision date's.
        limit = param_on(ctx, "mci", date_of(f), lambda mci: multiple * mci, DECIMAL)
        return info_of(f).debt_kzt <= limit

    def debt_details(facts: Any, ctx: Context) -> dict[str, Any]:
        info, filed = info_of(facts), date_of(facts)
        multiple = ctx.param("technopark.tax_debt_mci_multiple")
        mci = ctx.param("mci", filed)
        return {
            "debt_kzt": info.debt_kzt,
            "multiple": multiple,
            "mci": mci,
            "year": filed.year,
            "limit_kzt": Decimal(multiple) * mci,
        }

    def has_info(f: Any) -> pl.Expr:
        given = info_of(f).given()
        return given if applies is None else applies(f) & given

    checks = {
        "attached": (attached, applies, None),
        "issued_before": (issued_before, has_info, issued_details),
        "fresh": (fresh, has_info, fresh_details),
        "debt": (debt, has_info, debt_details),
    }
    return tuple(
        rule(f"{prefix}.{name}", citation, *TAX_DEBT_TEXTS[name], test, condition, explain)
        for name, (test, condition, explain) in checks.items()
    )


# --- Annex 3: business-plan contents ------------------------------------------------------------

ANNEX3_ITEMS: dict[int, str] = {
    1: "project name and description",
    2: "place of implementation",
    3: "grounds for owning the project (own development and/or licence)",
    4: "developer / author",
    5: "goal and tasks",
    6: "readiness stage",
    7: "key performance indicators (KPI)",
    8: "technical description (architecture, structure, solutions used)",
    9: "estimate of planned costs",
    10: "sales method and expected revenue over the plan period",
    11: "clients / potential clients",
    12: "action plan and the plan period",
    13: "goods, works, services and property rights with yearly forecast sales",
    14: "justification of need (social significance, effect)",
    15: "patents, copyright, trademarks and other intellectual property (if any)",
}
# Item 15 asks for information on intellectual property "бар болса" (if any): a project without
# IP has nothing to state, so a blank item 15 is not a gap.
ANNEX3_OPTIONAL = frozenset({15})

ANNEX3_TEXTS: dict[str, tuple[Messages, Messages]] = {
    "items": (
        {
            "kk": "Бизнес-жоспарда әрбір жоба бойынша 3-қосымшаның 1–14-тармақтарында көзделген "
            "мәліметтер (ал зияткерлік меншік объектілері болса, 15-тармақ) сипатталады.",
            "ru": "В бизнес-плане по каждому проекту описываются сведения, предусмотренные "
            "пунктами 1–14 приложения 3 (а при наличии объектов интеллектуальной собственности – "
            "пунктом 15).",
            "en": "For every project the business plan gives the data of Annex 3 items 1–14 (and "
            "item 15 where intellectual property exists).",
        },
        {
            "kk": "Бизнес-жоспарда 3-қосымшаның мына тармақтары толтырылмаған (жоба: тармақтар): "
            "{missing}.",
            "ru": "В бизнес-плане не заполнены пункты приложения 3 (проект: пункты): {missing}.",
            "en": "The business plan leaves these Annex 3 items blank (project: items): {missing}.",
        },
    ),
    "types": (
        {
            "kk": "АКТ саласындағы қызметтің бірнеше басым түрін жүзеге асыру жоспарланған кезде "
            "бизнес-жоспарда қызметтің әрбір түрі шеңберіндегі барлық жобалар көрсетіледі.",
            "ru": "При планируемом осуществлении нескольких приоритетных видов деятельности в "
            "сфере ИКТ в бизнес-плане указываются все проекты в рамках каждого вида деятельности.",
            "en": "When several priority ICT activity types are planned, the business plan shows "
            "all projects under each type.",
        },
        {
            "kk": "Бизнес-жоспарда мына қызмет түрлері бойынша бірде-бір жоба көрсетілмеген: "
            "{uncovered}.",
            "ru": "В бизнес-плане не указано ни одного проекта по видам деятельности: {uncovered}.",
            "en": "The business plan shows no project under these activity types: {uncovered}.",
        },
    ),
}


def _filled_items(items: pl.Expr) -> pl.Expr:
    """The numbers of the Annex 3 items of a project (a list column of {key, value}) that are not
    blank."""
    entry = pl.element()
    return items.list.eval(entry.filter(~blank_expr(entry.struct.field("value"))).struct.field("key"))


REQUIRED_ITEMS = tuple(i for i in ANNEX3_ITEMS if i not in ANNEX3_OPTIONAL)


def annex3_rules(
    prefix: str,
    citation: Citation,
    plan_of: Callable[[Any], Any],
    types_of: Callable[[Any], Any],
) -> tuple[Rule, ...]:
    """Annex 3 checks of a business plan: items per project, a project for every type. `plan_of`
    and `types_of` read the business plan (a `BusinessPlan` or None) and the activity types, from
    the facts' fields in the tests and from the facts in the details."""

    def items(f: Any, ctx: ColumnContext) -> pl.Expr:
        def complete(project: Any) -> pl.Expr:
            # No required item is left out of the filled ones (one set difference, where a test of
            # each item would evaluate the filled items once per item).
            required = pl.lit(list(REQUIRED_ITEMS), pl.List(pl.Int64))
            return required.list.set_difference(_filled_items(project.items)).list.len() == 0

        return plan_of(f).projects.all(complete)

    def items_details(facts: Any, ctx: Context) -> dict[str, Any]:
        gaps = []
        for number, project in enumerate(plan_of(facts).projects, start=1):
            missing = [i for i in REQUIRED_ITEMS if blank(project.items.get(i))]
            if missing:
                title = (project.items.get(1) or "").strip().split("\n", 1)[0][:60]
                label = f"#{number} «{title}»" if title else f"#{number}"
                numbers = ", ".join(map(str, missing))
                gaps.append(f"{label} ({project.activity_type}): {numbers}")
        return {"missing": "; ".join(gaps)} if gaps else {}

    def types(f: Any, ctx: ColumnContext) -> pl.Expr:
        covered = plan_of(f).projects.map(lambda p: p.activity_type)
        return types_of(f).list.set_difference(covered).list.len() == 0

    def types_details(facts: Any, ctx: Context) -> dict[str, Any]:
        covered = {p.activity_type for p in plan_of(facts).projects}
        uncovered = [t for t in types_of(facts) if t not in covered]
        return {"uncovered": ", ".join(uncovered)} if uncovered else {}

    def has_projects(f: Any) -> pl.Expr:
        return plan_of(f).projects.count() > 0  # null (not applicable) where no plan is given

    return (
        rule(f"{prefix}.items", citation, *ANNEX3_TEXTS["items"], items, has_projects, items_details),
        rule(f"{prefix}.types", citation, *ANNEX3_TEXTS["types"], types, has_projects, types_details),
    )
