"""The fixed lists of chapters 3 and 4 of act 000, in the act's order, for the services to classify
their records by: the tasks of a competence centre (p.15), its functions (p.16), the roles of a
platform's participants (p.23) and a platform's activities (p.24). Descriptive: no list refuses.

Paragraph 15 is one sentence in the Order No. 198 wording; its tasks are split (a)-(f) in the
sentence's order, so before that wording took effect the list is not the law of the date.
"""

from __future__ import annotations

from .designation import ORDER_198, Listed, cite

Row = tuple[str, str | None, str, str, str]  # code, sub-paragraph, kk, ru, en


def _items(paragraph: str, rows: tuple[Row, ...], **kw: object) -> tuple[Listed, ...]:
    return tuple(
        Listed(code, {"kk": kk, "ru": ru, "en": en}, cite(paragraph, sub), **kw) for code, sub, kk, ru, en in rows
    )


# p.15 (Order No. 198 wording): (a)-(f) in the order of the sentence.
CC_TASKS = _items("15", (
    ("forecasting", None,
     "тиісті саланы технологиялық болжамдауды жүзеге асыру",
     "осуществление технологического прогнозирования соответствующей отрасли",
     "technology forecasting of the relevant sector"),
    ("ttp_assistance", None,
     "нысаналы технологиялық бағдарламаны әзірлеу мен іске асыруға жәрдемдесу",
     "содействие разработке и реализации целевой технологической программы",
     "assisting the development and implementation of the targeted technology programme"),
    ("trend_monitoring", None,
     "жеделдетілген технологиялық даму үшін әлемдік технологиялық трендтерді, ғылыми жетістіктерді мониторингтеу",
     "мониторинг мировых технологических трендов и научных достижений для ускоренного технологического развития",
     "monitoring world technology trends and scientific achievements for accelerated technological development"),
    ("situation_and_needs", None,
     "ағымдағы жағдайлар мен бәсекелестік артықшылықтарды, сондай-ақ жеке кәсіпкерлік субъектілерінің "
     "қажеттілігі мен мүдделілігін айқындау",
     "определение текущего положения и конкурентных преимуществ, а также потребностей и заинтересованности "
     "субъектов частного предпринимательства",
     "identifying the current situation and competitive advantages, and the needs and interest of private business"),
    ("best_practice", None,
     "тиісті саланың кәсіпкерлік субъектілері арасында инновациялық қызметтің үздік практикалары мен тәжірибесін "
     "таратуға жәрдемдесу",
     "содействие распространению лучших практик и опыта инновационной деятельности среди субъектов "
     "предпринимательства соответствующей отрасли",
     "assisting the dissemination of best practice and experience of innovation among the sector's businesses"),
    ("international_cooperation", None,
     "Қазақстан Республикасына шетелдік инвестицияларды тарту мақсатында халықаралық ынтымақтастықты жүзеге асыру",
     "осуществление международного сотрудничества в целях привлечения иностранных инвестиций в Республику Казахстан",
     "international cooperation to attract foreign investment into the Republic of Kazakhstan"),
), in_force=ORDER_198)

# p.16(1)-(7).
CC_FUNCTIONS = _items("16", (
    ("forecasting_studies", "1",
     "технологиялық болжауды жүргізуге және өзге де талдамалық зерттеулерге қатысу",
     "участие в проведении технологического прогнозирования и иных аналитических исследований",
     "taking part in technology forecasting and other analytical studies"),
    ("trend_analysis", "2",
     "технологиялық трендтерді және саланың ағымдағы жағдайын талдау",
     "анализ технологических трендов и текущего состояния отрасли",
     "analysing technology trends and the current state of the sector"),
    ("vision_recommendations", "3",
     "саладағы технологиялық даму пайымы бойынша ұсынымдар әзірлеу",
     "разработка рекомендаций по видению технологического развития в отрасли",
     "drafting recommendations on the vision of the sector's technological development"),
    ("platforms", "4",
     "технологиялық платформаларды қалыптастыру арқылы саланың стейкхолдерлерінің өзара іс-қимылын қамтамасыз ету",
     "обеспечение взаимодействия стейкхолдеров отрасли посредством формирования технологических платформ",
     "ensuring the interaction of the sector's stakeholders by forming technology platforms"),
    ("ttp_draft", "5",
     "саладағы нысаналы технологиялық бағдарламаның жобасын әзірлеу және оны іске асыруды кейіннен сүйемелдеу",
     "разработка проекта целевой технологической программы в отрасли и последующее сопровождение её реализации",
     "developing the sector's draft targeted technology programme and then accompanying its implementation"),
    ("international_cooperation", "6",
     "халықаралық ынтымақтастықты ұйымдастыру",
     "организация международного сотрудничества",
     "organising international cooperation"),
    ("leaders_cooperation", "7",
     "саланың отандық және халықаралық көшбасшыларымен кооперацияны қамтамасыз ету",
     "обеспечение кооперации с отечественными и международными лидерами отрасли",
     "ensuring cooperation with the sector's domestic and international leaders"),
))

# p.23: the participants of a platform by role.
PLATFORM_PARTICIPANT_ROLES = _items("23", (
    ("coordinator", None,
     "технологиялық платформаны ұйымдастыру үйлестірушісі",
     "координатор организации технологической платформы",
     "coordinator of organising the technology platform"),
    ("competence_centre", None,
     "тиісті саладағы салалық технологиялық құзырет орталығы",
     "отраслевой центр технологических компетенций соответствующей отрасли",
     "sectoral technology competence centre of the sector"),
    ("state_body", None, "мемлекеттік орган", "государственный орган", "state body"),
    ("business", None, "бизнес өкілі", "представитель бизнеса", "representative of business"),
    ("education", None, "білім беру қоғамдастығының өкілі", "представитель образовательного сообщества",
     "representative of the education community"),
    ("science", None, "ғылыми қоғамдастықтың өкілі", "представитель научного сообщества",
     "representative of the science community"),
))

# p.24(1)-(8).
PLATFORM_ACTIVITIES = _items("24", (
    ("mobilise", "1",
     "аяда (салада) және оның жекелеген бағыттарында технологиялық саясатты қалыптастыру және іске асыру бойынша "
     "платформаға қатысушы барлық мүдделі тараптардың күш-жігерін жұмылдыру және үйлестіру",
     "мобилизация и координация усилий всех заинтересованных сторон — участников платформы по формированию и "
     "реализации технологической политики в сфере (отрасли) и её отдельных направлениях",
     "mobilising and coordinating the efforts of all stakeholders in the platform to form and implement technology "
     "policy in the field (sector) and its directions"),
    ("single_vision", "2",
     "аяны (саланы) және оның жекелеген бағыттарында технологиялық дамытудың бірыңғай пайымын платформа "
     "қатысушыларымен келісу",
     "согласование с участниками платформы единого видения технологического развития сферы (отрасли) и её "
     "отдельных направлений",
     "agreeing with the participants a single vision of the technological development of the field (sector) and "
     "its directions"),
    ("initiatives", "3",
     "платформаның технологиялық бағыттары бойынша бастамаларды, ұсыныстарды және іс-шараларды жинау және әзірлеу",
     "сбор и разработка инициатив, предложений и мероприятий по технологическим направлениям платформы",
     "collecting and developing initiatives, proposals and measures in the platform's technology directions"),
    ("ppp", "4",
     "платформа қатысушылары арасында мемлекеттік-жекешелік әріптестікті іске асыруға жәрдемдесу",
     "содействие реализации государственно-частного партнёрства между участниками платформы",
     "assisting public-private partnership among the platform's participants"),
    ("digital_interaction", "5",
     "платформа шеңберінде цифрландыру элементтерін, деректермен және құзыреттермен алмасу процесін енгізу есебінен "
     "платформаға қатысушылардың өзара іс-қимыл процестерін оңтайландыру",
     "оптимизация процессов взаимодействия участников платформы за счёт внедрения элементов цифровизации, обмена "
     "данными и компетенциями в рамках платформы",
     "optimising the participants' interaction by digitalisation and the exchange of data and competences within "
     "the platform"),
    ("resource_focus", "6",
     "платформа мақсатына қол жеткізу үшін ресурстардың (қаржылық, инфрақұрылымдық, білім беру) фокусын "
     "қамтамасыз ету",
     "обеспечение фокусировки ресурсов (финансовых, инфраструктурных, образовательных) для достижения цели "
     "платформы",
     "focusing resources (financial, infrastructure, educational) on the platform's goal"),
    ("road_map", "7",
     "платформа шеңберінде саланы технологиялық дамытудың жол картасын қалыптастыру және іске асыру",
     "формирование и реализация в рамках платформы дорожной карты технологического развития отрасли",
     "forming and implementing, within the platform, the road map of the sector's technological development"),
    ("ttp", "8",
     "аяның (саланың) нысаналы технологиялық бағдарламаларын әзірлеуге және іске асыруға қатысу",
     "участие в разработке и реализации целевых технологических программ сферы (отрасли)",
     "taking part in developing and implementing the targeted technology programmes of the field (sector)"),
))
