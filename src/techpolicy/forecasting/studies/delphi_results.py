"""A study's Delphi answers as the arrays the pure `forecasting.delphi` module aggregates.

Experts appear only as their index in the study's memberships (pseudonyms for analysts); the
arrays are built with one query per study and the statistics come from `delphi.summarize`,
`kendall_w`, `round_changes` and the study's stop rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from techpolicy.forecasting import delphi

from .models import Answer, Round, Study
from .models.delphi import QUESTIONS


@dataclass
class StudyAnswers:
    """Answers of the rounds asked so far: `values[q]` is shaped (rounds, experts, technologies)."""

    rounds: list[Round]
    pseudonyms: list[str]
    technologies: list[str]  # codes, in the study's order
    values: dict[str, np.ndarray]
    competence: np.ndarray  # (rounds, experts, technologies), NaN where not answered
    barriers: list[dict[str, Counter]]  # per round: technology code -> Counter of barrier codes
    weighted: bool
    stop_rule: delphi.StopRule | None

    @cached_property
    def summaries(self) -> dict[str, delphi.Summary]:
        weights = self.competence if self.weighted else None
        return {q: delphi.summarize(*_padded(v, competence_weights(v, weights))) for q, v in self.values.items()}

    @cached_property
    def kendall(self) -> delphi.KendallW | None:
        """Concordance of the experts' importance ratings, read as rankings of the technologies."""
        if len(self.technologies) < 2 or not self.rounds:
            return None
        return delphi.kendall_w(self.values["importance"])

    def changes(self, question: str) -> delphi.RoundChange | None:
        if len(self.rounds) < 2:
            return None
        return delphi.round_changes(self.values[question], self.summaries[question])

    def verdicts(self, question: str = "importance") -> delphi.Verdicts | None:
        return delphi.verdicts(self.summaries[question], self.stop_rule) if self.stop_rule else None

    def latest(self, closed_only: bool = True) -> int | None:
        """Index of the last round (closed, unless asked otherwise) with answers, or None."""
        for i in range(len(self.rounds) - 1, -1, -1):
            if (not closed_only or not self.rounds[i].is_open) and self.summaries["importance"].n[i].sum() > 0:
                return i
        return None

    def medians(self, round_index: int) -> dict[str, dict[str, float | None]]:
        """Per technology code: the median of each question in that round."""
        return {
            code: {q: delphi.finite_or_none(self.summaries[q].median[round_index, j]) for q in QUESTIONS}
            for j, code in enumerate(self.technologies)
        }

    def respondents(self, round_index: int) -> dict[str, int]:
        n = self.summaries["importance"].n[round_index]
        return {code: int(n[j]) for j, code in enumerate(self.technologies)}

    def distribution(self, question: str, technology: str) -> list[dict[Any, int]]:
        """Per round, the count of each answer value for one technology."""
        j = self.technologies.index(technology)
        out = []
        for r in range(len(self.rounds)):
            column = self.values[question][r, :, j]
            out.append(dict(sorted(Counter(int(v) for v in column[~np.isnan(column)]).items())))
        return out


def competence_weights(values: np.ndarray, competence: np.ndarray | None) -> np.ndarray | None:
    """The weights `delphi.summarize` takes for `values`: each answer's competence, None unweighted."""
    if competence is None:
        return None
    # A missing answer carries no weight; summarize() ignores NaN values, the weight just has to be valid.
    return np.where(np.isnan(values), 1.0, competence)


def _padded(values: np.ndarray, weights: np.ndarray | None) -> tuple[np.ndarray, np.ndarray | None]:
    """A study without experts yet as one expert who gave no answer: summarize() needs an expert axis."""
    if values.shape[1]:
        return values, weights
    empty = np.full((values.shape[0], 1, values.shape[2]), np.nan)
    return empty, None if weights is None else np.ones_like(empty)


def stop_rule_of(study: Study) -> delphi.StopRule | None:
    """The study's stop rule, or None while the analysts have not set one (there is no legal default)."""
    settings = {k: v for k, v in (study.stop_rule or {}).items() if v not in (None, "")}
    return delphi.StopRule(**settings) if settings else None


def study_answers(study: Study) -> StudyAnswers:
    rounds = list(study.rounds.order_by("number"))
    members = list(study.memberships.order_by("pk").values_list("pk", "pseudonym"))
    technologies = list(study.technologies.order_by("code").values_list("pk", "code"))
    e_index = {pk: i for i, (pk, _p) in enumerate(members)}
    t_index = {pk: j for j, (pk, _c) in enumerate(technologies)}
    r_index = {r.pk: i for i, r in enumerate(rounds)}
    shape = (len(rounds), len(members), len(technologies))
    values = {q: np.full(shape, np.nan) for q in QUESTIONS}
    competence = np.full(shape, np.nan)
    barriers: list[dict[str, Counter]] = [{code: Counter() for _pk, code in technologies} for _r in rounds]
    rows = Answer.objects.filter(response__round__study=study).values_list(
        "response__round_id", "response__membership_id", "technology_id", *QUESTIONS, "competence", "barriers"
    )
    for round_id, member_id, tech_id, *answers, weight, named in rows:
        at = (r_index[round_id], e_index[member_id], t_index[tech_id])
        for q, v in zip(QUESTIONS, answers, strict=True):
            values[q][at] = v
        competence[at] = weight
        barriers[at[0]][technologies[at[2]][1]].update(named)
    return StudyAnswers(
        rounds=rounds,
        pseudonyms=[p for _pk, p in members],
        technologies=[code for _pk, code in technologies],
        values=values,
        competence=competence,
        barriers=barriers,
        weighted=study.weighted,
        stop_rule=stop_rule_of(study),
    )
