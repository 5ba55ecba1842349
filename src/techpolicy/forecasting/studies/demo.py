"""A fictional demo study driven through the real services: "Digital agriculture 2040", organised
by a ministry with four accepted experts (two domestic, two foreign), two closed Delphi rounds,
three imported indicator series (one with an expert correction), the analysis settings marked as
the illustrative examples they are, and the draft results open for public discussion with one comment
the analyst has published.

Every name, answer and number here is invented for demonstration; the series are generated from
known curves so the fits can be checked by eye."""

from __future__ import annotations

import datetime as dt

import numpy as np

from techpolicy.accounts.roles import ANALYST
from techpolicy.casework.law_context import today

from . import analysis_settings, discussion, evidence, moderation, panel, questionnaire, stages
from .models import Study, Technology
from .models.discussion import PUBLISH

TITLE = "Цифрлық ауыл шаруашылығы 2040 (демо)"
TECHNOLOGIES = [
    # code, kk, ru, en, (importance, year, level vs leader, level vs competitor) the panel converges to
    ("AG-01", "Дәлме-дәл егіншілік", "Точное земледелие", "Precision farming", (5, 2030, -1, 0)),
    ("AG-02", "Ауыл шаруашылығы дрондары", "Сельскохозяйственные дроны", "Agricultural drones", (4, 2029, -1, 1)),
    ("AG-03", "Мал геномикасы", "Геномика животноводства", "Livestock genomics", (4, 2034, -2, -1)),
    ("AG-04", "Топырақтың IoT-датчиктері", "IoT-датчики почвы", "IoT soil sensors", (4, 2028, 0, 1)),
    ("AG-05", "Вертикалды фермалар", "Вертикальные фермы", "Vertical farming", (2, 2036, -2, -1)),
]
EXPERTS = [
    # username, full name, country, organisation, fields, years, language
    ("expert-kz", "Ақжан Серікбаева", "KZ", "Қазақ ұлттық аграрлық зерттеу университеті (демо)",
     ["Agriculture", "ICT"], 14, "kk"),
    ("expert-kz2", "Руслан Омаров", "KZ", "Институт информационных технологий (демо)", ["ICT"], 9, "ru"),
    ("expert-de", "Jonas Weber", "DE", "Agricultural technology institute (demo)", ["Agriculture"], 21, "en"),
    ("expert-kr", "Min-jun Park", "KR", "Smart farming research centre (demo)", ["Agriculture", "ICT"], 12, "en"),
]


def _series_csv(years: np.ndarray, values: np.ndarray) -> bytes:
    return ("year,value\n" + "".join(f"{y},{v:.2f}\n" for y, v in zip(years, values, strict=True))).encode()


def _answers(rng: np.random.Generator, spread: float, previous: dict | None) -> dict[str, dict]:
    """One expert's answers: the panel's 'true' view plus noise that shrinks in the second round."""
    out = {}
    for code, *_names, (importance, year, leader, competitor) in TECHNOLOGIES:
        def noisy(centre, low, high, scale=1.0):
            return int(np.clip(round(centre + rng.normal(0, spread * scale)), low, high))
        base = previous[code] if previous else None
        out[code] = {
            "importance": noisy((importance + base["importance"]) / 2 if base else importance, 1, 5),
            "year": noisy(year, 2000, 2100, 3),
            "level_vs_leader": noisy(leader, -2, 2),
            "level_vs_competitor": noisy(competitor, -2, 2),
            "barriers": list(rng.choice(questionnaire.BARRIER_CODES, size=2, replace=False)),
            "competence": int(rng.integers(3, 6)),
            "comment": "",
        }
    return out


def _people():
    from techpolicy.services.technopark.demo import _user

    analyst = _user("analyst", "Дана", "Талдаушы", [ANALYST])
    experts = []
    for username, name, *profile in EXPERTS:
        first, last = name.split(maxsplit=1)
        experts.append((_user(username, first, last, [], language=profile[-1]), (name, *profile)))
    return analyst, experts


def load() -> list[str]:
    """Create the demo study unless it exists (idempotent)."""
    if Study.objects.filter(title=TITLE).exists():
        return [f"Forecast demo study exists: {Study.objects.get(title=TITLE).number}"]
    analyst, experts = _people()
    now = today()
    study = stages.create_study(
        analyst, title=TITLE, direction="Ауыл шаруашылығы / Agriculture", covered_sectors=["Agriculture", "ICT"],
        horizon_year=2040, organising_body="Ауыл шаруашылығы министрлігі (демо)",
        methods=["extrapolation", "foresight", "cyclic"], weighted=False,
        stop_rule={"max_rel_iqr": 0.5, "max_median_shift": 0.5, "min_answers": 3})
    for code, kk, ru, en, _view in TECHNOLOGIES:
        Technology.objects.create(study=study, code=code, name_kk=kk, name_ru=ru, name_en=en, sector="Agriculture")
    study.plan.create(stage="preparatory", activity="Жұмыс және сараптама топтарын қалыптастыру",
                      methods=["foresight"], kind_of_work="Шақырулар, мүдделер қақтығысы туралы декларациялар",
                      starts_on=now - dt.timedelta(days=60), ends_on=now - dt.timedelta(days=40),
                      done_on=now - dt.timedelta(days=41))
    study.plan.create(stage="main", activity="Delphi сауалнамасының екі турі", methods=["foresight"],
                      kind_of_work="Сауалнама, кері байланыс", starts_on=now - dt.timedelta(days=40),
                      ends_on=now + dt.timedelta(days=10))
    study.plan.create(stage="main", activity="Үрдістерді экстраполяциялау", methods=["extrapolation", "cyclic"],
                      kind_of_work="Патенттер, нарық көлемі, жарияланымдар", starts_on=now - dt.timedelta(days=30),
                      ends_on=now + dt.timedelta(days=20))
    study.plan.create(stage="final", activity="Нәтижелерді қоғамдық талқылау", methods=[],
                      kind_of_work="Дөңгелек үстел, жариялау", starts_on=now, ends_on=now + dt.timedelta(days=45))
    memberships = []
    for user, (name, country, org, fields, years, lang) in experts:
        invited = panel.invite(study, analyst, email=user.email, full_name=name, country=country, organisation=org,
                               fields=fields, experience_years=years, language=lang)
        memberships.append(panel.respond(invited, accept=True, user=user, no_conflict=True))
    study = stages.advance(study, "start_main", analyst, version=study.version,
                           reason="Отандық және шетелдік сарапшылар тартылды")
    rng = np.random.default_rng(2040)
    previous: dict = {}
    for spread in (0.9, 0.4):
        round_ = questionnaire.open_round(study, analyst, now + dt.timedelta(days=14))
        for membership, (_user, (*_rest, lang)) in zip(memberships, experts, strict=True):
            previous[membership.pk] = _answers(rng, spread, previous.get(membership.pk))
            questionnaire.submit(round_, membership, previous[membership.pk], lang)
        questionnaire.close_round(round_, analyst)
    years = np.arange(2008, 2026)
    t = years - 2008
    noise = rng.normal(0, 1, size=(3, len(years)))
    series = [
        ("AG-01", "Дәлме-дәл егіншілік патенттері (әлем)", "дана",
         1200 / (1 + np.exp(-0.45 * (years - 2021))) + 8 * noise[0]),
        ("AG-02", "Дрондар нарығы (Қазақстан)", "млрд теңге", 2.0 * np.exp(0.25 * t) * (1 + 0.02 * noise[1])),
        ("AG-04", "IoT датчиктері туралы жарияланымдар", "мақала", 40 + 12 * t + 4 * noise[2]),
    ]
    imported = {}
    for code, name, unit, values in series:
        imported[code] = evidence.import_series(
            study, analyst, upload_name=f"{code}.csv", data=_series_csv(years, np.maximum(values, 0.1)), name=name,
            unit=unit, source="Ойдан шығарылған демо деректер", technology=study.technologies.get(code=code))
    drones = evidence.trend_result(imported["AG-02"])
    fitted = next(p.value for p in drones.forecast.points if p.year == 2030)
    evidence.record_correction(imported["AG-02"], analyst, year=2030, corrected=round(fitted * 0.8, 2),
                               reason="Сарапшылар: импортқа тыйым салу нарықтың өсуін баяулатады (демо)")
    for key in analysis_settings.SETTINGS:
        study.refresh_from_db()
        example = analysis_settings.SETTINGS[key].example()
        analysis_settings.save_setting(study, analyst, key, example, version=study.version, is_example=True)
    study.refresh_from_db()
    study = stages.advance(study, "start_final", analyst, version=study.version)
    draft = discussion.publish_draft(
        study, analyst,
        vision="2040 жылға қарай Қазақстанның аграрлық секторы цифрлық технологияларды кеңінен қолданады (демо).",
        goals=["Дәлме-дәл егіншілікті 40 % алқапқа енгізу", "Отандық датчиктер өндірісін құру"],
        key_technologies=["AG-01", "AG-04", "AG-02"],
        grant_directions=["Дәлме-дәл егіншілікке арналған бағдарламалық қамтамасыз ету"],
        programme_directions=["Ауыл шаруашылығын цифрландырудың нысаналы технологиялық бағдарламасы"],
        planning_proposals=["Агроөнеркәсіптік кешенді дамыту тұжырымдамасына түзетулер"],
        recommendations=[{"body": "Ауыл шаруашылығы министрлігі",
                          "text": "Дрондарды сертификаттау тәртібін жеңілдету"}],
        discussion_closes_on=now + dt.timedelta(days=30))
    received = discussion.add_comment(draft, author_name="Ерлан Ахметов", author_email="erlan@example.kz",
                                      organisation="Фермерлер қауымдастығы (демо)",
                                      text="Вертикалды фермаларды да тізбеге қосуды ұсынамыз.")
    moderation.moderate(received, analyst, action=PUBLISH)  # the demo's analyst accepted it for the public
    return [f"Forecast demo study {study.number}: final stage, draft v{draft.number} open for comments",
            "Demo expert logins: " + ", ".join(e[0] for e in EXPERTS) + "; analyst: analyst"]
