"""Fictional demo world of the targeted-programme service (everything marked demo), driven through
the real workflow: the competence-centre demo's designated centre for hydrogen energy drafts the
programme of `demo_document`, the national institute comments (p.32), the energy ministry returns it
with remarks once and the developer answers with version 2, the ministry concludes the review and
records two agreements (p.42), the HSTC recommends it at a meeting, the ministry approves it (p.43);
then two years of actuals: the installed capacity lags its target, the cost of hydrogen is ahead of
it, and the pilot electrolyser due in mid-2026 is not done (overdue). Runs after the competence-centre
and platform demos (whose centre, ministry and HSTC it uses); safe to run twice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from techpolicy.accounts.models import Organisation, User
from techpolicy.casework import law_context
from techpolicy.casework.engine import create_case, fire
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import store
from techpolicy.services.competence_centres import published as centres
from techpolicy.services.technology_platforms.demo import consider, hstc_commission
from techpolicy.services.technopark.demo import DEMO_PASSWORD, _user

from .demo_document import NAME, document
from .models import Agreement, MethodologicalComment
from .monitoring import plan_of
from .roles import HSTC_SECRETARY, NATIONAL_INSTITUTE
from .workflows import PROGRAMME

CENTRE_BIN = "990140000123"  # Satbayev University (demo), designated for hydrogen energy
MINISTRY_BIN = "000000000501"  # the energy ministry of the competence-centre demo
# (indicator, year, value): I1 adds up to 3.5 MW by 2026 against 5 (behind); I2 beats its targets.
ACTUALS = (("I1", 2025, "1.5"), ("I1", 2026, "2.0"), ("I2", 2025, "3250"), ("I2", 2026, "3050"))


def _people() -> tuple[User, User, User] | None:
    centre = Organisation.objects.filter(bin=CENTRE_BIN).first()
    ministry = Organisation.objects.filter(bin=MINISTRY_BIN).first()
    developer = User.objects.filter(organisation=centre).order_by("pk").first() if centre else None
    body = User.objects.filter(organisation=ministry).order_by("pk").first() if ministry else None
    if developer is None or body is None or centres.designated_centre(centre) is None:
        return None
    ni = User.objects.filter(username="ni").first() or _user("ni", "Дәурен", "Қасымов", [NATIONAL_INSTITUTE])
    return developer, body, ni


def _to_approval(case, developer: User, body: User, ni: User, today: dt.date):
    case = fire(case, "submit", developer)
    MethodologicalComment.objects.create(case=case, author=ni, version=1, text=(
        "Әдістемелік ескерту (демо): индикаторлардың базалық мәндерін болжау нәтижелерімен салыстырыңыз."))
    case = fire(case, "return_with_remarks", body, reason="Өзіндік құн индикаторының бірлігін нақтылаңыз (демо).")
    case = fire(case, "resubmit", developer, payload={"answer": "Бірлігі теңге/кг деп нақтыланды (демо)."})
    case = fire(case, "conclude_review", body, reason="Жоба мақсаттарға, өлшемшарттар мен құрылымға сәйкес (демо).")
    for organisation, outcome in (("Өнеркәсіп министрлігі (демо)", Agreement.AGREED),
                                  ("«Самұрық-Энерго» АҚ (демо)", Agreement.WITH_REMARKS)):
        Agreement.objects.create(case=case, organisation=organisation, outcome=outcome, agreed_on=today,
                                 reference=f"№ 01-{len(organisation)} (демо)", recorded_by=body)
    case = fire(case, "submit_to_hstc", body, payload={"confirm": "on"})
    commission, members = hstc_commission()
    secretary = _user("hstc_secretary", "Самал", "Төлеуова", [HSTC_SECRETARY], is_staff=True)
    consider(case, commission, secretary, members, today)
    case.refresh_from_db()
    return fire(case, "approve", body, payload={"decision_number": "НТБ-ДЕМО-2026-01",
                                                 "decided_on": today.isoformat(), "confirm": "on"})


def _monitoring(case, developer: User, body: User, today: dt.date) -> None:
    plan = plan_of(case)
    indicators = {i.code: i for i in plan.indicators.all()}
    for code, year, value in ACTUALS:
        row = store.save_actual(indicators[code], core.Actual(
            indicator=code, year=year, value=Decimal(value),
            provenance=core.Entered(kind="entered", evidence=f"Энергетика министрлігінің {year} жылғы есебі (демо)")),
            developer)
        store.approve(store.submit(row, developer), body)
    done = plan.obligations.filter(item="M1").first()
    if done is not None:
        done.done_on, done.evidence = dt.date(2025, 12, 20), "Бағдарлама бекітілді, бұйрық № 45 (демо)"
        done.save(update_fields=["done_on", "evidence"])


def load() -> list[str]:
    if PROGRAMME.id and plan_exists():
        return ["targeted-programme demo data already loaded"]
    people = _people()
    if people is None:
        return ["targeted-programme demo skipped: it needs the competence-centre demo's designated centre"]
    developer, body, ni = people
    today = law_context.today()
    facts = document("05", "05.01", body.organisation_id)
    case = create_case(PROGRAMME, developer.organisation, developer, title=NAME, facts=facts)
    case = _to_approval(case, developer, body, ni, today)
    _monitoring(case, developer, body, today)
    return [f"{NAME}: {case.state} ({case.number}); actuals 2025-2026, one indicator behind, one measure overdue",
            f"Targeted programmes (password {DEMO_PASSWORD}): developer {developer.username}, state body "
            f"{body.username}, national institute ni, HSTC working body hstc_secretary"]


def plan_exists() -> bool:
    from techpolicy.monitoring.models import Plan

    return Plan.objects.filter(owner_kind="ttp", name_kk=NAME).exists()
