"""A file kind for the progress tests: its render notes three steps, and between them looks at
what the status page shows (module level, so that the worker finds the kind)."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from techpolicy.casework import jobs
from techpolicy.casework.jobs import FileKind, Rendered, register

STEP = gettext_noop("Laying out the pages")  # a step text the catalogues translate
SEEN: list = []  # what `look` returned at each step
LOOK: dict = {}  # "look": a callable the test sets, called with the job id after each note


def render_steps(job_id_hint: str) -> Rendered:
    for done in range(3):
        jobs.progress(done, 3, STEP)
        if "look" in LOOK:
            SEEN.append(LOOK["look"]())
    return Rendered(b"done", "text/plain", "steps.txt")


STEPS = register(FileKind("test-steps", "Test steps", render_steps, lambda user, job: (True, ""),
                          back=lambda job, user: "/"))
