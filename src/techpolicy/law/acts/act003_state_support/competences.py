"""Act 003, articles 4-8 (with 9(2), 10(2)-(3), 12(6), 19(4)): the competence matrix (003.a4,
003.a5, 003.a6, 003.a7-8), as data, and the procedure "institution-act" that refuses an act approved,
developed or proposed by a body the law does not make competent for it.

Each row is one sub-paragraph: the kind of act or decision, the body, what the body does with it
(develops, approves, proposes, recommends, agrees, ...) and the citation. The articles of the
competences have no numbered paragraphs: their items are sub-paragraphs ("4-бап, 9) тармақша",
`cite("4", "", "9")`, as the seed numbers them "9)").

Two acts have two approvers in the seed, and both are stored (reading R-H2: an approval by either is
accepted, and the verdict says the source names both): the model regulations of technoparks,
commercialisation centres and sectoral design bureaus (4(14) Government, 5(14) authorized body) and
the methodology of evaluating effectiveness (6(8) state planning body, 19(4) authorized body).

`competent(act_kind, role)` is the guard groups F-H read: who may approve the priority directions of
innovation grants (only the Government, 4(9)), who develops the unified map (the authorized body,
5(7)), and so on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from ...citation import LANGUAGES, Citation
from ...procedure import Procedure, declare, with_note
from ...rules import Context, Messages, Rule, Verdict, render
from .common import LawFacts, cite, indent, rule, with_treaty_notes
from .institutions import BY_ID, Body, BodyId
from .values import Day, Name

Role = Literal["participates", "proposes", "develops", "approves", "agrees", "evaluates", "coordinates", "forms",
               "informs", "creates", "recommends", "exercises"]

ROLES: dict[str, Messages] = {
    "participates": {"kk": "қатысады", "ru": "участвует", "en": "takes part"},
    "proposes": {"kk": "ұсыныс енгізеді", "ru": "вносит предложения", "en": "proposes"},
    "develops": {"kk": "әзірлейді", "ru": "разрабатывает", "en": "develops"},
    "approves": {"kk": "бекітеді (айқындайды)", "ru": "утверждает (определяет)", "en": "approves (determines)"},
    "agrees": {"kk": "келіседі", "ru": "согласовывает", "en": "agrees"},
    "evaluates": {"kk": "бағалайды", "ru": "оценивает", "en": "evaluates"},
    "coordinates": {"kk": "үйлестіреді", "ru": "координирует", "en": "coordinates"},
    "forms": {"kk": "қалыптастырады", "ru": "формирует", "en": "forms"},
    "informs": {"kk": "ақпарат ұсынады", "ru": "представляет информацию", "en": "submits information"},
    "creates": {"kk": "құрады", "ru": "создаёт", "en": "creates"},
    "recommends": {"kk": "ұсынымдар дайындайды", "ru": "готовит рекомендации", "en": "prepares recommendations"},
    "exercises": {"kk": "өзге де өкілеттіктерді жүзеге асырады", "ru": "осуществляет иные полномочия",
                  "en": "exercises other powers"},
}

# What a row is about: the kinds of act and decision of articles 4-8, with their names.
ACT_KINDS: dict[str, Messages] = {
    "priority_sectors": {"kk": "экономиканың басым секторлары", "ru": "приоритетные секторы экономики",
                         "en": "the priority sectors of the economy"},
    "state_policy": {"kk": "мемлекеттік саясат", "ru": "государственная политика", "en": "the state policy"},
    "sectoral_programme": {"kk": "салалық бағдарлама", "ru": "отраслевая программа", "en": "a sectoral programme"},
    "state_programme": {"kk": "мемлекеттік бағдарлама", "ru": "государственная программа", "en": "a state programme"},
    "intersectoral_st_plan": {"kk": "ғылыми-технологиялық дамытудың салааралық жоспары",
                              "ru": "межотраслевой план научно-технологического развития",
                              "en": "the intersectoral plan of scientific and technological development"},
    "ndi_list": {"kk": "ұлттық даму институттарының тізбесі", "ru": "перечень национальных институтов развития",
                 "en": "the list of national development institutions"},
    "ndi_list_equity_export": {"kk": "жарғылық капиталға инвестиция немесе экспортқа жәрдемдесу арқылы қолдау "
                               "көрсететін ұлттық даму институттарының тізбесі",
                               "ru": "перечень национальных институтов развития, оказывающих поддержку через "
                               "инвестиции в уставный капитал или содействие экспорту",
                               "en": "the list of national development institutions supporting through equity or "
                               "export assistance"},
    "local_content_expertise_rules": {"kk": "жергілікті қамту бойынша сараптама жүргізу қағидасы",
                                      "ru": "правила проведения экспертизы по местному содержанию",
                                      "en": "the rules of local-content expertise"},
    "republican_map": {"kk": "республикалық индустрияландыру картасы", "ru": "республиканская карта индустриализации",
                       "en": "the republican industrialization map"},
    "regional_map": {"kk": "индустрияландырудың өңірлік картасы", "ru": "региональная карта индустриализации",
                     "en": "a regional industrialization map"},
    "unified_map": {"kk": "басым тауарлар мен қызметтердің бірыңғай картасы",
                    "ru": "единая карта приоритетных товаров и услуг", "en": "the unified map of priority goods and "
                    "services"},
    "high_tech_products_list": {"kk": "жоғары технологиялық өнімдер түрлерінің тізбесі",
                                "ru": "перечень видов высокотехнологичной продукции",
                                "en": "the list of high-tech product types"},
    "grant_priority_directions": {"kk": "инновациялық гранттардың басым бағыттары",
                                  "ru": "приоритетные направления инновационных грантов",
                                  "en": "the priority directions of innovation grants"},
    "critical_technologies": {"kk": "сындарлы технологиялар", "ru": "критические технологии",
                              "en": "the critical technologies"},
    "export_reimbursement_rules": {"kk": "отандық өңделген тауарларды сыртқы нарыққа жылжыту шығындарының бір бөлігін "
                                   "өтеу қағидасы",
                                   "ru": "правила возмещения части затрат на продвижение отечественных обработанных "
                                   "товаров на внешний рынок",
                                   "en": "the rules of reimbursing part of the costs of export promotion"},
    "export_goods_list": {"kk": "шығындары ішінара өтелетін отандық өңделген тауарлардың тізбесі",
                          "ru": "перечень отечественных обработанных товаров, затраты по которым частично "
                          "возмещаются",
                          "en": "the list of processed domestic goods whose promotion costs are partly reimbursed"},
    "coordination_council": {"kk": "Үдемелі индустриялық-инновациялық даму жөніндегі үйлестіру кеңесі",
                             "ru": "Координационный совет по форсированному индустриально-инновационному развитию",
                             "en": "the Coordination Council on accelerated industrial-innovative development"},
    "coordination_council_regulation": {"kk": "Үйлестіру кеңесі туралы ереже", "ru": "положение о Координационном "
                                        "совете", "en": "the regulation of the Coordination Council"},
    "coordination_council_composition": {"kk": "Үйлестіру кеңесінің құрамы", "ru": "состав Координационного совета",
                                         "en": "the composition of the Coordination Council"},
    "tech_policy_council": {"kk": "Технологиялық саясат жөніндегі кеңес", "ru": "Совет по технологической политике",
                            "en": "the Council on Technological Policy"},
    "tech_policy_council_regulation": {"kk": "Технологиялық саясат жөніндегі кеңес туралы ереже",
                                       "ru": "положение о Совете по технологической политике",
                                       "en": "the regulation of the Council on Technological Policy"},
    "tech_policy_council_composition": {"kk": "Технологиялық саясат жөніндегі кеңестің құрамы",
                                        "ru": "состав Совета по технологической политике",
                                        "en": "the composition of the Council on Technological Policy"},
    "normative_legal_acts": {"kk": "индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы нормативтік "
                             "құқықтық актілер",
                             "ru": "нормативные правовые акты в области государственной поддержки "
                             "индустриально-инновационной деятельности",
                             "en": "normative legal acts on state support of industrial-innovative activity"},
    "model_regulations": {"kk": "технопарктердің, технологияларды коммерцияландыру орталықтарының, салалық "
                          "конструкторлық бюролардың жұмыс істеуінің үлгілік ережесі",
                          "ru": "типовое положение о функционировании технопарков, центров коммерциализации "
                          "технологий, отраслевых конструкторских бюро",
                          "en": "the model regulations of technoparks, technology commercialisation centres and "
                          "sectoral design bureaus"},
    "effectiveness_information": {"kk": "мемлекеттік қолдау шараларының тиімділігі туралы жыл сайынғы ақпарат",
                                  "ru": "ежегодная информация об эффективности мер государственной поддержки",
                                  "en": "the annual information on the effectiveness of the support measures"},
    "implementation_information": {"kk": "мемлекеттік қолдау шараларын іске асыру туралы ақпарат",
                                   "ru": "информация о реализации мер государственной поддержки",
                                   "en": "information on carrying out the support measures"},
    "effectiveness_methodology": {"kk": "мемлекеттік қолдау шараларын тиімді іске асыруды бағалау әдістемесі",
                                  "ru": "методика оценки эффективности реализации мер государственной поддержки",
                                  "en": "the methodology of evaluating the effectiveness of the support measures"},
    "state_entity_strategy": {"kk": "мемлекет бақылайтын ұйымдардың технологиялар мен инновацияларға қатысты даму "
                              "стратегиясы мен бағдарламасы",
                              "ru": "стратегии и программы развития в части технологий и инноваций организаций, "
                              "контролируемых государством",
                              "en": "the development strategies and programmes on technologies and innovation of "
                              "state-controlled entities"},
    "local_content_policy": {"kk": "жергілікті қамтуды дамыту саясаты", "ru": "политика развития местного содержания",
                             "en": "the local-content development policy"},
    "sectoral_programme_implementation": {"kk": "салалық бағдарламаларды іске асыру",
                                          "ru": "реализация отраслевых программ",
                                          "en": "carrying out the sectoral programmes"},
    "personnel_and_employment": {"kk": "білікті кадрлық ресурстармен қамтамасыз ету және еңбекпен қамтуды реттеу",
                                 "ru": "обеспечение квалифицированными кадрами и регулирование занятости",
                                 "en": "qualified personnel and the regulation of employment"},
    "system_effectiveness": {"kk": "индустриялық-инновациялық жүйенің тиімділігі",
                             "ru": "эффективность индустриально-инновационной системы",
                             "en": "the effectiveness of the industrial-innovative system"},
    "strategic_tasks": {"kk": "стратегиялық міндеттер мен басымдылықтар", "ru": "стратегические задачи и приоритеты",
                        "en": "strategic tasks and priorities"},
    "stimulation_proposals": {"kk": "индустриялық-инновациялық қызметті ынталандыру бойынша ұсыныстар",
                              "ru": "предложения по стимулированию индустриально-инновационной деятельности",
                              "en": "proposals to stimulate industrial-innovative activity"},
    "high_tech_activity_list": {"kk": "жоғары технологиялық өнімдер өндірісі қызмет түрлерінің тізбесі",
                                "ru": "перечень видов деятельности производства высокотехнологичной продукции",
                                "en": "the list of activity types of high-tech production"},
    "other_powers": {"kk": "заңдарда және актілерде көзделген өзге де өкілеттіктер",
                     "ru": "иные полномочия, предусмотренные законами и актами",
                     "en": "other powers under the laws and acts"},
}
ActKind = Literal[tuple(ACT_KINDS)]  # type: ignore[valid-type]


@dataclass(frozen=True)
class Competence:
    """One row of the matrix: `body` `role`s the `act_kind` (`citation`). `conflict` names the decided
    reading where the seed gives the same act another approver (R-H2)."""

    act_kind: str
    body: str  # a body id of `institutions.BODIES`
    role: str
    citation: Citation
    requirement: str  # the requirement id of group I the row belongs to
    conflict: str | None = None

    def as_dict(self, lang: str = "en") -> dict:
        return {"act_kind": self.act_kind, "act": ACT_KINDS[self.act_kind][lang], "body": self.body,
                "body_name": BY_ID[self.body].name[lang], "role": self.role, "role_name": ROLES[self.role][lang],
                "citation": self.citation.as_dict(lang), "requirement": self.requirement, "conflict": self.conflict}


def _rows(article: str, body: str, requirement: str, *items: tuple[str, str, str] | tuple[str, str, str, str]
          ) -> tuple[Competence, ...]:
    """Rows of one article: (sub-paragraph, role, act kind[, conflict])."""
    return tuple(Competence(item[2], body, item[1], cite(article, "", item[0]), requirement,
                            item[3] if len(item) > 3 else None) for item in items)


R_H2 = "R-H2"

MATRIX: tuple[Competence, ...] = (
    Competence("priority_sectors", "president", "approves", cite("3", "1"), "003.a3"),
    *_rows("4", "government", "003.a4",
           ("1", "proposes", "priority_sectors"), ("2", "approves", "sectoral_programme"),
           ("3", "approves", "intersectoral_st_plan"), ("4", "approves", "ndi_list"),
           ("5", "approves", "local_content_expertise_rules"), ("6", "approves", "republican_map"),
           ("7", "approves", "unified_map"), ("8", "approves", "high_tech_products_list"),
           ("9", "approves", "grant_priority_directions"), ("10", "approves", "export_reimbursement_rules"),
           ("11", "creates", "coordination_council"), ("11", "approves", "coordination_council_regulation"),
           ("11", "approves", "coordination_council_composition"), ("12", "approves", "tech_policy_council"),
           ("12", "approves", "tech_policy_council_regulation"), ("12", "approves", "tech_policy_council_composition"),
           ("13", "approves", "normative_legal_acts"), ("14", "approves", "model_regulations", R_H2),
           ("15", "exercises", "other_powers")),
    *_rows("5", "authorized_body", "003.a5",
           ("1", "participates", "state_policy"), ("2", "develops", "intersectoral_st_plan"),
           ("3", "develops", "state_programme"), ("3", "agrees", "state_programme"),
           ("3", "develops", "sectoral_programme"), ("3", "agrees", "sectoral_programme"),
           ("4", "proposes", "priority_sectors"), ("5", "informs", "effectiveness_information"),
           ("6", "develops", "local_content_expertise_rules"), ("7", "develops", "unified_map"),
           ("8", "develops", "high_tech_products_list"), ("9", "proposes", "grant_priority_directions"),
           ("10", "develops", "coordination_council_regulation"),
           ("10", "proposes", "coordination_council_composition"),
           ("11", "develops", "tech_policy_council_regulation"), ("11", "proposes", "tech_policy_council_composition"),
           ("12", "agrees", "state_entity_strategy"), ("13", "develops", "normative_legal_acts"),
           ("13", "approves", "normative_legal_acts"), ("14", "approves", "model_regulations", R_H2),
           ("15", "develops", "export_reimbursement_rules"), ("16", "develops", "export_goods_list"),
           ("17", "exercises", "other_powers")),
    *_rows("6", "state_planning_body", "003.a6",
           ("1", "participates", "state_policy"), ("2", "proposes", "priority_sectors"),
           ("3", "evaluates", "state_programme"), ("3", "evaluates", "sectoral_programme"),
           ("4", "forms", "local_content_policy"), ("5", "coordinates", "sectoral_programme_implementation"),
           ("6", "coordinates", "personnel_and_employment"), ("7", "evaluates", "system_effectiveness"),
           ("8", "approves", "effectiveness_methodology", R_H2), ("9", "agrees", "state_entity_strategy"),
           ("10", "exercises", "other_powers")),
    *_rows("7", "state_bodies", "003.a7-8",
           ("1", "participates", "state_policy"), ("2", "proposes", "priority_sectors"),
           ("3", "develops", "state_programme"), ("3", "develops", "sectoral_programme"),
           ("4", "informs", "implementation_information"), ("5", "develops", "normative_legal_acts"),
           ("5", "approves", "normative_legal_acts"), ("6", "exercises", "other_powers")),
    *_rows("8", "local_executive_bodies", "003.a7-8",
           ("1", "participates", "state_policy"), ("2", "approves", "regional_map"),
           ("3", "proposes", "priority_sectors"), ("4", "informs", "implementation_information"),
           ("5", "develops", "normative_legal_acts"), ("5", "approves", "normative_legal_acts"),
           ("6", "exercises", "other_powers")),
    Competence("coordination_council_regulation", "government", "approves", cite("9", "2"), "003.a9.p2"),
    Competence("coordination_council_composition", "government", "approves", cite("9", "2"), "003.a9.p2"),
    Competence("tech_policy_council_composition", "government", "approves", cite("10", "2", None, indent(2)),
               "003.a10.p2"),
    Competence("tech_policy_council_regulation", "government", "approves", cite("10", "2", None, indent(2)),
               "003.a10.p2"),
    *(Competence(kind, "tech_policy_council", "recommends", cite("10", "3", sub), "003.a10.p3")
      for sub, kind in (("1", "strategic_tasks"), ("2", "stimulation_proposals"), ("3", "intersectoral_st_plan"),
                        ("4", "critical_technologies"), ("4", "grant_priority_directions"),
                        ("5", "high_tech_activity_list"))),
    Competence("ndi_list_equity_export", "government", "approves", cite("12", "6"), "003.a12.p1"),
    Competence("effectiveness_methodology", "authorized_body", "approves", cite("19", "4", None, indent(2)),
               "003.a19.p4", R_H2),
)


def rows(act_kind: str, role: str | None = None) -> tuple[Competence, ...]:
    """The rows of one kind of act (of one role)."""
    return tuple(r for r in MATRIX if r.act_kind == act_kind and (role is None or r.role == role))


def competent(act_kind: str, role: str) -> tuple[Body, ...]:
    """The bodies the law makes competent to `role` the `act_kind`, in the act's order (empty: the
    seed names none)."""
    return tuple(BY_ID[body] for body in dict.fromkeys(r.body for r in rows(act_kind, role)))


def conflicts() -> dict[str, tuple[Competence, ...]]:
    """The acts with two approvers in the seed (R-H2), with both rows."""
    found: dict[str, tuple[Competence, ...]] = {}
    for r in MATRIX:
        if r.conflict:
            found[r.act_kind] = (*found.get(r.act_kind, ()), r)
    return found


# --- the procedure "institution-act" ---------------------------------------------------------------------------


class InstitutionActFacts(LawFacts):
    """An act or decision of articles 4-12 as it was made: its kind, who approved it and, where known,
    who developed and who proposed it; the date it was approved (its law applies)."""

    act_kind: ActKind = Field(description="the kind of act (the keys of `competences.ACT_KINDS`)")
    title: Name = Field(description="the act's title as adopted")
    approved_on: Day
    approved_by: BodyId | None = Field(None, description="the body that approved (determined) the act")
    developed_by: BodyId | None = Field(None, description="the body that developed it")
    proposed_by: BodyId | None = Field(None, description="the body that proposed it")


CHECKED_ROLES: dict[str, str] = {"approves": "approved_by", "develops": "developed_by", "proposes": "proposed_by"}

# A rule's own id where the requirement id names the paragraph; else `003.competence.<kind>.<role>`.
_IDS: dict[tuple[str, str], str] = {
    ("coordination_council_composition", "approves"): "003.a9.p2",
    ("coordination_council_regulation", "approves"): "003.a9.p2.regulation",
    ("coordination_council_composition", "proposes"): "003.a9.p2.proposal",
    ("coordination_council_regulation", "develops"): "003.a9.p2.development",
    ("tech_policy_council_composition", "approves"): "003.a10.p2",
    ("tech_policy_council_regulation", "approves"): "003.a10.p2.regulation",
    ("tech_policy_council_composition", "proposes"): "003.a10.p2.proposal",
    ("tech_policy_council_regulation", "develops"): "003.a10.p2.development",
    ("grant_priority_directions", "approves"): "003.a4.9",
}

_REQUIREMENT: Messages = {
    "kk": "«{act}» актісін {bodies} {role_kk} ({paragraphs}).",
    "ru": "Кто {role_ru} акт «{act}»: {bodies} ({paragraphs}).",
    "en": "{act}: {role_en} by {bodies} ({paragraphs}).",
}
_PARTICIPLE = {"approves": ("бекітеді", "утверждает", "approved"), "develops": ("әзірлейді", "разрабатывает",
                                                                               "developed"),
               "proposes": ("ұсынады", "предлагает", "proposed")}
_FAILURE: Messages = {
    "kk": "«{act}» актісін {actual} {did_kk}, ал Заң бойынша оны {bodies} {role_kk} ({paragraphs}): акт құзыретті "
    "емес органның актісі ретінде жарамсыз.",
    "ru": "Акт «{act}» {did_ru}: {actual}; по Закону его {role_ru} {bodies} ({paragraphs}): акт органа, не "
    "обладающего этой компетенцией, недействителен.",
    "en": "{act} was {role_en} by {actual}, but under the Law it is {role_en} by {bodies} ({paragraphs}): an act of a "
    "body without that competence is invalid.",
}
_DID = {"approves": ("бекіткен", "утверждён органом"), "develops": ("әзірлеген", "разработан органом"),
        "proposes": ("ұсынған", "предложен органом")}
_OTHER: Messages = {"kk": "Заңда аталмаған орган", "ru": "орган, не названный в Законе",
                    "en": "a body the Law does not name"}


def _names(bodies: tuple[Body, ...], lang: str) -> str:
    joiner = {"kk": " немесе ", "ru": " или ", "en": " or "}[lang]
    return joiner.join(b.name[lang] for b in bodies)


def _texts(kind: str, role: str) -> tuple[Messages, Messages]:
    found = rows(kind, role)
    bodies = competent(kind, role)
    kk, ru, en = _PARTICIPLE[role]
    fill = {"act": ACT_KINDS[kind], "bodies": {lang: _names(bodies, lang) for lang in LANGUAGES},
            "paragraphs": {lang: "; ".join(r.citation.short(lang) for r in found) for lang in LANGUAGES},
            "role_kk": kk, "role_ru": ru, "role_en": en}
    requirement = render(_REQUIREMENT, fill)
    failure = {lang: _FAILURE[lang].replace("{act}", ACT_KINDS[kind][lang])
               .replace("{bodies}", fill["bodies"][lang]).replace("{paragraphs}", fill["paragraphs"][lang])
               .replace("{role_kk}", kk).replace("{role_ru}", ru).replace("{role_en}", en)
               .replace("{did_kk}", _DID[role][0]).replace("{did_ru}", _DID[role][1]) for lang in LANGUAGES}
    return requirement, failure


def _actual(field: str):
    def explain(facts: InstitutionActFacts, ctx: Context) -> dict[str, Any]:
        body = getattr(facts, field)
        name = BY_ID[body].name if body in BY_ID else _OTHER
        return {"actual": name}

    return explain


def _competence_rule(kind: str, role: str) -> Rule:
    field = CHECKED_ROLES[role]
    allowed = [b.id for b in competent(kind, role)]
    requirement, failure = _texts(kind, role)
    # A council's composition and regulation are cited at the council's own article (9(2), 10(2)).
    found = rows(kind, role)
    return rule(
        _IDS.get((kind, role), f"003.competence.{kind}.{role}"),
        found[-1].citation if kind.endswith(("_composition", "_regulation")) else found[0].citation,
        requirement,
        failure,
        lambda f, ctx: getattr(f, field).is_in(allowed),
        applies=lambda f: (f.act_kind == kind) & getattr(f, field).is_not_null(),
        explain=_actual(field),
    )


COMPETENCE_RULES: tuple[Rule, ...] = tuple(
    _competence_rule(kind, role) for kind in ACT_KINDS for role in CHECKED_ROLES if rows(kind, role))

_CONFLICT_NOTE: Messages = {
    "kk": "Бастапқы құжатта «{act}» актісін бекітетін екі орган аталған: {rows}. R-H2 оқылымы бойынша екеуінің кез "
    "келгенінің бекітуі қабылданады; бекіткен орган жазылды: {actual}.",
    "ru": "Исходный документ называет два органа, утверждающих «{act}»: {rows}. По прочтению R-H2 принимается "
    "утверждение любым из них; записан утвердивший орган: {actual}.",
    "en": "The source document names two approvers of {act}: {rows}. Under reading R-H2 an approval by either is "
    "accepted; the approver recorded: {actual}.",
}
_NO_APPROVER_NOTE: Messages = {
    "kk": "Бастапқы құжат «{act}» актісін бекітетін органды атамайды: бекіту тексерілмеді.",
    "ru": "Исходный документ не называет органа, утверждающего «{act}»: утверждение не проверялось.",
    "en": "The source document names no body that approves {act}: the approval was not checked.",
}


def _finish(verdict: Verdict, facts: InstitutionActFacts, references: Mapping[str, Any]) -> Verdict:
    verdict = with_treaty_notes(verdict, facts)
    kind, act = facts.act_kind, ACT_KINDS[facts.act_kind]
    if facts.approved_by is not None and kind in conflicts():
        both = {lang: "; ".join(f"{BY_ID[r.body].name[lang]} ({r.citation.short(lang)})" for r in conflicts()[kind])
                for lang in LANGUAGES}
        actual = BY_ID[facts.approved_by].name if facts.approved_by in BY_ID else _OTHER
        verdict = with_note(verdict, render(_CONFLICT_NOTE, {"act": act, "rows": both, "actual": actual}))
    if facts.approved_by is not None and not rows(kind, "approves"):
        verdict = with_note(verdict, render(_NO_APPROVER_NOTE, {"act": act}))
    return verdict


PROCEDURE = declare(Procedure(
    name="institution-act",
    subject="institutions.act",
    title={"kk": "Актіні құзыретті органның бекітуі (Заңның 4-8-баптары)",
           "ru": "Утверждение акта компетентным органом (статьи 4-8 Закона)",
           "en": "An act approved by the competent body (articles 4-8 of the Law)"},
    facts=InstitutionActFacts,
    rules=COMPETENCE_RULES,
    date=lambda facts: facts.approved_on,
    finish=_finish,
))


def guard(act_kind: str, role: str, body: str) -> bool:
    """Whether `body` may `role` the `act_kind` (True where the seed names nobody for that role: then
    there is nothing to refuse)."""
    allowed = competent(act_kind, role)
    return not allowed or body in {b.id for b in allowed}

