"""The technopark's procedures (seed 001) as casework asks them: with the list of priority ICT
activity types administrators maintain, and the system limits of the ownership graph (p.7(4)).
The pages, the workflow's guards, the stored verdict and the API all evaluate through these."""

from __future__ import annotations

import datetime as dt

from techpolicy.casework.kit.checks import LawCheck, declare_check

from . import law


def _activity_types(on: dt.date) -> dict:
    return {"activity_types": law.activity_types(on)}


def _ownership_limits() -> dict:
    return {"limits": law.ownership_limits()}


# Paragraphs 7 and 9 with Annex 3: the application for registration as a participant.
PARTICIPATION = declare_check(LawCheck("technopark", references=_activity_types, options=_ownership_limits))
# Paragraph 7 and 9(3): the public pre-check, before the other documents are assembled.
PRECHECK = declare_check(LawCheck("technopark-precheck", references=_activity_types, options=_ownership_limits))
# Paragraph 9-1: a change of activity types, checked against the same list.
ACTIVITY_CHANGE = declare_check(LawCheck("technopark-activity-change", references=_activity_types))

# What the API's check answers (`api.technopark`): the above, and the procedures whose facts the
# law layer's defaults suffice for.
API_CHECKS = (PARTICIPATION, PRECHECK, ACTIVITY_CHANGE, "technopark-services", "technopark-extension",
              "technopark-early-termination")
