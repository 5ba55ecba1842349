"""The per-study settings of the analysis (seed 000, paragraphs 11-13): the ranking criteria and
their weights, the assumptions of the four scenarios of paragraph 11(8) and the SWOT thresholds.
The methodology sets none of these numbers; each is validated by its pure module, stored with who
set it, and marked when it is the illustrative example rather than the study's own choice."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.forecasting import ranking as mcda
from techpolicy.forecasting import scenarios as sc
from techpolicy.forecasting import swot as sw

from .errors import StudyError
from .evidence import author_name, json_safe
from .models import Study
from .stages import lock_study

CRITERIA = (
    mcda.Criterion("importance", mcda.BENEFIT),
    mcda.Criterion("level_vs_leader", mcda.BENEFIT),
    mcda.Criterion("year", mcda.COST),
    mcda.Criterion("trend_growth", mcda.BENEFIT),
)
SCENARIO_FIELDS = ("growth_multiplier", "saturation_multiplier", "inflection_shift_years", "niche_uplift")
SWOT_FIELDS = ("importance_min", "strength_min_vs_competitor", "weakness_max_vs_competitor",
               "opportunity_min_vs_leader", "opportunity_max_barrier_share", "threat_max_vs_leader",
               "threat_min_barrier_share")
NOT_SET = gettext_lazy("not set by the source document; set by the study")


# --- the study's settings ---------------------------------------------------------------------------


def weights_from(values: Mapping[str, Any], **_ignored) -> dict[str, float]:
    """Criterion weights checked by `ranking.validate_weights` (one per criterion, >= 0, sum 1)."""
    w = mcda.validate_weights({k: float(v) for k, v in values.items()}, CRITERIA)
    return {c.name: float(x) for c, x in zip(CRITERIA, w, strict=True)}


def scenario_set_from(values: Mapping[str, Any], *, is_example: bool = False) -> sc.ScenarioSet:
    """The four scenarios' assumptions `{"transition_years": x, "scenarios": {key: {field: x}}}`."""
    per = values.get("scenarios") or {}
    return sc.ScenarioSet(
        name=str(_("Scenario assumptions of the study")), is_example=is_example,
        source=str(_("illustrative example, not set by the methodology") if is_example else _("set by the study")),
        transition_years=float(values.get("transition_years", "nan")),
        scenarios=tuple(
            sc.ScenarioAssumptions(key, **{f: float(per.get(key, {}).get(f, "nan")) for f in SCENARIO_FIELDS})
            for key in sc.SCENARIO_KEYS))


def swot_thresholds_from(values: Mapping[str, Any], *, is_example: bool = False) -> sw.SwotThresholds:
    return sw.SwotThresholds(**{f: float(values.get(f, "nan")) for f in SWOT_FIELDS}, is_example=is_example)


def _example_scenarios() -> dict[str, Any]:
    example = sc.EXAMPLE_SCENARIO_SET
    return {"transition_years": example.transition_years,
            "scenarios": {s.key: {f: getattr(s, f) for f in SCENARIO_FIELDS} for s in example.scenarios}}


@dataclass(frozen=True)
class Setting:
    """One per-study setting: the Study field it lives in, how it is validated, and the example on offer."""

    attr: str
    label: Any
    build: Callable[..., Any]
    example: Callable[[], dict[str, Any]]


SETTINGS = {
    # ranking.py has no example weights; equal weights are the illustration offered instead.
    "weights": Setting("ranking_weights", gettext_lazy("Criteria weights"), weights_from,
                       lambda: {c.name: 1 / len(CRITERIA) for c in CRITERIA}),
    "scenarios": Setting("scenario_assumptions", gettext_lazy("Scenario assumptions"), scenario_set_from,
                         _example_scenarios),
    "swot": Setting("swot_thresholds", gettext_lazy("SWOT thresholds"), swot_thresholds_from,
                    lambda: {f: getattr(sw.EXAMPLE_SWOT_THRESHOLDS, f) for f in SWOT_FIELDS}),
}


def setting_of(study: Study, key: str) -> dict[str, Any]:
    """The stored setting `{"values": ..., "is_example": bool, "set_by": ..., "set_at": ...}`, {} while unset."""
    return getattr(study, SETTINGS[key].attr) or {}


def built_setting(study: Study, key: str) -> Any:
    """The setting as the pure module's object (weights dict, ScenarioSet, SwotThresholds), or None
    while unset; raises ValueError when the stored values no longer pass its checks."""
    stored = setting_of(study, key)
    if not stored.get("values"):
        return None
    return SETTINGS[key].build(stored["values"], is_example=bool(stored.get("is_example")))


def save_setting(study: Study, actor, key: str, values: Mapping[str, Any] | None, *, version: int | None,
                 is_example: bool = False) -> Study:
    """Store (or with `values` None clear) a setting after the pure module's checks; a ValueError of
    those checks becomes a StudyError, a stale `version` is refused with status 409."""
    if key not in SETTINGS:
        raise StudyError(_("Unknown setting: %(key)s") % {"key": key}, field="section")
    stored: dict[str, Any] = {}
    if values is not None:
        try:
            SETTINGS[key].build(values, is_example=is_example)
        except (TypeError, ValueError) as exc:
            raise StudyError(str(exc)) from None
        stored = {"values": json_safe(dict(values)), "is_example": is_example, "set_by": author_name(actor),
                  "set_at": timezone.now().isoformat()}
    with transaction.atomic():
        locked = lock_study(study, version)
        setattr(locked, SETTINGS[key].attr, stored)
        locked.version += 1
        locked.save(update_fields=[SETTINGS[key].attr, "version", "updated_at"])
    return locked


def read_setting(study: Study, key: str) -> tuple[Any, list[str]]:
    """(the built setting, what is missing about it)."""
    try:
        value = built_setting(study, key)
    except (TypeError, ValueError) as exc:
        return None, [_("%(setting)s: the stored values are not valid (%(detail)s); set them again.")
                      % {"setting": SETTINGS[key].label, "detail": exc}]
    if value is None:
        return None, [_("%(setting)s: %(not_set)s.") % {"setting": SETTINGS[key].label, "not_set": NOT_SET}]
    return value, []
