"""The monitoring pages' forms, each bounded as the core's models are (`common`: years 1900..2100, at
most 20 digits with 6 after the point, texts of at most 500 characters), so that a value the core
would refuse is refused here first, in the reader's language (000.ttp.monitor)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from .common import MAX_TEXT, MAX_YEAR, MIN_YEAR
from .models import VALUE_DIGITS, VALUE_PLACES

MAX_VALUE_CHARS = 40  # 20 digits, a sign, a point and grouping spaces


class ActualForm(forms.Form):
    """An entered actual of one year of the plan's period, with the document it rests on."""

    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    # Localised: a Kazakh or Russian reader types "1,5" (the page language's decimal comma).
    value = forms.DecimalField(label=_("Actual value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES,
                               localize=True,
                               widget=forms.TextInput(attrs={"inputmode": "decimal", "maxlength": MAX_VALUE_CHARS}),
                               help_text=_("The year's own value, as the implementer reports it; for a cumulative "
                                           "indicator the system adds the years up."))
    evidence = forms.CharField(label=_("Evidence"), max_length=MAX_TEXT,
                               help_text=_("The document the value rests on: its name, number and date."))

    def __init__(self, *args, first_year: int, last_year: int, base_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_year, self.last_year, self.base_year = first_year, last_year, base_year
        self.fields["year"].widget.attrs.update({"min": first_year, "max": last_year})

    def clean_value(self):
        value = self.cleaned_data["value"]
        if len(str(self.data.get("value", ""))) > MAX_VALUE_CHARS:  # a long string of zeros is still too long
            raise forms.ValidationError(_("Enter at most %(n)d characters.") % {"n": MAX_VALUE_CHARS})
        return value

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not self.first_year <= year <= self.last_year:
            raise forms.ValidationError(_("Enter a year of the plan's period, %(first)d–%(last)d.")
                                        % {"first": self.first_year, "last": self.last_year})
        if year <= self.base_year:
            raise forms.ValidationError(_("Enter a year after the indicator's base year %(base)d.")
                                        % {"base": self.base_year})
        return year


class ConfirmForm(forms.Form):
    """The confirmation of an irreversible step (an approval makes the figure final)."""

    confirm = forms.BooleanField(label=_("I confirm the approval; an approved figure cannot be changed."),
                                 error_messages={"required": _("Tick the box to confirm the approval.")})


class DoneForm(forms.Form):
    """An obligation marked done: the day it was completed and the document that shows it."""

    done_on = forms.DateField(label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"}))
    evidence = forms.CharField(label=_("Evidence"), max_length=MAX_TEXT,
                               help_text=_("The document of the completion form: its name, number and date."))

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_done_on(self):
        done_on = self.cleaned_data["done_on"]
        if not MIN_YEAR <= done_on.year <= MAX_YEAR:
            raise forms.ValidationError(_("Enter a date between %(first)d and %(last)d.")
                                        % {"first": MIN_YEAR, "last": MAX_YEAR})
        if done_on > self.today:
            raise forms.ValidationError(_("The completion date cannot be in the future."))
        return done_on
