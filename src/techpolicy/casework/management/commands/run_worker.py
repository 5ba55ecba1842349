"""`manage.py run_worker`: the background worker (django-tasks-db's worker with leases, see
`casework.worker`). Takes the options of `db_worker` (--batch, --interval, --max-tasks, ...)."""

import os
import socket

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from techpolicy.casework.worker import LeasedWorker


class Command(DBWorkerCommand):
    help = ("Run the background worker: notifications, certificate PDFs, reports, what-if runs. "
            "A task whose worker died is run again by another.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Host and process in the id, so an operator can tell from a task's worker_ids where it ran.
        parser.set_defaults(worker_id=f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}")

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, **options):
        # The same options and start-up as db_worker's own handle, with the leased worker.
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = LeasedWorker(queue_names=queue_names, interval=interval, batch=batch, backend_name=backend_name,
                              startup_delay=startup_delay, max_tasks=max_tasks, worker_id=worker_id[:64],
                              excluded_queue_names=excluded)
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child that runs the worker handles the signals
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
