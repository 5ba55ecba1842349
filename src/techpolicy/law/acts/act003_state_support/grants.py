"""Act 003, article 27 with article 1(3), 1(4) and 1(8): may an innovation grant be given (group F),
the procedure "innovation-grant".

- 003.a1.4: the recipient is a subject of industrial-innovative activity, a natural or legal person
  carrying it out;
- 003.a27.p1, 003.a1.8: the project lies within the priority directions of innovation grants: its
  direction is on the list in force on the decision date (the Government's list, article 4(9); the
  caller passes it as the reference `priority_directions`, code -> names; the source holds none);
- 003.a27.p2: a grant reimburses part of the planned costs: strictly less than all of them (reading
  R-F1); the share and the cap of each type are not set by the source document
  (`grants.share_percent.<type>`, `grants.cap_kzt.<type>`): while unset, only R-F1 decides and the
  verdict says so; once an administrator sets one, it counts;
- 003.a27.p2.a2: industrial research is carried out by an industrial enterprise to improve its own
  production processes;
- 003.a27.p2.3: type 3 trains engineering-technical staff of industrial enterprises, abroad;
- 003.a27.p2.a3: at award, the independent economic and technological expertise with domestic and
  foreign experts (reading R-F2: at least one of each; more when `grants.expert_count_min` is set),
  each with a signed independence declaration, and both an economic and a technological conclusion;
  grants for patenting in international patent organisations (type 6) are exempt;
- 003.a20.p6.grants: at award, the criteria of article 20(6) the award rests on (`award_criteria`).

The Government's rules of granting (article 27(4), `grants.rules`) are not in the source: their
forms, deadlines, refusal grounds and scoring are not checked, and every verdict says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import polars as pl

from ... import display, units
from ...citation import LANGUAGES
from ...columnar import Fields
from ...procedure import Procedure, declare, with_note
from ...rules import ColumnContext, Context, Messages, Rule, Verdict, optional, render
from .award_criteria import COMPARATOR_NOTE
from .common import cite, indent, rule, with_treaty_notes
from .decision_rules import SUBJECT_RULES, at_decision, decision_rules
from .grant_facts import GrantFacts
from .grant_types import EXPERTISE_EXEMPT, GRANT_TYPE_IDS, cap_parameter, share_parameter

PRIORITY_DIRECTIONS = "priority_directions"  # the reference list: code -> {"kk", "ru", "en"} names
DOMESTIC = "KZ"


def _money(amount: Decimal) -> Messages:
    return {lang: units.quantity(amount, "KZT", lang) for lang in LANGUAGES}


# --- article 27(1): within the priority directions ------------------------------------------------------


def _listed(references: Mapping[str, Any]) -> Mapping[str, Any]:
    """The list of priority directions among the reference lists given (empty when none is)."""
    return references.get(PRIORITY_DIRECTIONS) or {}


def _direction_details(facts: GrantFacts, ctx: Context) -> dict[str, Any]:
    listed = _listed(ctx.reference)
    on = facts.decision_date()
    details: dict[str, Any] = {"direction": facts.direction, "listed": len(listed),
                               "on": {lang: units.date(on, lang) for lang in LANGUAGES}}
    name = listed.get(facts.direction)
    if isinstance(name, Mapping):
        details["name"] = dict(name)
    return details


A27_1 = rule(
    "003.a27.p1",
    cite("27", "1"),
    {
        "kk": "Инновациялық грант инновациялық гранттардың басым бағыттары шеңберінде беріледі: жобаның бағыты "
        "шешім күні күшіндегі басым бағыттар тізбесінде болуы тиіс.",
        "ru": "Инновационный грант предоставляется в рамках приоритетных направлений инновационных грантов: "
        "направление проекта должно быть в перечне приоритетных направлений, действующем на дату решения.",
        "en": "An innovation grant is given within the priority directions of innovation grants: the project's "
        "direction must be on the list of priority directions in force on the decision date.",
    },
    {
        "kk": "«{direction}» бағыты {on} күні күшіндегі инновациялық гранттардың басым бағыттары тізбесінде жоқ "
        "(тізбеде {listed} позиция).",
        "ru": "Направление «{direction}» отсутствует в перечне приоритетных направлений инновационных грантов, "
        "действующем на {on} (в перечне позиций: {listed}).",
        "en": "The direction '{direction}' is not on the list of priority directions of innovation grants in force "
        "on {on} ({listed} items listed).",
    },
    lambda f, ctx: f.direction.is_in([code for code in _listed(ctx.reference) if isinstance(code, str)]),
    explain=_direction_details,
)


# --- article 27(2): part of the planned costs, the share and the cap of the type ------------------------------


def _costs_details(facts: GrantFacts, ctx: Context) -> dict[str, Any]:
    return {"requested": _money(facts.requested), "planned": _money(facts.planned_costs)}


A27_2_PART = rule(
    "003.a27.p2",
    cite("27", "2"),
    {
        "kk": "Грант жобаны іске асыру кезінде жоспарланып отырған шығындардың бір бөлігін өтейді: сұралатын сома "
        "жоспарланған шығындардан аз болуы тиіс.",
        "ru": "Грант возмещает часть планируемых затрат на реализацию проекта: запрашиваемая сумма должна быть "
        "меньше планируемых затрат.",
        "en": "A grant reimburses part of the planned costs of the project: the amount asked for must be less than "
        "the planned costs.",
    },
    {
        "kk": "Сұралатын сома ({requested}) жоспарланған шығындардан ({planned}) кем емес: грант шығындардың тек бір "
        "бөлігін өтейді.",
        "ru": "Запрашиваемая сумма ({requested}) не меньше планируемых затрат ({planned}): грант возмещает лишь часть "
        "затрат.",
        "en": "The amount asked for ({requested}) is not less than the planned costs ({planned}): a grant reimburses "
        "only part of the costs.",
    },
    lambda f, ctx: f.requested < f.planned_costs,
    explain=_costs_details,
)


def _per_type(f: Fields, ctx: ColumnContext, parameter, test) -> pl.Expr:
    """`test(value)` for the case's grant type, where the type's parameter is set; true where it is not
    (the source sets no value, and the verdict notes it)."""
    found = pl.lit(True)
    for type_id in GRANT_TYPE_IDS:
        value = optional(ctx, parameter(type_id))
        if value is not None:
            found = pl.when(f.grant_type == type_id).then(test(value)).otherwise(found)
    return found


def _share_test(f: Fields, ctx: ColumnContext) -> pl.Expr:
    # requested / planned <= share / 100, compared without division: exact to the tiyn.
    return _per_type(f, ctx, share_parameter,
                     lambda share: f.requested * 100 <= f.planned_costs * pl.lit(Decimal(share)))


def _share_details(facts: GrantFacts, ctx: Context) -> dict[str, Any]:
    share = optional(ctx, share_parameter(facts.grant_type))
    if share is None:
        return {**_costs_details(facts, ctx), "unset": share_parameter(facts.grant_type)}
    return {**_costs_details(facts, ctx), "share": {lang: units.quantity(share, "percent", lang) for lang in LANGUAGES}}


A27_2_SHARE = rule(
    "003.a27.p2.share",
    cite("27", "2"),
    {
        "kk": "Сұралатын сома грант түрі үшін белгіленген жоспарланған шығындар үлесінен аспайды.",
        "ru": "Запрашиваемая сумма не превышает доли планируемых затрат, установленной для вида гранта.",
        "en": "The amount asked for does not exceed the share of the planned costs set for the grant type.",
    },
    {
        "kk": "Сұралатын сома ({requested}) жоспарланған шығындардың ({planned}) грант түрі үшін белгіленген "
        "{share} үлесінен асады.",
        "ru": "Запрашиваемая сумма ({requested}) превышает долю {share} планируемых затрат ({planned}), "
        "установленную для вида гранта.",
        "en": "The amount asked for ({requested}) exceeds the share of {share} of the planned costs ({planned}) set "
        "for the grant type.",
    },
    _share_test,
    explain=_share_details,
)


def _cap_details(facts: GrantFacts, ctx: Context) -> dict[str, Any]:
    cap = optional(ctx, cap_parameter(facts.grant_type))
    if cap is None:
        return {"requested": _money(facts.requested), "unset": cap_parameter(facts.grant_type)}
    return {"requested": _money(facts.requested), "cap": _money(Decimal(cap))}


A27_2_CAP = rule(
    "003.a27.p2.cap",
    cite("27", "2"),
    {
        "kk": "Сұралатын сома грант түрі үшін белгіленген шекті сомадан аспайды.",
        "ru": "Запрашиваемая сумма не превышает предельной суммы, установленной для вида гранта.",
        "en": "The amount asked for does not exceed the cap set for the grant type.",
    },
    {
        "kk": "Сұралатын сома ({requested}) грант түрі үшін белгіленген шекті сомадан ({cap}) асады.",
        "ru": "Запрашиваемая сумма ({requested}) превышает предельную сумму ({cap}), установленную для вида гранта.",
        "en": "The amount asked for ({requested}) exceeds the cap ({cap}) set for the grant type.",
    },
    lambda f, ctx: _per_type(f, ctx, cap_parameter, lambda cap: f.requested <= pl.lit(Decimal(cap))),
    explain=_cap_details,
)


# --- article 27(2), types 2 and 3 ---------------------------------------------------------------------------

A27_2_INDUSTRIAL_RESEARCH = rule(
    "003.a27.p2.a2",
    cite("27", "2", None, indent(2)),
    {
        "kk": "Өнеркәсіптік зерттеулер – өнімді шығарумен байланысты өндірістік үдерістерін жақсарту мақсатында "
        "өнеркәсіп кәсіпорны жүргізетін зерттеу және конструкторлық жұмыстар.",
        "ru": "Промышленные исследования – исследовательские и конструкторские работы, проводимые промышленным "
        "предприятием в целях совершенствования его производственных процессов, связанных с выпуском продукции.",
        "en": "Industrial research is research and design work carried out by an industrial enterprise to improve "
        "its own production processes linked to its output.",
    },
    {
        "kk": "Өнеркәсіптік зерттеулерге грант тек өнеркәсіп кәсіпорнының өз өндірістік үдерістерін жақсартуға "
        "беріледі (өнеркәсіп кәсіпорны: {enterprise}; өз өндірістік үдерісі: {own}).",
        "ru": "Грант на промышленные исследования предоставляется только промышленному предприятию для "
        "совершенствования его собственных производственных процессов (промышленное предприятие: {enterprise}; "
        "собственный производственный процесс: {own}).",
        "en": "A grant for industrial research is given only to an industrial enterprise for its own production "
        "processes (industrial enterprise: {enterprise}; own production process: {own}).",
    },
    lambda f, ctx: f.applicant.industrial_enterprise & f.own_production_process,
    applies=lambda f: f.grant_type == "industrial_research",
    explain=lambda facts, ctx: {"enterprise": _yes_no(facts.applicant.industrial_enterprise),
                                "own": _yes_no(facts.own_production_process)},
)

_YES_NO: dict[bool | None, Messages] = {
    True: {"kk": "иә", "ru": "да", "en": "yes"},
    False: {"kk": "жоқ", "ru": "нет", "en": "no"},
    None: {"kk": "көрсетілмеген", "ru": "не указано", "en": "not stated"},
}


def _yes_no(value: bool | None) -> Messages:
    return _YES_NO[value]


def _trainee_ok(t: Fields) -> pl.Expr:
    return (t.staff_category == "engineering_technical") & t.employer_industrial_enterprise & (t.country != DOMESTIC)


def _trainees_details(facts: GrantFacts, ctx: Context) -> dict[str, Any]:
    wrong = [t.name for t in facts.trainees
             if not (t.staff_category == "engineering_technical" and t.employer_industrial_enterprise
                     and t.country != DOMESTIC)]
    return {"count": len(facts.trainees), "wrong": ", ".join(wrong[:20]) or "—", "more": max(0, len(wrong) - 20)}


A27_2_3 = rule(
    "003.a27.p2.3",
    cite("27", "2", "3"),
    {
        "kk": "Шетелде өнеркәсіптік кәсіпорындардың инженерлік-техникалық персоналы оқытылады.",
        "ru": "За рубежом обучается инженерно-технический персонал промышленных предприятий.",
        "en": "The persons trained are engineering-technical staff of industrial enterprises, trained abroad.",
    },
    {
        "kk": "Оқытылатындар тізімі бос немесе мыналар өнеркәсіптік кәсіпорынның инженерлік-техникалық персоналы "
        "емес не Қазақстанда оқытылады: {wrong} (тағы {more}; барлығы {count}).",
        "ru": "Список обучаемых пуст, или следующие лица не являются инженерно-техническим персоналом промышленного "
        "предприятия либо обучаются в Казахстане: {wrong} (ещё {more}; всего {count}).",
        "en": "The list of trainees is empty, or these are not engineering-technical staff of an industrial "
        "enterprise or are trained in Kazakhstan: {wrong} ({more} more; {count} in all).",
    },
    lambda f, ctx: (f.trainees.count() > 0) & f.trainees.all(_trainee_ok),
    applies=lambda f: f.grant_type == "staff_training_abroad",
    explain=_trainees_details,
)


# --- article 27(2), third indent: the independent expertise --------------------------------------------------

EXPERT_COUNT_PARAMETER = "grants.expert_count_min"


def _expertise_applies(f: Fields) -> pl.Expr:
    return at_decision(f) & ~f.grant_type.is_in(list(EXPERTISE_EXEMPT))


def _panel(f: Fields, ctx: ColumnContext) -> pl.Expr:
    minimum = optional(ctx, EXPERT_COUNT_PARAMETER) or 0
    domestic = f.experts.count(lambda e: e.country == DOMESTIC)
    foreign = f.experts.count(lambda e: e.country != DOMESTIC)
    return ((domestic >= 1) & (foreign >= 1) & (f.experts.count() >= minimum)
            & f.experts.all(lambda e: e.independence_declared))


def _panel_details(facts: GrantFacts, ctx: Context) -> dict[str, Any]:
    minimum = optional(ctx, EXPERT_COUNT_PARAMETER)
    return {
        "domestic": sum(e.country == DOMESTIC for e in facts.experts),
        "foreign": sum(e.country != DOMESTIC for e in facts.experts),
        "minimum": minimum if minimum is not None else 2,  # R-F2: one domestic and one foreign
        "unset": EXPERT_COUNT_PARAMETER if minimum is None else None,
        "undeclared": ", ".join(e.name for e in facts.experts if not e.independence_declared) or "—",
    }


A27_2_A3_PANEL = rule(
    "003.a27.p2.a3",
    cite("27", "2", None, indent(3)),
    {
        "kk": "Грант беру кезінде отандық және шетелдік сарапшыларды тарта отырып тәуелсіз экономикалық және "
        "технологиялық сараптама жүргізіледі: кемінде бір отандық және бір шетелдік сарапшы, әрқайсысы тәуелсіздік "
        "туралы декларацияға қол қойған.",
        "ru": "При предоставлении гранта проводится независимая экономическая и технологическая экспертиза с "
        "привлечением отечественных и зарубежных экспертов: не менее одного отечественного и одного зарубежного, "
        "каждый подписал декларацию о независимости.",
        "en": "An independent economic and technological expertise with domestic and foreign experts is carried "
        "out: at least one domestic and one foreign expert, each having signed an independence declaration.",
    },
    {
        "kk": "Сараптама құрамы жеткіліксіз: отандық сарапшылар {domestic}, шетелдік {foreign} (ең аз жалпы саны: "
        "{minimum}); тәуелсіздік декларациясына қол қоймағандар: {undeclared}.",
        "ru": "Состав экспертизы недостаточен: отечественных экспертов {domestic}, зарубежных {foreign} "
        "(минимальное общее число: {minimum}); не подписали декларацию о независимости: {undeclared}.",
        "en": "The expertise panel falls short: {domestic} domestic and {foreign} foreign experts (minimum in all: "
        "{minimum}); no independence declaration signed by: {undeclared}.",
    },
    _panel,
    applies=_expertise_applies,
    explain=_panel_details,
)

A27_2_A3_CONCLUSIONS = rule(
    "003.a27.p2.a3.conclusions",
    cite("27", "2", None, indent(3)),
    {
        "kk": "Сараптама экономикалық қорытындыны да, технологиялық қорытындыны да береді.",
        "ru": "Экспертиза даёт и экономическое, и технологическое заключение.",
        "en": "The expertise gives both an economic and a technological conclusion.",
    },
    {
        "kk": "Сараптаманың қорытындысы толық емес: экономикалық қорытынды – {economic}, технологиялық қорытынды – "
        "{technological}.",
        "ru": "Заключения экспертизы неполны: экономическое заключение – {economic}, технологическое заключение – "
        "{technological}.",
        "en": "The expertise's conclusions are incomplete: economic conclusion: {economic}; technological "
        "conclusion: {technological}.",
    },
    lambda f, ctx: f.experts.any(lambda e: e.economic_conclusion) & f.experts.any(lambda e: e.technological_conclusion),
    applies=_expertise_applies,
    explain=lambda facts, ctx: {
        "economic": _yes_no(any(e.economic_conclusion for e in facts.experts)),
        "technological": _yes_no(any(e.technological_conclusion for e in facts.experts)),
    },
)


GRANT_RULES: tuple[Rule, ...] = (
    *SUBJECT_RULES,
    A27_1,
    A27_2_PART,
    A27_2_SHARE,
    A27_2_CAP,
    A27_2_INDUSTRIAL_RESEARCH,
    A27_2_3,
    A27_2_A3_PANEL,
    A27_2_A3_CONCLUSIONS,
    *decision_rules("003.a20.p6.grants"),
)


# --- the notes of a verdict: what the source leaves open ------------------------------------------------------

_UNSET_NOTE: Messages = {
    "kk": "{parameter} бастапқы құжатта белгіленбеген: мұнда тек Заңның өзі айтқаны тексерілді.",
    "ru": "{parameter} не установлено исходным документом: здесь проверено только то, что говорит сам Закон.",
    "en": "{parameter} is not set by the source document: only what the Law itself says was checked here.",
}
RULES_NOTE: Messages = {
    "kk": "Инновациялық гранттарды беру қағидаларын Үкімет айқындайды (Заңның 27-бабының 4-тармағы); олар "
    "бастапқы құжатта жоқ: нысандар, мерзімдер, бас тарту негіздері және бағалау тексерілмейді.",
    "ru": "Правила предоставления инновационных грантов определяет Правительство (п. 4 ст. 27 Закона); их нет в "
    "исходном документе: формы, сроки, основания отказа и оценка не проверяются.",
    "en": "The rules of granting are set by the Government (article 27(4)); they are not in the source document: "
    "forms, deadlines, refusal grounds and scoring are not checked.",
}
NO_LIST_NOTE: Messages = {
    "kk": "Инновациялық гранттардың басым бағыттарының тізбесі берілмеген (оны Үкімет айқындайды, Заңның 4-бабының "
    "9) тармақшасы; бастапқы құжатта жоқ): бағыт тексерілмейді, ал грант тізбеден тыс берілмейді.",
    "ru": "Перечень приоритетных направлений инновационных грантов не передан (его определяет Правительство, пп. 9) "
    "ст. 4 Закона; в исходном документе его нет): вне перечня грант не предоставляется.",
    "en": "No list of priority directions of innovation grants was given (the Government sets it, article 4(9); the "
    "source document holds none): a grant outside the list cannot be given.",
}


def finish(verdict: Verdict, facts: GrantFacts, references: Mapping[str, Any]) -> Verdict:
    """The notes: the list of directions not given, each open number the case met, the Government's rules."""
    verdict = with_treaty_notes(verdict, facts)
    if not _listed(references):
        verdict = with_note(verdict, NO_LIST_NOTE)
    for r in verdict.results:
        if r.status in ("passed", "failed") and r.details.get("unset"):
            verdict = with_note(verdict, render(_UNSET_NOTE, {"parameter": display.named(r.details["unset"])}))
    relied = any(r.rule_id == "003.a20.p6.grants.competitiveness" and r.status == "passed"
                 and r.details.get("figure") is None for r in verdict.results)
    if relied:
        verdict = with_note(verdict, COMPARATOR_NOTE)
    return with_note(verdict, RULES_NOTE)


def grant_type_of(facts: GrantFacts) -> str:
    return f"innovation_grant.{facts.grant_type}"


# May this innovation grant be given (stage "application"), or awarded (stage "decision")? The date is
# the decision date, or the filing date before a decision. `references={"priority_directions":
# {code: {"kk", "ru", "en"}}}` is the list in force on that date (the service reads it from the
# dated versions; the command line takes it with --references).
INNOVATION_GRANT = declare(
    Procedure(
        name="innovation-grant",
        subject=grant_type_of,
        title={
            "kk": "Инновациялық грант беру (Заңның 27-бабы)",
            "ru": "Предоставление инновационного гранта (статья 27 Закона)",
            "en": "Award of an innovation grant (article 27 of the Law)",
        },
        facts=GrantFacts,
        rules=GRANT_RULES,
        date=lambda facts: facts.decision_date(),
        references=lambda: {PRIORITY_DIRECTIONS: {}},
        finish=finish,
    )
)
