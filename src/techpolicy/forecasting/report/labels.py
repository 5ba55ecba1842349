"""Every fixed text of the forecasting report in Kazakh, Russian and English.

Headings follow the wording of paragraph 12 of the Methodology approved by Order No. 133/НҚ (seed 000)
in its Kazakh text and the official Russian text; the HSTC is ЖҒТК in Kazakh and ВНТК in Russian.
A text may hold ``{placeholders}``, filled by :func:`label`.
"""

from __future__ import annotations

Messages = dict[str, str]  # language -> text, as in the law layer

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")

LABELS: dict[str, Messages] = {
    # --- title page ----------------------------------------------------------------------------
    "report_title": {
        "kk": "Технологиялық болжау нәтижелері",
        "ru": "Результаты технологического прогнозирования",
        "en": "Results of technology forecasting",
    },
    "number": {"kk": "Зерттеу нөмірі", "ru": "Номер исследования", "en": "Study number"},
    "direction": {
        "kk": "Сала немесе технологиялық бағыт",
        "ru": "Отрасль или технологическое направление",
        "en": "Sector or technology direction",
    },
    "horizon": {"kk": "Болжау көкжиегі", "ru": "Горизонт прогнозирования", "en": "Forecast horizon"},
    "horizon_value": {"kk": "{year} жылға дейін", "ru": "до {year} года", "en": "to {year}"},
    "organising_body": {
        "kk": "Болжауды ұйымдастырушы мемлекеттік орган",
        "ru": "Государственный орган — организатор прогнозирования",
        "en": "Organising state body",
    },
    "stage": {"kk": "Кезең", "ru": "Этап", "en": "Stage"},
    "status": {"kk": "Мәтіннің мәртебесі", "ru": "Статус текста", "en": "Status of the text"},
    "status_draft": {"kk": "Жоба, {version}-нұсқа", "ru": "Проект, версия {version}", "en": "Draft, version {version}"},
    "status_approved": {
        "kk": "Бекітілген мәтін, {version}-нұсқа",
        "ru": "Утверждённый текст, версия {version}",
        "en": "Approved text, version {version}",
    },
    "generated_on": {"kk": "Құрастырылған күні", "ru": "Дата формирования", "en": "Generated on"},
    "watermark": {"kk": "ЖОБА", "ru": "ПРОЕКТ", "en": "DRAFT"},
    "page": {"kk": "{page}-бет", "ru": "Стр. {page}", "en": "Page {page}"},
    "hstc_statement": {
        "kk": "Технологиялық болжау нәтижелері № 133/НҚ бұйрықпен бекітілген Әдістеменің 12-тармағының "
        "4) тармақшасына сәйкес Қазақстан Республикасы Үкіметінің жанындағы Жоғары ғылыми-техникалық "
        "комиссияның (ЖҒТК) қарауына шығарылады.",
        "ru": "Результаты технологического прогнозирования выносятся на рассмотрение Высшей научно-технической "
        "комиссии при Правительстве Республики Казахстан (ВНТК) в соответствии с подпунктом 4) пункта 12 "
        "Методики, утверждённой приказом № 133/НҚ.",
        "en": "The results of technology forecasting are submitted for consideration to the Higher Scientific and "
        "Technical Commission under the Government of the Republic of Kazakhstan (HSTC) under paragraph 12(4) "
        "of the Methodology approved by Order No. 133/НҚ.",
    },
    "draft_note": {
        "kk": "Жоба 12-тармақтың 2) тармақшасына сәйкес кеңінен талқылауға шығарылады; талқылау нәтижелері "
        "бойынша түзетулер енгізіледі.",
        "ru": "Проект выносится на широкое обсуждение в соответствии с подпунктом 2) пункта 12; по его итогам "
        "вносятся корректировки.",
        "en": "The draft is put to broad discussion under paragraph 12(2); corrections are made on its results.",
    },
    "cite": {
        "kk": "№ 133/НҚ бұйрықпен бекітілген Әдістеме: {refs}",
        "ru": "Методика, утверждённая приказом № 133/НҚ: {refs}",
        "en": "Methodology approved by Order No. 133/НҚ: {refs}",
    },
    "cite_ref": {
        "kk": "{paragraph}-тармақтың {sub}) тармақшасы",
        "ru": "подпункт {sub}) пункта {paragraph}",
        "en": "paragraph {paragraph}({sub})",
    },
    # --- stages (paragraph 9; the last two record 12(4) and 13(1)) ------------------------------
    "stage_preparatory": {"kk": "Дайындық кезеңі", "ru": "Подготовительный этап", "en": "Preparatory stage"},
    "stage_main": {"kk": "Негізгі кезең", "ru": "Основной этап", "en": "Main stage"},
    "stage_final": {"kk": "Қорытынды кезең", "ru": "Заключительный этап", "en": "Final stage"},
    "stage_submitted": {
        "kk": "ЖҒТК қарауына шығарылды",
        "ru": "Вынесено на рассмотрение ВНТК",
        "en": "Submitted to the HSTC",
    },
    "stage_approved": {"kk": "Нәтижелер бекітілді", "ru": "Результаты утверждены", "en": "Results approved"},
    # --- results, in the order of paragraph 12(1) ------------------------------------------------
    "results": {
        "kk": "Технологиялық болжау нәтижелері",
        "ru": "Результаты технологического прогнозирования",
        "en": "Results of technology forecasting",
    },
    "vision": {
        "kk": "Технологиялық және инновациялық дамудың пайымы мен мақсаттары",
        "ru": "Видение и цели технологического и инновационного развития",
        "en": "Vision and goals of technological and innovation development",
    },
    "vision_text": {"kk": "Пайым", "ru": "Видение", "en": "Vision"},
    "goals": {"kk": "Мақсаттар", "ru": "Цели", "en": "Goals"},
    "key_technologies": {
        "kk": "Түйінді (басым) технологиялар тізбесі",
        "ru": "Перечень ключевых (приоритетных) технологий",
        "en": "List of key (priority) technologies",
    },
    "grant_directions": {
        "kk": "Инновациялық гранттар берудің басым бағыттары бойынша ұсыныстар",
        "ru": "Предложения по приоритетным направлениям предоставления инновационных грантов",
        "en": "Proposals on priority directions for innovation grants",
    },
    "programme_directions": {
        "kk": "Нысаналы технологиялық бағдарламаларды қалыптастырудың басым бағыттары бойынша ұсыныстар",
        "ru": "Предложения по приоритетным направлениям формирования целевых технологических программ",
        "en": "Proposals on priority directions for targeted technology programmes",
    },
    "planning_proposals": {
        "kk": "Мемлекеттік жоспарлау жүйесінің құжаттарын және заңнаманы жетілдіру бойынша ұсыныстар",
        "ru": "Предложения по совершенствованию документов Системы государственного планирования и законодательства",
        "en": "Proposals to improve documents of the State Planning System and legislation",
    },
    "recommendations": {
        "kk": "Мемлекеттік органдарға арналған ұсынымдар",
        "ru": "Рекомендации для государственных органов",
        "en": "Recommendations to state bodies",
    },
    # --- evidence -----------------------------------------------------------------------------
    "evidence": {
        "kk": "Негіздеме: болжау әдістерінің нәтижелері",
        "ru": "Обоснование: результаты методов прогнозирования",
        "en": "Evidence: results of the forecasting methods",
    },
    "trends": {
        "kk": "Трендтерді экстраполяциялау және сарапшылық түзету",
        "ru": "Экстраполяция трендов и экспертная корректировка",
        "en": "Trend extrapolation and expert correction",
    },
    "delphi": {
        "kk": "Дельфи сауалнамасы: жауаптардың таралуы",
        "ru": "Дельфи-опрос: распределение ответов",
        "en": "Delphi survey: distribution of answers",
    },
    "consensus": {
        "kk": "Сарапшылар келісімінің турлар бойынша өзгеруі",
        "ru": "Динамика согласованности экспертов по турам",
        "en": "Evolution of expert consensus across rounds",
    },
    "radar": {"kk": "Технологиялар радары", "ru": "Технологический радар", "en": "Technology radar"},
    "scenarios": {
        "kk": "Жаңа технологияларды игеру сценарийлері",
        "ru": "Сценарии освоения новых технологий",
        "en": "Scenarios of mastering new technologies",
    },
    "swot": {
        "kk": "SWOT-талдау: көшбасшы және бәсекелес елдермен салыстырғандағы ішкі құзыреттер",
        "ru": "SWOT-анализ: внутренние компетенции в сравнении со странами-лидерами и странами-конкурентами",
        "en": "SWOT analysis: internal competences compared with leader and competitor countries",
    },
    "discussion": {
        "kk": "Нәтижелерді кеңінен талқылау",
        "ru": "Широкое обсуждение результатов",
        "en": "Broad discussion of the results",
    },
    # --- tables, axes and legends ---------------------------------------------------------------
    "figure": {"kk": "{n}-сурет. {caption}", "ru": "Рисунок {n}. {caption}", "en": "Figure {n}. {caption}"},
    "number_sign": {"kk": "№", "ru": "№", "en": "No."},
    "final_value": {
        "kk": "{year} жылғы мәні",
        "ru": "Значение в {year} году",
        "en": "Value in {year}",
    },
    "scenario": {"kk": "Сценарий", "ru": "Сценарий", "en": "Scenario"},
    "quadrant": {"kk": "Квадрант", "ru": "Квадрант", "en": "Quadrant"},
    "no_data": {"kk": "Деректер жоқ", "ru": "Нет данных", "en": "No data"},
    "code": {"kk": "Код", "ru": "Код", "en": "Code"},
    "technology": {"kk": "Технология", "ru": "Технология", "en": "Technology"},
    "rank": {"kk": "Орны", "ru": "Ранг", "en": "Rank"},
    "score": {"kk": "Балл: {method}", "ru": "Балл: {method}", "en": "Score: {method}"},
    "score_rank": {
        "kk": "Балл (есептелген орны): {method}",
        "ru": "Балл (расчётный ранг): {method}",
        "en": "Score (computed rank): {method}",
    },
    "computed_rank": {"kk": "Есептелген орны", "ru": "Расчётный ранг", "en": "Computed rank"},
    "place_in_list": {"kk": "Тізбедегі орны", "ru": "Место в перечне", "en": "Place in the list"},
    "computed_ranking": {
        "kk": "Есептелген рейтинг және тізбе",
        "ru": "Расчётный рейтинг и перечень",
        "en": "The computed ranking and the list",
    },
    "computed_intro": {
        "kk": "Тізбе — жобаның {version}-нұсқасындағы тізбе (ЖҒТК-ға ұсынылатын); есептелген орын — "
        "Әдістеменің 11-тармағының 7) тармақшасы бойынша «{method}» әдісімен есептелген рейтингтегі орын. "
        "Барлық бағаланған технологиялар:",
        "ru": "Перечень — перечень версии {version} проекта (выносимый на ВНТК); расчётный ранг — место в "
        "рейтинге, рассчитанном методом «{method}» согласно подпункту 7) пункта 11 Методики. "
        "Все оценённые технологии:",
        "en": "The list is that of version {version} of the draft (the one put to the HSTC); the computed rank is "
        "the place in the ranking computed by the {method} method under paragraph 11(7) of the Methodology. "
        "Every assessed technology:",
    },
    "list_edits": {
        "kk": "Тізбенің есептелген рейтингтен айырмашылықтары және олардың негіздемесі",
        "ru": "Отличия перечня от расчётного рейтинга и их обоснование",
        "en": "Where the list departs from the computed ranking, and why",
    },
    "edit_moved": {
        "kk": "{code} {name}: есептелген орны {computed}, тізбеде {listed}-орын; {why}",
        "ru": "{code} {name}: расчётный ранг {computed}, в перечне {listed}-е место; {why}",
        "en": "{code} {name}: computed rank {computed}, place {listed} in the list; {why}",
    },
    "edit_left_out": {
        "kk": "{code} {name}: есептелген орны {computed}, тізбеге енгізілмеген; {why}",
        "ru": "{code} {name}: расчётный ранг {computed}, в перечень не включена; {why}",
        "en": "{code} {name}: computed rank {computed}, not in the list; {why}",
    },
    "edit_unranked": {
        "kk": "{code} {name}: есептелмеген (бағалау деректері жоқ), тізбеде {listed}-орын; {why}",
        "ru": "{code} {name}: ранг не рассчитан (нет данных оценки), в перечне {listed}-е место; {why}",
        "en": "{code} {name}: not ranked (no assessment data), place {listed} in the list; {why}",
    },
    "edit_reason": {
        "kk": "жобаның {version}-нұсқасында белгіленген, негіздемесі: {reason}",
        "ru": "установлено в версии {version} проекта, обоснование: {reason}",
        "en": "set in version {version} of the draft, reason: {reason}",
    },
    "edit_no_reason": {
        "kk": "жобаның {version}-нұсқасында белгіленген, негіздемесі жазылмаған",
        "ru": "установлено в версии {version} проекта, обоснование не записано",
        "en": "set in version {version} of the draft, no reason recorded",
    },
    "state_body": {"kk": "Мемлекеттік орган", "ru": "Государственный орган", "en": "State body"},
    "recommendation": {"kk": "Ұсыным", "ru": "Рекомендация", "en": "Recommendation"},
    "year": {"kk": "Жыл", "ru": "Год", "en": "Year"},
    "value": {"kk": "Мәні", "ru": "Значение", "en": "Value"},
    "forecast": {"kk": "Болжам", "ru": "Прогноз", "en": "Forecast"},
    "lower": {"kk": "Төменгі шек", "ru": "Нижняя граница", "en": "Lower bound"},
    "upper": {"kk": "Жоғарғы шек", "ru": "Верхняя граница", "en": "Upper bound"},
    "observed": {"kk": "Бақыланған мәндер", "ru": "Наблюдаемые значения", "en": "Observed values"},
    "fitted": {"kk": "Бағаланған тренд", "ru": "Оценённый тренд", "en": "Fitted trend"},
    "interval": {
        "kk": "{level}% болжамдық аралық",
        "ru": "{level}% интервал прогноза",
        "en": "{level}% prediction interval",
    },
    "corrected": {"kk": "Сарапшылар түзеткен мән", "ru": "Скорректировано экспертами", "en": "Expert-corrected value"},
    "chosen_model": {
        "kk": "Таңдалған тренд: {model}; болжамдық аралық деңгейі {level}%.",
        "ru": "Выбранный тренд: {model}; уровень интервала прогноза {level}%.",
        "en": "Chosen trend: {model}; prediction interval level {level}%.",
    },
    "correction_line": {
        "kk": "{year} ж.: {fitted} → {corrected} ({author}; негіздеме: {reason})",
        "ru": "{year} г.: {fitted} → {corrected} ({author}; обоснование: {reason})",
        "en": "{year}: {fitted} → {corrected} ({author}; reason: {reason})",
    },
    "corrections": {"kk": "Сарапшылық түзетулер", "ru": "Экспертные корректировки", "en": "Expert corrections"},
    "model_linear": {"kk": "сызықтық", "ru": "линейный", "en": "linear"},
    "model_exponential": {"kk": "экспоненциалдық", "ru": "экспоненциальный", "en": "exponential"},
    "model_logistic": {"kk": "логистикалық", "ru": "логистический", "en": "logistic"},
    "answer_value": {"kk": "Жауап мәні", "ru": "Значение ответа", "en": "Answer value"},
    "experts": {"kk": "Сарапшылар саны", "ru": "Число экспертов", "en": "Number of experts"},
    "round": {"kk": "Тур", "ru": "Тур", "en": "Round"},
    "round_n": {"kk": "{n}-тур", "ru": "Тур {n}", "en": "Round {n}"},
    "answers": {"kk": "Жауаптар саны", "ru": "Число ответов", "en": "Answers"},
    "median": {"kk": "Медиана", "ru": "Медиана", "en": "Median"},
    "q1": {"kk": "Төменгі квартиль (Q1)", "ru": "Нижний квартиль (Q1)", "en": "Lower quartile (Q1)"},
    "q3": {"kk": "Жоғарғы квартиль (Q3)", "ru": "Верхний квартиль (Q3)", "en": "Upper quartile (Q3)"},
    "question_importance": {"kk": "Маңыздылығы", "ru": "Важность", "en": "Importance"},
    "question_year": {
        "kk": "Практикалық қолданылуының күтілетін жылы",
        "ru": "Ожидаемый год практического применения",
        "en": "Expected year of practical use",
    },
    "question_level_vs_leader": {
        "kk": "Көшбасшы елдермен салыстырғандағы деңгейі",
        "ru": "Уровень в сравнении со странами-лидерами",
        "en": "Level compared with leader countries",
    },
    "question_level_vs_competitor": {
        "kk": "Бәсекелес елдермен салыстырғандағы деңгейі",
        "ru": "Уровень в сравнении со странами-конкурентами",
        "en": "Level compared with competitor countries",
    },
    "question_barrier": {"kk": "Кедергі", "ru": "Барьер", "en": "Barrier"},
    "rel_iqr": {
        "kk": "Салыстырмалы квартильаралық құлаш (IQR / медиана)",
        "ru": "Относительный межквартильный размах (IQR / медиана)",
        "en": "Relative interquartile range (IQR / median)",
    },
    "rel_iqr_axis": {"kk": "IQR / медиана", "ru": "IQR / медиана", "en": "IQR / median"},
    "kendall_w_axis": {"kk": "Кендаллдың W коэффициенті", "ru": "W Кендалла", "en": "Kendall's W"},
    "iqr": {"kk": "Квартильаралық құлаш (IQR)", "ru": "Межквартильный размах (IQR)", "en": "Interquartile range (IQR)"},
    "kendall_w": {
        "kk": "Кендаллдың келісімділік коэффициенті W",
        "ru": "Коэффициент конкордации Кендалла W",
        "en": "Kendall's coefficient of concordance W",
    },
    "radar_legend": {
        "kk": "Шеңбер — практикалық қолданылуының күтілетін жылы (ортаға жақын — ертерек); нүктенің өлшемі — "
        "маңыздылық медианасы; түсі — көшбасшы елдермен салыстырғандағы деңгей.",
        "ru": "Кольцо — ожидаемый год практического применения (ближе к центру — раньше); размер точки — медиана "
        "важности; цвет — уровень в сравнении со странами-лидерами.",
        "en": "Ring: expected year of practical use (nearer the centre is sooner); point size: median importance; "
        "colour: level compared with leader countries.",
    },
    "no_year": {"kk": "жылы көрсетілмеген", "ru": "год не указан", "en": "no year given"},
    "example_note": {
        "kk": "Сценарийлердің сандық жорамалдары — зерттеудің өз параметрлері; Әдістеме оларды белгілемейді "
        "(11-тармақтың 8) тармақшасы тек сценарийлерді атайды).",
        "ru": "Числовые допущения сценариев — параметры самого исследования; Методика их не устанавливает "
        "(подпункт 8) пункта 11 лишь называет сценарии).",
        "en": "The numeric assumptions of the scenarios are the study's own; the Methodology sets none "
        "(paragraph 11(8) only names the scenarios).",
    },
    # --- the four scenarios of paragraph 11(8) ----------------------------------------------------
    "scenario_stagnation": {
        "kk": "Технологиялық тоқырау",
        "ru": "Технологическая стагнация",
        "en": "Technological stagnation",
    },
    "scenario_inertia": {"kk": "Технологиялық инерция", "ru": "Технологическая инерция", "en": "Technological inertia"},
    "scenario_new_niches": {
        "kk": "Жаңа технологиялық тауашалар",
        "ru": "Новые технологические ниши",
        "en": "New technological niches",
    },
    "scenario_breakthrough": {
        "kk": "Технологиялық серпіліс",
        "ru": "Технологический прорыв",
        "en": "Technological breakthrough",
    },
    # --- SWOT quadrants ---------------------------------------------------------------------------
    "swot_strength": {"kk": "Күшті жақтар", "ru": "Сильные стороны", "en": "Strengths"},
    "swot_weakness": {"kk": "Әлсіз жақтар", "ru": "Слабые стороны", "en": "Weaknesses"},
    "swot_opportunity": {"kk": "Мүмкіндіктер", "ru": "Возможности", "en": "Opportunities"},
    "swot_threat": {"kk": "Қауіп-қатерлер", "ru": "Угрозы", "en": "Threats"},
    # --- ranking methods ------------------------------------------------------------------------
    "method_weighted_sum": {"kk": "салмақталған қосынды", "ru": "взвешенная сумма", "en": "weighted sum"},
    "method_wsm": {"kk": "салмақталған қосынды", "ru": "взвешенная сумма", "en": "weighted sum"},
    "method_topsis": {"kk": "TOPSIS", "ru": "TOPSIS", "en": "TOPSIS"},
    # --- public discussion (paragraph 12(2)) ----------------------------------------------------
    "comments": {"kk": "Түскен ескертулер саны", "ru": "Поступило замечаний", "en": "Comments received"},
    "answered": {"kk": "Оның ішінде жауап берілгені", "ru": "Из них с ответом", "en": "Of which answered"},
    "discussion_corrections": {
        "kk": "Талқылау нәтижелері бойынша енгізілген түзетулер",
        "ru": "Корректировки, внесённые по итогам обсуждения",
        "en": "Corrections made on the results of the discussion",
    },
    "version_note": {
        "kk": "{version}-нұсқа: {note}",
        "ru": "Версия {version}: {note}",
        "en": "Version {version}: {note}",
    },
}


def check_language(lang: str) -> str:
    """`lang` if the report is written in it, else ValueError."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown report language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def label(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang`, with `values` filled in; ValueError for an unknown language."""
    text = LABELS[key][check_language(lang)]
    return text.format(**values) if values else text


def optional_label(key: str, lang: str, default: str) -> str:
    """The text `key` in `lang` when there is one (e.g. a model or method name), else `default`."""
    messages = LABELS.get(key)
    return messages[check_language(lang)] if messages else default


def question_label(question: str, lang: str) -> str:
    """A question key such as "importance" or "barrier:finance" in the report language."""
    base, _, qualifier = question.partition(":")
    text = optional_label("question_" + base, lang, base)
    return f"{text}: {qualifier}" if qualifier else text
