"""Act 001, procedures after registration, in paragraph order: change of activity type (9-1),
the selection commission (13), extension (36) and early termination (41), each a declared
`Procedure`. Their terms (9-1, 13, 18, 20, 36, 60) are declared in `terms`; the application
for services (48) is in `services`.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from ...columnar import Fields
from ...procedure import Procedure, declare
from ...rules import ColumnContext, Context, Rule
from .common import (
    LIST_FAILURE,
    annex3_rules,
    cite,
    default_activity_types,
    list_details,
    on_list,
    param_on,
    rule,
    sample_list_note,
)
from .facts import (
    ActivityChangeFacts,
    CommissionFacts,
    EarlyTerminationFacts,
    ExtensionFacts,
)
from .terms import EXTENSION_NOTICE

# --- paragraph 9-1: change or addition of activity type ----------------------------------------

P9_1_LIST = rule(
    "001.p9-1.list",
    cite("9-1"),
    {
        "kk": "Қызмет түрі АКТ саласындағы басым қызмет түрлерінің тізбесі шеңберінде өзгертіледі "
        "және (немесе) толықтырылады.",
        "ru": "Вид деятельности изменяется и (или) дополняется в рамках перечня приоритетных видов "
        "деятельности в сфере ИКТ.",
        "en": "The activity type is changed or added within the list of priority ICT activity "
        "types.",
    },
    LIST_FAILURE,
    lambda f, ctx: on_list(f.new_activity_types, ctx),
    explain=lambda facts, ctx: list_details(facts.new_activity_types, ctx),
)

P9_1_PLAN = rule(
    "001.p9-1.business_plan",
    cite("9-1"),
    {
        "kk": "Қызмет түрін өзгерту және (немесе) толықтыру туралы электрондық өтінішке "
        "Технопарктің интернет-ресурсында толтырылатын бизнес-жоспар қоса беріледі.",
        "ru": "К электронной заявке об изменении и (или) дополнении вида деятельности прилагается "
        "бизнес-план, заполняемый на интернет-ресурсе Технопарка.",
        "en": "The electronic application to change or add an activity type comes with the "
        "business plan filled in on the technopark's web resource.",
    },
    {
        "kk": "Қызмет түрін өзгерту және (немесе) толықтыру туралы өтінішке бизнес-жоспар қоса "
        "берілмеген (бірде-бір жоба көрсетілмеген).",
        "ru": "К заявке об изменении и (или) дополнении вида деятельности не приложен бизнес-план "
        "(не указано ни одного проекта).",
        "en": "No business plan (with at least one project) comes with the application to change "
        "or add an activity type.",
    },
    lambda f, ctx: f.business_plan.projects.count() > 0,  # null where no plan is given: not met
)

ACTIVITY_CHANGE_RULES: tuple[Rule, ...] = (
    P9_1_LIST,
    P9_1_PLAN,
    *annex3_rules(
        "001.p9-1.annex3",
        cite("9-1", None, "Annex 3"),
        lambda f: f.business_plan,
        lambda f: f.new_activity_types,
    ),
)


# Is the application to change or add activity types complete and within the list (p.9-1)? The
# commission's decision is due by `terms.ACTIVITY_CHANGE_DECISION`.
ACTIVITY_CHANGE = declare(
    Procedure(
        name="technopark-activity-change",
        subject="technopark.activity_change",
        title={
            "kk": "Қызмет түрін өзгерту және (немесе) толықтыру туралы өтініш (9-1-тармақ)",
            "ru": "Заявка об изменении и (или) дополнении вида деятельности (пункт 9-1)",
            "en": "Application to change or add activity types (paragraph 9-1)",
        },
        facts=ActivityChangeFacts,
        rules=ACTIVITY_CHANGE_RULES,
        date=lambda facts: facts.received_on,
        references=default_activity_types,
        finish=sample_list_note(P9_1_LIST.id),
    )
)


# --- paragraph 13: the selection commission ----------------------------------------------------


def _members(f: Fields, ctx: ColumnContext) -> pl.Expr:
    years_min = ctx.param("technopark.ict_experience_years_min")
    # International experts are a category of their own ("сондай-ақ ... халықаралық сарапшылар
    # тартылады"), added to the specialists of the first sentence.
    return f.members.all(
        lambda m: m.state_body_representative
        | m.it_qualified
        | m.international_expert
        | (m.ict_experience_years > years_min)
    )


def _members_details(facts: CommissionFacts, ctx: Context) -> dict[str, Any]:
    years_min = ctx.param("technopark.ict_experience_years_min")
    unqualified = [
        f"{m.name} ({m.ict_experience_years})"
        for m in facts.members
        if not (
            m.state_body_representative
            or m.it_qualified
            or m.international_expert
            or m.ict_experience_years > years_min
        )
    ]
    return {"years_min": years_min, "unqualified": ", ".join(unqualified)}


COMMISSION_RULES: tuple[Rule, ...] = (
    rule(
        "001.p13.members",
        cite("13"),
        {
            "kk": "Комиссия мемлекеттік органдардың өкілдерінен және (немесе) IT-технологиялар "
            "саласында тиісті біліктілігі бар және (немесе) АКТ саласында бес жылдан астам жұмыс "
            "тәжірибесі бар мамандардан тұрады.",
            "ru": "Комиссия состоит из представителей государственных органов и (или) "
            "специалистов, имеющих соответствующую квалификацию в сфере IT-технологий и (или) опыт "
            "работы в сфере ИКТ более пяти лет.",
            "en": "The commission consists of state-body representatives and/or specialists with "
            "the appropriate IT qualification and/or more than five years of ICT work experience.",
        },
        {
            "kk": "Комиссияның мына мүшелері мемлекеттік органның өкілі емес, IT-технологиялар "
            "саласында тиісті біліктілігі жоқ және АКТ саласындағы жұмыс тәжірибесі {years_min} "
            "жылдан аспайды (жылдар жақшада): {unqualified}.",
            "ru": "Следующие члены Комиссии не являются представителями государственных органов, "
            "не имеют соответствующей квалификации в сфере IT-технологий и имеют опыт работы в "
            "сфере ИКТ не более {years_min} лет (лет в скобках): {unqualified}.",
            "en": "These members are not state-body representatives, have no appropriate IT "
            "qualification and have no more than {years_min} years of ICT experience (years in "
            "brackets): {unqualified}.",
        },
        _members,
        explain=_members_details,
    ),
    rule(
        "001.p13.international_experts",
        cite("13"),
        {
            "kk": "Комиссияның құрамына халықаралық сарапшылар тартылады.",
            "ru": "В состав Комиссии привлекаются международные эксперты.",
            "en": "International experts are included in the commission.",
        },
        {
            "kk": "Комиссияның құрамында бірде-бір халықаралық сарапшы жоқ.",
            "ru": "В составе Комиссии нет ни одного международного эксперта.",
            "en": "The commission includes no international expert.",
        },
        lambda f, ctx: f.members.any(lambda m: m.international_expert),
    ),
)


# Does the selection commission's membership meet paragraph 13? The facts carry no date: give `on`.
COMMISSION_COMPOSITION = declare(
    Procedure(
        name="technopark-commission-composition",
        subject="technopark.commission",
        title={
            "kk": "Технопарк қатысушыларын іріктеу жөніндегі комиссияның құрамы (13-тармақ)",
            "ru": "Состав комиссии по отбору участников Технопарка (пункт 13)",
            "en": "Composition of the commission selecting technopark participants (paragraph 13)",
        },
        facts=CommissionFacts,
        rules=COMMISSION_RULES,
    )
)


# --- paragraph 36: extension ---------------------------------------------------------------------


def _in_time(f: Fields, ctx: ColumnContext) -> pl.Expr:
    # The number of days is the one in force when participation ends, not on the decision date.
    days = param_on(ctx, EXTENSION_NOTICE.parameter, f.participation_end, dtype=pl.Int64)
    calendar = ctx.calendar

    def last_days(pairs: pl.Series) -> pl.Series:
        # Working days are counted by the calendar of the evaluation (it holds the decreed day
        # transfers, administrators' entries included), which no column expression knows: each
        # distinct (end, days) is counted once.
        memo: dict[tuple, Any] = {}
        out = []
        for pair in pairs.to_list():
            key = (pair["end"], pair["days"])
            if key not in memo:
                memo[key] = None if None in key else EXTENSION_NOTICE.date(key[0], key[1], calendar)
            out.append(memo[key])
        return pl.Series(out, dtype=pl.Date)

    last_day = pl.struct(f.participation_end.alias("end"), days.alias("days")).map_batches(
        last_days, return_dtype=pl.Date, is_elementwise=True
    )
    return f.filed_on <= last_day


def _in_time_details(facts: ExtensionFacts, ctx: Context) -> dict[str, Any]:
    days = ctx.param(EXTENSION_NOTICE.parameter, facts.participation_end)
    last_day = EXTENSION_NOTICE.date(facts.participation_end, days, ctx.calendar)
    details = {
        "filed_on": facts.filed_on,
        "participation_end": facts.participation_end,
        "last_day": last_day,
        "days": days,
    }
    if facts.filed_on <= last_day:
        return details
    return {**details, "next_step": "register_anew_p8", "next_step_citation": cite("8").ref}


EXTENSION_RULES: tuple[Rule, ...] = (
    rule(
        "001.p36",
        cite("36"),
        {
            "kk": "Технопаркке қатысу мерзімін ұзарту туралы өтініш Технопаркке қатысу мерзімі "
            "аяқталғанға дейін он жұмыс күнінен кешіктірілмей беріледі.",
            "ru": "Заявка на продление срока участия в Технопарке подаётся не позднее чем за "
            "десять рабочих дней до окончания срока участия в Технопарке.",
            "en": "The application to extend participation is filed no later than ten working days "
            "before participation ends.",
        },
        {
            "kk": "Ұзарту туралы өтініш {filed_on} берілген; соңғы мерзім – {last_day} (қатысу "
            "мерзімі {participation_end} аяқталғанға дейін {days} жұмыс күні). Мерзім өтіп кетті: "
            "өтініш беруші Қағидалардың 8-тармағына сәйкес қайтадан тіркеуден өтеді.",
            "ru": "Заявка на продление подана {filed_on}; последний допустимый день – {last_day} "
            "(за {days} рабочих дней до окончания срока участия {participation_end}). Срок "
            "пропущен: заявитель проходит регистрацию заново в соответствии с пунктом 8 Правил.",
            "en": "The extension application was filed on {filed_on}; the last day to file was "
            "{last_day} ({days} working days before participation ends on {participation_end}). "
            "Late: register anew under paragraph 8.",
        },
        _in_time,
        explain=_in_time_details,
    ),
)


# Was the extension application filed in time (p.36)? Late: register anew under p.8.
EXTENSION = declare(
    Procedure(
        name="technopark-extension",
        subject="technopark.extension",
        title={
            "kk": "Технопаркке қатысу мерзімін ұзарту туралы өтініштің мерзімі (36-тармақ)",
            "ru": "Срок подачи заявки на продление участия в Технопарке (пункт 36)",
            "en": "Time limit of the application to extend participation (paragraph 36)",
        },
        facts=ExtensionFacts,
        rules=EXTENSION_RULES,
        date=lambda facts: facts.filed_on,
    )
)


# --- paragraph 41: early termination ----------------------------------------------------------

EARLY_TERMINATION_COMMISSION_GROUNDS = ("39(1)", "39(2)", "39(5)", "39(6)")


def _commission_ground(f: Fields, ctx: ColumnContext) -> pl.Expr:
    return f.grounds.list.eval(pl.element().is_in(EARLY_TERMINATION_COMMISSION_GROUNDS)).list.any()


def _commission_ground_details(facts: EarlyTerminationFacts, ctx: Context) -> dict[str, Any]:
    mine = [g for g in facts.grounds if g in EARLY_TERMINATION_COMMISSION_GROUNDS]
    other = [g for g in facts.grounds if g not in EARLY_TERMINATION_COMMISSION_GROUNDS]
    return {"to_commission": ", ".join(mine), "other": ", ".join(other)}


EARLY_TERMINATION_RULES: tuple[Rule, ...] = (
    rule(
        "001.p41",
        cite("41"),
        {
            "kk": "Технопарк 39-тармақтың 1), 2), 5) және 6) тармақшаларында көзделген жағдайда "
            "қатысушының Технопаркке қатысуын мерзімінен бұрын тоқтату туралы мәселені Комиссияның "
            "қарауына шығарады; Комиссия осы негіздемелер болған кезде шешім қабылдайды.",
            "ru": "В случаях, предусмотренных подпунктами 1), 2), 5) и 6) пункта 39, Технопарк "
            "выносит вопрос о досрочном прекращении участия на рассмотрение Комиссии; Комиссия "
            "принимает решение при наличии этих оснований.",
            "en": "On the grounds of paragraph 39, sub-paragraphs 1), 2), 5) and 6), the "
            "technopark brings early termination of participation to the commission, which "
            "decides.",
        },
        {
            "kk": "Көрсетілген негіздемелердің ({other}) ешқайсысы 39-тармақтың 1), 2), 5) немесе "
            "6) тармақшаларына жатпайды: 41-тармаққа сәйкес мәселе Комиссияның қарауына "
            "шығарылмайды.",
            "ru": "Ни одно из указанных оснований ({other}) не относится к подпунктам 1), 2), 5) "
            "или 6) пункта 39: вопрос не выносится на рассмотрение Комиссии по пункту 41.",
            "en": "None of the grounds given ({other}) is among sub-paragraphs 1), 2), 5) or 6) of "
            "paragraph 39: under paragraph 41 the question does not go to the commission.",
        },
        _commission_ground,
        explain=_commission_ground_details,
    ),
)


# Do the grounds put early termination before the commission (p.41)? "eligible" = yes. The facts
# carry no date: give `on`.
EARLY_TERMINATION = declare(
    Procedure(
        name="technopark-early-termination",
        subject="technopark.early_termination",
        title={
            "kk": "Технопаркке қатысуды мерзімінен бұрын тоқтату негіздемелері (41-тармақ)",
            "ru": "Основания досрочного прекращения участия в Технопарке (пункт 41)",
            "en": "Grounds of early termination of participation (paragraph 41)",
        },
        facts=EarlyTerminationFacts,
        rules=EARLY_TERMINATION_RULES,
    )
)
