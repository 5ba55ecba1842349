"""Rules, their evaluation, and the Verdict that explains it.

A `Rule` stands for one paragraph or sub-paragraph: an id, its citation, the dates it is in
force, what it requires and why it refuses (in kk/ru/en), and a predicate over typed facts. The
predicate receives a `Context` through which it reads parameters and the calendar, so the
verdict can list every parameter value it used with its date and citation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from . import display
from .calendar import WorkingCalendar
from .citation import LANGUAGES, Citation
from .parameters import ParameterError, ParameterNotInForce, ParameterNotSet, Parameters, ParameterValue

Messages = dict[str, str]  # language -> text; a failure text may hold {placeholders}


@dataclass(frozen=True)
class Outcome:
    """What a predicate returns: passed or not, and the details its messages and trace show."""

    passed: bool
    details: dict[str, Any] = field(default_factory=dict)


def ok(**details: Any) -> Outcome:
    return Outcome(True, details)


def fail(**details: Any) -> Outcome:
    return Outcome(False, details)


@dataclass(frozen=True)
class InForce:
    """When a rule is in force. The start may hang on a date parameter the source leaves unset
    (e.g. "in force ten calendar days after first official publication"): then `earliest` is the
    bound that is known for certain, and evaluation after it carries a note.

    The end works the same way, symmetrically: `end_parameter` (+ `end_offset_days`) is the
    date the repealing act takes effect, and while it is unset `end_earliest` is the earliest
    date the repeal can have taken effect. From that date on the rule is treated as ended, with
    a note, until an administrator sets the parameter (a set parameter always wins).

    `replaces` is the in-force of the earlier wording a new wording of a paragraph replaced, when
    the source holds only the new one ("in the new wording of Order No. ..."). On a date the
    earlier wording was in force and the new one not yet, the status is "wording_not_in_source":
    the law of that date exists but cannot be read from the source, so no verdict may be given
    from the new text (nor may the rule be skipped as if nothing were in force)."""

    start: dt.date | None = None
    end: dt.date | None = None  # exclusive
    start_parameter: str | None = None
    start_offset_days: int = 0
    earliest: dt.date | None = None
    end_parameter: str | None = None
    end_offset_days: int = 0
    end_earliest: dt.date | None = None  # exclusive, like `end`
    replaces: InForce | None = None  # the earlier wording, which the source does not hold

    def start_on(self, ctx: Context) -> tuple[dt.date | None, str | None]:
        """The first day of force and, when it is only the certain lower bound, the unset start
        parameter it stands for."""
        if self.start_parameter:
            try:
                published = ctx.param(self.start_parameter)
                return published + dt.timedelta(days=self.start_offset_days), None
            except (ParameterNotSet, ParameterNotInForce):
                # Not set by the source, or asked about a date before the parameter exists:
                # either way only the certain lower bound is known.
                return self.earliest, self.start_parameter
        return self.start, None

    def status(self, on: dt.date, ctx: Context) -> tuple[str, str | None]:
        """("in_force" | "not_yet" | "ended" | "wording_not_in_source", note).

        The note names the unset parameter whose certain bound was used: with "in_force" and
        "wording_not_in_source" it is the start parameter, with "ended" the end parameter."""
        end, end_note = self.end, None
        if self.end_parameter:
            try:
                repeal_published = ctx.param(self.end_parameter)
                end = repeal_published + dt.timedelta(days=self.end_offset_days)
            except (ParameterNotSet, ParameterNotInForce):
                end = self.end_earliest
                end_note = self.end_parameter
        if end and on >= end:
            return "ended", end_note
        start, note = self.start_on(ctx)
        if start and on < start:
            if self.replaces is not None and self.replaces.status(on, ctx)[0] == "in_force":
                return "wording_not_in_source", note
            return "not_yet", None
        return "in_force", note


ALWAYS = InForce()


class Context:
    """What a predicate may read besides the facts: the date, parameters and the calendar."""

    def __init__(
        self,
        on: dt.date,
        parameters: Parameters,
        calendar: WorkingCalendar,
        reference: dict[str, Any] | None = None,
    ):
        self.on = on
        self.parameters = parameters
        self.calendar = calendar
        # Reference lists the rules consult (e.g. the priority ICT activity types), passed in by
        # the caller because administrators maintain them outside the law layer.
        self.reference = reference or {}
        self.missing: dict[tuple[str, dt.date], ParameterError] = {}
        self.read: dict[tuple[str, dt.date], ParameterValue] = {}

    def param(self, name: str, on: dt.date | None = None) -> Any:
        key = (name, on or self.on)
        if key in self.missing:
            # Every rule of an act may ask for the same unset date (e.g. a publication date the source
            # does not give): answer from the first failed lookup instead of searching again.
            raise self.missing[key]
        try:
            value = self.parameters.get(name, key[1])
        except ParameterError as exc:
            self.missing[key] = exc
            raise
        self.read[(name, value.start)] = value
        return value.value


@dataclass(frozen=True)
class Rule:
    id: str
    citation: Citation
    requirement: Messages
    failure: Messages
    check: Callable[[Any, Context], Outcome | bool]
    in_force: InForce = ALWAYS
    applies: Callable[[Any], bool] | None = None  # None: always applies


def wording(in_force: InForce) -> Callable[..., Rule]:
    """The rule constructor of one wording of an act: `rule(id, citation, requirement, failure,
    check, applies=None)` with the wording's dates in force, so an act's rules cannot drift apart."""

    def rule(
        rule_id: str,
        citation: Citation,
        requirement: Messages,
        failure: Messages,
        check: Callable[[Any, Context], Outcome | bool],
        applies: Callable[[Any], bool] | None = None,
    ) -> Rule:
        return Rule(rule_id, citation, requirement, failure, check, in_force, applies)

    return rule


class _Reads:
    """The facts as one rule sees them, noting the path of every fact it reads ("applicant.name"),
    so a verdict can show each rule beside the facts that decided it. Nested models are watched
    too; lists and plain values are handed over as they are (their path is noted once)."""

    __slots__ = ("_facts", "_path", "_log")

    def __init__(self, facts: Any, path: str, log: dict[str, None]):
        object.__setattr__(self, "_facts", facts)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_log", log)

    @property  # isinstance() and type checks of a rule see the facts' own model
    def __class__(self):
        return type(self._facts)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._facts, name)
        if name.startswith("_") or callable(value):  # methods and internals are no facts
            return value
        path = f"{self._path}.{name}" if self._path else name
        self._log[path] = None
        return _Reads(value, path, self._log) if isinstance(value, BaseModel) else value


def facts_read(paths: dict[str, None]) -> tuple[str, ...]:
    """The paths read, without those another read path goes deeper into ("applicant" when
    "applicant.name" was read)."""
    return tuple(p for p in paths if not any(q.startswith(p + ".") for q in paths))


@dataclass(frozen=True)
class RuleResult:
    rule_id: str
    citation: Citation
    status: str  # "passed" | "failed" | "not_applicable" | "not_in_force" | "wording_not_in_source"
    requirement: Messages
    reason: Messages  # empty unless failed
    details: dict[str, Any]
    facts: tuple[str, ...] = ()  # paths of the facts the rule read ("applicant.legal_form")

    @property
    def passed(self) -> bool:
        # A rule whose wording on the date is not in the source neither passed nor failed.
        return self.status not in ("failed", "wording_not_in_source")

    def as_dict(self, lang: str | None = None) -> dict:
        def pick(messages: Messages):
            return messages.get(lang, "") if lang else messages

        return {
            "rule": self.rule_id,
            "status": self.status,
            "passed": self.passed,
            "requirement": pick(self.requirement),
            "reason": pick(self.reason) if self.reason else None,
            "citation": self.citation.as_dict(lang or "en"),
            "details": _jsonable(self.details),
            "facts": list(self.facts),
        }


@dataclass(frozen=True)
class Verdict:
    subject: str
    on: dt.date
    # "eligible" | "not_eligible" | "not_in_force" | "undetermined" (a rule's wording on the date
    # is not in the source and nothing else refuses); only "eligible" is eligible.
    outcome: str
    results: tuple[RuleResult, ...]
    parameters_read: tuple[ParameterValue, ...]
    notes: tuple[Messages, ...] = ()

    @property
    def eligible(self) -> bool:
        return self.outcome == "eligible"

    @property
    def failed(self) -> list[RuleResult]:
        return [r for r in self.results if r.status == "failed"]

    def as_dict(self, lang: str | None = None) -> dict:
        """JSON-ready; with `lang` the texts are in that language, without it in all three."""
        return {
            "subject": self.subject,
            "on": self.on.isoformat(),
            "outcome": self.outcome,
            "eligible": self.eligible,
            "rules": [r.as_dict(lang) for r in self.results],
            "parameters": [p.as_dict(lang or "en") for p in self.parameters_read],
            "notes": [n.get(lang, "") if lang else n for n in self.notes],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)  # Decimal, date


def render(messages: Messages, details: dict[str, Any]) -> Messages:
    """`messages` filled in with `details`; a detail that is itself a text in each language (a
    Messages mapping, such as a kind's name) is filled in in the language of each message."""
    flat = {k: _jsonable(v) for k, v in details.items()}

    def in_language(lang: str) -> dict[str, Any]:
        return {k: v[lang] if isinstance(v, dict) and lang in v else v for k, v in flat.items()}

    return {lang: messages[lang].format(**in_language(lang)) for lang in LANGUAGES if lang in messages}


NOT_IN_FORCE_NOTE: Messages = {
    "kk": "Ереже мәтінінің қолданысқа енгізілген күні бастапқы құжатта көрсетілмеген ({parameter}); "
    "өзгертілген редакция {earliest} күнінен бастап қолданылады деп есептелді.",
    "ru": "Дата вступления редакции в силу не установлена исходным документом ({parameter}); "
    "изменённая редакция применена начиная с {earliest}.",
    "en": "The date the wording took effect is not set by the source document ({parameter}); "
    "the amended wording is applied from {earliest}, the earliest date it can have taken effect.",
}


ENDED_NOTE: Messages = {
    "kk": "Күшін жою туралы актінің қолданысқа енгізілген күні бастапқы құжатта көрсетілмеген ({parameter}); "
    "мәтін {earliest} күнінен бастап, яғни ең ерте мүмкін күннен бастап күшін жойған деп есептелді.",
    "ru": "Дата вступления в силу акта об утрате силы не установлена исходным документом ({parameter}); "
    "текст считается утратившим силу с {earliest}, самой ранней возможной даты.",
    "en": "The date the repealing act took effect is not set by the source document ({parameter}); "
    "the text is treated as repealed from {earliest}, the earliest date the repeal can have taken effect.",
}


WORDING_NOT_IN_SOURCE_NOTE: Messages = {
    "kk": "Бастапқы құжатта {on} күні қолданыста болған редакция жоқ ({paragraph}): құжатта тек "
    "{start} күнінен бастап қолданылатын кейінгі редакциясы ғана берілген, сондықтан бұл күнге "
    "шешім шығару мүмкін емес.",
    "ru": "Редакция, действовавшая на {on} ({paragraph}), в исходном документе отсутствует: документ "
    "содержит только более позднюю редакцию, действующую с {start}, поэтому решение на эту дату "
    "вынести нельзя.",
    "en": "The wording in force on {on} ({paragraph}) is not in the source document: the source holds "
    "only the later wording, in force from {start}, so no decision can be given for that date.",
}


def wording_note(rule: Rule, on: dt.date, start: dt.date | None) -> Messages:
    """The note of a rule whose wording in force on `on` the source does not hold."""
    return {
        lang: WORDING_NOT_IN_SOURCE_NOTE[lang].format(
            on=on.isoformat(), paragraph=rule.citation.text(lang), start=start.isoformat() if start else "?"
        )
        for lang in LANGUAGES
    }


def _outcome(results: Sequence[RuleResult]) -> str:
    statuses = {r.status for r in results}
    if results and statuses == {"not_in_force"}:
        return "not_in_force"
    if "failed" in statuses:
        # A refusal under a paragraph whose wording is known stands whatever another one said.
        return "not_eligible"
    if "wording_not_in_source" in statuses:
        return "undetermined"
    return "eligible"


def evaluate(
    subject: str,
    rules: Sequence[Rule],
    facts: Any,
    on: dt.date,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
    reference: dict[str, Any] | None = None,
) -> Verdict:
    ctx = Context(on, parameters or Parameters.from_source(), calendar or WorkingCalendar(), reference)
    results: list[RuleResult] = []
    notes: list[Messages] = []
    for rule in rules:
        status, note_parameter = rule.in_force.status(on, ctx)
        if note_parameter:
            ended = status == "ended"
            note = render(
                ENDED_NOTE if ended else NOT_IN_FORCE_NOTE,
                {
                    "parameter": display.named(note_parameter, ctx.parameters),
                    "earliest": rule.in_force.end_earliest if ended else rule.in_force.earliest,
                },
            )
            if note not in notes:
                notes.append(note)
        if status == "wording_not_in_source":
            start, _ = rule.in_force.start_on(ctx)
            note = wording_note(rule, on, start)
            if note not in notes:
                notes.append(note)
            details = {"in_force": status, "wording_from": start}
            results.append(RuleResult(rule.id, rule.citation, status, rule.requirement, {}, details))
            continue
        if status != "in_force":
            results.append(
                RuleResult(rule.id, rule.citation, "not_in_force", rule.requirement, {}, {"in_force": status})
            )
            continue
        log: dict[str, None] = {}
        seen = _Reads(facts, "", log) if isinstance(facts, BaseModel) else facts
        if rule.applies is not None and not rule.applies(seen):
            results.append(RuleResult(rule.id, rule.citation, "not_applicable", rule.requirement, {}, {},
                                      facts_read(log)))
            continue
        outcome = rule.check(seen, ctx)
        if isinstance(outcome, bool):
            outcome = Outcome(outcome)
        reason = {} if outcome.passed else render(rule.failure, outcome.details)
        results.append(
            RuleResult(
                rule.id,
                rule.citation,
                "passed" if outcome.passed else "failed",
                rule.requirement,
                reason,
                outcome.details,
                facts_read(log),
            )
        )
    return Verdict(subject, on, _outcome(results), tuple(results), tuple(ctx.read.values()), tuple(notes))
