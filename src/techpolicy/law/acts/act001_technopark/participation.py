"""Act 001: Rules of activity of the "Astana Hub" international technology park (Order No. 415
of 26 September 2018) in the wording of Order No. 292/НҚ of 23 August 2022.

Read beside the act. This module holds registration as a participant ("Технопарк қатысушысы"):
the conditions of paragraph 7 here, then the documents of paragraph 9 and the business-plan
contents of Annex 3 (`documents`), together the procedure "technopark". The state share of
p.7(4) is computed in `ownership`, the facts are in `facts`.

Every rule is of the amended wording: in force ten calendar days after the order's first
official publication (not given in the seed, so not before 2022-09-03).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from ...columnar import Fields
from ...procedure import Procedure, declare
from ...rules import ColumnContext, Context, Messages, Rule
from .common import LIST_FAILURE, cite, default_activity_types, list_details, on_list, rule, sample_list_note
from .documents import DOCUMENT_RULES
from .facts import TechnoparkFacts
from .ownership import METHOD, OwnershipLimits, percent_text, state_share, validate_ownership


def _applicant_must_not(
    rule_id: str, sub: str, flag: str, requirement: Messages, failure: Messages
) -> Rule:
    """A condition of paragraph 7 that a declared fact of the applicant must be false."""
    return rule(rule_id, cite("7", sub), requirement, failure, lambda f, ctx: getattr(f.applicant, flag).not_())


# --- paragraph 7: who may register ------------------------------------------------------------


def _legal_entity(f: Fields, ctx: ColumnContext) -> pl.Expr:
    return f.applicant.legal_form == "legal_entity"


P7_1 = rule(
    "001.p7.1",
    cite("7", "1"),
    {
        "kk": "Өтініш беруші заңды тұлға болуы тиіс.",
        "ru": "Заявитель должен быть юридическим лицом.",
        "en": "The applicant must be a legal entity.",
    },
    {
        "kk": "Өтініш беруші заңды тұлға емес ({legal_form}); Технопарк қатысушысы ретінде тек "
        "заңды тұлға тіркеледі.",
        "ru": "Заявитель не является юридическим лицом ({legal_form}); участником Технопарка "
        "регистрируется только юридическое лицо.",
        "en": "The applicant is not a legal entity ({legal_form}); only a legal entity may "
        "register as a participant.",
    },
    _legal_entity,
    explain=lambda facts, ctx: {"legal_form": facts.applicant.legal_form},
)

P7_2 = _applicant_must_not(
    "001.p7.2",
    "2",
    "has_branches_other_than_representative_offices",
    {
        "kk": "Технопаркке қатысуға өтініш берген сәтте өтініш берушінің өкілдіктерден басқа "
        "филиалдары болмауы тиіс.",
        "ru": "На момент подачи заявки на участие в Технопарке у заявителя не должно быть "
        "филиалов, за исключением представительств.",
        "en": "At the moment of applying, the applicant must have no branches other than "
        "representative offices.",
    },
    {
        "kk": "Өтініш берген сәтте өтініш берушінің өкілдік болып табылмайтын филиалы бар.",
        "ru": "На момент подачи заявки у заявителя есть филиал, не являющийся представительством.",
        "en": "At the moment of applying, the applicant has a branch that is not a representative "
        "office.",
    },
)

P7_3_PRIORITY = _applicant_must_not(
    "001.p7.3.priority_project",
    "3",
    "implements_investment_priority_project",
    {
        "kk": "Өтініш беруші Кәсіпкерлік кодекстің 284-бабына сәйкес инвестициялық басым жобаны "
        "іске асыратын (іске асырған) ұйымдарға жатпауы тиіс.",
        "ru": "Заявитель не должен относиться к организациям, реализующим (реализовавшим) "
        "инвестиционный приоритетный проект в соответствии со статьёй 284 Предпринимательского "
        "кодекса.",
        "en": "The applicant must not implement (or have implemented) an investment priority "
        "project under Article 284 of the Entrepreneurial Code.",
    },
    {
        "kk": "Өтініш беруші Кәсіпкерлік кодекстің 284-бабына сәйкес инвестициялық басым жобаны "
        "іске асырады (іске асырған).",
        "ru": "Заявитель реализует (реализовал) инвестиционный приоритетный проект в соответствии "
        "со статьёй 284 Предпринимательского кодекса.",
        "en": "The applicant implements (or has implemented) an investment priority project under "
        "Article 284 of the Entrepreneurial Code.",
    },
)

P7_3_STRATEGIC = _applicant_must_not(
    "001.p7.3.strategic_project",
    "3",
    "implemented_investment_strategic_project_pre_2015",
    {
        "kk": "Өтініш беруші 2015 жылғы 1 қаңтарға дейін жасалған инвестициялық келісімшарттар "
        "бойынша инвестициялық стратегиялық жобаны іске асыратын (іске асырған) ұйымдарға жатпауы "
        "тиіс.",
        "ru": "Заявитель не должен относиться к организациям, реализующим (реализовавшим) "
        "инвестиционный стратегический проект по инвестиционным контрактам, заключённым до "
        "1 января 2015 года.",
        "en": "The applicant must not implement (or have implemented) an investment strategic "
        "project under investment contracts concluded before 1 January 2015.",
    },
    {
        "kk": "Өтініш беруші 2015 жылғы 1 қаңтарға дейін жасалған инвестициялық келісімшарт "
        "бойынша инвестициялық стратегиялық жобаны іске асырады (іске асырған).",
        "ru": "Заявитель реализует (реализовал) инвестиционный стратегический проект по "
        "инвестиционному контракту, заключённому до 1 января 2015 года.",
        "en": "The applicant implements (or has implemented) an investment strategic project under "
        "an investment contract concluded before 1 January 2015.",
    },
)


def _state_share(f: Fields, ctx: ColumnContext) -> pl.Expr:
    # The share is a derived fact of the ownership (`Ownership.state_share`), cut to the
    # decimals of a column in a way that keeps this comparison exact.
    return f.ownership.state_share < ctx.param("technopark.state_share_threshold_percent")


def _state_share_details(facts: TechnoparkFacts, ctx: Context) -> dict[str, Any]:
    """The share, the largest chains (at most `ownership.TOP_CHAINS`) and how many chains carry
    state ownership in all; where the share reaches the threshold, the chains that reach it.
    Counts are decimal strings: they can exceed what a JSON client's number holds exactly."""
    threshold = ctx.param("technopark.state_share_threshold_percent")
    share = state_share(facts.ownership, facts.applicant.name)
    details: dict[str, Any] = {
        "share": percent_text(share.total),
        "threshold": percent_text(threshold),
        "method": METHOD,
        "chains": [chain.as_dict() for chain in share.chains],
        "chain_count": str(share.chain_count),
        "chains_not_listed": str(share.chains_not_listed),
    }
    if share.total < threshold:
        return details
    decisive, _ = share.decisive(threshold)
    details["decisive"] = "; ".join(chain.text() for chain in decisive)
    details["decisive_not_listed"] = str(share.chain_count - len(decisive))
    return details


P7_4 = rule(
    "001.p7.4",
    cite("7", "4"),
    {
        "kk": "Өтініш беруші акцияларының (жарғылық капиталындағы үлестерінің) елу және одан көп "
        "пайызы тікелей немесе жанама түрде мемлекетке, ұлттық басқарушы холдингтерге, ұлттық "
        "холдингтерге және ұлттық компанияларға немесе олардың еншілес ұйымдарына тиесілі заңды "
        "тұлға болмауы тиіс.",
        "ru": "Заявитель не должен быть юридическим лицом, пятьдесят и более процентов акций "
        "(долей участия в уставном капитале) которого прямо или косвенно принадлежат государству, "
        "национальным управляющим холдингам, национальным холдингам и национальным компаниям либо "
        "их дочерним организациям.",
        "en": "The applicant must not be a legal entity 50 % or more of whose shares "
        "(charter-capital interests) belong directly or indirectly to the state, national managing "
        "holdings, national holdings and national companies or their subsidiaries.",
    },
    {
        "kk": "Өтініш беруші акцияларының (үлестерінің) {share} %-ы тікелей немесе жанама түрде "
        "мемлекетке, ұлттық басқарушы холдингтерге, ұлттық холдингтерге, ұлттық компанияларға "
        "немесе олардың еншілес ұйымдарына тиесілі, бұл {threshold} %-дан кем емес. Есептеу әдісі: "
        "үлестер әрбір иелік ету тізбегі бойынша көбейтіліп, тізбектер бойынша қосылады. Шекке "
        "жеткізген тізбектер (ең үлкені бірінші): {decisive} (мемлекет үлесі бар тізбектер барлығы: "
        "{chain_count}, мұнда көрсетілмегені: {decisive_not_listed}).",
        "ru": "{share} % акций (долей участия) заявителя прямо или косвенно принадлежат "
        "государству, национальным управляющим холдингам, национальным холдингам, национальным "
        "компаниям или их дочерним организациям, что не менее {threshold} %. Метод расчёта: доли "
        "перемножаются вдоль каждой цепочки владения и суммируются по цепочкам. Цепочки, достигшие "
        "порога (сначала наибольшие): {decisive} (цепочек с участием государства всего: {chain_count}, "
        "не показано здесь: {decisive_not_listed}).",
        "en": "{share} % of the applicant's shares (interests) belong directly or indirectly to "
        "the state, national managing holdings, national holdings, national companies or their "
        "subsidiaries, which is not less than {threshold} %. Method: {method}. Chains that reached "
        "the threshold, largest first: {decisive} (chains carrying state ownership: {chain_count} in all, "
        "{decisive_not_listed} more not listed here).",
    },
    _state_share,
    explain=_state_share_details,
)

P7_5_SUBSOIL = _applicant_must_not(
    "001.p7.5.subsoil_user",
    "5",
    "subsoil_user",
    {
        "kk": "Өтініш беруші жер қойнауын пайдаланушы болмауы тиіс.",
        "ru": "Заявитель не должен быть недропользователем.",
        "en": "The applicant must not be a subsoil user.",
    },
    {
        "kk": "Өтініш беруші жер қойнауын пайдаланушы болып табылады.",
        "ru": "Заявитель является недропользователем.",
        "en": "The applicant is a subsoil user.",
    },
)

P7_5_SEZ = _applicant_must_not(
    "001.p7.5.sez_participant",
    "5",
    "sez_participant",
    {
        "kk": "Өтініш беруші арнайы экономикалық аймақтың қатысушысы болмауы тиіс.",
        "ru": "Заявитель не должен быть участником специальной экономической зоны.",
        "en": "The applicant must not be a participant of a special economic zone.",
    },
    {
        "kk": "Өтініш беруші арнайы экономикалық аймақтың қатысушысы болып табылады.",
        "ru": "Заявитель является участником специальной экономической зоны.",
        "en": "The applicant is a participant of a special economic zone.",
    },
)

P7_6 = _applicant_must_not(
    "001.p7.6",
    "6",
    "excise_payer",
    {
        "kk": "Өтініш беруші Салық кодексінің 461-бабына сәйкес акцизделетін тауарлардың төлеушісі "
        "болмауы тиіс.",
        "ru": "Заявитель не должен быть плательщиком акцизов по подакцизным товарам в соответствии "
        "со статьёй 461 Налогового кодекса.",
        "en": "The applicant must not be a payer of excise on excisable goods under Article 461 of "
        "the Tax Code.",
    },
    {
        "kk": "Өтініш беруші Салық кодексінің 461-бабына сәйкес акцизделетін тауарлардың төлеушісі "
        "болып табылады.",
        "ru": "Заявитель является плательщиком акцизов по подакцизным товарам в соответствии со "
        "статьёй 461 Налогового кодекса.",
        "en": "The applicant is a payer of excise on excisable goods under Article 461 of the Tax "
        "Code.",
    },
)

P7_7 = rule(
    "001.p7.7",
    cite("7", "7"),
    {
        "kk": "Өтініш беруші АКТ саласындағы басым қызмет түрлерінің тізбесіне сәйкес АКТ "
        "саласындағы қызметтің бір және (немесе) бірнеше басым түрін жүзеге асыруы тиіс.",
        "ru": "Заявитель должен осуществлять один и (или) несколько приоритетных видов "
        "деятельности в сфере ИКТ согласно перечню приоритетных видов деятельности в сфере ИКТ.",
        "en": "The applicant must carry out one or several priority ICT activity types from the "
        "list of priority ICT activity types (Order No. 37/НҚ of 11 April 2019).",
    },
    LIST_FAILURE,
    lambda f, ctx: on_list(f.applicant.activity_types, ctx),
    explain=lambda facts, ctx: list_details(facts.applicant.activity_types, ctx),
)


PARTICIPATION_RULES: tuple[Rule, ...] = (
    P7_1,
    P7_2,
    P7_3_PRIORITY,
    P7_3_STRATEGIC,
    P7_4,
    P7_5_SUBSOIL,
    P7_5_SEZ,
    P7_6,
    P7_7,
    *DOCUMENT_RULES,
)


def validate_graph(facts: Any, limits: OwnershipLimits | None = None) -> None:
    """Raises `InvalidFacts` for an ownership graph no rule can judge: a loop, or a graph beyond
    `limits`, the system limits of its size and depth (default `OwnershipLimits()`)."""
    validate_ownership(facts.ownership, limits=limits)


# May the applicant register as a technopark participant (p.7, p.9, Annex 3)? The date is the
# application date: it chooses the wording in force, and the tax-debt ceiling uses its MCI.
# `references={"activity_types": ...}` is the list of priority ICT activity types (code -> entry);
# without it the SAMPLE list is used and the verdict says so.
TECHNOPARK = declare(
    Procedure(
        name="technopark",
        subject="technopark.participation",
        title={
            "kk": "Технопарк қатысушысы ретінде тіркелу (7, 9-тармақтар, 3-қосымша)",
            "ru": "Регистрация участником Технопарка (пункты 7, 9, приложение 3)",
            "en": "Registration as a technopark participant (paragraphs 7, 9, Annex 3)",
        },
        facts=TechnoparkFacts,
        rules=PARTICIPATION_RULES,
        date=lambda facts: facts.application_date,
        references=default_activity_types,
        validate=validate_graph,
        finish=sample_list_note(P7_7.id),
    )
)
