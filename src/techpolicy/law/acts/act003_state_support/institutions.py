"""Act 003, articles 3 and 9-17: the institutions of state support of industrial-innovative activity
as data (group I), for the competence matrix (`competences`), the councils' rules (`councils`) and
the strategy agreement (`strategy`) to name, and for a person to read with the paragraph each
entry comes from.

- `BODIES`: the bodies of articles 4-10 and the five national operators of articles 13-17, each
  with its kind (003.a9.p1: the Coordination Council sits under the President; 003.a10.p1: the
  Council on Technological Policy under the Government, headed by the Prime Minister, its working
  body the authorized body) and, for an operator, its functions by sub-paragraph (003.a13-17). The
  operators are national development institutions the Government designates (article 1(19)).
- `SYSTEM_SUBJECTS`: the subjects of the industrial-innovative system of article 12 with the law that
  governs each (003.a12.p1).
- `GOAL`, `TASKS`, `PRINCIPLES`: article 3 as tags (003.a3): the goal, the seven tasks and the six
  principles.
- `COORDINATION_TASKS` (003.a9.p3) and `RECOMMENDATION_AREAS` (003.a10.p3), `MEMBER_CATEGORIES`
  (003.a10.p2): what the councils' decisions and members are tagged with.

The wording is the seed's own (Kazakh), with a Russian and an English rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ...citation import Citation
from ...rules import Messages
from .common import cite


def _m(kk: str, ru: str, en: str) -> Messages:
    return {"kk": kk, "ru": ru, "en": en}


@dataclass(frozen=True)
class Tag:
    """One numbered item of the law (a task, a principle, a function): its id, paragraph and text."""

    id: str
    citation: Citation
    name: Messages

    def as_dict(self, lang: str = "en") -> dict:
        return {"id": self.id, "name": self.name[lang], "citation": self.citation.as_dict(lang)}


BodyKind = Literal["head_of_state", "government", "consultative_advisory_president",
                   "consultative_advisory_government", "authorized_body", "state_planning_body", "state_bodies",
                   "local_executive_bodies", "national_operator"]

KINDS: dict[str, Messages] = {
    "head_of_state": _m("мемлекет басшысы", "глава государства", "head of state"),
    "government": _m("Қазақстан Республикасының Үкіметі", "Правительство Республики Казахстан",
                     "the Government of the Republic of Kazakhstan"),
    "consultative_advisory_president": _m("Қазақстан Республикасы Президенті жанындағы консультативтік кеңесші орган",
                                          "консультативно-совещательный орган при Президенте Республики Казахстан",
                                          "consultative-advisory body under the President"),
    "consultative_advisory_government": _m("Қазақстан Республикасы Үкіметінің жанындағы кеңесші консультативтік "
                                           "кеңестік орган",
                                           "консультативно-совещательный орган при Правительстве Республики Казахстан",
                                           "consultative-advisory body under the Government"),
    "authorized_body": _m("уәкілетті орган", "уполномоченный орган", "the authorized body"),
    "state_planning_body": _m("мемлекеттік жоспарлау жөніндегі уәкілетті орган",
                              "уполномоченный орган по государственному планированию", "the state planning body"),
    "state_bodies": _m("мемлекеттік органдар (салалық)", "государственные органы (отраслевые)",
                       "state (sectoral) bodies"),
    "local_executive_bodies": _m("жергілікті атқарушы органдар", "местные исполнительные органы",
                                 "local executive bodies"),
    "national_operator": _m("ұлттық оператор (Үкімет айқындаған ұлттық даму институты)",
                            "национальный оператор (национальный институт развития, определённый Правительством)",
                            "national operator (a national development institution designated by the Government)"),
}


@dataclass(frozen=True)
class Body:
    """A body of act 003: `citation` is the article that constitutes it or sets its competence;
    `functions` its numbered functions (an operator's, articles 13-17); `chair` and `working_body`
    where the law names them (article 10(1))."""

    id: str
    kind: BodyKind
    name: Messages
    citation: Citation
    functions: tuple[Tag, ...] = ()
    chair: Messages | None = None
    working_body: str | None = None  # a body id

    def as_dict(self, lang: str = "en") -> dict:
        return {"id": self.id, "kind": self.kind, "kind_name": KINDS[self.kind][lang], "name": self.name[lang],
                "citation": self.citation.as_dict(lang), "functions": [f.as_dict(lang) for f in self.functions],
                "chair": self.chair[lang] if self.chair else None, "working_body": self.working_body}


def _functions(article: str, prefix: str, *items: tuple[str, str, str]) -> tuple[Tag, ...]:
    return tuple(Tag(f"{prefix}.{n}", cite(article, "", str(n)), _m(*item)) for n, item in enumerate(items, 1))


SECTORAL_OPERATOR = Body(
    "operator.sectoral", "national_operator",
    _m("Салалық даму жөніндегі ұлттық оператор", "Национальный оператор по отраслевому развитию",
       "National operator for sectoral development"),
    cite("13"),
    _functions(
        "13", "operator.sectoral",
        ("экономиканың басым секторлары бойынша талдамалық деректер базасын қалыптастырады",
         "формирует аналитическую базу данных по приоритетным секторам экономики",
         "forms the analytical database on the priority sectors of the economy"),
        ("салалық даму саласында ақпараттық-талдамалық және консультациялық қызмет көрсетеді",
         "оказывает информационно-аналитические и консультационные услуги в области отраслевого развития",
         "provides information-analytical and consulting services on sectoral development"),
        ("басым тауарлар мен қызметтердің бірыңғай картасын әзірлеуге және қолдауға қатысады",
         "участвует в разработке и сопровождении единой карты приоритетных товаров и услуг",
         "takes part in developing and maintaining the unified map of priority goods and services"),
        ("мемлекеттік қолдаудың қаржылық шараларын алатын ірі индустриялық-инновациялық жобалардың мониторингін "
         "жүзеге асырады",
         "осуществляет мониторинг крупных индустриально-инновационных проектов, получающих финансовые меры "
         "государственной поддержки",
         "monitors large industrial-innovative projects receiving financial measures of state support"),
        ("өндірістің аумақтық орналасуы мәселесі бойынша сараптамалық қолдау көрсетеді",
         "оказывает экспертную поддержку по вопросам территориального размещения производств",
         "gives expert support on the territorial location of production"),
    ),
)

TECHNOLOGICAL_OPERATOR = Body(
    "operator.technological", "national_operator",
    _m("Технологиялық даму жөніндегі ұлттық оператор", "Национальный оператор по технологическому развитию",
       "National operator for technological development"),
    cite("14"),
    _functions(
        "14", "operator.technological",
        ("технологиялық болжау үдерісін қамтамасыз етеді", "обеспечивает процесс технологического прогнозирования",
         "ensures the process of technological forecasting"),
        ("инновацияларды дамыту саласындағы ақпараттық-талдамалық және консультациялық қызметтер көрсетеді",
         "оказывает информационно-аналитические и консультационные услуги в области развития инноваций",
         "provides information-analytical and consulting services on developing innovation"),
        ("жарғылық капиталға қатысу, шетелдік компаниялармен бірлескен кәсіпорындар құру, инвестициялық қорлар құру "
         "немесе оларға қатысу жолымен және заңнамамен тыйым салынбаған өзге де тәсілдермен "
         "индустриялық-инновациялық жобаларды инвестициялауды жүзеге асырады",
         "инвестирует индустриально-инновационные проекты путём участия в уставном капитале, создания совместных "
         "предприятий с иностранными компаниями, создания инвестиционных фондов или участия в них и иными не "
         "запрещёнными законодательством способами",
         "invests in industrial-innovative projects through charter capital, joint ventures with foreign "
         "companies, creating or joining investment funds and other ways the legislation does not prohibit"),
        ("индустриялық-инновациялық инфрақұрылымды құруға және басқаруға қатысады, оның дамуын үйлестіреді",
         "участвует в создании и управлении индустриально-инновационной инфраструктурой, координирует её развитие",
         "takes part in creating and managing the industrial-innovative infrastructure and coordinates its "
         "development"),
        ("экономиканың басым секторларын технологиялық дамытуды ынталандыру үшін халықаралық ұйымдармен, олардың "
         "ақпараттық, білім беру және қаржылық ресурстарын тарту мақсатында ынтымақтасады",
         "сотрудничает с международными организациями для привлечения их информационных, образовательных и "
         "финансовых ресурсов в целях стимулирования технологического развития приоритетных секторов",
         "cooperates with international organisations to draw on their information, educational and financial "
         "resources for the technological development of the priority sectors"),
        ("іске асырылатын жобалар, енгізілген технологиялар, технологиялық болжау бойынша өткізілген талдамалық "
         "зерттеу нәтижелері туралы ақпаратқа қол жеткізуді қамтамасыз етеді",
         "обеспечивает доступ к информации о реализуемых проектах, внедрённых технологиях, результатах "
         "аналитических исследований по технологическому прогнозированию",
         "ensures access to information on the projects carried out, technologies introduced and the results of "
         "the analytical studies of technological forecasting"),
        ("технологиялық бизнес-инкубациялау, технологиялар трансферті, субъектілердің кадрлық, басқару және "
         "өндірістік әлеуетін күшейту бойынша мемлекеттік қолдау тетіктерін іске асырады",
         "реализует механизмы государственной поддержки по технологической бизнес-инкубации, трансферту "
         "технологий, усилению кадрового, управленческого и производственного потенциала субъектов",
         "carries out the state support mechanisms of technology business incubation, technology transfer and "
         "strengthening the subjects' personnel, management and production potential"),
        ("индустриялық-инновациялық қызмет саласында ақпарат жинау мен мониторингке қатысады",
         "участвует в сборе информации и мониторинге в сфере индустриально-инновационной деятельности",
         "takes part in collecting information and monitoring in industrial-innovative activity"),
        ("уәкілетті органға сараптамалық қорытындыларды және (немесе) ұсынымдарды береді",
         "представляет уполномоченному органу экспертные заключения и (или) рекомендации",
         "gives the authorized body expert opinions and (or) recommendations"),
        ("уәкілетті орган операторының инновациялық гранттарды беру бойынша функцияларын жүзеге асырады",
         "осуществляет функции оператора уполномоченного органа по предоставлению инновационных грантов",
         "performs the functions of the authorized body's operator for granting innovation grants"),
    ),
)

LOCAL_CONTENT_OPERATOR = Body(
    "operator.local_content", "national_operator",
    _m("Жергілікті қамтуды дамыту жөніндегі ұлттық оператор", "Национальный оператор по развитию местного содержания",
       "National operator for local-content development"),
    cite("15"),
    _functions(
        "15", "operator.local_content",
        ("тауарлардың, жұмыстар мен қызметтердің және оларды жеткізушілердің деректер қорын қалыптастырады және "
         "жүргізеді",
         "формирует и ведёт базу данных товаров, работ и услуг и их поставщиков",
         "forms and keeps the database of goods, works and services and their suppliers"),
        ("жергілікті қамтуды дамыту саласында ақпараттық-талдамалық және консультациялық қызметтер көрсетеді",
         "оказывает информационно-аналитические и консультационные услуги в области развития местного содержания",
         "provides information-analytical and consulting services on local-content development"),
        ("ішкі нарықта тауарларды, жұмыстар мен қызметтерді отандық жеткізушілерді қолдау шараларын іске асыру "
         "тиімділігінің мониторингін жүзеге асырады",
         "осуществляет мониторинг эффективности мер поддержки отечественных поставщиков товаров, работ и услуг на "
         "внутреннем рынке",
         "monitors how effective the support of domestic suppliers of goods, works and services on the domestic "
         "market is"),
        ("уәкілетті орган операторының тауарларды, жұмыстар мен қызметтерді ішкі нарыққа жылжыту бойынша шығыстар "
         "бөлігін өтеу бойынша функцияларын жүзеге асырады",
         "осуществляет функции оператора уполномоченного органа по возмещению части затрат на продвижение товаров, "
         "работ и услуг на внутренний рынок",
         "performs the functions of the authorized body's operator for reimbursing part of the costs of promoting "
         "goods, works and services on the domestic market"),
        ("жергілікті қамту бойынша индустриялық-инновациялық қызмет саласындағы жобаларға сараптама жүзеге асырады",
         "осуществляет экспертизу проектов в сфере индустриально-инновационной деятельности по местному содержанию",
         "carries out the local-content expertise of industrial-innovative projects"),
    ),
)

INVESTMENT_OPERATOR = Body(
    "operator.investment", "national_operator",
    _m("Инвестицияларды тарту жөніндегі ұлттық оператор", "Национальный оператор по привлечению инвестиций",
       "National operator for investment attraction"),
    cite("16"),
    _functions(
        "16", "operator.investment",
        ("Қазақстан Республикасында инвестициялық тартымдылықты жақсарту бойынша талдамалық зерттеулер жүргізеді",
         "проводит аналитические исследования по улучшению инвестиционной привлекательности Республики Казахстан",
         "carries out analytical studies on improving the investment attractiveness of Kazakhstan"),
        ("шетелдік инвесторлардың қызметін ақпараттық сүйемелдеуді қамтамасыз етеді, оның ішінде шетелдік "
         "инвесторлардың дерекқорын қалыптастырады және жүргізеді",
         "обеспечивает информационное сопровождение деятельности иностранных инвесторов, в том числе формирует и "
         "ведёт базу данных иностранных инвесторов",
         "gives information support to foreign investors, including forming and keeping the database of foreign "
         "investors"),
        ("Қазақстан Республикасының қолайлы инвестициялық беделін ілгерілетеді: инвестициялық мүмкіндіктер туралы "
         "ақпаратты ұсынады, инвесторлардың мемлекеттік органдармен кездесуін ұйымдастырады, бизнес-форумдар, "
         "конференциялар мен семинарлар өткізеді",
         "продвигает благоприятный инвестиционный имидж Республики Казахстан: представляет информацию об "
         "инвестиционных возможностях, организует встречи инвесторов с государственными органами, проводит "
         "бизнес-форумы, конференции и семинары",
         "promotes Kazakhstan's favourable investment image: information on investment opportunities, meetings of "
         "investors with state bodies, business forums, conferences and seminars"),
        ("шетелдік инвесторлармен келіссөздер қорытындысы бойынша қол жеткізілген уағдаластықтарды, сондай-ақ "
         "шетелдік инвесторлардың қатысуымен іске асырылатын жобаларды іске асыру мониторингін жүргізеді",
         "ведёт мониторинг договорённостей, достигнутых на переговорах с иностранными инвесторами, и реализации "
         "проектов с участием иностранных инвесторов",
         "monitors the arrangements reached in negotiations with foreign investors and the projects carried out "
         "with them"),
    ),
)

EXPORT_OPERATOR = Body(
    "operator.export", "national_operator",
    _m("Экспортты дамыту және жылжыту жөніндегі ұлттық оператор",
       "Национальный оператор по развитию и продвижению экспорта", "National operator for export development"),
    cite("17"),
    _functions(
        "17", "operator.export",
        ("сыртқы нарықтарға талдау жүргізеді", "проводит анализ внешних рынков", "analyses foreign markets"),
        ("сыртқы нарыққа отандық тауарларды жылжыту бойынша жәрдем көрсетеді",
         "оказывает содействие в продвижении отечественных товаров на внешний рынок",
         "helps to promote domestic goods on foreign markets"),
        ("бизнесті дамыту және бәсекеге қабілеттікті арттыру, отандық өнімдерді сыртқы нарыққа шығару саласында "
         "отандық экспорттаушыларға ақпараттық және консультациялық қызмет көрсетеді",
         "оказывает отечественным экспортёрам информационные и консультационные услуги по развитию бизнеса, "
         "повышению конкурентоспособности и выводу продукции на внешний рынок",
         "gives domestic exporters information and consulting services on business development, competitiveness "
         "and bringing products to foreign markets"),
        ("экспорттық мүмкіндіктерді жылжыту жөніндегі іс-шараларды өткізеді",
         "проводит мероприятия по продвижению экспортных возможностей", "holds events promoting export opportunities"),
        ("экспортты қолдаудың отандық институттарымен өзара іс-әрекеттеседі",
         "взаимодействует с отечественными институтами поддержки экспорта",
         "works with the domestic export-support institutions"),
        ("экспортты жылжыту мәселелері бойынша отандық, шетелдік және халықаралық ұйымдармен өзара іс-қимылды "
         "жүзеге асырады",
         "взаимодействует с отечественными, иностранными и международными организациями по вопросам продвижения "
         "экспорта",
         "works with domestic, foreign and international organisations on export promotion"),
    ),
)

OPERATORS: tuple[Body, ...] = (SECTORAL_OPERATOR, TECHNOLOGICAL_OPERATOR, LOCAL_CONTENT_OPERATOR,
                               INVESTMENT_OPERATOR, EXPORT_OPERATOR)

PRIME_MINISTER = _m("Қазақстан Республикасының Премьер-Министрі", "Премьер-Министр Республики Казахстан",
                    "the Prime Minister of the Republic of Kazakhstan")

BODIES: tuple[Body, ...] = (
    Body("president", "head_of_state", _m("Қазақстан Республикасының Президенті", "Президент Республики Казахстан",
                                          "the President of the Republic of Kazakhstan"), cite("3", "1")),
    Body("government", "government", KINDS["government"], cite("4")),
    Body("authorized_body", "authorized_body",
         _m("индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті орган",
            "уполномоченный орган в области государственной поддержки индустриально-инновационной деятельности",
            "the authorized body for state support of industrial-innovative activity"), cite("5")),
    Body("state_planning_body", "state_planning_body",
         _m("мемлекеттік жоспарлау жөніндегі уәкілетті орган", "уполномоченный орган по государственному планированию",
            "the authorized body for state planning"), cite("6")),
    Body("state_bodies", "state_bodies", _m("мемлекеттік органдар", "государственные органы", "the state bodies"),
         cite("7")),
    Body("local_executive_bodies", "local_executive_bodies",
         _m("облыстардың, республикалық маңызы бар қалалардың, астананың жергілікті атқарушы органдары",
            "местные исполнительные органы областей, городов республиканского значения, столицы",
            "the local executive bodies of the regions, the cities of republican significance and the capital"),
         cite("8")),
    Body("coordination_council", "consultative_advisory_president",
         _m("Үдемелі индустриялық-инновациялық даму жөніндегі үйлестіру кеңесі",
            "Координационный совет по форсированному индустриально-инновационному развитию",
            "Coordination Council on accelerated industrial-innovative development"), cite("9", "1")),
    Body("tech_policy_council", "consultative_advisory_government",
         _m("Технологиялық саясат жөніндегі кеңес", "Совет по технологической политике",
            "Council on Technological Policy"), cite("10", "1"), chair=PRIME_MINISTER,
         working_body="authorized_body"),
    *OPERATORS,
)

BY_ID: dict[str, Body] = {b.id: b for b in BODIES}
BodyId = Literal["president", "government", "authorized_body", "state_planning_body", "state_bodies",
                 "local_executive_bodies", "coordination_council", "tech_policy_council", "operator.sectoral",
                 "operator.technological", "operator.local_content", "operator.investment", "operator.export", "other"]
"""A body as the facts name it; "other" is anyone the law does not name (an approval by it is refused)."""


# --- article 12: the subjects of the industrial-innovative system -------------------------------------------


@dataclass(frozen=True)
class SystemSubject:
    """A kind of subject of the industrial-innovative system (article 12(1)) and the law that governs
    its support activity where paragraphs 2-5 route it elsewhere (None: this Law)."""

    id: str
    citation: Citation
    name: Messages
    governing_law: Messages | None = None
    law_citation: Citation | None = None

    def as_dict(self, lang: str = "en") -> dict:
        return {"id": self.id, "name": self.name[lang], "citation": self.citation.as_dict(lang),
                "governing_law": self.governing_law[lang] if self.governing_law else None,
                "law_citation": self.law_citation.as_dict(lang) if self.law_citation else None}


_A12 = cite("12", "1")
SYSTEM_SUBJECTS: tuple[SystemSubject, ...] = (
    SystemSubject("national_development_institutions", _A12,
                  _m("ұлттық даму институттары", "национальные институты развития",
                     "national development institutions")),
    SystemSubject("state_joint_stock_companies", _A12,
                  _m("жарғылық капиталына мемлекеттің қатысуы бар акционерлік қоғамдар",
                     "акционерные общества с участием государства в уставном капитале",
                     "joint-stock companies with state participation in their charter capital")),
    SystemSubject("national_welfare_fund_group", _A12,
                  _m("Ұлттық әл-ауқат қоры тобына кіретін заңды тұлғалар",
                     "юридические лица, входящие в группу Фонда национального благосостояния",
                     "legal entities of the National Welfare Fund group"),
                  _m("«Ұлттық әл-ауқат қоры туралы» Заң (онда өзгесі көзделмесе, осы Заң қолданылады)",
                     "Закон «О Фонде национального благосостояния» (если в нём не предусмотрено иное, применяется "
                     "настоящий Закон)",
                     "the Law on the National Welfare Fund (this Law applies unless that law provides otherwise)"),
                  cite("12", "2")),
    SystemSubject("agro_industrial_holding", _A12,
                  _m("агроөнеркәсіп кешені саласындағы ұлттық басқарушы холдинг құрылымына кіретін заңды тұлғалар",
                     "юридические лица, входящие в структуру национального управляющего холдинга в сфере "
                     "агропромышленного комплекса",
                     "legal entities of the national managing holding of the agro-industrial complex"),
                  _m("«Агроөнеркәсіп кешені және ауыл шаруашылығы аумағын дамытуды мемлекеттік реттеу туралы» Заң",
                     "Закон «О государственном регулировании развития агропромышленного комплекса и сельских "
                     "территорий»",
                     "the Law on state regulation of the development of the agro-industrial complex and rural areas"),
                  cite("12", "4")),
    SystemSubject("sme_support_fund", _A12,
                  _m("шағын және орта кәсіпкерлік бастамасын қолдау бойынша арнайы қор",
                     "специальный фонд поддержки инициатив малого и среднего предпринимательства",
                     "the special fund supporting small and medium business initiatives"),
                  _m("«Жеке кәсіпкерлік туралы» Заң", "Закон «О частном предпринимательстве»",
                     "the Law on private entrepreneurship"), cite("12", "5")),
    SystemSubject("other_authorised_entities", _A12,
                  _m("индустриялық-инновациялық қызметті қолдау шараларын іске асыруға уәкілетті өзге заңды тұлғалар",
                     "иные юридические лица, уполномоченные на реализацию мер поддержки индустриально-инновационной "
                     "деятельности",
                     "other legal entities authorised to carry out support measures of industrial-innovative "
                     "activity")),
    SystemSubject("development_bank", cite("12", "3"),
                  _m("Қазақстан даму банкі", "Банк развития Казахстана", "the Development Bank of Kazakhstan"),
                  _m("«Қазақстан даму банкі туралы» Заң", "Закон «О Банке Развития Казахстана»",
                     "the Law on the Development Bank of Kazakhstan"), cite("12", "3")),
)

# --- article 3: goal, tasks, principles ---------------------------------------------------------------------

GOAL = Tag("goal", cite("3", "1"), _m(
    "Қазақстан Республикасының Президенті айқындайтын экономиканың басым секторларын дамытуды ынталандыру "
    "негізінде ұлттық экономиканың бәсекеге қабілеттілігін арттыру",
    "повышение конкурентоспособности национальной экономики на основе стимулирования развития приоритетных "
    "секторов экономики, определяемых Президентом Республики Казахстан",
    "raising the competitiveness of the national economy by stimulating the priority sectors the President "
    "determines"))


def _tags(paragraph: str, prefix: str, *items: tuple[str, str, str]) -> tuple[Tag, ...]:
    return tuple(Tag(f"{prefix}.{n}", cite("3", paragraph, str(n)), _m(*item)) for n, item in enumerate(items, 1))


TASKS = _tags(
    "2", "task",
    ("экономиканың басым секторларын дамыту үшін қолайлы жағдайлар жасау",
     "создание благоприятных условий для развития приоритетных секторов экономики",
     "favourable conditions for developing the priority sectors"),
    ("жаңа бәсекеге қабілетті өндірістерді дамыту үшін жағдайларды қамтамасыз ету",
     "обеспечение условий для развития новых конкурентоспособных производств",
     "conditions for developing new competitive production"),
    ("еңбек өнімділігін арттыру, өндірістік тізбекті ұзарту және нарықты кеңейту мақсатында жұмыс істеп тұрған "
     "өндірістерді жаңғырту (техникалық қайта жарақтау) үшін қолайлы жағдай жасау",
     "создание благоприятных условий для модернизации (технического перевооружения) действующих производств в "
     "целях повышения производительности труда, удлинения производственной цепочки и расширения рынка",
     "favourable conditions for modernising (re-equipping) existing production to raise labour productivity, "
     "lengthen the production chain and widen the market"),
    ("инновацияларды тиімді енгізуді қолдау және жоғары технологиялық өндірістерді дамыту",
     "поддержка эффективного внедрения инноваций и развитие высокотехнологичных производств",
     "supporting effective innovation and developing high-tech production"),
    ("индустриялық-инновациялық қызмет субъектілерінің инвестициялық тартымдылығын және экспорттық әлеуетін "
     "арттыру",
     "повышение инвестиционной привлекательности и экспортного потенциала субъектов индустриально-инновационной "
     "деятельности",
     "raising the subjects' investment attractiveness and export potential"),
    ("индустриялық-инновациялық қызмет субъектілеріне технологияларды коммерцияландыруға жәрдем көрсету",
     "содействие субъектам индустриально-инновационной деятельности в коммерциализации технологий",
     "helping the subjects commercialise technologies"),
    ("индустриялық-инновациялық субъектілерге олардың экспорттық әлеуетін дамытуда жәрдем көрсету",
     "содействие индустриально-инновационным субъектам в развитии их экспортного потенциала",
     "helping the subjects develop their export potential"),
)

PRINCIPLES = _tags(
    "3", "principle",
    ("индустриялық-инновациялық қызмет субъектілерінің мемлекеттік қолдау алуға тең қол жетімділігін қамтамасыз ету",
     "обеспечение равного доступа субъектов индустриально-инновационной деятельности к получению государственной "
     "поддержки",
     "equal access of the subjects to state support"),
    ("мемлекеттік қолдаудың ұсынылатын шараларының жариялылығы мен ашықтығы",
     "гласность и прозрачность предоставляемых мер государственной поддержки",
     "publicity and transparency of the support measures offered"),
    ("мемлекет пен индустриялық-инновациялық қызмет субъектілері мүдделерінің тепе-теңдігін қамтамасыз ету",
     "обеспечение баланса интересов государства и субъектов индустриально-инновационной деятельности",
     "a balance of the interests of the state and the subjects"),
    ("сәтті іске асыру мақсатында субъектілер мен жобалардың ерекшеліктерін есепке ала отырып мемлекеттік "
     "қолдаудың түрлі шараларын оңтайландыру",
     "оптимизация различных мер государственной поддержки с учётом особенностей субъектов и проектов в целях их "
     "успешной реализации",
     "optimising the measures, taking account of the subjects and projects, for their success"),
    ("мемлекеттің және субъектілердің тұрақты өзара іс-қимылын қамтамасыз ететін кешенділік және жүйелілік",
     "комплексность и системность, обеспечивающие постоянное взаимодействие государства и субъектов",
     "complexity and systemic interaction of the state and the subjects"),
    ("олардың Қазақстан Республикасының халықаралық міндеттемелеріне сәйкестігі",
     "их соответствие международным обязательствам Республики Казахстан",
     "conformity with the international obligations of the Republic of Kazakhstan"),
)
PUBLICATION_PRINCIPLES = PRINCIPLES[:2]  # 003.a3.p3.2: equal access, publicity and transparency drive publication

# --- the councils' tags --------------------------------------------------------------------------------------

COORDINATION_TASKS = tuple(Tag(f"coordination.task.{n}", cite("9", "3", str(n)), _m(*item)) for n, item in enumerate((
    ("экономиканың инновациялылық және тиімділік көрсеткіштерін арттыру, сондай-ақ экономиканың басым секторларын "
     "дамыту жолымен экономиканың бәсекеге қабілеттілігін арттыру",
     "повышение конкурентоспособности экономики путём повышения показателей инновационности и эффективности, а "
     "также развития приоритетных секторов экономики",
     "raising competitiveness through the innovation and efficiency indicators and the priority sectors"),
    ("инновацияны тиімді енгізу процесін мақсатқа бағытталған жүйелі қолдауды ұйымдастыру және жоғары технологиялық "
     "өндірісті дамыту, сондай-ақ субъектілердің инвестициялық тартымдылығы мен экспорттық әлеуетін арттыру",
     "организация целенаправленной системной поддержки эффективного внедрения инноваций и развитие "
     "высокотехнологичного производства, повышение инвестиционной привлекательности и экспортного потенциала "
     "субъектов",
     "systemic support of innovation and high-tech production, investment attractiveness and export potential"),
    ("қосылған құны жоғары жергілікті тауарлар мен қызметтердің халықаралық бәсекеге қабілеттілігін арттыру",
     "повышение международной конкурентоспособности местных товаров и услуг с высокой добавленной стоимостью",
     "international competitiveness of local goods and services with high value added"),
), 1))

RECOMMENDATION_AREAS = tuple(Tag(str(n), cite("10", "3", str(n)), _m(*item)) for n, item in enumerate((
    ("индустриялық-инновациялық қызметті дамытуға бағытталған стратегиялық міндеттер мен басымдылықтарды "
     "қалыптастыру",
     "формирование стратегических задач и приоритетов развития индустриально-инновационной деятельности",
     "strategic tasks and priorities of industrial-innovative development"),
    ("мемлекеттік қолдау нысанында жүзеге асырылатын индустриялық-инновациялық қызметті ынталандыру бойынша "
     "ұсыныстарды әзірлеу",
     "выработка предложений по стимулированию индустриально-инновационной деятельности в форме государственной "
     "поддержки",
     "proposals to stimulate industrial-innovative activity through state support"),
    ("ғылыми-технологиялық дамудың салааралық жоспарын бекіту және өзектендіру",
     "утверждение и актуализация межотраслевого плана научно-технологического развития",
     "approving and updating the intersectoral plan of scientific and technological development"),
    ("инновациялық гранттардың сындарлы технологиялары мен басым бағыттарын айқындау және өзектендіру",
     "определение и актуализация критических технологий и приоритетных направлений инновационных грантов",
     "determining and updating the critical technologies and the priority directions of innovation grants"),
    ("жоғары технологиялық өнімдер өндірісі қызмет түрлерінің тізбесін бекіту және өзектендіру",
     "утверждение и актуализация перечня видов деятельности производства высокотехнологичной продукции",
     "approving and updating the list of activity types of high-tech production"),
), 1))

MEMBER_CATEGORIES: dict[str, Messages] = {
    "government_member": _m("Қазақстан Республикасы Үкіметінің мүшесі", "член Правительства Республики Казахстан",
                            "member of the Government"),
    "state_body_head": _m("мемлекеттік орган басшысы", "руководитель государственного органа", "head of a state body"),
    "leading_scientist": _m("жетекші ғалым", "ведущий учёный", "leading scientist"),
    "expert": _m("білімнің әртүрлі салаларының сарапшысы", "эксперт различных областей знаний",
                 "expert of a field of knowledge"),
    "national_managing_holding": _m("ұлттық басқарушы холдинг өкілі", "представитель национального управляющего "
                                    "холдинга", "representative of a national managing holding"),
    "national_development_institution": _m("ұлттық даму институты өкілі", "представитель национального института "
                                           "развития", "representative of a national development institution"),
    "national_holding": _m("ұлттық холдинг өкілі", "представитель национального холдинга",
                           "representative of a national holding"),
    "national_company": _m("ұлттық компания өкілі", "представитель национальной компании",
                           "representative of a national company"),
    "private_entrepreneurship": _m("жеке кәсіпкерлік субъектісі", "субъект частного предпринимательства",
                                   "subject of private entrepreneurship"),
    "scientific_public_association": _m("ғылыми қоғамдық бірлестік субъектісі", "субъект научного общественного "
                                        "объединения", "subject of a scientific public association"),
}
MemberCategory = Literal["government_member", "state_body_head", "leading_scientist", "expert",
                         "national_managing_holding", "national_development_institution", "national_holding",
                         "national_company", "private_entrepreneurship", "scientific_public_association", "other"]
