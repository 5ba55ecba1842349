"""Act 002, section 5, direction 1 (l.968): budget funding of a science-technology park's management
company only for a park with 100 % state participation.

The management company may be financed in a mixed model: income from services, rent of the
infrastructure, borrowed funds, replenishment of the charter capital, and budget funding "(for
science-technology parks with 100 % state participation)". The rule applies to a budget funding
only; exactly 100 % passes. Like every rule of the Concept's institutional model it is a
pre-assessment (reading R-E1): the verdict says so, and a failure is no refusal in law.

Procedure "stp-budget-funding": `catalogue()["stp-budget-funding"].evaluate(facts)`.
"""

from __future__ import annotations

from typing import Any

from ...procedure import Procedure, declare
from ...rules import Context, Verdict
from .common import cite, pre_assessment, rule, seed_lines
from .facts import ParkFundingFacts

__all__ = ["PARK_FUNDING", "PARK_FUNDING_RULES", "STP_BUDGET"]

STATE_SHARE = "sct.stp.budget_state_share_percent"


def _details(facts: ParkFundingFacts, ctx: Context) -> dict[str, Any]:
    return seed_lines("968", park=facts.park.name, management_company=facts.management_company,
                      state_share_percent=facts.park.state_share_percent, required_percent=ctx.param(STATE_SHARE))


STP_BUDGET = rule(
    "002.s5.d1.stp.fin",
    cite("5"),
    {
        "kk": "Басқарушы компанияны бюджеттен қаржыландыру 100 % мемлекет қатысатын ғылыми-технологиялық "
        "парктер үшін ғана көзделеді.",
        "ru": "Бюджетное финансирование управляющей компании предусмотрено только для научно-технологических "
        "парков со 100 % участием государства.",
        "en": "Budget funding of the management company is provided only for science-technology parks with "
        "100 % state participation.",
    },
    {
        "kk": "«{park}» паркінде мемлекеттің қатысу үлесі {state_share_percent} %, бюджеттен қаржыландыру үшін "
        "{required_percent} % болуы тиіс.",
        "ru": "Доля участия государства в парке «{park}» — {state_share_percent} %, для бюджетного "
        "финансирования требуется {required_percent} %.",
        "en": "The state's participation in the park «{park}» is {state_share_percent} %; budget funding "
        "requires {required_percent} %.",
    },
    lambda f, ctx: f.park.state_share_percent >= ctx.param(STATE_SHARE),
    applies=lambda f: f.source == "budget",  # the other sources of the mixed model need no state share
    explain=_details,
)

PARK_FUNDING_RULES = (STP_BUDGET,)


def _finish(verdict: Verdict, facts: ParkFundingFacts, _refs: Any) -> Verdict:
    return pre_assessment(verdict)


PARK_FUNDING = declare(
    Procedure(
        name="stp-budget-funding",
        subject="science_territories.stp_budget_funding",
        title={
            "kk": "Ғылыми-технологиялық парктің басқарушы компаниясын бюджеттен қаржыландыру (Тұжырымдаманың "
            "5-бөлімі)",
            "ru": "Бюджетное финансирование управляющей компании научно-технологического парка (раздел 5 "
            "Концепции)",
            "en": "Budget funding of a science-technology park's management company (section 5 of the Concept)",
        },
        facts=ParkFundingFacts,
        rules=PARK_FUNDING_RULES,
        date=lambda facts: facts.checked_on,
        finish=_finish,
        cli=True,
    )
)
