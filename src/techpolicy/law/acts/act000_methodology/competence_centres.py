"""Act 000, chapter 3: sectoral technology competence centres ("салалық технологиялық құзырет
орталықтары", paragraphs 15-22), read beside the act.

The law here is who may be designated: the criteria of paragraph 17 (experience of at least five
years, staff competences in four areas, own funds and a material-technical base), the initiator of
paragraph 18 (a legal entity) and the proposal of paragraph 19 (a state body or local executive
body, in a direction it supervises; Order No. 198 wording). Paragraph 20 (the designating state
body) and 21-22 (several centres per sector, methodological help, financing) are recorded by the
service, not decided here; `same_pair_flag` is paragraph 21 as reading R-A2.

Procedure "competence-centre": `catalogue()["competence-centre"].evaluate(facts)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from ...columnar import Fields
from ...procedure import Procedure, declare, with_note
from ...rules import ColumnContext, Context, Messages, Verdict, optional, render
from ...terms import Term
from ...terms import declare as declare_term
from .designation import (
    cite,
    experience_details,
    experienced,
    kind_details,
    legal_entity,
    proposal_details,
    proposal_valid,
    rule,
    rule_198,
    same_text,
)
from .designation_lists import CC_FUNCTIONS, CC_TASKS
from .facts_designation import CompetenceCentreFacts

__all__ = [
    "CC_FUNCTIONS",
    "CC_RULES",
    "AB_CONSIDERATION",
    "CC_TASKS",
    "COMPETENCE_AREAS",
    "COMPETENCE_CENTRE",
    "CompetenceCentreFacts",
    "same_pair_flag",
]

# p.17(2), in the paragraph's order; all four are required (reading R-A1).
COMPETENCE_AREAS: dict[str, Messages] = {
    "programme_documents": {
        "kk": "бағдарламалық құжаттарды жасау",
        "ru": "разработка программных документов",
        "en": "drafting programme documents",
    },
    "analytical_studies": {
        "kk": "талдамалық зерттеулер жүргізу",
        "ru": "проведение аналитических исследований",
        "en": "conducting analytical studies",
    },
    "technology_assessment": {
        "kk": "саладағы технологияларды, технологиялық өндірістік процестерді бағалау",
        "ru": "оценка технологий и технологических производственных процессов в отрасли",
        "en": "assessing technologies and technological production processes in the sector",
    },
    "technical_regulation": {
        "kk": "техникалық реттеу және стандарттау",
        "ru": "техническое регулирование и стандартизация",
        "en": "technical regulation and standardisation",
    },
}


# --- paragraph 17: the criteria -------------------------------------------------------------------


def _experience(f: Fields, ctx: ColumnContext) -> pl.Expr:
    # The source does not fix the date the years are counted to; the date of the check is used
    # and the verdict says so (see `_reading_note`). The reading, once an administrator sets it,
    # is read here so that the verdict lists it with the minimum the count was made under.
    minimum = ctx.param("tp.cc.min_experience_years")
    optional(ctx, "tp.cc.experience_reference_date_rule")
    return experienced(f.experience.started_on, f.checked_on, minimum)


def _experience_details(facts: CompetenceCentreFacts, ctx: Context) -> dict[str, Any]:
    return experience_details(
        facts.experience.started_on,
        facts.checked_on,
        ctx.param("tp.cc.min_experience_years"),
        sector=facts.sector,
        direction=facts.direction,
        evidence=facts.experience.evidence,
        reference_date_rule=optional(ctx, "tp.cc.experience_reference_date_rule"),
    )


def _staff_required(ctx: Context) -> tuple[int, int | None]:
    """The evidenced employees each area needs, and the parameter's value (None while unset)."""
    set_minimum = optional(ctx, "tp.cc.min_staff_per_area")
    # Unset: the paragraph asks that the staff have the competences, so one evidenced employee
    # per area is what it can require.
    return (1 if set_minimum is None else set_minimum), set_minimum


def _staff_competences(f: Fields, ctx: ColumnContext) -> pl.Expr:
    required, _ = _staff_required(ctx)
    return pl.all_horizontal(
        f.staff.count(lambda person, area=area: person.areas.list.contains(area)) >= required
        for area in COMPETENCE_AREAS
    )


def _staff_details(facts: CompetenceCentreFacts, ctx: Context) -> dict[str, Any]:
    required, set_minimum = _staff_required(ctx)
    counts = {area: sum(area in person.areas for person in facts.staff) for area in COMPETENCE_AREAS}
    missing = [area for area, count in counts.items() if count < required]
    details: dict[str, Any] = {"staff_per_area": counts, "required": required, "min_staff_per_area": set_minimum}
    if not missing:
        return details
    details["uncovered"] = missing
    for lang in ("kk", "ru", "en"):
        details[f"missing_{lang}"] = "; ".join(COMPETENCE_AREAS[area][lang] for area in missing)
    return details


_OWN_FUNDS: Messages = {
    "kk": "қызметті қаржыландыру үшін өз қаражаты",
    "ru": "собственные средства для финансирования деятельности",
    "en": "own funds to finance its activity",
}
_OWN_FUNDS_MINIMUM: Messages = {
    "kk": "кемінде {minimum} теңге өз қаражаты",
    "ru": "собственные средства не менее {minimum} тенге",
    "en": "own funds of at least {minimum} tenge",
}
_BASE: Messages = {
    "kk": "қажетті инфрақұрылымды қоса алғанда, материалдық-техникалық база",
    "ru": "материально-техническая база, включая необходимую инфраструктуру",
    "en": "a material-technical base including the necessary infrastructure",
}


def _funds_and_base(f: Fields, ctx: ColumnContext) -> pl.Expr:
    minimum = optional(ctx, "tp.cc.min_own_funds_kzt")  # the source sets no amount
    funds = f.own_funds.available
    if minimum is not None:
        amount = f.own_funds.amount_kzt
        funds = funds & amount.is_not_null() & (amount >= minimum)
    return funds & f.material_base.available


def _funds_and_base_details(facts: CompetenceCentreFacts, ctx: Context) -> dict[str, Any]:
    minimum = optional(ctx, "tp.cc.min_own_funds_kzt")
    funds, amount = facts.own_funds.available, facts.own_funds.amount_kzt
    lacking: list[Messages] = []
    if not funds:
        lacking.append(_OWN_FUNDS)
    elif minimum is not None and (amount is None or amount < minimum):
        lacking.append(render(_OWN_FUNDS_MINIMUM, {"minimum": minimum}))
    if not facts.material_base.available:
        lacking.append(_BASE)
    details: dict[str, Any] = {
        "own_funds": funds,
        "amount_kzt": amount,
        "min_own_funds_kzt": minimum,
        "material_base": facts.material_base.available,
    }
    if not lacking:
        return details
    for lang in ("kk", "ru", "en"):
        details[f"missing_{lang}"] = "; ".join(item[lang] for item in lacking)
    return details


P17_1 = rule(
    "000.p17.1",
    cite("17", "1"),
    {
        "kk": "Технологиялық бағыт бойынша тиісті салада/секторда ұйым қызметінің тәжірибесі кемінде 5 (бес) жыл "
        "болуы тиіс.",
        "ru": "Опыт деятельности организации в соответствующей отрасли/секторе по технологическому направлению "
        "должен составлять не менее 5 (пяти) лет.",
        "en": "The organisation must have at least 5 (five) years of experience in the relevant sector/segment by "
        "the technology direction.",
    },
    {
        "kk": "17-тармақтың 1) тармақшасы бойынша ұйымның «{sector}» саласында «{direction}» технологиялық бағыты "
        "бойынша кемінде {min_years} жыл тәжірибесі болуы тиіс; {started_on} күнінен бастап {reference_date} "
        "күніне дейін тәжірибесі {years} толық жыл {days} күн.",
        "ru": "Согласно пп. 1) п. 17 организация должна иметь опыт не менее {min_years} лет в отрасли «{sector}» "
        "по технологическому направлению «{direction}»; с {started_on} по {reference_date} полных лет опыта: "
        "{years}, дней сверх них: {days}.",
        "en": "Under paragraph 17(1) the organisation needs at least {min_years} years of experience in the sector "
        "«{sector}» by the technology direction «{direction}»; from {started_on} to {reference_date} it has "
        "{years} full years and {days} days.",
    },
    _experience,
    explain=_experience_details,
)

P17_2 = rule(
    "000.p17.2",
    cite("17", "2"),
    {
        "kk": "Ұйым қызметкерлерінің бағдарламалық құжаттарды жасау, талдамалық зерттеулер жүргізу, саладағы "
        "технологияларды, технологиялық өндірістік процестерді бағалау, техникалық реттеу және стандарттау "
        "салаларындағы құзыреттері болуы тиіс (төрт саланың бәрінде).",
        "ru": "Работники организации должны обладать компетенциями в разработке программных документов, "
        "проведении аналитических исследований, оценке технологий и технологических производственных процессов "
        "в отрасли, техническом регулировании и стандартизации (во всех четырёх областях).",
        "en": "The organisation's staff must have competences in drafting programme documents, conducting "
        "analytical studies, assessing technologies and technological production processes in the sector, and "
        "technical regulation and standardisation (in all four areas).",
    },
    {
        "kk": "17-тармақтың 2) тармақшасы бойынша ұйым қызметкерлерінің төрт саланың бәрінде құзыреттері болуы "
        "тиіс; мына салаларда құзыреті расталған қызметкерлер жеткіліксіз (кемінде {required}): {missing_kk}.",
        "ru": "Согласно пп. 2) п. 17 работники организации должны обладать компетенциями во всех четырёх "
        "областях; недостаточно работников с подтверждёнными компетенциями (требуется не менее {required}) "
        "в областях: {missing_ru}.",
        "en": "Under paragraph 17(2) the organisation's staff must have competences in all four areas; too few "
        "employees with evidenced competences (at least {required} needed) in: {missing_en}.",
    },
    _staff_competences,
    explain=_staff_details,
)

P17_3 = rule(
    "000.p17.3",
    cite("17", "3"),
    {
        "kk": "Ұйымның қызметті қаржыландыру үшін өз қаражаты және қажетті инфрақұрылымды қоса алғанда, "
        "материалдық-техникалық базасы болуы тиіс.",
        "ru": "У организации должны быть собственные средства для финансирования деятельности и "
        "материально-техническая база, включая необходимую инфраструктуру.",
        "en": "The organisation must have own funds to finance its activity and a material-technical base "
        "including the necessary infrastructure.",
    },
    {
        "kk": "17-тармақтың 3) тармақшасы бойынша мыналар болуы тиіс, бірақ жоқ: {missing_kk}.",
        "ru": "Согласно пп. 3) п. 17 требуется, но отсутствует: {missing_ru}.",
        "en": "Under paragraph 17(3) the following is required but missing: {missing_en}.",
    },
    _funds_and_base,
    explain=_funds_and_base_details,
)

# --- paragraph 18: the initiator; paragraph 19: the proposal ------------------------------------------

P18 = rule(
    "000.p18",
    cite("18"),
    {
        "kk": "Салалық технологиялық құзырет орталығын айқындау жөніндегі бастамашы — 17-тармақтың "
        "өлшемшарттарына сәйкес келетін заңды тұлға (ғылыми ұйымдарды, жоғары және (немесе) жоғары оқу орнынан "
        "кейінгі білім беру ұйымдарын, бизнес-қауымдастықтарды және саланы дамыту институттарын қоса алғанда).",
        "ru": "Инициатором определения отраслевого центра технологических компетенций является юридическое лицо, "
        "соответствующее критериям пункта 17 (включая научные организации, организации высшего и (или) "
        "послевузовского образования, бизнес-ассоциации и институты развития отрасли).",
        "en": "The initiator of designation as a sectoral technology competence centre is a legal entity meeting "
        "the criteria of paragraph 17 (including science organisations, higher and/or postgraduate education "
        "organisations, business associations and sector development institutions).",
    },
    {
        "kk": "18-тармақ бойынша құзырет орталығын айқындау жөніндегі бастамашы тек заңды тұлға бола алады; "
        "бастамашы — {kind_kk}.",
        "ru": "Согласно п. 18 инициатором определения центра компетенций может быть только юридическое лицо; "
        "инициатор — {kind_ru}.",
        "en": "Under paragraph 18 only a legal entity may initiate its designation as a competence centre; the "
        "initiator is {kind_en}.",
    },
    lambda f, ctx: legal_entity(f.organisation.kind),
    explain=lambda facts, ctx: {**kind_details(facts.organisation.kind), "organisation": facts.organisation.name},
)

P19 = rule_198(
    "000.p19",
    cite("19"),
    {
        "kk": "Құзырет орталығын айқындау жөніндегі ұсынысты уәкілетті органға қарау үшін мемлекеттік орган "
        "немесе жергілікті атқарушы орган инновациялық қызметті мемлекеттік қолдау саласындағы өз құзыреті "
        "шегінде, өзі жетекшілік ететін бағыттар бойынша енгізеді.",
        "ru": "Предложение об определении центра компетенций вносит в уполномоченный орган на рассмотрение "
        "государственный орган или местный исполнительный орган в пределах своей компетенции в сфере "
        "государственной поддержки инновационной деятельности по курируемым им направлениям.",
        "en": "The proposal to designate a competence centre is submitted to the authorized body for "
        "consideration by a state body or local executive body, within its competence in state support of "
        "innovation, in the directions it supervises.",
    },
    {
        "kk": "19-тармақ бойынша ұсыныс талапқа сай емес: {problems_kk}.",
        "ru": "Предложение не соответствует п. 19: {problems_ru}.",
        "en": "The proposal does not meet paragraph 19: {problems_en}.",
    },
    lambda f, ctx: proposal_valid(f.proposal.proposer_kind, f.proposal.supervised_directions, f.direction),
    applies=lambda f: f.proposal.given(),  # the initiator may check itself before any proposal
    explain=lambda facts, ctx: proposal_details(facts.proposal, facts.direction),
)

CC_RULES = (P17_1, P17_2, P17_3, P18, P19)

# --- the verdict's notes on readings -------------------------------------------------------------------

_REFERENCE_DATE_NOTE: Messages = {
    "kk": "17-тармақтың 1) тармақшасындағы тәжірибе қай күнге дейін есептелетінін бастапқы құжат белгілемейді "
    "(tp.cc.experience_reference_date_rule): тәжірибе тексеру күніне ({reference_date}) дейін есептелді.",
    "ru": "Исходный документ не устанавливает, на какую дату исчисляется опыт по пп. 1) п. 17 "
    "(tp.cc.experience_reference_date_rule): опыт исчислен на дату проверки ({reference_date}).",
    "en": "The source document does not fix the date up to which the experience of paragraph 17(1) is counted "
    "(tp.cc.experience_reference_date_rule): it was counted to the date of the check ({reference_date}).",
}
_REFERENCE_RULE_SET_NOTE: Messages = {
    "kk": "17-тармақтың 1) тармақшасындағы тәжірибені есептеу күні «{rule}» деп белгіленген; ереже тәжірибені "
    "тексеру күніне ({reference_date}) дейін есептейді, сондықтан басқа күн көзделсе, нәтижені сол күнге қарай "
    "тексеріңіз.",
    "ru": "Дата исчисления опыта по пп. 1) п. 17 установлена как «{rule}»; правило исчисляет опыт на дату "
    "проверки ({reference_date}), поэтому, если предусмотрена иная дата, проверьте результат на неё.",
    "en": "The date the experience of paragraph 17(1) is counted to is set as '{rule}'; the rule counts to the "
    "date of the check ({reference_date}), so where another date is meant, review the result against it.",
}


def _reading_note(verdict: Verdict, facts: CompetenceCentreFacts, _refs: Any) -> Verdict:
    """The verdict records the date the years of p.17(1) were counted to, while the source leaves it open."""
    for result in verdict.results:
        if result.rule_id == P17_1.id and result.status in ("passed", "failed"):
            chosen = result.details.get("reference_date_rule")
            if chosen == "check_date":
                return verdict
            note = _REFERENCE_DATE_NOTE if chosen is None else _REFERENCE_RULE_SET_NOTE
            return with_note(verdict, render(note, {"reference_date": facts.checked_on, "rule": chosen}))
    return verdict


COMPETENCE_CENTRE = declare(
    Procedure(
        name="competence-centre",
        subject="methodology.competence_centre",
        title={
            "kk": "Салалық технологиялық құзырет орталығын айқындау өлшемшарттары",
            "ru": "Критерии определения отраслевого центра технологических компетенций",
            "en": "Criteria for designating a sectoral technology competence centre",
        },
        facts=CompetenceCentreFacts,
        rules=CC_RULES,
        date=lambda facts: facts.checked_on,
        finish=_reading_note,
        cli=True,
    )
)


# --- paragraph 21: several centres in a sector, for different directions ------------------------------


def same_pair_flag(existing_pairs: Iterable[tuple[str, str]], sector: str, direction: str) -> bool:
    """Paragraph 21, reading R-A2: True when a centre is already designated for the same sector and
    technology direction, so the new designation is flagged for review. Never a refusal: the
    paragraph allows several centres in a sector for different directions and is silent on the same
    one (`tp.cc.max_per_direction` is not set by the source)."""
    return any(same_text(sector, s) and same_text(direction, d) for s, d in existing_pairs)


# --- paragraph 19: the authorized body's consideration ---------------------------------------------

# The proposal goes to the authorized body "for consideration" (қарау үшін); the source sets no
# term (`tp.cc.ab_consideration_term` is null), so the due date is shown as not set. Read in working
# days, like the other administrative terms of the system, until a value and its unit are set.
AB_CONSIDERATION = declare_term(Term(
    "000.cc_ab_consideration",
    "tp.cc.ab_consideration_term",
    cite("19"),
    anchor={
        "kk": "мемлекеттік органның ұсынысы уәкілетті органға енгізілген күн",
        "ru": "день внесения предложения государственного органа в уполномоченный орган",
        "en": "submission of the state body's proposal to the authorized body",
    },
    action={
        "kk": "уәкілетті орган ұсынысты қарайды",
        "ru": "уполномоченный орган рассматривает предложение",
        "en": "the authorized body considers the proposal",
    },
))
