"""Fictional demo world of the technology-platform service (everything marked demo), driven through
the real workflow: the agriculture ministry of the competence-centre demo proposes "Digital
agriculture platform (demo)" with a designated competence centre as its coordinator (or a demo
university when none is designated), the authorized body refers it to the HSTC, the HSTC's working
body holds a meeting where one member recuses and the others vote, the recommendation is recorded,
the authorized body organises the platform, and its coordinator publishes a road map of two stages
and three items. Runs after the competence-centre demo (whose state bodies it uses); safe to run twice."""

from __future__ import annotations

import datetime as dt

from techpolicy.accounts.models import Organisation, User
from techpolicy.accounts.roles import COMMISSION
from techpolicy.casework import law_context
from techpolicy.casework.commissions import cast_vote, declare_recusal
from techpolicy.casework.commissions.meetings import (
    add_item,
    close_meeting,
    create_meeting,
    mark_held,
    record_attendance,
)
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Commission, CommissionMember
from techpolicy.casework.uploads import store
from techpolicy.services.competence_centres import published as centres
from techpolicy.services.technopark.demo import DEMO_PASSWORD, _user, demo_pdf

from . import roadmap
from .checks import COMMITMENTS
from .models import Activity, FundingSource, Platform, Vision, VisionAgreement
from .roles import AUTHORIZED_BODY, HSTC, HSTC_SECRETARY
from .workflows import ORGANISATION

PLATFORM = "Digital agriculture platform (demo)"
MINISTRY_BIN = "000000000701"  # the agriculture ministry of the competence-centre demo
FALLBACK = ("Қазақ агротехникалық университеті (демо)", "990240000777", "hei")
MEMBERS = (
    # username, full name, position
    ("hstc1", "Асқар Бекенов", "ЖҒТК төрағасының орынбасары (демо)"),
    ("hstc2", "Динара Әбілова", "ЖҒТК мүшесі, академик (демо)"),
    ("hstc3", "Нұрлан Ысқақов", "ЖҒТК мүшесі (демо)"),
    ("hstc4", "Ольга Ким", "ЖҒТК мүшесі (демо)"),
)


def hstc_commission() -> tuple[Commission, dict[str, User]]:
    """The HSTC with four members; its regulations (quorum of half, simple majority) are the demo's:
    the seed sets none."""
    commission, _ = Commission.objects.get_or_create(key=HSTC, defaults={
        "name": "Жоғары ғылыми-техникалық комиссия (демо)", "quorum_kind": Commission.QUORUM_HALF,
        "majority": Commission.MAJORITY_SIMPLE, "regulations": "Demo regulations: the seed sets none (000 p.28)"})
    members = {}
    for username, full_name, position in MEMBERS:
        first, last = full_name.split(" ", 1)
        members[username] = _user(username, first, last, [COMMISSION])
        CommissionMember.objects.get_or_create(commission=commission, user=members[username],
                                               defaults={"full_name": full_name, "position": position})
    return commission, members


def coordinator(sector: str) -> tuple[str, str, str]:
    """A competence centre designated for the sector, another designated centre, or a demo university."""
    entry = centres.designated_centres(sector=sector).first() or centres.designated_centres().first()
    if entry is not None and entry.organisation is not None:
        return entry.organisation.name, entry.organisation.bin or "", "hei"
    Organisation.objects.get_or_create(bin=FALLBACK[1], defaults={"name": FALLBACK[0], "city": "Астана"})
    return FALLBACK


def proposal_facts(ministry: Organisation, sector: str, direction: str, today: dt.date) -> dict:
    name, bin_, kind = coordinator(sector)
    return {
        "proposal": {
            "proposer": ministry.name, "proposer_kind": "state_body", "supervised_directions": [direction],
            "sector": sector, "direction": direction, "platform_name": PLATFORM,
            "coordinator": {
                "organisation": {"name": name, "bin": bin_, "kind": kind},
                "competence_evidence": "Агротехнологиялар бойынша жобалар портфелі, 2018-2026 (демо)",
                "interaction_started_on": dt.date(today.year - 4, 3, 1).isoformat(),
                "interaction_evidence": "Фермерлер мен агрохолдингтер кеңесінің хаттамалары (демо)",
                "memoranda": [{"counterparty": "Агрохолдинг «Дала» ЖШС (демо)", "kind": "legal_entity",
                               "signed_on": dt.date(today.year - 1, 5, 14).isoformat(), "reference": "№ 7"}],
                "material_base": {"available": True, "description": "Сынақ алқаптары, деректер орталығы (демо)"},
            },
        },
        "funding_sources": [{"kind": "attracted", "description": "Серіктестердің жарналары (демо)"}],
        "planned_participants": [{"name": "Агрохолдинг «Дала» ЖШС (демо)", "bin": "", "role": "business"},
                                 {"name": "Ұлттық аграрлық ғылыми орталық (демо)", "bin": "", "role": "science"}],
    }


def consider(case, commission: Commission, secretary: User, members: dict[str, User], today: dt.date) -> None:
    """The HSTC's meeting: one member recuses (a conflict of interest with the coordinator), the
    other three vote for; the meeting is held and closed, and the recommendation recorded."""
    meeting = create_meeting(commission, secretary, today, "Астана, Үкімет үйі, 3-зал (демо)")
    add_item(meeting, case)
    record_attendance(meeting, list(commission.members.filter(active=True).values_list("pk", flat=True)))
    declare_recusal(case, members["hstc1"], "Үйлестіруші ұйымның бақылау кеңесінің мүшесімін (демо)")
    for username in ("hstc2", "hstc3", "hstc4"):
        cast_vote(case, members[username], "for", "Платформа саланың технологиялық дамуына қажет (демо)")
    mark_held(meeting)
    fire(case, "recommend", secretary, reason="ЖҒТК отырысының хаттамасы № 1 (демо): бастама қолдау тапты.")
    close_meeting(meeting, secretary)


def road_map(platform: Platform, editor: User, today: dt.date) -> None:
    draft = roadmap.start_draft(platform, editor)
    roadmap.set_details(draft, "Алғашқы нұсқа (демо)")
    first = roadmap.add_stage(draft, "Деректер инфрақұрылымы", today, dt.date(today.year + 1, 12, 31))
    second = roadmap.add_stage(draft, "Кең ауқымды енгізу", dt.date(today.year + 2, 1, 1),
                               dt.date(today.year + 4, 12, 31))
    responsible = {p.role: p for p in platform.participants.all()}
    lead = responsible.get("coordinator") or platform.participants.first()
    for stage, code, name, milestone, due, who in (
        (first, "AG-04", "Топырақтың IoT-датчиктері", "Пилоттық 50 шаруашылықта датчиктер желісі",
         dt.date(today.year + 1, 6, 30), lead),
        (first, "AG-01", "Дәлме-дәл егіншілік", "Алқаптардың цифрлық картасы", dt.date(today.year + 1, 11, 30),
         responsible.get("science", lead)),
        (second, "AG-02", "Ауыл шаруашылығы дрондары", "Дрондармен өңделетін алқап 1 млн га",
         dt.date(today.year + 4, 9, 30), responsible.get("business", lead)),
    ):
        roadmap.add_item(draft, stage_id=stage.pk, technology_code=code, technology_name=name, milestone=milestone,
                         due_on=due, responsible_id=who.pk)
    roadmap.publish(draft, editor)


def records(platform: Platform, editor: User, today: dt.date) -> None:
    vision = Vision.objects.create(platform=platform, number=1, created_by=editor, text=(
        "2035 жылға қарай ауыл шаруашылығы өндірісінің жартысы цифрлық технологияларды қолданады (демо)."))
    for participant in platform.participants.all()[:2]:
        VisionAgreement.objects.create(vision=vision, participant=participant, agreed_on=today, recorded_by=editor)
    Activity.objects.create(platform=platform, activity="mobilise", on=today, recorded_by=editor,
                            description="Платформа қатысушыларының құрылтай жиналысы (демо)")
    FundingSource.objects.create(platform=platform, kind=FundingSource.ATTRACTED, recorded_by=editor,
                                 description="Серіктестердің жарналары (демо)")


def load() -> list[str]:
    if Platform.objects.filter(name=PLATFORM).exists():
        return ["technology-platform demo data already loaded"]
    ministry = Organisation.objects.filter(bin=MINISTRY_BIN).first()
    today = law_context.today()
    pairs = centres.supervised_directions(ministry, today) if centres.is_state_body(ministry) else []
    proposer = User.objects.filter(organisation=ministry).order_by("pk").first()
    if not pairs or proposer is None:
        return ["technology-platform demo skipped: it needs the agriculture ministry of the competence-centre demo"]
    sector, direction = pairs[0]
    commission, members = hstc_commission()
    secretary = _user("hstc_secretary", "Самал", "Төлеуова", [HSTC_SECRETARY], is_staff=True)
    ab = _user("ab", "Сәуле", "Нұрланова", [AUTHORIZED_BODY], is_staff=True)
    case = create_case(ORGANISATION, ministry, proposer, title=PLATFORM,
                       facts=proposal_facts(ministry, sector, direction, today))
    store(case, COMMITMENTS, demo_pdf("commitments"), proposer)
    case = fire(case, "submit", proposer)
    case = fire(case, "refer_to_hstc", ab)
    consider(case, commission, secretary, members, today)
    case.refresh_from_db()
    case = fire(case, "organise", ab, reason="Уәкілетті органның шешімі (демо)",
                payload={"decision_number": "ТП-ДЕМО-2026-01", "decided_on": today.isoformat(), "confirm": "on"})
    platform = case.technology_platform
    editor = _coordinator_user(platform) or proposer
    road_map(platform, editor, today)
    records(platform, editor, today)
    return [f"{PLATFORM}: organised ({case.number}), road map v1 published",
            f"Technology platforms (password {DEMO_PASSWORD}): proposer {proposer.username}, authorized body ab, "
            f"HSTC working body hstc_secretary, HSTC members " + ", ".join(m[0] for m in MEMBERS)]


def _coordinator_user(platform: Platform) -> User | None:
    if platform.coordinator_id is None:
        return None
    return User.objects.filter(organisation_id=platform.coordinator_id).order_by("pk").first()

