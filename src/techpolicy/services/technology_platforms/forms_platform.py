"""Forms of an organised platform's records (participants p.23, activities p.24, the single vision
p.24(2), funding p.30) and of its road map (p.24(7)). Every text is bounded; every choice comes from
the act's lists or the platform's own participants."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act000_methodology.designation_lists import PLATFORM_ACTIVITIES, PLATFORM_PARTICIPANT_ROLES

from .forms import BIN
from .models import COORDINATOR, FundingSource, Platform, RoadMapItem
from .models.platform import MAX_TEXT, MAX_VISION
from .models.roadmap import MAX_NAME, MAX_NOTE

DATE = {"widget": forms.DateInput(attrs={"type": "date"})}
YEARS_AROUND = 50  # a road-map date within this many years of today: a typo such as 0202 is refused


def _listed(items, exclude=()):
    lang = current_language()
    return [(i.code, f"{i.citation.short(lang)} — {i.label[lang]}") for i in items if i.code not in exclude]


def _plausible(day):
    if abs(day.year - law_context.today().year) > YEARS_AROUND:
        raise forms.ValidationError(_("The date is not plausible."))
    return day


def _not_future(day):
    if day > law_context.today():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return _plausible(day)


class ParticipantForm(forms.Form):
    """A participant in a role of p.23; the coordinator was named by the decision."""

    role = forms.ChoiceField(label=_("Role (p. 23)"))
    name = forms.CharField(label=_("Organisation"), max_length=500)
    bin = forms.RegexField(label=_("BIN"), required=False, **BIN)
    joined_on = forms.DateField(label=_("Joined on"), **DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _listed(PLATFORM_PARTICIPANT_ROLES, exclude=(COORDINATOR,))

    def clean_joined_on(self):
        return _not_future(self.cleaned_data["joined_on"])

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class ActivityForm(forms.Form):
    activity = forms.ChoiceField(label=_("Activity (p. 24)"))
    on = forms.DateField(label=_("Date"), **DATE)
    description = forms.CharField(label=_("Description"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = _listed(PLATFORM_ACTIVITIES)

    def clean_on(self):
        return _not_future(self.cleaned_data["on"])


class VisionForm(forms.Form):
    text = forms.CharField(label=_("Single vision of the technological development (p. 24(2))"),
                           max_length=MAX_VISION, widget=forms.Textarea(attrs={"rows": 6}))


class AgreementForm(forms.Form):
    participant = forms.TypedChoiceField(label=_("Participant who agreed"), coerce=int)
    agreed_on = forms.DateField(label=_("Agreed on"), **DATE)

    def __init__(self, *args, platform: Platform, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].choices = [(p.pk, p.name) for p in platform.participants.all()]

    def clean_agreed_on(self):
        return _not_future(self.cleaned_data["agreed_on"])


class FundingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Funding source (p. 30)"), choices=FundingSource.KINDS)
    description = forms.CharField(label=_("Description"), max_length=1000)
    amount_kzt = forms.DecimalField(label=_("Amount, tenge"), required=False, min_value=0, max_digits=18,
                                    decimal_places=2)


class DetailsForm(forms.Form):
    note = forms.CharField(label=_("What this version changes"), required=False, max_length=MAX_NOTE,
                           widget=forms.Textarea(attrs={"rows": 2}))
    study = forms.CharField(label=_("Forecast study cited (number, p. 6(6))"), required=False, max_length=32)


class StageForm(forms.Form):
    name = forms.CharField(label=_("Stage"), max_length=MAX_NAME)
    starts_on = forms.DateField(label=_("From"), **DATE)
    ends_on = forms.DateField(label=_("Until"), **DATE)

    def clean(self):
        data = super().clean()
        for name in ("starts_on", "ends_on"):
            if data.get(name):
                try:
                    _plausible(data[name])
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            raise forms.ValidationError(_("A stage cannot end before it starts."))
        return data


class ItemForm(forms.Form):
    stage = forms.TypedChoiceField(label=_("Stage"), coerce=int)
    technology_code = forms.CharField(label=_("Technology: code on the list of key technologies"), max_length=40)
    technology_name = forms.CharField(label=_("Technology"), max_length=MAX_NAME)
    milestone = forms.CharField(label=_("Milestone"), max_length=MAX_NAME)
    due_on = forms.DateField(label=_("Due on"), **DATE)
    responsible = forms.TypedChoiceField(label=_("Responsible participant"), coerce=int)
    status = forms.ChoiceField(label=_("Status"), choices=RoadMapItem.STATUSES)

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(s.pk, f"{s.order}. {s.name}") for s in version.stages.all()]
        self.fields["responsible"].choices = [(p.pk, p.name) for p in version.platform.participants.all()]
        self.fields["technology_code"].widget.attrs["list"] = "key-technologies"

    def clean_due_on(self):
        return _plausible(self.cleaned_data["due_on"])


class StatusForm(forms.Form):
    item = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    status = forms.ChoiceField(choices=RoadMapItem.STATUSES)
