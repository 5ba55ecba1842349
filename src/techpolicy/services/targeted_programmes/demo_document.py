"""The demo programme's document (fictional, marked demo): hydrogen energy 2025-2030, developed by
the competence-centre demo's designated centre and addressed to the energy ministry. Two target
indicators: installed electrolyser capacity (cumulative, higher is better) and the cost of hydrogen
(per year, lower is better); three measures, the first due in mid-2026."""

from __future__ import annotations

NAME = "Сутегі энергетикасын дамытудың 2025-2030 жылдарға арналған нысаналы технологиялық бағдарламасы (демо)"
STATE = [{"name": "Энергетика министрлігі (демо)", "kind": "state"}]
PRIVATE = [{"name": "«Дала Сутегі» ЖШС (демо)", "kind": "private"}]


def document(sector: str, direction: str, state_body: int) -> dict:
    """The case facts of the demo draft, as the programme's forms would give them."""
    return {
        "sector": sector, "direction": direction, "state_body": state_body,
        "state_planning_documents": [{"code": "D1", "title": "Қазақстан Республикасының 2060 жылға дейінгі "
                                      "көміртегі бейтараптығына қол жеткізу стратегиясы (демо)",
                                      "level": "1-деңгей", "item": "Сутегі энергетикасын дамыту"}],
        "technological_tasks": ["Жасыл сутегін өндірудің өзіндік құнын төмендету",
                                "Электролиз қондырғыларын отандық өндіруді игеру"],
        "technologies": [{"name": "Сілтілі электролиз", "key_technology": None},
                         {"name": "Протон алмасу мембраналы электролиз", "key_technology": None}],
        "participants": [{"name": "Энергетика министрлігі (демо)", "kind": "state"},
                         {"name": "«Дала Сутегі» ЖШС (демо)", "kind": "business"},
                         {"name": "Satbayev University (demo)", "kind": "education"},
                         {"name": "Химия ғылыми-зерттеу институты (демо)", "kind": "science"}],
        "target_consumers": "Энергетика, химия және көлік кәсіпорындары",
        "passport": {
            "name": NAME, "basis": "Көміртегі бейтараптығы стратегиясының 4.2-тармағы (демо)",
            "developer_body": "Энергетика министрлігі (демо)",
            "implementing_bodies": ["Энергетика министрлігі (демо)", "Өнеркәсіп министрлігі (демо)"],
            "goal": "Жасыл сутегін өндіру мен қолданудың отандық технологияларын дамыту",
            "tasks": ["Пилоттық қуаттарды іске қосу", "Сутегінің өзіндік құнын төмендету"],
            "period": {"start_year": 2025, "end_year": 2030},
            "financing_sources": [{"kind": "republican_budget", "name": "Республикалық бюджет",
                                   "amount_kzt": "6000000000.00"},
                                  {"kind": "attracted", "name": "Серіктестердің қаражаты (44-тармақ)",
                                   "amount_kzt": "4000000000.00"}],
            "financing_volume_kzt": "10000000000.00"},
        "introduction": {"justification": "Әлемдік сутегі нарығының өсуі және елдің көміртегі бейтараптығы "
                                          "мақсаттары бағдарламаны қажет етеді (демо)."},
        "analysis": {
            "world_trends": "Электролиз қуаттары әлемде жыл сайын екі есеге өсуде (демо).",
            "current_state": {
                "indicators": [{"name": "Сутегі өндірісі", "value": "0", "unit": "мың т", "year": 2024},
                               {"name": "Электролизерлер қуаты", "value": "0.5", "unit": "МВт", "year": 2024}],
                "problems": "Отандық жабдық жоқ.", "constraints": "Жаңартылатын энергия тапшы.",
                "potential": "Жел мен күн энергиясының әлеуеті жоғары.", "key_players": "ЖЭК өндірушілері.",
                "world_experience": "Германия, Австралия, Қытай тәжірибесі.",
                "strengths_weaknesses": "Ресурстар бар; құзыреттер аз.",
                "prospects_threats": "Экспорт мүмкіндігі; баға бәсекесі.",
                "trends": "Өзіндік құн төмендеуде."},
            "policy": {"normative_base": "Энергетика туралы заң (демо)", "practice": "Пилоттық жобалар жоқ.",
                       "results": "Стратегия қабылданды."},
            "priority_subdirection": "Жасыл сутегі"},
        "goals_and_tasks": {
            "goals": [{
                "code": "G1", "title": "Жасыл сутегін өндірудің отандық қуаттарын құру", "documents": ["D1"],
                "responsible": STATE,
                "indicators": [
                    {"code": "I1", "name": "Іске қосылған электролизерлердің жиынтық қуаты", "unit": "МВт",
                     "direction": "higher", "accumulation": "cumulative",
                     "baseline": {"year": 2024, "value": "0"}, "responsible": PRIVATE,
                     "values": [{"year": 2025, "value": "2", "kind": "interim"},
                                {"year": 2026, "value": "5", "kind": "interim"},
                                {"year": 2028, "value": "12", "kind": "interim"},
                                {"year": 2030, "value": "20", "kind": "final"}]},
                    {"code": "I2", "name": "Жасыл сутегінің өзіндік құны", "unit": "теңге/кг",
                     "direction": "lower", "accumulation": "per_period",
                     "baseline": {"year": 2024, "value": "3500"}, "responsible": PRIVATE,
                     "values": [{"year": 2025, "value": "3300", "kind": "interim"},
                                {"year": 2026, "value": "3100", "kind": "interim"},
                                {"year": 2028, "value": "2700", "kind": "interim"},
                                {"year": 2030, "value": "2200", "kind": "final"}]}]}],
            "tasks": [{"code": "T1", "title": "Пилоттық қуаттарды іске қосу", "goals": ["G1"], "responsible": STATE},
                      {"code": "T2", "title": "Сутегінің өзіндік құнын төмендету", "goals": ["G1"],
                       "responsible": PRIVATE}]},
        "action_plan": {
            "directions": ["Пилоттық жобалар", "Кадрлар мен стандарттар"],
            "measures": [
                {"code": "M1", "title": "Кадрларды даярлау бағдарламасын бекіту", "goal": "G1", "task": "T1",
                 "executor": "Satbayev University (demo)", "deadline": "2025-12-31", "resources": ["R2"]},
                {"code": "M2", "title": "5 МВт пилоттық электролизерді іске қосу", "goal": "G1", "task": "T1",
                 "executor": "«Дала Сутегі» ЖШС (демо)", "deadline": "2026-06-30", "resources": ["R1", "R3"]},
                {"code": "M3", "title": "Сутегі жабдығының ұлттық стандарттарын әзірлеу", "goal": "G1", "task": "T2",
                 "executor": "Энергетика министрлігі (демо)", "deadline": "2027-12-31", "resources": ["R1"]}]},
        "resources": {"items": [
            {"code": "R1", "kind": "financial", "description": "Бюджет қаражаты", "amount": "6000000000.00",
             "unit": "KZT", "source": "Республикалық бюджет"},
            {"code": "R4", "kind": "financial", "description": "Серіктестердің қаражаты", "amount": "4000000000.00",
             "unit": "KZT", "source": "Тартылған қаражат"},
            {"code": "R2", "kind": "labour", "description": "Инженерлер", "amount": "120", "unit": "адам",
             "source": "Satbayev University (demo)"},
            {"code": "R3", "kind": "material", "description": "Сынақ алаңы", "amount": "1", "unit": "алаң",
             "source": "«Дала Сутегі» ЖШС (демо)"}]},
        "demo": True,
    }
