"""The people and records the technology-platform tests share, built on the competence-centre
tests' world (its vocabulary, ministries and authorized body, and a university it designates through
its own workflow as the centre for hydrogen energy): the HSTC with four members and its working body,
and plain functions that make and drive proposals. Plain functions and one dataclass, so the race
tests (threads, committed data) build the same world."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen import canvas

from techpolicy.accounts.models import Organisation, User
from techpolicy.accounts.roles import COMMISSION
from techpolicy.casework import law_context
from techpolicy.casework.commissions import cast_vote, declare_recusal
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Case, Commission, CommissionMember
from techpolicy.casework.uploads import store
from techpolicy.law.dates import add_years
from techpolicy.services.technology_platforms.checks import COMMITMENTS
from techpolicy.services.technology_platforms.models import Platform
from techpolicy.services.technology_platforms.roles import HSTC, HSTC_SECRETARY
from techpolicy.services.technology_platforms.workflows import ORGANISATION
from tests import factories
from tests.competence_centres import world as centres

HYDROGEN, RENEWABLES, DIGITAL_FARMING = centres.HYDROGEN, centres.RENEWABLES, centres.DIGITAL_FARMING
PLATFORM = "Сутегі технологиялық платформасы"


@dataclass
class World:
    cc: centres.World
    proposer: User  # staff of the energy ministry: the owner of its proposals (p.27)
    other_body: User  # staff of the agriculture ministry (another state body)
    ab: User  # the authorized body
    secretary: User  # the HSTC's working body
    members: list[User]  # the HSTC's four members
    commission: Commission
    other: User  # a user of an applicant company: not a state body
    secretariat: User  # staff of another service (the technopark)
    centre: Organisation  # designated as the competence centre for hydrogen energy (sector 05)

    @property
    def body(self) -> Organisation:
        return self.proposer.organisation


def hstc(members: int = 4, quorum: str = Commission.QUORUM_HALF, majority: str = Commission.MAJORITY_SIMPLE):
    commission = Commission.objects.create(key=HSTC, name="ЖҒТК", quorum_kind=quorum, majority=majority)
    users = []
    for n in range(1, members + 1):
        user = factories.make_user(roles=[COMMISSION], first_name="Мүше", last_name=str(n))
        CommissionMember.objects.create(commission=commission, user=user, full_name=f"Мүше {n}")
        users.append(user)
    return commission, users


def make_world(designate: bool = True) -> World:
    cc = centres.make_world()
    centre = centres.designated(cc).organisation if designate else cc.owner.organisation
    commission, members = hstc()
    return World(cc=cc, proposer=cc.ministry, other_body=cc.other_ministry, ab=cc.ab,
                 secretary=factories.make_user(roles=[HSTC_SECRETARY]), members=members, commission=commission,
                 other=cc.other, secretariat=cc.secretariat, centre=centre)


def years_ago(years: int, days: int = 0) -> dt.date:
    return add_years(law_context.today(), -years) + dt.timedelta(days=days)


def coordinator(name: str = "Ғылыми-зерттеу институты", bin_: str | None = "990140000999", kind: str = "science_org",
                started_on: dt.date | None = None, memoranda: int = 1, material: bool = True,
                competence: str | None = "Жобалар портфелі, 2018-2026") -> dict:
    """A coordinator that meets p.25(1)-(4) and p.26 unless told otherwise (p.25(5) is a document)."""
    return {
        "organisation": {"name": name, "kind": kind, **({"bin": bin_} if bin_ else {})},
        "competence_evidence": competence,
        "interaction_started_on": (started_on or years_ago(4)).isoformat(),
        "interaction_evidence": "Стейкхолдерлер кеңесінің хаттамалары",
        "memoranda": [{"counterparty": f"Серіктес {n}", "kind": "legal_entity",
                       "signed_on": years_ago(1).isoformat()} for n in range(1, memoranda + 1)],
        "material_base": {"available": material, "description": "Зертхана"},
    }


def centre_coordinator(world: World) -> dict:
    """The designated competence centre as the coordinator (p.26), as a proposer names it."""
    return coordinator(name=world.centre.name, bin_=world.centre.bin, kind="hei")


def facts(world: World, *, direction: str = HYDROGEN, name: str = PLATFORM, coordinator_facts: dict | None = None,
          participants: list[dict] | None = None) -> dict:
    sector = "05" if direction in (HYDROGEN, RENEWABLES) else "07"
    return {
        "proposal": {"proposer": world.body.name, "proposer_kind": "state_body",
                     "supervised_directions": [HYDROGEN, RENEWABLES], "sector": sector, "direction": direction,
                     "platform_name": name, "coordinator": coordinator_facts or coordinator()},
        "funding_sources": [{"kind": "attracted", "description": "Серіктестердің жарналары"}],
        "planned_participants": participants if participants is not None else [
            {"name": "«Дала» ЖШС", "bin": "", "role": "business"}],
    }


def pdf(title: str = "міндеттемелер") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 760, "Demo document")
    page.save()
    return SimpleUploadedFile(f"{title}.pdf", buffer.getvalue(), content_type="application/pdf")


def proposal(world: World, *, commitments: bool = True, owner: User | None = None, **options) -> Case:
    """A draft proposal of the energy ministry (or of `owner`'s organisation), with the document of
    recorded commitments (p.25(5)) attached unless told otherwise."""
    owner = owner or world.proposer
    case = create_case(ORGANISATION, owner.organisation, owner, title="proposal", facts=facts(world, **options))
    if commitments:
        store(case, COMMITMENTS, pdf(), owner)
    return case


def drive(case: Case, world: World, *steps: str, **payloads) -> Case:
    """Fire `steps` in order, each by the role the table names for it."""
    actor = {"submit": world.proposer, "resubmit": world.proposer, "withdraw": world.proposer,
             "recommend": world.secretary, "do_not_recommend": world.secretary}
    for step in steps:
        payload = dict(payloads.get(step, {}))
        reason = payload.pop("reason", "")
        case = fire(case, step, actor.get(step, world.ab), reason=reason, payload=payload)
    return case


def vote(case: Case, world: World, values: list[str], recuse: int = 0) -> None:
    """The first `recuse` members declare a conflict of interest; the next ones cast `values`."""
    for member in world.members[:recuse]:
        declare_recusal(case, member, "Үйлестірушінің кеңесінің мүшесімін")
    for member, value in zip(world.members[recuse:], values, strict=False):
        cast_vote(case, member, value, "Негізделген бастама")


def organise_payload(day: dt.date | None = None, number: str = "ТП-7", confirm: bool = True) -> dict:
    return {"decision_number": number, "decided_on": (day or law_context.today()).isoformat(),
            **({"confirm": "on"} if confirm else {})}


def supported(world: World, **options) -> Case:
    case = drive(proposal(world, **options), world, "submit", "refer_to_hstc")
    vote(case, world, ["for", "for", "for"], recuse=1)
    return drive(case, world, "recommend", recommend={"reason": "ЖҒТК хаттамасы № 1"})


def organised(world: World, **options) -> tuple[Case, Platform]:
    case = drive(supported(world, **options), world, "organise", organise=organise_payload())
    return case, case.technology_platform
