"""A small world for the grant workflow's tests: the priority directions resting on approved key
technologies, an open call, the fund with the year's money allocated, two experts (domestic and
foreign), the grant commission and an applicant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Case, Commission, CommissionMember
from techpolicy.law.acts.act003_state_support.grant_types import GRANT_TYPE_IDS
from techpolicy.services.innovation_grants import directions, fund
from techpolicy.services.innovation_grants.models import Call, Conclusion, DirectionsVersion, Expert, Seat
from techpolicy.services.innovation_grants.roles import GRANT_OPERATOR
from techpolicy.services.innovation_grants.workflows import COMMISSION_KEY, GRANT
from tests import factories
from tests.studies.conftest import approved_study

DIRECTIONS = [{"code": "AI.01", "name_kk": "Жасанды интеллект", "name_ru": "Искусственный интеллект",
               "name_en": "Artificial intelligence"}]


@dataclass
class World:
    operator: object
    owner: object
    call: Call
    experts: list
    voters: list
    today: object

    def application(self, owner=None, **changes) -> Case:
        owner = owner or self.owner
        facts = {"call": self.call.number, "grant_type": self.call.grant_type,
                 "applicant": {"kind": "legal_entity", "name": owner.organisation.name,
                               "activity": "өнеркәсіптік роботтар шығару", "industrial_enterprise": True},
                 "direction": "AI.01", "planned_costs": "100000000.00", "requested": "40000000.00",
                 "own_production_process": True, "trainees": [], **changes}
        return create_case(GRANT, owner.organisation, owner, title="Grant", facts=facts)

    def seat_panel(self, case: Case, conclusions=("economic", "technological")) -> None:
        """Both experts seated, declared independent, each giving one of the conclusions."""
        for expert, kind in zip(self.experts, conclusions, strict=False):
            seat = Seat.objects.create(case=case, expert=expert, override_reason="test panel", placed_by=self.operator,
                                       state=Seat.DECLARED, declared_at=timezone.now())
            Conclusion.objects.create(seat=seat, kind=kind, text="Қорытынды")


def ledger(operator, year: int, amount: str = "500000000.00") -> None:
    on = dt.date(year, 1, 15).isoformat()
    for entry in ({"kind": "account_opened", "on": on, "bank": "Halyk Bank", "bank_resident": True,
                   "second_tier_bank": True, "contract_no": "D-1", "contract_date": on},
                  {"kind": "transfer_in", "on": on, "financial_year": year, "amount": amount, "allocated": amount,
                   "contract_no": "D-1"},
                  {"kind": "allocation", "on": on, "financial_year": year,
                   "shares": {t: (amount if t == "industrial_research" else "0") for t in GRANT_TYPE_IDS}}):
        outcome = fund.record(entry, operator)
        assert outcome.refusal is None, outcome.refusal.as_dict("en")


def make_world(analyst, today, grant_type: str = "industrial_research") -> World:
    approved_study(analyst, today, today.day, ["T1"])
    directions.publish(DirectionsVersion.PRIORITY_DIRECTIONS, DIRECTIONS, today.day, decision="Government decision 1",
                       recommendation="Council minutes 2", actor=analyst)
    operator = factories.make_user(roles=[GRANT_OPERATOR])
    call = Call.objects.create(number=f"C-{grant_type[:8]}", grant_type=grant_type, title_kk="Шақыру",
                               title_ru="Конкурс", title_en="Call", opens_on=today.day,
                               closes_on=today.day + dt.timedelta(days=30), panel_size=2,
                               published_at=timezone.now(), created_by=operator)
    experts = [Expert.objects.create(user=factories.make_user(first_name=name), country=country, fields=["AI.01"])
               for name, country in (("Ерлан", "KZ"), ("Anna", "AT"))]
    commission = Commission.objects.create(key=COMMISSION_KEY, name="Grant commission (test)", quorum_kind="count",
                                           quorum_count=3, majority="simple")
    voters = []
    for _ in range(3):
        user = factories.make_commission_member_user()
        CommissionMember.objects.create(commission=commission, user=user, full_name=user.username, country="KZ")
        voters.append(user)
    ledger(operator, today.day.year)
    return World(operator, factories.make_applicant(), call, experts, voters, today)


def to_commission(world: World, case: Case) -> Case:
    case = fire(case, "submit", world.owner)
    case = fire(case, "to_expertise", world.operator)
    world.seat_panel(case)
    case = fire(case, "close_expertise", world.operator)
    payload = {"innovativeness": "жаңа өндіріс үдерісі", "scale": "", "sectoral_programme": "Өңдеу өнеркәсібі",
               "confirm": "on"}
    return fire(case, "send_to_commission", world.operator, payload=payload)
