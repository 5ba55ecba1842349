"""The small forms of a programme's page: a methodological comment (p.32) and an agreement (p.42)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context

from .forms_fields import DateInput
from .models import MAX_COMMENT, MAX_NAME, MAX_REFERENCE, Agreement


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Methodological comment (p.32)"), max_length=MAX_COMMENT,
                           widget=forms.Textarea(attrs={"rows": 4}))


class AgreementForm(forms.Form):
    organisation = forms.CharField(label=_("Interested organisation"), max_length=MAX_NAME)
    outcome = forms.ChoiceField(label=_("Its answer"), choices=Agreement.OUTCOMES)
    reference = forms.CharField(label=_("Letter (number and date)"), max_length=MAX_REFERENCE)
    agreed_on = forms.DateField(label=_("Date of the answer"), widget=DateInput)
    note = forms.CharField(label=_("Remarks of the organisation"), required=False, max_length=MAX_COMMENT,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def clean_agreed_on(self):
        day = self.cleaned_data["agreed_on"]
        if day > law_context.today():
            raise forms.ValidationError(_("The date of the answer cannot be in the future."))
        return day
