"""The rows of a register's list page as HTML, written in Python.

The page of a long register draws its table on every request, and a template loop over rows and
cells costs more than every query of the page together; the markup is simple and the same for
every register, so it is written here, every value escaped (`html.escape`, as Django's `escape`). The rest of
the page (the form, the links) stays in the template `casework/registers/list.html`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.template.defaultfilters import urlencode
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe

from techpolicy.law import units

from ..steps import current_language
from .declaration import CERTIFICATE, CODES, DATE, MONEY, Column, Register

NONE = "—"  # an empty cell


def _e(value: Any) -> str:
    """A value as text, escaped for HTML (what `{{ value }}` writes), lazy translations included."""
    return html.escape(str(value))


def _date(value: Any) -> str:
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else NONE


def _money(value: Any) -> str:
    try:
        return _e(units.quantity(Decimal(str(value)), "KZT", current_language()))
    except (InvalidOperation, ValueError):
        return NONE


def _text(value: Any) -> str:
    return _e(localize(value)) if value else NONE  # the template's `default`: any false value


def _cell(column: Column, cell: dict[str, Any]) -> str:
    if column.key == "status":
        badge = "badge ok" if cell["status"] == "active" else "badge"
        return f'<span class="{badge}">{_e(cell["label"])}</span>'
    if column.render == CERTIFICATE:
        number = cell["number"]
        if number and cell["verify"]:
            return f'<a href="{_e(cell["verify"])}?number={_e(urlencode(number))}">{_e(number)}</a>'
        return _e(number) if number else NONE
    if column.render == CODES:
        codes = [f'<span title="{_e(name)}">{_e(code)}</span>'
                 + (f' <span class="muted">{_e(name)}</span>' if name else "") for code, name in cell["codes"]]
        return "<br>".join(codes) if codes else NONE
    if column.render == DATE:
        return _date(cell["value"])
    if column.render == MONEY:
        return _money(cell["value"])
    return _text(cell["value"])


def body(register: Register, rows: Iterable[dict[str, Any]], as_of: dt.date | None) -> SafeString:
    """The <tbody> of the list: one <tr> per row, its cells in the register's column order, and on
    an as-of list the basis of the row's last change (paragraph and date)."""
    lines = []
    for row in rows:
        cells = "".join(f"<td>{_cell(column, cell)}</td>" for column, cell in row["cells"])
        if as_of is not None:
            dated = f", {_date(row['basis_on'])}" if row["basis_on"] else ""
            cells += f'<td data-basis="{_e(row["basis_citation"])}">{_e(row["basis"] or NONE)}{dated}</td>'
        lines.append(f"<tr>{cells}</tr>")
    return mark_safe("<tbody>\n" + "\n".join(lines) + "\n</tbody>")  # noqa: S308 (every part escaped above)
