"""Act 001, paragraph 9 and Annex 3: the documents attached to an application to register as a
technopark participant. Combined with paragraph 7 in `participation.PARTICIPATION_RULES`."""

from __future__ import annotations

from ...rules import Rule
from .common import annex3_rules, cite, rule, tax_debt_rules

# --- paragraph 9: documents attached to the application ------------------------------------------

P9_REGISTRATION = rule(
    "001.p9.registration",
    cite("9"),
    {
        "kk": "Резидент заңды тұлға өтінішке заңды тұлғаны мемлекеттік тіркеу (қайта тіркеу) "
        "туралы анықтаманы қоса тіркейді.",
        "ru": "Юридическое лицо-резидент прилагает к заявке справку о государственной регистрации "
        "(перерегистрации) юридического лица.",
        "en": "A resident legal entity attaches the certificate of state registration "
        "(re-registration) of the legal entity.",
    },
    {
        "kk": "Заңды тұлғаны мемлекеттік тіркеу (қайта тіркеу) туралы анықтама қоса тіркелмеген.",
        "ru": "Справка о государственной регистрации (перерегистрации) юридического лица не "
        "приложена.",
        "en": "The certificate of state registration (re-registration) is not attached.",
    },
    lambda f, ctx: f.documents.registration_certificate,
    applies=lambda f: f.applicant.resident & (f.applicant.legal_form == "legal_entity"),
)

P9_1 = rule(
    "001.p9.1",
    cite("9", "1"),
    {
        "kk": "Өтініш берушінің атынан әрекет ететін тұлға тағайындалған болса, оның өкілеттігін "
        "растайтын құжаттардың электрондық көшірмелері қоса тіркеледі.",
        "ru": "Если заявитель назначил лицо, действующее от его имени, прилагаются электронные "
        "копии документов, подтверждающих полномочия этого лица.",
        "en": "If the applicant appointed a person to act on its behalf, electronic copies of the "
        "documents confirming that person's authority are attached.",
    },
    {
        "kk": "Өтініш берушінің атынан әрекет ететін тұлға тағайындалған, бірақ оның өкілеттігін "
        "растайтын құжаттар қоса тіркелмеген.",
        "ru": "Назначено лицо, действующее от имени заявителя, но документы, подтверждающие его "
        "полномочия, не приложены.",
        "en": "A person acting for the applicant was appointed, but the documents confirming that "
        "person's authority are not attached.",
    },
    lambda f, ctx: f.documents.authority_documents,
    applies=lambda f: f.documents.representative_appointed,
)

P9_2 = rule(
    "001.p9.2",
    cite("9", "2"),
    {
        "kk": "Өтінішке Қағидалардың 3-қосымшасында көрсетілген мәліметтерді қамтитын жобаның "
        "(жобалардың) бизнес-жоспары қоса тіркеледі.",
        "ru": "К заявке прилагается бизнес-план проекта (проектов), содержащий сведения, указанные "
        "в приложении 3 к Правилам.",
        "en": "The business plan of the project(s) with the data listed in Annex 3 is attached.",
    },
    {
        "kk": "Бизнес-жоспар қоса тіркелмеген: онда бірде-бір жоба көрсетілмеген.",
        "ru": "Бизнес-план не приложен: в нём не указано ни одного проекта.",
        "en": "No business plan is attached: it shows no project.",
    },
    lambda f, ctx: f.documents.business_plan.projects.count() > 0,
)

ANNEX3 = annex3_rules(
    "001.annex3",
    cite("9", "2", "Annex 3"),
    lambda f: f.documents.business_plan,
    lambda f: f.applicant.activity_types,
)

P9_3 = tax_debt_rules(
    "001.p9.3",
    cite("9", "3"),
    lambda f: f.documents.tax_debt,
    lambda f: f.application_date,
)


P9_4 = rule(
    "001.p9.4",
    cite("9", "4"),
    {
        "kk": "Өтініш беруші қызметін жүзеге асыруды жоспарлап отырған жерді растайтын құжат "
        "(жалға алу, мүлікті өтеусіз пайдалану, мүлікті сенімгерлік басқару шарттарының "
        "көшірмелері, үй-жай беру туралы жеке тұлғаның нотариат куәландырған келісімі) қоса "
        "тіркеледі.",
        "ru": "Прилагается документ, подтверждающий место, где заявитель планирует осуществлять "
        "деятельность (копии договоров аренды, безвозмездного пользования, доверительного "
        "управления имуществом, нотариально засвидетельствованное согласие физического лица на "
        "предоставление помещения).",
        "en": "A document confirming where the applicant plans to operate is attached (a lease, "
        "free-use or trust-management contract, or a natural person's notarised consent to provide "
        "premises).",
    },
    {
        "kk": "Қызметті жүзеге асыру орнын растайтын құжат ({kind}) қоса тіркелмеген.",
        "ru": "Документ, подтверждающий место осуществления деятельности ({kind}), не приложен.",
        "en": "The document confirming the place of activity ({kind}) is not attached.",
    },
    lambda f, ctx: f.documents.place_of_activity.provided,
    explain=lambda facts, ctx: {"kind": facts.documents.place_of_activity.kind},
)

P9_5 = rule(
    "001.p9.5",
    cite("9", "5"),
    {
        "kk": "Жобаны іске асыру үшін тартуға жоспарланатын бейрезиденттердің және резиденттердің "
        "саны туралы мәліметтер (болжамды саны және мерзімі) қоса тіркеледі.",
        "ru": "Прилагаются сведения о количестве нерезидентов и резидентов, планируемых к "
        "привлечению для реализации проекта (прогнозируемое количество и срок).",
        "en": "The planned number of non-residents and residents to be attracted for the project "
        "(forecast number and period) is attached.",
    },
    {
        "kk": "Тартуға жоспарланатын бейрезиденттер мен резиденттердің саны туралы мәліметтер қоса "
        "тіркелмеген.",
        "ru": "Сведения о количестве нерезидентов и резидентов, планируемых к привлечению, не "
        "приложены.",
        "en": "The planned number of non-residents and residents is not attached.",
    },
    lambda f, ctx: f.documents.planned_staff.given(),
)

DOCUMENT_RULES: tuple[Rule, ...] = (
    P9_REGISTRATION,
    P9_1,
    P9_2,
    *ANNEX3,
    *P9_3,
    P9_4,
    P9_5,
)
