"""Forms of the follow-up procedures of a participant: activity change (p.9-1), services (p.48),
early termination (p.41)."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .forms import _activity_choices


class ActivityChangeForm(forms.Form):
    new_activity_types = forms.MultipleChoiceField(
        label=_("Priority ICT activity types after the change (p. 9-1)"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_activity_types"].choices = _activity_choices()


def _text(label, **kwargs):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 2}), **kwargs)


class ServicesForm(forms.Form):
    """Paragraph 48, items 1)–7)."""

    project_name = forms.CharField(label=_("1) Project name"), max_length=300)
    direction = forms.CharField(label=_("1) Direction of the project"), max_length=300)
    description = _text(_("1) Short description"))
    expected_results = _text(_("1) Expected results"))
    phone = forms.CharField(label=_("2) Phone"), max_length=40)
    email = forms.EmailField(label=_("2) E-mail"))
    city = forms.CharField(label=_("2) City"), max_length=120)
    country = forms.CharField(label=_("2) Country"), max_length=120)
    stage = forms.CharField(label=_("3) Readiness stage of the project (product)"), max_length=200)
    technologies = _text(_("3) Technologies used"))
    problem = _text(_("3) Problem the product solves"))
    business_model = _text(_("3) Business model"))
    lifetime = forms.CharField(label=_("3) Project lifetime"), max_length=120)
    participants = forms.IntegerField(label=_("4) Number of project participants"), min_value=0)
    involvement = _text(_("4) Team involvement in the project"))
    presentation_url = forms.URLField(label=_("5) Link to the project presentation"), assume_scheme="https")
    needs = _text(_("6) Needs"))
    expected_from_technopark = _text(_("6) Results expected from the technopark"))
    registered_taxpayer = forms.BooleanField(label=_("7) Registered taxpayer (Tax Code art. 74)"), required=False)
    tax_issued_on = forms.DateField(label=_("7) Tax-debt information issued on"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}))
    tax_debt_kzt = forms.DecimalField(label=_("7) Tax debt shown, KZT"), required=False, min_value=0)

    def facts(self, on) -> dict:
        d = self.cleaned_data
        tax = None
        if d.get("tax_issued_on") is not None and d.get("tax_debt_kzt") is not None:
            tax = {"issued_on": d["tax_issued_on"].isoformat(), "debt_kzt": str(d["tax_debt_kzt"])}
        return {
            "application_date": on.isoformat(),
            "project": {"name": d["project_name"],
                        **{k: d[k] for k in ("direction", "description", "expected_results")}},
            "contacts": {k: d[k] for k in ("phone", "email", "city", "country")},
            "readiness": {k: d[k] for k in ("stage", "technologies", "problem", "business_model", "lifetime")},
            "team": {"participants": d["participants"], "involvement": d["involvement"]},
            "presentation_url": d["presentation_url"],
            "needs": {"needs": d["needs"], "expected_from_technopark": d["expected_from_technopark"]},
            "registered_taxpayer": d["registered_taxpayer"],
            "tax_debt": tax,
        }


# Paragraph 39 is not in the seed: only the sub-paragraph numbers that paragraph 41 names are known.
def _ground_label(n: int) -> str:
    return gettext("Paragraph 39, sub-paragraph %(n)s)") % {"n": n}


# Labels stay lazy: formatted when a page renders, in that page's language.
TERMINATION_GROUNDS = [(f"39({n})", lazy(_ground_label, str)(n)) for n in range(1, 7)]


class TerminationForm(forms.Form):
    grounds = forms.MultipleChoiceField(label=_("Grounds (paragraph 39; its text is not in the source)"),
                                        choices=TERMINATION_GROUNDS, widget=forms.CheckboxSelectMultiple)
    explanation = _text(_("Facts establishing the grounds"))
