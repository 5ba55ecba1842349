"""Texts (kk/ru/en) of the "Productivity 2020" reimbursement lines and refusals (act 004, 5.3)."""

from __future__ import annotations

from ...rules import Messages, render
from .instruments import InstrumentDefinition

# The kinds of cost (CostLine.kind) as a reimbursement line names them.
COST_KIND_NAMES: dict[str, Messages] = {
    "cpip_development": {"kk": "инвестициялық жобаның кешенді жоспарын әзірлеу",
                         "ru": "разработка комплексного плана инвестиционного проекта",
                         "en": "developing a comprehensive plan of the investment project"},
    "feasibility_study": {"kk": "техникалық-экономикалық негіздеме", "ru": "технико-экономическое обоснование",
                          "en": "feasibility study"},
    "feasibility_expertise": {"kk": "техникалық-экономикалық негіздеменің сараптамасы",
                              "ru": "экспертиза технико-экономического обоснования",
                              "en": "expertise of a feasibility study"},
    "training_fee": {"kk": "оқыту ұйымының қызметіне ақы", "ru": "оплата услуг обучающей организации",
                     "en": "training provider's fee"},
    "travel": {"kk": "жол жүру", "ru": "проезд", "en": "travel"},
    "accommodation": {"kk": "тұру", "ru": "проживание", "en": "accommodation"},
    "per_diem": {"kk": "тәуліктік шығындар", "ru": "суточные", "en": "per diem"},
    "expert_fee": {"kk": "шетелдік сарапшының қызметіне ақы", "ru": "оплата услуг иностранного эксперта",
                   "en": "foreign expert's fee"},
    "technical_diagnostics": {"kk": "техникалық диагностика", "ru": "техническая диагностика",
                              "en": "technical diagnostics"},
    "technology_improvement": {"kk": "технологиялық процестерді жетілдіру (консалтинг, жобалау, инжиниринг)",
                               "ru": "совершенствование технологических процессов (консалтинг, проектирование, "
                                     "инжиниринг)",
                               "en": "technological improvement (consulting, design, engineering)"},
    "efficiency_plan_development": {"kk": "өндіріс тиімділігін арттыру жоспарын әзірлеу",
                                    "ru": "разработка плана повышения эффективности производства",
                                    "en": "developing a production-efficiency plan"},
    "efficiency_plan_implementation": {"kk": "өндіріс тиімділігін арттыру жоспарын іске асыру",
                                       "ru": "реализация плана повышения эффективности производства",
                                       "en": "implementing a production-efficiency plan"},
    "cluster_strategy": {"kk": "кластердің даму стратегиясы мен жол картасы",
                         "ru": "стратегия развития и дорожная карта кластера",
                         "en": "cluster strategy and road map"},
    "cluster_strategy_implementation": {"kk": "кластер стратегиясын іске асыру", "ru": "реализация стратегии кластера",
                                        "en": "implementing a cluster strategy"},
    "other": {"kk": "басқа шығын", "ru": "иные затраты", "en": "other cost"},
}

TEXTS: dict[str, Messages] = {
    "cost": {
        "kk": "{id} шығыны ({kind}), {amount} теңге, {incurred_on}: өтеуге жататыны {eligible} теңге.",
        "ru": "Затраты {id} ({kind}), {amount} тенге от {incurred_on}: к возмещению принимается {eligible} тенге.",
        "en": "Cost {id} ({kind}), {amount} KZT of {incurred_on}: {eligible} KZT eligible.",
    },
    "cost_group": {
        "kk": "{id} шығыны ({kind}), {amount} теңге, {incurred_on}: өтеуге жататыны {eligible} теңге; бір шарт "
        "бойынша {count} қызметкерден тұратын топқа тең бөлінеді: {employees} — әрқайсысына {each} теңге.",
        "ru": "Затраты {id} ({kind}), {amount} тенге от {incurred_on}: к возмещению {eligible} тенге; группа из "
        "{count} работников по одному договору, стоимость делится поровну: {employees} — по {each} тенге.",
        "en": "Cost {id} ({kind}), {amount} KZT of {incurred_on}: {eligible} KZT eligible; a group of {count} "
        "employees sent under one contract, split equally: {employees} — {each} KZT each.",
    },
    "headcount.employee": {
        "kk": "{person} — {year} жылы кәсіпорын бойынша өтелетін {position}-қызметкер; жылына {limit} қызметкерден "
        "аспайды ({year} жылы бұрын {earlier} қызметкер өтелген). Оның шығындары алынып тасталды.",
        "ru": "{person} — {position}-й работник предприятия, по которому возмещались бы затраты в {year} году; не "
        "более {limit} работников в год (ранее в {year} году — {earlier}). Его затраты исключены.",
        "en": "{person} would be employee no. {position} of the enterprise reimbursed in {year}; at most {limit} a "
        "year ({earlier} reimbursed earlier in {year}). Their costs are excluded.",
    },
    "headcount.specialist": {
        "kk": "{person} — {year} жылы кәсіпорын бойынша өтелетін {position}-маман; жылына {limit} маманнан аспайды "
        "({year} жылы бұрын {earlier} маман өтелген). Оның шығындары алынып тасталды.",
        "ru": "{person} — {position}-й специалист предприятия, по которому возмещались бы затраты в {year} году; не "
        "более {limit} в год (ранее в {year} году — {earlier}). Его затраты исключены.",
        "en": "{person} would be specialist no. {position} of the enterprise reimbursed in {year}; at most {limit} "
        "a year ({earlier} reimbursed earlier in {year}). Their costs are excluded.",
    },
    "share": {
        "kk": "Өтеуге жататын {before} теңге шығынның {share} %-ы = {after} теңге.",
        "ru": "{share} % от затрат к возмещению {before} тенге = {after} тенге.",
        "en": "{share} % of the eligible costs of {before} KZT = {after} KZT.",
    },
    "cap.per_employee": {
        "kk": "Бір қызметкерге {cap} теңгеден аспайды ({person} үшін бұрын {prior} теңге өтелген): {before} → {after} "
        "теңге.",
        "ru": "Не более {cap} тенге на одного работника (по {person} ранее возмещено {prior} тенге): {before} → "
        "{after} тенге.",
        "en": "At most {cap} KZT per employee ({prior} KZT reimbursed earlier for {person}): {before} → {after} KZT.",
    },
    "cap.per_specialist_year": {
        "kk": "Бір маманға жылына {cap} теңгеден аспайды ({year} жылы {person} үшін бұрын {prior} теңге өтелген): "
        "{before} → {after} теңге.",
        "ru": "Не более {cap} тенге на одного специалиста в год (по {person} в {year} году ранее возмещено {prior} "
        "тенге): {before} → {after} тенге.",
        "en": "At most {cap} KZT per specialist per year ({prior} KZT reimbursed earlier in {year} for {person}): "
        "{before} → {after} KZT.",
    },
    "cap.instrument": {
        "kk": "{instrument} құралы бойынша бір өтінімге {cap} теңгеден аспайды: {before} → {after} теңге.",
        "ru": "Не более {cap} тенге по инструменту {instrument} на одну заявку: {before} → {after} тенге.",
        "en": "At most {cap} KZT per application under instrument {instrument}: {before} → {after} KZT.",
    },
    "cap.enterprise_size.sme": {
        "kk": "Шағын және орта кәсіпорындар үшін {cap} теңгеден аспайды: {before} → {after} теңге.",
        "ru": "Для малых и средних предприятий не более {cap} тенге: {before} → {after} тенге.",
        "en": "At most {cap} KZT for small and medium enterprises: {before} → {after} KZT.",
    },
    "cap.enterprise_size.large": {
        "kk": "Ірі кәсіпорындар үшін {cap} теңгеден аспайды: {before} → {after} теңге.",
        "ru": "Для крупных предприятий не более {cap} тенге: {before} → {after} тенге.",
        "en": "At most {cap} KZT for large enterprises: {before} → {after} KZT.",
    },
    "cap.percent_of_construction_cost": {
        "kk": "Құрылыс-монтаждау жұмыстары сомасының ({works} теңге) {percent} %-ынан, яғни {cap} теңгеден аспайды: "
        "{before} → {after} теңге.",
        "ru": "Не более {percent} % суммы строительно-монтажных работ ({works} тенге), то есть {cap} тенге: "
        "{before} → {after} тенге.",
        "en": "At most {percent} % of the construction and installation works ({works} KZT), i.e. {cap} KZT: "
        "{before} → {after} KZT.",
    },
}

REASONS: dict[str, Messages] = {
    "leasing": {
        "kk": "1-құрал — «ҚДБ-Лизинг» АҚ ұсынатын ұзақ мерзімді лизингтік қаржыландыру, шығындарды өтеу емес: сома "
        "есептелмейді; оның шарттарын өлшемшарттар тексереді.",
        "ru": "Инструмент 1 — долгосрочное лизинговое финансирование АО «КДБ-Лизинг», а не возмещение затрат: "
        "сумма не рассчитывается; его условия проверяются критериями.",
        "en": "Instrument 1 is long-term leasing financing by KDB-Leasing, not a reimbursement of costs: no amount "
        "is calculated; its conditions are checked by the eligibility rules.",
    },
    "rules_not_in_seed": {
        "kk": "6-құрал қолжетімсіз — оның қағидалары бастапқы мәтінде жоқ: оларды Қазақстан Республикасының "
        "Үкіметі бекітеді (5.3, 6-құрал); оператордың өз қағидаларын кейін жүктеуге болады.",
        "ru": "Инструмент 6 недоступен — правил нет в исходном тексте: их утверждает Правительство Республики "
        "Казахстан (5.3, инструмент 6); собственные правила оператора можно загрузить позже.",
        "en": "Instrument 6 is not available — rules not in the seed: the Government approves them (5.3, "
        "instrument 6); the operator's own rules can be loaded later.",
    },
    "not_in_force": {
        "kk": "{parameter} параметрінің {on} күні қолданыстағы мәні жоқ: бастапқы мәтіндегі редакция 2015 жылғы "
        "17 маусымнан бастап қолданылады.",
        "ru": "У параметра {parameter} нет значения, действующего на {on}: редакция исходного текста действует с "
        "17 июня 2015 года.",
        "en": "Parameter {parameter} has no value in force on {on}: the wording in the seed applies from 17 June "
        "2015.",
    },
}

NOTES: dict[str, Messages] = {
    "travel_norms": {
        "kk": "Мемлекеттік қызметшілердің шетелдік іссапар шығыстарын өтеу нормалары (5.3, 3-құрал) қолданылмады: "
        "ол нормалар бастапқы мәтінде жоқ; олардан асатын сомаларды оператор тексереді.",
        "ru": "Нормы возмещения расходов на зарубежные командировки государственных служащих (5.3, инструмент 3) не "
        "применены: их нет в исходном тексте; превышение этих норм проверяет оператор.",
        "en": "The norms for civil servants' foreign business trips that bound travel and accommodation (5.3, "
        "instrument 3) are not applied: they are outside the seed; the operator checks amounts above them.",
    },
}

_ROLES: dict[str, dict[str, str]] = {
    "share": {"kk": "өтелетін үлесі", "ru": "доля", "en": "share"},
    "cap": {"kk": "шекті сомасы", "ru": "предельная сумма", "en": "cap"},
    "lookback": {"kk": "шығындар кезеңі", "ru": "период затрат", "en": "look-back window"},
    "other": {"kk": "параметрі", "ru": "параметр", "en": "parameter"},
}
_AND = {"kk": " мен ", "ru": " и ", "en": " and "}
_UNSET: Messages = {
    "kk": "{instrument}-құралдың {what} бастапқы құжатта белгіленбеген ({parameters}): сома есептелмейді және "
    "ойдан қойылмайды; әкімші оларды күні көрсетілген параметрлер ретінде енгізе алады.",
    "ru": "По инструменту {instrument} {what} не установлены исходным документом ({parameters}): сумма не "
    "рассчитывается и не придумывается; администратор может ввести их как датированные параметры.",
    "en": "The {what} of instrument {instrument} {verb} not set by the source document ({parameters}): no amount is "
    "calculated and none is invented; an administrator may enter them as dated parameters.",
}


def unset_reason(definition: InstrumentDefinition, names: list[str]) -> Messages:
    """E.g. "The share and cap of instrument 8 are not set by the source document (...)"."""
    caps = {c.parameter for c in definition.caps}

    def role(name: str) -> str:
        if name == definition.share_parameter:
            return "share"
        if name in caps:
            return "cap"
        return "lookback" if name == definition.lookback_parameter else "other"

    roles = list(dict.fromkeys(role(n) for n in names))
    messages = {}
    for lang, template in _UNSET.items():
        what = _AND[lang].join(_ROLES[r][lang] for r in roles)
        number = definition.id.rstrip("ab")
        messages[lang] = render({lang: template}, {"instrument": number if lang == "kk" else definition.id,
                                                   "what": what, "verb": "are" if len(roles) > 1 else "is",
                                                   "parameters": ", ".join(names)})[lang]
    return messages
