"""The law layer as administrators have extended it: shipped parameters and calendar plus the
entries kept in the database.

Read on every call, so an entry an administrator saves counts from the next call in every process;
but the tables are read as plain rows with SQL made once (the pre-check reads all three on every
request, and building the ORM queries cost more than the database's work), and the parameters and
the calendar built from the same rows as the last call are that call's objects (both are
immutable), so only a change of the rows builds them again."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from techpolicy.law.calendar import DayTransfer, WorkingCalendar
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters, ParameterValue

from .models import DayTransferEntry, ParameterEntry, ReferenceItem

_SQL: dict[tuple, str] = {}
_BUILT: dict[str, tuple[tuple, Any]] = {}  # per kind: the rows last read and what was built of them


def _select(model: type[Model], columns: tuple[str, ...], where: str = "", order: tuple[str, ...] = ()) -> str:
    """SELECT `columns` FROM the model's table [WHERE `where`, its columns as {name}] ORDER BY `order`."""
    made = (connection.vendor, model, columns, where, order)
    sql = _SQL.get(made)
    if sql is None:
        quoted = {name: connection.ops.quote_name(model._meta.get_field(name).column) for name in columns + order}
        for name in ("list_key", "valid_from", "valid_until"):
            if name in where:
                quoted[name] = connection.ops.quote_name(model._meta.get_field(name).column)
        sql = _SQL[made] = (f"SELECT {', '.join(quoted[c] for c in columns)} "  # noqa: S608 (names from the model)
                            f"FROM {connection.ops.quote_name(model._meta.db_table)}"
                            + (f" WHERE {where.format(**quoted)}" if where else "")
                            + (f" ORDER BY {', '.join(quoted[c] for c in order)}" if order else ""))
    return sql


def _rows(model: type[Model], columns: tuple[str, ...], where: str = "", params: tuple = (),
          order: tuple[str, ...] = ()) -> tuple[tuple, ...]:
    """The rows as tuples of Python values, as the model's fields give them on every database."""
    fields = [model._meta.get_field(name) for name in columns]
    with connection.cursor() as cursor:
        cursor.execute(_select(model, columns, where, order), params)
        return tuple(tuple(f.to_python(v) for f, v in zip(fields, row, strict=True)) for row in cursor.fetchall())


def _built(kind: str, rows: tuple, build: Callable[[tuple], Any]) -> Any:
    last = _BUILT.get(kind)
    if last is not None and last[0] == rows:
        return last[1]
    made = build(rows)
    _BUILT[kind] = (rows, made)
    return made


def _parameters(rows: tuple) -> Parameters:
    entries = [
        ParameterValue(
            name=name,
            start=start,
            value=value,
            citation=Citation("general", "", note=citation),
            source=citation,
            set_by="operator",
        )
        for name, start, value, citation in rows
    ]
    return Parameters.from_source().with_values(entries) if entries else Parameters.from_source()


def parameters() -> Parameters:
    # In the order of the model (name, then start): of two values with one start, the later wins.
    return _built("parameters", _rows(ParameterEntry, ("name", "start", "value", "citation"),
                                      order=("name", "start", "id")), _parameters)


def _calendar(rows: tuple) -> WorkingCalendar:
    return WorkingCalendar(DayTransfer(day, working, Citation("general", "", note=decree), decree)
                           for day, working, decree in rows)


def calendar() -> WorkingCalendar:
    return _built("calendar", _rows(DayTransferEntry, ("day", "working", "decree"), order=("day",)), _calendar)


def reference_list(list_key: str, on: dt.date | None = None) -> dict[str, dict]:
    """Items of a reference list in force on a date, keyed by code."""
    columns = ("code", "name_kk", "name_ru", "name_en", "sample", "source")
    if on is None:
        rows = _rows(ReferenceItem, columns, "{list_key} = %s", (list_key,), order=("code",))
    else:
        day = connection.ops.adapt_datefield_value(on)
        rows = _rows(ReferenceItem, columns,
                     "{list_key} = %s AND ({valid_from} IS NULL OR {valid_from} <= %s) "
                     "AND ({valid_until} IS NULL OR {valid_until} > %s)", (list_key, day, day), order=("code",))
    # Plain values, not model instances: every pre-check reads a list, and building the instances
    # cost more than the query. A new dict on every call: callers may change what they are given.
    return {
        code: {"name": {"kk": kk, "ru": ru, "en": en}, "sample": sample, "source": source}
        for code, kk, ru, en, sample, source in rows
    }


def today() -> dt.date:
    """Today's date in Kazakhstan: deadlines are counted in local days."""
    return timezone.localdate()
