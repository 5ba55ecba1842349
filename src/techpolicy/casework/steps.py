"""Guards and effects every service's workflow shares: a refusal that names the failed rules with
their citations in the user's language, a guard built from a law-layer evaluation, remarks and
their answers, and the dates an action's form carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext as _

from techpolicy.law.facts import InvalidFacts

from .models import Remark
from .workflow import Guard

LANGUAGES = ("kk", "ru", "en")


def current_language() -> str:
    """The active language, one of the site's three (Kazakh outside a request or when unknown)."""
    lang = translation.get_language() or "kk"
    return lang if lang in LANGUAGES else "kk"


def refusal(verdict) -> str:
    """The failed rules of a verdict, each with its citation, in the current language. A verdict
    that cannot be decided because the wording in force on its date is not in the source, or that
    fails because no rule was in force on its date, says so, with the verdict's notes."""
    text = " ".join(rule_refusal(r) for r in verdict.failed)
    if text:
        return text
    lang = current_language()
    notes = " ".join(n.get(lang, "") for n in verdict.notes)
    if verdict.outcome == "undetermined":
        return (_("Cannot be decided on %(date)s: the wording of the rules in force on that date is not in the "
                  "source document.") % {"date": verdict.on.isoformat()} + " " + notes).strip()
    return (_("The rules were not in force on %(date)s.") % {"date": verdict.on.isoformat()} + " " + notes).strip()


def rule_refusal(result) -> str:
    """One failed rule's reason with its citation, in the current language: "[paragraph] reason"."""
    lang = current_language()
    return f"[{result.citation.text(lang)}] {result.reason.get(lang, '')}"


def confirmed(case, actor, payload) -> tuple[bool, str]:
    """A guard: an irreversible action is taken only with its confirmation box ticked (the action's
    checkbox field `confirm`, which the case page sends as "on")."""
    if payload.get("confirm") == "on":
        return True, ""
    return False, _("Tick the confirmation: this action is final and cannot be undone.")


def posted_payload(action, data) -> dict:
    """The inputs an action's form posts (`data`, e.g. request.POST): its fields, and the
    confirmation box `confirm` of an action that states a consequence."""
    names = [f.name for f in action.fields] + (["confirm"] if action.consequence else [])
    return {name: str(data.get(name, "")).strip() for name in names}


def unconfirmed(action, payload: dict) -> str:
    """Why an action that states a consequence cannot be taken from this form ("" when it can): its
    "I understand" box was not ticked. Asked by every page that fires actions, so a forged post
    without the box is refused like a form sent without ticking it."""
    if action.consequence is None or payload.get("confirm") == "on":
        return ""
    return _("Tick “I understand” to confirm: %(consequence)s") % {"consequence": action.consequence}


def incomplete(exc: InvalidFacts) -> str:
    """Facts that cannot be evaluated, with the fields named."""
    return _("The application data are incomplete: %(errors)s") % {"errors": exc}


def verdict_guard(evaluate: Callable) -> Guard:
    """A guard that passes when `evaluate(case)` yields an eligible verdict; facts that cannot be
    evaluated refuse with the fields named, never an unhandled error."""

    def guard(case, actor, payload) -> tuple[bool, str]:
        try:
            verdict = evaluate(case)
        except InvalidFacts as exc:
            return False, incomplete(exc)
        return (True, "") if verdict.eligible else (False, refusal(verdict))

    return guard


def record_remark(case, actor, payload) -> None:
    """The action's reason becomes a remark the applicant answers when correcting the application."""
    Remark.objects.create(case=case, author=actor, text=payload["reason"])


def answer_remarks(case, actor, payload) -> None:
    """The applicant's answer closes every open remark (field `answer` of the action's form)."""
    answer = payload.get("answer", "")
    for remark in case.remarks.filter(answered_at=None):
        remark.answer = answer
        remark.answered_at = case.state_entered_at
        remark.save(update_fields=["answer", "answered_at"])


def payload_date(payload: dict, name: str) -> dt.date | None:
    """A date field of an action's form, or None when it is missing or not a date."""
    try:
        return dt.date.fromisoformat(str(payload.get(name, "")).strip())
    except ValueError:
        return None
