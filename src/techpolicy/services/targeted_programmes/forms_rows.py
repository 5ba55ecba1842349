"""The rows of the programme document's tables (000 p.33-40), one form per row. Every field of a
row is optional to the form where the act makes it a requirement: a missing executor or deadline is
for the rule of its paragraph to refuse, with the paragraph named, not for the form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.law.acts.act000_methodology import programme_facts as pf
from techpolicy.site.money import MoneyField

from .forms_fields import CodeField, CodesField, DateInput

# Every select of a row starts blank (or at its field's initial value), so that a row left untouched
# posts what it was rendered with and the table skips it as unchanged.
BLANK = [("", "—")]
PARTICIPANT_KINDS = [("state", _("state body")), ("business", _("business")), ("education", _("education")),
                     ("science", _("science"))]
RESPONSIBLE_KINDS = [("state", _("state organisation")), ("private", _("private organisation"))]
RESOURCE_KINDS = [("financial", _("financial")), ("labour", _("labour")), ("material", _("material"))]
FINANCING_KINDS = [("republican_budget", _("republican budget")), ("local_budget", _("local budget")),
                   ("attracted", _("attracted funds (p.44)")), ("own", _("own funds")), ("other", _("other"))]
DIRECTIONS = [("higher", _("higher is better")), ("lower", _("lower is better (e.g. a rank)"))]
ACCUMULATIONS = [("per_period", _("per period (each year alone)")), ("cumulative", _("cumulative (the years add up)"))]
VALUE_KINDS = [("interim", _("interim value")), ("final", _("final value"))]


def _figure(label, required=False):
    return forms.DecimalField(label=label, required=required, max_digits=24, decimal_places=6)


def _year(label, required=True):
    return forms.IntegerField(label=label, required=required, min_value=1990, max_value=2100)


class DocumentRow(forms.Form):
    """p.33(1): a document of the State Planning System the programme implements."""

    code = CodeField(_("Code"))
    title = forms.CharField(label=_("Document"), max_length=pf.MAX_NAME)
    level = forms.CharField(label=_("Level"), required=False, max_length=pf.MAX_NAME)
    item = forms.CharField(label=_("Item implemented"), required=False, max_length=pf.MAX_NAME)


class TechnologyRow(forms.Form):
    """p.33(2): a prospective technology, with its code on the key-technology list if it is on it."""

    name = forms.CharField(label=_("Technology"), max_length=pf.MAX_NAME)
    key_technology = forms.ChoiceField(label=_("On the list of key technologies"), required=False)

    def __init__(self, *args, key_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_technology"].choices = [("", _("not on the list")), *key_choices]


class ParticipantRow(forms.Form):
    """p.33(3): a participant of the state, business, education or science."""

    name = forms.CharField(label=_("Participant"), max_length=pf.MAX_NAME)
    kind = forms.ChoiceField(label=_("Kind"), choices=BLANK + PARTICIPANT_KINDS)


class FinancingRow(forms.Form):
    """p.35(7), p.44: a source of financing and its amount."""

    kind = forms.ChoiceField(label=_("Source"), choices=BLANK + FINANCING_KINDS)
    name = forms.CharField(label=_("Name of the source"), max_length=pf.MAX_NAME)
    amount_kzt = MoneyField(label=_("Amount, tenge"), min_value=0)


class AnalysisIndicatorRow(forms.Form):
    """p.37(1): a numeric indicator of the current situation."""

    name = forms.CharField(label=_("Indicator"), max_length=pf.MAX_NAME)
    value = _figure(_("Value"), required=True)
    unit = forms.CharField(label=_("Unit"), max_length=pf.MAX_NAME)
    year = _year(_("Year"))


class GoalRow(forms.Form):
    """p.38 first indent: a goal resting on documents of the State Planning System."""

    code = CodeField(_("Code"))
    title = forms.CharField(label=_("Goal"), max_length=pf.MAX_SHORT_TEXT)
    documents = CodesField(_("Codes of the planning documents it rests on"), pf.MAX_REFS)


class IndicatorRow(forms.Form):
    """p.38 second indent: a target indicator of a goal."""

    goal = CodeField(_("Goal code"))
    code = CodeField(_("Code"))
    name = forms.CharField(label=_("Target indicator"), max_length=pf.MAX_NAME)
    unit = forms.CharField(label=_("Unit"), required=False, max_length=pf.MAX_NAME)
    direction = forms.ChoiceField(label=_("Which value is better"), required=False, choices=BLANK + DIRECTIONS)
    accumulation = forms.ChoiceField(label=_("How the years count"), choices=ACCUMULATIONS, initial="per_period")
    base_year = _year(_("Base year"), required=False)
    base_value = _figure(_("Base value"))

    def clean(self):
        data = super().clean()
        if (data.get("base_year") is None) != (data.get("base_value") is None):
            raise forms.ValidationError(_("Give both the base year and the base value, or neither."))
        return data


class TargetRow(forms.Form):
    """p.38 second indent: an interim or the final value of an indicator, for its year."""

    indicator = CodeField(_("Indicator code"))
    year = _year(_("Year"))
    value = _figure(_("Value"), required=True)
    kind = forms.ChoiceField(label=_("Interim or final"), choices=BLANK + VALUE_KINDS)


class TaskRow(forms.Form):
    """p.38 third indent: a task tied to one goal."""

    code = CodeField(_("Code"))
    title = forms.CharField(label=_("Task"), max_length=pf.MAX_SHORT_TEXT)
    goals = CodesField(_("Goal code"), pf.MAX_REFS)


class ResponsibleRow(forms.Form):
    """p.38 fourth indent: an organisation responsible for a goal, a task or an indicator."""

    element = CodeField(_("Goal, task or indicator code"))
    name = forms.CharField(label=_("Responsible organisation"), max_length=pf.MAX_NAME)
    kind = forms.ChoiceField(label=_("Kind"), choices=BLANK + RESPONSIBLE_KINDS)


class MeasureRow(forms.Form):
    """p.39: a measure of a goal and task, with its executor and deadline."""

    code = CodeField(_("Code"))
    title = forms.CharField(label=_("Measure"), max_length=pf.MAX_SHORT_TEXT)
    goal = CodeField(_("Goal code"), required=False)
    task = CodeField(_("Task code"), required=False)
    executor = forms.CharField(label=_("Executor"), required=False, max_length=pf.MAX_NAME)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput)
    resources = CodesField(_("Codes of the resources it uses"), pf.MAX_REFS)


class ResourceRow(forms.Form):
    """p.40, p.33(6): a required resource with its source."""

    code = CodeField(_("Code"))
    kind = forms.ChoiceField(label=_("Kind"), choices=BLANK + RESOURCE_KINDS)
    description = forms.CharField(label=_("Description"), max_length=pf.MAX_NAME)
    amount = forms.DecimalField(label=_("Amount (tenge for a financial resource)"), min_value=0, max_digits=20,
                                decimal_places=2)
    unit = forms.CharField(label=_("Unit"), max_length=pf.MAX_NAME, initial="KZT")
    source = forms.CharField(label=_("Source"), required=False, max_length=pf.MAX_NAME)

    def clean(self):
        data = super().clean()
        if data.get("kind") == "financial" and data.get("unit") not in (None, "KZT"):
            self.add_error("unit", _("A financial resource is counted in tenge (KZT)."))
        return data


# (prefix, row form, most rows): a page posts at most Django's 1000 fields and the tables full to these
# bounds stay under it; a larger programme is imported from a file.
TABLES = (
    ("docs", DocumentRow, 10), ("tech", TechnologyRow, 20), ("part", ParticipantRow, 20),
    ("fin", FinancingRow, 10), ("anind", AnalysisIndicatorRow, 15), ("goals", GoalRow, 10),
    ("inds", IndicatorRow, 20), ("vals", TargetRow, 40), ("tasks", TaskRow, 20), ("resp", ResponsibleRow, 20),
    ("measures", MeasureRow, 20), ("res", ResourceRow, 15),
)
FORMSETS = {prefix: forms.formset_factory(row, extra=1, max_num=most, validate_max=True, absolute_max=most)
            for prefix, row, most in TABLES}
MOST_ROWS = {prefix: most for prefix, _row, most in TABLES}
