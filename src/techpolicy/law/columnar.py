"""Facts as columns: one rule definition decides one case and a whole population.

A rule's test is a polars expression over a *frame of facts*: one row per subject, one column per
fact, named by its path in the facts model ("applicant.activity_since"). Nested models are
flattened into dotted columns (with a Boolean column of the model's own name saying whether an
optional one is given); a list of models is one column of a list of structs, a list of plain
values a list column, a mapping a list column of {"key", "value"} structs in the mapping's order.
`schema(model)` is the frame's polars schema, `frame_of(model, facts)` the frame of validated facts.

Rule writers read facts through `Fields(model)`: `f.applicant.activity_since` is the column's
expression, `f.executors` a list of models offering `any`, `all` and `count` over an element
namespace of the same kind. The scalar path evaluates the expressions on a one-row frame, the
batch path on a population's frame: the same expressions, so the two cannot disagree.

Dates. The law that applies is chosen by a decision date per row (the column `ON`). Parameters
and the periods in force change only on known dates, so the rows fall into *epochs* between those
dates (`epochs`); each epoch's rules are compiled once, with the parameters of that epoch as
literals. A rule that needs the decision date itself as a value reads `ctx.on`, an expression.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

import polars as pl
from pydantic import BaseModel

from .parameters import Parameters

ON = "§on"  # the decision date of each row
ROW = "§row"  # the position of a row in its population
# Exact decimals: 38 digits with 12 after the point hold any amount the facts models admit (their
# bounds keep money below 1e15) to far below a tiyn.
SCALE = 12
DECIMAL = pl.Decimal(38, SCALE)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The annotation without `None` (and without `Annotated`), and whether it was optional."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                return annotation, optional
            annotation = args[0]
        else:
            return annotation, optional


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _list_item(annotation: Any) -> Any | None:
    if typing.get_origin(annotation) in (list, tuple, Sequence):
        return _unwrap(typing.get_args(annotation)[0])[0]
    return None


def dtype_of(annotation: Any) -> pl.DataType:
    """The polars type of a plain fact."""
    annotation, _ = _unwrap(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        values = typing.get_args(annotation)
        return pl.Boolean() if all(isinstance(v, bool) for v in values) else pl.String()
    item = _list_item(annotation)
    if item is not None:
        return pl.List(_struct(item) if _is_model(item) else dtype_of(item))
    if typing.get_origin(annotation) is dict:  # a mapping: a list of {key, value} entries
        key, value = typing.get_args(annotation)
        return pl.List(pl.Struct({"key": dtype_of(key), "value": dtype_of(value)}))
    if _is_model(annotation):
        return _struct(annotation)
    if annotation is bool:
        return pl.Boolean()
    if annotation is int:
        return pl.Int64()
    if annotation is float:
        return pl.Float64()
    if annotation is Decimal:
        return DECIMAL
    if annotation is dt.datetime:
        return pl.Datetime("us")
    if annotation is dt.date:
        return pl.Date()
    return pl.String()


@cache
def facts_of(model: type[BaseModel]) -> dict[str, Any]:
    """The facts of a model by name: its fields, then its computed fields (a value the model derives
    from the others, e.g. a state share computed over an ownership graph, which no expression can
    compute), as annotations."""
    found = {name: f.annotation for name, f in model.model_fields.items()}
    found |= {name: f.return_type for name, f in model.model_computed_fields.items()}
    return found


def _struct(model: type[BaseModel]) -> pl.Struct:
    return pl.Struct({name: dtype_of(annotation) for name, annotation in facts_of(model).items()})


@cache
def schema(model: type[BaseModel]) -> dict[str, pl.DataType]:
    """Column name -> polars type of the frame of `model`'s facts."""
    columns: dict[str, pl.DataType] = {}

    def walk(current: type[BaseModel], prefix: str) -> None:
        for name, annotation in facts_of(current).items():
            annotation, optional = _unwrap(annotation)
            path = prefix + name
            if _is_model(annotation):
                if optional:
                    columns[path] = pl.Boolean()
                walk(annotation, path + ".")
            else:
                columns[path] = dtype_of(annotation)

    walk(model, "")
    return columns


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in facts_of(type(value))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return [{"key": k, "value": _plain(v)} for k, v in value.items()]
    return value


def row_of(facts: BaseModel) -> dict[str, Any]:
    """The frame row of validated facts."""
    row: dict[str, Any] = {}

    def walk(current: BaseModel | None, model: type[BaseModel], prefix: str) -> None:
        for name, annotation in facts_of(model).items():
            annotation, optional = _unwrap(annotation)
            value = getattr(current, name) if current is not None else None
            path = prefix + name
            if _is_model(annotation):
                if optional:
                    row[path] = value is not None
                walk(value, annotation, path + ".")
            else:
                row[path] = _plain(value)

    walk(facts, type(facts), "")
    return row


def frame_of(model: type[BaseModel], facts: Iterable[BaseModel]) -> pl.DataFrame:
    """The frame of validated facts, one row each, typed by `schema(model)`."""
    return pl.DataFrame([row_of(f) for f in facts], schema=schema(model), orient="row")


@cache
def _readers(model: type[BaseModel], columns: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """For each of `columns`: its attribute path in the facts and whether it is the Boolean column
    of an optional model (given or not) rather than a value."""
    found = []
    for column in columns:
        names = tuple(column.split("."))
        current: Any = model
        for name in names:
            current = _unwrap(facts_of(current)[name])[0]
        found.append((column, names, _is_model(current)))
    return tuple(found)


def case_frame(facts: BaseModel, columns: Sequence[str], extra: dict[str, tuple[Any, pl.DataType]]) -> pl.DataFrame:
    """The one-row frame of one case's validated facts holding only `columns` (those its rules read),
    and the `extra` columns (name -> (value, type)): the same values and types as that row of
    `frame_of`, without building (or computing a derived fact for) a column no rule reads."""
    types = schema(type(facts))
    row: dict[str, Any] = {}
    kinds: dict[str, pl.DataType] = {}
    for column, names, is_model in _readers(type(facts), tuple(columns)):
        value: Any = facts
        for name in names:
            value = getattr(value, name)
            if value is None:
                break
        row[column] = value is not None if is_model else _plain(value)
        kinds[column] = types[column]
    for name, (value, dtype) in extra.items():
        row[name] = value
        kinds[name] = dtype
    return pl.DataFrame([row], schema=kinds, orient="row")


# --- reading facts in a rule -------------------------------------------------------------------------------


class Fields:
    """The facts of `model` as expressions: `f.applicant.name` is the column "applicant.name"; inside
    `Items.any/all/count` the element's fields are read from the list element."""

    __slots__ = ("_model", "_path", "_base")

    def __init__(self, model: type[BaseModel], path: str = "", base: pl.Expr | None = None):
        object.__setattr__(self, "_model", model)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_base", base)  # the element struct, or None for frame columns

    def __getattr__(self, name: str) -> Any:
        found = facts_of(self._model)
        if name not in found:
            raise AttributeError(f"{self._model.__name__} has no fact {name!r}")
        annotation, _ = _unwrap(found[name])
        path = f"{self._path}.{name}" if self._path else name
        expr = pl.col(path) if self._base is None else self._base.struct.field(name)
        if _is_model(annotation):
            return Fields(annotation, path, None if self._base is None else expr)
        item = _list_item(annotation)
        if item is not None and _is_model(item):
            return Items(item, expr)
        return expr

    def given(self) -> pl.Expr:
        """Whether this optional model is given."""
        return pl.col(self._path) if self._base is None else self._base.is_not_null()


class Items:
    """A list of models: tests over its elements (`e` reads the fields of one element)."""

    __slots__ = ("model", "expr")

    def __init__(self, model: type[BaseModel], expr: pl.Expr):
        self.model, self.expr = model, expr

    def map(self, value: Callable[[Fields], pl.Expr]) -> pl.Expr:
        """A list column: `value(e)` of each element."""
        return self.expr.list.eval(value(Fields(self.model, base=pl.element())))

    def _each(self, test: Callable[[Fields], pl.Expr]) -> pl.Expr:
        return self.map(lambda e: test(e).fill_null(False))

    def any(self, test: Callable[[Fields], pl.Expr]) -> pl.Expr:
        return self._each(test).list.any()

    def all(self, test: Callable[[Fields], pl.Expr]) -> pl.Expr:
        return self._each(test).list.all()

    def count(self, test: Callable[[Fields], pl.Expr] | None = None) -> pl.Expr:
        return self.expr.list.len() if test is None else self._each(test).list.sum()


# --- epochs: the dates between which nothing the rules read changes ---------------------------------------


def change_dates(parameters: Parameters, extra: Iterable[dt.date | None] = ()) -> tuple[dt.date, ...]:
    """Every date on which a parameter value starts, and the `extra` dates (periods in force)."""
    dates = {v.start for name in parameters.names() for v in parameters.definition(name).values}
    dates.update(d for d in extra if d is not None)
    return tuple(sorted(dates))


def epoch_of(day: dt.date, dates: Sequence[dt.date]) -> int:
    return bisect_right(dates, day)


def epochs(days: pl.Series, dates: Sequence[dt.date]) -> pl.Series:
    """The epoch of each decision date (the number of change dates on or before it)."""
    boundaries = pl.Series("b", list(dates), dtype=pl.Date)
    return boundaries.search_sorted(days, side="right").alias("§epoch")
