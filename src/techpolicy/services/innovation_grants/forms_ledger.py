"""The operator's forms for entries of the fund ledger (law 003 article 27(3)): the current account
opened (003.a27.p3.a1), money transferred in under the contract (003.a27.p3.a1) and the year's
distribution among the seven grant types (003.a27.p3.a3). The forms only bound and type what is
typed; whether the law allows the entry is `fund.record`'s (the law layer's) to decide.

Money is decimal tenge with at most two places (tiyn), read as text of bounded length and never
as a float."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support.grant_types import GRANT_TYPES
from techpolicy.law.acts.act003_state_support.values import FIRST_YEAR, LAST_YEAR
from techpolicy.site.money import MoneyField

SHARE_PREFIX = "share_"
CENT = Decimal("0.01")


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(label=_("Financial year"), min_value=FIRST_YEAR, max_value=LAST_YEAR,
                              widget=forms.NumberInput(attrs={"maxlength": 4}))


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AccountForm(forms.Form):
    """003.a27.p3.a1: the national operator's current account in a resident second-tier bank, under
    the contract with the authorized body."""

    bank = forms.CharField(label=_("Bank"), max_length=200)
    bank_resident = forms.BooleanField(label=_("The bank is a resident of the Republic of Kazakhstan"),
                                       required=False)
    second_tier_bank = forms.BooleanField(label=_("The bank is a second-tier bank"), required=False)
    contract_no = forms.CharField(label=_("Number of the contract between the authorized body and the national "
                                          "operator"), max_length=100)
    contract_date = forms.DateField(label=_("Date of the contract"), widget=_date_widget())

    def entry(self, on: str) -> dict:
        data = self.cleaned_data
        return {"kind": "account_opened", "on": on, "bank": data["bank"], "bank_resident": data["bank_resident"],
                "second_tier_bank": data["second_tier_bank"], "contract_no": data["contract_no"],
                "contract_date": data["contract_date"].isoformat()}


class TransferForm(forms.Form):
    """003.a27.p3.a1: money allocated to the authorized body for grants, transferred in full."""

    financial_year = _year_field()
    amount = MoneyField(label=_("Amount transferred, tenge"), min_value=CENT)
    allocated = MoneyField(label=_("Amount allocated to the authorized body for grants, tenge"), min_value=CENT)
    contract_no = forms.CharField(label=_("Number of the contract"), max_length=100)

    def entry(self, on: str) -> dict:
        data = self.cleaned_data
        return {"kind": "transfer_in", "on": on, "financial_year": data["financial_year"],
                "amount": f"{data['amount']:.2f}", "allocated": f"{data['allocated']:.2f}",
                "contract_no": data["contract_no"]}


class AllocationForm(forms.Form):
    """003.a27.p3.a3: the year's total distributed among all the grant types, one share each (0 for
    a type that gets nothing); the law checks that the shares add up to the year's money."""

    financial_year = _year_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lang = current_language()
        for grant_type in GRANT_TYPES:
            self.fields[SHARE_PREFIX + grant_type.id] = MoneyField(
                label=f"{grant_type.name[lang]} ({grant_type.citation.text(lang)})", min_value=Decimal(0),
                initial="0.00")

    def entry(self, on: str) -> dict:
        data = self.cleaned_data
        return {"kind": "allocation", "on": on, "financial_year": data["financial_year"],
                "shares": {t.id: f"{data[SHARE_PREFIX + t.id]:.2f}" for t in GRANT_TYPES}}


FORMS = {"account_opened": ("account", AccountForm), "transfer_in": ("transfer", TransferForm),
         "allocation": ("allocation", AllocationForm)}


def field_of(form: forms.Form, path: str) -> str | None:
    """The form's field that holds the fact the law layer named ("[0].transfer_in.amount",
    "[0].allocation.shares.new_production"), or None."""
    parts = [p for p in path.replace("[", ".").replace("]", ".").split(".") if p]
    if len(parts) >= 2 and parts[-2] == "shares" and SHARE_PREFIX + parts[-1] in form.fields:
        return SHARE_PREFIX + parts[-1]
    return parts[-1] if parts and parts[-1] in form.fields else None
