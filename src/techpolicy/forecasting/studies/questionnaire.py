"""The Delphi survey of paragraph 8(2) Foresight ("форсайт"): rounds, an expert's questionnaire and
the feedback between rounds, and the answers by pseudonym for the analysts.

A round is opened by an analyst in the main stage (paragraph 11), one at a time, numbered 1, 2, 3...
Each accepted expert answers it once, about every technology of the study: importance for Kazakhstan,
the expected year of practical use, Kazakhstan's level against leader and competitor countries
(paragraph 11(6)), barriers and their own competence. From round 2 on an expert sees, per technology,
the group's median and quartiles of the previous round beside their own previous answer; never what
any other expert answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.casework.law_context import today
from techpolicy.casework.notifications import notify, public_url
from techpolicy.forecasting.delphi import finite_or_none

from .access import can_manage
from .delphi_results import StudyAnswers, study_answers
from .errors import StudyError, cited, stale_study
from .models import Answer, Membership, Response, Round, Study
from .models.delphi import BARRIERS, COMPETENCE, IMPORTANCE, LEVEL, QUESTIONS, YEAR
from .models.panel import ACCEPTED, DECLINED, LANGUAGES
from .models.study import MAIN

# Every numeric answer and its scale, from the study instrument of models/delphi.py.
SCALES: dict[str, tuple[int, int]] = {
    "importance": IMPORTANCE, "year": YEAR, "level_vs_leader": LEVEL, "level_vs_competitor": LEVEL,
    "competence": COMPETENCE,
}
LABELS = {
    "importance": gettext_lazy("Importance for Kazakhstan"),
    "year": gettext_lazy("Expected year of practical use in Kazakhstan"),
    "level_vs_leader": gettext_lazy("Kazakhstan's current level compared with the leader countries"),
    "level_vs_competitor": gettext_lazy("Kazakhstan's current level compared with the competitor countries"),
    "barriers": gettext_lazy("Barriers"),
    "competence": gettext_lazy("Your competence in this technology"),
    "comment": gettext_lazy("Comment (why you answer so, or why you changed your answer)"),
}
# The words of the ordinal scales, shown beside the numbers on the questionnaire.
WORDS: dict[str, dict[int, Any]] = {
    "importance": {1: gettext_lazy("not important"), 2: gettext_lazy("slightly important"),
                   3: gettext_lazy("moderately important"), 4: gettext_lazy("important"),
                   5: gettext_lazy("very important")},
    "level": {-2: gettext_lazy("far behind"), -1: gettext_lazy("behind"), 0: gettext_lazy("on a par"),
              1: gettext_lazy("ahead"), 2: gettext_lazy("far ahead")},
    "competence": {1: gettext_lazy("minimal"), 2: gettext_lazy("low"), 3: gettext_lazy("medium"),
                   4: gettext_lazy("high"), 5: gettext_lazy("very high")},
}
WORDS["level_vs_leader"] = WORDS["level_vs_competitor"] = WORDS["level"]
BARRIER_CODES = tuple(code for code, _label in BARRIERS)
COMMENT_MAX = 2000
CSV_HEADER = ("expert", "round", "technology", "question", "value", "competence")


# --- rounds ------------------------------------------------------------------------------------------


def _may_manage(actor) -> None:
    allowed, reason = can_manage(actor)
    if not allowed:
        raise StudyError(reason, status=403)


@transaction.atomic
def open_round(study: Study, actor, closes_on: dt.date) -> Round:
    """Open the next round (main stage only, one open round at a time) and tell the accepted experts."""
    _may_manage(actor)
    locked = Study.objects.select_for_update().get(pk=study.pk)
    if locked.stage != MAIN:
        raise StudyError(_("Survey rounds are held in the main stage of the study (%(citation)s).")
                         % {"citation": cited("11")}, status=409)
    still_open = locked.rounds.filter(closed_at=None).first()
    if still_open is not None:
        raise StudyError(_("Round %(n)d is still open: close it first.") % {"n": still_open.number}, status=409)
    if closes_on < today():
        raise StudyError(_("The closing date cannot be in the past."), field="closes_on")
    if not locked.technologies.exists():
        raise StudyError(_("Add the technologies to assess before opening a round."))
    number = (locked.rounds.aggregate(last=Max("number"))["last"] or 0) + 1
    try:
        with transaction.atomic():
            opened = Round.objects.create(study=locked, number=number, closes_on=closes_on)
    except IntegrityError:
        raise stale_study() from None
    _announce(opened)
    return opened


def _announce(opened: Round) -> None:
    study = opened.study
    for membership in study.memberships.filter(status=ACCEPTED).select_related("expert"):
        expert = membership.expert
        with translation.override(expert.language):
            link = public_url(reverse("studies:questionnaire", args=[study.number, opened.number]))
            subject = _("Round %(n)d of the technology forecast %(number)s is open") % {
                "n": opened.number, "number": study.number}
            body = "\n\n".join([
                _("Dear %(name)s,") % {"name": expert.full_name},
                _("Round %(n)d of the expert survey of the technology forecast \"%(title)s\" is open until "
                  "%(date)s.") % {"n": opened.number, "title": study.title, "date": opened.closes_on.isoformat()},
                _("Your answers are anonymous: other experts never see who answered what."),
                _("Answer here: %(link)s") % {"link": link},
            ])
        notify(expert.email, expert.language, str(subject), body)


@transaction.atomic
def close_round(round_: Round, actor) -> Round:
    """Close an open round: from now on its answers are final and no more are accepted."""
    _may_manage(actor)
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if locked.closed_at is not None:
        raise StudyError(_("Round %(n)d is already closed.") % {"n": locked.number}, status=409)
    locked.closed_at = timezone.now()
    locked.save(update_fields=["closed_at"])
    return locked


# --- answering ---------------------------------------------------------------------------------------


def refusal(round_: Round, membership: Membership) -> StudyError | None:
    """Why `membership` may not answer `round_` now (as the error `submit` raises), or None."""
    if membership.study_id != round_.study_id:
        return StudyError(_("You are not an expert of this study."), status=403)
    if membership.status == DECLINED:
        return StudyError(_("You declined the invitation to this study, so you cannot answer its survey."),
                          status=403)
    if membership.status != ACCEPTED:
        return StudyError(_("Accept the invitation to the study before answering its survey."), status=403)
    closed_on = timezone.localdate(round_.closed_at) if round_.closed_at else None
    if closed_on is None and round_.closes_on < today():
        closed_on = round_.closes_on
    if closed_on is not None:
        return StudyError(_("The round closed on %(date)s; answers are no longer accepted.")
                          % {"date": closed_on.isoformat()}, status=409)
    if Response.objects.filter(round=round_, membership=membership).exists():
        return _answered()
    return None


def _answered() -> StudyError:
    return StudyError(_("You have already answered this round; your answers are kept as submitted."), status=409)


def submit(round_: Round, membership: Membership, answers: Mapping[str, Mapping[str, Any]],
           language: str) -> Response:
    """Record an expert's answers to a round: `answers` maps every technology code of the study to
    {importance, year, level_vs_leader, level_vs_competitor, barriers, competence[, comment]}.
    A refusal raises StudyError and saves nothing."""
    if language not in dict(LANGUAGES):
        raise StudyError(_("Unknown language: %(language)s") % {"language": language}, field="language")
    with transaction.atomic():
        # The row lock orders simultaneous submits where the database has row locks; the unique
        # constraint below refuses the second one everywhere else (SQLite).
        locked = Round.objects.select_for_update().select_related("study").get(pk=round_.pk)
        current = Membership.objects.get(pk=membership.pk)
        refused = refusal(locked, current)
        if refused is not None:
            raise refused
        technologies = {t.code: t for t in locked.study.technologies.all()}
        cleaned = clean_answers(answers, technologies)
        try:
            with transaction.atomic():
                response = Response.objects.create(round=locked, membership=current, language=language)
        except IntegrityError:
            raise _answered() from None
        Answer.objects.bulk_create(Answer(response=response, technology=technologies[code], **values)
                                   for code, values in cleaned.items())
    return response


def clean_answers(answers: Mapping[str, Mapping[str, Any]], technologies: Iterable[str]) -> dict[str, dict]:
    """Every technology answered, each value on its scale; the cleaned answers per technology code."""
    codes = list(technologies)
    unknown = sorted(set(answers) - set(codes))
    if unknown:
        raise StudyError(_("This study has no technology %(codes)s.") % {"codes": ", ".join(unknown)},
                         field="technology")
    missing = [code for code in codes if code not in answers]
    if missing:
        raise StudyError(_("Answer about every technology; missing: %(codes)s.") % {"codes": ", ".join(missing)},
                         field="technology")
    return {code: _clean_one(code, answers[code]) for code in codes}


def _clean_one(code: str, given: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (low, high) in SCALES.items():
        value = _integer(given.get(name))
        if value is None or not low <= value <= high:
            raise StudyError(_("%(technology)s, %(question)s: give a whole number from %(low)d to %(high)d.")
                             % {"technology": code, "question": LABELS[name], "low": low, "high": high}, field=name)
        out[name] = value
    barriers = given.get("barriers") or []
    barriers = [barriers] if isinstance(barriers, str) else list(barriers)
    unknown = sorted(set(barriers) - set(BARRIER_CODES))
    if unknown:
        raise StudyError(_("%(technology)s: unknown barrier %(codes)s.") % {"technology": code,
                                                                            "codes": ", ".join(unknown)},
                         field="barriers")
    out["barriers"] = [b for b in BARRIER_CODES if b in barriers]
    out["comment"] = str(given.get("comment") or "").strip()
    if len(out["comment"]) > COMMENT_MAX:
        raise StudyError(_("%(technology)s: the comment is longer than %(n)d characters.")
                         % {"technology": code, "n": COMMENT_MAX}, field="comment")
    return out


def _integer(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


# --- feedback between rounds -------------------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    """What an expert sees about one technology before answering round n > 1."""

    round_number: int  # the previous round, whose figures these are
    group: dict[str, dict[str, float | int | None]]  # question -> n, median, q1, q3 of the group
    own: dict[str, Any] | None  # the expert's own previous answer, None if they did not answer


def feedback_for(membership: Membership, round_: Round) -> dict[str, Feedback]:
    """Per technology code: the group's median and quartiles in the round before `round_` (weighted by
    competence when the study is) beside the expert's own answer then. Empty for round 1."""
    answers = study_answers(Study.objects.get(pk=round_.study_id))  # the weighting as stored now
    previous = _round_index(answers, round_.number - 1)
    if previous is None:
        return {}
    own_rows = Answer.objects.filter(response__round=answers.rounds[previous], response__membership=membership)
    own = {a.technology.code: _own(a) for a in own_rows.select_related("technology")}
    return {
        code: Feedback(
            round_number=round_.number - 1,
            group={q: _group(answers.summaries[q].at(previous, j)) for q in QUESTIONS},
            own=own.get(code),
        )
        for j, code in enumerate(answers.technologies)
    }


def _group(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: figures[k] for k in ("n", "median", "q1", "q3")}


def _own(answer: Answer) -> dict[str, Any]:
    return {name: getattr(answer, name) for name in (*SCALES, "barriers", "comment")}


def _round_index(answers: StudyAnswers, number: int) -> int | None:
    for i, r in enumerate(answers.rounds):
        if r.number == number:
            return i
    return None


# --- results for the analysts ------------------------------------------------------------------------


def round_results(study: Study, round_: Round) -> dict[str, Any]:
    """Statistics of every technology and question in `round_`, the change from the round before, the
    stop rule's verdicts, Kendall's W of the importance ratings per round and the barrier counts."""
    answers = study_answers(study)
    r = _round_index(answers, round_.number)
    questions = []
    for question in QUESTIONS:
        summary, changes, verdicts = answers.summaries[question], answers.changes(question), answers.verdicts(question)
        rows = []
        for j, code in enumerate(answers.technologies):
            row = {"technology": code, **summary.at(r, j)}
            if r > 0 and changes is not None:
                row["median_shift"] = finite_or_none(changes.median_shift[r - 1, j])
                row["revised_share"] = finite_or_none(changes.revised_share[r - 1, j])
            if verdicts is not None:
                row["verdict"], row["stop"] = verdicts.label[r, j], bool(verdicts.stop[r, j])
            rows.append(row)
        questions.append({"question": question, "rows": rows})
    kendall = answers.kendall
    return {
        "questions": questions,
        "kendall": [] if kendall is None else [
            {"round": answers.rounds[i].number, "w": finite_or_none(kendall.w[i]),
             "p_value": finite_or_none(kendall.p_value[i]), "experts": int(kendall.experts[i])}
            for i in range(r + 1)],
        "barriers": {code: dict(counts.most_common()) for code, counts in answers.barriers[r].items()},
        "stop_rule": answers.stop_rule,
        "weighted": answers.weighted,
    }


def pseudonymous_answers(study: Study, up_to: int, only: bool = False):
    """The answers of rounds 1..`up_to` (or of round `up_to` only) with the expert's pseudonym, never the
    person: rows of expert (the pseudonym), round, code (of the technology), the answers and comment."""
    rows = Answer.objects.filter(response__round__study=study)
    rows = rows.filter(response__round__number=up_to) if only else rows.filter(response__round__number__lte=up_to)
    return rows.order_by("response__round__number", "response__membership__pseudonym", "technology__code").values(
        *SCALES, "barriers", "comment", expert=F("response__membership__pseudonym"),
        round=F("response__round__number"), code=F("technology__code"))


def csv_rows(rows: Iterable[Mapping[str, Any]]) -> Iterator[tuple]:
    """The rows of `pseudonymous_answers` as the answers CSV `techpolicy forecast delphi` reads
    (`delphi.read_answers`): one line per question, barriers as barrier:CODE marked 1 or 0."""
    yield CSV_HEADER
    for a in rows:
        head = (a["expert"], a["round"], a["code"])
        for question in QUESTIONS:
            yield (*head, question, a[question], a["competence"])
        for code in BARRIER_CODES:
            yield (*head, f"barrier:{code}", int(code in a["barriers"]), a["competence"])
