"""Fictional demo world of the competence-centre service (everything marked demo): a vocabulary of
sectors and technology directions, two ministries and an akimat with the directions they supervise,
the authorized body and the national institute, and "Satbayev University (demo)" driven through the
real workflow to designation as the centre for hydrogen energy, with a methodological comment; a
second initiative waits for the authorized body. Safe to run twice."""

from __future__ import annotations

import datetime as dt

from techpolicy.accounts.models import Organisation
from techpolicy.accounts.roles import APPLICANT
from techpolicy.casework import law_context
from techpolicy.casework.engine import create_case, fire
from techpolicy.services.technopark.demo import DEMO_PASSWORD, _user

from .models import Direction, MethodologicalComment, Sector, StateBodyProfile, SupervisedDirection
from .roles import AUTHORIZED_BODY, NATIONAL_INSTITUTE, STATE_BODY
from .workflows import DESIGNATION

SOURCE = "Demo vocabulary: the Methodology names no sectors or directions"
SECTORS = (
    ("05", "Энергетика (демо)", "Энергетика (демо)", "Energy (demo)", (
        ("05.01", "Сутегі энергетикасы", "Водородная энергетика", "Hydrogen energy"),
        ("05.02", "Жаңартылатын энергия көздері", "Возобновляемые источники энергии", "Renewable energy sources"),
    )),
    ("07", "Ауыл шаруашылығы (демо)", "Сельское хозяйство (демо)", "Agriculture (demo)", (
        ("07.01", "Цифрлық ауыл шаруашылығы", "Цифровое сельское хозяйство", "Digital agriculture"),
    )),
    ("03", "Тау-кен металлургия кешені (демо)", "Горно-металлургический комплекс (демо)",
     "Mining and metallurgy (demo)", (
         ("03.01", "Металлургиядағы өндірістік процестерді цифрландыру", "Цифровизация производственных "
          "процессов в металлургии", "Digitalisation of production processes in metallurgy"),
     )),
)
BODIES = (
    # username, person, organisation, BIN, kind, supervised directions
    ("ministry", ("Бауыржан", "Ахметов"), "Энергетика министрлігі (демо)", "000000000501",
     StateBodyProfile.STATE_BODY, ("05.01", "05.02")),
    ("ministry_agri", ("Гүлнар", "Смағұлова"), "Ауыл шаруашылығы министрлігі (демо)", "000000000701",
     StateBodyProfile.STATE_BODY, ("07.01",)),
    ("akimat", ("Ерлан", "Жұмабаев"), "Қарағанды облысының әкімдігі (демо)", "000000000301",
     StateBodyProfile.LOCAL_EXECUTIVE_BODY, ("03.01",)),
)
SUPERVISED_FROM = dt.date(2020, 1, 1)
UNIVERSITY = ("satbayev", ("Айжан", "Серікова"), "Satbayev University (demo)", "990140000123")
SECOND = ("kaznu", ("Мұрат", "Оразов"), "Әл-Фараби атындағы ҚазҰУ (демо)", "990140000456")


def initiative(name: str, bin_: str, direction: Direction, body: Organisation, started_on: dt.date) -> dict:
    """The facts of an initiative that meets paragraph 17 (its experience counted from `started_on`)."""
    areas = ("programme_documents", "analytical_studies", "technology_assessment", "technical_regulation")
    return {
        "organisation": {"name": name, "bin": bin_, "kind": "hei"},
        "sector": direction.sector.code, "direction": direction.code, "state_body": body.pk,
        "experience": {"started_on": started_on.isoformat(), "evidence": "Ғылыми жобалар тізімі, 2015-2026 (демо)"},
        "staff": [{"name": f"Қызметкер {n} (демо)", "areas": [area], "evidence": f"Диплом және жарияланымдар №{n}"}
                  for n, area in enumerate(areas, start=1)],
        "own_funds": {"available": True, "amount_kzt": "250000000.00"},
        "material_base": {"available": True, "description": "Сутегі зертханасы және сынақ алаңы (демо)"},
        "funding_sources": [{"kind": "own", "description": "Университеттің өз қаражаты"},
                            {"kind": "attracted", "description": "Гранттық қаржыландыру (демо)"}],
    }


def vocabulary() -> dict[str, Direction]:
    directions = {}
    for code, kk, ru, en, rows in SECTORS:
        sector, _ = Sector.objects.get_or_create(code=code, defaults={"name_kk": kk, "name_ru": ru, "name_en": en,
                                                                       "source": SOURCE})
        for d_code, d_kk, d_ru, d_en in rows:
            directions[d_code], _ = Direction.objects.get_or_create(
                code=d_code, defaults={"sector": sector, "name_kk": d_kk, "name_ru": d_ru, "name_en": d_en,
                                       "source": SOURCE})
    return directions


def state_bodies(directions: dict[str, Direction]) -> dict:
    users = {}
    for username, (first, last), name, bin_, kind, supervised in BODIES:
        organisation, _ = Organisation.objects.get_or_create(bin=bin_, defaults={"name": name, "city": "Астана"})
        profile, _ = StateBodyProfile.objects.get_or_create(organisation=organisation, defaults={"kind": kind})
        for code in supervised:
            SupervisedDirection.objects.get_or_create(body=profile, direction=directions[code], defaults={
                "valid_from": SUPERVISED_FROM, "basis": "Министрліктің ережесі (демо)"})
        users[username] = _user(username, first, last, [STATE_BODY], organisation=organisation)
    return users


def load() -> list[str]:
    if Organisation.objects.filter(bin=UNIVERSITY[3]).exists():
        return ["competence-centre demo data already loaded"]
    directions = vocabulary()
    bodies = state_bodies(directions)
    ab = _user("ab", "Сәуле", "Нұрланова", [AUTHORIZED_BODY], is_staff=True)
    ni = _user("ni", "Дәурен", "Қасымов", [NATIONAL_INSTITUTE])
    ministry = bodies["ministry"]
    today = law_context.today()
    lines = []
    for (username, (first, last), name, bin_), code, steps in (
        (UNIVERSITY, "05.01", ("submit", "propose", "find_compliant", "designate")),
        (SECOND, "05.02", ("submit", "propose")),
    ):
        organisation = Organisation.objects.create(name=name, bin=bin_, city="Алматы")
        owner = _user(username, first, last, [APPLICANT], organisation=organisation)
        facts = initiative(name, bin_, directions[code], ministry.organisation, dt.date(2015, 9, 1))
        case = create_case(DESIGNATION, organisation, owner, title=name, facts=facts)
        for action in steps:
            actor = owner if action == "submit" else ab if action == "find_compliant" else ministry
            payload = {"decision_number": "ДЕМО-2026-01", "decision_date": today.isoformat(), "confirm": "on"} \
                if action == "designate" else {}
            case = fire(case, action, actor, payload=payload)
        MethodologicalComment.objects.create(case=case, author=ni, text=(
            "Әдістемелік ескерту (демо): бағыттың технологиялық болжау нәтижелерімен байланысын көрсетіңіз."))
        lines.append(f"{name}: {case.state} ({case.number})")
    lines.append(f"Competence centres (password {DEMO_PASSWORD}): state bodies "
                 + ", ".join(b[0] for b in BODIES) + f"; authorized body ab; national institute ni; "
                 f"applicants {UNIVERSITY[0]}, {SECOND[0]}")
    return lines
