"""Act 004 ("Productivity 2020" programme): the period in force and the applicant criteria, in the
order of the programme — 5.1 "Өтінім берушілерге қойылатын критерийлер" (criteria for applicants)
with the conditions of instrument 1 from 5.3. The executor criteria of 5.2 are in
`executors`.

The validity rules are always evaluated (they are what refuses an application dated outside the
period); every other rule is in force with the restated programme only.
"""

from __future__ import annotations

import polars as pl

from ...columnar import Fields
from ...dates import add_years, add_years_expr
from ...rules import ALWAYS, ColumnContext, Context, Messages, Rule
from .common import (
    PROGRAMME_IN_FORCE,
    RESTATED_ON,
    VALIDITY_CITATION,
    cite,
    flag,
    in_priority_sector,
    instrument_note,
    only,
    repeal_effective,
    rule,
    sector_details,
)
from .facts import ProductivityFacts
from .leasing import LEASING_RULES

# --- validity: Resolution No. 440 (in force on signing) until the repeal by Resolution No. 370 ----------
# Both the application date and the date the case is decided as of (`on`) must lie in the period:
# otherwise the criteria would be "not in force" and nothing would be checked.


def _not(status: str):
    """A test that neither the application date nor the decision date has `status` in the period."""

    def test(f: Fields, ctx: ColumnContext) -> pl.Expr:
        return ((ctx.status(PROGRAMME_IN_FORCE, f.application_date) != status)
                & (ctx.status(PROGRAMME_IN_FORCE, ctx.on) != status))

    return test


def _started_details(facts: ProductivityFacts, ctx: Context) -> dict:
    return {"application_date": facts.application_date, "on": ctx.on, "start": RESTATED_ON}


def _repeal_details(facts: ProductivityFacts, ctx: Context) -> dict:
    repealed_from, assumed = repeal_effective(ctx)
    return {"application_date": facts.application_date, "on": ctx.on, "repealed_from": repealed_from,
            "assumed": assumed}


VALIDITY_START = Rule(
    "004.validity.start",
    VALIDITY_CITATION,
    {
        "kk": "Өтінім Бағдарлама 2015 жылғы 17 маусымдағы № 440 қаулының редакциясында қолданысқа енгізілген күннен "
        "(2015 жылғы 17 маусым) кейін берілуі тиіс.",
        "ru": "Заявка должна быть подана не ранее 17 июня 2015 года, когда Программа в редакции постановления № 440 "
        "вступила в силу.",
        "en": "The application must be dated on or after 17 June 2015, when the programme took effect in the wording "
        "of Resolution No. 440.",
    },
    {
        "kk": "Өтінім {application_date} берілген және {on} күнгі жағдай бойынша шешіледі, ал Бағдарлама № 440 "
        "қаулының редакциясында {start} бастап қолданысқа енгізілген; бұрынғы редакция бастапқы мәтінде жоқ.",
        "ru": "Заявка подана {application_date} и рассматривается по состоянию на {on}, а Программа в редакции "
        "постановления № 440 вступила в силу {start}; прежней редакции нет в исходном тексте.",
        "en": "The application is dated {application_date} and decided as of {on}, but the programme took effect "
        "in the wording of Resolution No. 440 only on {start}; the earlier wording is not in the seed.",
    },
    _not("not_yet"),
    ALWAYS,
    explain=_started_details,
)

VALIDITY_END = Rule(
    "004.validity.end",
    VALIDITY_CITATION,
    {
        "kk": "Өтінім Бағдарламаның күші 2016 жылғы 23 маусымдағы № 370 қаулымен жойылғанға дейін берілуі тиіс.",
        "ru": "Заявка должна быть подана до утраты Программой силы по постановлению от 23 июня 2016 года № 370.",
        "en": "The application must be dated before the repeal of the programme by Resolution No. 370 of 23 June "
        "2016 took effect.",
    },
    {
        "kk": "Өтінім {application_date} берілген және {on} күнгі жағдай бойынша шешіледі: Бағдарламаның күші "
        "2016 жылғы 23 маусымдағы № 370 қаулымен {repealed_from} бастап жойылған (қаулы алғаш ресми "
        "жарияланғаннан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі; жарияланған күн енгізілмегенше "
        "ең ерте мүмкін күн, 2016-07-03, алынады).",
        "ru": "Заявка подана {application_date} и рассматривается по состоянию на {on}: Программа утратила силу с "
        "{repealed_from} по постановлению от 23 июня 2016 года № 370 (вводится в действие по истечении десяти "
        "календарных дней после первого официального опубликования; пока дата опубликования не введена, берётся "
        "самая ранняя возможная дата, 2016-07-03).",
        "en": "The application is dated {application_date} and decided as of {on}: the programme was repealed with "
        "effect from {repealed_from} by Resolution No. 370 of 23 June 2016 (in force ten calendar days after "
        "first official publication; while the publication date is not entered, the earliest possible day, "
        "2016-07-03, is used).",
    },
    _not("ended"),
    ALWAYS,
    explain=_repeal_details,
)


# --- 5.1: sectors and years of activity -------------------------------------------------------------


SECTOR_TEXTS: tuple[Messages, Messages] = (
    {
        "kk": "Өтінім беруші Бағдарламаға қосымшаға сәйкес экономиканың басым секторларында қызметін жүзеге асыруы "
        "тиіс (ЭҚЖЖ коды тізбедегі кодқа тең немесе оның ішінде).",
        "ru": "Заявитель должен осуществлять деятельность в приоритетных секторах экономики согласно приложению к "
        "Программе (код ОКЭД равен коду перечня или входит в него).",
        "en": "The applicant must carry out its activity in a priority sector of the Annex (its OKED code equals a "
        "listed code or lies under it).",
    },
    {
        "kk": "ЭҚЖЖ кодтарының ({codes}) бірде-бірі Бағдарламаға қосымшадағы басым секторларға жатпайды.",
        "ru": "Ни один из кодов ОКЭД ({codes}) не относится к приоритетным секторам приложения к Программе.",
        "en": "None of the OKED codes ({codes}) lies in a priority sector of the Annex.",
    },
)


def _activity_year(f: Fields, ctx: ColumnContext) -> pl.Expr:
    # Exactly N years before the application counts.
    years = ctx.param("p2020.activity_min_years")
    return f.applicant.activity_since <= add_years_expr(f.application_date, -years)


def _activity_year_details(facts: ProductivityFacts, ctx: Context) -> dict:
    years = ctx.param("p2020.activity_min_years")
    return {"since": facts.applicant.activity_since, "application_date": facts.application_date, "years": years,
            "latest": add_years(facts.application_date, -years)}


ACTIVITY_YEAR_TEXTS: tuple[Messages, Messages] = (
    {
        "kk": "Өтінім беруші экономиканың басым секторларында қызметін кемінде 1 (бір) жыл бойы жүзеге асыруы тиіс.",
        "ru": "Заявитель должен осуществлять деятельность в приоритетных секторах экономики не менее 1 (одного) "
        "года.",
        "en": "The applicant must have carried out its activity in a priority sector for at least 1 (one) year.",
    },
    {
        "kk": "Қызмет {since} бастап жүзеге асырылады: өтінім берілген күнге ({application_date}) дейін {years} жыл "
        "толмаған (ең кеші {latest} басталуы тиіс еді).",
        "ru": "Деятельность осуществляется с {since}: к дате подачи заявки ({application_date}) не прошло {years} "
        "г. (начало должно быть не позднее {latest}).",
        "en": "The activity is carried out since {since}: less than {years} year(s) before the application date "
        "({application_date}); it must have started on or before {latest}.",
    },
)


def _sector_rule(rule_id: str, sub: str, instruments: tuple[str, ...]) -> Rule:
    return rule(rule_id, cite("5.1", sub=sub), *SECTOR_TEXTS,
                lambda f, ctx: in_priority_sector(f.applicant.oked_codes, ctx), only(*instruments),
                lambda facts, ctx: sector_details(facts.applicant.oked_codes, ctx))


def _year_rule(rule_id: str, sub: str, instruments: tuple[str, ...]) -> Rule:
    return rule(rule_id, cite("5.1", sub=sub), *ACTIVITY_YEAR_TEXTS, _activity_year, only(*instruments),
                _activity_year_details)


# 5.1(2): instrument 2 — a CPIP for leasing (2a), a feasibility study of a map project (2b)
S1_2_CPIP_SECTOR = _sector_rule("004.s5.1.2.cpip.priority_sector", "2", ("2a",))

S1_2_CPIP_APPROVED = rule(
    "004.s5.1.2.cpip.kdb_leasing_approval",
    cite("5.1", sub="2"),
    {
        "kk": "«Ұзақ мерзімді лизингтік қаржыландыруды ұсыну» құралының операторы қаржыландыруға мақұлдаған "
        "инвестициялық жобаның кешенді жоспары болуы тиіс.",
        "ru": "Должен быть комплексный план инвестиционного проекта, одобренный к финансированию оператором "
        "инструмента «Предоставление долгосрочного лизингового финансирования».",
        "en": "The CPIP must be approved for financing by the leasing operator (KDB-Leasing).",
    },
    {
        "kk": "Инвестициялық жобаның кешенді жоспарын «ҚДБ-Лизинг» АҚ қаржыландыруға мақұлдамаған.",
        "ru": "Комплексный план инвестиционного проекта не одобрен к финансированию АО «КДБ-Лизинг».",
        "en": "The CPIP is not approved for financing by KDB-Leasing.",
    },
    flag("cpip_approved_by_kdb_leasing"),
    only("2a"),
)


def _on_map(f: Fields, ctx: ColumnContext) -> pl.Expr:
    return f.applicant.industrialization_map.is_in(["republican", "regional"])


S1_2_FS_MAP = rule(
    "004.s5.1.2.fs.industrialization_map",
    cite("5.1", sub="2"),
    {
        "kk": "Жоба республикалық немесе өңірлік деңгейдегі индустрияландыру картасына енгізілген болуы тиіс.",
        "ru": "Проект должен быть включён в Карту индустриализации республиканского или регионального уровня.",
        "en": "The project must be on the republican or regional industrialization map.",
    },
    {
        "kk": "Жоба республикалық немесе өңірлік индустрияландыру картасына енгізілмеген.",
        "ru": "Проект не включён в республиканскую или региональную Карту индустриализации.",
        "en": "The project is not on the republican or regional industrialization map.",
    },
    _on_map,
    only("2b"),
    lambda facts, ctx: {"level": facts.applicant.industrialization_map},
)
S1_2_FS_SECTOR = _sector_rule("004.s5.1.2.fs.priority_sector", "2", ("2b",))
S1_2_FS_YEAR = _year_rule("004.s5.1.2.fs.activity_year", "2", ("2b",))
S1_2_FS_EXPERTISE = rule(
    "004.s5.1.2.fs.expertise",
    cite("5.1", sub="2"),
    {
        "kk": "Аккредиттелген сарапшылық ұйым, аттестатталған сарапшы немесе мемлекеттік сарапшылық ұйым жүргізген, "
        "құрылысқа арналған ТЭН-нің ведомстводан тыс кешенді сараптамасының оң қорытындысы болуы тиіс.",
        "ru": "Должно быть положительное заключение комплексной вневедомственной экспертизы ТЭО на строительство, "
        "проведённой аккредитованной экспертной организацией, аттестованным экспертом или государственной "
        "экспертной организацией.",
        "en": "There must be a positive conclusion of the comprehensive non-departmental expertise of the "
        "construction feasibility study by an accredited expert organisation, certified expert or state expert "
        "organisation.",
    },
    {
        "kk": "ТЭН-нің ведомстводан тыс кешенді сараптамасының оң қорытындысы жоқ.",
        "ru": "Положительного заключения комплексной вневедомственной экспертизы ТЭО нет.",
        "en": "There is no positive conclusion of the non-departmental expertise of the feasibility study.",
    },
    flag("positive_expertise"),
    only("2b"),
)

# 5.1(3): instruments 3-5
_3_TO_5 = ("3a", "3b", "4a", "4b", "5a", "5b")
S1_3_SECTOR = _sector_rule("004.s5.1.3.priority_sector", "3", _3_TO_5)
S1_3_YEAR = _year_rule("004.s5.1.3.activity_year", "3", _3_TO_5)

# 5.1(4): instruments 7 and 8 — territorial clusters
S1_4_STAGE1 = rule(
    "004.s5.1.4.stage1_winner",
    cite("5.1", sub="4"),
    {
        "kk": "Аумақтық кластерді дамыту стратегиясын және жол картасын әзірлеу кезінде — конкурстың бірінші "
        "кезеңінің жеңімпазы.",
        "ru": "При разработке стратегии и дорожной карты развития территориального кластера — победитель первого "
        "этапа конкурса.",
        "en": "For a cluster strategy and road map: the winner of stage 1 of the cluster competition.",
    },
    {
        "kk": "Өтінім беруші аумақтық кластерлер конкурсының бірінші кезеңінің жеңімпазы емес.",
        "ru": "Заявитель не является победителем первого этапа конкурса территориальных кластеров.",
        "en": "The applicant is not a winner of stage 1 of the cluster competition.",
    },
    flag("cluster_stage1_winner"),
    only("7"),
)
S1_4_STAGE2 = rule(
    "004.s5.1.4.stage2_winner",
    cite("5.1", sub="4"),
    {
        "kk": "Аумақтық кластерді дамыту стратегиясын және жол картасын іске асыру кезінде — конкурстың екінші "
        "кезеңінің жеңімпазы.",
        "ru": "При реализации стратегии и дорожной карты развития территориального кластера — победитель второго "
        "этапа конкурса.",
        "en": "For implementing a cluster strategy and road map: the winner of stage 2 of the cluster competition.",
    },
    {
        "kk": "Өтінім беруші аумақтық кластерлер конкурсының екінші кезеңінің жеңімпазы емес.",
        "ru": "Заявитель не является победителем второго этапа конкурса территориальных кластеров.",
        "en": "The applicant is not a winner of stage 2 of the cluster competition.",
    },
    flag("cluster_stage2_winner"),
    only("8"),
)

# 5.3, instrument 6: its rules are approved by the Government and are not in the seed
S3_I6 = rule(
    "004.s5.3.i6.rules",
    cite("5.3", note=instrument_note("6")),
    {
        "kk": "6-құрал бойынша өтеу қағидаларын Қазақстан Республикасының Үкіметі бекітеді.",
        "ru": "Правила возмещения по инструменту 6 утверждает Правительство Республики Казахстан.",
        "en": "The reimbursement rules of instrument 6 are approved by the Government.",
    },
    {
        "kk": "6-құралдың қағидалары бастапқы мәтінде жоқ: өтінімді осы жүйе шеше алмайды; оператордың өз "
        "қағидаларын кейін жүктеуге болады.",
        "ru": "Правил инструмента 6 нет в исходном тексте: заявку эта система решить не может; собственные правила "
        "оператора можно загрузить позже.",
        "en": "The rules of instrument 6 are not in the seed: this system cannot decide the application; the "
        "operator's own rules can be loaded later.",
    },
    lambda f, ctx: pl.lit(False),
    only("6"),
)

APPLICANT_RULES: tuple[Rule, ...] = (
    VALIDITY_START,
    VALIDITY_END,
    *LEASING_RULES,
    S1_2_CPIP_SECTOR,
    S1_2_CPIP_APPROVED,
    S1_2_FS_MAP,
    S1_2_FS_SECTOR,
    S1_2_FS_YEAR,
    S1_2_FS_EXPERTISE,
    S1_3_SECTOR,
    S1_3_YEAR,
    S1_4_STAGE1,
    S1_4_STAGE2,
    S3_I6,
)

