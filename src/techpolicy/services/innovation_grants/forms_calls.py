"""The operator's forms for a call for innovation grants (law 003 article 27(2); the scoring is the
Government's rules' matter, article 27(4), so every call sets its own weighted criteria).

A call answers one of the seven grant types (003.a27.p2), named in the reader's language. The
panel follows article 27(2), third indent: at least one domestic and one foreign expert, except for
grants for patenting in international patent organisations, which are given without the expertise
(`EXPERTISE_EXEMPT`): such a call has no panel (0, as the table's check constraint allows for those
types only) and the pages show "without expertise"."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support.grant_types import EXPERTISE_EXEMPT, GRANT_TYPES

from .models import Call
from .models.calls import MAX_PANEL

MAX_CRITERIA = 30  # rows a page may post (about 300 fields, under Django's 1000)
NUMBER_PATTERN = r"^[A-Za-z0-9._-]{1,32}$"  # a call's number is a path segment of its pages
CODE_PATTERN = r"^[A-Za-z0-9._-]{1,40}$"


def grant_type_choices(lang: str) -> list[tuple[str, str]]:
    """The seven types of article 27(2) in the act's order, each with its sub-paragraph."""
    return [(t.id, f"{t.name[lang]} ({t.citation.text(lang)})") for t in GRANT_TYPES]


def exempt(grant_type: str) -> bool:
    return grant_type in EXPERTISE_EXEMPT


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CallForm(forms.Form):
    """A draft call: its number (given once), grant type, titles, dates, panel and aggregation."""

    number = forms.RegexField(label=_("Call number"), regex=NUMBER_PATTERN, max_length=32,
                              error_messages={"invalid": _("A call number is 1 to 32 Latin letters, digits, dots, "
                                                           "hyphens or underscores, e.g. IG-2026-01.")})
    grant_type = forms.ChoiceField(label=_("Grant type (article 27(2) of the Law)"))
    title_kk = forms.CharField(label=_("Title in Kazakh"), max_length=300)
    title_ru = forms.CharField(label=_("Title in Russian"), max_length=300)
    title_en = forms.CharField(label=_("Title in English"), max_length=300)
    opens_on = forms.DateField(label=_("Applications accepted from"), widget=_date_widget())
    closes_on = forms.DateField(label=_("Applications accepted until (inclusive)"), widget=_date_widget())
    panel_size = forms.IntegerField(
        label=_("Experts per application"), min_value=0, max_value=MAX_PANEL, initial=2,
        help_text=_("At least one domestic and one foreign expert (article 27(2), third indent); 0 for patenting "
                    "in international patent organisations, which is given without the expertise."))
    domestic_min = forms.IntegerField(label=_("Domestic experts, at least"), min_value=0, max_value=MAX_PANEL,
                                      initial=1)
    foreign_min = forms.IntegerField(label=_("Foreign experts, at least"), min_value=0, max_value=MAX_PANEL,
                                     initial=1)
    aggregation = forms.ChoiceField(label=_("Aggregation of the experts' scores"), choices=Call.AGGREGATIONS,
                                    initial=Call.MEAN)

    def __init__(self, *args, call: Call | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["grant_type"].choices = [("", "—"), *grant_type_choices(current_language())]
        if call is not None:  # the number names the call's pages: it is given once
            self.fields["number"].disabled = True
            self.fields["number"].required = False

    def clean_number(self) -> str:
        if self.call is not None:
            return self.call.number
        number = self.cleaned_data["number"]
        if Call.objects.filter(number=number).exists():
            raise forms.ValidationError(_("A call with this number already exists."))
        return number

    def clean(self) -> dict:
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and not opens < closes:
            self.add_error("closes_on", _("A call closes after the day it opens."))
        panel, domestic, foreign = data.get("panel_size"), data.get("domestic_min"), data.get("foreign_min")
        if None in (panel, domestic, foreign) or "grant_type" not in data:
            return data
        if exempt(data["grant_type"]):
            if panel or domestic or foreign:
                self.add_error("panel_size", _("Grants for patenting in international patent organisations are "
                                               "given without the expertise (article 27(2), third indent): leave "
                                               "the panel and its minimums at 0."))
            return data
        if domestic < 1:
            self.add_error("domestic_min", _("At least one domestic expert (article 27(2), third indent)."))
        if foreign < 1:
            self.add_error("foreign_min", _("At least one foreign expert (article 27(2), third indent)."))
        if panel < domestic + foreign:
            self.add_error("panel_size", _("The panel must hold the domestic and the foreign experts it requires: "
                                           "at least %(n)s.") % {"n": max(domestic + foreign, 2)})
        return data

    def call_fields(self) -> dict:
        """The model's fields from the cleaned data."""
        data = self.cleaned_data
        return {k: data[k] for k in ("grant_type", "title_kk", "title_ru", "title_en", "opens_on", "closes_on",
                                     "panel_size", "domestic_min", "foreign_min", "aggregation")}


class CriterionForm(forms.Form):
    """One weighted criterion the experts score (article 27(4): the call sets them)."""

    code = forms.RegexField(label=_("Code"), regex=CODE_PATTERN, max_length=40,
                            error_messages={"invalid": _("A code is 1 to 40 Latin letters, digits, dots, hyphens or "
                                                         "underscores.")})
    name_kk = forms.CharField(label=_("Name in Kazakh"), max_length=300)
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=300)
    name_en = forms.CharField(label=_("Name in English"), max_length=300)
    weight = forms.DecimalField(label=_("Weight"), max_digits=6, decimal_places=3, min_value=0, max_value=1000,
                                widget=forms.TextInput(attrs={"inputmode": "decimal", "maxlength": 12}))
    required = forms.BooleanField(label=_("Required criterion"), required=False)
    scale_max = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=100, initial=10)
    required_min = forms.IntegerField(label=_("Lowest passing score of a required criterion"), min_value=0,
                                      max_value=100, initial=0)

    def clean_weight(self):
        weight = self.cleaned_data["weight"]
        if weight <= 0:
            raise forms.ValidationError(_("A weight is above 0."))
        return weight

    def clean(self) -> dict:
        data = super().clean()
        if data.get("scale_max") is not None and data.get("required_min") is not None \
                and data["required_min"] > data["scale_max"]:
            self.add_error("required_min", _("The lowest passing score cannot exceed the highest score."))
        return data


class BaseCriterionFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        codes = [row.cleaned_data["code"] for row in self.forms
                 if row.cleaned_data and not row.cleaned_data.get("DELETE")]
        if len(codes) != len(set(codes)):
            raise forms.ValidationError(_("Each criterion of a call has its own code."))

    def rows(self) -> list[dict]:
        """The criteria filled in and not deleted, in the page's order."""
        return [row.cleaned_data for row in self.forms if row.cleaned_data and not row.cleaned_data.get("DELETE")]


CriterionFormSet = forms.formset_factory(CriterionForm, formset=BaseCriterionFormSet, extra=2, can_delete=True,
                                         max_num=MAX_CRITERIA, validate_max=True, absolute_max=MAX_CRITERIA)


class PublishForm(forms.Form):
    """Publishing is irreversible: it asks for an explicit confirmation."""

    confirm = forms.BooleanField(
        label=_("I confirm that this call is to be published for good: its grant type, dates and criteria will "
                "no longer change."),
        error_messages={"required": _("Tick the confirmation to publish the call.")})
