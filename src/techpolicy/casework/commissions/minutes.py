"""The minutes of a meeting ("отырыс хаттамасы"): the data they print (`minutes_data`, fixed on the
meeting when it is closed) and the PDF made from them by a worker (`MINUTES`, a `casework.jobs`
file kind), in the reader's language: the agenda, the members present, and for each case the roll,
the recusals, the quorum base and whether the quorum was met, each vote and the outcome."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from ..documents_pdf import LANGUAGES, DocumentBuilder
from ..jobs import FileKind, Rendered, RenderError, digest, register
from ..models import Commission, Decision, Meeting, Recommendation, Recusal, Vote
from ..workflow import get
from .tally import tally

GONE = gettext_noop("The meeting is no longer there.")


def _item(item) -> dict:
    case, round_ = item.case, item.round
    counted = tally(case, round_=round_)
    decision = Decision.objects.filter(case=case, round=round_).order_by("-decided_at").first()
    recommendation = Recommendation.objects.filter(case=case, round=round_).first()
    return {
        "case": case.number, "organisation": case.organisation.name, "workflow": case.workflow, "round": round_,
        "roll": list(case.voting_roll.filter(round=round_).order_by("member__full_name")
                     .values_list("member__full_name", flat=True)),
        "recusals": [{"member": r.member.full_name, "reason": r.reason} for r in
                     Recusal.objects.filter(case=case, round=round_).select_related("member").order_by("pk")],
        "votes": [{"member": v.member.full_name, "value": v.value, "reason": v.reason} for v in
                  Vote.objects.filter(case=case, round=round_).select_related("member").order_by("pk")],
        "tally": counted.as_dict(),
        "decision": {"kind": decision.kind, "outcome": decision.outcome, "basis": decision.basis} if decision else None,
        "recommendation": {"outcome": recommendation.outcome, "basis": recommendation.basis}
        if recommendation else None,
    }


def minutes_data(meeting: Meeting) -> dict:
    """Everything the minutes print, in plain data (names, codes, numbers; no language)."""
    if meeting.minutes is not None:  # closed: the minutes as they stood at closing
        return meeting.minutes
    commission = meeting.commission
    return {
        "commission": {"key": commission.key, "name": commission.name, "regulations": commission.regulations,
                       "majority": commission.majority, "quorum_kind": commission.quorum_kind,
                       "quorum_count": commission.quorum_count},
        "meeting": {"number": meeting.number, "date": meeting.date.isoformat(), "place": meeting.place,
                    "status": meeting.status},
        "present": list(meeting.attendance.order_by("member__full_name").values_list("member__full_name", flat=True)),
        "items": [_item(item) for item in meeting.items.select_related("case__organisation")],
    }


def _choice(choices, value) -> str:
    return str(dict(choices).get(value, "")) or _("not set by the commission's regulations")


def _workflow_name(workflow_id: str) -> str:
    try:
        return str(get(workflow_id).name)
    except KeyError:
        return workflow_id


def _outcome(item: dict) -> str:
    if item["decision"]:
        return _("Decision recorded: %(outcome)s (%(basis)s).") % {
            "outcome": _("approved") if item["decision"]["outcome"] == "approved" else _("refused"),
            "basis": ", ".join(item["decision"]["basis"])}
    if item["recommendation"]:
        return _("Recommendation recorded: %(outcome)s (%(basis)s).") % {
            "outcome": _choice(Recommendation.OUTCOMES, item["recommendation"]["outcome"]),
            "basis": ", ".join(item["recommendation"]["basis"])}
    counted = item["tally"]
    if not counted["quorum_met"]:
        return _("No decision: the quorum was not met.")
    if counted["approved"]:
        return _("The votes carry the proposal; no decision recorded yet.")
    return _("The votes do not carry the proposal; no decision recorded yet.")


def _render_item(builder: DocumentBuilder, index: int, item: dict) -> None:
    counted, votes = item["tally"], dict(Vote.CHOICES)
    builder.heading(_("Item %(n)s: %(case)s") % {"n": index, "case": item["case"]})
    recusals = "\n".join(f"{r['member']}: {r['reason']}" for r in item["recusals"]) or "—"
    builder.key_values([
        (_("Applicant"), item["organisation"]),
        (_("Procedure"), _workflow_name(item["workflow"])),
        (_("Round"), str(item["round"])),
        (_("Members entitled to vote"), "\n".join(item["roll"]) or "—"),
        (_("Recused (conflict of interest)"), recusals),
        (_("Quorum base"), str(counted["base"])),
        (_("Took part"), str(counted["participants"])),
        (_("Quorum required"), "—" if counted["quorum"] is None else str(counted["quorum"])),
        (_("Quorum met"), _("yes") if counted["quorum_met"] else _("no")),
        (_("For / against / abstained"), f"{counted['for']} / {counted['against']} / {counted['abstain']}"),
    ])
    if item["votes"]:
        builder.spacer(2)
        builder.key_values([(v["member"], f"{votes.get(v['value'], v['value'])}: {v['reason']}")
                            for v in item["votes"]])
    builder.spacer(2)
    builder.paragraph(_outcome(item))


def render_minutes(data: dict, lang: str) -> bytes:
    """The minutes as PDF in `lang` (kk, ru or en)."""
    lang = lang if lang in LANGUAGES else "kk"
    with translation.override(lang):
        commission, meeting = data["commission"], data["meeting"]
        title = _("Minutes of meeting No. %(number)s") % {"number": meeting["number"]}
        builder = DocumentBuilder(title, lang=lang, subject=f"{commission['key']} {meeting['number']}",
                                  footer=f"TechPolicy KZ · {commission['name']} · {title}")
        builder.header(title, issuer=commission["name"], subtitle=f"{meeting['date']} · {meeting['place']}")
        quorum = _choice(Commission.QUORUM_CHOICES, commission["quorum_kind"])
        if commission["quorum_kind"] == Commission.QUORUM_COUNT and commission["quorum_count"]:
            quorum = f"{quorum}: {commission['quorum_count']}"
        builder.key_values([
            (_("Status"), _choice(Meeting.STATUSES, meeting["status"])),
            (_("Regulations"), commission["regulations"] or "—"),
            (_("Majority rule"), _choice(Commission.MAJORITY_CHOICES, commission["majority"])),
            (_("Quorum rule"), quorum),
            (_("Members present"), "\n".join(data["present"]) or "—"),
        ])
        builder.heading(_("Agenda"))
        lines = [f"{n}. {i['case']} — {i['organisation']} — {_workflow_name(i['workflow'])}"
                 for n, i in enumerate(data["items"], 1)]
        builder.paragraph("\n".join(lines) or _("No cases on the agenda."))
        for n, item in enumerate(data["items"], 1):
            _render_item(builder, n, item)
        builder.spacer(6)
        if meeting["status"] != Meeting.CLOSED:
            builder.paragraph(_("Draft: the meeting is not closed, so these minutes may still change."), "alert")
        builder.small_print(_("Made by the system from the commission's records; the majority and quorum rules "
                              "are those entered from the commission's regulations."))
        return builder.build()


def _meeting(pk) -> Meeting | None:
    return Meeting.objects.select_related("commission").filter(pk=pk).first()


def key(meeting: Meeting, lang: str) -> str:
    """The meeting, the language and a fingerprint of what the minutes print: a new vote, recusal
    or attendance gives a new file; a closed meeting's minutes keep theirs."""
    return f"minutes:{meeting.pk}:{lang}:{digest(minutes_data(meeting))}"


def render(pk: int, lang: str) -> Rendered:
    meeting = _meeting(pk)
    if meeting is None:
        raise RenderError(GONE)
    name = f"{meeting.commission.key}-{meeting.number}-minutes-{lang}.pdf"
    return Rendered(render_minutes(minutes_data(meeting), lang), "application/pdf", name)


def check(user, job) -> tuple[bool, str]:
    """The commission's members and those who manage its meetings read the minutes."""
    from ..permissions import reads_minutes

    meeting = _meeting(job.args[0])
    if meeting is None:
        return False, _(GONE)
    if reads_minutes(user, meeting.commission):
        return True, ""
    return False, _("The minutes are for the commission's members and secretaries.")


def _page(job, user) -> str:
    meeting = _meeting(job.args[0])
    return reverse("casework:meeting", args=[meeting.commission.key, meeting.number]) if meeting else ""


MINUTES = register(FileKind("minutes", gettext_lazy("Minutes of the meeting (PDF)"), render, check, back=_page))
