"""Act 003, articles 21-33: what the seed itself says of a case of each support measure (group G),
one procedure per measure, `support-measure.<id>` (`support_measures.MEASURES` lists them; the
innovation grant is the procedure "innovation-grant").

Every procedure starts with who may receive support and whether this Law governs it
(`decision_rules.SUBJECT_RULES`), then the measure's own rules, then at a decision the sectoral
programme and the criteria of article 20(6). The conditions, rates, shares and caps of every
measure are delegated to the Government and not in the source: each is a parameter with no value
(`support.*`), and every verdict of a measure says which of them the case would need.

`fitting(facts)` answers "which measures fit me, and why": every procedure on the facts a person
gives, each verdict with its citations and the measure's provider.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from ... import display
from ...columnar import Fields
from ...facts import InvalidFacts
from ...procedure import Procedure, catalogue, declare, with_note
from ...rules import Context, Messages, Rule, Verdict, render
from .award_criteria import Finding
from .common import cite, rule, with_treaty_notes
from .decision_facts import DecisionFacts
from .decision_rules import SUBJECT_RULES, decision_rules
from .support_measures import BY_ID, MEASURES, Measure
from .values import Code, Share

PURPOSES = ("new_project", "modernisation", "expansion")  # articles 21(2), 23(2), 24(2)
Purpose = Literal["new_project", "modernisation", "expansion", "other"]
MAX_GOODS = 500

# --- facts -------------------------------------------------------------------------------------------


class FinancingFacts(DecisionFacts):
    provider: Literal["development_bank", "national_development_institution", "other"]
    purpose: Purpose
    leasing: StrictBool = False
    term_months: Annotated[int, Field(ge=1, le=1_200, description="term of the financing, months")]


# Who gives the loan: a second-tier bank is one of the financial institutions (articles 22-24).
Lender = Literal["second_tier_bank", "financial_institution", "other"]
FINANCIAL_INSTITUTIONS = ("second_tier_bank", "financial_institution")


class GuaranteeFacts(DecisionFacts):
    lender: Lender = Field(description="who gives the loan guaranteed")


class OwnContributionFacts(DecisionFacts):
    purpose: Purpose
    own_contribution: Share = Field(description="the subject's own movable or immovable property, money included, "
                                    "put into the project, tenge")


class LendingFacts(OwnContributionFacts):
    lender: Lender = Field(description="who lends to the subject: a financial institution in which the financial "
                           "agent placed funds")


class SubsidyFacts(OwnContributionFacts):
    instrument: Literal["loan", "bond"]
    lender: Lender | None = Field(None, description="for a loan: who gives it")
    issuer: Literal["the_subject", "other"] | None = Field(None, description="for bonds: who issues them")
    working_capital: StrictBool = Field(description="the loan or bond is to replenish working capital")


class EquityFacts(DecisionFacts):
    provider: Literal["national_development_institution", "other"]
    productivity_and_priority_sectors: Finding | None = None
    economic_and_financial_attractiveness: Finding | None = None
    technological_potential: Finding | None = None


class GuaranteedOrderFacts(DecisionFacts):
    buyer: Literal["national_managing_holding", "national_holding", "national_company", "affiliated_entity", "other"]
    memorandum: Annotated[str, Field(max_length=200,
                                     description="the technological memorandum the order rests on")] = ""


class TrainingAbroadFacts(DecisionFacts):
    specialty: Code
    specialty_kind: Literal["technical", "technological", "other"]
    trained_in_kazakhstan: StrictBool = Field(description="the specialty is taught in Kazakhstan")


class InfrastructureFacts(DecisionFacts):
    purpose: Literal["new_competitive_production", "modernisation", "expansion", "other"]


class DomesticMarketFacts(DecisionFacts):
    costs: Literal["comprehensive_plan_consulting", "expertise_consulting", "domestic_promotion", "other"]


class ExportFacts(DecisionFacts):
    goods: Annotated[list[Code], Field(min_length=1, max_length=MAX_GOODS,
                                       description="codes of the processed domestic goods promoted abroad")]


# --- the rules ---------------------------------------------------------------------------------------

_PURPOSE_REQUIREMENT: Messages = {
    "kk": "Қолдау мына жобаларға беріледі: жаңа индустриялық-инновациялық жобалар, сондай-ақ жұмыс істеп тұрған "
    "өндірістерді жаңғыртуға және кеңейтуге бағытталған жобалар.",
    "ru": "Поддержка предоставляется на: новые индустриально-инновационные проекты, а также проекты модернизации и "
    "расширения действующих производств.",
    "en": "Support is given for new industrial-innovative projects, and projects modernising or expanding existing "
    "production.",
}


def _purpose_rule(rule_id: str, article: str, paragraph: str) -> Rule:
    return rule(
        rule_id,
        cite(article, paragraph),
        _PURPOSE_REQUIREMENT,
        {
            "kk": "Жобаның мақсаты жаңа жоба да, жаңғырту да, кеңейту де емес.",
            "ru": "Цель проекта – не новый проект, не модернизация и не расширение.",
            "en": "The project is neither a new project nor a modernisation or expansion of existing production.",
        },
        lambda f, ctx: f.purpose.is_in(list(PURPOSES)),
    )


def _own_contribution_rule(rule_id: str, article: str, paragraph: str) -> Rule:
    return rule(
        rule_id,
        cite(article, paragraph),
        {
            "kk": "Субъект өзінің жылжымалы немесе жылжымайтын мүлкін, оның ішінде ақшасын ұсыну арқылы қатысады.",
            "ru": "Субъект участвует собственным движимым или недвижимым имуществом, в том числе деньгами.",
            "en": "The subject takes part with its own movable or immovable property, money included.",
        },
        {
            "kk": "Субъектінің меншікті қатысуы жоқ (0 ₸); ең аз үлесі бастапқы құжатта белгіленбеген.",
            "ru": "Собственного участия субъекта нет (0 ₸); минимальная доля исходным документом не установлена.",
            "en": "The subject puts in nothing of its own (0 ₸); the minimum share is not set by the source document.",
        },
        lambda f, ctx: f.own_contribution > 0,
    )


FINANCING_RULES = (
    rule(
        "003.a21.p1",
        cite("21", "1"),
        {
            "kk": "Қаржыландыруды Қазақстан даму банкі, сондай-ақ Үкімет айқындайтын басқа да ұлттық даму институттары "
            "жүзеге асырады.",
            "ru": "Финансирование осуществляют Банк развития Казахстана и другие национальные институты развития, "
            "определяемые Правительством.",
            "en": "Financing is provided by the Development Bank of Kazakhstan and other national development "
            "institutions designated by the Government.",
        },
        {
            "kk": "Қаржыландыруды Қазақстан даму банкі де, ұлттық даму институты да емес тұлға ұсынады.",
            "ru": "Финансирование предоставляет лицо, не являющееся ни Банком развития Казахстана, ни национальным "
            "институтом развития.",
            "en": "The financing is provided by neither the Development Bank of Kazakhstan nor a national development "
            "institution.",
        },
        lambda f, ctx: f.provider != "other",
    ),
    _purpose_rule("003.a21.p2", "21", "2"),
    rule(
        "003.a21.p3",
        cite("21", "3"),
        {
            "kk": "Лизингтік қаржыландыру он жылдан аспайтын мерзімге беріледі.",
            "ru": "Лизинговое финансирование предоставляется на срок не более десяти лет.",
            "en": "Leasing financing is given for a term of at most ten years.",
        },
        {
            "kk": "Лизинг мерзімі {term} ай, ал ең ұзақ мерзімі {years} жыл ({months} ай).",
            "ru": "Срок лизинга {term} мес., а наибольший срок – {years} лет ({months} мес.).",
            "en": "The leasing term is {term} months; the longest allowed is {years} years ({months} months).",
        },
        lambda f, ctx: f.term_months <= ctx.param("iil.leasing_max_years") * 12,
        applies=lambda f: f.leasing,
        explain=lambda facts, ctx: {"term": facts.term_months, "years": ctx.param("iil.leasing_max_years"),
                                    "months": ctx.param("iil.leasing_max_years") * 12},
    ),
)

GUARANTEE_RULES = (
    rule(
        "003.a22",
        cite("22", "1"),
        {
            "kk": "Кепілдік міндеттемелер мен кепілдемелер екінші деңгейдегі банктердің қарыздары бойынша беріледі.",
            "ru": "Гарантии и поручительства предоставляются по займам банков второго уровня.",
            "en": "Guarantees and sureties are given on loans of second-tier banks.",
        },
        {
            "kk": "Қарызды екінші деңгейдегі банк бермейді.",
            "ru": "Заём выдаёт не банк второго уровня.",
            "en": "The loan is not given by a second-tier bank.",
        },
        lambda f, ctx: f.lender == "second_tier_bank",
    ),
)

LENDING_RULES = (
    rule(
        "003.a23.p1",
        cite("23", "1"),
        {
            "kk": "Кредит беруді қаржы агенті қаражатты қаржы институттарында орналастыру арқылы жүзеге асырады.",
            "ru": "Кредитование осуществляет финансовый агент путём размещения средств в финансовых институтах.",
            "en": "The financial agent lends by placing funds in financial institutions.",
        },
        {
            "kk": "Кредитті қаржы институты бермейді.",
            "ru": "Кредит выдаёт не финансовый институт.",
            "en": "The loan is not given by a financial institution.",
        },
        lambda f, ctx: f.lender.is_in(list(FINANCIAL_INSTITUTIONS)),
    ),
    _own_contribution_rule("003.a23.p2", "23", "2"),
    _purpose_rule("003.a23.p2.purpose", "23", "2"),
)

SUBSIDY_RULES = (
    rule(
        "003.a24.p1",
        cite("24", "1"),
        {
            "kk": "Қаржы институттары субъектілерге беретін кредиттер бойынша сыйақы ставкалары және субъектілер "
            "айналысқа шығаратын облигациялар бойынша купондық сыйақылар субсидияланады.",
            "ru": "Субсидируются ставки вознаграждения по кредитам, выдаваемым субъектам финансовыми институтами, и "
            "купонное вознаграждение по облигациям, выпускаемым самими субъектами.",
            "en": "Interest is subsidised on loans financial institutions give the subjects, and the coupon on "
            "bonds the subjects themselves issue.",
        },
        {
            "kk": "Кредитті қаржы институты бермейді немесе облигацияларды субъектінің өзі шығармайды.",
            "ru": "Кредит выдаёт не финансовый институт либо облигации выпускает не сам субъект.",
            "en": "The loan is not from a financial institution, or the bonds are not issued by the subject itself.",
        },
        lambda f, ctx: pl.when(f.instrument == "loan").then(f.lender.is_in(list(FINANCIAL_INSTITUTIONS)))
        .otherwise(f.issuer == "the_subject").fill_null(False),
    ),
    _own_contribution_rule("003.a24.p2.a1", "24", "2"),
    _purpose_rule("003.a24.p2.a1.purpose", "24", "2"),
    rule(
        "003.a24.p2.a2",
        cite("24", "2", None, "indent 2"),
        {
            "kk": "Айналымдағы қаражатты толтыруға арналған кредиттер бойынша сыйақы ставкалары және облигациялар "
            "бойынша купондық сыйақылар субсидияланбайды.",
            "ru": "Ставки вознаграждения по кредитам и купонное вознаграждение по облигациям на пополнение оборотных "
            "средств не субсидируются.",
            "en": "Interest on loans and coupon on bonds for replenishing working capital are not subsidised.",
        },
        {
            "kk": "Кредит немесе облигация айналымдағы қаражатты толтыруға арналған: субсидиялау жүзеге асырылмайды.",
            "ru": "Кредит или облигации предназначены для пополнения оборотных средств: субсидирование не "
            "осуществляется.",
            "en": "The loan or bond is for replenishing working capital: it is not subsidised.",
        },
        lambda f, ctx: f.working_capital.not_(),
    ),
)

_EQUITY_TESTS = ("productivity_and_priority_sectors", "economic_and_financial_attractiveness",
                 "technological_potential")
_EQUITY_NAMES: dict[str, Messages] = {
    "productivity_and_priority_sectors": {"kk": "еңбек өнімділігі мақсаттарына сәйкестік (1)",
                                          "ru": "соответствие целям производительности труда (1)",
                                          "en": "fit with the productivity goals (1)"},
    "economic_and_financial_attractiveness": {"kk": "экономикалық және қаржылық тартымдылық (2)",
                                              "ru": "экономическая и финансовая привлекательность (2)",
                                              "en": "economic and financial attractiveness (2)"},
    "technological_potential": {"kk": "технологиялық әлеуетті арттыруға бағыттылық (3)",
                                "ru": "направленность на повышение технологического потенциала (3)",
                                "en": "orientation to technological potential (3)"},
}


def _missing_tests(facts: EquityFacts, ctx: Context) -> dict[str, Any]:
    missing = [name for name in _EQUITY_TESTS if getattr(facts, name) is None]
    return {"missing": {lang: ", ".join(_EQUITY_NAMES[n][lang] for n in missing) for lang in ("kk", "ru", "en")}}


EQUITY_RULES = (
    rule(
        "003.a25",
        cite("25"),
        {
            "kk": "Жарғылық капиталға инвестицияларды Үкімет айқындайтын ұлттық даму институттары жоба үш талапқа да "
            "сәйкес келгенде жүзеге асырады: еңбек өнімділігін арттыру мақсаттарына сәйкестік және басым салаларды "
            "ынталандыру; экономикалық және қаржылық тартымдылық; технологиялық әлеуетті арттыруға бағыттылық.",
            "ru": "Инвестиции в уставный капитал осуществляют национальные институты развития, определяемые "
            "Правительством, когда проект отвечает всем трём требованиям: соответствие целям повышения "
            "производительности труда и стимулирование приоритетных секторов; экономическая и финансовая "
            "привлекательность; направленность на повышение технологического потенциала.",
            "en": "Equity investments are made by national development institutions designated by the Government "
            "when the project meets all three tests: fit with the productivity goals and stimulating priority "
            "sectors; economic and financial attractiveness; orientation to raising technological potential.",
        },
        {
            "kk": "Жобаның мына талаптарға сәйкестігі дәлелденбеген: {missing}; немесе инвестор ұлттық даму "
            "институты емес.",
            "ru": "Не обосновано соответствие проекта требованиям: {missing}; либо инвестор не национальный институт "
            "развития.",
            "en": "The project is not shown to meet: {missing}; or the investor is not a national development "
            "institution.",
        },
        lambda f, ctx: (f.provider == "national_development_institution")
        & pl.all_horizontal([getattr(f, name).given().fill_null(False) for name in _EQUITY_TESTS]),
        explain=_missing_tests,
    ),
)

GUARANTEED_ORDER_RULES = (
    rule(
        "003.a26",
        cite("26", "2"),
        {
            "kk": "Кепілдендірілген тапсырысты технологиялық меморандумдар негізінде ұлттық басқарушы холдингтер, "
            "ұлттық холдингтер, ұлттық компаниялар және олармен аффилиирленген заңды тұлғалар орналастырады.",
            "ru": "Гарантированный заказ размещают национальные управляющие холдинги, национальные холдинги, "
            "национальные компании и аффилированные с ними юридические лица на основе технологических меморандумов.",
            "en": "A guaranteed order is placed by national managing holdings, national holdings, national companies "
            "and entities affiliated with them, on the basis of technological memoranda.",
        },
        {
            "kk": "Тапсырыс беруші аталған тұлғалардың қатарына жатпайды немесе технологиялық меморандум "
            "көрсетілмеген.",
            "ru": "Заказчик не относится к названным лицам или не указан технологический меморандум.",
            "en": "The buyer is not one of those named, or no technological memorandum is given.",
        },
        lambda f, ctx: (f.buyer != "other") & (f.memorandum.str.strip_chars().str.len_chars() > 0),
    ),
)

KZ_SPECIALTIES = "kz_specialties"  # reference list: specialties taught in Kazakhstan (not in the source)


def _not_taught_here(f: Fields, ctx: Context) -> pl.Expr:
    listed = [code for code in (ctx.reference.get(KZ_SPECIALTIES) or {}) if isinstance(code, str)]
    return f.specialty_kind.is_in(["technical", "technological"]) & f.trained_in_kazakhstan.not_() \
        & ~f.specialty.is_in(listed)


TRAINING_ABROAD_RULES = (
    rule(
        "003.a28.p1.4",
        cite("28", "1", "4"),
        {
            "kk": "Шетелде кадрлар даярлау шығындарының бір бөлігі Қазақстан Республикасының аумағында даярлау жүзеге "
            "асырылмайтын техникалық, технологиялық мамандықтар бойынша өтеледі.",
            "ru": "Часть затрат на подготовку кадров за рубежом возмещается по техническим и технологическим "
            "специальностям, подготовка по которым в Республике Казахстан не осуществляется.",
            "en": "Part of the costs of training staff abroad is reimbursed for technical and technological "
            "specialties not taught in Kazakhstan.",
        },
        {
            "kk": "«{specialty}» мамандығы техникалық не технологиялық емес немесе Қазақстанда даярланады.",
            "ru": "Специальность «{specialty}» не техническая и не технологическая либо по ней ведётся подготовка в "
            "Казахстане.",
            "en": "The specialty '{specialty}' is neither technical nor technological, or it is taught in Kazakhstan.",
        },
        _not_taught_here,
        explain=lambda facts, ctx: {"specialty": facts.specialty},
    ),
)

INFRASTRUCTURE_RULES = (
    rule(
        "003.a29",
        cite("29", "1"),
        {
            "kk": "Инженерлік-коммуникациялық инфрақұрылыммен қамтамасыз ету жаңа бәсекеге қабілетті өндірістерді "
            "құру, жұмыс істеп тұрған өндірістерді жаңғырту (техникалық қайта жарақтандыру) және кеңейту үшін жүзеге "
            "асырылады.",
            "ru": "Обеспечение инженерно-коммуникационной инфраструктурой осуществляется для создания новых "
            "конкурентоспособных производств, модернизации (технического перевооружения) и расширения действующих.",
            "en": "Engineering and communication infrastructure is provided to create new competitive production, or "
            "to modernise (technically re-equip) and expand existing production.",
        },
        {
            "kk": "Жобаның мақсаты 29-баптың 1-тармағындағы мақсаттардың ешқайсысына жатпайды.",
            "ru": "Цель проекта не относится ни к одной из целей пункта 1 статьи 29.",
            "en": "The project's purpose is none of those of article 29(1).",
        },
        lambda f, ctx: f.purpose != "other",
    ),
)

DOMESTIC_MARKET_RULES = (
    rule(
        "003.a31.p3",
        cite("31", "3"),
        {
            "kk": "Шығындардың бір бөлігі кешенді жоспарды әзірлеуге немесе сараптама жүргізуге тартылған "
            "консалтингтік компаниялардың қызметіне ақы төлеу және ішкі нарықта тауарларды, жұмыстар мен қызметтерді "
            "жылжыту бойынша өтеледі.",
            "ru": "Часть затрат возмещается по оплате услуг консалтинговых компаний, привлечённых к разработке "
            "комплексного плана проекта или его экспертизе, и по продвижению товаров, работ и услуг на внутреннем "
            "рынке.",
            "en": "Part of the costs is reimbursed for consulting companies engaged to develop a project's "
            "comprehensive plan or its expertise, and for promoting goods, works and services on the domestic market.",
        },
        {
            "kk": "Бұл шығындар 31-баптың 3-тармағында аталмаған.",
            "ru": "Эти затраты не названы в пункте 3 статьи 31.",
            "en": "These costs are not among those of article 31(3).",
        },
        lambda f, ctx: f.costs != "other",
    ),
)

PROCESSED_GOODS = "processed_goods"  # the authorized body's list of processed domestic goods (not in the source)


def _goods_details(facts: ExportFacts, ctx: Context) -> dict[str, Any]:
    listed = ctx.reference.get(PROCESSED_GOODS) or {}
    unknown = [g for g in facts.goods if g not in listed]
    return {"unknown": ", ".join(unknown[:50]), "listed": len(listed)}


EXPORT_RULES = (
    rule(
        "003.a33.p2.6",
        cite("33", "2", "6"),
        {
            "kk": "Сыртқы нарыққа жылжыту шығындарының бір бөлігі уәкілетті орган әзірлеген өңделген отандық "
            "тауарлардың тізбесіндегі тауарлар бойынша өтеледі.",
            "ru": "Часть затрат на продвижение на внешний рынок возмещается по товарам из перечня отечественных "
            "обработанных товаров, разработанного уполномоченным органом.",
            "en": "Part of the costs of promotion abroad is reimbursed for goods on the authorized body's list of "
            "processed domestic goods.",
        },
        {
            "kk": "Мына тауарлар өңделген отандық тауарлардың тізбесінде жоқ: {unknown} (тізбеде {listed} позиция).",
            "ru": "Следующих товаров нет в перечне отечественных обработанных товаров: {unknown} (позиций в перечне: "
            "{listed}).",
            "en": "These goods are not on the list of processed domestic goods: {unknown} ({listed} items listed).",
        },
        lambda f, ctx: f.goods.list.eval(pl.element().is_in(
            [c for c in (ctx.reference.get(PROCESSED_GOODS) or {}) if isinstance(c, str)])).list.all(),
        explain=_goods_details,
    ),
)


# --- what each measure's verdict says the source leaves open -----------------------------------------------

_OPEN_NOTE: Messages = {
    "kk": "Бұл шараның шарттарын, мөлшерлемелерін, үлестерін және шектерін Үкімет айқындайды; бастапқы құжатта "
    "белгіленбегендері: {parameters}. Мұнда тек Заңның өзі айтқаны тексерілді.",
    "ru": "Условия, ставки, доли и пределы этой меры определяет Правительство; не установлены исходным документом: "
    "{parameters}. Здесь проверено только то, что говорит сам Закон.",
    "en": "The conditions, rates, shares and caps of this measure are set by the Government; not set by the source "
    "document: {parameters}. Only what the Law itself says was checked here.",
}
_LIST_NOTE: Messages = {
    "kk": "{list} берілмеген (бастапқы құжатта жоқ): тізбемен салыстыру жүргізілмеді.",
    "ru": "{list} не передан (в исходном документе его нет): сверка с перечнем не проводилась.",
    "en": "{list} was not given (the source document holds none): nothing was compared with it.",
}
_LISTS: dict[str, Messages] = {
    KZ_SPECIALTIES: {"kk": "Қазақстанда даярланатын мамандықтардың тізбесі",
                     "ru": "Перечень специальностей, по которым ведётся подготовка в Казахстане",
                     "en": "The list of specialties taught in Kazakhstan"},
    PROCESSED_GOODS: {"kk": "Өңделген отандық тауарлардың тізбесі", "ru": "Перечень отечественных обработанных товаров",
                      "en": "The list of processed domestic goods"},
}


def _finish(open_parameters: tuple[str, ...], lists: tuple[str, ...]) -> Callable[..., Verdict]:
    def finish(verdict: Verdict, facts: Any, references: Mapping[str, Any]) -> Verdict:
        verdict = with_treaty_notes(verdict, facts)
        if open_parameters:
            names = {lang: ", ".join(display.named(p)[lang] for p in open_parameters) for lang in ("kk", "ru", "en")}
            verdict = with_note(verdict, render(_OPEN_NOTE, {"parameters": names}))
        for key in lists:
            if not references.get(key):
                verdict = with_note(verdict, render(_LIST_NOTE, {"list": _LISTS[key]}))
        return verdict

    return finish


@dataclass(frozen=True)
class _Spec:
    facts: type[DecisionFacts]
    rules: tuple[Rule, ...]
    open_parameters: tuple[str, ...]
    lists: tuple[str, ...] = ()


SPECS: dict[str, _Spec] = {
    "financing": _Spec(FinancingFacts, FINANCING_RULES,
                       ("support.financing.term_bounds", "support.financing.conditions")),
    "guarantee": _Spec(GuaranteeFacts, GUARANTEE_RULES, ("support.guarantee.conditions",)),
    "lending": _Spec(LendingFacts, LENDING_RULES,
                     ("support.lending.min_own_share", "support.lending.conditions")),
    "interest_subsidy": _Spec(SubsidyFacts, SUBSIDY_RULES, ("support.subsidy.min_own_share", "support.subsidy.rate")),
    "equity": _Spec(EquityFacts, EQUITY_RULES, ("support.equity.attractiveness_test",)),
    "guaranteed_order": _Spec(GuaranteedOrderFacts, GUARANTEED_ORDER_RULES, ("memo.term", "memo.procurement_rules")),
    "training_abroad": _Spec(TrainingAbroadFacts, TRAINING_ABROAD_RULES,
                             ("support.training_abroad.share", "support.training_abroad.kz_specialties_list"),
                             (KZ_SPECIALTIES,)),
    "infrastructure": _Spec(InfrastructureFacts, INFRASTRUCTURE_RULES, ()),
    "domestic_market": _Spec(DomesticMarketFacts, DOMESTIC_MARKET_RULES,
                             ("support.domestic_promotion.share", "support.comprehensive_plan.share")),
    "export_promotion": _Spec(ExportFacts, EXPORT_RULES,
                              ("support.export_reimbursement.share", "support.export_reimbursement.cap"),
                              (PROCESSED_GOODS,)),
}


def _declare(measure: Measure, spec: _Spec) -> Procedure:
    return declare(Procedure(
        name=measure.procedure,
        subject=f"support_measure.{measure.id}",
        title={lang: f"{measure.name[lang]} ({measure.article.as_dict(lang)['text']})" for lang in ("kk", "ru", "en")},
        facts=spec.facts,
        rules=(*SUBJECT_RULES, *spec.rules, *decision_rules("003.a20.p6")),
        date=lambda facts: facts.decision_date(),
        references=lambda: dict.fromkeys(spec.lists, {}),
        finish=_finish(spec.open_parameters, spec.lists),
    ))


PROCEDURES: dict[str, Procedure] = {measure_id: _declare(BY_ID[measure_id], spec) for measure_id, spec in SPECS.items()}


# --- which measures fit --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    """One measure on a person's facts: "fits" (every rule the facts reach is met), "does_not_fit"
    (with the verdict's reasons), "needs_facts" (the facts the measure's rules read are missing:
    `missing` names them) or "no_procedure" (the seed gives nothing checkable: only the provider)."""

    measure: Measure
    status: Literal["fits", "does_not_fit", "needs_facts", "no_procedure"]
    verdict: Verdict | None = None
    missing: tuple[str, ...] = ()

    def as_dict(self, lang: str = "en") -> dict:
        return {"measure": self.measure.as_dict(lang), "status": self.status, "missing": list(self.missing),
                "verdict": self.verdict.as_dict(lang) if self.verdict is not None else None}


class _Facts(BaseModel):
    model_config = ConfigDict(extra="allow")


def fitting(facts: Mapping[str, Any], references: Mapping[str, Any] | None = None) -> list[Fit]:
    """Every measure of article 20(2) on `facts` (the common facts and whatever measure facts are
    given; keys another measure reads are ignored), in the act's order."""
    found = []
    for measure in MEASURES:
        procedure = catalogue().get(measure.procedure) if measure.procedure else None
        if procedure is None:
            found.append(Fit(measure, "no_procedure"))
            continue
        own = {k: v for k, v in facts.items() if k in procedure.facts.model_fields}
        try:
            verdict = procedure.evaluate(own, references=references)
        except InvalidFacts as exc:
            missing = tuple(e["field"] for e in exc.errors)
            found.append(Fit(measure, "needs_facts", missing=missing))
            continue
        found.append(Fit(measure, "fits" if verdict.eligible else "does_not_fit", verdict))
    return found
