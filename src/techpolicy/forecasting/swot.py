"""SWOT of internal competences against leader and competitor countries, from Delphi answers.

Seed 000 (Order No. 133/НҚ), paragraph 11: the main stage assesses **internal competences compared
with leader and competitor countries**, new prospects, threats and challenges, and identifies the
key (priority) technologies; paragraph 6 asks to assess strengths and weaknesses of the current
state; paragraphs 12–13 turn the results into the list of key technologies and the directions of
targeted technology programmes. The methodology does not fix how a SWOT is derived from expert
answers; this module documents one rule set whose thresholds are **study parameters**
(:class:`SwotThresholds`; :data:`EXAMPLE_SWOT_THRESHOLDS` is an illustration, not the methodology's).

Input per technology (:class:`TechnologyAssessment`), aggregated from a Delphi round:

* ``importance``: median importance (e.g. on a 1–5 scale);
* ``level_vs_leader`` / ``level_vs_competitor``: median of Kazakhstan's level relative to the leader
  country / a competitor country on a signed scale (negative = behind, 0 = on par, positive = ahead,
  e.g. -2..+2);
* ``barriers``: number of respondents naming each barrier, with ``respondents`` the panel size; the
  barrier share is the share of the most-named barrier.

Rules (a technology below ``importance_min`` is not classified; each classified technology gets at
most one internal and at most one external quadrant, so a technology can be e.g. a strength *and*
a threat):

* internal, relative to the **competitor**:
  strength  if ``level_vs_competitor >= strength_min_vs_competitor``;
  weakness  if ``level_vs_competitor <= weakness_max_vs_competitor``;
* external, relative to the **leader** and the barriers:
  threat      if ``barrier_share >= threat_min_barrier_share`` or ``level_vs_leader <= threat_max_vs_leader``;
  opportunity if ``barrier_share <= opportunity_max_barrier_share`` and
  ``level_vs_leader >= opportunity_min_vs_leader``.

The thresholds are validated so that strength/weakness and opportunity/threat cannot both hold.
Each result keeps the rule that fired as a code with the values it compared (:data:`RULE_TEXTS`),
so a page or report says it in its reader's language; ``rule`` is its English wording.

Pure Python; no Django.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from math import isfinite
from typing import Literal

STRENGTH = "strength"
WEAKNESS = "weakness"
OPPORTUNITY = "opportunity"
THREAT = "threat"
Quadrant = Literal["strength", "weakness", "opportunity", "threat"]


@dataclass(frozen=True)
class SwotThresholds:
    """Study parameters of the classification rules (see the module docstring)."""

    importance_min: float
    strength_min_vs_competitor: float
    weakness_max_vs_competitor: float
    opportunity_min_vs_leader: float
    opportunity_max_barrier_share: float
    threat_max_vs_leader: float
    threat_min_barrier_share: float
    source: str = ""
    is_example: bool = False

    def __post_init__(self) -> None:
        for name in (
            "importance_min",
            "strength_min_vs_competitor",
            "weakness_max_vs_competitor",
            "opportunity_min_vs_leader",
            "opportunity_max_barrier_share",
            "threat_max_vs_leader",
            "threat_min_barrier_share",
        ):
            if not isfinite(getattr(self, name)):
                raise ValueError(f"{name} must be finite")
        if self.weakness_max_vs_competitor >= self.strength_min_vs_competitor:
            raise ValueError("weakness_max_vs_competitor must be below strength_min_vs_competitor")
        if self.threat_max_vs_leader >= self.opportunity_min_vs_leader:
            raise ValueError("threat_max_vs_leader must be below opportunity_min_vs_leader")
        for name in ("opportunity_max_barrier_share", "threat_min_barrier_share"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be a share in [0, 1]")
        if self.opportunity_max_barrier_share >= self.threat_min_barrier_share:
            raise ValueError("opportunity_max_barrier_share must be below threat_min_barrier_share")

    def as_dict(self) -> dict:
        return {
            "importance_min": self.importance_min,
            "strength_min_vs_competitor": self.strength_min_vs_competitor,
            "weakness_max_vs_competitor": self.weakness_max_vs_competitor,
            "opportunity_min_vs_leader": self.opportunity_min_vs_leader,
            "opportunity_max_barrier_share": self.opportunity_max_barrier_share,
            "threat_max_vs_leader": self.threat_max_vs_leader,
            "threat_min_barrier_share": self.threat_min_barrier_share,
            "source": self.source,
            "is_example": self.is_example,
        }


#: ILLUSTRATIVE thresholds (1–5 importance, -2..+2 level scales) for tests and demos only; the
#: methodology sets none, a study must supply its own.
EXAMPLE_SWOT_THRESHOLDS = SwotThresholds(
    importance_min=4.0,
    strength_min_vs_competitor=0.0,
    weakness_max_vs_competitor=-1.0,
    opportunity_min_vs_leader=-1.0,
    opportunity_max_barrier_share=0.3,
    threat_max_vs_leader=-2.0,
    threat_min_barrier_share=0.5,
    source="example only: Order No. 133/НҚ paragraph 11 sets no thresholds",
    is_example=True,
)


@dataclass(frozen=True)
class TechnologyAssessment:
    """Aggregated Delphi answers for one technology."""

    technology: str
    importance: float
    level_vs_leader: float
    level_vs_competitor: float
    respondents: int
    barriers: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.technology:
            raise ValueError("a technology name is needed")
        if not all(isfinite(x) for x in (self.importance, self.level_vs_leader, self.level_vs_competitor)):
            raise ValueError(f"{self.technology}: non-finite median")
        if self.respondents <= 0:
            raise ValueError(f"{self.technology}: respondents must be positive")
        for name, count in self.barriers.items():
            if not 0 <= count <= self.respondents:
                raise ValueError(f"{self.technology}: barrier {name!r} named by {count} of {self.respondents}")
        object.__setattr__(self, "barriers", dict(self.barriers))

    @property
    def main_barrier(self) -> str | None:
        if not self.barriers:
            return None
        return max(self.barriers, key=lambda k: (self.barriers[k], k))

    @property
    def barrier_share(self) -> float:
        """Share of respondents naming the most-named barrier (0 without barriers)."""
        return max(self.barriers.values(), default=0) / self.respondents

    def as_dict(self) -> dict:
        return {
            "technology": self.technology,
            "importance": self.importance,
            "level_vs_leader": self.level_vs_leader,
            "level_vs_competitor": self.level_vs_competitor,
            "respondents": self.respondents,
            "barriers": dict(self.barriers),
            "barrier_share": self.barrier_share,
        }


#: What each rule says, per language, with the values it compared as placeholders: a page or report
#: shows the rule in its reader's language from the code and parameters the result keeps.
RULE_TEXTS: dict[str, dict[str, str]] = {
    "strength": {
        "kk": "маңызды, деңгейі ≥ {threshold} (салыстыру: {competitor})",
        "ru": "важная, уровень ≥ {threshold} (сравнение: {competitor})",
        "en": "important and level vs {competitor} >= {threshold}",
    },
    "weakness": {
        "kk": "маңызды, деңгейі ≤ {threshold} (салыстыру: {competitor})",
        "ru": "важная, уровень ≤ {threshold} (сравнение: {competitor})",
        "en": "important and level vs {competitor} <= {threshold}",
    },
    "threat_barrier": {
        "kk": "маңызды, кедергі үлесі ≥ {barrier_share}",
        "ru": "важная, доля барьера ≥ {barrier_share}",
        "en": "important and barrier share >= {barrier_share}",
    },
    "threat_level": {
        "kk": "маңызды, деңгейі ≤ {level} (салыстыру: {leader})",
        "ru": "важная, уровень ≤ {level} (сравнение: {leader})",
        "en": "important and level vs {leader} <= {level}",
    },
    "threat_barrier_level": {
        "kk": "маңызды, кедергі үлесі ≥ {barrier_share} және деңгейі ≤ {level} (салыстыру: {leader})",
        "ru": "важная, доля барьера ≥ {barrier_share} и уровень ≤ {level} (сравнение: {leader})",
        "en": "important and barrier share >= {barrier_share} and level vs {leader} <= {level}",
    },
    "opportunity": {
        "kk": "маңызды, кедергі үлесі ≤ {barrier_share} және деңгейі ≥ {level} (салыстыру: {leader})",
        "ru": "важная, доля барьера ≤ {barrier_share} и уровень ≥ {level} (сравнение: {leader})",
        "en": "important, barrier share <= {barrier_share} and level vs {leader} >= {level}",
    },
    "not_important": {
        "kk": "маңыздылығы {importance}, бұл {importance_min} шегінен төмен",
        "ru": "важность {importance} ниже порога {importance_min}",
        "en": "importance {importance} below {importance_min}",
    },
    "between_thresholds": {
        "kk": "екі ось бойынша да шектердің арасында",
        "ru": "между порогами по обеим осям",
        "en": "between the thresholds on both axes",
    },
}
_DECIMAL_COMMA = ("kk", "ru")


def _number(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang in _DECIMAL_COMMA else text


def rule_text(code: str, params: Mapping[str, object], lang: str = "en") -> str:
    """The rule `code` with its `params` in `lang` (English for a language it is not written in);
    numbers are written with the language's decimal sign."""
    texts = RULE_TEXTS[code]
    lang = lang if lang in texts else "en"
    values = {k: _number(v, lang) if isinstance(v, int | float) and not isinstance(v, bool) else v
              for k, v in params.items()}
    return texts[lang].format(**values)


@dataclass(frozen=True)
class SwotEntry:
    """One classification with the rule that fired (`code`, the thresholds and names it compared in
    `params`) and the values compared (`evidence`)."""

    technology: str
    quadrant: Quadrant
    code: str
    params: dict
    evidence: dict

    def text(self, lang: str = "en") -> str:
        return rule_text(self.code, self.params, lang)

    @property
    def rule(self) -> str:
        """The rule in English (the JSON output's readable form)."""
        return self.text("en")

    def as_dict(self) -> dict:
        return {"technology": self.technology, "quadrant": self.quadrant, "rule": self.rule, "code": self.code,
                "params": dict(self.params), "evidence": self.evidence}


@dataclass(frozen=True)
class SwotResult:
    leader: str
    competitor: str
    thresholds: SwotThresholds
    strengths: tuple[SwotEntry, ...]
    weaknesses: tuple[SwotEntry, ...]
    opportunities: tuple[SwotEntry, ...]
    threats: tuple[SwotEntry, ...]
    not_classified: tuple[dict, ...]

    def names(self, quadrant: Quadrant) -> list[str]:
        entries = {
            STRENGTH: self.strengths,
            WEAKNESS: self.weaknesses,
            OPPORTUNITY: self.opportunities,
            THREAT: self.threats,
        }[quadrant]
        return [e.technology for e in entries]

    def as_dict(self) -> dict:
        return {
            "leader": self.leader,
            "competitor": self.competitor,
            "thresholds": self.thresholds.as_dict(),
            "strengths": [e.as_dict() for e in self.strengths],
            "weaknesses": [e.as_dict() for e in self.weaknesses],
            "opportunities": [e.as_dict() for e in self.opportunities],
            "threats": [e.as_dict() for e in self.threats],
            "not_classified": list(self.not_classified),
        }


def classify(
    assessment: TechnologyAssessment,
    thresholds: SwotThresholds,
    *,
    leader: str = "leader",
    competitor: str = "competitor",
) -> list[SwotEntry]:
    """Quadrants of one technology (empty when it is not important enough or in no band)."""
    a, th = assessment, thresholds
    if a.importance < th.importance_min:
        return []
    base = {
        "importance": a.importance,
        "importance_min": th.importance_min,
        "leader": leader,
        "competitor": competitor,
    }
    out: list[SwotEntry] = []
    vs_comp = {**base, "level_vs_competitor": a.level_vs_competitor}
    if a.level_vs_competitor >= th.strength_min_vs_competitor:
        out.append(
            SwotEntry(
                a.technology,
                STRENGTH,
                "strength",
                {"competitor": competitor, "threshold": th.strength_min_vs_competitor},
                {**vs_comp, "strength_min_vs_competitor": th.strength_min_vs_competitor},
            )
        )
    elif a.level_vs_competitor <= th.weakness_max_vs_competitor:
        out.append(
            SwotEntry(
                a.technology,
                WEAKNESS,
                "weakness",
                {"competitor": competitor, "threshold": th.weakness_max_vs_competitor},
                {**vs_comp, "weakness_max_vs_competitor": th.weakness_max_vs_competitor},
            )
        )
    ext = {
        **base,
        "level_vs_leader": a.level_vs_leader,
        "barrier_share": a.barrier_share,
        "main_barrier": a.main_barrier,
        "barriers": dict(a.barriers),
        "respondents": a.respondents,
    }
    by_barrier = a.barrier_share >= th.threat_min_barrier_share
    by_level = a.level_vs_leader <= th.threat_max_vs_leader
    if by_barrier or by_level:
        code = "threat_barrier_level" if by_barrier and by_level else "threat_barrier" if by_barrier else "threat_level"
        out.append(
            SwotEntry(
                a.technology,
                THREAT,
                code,
                {"leader": leader, "barrier_share": th.threat_min_barrier_share, "level": th.threat_max_vs_leader},
                {
                    **ext,
                    "threat_min_barrier_share": th.threat_min_barrier_share,
                    "threat_max_vs_leader": th.threat_max_vs_leader,
                },
            )
        )
    elif a.barrier_share <= th.opportunity_max_barrier_share and a.level_vs_leader >= th.opportunity_min_vs_leader:
        out.append(
            SwotEntry(
                a.technology,
                OPPORTUNITY,
                "opportunity",
                {"leader": leader, "barrier_share": th.opportunity_max_barrier_share,
                 "level": th.opportunity_min_vs_leader},
                {
                    **ext,
                    "opportunity_max_barrier_share": th.opportunity_max_barrier_share,
                    "opportunity_min_vs_leader": th.opportunity_min_vs_leader,
                },
            )
        )
    return out


def build_swot(
    assessments: Sequence[TechnologyAssessment],
    thresholds: SwotThresholds,
    *,
    leader: str = "leader",
    competitor: str = "competitor",
) -> SwotResult:
    """Classify every technology; those in no quadrant are listed in ``not_classified`` with the reason."""
    names = [a.technology for a in assessments]
    if len(set(names)) != len(names):
        raise ValueError("technology names must be unique")
    buckets: dict[str, list[SwotEntry]] = {STRENGTH: [], WEAKNESS: [], OPPORTUNITY: [], THREAT: []}
    not_classified: list[dict] = []
    for a in assessments:
        entries = classify(a, thresholds, leader=leader, competitor=competitor)
        for e in entries:
            buckets[e.quadrant].append(e)
        if not entries:
            if a.importance < thresholds.importance_min:
                code = "not_important"
                params = {"importance": a.importance, "importance_min": thresholds.importance_min}
            else:
                code, params = "between_thresholds", {}
            not_classified.append({"technology": a.technology, "reason": rule_text(code, params), "code": code,
                                   "params": params, "evidence": a.as_dict()})
    return SwotResult(
        leader=leader,
        competitor=competitor,
        thresholds=thresholds,
        strengths=tuple(buckets[STRENGTH]),
        weaknesses=tuple(buckets[WEAKNESS]),
        opportunities=tuple(buckets[OPPORTUNITY]),
        threats=tuple(buckets[THREAT]),
        not_classified=tuple(not_classified),
    )
