"""Act 003, articles 21-33: the forms each support measure takes, as the seed lists them (group G).

Most of these forms carry no condition the seed states, so they are records, not rules: each names
its requirement id and its paragraph, and the parameters the Government's rules would fill
(`support.*`, with no value). A person reading a measure sees what it consists of and where the
seed says so; the conditions the seed does state are the rules of `measures`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import display
from ...citation import Citation
from ...rules import Messages
from .common import cite


@dataclass(frozen=True)
class MeasureForm:
    id: str  # the requirement id
    citation: Citation
    name: Messages
    open_parameters: tuple[str, ...] = ()  # the numbers and rules the Government sets for this form

    def as_dict(self, lang: str = "en") -> dict:
        """`open_parameters` name each parameter as the reader's language does (no internal code on a
        kk or ru page): none of them has a value in the source document."""
        return {"id": self.id, "name": self.name[lang], "citation": self.citation.as_dict(lang),
                "open_parameters": [display.named(p)[lang] for p in self.open_parameters]}


def _f(requirement: str, citation: Citation, kk: str, ru: str, en: str, *open_parameters: str) -> MeasureForm:
    return MeasureForm(requirement, citation, {"kk": kk, "ru": ru, "en": en}, open_parameters)


FORMS: dict[str, tuple[MeasureForm, ...]] = {
    "financing": (
        _f("003.a21.p1", cite("21", "1"),
           "орта және ұзақ мерзімге қоса қаржыландыруды және лизингтік қаржыландыруды қоса алғанда, қаржыландыру",
           "финансирование на средне- и долгосрочной основе, включая софинансирование и лизинговое финансирование",
           "medium- and long-term financing, co-financing and leasing included", "support.financing.term_bounds"),
        _f("003.a21.p4", cite("21", "4"), "қаржыландыру мен лизингтік қаржыландырудың шарттары мен тетіктері",
           "условия и механизмы финансирования и лизингового финансирования",
           "the conditions and mechanisms of financing and leasing", "support.financing.conditions"),
    ),
    "lending": (
        _f("003.a23.p1", cite("23", "1"),
           "қаржы агентінің қаражатты қаржы институттарында орналастыруы арқылы кредит беру",
           "кредитование путём размещения средств финансовым агентом в финансовых институтах",
           "lending by the financial agent placing funds in financial institutions"),
        _f("003.a23.p3", cite("23", "3"), "қаржы институттары арқылы кредит берудің шарттары мен тетіктері",
           "условия и механизмы кредитования через финансовые институты",
           "the conditions and mechanisms of lending through financial institutions",
           "support.lending.conditions", "support.lending.min_own_share"),
    ),
    "interest_subsidy": (
        _f("003.a24.p1", cite("24", "1"),
           "қаржы институттарының кредиттері бойынша сыйақы ставкаларын субсидиялау",
           "субсидирование ставок вознаграждения по кредитам финансовых институтов",
           "subsidising interest on loans of financial institutions"),
        _f("003.a24.p1", cite("24", "1"),
           "субъектілер айналысқа шығаратын облигациялар бойынша купондық сыйақыны субсидиялау",
           "субсидирование купонного вознаграждения по облигациям, выпускаемым субъектами",
           "subsidising the coupon on bonds the subjects issue"),
        _f("003.a24.p3", cite("24", "3"), "субсидиялаудың шарттары мен тетіктері", "условия и механизмы субсидирования",
           "the conditions and mechanisms of the subsidy", "support.subsidy.rate", "support.subsidy.min_own_share"),
    ),
    "training_abroad": (
        _f("003.a28.p1", cite("28", "1", "1"),
           "экономиканың басым секторлары үшін мамандарды даярлауға мемлекеттік білім беру тапсырысын орналастыру",
           "размещение государственного образовательного заказа на подготовку специалистов для приоритетных "
           "секторов экономики",
           "placing the state educational order for specialists of the priority sectors"),
        _f("003.a28.p1", cite("28", "1", "2"), "басқару деңгейінің өсуін ынталандыруға жәрдем көрсету",
           "содействие стимулированию роста уровня управления", "helping to raise the level of management"),
        _f("003.a28.p1", cite("28", "1", "3"), "кадрлық әлеуетті күшейтуге жәрдемдесу",
           "содействие усилению кадрового потенциала", "helping to strengthen the personnel potential"),
        _f("003.a28.p1.4", cite("28", "1", "4"),
           "Қазақстанда даярланбайтын техникалық, технологиялық мамандықтар бойынша шетелде кадрлар даярлау "
           "шығындарының бір бөлігін өтеу",
           "возмещение части затрат на подготовку кадров за рубежом по техническим и технологическим "
           "специальностям, подготовка по которым в Казахстане не ведётся",
           "reimbursing part of the costs of training staff abroad in technical and technological specialties "
           "not taught in Kazakhstan", "support.training_abroad.share", "support.training_abroad.kz_specialties_list"),
        _f("003.a28.p2", cite("28", "2"),
           "субъектілердің қажеттілік туралы мәліметтері негізінде уәкілетті органның мамандықтар тізбесі "
           "бойынша ұсыныстары; білім беру саласындағы уәкілетті органның тізбені айқындауы және мемлекеттік "
           "білім беру тапсырысын қалыптастыруы",
           "предложения уполномоченного органа по перечню специальностей на основе сведений субъектов о "
           "потребности; определение перечня и формирование государственного образовательного заказа "
           "уполномоченным органом в области образования",
           "the authorized body's proposals on the list of specialties, from the needs the subjects submit; the "
           "education authority sets the list and forms the state educational order on it",
           "support.specialties.cycle"),
        _f("003.a28.p3", cite("28", "3"),
           "өндірістің тиімділігін және еңбек өнімділігін арттыруға бағытталған қазіргі заманғы басқару "
           "технологияларын енгізу шығындарының бір бөлігін өтеу",
           "возмещение части затрат на внедрение современных технологий управления, направленных на повышение "
           "эффективности производства и производительности труда",
           "reimbursing part of the costs of introducing modern management technologies that raise production "
           "efficiency and labour productivity", "support.management_tech.share"),
        _f("003.a28.p4", cite("28", "4", "1"),
           "тартылған консультациялық, жобалық және инжинирингтік ұйымдардың қызметіне ақы төлеу шығындарының "
           "бір бөлігін өтеу",
           "возмещение части затрат на оплату услуг привлечённых консультационных, проектных и инжиниринговых "
           "организаций",
           "reimbursing part of the costs of engaged consulting, design and engineering organisations",
           "support.consultants.share"),
        _f("003.a28.p4", cite("28", "4", "2"),
           "тартылған жоғары білікті шетелдік мамандардың қызметіне ақы төлеу шығындарының бір бөлігін өтеу",
           "возмещение части затрат на оплату услуг привлечённых высококвалифицированных иностранных специалистов",
           "reimbursing part of the costs of engaged highly qualified foreign specialists",
           "support.foreign_specialist.criteria"),
        _f("003.a28.p5", cite("28", "5"),
           "басқару деңгейінің өсуін ынталандыру және жобаларды іске асыруға жәрдем көрсету шығындарының бір "
           "бөлігін өтеу қағидасы (Үкімет бекітеді)",
           "правила возмещения части затрат на стимулирование роста уровня управления и содействие реализации "
           "проектов (утверждает Правительство)",
           "the rules of reimbursing part of the costs of raising the management level and of assisting projects "
           "(approved by the Government)", "support.reimbursement_rules"),
    ),
    "land_and_subsoil": (
        _f("003.a30", cite("30", "", "1"), "Жер кодексіне сәйкес уақытша жер пайдалану құқығына жер учаскелерін бөлу",
           "выделение земельных участков на праве временного землепользования по Земельному кодексу",
           "land plots on a temporary land-use right under the Land Code"),
        _f("003.a30", cite("30", "", "2"),
           "«Жер қойнауы және жер қойнауын пайдалану туралы» Заңға сәйкес тікелей келіссөздер негізінде конкурссыз "
           "жер қойнауын пайдалану құқығын беру",
           "предоставление права недропользования без конкурса на основе прямых переговоров по Закону «О недрах и "
           "недропользовании»",
           "a subsoil-use right without a tender, by direct negotiations under the Law on subsoil and subsoil use"),
    ),
    "domestic_market": (
        _f("003.a31.p1", cite("31", "1"), "ішкі нарықта сервистік қолдау", "сервисная поддержка на внутреннем рынке",
           "service support on the domestic market"),
        _f("003.a31.p1", cite("31", "1"),
           "тауарларды, жұмыстар мен қызметтерді жылжыту шығындарының бір бөлігін өтеу",
           "возмещение части затрат на продвижение товаров, работ и услуг",
           "reimbursing part of the costs of promoting goods, works and services", "support.domestic_promotion.share"),
        _f("003.a31.p3", cite("31", "3", "1"),
           "кешенді жоспарды әзірлеуге немесе сараптамаға тартылған консалтингтік компаниялардың қызметіне ақы "
           "төлеу шығындарының бір бөлігін өтеу",
           "возмещение части затрат на оплату консалтинговых компаний, привлечённых к разработке комплексного "
           "плана проекта или его экспертизе",
           "reimbursing part of the costs of consulting companies engaged for a project's comprehensive plan or "
           "its expertise", "support.comprehensive_plan.share"),
    ),
    "investment_attraction": (
        _f("003.a32", cite("32", "1", "1"),
           "әлеуетті шетелдік инвесторларды іздестіру және олармен келіссөздер жүргізу",
           "поиск потенциальных иностранных инвесторов и переговоры с ними",
           "searching for potential foreign investors and negotiating with them"),
        _f("003.a32", cite("32", "1", "2"),
           "субъектілерді инвестициялық бизнес-форумдарға, конференцияларға және семинарларға тарту",
           "привлечение субъектов к инвестиционным бизнес-форумам, конференциям и семинарам",
           "involving the subjects in investment business forums, conferences and seminars"),
        _f("003.a32", cite("32", "1", "3"),
           "жобалар туралы ақпаратты шетелдік бұқаралық ақпарат құралдарында дипломатиялық өкілдіктер арқылы тарату",
           "распространение информации о проектах в иностранных СМИ через дипломатические представительства",
           "spreading information on the projects in foreign media through diplomatic missions"),
        _f("003.a32", cite("32", "2"),
           "инвестициялық қызметтің қосымша атаулы шаралары «Инвестициялар туралы» Заң бойынша",
           "дополнительные адресные меры инвестиционной деятельности по Закону «Об инвестициях»",
           "additional targeted measures for investment activity under the Law on investments"),
    ),
    "export_promotion": (
        _f("003.a33.p2", cite("33", "2", "1"), "экспорттық әлеуеттің диагностикасы",
           "диагностика экспортного потенциала", "diagnostics of the export potential"),
        _f("003.a33.p2", cite("33", "2", "2"),
           "сауда миссиялары, таныстыру-көрме қызметі, шетелде қазақстандық тауар белгілерін жылжыту",
           "торговые миссии, презентационно-выставочная деятельность, продвижение казахстанских товарных знаков "
           "за рубежом",
           "trade missions, presentations and exhibitions, promoting Kazakh trademarks abroad"),
        _f("003.a33.p2", cite("33", "2", "3"),
           "шетелде отандық өндірушілер туралы ақпаратты тұрақты орналастыру арқылы әлеуетті сатып алушыларды "
           "хабардар ету",
           "информирование потенциальных иностранных покупателей путём регулярного размещения информации об "
           "отечественных производителях",
           "making foreign buyers aware through regular information abroad on domestic producers"),
        _f("003.a33.p2", cite("33", "2", "4"), "экспортты дамыту мәселелері бойынша ақпараттық-талдамалық қолдау",
           "информационно-аналитическая поддержка по вопросам развития экспорта",
           "information and analytical support on export development"),
        _f("003.a33.p2", cite("33", "2", "5"),
           "отандық тауарларды гуманитарлық көмектің халықаралық нарығына жылжытуға жәрдемдесу",
           "содействие продвижению отечественных товаров на международный рынок гуманитарной помощи",
           "helping domestic goods onto the international humanitarian-aid market"),
        _f("003.a33.p2.6", cite("33", "2", "6"),
           "сыртқы нарыққа отандық өңделген тауарларды жылжыту шығындарының бір бөлігін өтеу",
           "возмещение части затрат на продвижение отечественных обработанных товаров на внешний рынок",
           "reimbursing part of the costs of promoting processed domestic goods abroad",
           "support.export_reimbursement.share", "support.export_reimbursement.cap"),
        _f("003.a33.p2", cite("33", "2", "7"),
           "экспорттық саудалық қаржыландыру, кредит беру және сақтандыру тетіктері",
           "механизмы экспортного торгового финансирования, кредитования и страхования",
           "export trade finance, lending and insurance"),
    ),
}
