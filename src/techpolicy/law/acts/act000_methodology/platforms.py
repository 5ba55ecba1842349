"""Act 000, chapter 4: organising technology platforms ("технологиялық платформаларды ұйымдастыру",
paragraphs 23-30), read beside the act.

The law here is who may coordinate the organising of a platform: the criteria of paragraph 25
(technological competence, at least three years of organising interaction with the direction's
stakeholders, memoranda with its key leaders, a material-technical base, recorded commitments),
paragraph 26 (a legal entity; a designated competence centre qualifies) and the proposal of
paragraph 27 (a state body or local executive body, naming the coordinator; Order No. 198
wording). The HSTC's consideration (p.28), the register (p.29) and financing (p.30) are the
service's records, not decided here.

Procedure "platform-coordinator": `catalogue()["platform-coordinator"].evaluate(facts)`.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from ...columnar import Fields
from ...procedure import Procedure, declare
from ...rules import ColumnContext, Context, optional
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
)
from .designation_lists import PLATFORM_ACTIVITIES, PLATFORM_PARTICIPANT_ROLES
from .facts_designation import PlatformCoordinatorFacts

__all__ = [
    "AB_CONSIDERATION",
    "HSTC_CONSIDERATION",
    "PLATFORM_ACTIVITIES",
    "PLATFORM_COORDINATOR",
    "PLATFORM_PARTICIPANT_ROLES",
    "PLATFORM_RULES",
    "PLATFORM_TERMS",
    "PlatformCoordinatorFacts",
]

MEMORANDA_READING = "R-B1: at least one memorandum; tp.platform.min_memoranda is not set by the source document"
COMPETENCE_READING = "within its competence read as the directions the proposer supervises, as in p.19"


def _coordinator(facts: PlatformCoordinatorFacts):
    return facts.proposal.coordinator


def _interaction(f: Fields, ctx: ColumnContext) -> pl.Expr:
    return experienced(f.proposal.coordinator.interaction_started_on, f.checked_on,
                       ctx.param("tp.platform.coordinator_min_experience_years"))


def _interaction_details(facts: PlatformCoordinatorFacts, ctx: Context) -> dict[str, Any]:
    coordinator = _coordinator(facts)
    return experience_details(
        coordinator.interaction_started_on,
        facts.checked_on,
        ctx.param("tp.platform.coordinator_min_experience_years"),
        direction=facts.proposal.direction,
        evidence=coordinator.interaction_evidence,
    )


def _memoranda_required(ctx: Context) -> tuple[int, int | None]:
    """The memoranda required, and the parameter's value (None while unset: reading R-B1)."""
    set_minimum = optional(ctx, "tp.platform.min_memoranda")
    return (1 if set_minimum is None else set_minimum), set_minimum


def _memoranda(f: Fields, ctx: ColumnContext) -> pl.Expr:
    required, _ = _memoranda_required(ctx)
    if required <= 0:
        return pl.lit(True)
    # At least `required` memoranda were concluded by the date of the check exactly when the
    # `required`-th earliest of them was (the check date is a column, which an expression over
    # the elements of a list cannot read).
    signed = f.proposal.coordinator.memoranda.map(lambda m: m.signed_on).list.sort()
    return signed.list.get(required - 1, null_on_oob=True) <= f.checked_on


def _memoranda_details(facts: PlatformCoordinatorFacts, ctx: Context) -> dict[str, Any]:
    required, set_minimum = _memoranda_required(ctx)
    # Only agreements concluded by the date of the check count for it.
    concluded = [m for m in _coordinator(facts).memoranda if m.signed_on <= facts.checked_on]
    details: dict[str, Any] = {
        "count": len(concluded),
        "required": required,
        "min_memoranda": set_minimum,
        "counterparties": [f"{m.counterparty} ({m.kind}, {m.signed_on})" for m in concluded[:20]],
    }
    if set_minimum is None:
        details["reading"] = MEMORANDA_READING
    return details


def _coordinator_kind_details(facts: PlatformCoordinatorFacts, ctx: Context) -> dict[str, Any]:
    coordinator = _coordinator(facts)
    return {
        **kind_details(coordinator.organisation.kind),
        "coordinator": coordinator.organisation.name,
        "is_competence_centre": coordinator.is_competence_centre,
        "competence_centre_entry": coordinator.competence_centre_entry,
    }


def _proposal(f: Fields, ctx: ColumnContext) -> pl.Expr:
    proposal = f.proposal
    return proposal_valid(proposal.proposer_kind, proposal.supervised_directions, proposal.direction)


def _proposal_details(facts: PlatformCoordinatorFacts, ctx: Context) -> dict[str, Any]:
    # The coordinator is a required fact of the proposal: without it the facts are invalid input.
    proposal = facts.proposal
    return proposal_details(
        proposal,
        proposal.direction,
        platform=proposal.platform_name,
        coordinator=proposal.coordinator.organisation.name,
        reading=COMPETENCE_READING,
    )


P25_1 = rule(
    "000.p25.1",
    cite("25", "1"),
    {
        "kk": "Үйлестірушінің технологиялық платформа қызметінің саласында (аясында) технологиялық құзыреттілігі "
        "және салалық ерекшелік білімі болуы тиіс.",
        "ru": "Координатор должен обладать технологической компетентностью и знанием отраслевой специфики в сфере "
        "(области) деятельности технологической платформы.",
        "en": "The coordinator must have technological competence and sector-specific knowledge in the platform's "
        "field of activity.",
    },
    {
        "kk": "25-тармақтың 1) тармақшасы бойынша үйлестірушінің технологиялық құзыреттілігі мен салалық "
        "ерекшелік білімін растайтын мәлімет көрсетілмеген.",
        "ru": "Согласно пп. 1) п. 25 не представлено подтверждение технологической компетентности и знания "
        "отраслевой специфики координатора.",
        "en": "Under paragraph 25(1) no evidence of the coordinator's technological competence and sector-specific "
        "knowledge is given.",
    },
    lambda f, ctx: f.proposal.coordinator.competence_evidence.is_not_null(),
    explain=lambda facts, ctx: {"evidence": _coordinator(facts).competence_evidence},
)

P25_2 = rule(
    "000.p25.2",
    cite("25", "2"),
    {
        "kk": "Қалыптастырылатын платформаның технологиялық бағытының стейкхолдерлерімен өзара іс-қимыл процесін "
        "ұйымдастыру тәжірибесі кемінде 3 (үш) жыл болуы тиіс.",
        "ru": "Опыт организации процесса взаимодействия со стейкхолдерами технологического направления "
        "формируемой платформы должен составлять не менее 3 (трёх) лет.",
        "en": "The coordinator must have at least 3 (three) years of experience organising interaction with the "
        "stakeholders of the technology direction of the platform being formed.",
    },
    {
        "kk": "25-тармақтың 2) тармақшасы бойынша «{direction}» бағытының стейкхолдерлерімен өзара іс-қимылды "
        "ұйымдастыру тәжірибесі кемінде {min_years} жыл болуы тиіс; {started_on} күнінен бастап "
        "{reference_date} күніне дейін тәжірибесі {years} толық жыл {days} күн.",
        "ru": "Согласно пп. 2) п. 25 опыт организации взаимодействия со стейкхолдерами направления «{direction}» "
        "должен составлять не менее {min_years} лет; с {started_on} по {reference_date} полных лет опыта: "
        "{years}, дней сверх них: {days}.",
        "en": "Under paragraph 25(2) the coordinator needs at least {min_years} years of experience organising "
        "interaction with the stakeholders of the direction «{direction}»; from {started_on} to {reference_date} "
        "it has {years} full years and {days} days.",
    },
    _interaction,
    explain=_interaction_details,
)

P25_3 = rule(
    "000.p25.3",
    cite("25", "3"),
    {
        "kk": "Платформаны қалыптастыру кезінде келісушілікті қамтамасыз ету мақсатында технологиялық бағыттың "
        "негізгі көшбасшыларымен (заңды тұлғалар, жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру "
        "ұйымдары, ғылыми ұйымдар, қауымдастықтар) ынтымақтастық туралы келісімдер (меморандумдар) болуы тиіс.",
        "ru": "Должны быть соглашения (меморандумы) о сотрудничестве с ключевыми лидерами технологического "
        "направления (юридическими лицами, организациями высшего и (или) послевузовского образования, научными "
        "организациями, ассоциациями) для обеспечения согласованности при формировании платформы.",
        "en": "The coordinator must have cooperation agreements (memoranda) with key leaders of the technology "
        "direction (legal entities, higher and/or postgraduate education organisations, science organisations, "
        "associations) to ensure consistency in forming the platform.",
    },
    {
        "kk": "25-тармақтың 3) тармақшасы бойынша технологиялық бағыттың негізгі көшбасшыларымен ынтымақтастық "
        "туралы келісімдер (меморандумдар) кемінде {required} болуы тиіс; тексеру күніне дейін жасалғаны: {count}.",
        "ru": "Согласно пп. 3) п. 25 требуются соглашения (меморандумы) о сотрудничестве с ключевыми лидерами "
        "технологического направления, не менее: {required}; заключено к дате проверки: {count}.",
        "en": "Under paragraph 25(3) at least {required} cooperation agreement(s) (memoranda) with key leaders of "
        "the technology direction are required; concluded by the date of the check: {count}.",
    },
    _memoranda,
    explain=_memoranda_details,
)

P25_4 = rule(
    "000.p25.4",
    cite("25", "4"),
    {
        "kk": "Технологиялық платформаның жұмыс істеуі үшін қажетті материалдық-техникалық база болуы тиіс.",
        "ru": "Должна быть материально-техническая база, необходимая для функционирования технологической "
        "платформы.",
        "en": "The coordinator must have the material-technical base necessary for the platform to function.",
    },
    {
        "kk": "25-тармақтың 4) тармақшасы бойынша технологиялық платформаның жұмыс істеуі үшін қажетті "
        "материалдық-техникалық база жоқ.",
        "ru": "Согласно пп. 4) п. 25 отсутствует материально-техническая база, необходимая для функционирования "
        "технологической платформы.",
        "en": "Under paragraph 25(4) the material-technical base necessary for the platform to function is missing.",
    },
    lambda f, ctx: f.proposal.coordinator.material_base.available,
)

P25_5 = rule(
    "000.p25.5",
    cite("25", "5"),
    {
        "kk": "Технологиялық платформаның функцияларын іске асыруды және оның үздіксіз жұмыс істеуін қамтамасыз "
        "ету бойынша тіркелген міндеттемелер болуы тиіс.",
        "ru": "Должны быть зафиксированные обязательства по обеспечению реализации функций технологической "
        "платформы и её непрерывного функционирования.",
        "en": "The coordinator must have recorded commitments to implement the platform's functions and ensure its "
        "continuous operation.",
    },
    {
        "kk": "25-тармақтың 5) тармақшасы бойынша платформаның функцияларын іске асыру және оның үздіксіз жұмыс "
        "істеуін қамтамасыз ету жөніндегі тіркелген міндеттемелер құжаты берілмеген.",
        "ru": "Согласно пп. 5) п. 25 не представлен документ о зафиксированных обязательствах по реализации "
        "функций платформы и обеспечению её непрерывного функционирования.",
        "en": "Under paragraph 25(5) no document of recorded commitments to implement the platform's functions "
        "and ensure its continuous operation is given.",
    },
    lambda f, ctx: f.proposal.coordinator.commitments_document.is_not_null(),
    explain=lambda facts, ctx: {"document": _coordinator(facts).commitments_document},
)

P26 = rule(
    "000.p26",
    cite("26"),
    {
        "kk": "Технологиялық платформаны ұйымдастыру үйлестірушісі — 25-тармақтың өлшемшарттарына сәйкес келетін "
        "заңды тұлға (ғылыми ұйымдарды, жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру ұйымдарын, "
        "салалық технологиялық құзырет орталығын, бизнес-қауымдастықты және тиісті саладағы даму институтын "
        "қоса алғанда).",
        "ru": "Координатором организации технологической платформы является юридическое лицо, соответствующее "
        "критериям пункта 25 (включая научные организации, организации высшего и (или) послевузовского "
        "образования, отраслевой центр технологических компетенций, бизнес-ассоциацию и институт развития "
        "соответствующей отрасли).",
        "en": "The coordinator of organising a technology platform is a legal entity meeting the criteria of "
        "paragraph 25 (including science organisations, higher and/or postgraduate education organisations, a "
        "sectoral technology competence centre, a business association and a development institution of the "
        "sector).",
    },
    {
        "kk": "26-тармақ бойынша технологиялық платформаны ұйымдастыру үйлестірушісі тек заңды тұлға бола алады; "
        "көрсетілген үйлестіруші — {kind_kk}.",
        "ru": "Согласно п. 26 координатором организации технологической платформы может быть только юридическое "
        "лицо; указанный координатор — {kind_ru}.",
        "en": "Under paragraph 26 only a legal entity may be the coordinator of organising a technology platform; "
        "the coordinator named is {kind_en}.",
    },
    lambda f, ctx: legal_entity(f.proposal.coordinator.organisation.kind),
    explain=_coordinator_kind_details,
)

P27 = rule_198(
    "000.p27",
    cite("27"),
    {
        "kk": "Технологиялық платформаны ұйымдастыру жөніндегі ұсынысты уәкілетті органға қарау үшін мемлекеттік "
        "орган немесе жергілікті атқарушы орган инновациялық қызметті мемлекеттік қолдау саласындағы өз құзыреті "
        "шегінде, технологиялық платформаны ұйымдастыру үйлестірушісін көрсете отырып енгізеді.",
        "ru": "Предложение об организации технологической платформы вносит в уполномоченный орган на рассмотрение "
        "государственный орган или местный исполнительный орган в пределах своей компетенции в сфере "
        "государственной поддержки инновационной деятельности, с указанием координатора организации "
        "технологической платформы.",
        "en": "The proposal to organise a technology platform is submitted to the authorized body for "
        "consideration by a state body or local executive body within its competence in state support of "
        "innovation, naming the coordinator of organising the platform.",
    },
    {
        "kk": "27-тармақ бойынша ұсыныс талапқа сай емес: {problems_kk}.",
        "ru": "Предложение не соответствует п. 27: {problems_ru}.",
        "en": "The proposal does not meet paragraph 27: {problems_en}.",
    },
    _proposal,
    explain=_proposal_details,
)

PLATFORM_RULES = (P25_1, P25_2, P25_3, P25_4, P25_5, P26, P27)

PLATFORM_COORDINATOR = declare(
    Procedure(
        name="platform-coordinator",
        subject="methodology.platform_coordinator",
        title={
            "kk": "Технологиялық платформаны ұйымдастыру үйлестірушісін айқындау өлшемшарттары",
            "ru": "Критерии определения координатора организации технологической платформы",
            "en": "Criteria for the coordinator of organising a technology platform",
        },
        facts=PlatformCoordinatorFacts,
        rules=PLATFORM_RULES,
        date=lambda facts: facts.checked_on,
        cli=True,
    )
)

# --- terms (p.27, p.28): the source sets neither; each is a parameter without a value -------------

AB_CONSIDERATION = declare_term(Term(
    "000.platform_ab_consideration", "tp.platform.ab_consideration_term", cite("27"),
    {"kk": "технологиялық платформаны ұйымдастыру жөніндегі ұсыныс уәкілетті органға енгізілген күн",
     "ru": "день внесения в уполномоченный орган предложения об организации технологической платформы",
     "en": "submission of the proposal to organise a technology platform to the authorized body"},
    {"kk": "уәкілетті орган ұсынысты қарайды",
     "ru": "уполномоченный орган рассматривает предложение",
     "en": "the authorized body considers the proposal"},
))
HSTC_CONSIDERATION = declare_term(Term(
    "000.platform_hstc_consideration", "tp.platform.hstc_term", cite("28"),
    {"kk": "бастама ЖҒТК-нің қарауына жіберілген күн",
     "ru": "день направления инициативы на рассмотрение ВНТК",
     "en": "referral of the initiative to the Higher Scientific and Technical Commission"},
    {"kk": "ЖҒТК технологиялық платформаны ұйымдастыру бастамасын қарайды",
     "ru": "ВНТК рассматривает инициативу об организации технологической платформы",
     "en": "the HSTC considers the initiative to organise the technology platform"},
))
PLATFORM_TERMS = (AB_CONSIDERATION, HSTC_CONSIDERATION)
