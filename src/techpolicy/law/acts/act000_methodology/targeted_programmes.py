"""Act 000, chapter 5: targeted technology programmes ("нысаналы технологиялық бағдарламалар",
paragraphs 31-44), read beside the act: is a draft programme document fit to go to the HSTC?

The supervising state body reviews the draft "for conformity with the goals, criteria and
structure" (p.42): the developer (p.31, Order No. 198 wording), the criteria of p.33(1)-(6), the
six sections of p.34 and what each must hold (p.35-40). Each rule names the offending element by
its code ("task T3 is tied to no goal"), computed in Python for the text while the test that
decides stays one polars expression, so a population of drafts is decided as each draft alone.

Readings (section 14 of the requirements): R-C1 the developer is designated for the programme's
sector (required) and its direction (recommended: a note, not a refusal); R-C2 a technology not on
the key-technology list in force is a note, not a refusal; R-C3 the financial resources add up to
the passport's financing volume; R-C5 an indicator's baseline is optional. Paragraph 44 permits
attracted funds: "attracted" is a source kind like any other, nothing refuses it. The HSTC
submission, agreements and approval (p.42-43) are the service's workflow, not decided here.

Procedure "programme": `catalogue()["programme"].evaluate(facts, references={"key_technologies": {...}})`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import polars as pl

from ... import display, units
from ...citation import LANGUAGES
from ...columnar import Fields
from ...procedure import Procedure, declare, with_note
from ...rules import ColumnContext, Context, Messages, Verdict, optional, render
from .designation import cite, rule, rule_198, same_text, text_key
from .forecasting import KEY_TECHNOLOGIES
from .programme_facts import PARTICIPANT_KINDS, RESOURCE_KINDS, ProgrammeFacts

__all__ = ["PROGRAMME", "PROGRAMME_RULES", "ProgrammeFacts"]

MAX_PERIOD = "tp.ttp.max_period_years"
MAX_SHOWN = 20  # problems a text names; the rest are counted

# --- expressions over the elements -----------------------------------------------------------------


def _filled(text: pl.Expr) -> pl.Expr:
    """A text the document gives (the facts strip white space on input)."""
    return text.str.len_chars() > 0


def _flat(items: pl.Expr, name: str) -> pl.Expr:
    """The list field `name` of every element of `items`, joined into one list."""
    return items.list.eval(pl.element().struct.field(name).explode(keep_nulls=False, empty_as_null=False))


def _within(part: pl.Expr, whole: pl.Expr) -> pl.Expr:
    """Every value of the list `part` (nulls aside) is in the list `whole`."""
    return part.list.drop_nulls().list.set_difference(whole).list.len() == 0


def _codes(items: Any) -> pl.Expr:
    return items.map(lambda e: e.code)


def _in_years(years: pl.Expr, f: Fields) -> pl.Expr:
    """Every year of the list `years` lies inside the passport's period; true while no period is given
    (paragraph 35 refuses that)."""
    period = f.passport.period
    inside = ((years.list.min() >= period.start_year).fill_null(True)
              & (years.list.max() <= period.end_year).fill_null(True))
    return ~period.given().fill_null(False) | inside


# --- the texts of what was found wrong -------------------------------------------------------------

_MORE: Messages = {"kk": "тағы {n} ескерту", "ru": "и ещё замечаний: {n}", "en": "{n} more"}


class Found:
    """The problems one rule found, each a text in three languages with its values."""

    def __init__(self) -> None:
        self.items: list[tuple[Messages, dict[str, Any]]] = []

    def add(self, messages: Messages, **values: Any) -> None:
        self.items.append((messages, values))

    def details(self, **extra: Any) -> dict[str, Any]:
        details: dict[str, Any] = {"problems": len(self.items), **extra}
        for lang in LANGUAGES:
            shown = [m[lang].format(**{k: v[lang] if isinstance(v, dict) else v for k, v in values.items()})
                     for m, values in self.items[:MAX_SHOWN]]
            if len(self.items) > MAX_SHOWN:
                shown.append(_MORE[lang].format(n=len(self.items) - MAX_SHOWN))
            details[f"problems_{lang}"] = "; ".join(shown)
        return details


def _m(kk: str, ru: str, en: str) -> Messages:
    return {"kk": kk, "ru": ru, "en": en}


def _failure(kk: str, ru: str, en: str) -> Messages:
    """A failure text: the paragraph's words, then the problems found."""
    return {"kk": f"{kk}: {{problems_kk}}.", "ru": f"{ru}: {{problems_ru}}.", "en": f"{en}: {{problems_en}}."}


def _money(amount: Decimal | None) -> Messages:
    return {lang: units.quantity(amount, "KZT", lang) if amount is not None else "—" for lang in LANGUAGES}


def _join(codes: Iterable[str]) -> str:
    return ", ".join(codes)


# --- paragraph 31: the developer ---------------------------------------------------------------------

_NOT_DESIGNATED = _m(
    "әзірлеуші «{name}» салалық технологиялық құзырет орталығы ретінде айқындалмаған (тізілімде жазбасы жоқ)",
    "разработчик «{name}» не определён отраслевым центром технологических компетенций (записи в реестре нет)",
    "the developer «{name}» is not designated as a sectoral technology competence centre (no register entry)",
)
_OTHER_SECTOR = _m(
    "әзірлеуші «{designated}» саласы бойынша айқындалған, ал бағдарлама «{sector}» саласына арналған",
    "разработчик определён по отрасли «{designated}», а программа относится к отрасли «{sector}»",
    "the developer is designated for the sector «{designated}», the programme is for the sector «{sector}»",
)


def _developer(f: Fields, ctx: ColumnContext) -> pl.Expr:
    d = f.developer
    return d.competence_centre_entry.is_not_null() & (text_key(d.designated_sector) == text_key(f.sector))


def _developer_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    d, found = facts.developer, Found()
    if d.competence_centre_entry is None:
        found.add(_NOT_DESIGNATED, name=d.name)
    elif d.designated_sector is None or not same_text(d.designated_sector, facts.sector):
        found.add(_OTHER_SECTOR, designated=d.designated_sector or "—", sector=facts.sector)
    return found.details(developer=d.name, entry=d.competence_centre_entry, reading="R-C1: same sector required")


P31 = rule_198(
    "000.p31",
    cite("31"),
    _m("Нысаналы технологиялық бағдарламаларды бағдарлама саласы бойынша айқындалған салалық технологиялық "
       "құзырет орталықтары әзірлейді.",
       "Целевые технологические программы разрабатывают отраслевые центры технологических компетенций, "
       "определённые по отрасли программы.",
       "Targeted technology programmes are developed by sectoral technology competence centres designated for "
       "the programme's sector."),
    _failure("31-тармақ бойынша әзірлеуші бағдарламаны әзірлей алмайды",
             "Согласно п. 31 разработчик не вправе разрабатывать программу",
             "Under paragraph 31 the developer may not develop the programme"),
    _developer,
    explain=_developer_details,
)

# --- paragraph 33: the criteria of development --------------------------------------------------------

P33_1 = rule(
    "000.p33.1",
    cite("33", "1"),
    _m("Бағдарлама Мемлекеттік жоспарлау жүйесі құжаттарын іске асыруға бағытталуы тиіс.",
       "Программа должна быть направлена на реализацию документов Системы государственного планирования.",
       "The programme must be aimed at implementing documents of the State Planning System."),
    _failure("33-тармақтың 1) тармақшасы бойынша", "Согласно пп. 1) п. 33", "Under paragraph 33(1)"),
    lambda f, ctx: f.state_planning_documents.count() > 0,
    explain=lambda facts, ctx: _found_if(not facts.state_planning_documents, _m(
        "бағдарлама іске асыратын Мемлекеттік жоспарлау жүйесінің бірде-бір құжаты көрсетілмеген",
        "не указан ни один реализуемый программой документ Системы государственного планирования",
        "no State Planning System document the programme implements is named"),
        documents=[d.code for d in facts.state_planning_documents]),
)


def _found_if(condition: bool, messages: Messages, **extra: Any) -> dict[str, Any]:
    found = Found()
    if condition:
        found.add(messages)
    return found.details(**extra)


def _tasks_and_technologies_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found = Found()
    if not facts.technological_tasks:
        found.add(_m("кәсіпорындардың (салалардың) шешілетін технологиялық міндеттері көрсетілмеген",
                     "не указаны решаемые технологические задачи предприятий (отраслей)",
                     "no technological task of the enterprises (sectors) to solve is named"))
    if not facts.technologies:
        found.add(_m("дамытылатын перспективалы технологиялар көрсетілмеген",
                     "не указаны развиваемые перспективные технологии",
                     "no prospective technology to develop is named"))
    return found.details(technologies=[t.name for t in facts.technologies[:MAX_SHOWN]])


P33_2 = rule(
    "000.p33.2",
    cite("33", "2"),
    _m("Бағдарлама кәсіпорындардың (салалардың) технологиялық міндеттерін шешуге және перспективалы "
       "технологияларды дамытуға бағдарлануы тиіс.",
       "Программа должна быть ориентирована на решение технологических задач предприятий (отраслей) и развитие "
       "перспективных технологий.",
       "The programme must be oriented to solving technological tasks of enterprises (sectors) and developing "
       "prospective technologies."),
    _failure("33-тармақтың 2) тармақшасы бойынша", "Согласно пп. 2) п. 33", "Under paragraph 33(2)"),
    lambda f, ctx: (f.technological_tasks.list.len() > 0) & (f.technologies.count() > 0),
    explain=_tasks_and_technologies_details,
)

_NO_PARTICIPANT: dict[str, Messages] = {
    "state": _m("мемлекет тарапынан бірде-бір қатысушы көрсетілмеген",
                "не указан ни один участник со стороны государства", "no participant from the state is named"),
    "business": _m("кәсіпкерлік субъектілерінен бірде-бір қатысушы көрсетілмеген",
                   "не указан ни один субъект предпринимательства", "no participant from business is named"),
    "education": _m("білім субъектілерінен бірде-бір қатысушы көрсетілмеген",
                    "не указан ни один субъект образования", "no participant from education is named"),
    "science": _m("ғылым субъектілерінен бірде-бір қатысушы көрсетілмеген",
                  "не указан ни один субъект науки", "no participant from science is named"),
}


def _participants_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found = Found()
    for kind in PARTICIPANT_KINDS:
        if not any(p.kind == kind for p in facts.participants):
            found.add(_NO_PARTICIPANT[kind])
    return found.details()


P33_3 = rule(
    "000.p33.3",
    cite("33", "3"),
    _m("Бағдарлама мемлекеттің, кәсіпкерлік, білім және ғылым субъектілерінің өзара іс-қимылын көздеуі тиіс.",
       "Программа должна предусматривать взаимодействие государства, субъектов предпринимательства, образования "
       "и науки.",
       "The programme must provide for the interaction of the state and of business, education and science "
       "subjects."),
    _failure("33-тармақтың 3) тармақшасы бойынша", "Согласно пп. 3) п. 33", "Under paragraph 33(3)"),
    lambda f, ctx: pl.all_horizontal([f.participants.any(lambda p, k=kind: p.kind == k) for kind in PARTICIPANT_KINDS]),
    explain=_participants_details,
)

P33_4 = rule(
    "000.p33.4",
    cite("33", "4"),
    _m("Бағдарлама перспективалы технологияларды тұтынушылардың нысаналы тобының қажеттіліктерін "
       "қанағаттандыруға бағдарлануы тиіс.",
       "Программа должна быть ориентирована на удовлетворение потребностей целевой группы потребителей "
       "перспективных технологий.",
       "The programme must be oriented to the needs of a target group of consumers of prospective technologies."),
    _failure("33-тармақтың 4) тармақшасы бойынша", "Согласно пп. 4) п. 33", "Under paragraph 33(4)"),
    lambda f, ctx: _filled(f.target_consumers),
    explain=lambda facts, ctx: _found_if(not facts.target_consumers, _m(
        "перспективалы технологияларды тұтынушылардың нысаналы тобы сипатталмаған",
        "не описана целевая группа потребителей перспективных технологий",
        "no target group of consumers of the prospective technologies is described")),
)

# paragraph 33(5): an agreed system of goals, tasks, measures, resources and deadlines.

_GOAL_NO_TASK = _m("{code} мақсатына қол жеткізу үшін бірде-бір міндет қойылмаған",
                   "для цели {code} не поставлено ни одной задачи", "goal {code} has no task")
_MEASURE_NO_RESOURCES = _m("{code} іс-шарасына ресурстар бөлінбеген", "мероприятию {code} не выделены ресурсы",
                           "measure {code} is given no resources")
_MEASURE_UNKNOWN_RESOURCE = _m(
    "{code} іс-шарасы «Қажетті ресурстар» бөлімінде жоқ {resource} ресурсына сілтеме жасайды",
    "мероприятие {code} ссылается на ресурс {resource}, которого нет в разделе «Необходимые ресурсы»",
    "measure {code} cites resource {resource}, which is not in the section «required resources»")
_MEASURE_OUTSIDE = _m("{code} іс-шарасының мерзімі ({deadline}) {start}–{end} іске асыру мерзімінен тыс",
                      "срок мероприятия {code} ({deadline}) лежит вне срока реализации {start}–{end}",
                      "measure {code}'s deadline {deadline} lies outside the period {start}–{end}")


def _system(f: Fields, ctx: ColumnContext) -> pl.Expr:
    goals, tasks = f.goals_and_tasks.goals, f.goals_and_tasks.tasks
    measures = f.action_plan.measures
    every_goal_has_a_task = _within(_codes(goals), _flat(tasks.expr, "goals"))
    resourced = measures.all(lambda m: m.resources.list.len() > 0)
    known = _within(_flat(measures.expr, "resources"), _codes(f.resources.items))
    deadlines = measures.map(lambda m: m.deadline.dt.year()).list.drop_nulls()
    return every_goal_has_a_task & resourced & known & _in_years(deadlines, f)


def _system_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found = Found()
    gt, plan, resources = facts.goals_and_tasks, facts.action_plan, facts.resources
    served = {g for t in gt.tasks for g in t.goals}
    for goal in gt.goals:
        if goal.code not in served:
            found.add(_GOAL_NO_TASK, code=goal.code)
    codes = {r.code for r in resources.items}
    period = facts.passport.period if facts.passport is not None else None
    for m in plan.measures:
        if not m.resources:
            found.add(_MEASURE_NO_RESOURCES, code=m.code)
        for code in m.resources:
            if code not in codes:
                found.add(_MEASURE_UNKNOWN_RESOURCE, code=m.code, resource=code)
        dated = m.deadline is not None and period is not None
        if dated and not period.start_year <= m.deadline.year <= period.end_year:
            found.add(_MEASURE_OUTSIDE, code=m.code, deadline=m.deadline, start=period.start_year, end=period.end_year)
    return found.details()


def _sections(*names: str) -> Callable[[Fields], pl.Expr]:
    return lambda f: pl.all_horizontal([getattr(f, name).given() for name in names])


P33_5 = rule(
    "000.p33.5",
    cite("33", "5"),
    _m("Мерзімдері, ресурстары және мақсаттарды, нысаналы индикаторларды, міндеттер мен шараларды орындаушылар "
       "бойынша келісілген жүйе болуы, оларды іске асырудың дәйектілігі және бағдарламалық мақсаттарға қол "
       "жеткізуге бағдарлануы тиіс.",
       "Должна быть согласованная по исполнителям система сроков, ресурсов, целей, целевых индикаторов, задач и "
       "мероприятий, последовательность их реализации и ориентированность на достижение программных целей.",
       "There must be a system of deadlines, resources, goals, target indicators, tasks and measures agreed by "
       "executor, implemented in a consistent sequence and oriented to the programme's goals."),
    _failure("33-тармақтың 5) тармақшасы бойынша жүйе келісілмеген", "Согласно пп. 5) п. 33 система не согласована",
             "Under paragraph 33(5) the system is not agreed"),
    _system,
    applies=_sections("goals_and_tasks", "action_plan", "resources"),
    explain=_system_details,
)

# paragraph 33(6): balanced resources with their sources (reading R-C3).

_RESOURCE_LABELS: dict[str, Messages] = {
    "financial": _m("қаржылық", "финансовые", "financial"),
    "labour": _m("еңбек", "трудовые", "labour"),
    "material": _m("материалдық", "материальные", "material"),
}
_NO_KIND = _m("{kind} ресурстары көрсетілмеген", "не указаны {kind} ресурсы", "no {kind} resources are given")
_NO_SOURCE = _m("{code} ресурсының қамтамасыз ету көзі көрсетілмеген", "не указан источник обеспечения ресурса {code}",
                "resource {code} names no source")
_NO_VOLUME = _m("паспортта қаржыландыру көлемі көрсетілмеген, қаржылық ресурстарды ({total}) салыстыратын ештеңе жоқ",
                "в паспорте не указан объём финансирования, финансовые ресурсы ({total}) не с чем сравнить",
                "the passport gives no financing volume to compare the financial resources ({total}) with")
_TOTAL = _m("қаржылық ресурстардың жиыны ({total}) паспорттағы қаржыландыру көлеміне ({volume}) тең емес",
            "итог финансовых ресурсов ({total}) не равен объёму финансирования в паспорте ({volume})",
            "the financial resources total {total}, not the passport's financing volume {volume}")


def _financial(items: pl.Expr) -> pl.Expr:
    e = pl.element()
    return items.list.eval(e.filter(e.struct.field("kind") == "financial").struct.field("amount")).list.sum()


def _balanced(f: Fields, ctx: ColumnContext) -> pl.Expr:
    items = f.resources.items
    kinds = [items.any(lambda r, k=kind: r.kind == k) for kind in RESOURCE_KINDS]
    sourced = items.all(lambda r: _filled(r.source))
    # Without a passport (p.34 refuses that) there is no volume to compare with.
    equal = ~f.passport.given() | (_financial(items.expr) == f.passport.financing_volume_kzt)
    return pl.all_horizontal([*kinds, sourced, equal])


def _balanced_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, items = Found(), facts.resources.items
    for kind in RESOURCE_KINDS:
        if not any(r.kind == kind for r in items):
            found.add(_NO_KIND, kind=_RESOURCE_LABELS[kind])
    for r in items:
        if not r.source:
            found.add(_NO_SOURCE, code=r.code)
    total = sum((r.amount for r in items if r.kind == "financial"), Decimal(0))
    volume = facts.passport.financing_volume_kzt if facts.passport is not None else None
    if facts.passport is not None and volume is None:
        found.add(_NO_VOLUME, total=_money(total))
    elif volume is not None and total != volume:
        found.add(_TOTAL, total=_money(total), volume=_money(volume))
    return found.details(financial_total_kzt=total, financing_volume_kzt=volume,
                         reading="R-C3: the financial resources equal the passport's financing volume")


P33_6 = rule(
    "000.p33.6",
    cite("33", "6"),
    _m("Бағдарлама теңгерімді қаржылық, еңбек және материалдық ресурстармен және оларды қамтамасыз ету "
       "көздерімен қамтамасыз етілуі тиіс.",
       "Программа должна быть обеспечена сбалансированными финансовыми, трудовыми и материальными ресурсами и "
       "источниками их обеспечения.",
       "The programme must be provided with balanced financial, labour and material resources and the sources "
       "that provide them."),
    _failure("33-тармақтың 6) тармақшасы бойынша ресурстар теңгерімді емес",
             "Согласно пп. 6) п. 33 ресурсы не сбалансированы", "Under paragraph 33(6) the resources are not balanced"),
    _balanced,
    applies=_sections("resources"),
    explain=_balanced_details,
)

# --- paragraph 34: the structure ------------------------------------------------------------------------

SECTIONS: tuple[tuple[str, Messages], ...] = (
    ("passport", _m("паспорт (негізгі параметрлер)", "паспорт (основные параметры)", "passport (main parameters)")),
    ("introduction", _m("кіріспе", "введение", "introduction")),
    ("analysis", _m("ағымдағы жағдайды талдау", "анализ текущей ситуации", "analysis of the current situation")),
    ("goals_and_tasks", _m("мақсаттары, міндеттері", "цели, задачи", "goals, tasks")),
    ("action_plan", _m("бағдарламаның негізгі бағыттары, қойылған мақсаттарға қол жеткізу жолдары және тиісті шаралар",
                       "основные направления программы, пути достижения поставленных целей и соответствующие меры",
                       "main directions of the programme, ways of reaching its goals and the measures")),
    ("resources", _m("қажетті ресурстар", "необходимые ресурсы", "required resources")),
)
_NO_SECTION = _m("{number}) «{section}» бөлімі жоқ", "нет раздела {number}) «{section}»",
                 "section {number}) «{section}» is missing")
_NO_WORLD_TRENDS = _m("«Ағымдағы жағдайды талдау» бөлімінде әлемдік трендтерді талдау жоқ",
                      "в разделе «Анализ текущей ситуации» нет анализа мировых трендов",
                      "the analysis section holds no analysis of world trends")
_NO_SUBDIRECTION = _m("«Ағымдағы жағдайды талдау» бөлімінде басым кіші бағыт бөлінбеген",
                      "в разделе «Анализ текущей ситуации» не выделено приоритетное поднаправление",
                      "the analysis section selects no priority sub-direction")
_NO_DIRECTIONS = _m("5) бөлімде бағдарламаның негізгі бағыттары көрсетілмеген",
                    "в разделе 5) не указаны основные направления программы",
                    "section 5) names no main direction of the programme")


def _structure(f: Fields, ctx: ColumnContext) -> pl.Expr:
    given = [getattr(f, name).given() for name, _ in SECTIONS]
    parts = [_filled(f.analysis.world_trends), _filled(f.analysis.priority_subdirection),
             f.action_plan.directions.list.len() > 0]
    return pl.all_horizontal([*given, *parts])


def _structure_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found = Found()
    for number, (name, label) in enumerate(SECTIONS, start=1):
        if getattr(facts, name) is None:
            found.add(_NO_SECTION, number=number, section=label)
    if facts.analysis is not None:
        if not facts.analysis.world_trends:
            found.add(_NO_WORLD_TRENDS)
        if not facts.analysis.priority_subdirection:
            found.add(_NO_SUBDIRECTION)
    if facts.action_plan is not None and not facts.action_plan.directions:
        found.add(_NO_DIRECTIONS)
    return found.details(missing=[name for name, _ in SECTIONS if getattr(facts, name) is None])


P34 = rule(
    "000.p34",
    cite("34"),
    _m("Бағдарлама паспорттан, кіріспеден, ағымдағы жағдайды талдаудан, мақсаттары мен міндеттерінен, негізгі "
       "бағыттары мен шараларынан және қажетті ресурстардан тұруы тиіс.",
       "Программа должна состоять из паспорта, введения, анализа текущей ситуации, целей и задач, основных "
       "направлений и мер, необходимых ресурсов.",
       "The programme must consist of a passport, an introduction, an analysis of the current situation, goals and "
       "tasks, main directions and measures, and the required resources."),
    _failure("34-тармақ бойынша бағдарламаның құрылымы толық емес", "Согласно п. 34 структура программы неполная",
             "Under paragraph 34 the programme's structure is incomplete"),
    _structure,
    explain=_structure_details,
)

# --- paragraph 35: the passport -------------------------------------------------------------------------

_FIELD_MISSING = _m("{number}) {field} көрсетілмеген", "не указано: {number}) {field}",
                    "{number}) {field} is not given")
PASSPORT_FIELDS: tuple[tuple[str, str, Messages], ...] = (
    ("name", "1", _m("атауы", "наименование", "the name")),
    ("basis", "2", _m("әзірлеу үшін негіздеме", "основание для разработки", "the basis for development")),
    ("developer_body", "3", _m("бағдарламалық құжатты әзірлеуге жауапты мемлекеттік орган",
                               "государственный орган, ответственный за разработку",
                               "the state body responsible for development")),
    ("implementing_bodies", "3", _m("іске асыруға жауапты мемлекеттік органдар",
                                    "государственные органы, ответственные за реализацию",
                                    "the state bodies responsible for implementation")),
    ("goal", "4", _m("мақсаты", "цель", "the goal")),
    ("tasks", "5", _m("міндеттері", "задачи", "the tasks")),
    ("period", "6", _m("іске асыру мерзімі", "срок реализации", "the implementation period")),
    ("financing_sources", "7", _m("қаржыландыру көздері", "источники финансирования", "the financing sources")),
    ("financing_volume_kzt", "7", _m("қаржыландыру көлемі", "объём финансирования", "the financing volume")),
)
_SOURCES_SUM = _m("қаржыландыру көздерінің сомасы ({total}) қаржыландыру көлеміне ({volume}) тең емес",
                  "сумма источников финансирования ({total}) не равна объёму финансирования ({volume})",
                  "the financing sources add up to {total}, not the financing volume {volume}")
_TOO_LONG = _m("іске асыру мерзімі {years} жыл, ең ұзақ мерзім — {max_years} жыл",
               "срок реализации {years} лет при наибольшем {max_years}",
               "the period is {years} years, the longest allowed is {max_years}")


def _passport(f: Fields, ctx: ColumnContext) -> pl.Expr:
    p = f.passport
    present = [_filled(p.name), _filled(p.basis), _filled(p.developer_body), p.implementing_bodies.list.len() > 0,
               _filled(p.goal), p.tasks.list.len() > 0, p.period.given(), p.financing_sources.count() > 0,
               p.financing_volume_kzt.is_not_null()]
    total = p.financing_sources.map(lambda s: s.amount_kzt).list.sum()
    checks = [*present, total == p.financing_volume_kzt]
    longest = optional(ctx, MAX_PERIOD)
    if longest is not None:
        checks.append(p.period.end_year - p.period.start_year + 1 <= longest)
    return pl.all_horizontal(checks)


def _passport_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, p = Found(), facts.passport
    for name, number, label in PASSPORT_FIELDS:
        if getattr(p, name) in ("", [], None):
            found.add(_FIELD_MISSING, number=number, field=label)
    total = sum((s.amount_kzt for s in p.financing_sources), Decimal(0))
    if p.financing_sources and p.financing_volume_kzt is not None and total != p.financing_volume_kzt:
        found.add(_SOURCES_SUM, total=_money(total), volume=_money(p.financing_volume_kzt))
    longest = optional(ctx, MAX_PERIOD)
    years = p.period.end_year - p.period.start_year + 1 if p.period is not None else None
    if longest is not None and years is not None and years > longest:
        found.add(_TOO_LONG, years=years, max_years=longest)
    return found.details(period_years=years, max_period_years=longest,
                         unset=None if longest is not None else MAX_PERIOD,
                         reading="p.35(7): the amounts of the financing sources add up to the financing volume",
                         source_kinds=sorted({s.kind for s in p.financing_sources}))


P35 = rule(
    "000.p35",
    cite("35"),
    _m("Паспортта бағдарламалық құжаттың атауы, әзірлеу үшін негіздеме, әзірлеуге және іске асыруға жауапты "
       "мемлекеттік органдар, мақсаты, міндеттері, іске асыру мерзімі, қаржыландыру көздері мен көлемі "
       "баяндалады.",
       "В паспорте излагаются наименование, основание для разработки, государственные органы, ответственные за "
       "разработку и реализацию, цель, задачи, срок реализации, источники и объём финансирования.",
       "The passport sets out the name, the basis for development, the state bodies responsible for development "
       "and for implementation, the goal, the tasks, the implementation period and the financing sources and "
       "volume."),
    _failure("35-тармақ бойынша паспорт толық емес", "Согласно п. 35 паспорт неполон",
             "Under paragraph 35 the passport is incomplete"),
    _passport,
    applies=_sections("passport"),
    explain=_passport_details,
)

# --- paragraphs 36-37: introduction and analysis -------------------------------------------------------

P36 = rule(
    "000.p36",
    cite("36"),
    _m("«Кіріспе» бөлімінде ұсынылып отырған бағдарлама қажеттілігінің негіздемесі баяндалады.",
       "В разделе «Введение» излагается обоснование необходимости предлагаемой программы.",
       "The introduction sets out the justification of the need for the proposed programme."),
    _failure("36-тармақ бойынша", "Согласно п. 36", "Under paragraph 36"),
    lambda f, ctx: _filled(f.introduction.justification),
    applies=_sections("introduction"),
    explain=lambda facts, ctx: _found_if(not facts.introduction.justification, _m(
        "бағдарлама қажеттілігінің негіздемесі баяндалмаған", "не изложено обоснование необходимости программы",
        "the need for the programme is not justified")),
)

CURRENT_STATE_PARTS: tuple[tuple[str, Messages], ...] = (
    ("problems", _m("негізгі проблемалар", "основные проблемы", "the main problems")),
    ("constraints", _m("тежеуші факторлар", "сдерживающие факторы", "the constraining factors")),
    ("potential", _m("даму үшін қолда бар әлеует", "имеющийся потенциал для развития",
                     "the potential for development")),
    ("key_players", _m("негізгі ойыншыларды талдау", "анализ основных игроков", "the analysis of key players")),
    ("world_experience", _m("әлемдік тәжірибе", "мировой опыт", "world experience")),
    ("strengths_weaknesses", _m("күшті және әлсіз жақтары", "сильные и слабые стороны", "strengths and weaknesses")),
    ("prospects_threats", _m("перспективалар мен қауіп-қатерлер", "перспективы и угрозы", "prospects and threats")),
    ("trends", _m("үрдістер мен алғышарттар", "тенденции и предпосылки", "trends and prerequisites")),
)
_PART_MISSING = _m("{part} көрсетілмеген", "не указано: {part}", "{part}: not given")


def _current_state(f: Fields, ctx: ColumnContext) -> pl.Expr:
    state = f.analysis.current_state
    return pl.all_horizontal([state.indicators.count() > 0,
                              *(_filled(getattr(state, name)) for name, _ in CURRENT_STATE_PARTS)])


def _current_state_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, state = Found(), facts.analysis.current_state
    if not state.indicators:
        found.add(_m("ағымдағы жағдайды сипаттайтын цифрлық көрсеткіштер берілмеген",
                     "не приведены цифровые показатели, характеризующие текущую ситуацию",
                     "no digital indicator describing the current situation is given"))
    for name, label in CURRENT_STATE_PARTS:
        if not getattr(state, name):
            found.add(_PART_MISSING, part=label)
    return found.details(indicators=len(state.indicators))


P37_1 = rule(
    "000.p37.1",
    cite("37", "1"),
    _m("Қызмет саласының ағымдағы жағдайы цифрлық көрсеткіштермен, негізгі проблемалармен, тежеуші "
       "факторлармен, әлеуетпен, негізгі ойыншылармен, әлемдік тәжірибемен, күшті және әлсіз жақтарымен, "
       "перспективалар мен қауіп-қатерлермен бағаланып, үрдістер мен алғышарттар бөліп көрсетіледі.",
       "Текущая ситуация оценивается с цифровыми показателями, основными проблемами, сдерживающими факторами, "
       "потенциалом, основными игроками, мировым опытом, сильными и слабыми сторонами, перспективами и "
       "угрозами, с выделением тенденций и предпосылок.",
       "The current state of the field is assessed with digital indicators, main problems, constraining factors, "
       "potential, key players, world experience, strengths and weaknesses, prospects and threats, drawing out "
       "trends and prerequisites."),
    _failure("37-тармақтың 1) тармақшасы бойынша ағымдағы жағдайды бағалау толық емес",
             "Согласно пп. 1) п. 37 оценка текущей ситуации неполна",
             "Under paragraph 37(1) the assessment of the current state is incomplete"),
    _current_state,
    applies=_sections("analysis"),
    explain=_current_state_details,
)

POLICY_PARTS: tuple[tuple[str, Messages], ...] = (
    ("normative_base", _m("қолданыстағы нормативтік құқықтық база", "действующая нормативная правовая база",
                          "the normative legal base in force")),
    ("practice", _m("қолданыстағы практика", "действующая практика", "the practice in force")),
    ("results", _m("іс-шараларды іске асыру нәтижелері", "результаты реализации мероприятий",
                   "the results of the measures taken")),
)


def _policy_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found = Found()
    for name, label in POLICY_PARTS:
        if not getattr(facts.analysis.policy, name):
            found.add(_PART_MISSING, part=label)
    return found.details()


P37_2 = rule(
    "000.p37.2",
    cite("37", "2"),
    _m("Қызмет саласын дамытуды мемлекеттік реттеудің қолданыстағы саясатын талдау нормативтік құқықтық "
       "базаның, практиканың және нәтижелердің сипаттамасын қамтиды.",
       "Анализ действующей политики государственного регулирования включает описание нормативной правовой "
       "базы, практики и результатов.",
       "The analysis of the state policy in force describes the normative legal base, the practice and the "
       "results."),
    _failure("37-тармақтың 2) тармақшасы бойынша саясатты талдау толық емес",
             "Согласно пп. 2) п. 37 анализ политики неполон",
             "Under paragraph 37(2) the policy analysis is incomplete"),
    lambda f, ctx: pl.all_horizontal([_filled(getattr(f.analysis.policy, name)) for name, _ in POLICY_PARTS]),
    applies=_sections("analysis"),
    explain=_policy_details,
)

# --- paragraph 38: goals, tasks, target indicators ----------------------------------------------------

_NO_GOALS = _m("бірде-бір мақсат көрсетілмеген", "не указано ни одной цели", "no goal is set out")
_GOAL_NO_DOCUMENT = _m(
    "{code} мақсаты Мемлекеттік жоспарлау жүйесінің бірде-бір жоғары тұрған құжатына негізделмеген",
    "цель {code} не основана ни на одном вышестоящем документе Системы государственного планирования",
    "goal {code} cites no higher-standing document of the State Planning System")
_GOAL_UNKNOWN_DOCUMENT = _m("{code} мақсаты бағдарламаның құжаттар тізбесінде жоқ {document} құжатына сілтеме жасайды",
                            "цель {code} ссылается на документ {document}, которого нет в перечне документов программы",
                            "goal {code} cites {document}, which is not among the programme's planning documents")


def _goals_grounded(f: Fields, ctx: ColumnContext) -> pl.Expr:
    goals = f.goals_and_tasks.goals
    return ((goals.count() > 0) & goals.all(lambda g: g.documents.list.len() > 0)
            & _within(_flat(goals.expr, "documents"), _codes(f.state_planning_documents)))


def _goals_grounded_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, goals = Found(), facts.goals_and_tasks.goals
    documents = {d.code for d in facts.state_planning_documents}
    if not goals:
        found.add(_NO_GOALS)
    for goal in goals:
        if not goal.documents:
            found.add(_GOAL_NO_DOCUMENT, code=goal.code)
        for code in goal.documents:
            if code not in documents:
                found.add(_GOAL_UNKNOWN_DOCUMENT, code=goal.code, document=code)
    return found.details()


P38_A1 = rule(
    "000.p38.a1",
    cite("38", note="indent 1"),
    _m("Мақсаттар Мемлекеттік жоспарлау жүйесінің жоғары тұрған құжаттары негізге алына отырып қалыптастырылады.",
       "Цели формируются на основе вышестоящих документов Системы государственного планирования.",
       "The goals are formed on the basis of higher-standing documents of the State Planning System."),
    _failure("38-тармақтың 1-абзацы бойынша", "Согласно абзацу 1 п. 38", "Under paragraph 38, indent 1"),
    _goals_grounded,
    applies=_sections("goals_and_tasks"),
    explain=_goals_grounded_details,
)

_GOAL_NO_INDICATOR = _m("{code} мақсатында нысаналы индикатор жоқ", "у цели {code} нет целевого индикатора",
                        "goal {code} has no target indicator")
_NO_UNIT = _m("{code} индикаторының өлшем бірлігі көрсетілмеген", "не указана единица измерения индикатора {code}",
              "indicator {code} has no unit")
_NO_DIRECTION = _m("{code} индикаторы үшін қай мәннің жақсы екені (жоғарысы ма, төмені ме) көрсетілмеген",
                   "для индикатора {code} не указано, какое значение лучше — большее или меньшее",
                   "indicator {code} does not say whether a higher or a lower value is better")
_NO_INTERIM = _m("{code} индикаторының аралық мәні жоқ", "у индикатора {code} нет промежуточного значения",
                 "indicator {code} has no interim value")
_FINALS = _m("{code} индикаторының түпкілікті мәні біреу болуы тиіс, көрсетілгені: {count}",
             "у индикатора {code} должно быть одно итоговое значение, указано: {count}",
             "indicator {code} needs exactly one final value, it has {count}")
_SAME_YEAR = _m("{code} индикаторында {year} жылға бірнеше мән берілген",
                "у индикатора {code} несколько значений на {year} год",
                "indicator {code} gives several values for {year}")
_FINAL_NOT_LAST = _m("{code} индикаторының түпкілікті мәнінің жылы ({year}) аралық мәндерінің жылдарынан кейін емес",
                     "год итогового значения индикатора {code} ({year}) не позже годов его промежуточных значений",
                     "the final value of indicator {code} ({year}) does not come after its interim values")
_YEAR_OUTSIDE = _m("{code} индикаторының {year} жылы {start}–{end} іске асыру мерзімінен тыс",
                   "{year} год индикатора {code} лежит вне срока реализации {start}–{end}",
                   "indicator {code}'s year {year} lies outside the period {start}–{end}")


def _indicators_of(goals: Any) -> pl.Expr:
    return _flat(goals.expr, "indicators")


def _indicator_valid(i: pl.Expr) -> pl.Expr:
    """One indicator (a struct): unit, direction, interim values, one final value in the last year."""
    e = pl.element()
    values = i.struct.field("values")
    years = values.list.eval(e.struct.field("year"))
    finals = values.list.eval(e.filter(e.struct.field("kind") == "final").struct.field("year"))
    interims = values.list.eval(e.struct.field("kind") == "interim").list.sum()
    return (_filled(i.struct.field("unit")) & i.struct.field("direction").is_not_null() & (interims >= 1)
            & (finals.list.len() == 1) & (years.list.n_unique() == years.list.len())
            & (finals.list.first() == years.list.max()))


def _indicators(f: Fields, ctx: ColumnContext) -> pl.Expr:
    goals = f.goals_and_tasks.goals
    indicators = _indicators_of(goals)
    each = indicators.list.eval(_indicator_valid(pl.element()).fill_null(False)).list.all()
    years = indicators.list.eval(pl.element().struct.field("values").explode(keep_nulls=False, empty_as_null=False)
                                 .struct.field("year"))
    return goals.all(lambda g: g.indicators.count() > 0) & each & _in_years(years, f)


def _indicators_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found = Found()
    period = facts.passport.period if facts.passport is not None else None
    for goal in facts.goals_and_tasks.goals:
        if not goal.indicators:
            found.add(_GOAL_NO_INDICATOR, code=goal.code)
        for i in goal.indicators:
            if not i.unit:
                found.add(_NO_UNIT, code=i.code)
            if i.direction is None:
                found.add(_NO_DIRECTION, code=i.code)
            if not any(v.kind == "interim" for v in i.values):
                found.add(_NO_INTERIM, code=i.code)
            finals = [v.year for v in i.values if v.kind == "final"]
            if len(finals) != 1:
                found.add(_FINALS, code=i.code, count=len(finals))
            years = [v.year for v in i.values]
            for year in sorted({y for y in years if years.count(y) > 1}):
                found.add(_SAME_YEAR, code=i.code, year=year)
            if len(finals) == 1 and finals[0] != max(years):
                found.add(_FINAL_NOT_LAST, code=i.code, year=finals[0])
            if period is not None:
                for year in sorted({y for y in years if not period.start_year <= y <= period.end_year}):
                    found.add(_YEAR_OUTSIDE, code=i.code, year=year, start=period.start_year, end=period.end_year)
    return found.details(achievement_formula=optional(ctx, "tp.ttp.achievement_formula"),
                         reading="R-C5: a baseline value is optional")


P38_A2 = rule(
    "000.p38.a2",
    cite("38", note="indent 2"),
    _m("Әрбір мақсат айқын, нақты, бақыланатын, тексерілетін және бағаланатын болып, қол жеткізу дәрежесін "
       "айқындауға мүмкіндік беретін аралық және түпкілікті мәндері бар нысаналы индикаторларды қамтиды.",
       "Каждая цель ясна, конкретна, контролируема, проверяема и оцениваема и содержит целевые индикаторы с "
       "промежуточными и итоговыми значениями, позволяющие определить степень её достижения.",
       "Every goal is clear, specific, controllable, verifiable and assessable and contains target indicators with "
       "interim and final values that allow the degree of its achievement to be determined."),
    _failure("38-тармақтың 2-абзацы бойынша нысаналы индикаторлар талапқа сай емес",
             "Согласно абзацу 2 п. 38 целевые индикаторы не соответствуют требованиям",
             "Under paragraph 38, indent 2 the target indicators do not meet the requirements"),
    _indicators,
    applies=_sections("goals_and_tasks"),
    explain=_indicators_details,
)

_TASK_NO_GOAL = _m("{code} міндеті ешбір мақсатқа байланыстырылмаған", "задача {code} не привязана ни к одной цели",
                   "task {code} is tied to no goal")
_TASK_GOALS = _m("{code} міндеті бір мақсатқа емес, {count} мақсатқа байланыстырылған ({goals})",
                 "задача {code} привязана не к одной, а к {count} целям ({goals})",
                 "task {code} is tied to {count} goals ({goals}), not to exactly one")
_TASK_UNKNOWN_GOAL = _m("{code} міндеті бағдарламада жоқ {goal} мақсатына байланыстырылған",
                        "задача {code} привязана к цели {goal}, которой нет в программе",
                        "task {code} is tied to {goal}, which is not a goal of the programme")


def _tasks(f: Fields, ctx: ColumnContext) -> pl.Expr:
    gt = f.goals_and_tasks
    return gt.tasks.all(lambda t: t.goals.list.len() == 1) & _within(_flat(gt.tasks.expr, "goals"), _codes(gt.goals))


def _tasks_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, gt = Found(), facts.goals_and_tasks
    goals = {g.code for g in gt.goals}
    for task in gt.tasks:
        if not task.goals:
            found.add(_TASK_NO_GOAL, code=task.code)
        elif len(task.goals) > 1:
            found.add(_TASK_GOALS, code=task.code, count=len(task.goals), goals=_join(task.goals))
        for code in task.goals:
            if code not in goals:
                found.add(_TASK_UNKNOWN_GOAL, code=task.code, goal=code)
    return found.details()


P38_A3 = rule(
    "000.p38.a3",
    cite("38", note="indent 3"),
    _m("Міндеттер бағдарламаның тиісті мақсатына қол жеткізу үшін орындалуы қажет негізгі шарттар болып "
       "табылады: әр міндет бір мақсатқа қызмет етеді.",
       "Задачи являются основными условиями достижения соответствующей цели программы: каждая задача служит "
       "одной цели.",
       "Tasks are the main conditions for reaching the corresponding goal of the programme: each task serves one "
       "goal."),
    _failure("38-тармақтың 3-абзацы бойынша", "Согласно абзацу 3 п. 38", "Under paragraph 38, indent 3"),
    _tasks,
    applies=_sections("goals_and_tasks"),
    explain=_tasks_details,
)

_NO_RESPONSIBLE = {
    "goal": _m("{code} мақсатына қол жеткізуге жауапты ұйым көрсетілмеген",
               "не указана организация, ответственная за достижение цели {code}",
               "goal {code} names no responsible organisation"),
    "task": _m("{code} міндетін шешуге жауапты ұйым көрсетілмеген",
               "не указана организация, ответственная за решение задачи {code}",
               "task {code} names no responsible organisation"),
    "indicator": _m("{code} индикаторына қол жеткізуге жауапты ұйым көрсетілмеген",
                    "не указана организация, ответственная за достижение индикатора {code}",
                    "indicator {code} names no responsible organisation"),
}


def _responsible(f: Fields, ctx: ColumnContext) -> pl.Expr:
    gt = f.goals_and_tasks
    indicators = _indicators_of(gt.goals).list.eval(pl.element().struct.field("responsible").list.len() > 0)
    return (gt.goals.all(lambda g: g.responsible.count() > 0) & gt.tasks.all(lambda t: t.responsible.count() > 0)
            & indicators.list.all())


def _responsible_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, gt = Found(), facts.goals_and_tasks
    for goal in gt.goals:
        if not goal.responsible:
            found.add(_NO_RESPONSIBLE["goal"], code=goal.code)
    for task in gt.tasks:
        if not task.responsible:
            found.add(_NO_RESPONSIBLE["task"], code=task.code)
    for goal in gt.goals:
        for i in goal.indicators:
            if not i.responsible:
                found.add(_NO_RESPONSIBLE["indicator"], code=i.code)
    return found.details(reading="at least one responsible state or private organisation on each goal, task and "
                                 "indicator")


P38_A4 = rule(
    "000.p38.a4",
    cite("38", note="indent 4"),
    _m("Мақсаттар, міндеттер мен нысаналы индикаторлар оларға қол жеткізуге жауапты мемлекеттік және жеке "
       "ұйымдар көрсетіле отырып келтіріледі.",
       "Цели, задачи и целевые индикаторы приводятся с указанием ответственных за их достижение государственных "
       "и частных организаций.",
       "Goals, tasks and target indicators are given with the state and private organisations responsible for "
       "reaching them."),
    _failure("38-тармақтың 4-абзацы бойынша", "Согласно абзацу 4 п. 38", "Under paragraph 38, indent 4"),
    _responsible,
    applies=_sections("goals_and_tasks"),
    explain=_responsible_details,
)

# --- paragraph 39: the measures ------------------------------------------------------------------------

_MEASURE_NO_GOAL = _m("{code} іс-шарасы ешбір мақсатқа байланыстырылмаған",
                      "мероприятие {code} не привязано ни к одной цели", "measure {code} is tied to no goal")
_MEASURE_UNKNOWN_GOAL = _m("{code} іс-шарасы бағдарламада жоқ {goal} мақсатына байланыстырылған",
                           "мероприятие {code} привязано к цели {goal}, которой нет в программе",
                           "measure {code} is tied to {goal}, which is not a goal of the programme")
_MEASURE_UNKNOWN_TASK = _m("{code} іс-шарасы бағдарламада жоқ {task} міндетіне байланыстырылған",
                           "мероприятие {code} привязано к задаче {task}, которой нет в программе",
                           "measure {code} is tied to {task}, which is not a task of the programme")
_MEASURE_OTHER_GOAL = _m("{code} іс-шарасы {task} міндетіне байланыстырылған, ол міндет {goal} мақсатына емес, "
                         "{task_goal} мақсатына жатады",
                         "мероприятие {code} привязано к задаче {task}, которая относится не к цели {goal}, а к "
                         "{task_goal}",
                         "measure {code} is tied to task {task}, which belongs to goal {task_goal}, not {goal}")
_MEASURE_NO_EXECUTOR = _m("{code} іс-шарасының орындаушысы көрсетілмеген", "не указан исполнитель мероприятия {code}",
                          "measure {code} has no executor")
_MEASURE_NO_DEADLINE = _m("{code} іс-шарасының орындалу мерзімі көрсетілмеген", "не указан срок мероприятия {code}",
                          "measure {code} has no deadline")
_GOAL_NO_MEASURE = _m("{code} мақсатына қол жеткізуді қамтамасыз ететін іс-шара жоқ",
                      "нет мероприятия, обеспечивающего достижение цели {code}", "no measure serves goal {code}")
_TASK_NO_MEASURE = _m("{code} міндетін шешуді қамтамасыз ететін іс-шара жоқ",
                      "нет мероприятия, обеспечивающего решение задачи {code}", "no measure serves task {code}")


def _pair(task: pl.Expr, goal: pl.Expr) -> pl.Expr:
    return pl.concat_str([task, pl.lit("|"), goal])  # codes hold no "|"


def _measures(f: Fields, ctx: ColumnContext) -> pl.Expr:
    gt, measures = f.goals_and_tasks, f.action_plan.measures
    goal_codes, task_codes = _codes(gt.goals), _codes(gt.tasks)
    measure_goals, measure_tasks = measures.map(lambda m: m.goal), measures.map(lambda m: m.task)
    task_pairs = gt.tasks.map(lambda t: _pair(t.code, t.goals.list.first()))
    measure_pairs = measures.map(lambda m: _pair(m.task, m.goal))
    return pl.all_horizontal([
        measures.all(lambda m: m.goal.is_not_null()),
        _within(measure_goals, goal_codes),
        _within(measure_tasks, task_codes),
        _within(measure_pairs, task_pairs),
        measures.all(lambda m: _filled(m.executor)),
        measures.all(lambda m: m.deadline.is_not_null()),
        _within(goal_codes, measure_goals),
        _within(task_codes, measure_tasks),
    ])


def _measures_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, gt, measures = Found(), facts.goals_and_tasks, facts.action_plan.measures
    goals = {g.code for g in gt.goals}
    task_goal = {t.code: (t.goals[0] if t.goals else None) for t in gt.tasks}
    for m in measures:
        if m.goal is None:
            found.add(_MEASURE_NO_GOAL, code=m.code)
        elif m.goal not in goals:
            found.add(_MEASURE_UNKNOWN_GOAL, code=m.code, goal=m.goal)
        if m.task is not None and m.task not in task_goal:
            found.add(_MEASURE_UNKNOWN_TASK, code=m.code, task=m.task)
        elif m.task is not None and m.goal is not None and task_goal[m.task] != m.goal:
            found.add(_MEASURE_OTHER_GOAL, code=m.code, task=m.task, goal=m.goal, task_goal=task_goal[m.task] or "—")
        if not m.executor:
            found.add(_MEASURE_NO_EXECUTOR, code=m.code)
        if m.deadline is None:
            found.add(_MEASURE_NO_DEADLINE, code=m.code)
    served_goals, served_tasks = {m.goal for m in measures}, {m.task for m in measures}
    for goal in gt.goals:
        if goal.code not in served_goals:
            found.add(_GOAL_NO_MEASURE, code=goal.code)
    for task in gt.tasks:
        if task.code not in served_tasks:
            found.add(_TASK_NO_MEASURE, code=task.code)
    return found.details(measures=len(measures))


P39 = rule(
    "000.p39",
    cite("39"),
    _m("Әрбір мақсатқа қол жеткізуді және әрбір міндетті шешуді толық көлемде және қажетті мерзімдерде "
       "қамтамасыз ететін, іске асыруға жауапты органдар мен ұйымдардың шаралар жүйесі келтіріледі.",
       "Приводится система мер ответственных за реализацию органов и организаций, обеспечивающая достижение "
       "каждой цели и решение каждой задачи в полном объёме и в необходимые сроки.",
       "The system of measures of the responsible bodies and organisations is given, ensuring that each goal is "
       "reached and each task solved in full and within the necessary deadlines."),
    _failure("39-тармақ бойынша шаралар жүйесі толық емес", "Согласно п. 39 система мер неполна",
             "Under paragraph 39 the system of measures is incomplete"),
    _measures,
    applies=_sections("goals_and_tasks", "action_plan"),
    explain=_measures_details,
)

# --- paragraph 40: the required resources --------------------------------------------------------------

_NO_RESOURCES = _m("ресурстарға деген қажеттілік көрсетілмеген", "не указана потребность в ресурсах",
                   "no need for resources is stated")
_ZERO = _m("{code} ресурсына деген қажеттіліктің көлемі көрсетілмеген (нөлге тең)",
           "не указан объём потребности в ресурсе {code} (равен нулю)",
           "resource {code} states no need (its amount is zero)")


def _resources_details(facts: ProgrammeFacts, ctx: Context) -> dict[str, Any]:
    found, items = Found(), facts.resources.items
    if not items:
        found.add(_NO_RESOURCES)
    for r in items:
        if r.amount <= 0:
            found.add(_ZERO, code=r.code)
    return found.details(reading="p.40 says «мемлекеттік бағдарламаны» (a state programme): read as the targeted "
                                 "technology programme")


P40 = rule(
    "000.p40",
    cite("40"),
    _m("«Қажетті ресурстар» бөлімінде бағдарламаны іске асыру үшін ресурстарға деген қажеттілік баяндалады.",
       "В разделе «Необходимые ресурсы» излагается потребность в ресурсах для реализации программы.",
       "The section «required resources» sets out the need for resources to implement the programme."),
    _failure("40-тармақ бойынша", "Согласно п. 40", "Under paragraph 40"),
    lambda f, ctx: (f.resources.items.count() > 0) & f.resources.items.all(lambda r: r.amount > 0),
    applies=_sections("resources"),
    explain=_resources_details,
)

PROGRAMME_RULES = (P31, P33_1, P33_2, P33_3, P33_4, P33_5, P33_6, P34, P35, P36, P37_1, P37_2, P38_A1, P38_A2,
                   P38_A3, P38_A4, P39, P40)

# --- the verdict's notes: readings and warnings --------------------------------------------------------

DIRECTION_NOTE: Messages = {
    "kk": "Ескерту (R-C1, 31-тармақ): әзірлеуші «{designated}» технологиялық бағыты бойынша айқындалған, ал "
    "бағдарлама «{direction}» бағытына арналған; бағыттардың сәйкес келуі ұсынылады, бірақ бас тарту негізі емес.",
    "ru": "Предупреждение (R-C1, п. 31): разработчик определён по технологическому направлению «{designated}», а "
    "программа относится к направлению «{direction}»; совпадение направлений рекомендуется, но не является "
    "основанием для отказа.",
    "en": "Warning (R-C1, paragraph 31): the developer is designated for the technology direction «{designated}», "
    "the programme is for «{direction}»; the same direction is recommended, not a ground of refusal.",
}
OFF_LIST_NOTE: Messages = {
    "kk": "Ескерту (R-C2, 33-тармақтың 2) тармақшасы): мына технологиялар {on} күні күшіндегі түйінді "
    "технологиялар тізбесінде жоқ: {technologies}. Бұл бас тарту негізі емес.",
    "ru": "Предупреждение (R-C2, пп. 2) п. 33): следующих технологий нет в перечне ключевых технологий, "
    "действующем на {on}: {technologies}. Это не основание для отказа.",
    "en": "Warning (R-C2, paragraph 33(2)): these technologies are not on the list of key technologies in force on "
    "{on}: {technologies}. This is not a ground of refusal.",
}
NO_KEY_LIST_NOTE: Messages = {
    "kk": "Түйінді технологиялар тізбесі берілмеген (13-тармақтың 1) тармақшасы): бағдарлама технологиялары "
    "онымен салыстырылған жоқ.",
    "ru": "Перечень ключевых технологий не передан (пп. 1) п. 13): технологии программы с ним не сверялись.",
    "en": "No list of key technologies was given (paragraph 13(1)): the programme's technologies were not compared "
    "with it.",
}
UNSET_NOTE: Messages = {
    "kk": "{parameter} бастапқы құжатта белгіленбеген: іске асыру мерзімінің ұзақтығы шектелмеді.",
    "ru": "{parameter} не установлено исходным документом: продолжительность срока реализации не ограничивалась.",
    "en": "{parameter} is not set by the source document: the length of the implementation period was not limited.",
}
DEMO_NOTE: Messages = {
    "kk": "Бұл — ойдан шығарылған демонстрациялық бағдарлама, нақты құжат емес.",
    "ru": "Это вымышленная демонстрационная программа, а не реальный документ.",
    "en": "This is a fictional demonstration programme, not a real document.",
}


def _off_list(facts: ProgrammeFacts, listed: Mapping[str, Any]) -> list[str]:
    codes = {str(code) for code in listed}
    return [t.name for t in facts.technologies if t.key_technology is None or t.key_technology not in codes]


def finish(verdict: Verdict, facts: ProgrammeFacts, references: Mapping[str, Any]) -> Verdict:
    """The warnings of readings R-C1 and R-C2, the unset longest period, and the demo mark."""
    decided = {r.rule_id for r in verdict.results if r.status in ("passed", "failed")}
    d = facts.developer
    if P31.id in decided and d.designated_direction is not None and not same_text(d.designated_direction,
                                                                                  facts.direction):
        verdict = with_note(verdict, render(DIRECTION_NOTE, {"designated": d.designated_direction,
                                                             "direction": facts.direction}))
    if P33_2.id in decided and facts.technologies:
        listed = references.get(KEY_TECHNOLOGIES) or {}
        if not listed:
            verdict = with_note(verdict, NO_KEY_LIST_NOTE)
        elif off := _off_list(facts, listed):
            shown = ", ".join(off[:MAX_SHOWN]) + (f" (+{len(off) - MAX_SHOWN})" if len(off) > MAX_SHOWN else "")
            verdict = with_note(verdict, render(OFF_LIST_NOTE, {"on": verdict.on, "technologies": shown}))
    for r in verdict.results:
        if r.rule_id == P35.id and r.status in ("passed", "failed") and r.details.get("unset"):
            verdict = with_note(verdict, render(UNSET_NOTE, {"parameter": display.named(r.details["unset"])}))
    return with_note(verdict, DEMO_NOTE) if facts.demo else verdict


# Is the draft fit to go to the HSTC (p.42: conformity with the goals, criteria and structure)? The
# date is the review's. `references={"key_technologies": {code: {...}}}` is the list of key
# technologies in force on it (000 p.13(1)); without it the verdict says the technologies were not
# compared with it.
PROGRAMME = declare(
    Procedure(
        name="programme",
        subject="methodology.targeted_programme",
        title={
            "kk": "Нысаналы технологиялық бағдарлама жобасының өлшемшарттар мен құрылымға сәйкестігі (31-40-тармақтар)",
            "ru": "Соответствие проекта целевой технологической программы критериям и структуре (пункты 31-40)",
            "en": "A draft targeted technology programme against the criteria and structure (paragraphs 31-40)",
        },
        facts=ProgrammeFacts,
        rules=PROGRAMME_RULES,
        date=lambda facts: facts.checked_on,
        references=lambda: {KEY_TECHNOLOGIES: {}},
        finish=finish,
        cli=True,
    )
)
