"""The objections of the programme's facts (act 004, `law.facts.objection` codes in
`act004_productivity2020.facts`) in the reader's language, next to the field that holds the fact."""

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.kit import fact_errors

fact_errors.declare({
    "p2020_training_needs_employees": _("A training fee names the employees it trains."),
    "p2020_employee_twice": _("An employee is named twice."),
    "p2020_one_person": _("This kind of cost names one person."),
    "p2020_expert_needs_specialist": _("A foreign expert's fee names the specialist paid."),
    "p2020_employee_or_specialist": _("This kind of cost names one person: an employee or a specialist, not both."),
    "p2020_needs_person": _("This kind of cost names the person: an employee or a specialist."),
    "p2020_expert_needs_months": _("A foreign expert's fee gives the months of work it pays."),
    "p2020_needs_training_kind": _("Choose a course or an internship: a training fee and an employee's "
                                   "accommodation need it."),
    "p2020_stay_needed": _("Required for an employee's accommodation."),
    "p2020_stay_order": _("The stay must end after it starts."),
    "p2020_travel_needed": _("Required for travel."),
    "p2020_id_twice": _("The short name %(id)s is used twice."),
    "p2020_unknown_executor": _("Cost %(line)s names the executor “%(executor)s”, who is not listed among the "
                                "executors."),
    "p2020_required_for": _("Required for instrument %(instrument)s."),
})
