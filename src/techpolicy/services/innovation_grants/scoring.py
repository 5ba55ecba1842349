"""The experts' scores of a call's applications and what they add up to (pure Python, no Django).

How applications are scored is the Government's rules' matter (law 003 article 27(4), `grants.rules`,
not in the source): every call sets its own weighted criteria, some required with a lowest passing
score, and the aggregation of the experts' scores (mean, median or total) as a setting. Per
criterion the experts' scores are aggregated, each as a share of the criterion's highest score,
then weighted: the application's score is the weighted sum divided by the sum of the weights, from
0 to 100. An application is recommended when every required criterion reaches its lowest passing
score (aggregated the same way) and its score reaches the call's threshold, if one is set.

`rank` orders the recommended applications by score and funds them in that order while the money
allotted to the grant type lasts (article 27(3): the total is distributed among the types); `replay`
compares two settings over the same stored scores and lists whose outcome changes and why, the
what-if the operator asks before changing a call's aggregation, threshold or allotment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

METHODS = ("mean", "median", "total")
HUNDRED = Decimal(100)
PLACES = Decimal("0.01")


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    weight: Decimal
    scale_max: int
    required: bool = False
    required_min: int = 0


@dataclass(frozen=True)
class Scored:
    """One application: its id, the amount asked for, and each expert's scores by criterion code."""

    id: int
    requested: Decimal
    scores: Mapping[int, Mapping[str, int]]  # expert id -> criterion code -> score


@dataclass(frozen=True)
class Setting:
    method: str = "mean"
    threshold: Decimal | None = None  # lowest application score, 0-100; None: none
    budget: Decimal | None = None  # money for the call's grant type; None: not limited here

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown aggregation {self.method!r}")


@dataclass(frozen=True)
class Outcome:
    id: int
    score: Decimal | None  # None: no expert scored it
    recommended: bool
    funded: bool
    rank: int | None
    reasons: tuple[str, ...] = field(default=())  # codes: "unscored", "required:<code>", "threshold", "budget"


def _aggregate(values: Sequence[int], method: str) -> Decimal:
    if method == "median":
        return Decimal(str(median(values)))
    total = Decimal(sum(values))
    # "total" adds the experts' scores; as a share of the scale it is compared with the panel's
    # highest possible total, so a missing score counts as zero rather than vanishing.
    return total if method == "total" else total / len(values)


def evaluate(application: Scored, criteria: Sequence[CriterionSpec], setting: Setting) -> tuple[Decimal | None,
                                                                                                  list[str]]:
    """The application's score (0-100, to the hundredth) and the reasons it is not recommended."""
    experts = len(application.scores)
    if not experts or not criteria:
        return None, ["unscored"]
    reasons, weighted, weights = [], Decimal(0), Decimal(0)
    for criterion in criteria:
        values = [s[criterion.code] for s in application.scores.values() if criterion.code in s]
        if not values:
            return None, ["unscored"]
        aggregated = _aggregate(values, setting.method)
        # A total is the panel's: per expert it is compared with the scale and the passing score.
        per_expert = aggregated / experts if setting.method == "total" else aggregated
        if criterion.required and per_expert < criterion.required_min:
            reasons.append(f"required:{criterion.code}")
        weighted += criterion.weight * per_expert / criterion.scale_max
        weights += criterion.weight
    score = (weighted / weights * HUNDRED).quantize(PLACES, ROUND_HALF_UP) if weights else Decimal(0)
    if setting.threshold is not None and score < setting.threshold:
        reasons.append("threshold")
    return score, reasons


def rank(applications: Sequence[Scored], criteria: Sequence[CriterionSpec], setting: Setting) -> list[Outcome]:
    """Every application's outcome under `setting`, in the order given."""
    evaluated = {a.id: evaluate(a, criteria, setting) for a in applications}
    recommended = [a for a in applications if not evaluated[a.id][1]]
    # Highest score first; equal scores by the smaller amount, then by id (earlier application).
    recommended.sort(key=lambda a: (-evaluated[a.id][0], a.requested, a.id))
    left = setting.budget
    place: dict[int, tuple[int, bool]] = {}
    for n, a in enumerate(recommended, start=1):
        funded = left is None or a.requested <= left
        if funded and left is not None:
            left -= a.requested
        place[a.id] = (n, funded)
    out = []
    for a in applications:
        score, reasons = evaluated[a.id]
        n, funded = place.get(a.id, (None, False))
        if n is not None and not funded:
            reasons = [*reasons, "budget"]
        out.append(Outcome(a.id, score, not evaluated[a.id][1], funded, n, tuple(reasons)))
    return out


@dataclass(frozen=True)
class Change:
    id: int
    before: Outcome
    after: Outcome


def replay(applications: Sequence[Scored], criteria: Sequence[CriterionSpec], now: Setting,
           what_if: Setting) -> tuple[list[Outcome], list[Outcome], list[Change]]:
    """Both settings over the same scores, and the applications whose funding changes."""
    before, after = rank(applications, criteria, now), rank(applications, criteria, what_if)
    changes = [Change(b.id, b, a) for b, a in zip(before, after, strict=True) if b.funded != a.funded]
    return before, after, changes
