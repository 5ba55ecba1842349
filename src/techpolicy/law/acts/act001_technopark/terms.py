"""Act 001, the terms of the Rules in paragraph order, each declared once. The number of days is a
parameter of `params/001.yaml` (null where the Rules set none, as for the commission in p.13)."""

from __future__ import annotations

from ...terms import Term, declare
from .common import cite


def _term(key: str, parameter: str, paragraph: str, anchor: dict, action: dict, before: bool = False) -> Term:
    return declare(Term(f"001.{key}", f"technopark.{parameter}", cite(paragraph), anchor, action, before=before))


_RECEIVED = {"kk": "өтініш түскен күн", "ru": "день поступления заявки", "en": "receipt of the application"}
_SIGNED = {
    "kk": "қатысушы қызметінің шарттары туралы шартқа қол қойылған күн",
    "ru": "день подписания договора об условиях деятельности участника",
    "en": "signing of the contract on the participant's terms of activity",
}
_TRAINING_SENT = {
    "kk": "оқытуға қатысуға өтініш жіберілген күн",
    "ru": "день направления заявки на участие в обучении",
    "en": "sending of the application to take part in training",
}

ACTIVITY_CHANGE_DECISION = _term(
    "activity_change_decision", "activity_change_decision_wd", "9-1", _RECEIVED,
    {"kk": "Комиссия қызмет түрін өзгерту және (немесе) толықтыру туралы шешім қабылдайды",
     "ru": "Комиссия принимает решение об изменении и (или) дополнении вида деятельности",
     "en": "the commission decides on the change or addition of activity types"},
)
COMPLETENESS_REVIEW = _term(
    "completeness_review", "completeness_review_wd", "13", _RECEIVED,
    {"kk": "Технопарк өтініштегі мәліметтердің толықтығын қарайды",
     "ru": "Технопарк проверяет полноту сведений заявки",
     "en": "the technopark checks that the application is complete"},
)
COMMISSION_DECISION = _term(
    "commission_decision", "commission_decision_wd", "13",
    {"kk": "өтініш Комиссияның қарауына жіберілген күн", "ru": "день направления заявки на рассмотрение Комиссии",
     "en": "referral of the application to the commission"},
    {"kk": "Комиссия өтініш бойынша шешім қабылдайды", "ru": "Комиссия принимает решение по заявке",
     "en": "the commission decides on the application"},
)
CERTIFICATE = _term(
    "certificate", "certificate_wd", "18", _SIGNED,
    {"kk": "қатысушыға Технопаркке қатысушыны тіркеу туралы куәлік беріледі",
     "ru": "участнику выдаётся свидетельство о регистрации участника Технопарка",
     "en": "the participant receives the registration certificate"},
)
REGISTER_ENTRY = _term(
    "register_entry", "register_entry_wd", "20", _SIGNED,
    {"kk": "қатысушы туралы мәліметтер Технопарк қатысушыларының тізбесіне енгізіледі",
     "ru": "сведения об участнике вносятся в перечень участников Технопарка",
     "en": "the participant is entered in the list of participants"},
)
EXTENSION_NOTICE = _term(
    "extension_notice", "extension_notice_wd", "36",
    {"kk": "Технопаркке қатысу мерзімінің аяқталуы", "ru": "окончание срока участия в Технопарке",
     "en": "the end of participation"},
    {"kk": "қатысу мерзімін ұзарту туралы өтініш беріледі (одан кейін – 8-тармаққа сәйкес қайта тіркеу)",
     "ru": "подаётся заявка на продление срока участия (позже – регистрация заново по пункту 8)",
     "en": "the application to extend participation is filed (later: register anew under paragraph 8)"},
    before=True,
)
HOUSING_VACATE = _term(
    "housing_vacate", "housing_vacate_wd", "60",
    {"kk": "акселерациядан шығарылған күн", "ru": "день отчисления из акселерации",
     "en": "expulsion from acceleration"},
    {"kk": "тұрғын үй босатылып, қабылдау-тапсыру актісі бойынша Технопаркке тапсырылады",
     "ru": "жильё освобождается и передаётся Технопарку по акту приёма-передачи",
     "en": "the housing is vacated and handed over to the technopark by act"},
)

# Paragraph 10 of chapter 2 (paragraphs 71-85): training of qualified ICT staff.
TRAINING_COMPLETENESS_REVIEW = _term(
    "training_completeness_review", "training_completeness_review_wd", "76", _TRAINING_SENT,
    {"kk": "Технопарк өтініштегі мәліметтердің толықтығын қарайды",
     "ru": "Технопарк рассматривает полноту сведений заявки",
     "en": "the technopark reviews the completeness of the application"},
)
TRAINING_REMARKS_NOTICE = _term(
    "training_remarks_notice", "training_remarks_notice_wd", "78", _TRAINING_SENT,
    {"kk": "өтініш берушіге ескертулерді көрсете отырып хабарлама жіберіледі",
     "ru": "заявителю направляется уведомление с указанием замечаний",
     "en": "the applicant is sent the notice with the remarks"},
)
TRAINING_REMARKS_FIX = _term(
    "training_remarks_fix", "training_remarks_fix_wd", "79",
    {"kk": "өтініш беруші ескертулерді алған күн", "ru": "день получения заявителем замечаний",
     "en": "receipt of the remarks by the applicant"},
    {"kk": "өтініш беруші ескертулерді жояды", "ru": "заявитель устраняет замечания",
     "en": "the applicant remedies the remarks"},
)
TRAINING_DECISION_NOTICE = _term(
    "training_decision_notice", "training_decision_notice_wd", "82",
    {"kk": "Тәуелсіз комиссия шешім қабылдаған күн", "ru": "день принятия решения Независимой комиссией",
     "en": "the Independent commission's decision"},
    {"kk": "өтініш берушіге комиссияның шешімі немесе дәлелді бас тарту жіберіледі",
     "ru": "заявителю направляется решение комиссии или мотивированный отказ",
     "en": "the applicant is sent the commission's decision or the reasoned refusal"},
)
TRAINING_CONTRACT = _term(
    "training_contract", "training_contract_wd", "83",
    {"kk": "Тәуелсіз комиссияның оң шешімі", "ru": "положительное решение Независимой комиссии",
     "en": "the Independent commission's positive decision"},
    {"kk": "өтініш берушімен оқытуға қатысу туралы шарт жасалады",
     "ru": "с заявителем заключается договор об участии в обучении",
     "en": "the training contract is concluded with the applicant"},
)

TERMS: tuple[Term, ...] = (
    ACTIVITY_CHANGE_DECISION,
    COMPLETENESS_REVIEW,
    COMMISSION_DECISION,
    CERTIFICATE,
    REGISTER_ENTRY,
    EXTENSION_NOTICE,
    HOUSING_VACATE,
    TRAINING_COMPLETENESS_REVIEW,
    TRAINING_REMARKS_NOTICE,
    TRAINING_REMARKS_FIX,
    TRAINING_DECISION_NOTICE,
    TRAINING_CONTRACT,
)
