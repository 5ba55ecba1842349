"""Act 000: the Methodology of technology forecasting (Order No. 133/НҚ of 21 April 2022), chapter 2.

Two questions are law here, the rest of chapter 2 is method (see `techpolicy.forecasting`):

- may a forecast study move from the preparatory to the main stage? Paragraph 7 sets the
  criteria of forecasting (experts in every covered sector are present and engaged; specific
  methods are used) and paragraph 10(1) makes domestic *and* foreign experts with relevant
  experience a mandatory part of the groups;
- is a technology direction a priority for state support? Paragraph 13(1): the results of
  forecasting define the list of key (priority) technologies used for support measures. The list
  is reference data approved per study; the caller passes the list in force on the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ...citation import Citation
from ...columnar import Fields
from ...procedure import Procedure, declare
from ...rules import ColumnContext, Context, InForce, Rule

ACT = "000"
DOMESTIC_COUNTRY = "KZ"
METHODS = ("extrapolation", "foresight", "cyclic")  # paragraph 8(1)-(3), in its order
KEY_TECHNOLOGIES = "key_technologies"  # the reference list the paragraph 13 rule reads

# Order No. 133/НҚ takes effect ten calendar days after first official publication (its
# paragraph 4); registration (2022-04-26) + 10 days is the earliest possible start.
IN_FORCE = InForce(
    start_parameter="forecasting.methodology_published_on",
    start_offset_days=10,
    earliest=dt.date(2022, 5, 6),
)

Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class PanelExpert(BaseModel):
    """An expert of a study's working or expert group, as paragraphs 7 and 10 look at them."""

    model_config = ConfigDict(extra="forbid")

    country: Country  # ISO 3166-1 alpha-2; "KZ" is a domestic expert
    fields: list[Name]  # sectors or technology directions the expert declares
    experience_years: int | None = Field(default=None, ge=0, le=80)  # declared; None = not declared
    engaged: bool  # accepted the invitation and takes part

    @property
    def domestic(self) -> bool:
        return self.country == DOMESTIC_COUNTRY


class StudyFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    covered_sectors: list[Name] = Field(min_length=1)
    experts: list[PanelExpert]
    methods: list[Literal[METHODS]]


class SupportDirectionFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    direction: Name  # code of the technology direction an applicant for support names


def cite(paragraph: str, sub: str | None = None, note: str | None = None) -> Citation:
    return Citation(ACT, paragraph, sub, note)


def _experienced(expert: PanelExpert, sectors: set[str]) -> bool:
    """Relevant experience: years declared (more than none) in a direction the study covers."""
    return bool(expert.experience_years) and bool(sectors.intersection(expert.fields))


def _fields_of(f: Fields, which: pl.Expr) -> pl.Expr:
    """The fields (sectors, directions) the experts `which` selects declare, as one list."""
    e = pl.element()
    return f.experts.expr.list.eval(e.filter(which).struct.field("fields").list.explode(
        keep_nulls=False, empty_as_null=False))


def _engaged() -> pl.Expr:
    return pl.element().struct.field("engaged")


def _sectors_with_experts(f: Fields, _ctx: ColumnContext) -> pl.Expr:
    # Every covered sector is among the fields some engaged expert declares.
    return f.covered_sectors.list.set_difference(_fields_of(f, _engaged())).list.len() == 0


def _sectors_details(facts: StudyFacts, _ctx: Context) -> dict[str, Any]:
    engaged = [e for e in facts.experts if e.engaged]
    missing = [s for s in facts.covered_sectors if not any(s in e.fields for e in engaged)]
    return {"missing": ", ".join(missing)} if missing else {}


def _methods_chosen(f: Fields, _ctx: ColumnContext) -> pl.Expr:
    return f.methods.list.len() > 0


def _methods_details(facts: StudyFacts, _ctx: Context) -> dict[str, Any]:
    return {"methods": ", ".join(facts.methods)} if facts.methods else {}


def _domestic_and_foreign(f: Fields, _ctx: ColumnContext) -> pl.Expr:
    # An engaged expert with years declared in a covered direction exists on each side exactly
    # when the fields the engaged experts with years on that side declare meet the covered sectors.
    e = pl.element()
    experienced = _engaged() & (e.struct.field("experience_years") > 0)
    domestic = e.struct.field("country") == DOMESTIC_COUNTRY
    return pl.all_horizontal(
        _fields_of(f, experienced & side).list.set_intersection(f.covered_sectors).list.len() > 0
        for side in (domestic, ~domestic)
    )


def _domestic_and_foreign_details(facts: StudyFacts, _ctx: Context) -> dict[str, Any]:
    sectors = set(facts.covered_sectors)
    experienced = [e for e in facts.experts if e.engaged and _experienced(e, sectors)]
    domestic = sum(e.domestic for e in experienced)
    foreign = len(experienced) - domestic
    lacking = [kind for kind, count in (("domestic", domestic), ("foreign", foreign)) if not count]
    if not lacking:
        return {"domestic": domestic, "foreign": foreign}
    names = {
        ("domestic",): ("отандық", "отечественных", "domestic"),
        ("foreign",): ("шетелдік", "зарубежных", "foreign"),
        ("domestic", "foreign"): ("отандық және шетелдік", "отечественных и зарубежных", "domestic and foreign"),
    }[tuple(lacking)]
    return {"lacking_kk": names[0], "lacking_ru": names[1], "lacking_en": names[2], "domestic": domestic,
            "foreign": foreign}


MAIN_STAGE_RULES: tuple[Rule, ...] = (
    Rule(
        "000.p7.1",
        cite("7", "1"),
        {
            "kk": "Болжаумен қамтылатын әр салада сарапшылар бар және тартылған",
            "ru": "В каждой охватываемой прогнозированием отрасли имеются и привлечены эксперты",
            "en": "Experts are present and engaged in every sector the forecast covers",
        },
        {
            "kk": "Мына салалар бойынша тартылған сарапшы жоқ: {missing}",
            "ru": "Нет привлечённого эксперта по отраслям: {missing}",
            "en": "No engaged expert covers these sectors: {missing}",
        },
        _sectors_with_experts,
        IN_FORCE,
        explain=_sectors_details,
    ),
    Rule(
        "000.p7.2",
        cite("7", "2", "methods of paragraph 8, chosen under paragraph 10(3)"),
        {
            "kk": "Технологиялық болжаудың кемінде бір әдісі таңдалған",
            "ru": "Выбран хотя бы один метод технологического прогнозирования",
            "en": "At least one forecasting method is chosen",
        },
        {
            "kk": "Болжау әдісі таңдалмаған (8-тармақ: экстраполяция, форсайт, циклдік)",
            "ru": "Не выбран ни один метод прогнозирования (п. 8: экстраполяция, форсайт, циклический)",
            "en": "No forecasting method is chosen (paragraph 8: extrapolation, foresight, cyclic)",
        },
        _methods_chosen,
        IN_FORCE,
        explain=_methods_details,
    ),
    Rule(
        "000.p10.1",
        cite("10", "1"),
        {
            "kk": "Топтарда тиісті тәжірибесі бар отандық және шетелдік сарапшылар бар",
            "ru": "В составе групп есть отечественные и зарубежные эксперты с соответствующим опытом",
            "en": "The groups include domestic and foreign experts with relevant experience",
        },
        {
            "kk": "Зерттелетін бағыт бойынша тәжірибесін мәлімдеген {lacking_kk} сарапшы тартылмаған",
            "ru": "Не привлечены {lacking_ru} эксперты, заявившие опыт по направлению исследования",
            "en": "No engaged {lacking_en} expert with declared experience in the covered directions",
        },
        _domestic_and_foreign,
        IN_FORCE,
        explain=_domestic_and_foreign_details,
    ),
)


def _on_key_list(f: Fields, ctx: ColumnContext) -> pl.Expr:
    listed: Mapping[str, Any] = ctx.reference.get(KEY_TECHNOLOGIES, {})
    return f.direction.is_in([str(code) for code in listed])


def _key_list_details(facts: SupportDirectionFacts, ctx: Context) -> dict[str, Any]:
    listed: Mapping[str, Any] = ctx.reference.get(KEY_TECHNOLOGIES, {})
    if facts.direction in listed:
        return {"direction": facts.direction, "source": listed[facts.direction].get("source", "")}
    return {"direction": facts.direction, "listed": len(listed), "on": ctx.on}


PRIORITY_RULES: tuple[Rule, ...] = (
    Rule(
        "000.p13.1",
        cite("13", "1"),
        {
            "kk": "Технологиялық бағыт күшіндегі түйінді (басым) технологиялар тізбесінде бар",
            "ru": "Технологическое направление включено в действующий перечень ключевых (приоритетных) технологий",
            "en": "The technology direction is on the list of key (priority) technologies in force",
        },
        {
            "kk": "«{direction}» бағыты {on} күні күшіндегі түйінді технологиялар тізбесінде жоқ "
            "(тізбеде {listed} позиция)",
            "ru": "Направление «{direction}» не входит в перечень ключевых технологий, действующий на {on} "
            "(в перечне позиций: {listed})",
            "en": "The direction '{direction}' is not on the list of key technologies in force on {on} "
            "({listed} items listed)",
        },
        _on_key_list,
        IN_FORCE,
        explain=_key_list_details,
    ),
)


# May the study start its main stage (paragraph 11)? Paragraphs 7 and 10(1) decide. The facts
# carry no date: give `on`.
MAIN_STAGE = declare(
    Procedure(
        name="forecasting-main-stage",
        subject="forecasting.main_stage",
        title={
            "kk": "Болжау зерттеуін негізгі кезеңге көшіру (7-тармақ, 10-тармақтың 1) тармақшасы)",
            "ru": "Переход прогнозного исследования к основному этапу (пункт 7, подпункт 1) пункта 10)",
            "en": "Moving a forecast study to its main stage (paragraph 7, paragraph 10(1))",
        },
        facts=StudyFacts,
        rules=MAIN_STAGE_RULES,
    )
)


# Is the direction a key (priority) technology on `on` (paragraph 13(1))? The caller passes the
# list in force on that date as `references={KEY_TECHNOLOGIES: {code: {"name": ..., "source": ...}}}`:
# lists are approved per study and kept in the database, so the procedure ships none and is not
# offered by the command line.
PRIORITY_DIRECTION = declare(
    Procedure(
        name="forecasting-priority-direction",
        subject="forecasting.priority_direction",
        title={
            "kk": "Технологиялық бағыт түйінді (басым) технологиялар тізбесінде ме (13-тармақтың 1) тармақшасы)",
            "ru": "Входит ли направление в перечень ключевых (приоритетных) технологий (подпункт 1) пункта 13)",
            "en": "Is a technology direction on the list of key (priority) technologies (paragraph 13(1))",
        },
        facts=SupportDirectionFacts,
        rules=PRIORITY_RULES,
        references=lambda: {KEY_TECHNOLOGIES: {}},
        cli=False,
    )
)
