"""Act 002, section 5, direction 1: the pre-assessment of a settlement for science-city status
("ғылым қалашығы", l.972-996), read beside the Concept.

The four key criteria of l.986-994, each one rule: (1) accredited subjects of scientific and/or S&T
activity whose scientific workers make up at least 3 % of the settlement's employed population
(l.988 with model 2, l.1032; exactly 3 % passes; the staff who are not scientific workers and the
organisations not accredited are not counted); (2) developed scientific, engineering and production
infrastructure; (3) organisations developing and producing science-concentration products in a
priority scientific direction, read as the HSTC list in force on the date (R-E2); (4) conditions for
science-production clusters and investment. Then the agreements of l.982: the proposal of the
authorized body in the field of science is agreed with the sectoral authorized body and the local
executive body, and the Government grants the status; the rule applies once an agreement is recorded.

Reading R-E1: every verdict is a pre-assessment and says so, and that the status procedure is not
issued (`sct.status.procedure`, l.996).

Procedure "science-city": `catalogue()["science-city"].evaluate(facts, references={"hstc_priorities": ...})`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_FLOOR, Decimal
from typing import Any

import polars as pl

from ... import display
from ...columnar import Fields
from ...procedure import Procedure, declare
from ...rules import ColumnContext, Context, Messages, Verdict, optional, render
from . import hstc
from .common import STATUS_PROCEDURE, cite, pre_assessment, rule, seed_lines
from .facts import ScienceCityFacts

__all__ = ["SCIENCE_CITY", "SCIENCE_CITY_RULES", "ScienceCityFacts", "scientist_share"]

MIN_SHARE = "sct.science_city.min_scientist_share_percent"
POPULATION_SOURCE = "sct.science_city.population_source_rule"


# --- criterion 1: scientific workers of accredited subjects, at least 3 % -------------------------


def scientist_share(facts: ScienceCityFacts) -> tuple[int, Decimal]:
    """The scientific workers of the accredited organisations and their exact share (per cent) of
    the employed population."""
    workers = sum(o.scientific_workers for o in facts.organisations if o.accredited)
    return workers, Decimal(workers * 100) / Decimal(facts.employed_population.count)


def _share_met(f: Fields, ctx: ColumnContext) -> pl.Expr:
    # workers / employed >= minimum / 100, in integers: no rounding can let 2.999... % pass.
    numerator, denominator = Decimal(ctx.param(MIN_SHARE)).as_integer_ratio()
    workers = f.organisations.map(lambda o: pl.when(o.accredited).then(o.scientific_workers).otherwise(0)).list.sum()
    employed = f.employed_population.count
    return workers.cast(pl.Int128) * (100 * denominator) >= employed.cast(pl.Int128) * numerator


def _share_details(facts: ScienceCityFacts, ctx: Context) -> dict[str, Any]:
    workers, share = scientist_share(facts)
    population = facts.employed_population
    return seed_lines(
        "988, 1032",
        settlement=facts.settlement.name,
        scientific_workers=workers,
        staff_of_accredited=sum(o.staff for o in facts.organisations if o.accredited),
        not_accredited_workers=sum(o.scientific_workers for o in facts.organisations if not o.accredited),
        employed=population.count,
        population_source=population.source,
        population_as_of=population.as_of,
        # Shown rounded down: a share just under the minimum never reads as the minimum itself.
        share_percent=share.quantize(Decimal("0.01"), rounding=ROUND_FLOOR),
        min_share_percent=ctx.param(MIN_SHARE),
        population_source_rule=optional(ctx, POPULATION_SOURCE),
    )


C1 = rule(
    "002.s5.d1.sc.c1",
    cite("5", "1"),
    {
        "kk": "Елді мекен аумағында ғылыми қызметкерлерінің жалпы саны елді мекеннің жұмысқа орналастырылған "
        "халқы санының кемінде үш пайызын құрайтын аккредиттелген ғылыми және (немесе) ғылыми-техникалық "
        "қызмет субъектілері бар.",
        "ru": "На территории населённого пункта есть аккредитованные субъекты научной и (или) научно-технической "
        "деятельности, общая численность научных работников которых составляет не менее трёх процентов "
        "численности занятого населения населённого пункта.",
        "en": "The settlement has accredited subjects of scientific and/or S&T activity whose scientific workers "
        "total at least three per cent of the settlement's employed population.",
    },
    {
        "kk": "Аккредиттелген субъектілердің ғылыми қызметкерлері ({scientific_workers}) «{settlement}» елді "
        "мекенінің жұмысқа орналастырылған халқының ({employed}) {share_percent} %-ын құрайды, кемінде "
        "{min_share_percent} % болуы тиіс.",
        "ru": "Научные работники аккредитованных субъектов ({scientific_workers}) составляют {share_percent} % "
        "занятого населения населённого пункта «{settlement}» ({employed}); требуется не менее "
        "{min_share_percent} %.",
        "en": "The scientific workers of accredited subjects ({scientific_workers}) are {share_percent} % of the "
        "employed population of «{settlement}» ({employed}); at least {min_share_percent} % is required.",
    },
    _share_met,
    explain=_share_details,
)

# --- criteria 2 and 4: evidence without a threshold ----------------------------------------------


def _evidenced(evidence: Fields) -> pl.Expr:
    return evidence.present & (evidence.evidence.list.len() > 0)


def _evidence_details(name: str, lines: str) -> Any:
    def details(facts: ScienceCityFacts, ctx: Context) -> dict[str, Any]:
        evidence = getattr(facts, name)
        return seed_lines(lines, present=evidence.present, evidence=list(evidence.evidence),
                          evidence_count=len(evidence.evidence))

    return details


_NOT_EVIDENCED: Messages = {
    "kk": "Өлшемшарттың орындалғаны көрсетілмеген немесе оны растайтын құжат берілмеген.",
    "ru": "Выполнение критерия не указано или не подтверждено ни одним документом.",
    "en": "The criterion is not stated as met, or no evidence of it is given.",
}

C2 = rule(
    "002.s5.d1.sc.c2",
    cite("5", "2"),
    {
        "kk": "Зерттеу жүргізуді, тәжірибелік-конструкторлық жұмыстарды және жоғары ғылыми мазмұны бар өнімдер "
        "шығаруды қамтамасыз ететін дамыған ғылыми, инженерлік және өндірістік инфрақұрылым бар.",
        "ru": "Есть развитая научная, инженерная и производственная инфраструктура, обеспечивающая проведение "
        "исследований, опытно-конструкторских работ и выпуск продукции с высоким научным содержанием.",
        "en": "There is developed scientific, engineering and production infrastructure enabling research, "
        "experimental design work and output of products of high scientific content.",
    },
    _NOT_EVIDENCED,
    lambda f, ctx: _evidenced(f.infrastructure),
    explain=_evidence_details("infrastructure", "990"),
)

# --- criterion 3: science-concentration products in a priority direction (R-E2) -----------------


def _priority_products(f: Fields, ctx: ColumnContext) -> pl.Expr:
    listed: Mapping[str, Any] = ctx.reference.get(hstc.HSTC_PRIORITIES) or {}
    return hstc.listed_expr(ctx.on, listed, lambda codes: f.organisations.any(
        lambda o: o.science_intensive_products & o.priority_direction.is_in(codes)))


def _priority_details(facts: ScienceCityFacts, ctx: Context) -> dict[str, Any]:
    listed: Mapping[str, Any] = ctx.reference.get(hstc.HSTC_PRIORITIES) or {}
    in_force = hstc.in_force_on(listed, ctx.on)
    producers = [o for o in facts.organisations if o.science_intensive_products]
    found = seed_lines("992; 417-431", on=ctx.on, listed=len(in_force), producers=len(producers),
                       qualifying=[o.name for o in producers if o.priority_direction in in_force])
    off = [o for o in producers if o.priority_direction not in in_force]
    for lang in ("kk", "ru", "en"):
        found[f"off_list_{lang}"] = "; ".join(
            f"{o.name} ({hstc.label(listed, o.priority_direction, lang) if o.priority_direction else '—'})"
            for o in off[:20]) or "—"
    return found


C3 = rule(
    "002.s5.d1.sc.c3",
    cite("5", "3"),
    {
        "kk": "Басым ғылыми бағыттар (күшіндегі ЖҒТК тізбесі) бойынша отандық ғылымды шоғырландыру өнімін "
        "әзірлеуді және өндіруді жүзеге асыратын ұйымдар бар.",
        "ru": "Есть организации, разрабатывающие и производящие отечественную наукоёмкую продукцию по "
        "приоритетным научным направлениям (действующий перечень ВНТК).",
        "en": "There are organisations developing and producing domestic science-concentration products in "
        "priority scientific directions (the HSTC list in force).",
    },
    {
        "kk": "{on} күні күшіндегі ЖҒТК басымдықтары ({listed} бағыт) бойынша ғылымды шоғырландыру өнімін "
        "шығаратын ұйым жоқ; өнім шығаратын ұйымдар ({producers}) бағыттары: {off_list_kk}.",
        "ru": "Нет организации, производящей наукоёмкую продукцию по приоритетам ВНТК, действующим на {on} "
        "(направлений: {listed}); производящие организации ({producers}) и их направления: {off_list_ru}.",
        "en": "No organisation produces science-concentration products in an HSTC priority in force on {on} "
        "({listed} directions); the producing organisations ({producers}) and their directions: {off_list_en}.",
    },
    _priority_products,
    explain=_priority_details,
)

C4 = rule(
    "002.s5.d1.sc.c4",
    cite("5", "4"),
    {
        "kk": "Ғылыми-өндірістік кластерлердің жұмыс істеуі және инвестициялар тарту үшін жағдайлар бар.",
        "ru": "Есть условия для функционирования научно-производственных кластеров и привлечения инвестиций.",
        "en": "There are conditions for science-production clusters to operate and for attracting investment.",
    },
    _NOT_EVIDENCED,
    lambda f, ctx: _evidenced(f.clusters_and_investment),
    explain=_evidence_details("clusters_and_investment", "994"),
)

# --- l.982: the agreements with the proposal ------------------------------------------------------

_NOT_AGREED = {
    "sectoral": {"kk": "салалық уәкілетті орган", "ru": "отраслевой уполномоченный орган",
                 "en": "the sectoral authorized body"},
    "leb": {"kk": "жергілікті атқарушы орган", "ru": "местный исполнительный орган",
            "en": "the local executive body"},
}


def _agreed(f: Fields, ctx: ColumnContext) -> pl.Expr:
    sectoral, leb = f.sectoral_body_agreement, f.local_executive_body_agreement
    return sectoral.given() & sectoral.agreed & leb.given() & leb.agreed


def _agreement_details(facts: ScienceCityFacts, ctx: Context) -> dict[str, Any]:
    lacking = [key for key, given in (("sectoral", facts.sectoral_body_agreement),
                                      ("leb", facts.local_executive_body_agreement))
               if given is None or not given.agreed]
    found = seed_lines("982", lacking=lacking)
    for lang in ("kk", "ru", "en"):
        found[f"lacking_{lang}"] = "; ".join(_NOT_AGREED[key][lang] for key in lacking)
    return found


GRANT = rule(
    "002.s5.d1.sc.grant",
    cite("5"),
    {
        "kk": "Ғылым саласындағы уәкілетті органның ұсынысы салалық уәкілетті органмен және тиісті жергілікті "
        "атқарушы органмен келісілген; мәртебені Қазақстан Республикасының Үкіметі береді.",
        "ru": "Предложение уполномоченного органа в области науки согласовано с отраслевым уполномоченным "
        "органом и соответствующим местным исполнительным органом; статус присваивает Правительство "
        "Республики Казахстан.",
        "en": "The proposal of the authorized body in the field of science is agreed with the sectoral authorized "
        "body and the relevant local executive body; the Government of the Republic of Kazakhstan grants the "
        "status.",
    },
    {
        "kk": "Ұсыныс келісілмеген: {lacking_kk}.",
        "ru": "Предложение не согласовано: {lacking_ru}.",
        "en": "The proposal is not agreed by: {lacking_en}.",
    },
    _agreed,
    # Before any agreement is recorded the criteria are pre-assessed alone.
    applies=lambda f: f.sectoral_body_agreement.given() | f.local_executive_body_agreement.given(),
    explain=_agreement_details,
)

SCIENCE_CITY_RULES = (C1, C2, C3, C4, GRANT)

# --- the verdict's notes ----------------------------------------------------------------------------

_STATUS_NOTE: Messages = {
    "kk": "Ғылым қалашығы мәртебесін беру тәртібін ғылым саласындағы уәкілетті орган айқындауы тиіс, ол әлі "
    "шығарылмаған ({parameter}); мәртебені салалық уәкілетті органмен және жергілікті атқарушы органмен "
    "келісілген ұсыныс бойынша Үкімет береді.",
    "ru": "Порядок присвоения статуса научного городка должен определить уполномоченный орган в области "
    "науки, он ещё не издан ({parameter}); статус присваивает Правительство по предложению, согласованному "
    "с отраслевым уполномоченным органом и местным исполнительным органом.",
    "en": "The procedure for granting science-city status is to be set by the authorized body in the field of "
    "science and has not been issued ({parameter}); the Government grants the status on a proposal agreed "
    "with the sectoral authorized body and the local executive body.",
}
_POPULATION_NOTE: Messages = {
    "kk": "Жұмысқа орналастырылған халық санының дереккөзі мен күнін бастапқы құжат белгілемейді "
    "({parameter}): {count} адам, дереккөзі — {source}, {as_of} күнгі жағдай бойынша.",
    "ru": "Исходный документ не устанавливает источник и дату численности занятого населения ({parameter}): "
    "использовано {count} человек, источник — {source}, по состоянию на {as_of}.",
    "en": "The source document does not fix the source and date of the employed population ({parameter}): "
    "{count} persons were used, from {source}, as of {as_of}.",
}


def _finish(verdict: Verdict, facts: ScienceCityFacts, _refs: Any) -> Verdict:
    notes = [render(_STATUS_NOTE, {"parameter": display.named(STATUS_PROCEDURE)})]
    for r in verdict.results:
        if r.rule_id == C1.id and r.status in ("passed", "failed") and r.details.get("population_source_rule") is None:
            population = facts.employed_population
            notes.append(render(_POPULATION_NOTE, {"parameter": display.named(POPULATION_SOURCE),
                                                   "count": population.count, "source": population.source,
                                                   "as_of": population.as_of}))
    return pre_assessment(verdict, tuple(notes))


SCIENCE_CITY = declare(
    Procedure(
        name="science-city",
        subject="science_territories.science_city",
        title={
            "kk": "Елді мекенді ғылым қалашығы мәртебесіне алдын ала бағалау (Тұжырымдаманың 5-бөлімі)",
            "ru": "Предварительная оценка населённого пункта на статус научного городка (раздел 5 Концепции)",
            "en": "Pre-assessment of a settlement for science-city status (section 5 of the Concept)",
        },
        facts=ScienceCityFacts,
        rules=SCIENCE_CITY_RULES,
        date=lambda facts: facts.checked_on,
        references=lambda: {hstc.HSTC_PRIORITIES: hstc.seed_list()},
        finish=_finish,
        cli=True,
    )
)
