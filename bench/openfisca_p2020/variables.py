"""Variables of instruments 3a, 4a and 5b of the "Productivity 2020" programme, in OpenFisca's
vectorised style: every formula works on whole numpy arrays of applications.

Amounts are floats (tenge) and the reimbursement is rounded half up to whole tiyn at the end.
There is no state across applications: the persons an enterprise had reimbursed earlier in the
year are an input (`prior_persons_this_year`)."""

import datetime as dt

import numpy as np
from openfisca_core.model_api import YEAR, Variable, max_, min_, not_, select, where

from .annex import LICENCE_IF_REQUIRED, PRIORITY_OKED, PROGRAMME_END, PROGRAMME_START, SERVICES
from .entities import Application


def add_months(days: np.ndarray, months) -> np.ndarray:
    """The same day `months` calendar months later, clamped to the end of a shorter month."""
    first = days.astype("datetime64[M]")
    day = (days - first.astype("datetime64[D]")).astype(int)
    target = first + np.asarray(months).astype("timedelta64[M]")
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(int)
    return target.astype("datetime64[D]") + np.minimum(day, length - 1).astype("timedelta64[D]")


class Money(Variable):
    """A float variable kept in float64: OpenFisca's floats are float32 (about 7 significant digits),
    which cannot hold millions of tenge to the tiyn."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.dtype = np.float64


def _input(name: str, kind, label: str, default=None) -> type:
    attributes = {"value_type": kind, "entity": Application, "definition_period": YEAR, "label": label}
    if kind is float:
        return type(name, (Money,), attributes)
    if default is not None:
        attributes["default_value"] = default
    return type(name, (Variable,), attributes)


INPUTS = [
    _input("application_date", dt.date, "Date the application was filed"),
    _input("instrument", str, "Instrument applied for: 3a, 4a or 5b"),
    _input("oked", str, "OKED code of the activity"),
    _input("activity_since", dt.date, "Activity in that sector since"),
    _input("enterprise_size", str, "sme or large"),
    _input("incurred_on", dt.date, "Date the costs were incurred"),
    _input("financed_by_other_programme", bool, "Main cost financed by another budget programme"),
    _input("executor_service", str, "Kind of service of the executor"),
    _input("executor_experience_years", float, "Executor's years of experience"),
    _input("executor_past_projects", int, "Executor's past projects"),
    _input("executor_licence_required", bool, "The service needs a licence"),
    _input("executor_licence_held", bool, "The executor holds it"),
    _input("persons_count", int, "3a: employees trained"),
    _input("fee_per_person", float, "3a: provider fee per employee"),
    _input("travel_per_trip", float, "3a: fare of each trip, per employee"),
    _input("travel_mode", str, "3a: air, rail, road, water"),
    _input("travel_class", str, "3a: class of travel"),
    _input("accommodation", float, "3a: accommodation per employee"),
    _input("stay_nights", int, "3a: nights of the stay"),
    _input("training_kind", str, "3a: course or internship"),
    _input("room_single_standard", bool, "3a: a single standard room", True),
    _input("prior_persons_this_year", int, "3a: employees reimbursed earlier in the year"),
    _input("cost", float, "4a, 5b: cost of the service"),
]


class programme_in_force(Variable):
    value_type = bool
    entity = Application
    definition_period = YEAR
    label = "Filed while the programme was in force"

    def formula(application, period, parameters):
        day = application("application_date", period)
        return (day >= PROGRAMME_START) & (day < PROGRAMME_END)


class priority_sector(Variable):
    value_type = bool
    entity = Application
    definition_period = YEAR
    label = "The OKED code equals or lies under a code of the Annex"

    def formula(application, period, parameters):
        code = application("oked", period).astype(str)
        result = np.zeros(len(code), bool)
        for width in (2, 4, 5, 7):
            level = np.char.str_len(code) >= width
            result |= level & np.isin(np.char.ljust(code, 7).astype("<U7").astype(f"<U{width}"), PRIORITY_OKED)
        return result


class activity_year(Variable):
    value_type = bool
    entity = Application
    definition_period = YEAR
    label = "At least the required years of activity before the application"

    def formula(application, period, parameters):
        years = parameters(period).p2020.activity_min_years
        latest = add_months(application("application_date", period), -12 * int(years))
        return application("activity_since", period) <= latest


class executor_qualified(Variable):
    value_type = bool
    entity = Application
    definition_period = YEAR
    label = "An executor of an admitted kind with the experience, projects and licence of 5.2"

    def formula(application, period, parameters):
        executor = parameters(period).p2020.executor
        instrument = application("instrument", period)
        service = application("executor_service", period)
        years = application("executor_experience_years", period)
        projects = application("executor_past_projects", period)
        licence_ok = not_(application("executor_licence_required", period)) | application("executor_licence_held",
                                                                                             period)
        admitted = np.zeros(len(service), bool)
        for instrument_id, services in SERVICES.items():
            admitted |= (instrument == instrument_id) & np.isin(service, services)
        qualified = np.zeros(len(service), bool)
        for name in {s for services in SERVICES.values() for s in services}:
            node = executor[name]
            ok = (years >= node.experience_years) & (projects >= node.projects_min)
            if name in LICENCE_IF_REQUIRED:
                ok &= licence_ok
            qualified |= (service == name) & ok
        return admitted & qualified


class eligible(Variable):
    value_type = bool
    entity = Application
    definition_period = YEAR
    label = "Eligible for the instrument applied for"

    def formula(application, period, parameters):
        return (application("programme_in_force", period) & application("priority_sector", period)
                & application("activity_year", period) & application("executor_qualified", period))


def _in_window(application, period, months):
    applied = application("application_date", period)
    incurred = application("incurred_on", period)
    return (incurred <= applied) & (incurred >= add_months(applied, -int(months)))


class reimbursement_3a(Money):
    value_type = float
    entity = Application
    definition_period = YEAR
    label = "3a: 40 % of training costs per employee, at most 2 m each, at most 15 employees a year"

    def formula(application, period, parameters):
        p = parameters(period).p2020.i3a
        window = _in_window(application, period, p.lookback_months)
        fee_ok = window & not_(application("financed_by_other_programme", period))
        mode, travel_class = application("travel_mode", period), application("travel_class", period)
        class_ok = ((mode == "air") & (travel_class == "economy")) | ((mode == "rail") & (travel_class == "coupe")) \
            | (np.isin(mode, ["road", "water"]) & (travel_class == "local_fare"))
        stay = application("accommodation", period)
        nights = application("stay_nights", period)
        start = application("incurred_on", period)
        months = where(application("training_kind", period) == "internship", p.accommodation_internship_months,
                       p.accommodation_course_months)
        admitted = max_(0, min_(nights, (add_months(start, months) - start).astype(int)))
        excess = nights - admitted
        stay_eligible = where(excess > 0, stay - stay * excess / max_(nights, 1), stay)
        stay_eligible = where(window & application("room_single_standard", period), stay_eligible, 0)
        per_person = (where(fee_ok, application("fee_per_person", period), 0)
                      + where(window & class_ok, 2 * application("travel_per_trip", period), 0) + stay_eligible)
        count = application("persons_count", period)
        headcount = np.clip(p.employees_per_enterprise_year - application("prior_persons_this_year", period), 0, count)
        return where(per_person > 0, headcount * min_(per_person * p.share, p.cap_per_employee), 0)


class reimbursement_4a(Money):
    value_type = float
    entity = Application
    definition_period = YEAR
    label = "4a: 50 % of technical diagnostics, at most 8 m (SME) or 16 m (large)"

    def formula(application, period, parameters):
        p = parameters(period).p2020.i4a
        ok = _in_window(application, period, p.lookback_months) & not_(application("financed_by_other_programme",
                                                                                   period))
        cap = where(application("enterprise_size", period) == "large", p.cap_large, p.cap_sme)
        return where(ok, min_(application("cost", period) * p.share, cap), 0)


class reimbursement_5b(Money):
    value_type = float
    entity = Application
    definition_period = YEAR
    label = "5b: 40 % of implementing the production-efficiency plan, at most 15 m"

    def formula(application, period, parameters):
        p = parameters(period).p2020.i5b
        ok = _in_window(application, period, p.lookback_months) & not_(application("financed_by_other_programme",
                                                                                   period))
        return where(ok, min_(application("cost", period) * p.share, p.cap), 0)


class reimbursement(Money):
    value_type = float
    entity = Application
    definition_period = YEAR
    label = "Reimbursement of the application, KZT, rounded half up to the tiyn"

    def formula(application, period, parameters):
        instrument = application("instrument", period)
        amount = select(
            [instrument == "3a", instrument == "4a", instrument == "5b"],
            [application("reimbursement_3a", period), application("reimbursement_4a", period),
             application("reimbursement_5b", period)],
            0,
        )
        return where(application("eligible", period), np.floor(amount * 100 + 0.5) / 100, 0)


FORMULAS = [programme_in_force, priority_sector, activity_year, executor_qualified, eligible, reimbursement_3a,
            reimbursement_4a, reimbursement_5b, reimbursement]
