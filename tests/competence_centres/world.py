"""The people and records the competence-centre tests share: a vocabulary of two sectors, a
ministry supervising the energy directions and another supervising agriculture, the authorized
body, the national institute, a university that initiates and another applicant. Plain functions
and one dataclass, so the race tests (threads, committed data) build the same world."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from techpolicy.accounts.models import Organisation, User
from techpolicy.casework import law_context
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Case
from techpolicy.law.dates import add_years
from techpolicy.services.competence_centres.models import Direction, Sector, StateBodyProfile, SupervisedDirection
from techpolicy.services.competence_centres.roles import AUTHORIZED_BODY, NATIONAL_INSTITUTE, STATE_BODY
from techpolicy.services.competence_centres.workflows import DESIGNATION
from tests import factories

AREAS = ("programme_documents", "analytical_studies", "technology_assessment", "technical_regulation")
HYDROGEN, RENEWABLES, DIGITAL_FARMING = "05.01", "05.02", "07.01"
FINAL_DECISIONS = ("decline", "refuse", "designate", "not_designate")  # asked with a ticked box


@dataclass
class World:
    owner: User  # a user of the university that initiates (the case's owner)
    other: User  # a user of another applicant organisation
    ministry: User  # staff of the ministry supervising the energy directions
    other_ministry: User  # staff of the ministry supervising agriculture
    ab: User  # the authorized body
    ni: User  # the national institute
    secretariat: User  # staff of another service (the technopark)

    @property
    def body(self) -> Organisation:
        return self.ministry.organisation


def vocabulary() -> None:
    energy = Sector.objects.create(code="05", name_kk="Энергетика", name_ru="Энергетика", name_en="Energy")
    farming = Sector.objects.create(code="07", name_kk="Ауыл шаруашылығы", name_ru="Сельское хозяйство",
                                    name_en="Agriculture")
    Direction.objects.create(sector=energy, code=HYDROGEN, name_kk="Сутегі энергетикасы",
                             name_ru="Водородная энергетика", name_en="Hydrogen energy")
    Direction.objects.create(sector=energy, code=RENEWABLES, name_kk="Жаңартылатын энергия көздері",
                             name_ru="Возобновляемые источники энергии", name_en="Renewable energy sources")
    Direction.objects.create(sector=farming, code=DIGITAL_FARMING, name_kk="Цифрлық ауыл шаруашылығы",
                             name_ru="Цифровое сельское хозяйство", name_en="Digital agriculture")


def state_body(name: str, codes: tuple[str, ...], kind: str = StateBodyProfile.STATE_BODY,
               since: dt.date = dt.date(2020, 1, 1)) -> User:
    organisation = factories.make_organisation(name=name)
    profile = StateBodyProfile.objects.create(organisation=organisation, kind=kind)
    for code in codes:
        SupervisedDirection.objects.create(body=profile, direction=Direction.objects.get(code=code),
                                           valid_from=since, basis="Regulations of the ministry")
    return factories.make_user(organisation=organisation, roles=[STATE_BODY], email=f"{name[:8]}@gov.kz")


def make_world() -> World:
    vocabulary()
    owner = factories.make_user(organisation=factories.make_organisation(name="Qazaq Technical University"),
                                roles=["applicant"], email="rector@university.kz", language="en")
    return World(
        owner=owner,
        other=factories.make_applicant(factories.make_organisation(name="Other Institute")),
        ministry=state_body("Ministry of Energy", (HYDROGEN, RENEWABLES)),
        other_ministry=state_body("Ministry of Agriculture", (DIGITAL_FARMING,)),
        ab=factories.make_user(roles=[AUTHORIZED_BODY]),
        ni=factories.make_user(roles=[NATIONAL_INSTITUTE]),
        secretariat=factories.make_secretariat(),
    )


def years_ago(years: int, days: int = 0) -> dt.date:
    """The day `years` full years before today, moved `days` later (5 years minus a day: days=1)."""
    return add_years(law_context.today(), -years) + dt.timedelta(days=days)


def facts(world: World, started_on: dt.date | None = None, direction: str = HYDROGEN, body=None,
          kind: str = "hei", areas=AREAS, own_funds: bool = True) -> dict:
    """An initiative that meets paragraphs 17 and 18 unless told otherwise."""
    sector = Direction.objects.get(code=direction).sector.code
    return {
        "organisation": {"name": world.owner.organisation.name, "bin": world.owner.organisation.bin, "kind": kind},
        "sector": sector, "direction": direction, "state_body": (body or world.body).pk,
        "experience": {"started_on": (started_on or years_ago(6)).isoformat(), "evidence": "Research contracts"},
        "staff": [{"name": f"Employee {n}", "areas": [area], "evidence": f"Diploma {n}"}
                  for n, area in enumerate(areas, start=1)],
        "own_funds": {"available": own_funds, "amount_kzt": "1000000.00"},
        "material_base": {"available": True, "description": "Laboratory"},
        "funding_sources": [{"kind": "own", "description": "Own funds"}],
    }


def initiative(world: World, **options) -> Case:
    return create_case(DESIGNATION, world.owner.organisation, world.owner, title="initiative",
                       facts=facts(world, **options))


def drive(case: Case, world: World, *steps: str, **payloads) -> Case:
    """Fire `steps` in order, each by the role the table names for it."""
    actor = {"submit": world.owner, "resubmit": world.owner, "withdraw": world.owner,
             "propose": world.ministry, "decline": world.ministry, "designate": world.ministry,
             "not_designate": world.ministry}
    for step in steps:
        payload = dict(payloads.get(step, {}))
        reason = payload.pop("reason", "")
        if step in FINAL_DECISIONS:
            payload.setdefault("confirm", "on")
        case = fire(case, step, actor.get(step, world.ab), reason=reason, payload=payload)
    return case


def designation_payload(day: dt.date | None = None, number: str = "12-ө") -> dict:
    return {"decision_number": number, "decision_date": (day or law_context.today()).isoformat(), "confirm": "on"}


def designated(world: World, **options) -> Case:
    case = initiative(world, **options)
    return drive(case, world, "submit", "propose", "find_compliant", "designate",
                 designate=designation_payload())
