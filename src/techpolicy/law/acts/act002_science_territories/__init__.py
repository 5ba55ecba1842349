"""Act 002: Government Resolution No. 1134 of 24 December 2025 approving the Concept of creating and
developing science concentration territories for 2026-2035.

Modules: `common` (citations, dates in force, the pre-assessment note of reading R-E1), `hstc` (the
HSTC priority directions, reading R-E2), `science_city` (section 5: the science-city status criteria,
procedure "science-city"), `park_funding` (section 5: budget funding of a science-technology park's
management company, procedure "stp-budget-funding"), `supplements` (section 2, part 2: the monthly
supplements for degrees and titles, reading R-E4) and `commands` (`techpolicy supplement`).
"""

from . import park_funding, science_city  # noqa: F401  (declare the procedures)
