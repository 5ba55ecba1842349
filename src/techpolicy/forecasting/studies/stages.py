"""The stages of a study as data (paragraph 9: preparatory, main, final; then the HSTC) and the one
way to move between them: `advance`, which locks the study, checks the version the user saw,
asks the guard, runs the effect and writes the stage log. `lock_study` is that lock and version
check, for every change of a study's own fields (`edit_study`, the analysis settings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.casework.law_context import parameters, today
from techpolicy.casework.numbering import last_in_use, next_sequence
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act000_methodology.forecasting import MAIN_STAGE, cite
from techpolicy.law.citation import Citation
from techpolicy.law.rules import Verdict

from .errors import StudyError, cited, full_clean, stale_study
from .models import Comment, Membership, StageChange, Study
from .models.discussion import HIDDEN
from .models.panel import ACCEPTED
from .models.study import APPROVED, FINAL, MAIN, PREPARATORY, SUBMITTED

# The Delphi method has "two or more" rounds; the methodology itself numbers none.
MIN_DELPHI_ROUNDS = 2


def study_facts(study: Study) -> dict[str, Any]:
    """The facts paragraphs 7 and 10(1) read: covered sectors, the engaged experts, the methods."""
    members = Membership.objects.filter(study=study).select_related("expert")
    return {
        "covered_sectors": list(study.covered_sectors),
        "experts": [
            {
                "country": m.expert.country,
                "fields": list(m.expert.fields),
                "experience_years": m.expert.experience_years,
                "engaged": m.status == ACCEPTED,
            }
            for m in members
        ],
        "methods": list(study.methods),
    }


def main_stage_verdict(study: Study, on: dt.date | None = None) -> Verdict:
    """May the study start its main stage on `on` (default today)? Paragraphs 7 and 10(1) decide."""
    return MAIN_STAGE.evaluate(study_facts(study), on or today(), parameters())


def _guard_main(study: Study, payload: dict) -> dict[str, Any]:
    lang = current_language()
    verdict = main_stage_verdict(study)
    if not verdict.eligible:
        reasons = "; ".join(f"{r.citation.text(lang)}: {r.reason.get(lang, '')}" for r in verdict.failed)
        raise StudyError(_("The main stage cannot start. %(reasons)s") % {"reasons": reasons},
                         verdict=verdict.as_dict(lang))
    return verdict.as_dict(lang)


def _guard_final(study: Study, payload: dict) -> None:
    if study.rounds.filter(closed_at=None).exists():
        raise StudyError(_("Close the open Delphi round first: experts are still answering it."))
    closed = study.rounds.exclude(closed_at=None).count()
    if "foresight" in study.methods and closed < MIN_DELPHI_ROUNDS:
        raise StudyError(
            _("The foresight method (%(citation)s) needs at least %(n)d closed survey rounds; %(closed)d closed.")
            % {"citation": cited("8", "2"), "n": MIN_DELPHI_ROUNDS, "closed": closed}
        )


def _guard_submit(study: Study, payload: dict) -> None:
    from .discussion import latest_draft  # discussion builds on the stages, not the other way round

    draft = latest_draft(study)
    if draft is None:
        raise StudyError(_("Publish the draft results for public discussion first (%(citation)s).")
                         % {"citation": cited("12", "2")})
    if draft.discussion_closes_on >= timezone.localdate():
        raise StudyError(_("The public discussion is open until %(date)s (%(citation)s).")
                         % {"date": draft.discussion_closes_on.isoformat(), "citation": cited("12", "2")})
    # A comment an analyst hid (abuse, spam) carries the reason for hiding instead of a response.
    unanswered = Comment.objects.filter(draft__study=study, resolution="").exclude(moderation=HIDDEN).count()
    if unanswered:
        raise StudyError(_("%(n)d comments of the public discussion have no recorded response (%(citation)s).")
                         % {"n": unanswered, "citation": cited("12", "2")})


def _approve(study: Study, payload: dict, actor) -> dict[str, Any]:
    from .approval import record_approval  # the effect lives with the reference list it writes

    return record_approval(study, actor, **payload)


@dataclass(frozen=True)
class StageAction:
    id: str
    source: str
    target: str
    label: str
    citation: Citation
    guard: Callable[[Study, dict], dict | None] | None = None
    effect: Callable[[Study, dict, Any], dict | None] | None = None
    fields: tuple[str, ...] = ()  # payload the action needs


ACTIONS: tuple[StageAction, ...] = (
    StageAction("start_main", PREPARATORY, MAIN, gettext_lazy("Start the main stage"), cite("11"), _guard_main),
    StageAction("start_final", MAIN, FINAL, gettext_lazy("Start the final stage"), cite("12"), _guard_final),
    StageAction("submit_hstc", FINAL, SUBMITTED, gettext_lazy("Submit the results to the HSTC"), cite("12", "4"),
                _guard_submit),
    StageAction("approve", SUBMITTED, APPROVED, gettext_lazy("Record the approved list of key technologies"),
                cite("13", "1"), effect=_approve, fields=("in_force_from", "decision")),
)


def action(action_id: str) -> StageAction:
    for a in ACTIONS:
        if a.id == action_id:
            return a
    raise StudyError(_("Unknown action: %(action)s") % {"action": action_id}, field="action")


def actions_from(stage: str) -> list[StageAction]:
    return [a for a in ACTIONS if a.source == stage]


def advance(study: Study, action_id: str, actor, *, version: int | None, reason: str = "", **payload) -> Study:
    """Fire a stage action. Refusals raise StudyError; a stale `version` (someone else acted first)
    is refused with status 409 and nothing changes."""
    step = action(action_id)
    with transaction.atomic():
        locked = lock_study(study, version)
        if locked.stage != step.source:
            raise StudyError(_("The study is not at the stage this action starts from."), status=409)
        missing = [f for f in step.fields if payload.get(f) in (None, "")]
        if missing:
            raise StudyError(_("This field is required."), field=missing[0])
        verdict = step.guard(locked, payload) if step.guard else None
        effect = step.effect(locked, payload, actor) if step.effect else None
        StageChange.objects.create(study=locked, from_stage=locked.stage, to_stage=step.target, actor=actor,
                                   reason=reason, verdict=verdict, payload=effect or {})
        locked.stage = step.target
        locked.version += 1
        locked.save(update_fields=["stage", "version", "updated_at"])
    return locked


def lock_study(study: Study, version: int | None) -> Study:
    """The study's row, locked until the surrounding transaction ends; a `version` other than the
    stored one (someone else changed the study since the user loaded it) is refused with 409.
    A caller that changes the study saves it with `version` + 1."""
    locked = Study.objects.select_for_update().get(pk=study.pk)
    if version is not None and locked.version != version:
        raise stale_study()
    return locked


EDITABLE = ("title", "direction", "covered_sectors", "horizon_year", "organising_body", "methods", "weighted",
            "stop_rule")


@transaction.atomic
def edit_study(study: Study, fields: dict[str, Any], *, version: int | None) -> Study:
    """Change the study's description (`EDITABLE` fields only, never its stage) from the `version` the
    user saw; a stale version is refused with 409 and nothing changes."""
    locked = lock_study(study, version)
    for name in EDITABLE:
        if name in fields:
            setattr(locked, name, fields[name])
    full_clean(locked)
    locked.version += 1
    locked.save(update_fields=[*(name for name in EDITABLE if name in fields), "version", "updated_at"])
    return locked


@transaction.atomic
def create_study(actor, **fields) -> Study:
    """A new study in the preparatory stage, numbered FS-<year>-<n>."""
    year = timezone.localdate().year
    prefix = f"FS-{year}-"
    # One counter row per year hands out the numbers (casework.numbering): reading the last number
    # and adding one let two analysts creating studies at once collide on the same number.
    n = next_sequence("FS", year,
                      in_use=lambda: last_in_use(Study.objects.filter(number__startswith=prefix)
                                                 .values_list("number", flat=True)),
                      taken=lambda k: Study.objects.filter(number=f"{prefix}{k:04d}").exists())
    study = Study(number=f"{prefix}{n:04d}", created_by=actor, **fields)
    study.full_clean()
    study.save()
    StageChange.objects.create(study=study, from_stage="", to_stage=PREPARATORY, actor=actor, reason="")
    return study
