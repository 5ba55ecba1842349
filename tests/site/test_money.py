"""The site's one money input (site.money.MoneyField): tenge with tiyn from bounded text, refused
beyond law 003's system bound (003 values.MAX_AMOUNT) and beyond its length, never a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms

from techpolicy.law.acts.act003_state_support.values import MAX_AMOUNT
from techpolicy.site.money import MAX_TENGE, MONEY_CHARS, MoneyField


class AmountForm(forms.Form):
    amount = MoneyField(label="amount", min_value=0)


def test_the_bound_is_the_one_law_003_states():
    assert MAX_TENGE == MAX_AMOUNT


@pytest.mark.parametrize(("text", "value"), [("1500000.00", Decimal("1500000.00")), ("0", Decimal(0)),
                                             ("999999999999999.99", Decimal("999999999999999.99"))])
def test_an_amount_in_tenge_with_tiyn_is_exact(text, value):
    form = AmountForm({"amount": text})
    assert form.is_valid() and form.cleaned_data["amount"] == value


@pytest.mark.parametrize("text", ["1.001", "-1", "1e16", "1" * (MONEY_CHARS + 1), "NaN", "1 000,5x"])
def test_what_is_no_amount_of_tenge_is_a_form_error(text):
    form = AmountForm({"amount": text})
    assert not form.is_valid() and "amount" in form.errors
