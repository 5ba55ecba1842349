"""Act 003, articles 5(12) and 6(9) (003.a5.12): the development strategies and programmes on
technologies and innovation of state-controlled entities are agreed by the authorized body AND by
the state planning body. The procedure "strategy-agreement" is not eligible until both agreements
are recorded.

Whom it concerns (5(12), 6(9)): legal entities in which at least `iil.strategy_state_share_percent`
(50) per cent of the voting shares (interests) belong to the state, the entities affiliated with
them, national managing holdings, national holdings, national companies and the entities
affiliated with them. For any other entity, or a document not on technologies and innovation, the
articles do not apply: the rules pass without asking for an agreement and the verdict says that
no agreement under 5(12) and 6(9) is required (the share is compared with the parameter inside the
rules, where the parameter's value of the date is known).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from ...columnar import Fields
from ...procedure import Procedure, declare, with_note
from ...rules import ColumnContext, Messages, Verdict
from .common import LawFacts, cite, rule, with_treaty_notes
from .institutions import BodyId
from .values import Day, Name, Ref

SHARE_PARAMETER = "iil.strategy_state_share_percent"
EntityKind = Literal["legal_entity", "affiliate_of_state_entity", "national_managing_holding", "national_holding",
                     "national_company", "affiliate_of_national_company"]
NAMED_KINDS = ("affiliate_of_state_entity", "national_managing_holding", "national_holding", "national_company",
               "affiliate_of_national_company")


class Entity(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: EntityKind = Field(description="legal_entity: any other legal entity (in scope by its state share)")
    state_voting_share_percent: Annotated[Decimal | None, Field(
        None, ge=0, le=100, max_digits=7, decimal_places=4,
        description="per cent of the voting shares (interests) belonging to the state")]


class Agreement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: BodyId
    agreed_on: Day
    reference: Ref = Field(description="the letter or act of agreement")


class StrategyFacts(LawFacts):
    entity: Entity
    document: Literal["development_strategy", "development_programme"]
    title: Name
    on_technologies_and_innovation: StrictBool = Field(description="the strategy or programme is on technologies "
                                                       "and innovation (its part that is)")
    submitted_on: Day
    agreements: Annotated[list[Agreement], Field(default_factory=list, max_length=20)]

    def decision_date(self) -> dt.date:
        return max([a.agreed_on for a in self.agreements], default=self.submitted_on)


def in_scope(f: Fields, ctx: ColumnContext) -> pl.Expr:
    """Whether 5(12) and 6(9) reach the entity: a named kind, or a state share at or above the parameter."""
    share = f.entity.state_voting_share_percent
    return f.entity.kind.is_in(list(NAMED_KINDS)) | (share >= ctx.param(SHARE_PARAMETER)).fill_null(False)


def _agreed_by(body: str):
    return lambda f, ctx: ~in_scope(f, ctx) | f.agreements.any(lambda a: a.body == body)


_WHOM = {
    "kk": "дауыс беруші акциялардың (үлестің) елу және одан артық пайызы мемлекетке тиесілі заңды тұлғалардың, олармен "
    "үлестес заңды тұлғалардың, ұлттық басқарушы холдингтердің, ұлттық холдингтердің, ұлттық компаниялар мен олармен "
    "үлестес заңды тұлғалардың технологиялар мен инновацияларға қатысты даму стратегиясы мен бағдарламасын",
    "ru": "стратегии и программы развития в части технологий и инноваций юридических лиц, пятьдесят и более процентов "
    "голосующих акций (долей участия) которых принадлежат государству, аффилированных с ними юридических лиц, "
    "национальных управляющих холдингов, национальных холдингов, национальных компаний и аффилированных с ними "
    "юридических лиц",
    "en": "the development strategies and programmes on technologies and innovation of legal entities in which fifty "
    "or more per cent of the voting shares (interests) belong to the state, the entities affiliated with them, "
    "national managing holdings, national holdings, national companies and the entities affiliated with them",
}

STRATEGY_RULES = (
    rule("003.a5.12", cite("5", "", "12"),
         {"kk": f"Уәкілетті орган {_WHOM['kk']} келіседі.", "ru": f"Уполномоченный орган согласовывает {_WHOM['ru']}.",
          "en": f"The authorized body agrees {_WHOM['en']}."},
         {"kk": "Уәкілетті органның келісімі жазылмаған: стратегия (бағдарлама) келісілген болып саналмайды.",
          "ru": "Согласование уполномоченного органа не записано: стратегия (программа) не считается согласованной.",
          "en": "No agreement of the authorized body is recorded: the strategy (programme) does not count as agreed."},
         _agreed_by("authorized_body"), applies=lambda f: f.on_technologies_and_innovation),
    rule("003.a6.9", cite("6", "", "9"),
         {"kk": f"Мемлекеттік жоспарлау жөніндегі уәкілетті орган {_WHOM['kk']} келіседі.",
          "ru": f"Уполномоченный орган по государственному планированию согласовывает {_WHOM['ru']}.",
          "en": f"The state planning body agrees {_WHOM['en']}."},
         {"kk": "Мемлекеттік жоспарлау жөніндегі уәкілетті органның келісімі жазылмаған: стратегия (бағдарлама) "
          "келісілген болып саналмайды.",
          "ru": "Согласование уполномоченного органа по государственному планированию не записано: стратегия "
          "(программа) не считается согласованной.",
          "en": "No agreement of the state planning body is recorded: the strategy (programme) does not count as "
          "agreed."},
         _agreed_by("state_planning_body"), applies=lambda f: f.on_technologies_and_innovation),
)

_OUT_OF_SCOPE: Messages = {
    "kk": "5-баптың 12) тармақшасы мен 6-баптың 9) тармақшасы бұл ұйымға қолданылмайды (ол аталған тұлғалардың "
    "қатарына жатпайды, мемлекеттің дауыс беруші акцияларының үлесі {threshold} %-дан кем немесе көрсетілмеген): "
    "келісу талап етілмейді.",
    "ru": "Подпункт 12) статьи 5 и подпункт 9) статьи 6 к этой организации не применяются (она не из названных "
    "лиц, доля голосующих акций государства менее {threshold} % или не указана): согласование не требуется.",
    "en": "Articles 5(12) and 6(9) do not apply to this entity (not one of those named; the state's voting share "
    "is below {threshold} % or not given): no agreement is required.",
}
_NOT_TECHNOLOGY: Messages = {
    "kk": "Құжат технологиялар мен инновацияларға қатысты емес: 5-баптың 12) тармақшасы мен 6-баптың 9) тармақшасы "
    "қолданылмайды.",
    "ru": "Документ не касается технологий и инноваций: подпункт 12) статьи 5 и подпункт 9) статьи 6 не применяются.",
    "en": "The document is not on technologies and innovation: articles 5(12) and 6(9) do not apply.",
}


def _threshold(verdict: Verdict) -> Decimal | None:
    return next((Decimal(str(v.value)) for v in verdict.parameters_read if v.name == SHARE_PARAMETER), None)


def _finish(verdict: Verdict, facts: StrategyFacts, references: Mapping[str, Any]) -> Verdict:
    verdict = with_treaty_notes(verdict, facts)
    if not facts.on_technologies_and_innovation:
        return with_note(verdict, _NOT_TECHNOLOGY)
    threshold = _threshold(verdict)
    share = facts.entity.state_voting_share_percent
    if threshold is not None and facts.entity.kind not in NAMED_KINDS and (share is None or share < threshold):
        verdict = with_note(verdict, {lang: text.format(threshold=threshold) for lang, text in _OUT_OF_SCOPE.items()})
    return verdict


PROCEDURE = declare(Procedure(
    name="strategy-agreement",
    subject="institutions.strategy_agreement",
    title={"kk": "Мемлекет бақылайтын ұйымның технологиялар мен инновацияларға қатысты стратегиясын келісу (Заңның "
           "5-бабының 12) тармақшасы, 6-бабының 9) тармақшасы)",
           "ru": "Согласование стратегии организации, контролируемой государством, в части технологий и инноваций "
           "(пп. 12) ст. 5, пп. 9) ст. 6 Закона)",
           "en": "Agreement of a state-controlled entity's strategy on technologies and innovation (articles 5(12), "
           "6(9) of the Law)"},
    facts=StrategyFacts,
    rules=STRATEGY_RULES,
    date=lambda facts: facts.decision_date(),
    finish=_finish,
))
