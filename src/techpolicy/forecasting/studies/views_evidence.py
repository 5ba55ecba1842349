"""The analysts' evidence pages of a study: indicator series with their trends, expert corrections and
cycles (seed 000, paragraph 8(1), 8(3)); the ranking, scenarios and SWOT (paragraphs 11–13) and the
study's settings for them. `?format=json` gives the series detail and the analysis as JSON."""

import math

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.validators import FileExtensionValidator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from techpolicy.forecasting.scenarios import SCENARIO_KEYS
from techpolicy.forecasting.swot import rule_text

from . import analysis, charts, evidence
from . import analysis_settings as study_settings
from .errors import StudyError
from .views_common import managed_study, show_error

CRITERION_LABELS = {
    "importance": gettext_lazy("Importance (Delphi median, 1–5)"),
    "level_vs_leader": gettext_lazy("Level against the leader countries (Delphi median, −2..+2)"),
    "year": gettext_lazy("Expected year of practical use (Delphi median)"),
    "trend_growth": gettext_lazy("Forecast growth of the indicator to the horizon"),
}
METHOD_LABELS = {"weighted_sum": gettext_lazy("Weighted sum"), "topsis": gettext_lazy("TOPSIS")}
SCENARIO_LABELS = {
    "stagnation": gettext_lazy("Technological stagnation"),
    "inertia": gettext_lazy("Technological inertia"),
    "new_niches": gettext_lazy("New technological niches"),
    "breakthrough": gettext_lazy("Technological breakthrough"),
}
QUADRANT_LABELS = {"strength": gettext_lazy("Strengths"), "weakness": gettext_lazy("Weaknesses"),
                   "opportunity": gettext_lazy("Opportunities"), "threat": gettext_lazy("Threats")}
FIELD_LABELS = {
    "transition_years": gettext_lazy("Transition years (the changes of a scenario are phased in over them)"),
    "growth_multiplier": gettext_lazy("growth multiplier"),
    "saturation_multiplier": gettext_lazy("saturation multiplier"),
    "inflection_shift_years": gettext_lazy("inflection shift in years (+ later, − earlier)"),
    "niche_uplift": gettext_lazy("niche uplift (a share: 0.1 is +10 %)"),
    "importance_min": gettext_lazy("Classify technologies with a median importance of at least"),
    "strength_min_vs_competitor": gettext_lazy("Strength: level against the competitors at least"),
    "weakness_max_vs_competitor": gettext_lazy("Weakness: level against the competitors at most"),
    "opportunity_min_vs_leader": gettext_lazy("Opportunity: level against the leaders at least"),
    "opportunity_max_barrier_share": gettext_lazy("Opportunity: share of experts naming the main barrier at most"),
    "threat_max_vs_leader": gettext_lazy("Threat: level against the leaders at most"),
    "threat_min_barrier_share": gettext_lazy("Threat: share of experts naming the main barrier at least"),
} | CRITERION_LABELS


def upload_limit() -> int:
    """The project's upload limit (the size-limit upload handler reads the same setting)."""
    return settings.TECHPOLICY_MAX_UPLOAD_BYTES


class SeriesUploadForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Indicator"), max_length=200)
    unit = forms.CharField(label=gettext_lazy("Unit"), max_length=60, required=False)
    source = forms.CharField(label=gettext_lazy("Source of the data"), max_length=300, required=False)
    technology = forms.ModelChoiceField(label=gettext_lazy("Candidate technology"), queryset=None, required=False)
    file = forms.FileField(
        label=gettext_lazy("File (.csv or .xlsx)"), validators=[FileExtensionValidator(["csv", "xlsx"])],
        help_text=gettext_lazy("Columns year,value[,series]: one row per year, no missing years, at least 6 years. "
                               "A workbook is read from its first sheet."))
    series_in_file = forms.CharField(label=gettext_lazy("Series in the file"), max_length=200, required=False,
                                     help_text=gettext_lazy("Only for a file whose series column holds several "
                                                            "series: the one to import."))

    def __init__(self, *args, study, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.fields["technology"].queryset = study.technologies.all()
        if too_large:  # the upload handler dropped the file; say why instead of "required"
            self.fields["file"].required = False

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if self.too_large or (upload is not None and upload.size > upload_limit()):
            raise forms.ValidationError(_("The file is larger than the limit of %(limit)s; nothing was stored.")
                                        % {"limit": filesizeformat(upload_limit())})
        return upload


class CorrectionForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Forecast year"), coerce=int)
    corrected = forms.FloatField(label=gettext_lazy("Corrected value"))
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in years]


def _setting_fields(key: str) -> list[tuple[str, object]]:
    """(form field name, label) of a setting; a scenario's fields are named `<scenario>__<field>`."""
    if key == "weights":
        return [(c.name, FIELD_LABELS[c.name]) for c in study_settings.CRITERIA]
    if key == "swot":
        return [(name, FIELD_LABELS[name]) for name in study_settings.SWOT_FIELDS]
    return [("transition_years", FIELD_LABELS["transition_years"])] + [
        (f"{s}__{f}", f"{SCENARIO_LABELS[s]}: {FIELD_LABELS[f]}")
        for s in SCENARIO_KEYS for f in study_settings.SCENARIO_FIELDS]


class SettingForm(forms.Form):
    """One setting of the analysis (weights, scenario assumptions or SWOT thresholds) as numbers."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, key, stored, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = key
        flat = self._flat(stored.get("values") or {})
        for name, label in _setting_fields(key):
            self.fields[name] = forms.FloatField(label=label, initial=flat.get(name))

    def _flat(self, values: dict) -> dict:
        if self.key != "scenarios":
            return dict(values)
        per = values.get("scenarios", {})
        return {"transition_years": values.get("transition_years"),
                **{f"{s}__{f}": v for s, fields in per.items() for f, v in fields.items()}}

    def values(self) -> dict:
        """The cleaned numbers in the shape `study_settings.save_setting` stores."""
        data = {name: self.cleaned_data[name] for name, _label in _setting_fields(self.key)}
        if self.key != "scenarios":
            return data
        fields = study_settings.SCENARIO_FIELDS
        return {"transition_years": data["transition_years"],
                "scenarios": {s: {f: data[f"{s}__{f}"] for f in fields} for s in SCENARIO_KEYS}}

    def add_module_error(self, message: str) -> None:
        """Put a pure module's refusal next to the field it names first, or at the top of the form."""
        named = []
        for name in self.fields:
            parts = name.split("__")
            if name != "version" and all(part in message for part in parts):
                named.append((message.find(parts[-1]), name))
        self.add_error(min(named)[1] if named else None, message)


def _json(data) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@login_required
def series_list(request, number):
    study = managed_study(request, number)
    post, files = request.POST or None, request.FILES or None  # parses the body, which sets the flag below
    form = SeriesUploadForm(post, files, study=study, too_large=getattr(request, "upload_too_large", False))
    if request.method == "POST" and form.is_valid():
        upload, data = form.cleaned_data["file"], form.cleaned_data
        try:
            record = evidence.import_series(
                study, request.user, upload_name=upload.name, data=upload.read(), name=data["name"],
                unit=data["unit"], source=data["source"], technology=data["technology"],
                series_in_file=data["series_in_file"])
        except evidence.SeriesFileError as exc:
            form.add_error("file", exc.message)
        except StudyError as exc:
            show_error(request, form, exc)
        else:
            messages.success(request, _("The series “%(name)s” was imported.") % {"name": record.name})
            return redirect("studies:series_detail", study.number, record.pk)
    series = study.series.select_related("technology", "imported_by")
    return render(request, "studies/series.html", {"study": study, "form": form, "series": series,
                                                   "limit": upload_limit()})


@login_required
def series_detail(request, number, pk):
    study = managed_study(request, number)
    series = get_object_or_404(study.series.select_related("technology", "imported_by", "study"), pk=pk)
    result = evidence.trend_result(series)
    cycle = evidence.cycle_result(series)
    if request.GET.get("format") == "json":
        return _json(result.as_dict() | cycle.as_dict())
    years = [p.year for p in result.forecast.points] if result.forecast else []
    form = CorrectionForm(request.POST or None, years=years)
    if request.method == "POST" and form.is_valid():
        try:
            evidence.record_correction(series, request.user, **form.cleaned_data)
        except StudyError as exc:
            show_error(request, form, exc)
        else:
            messages.success(request, _("The correction was recorded."))
            return redirect("studies:series_detail", study.number, series.pk)
    weights = result.selection.weights() if result.selection else {}
    fits = [{"fit": fit, "label": evidence.MODEL_LABELS[fit.model], "weight": weights[fit.model],
             "params": fit.params.items(), "chosen": fit is result.selection.chosen,
             # AICc is undefined (inf) for a line through 3 or 4 points, the only trend that applies there.
             "aicc": fit.aicc if math.isfinite(fit.aicc) else None,
             "delta": fit.aicc - result.selection.chosen.aicc if math.isfinite(fit.aicc) else None}
            for fit in (result.selection.candidates if result.selection else ())]
    life = cycle.life_cycle
    observed = evidence.shown_points(series)  # a series stored before the bounds may be huge: clipped
    return render(request, "studies/series_detail.html", {
        "study": study, "series": series, "result": result, "fits": fits, "form": form,
        "observed": observed, "stored_points": len(series.years) if isinstance(series.years, list) else 0,
        "cycle": cycle, "phase": evidence.PHASE_LABELS[life.phase] if life else None,
        "chart": charts.trend_chart(result) if result.forecast else None, "corrections": reversed(result.corrections),
        "skipped": [(evidence.MODEL_LABELS[m], why) for m, why in (result.selection.skipped.items()
                                                                  if result.selection else ())],
    })


@login_required
def analysis_page(request, number):
    study = managed_study(request, number)
    result = analysis.analyse(study)
    if request.GET.get("format") == "json":
        return _json(result.as_dict())
    rank, swot = result.ranking, result.swot
    lang = get_language() or "kk"
    weights = rank.weights or {}
    scenario_tables = [t | {"name": swot.names.get(t["technology"].code, "") if t["technology"] else ""}
                       for t in result.scenarios.tables()]
    for table, chart in zip(scenario_tables, charts.scenario_charts(scenario_tables), strict=True):
        table["chart"] = chart
    return render(request, "studies/analysis.html", {
        "study": study, "a": result,
        "criteria": [(c, CRITERION_LABELS[c.name], weights.get(c.name)) for c in study_settings.CRITERIA],
        "methods": [METHOD_LABELS[r.method] for r in (rank.report.results if rank.report else ())],
        "sensitivity": [(METHOD_LABELS[s.method], [(CRITERION_LABELS[cs.criterion], cs)
                                                            for cs in s.criteria]) for s in rank.sensitivity],
        "scenario_labels": [SCENARIO_LABELS[k] for k in SCENARIO_KEYS],
        "scenario_tables": scenario_tables,
        "radar_chart": charts.radar_chart(study),
        "quadrants": [(key, QUADRANT_LABELS[key], [(e, swot.names.get(e.technology, e.technology), e.text(lang))
                                                   for e in entries])
                      for key, entries in swot.quadrants()],
        # The SWOT keeps each rule as a code and its values; the page says it in the reader's language.
        "not_classified": [(n["technology"], rule_text(n["code"], n["params"], lang))
                           for n in (swot.result.not_classified if swot.result else ())],
    })


def _version(request) -> int:
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() else -1  # a garbled version is treated as stale


@login_required
def analysis_settings(request, number):
    study = managed_study(request, number)
    section = request.POST.get("section", "") if request.method == "POST" else ""
    forms_ = {key: SettingForm(request.POST if key == section else None, key=key,
                               stored=study_settings.setting_of(study, key), initial={"version": study.version})
              for key in study_settings.SETTINGS}
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if section not in forms_:
            messages.error(request, _("Unknown setting: %(key)s") % {"key": section})
            return redirect("studies:analysis_settings", study.number)
        form, shortcut = forms_[section], action in ("example", "clear")
        if shortcut or form.is_valid():
            if shortcut:
                example = study_settings.SETTINGS[section].example
                values, version = (example() if action == "example" else None), _version(request)
            else:
                values, version = form.values(), form.cleaned_data["version"]
            try:
                study_settings.save_setting(study, request.user, section, values, version=version,
                                            is_example=action == "example")
            except StudyError as exc:
                if not shortcut:
                    form.add_module_error(exc.message)
                else:
                    messages.error(request, exc.message)
                    return redirect("studies:analysis_settings", study.number)
            else:
                messages.success(request, _("The settings were saved."))
                return redirect("studies:analysis_settings", study.number)
    sections = [(key, study_settings.SETTINGS[key].label, forms_[key], study_settings.setting_of(study, key))
                for key in study_settings.SETTINGS]
    return render(request, "studies/analysis_settings.html", {"study": study, "sections": sections,
                                                              "not_set": study_settings.NOT_SET})
