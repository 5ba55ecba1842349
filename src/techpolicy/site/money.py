"""The one money input of the site's forms: tenge with tiyn, read from bounded text."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

MONEY_CHARS = 24  # "1000000000000000.00" with room for spaces the browser keeps
# A system bound, not law: far above any budget the acts speak of, far below where Decimal sums lose tiyn
# (law 003's `values.MAX_AMOUNT` is the same number).
MAX_TENGE = Decimal("1e15")


class MoneyField(forms.DecimalField):
    """Tenge with tiyn: at most 16 digits before the point and 2 after (a grant's ledger entries, a
    support measure's own contribution, a targeted programme's financing)."""

    def __init__(self, *, min_value=None, **kwargs):
        super().__init__(max_digits=18, decimal_places=2, min_value=min_value, max_value=MAX_TENGE,
                         widget=forms.TextInput(attrs={"inputmode": "decimal", "maxlength": MONEY_CHARS,
                                                       "autocomplete": "off"}), **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and len(value) > MONEY_CHARS:
            raise forms.ValidationError(_("Enter an amount in tenge, e.g. 1500000.00."), code="invalid")
        return super().to_python(value)
