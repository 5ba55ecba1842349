"""Act 000: the Methodology of technology forecasting, sectoral technology competence centres,
technology platforms and targeted technology programmes (Order No. 133/НҚ, as amended by Orders
No. 454/НҚ of 31 July 2024 and No. 198 of 20 April 2026).

Modules in the act's order: `forecasting` (chapter 2).
"""

from . import competence_centres, forecasting, platforms, targeted_programmes  # noqa: F401  (chapters 2-5)
