"""Rules, their evaluation, and the Verdict that explains it.

A `Rule` stands for one paragraph or sub-paragraph: an id, its citation, the dates it is in
force, what it requires and why it refuses (in kk/ru/en), and its test: a polars expression over
the frame of facts (`columnar`), built by `test(f, ctx)` from the facts' fields `f` and a
`ColumnContext` that gives the parameters of the date as values (and records them, so the verdict
lists every value it used with its date and citation). The same expression decides one case (a
one-row frame, `evaluate`) and a population (`evaluate_frame`); `explain(facts, ctx)` computes the
details a text shows, only for a case that is looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from pydantic import BaseModel

from . import columnar, display
from .calendar import WorkingCalendar
from .citation import LANGUAGES, Citation
from .parameters import ParameterError, ParameterNotInForce, ParameterNotSet, Parameters, ParameterValue

Messages = dict[str, str]  # language -> text; a failure text may hold {placeholders}


@dataclass(frozen=True)
class InForce:
    """When a rule is in force. The start may hang on a date parameter the source leaves unset
    (e.g. "in force ten calendar days after first official publication"): then `earliest` is the
    bound that is known for certain, and evaluation after it carries a note.

    The end works the same way, symmetrically: `end_parameter` (+ `end_offset_days`) is the
    date the repealing act takes effect, and while it is unset `end_earliest` is the earliest
    date the repeal can have taken effect. From that date on the rule is treated as ended, with
    a note, until an administrator sets the parameter (a set parameter always wins).

    `replaces` is the in-force of the earlier wording a new wording of a paragraph replaced, when
    the source holds only the new one ("in the new wording of Order No. ..."). On a date the
    earlier wording was in force and the new one not yet, the status is "wording_not_in_source":
    the law of that date exists but cannot be read from the source, so no verdict may be given
    from the new text (nor may the rule be skipped as if nothing were in force)."""

    start: dt.date | None = None
    end: dt.date | None = None  # exclusive
    start_parameter: str | None = None
    start_offset_days: int = 0
    earliest: dt.date | None = None
    end_parameter: str | None = None
    end_offset_days: int = 0
    end_earliest: dt.date | None = None  # exclusive, like `end`
    replaces: InForce | None = None  # the earlier wording, which the source does not hold

    def start_on(self, ctx: Context) -> tuple[dt.date | None, str | None]:
        """The first day of force and, when it is only the certain lower bound, the unset start
        parameter it stands for."""
        if self.start_parameter:
            try:
                published = ctx.param(self.start_parameter)
                return published + dt.timedelta(days=self.start_offset_days), None
            except (ParameterNotSet, ParameterNotInForce):
                # Not set by the source, or asked about a date before the parameter exists:
                # either way only the certain lower bound is known.
                return self.earliest, self.start_parameter
        return self.start, None

    def end_on(self, ctx: Context) -> tuple[dt.date | None, str | None]:
        """The first day out of force (exclusive end) and, when it is only the earliest bound, the
        unset end parameter it stands for."""
        if self.end_parameter:
            try:
                return ctx.param(self.end_parameter) + dt.timedelta(days=self.end_offset_days), None
            except (ParameterNotSet, ParameterNotInForce):
                return self.end_earliest, self.end_parameter
        return self.end, None

    def status(self, on: dt.date, ctx: Context) -> tuple[str, str | None]:
        """("in_force" | "not_yet" | "ended" | "wording_not_in_source", note).

        The note names the unset parameter whose certain bound was used: with "in_force" and
        "wording_not_in_source" it is the start parameter, with "ended" the end parameter."""
        end, end_note = self.end_on(ctx)
        if end and on >= end:
            return "ended", end_note
        start, note = self.start_on(ctx)
        if start and on < start:
            if self.replaces is not None and self.replaces.status(on, ctx)[0] == "in_force":
                return "wording_not_in_source", note
            return "not_yet", None
        return "in_force", note


ALWAYS = InForce()


class Context:
    """What a predicate may read besides the facts: the date, parameters and the calendar."""

    def __init__(
        self,
        on: dt.date,
        parameters: Parameters,
        calendar: WorkingCalendar,
        reference: dict[str, Any] | None = None,
    ):
        self.on = on
        self.parameters = parameters
        self.calendar = calendar
        # Reference lists the rules consult (e.g. the priority ICT activity types), passed in by
        # the caller because administrators maintain them outside the law layer.
        self.reference = reference or {}
        self.missing: dict[tuple[str, dt.date], ParameterError] = {}
        self.read: dict[tuple[str, dt.date], ParameterValue] = {}

    def param(self, name: str, on: dt.date | None = None) -> Any:
        key = (name, on or self.on)
        if key in self.missing:
            # Every rule of an act may ask for the same unset date (e.g. a publication date the source
            # does not give): answer from the first failed lookup instead of searching again.
            raise self.missing[key]
        try:
            value = self.parameters.get(name, key[1])
        except ParameterError as exc:
            self.missing[key] = exc
            raise
        self.read[(name, value.start)] = value
        return value.value


def optional(ctx: Context, name: str) -> Any:
    """A parameter the source leaves open: its value, or None while nobody has set it."""
    try:
        return ctx.param(name)
    except (ParameterNotSet, ParameterNotInForce):
        return None


class ColumnContext(Context):
    """The context a rule's test is compiled in: the parameters of one epoch (`columnar.epochs`) as
    values, read on `day` (any date of the epoch: nothing a rule reads changes inside it), and the
    decision date of each row as an expression (`on`)."""

    def __init__(self, day: dt.date, parameters: Parameters, calendar: WorkingCalendar,
                 reference: dict[str, Any] | None = None):
        super().__init__(day, parameters, calendar, reference)
        self.day = day
        self.on = pl.col(columnar.ON)  # type: ignore[assignment]

    def param(self, name: str, on: dt.date | None = None) -> Any:
        return super().param(name, on or self.day)

    def status(self, in_force: InForce, day: pl.Expr) -> pl.Expr:
        """`in_force.status` of each date in `day`: "in_force", "not_yet" or "ended" (the bounds
        resolved in this epoch)."""
        start, _ = in_force.start_on(self)
        end, _ = in_force.end_on(self)
        status = pl.lit("in_force")
        if start is not None:
            status = pl.when(day < pl.lit(start)).then(pl.lit("not_yet")).otherwise(status)
        if end is not None:
            status = pl.when(day >= pl.lit(end)).then(pl.lit("ended")).otherwise(status)
        return status


Test = Callable[[columnar.Fields, ColumnContext], pl.Expr]
Explain = Callable[[Any, Context], dict[str, Any]]


@dataclass(frozen=True)
class Rule:
    """`test(f, ctx)`: the expression that is true where the rule is met (null counts as not met);
    `applies(f)`: where the rule applies at all (None: everywhere); `explain(facts, ctx)`: the
    details the texts of one case show (computed only for a case that is looked at)."""

    id: str
    citation: Citation
    requirement: Messages
    failure: Messages
    test: Test
    in_force: InForce = ALWAYS
    applies: Callable[[columnar.Fields], pl.Expr] | None = None
    explain: Explain | None = None


def wording(in_force: InForce) -> Callable[..., Rule]:
    """The rule constructor of one wording of an act: `rule(id, citation, requirement, failure,
    test, applies=None, explain=None)` with the wording's dates in force, so an act's rules cannot
    drift apart."""

    def rule(
        rule_id: str,
        citation: Citation,
        requirement: Messages,
        failure: Messages,
        test: Test,
        applies: Callable[[columnar.Fields], pl.Expr] | None = None,
        explain: Explain | None = None,
    ) -> Rule:
        return Rule(rule_id, citation, requirement, failure, test, in_force, applies, explain)

    return rule


@dataclass(frozen=True)
class RuleResult:
    rule_id: str
    citation: Citation
    status: str  # "passed" | "failed" | "not_applicable" | "not_in_force" | "wording_not_in_source"
    requirement: Messages
    reason: Messages  # empty unless failed
    details: dict[str, Any]
    facts: tuple[str, ...] = ()  # paths of the facts the rule read ("applicant.legal_form")

    @property
    def passed(self) -> bool:
        # A rule whose wording on the date is not in the source neither passed nor failed.
        return self.status not in ("failed", "wording_not_in_source")

    def as_dict(self, lang: str | None = None) -> dict:
        def pick(messages: Messages):
            return messages.get(lang, "") if lang else messages

        return {
            "rule": self.rule_id,
            "status": self.status,
            "passed": self.passed,
            "requirement": pick(self.requirement),
            "reason": pick(self.reason) if self.reason else None,
            "citation": self.citation.as_dict(lang or "en"),
            "details": _jsonable(self.details),
            "facts": list(self.facts),
        }


@dataclass(frozen=True)
class Verdict:
    subject: str
    on: dt.date
    # "eligible" | "not_eligible" | "not_in_force" | "undetermined" (a rule's wording on the date
    # is not in the source and nothing else refuses); only "eligible" is eligible.
    outcome: str
    results: tuple[RuleResult, ...]
    parameters_read: tuple[ParameterValue, ...]
    notes: tuple[Messages, ...] = ()

    @property
    def eligible(self) -> bool:
        return self.outcome == "eligible"

    @property
    def failed(self) -> list[RuleResult]:
        return [r for r in self.results if r.status == "failed"]

    def as_dict(self, lang: str | None = None) -> dict:
        """JSON-ready; with `lang` the texts are in that language, without it in all three."""
        return {
            "subject": self.subject,
            "on": self.on.isoformat(),
            "outcome": self.outcome,
            "eligible": self.eligible,
            "rules": [r.as_dict(lang) for r in self.results],
            "parameters": [p.as_dict(lang or "en") for p in self.parameters_read],
            "notes": [n.get(lang, "") if lang else n for n in self.notes],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)  # Decimal, date


def render(messages: Messages, details: dict[str, Any]) -> Messages:
    """`messages` filled in with `details`; a detail that is itself a text in each language (a
    Messages mapping, such as a kind's name) is filled in in the language of each message."""
    flat = {k: _jsonable(v) for k, v in details.items()}

    def in_language(lang: str) -> dict[str, Any]:
        return {k: v[lang] if isinstance(v, dict) and lang in v else v for k, v in flat.items()}

    return {lang: messages[lang].format(**in_language(lang)) for lang in LANGUAGES if lang in messages}


NOT_IN_FORCE_NOTE: Messages = {
    "kk": "Ереже мәтінінің қолданысқа енгізілген күні бастапқы құжатта көрсетілмеген ({parameter}); "
    "өзгертілген редакция {earliest} күнінен бастап қолданылады деп есептелді.",
    "ru": "Дата вступления редакции в силу не установлена исходным документом ({parameter}); "
    "изменённая редакция применена начиная с {earliest}.",
    "en": "The date the wording took effect is not set by the source document ({parameter}); "
    "the amended wording is applied from {earliest}, the earliest date it can have taken effect.",
}


ENDED_NOTE: Messages = {
    "kk": "Күшін жою туралы актінің қолданысқа енгізілген күні бастапқы құжатта көрсетілмеген ({parameter}); "
    "мәтін {earliest} күнінен бастап, яғни ең ерте мүмкін күннен бастап күшін жойған деп есептелді.",
    "ru": "Дата вступления в силу акта об утрате силы не установлена исходным документом ({parameter}); "
    "текст считается утратившим силу с {earliest}, самой ранней возможной даты.",
    "en": "The date the repealing act took effect is not set by the source document ({parameter}); "
    "the text is treated as repealed from {earliest}, the earliest date the repeal can have taken effect.",
}


WORDING_NOT_IN_SOURCE_NOTE: Messages = {
    "kk": "Бастапқы құжатта {on} күні қолданыста болған редакция жоқ ({paragraph}): құжатта тек "
    "{start} күнінен бастап қолданылатын кейінгі редакциясы ғана берілген, сондықтан бұл күнге "
    "шешім шығару мүмкін емес.",
    "ru": "Редакция, действовавшая на {on} ({paragraph}), в исходном документе отсутствует: документ "
    "содержит только более позднюю редакцию, действующую с {start}, поэтому решение на эту дату "
    "вынести нельзя.",
    "en": "The wording in force on {on} ({paragraph}) is not in the source document: the source holds "
    "only the later wording, in force from {start}, so no decision can be given for that date.",
}


def wording_note(rule: Rule, on: dt.date, start: dt.date | None) -> Messages:
    """The note of a rule whose wording in force on `on` the source does not hold."""
    return {
        lang: WORDING_NOT_IN_SOURCE_NOTE[lang].format(
            on=on.isoformat(), paragraph=rule.citation.text(lang), start=start.isoformat() if start else "?"
        )
        for lang in LANGUAGES
    }


def _outcome(results: Sequence[RuleResult]) -> str:
    statuses = {r.status for r in results}
    if results and statuses == {"not_in_force"}:
        return "not_in_force"
    if "failed" in statuses:
        # A refusal under a paragraph whose wording is known stands whatever another one said.
        return "not_eligible"
    if "wording_not_in_source" in statuses:
        return "undetermined"
    return "eligible"


STATUSES = ("passed", "failed", "not_applicable", "not_in_force", "wording_not_in_source")
PASSED, FAILED, NOT_APPLICABLE, NOT_IN_FORCE, WORDING_NOT_IN_SOURCE = range(len(STATUSES))


@dataclass(frozen=True)
class Compiled:
    """One rule compiled for one epoch: its status code per row as an expression, the parameters
    its test read and the facts (columns) it reads."""

    rule: Rule
    in_force: str  # the rule's status in the epoch: "in_force", "not_yet", "ended", "wording_not_in_source"
    note_parameter: str | None
    status: pl.Expr
    read: tuple[ParameterValue, ...]
    facts: tuple[str, ...]
    test: pl.Expr | None = None  # the parts of `status`, for a case decided alone (`evaluate`)
    applies: pl.Expr | None = None


def _columns(*exprs: pl.Expr | None) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for expr in exprs:
        if expr is not None:
            names.update(dict.fromkeys(n for n in expr.meta.root_names() if not n.startswith("§")))
    return tuple(names)


def compile_rules(rules: Sequence[Rule], model: type[BaseModel], ctx: ColumnContext) -> list[Compiled]:
    """Every rule's status expression under the parameters of `ctx`'s epoch."""
    fields = columnar.Fields(model)
    compiled = []
    for rule in rules:
        status, note_parameter = rule.in_force.status(ctx.day, ctx)
        if status != "in_force":
            code = WORDING_NOT_IN_SOURCE if status == "wording_not_in_source" else NOT_IN_FORCE
            compiled.append(Compiled(rule, status, note_parameter, pl.lit(code, pl.UInt8), (), ()))
            continue
        before = dict(ctx.read)
        test = rule.test(fields, ctx).fill_null(False)
        applies = rule.applies(fields).fill_null(False) if rule.applies is not None else None
        expr = pl.when(test).then(pl.lit(PASSED, pl.UInt8)).otherwise(pl.lit(FAILED, pl.UInt8))
        if applies is not None:
            expr = pl.when(applies).then(expr).otherwise(pl.lit(NOT_APPLICABLE, pl.UInt8))
        read = tuple(v for k, v in ctx.read.items() if k not in before)
        compiled.append(Compiled(rule, status, note_parameter, expr, read, _columns(test, applies), test, applies))
    return compiled


def _same(expr: pl.Expr, k: int) -> Any:
    """A key equal for equal expressions (its serialized form), else one of its own."""
    try:
        return expr.meta.serialize(format="json")
    except Exception:  # an expression polars cannot serialize (a Python function) stands alone
        return ("rule", k)


class OneCase:
    """What deciding one case reuses of an epoch's compiled rules, built once instead of at every
    case: the facts (columns) any of them reads, which are all the one-row frame holds; where they
    apply, each distinct condition once (the rules of one instrument or paragraph share theirs),
    with the condition of each rule by position; and the tests named by position."""

    __slots__ = ("columns", "conditions", "condition_of", "tests")

    def __init__(self, compiled: Sequence[Compiled]):
        self.columns = tuple(dict.fromkeys(name for c in compiled for name in c.facts))
        distinct: dict[Any, int] = {}
        self.conditions: list[pl.Expr] = []
        self.condition_of: dict[int, int] = {}
        for k, c in enumerate(compiled):
            if c.applies is None:
                continue
            key = _same(c.applies, k)
            if key not in distinct:
                distinct[key] = len(self.conditions)
                self.conditions.append(c.applies.alias(str(len(self.conditions))))
            self.condition_of[k] = distinct[key]
        self.tests = [c.test.alias(str(k)) if c.test is not None else None for k, c in enumerate(compiled)]


class _Entry:
    __slots__ = ("holds", "compiled", "_one_case")

    def __init__(self, holds: Any, compiled: list[Compiled]):
        self.holds, self.compiled, self._one_case = holds, compiled, None

    @property
    def one_case(self) -> OneCase:
        if self._one_case is None:
            self._one_case = OneCase(self.compiled)
        return self._one_case


_COMPILED: dict[tuple, _Entry] = {}
_COMPILED_MAX = 256


def _entry_for(rules: Sequence[Rule], model: type[BaseModel], on: dt.date, parameters: Parameters,
               calendar: WorkingCalendar, reference: dict[str, Any] | None) -> _Entry:
    reference = reference or {}
    dates = _change_dates(rules, parameters)
    key = (tuple(map(id, rules)), model, parameters.fingerprint(), calendar.fingerprint(),
           tuple(sorted((k, _reference_key(v)) for k, v in reference.items())), columnar.epoch_of(on, dates))
    found = _COMPILED.get(key)
    if found is None:
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.pop(next(iter(_COMPILED)))
        ctx = ColumnContext(on, parameters, calendar, reference)
        found = _COMPILED[key] = _Entry((rules, parameters, calendar, reference), compile_rules(rules, model, ctx))
    return found


def compiled_for(rules: Sequence[Rule], model: type[BaseModel], on: dt.date, parameters: Parameters,
                 calendar: WorkingCalendar, reference: dict[str, Any] | None) -> list[Compiled]:
    """`compile_rules` for the epoch of `on`, kept for the next case of the same epoch: a case is
    decided by the same expressions as the others of its epoch, so they are built once. Parameters
    and calendar are keyed by their values (a request builds its own objects), reference lists of
    plain data too; rules and other reference objects by identity, and the entry holds them, so
    that an id cannot be reused while it lives."""
    return _entry_for(rules, model, on, parameters, calendar, reference).compiled


def _reference_key(value: Any) -> Any:
    """A reference list as a key: plain data (a list loaded per request) by its content, any other
    object (a cached list such as the Annex of act 004) by identity."""
    if isinstance(value, dict | list | tuple | str | int | float | bool) or value is None:
        return ("content", repr(value))
    return ("object", id(value))


_DATES: dict[tuple, tuple[Any, tuple[dt.date, ...]]] = {}


def _change_dates(rules: Sequence[Rule], parameters: Parameters) -> tuple[dt.date, ...]:
    key = (tuple(map(id, rules)), parameters.fingerprint())
    found = _DATES.get(key)
    if found is None:
        if len(_DATES) >= _COMPILED_MAX:
            _DATES.pop(next(iter(_DATES)))
        found = _DATES[key] = (rules,
                               columnar.change_dates(parameters, _in_force_dates(rules, parameters)))
    return found[1]


def outcome_expr(codes: Sequence[pl.Expr]) -> pl.Expr:
    """`_outcome` over rows: the verdict's outcome from the rules' status codes."""
    if not codes:
        return pl.lit("eligible")
    failed = pl.any_horizontal([c == FAILED for c in codes])
    wording = pl.any_horizontal([c == WORDING_NOT_IN_SOURCE for c in codes])
    none_in_force = pl.all_horizontal([c == NOT_IN_FORCE for c in codes])
    return (pl.when(none_in_force).then(pl.lit("not_in_force")).when(failed).then(pl.lit("not_eligible"))
            .when(wording).then(pl.lit("undetermined")).otherwise(pl.lit("eligible")))


def _key(expr: pl.Expr) -> Any:
    """A key equal for equal expressions (their serialized form), else one of the expression's own."""
    try:
        return expr.meta.serialize(format="json")
    except Exception:  # an expression polars cannot serialize (a Python function) stands alone
        return ("expr", id(expr))


def _statuses(rows: pl.DataFrame, compiled: Sequence[Compiled]) -> pl.DataFrame:
    """The status codes of the compiled rules over `rows`, in one query: the rules of an act share
    parts of their expressions (where they apply, the in-force bounds, a lookup of a fact), which a
    query computes once. A code that is a constant (a rule not in force) fills every row: the codes
    are added to the rows before they are selected."""
    ids = [c.rule.id for c in compiled]
    return rows.lazy().with_columns(c.status.alias(c.rule.id) for c in compiled).select(ids).collect()


def _constant(compiled: Sequence[Compiled], height: int) -> pl.DataFrame:
    """The status codes of rules none of which is in force (each the same in every row), without
    reading the rows."""
    return pl.DataFrame([pl.Series(c.rule.id, [WORDING_NOT_IN_SOURCE if c.in_force == "wording_not_in_source"
                                                else NOT_IN_FORCE], pl.UInt8).new_from_index(0, height)
                         for c in compiled])


def evaluate_frame(
    rules: Sequence[Rule],
    model: type[BaseModel],
    frame: pl.DataFrame,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
    reference: dict[str, Any] | None = None,
) -> pl.DataFrame:
    """The rules over a frame of facts with a decision date per row (column `columnar.ON`): one
    UInt8 status code per rule (column = rule id, codes index `STATUSES`) and the "outcome", in the
    frame's row order. The rules are compiled once per epoch present in the frame."""
    parameters = parameters or Parameters.from_source()
    calendar = calendar or WorkingCalendar()
    if frame.height == 0:
        return pl.DataFrame(schema={**{r.id: pl.UInt8 for r in rules}, "outcome": pl.String})
    if not rules:
        return frame.select(columnar.ON).with_columns(outcome_expr([]).alias("outcome")).drop(columnar.ON)
    epoch = columnar.epochs(frame[columnar.ON], _change_dates(rules, parameters))
    firsts = pl.DataFrame([epoch, frame[columnar.ON]]).unique(epoch.name, keep="first", maintain_order=True)
    # Epochs whose rules compile to the same expressions (a parameter no rule of them reads changed,
    # or the rules are out of force in each) are decided as one part.
    parts: dict[tuple, list[Compiled]] = {}
    part_of: dict[int, int] = {}
    for e, on in firsts.iter_rows():
        compiled = compiled_for(rules, model, on, parameters, calendar, reference)
        key = tuple(_key(c.status) for c in compiled)
        part_of[e] = list(parts).index(key) if key in parts else len(parts)
        parts.setdefault(key, compiled)
    # Only the columns the rules read (and the row's own, such as the date) go into the parts.
    read = dict.fromkeys(n for compiled in parts.values() for c in compiled for n in c.facts)
    facts = frame.select(*read, *(n for n in frame.columns if n.startswith("§") and n not in read))
    if len(parts) == 1:
        (compiled,) = parts.values()
        out = _statuses(facts, compiled)
    else:
        part = epoch.replace_strict(part_of, return_dtype=pl.UInt32)
        where = [(part == k).arg_true() for k in range(len(parts))]
        pieces = [_constant(compiled, positions.len()) if all(c.test is None for c in compiled)
                  else _statuses(facts[positions], compiled)
                  for compiled, positions in zip(parts.values(), where, strict=True)]
        # Back to the frame's order: row `order[i]` of the frame is row i of the pieces.
        order = pl.concat(where)
        back = pl.zeros(frame.height, pl.UInt32, eager=True).scatter(order, pl.int_range(frame.height, eager=True,
                                                                                          dtype=pl.UInt32))
        out = pl.concat(pieces)[back]
    return out.with_columns(outcome_expr([pl.col(r.id) for r in rules]).alias("outcome"))


def _in_force_dates(rules: Sequence[Rule], parameters: Parameters) -> list[dt.date | None]:
    """Every date on which a rule may come into or go out of force, those hanging on a date
    parameter included (each of its values, plus the offset)."""
    found: list[dt.date | None] = []
    for rule in rules:
        in_force: InForce | None = rule.in_force
        while in_force is not None:
            found += [in_force.start, in_force.end, in_force.earliest, in_force.end_earliest]
            for name, offset in ((in_force.start_parameter, in_force.start_offset_days),
                                 (in_force.end_parameter, in_force.end_offset_days)):
                if name:
                    found += [v.value + dt.timedelta(days=offset) for v in parameters.definition(name).values
                              if isinstance(v.value, dt.date)]
            in_force = in_force.replaces
    return found


def _notes(compiled: Sequence[Compiled], on: dt.date, ctx: Context) -> list[Messages]:
    notes: list[Messages] = []
    rendered: set[tuple] = set()  # every rule of a wording hangs on the same parameter: one text
    for c in compiled:
        rule = c.rule
        if c.note_parameter:
            ended = c.in_force == "ended"
            key = (c.note_parameter, ended, rule.in_force.end_earliest if ended else rule.in_force.earliest)
            if key in rendered:
                continue
            rendered.add(key)
            note = render(
                ENDED_NOTE if ended else NOT_IN_FORCE_NOTE,
                {
                    "parameter": display.named(c.note_parameter, ctx.parameters),
                    "earliest": rule.in_force.end_earliest if ended else rule.in_force.earliest,
                },
            )
            if note not in notes:
                notes.append(note)
        if c.in_force == "wording_not_in_source":
            note = wording_note(rule, on, rule.in_force.start_on(ctx)[0])
            if note not in notes:
                notes.append(note)
    return notes


def result(c: Compiled, code: int, facts: Any, ctx: Context) -> RuleResult:
    """The result of one compiled rule for one case, with its texts rendered."""
    rule, status = c.rule, STATUSES[code]
    if status == "wording_not_in_source":
        details = {"in_force": c.in_force, "wording_from": rule.in_force.start_on(ctx)[0]}
        return RuleResult(rule.id, rule.citation, status, rule.requirement, {}, details)
    if status == "not_in_force":
        return RuleResult(rule.id, rule.citation, status, rule.requirement, {}, {"in_force": c.in_force})
    if status == "not_applicable":
        return RuleResult(rule.id, rule.citation, status, rule.requirement, {}, {}, c.facts)
    details = rule.explain(facts, ctx) if rule.explain is not None else {}
    reason = render(rule.failure, details) if status == "failed" else {}
    return RuleResult(rule.id, rule.citation, status, rule.requirement, reason, details, c.facts)


def _codes(compiled: Sequence[Compiled], one: OneCase, frame: pl.DataFrame) -> list[int]:
    """The status codes of one case: where the rules apply first, then the tests of those that do
    (the same expressions as `status`, in two passes: a case reads only a few of the tests, and
    a test that does not apply may cost far more than all the conditions together)."""
    conditions = frame.select(one.conditions).row(0) if one.conditions else ()
    applying = {k: conditions[i] for k, i in one.condition_of.items()}
    tested = [k for k, e in enumerate(one.tests) if e is not None and applying.get(k, True)]
    passed = dict(zip(tested, frame.select([one.tests[k] for k in tested]).row(0), strict=True)) if tested else {}
    codes = []
    for k, c in enumerate(compiled):
        if c.test is None:  # not in force
            codes.append(WORDING_NOT_IN_SOURCE if c.in_force == "wording_not_in_source" else NOT_IN_FORCE)
        elif not applying.get(k, True):
            codes.append(NOT_APPLICABLE)
        else:
            codes.append(PASSED if passed[k] else FAILED)
    return codes


class NoFacts(BaseModel):
    """The facts of rules that read none (only dates and parameters)."""


def evaluate(
    subject: str,
    rules: Sequence[Rule],
    facts: BaseModel | None,
    on: dt.date,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
    reference: dict[str, Any] | None = None,
) -> Verdict:
    """The verdict on one case: the rules' expressions over its one-row frame, then the texts."""
    ctx = ColumnContext(on, parameters or Parameters.from_source(), calendar or WorkingCalendar(), reference)
    model = type(facts) if isinstance(facts, BaseModel) else NoFacts
    entry = _entry_for(rules, model, on, ctx.parameters, ctx.calendar, ctx.reference)
    compiled, one = entry.compiled, entry.one_case
    # The row holds the facts the rules read, typed as in the frame of a population, and the date.
    frame = columnar.case_frame(facts if isinstance(facts, BaseModel) else NoFacts(), one.columns,
                                {columnar.ON: (on, pl.Date())})
    codes = _codes(compiled, one, frame)
    explain_ctx = Context(on, ctx.parameters, ctx.calendar, ctx.reference)
    results = [result(c, code, facts, explain_ctx) for c, code in zip(compiled, codes, strict=True)]
    read: dict[tuple[str, dt.date], ParameterValue] = {}
    for c, r in zip(compiled, results, strict=True):
        if r.status in ("passed", "failed"):
            read.update(((v.name, v.start), v) for v in c.read)
    read.update(explain_ctx.read)
    notes = _notes(compiled, on, ctx)
    return Verdict(subject, on, _outcome(results), tuple(results), tuple(read.values()), tuple(notes))
