"""Forms of the analysts' study pages (the study, its thematic plan, technologies, invitations)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import PlanActivity, Study, Technology
from .models.panel import GROUPS, LANGUAGES, country_validator
from .models.study import FIRST_HORIZON_YEAR, MAX_YEAR, METHODS


class LinesField(forms.CharField):
    """One item per line (sectors, fields of expertise)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class StudyForm(forms.ModelForm):
    covered_sectors = LinesField(label=gettext_lazy("Covered sectors (one per line)"))
    methods = forms.MultipleChoiceField(label=gettext_lazy("Forecasting methods (paragraph 8)"), choices=METHODS,
                                        widget=forms.CheckboxSelectMultiple, required=False)
    max_rel_iqr = forms.FloatField(label=gettext_lazy("Stop rule: largest relative IQR"), min_value=0,
                                   required=False)
    max_iqr = forms.FloatField(label=gettext_lazy("Stop rule: largest IQR"), min_value=0, required=False)
    max_cv = forms.FloatField(label=gettext_lazy("Stop rule: largest coefficient of variation"), min_value=0,
                              required=False)
    max_median_shift = forms.FloatField(label=gettext_lazy("Stop rule: largest change of the median between rounds"),
                                        min_value=0, required=False)
    min_answers = forms.IntegerField(label=gettext_lazy("Stop rule: fewest answers per technology"), min_value=1,
                                     required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    STOP_FIELDS = ("max_rel_iqr", "max_iqr", "max_cv", "max_median_shift", "min_answers")

    class Meta:
        model = Study
        fields = ["title", "direction", "covered_sectors", "horizon_year", "organising_body", "methods", "weighted"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.STOP_FIELDS:
            self.fields[name].initial = (self.instance.stop_rule or {}).get(name)
            self.fields[name].help_text = _("Set by the study; the methodology sets no value.")
        self.fields["version"].initial = self.instance.version

    def clean_horizon_year(self):
        year = self.cleaned_data["horizon_year"]
        if not FIRST_HORIZON_YEAR <= year <= MAX_YEAR:  # the model's own bounds, with a friendlier message
            raise forms.ValidationError(_("Give a year between 2000 and 2100."))
        return year

    def clean(self):
        data = super().clean()
        stop = {name: data.get(name) for name in self.STOP_FIELDS if data.get(name) is not None}
        if stop and set(stop) == {"min_answers"}:
            self.add_error("max_rel_iqr", _("A stop rule needs at least one threshold besides the fewest answers."))
        self.instance.stop_rule = stop
        return data


class PlanActivityForm(forms.ModelForm):
    methods = forms.MultipleChoiceField(label=gettext_lazy("Methods"), choices=METHODS,
                                        widget=forms.CheckboxSelectMultiple, required=False)

    class Meta:
        model = PlanActivity
        fields = ["stage", "activity", "methods", "kind_of_work", "starts_on", "ends_on"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}),
                   "ends_on": forms.DateInput(attrs={"type": "date"})}


class TechnologyForm(forms.ModelForm):
    class Meta:
        model = Technology
        fields = ["code", "name_kk", "name_ru", "name_en", "sector"]

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.study = study

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if self.instance.study.technologies.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This study already has a technology with this code."))
        return code


class InviteForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=300)
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    country = forms.CharField(label=gettext_lazy("Country (ISO code, KZ for Kazakhstan)"), max_length=2)
    organisation = forms.CharField(label=gettext_lazy("Organisation"), max_length=300)
    fields = LinesField(label=gettext_lazy("Fields of expertise (one per line)"))
    experience_years = forms.IntegerField(label=gettext_lazy("Years of experience"), min_value=0, max_value=80,
                                          required=False)
    language = forms.ChoiceField(label=gettext_lazy("Language of answers"), choices=LANGUAGES)
    group = forms.ChoiceField(label=gettext_lazy("Group"), choices=GROUPS)

    def clean_country(self):
        country = self.cleaned_data["country"].strip().upper()
        country_validator(country)
        return country
