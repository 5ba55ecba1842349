"""The worker's lease (issue 8, background work: "a worker killed mid-task loses nothing"): a
RUNNING task whose worker stopped beating goes back to the queue with its history, a task of a live
worker or one just claimed is left alone, and a task stopped by a forced shutdown is queued again.
The kill -9 of a real worker process is in test_worker_crash.py."""

import datetime as dt
import signal

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from techpolicy.casework.models import WorkerHeartbeat
from techpolicy.casework.worker import reclaim_orphans
from tests.tasks import WORKER_ID, batch_worker, keeping_the_test_connection

from .background_support import harmless, stopped_by_force

pytestmark = pytest.mark.django_db


@pytest.fixture
def lease(settings):
    settings.TECHPOLICY_TASK_LEASE_SECONDS = 30
    return dt.timedelta(seconds=30)


def running(worker_id: str, started: dt.datetime) -> DBTaskResult:
    """A task claimed by `worker_id` at `started`."""
    result = harmless.enqueue().db_result
    DBTaskResult.objects.filter(pk=result.pk).update(status="RUNNING", started_at=started, worker_ids=[worker_id])
    return DBTaskResult.objects.get(pk=result.pk)


def test_the_task_of_a_worker_that_stopped_beating_is_run_by_another(lease, run_tasks):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="dead", beat_at=now - 2 * lease)
    task = running("dead", now - 2 * lease)
    assert reclaim_orphans() == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == "READY" and task.worker_ids == ["dead"]
    assert not WorkerHeartbeat.objects.filter(worker_id="dead").exists()
    assert run_tasks() == 1
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.return_value == "done"
    assert task.worker_ids == ["dead", WORKER_ID]  # the history is kept


def test_a_worker_that_never_beat_counts_as_dead(lease, run_tasks):
    task = running("stock-db-worker", timezone.now() - 2 * lease)
    assert run_tasks() == 1  # the batch worker reclaims before it claims
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"


def test_the_task_of_a_live_worker_is_left_alone(lease):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="busy", beat_at=now - lease / 2)
    task = running("busy", now - 10 * lease)  # a long task: its worker still beats
    assert reclaim_orphans() == []
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_task_claimed_within_the_lease_is_left_alone(lease):
    task = running("just-started", timezone.now() - lease / 2)  # its first beat may still be coming
    assert reclaim_orphans() == []
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_task_stopped_by_a_forced_shutdown_is_queued_again(lease):
    """Ctrl-C twice during a task: the worker stops at once, and the task goes back to READY instead
    of being recorded as failed, so another worker runs it."""
    result = stopped_by_force.enqueue().db_result
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    worker = batch_worker(max_tasks=1, worker_id="impatient")
    try:
        worker.configure_signals()
        with keeping_the_test_connection():
            worker.run()
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
    result.refresh_from_db()
    assert result.status == "READY" and result.worker_ids == ["impatient"] and not result.traceback
    assert not WorkerHeartbeat.objects.filter(worker_id="impatient").exists()


@pytest.mark.django_db(transaction=True)
def test_run_worker_in_batch_mode_runs_the_queue_and_leaves_no_heartbeat():
    results = [harmless.enqueue().db_result for _ in range(3)]
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("run_worker", "--batch", "--no-startup-delay", "--interval=0", "--worker-id=batch",
                     verbosity=0)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
    assert {DBTaskResult.objects.get(pk=r.pk).status for r in results} == {"SUCCESSFUL"}
    assert DBTaskResult.objects.get(pk=results[0].pk).worker_ids == ["batch"]
    assert not WorkerHeartbeat.objects.exists()
