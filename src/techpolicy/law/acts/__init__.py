"""The acts as code: one package per legal act, its modules in the order of the act.

- `act000_methodology` (act 000): the Methodology of technology forecasting, competence centres,
  technology platforms and targeted technology programmes (Order No. 133/НҚ as amended);
- `act001_technopark` (act 001): Rules of activity of the "Astana Hub" international technology
  park, as amended by Order No. 292/НҚ of 23 August 2022;
- `act002_science_territories` (act 002): the Concept of science concentration territories
  2026-2035 (Resolution No. 1134 of 24 December 2025), its proposals pre-assessed (reading R-E1);
- `act003_state_support` (act 003): the Law on state support of industrial-innovative activity
  (no date in the seed: its period in force hangs on unset parameters);
- `act004_productivity2020` (act 004): the "Productivity 2020" programme (Resolution No. 440).

Each package declares its procedures (`law.procedure.declare`) and its terms (`law.terms.declare`)
when imported; importing this package imports every act, so `catalogue()` and `terms()` are complete.
"""

from . import (  # noqa: F401  (declare every act)
    act000_methodology,
    act001_technopark,
    act002_science_territories,
    act003_state_support,
    act004_productivity2020,
)
