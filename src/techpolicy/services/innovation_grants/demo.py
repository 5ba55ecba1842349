"""Fictional demo world of the innovation-grants service (everything marked demo), driven through
the real services: a forecast study "Energy 2035 (demo)" approved by the HSTC at the start of last
year, the priority directions of grants resting on its key technologies, the fund over two years
(the account, the transfer in full, the allocation among the types, last year's close carrying the
balance into this year), a call per grant type, experts from Kazakhstan and abroad (one tied to an
applicant, so conflicted), the grant commission, and applications at every stage: a draft, one
submitted, one under expertise, one on the commission's agenda, one awarded with its agreement
signed and a tranche paid; and two applications for other support measures (a guarantee granted on
competitiveness, a loan under the operator's consideration). Safe to run twice.

The study's stages happened on dates in the past: they are run with the system's day set to those
dates (`_on_day`), as the forecasting service counts days; everything else happens today."""

from __future__ import annotations

import contextlib
import datetime as dt
from unittest import mock

from django.utils import timezone

from techpolicy.accounts.models import Organisation
from techpolicy.accounts.roles import ANALYST, APPLICANT, COMMISSION
from techpolicy.casework import law_context
from techpolicy.casework.commissions import cast_vote
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Case, Commission, CommissionMember
from techpolicy.law.acts.act003_state_support.grant_types import GRANT_TYPES
from techpolicy.services.technopark.demo import _user

from . import directions, fund, panels, scores
from .measure_cases import MEASURE
from .models import Call, Conclusion, Criterion, DirectionsVersion, Expert, Seat, Tie
from .roles import GRANT_EXPERT, GRANT_OPERATOR, SUPPORT_OPERATOR
from .workflows import COMMISSION_KEY, GRANT

STUDY_TITLE = "Энергетика 2035 (демо)"
TECHNOLOGIES = (("EN-01", "Сутегі энергетикасы", "Водородная энергетика", "Hydrogen energy"),
                ("EN-02", "Энергия жинақтау жүйелері", "Системы накопления энергии", "Energy storage"),
                ("AI-01", "Өнеркәсіптегі жасанды интеллект", "Искусственный интеллект в промышленности",
                 "Artificial intelligence in industry"))
DIRECTIONS = [{"code": code, "name_kk": kk, "name_ru": ru, "name_en": en} for code, kk, ru, en in TECHNOLOGIES]
EXPERTS = (  # username, first, last, country, fields
    ("grant-expert-kz", "Ерлан", "Жақсылықов", "KZ", ["EN-01", "AI-01"]),
    ("grant-expert-kz2", "Мәдина", "Қасымова", "KZ", ["EN-02", "EN-01"]),
    ("grant-expert-at", "Anna", "Berger", "AT", ["EN-01", "EN-02", "AI-01"]),
    ("grant-expert-kr", "Ji-ho", "Kim", "KR", ["AI-01", "EN-02"]),
)
APPLICANTS = (  # username, person, organisation, BIN, direction, state reached
    ("grant-draft", ("Асқар", "Нұрланов"), "«Дала Энерджи» ЖШС (демо)", "990140000601", "EN-02", "draft"),
    ("grant-submitted", ("Гүлім", "Әбенова"), "«Сұңқар Робототехника» ЖШС (демо)", "990140000602", "AI-01",
     "submitted"),
    ("grant-expertise", ("Тимур", "Серіков"), "«Жетісу Гидроген» АҚ (демо)", "990140000603", "EN-01", "expertise"),
    ("grant-commission", ("Айгүл", "Мұқанова"), "«Алатау Машина» ЖШС (демо)", "990140000604", "AI-01",
     "commission"),
    ("grant-awarded", ("Бекзат", "Омаров"), "«Ертіс Аккумулятор» ЖШС (демо)", "990140000605", "EN-02",
     "implementation"),
)
ALLOCATED = "2000000000.00"


@contextlib.contextmanager
def _on_day(day: dt.date):
    """The system's day (`law_context.today`) set to `day`, for the history the demo tells."""
    original = timezone.localdate
    with mock.patch.object(timezone, "localdate",
                           lambda value=None, timezone=None: day if value is None else original(value, timezone)):
        yield


def _organisation(name: str, bin_: str) -> Organisation:
    return Organisation.objects.get_or_create(bin=bin_, defaults={"name": name})[0]


def _approved_study(analyst, start: dt.date):
    """The forecast study, taken through its stages in the past; its key technologies in force from `start`."""
    from techpolicy.forecasting.studies import discussion, panel, stages
    from techpolicy.forecasting.studies.models import Study, Technology

    if Study.objects.filter(title=STUDY_TITLE).exists():
        return
    with _on_day(start - dt.timedelta(days=40)):
        study = stages.create_study(analyst, title=STUDY_TITLE, direction="Energy", covered_sectors=["Energy"],
                                    horizon_year=2035, organising_body="Энергетика министрлігі (демо)",
                                    methods=["extrapolation"], stop_rule={"max_rel_iqr": 0.5})
        for code, kk, ru, en in TECHNOLOGIES:
            Technology.objects.create(study=study, code=code, name_kk=kk, name_ru=ru, name_en=en, sector="Energy")
        for username, first, last, country, _fields in EXPERTS[::2]:  # one domestic, one foreign
            user = _user(f"{username}-fs", first, last, [])
            membership = panel.invite(study, analyst, email=user.email, full_name=f"{first} {last}",
                                      country=country, organisation="Институт (демо)", fields=["Energy"],
                                      experience_years=12)
            panel.respond(membership, accept=True, user=user, no_conflict=True)
        study = stages.advance(study, "start_main", analyst, version=study.version)
        study = stages.advance(study, "start_final", analyst, version=study.version)
        discussion.publish_draft(study, analyst, vision="Таза энергия 2035 (демо)", goals=["Сутегі кластері"],
                                 key_technologies=[code for code, *_names in TECHNOLOGIES],
                                 grant_directions=["Сутегі өндірісі"],
                                 discussion_closes_on=start - dt.timedelta(days=10))
    with _on_day(start - dt.timedelta(days=5)):
        study = stages.advance(study, "submit_hstc", analyst, version=study.version)
        stages.advance(study, "approve", analyst, version=study.version, in_force_from=start,
                       decision="ЖҒТК хаттамасы № 3 (демо)")


def _directions(analyst, start: dt.date) -> None:
    if DirectionsVersion.objects.filter(kind=DirectionsVersion.PRIORITY_DIRECTIONS).exists():
        return
    directions.publish(DirectionsVersion.PRIORITY_DIRECTIONS, DIRECTIONS, start,
                       decision="Үкімет қаулысы № 101 (демо)", proposal="Уәкілетті органның ұсынысы № 7 (демо)",
                       recommendation="Технологиялық саясат жөніндегі кеңестің хаттамасы № 2 (демо)", actor=analyst)


def _ledger(operator, last_year: int) -> None:
    if fund.balances():
        return
    opened = dt.date(last_year, 1, 20).isoformat()
    shares = {t.id: "0" for t in GRANT_TYPES}
    shares.update({"industrial_research": "800000000.00", "new_production": "700000000.00",
                   "commercialisation": "300000000.00", "international_patenting": "200000000.00"})
    entries = [
        {"kind": "account_opened", "on": opened, "bank": "«Халық Банк» АҚ (демо)", "bank_resident": True,
         "second_tier_bank": True, "contract_no": "Ш-12 (демо)", "contract_date": opened},
        {"kind": "transfer_in", "on": opened, "financial_year": last_year, "amount": ALLOCATED,
         "allocated": ALLOCATED, "contract_no": "Ш-12 (демо)"},
        {"kind": "allocation", "on": opened, "financial_year": last_year, "shares": shares},
        {"kind": "commitment", "on": f"{last_year}-06-01", "financial_year": last_year,
         "grant_type": "new_production", "amount": "450000000.00", "award_ref": f"IG-{last_year}-DEMO"},
        {"kind": "payment", "on": f"{last_year}-07-01", "financial_year": last_year,
         "award_ref": f"IG-{last_year}-DEMO", "amount": "300000000.00"},
        {"kind": "year_close", "on": f"{last_year}-12-31", "financial_year": last_year},
    ]
    this_year = last_year + 1
    start = dt.date(this_year, 1, 15)
    for entry in entries:
        fund.record(entry, operator)
    # This year: the new transfer, and the allocation of all that is to distribute (003.a27.p3.a3).
    fund.record({"kind": "transfer_in", "on": start.isoformat(), "financial_year": this_year, "amount": ALLOCATED,
                 "allocated": ALLOCATED, "contract_no": "Ш-12 (демо)"}, operator)
    to_distribute = fund.balances()[this_year].to_distribute
    rest = to_distribute - 1_500_000_000
    fund.record({"kind": "allocation", "on": start.isoformat(), "financial_year": this_year,
                 "shares": {**{t.id: "0" for t in GRANT_TYPES}, "industrial_research": "1000000000.00",
                            "new_production": "500000000.00", "commercialisation": f"{rest:.2f}"}}, operator)


CRITERIA = (  # code, kk, ru, en, weight, required (passing score 5 of 10)
    ("novelty", "Технологиялық жаңалығы", "Технологическая новизна", "Technological novelty", "0.5", True),
    ("team", "Команданың біліктілігі", "Квалификация команды", "Qualification of the team", "0.2", False),
    ("market", "Нарықтық әлеуеті", "Рыночный потенциал", "Market potential", "0.3", False),
)


def _calls(operator, today: dt.date) -> dict[str, Call]:
    """A call per grant type, each with the same demo criteria (the rules of granting set none)."""
    found = {}
    for n, grant_type in enumerate(GRANT_TYPES, start=1):
        found[grant_type.id], created = Call.objects.get_or_create(
            number=f"IG-C{today.year}-{n} (демо)"[:32], defaults={
                "grant_type": grant_type.id, "title_kk": f"{grant_type.name['kk'].capitalize()} (демо)",
                "title_ru": f"{grant_type.name['ru'].capitalize()} (демо)",
                "title_en": f"{grant_type.name['en'].capitalize()} (demo)", "opens_on": today - dt.timedelta(days=30),
                "closes_on": today + dt.timedelta(days=60), "panel_size": 2, "published_at": timezone.now(),
                "created_by": operator})
        if created:
            for order, (code, kk, ru, en, weight, required) in enumerate(CRITERIA):
                Criterion.objects.create(call=found[grant_type.id], code=code, name_kk=f"{kk} (демо)",
                                         name_ru=f"{ru} (демо)", name_en=f"{en} (demo)", weight=weight,
                                         required=required, required_min=5 if required else 0, order=order)
    return found


def _experts() -> list[Expert]:
    found = []
    for username, first, last, country, fields in EXPERTS:
        user = _user(username, first, last, [GRANT_EXPERT])
        found.append(Expert.objects.get_or_create(user=user, defaults={"country": country, "fields": fields,
                                                                       "capacity": 10})[0])
    return found


def _commission() -> list:
    commission, _created = Commission.objects.get_or_create(key=COMMISSION_KEY, defaults={
        "name": "Инновациялық гранттар жөніндегі комиссия (демо)", "quorum_kind": Commission.QUORUM_COUNT,
        "quorum_count": 3, "majority": Commission.MAJORITY_SIMPLE, "regulations": "Комиссия ережесі (демо)"})
    members = []
    for n, (first, last) in enumerate((("Нұржан", "Әлиев"), ("Сәуле", "Бекова"), ("Данияр", "Исаев")), start=1):
        user = _user(f"grant-commission-{n}", first, last, [COMMISSION])
        CommissionMember.objects.get_or_create(commission=commission, user=user,
                                               defaults={"full_name": f"{first} {last}", "country": "KZ"})
        members.append(user)
    return members


def _application(owner, call: Call, direction: str) -> dict:
    return {"call": call.number, "grant_type": call.grant_type,
            "applicant": {"kind": "legal_entity", "name": owner.organisation.name,
                          "activity": "өнеркәсіптік өндірісті жаңғырту (демо)", "industrial_enterprise": True},
            "direction": direction, "planned_costs": "240000000.00", "requested": "120000000.00",
            "own_production_process": True, "trainees": []}


def _panel(case: Case, experts: list[Expert], operator) -> None:
    """A domestic and a foreign expert, declared, scoring and concluded."""
    for expert, kind in ((experts[0], Conclusion.ECONOMIC), (experts[2], Conclusion.TECHNOLOGICAL)):
        seat = panels.place(case, expert, operator, "Демо: құрамды оператор қолмен жасақтады")
        panels.declare(seat, expert.user)
        scores.record_scores(seat, expert.user, {"novelty": "8", "team": "7", "market": "6"})
        panels.conclude(Seat.objects.get(pk=seat.pk), expert.user, kind, "Жоба техникалық тұрғыдан негізделген (демо).")


def _drive(case: Case, owner, operator, experts, members, target: str) -> None:
    if target == "draft":
        return
    case = fire(case, "submit", owner)
    if target == "submitted":
        return
    case = fire(case, "to_expertise", operator)
    if target == "expertise":
        return
    _panel(case, experts, operator)
    case = fire(case, "close_expertise", operator)
    case = fire(case, "send_to_commission", operator, payload={
        "innovativeness": "Жаңа технологиялық үдеріс өнім өзіндік құнын 18 %-ға төмендетеді (демо).", "scale": "",
        "sectoral_programme": "Өңдеу өнеркәсібін дамыту бағдарламасы (демо)", "confirm": "on"})
    if target == "commission":
        return
    for member in members:
        cast_vote(case, member, "for", "Демо: қолдаймын")
    case = fire(case, "approve", operator)
    case = fire(case, "draft_agreement", operator, payload={"number": f"ГШ-{case.number}",
                                                           "terms": "Грант шартының талаптары (демо)."})
    case = fire(case, "sign_as_grantee", owner, payload={"confirm": "on"})
    case = fire(case, "sign_as_operator", operator, payload={"confirm": "on"})
    fire(case, "pay_tranche", operator, payload={"amount": "60000000.00", "paid_on": law_context.today().isoformat()})
    # The grantee's reports (003.a27.p4, the terms the agreement's): the first accepted, the second overdue.
    today = law_context.today()
    for days_ago, term in ((40, "10"), (20, "5")):
        fire(case, "schedule_report", operator, payload={
            "period_end": (today - dt.timedelta(days=days_ago)).isoformat(), "term_days": term, "due_on": ""})
    fire(case, "submit_report", owner, payload={"seq": "1", "text": "Бірінші кезеңнің жұмыстары орындалды (демо)."})
    fire(case, "accept_report", operator, payload={"seq": "1"})


MEASURE_APPLICANT = ("measure-applicant", ("Әсел", "Сейітова"), "«Ертіс Полимер» АҚ (демо)", "990140000606")
MEASURE_CASES = (  # the measure, its own facts, the state reached
    ("guarantee", {"lender": "second_tier_bank"}, "granted"),
    ("lending", {"purpose": "expansion", "own_contribution": "25000000.00", "lender": "financial_institution"},
     "submitted"),
)
MEASURE_DECISION = {"competitiveness": "Бір тонна полимердің өзіндік құны ұқсас жобалардан 12 %-ға төмен.",
                    "competitiveness_result": "1200", "competitiveness_unit": "тонна полимер",
                    "competitiveness_cost": "600000000",
                    "competitiveness_similar": "«Павлодар Пласт» (демо); 900; 600000000",
                    "sectoral_programme": "Өңдеу өнеркәсібін дамыту бағдарламасы (демо)", "confirm": "on"}


def _measure_applications() -> list[str]:
    """Two applications for other support measures (articles 22-23): a guarantee granted on
    competitiveness (article 20(6)(2)) and a loan under the operator's consideration."""
    operator = _user("support-operator", "Нұрлан", "Қаржы агенті", [SUPPORT_OPERATOR])
    username, (first, last), name, bin_ = MEASURE_APPLICANT
    organisation = _organisation(name, bin_)
    owner = _user(username, first, last, [APPLICANT], organisation=organisation)
    if Case.objects.filter(workflow=MEASURE.id, organisation=organisation).exists():
        return []
    lines = []
    applicant = {"kind": "legal_entity", "name": name, "activity": "полимер өндірісін кеңейту",
                 "industrial_enterprise": True}
    for measure, facts, target in MEASURE_CASES:
        case = create_case(MEASURE, organisation, owner, title=name,
                           facts={"measure": measure, "applicant": applicant, "other_regime": None, **facts})
        case = fire(case, "submit", owner)
        if target == "granted":
            case = fire(case, "grant", operator, payload=MEASURE_DECISION)
        lines.append(f"Support measure demo: {case.number} ({measure}, {case.state})")
    return lines


def load() -> list[str]:
    """Create the demo world unless it exists (idempotent)."""
    today = law_context.today()
    analyst = _user("analyst", "Дана", "Талдаушы", [ANALYST])
    operator = _user("grant-operator", "Ержан", "Оператор", [GRANT_OPERATOR])
    start = dt.date(today.year - 1, 1, 10)
    _approved_study(analyst, start)
    _directions(analyst, start)
    _ledger(operator, today.year - 1)
    calls = _calls(operator, today)
    experts = _experts()
    members = _commission()
    lines = []
    for username, (first, last), name, bin_, direction, target in APPLICANTS:
        organisation = _organisation(name, bin_)
        owner = _user(username, first, last, [APPLICANT], organisation=organisation)
        if Case.objects.filter(workflow=GRANT.id, organisation=organisation).exists():
            continue
        call = calls["industrial_research" if direction == "AI-01" else "new_production"]
        case = create_case(GRANT, organisation, owner, title=name, facts=_application(owner, call, direction))
        _drive(case, owner, operator, experts, members, target)
        lines.append(f"Innovation grant demo: {case.number} ({target})")
    # The conflicted expert: an employee of the applicant under expertise, never seated on its panel.
    conflicted = Organisation.objects.filter(bin=APPLICANTS[2][3]).first()
    if conflicted is not None:
        Tie.objects.get_or_create(expert=experts[1], organisation=conflicted, kind=Tie.EMPLOYEE)
    lines = [*lines, *_measure_applications()] or ["Innovation grant demo exists"]
    return [*lines, "Innovation grants (password demo-2026): operator grant-operator; experts "
            + ", ".join(e[0] for e in EXPERTS) + "; commission grant-commission-1..3; applicants "
            + ", ".join(a[0] for a in APPLICANTS) + "; support measures: operator support-operator, applicant "
            + MEASURE_APPLICANT[0]]
