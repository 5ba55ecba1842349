"""The rules every decision on a support measure of act 003 shares, innovation grants included:
who may receive support (article 1(3)-(4)), the measures other laws govern (article 20(3)-(5)),
the sectoral programme a decision rests on (article 20(1)) and the criteria of article 20(6)
(`award_criteria`)."""

from __future__ import annotations

import polars as pl

from ...columnar import Fields
from ...rules import Messages, Rule
from .award_criteria import basis_rules
from .common import cite, rule


def at_decision(f: Fields) -> pl.Expr:
    """Where the facts are of a decision, not yet of an application."""
    return f.stage == "decision"


A1_4 = rule(
    "003.a1.4",
    cite("1", "4"),
    {
        "kk": "Грант алушы – индустриялық-инновациялық қызметті жүзеге асыратын жеке немесе заңды тұлға "
        "(индустриялық-инновациялық қызмет субъектісі).",
        "ru": "Получатель гранта – физическое или юридическое лицо, осуществляющее индустриально-инновационную "
        "деятельность (субъект индустриально-инновационной деятельности).",
        "en": "The recipient is a natural or legal person carrying out industrial-innovative activity (a subject "
        "of industrial-innovative activity).",
    },
    {
        "kk": "Өтініш берушінің жүзеге асыратын индустриялық-инновациялық қызметі көрсетілмеген.",
        "ru": "Не указана индустриально-инновационная деятельность, которую осуществляет заявитель.",
        "en": "The industrial-innovative activity the applicant carries out is not stated.",
    },
    lambda f, ctx: f.applicant.activity.str.strip_chars().str.len_chars() > 0,
)



OTHER_LAWS: dict[str, tuple[str, Messages]] = {
    "agro_industrial": ("3", {
        "kk": "«Агроөнеркәсіптік кешенді және ауылдық аумақтарды дамытуды мемлекеттік реттеу туралы» Заң",
        "ru": "Закон «О государственном регулировании развития агропромышленного комплекса и сельских территорий»",
        "en": "the Law on state regulation of the development of the agro-industrial complex and rural areas"}),
    "special_economic_zone": ("4", {
        "kk": "«Қазақстан Республикасының арнайы экономикалық аймақтары туралы» Заң",
        "ru": "Закон «О специальных экономических зонах в Республике Казахстан»",
        "en": "the Law on special economic zones of the Republic of Kazakhstan"}),
    "investment": ("5", {
        "kk": "«Инвестициялар туралы» Заң", "ru": "Закон «Об инвестициях»", "en": "the Law on investments"}),
}

def _other_law(regime: str | None) -> dict:
    if regime is None:
        return {}
    paragraph, law = OTHER_LAWS[regime]
    return {"paragraph": paragraph, "law": law}


A20_3_5 = rule(
    "003.a20.p3-5",
    cite("20", "3-5"),
    {
        "kk": "Агроөнеркәсіптік кешендегі субъектілерді қолдау, арнайы экономикалық аймақтардағы субъектілерді "
        "ынталандыру және инвестициялық қызметті ынталандыру өз заңдарымен айқындалады (Заңның 20-бабының "
        "3-5-тармақтары).",
        "ru": "Поддержка субъектов агропромышленного комплекса, стимулирование субъектов специальных экономических зон "
        "и стимулирование инвестиционной деятельности определяются своими законами (пункты 3-5 статьи 20 Закона).",
        "en": "Support of subjects in the agro-industrial complex, stimulation of subjects in special economic zones "
        "and of investment activity are governed by their own laws (article 20(3)-(5)).",
    },
    {
        "kk": "Бұл қолдау осы Заңның 20-бабының {paragraph}-тармағына сәйкес {law} бойынша айқындалады: шешімде сол "
        "заң көрсетіледі.",
        "ru": "Эта поддержка в соответствии с пунктом {paragraph} статьи 20 Закона определяется по: {law}; в решении "
        "указывается этот закон.",
        "en": "Under article 20({paragraph}) this support is governed by {law}: the decision names that law.",
    },
    lambda f, ctx: f.other_regime.is_null(),
    explain=lambda facts, ctx: _other_law(facts.other_regime),
)

A20_1 = rule(
    "003.a20.p1",
    cite("20", "1"),
    {
        "kk": "Мемлекеттік қолдау түрлері мен деңгейлері салалық бағдарламаларда көзделеді: шешім салалық "
        "бағдарламаға сілтеме жасайды.",
        "ru": "Виды и уровни государственной поддержки предусматриваются отраслевыми программами: решение ссылается "
        "на отраслевую программу.",
        "en": "The types and levels of state support are provided in sectoral programmes: the decision cites the "
        "sectoral programme.",
    },
    {
        "kk": "Шешімде қолдау түрі мен деңгейін көздейтін салалық бағдарлама көрсетілмеген.",
        "ru": "В решении не указана отраслевая программа, предусматривающая вид и уровень поддержки.",
        "en": "The decision names no sectoral programme providing the type and level of support.",
    },
    lambda f, ctx: f.sectoral_programme.str.strip_chars().str.len_chars() > 0,
    applies=at_decision,
)

# Who may receive support, and whether this Law governs it: every procedure of a measure starts so.
SUBJECT_RULES: tuple[Rule, ...] = (A1_4, A20_3_5)


def decision_rules(prefix: str) -> tuple[Rule, ...]:
    """What a decision on a measure rests on: the sectoral programme and the criteria of article
    20(6), ids `prefix` + ".criteria" and ".competitiveness"."""
    return (A20_1, *basis_rules(prefix, "award_basis", at_decision))
