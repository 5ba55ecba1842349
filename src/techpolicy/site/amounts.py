"""Amounts of money and exact figures as the reader's language writes them: 1 234 567,89 ₸ on a
Kazakh or Russian page, 1,234,567.89 ₸ on an English one. The tenge sign follows the number in every
language (as on Kazakh price tags and in the National Bank's publications), so a column of amounts
reads the same whichever language a page is in."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import numberformat
from django.utils.formats import get_format

TENGE_SIGN = "₸"


def tenge(value, decimals: int = 2) -> str:
    """`value` (a Decimal, number or numeric string) in tenge, grouped and with `decimals` places;
    anything that is not a number is returned as it came."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return "" if value is None else str(value)
    if not amount.is_finite():
        return str(value)
    text = numberformat.format(amount, get_format("DECIMAL_SEPARATOR"), decimal_pos=decimals,
                               grouping=get_format("NUMBER_GROUPING"), thousand_sep=get_format("THOUSAND_SEPARATOR"),
                               force_grouping=True)
    return f"{text}\u00a0{TENGE_SIGN}"


MAX_PLACES = 6  # the most places after the point a figure of the system holds (monitoring.common.Value)


def exact(value) -> str:
    """A figure (a Decimal or a numeric string) as the page's language writes it with every digit kept
    and no trailing zeros ("14,5" in kk and ru), a minus sign for a negative one, "—" for none; an
    indicator's target, actual and exact gap, or a quantity of a document."""
    if value is None:
        return "—"
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    places = min(max(-number.normalize().as_tuple().exponent, 0), MAX_PLACES)
    text = numberformat.format(number, get_format("DECIMAL_SEPARATOR"), decimal_pos=places,
                               grouping=get_format("NUMBER_GROUPING"), thousand_sep=get_format("THOUSAND_SEPARATOR"),
                               force_grouping=True)
    return text.replace("-", "−")
