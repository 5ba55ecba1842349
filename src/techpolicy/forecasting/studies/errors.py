"""The one error type of study actions: a message for the user, and the citation or verdict behind it."""

from __future__ import annotations

from typing import Any


class StudyError(Exception):
    """An action refused or invalid. `field` names the input at fault when there is one; `verdict`
    holds the law layer's verdict (with the paragraphs that refused) when the law refused."""

    def __init__(self, message: str, *, field: str | None = None, verdict: dict[str, Any] | None = None,
                 status: int = 400):
        super().__init__(message)
        self.message = message
        self.field = field
        self.verdict = verdict
        self.status = status

    def as_dict(self) -> dict[str, Any]:
        return {"error": self.message, "field": self.field, "verdict": self.verdict}
