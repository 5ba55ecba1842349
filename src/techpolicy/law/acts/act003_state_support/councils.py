"""Act 003, articles 9-10: the two councils (003.a9.p1-p3, 003.a10.p1-p3) as procedures.

"council-composition" judges a council as it is constituted: what it sits under (the Coordination
Council under the President, 9(1); the Council on Technological Policy under the Government, 10(1)),
who approved its composition and regulation (the Government, 9(2), 10(2), 4(11)-(12)), who developed
the regulation and proposed the composition (the authorized body, 5(10)-(11)), the chair (the Prime
Minister) and the working body (the authorized body) of the Council on Technological Policy (10(1)),
and that each of its members is of a category 10(2) lists.

"council-decision" judges one decision of a council: a decision of the Coordination Council serves at
least one of its three tasks (9(3), the task tags), a recommendation of the Council on Technological
Policy goes to the Government in one of the five areas of 10(3) (typed 1-5).

The councils' working rules (quorum, how often they meet) are not in the source: parameters with no
value (`council.coord.*`, `council.tp.*`), named in every verdict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from ... import display
from ...procedure import Procedure, declare, with_note
from ...rules import Context, Messages, Verdict, render
from .common import LawFacts, cite, indent, rule, with_treaty_notes
from .institutions import COORDINATION_TASKS, RECOMMENDATION_AREAS, BodyId, MemberCategory
from .values import Day, Name

Council = Literal["coordination", "technological_policy"]
MAX_MEMBERS = 200

OPEN_PARAMETERS: dict[str, tuple[str, ...]] = {
    "coordination": ("council.coord.quorum", "council.coord.meeting_frequency"),
    "technological_policy": ("council.tp.quorum", "council.tp.meeting_frequency"),
}


class CouncilMember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    category: MemberCategory = Field(description="10(2): the category the member is drawn from")


class CouncilFacts(LawFacts):
    """A council as constituted by the act that approved its composition and regulation."""

    council: Council
    approved_on: Day
    attached_to: Literal["president", "government", "other"] | None = Field(
        None, description="what the council sits under (9(1), 10(1))")
    approved_by: BodyId | None = Field(None, description="the body that approved its composition and regulation")
    regulation_developed_by: BodyId | None = None
    composition_proposed_by: BodyId | None = None
    chair: Literal["prime_minister", "other"] | None = Field(None, description="10(1): who heads the council")
    working_body: BodyId | None = Field(None, description="10(1): the council's working body")
    membership: Annotated[list[CouncilMember], Field(default_factory=list, max_length=MAX_MEMBERS)]


def _is(council: str):
    return lambda f: f.council == council


def _given_for(council: str, field: str):
    return lambda f: (f.council == council) & getattr(f, field).is_not_null()


_GOVERNMENT_APPROVES: Messages = {
    "kk": "{council} құрамын және ол туралы ережені Қазақстан Республикасының Үкіметі бекітеді.",
    "ru": "Состав и положение о {council_ru} утверждает Правительство Республики Казахстан.",
    "en": "The composition and regulation of {council_en} are approved by the Government.",
}
_NOT_GOVERNMENT: Messages = {
    "kk": "{council} құрамы мен ережесін Үкімет емес, басқа орган бекіткен: бекіту жарамсыз.",
    "ru": "Состав и положение о {council_ru} утверждены не Правительством, а другим органом: утверждение "
    "недействительно.",
    "en": "The composition and regulation of {council_en} were approved by a body other than the Government: the "
    "approval is invalid.",
}
_NAMES = {
    "coordination": ("Үдемелі индустриялық-инновациялық даму жөніндегі үйлестіру кеңесінің",
                     "Координационном совете по форсированному индустриально-инновационному развитию",
                     "the Coordination Council on accelerated industrial-innovative development"),
    "technological_policy": ("Технологиялық саясат жөніндегі кеңестің", "Совете по технологической политике",
                             "the Council on Technological Policy"),
}


def _fill(messages: Messages, council: str) -> Messages:
    kk, ru, en = _NAMES[council]
    return {lang: text.replace("{council}", kk).replace("{council_ru}", ru).replace("{council_en}", en)
            for lang, text in messages.items()}


def _approval(rule_id: str, council: str, citation):
    return rule(rule_id, citation, _fill(_GOVERNMENT_APPROVES, council), _fill(_NOT_GOVERNMENT, council),
                lambda f, ctx: f.approved_by == "government", applies=_given_for(council, "approved_by"))


def _authorized_body(rule_id: str, council: str, sub: str, field: str, what: tuple[str, str, str]):
    kk, ru, en = what
    return rule(
        rule_id, cite("5", "", sub),
        {"kk": f"{kk} уәкілетті орган жүзеге асырады (5-баптың {sub}) тармақшасы).",
         "ru": f"{ru} осуществляет уполномоченный орган (пп. {sub}) ст. 5).",
         "en": f"{en} is done by the authorized body (art. 5({sub}))."},
        {"kk": f"{kk} уәкілетті орган емес, басқа орган жүзеге асырған.",
         "ru": f"{ru} осуществил не уполномоченный орган, а другой орган.",
         "en": f"{en} was done by a body other than the authorized body."},
        lambda f, ctx: getattr(f, field) == "authorized_body", applies=_given_for(council, field))


def _other_members(facts: CouncilFacts, ctx: Context) -> dict[str, Any]:
    return {"members": ", ".join(m.name for m in facts.membership if m.category == "other")[:2_000]}


COMPOSITION_RULES = (
    rule("003.a9.p1", cite("9", "1"),
         {"kk": "Үдемелі индустриялық-инновациялық даму жөніндегі үйлестіру кеңесі Қазақстан Республикасы Президенті "
          "жанындағы консультативтік кеңесші орган болып табылады.",
          "ru": "Координационный совет по форсированному индустриально-инновационному развитию является "
          "консультативно-совещательным органом при Президенте Республики Казахстан.",
          "en": "The Coordination Council on accelerated industrial-innovative development is a consultative-advisory "
          "body under the President."},
         {"kk": "Үйлестіру кеңесі Президент жанында емес.", "ru": "Координационный совет образован не при Президенте.",
          "en": "The Coordination Council does not sit under the President."},
         lambda f, ctx: f.attached_to == "president", applies=_given_for("coordination", "attached_to")),
    _approval("003.a9.p2", "coordination", cite("9", "2")),
    _authorized_body("003.a9.p2.a5.10.regulation", "coordination", "10", "regulation_developed_by",
                     ("Үйлестіру кеңесі туралы ережені әзірлеуді", "Разработку положения о Координационном совете",
                      "Developing the regulation of the Coordination Council")),
    _authorized_body("003.a9.p2.a5.10.composition", "coordination", "10", "composition_proposed_by",
                     ("Үйлестіру кеңесінің құрамын қалыптастыру бойынша ұсыныс енгізуді",
                      "Внесение предложения по формированию состава Координационного совета",
                      "Proposing the composition of the Coordination Council")),
    rule("003.a10.p1", cite("10", "1"),
         {"kk": "Технологиялық саясат жөніндегі кеңес Қазақстан Республикасының Премьер-Министрі жетекшілік ететін, "
          "Қазақстан Республикасы Үкіметінің жанындағы кеңесші консультативтік кеңестік орган болып табылады.",
          "ru": "Совет по технологической политике является консультативно-совещательным органом при Правительстве "
          "Республики Казахстан под руководством Премьер-Министра Республики Казахстан.",
          "en": "The Council on Technological Policy is a consultative-advisory body under the Government, headed by "
          "the Prime Minister."},
         {"kk": "Кеңес Үкімет жанында емес немесе оған Премьер-Министр жетекшілік етпейді.",
          "ru": "Совет образован не при Правительстве или им руководит не Премьер-Министр.",
          "en": "The Council does not sit under the Government, or it is not headed by the Prime Minister."},
         lambda f, ctx: (f.attached_to.is_null() | (f.attached_to == "government"))
         & (f.chair.is_null() | (f.chair == "prime_minister")),
         applies=lambda f: (f.council == "technological_policy")
         & (f.attached_to.is_not_null() | f.chair.is_not_null())),
    rule("003.a10.p1.working_body", cite("10", "1", None, indent(2)),
         {"kk": "Технологиялық саясат жөніндегі кеңестің жұмыс органы индустриялық-инновациялық қызметті мемлекеттік "
          "қолдау саласындағы уәкілетті орган болып табылады.",
          "ru": "Рабочим органом Совета по технологической политике является уполномоченный орган в области "
          "государственной поддержки индустриально-инновационной деятельности.",
          "en": "The working body of the Council on Technological Policy is the authorized body."},
         {"kk": "Кеңестің жұмыс органы ретінде уәкілетті орган емес, басқа орган көрсетілген.",
          "ru": "Рабочим органом Совета указан не уполномоченный орган.",
          "en": "The Council's working body named is not the authorized body."},
         lambda f, ctx: f.working_body == "authorized_body",
         applies=_given_for("technological_policy", "working_body")),
    rule("003.a10.p2.members", cite("10", "2"),
         {"kk": "Технологиялық саясат жөніндегі кеңестің құрамы Үкімет мүшелерінен, мемлекеттік органдар "
          "басшыларынан, жетекші ғалымдардан, білімнің әртүрлі салаларының сарапшыларынан, ұлттық басқарушы "
          "холдингтер, ұлттық даму институттары, ұлттық холдингтер, ұлттық компания өкілдерінен, жеке кәсіпкерлік "
          "және ғылыми қоғамдық бірлестіктер субъектілерінен құрылады.",
          "ru": "Состав Совета по технологической политике формируется из членов Правительства, руководителей "
          "государственных органов, ведущих учёных, экспертов различных областей знаний, представителей национальных "
          "управляющих холдингов, национальных институтов развития, национальных холдингов, национальных компаний, "
          "субъектов частного предпринимательства и научных общественных объединений.",
          "en": "The Council on Technological Policy is composed of members of the Government, heads of state "
          "bodies, leading scientists, experts of various fields, representatives of national managing holdings, "
          "national development institutions, national holdings, national companies, subjects of private "
          "entrepreneurship and scientific public associations."},
         {"kk": "Мына мүшелер 10-баптың 2-тармағында аталған санаттардың ешқайсысына жатпайды: {members}.",
          "ru": "Следующие члены не относятся ни к одной из категорий пункта 2 статьи 10: {members}.",
          "en": "These members are of none of the categories of article 10(2): {members}."},
         lambda f, ctx: f.membership.all(lambda m: m.category != "other"),
         applies=_is("technological_policy"), explain=_other_members),
    _approval("003.a10.p2", "technological_policy", cite("10", "2", None, indent(2))),
    _authorized_body("003.a10.p2.a5.11.regulation", "technological_policy", "11", "regulation_developed_by",
                     ("Технологиялық саясат жөніндегі кеңес туралы ережені әзірлеуді",
                      "Разработку положения о Совете по технологической политике",
                      "Developing the regulation of the Council on Technological Policy")),
    _authorized_body("003.a10.p2.a5.11.composition", "technological_policy", "11", "composition_proposed_by",
                     ("Технологиялық саясат жөніндегі кеңестің құрамын қалыптастыру бойынша ұсыныс енгізуді",
                      "Внесение предложения по формированию состава Совета по технологической политике",
                      "Proposing the composition of the Council on Technological Policy")),
)

_OPEN_NOTE: Messages = {
    "kk": "Кеңестің жұмыс тәртібі бастапқы құжатта белгіленбеген: {parameters}.",
    "ru": "Порядок работы совета исходным документом не установлен: {parameters}.",
    "en": "The council's working rules are not set by the source document: {parameters}.",
}


def _finish(verdict: Verdict, facts: Any, references: Mapping[str, Any]) -> Verdict:
    verdict = with_treaty_notes(verdict, facts)
    names = {lang: ", ".join(display.named(p)[lang] for p in OPEN_PARAMETERS[facts.council])
             for lang in ("kk", "ru", "en")}
    return with_note(verdict, render(_OPEN_NOTE, {"parameters": names}))


COMPOSITION = declare(Procedure(
    name="council-composition",
    subject="institutions.council",
    title={"kk": "Кеңестің құрамы мен ережесі (Заңның 9-10-баптары)",
           "ru": "Состав и положение совета (статьи 9-10 Закона)",
           "en": "A council's composition and regulation (articles 9-10 of the Law)"},
    facts=CouncilFacts,
    rules=COMPOSITION_RULES,
    date=lambda facts: facts.approved_on,
    finish=_finish,
))

# --- a council's decision ---------------------------------------------------------------------------------

TaskTag = Literal["coordination.task.1", "coordination.task.2", "coordination.task.3", "other"]
Area = Literal["1", "2", "3", "4", "5", "other"]


class CouncilDecisionFacts(LawFacts):
    """One decision of a council: for the Coordination Council the tasks of 9(3) it serves (tags),
    for the Council on Technological Policy the area of 10(3) of its recommendation (1-5) and to whom
    it is addressed."""

    council: Council
    decided_on: Day
    subject: Name = Field(description="what the decision is about")
    tasks: Annotated[list[TaskTag], Field(default_factory=list, max_length=3)]
    area: Area | None = Field(None, description="10(3): the area of the recommendation, 1-5")
    addressed_to: BodyId | None = Field(None, description="to whom the recommendation is addressed")


DECISION_RULES = (
    rule("003.a9.p3", cite("9", "3"),
         {"kk": "Үйлестіру кеңесінің шешімі оның міндеттерінің кемінде біреуіне қызмет етеді: "
          + "; ".join(f"{t.citation.sub}) {t.name['kk']}" for t in COORDINATION_TASKS) + ".",
          "ru": "Решение Координационного совета служит хотя бы одной из его задач: "
          + "; ".join(f"{t.citation.sub}) {t.name['ru']}" for t in COORDINATION_TASKS) + ".",
          "en": "A decision of the Coordination Council serves at least one of its tasks: "
          + "; ".join(f"({t.citation.sub}) {t.name['en']}" for t in COORDINATION_TASKS) + "."},
         {"kk": "Шешім 9-баптың 3-тармағындағы міндеттердің ешқайсысымен белгіленбеген.",
          "ru": "Решение не отнесено ни к одной из задач пункта 3 статьи 9.",
          "en": "The decision is tagged with none of the tasks of article 9(3)."},
         lambda f, ctx: f.tasks.list.eval(pl.element().is_in([t.id for t in COORDINATION_TASKS])).list.any(),
         applies=_is("coordination")),
    rule("003.a10.p3", cite("10", "3"),
         {"kk": "Технологиялық саясат жөніндегі кеңес Қазақстан Республикасының Үкіметіне мыналар бойынша ұсынымдар "
          "дайындайды: " + "; ".join(f"{a.id}) {a.name['kk']}" for a in RECOMMENDATION_AREAS) + ".",
          "ru": "Совет по технологической политике готовит рекомендации Правительству Республики Казахстан по: "
          + "; ".join(f"{a.id}) {a.name['ru']}" for a in RECOMMENDATION_AREAS) + ".",
          "en": "The Council on Technological Policy prepares recommendations to the Government on: "
          + "; ".join(f"({a.id}) {a.name['en']}" for a in RECOMMENDATION_AREAS) + "."},
         {"kk": "Ұсыным 10-баптың 3-тармағындағы бес саланың біріне жатқызылмаған немесе Үкіметке жолданбаған.",
          "ru": "Рекомендация не отнесена ни к одной из пяти областей пункта 3 статьи 10 или адресована не "
          "Правительству.",
          "en": "The recommendation is in none of the five areas of article 10(3), or it is not addressed to the "
          "Government."},
         lambda f, ctx: f.area.is_in([a.id for a in RECOMMENDATION_AREAS])
         & (f.addressed_to.is_null() | (f.addressed_to == "government")),
         applies=_is("technological_policy")),
)


DECISION = declare(Procedure(
    name="council-decision",
    subject="institutions.council_decision",
    title={"kk": "Кеңестің шешімі (Заңның 9-бабының 3-тармағы, 10-бабының 3-тармағы)",
           "ru": "Решение совета (п. 3 ст. 9, п. 3 ст. 10 Закона)",
           "en": "A council's decision (articles 9(3) and 10(3) of the Law)"},
    facts=CouncilDecisionFacts,
    rules=DECISION_RULES,
    date=lambda facts: facts.decided_on,
    finish=_finish,
))
