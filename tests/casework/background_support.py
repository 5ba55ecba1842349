"""Test-only pieces for the background-work tests: a file kind whose render the test controls, and
tasks the worker tests run (module level, as the task API requires)."""

from __future__ import annotations

import os
import signal

from django.utils.translation import gettext_noop
from django_tasks import task

from techpolicy.casework.jobs import FileKind, Rendered, RenderError, register

# A message the catalogues already translate, so a test can see the reason shown translated.
REFUSAL = gettext_noop("This case belongs to another organisation.")
RENDERS: list[str] = []  # the texts rendered in this process
CRASHES = {"left": 0}  # how many renders raise an unexpected error before one succeeds


def render_note(text: str, owner: str, outcome: str = "ok") -> Rendered:
    RENDERS.append(text)
    if outcome == "refuse":
        raise RenderError(REFUSAL)
    if CRASHES["left"] > 0:
        CRASHES["left"] -= 1
        raise RuntimeError("the renderer broke")
    return Rendered(text.encode(), "text/plain", f"note-{owner}.txt")


def may_have_note(user, job) -> tuple[bool, str]:
    if getattr(user, "username", None) == job.args[1]:
        return True, ""
    return False, "This note belongs to someone else."


NOTE = register(FileKind("test-note", "Test note", render_note, may_have_note, back=lambda job, user: "/"))


@task()
def stopped_by_force() -> str:
    """Sends this process the two interrupts of an impatient operator (Ctrl-C twice) mid-task."""
    os.kill(os.getpid(), signal.SIGINT)
    os.kill(os.getpid(), signal.SIGINT)
    return "not reached"


@task()
def harmless() -> str:
    return "done"
