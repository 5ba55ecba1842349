"""Act 001: Rules of activity of the "Astana Hub" international technology park (Order No. 415 of
26 September 2018) in the wording of Order No. 292/НҚ of 23 August 2022.

Modules in the act's order: `participation` (paragraph 7, the conditions of registration, with the
state share of p.7(4) in `ownership`), `documents` (paragraph 9 and Annex 3), `procedures` (paragraphs
9-1, 13, 36, 41), `services` (paragraph 48), `terms` (every term of the Rules); `facts` holds the
facts models, `common` the pieces the chapters share, `precheck` the public eligibility pre-check.

Importing the package declares its procedures ("technopark", "technopark-precheck",
"technopark-activity-change", "technopark-commission-composition", "technopark-extension",
"technopark-early-termination", "technopark-services") and its terms; import names from the
module that defines them.
"""

from . import participation, precheck, procedures, services, terms  # noqa: F401  (declare the procedures and terms)
