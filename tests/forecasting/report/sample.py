"""A realistic report in each language, computed with the pure forecasting modules (seed 000, paragraph 12).

The trend comes from a known logistic series fitted by `trends`, the Delphi figures from a small
deterministic answers array summarised by `delphi`, the key technology list from `ranking`, the
scenario trajectories from `scenarios` (with the module's EXAMPLE numbers) and the SWOT from `swot`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from techpolicy.forecasting import ranking, scenarios, swot, trends
from techpolicy.forecasting.report import data as report
from techpolicy.forecasting.report.data import Discussion, ReportData, StudyMeta

TECHNOLOGIES = {  # code -> name per language
    "H2": {"kk": "Жасыл сутегі өндірісі", "ru": "Производство зелёного водорода", "en": "Green hydrogen production"},
    "PV": {"kk": "Перовскитті күн элементтері", "ru": "Перовскитные солнечные элементы", "en": "Perovskite solar cell"},
    "GRID": {"kk": "Зияткерлік электр желілері", "ru": "Интеллектуальные электросети", "en": "Smart electricity grids"},
    "STOR": {"kk": "Энергия жинақтау жүйелері", "ru": "Системы накопления энергии", "en": "Energy storage systems"},
}
QUESTIONS = ("importance", "year", "level_vs_leader", "level_vs_competitor")
CENTRES = {  # importance, year of practical use, level vs leader, level vs competitor (1..5)
    "H2": (5, 2031, 2, 3), "PV": (4, 2029, 2, 2), "GRID": (4, 2027, 3, 4), "STOR": (3, 2033, 1, 2),
}
YEARS = np.arange(2010, 2025)
HORIZON = 2035

TEXT = {
    "kk": {
        "title": "Энергетика саласын технологиялық болжау",
        "direction": "Энергетика: жаңартылатын энергия көздері және желілер",
        "body": "Қазақстан Республикасының Энергетика министрлігі",
        "vision": "2035 жылға қарай ел энергетикасы төмен көміртекті, икемді және цифрлық жүйеге айналады.",
        "goals": ["Жаңартылатын энергия көздерінің үлесін арттыру", "Шаһарлардың энергиямен жабдықталуын жақсарту"],
        "grants": ["Сутегі электролизерлерін әзірлеу", "Перовскитті элементтердің тұрақтылығын арттыру"],
        "programmes": ["Сутегі энергетикасының нысаналы технологиялық бағдарламасы"],
        "planning": ["Энергия жинақтау жүйелерін реттейтін нормаларды заңнамаға енгізу"],
        "recommendations": [("Энергетика министрлігі", "Энергия жинақтау жүйелеріне арналған тарифтік әдістемені "
                             "әзірлеу")],
        "trend": ("Электр өндірісіндегі ЖЭК үлесі", "Энергетикалық патенттік өтінімдер саны"),
        "units": ("%", "дана"),
        "author": "Сарапшы Ә. Қасымова",
        "reason": "Жаңа жел электр станцияларының құрылысы жоспарланған",
        "correction": "Сутегі технологиясының атауы нақтыланды",
    },
    "ru": {
        "title": "Технологическое прогнозирование в сфере энергетики",
        "direction": "Энергетика: возобновляемые источники энергии и сети",
        "body": "Министерство энергетики Республики Казахстан",
        "vision": "К 2035 году энергетика страны станет низкоуглеродной, гибкой и цифровой системой.",
        "goals": ["Увеличить долю возобновляемых источников энергии", "Обеспечить устойчивость сетей"],
        "grants": ["Разработка водородных электролизёров", "Повышение стабильности перовскитных элементов"],
        "programmes": ["Целевая технологическая программа водородной энергетики"],
        "planning": ["Включить в законодательство нормы о системах накопления энергии"],
        "recommendations": [("Министерство энергетики", "Разработать тарифную методику для систем накопления "
                             "энергии")],
        "trend": ("Доля ВИЭ в производстве электроэнергии", "Число патентных заявок в энергетике"),
        "units": ("%", "шт."),
        "author": "Эксперт А. Касымова",
        "reason": "Запланировано строительство новых ветровых электростанций",
        "correction": "Уточнено название водородной технологии",
    },
    "en": {
        "title": "Technology forecasting in the energy sector",
        "direction": "Energy: renewable sources and grids",
        "body": "Ministry of Energy of the Republic of Kazakhstan",
        "vision": "By 2035 the country's energy system is low-carbon, flexible and digital.",
        "goals": ["Raise the share of renewable energy sources", "Keep the grids stable"],
        "grants": ["Development of hydrogen electrolysers", "Stability of perovskite cells"],
        "programmes": ["Targeted technology programme for hydrogen energy"],
        "planning": ["Put rules on energy storage systems into legislation"],
        "recommendations": [("Ministry of Energy", "Develop a tariff methodology for energy storage systems")],
        "trend": ("Share of renewables in electricity generation", "Energy patent applications"),
        "units": ("%", "applications"),
        "author": "Expert A. Kassymova",
        "reason": "New wind farms are planned",
        "correction": "The name of the hydrogen technology was clarified",
    },
}


def delphi_answers() -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Three rounds, 15 experts, four questions per technology; answers converge round by round."""
    rng = np.random.default_rng(7)
    items = [(code, q) for code in TECHNOLOGIES for q in QUESTIONS]
    values = np.full((3, 15, len(items)), np.nan)
    for i, (code, question) in enumerate(items):
        centre = CENTRES[code][QUESTIONS.index(question)]
        for r in range(3):
            spread = (4.0 if question == "year" else 1.2) / (r + 1)
            answers = np.rint(centre + rng.normal(0, spread, 15))
            if question != "year":
                answers = np.clip(answers, 1, 5)
            values[r, :, i] = answers
    values[0, 14, :] = np.nan  # one expert skipped the first round
    return values, items


def logistic_series() -> np.ndarray:
    return 15.0 / (1 + np.exp(-0.45 * (YEARS - 2018.0))) + 0.15 * np.sin(YEARS)


def build_report(lang: str, *, is_draft: bool = True) -> ReportData:
    t = TEXT[lang]
    names = {code: n[lang] for code, n in TECHNOLOGIES.items()}
    # Trends (paragraph 8(1)): a known logistic series and a linear one, the second corrected by an expert.
    series = [logistic_series(), 120.0 + 9.0 * (YEARS - 2010) + 3.0 * np.cos(YEARS)]
    sections, central = [], []
    for k, values in enumerate(series):
        fit = trends.fit_trends(YEARS, values).chosen
        result = trends.forecast(fit, HORIZON)
        if k == 1:
            result = trends.correct(result, 2030, result.value(2030) * 1.1, author=t["author"], reason=t["reason"])
        sections.append(report.trend_section(t["trend"][k], t["units"][k], YEARS.tolist(), values.tolist(), result,
                                             fit, technology_code=("PV", None)[k]))
        central.append((fit, result))
    # Delphi (paragraph 8(2)), in technology names of the report language.
    values, items = delphi_answers()
    named = [(names[code], q) for code, q in items]
    importance = [i for i, (_, q) in enumerate(items) if q == "importance"]
    distributions = report.delphi_distributions(values[:, :, importance], [named[i] for i in importance])
    radar = report.radar_points(values, named)
    # Ranking of the key technologies (paragraph 11(7)).
    rows = {code: [p.importance, p.level_vs_leader, p.readiness_year]
            for code, p in zip(TECHNOLOGIES, radar, strict=True)}
    matrix = ranking.DecisionMatrix.from_rows(
        rows,
        ["importance", "level", ranking.Criterion("year", ranking.COST)],
    )
    ranked = ranking.rank_technologies(matrix, {"importance": 0.5, "level": 0.3, "year": 0.2})
    # Scenarios (paragraph 11(8)) on the two trend forecasts, with the module's EXAMPLE numbers.
    forecasts = []
    for k, (fit, result) in enumerate(central):
        years = np.array([p.year for p in result.points], dtype=float)
        logistic = None
        if fit.model == "logistic":
            p = fit.params
            logistic = scenarios.LogisticParams(p["K"], p["r"], p["t_mid"])
        forecasts.append(scenarios.TrendForecast(t["trend"][k], years, [result.value(int(y)) for y in years],
                                                 logistic))
    projection = scenarios.project_scenarios(forecasts, scenarios.EXAMPLE_SCENARIO_SET)
    # SWOT (paragraph 11(6)) from the Delphi medians moved to the signed -2..+2 scale swot expects.
    assessments = [swot.TechnologyAssessment(p.technology, p.importance, p.level_vs_leader - 3,
                                             p.level_vs_competitor - 3, 15, {"finance": 4 if i % 2 else 9})
                   for i, p in enumerate(radar)]
    quadrants = report.swot_quadrants(swot.build_swot(assessments, swot.EXAMPLE_SWOT_THRESHOLDS))
    return ReportData(
        meta=StudyMeta(number="TF-2026-03", title=t["title"], direction=t["direction"], horizon_year=HORIZON,
                       organising_body=t["body"], stage="final", generated_on=dt.date(2026, 9, 14), version=3,
                       is_draft=is_draft),
        vision=t["vision"],
        goals=t["goals"],
        key_technologies=report.key_technologies(ranked, names=names),
        grant_directions=t["grants"],
        programme_directions=t["programmes"],
        planning_proposals=t["planning"],
        recommendations=t["recommendations"],
        trends=sections,
        delphi=distributions,
        consensus=report.consensus_section(values, named),
        radar=radar,
        scenarios=report.scenario_series(projection, unit=t["units"][0]),
        swot=quadrants,
        discussion=Discussion(comments=42, answered=40, corrections=[(2, t["correction"])]),
    )


def chart_count(data: ReportData) -> int:
    """Charts the report embeds: one per trend, Delphi question and scenario set, plus consensus and radar."""
    return len(data.trends) + len(data.delphi) + len(data.scenarios) + 2
