"""Act 003, article 20(2): the thirteen measures of state support of industrial-innovative activity
(003.a20.p2), as data: each with its sub-paragraph, the article that governs it, who provides it
(articles 12-17 and the measure's own article), and the procedure that checks what the seed itself
says of it, where the seed says something checkable (`measures`). The types and levels of support
are set in sectoral programmes (article 20(1), `support.levels`: not in the source document).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...citation import Citation
from ...rules import Messages
from .common import cite
from .measure_forms import FORMS, MeasureForm


@dataclass(frozen=True)
class Measure:
    id: str
    citation: Citation  # article 20(2), the measure's sub-paragraph
    name: Messages
    article: Citation  # the article that governs it
    provider: Messages
    procedure: str | None = None  # the procedure deciding a case of it, where the seed gives one
    forms: tuple[MeasureForm, ...] = ()  # what the measure consists of, as its article lists it

    def as_dict(self, lang: str = "en") -> dict:
        return {"id": self.id, "name": self.name[lang], "citation": self.citation.as_dict(lang),
                "article": self.article.as_dict(lang), "provider": self.provider[lang], "procedure": self.procedure,
                "forms": [form.as_dict(lang) for form in self.forms]}


def procedure_name(measure_id: str) -> str:
    """The public name of a measure's procedure: `techpolicy check support-measure MEASURE`."""
    return f"support-measure.{measure_id}"


FAMILY = "support-measure"


def _m(sub: str, measure_id: str, name: tuple[str, str, str], article: Citation, provider: tuple[str, str, str],
       checked: bool = True, procedure: str | None = None) -> Measure:
    kk, ru, en = name
    pk, pr, pe = provider
    return Measure(measure_id, cite("20", "2", sub), {"kk": kk, "ru": ru, "en": en}, article,
                   {"kk": pk, "ru": pr, "en": pe}, procedure or (procedure_name(measure_id) if checked else None),
                   FORMS.get(measure_id, ()))


_NDI = ("Қазақстан даму банкі және Үкімет айқындайтын басқа да ұлттық даму институттары",
        "Банк развития Казахстана и другие национальные институты развития, определяемые Правительством",
        "the Development Bank of Kazakhstan and other national development institutions designated by the Government")
_AGENT = ("Үкімет айқындайтын қаржы агенті", "финансовый агент, определяемый Правительством",
          "the financial agent designated by the Government")

MEASURES: tuple[Measure, ...] = (
    _m("1", "financing", ("индустриялық-инновациялық жобаларды қайта қаржыландыруды, лизингтік қаржыландыруды қоса "
                          "алғанда, қаржыландыру",
                          "финансирование индустриально-инновационных проектов, включая рефинансирование и лизинговое "
                          "финансирование",
                          "financing of industrial-innovative projects, refinancing and leasing included"),
       cite("21"), _NDI),
    _m("2", "guarantee", ("қарыздар бойынша кепілді міндеттемелер мен кепілдік беру",
                          "предоставление гарантий и поручительств по займам", "guarantees and sureties on loans"),
       cite("22"), _AGENT),
    _m("3", "lending", ("қаржы институттары арқылы кредиттеу", "кредитование через финансовые институты",
                        "lending through financial institutions"), cite("23"), _AGENT),
    _m("4", "interest_subsidy", ("қаржы институттарына берілетін кредиттер бойынша сыйақы және облигациялар бойынша "
                                 "купондық сыйақы ставкаларын субсидиялау",
                                 "субсидирование ставок вознаграждения по кредитам финансовых институтов и купонного "
                                 "вознаграждения по облигациям",
                                 "subsidising interest on loans of financial institutions and coupon on bonds"),
       cite("24"), _AGENT),
    _m("5", "equity", ("жарғылық капиталға инвестицияларды жүзеге асыру", "осуществление инвестиций в уставный капитал",
                       "investments in charter capital"), cite("25"),
       ("Үкімет айқындайтын ұлттық даму институттары", "национальные институты развития, определяемые Правительством",
        "national development institutions designated by the Government")),
    _m("6", "guaranteed_order", ("кепілдік берілген тапсырыс", "гарантированный заказ", "guaranteed order"),
       cite("26"),
       ("уәкілетті орган (технологиялық меморандумдар); ұлттық басқарушы холдингтер, ұлттық холдингтер, ұлттық "
        "компаниялар және олармен аффилиирленген заңды тұлғалар",
        "уполномоченный орган (технологические меморандумы); национальные управляющие холдинги, национальные "
        "холдинги, национальные компании и аффилированные с ними юридические лица",
        "the authorized body (technological memoranda); national managing holdings, national holdings, national "
        "companies and entities affiliated with them")),
    _m("7", "innovation_grant", ("инновациялық гранттар беру", "предоставление инновационных грантов",
                                 "innovation grants"), cite("27"),
       ("уәкілетті орган технологиялық дамыту жөніндегі ұлттық операторды тарта отырып",
        "уполномоченный орган с привлечением национального оператора по технологическому развитию",
        "the authorized body, engaging the national operator for technological development"),
       procedure="innovation-grant"),
    _m("8", "training_abroad", ("білікті кадр ресурстарымен қамтамасыз ету (шетелде кадрлар даярлау шығындарының "
                                "бөлігін өтеу)",
                                "обеспечение квалифицированными кадровыми ресурсами (возмещение части затрат на "
                                "подготовку кадров за рубежом)",
                                "qualified personnel (reimbursing part of the costs of training staff abroad)"),
       cite("28", "1", "4"),
       ("технологиялық дамыту жөніндегі ұлттық оператор", "национальный оператор по технологическому развитию",
        "the national operator for technological development")),
    _m("9", "infrastructure", ("инженерлік-коммуникациялық инфрақұрылыммен қамтамасыз ету",
                               "обеспечение инженерно-коммуникационной инфраструктурой",
                               "engineering and communication infrastructure"), cite("29"),
       ("бюджеттік заңнамаға сәйкес қаражат бөлетін мемлекеттік органдар мен жергілікті атқарушы органдар",
        "государственные органы и местные исполнительные органы, выделяющие средства по бюджетному законодательству",
        "state bodies and local executive bodies allocating funds under the budget legislation")),
    _m("10", "land_and_subsoil", ("жер учаскелері мен жер қойнауын пайдалану құқықтарын беру",
                                  "предоставление земельных участков и права недропользования",
                                  "land plots and subsoil-use rights"), cite("30"),
       ("Жер кодексі және «Жер қойнауы және жер қойнауын пайдалану туралы» Заң бойынша уәкілетті органдар",
        "органы, уполномоченные по Земельному кодексу и Закону «О недрах и недропользовании»",
        "the bodies competent under the Land Code and the Law on subsoil and subsoil use"), checked=False),
    _m("11", "domestic_market", ("ішкі нарықта қолдау", "поддержка на внутреннем рынке", "domestic-market support"),
       cite("31"),
       ("жергілікті қамтуды дамыту жөніндегі ұлттық оператор", "национальный оператор по развитию местного "
        "содержания", "the national operator for local-content development")),
    _m("12", "investment_attraction", ("инвестицияларды тарту", "привлечение инвестиций", "attracting investment"),
       cite("32"),
       ("инвестицияларды тарту жөніндегі ұлттық оператор; шетелдердегі дипломатиялық өкілдіктер",
        "национальный оператор по привлечению инвестиций; дипломатические представительства за рубежом",
        "the national operator for investment attraction; diplomatic missions abroad"), checked=False),
    _m("13", "export_promotion", ("өңделген отандық тауарлардың экспортын дамыту және жылжыту",
                                  "развитие и продвижение экспорта отечественных обработанных товаров",
                                  "export development and promotion of processed domestic goods"),
       cite("33"),
       ("экспортты дамыту жөніндегі ұлттық оператор", "национальный оператор по развитию экспорта",
        "the national operator for export development")),
)

BY_ID: dict[str, Measure] = {m.id: m for m in MEASURES}
