"""The one error type of study actions: a message for the user, and the citation or verdict behind it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act000_methodology.forecasting import cite


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


def cited(paragraph: str, sub: str | None = None) -> str:
    """Paragraph `paragraph`(`sub`) of seed 000 as a refusal names it, in the current language."""
    return cite(paragraph, sub).text(current_language())


def stale_study() -> StudyError:
    """The refusal when someone else changed the study since the user loaded it (409)."""
    return StudyError(_("Someone else changed this study meanwhile; reload the page and try again."), status=409)


def full_clean(record, **options) -> None:
    """`record.full_clean(**options)`, its first error raised as a StudyError naming the field."""
    try:
        record.full_clean(**options)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise StudyError(messages[0], field=field) from None
