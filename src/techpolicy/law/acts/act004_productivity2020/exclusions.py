"""Which part of each cost line the "Productivity 2020" programme (act 004) does not reimburse.

The rules run in this order on what is left of a line; a rule that excludes the whole line ends
the list for that line:

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

Each rule (`LineRule`) is a polars expression over the *frame of cost lines* (`lines_frame`: one
row per line, the columns of `CostLine` plus the application's instrument, date and decision
date), so one definition cuts the lines of one application (`application_exclusions`, which the
calculator calls) and of a whole population (`line_columns`, the batch path). A rule that keeps a
part of the line gives that part as an exact fraction (integer numerator and denominator); the
round-trip count is a running count over the lines of one person, training and direction. The
texts of an exclusion are computed only for a case that is looked at (`explain`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any

import polars as pl

from ... import columnar
from ...citation import Citation
from ...dates import add_months, add_months_expr
from ...parameters import ParameterError, Parameters
from ...rules import ColumnContext, Context, Messages, render
from .common import MECHANISM_2_5, OTHER_BUDGET_CITATION, cite
from .facts import CostLine, ProductivityFacts
from .instruments import INSTRUMENTS, TRAVEL_CITATION, InstrumentDefinition

APP = "§app"  # the application a line belongs to (its row in the population)
LINE = "§line"  # the position of the line in its application
PERSON = "§person"  # the person a line is attributed to first (the round trips are counted per person)
FIRED = "§fired"  # bit k set: LINE_RULES[k] cut the line
LIVE = "§live"  # something of the line is left after the rules so far
KEPT_NUM, KEPT_DEN = "§kept_num", "§kept_den"  # the part of the line kept, exact: amount * num / den
WIDE = pl.Int128  # the exact fractions: products of amounts, nights and months stay far inside it


@dataclass(frozen=True)
class Exclusion:
    rule: str
    excluded: Decimal  # exact, tenge
    reason: Messages  # rendered
    citation: Citation


@dataclass(frozen=True)
class LineState:
    """What the texts of one application's exclusions read: its facts, instrument and the parameter reader."""

    facts: ProductivityFacts
    definition: InstrumentDefinition
    ctx: Context

    def citation_of(self, parameter: str) -> Citation:
        return self.ctx.parameters.get(parameter, self.ctx.on).citation


Excludes = Callable[[columnar.Fields, ColumnContext], pl.Expr]
Kept = Callable[[columnar.Fields, ColumnContext], tuple[pl.Expr, pl.Expr]]
Explain = Callable[[CostLine, LineState], tuple[Citation, Messages]]


@dataclass(frozen=True)
class LineRule:
    """`excludes(line, ctx)`: where the rule cuts what is left of a line; `kept(line, ctx)`: the part of
    what is left that stays, as (numerator, denominator) (None: nothing stays); `excludes` may
    read the column LIVE (the lines the rules before it left something of); `explain(cost,
    state)`: its citation and rendered texts for one line."""

    id: str
    excludes: Excludes
    explain: Explain
    kept: Kept | None = None


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


# --- what the rules read of the instrument ------------------------------------------------------------------


def _instrument() -> pl.Expr:
    return pl.col("instrument")


def _of_instrument(values: Mapping[str, Any], dtype: pl.DataType) -> pl.Expr:
    """A value of the line's instrument (null for an instrument not in `values`)."""
    return _instrument().replace_strict(dict(values), default=None, return_dtype=dtype)


def _pairs(*parts: pl.Expr) -> pl.Expr:
    return pl.concat_str([_instrument(), *parts], separator="|")


def _counts_of(ctx: ColumnContext, names: Mapping[Any, str | None]) -> dict[Any, int]:
    """The counts (months, trips) of the named parameters in this epoch (a parameter without a value there is
    left out: the calculation of such an instrument does not run, `calculator.calculate`)."""
    found = {}
    for key, name in names.items():
        if not name:
            continue
        try:
            found[key] = int(ctx.param(name))
        except ParameterError:
            continue
    return found


def _shifted(day: pl.Expr, months: Mapping[str, int], keys: pl.Expr, sign: int) -> pl.Expr:
    """`day` plus (sign x) the months of its key, null where the key has none. One date arithmetic
    per distinct number of months (most keys share one), not per key."""
    result = pl.lit(None, pl.Date)
    for count in sorted(set(months.values())):
        sharing = sorted(key for key, c in months.items() if c == count)
        result = pl.when(keys.is_in(sharing)).then(add_months_expr(day, sign * count)).otherwise(result)
    return result


# --- the rules ------------------------------------------------------------------------------------------------


def _exclude(citation: Citation, messages: Messages, **details: Any) -> tuple[Citation, Messages]:
    return citation, render(messages, details)


def _named_kind(kind: str) -> LineRule:
    """A kind the instrument names as not reimbursed (5.3)."""
    naming = sorted(i for i, d in INSTRUMENTS.items() if d.excluded(kind) is not None)

    def explain(cost: CostLine, state: LineState) -> tuple[Citation, Messages]:
        named = state.definition.excluded(kind)
        return named.citation, dict(named.reason)  # type: ignore[union-attr]

    return LineRule(f"kind.{kind}", lambda line, ctx: (line.kind == kind) & _instrument().is_in(naming), explain)


def _kind_explain(cost: CostLine, state: LineState) -> tuple[Citation, Messages]:
    admissible = ", ".join(sorted(state.definition.admissible_kinds))
    return _exclude(state.definition.citation, TEXTS["kind"], kind=cost.kind, instrument=state.definition.id,
                    admissible=admissible)


ADMISSIBLE = sorted(f"{i}|{k}" for i, d in INSTRUMENTS.items() for k in d.admissible_kinds)
KIND = LineRule("kind", lambda line, ctx: ~_pairs(line.kind).is_in(ADMISSIBLE), _kind_explain)


def _person_excludes(line: columnar.Fields, ctx: ColumnContext) -> pl.Expr:
    person = _of_instrument({i: d.person for i, d in INSTRUMENTS.items() if d.person}, pl.String())
    no_employee = line.employees.list.len() == 0
    no_specialist = line.specialist.is_null() | (line.specialist == "")
    return ((person == "employee") & no_employee) | ((person == "specialist") & no_specialist)


def _person_explain(cost: CostLine, state: LineState) -> tuple[Citation, Messages]:
    return _exclude(state.definition.citation, TEXTS[f"person.{state.definition.person}"],
                    instrument=state.definition.id)


PERSON_RULE = LineRule("person", _person_excludes, _person_explain)
OTHER_BUDGET = LineRule("other_budget", lambda line, ctx: line.financed_by_other_budget_programme,
                        lambda cost, state: _exclude(OTHER_BUDGET_CITATION, TEXTS["other_budget"]))
AFTER_APPLICATION = LineRule(
    "after_application", lambda line, ctx: line.incurred_on > pl.col("application_date"),
    lambda cost, state: _exclude(state.definition.citation, TEXTS["after_application"], incurred_on=cost.incurred_on,
                                 application_date=state.facts.application_date))


def _lookback_excludes(line: columnar.Fields, ctx: ColumnContext) -> pl.Expr:
    months = _counts_of(ctx, {i: d.lookback_parameter for i, d in INSTRUMENTS.items()})
    # "no earlier than N months before": the boundary day is inside
    return line.incurred_on < _shifted(pl.col("application_date"), months, _instrument(), -1)


def _lookback_explain(cost: CostLine, state: LineState) -> tuple[Citation, Messages]:
    parameter = state.definition.lookback_parameter or ""
    months = int(state.ctx.param(parameter))
    applied = state.facts.application_date
    return _exclude(state.citation_of(parameter), TEXTS["lookback"], incurred_on=cost.incurred_on,
                    application_date=applied, months=months, earliest=add_months(applied, -months))


LOOKBACK = LineRule("lookback", _lookback_excludes, _lookback_explain)

TRAVELLING = sorted(i for i, d in INSTRUMENTS.items() if d.travel_classes)
TRAVEL_CLASSES = sorted(f"{i}|{mode}|{c}" for i, d in INSTRUMENTS.items()
                        for mode, classes in d.travel_classes.items() for c in classes)
TRAVEL_CLASS = LineRule(
    "travel_class",
    lambda line, ctx: (line.kind == "travel") & _instrument().is_in(TRAVELLING)
    & ~_pairs(line.travel_mode, line.travel_class).is_in(TRAVEL_CLASSES).fill_null(False),
    lambda cost, state: _exclude(TRAVEL_CITATION, TEXTS["travel_class"], mode=cost.travel_mode,
                                 travel_class=cost.travel_class))


def _round_trip_excludes(line: columnar.Fields, ctx: ColumnContext) -> pl.Expr:
    trips = _of_instrument(_counts_of(ctx, {i: INSTRUMENTS[i].round_trips_parameter for i in TRAVELLING}),
                           pl.Int64())
    # The lines that reach this rule, counted in order per person and training (one trip there and
    # back per person and training): those beyond the number of trips are cut.
    reaching = pl.col(LIVE) & (line.kind == "travel") & trips.is_not_null()
    trip = pl.struct(pl.col(APP), pl.col(PERSON), line.executor, line.direction)
    # Counted only where a person's trip in a direction repeats: most persons make one each way, and
    # a window over millions of one-line groups is slow. A trip that does not repeat is the first.
    repeated = reaching & pl.when(reaching).then(trip).is_duplicated()
    count = reaching.cast(pl.Int64).cum_sum().over(pl.when(repeated).then(trip), order_by=LINE)
    return reaching & pl.when(repeated).then(count > trips).otherwise(trips < 1)


def _round_trip_explain(cost: CostLine, state: LineState) -> tuple[Citation, Messages]:
    parameter = state.definition.round_trips_parameter or ""
    return _exclude(state.citation_of(parameter), TEXTS["round_trip"], trips=int(state.ctx.param(parameter)),
                    person=cost.persons()[0], direction=cost.direction)


ROUND_TRIP = LineRule("round_trip", _round_trip_excludes, _round_trip_explain)

LODGING = sorted(i for i, d in INSTRUMENTS.items() if d.accommodation_parameters)
ROOM = LineRule(
    "room",
    lambda line, ctx: (line.kind == "accommodation") & ~line.room_single_standard & _instrument().is_in(LODGING),
    lambda cost, state: _exclude(cite("5.4", "13", "12", MECHANISM_2_5), TEXTS["room"]))


def _stay(line: columnar.Fields, ctx: ColumnContext) -> tuple[pl.Expr, pl.Expr]:
    """(admitted nights, nights) of an accommodation line: the nights up to the limit of months from
    check-in that the instrument sets for the kind of training."""
    months = _counts_of(ctx, {f"{i}|{kind}": name for i, d in INSTRUMENTS.items()
                              for kind, name in d.accommodation_parameters.items()})
    limit_end = _shifted(line.stay_from, months, _pairs(line.training_kind), 1)
    nights = (line.stay_to - line.stay_from).dt.total_days()
    admitted = pl.max_horizontal((pl.min_horizontal(line.stay_to, limit_end) - line.stay_from).dt.total_days(), 0)
    return admitted.cast(WIDE), nights.cast(WIDE)


def _accommodation_explain(cost: CostLine, state: LineState) -> tuple[Citation, Messages]:
    parameter = state.definition.accommodation_parameters[cost.training_kind or ""]
    limit_months = int(state.ctx.param(parameter))
    limit_end = add_months(cost.stay_from, limit_months)  # type: ignore[arg-type]
    nights = (cost.stay_to - cost.stay_from).days  # type: ignore[operator]
    admitted = max(0, (min(cost.stay_to, limit_end) - cost.stay_from).days)  # type: ignore[operator,type-var]
    return _exclude(state.citation_of(parameter), TEXTS["accommodation"], limit_months=limit_months, nights=nights,
                    admitted=admitted, excess=nights - admitted, limit_end=limit_end)


def _accommodation_excludes(line: columnar.Fields, ctx: ColumnContext) -> pl.Expr:
    admitted, nights = _stay(line, ctx)
    return (line.kind == "accommodation") & (nights > admitted)  # null where the instrument sets no limit


ACCOMMODATION = LineRule("accommodation_limit", _accommodation_excludes, _accommodation_explain, kept=_stay)

MONTHLY = sorted(i for i, d in INSTRUMENTS.items() if d.whole_months)
MONTH = pl.lit(10**columnar.SCALE, WIDE)


def _whole_months(line: columnar.Fields, ctx: ColumnContext) -> tuple[pl.Expr, pl.Expr]:
    """(whole months, months) of an expert's work, both in the frame's exact decimal units."""
    return (line.months.floor().cast(WIDE) * MONTH), (line.months * MONTH).cast(WIDE)


def _whole_months_excludes(line: columnar.Fields, ctx: ColumnContext) -> pl.Expr:
    return _instrument().is_in(MONTHLY) & (line.months != line.months.floor())


def _whole_months_explain(cost: CostLine, state: LineState) -> tuple[Citation, Messages]:
    months = cost.months or Decimal(0)
    whole = months.to_integral_value(rounding=ROUND_FLOOR)
    return _exclude(state.definition.citation, TEXTS["whole_months"], months=months, whole=whole,
                    fraction=months - whole)


WHOLE_MONTHS = LineRule("whole_months", _whole_months_excludes, _whole_months_explain, kept=_whole_months)

NAMED_KINDS = sorted({e.kind for d in INSTRUMENTS.values() for e in d.excluded_kinds})
LINE_RULES: tuple[LineRule, ...] = (
    *(_named_kind(k) for k in NAMED_KINDS), KIND, PERSON_RULE, OTHER_BUDGET, AFTER_APPLICATION, LOOKBACK,
    TRAVEL_CLASS, ROUND_TRIP, ROOM, ACCOMMODATION, WHOLE_MONTHS,
)
PARTIAL = tuple(k for k, r in enumerate(LINE_RULES) if r.kept is not None)


def kept_columns(k: int) -> tuple[str, str]:
    return f"§num.{LINE_RULES[k].id}", f"§den.{LINE_RULES[k].id}"


# --- the frame of cost lines -----------------------------------------------------------------------------------

LINE_SCHEMA: dict[str, pl.DataType] = {
    **columnar.schema(CostLine), APP: pl.UInt32(), LINE: pl.UInt32(), "instrument": pl.String(),
    "application_date": pl.Date(),
}


def lines_frame(facts: ProductivityFacts, on: dt.date) -> pl.DataFrame:
    """The frame of the cost lines of one application, decided on `on`."""
    frame = columnar.frame_of(CostLine, facts.costs)
    return frame.with_columns(
        pl.lit(0, pl.UInt32).alias(APP), pl.int_range(pl.len(), dtype=pl.UInt32).alias(LINE),
        pl.lit(facts.instrument).alias("instrument"), pl.lit(facts.application_date).alias("application_date"),
        pl.lit(on).alias(columnar.ON),
    )


def _bits(names: Sequence[tuple[int, str]]) -> pl.Expr:
    """The Boolean columns `names` (rule k, column) as one integer with bit k set where true."""
    return pl.sum_horizontal([pl.col(name).cast(pl.Int64) * (1 << k) for k, name in names])


def _steps(ctx: ColumnContext) -> list[list[pl.Expr]]:
    """The rules of one epoch as a few column steps. The condition of a rule does not depend on the
    rules before it, except the round-trip count, which counts the lines the rules before it left
    something of (LIVE). So the conditions are computed side by side ("§c.k"), "§kill" has the
    bits of the rules that cut the whole line (or keep nothing of it), and rule k fired on a line
    where its condition holds and no rule before it killed the line."""
    line = columnar.Fields(CostLine)
    counted = LINE_RULES.index(ROUND_TRIP)
    first = [pl.coalesce(line.employees.list.first(), line.specialist).alias(PERSON),
             (line.amount_kzt > 0).fill_null(False).alias("§start")]
    conditions, kills = [], []
    for k, rule in enumerate(LINE_RULES):
        if k == counted:
            continue
        name = f"§c.{k}"
        first.append(rule.excludes(line, ctx).fill_null(False).alias(name))
        conditions.append((k, name))
        if rule.kept is None:
            kills.append((k, name))
            continue
        num, den = rule.kept(line, ctx)
        num_name, den_name = kept_columns(k)
        first += [num.cast(WIDE).alias(num_name), den.cast(WIDE).alias(den_name)]
    partial = [(k, f"§k.{k}") for k in PARTIAL]
    second = [_bits(conditions).alias("§cond"), *(
        (pl.col(f"§c.{k}") & (pl.col(kept_columns(k)[0]) == 0)).alias(name) for k, name in partial)]
    third = [_bits(kills + partial).alias("§kill")]
    before_counted = pl.col("§start") & ((pl.col("§kill") & ((1 << counted) - 1)) == 0)
    trip = ROUND_TRIP.excludes(line, ctx).fill_null(False).cast(pl.Int64) * (1 << counted)
    kill = pl.col("§kill") | pl.col("§trip")
    first_kill = kill & -kill  # the lowest bit set
    upto = pl.when(first_kill == 0).then(pl.lit(-1, pl.Int64)).otherwise(first_kill * 2 - 1)
    fired = pl.when(pl.col("§start")).then((pl.col("§cond") | pl.col("§trip")) & upto).otherwise(0)
    kept = [pl.when(pl.col(FIRED) & (1 << k) > 0).then(pl.col(c)).otherwise(1).alias(c)
            for k in PARTIAL for c in kept_columns(k)]
    return [
        first,
        second,
        third,
        [before_counted.alias(LIVE)],
        [trip.alias("§trip")],
        [fired.cast(pl.UInt32).alias(FIRED), (pl.col("§start") & (kill == 0)).alias(LIVE)],
        kept,
    ]


_STEPS: dict[tuple[str, int], list[list[pl.Expr]]] = {}


def _steps_for(parameters: Parameters, day: dt.date, dates: Sequence[dt.date],
               calendar: Any) -> list[list[pl.Expr]]:
    key = (parameters.fingerprint(), columnar.epoch_of(day, dates))
    if key not in _STEPS:
        if len(_STEPS) > 256:
            _STEPS.clear()
        _STEPS[key] = _steps(ColumnContext(day, parameters, calendar))
    return _STEPS[key]


def line_columns(lines: pl.DataFrame, parameters: Parameters, calendar: Any) -> pl.DataFrame:
    """Per line of `lines` (LINE_SCHEMA plus the decision date `columnar.ON`): FIRED, the kept
    fraction of every partial rule (`kept_columns`) and the product of them (KEPT_NUM / KEPT_DEN).
    The rules are compiled once per epoch of the decision dates."""
    dates = columnar.change_dates(parameters)
    days = lines[columnar.ON]
    epoch = columnar.epochs(days, dates)
    parts = []
    # (no lines at all: the columns without rows, from the rules of any day)
    for index in epoch.unique().sort().to_list() or [None]:
        part = lines.filter(epoch == index) if epoch.n_unique() > 1 else lines
        day = part[columnar.ON][0] if part.height else dt.date.today()
        # Step by step (eagerly): measured quicker than through the query planner, for the lines of
        # one application and of a million alike.
        for step in _steps_for(parameters, day, dates, calendar):
            part = part.with_columns(step)
        parts.append(part)
    result = pl.concat(parts) if len(parts) != 1 else parts[0]
    num = den = pl.lit(1, WIDE)
    for k in PARTIAL:
        num_name, den_name = kept_columns(k)
        num, den = num * pl.col(num_name), den * pl.col(den_name)
    return result.with_columns(pl.when(pl.col(LIVE)).then(num).otherwise(0).alias(KEPT_NUM), den.alias(KEPT_DEN))


def application_exclusions(state: LineState, calendar: Any) -> list[tuple[Decimal, list[Exclusion]]]:
    """Per cost line of one application, in order: its eligible part (exact) and the exclusions that
    made it so, with their texts."""
    facts = state.facts
    if not facts.costs:
        return []
    columns = line_columns(lines_frame(facts, state.ctx.on), state.ctx.parameters, calendar)
    kept = {k: columns.select(kept_columns(k)).rows() for k in PARTIAL}
    result = []
    for index, (cost, fired) in enumerate(zip(facts.costs, columns[FIRED].to_list(), strict=True)):
        remaining, found = cost.amount_kzt, []
        for k, rule in enumerate(LINE_RULES):
            if not fired & (1 << k):
                continue
            if rule.kept is None:
                excluded = remaining
            else:
                num, den = kept[k][index]
                excluded = remaining * Decimal(den - num) / Decimal(den)
            citation, reason = rule.explain(cost, state)
            found.append(Exclusion(rule.id, excluded, reason, citation))
            remaining -= excluded
        result.append((remaining, found))
    return result


def rule_ids(fired: int) -> list[str]:
    return [r.id for k, r in enumerate(LINE_RULES) if fired & (1 << k)]
