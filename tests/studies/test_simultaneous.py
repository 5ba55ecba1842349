"""Two people acting on one study at the same moment (seed 000 p.8(2) rounds, p.9 stages), in real
threads on separate database connections: the row locks and the unique constraint let exactly one
of them through, the other gets a clear 409, and nothing is half-saved.

PostgreSQL only: the test database of SQLite is an in-memory database with a shared cache, where a
second writer is refused with "database table is locked" instead of waiting, so these races cannot
be staged there. CI runs the suite against PostgreSQL as well."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from techpolicy.casework.law_context import today
from techpolicy.forecasting.studies import questionnaire, stages
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import Answer, Response, StageChange

from .test_questionnaire import sheet

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are staged on PostgreSQL only"),
]


def at_once(*calls):
    """Run every call in its own thread, released together; the outcome of each: its result or StudyError."""
    start = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            with translation.override("en"):
                start.wait()
                outcomes[i] = call()
        except StudyError as refused:
            outcomes[i] = refused
        finally:
            connections.close_all()  # this thread's connection, so the test database can be dropped

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def refusals(outcomes):
    return [o for o in outcomes if isinstance(o, StudyError)]


def test_p8_2_the_same_expert_submitting_twice_at_once_is_recorded_once(main_stage_study, analyst, panel_members):
    round_ = questionnaire.open_round(main_stage_study, analyst, today() + dt.timedelta(days=7))
    membership = panel_members[0][0]
    outcomes = at_once(lambda: questionnaire.submit(round_, membership, sheet(importance=2), "en"),
                       lambda: questionnaire.submit(round_, membership, sheet(importance=5), "en"))
    [refused] = refusals(outcomes)
    assert refused.status == 409 and "already answered this round" in refused.message
    [response] = Response.objects.all()
    kept = {o for o in outcomes if not isinstance(o, StudyError)}.pop()
    assert response.pk == kept.pk
    # One whole answer sheet, from one of the two submissions, never a mixture.
    assert Answer.objects.filter(response=response).count() == 3
    assert Answer.objects.values_list("importance", flat=True).distinct().count() == 1


def test_p8_2_an_answer_racing_the_closing_of_the_round_is_either_in_or_refused(main_stage_study, analyst,
                                                                                panel_members):
    round_ = questionnaire.open_round(main_stage_study, analyst, today() + dt.timedelta(days=7))
    submitted, closed = at_once(lambda: questionnaire.submit(round_, panel_members[0][0], sheet(), "en"),
                                lambda: questionnaire.close_round(round_, analyst))
    assert not isinstance(closed, StudyError)
    round_.refresh_from_db()
    assert round_.closed_at is not None
    if isinstance(submitted, StudyError):  # the round closed first: refused, nothing stored
        assert submitted.status == 409 and "closed on" in submitted.message
        assert not Response.objects.exists()
    else:  # the answer came first: it counts, stored before the round closed
        assert submitted.submitted_at <= round_.closed_at
        assert Answer.objects.filter(response=submitted).count() == 3


def test_p9_two_analysts_moving_the_study_at_once_move_it_once(study, analyst, panel_members):
    version = study.version
    outcomes = at_once(*[lambda: stages.advance(study, "start_main", analyst, version=version)] * 2)
    [refused] = refusals(outcomes)
    assert refused.status == 409
    study.refresh_from_db()
    assert (study.stage, study.version) == (stages.MAIN, version + 1)
    assert StageChange.objects.filter(study=study, to_stage=stages.MAIN).count() == 1


def test_p9_an_edit_racing_a_stage_change_never_undoes_it(study, analyst, panel_members):
    version = study.version
    edited, moved = at_once(lambda: stages.edit_study(study, {"title": "Renamed"}, version=version),
                            lambda: stages.advance(study, "start_main", analyst, version=version))
    [refused] = refusals([edited, moved])
    assert refused.status == 409
    study.refresh_from_db()
    assert study.version == version + 1
    if refused is edited:  # the stage moved first: the stale edit changed nothing
        assert (study.stage, study.title) == (stages.MAIN, "Digital agriculture 2040")
    else:  # the edit came first: the stage action saw a stale version
        assert (study.stage, study.title) == (stages.PREPARATORY, "Renamed")
