"""Stages of a forecast study (000 p.9) and the criteria of paragraph 7 and 10(1) that guard the main stage."""

import pytest

from techpolicy.forecasting.studies import stages
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import StageChange

from .conftest import make_expert


def test_new_study_is_numbered_and_starts_preparatory(study):
    assert study.number.startswith("FS-")
    assert study.stage == "preparatory"
    assert list(study.stage_changes.values_list("to_stage", flat=True)) == ["preparatory"]


def test_p7_1_main_stage_refused_without_experts(study, analyst):
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "start_main", analyst, version=study.version)
    failed = {r["rule"] for r in refused.value.verdict["rules"] if not r["passed"]}
    assert failed == {"000.p7.1", "000.p10.1"}
    assert "7-тармақ, 1) тармақша" in refused.value.message  # the refusal cites the paragraph, in Kazakh
    study.refresh_from_db()
    assert study.stage == "preparatory"


def test_p10_1_domestic_experts_only_is_refused(study, analyst):
    make_expert(study, analyst, "a@example.kz", "KZ")
    make_expert(study, analyst, "b@example.kz", "KZ")
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "start_main", analyst, version=study.version)
    failed = [r for r in refused.value.verdict["rules"] if not r["passed"]]
    assert [r["rule"] for r in failed] == ["000.p10.1"]
    assert "шетелдік" in failed[0]["reason"]


def test_p10_1_foreign_expert_without_declared_experience_does_not_count(study, analyst):
    make_expert(study, analyst, "a@example.kz", "KZ")
    make_expert(study, analyst, "b@example.de", "DE", years=None)
    with pytest.raises(StudyError):
        stages.advance(study, "start_main", analyst, version=study.version)


def test_p7_1_invited_but_not_accepted_expert_is_not_engaged(study, analyst):
    make_expert(study, analyst, "a@example.kz", "KZ")
    make_expert(study, analyst, "b@example.de", "DE", accept=False)
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "start_main", analyst, version=study.version)
    assert "000.p10.1" in {r["rule"] for r in refused.value.verdict["rules"] if not r["passed"]}


def test_p7_1_every_covered_sector_needs_an_expert(study, analyst):
    make_expert(study, analyst, "a@example.kz", "KZ", fields=("Agriculture",))
    make_expert(study, analyst, "b@example.de", "DE", fields=("Agriculture",))
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "start_main", analyst, version=study.version)
    reasons = [r["reason"] for r in refused.value.verdict["rules"] if not r["passed"]]
    assert reasons == ["Мына салалар бойынша тартылған сарапшы жоқ: ICT"]


def test_p7_2_a_method_must_be_chosen(study, analyst, panel_members):
    study.methods = []
    study.save()
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "start_main", analyst, version=study.version)
    assert [r["rule"] for r in refused.value.verdict["rules"] if not r["passed"]] == ["000.p7.2"]


def test_p7_main_stage_starts_with_domestic_and_foreign_experts(study, analyst, panel_members):
    moved = stages.advance(study, "start_main", analyst, version=study.version, reason="groups formed")
    assert moved.stage == "main"
    change = StageChange.objects.filter(study=study).last()
    assert change.to_stage == "main" and change.reason == "groups formed"
    assert all(r["passed"] for r in change.verdict["rules"])


def test_stale_version_is_refused_and_nothing_changes(study, analyst, panel_members):
    stages.advance(study, "start_main", analyst, version=study.version)
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "start_final", analyst, version=study.version)  # the version read before
    assert refused.value.status == 409
    study.refresh_from_db()
    assert study.stage == "main"


def test_final_stage_needs_two_closed_rounds_for_foresight(main_stage_study, analyst):
    with pytest.raises(StudyError) as refused:
        stages.advance(main_stage_study, "start_final", analyst, version=main_stage_study.version)
    assert "8-тармақ, 2) тармақша" in refused.value.message


def test_unknown_action_is_a_clear_error(study, analyst):
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "jump", analyst, version=study.version)
    assert refused.value.field == "action"
