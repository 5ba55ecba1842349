"""Act 003, article 27(3): the rules of the fund ledger of innovation grants, each with its
requirement id, citation, dates in force (the law's, `common.LAW_IN_FORCE`) and the reason of a
refusal in kk/ru/en. `fund.step` decides which rule refuses an entry; `Refusal` names the entry.

- 003.a27.p3.a1 (27(3), first indent): a current account in a resident second-tier bank, opened for
  the national operator; the money allocated to the authorized body for grants is transferred to it
  in full under the contract between them;
- 003.a27.p3.a2 (27(3), second indent, first sentence): the balance at the end of the financial year
  is not returned to the state budget and is spent on innovation grants in the next financial
  year; a financial year is the calendar year (reading R-F3);
- 003.a27.p3.a3 (27(3), second indent, last sentence): the total money for grants is distributed
  among all the grant types;
- X.003.inforce (article 34(1)): an entry dated outside the law's period in force.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ... import units
from ...citation import LANGUAGES, Citation
from ...rules import InForce, Messages, render
from .common import LAW_IN_FORCE, VALIDITY_CITATION, cite, indent

ACCOUNT = "003.a27.p3.a1"
CARRY_OVER = "003.a27.p3.a2"
ALLOCATION = "003.a27.p3.a3"
IN_FORCE = "X.003.inforce"

ACCOUNT_CITATION = cite("27", "3", note=indent(1))
CARRY_OVER_CITATION = cite("27", "3", note=indent(2))
# The last sentence of the second indent: the citation of the indent, told apart by the requirement id.
ALLOCATION_CITATION = cite("27", "3", note=indent(2))


@dataclass(frozen=True)
class LedgerRule:
    """One rule of the ledger: `failure` is the reason of a refusal, with {placeholders} filled from
    the refusal's details."""

    id: str
    requirement: str
    citation: Citation
    failure: Messages
    in_force: InForce = LAW_IN_FORCE


def _r(rule_id: str, requirement: str, citation: Citation, kk: str, ru: str, en: str) -> LedgerRule:
    return LedgerRule(rule_id, requirement, citation, {"kk": kk, "ru": ru, "en": en})


NOT_IN_FORCE = _r(
    "fund.in_force", IN_FORCE, VALIDITY_CITATION,
    "{on} күні Заң қолданыста болған жоқ (бастапқы құжат бойынша белгілі қолданылу кезеңі: {start} – {end}).",
    "На {on} Закон не действовал (период действия, насколько его датирует исходный документ: {start} – {end}).",
    "The Law was not in force on {on} (its period in force, as far as the source dates it: {start} – {end}).",
)
BANK = _r(
    "fund.account_bank", ACCOUNT, ACCOUNT_CITATION,
    "{bank} банкі Қазақстан Республикасының резиденті – екінші деңгейдегі банк емес: ұлттық операторға "
    "ағымдағы шот Қазақстан Республикасының резиденттері – екінші деңгейдегі банктерде ашылады.",
    "Банк {bank} не является банком второго уровня – резидентом Республики Казахстан: текущий счёт "
    "национальному оператору открывается в банках второго уровня – резидентах Республики Казахстан.",
    "The bank {bank} is not a second-tier bank resident in the Republic of Kazakhstan: the national "
    "operator's current account is opened in second-tier banks resident in the Republic of Kazakhstan.",
)
ONE_ACCOUNT = _r(
    "fund.one_account", ACCOUNT, ACCOUNT_CITATION,
    "Ағымдағы шот бұрын ашылған ({contract_no} шарты): есеп кітабы бір ағымдағы шоттың есебін жүргізеді.",
    "Текущий счёт уже открыт (договор {contract_no}): книга учёта ведётся по одному текущему счёту.",
    "The current account has already been opened (contract {contract_no}): a ledger keeps one current account.",
)
NO_ACCOUNT = _r(
    "fund.no_account", ACCOUNT, ACCOUNT_CITATION,
    "Ағымдағы шот ашылмаған: инновациялық гранттарды беруге бөлінген қаражат ұлттық операторға ашылған "
    "ағымдағы шотқа аударылады.",
    "Текущий счёт не открыт: средства, выделенные на предоставление инновационных грантов, перечисляются "
    "на текущий счёт, открытый национальному оператору.",
    "No current account has been opened: the money allocated for innovation grants is transferred to the "
    "current account opened for the national operator.",
)
CONTRACT = _r(
    "fund.transfer_contract", ACCOUNT, ACCOUNT_CITATION,
    "Аударым {contract_no} шарты бойынша жасалған, ал шот {account_contract} шарты бойынша ашылған: қаражат "
    "уәкілетті орган мен ұлттық оператор арасында жасалатын шарт негізінде аударылады.",
    "Перечисление сделано по договору {contract_no}, а счёт открыт по договору {account_contract}: средства "
    "перечисляются на основании договора между уполномоченным органом и национальным оператором.",
    "The transfer names contract {contract_no} but the account was opened under contract {account_contract}: "
    "the money is transferred under the contract between the authorized body and the national operator.",
)
IN_FULL = _r(
    "fund.transfer_in_full", ACCOUNT, ACCOUNT_CITATION,
    "Аударылған сома ({amount} теңге) бөлінген сомаға ({allocated} теңге) тең емес: инновациялық "
    "гранттарды беруге бөлінген қаражат толық көлемінде аударылады.",
    "Перечисленная сумма ({amount} тенге) не равна выделенной ({allocated} тенге): средства, выделенные на "
    "предоставление инновационных грантов, перечисляются в полном объёме.",
    "The amount transferred ({amount} KZT) is not the amount allocated ({allocated} KZT): the money allocated "
    "for innovation grants is transferred in full.",
)
YEAR_DATE = _r(
    "fund.financial_year_date", CARRY_OVER, CARRY_OVER_CITATION,
    "Жазбаның күні ({on}) оның қаржы жылына ({year}) жатпайды: қаржы жылы күнтізбелік жыл болып саналады.",
    "Дата записи ({on}) не относится к её финансовому году ({year}): финансовый год — календарный год.",
    "The entry's date ({on}) is not in its financial year ({year}): the financial year is the calendar year.",
)
EARLY_CLOSE = _r(
    "fund.close_before_year_end", CARRY_OVER, CARRY_OVER_CITATION,
    "{year} қаржы жылы {on} күні әлі аяқталған жоқ: қалдық қаржы жылының соңына есептеледі.",
    "На {on} {year} финансовый год ещё не окончен: остаток исчисляется на конец финансового года.",
    "The financial year {year} has not ended on {on}: the balance is computed at the end of the financial year.",
)
CLOSED = _r(
    "fund.year_closed", CARRY_OVER, CARRY_OVER_CITATION,
    "{year} қаржы жылы жабылған: оның қалдығы келесі қаржы жылына көшірілді, жабылған жылға жазба "
    "енгізілмейді.",
    "{year} финансовый год закрыт: его остаток перенесён на следующий финансовый год, записи в закрытый "
    "год не вносятся.",
    "The financial year {year} is closed: its balance was carried to the next financial year, and a closed "
    "year takes no entry.",
)
PREVIOUS_OPEN = _r(
    "fund.previous_year_open", CARRY_OVER, CARRY_OVER_CITATION,
    "{open_year} қаржы жылы әлі жабылған жоқ: {year} жылдың жазбаларынан бұрын оның қалдығы келесі қаржы "
    "жылына көшірілуі тиіс.",
    "{open_year} финансовый год ещё не закрыт: до записей {year} года его остаток должен быть перенесён на "
    "следующий финансовый год.",
    "The financial year {open_year} is not closed yet: its balance must be carried to the next financial year "
    "before entries of {year}.",
)
RETURN_TO_BUDGET = _r(
    "fund.return_to_budget", CARRY_OVER, CARRY_OVER_CITATION,
    "Ағымдағы шоттағы қаражаттың қалдығы мемлекеттік бюджетке қайтаруға жатпайды, ол келесі қаржы жылында "
    "инновациялық гранттарды беруге жұмсалады ({amount} теңге).",
    "Остаток средств на текущем счёте не подлежит возврату в государственный бюджет, он направляется на "
    "предоставление инновационных грантов в следующем финансовом году ({amount} тенге).",
    "The balance of the current account is not returned to the state budget; it is spent on innovation "
    "grants in the next financial year ({amount} KZT).",
)
OTHER_SPENDING = _r(
    "fund.other_spending", CARRY_OVER, CARRY_OVER_CITATION,
    "Ағымдағы шоттағы қаражат тек инновациялық гранттарды беруге жұмсалады: «{purpose}» мақсатына "
    "{amount} теңге жұмсауға болмайды.",
    "Средства текущего счёта расходуются только на предоставление инновационных грантов: расход {amount} "
    "тенге на цель «{purpose}» не допускается.",
    "The money of the current account is spent only on innovation grants: {amount} KZT may not be spent "
    "on \"{purpose}\".",
)
DUPLICATE_AWARD = _r(
    "fund.award_committed", CARRY_OVER, CARRY_OVER_CITATION,
    "{award_ref} гранты бойынша міндеттеме бұрын жазылған ({year} қаржы жылы).",
    "Обязательство по гранту {award_ref} уже записано ({year} финансовый год).",
    "A commitment for the grant {award_ref} has already been written (financial year {year}).",
)
UNKNOWN_AWARD = _r(
    "fund.award_unknown", CARRY_OVER, CARRY_OVER_CITATION,
    "{award_ref} гранты бойынша міндеттеме жоқ: шоттағы қаражат тек берілген инновациялық гранттар бойынша "
    "төленеді.",
    "Обязательства по гранту {award_ref} нет: средства счёта выплачиваются только по предоставленным "
    "инновационным грантам.",
    "There is no commitment for the grant {award_ref}: the account pays only innovation grants awarded.",
)
BEYOND_COMMITMENT = _r(
    "fund.payment_beyond_commitment", CARRY_OVER, CARRY_OVER_CITATION,
    "Төлем ({amount} теңге) {award_ref} гранты бойынша төленбеген міндеттемеден ({outstanding} теңге) асады.",
    "Платёж ({amount} тенге) превышает невыплаченное обязательство по гранту {award_ref} ({outstanding} тенге).",
    "The payment ({amount} KZT) exceeds the unpaid commitment of the grant {award_ref} ({outstanding} KZT).",
)
BEYOND_PAID = _r(
    "fund.return_beyond_paid", CARRY_OVER, CARRY_OVER_CITATION,
    "Қайтарылған сома ({amount} теңге) {award_ref} гранты бойынша төленген әрі әлі қайтарылмаған сомадан "
    "({returnable} теңге) асады.",
    "Возвращённая сумма ({amount} тенге) превышает выплаченную и ещё не возвращённую по гранту {award_ref} "
    "({returnable} тенге).",
    "The amount returned ({amount} KZT) exceeds what was paid and not yet returned on the grant {award_ref} "
    "({returnable} KZT).",
)
ALL_TYPES = _r(
    "fund.allocation_all_types", ALLOCATION, ALLOCATION_CITATION,
    "Бөлу кестесінде мына грант түрлері жоқ: {missing}. Инновациялық гранттар беруге арналған ақша "
    "қаражатының жалпы көлемі барлық грант түрлері арасында бөлінеді.",
    "В таблице распределения нет видов грантов: {missing}. Общий объём денежных средств на предоставление "
    "инновационных грантов распределяется между всеми видами грантов.",
    "The allocation table lacks the grant types {missing}: the total money for innovation grants is "
    "distributed among all the grant types.",
)
ALLOCATION_SUM = _r(
    "fund.allocation_sum", ALLOCATION, ALLOCATION_CITATION,
    "Бөлу кестесінің сомасы ({allocated} теңге) {year} қаржы жылының бөлінетін жалпы көлеміне ({available} "
    "теңге: аударымдар {received}, көшірілген қалдық {carried_in}, бұрынғы жылдардың төленбеген "
    "міндеттемелері {brought_forward} шегерілді) тең емес.",
    "Сумма таблицы распределения ({allocated} тенге) не равна общему объёму {year} финансового года к "
    "распределению ({available} тенге: перечисления {received}, перенесённый остаток {carried_in}, за вычетом "
    "невыплаченных обязательств прошлых лет {brought_forward}).",
    "The allocation table adds up to {allocated} KZT, not to the total of the financial year {year} to be "
    "distributed ({available} KZT: transfers {received}, carried balance {carried_in}, less the unpaid "
    "commitments of earlier years {brought_forward}).",
)
BELOW_COMMITTED = _r(
    "fund.allocation_below_committed", ALLOCATION, ALLOCATION_CITATION,
    "{grant_type} түріне бөлінген сома ({share} теңге) осы түр бойынша {year} жылы қабылданған "
    "міндеттемелерден ({committed} теңге, қайтарылғаны {returned} теңге) аз.",
    "Сумма, распределённая на вид {grant_type} ({share} тенге), меньше обязательств по этому виду за {year} "
    "год ({committed} тенге, возвращено {returned} тенге).",
    "The share of the type {grant_type} ({share} KZT) is below the commitments of that type in {year} "
    "({committed} KZT, {returned} KZT returned).",
)
UNALLOCATED = _r(
    "fund.year_not_allocated", ALLOCATION, ALLOCATION_CITATION,
    "{year} қаржы жылының қаражаты грант түрлері арасында бөлінбеген (кестенің сомасы {allocated} теңге, "
    "бөлінетін жалпы көлем {available} теңге): алдымен бөлу кестесі жазылуы тиіс.",
    "Средства {year} финансового года не распределены между видами грантов (сумма таблицы {allocated} "
    "тенге, общий объём к распределению {available} тенге): сначала записывается таблица распределения.",
    "The money of the financial year {year} is not distributed among the grant types (the table adds up to "
    "{allocated} KZT, the total to distribute is {available} KZT): an allocation table comes first.",
)
OVER_COMMITMENT = _r(
    "fund.over_commitment", ALLOCATION, ALLOCATION_CITATION,
    "{grant_type} түрі бойынша {year} жылы қолда бар қаражат ({available} теңге) міндеттеме сомасынан "
    "({amount} теңге) аз.",
    "Доступные средства по виду {grant_type} в {year} году ({available} тенге) меньше суммы обязательства "
    "({amount} тенге).",
    "The money available for the type {grant_type} in {year} ({available} KZT) is less than the commitment "
    "({amount} KZT).",
)

# Notes of every replay: the reading of the financial year, and the law's start while it is not dated.
FINANCIAL_YEAR_NOTE: Messages = {
    "kk": "Қаржы жылы күнтізбелік жыл ретінде оқылды (R-F3): «grants.financial_year» параметрін бастапқы құжат "
    "белгілемейді.",
    "ru": "Финансовый год прочитан как календарный год (R-F3): параметр «grants.financial_year» исходным "
    "документом не установлен.",
    "en": "The financial year is read as the calendar year (R-F3): the parameter \"grants.financial_year\" is "
    "not set by the source document.",
}
START_NOTE: Messages = {
    "kk": "Заңның алғаш ресми жарияланған күнін бастапқы құжат көрсетпейді ({parameter}): жазбалар Заң "
    "қолданысқа енгізілуі мүмкін ең ерте күнмен, {earliest}, салыстырылды.",
    "ru": "Дата первого официального опубликования Закона исходным документом не установлена ({parameter}): "
    "записи сверены с самой ранней возможной датой введения Закона в действие, {earliest}.",
    "en": "The date of the Law's first official publication is not set by the source document ({parameter}): "
    "entries were checked against the earliest date it can have taken effect, {earliest}.",
}


RULES: tuple[LedgerRule, ...] = (
    NOT_IN_FORCE, BANK, ONE_ACCOUNT, NO_ACCOUNT, CONTRACT, IN_FULL, YEAR_DATE, EARLY_CLOSE, CLOSED,
    PREVIOUS_OPEN, RETURN_TO_BUDGET, OTHER_SPENDING, DUPLICATE_AWARD, UNKNOWN_AWARD, BEYOND_COMMITMENT,
    BEYOND_PAID, ALL_TYPES, ALLOCATION_SUM, BELOW_COMMITTED, UNALLOCATED, OVER_COMMITMENT,
)


def _text(value: Any, lang: str) -> Any:
    if isinstance(value, Decimal):
        return units.number(value, lang, places=2)
    if isinstance(value, dt.date):
        return units.date(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Refusal:
    """An entry the law refuses: its position in the ledger, its kind, the rule and the figures."""

    index: int
    kind: str
    rule: LedgerRule
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> Messages:
        texts = {k: {lang: _text(v, lang) for lang in LANGUAGES} for k, v in self.details.items()}
        return render(self.rule.failure, texts)

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        reason = self.reason
        return {
            "entry": self.index,
            "kind": self.kind,
            "rule": self.rule.id,
            "requirement": self.rule.requirement,
            "citation": self.rule.citation.as_dict(lang or "en"),
            "reason": reason.get(lang, "") if lang else reason,
            "details": {k: _plain(v) for k, v in self.details.items()},
        }
