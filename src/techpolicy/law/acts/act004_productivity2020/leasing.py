"""Act 004 ("Productivity 2020" programme): instrument 1, long-term leasing by KDB-Leasing — the
applicant criteria of 5.1(1) and the leasing conditions of 5.3 (instrument 1): own cash of at
least 15 %, an object of at least 150 m KZT (75 m for light industry), a term of up to 10 years,
a rate of 5 % for the applicant.
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from ...columnar import DECIMAL, Fields
from ...rules import ColumnContext, Context
from .common import cite, flag, instrument_note, only, rule, sector_details
from .facts import ProductivityFacts

# 5.1(1): instrument 1, long-term leasing
S1_1_SECTOR = rule(
    "004.s5.1.1.priority_sector",
    cite("5.1", sub="1"),
    {
        "kk": "Өтінім беруші Бағдарламаға қосымшаға сәйкес экономиканың басым салаларында инвестициялық жобаны іске "
        "асыруы және/немесе іске асыруды жоспарлауы тиіс.",
        "ru": "Заявитель должен реализовывать и/или планировать реализацию инвестиционного проекта в приоритетных "
        "отраслях экономики согласно приложению к Программе.",
        "en": "The applicant must implement or plan an investment project in a priority sector of the Annex.",
    },
    {
        "kk": "Инвестициялық жобаның ЭҚЖЖ коды ({codes}) Бағдарламаға қосымшадағы басым салаларға жатпайды.",
        "ru": "Код ОКЭД инвестиционного проекта ({codes}) не относится к приоритетным отраслям приложения.",
        "en": "The investment project's OKED code ({codes}) does not lie in a priority sector of the Annex.",
    },
    lambda f, ctx: ctx.reference["sectors"].contains(f.leasing.project_oked),
    only("1"),
    lambda facts, ctx: sector_details([facts.leasing.project_oked], ctx),
)

S1_1_CONFIRMATION = rule(
    "004.s5.1.1.kidi_confirmation",
    cite("5.1", sub="1"),
    {
        "kk": "Өтінім берушіде Бағдарлама операторының жазбаша оң растауы болуы тиіс.",
        "ru": "У заявителя должно быть письменное положительное подтверждение оператора Программы.",
        "en": "The applicant must hold the programme operator's (KIDI) written positive confirmation.",
    },
    {
        "kk": "Бағдарлама операторының жазбаша оң растауы жоқ.",
        "ru": "Письменного положительного подтверждения оператора Программы нет.",
        "en": "There is no written positive confirmation of the programme operator (KIDI).",
    },
    flag("kidi_confirmation"),
    only("1"),
)


# Each condition of 5.3 (instrument 1) reads the leasing facts: a test over their columns and
# the details its texts show.


def _own_cash(f: Fields, ctx: ColumnContext) -> pl.Expr:
    percent = ctx.param("p2020.leasing.own_cash_min_percent")
    # own cash >= cost x percent / 100, multiplied out so that no division cuts a digit
    return f.leasing.own_cash_kzt * 100 >= f.leasing.object_cost_kzt * percent


def _own_cash_details(facts: ProductivityFacts, ctx: Context) -> dict:
    leasing, percent = facts.leasing, ctx.param("p2020.leasing.own_cash_min_percent")
    return {"own_cash": leasing.own_cash_kzt, "required": leasing.object_cost_kzt * percent / Decimal(100),
            "percent": percent, "object_cost": leasing.object_cost_kzt}


def _object_cost(f: Fields, ctx: ColumnContext) -> pl.Expr:
    light, other = (ctx.param("p2020.leasing.object_min_light_industry_kzt"), ctx.param("p2020.leasing.object_min_kzt"))
    minimum = pl.when(f.leasing.light_industry).then(pl.lit(light, DECIMAL)).otherwise(pl.lit(other, DECIMAL))
    return f.leasing.object_cost_kzt >= minimum


def _object_cost_details(facts: ProductivityFacts, ctx: Context) -> dict:
    leasing = facts.leasing
    name = "p2020.leasing.object_min_light_industry_kzt" if leasing.light_industry else "p2020.leasing.object_min_kzt"
    return {"object_cost": leasing.object_cost_kzt, "minimum": ctx.param(name)}


def _term(f: Fields, ctx: ColumnContext) -> pl.Expr:
    return f.leasing.term_years <= ctx.param("p2020.leasing.term_max_years")


def _term_details(facts: ProductivityFacts, ctx: Context) -> dict:
    return {"term": facts.leasing.term_years, "longest": ctx.param("p2020.leasing.term_max_years")}


def _rate(f: Fields, ctx: ColumnContext) -> pl.Expr:
    return f.leasing.rate_percent == ctx.param("p2020.leasing.rate_percent")


def _rate_details(facts: ProductivityFacts, ctx: Context) -> dict:
    return {"rate": facts.leasing.rate_percent, "required": ctx.param("p2020.leasing.rate_percent")}


_I1 = cite("5.3", note=instrument_note("1"))

S3_I1_OWN_CASH = rule(
    "004.s5.3.i1.own_cash",
    _I1,
    {
        "kk": "Өтінім беруші лизинг мәнінің жалпы құнының кемінде 15 %-ы мөлшерінде ақша қаражатымен қатысуы тиіс.",
        "ru": "Заявитель должен участвовать денежными средствами в размере не менее 15 % общей стоимости предмета "
        "лизинга.",
        "en": "The applicant must contribute cash of at least 15 % of the total cost of the leased object.",
    },
    {
        "kk": "Өтінім берушінің ақшалай қатысуы {own_cash} теңге, бұл {object_cost} теңгенің {percent} %-ынан "
        "({required} теңге) аз.",
        "ru": "Денежное участие заявителя {own_cash} тенге меньше {percent} % от {object_cost} тенге ({required} "
        "тенге).",
        "en": "The applicant's cash of {own_cash} KZT is less than {percent} % of {object_cost} KZT ({required} KZT).",
    },
    _own_cash,
    only("1"),
    _own_cash_details,
)

S3_I1_OBJECT = rule(
    "004.s5.3.i1.object_cost",
    _I1,
    {
        "kk": "Лизинг мәнінің жалпы құны кемінде 150 млн. теңге (жеңіл өнеркәсіп кәсіпорындары үшін кемінде 75 млн. "
        "теңге) болуы тиіс.",
        "ru": "Общая стоимость предмета лизинга должна быть не менее 150 млн тенге (для предприятий лёгкой "
        "промышленности — не менее 75 млн тенге).",
        "en": "The leased object must cost at least 150 m KZT (75 m KZT for light-industry enterprises).",
    },
    {
        "kk": "Лизинг мәнінің құны {object_cost} теңге, бұл ең аз {minimum} теңгеден кем.",
        "ru": "Стоимость предмета лизинга {object_cost} тенге меньше минимальной {minimum} тенге.",
        "en": "The leased object costs {object_cost} KZT, less than the minimum of {minimum} KZT.",
    },
    _object_cost,
    only("1"),
    _object_cost_details,
)

S3_I1_TERM = rule(
    "004.s5.3.i1.term",
    _I1,
    {
        "kk": "Ұзақ мерзімді лизингтік қаржыландыру 10 жылға дейінгі мерзімге беріледі.",
        "ru": "Долгосрочное лизинговое финансирование предоставляется на срок до 10 лет.",
        "en": "Long-term leasing financing is granted for up to 10 years.",
    },
    {
        "kk": "Лизинг мерзімі {term} жыл, бұл {longest} жылдан артық.",
        "ru": "Срок лизинга {term} лет больше {longest} лет.",
        "en": "The lease term of {term} years is longer than {longest} years.",
    },
    _term,
    only("1"),
    _term_details,
)

S3_I1_RATE = rule(
    "004.s5.3.i1.rate",
    _I1,
    {
        "kk": "Қаржы лизингі шарты бойынша сыйақы мөлшерлемесі өтінім беруші үшін 5 %-ды құрауы тиіс.",
        "ru": "Ставка вознаграждения по договору финансового лизинга для заявителя должна составлять 5 %.",
        "en": "The interest rate of the finance lease for the applicant must be 5 %.",
    },
    {
        "kk": "Сыйақы мөлшерлемесі {rate} %, ал {required} % болуы тиіс.",
        "ru": "Ставка вознаграждения {rate} %, а должна быть {required} %.",
        "en": "The interest rate is {rate} %; it must be {required} %.",
    },
    _rate,
    only("1"),
    _rate_details,
)


LEASING_RULES = (S1_1_SECTOR, S1_1_CONFIRMATION, S3_I1_OWN_CASH, S3_I1_OBJECT, S3_I1_TERM, S3_I1_RATE)
