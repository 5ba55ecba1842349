"""The background worker: django-tasks-db's `Worker` with a lease on the tasks it runs.

Why: the stock worker marks a task RUNNING when it claims it and never looks at it again, so a
task whose worker was killed (kill -9, a lost machine, an out-of-memory kill) stays RUNNING for
ever and its work is lost. Here each worker writes a heartbeat (`WorkerHeartbeat`) every third
of the lease (TECHPOLICY_TASK_LEASE_SECONDS) from a daemon thread, and before it claims tasks —
and then with every heartbeat — it puts back to READY every RUNNING task whose last worker has
not beaten within the lease; the next worker to claim it appends its id to `worker_ids`, so the
history stays. Tasks are idempotent (`casework.tasks`), so a task run twice does no harm.

A task stopped by a forced shutdown (a second Ctrl-C) goes back to the queue instead of being
recorded as failed. Workers of the stock `db_worker` command write no heartbeat, so their tasks
would be taken from them: run only `manage.py run_worker`."""

from __future__ import annotations

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .models import WorkerHeartbeat

logger = logging.getLogger("techpolicy.worker")

RUNNING, READY, FAILED = "RUNNING", "READY", "FAILED"
# Old jobs and their files are removed this often by a running worker (`casework.jobs.prune`).
PRUNE_EVERY = dt.timedelta(hours=1)


def lease() -> dt.timedelta:
    return dt.timedelta(seconds=settings.TECHPOLICY_TASK_LEASE_SECONDS)


def beat(worker_id: str) -> None:
    now = timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        WorkerHeartbeat.objects.get_or_create(worker_id=worker_id, defaults={"beat_at": now})


def reclaim_orphans(now: dt.datetime | None = None) -> list[str]:
    """Put back to READY every RUNNING task whose last worker has no heartbeat within the lease;
    the ids of the tasks put back."""
    cutoff = (now or timezone.now()) - lease()
    reclaimed = []
    with exclusive_transaction(DBTaskResult.objects.db):
        alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True))
        # A task claimed within the lease is never taken: its worker may not have beaten yet.
        running = DBTaskResult.objects.running().filter(started_at__lt=cutoff).select_for_update(skip_locked=True)
        for result in running:
            last = result.worker_ids[-1] if result.worker_ids else None
            if last in alive:
                continue
            result.status = READY
            result.save(update_fields=["status"])
            reclaimed.append(str(result.pk))
            logger.warning("task %s (%s) of worker %s that stopped beating is queued again",
                           result.pk, result.task_path, last)
        WorkerHeartbeat.objects.filter(beat_at__lt=cutoff).delete()
    return reclaimed


class LeasedWorker(Worker):
    """`Worker` that beats, reclaims the tasks of dead workers and requeues a task it was forced to
    stop. `heartbeat_thread=False` beats from the worker's own loop only (before and after each
    task): for a batch run inside one database connection, as the tests do."""

    def __init__(self, *, heartbeat_thread: bool = True, **options):
        super().__init__(**options)
        self.heartbeat_thread = heartbeat_thread
        self._stop = threading.Event()
        self._forced = False
        self._pruned_at: dt.datetime | None = None

    def run(self) -> None:
        self._housekeeping()
        thread = None
        if self.heartbeat_thread:
            thread = threading.Thread(target=self._beat_forever, name=f"heartbeat-{self.worker_id}", daemon=True)
            thread.start()
        try:
            super().run()
        finally:
            self._stop.set()
            if thread is not None:
                thread.join(timeout=5)
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()

    def _housekeeping(self) -> None:
        beat(self.worker_id)
        reclaim_orphans()
        now = timezone.now()
        if self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY:
            from .jobs import prune

            prune(now)
            self._pruned_at = now

    def _beat_forever(self) -> None:
        """The heartbeat thread, on its own database connection."""
        interval = max(lease().total_seconds() / 3, 0.1)
        try:
            while not self._stop.wait(interval):
                close_old_connections()
                try:
                    self._housekeeping()
                except Exception:  # a missed beat is retried at the next one; the lease allows two
                    logger.exception("heartbeat of worker %s failed", self.worker_id)
        finally:
            connection.close()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        if not self.heartbeat_thread:
            beat(self.worker_id)
        super().run_task(db_task_result)
        if self._forced and db_task_result.status == FAILED:
            # Stopped by force in the middle, not failed: back to the queue, for this or another worker.
            with transaction.atomic():
                DBTaskResult.objects.filter(pk=db_task_result.pk).update(
                    status=READY, finished_at=None, exception_class_path="", traceback="")
            logger.warning("task %s was stopped by force and is queued again", db_task_result.pk)
        if not self.heartbeat_thread:
            beat(self.worker_id)

    def shutdown(self, signum, frame) -> None:
        if not self.running:
            self._forced = True  # the second signal: the parent raises SystemExit inside the task
        super().shutdown(signum, frame)
