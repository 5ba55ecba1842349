"""Which part of one cost line the "Productivity 2020" programme (act 004) does not reimburse.

The checks run in this order on what is left of the line; a check that excludes the whole line
ends the list:

1. a kind the instrument names as not reimbursed (per diem; travel and stay of experts), or a kind
   that is not a cost of the instrument at all;
2. a line not attributed to the kind of person the instrument pays for (3a employees, 3b
   specialists);
3. financed from a budget under another programme document (5.1, closing paragraph);
4. incurred after the application date, or before the look-back window (5.3): a cost incurred
   exactly N calendar months before the application date is still inside the window;
5. travel in a class the programme does not pay, or more than one trip there and back per person
   and training (lines with the same `executor`) (5.3 instrument 3; 5.4 p.13(11));
6. accommodation in another room than a single standard one, or beyond 1 month (courses) or
   3 months (internships) from check-in, pro rata per night (5.4 p.13(12));
7. the fraction of a month of an expert's work: only whole calendar months count (5.3, 3, 2)).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from ...citation import Citation
from ...dates import add_months
from ...rules import Context, Messages, render
from .common import MECHANISM_2_5, OTHER_BUDGET_CITATION, cite
from .facts import CostLine, ProductivityFacts
from .instruments import TRAVEL_CITATION, InstrumentDefinition


@dataclass(frozen=True)
class Exclusion:
    rule: str
    excluded: Decimal  # exact, tenge
    reason: Messages  # rendered
    citation: Citation


@dataclass
class LineState:
    """What the checks of one application share: its facts, instrument, the parameter reader and
    the trips already admitted per (person, training executor, direction)."""

    facts: ProductivityFacts
    definition: InstrumentDefinition
    ctx: Context
    trips: Counter = field(default_factory=Counter)

    def citation_of(self, parameter: str) -> Citation:
        return self.ctx.parameters.get(parameter, self.ctx.on).citation


Check = Callable[[CostLine, Decimal, LineState], Exclusion | None]

TEXTS: dict[str, Messages] = {
    "kind": {
        "kk": "{kind} түріндегі шығын {instrument} құралы бойынша өтелмейді; өтелетін шығындар: {admissible}.",
        "ru": "Затраты вида {kind} не возмещаются по инструменту {instrument}; возмещаются: {admissible}.",
        "en": "A cost of kind {kind} is not reimbursed by instrument {instrument}; its costs are: {admissible}.",
    },
    "person.employee": {
        "kk": "Жол кәсіпорын қызметкеріне жатқызылмаған, ал {instrument} құралы шығындарды қызметкерлер "
        "бойынша өтейді.",
        "ru": "Строка не отнесена к работнику предприятия, а инструмент {instrument} возмещает затраты по работникам.",
        "en": "The line is not attributed to an employee, and instrument {instrument} reimburses costs per employee.",
    },
    "person.specialist": {
        "kk": "Жол шетелдік маманға жатқызылмаған, ал {instrument} құралы мамандардың еңбекақысын өтейді.",
        "ru": "Строка не отнесена к специалисту, а инструмент {instrument} возмещает оплату труда специалистов.",
        "en": "The line is not attributed to a specialist, and instrument {instrument} reimburses specialists' fees.",
    },
    "other_budget": {
        "kk": "Шығын өзге бағдарламалық құжаттар шеңберінде республикалық және/немесе жергілікті бюджет "
        "қаражаты есебінен қаржыландырылған; мұндай шығындар Бағдарлама шеңберінде өтелмейді.",
        "ru": "Затраты профинансированы из республиканского и/или местного бюджета в рамках иных программных "
        "документов; такие затраты в рамках Программы не возмещаются.",
        "en": "The cost was financed from the republican or local budget under another programme document; "
        "such costs are not reimbursed under the programme.",
    },
    "after_application": {
        "kk": "Шығын {incurred_on} жүргізілген, яғни өтінім берілген күннен ({application_date}) кейін; өтінім "
        "берілген күнге дейін жүргізілген шығындар ғана өтеледі.",
        "ru": "Затраты произведены {incurred_on}, то есть после даты подачи заявки ({application_date}); "
        "возмещаются только затраты, произведённые до подачи заявки.",
        "en": "The cost was incurred on {incurred_on}, after the application date ({application_date}); only "
        "costs incurred by the application date are reimbursed.",
    },
    "lookback": {
        "kk": "Шығын {incurred_on} жүргізілген, бұл өтінім берілген күнге ({application_date}) дейінгі {months} "
        "айдан ертерек; ең ерте рұқсат етілген күн — {earliest}.",
        "ru": "Затраты произведены {incurred_on}, ранее чем за {months} мес. до даты подачи заявки "
        "({application_date}); самая ранняя допустимая дата — {earliest}.",
        "en": "The cost was incurred on {incurred_on}, earlier than {months} months before the application date "
        "({application_date}); the earliest admissible day is {earliest}.",
    },
    "travel_class": {
        "kk": "{mode} бойынша {travel_class} сыныбымен жол жүру өтелмейді: теміржолмен — тек купелі вагон (2 орындық "
        "жатын вагонды және жүрдек пойыздардың «Турист» пен «Бизнес» сыныптарын қоспағанда), әуе көлігімен — "
        "экономикалық сынып, шоссе және су жолдарымен — жергілікті жол жүру құны.",
        "ru": "Проезд ({mode}) классом {travel_class} не возмещается: железной дорогой — только купейный вагон "
        "(кроме 2-местного СВ и классов «Турист» и «Бизнес» скоростных поездов), воздушным транспортом — эконом-"
        "класс, автомобильным и водным — по местной стоимости проезда.",
        "en": "Travel by {mode} in class {travel_class} is not reimbursed: rail only in a coupé carriage (not a "
        "two-berth sleeper nor the Tourist and Business classes of fast trains), air only in economy class, road "
        "and water at the local fare.",
    },
    "round_trip": {
        "kk": "Бір адамға іссапар орнына {trips} мәрте бару және {trips} мәрте кері қайту ғана өтеледі; бұл "
        "{person} үшін қосымша сапар ({direction}).",
        "ru": "На одного человека возмещается только {trips} поездка к месту командирования и {trips} обратно; это "
        "дополнительная поездка ({direction}) для {person}.",
        "en": "Only {trips} trip to the destination and {trips} back per person are reimbursed; this is an "
        "additional trip ({direction}) of {person}.",
    },
    "room": {
        "kk": "Тұру стандарт сыныбындағы бір орындық қонақүй нөмірінің құны бойынша өтеледі; бұл тұру басқа нөмірде.",
        "ru": "Проживание возмещается по стоимости одноместного номера стандартного класса; здесь номер иной.",
        "en": "Accommodation is reimbursed at the cost of a single standard-class room; this stay was in another "
        "room.",
    },
    "accommodation": {
        "kk": "Тұру құны тіркелген күннен бастап {limit_months} айдан аспайтын мерзімге өтеледі (курстар, "
        "семинарлар — 1 ай, тағылымдама — 3 ай): төленген {nights} түннің {admitted} түні {limit_end} дейінгі "
        "шекке кіреді; қалған {excess} түннің құны барабар алынып тасталды.",
        "ru": "Проживание возмещается не более чем за {limit_months} мес. с даты заселения (курсы, семинары — "
        "1 месяц, стажировка — 3 месяца): из {nights} оплаченных ночей в предел до {limit_end} входят {admitted}; "
        "стоимость остальных {excess} ночей исключена пропорционально.",
        "en": "Accommodation is reimbursed for at most {limit_months} month(s) from check-in (courses and "
        "seminars: 1 month; internships: 3 months): of {nights} nights paid, {admitted} fall within the limit "
        "ending {limit_end}; the other {excess} nights are excluded pro rata.",
    },
    "whole_months": {
        "kk": "Маман жұмысының толық күнтізбелік айлары ғана өтеледі: {months} ай төленген, {whole} ай есепке "
        "алынады; қалған {fraction} айдың ақысы барабар алынып тасталды.",
        "ru": "Возмещаются только полные календарные месяцы работы специалиста: оплачено {months} мес., "
        "учитывается {whole}; оплата остальных {fraction} мес. исключена пропорционально.",
        "en": "Only whole calendar months of the specialist's work are reimbursed: {months} months were paid, "
        "{whole} count; the fee for the remaining {fraction} month(s) is excluded pro rata.",
    },
}


def _exclude(rule: str, amount: Decimal, citation: Citation, messages: Messages, **details: Any) -> Exclusion:
    return Exclusion(rule, amount, render(messages, details), citation)


def _kind(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    named = state.definition.excluded(cost.kind)
    if named is not None:
        return Exclusion(f"kind.{cost.kind}", remaining, dict(named.reason), named.citation)
    if cost.kind in state.definition.admissible_kinds:
        return None
    admissible = ", ".join(sorted(state.definition.admissible_kinds))
    return _exclude("kind", remaining, state.definition.citation, TEXTS["kind"], kind=cost.kind,
                    instrument=state.definition.id, admissible=admissible)


def _person(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    person = state.definition.person
    if person is None or (cost.employees if person == "employee" else cost.specialist):
        return None
    return _exclude("person", remaining, state.definition.citation, TEXTS[f"person.{person}"],
                    instrument=state.definition.id)


def _other_budget(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    if not cost.financed_by_other_budget_programme:
        return None
    return _exclude("other_budget", remaining, OTHER_BUDGET_CITATION, TEXTS["other_budget"])


def _window(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    applied = state.facts.application_date
    if cost.incurred_on > applied:
        return _exclude("after_application", remaining, state.definition.citation, TEXTS["after_application"],
                        incurred_on=cost.incurred_on, application_date=applied)
    parameter = state.definition.lookback_parameter
    if parameter is None:
        return None
    months = int(state.ctx.param(parameter))
    earliest = add_months(applied, -months)
    if cost.incurred_on >= earliest:  # "no earlier than N months before": the boundary day is inside
        return None
    return _exclude("lookback", remaining, state.citation_of(parameter), TEXTS["lookback"],
                    incurred_on=cost.incurred_on, application_date=applied, months=months, earliest=earliest)


def _travel(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    classes = state.definition.travel_classes
    if cost.kind != "travel" or not classes:
        return None
    if cost.travel_class not in classes.get(cost.travel_mode or "", frozenset()):
        return _exclude("travel_class", remaining, TRAVEL_CITATION, TEXTS["travel_class"],
                        mode=cost.travel_mode, travel_class=cost.travel_class)
    parameter = state.definition.round_trips_parameter
    if parameter is None:
        return None
    trips = int(state.ctx.param(parameter))
    person = cost.persons()[0]
    key = (person, cost.executor, cost.direction)  # one trip there and back per person and training
    if state.trips[key] >= trips:
        return _exclude("round_trip", remaining, state.citation_of(parameter), TEXTS["round_trip"],
                        trips=trips, person=person, direction=cost.direction)
    state.trips[key] += 1
    return None


def _room(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    if cost.kind != "accommodation" or cost.room_single_standard or not state.definition.accommodation_parameters:
        return None
    return _exclude("room", remaining, cite("5.4", "13", "12", MECHANISM_2_5), TEXTS["room"])


def _accommodation(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    parameter = state.definition.accommodation_parameters.get(cost.training_kind or "")
    if cost.kind != "accommodation" or parameter is None or cost.stay_from is None or cost.stay_to is None:
        return None
    limit_months = int(state.ctx.param(parameter))
    limit_end = add_months(cost.stay_from, limit_months)
    nights = (cost.stay_to - cost.stay_from).days
    admitted = max(0, (min(cost.stay_to, limit_end) - cost.stay_from).days)
    if nights <= admitted:
        return None
    excluded = remaining * Decimal(nights - admitted) / Decimal(nights)
    return _exclude("accommodation_limit", excluded, state.citation_of(parameter), TEXTS["accommodation"],
                    limit_months=limit_months, nights=nights, admitted=admitted, excess=nights - admitted,
                    limit_end=limit_end)


def _whole_months(cost: CostLine, remaining: Decimal, state: LineState) -> Exclusion | None:
    if not state.definition.whole_months or cost.months is None:
        return None
    whole = cost.months.to_integral_value(rounding=ROUND_FLOOR)
    if whole == cost.months:
        return None
    fraction = cost.months - whole
    excluded = remaining * fraction / cost.months
    return _exclude("whole_months", excluded, state.definition.citation, TEXTS["whole_months"],
                    months=cost.months, whole=whole, fraction=fraction)


CHECKS: tuple[Check, ...] = (_kind, _person, _other_budget, _window, _travel, _room, _accommodation, _whole_months)


def line_exclusions(cost: CostLine, state: LineState) -> tuple[Decimal, list[Exclusion]]:
    """The eligible part of `cost` (exact) and the exclusions that made it so, in order."""
    remaining = cost.amount_kzt
    found: list[Exclusion] = []
    for check in CHECKS:
        if remaining <= 0:
            break
        exclusion = check(cost, remaining, state)
        if exclusion is not None:
            found.append(exclusion)
            remaining -= exclusion.excluded
    return remaining, found
