"""The proposal to organise a technology platform (p.27) and its mapping to the facts of the
procedure "platform-coordinator" (p.25-27).

The proposer chooses the platform's direction among those it supervises (p.27: within its
competence); the coordinator is mandatory (p.27), with the facts of p.25(1)-(4) and the memoranda
of p.25(3); the document of recorded commitments (p.25(5)) is attached on the case page. Planned
participants (p.23) and funding sources (p.30) are recorded with the proposal. Who the proposer is,
whether the coordinator is a designated competence centre and whether the commitments are attached
are read when the facts are judged (`checks.law_facts`), never taken from this form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.kit import fact_errors
from techpolicy.casework.kit.forms import Bound, FormBundle
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act000_methodology.designation import KIND_LABELS
from techpolicy.law.acts.act000_methodology.designation_lists import PLATFORM_PARTICIPANT_ROLES
from techpolicy.law.acts.act000_methodology.facts_designation import MAX_NAME, MAX_REFERENCE
from techpolicy.law.facts import InvalidFacts
from techpolicy.services.competence_centres import published as centres

from . import checks
from .models import COMPETENCE_CENTRE, COORDINATOR
from .organise import centre_of, not_a_centre

MAX_MEMORANDA, MAX_FUNDING, MAX_PARTICIPANTS = 50, 20, 100
BIN = {"regex": r"^\d{12}$", "error_messages": {"invalid": _("A BIN has exactly 12 digits.")}}
COUNTERPARTY_KINDS = [
    ("legal_entity", _("legal entity")),
    ("hei", _("higher and/or postgraduate education organisation")),
    ("science_org", _("science organisation")),
    ("association", _("association")),
]
FUNDING_KINDS = [("attracted", _("attracted funds")), ("own", _("own funds"))]
EMPTY = [("", "—")]


def _kind_choices():
    lang = current_language()
    return [(code, labels[lang]) for code, labels in KIND_LABELS.items()]


def _role_choices():
    """The roles of p.23 a planned participant takes; the coordinator is named in its own form."""
    lang = current_language()
    return EMPTY + [(r.code, r.label[lang]) for r in PLATFORM_PARTICIPANT_ROLES if r.code != COORDINATOR]


def direction_choices(organisation) -> list[tuple[str, str]]:
    """(direction, "sector — direction") the organisation supervises today (p.27)."""
    lang = current_language()
    pairs = centres.supervised_directions(organisation, law_context.today()) if organisation else []
    return [(direction, f"{centres.sector_label(sector, lang)} — {centres.direction_label(direction, lang)}")
            for sector, direction in pairs]


def _text(label, required=True, max_length=MAX_NAME, **kw):
    return forms.CharField(label=label, max_length=max_length, required=required, **kw)


class ProposalForm(forms.Form):
    direction = forms.ChoiceField(label=_("Sector and technology direction of the platform (p. 27)"))
    platform_name = _text(_("Name of the technology platform"))

    def __init__(self, *args, directions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = list(directions)

    def clean_platform_name(self) -> str:
        return " ".join(self.cleaned_data["platform_name"].split())


class CoordinatorForm(forms.Form):
    """The coordinator the proposal names (p.27) and the criteria of p.25(1)-(4) and p.26."""

    name = _text(_("Coordinator: name of the legal entity"))
    bin = forms.RegexField(label=_("Coordinator's BIN"), required=False, **BIN)
    kind = forms.ChoiceField(label=_("Kind of organisation (p. 26)"))
    competence_evidence = _text(_("Evidence of technological competence and sector-specific knowledge (p. 25(1))"),
                                required=False, max_length=MAX_REFERENCE)
    interaction_started_on = forms.DateField(
        label=_("Organising interaction with the direction's stakeholders since (p. 25(2))"),
        widget=forms.DateInput(attrs={"type": "date"}))
    interaction_evidence = _text(_("Evidence of that interaction (p. 25(2))"), max_length=MAX_REFERENCE)
    material_base = forms.BooleanField(label=_("Has the material-technical base the platform needs (p. 25(4))"),
                                       required=False)
    material_base_description = _text(_("The material-technical base"), required=False, max_length=2000,
                                      widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _kind_choices()

    def clean_interaction_started_on(self):
        started = self.cleaned_data["interaction_started_on"]
        if started > law_context.today():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return started


class MemorandumForm(forms.Form):
    """A cooperation agreement (memorandum) with a key leader of the direction (p.25(3))."""

    counterparty = _text(_("Memorandum with (p. 25(3))"), required=False)
    kind = forms.ChoiceField(label=_("Kind of counterparty"), choices=EMPTY + COUNTERPARTY_KINDS, required=False)
    signed_on = forms.DateField(label=_("Signed on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    reference = _text(_("Number or reference"), required=False, max_length=MAX_REFERENCE)

    def clean(self):
        data = super().clean()
        if data.get("counterparty") and not (data.get("kind") and data.get("signed_on")):
            raise forms.ValidationError(_("Give the kind of counterparty and the date the memorandum was signed."))
        return data


class FundingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Funding source (p. 30)"), choices=EMPTY + FUNDING_KINDS, required=False)
    description = _text(_("Description"), required=False, max_length=1000)


class ParticipantForm(forms.Form):
    """A planned participant of the platform in a role of p.23."""

    name = _text(_("Planned participant (p. 23)"), required=False)
    bin = forms.RegexField(label=_("BIN"), required=False, **BIN)
    role = forms.ChoiceField(label=_("Role"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices()

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("role"):
            raise forms.ValidationError(_("Choose the participant's role."))
        return data


MemorandumFormSet = forms.formset_factory(MemorandumForm, extra=1, max_num=MAX_MEMORANDA, absolute_max=MAX_MEMORANDA,
                                          validate_max=True)
FundingFormSet = forms.formset_factory(FundingForm, extra=1, max_num=MAX_FUNDING, absolute_max=MAX_FUNDING,
                                       validate_max=True)
ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=1, max_num=MAX_PARTICIPANTS,
                                           absolute_max=MAX_PARTICIPANTS, validate_max=True)


def _rows(formset) -> list[dict]:
    return [f.cleaned_data for f in formset if getattr(f, "cleaned_data", None)]


class ProposalForms(FormBundle):
    """The proposal page of one proposing organisation (its supervised directions are the choices)."""

    add_row = {"add_memorandum": ("m", MAX_MEMORANDA), "add_funding": ("f", MAX_FUNDING),
               "add_participant": ("pp", MAX_PARTICIPANTS)}
    # The task list of the page (casework.kit.sections), in the order of the form.
    sections = (
        ("proposal", _("The platform (paragraphs 27 and 29)"), ("proposal",)),
        ("coordinator", _("The coordinator (paragraphs 25-27)"), ("coordinator",)),
        ("memoranda", _("Cooperation agreements (memoranda) with key leaders of the direction (paragraph 25(3))"),
         ("memoranda",)),
        ("participants", _("Planned participants (paragraph 23)"), ("participants",)),
        ("funding", _("Funding sources (paragraph 30)"), ("funding",)),
    )

    def __init__(self, organisation):
        self.organisation = organisation
        self.directions = direction_choices(organisation)

    def forms(self, data, initial: dict) -> Bound:
        return {
            "proposal": ProposalForm(data, prefix="p", initial=initial.get("proposal"), directions=self.directions),
            "coordinator": CoordinatorForm(data, prefix="c", initial=initial.get("coordinator")),
            "memoranda": MemorandumFormSet(data, prefix="m", initial=initial.get("memoranda")),
            "participants": ParticipantFormSet(data, prefix="pp", initial=initial.get("participants")),
            "funding": FundingFormSet(data, prefix="f", initial=initial.get("funding")),
        }

    def facts(self, bound: Bound) -> dict:
        proposal, coordinator = bound["proposal"].cleaned_data, bound["coordinator"].cleaned_data
        sector = dict((d, s) for s, d in centres.supervised_directions(self.organisation, law_context.today()))
        memoranda = [{"counterparty": m["counterparty"], "kind": m["kind"], "signed_on": m["signed_on"].isoformat(),
                      **({"reference": m["reference"]} if m.get("reference") else {})}
                     for m in _rows(bound["memoranda"]) if m.get("counterparty")]
        return {
            "proposal": {
                **checks.proposer_facts(self.organisation, law_context.today()),
                "sector": sector.get(proposal["direction"], ""),
                "direction": proposal["direction"],
                "platform_name": proposal["platform_name"],
                "coordinator": {
                    "organisation": {"name": coordinator["name"], "kind": coordinator["kind"],
                                     **({"bin": coordinator["bin"]} if coordinator.get("bin") else {})},
                    "competence_evidence": coordinator.get("competence_evidence") or None,
                    "interaction_started_on": coordinator["interaction_started_on"].isoformat(),
                    "interaction_evidence": coordinator["interaction_evidence"],
                    "memoranda": memoranda,
                    "material_base": {"available": bool(coordinator.get("material_base")),
                                      "description": coordinator.get("material_base_description") or ""},
                },
            },
            "funding_sources": [{"kind": f["kind"], "description": f.get("description") or ""}
                                for f in _rows(bound["funding"]) if f.get("kind")],
            "planned_participants": [{"name": p["name"], "bin": p.get("bin") or "", "role": p["role"]}
                                     for p in _rows(bound["participants"]) if p.get("name")],
        }

    def initial_from_facts(self, facts: dict) -> dict:
        proposal = facts.get("proposal") or {}
        coordinator = proposal.get("coordinator") or {}
        organisation = coordinator.get("organisation") or {}
        material = coordinator.get("material_base") or {}
        return {
            "proposal": {"direction": proposal.get("direction"), "platform_name": proposal.get("platform_name")},
            "coordinator": {"name": organisation.get("name"), "bin": organisation.get("bin"),
                            "kind": organisation.get("kind"),
                            "competence_evidence": coordinator.get("competence_evidence"),
                            "interaction_started_on": coordinator.get("interaction_started_on"),
                            "interaction_evidence": coordinator.get("interaction_evidence"),
                            "material_base": material.get("available"),
                            "material_base_description": material.get("description")},
            "memoranda": coordinator.get("memoranda") or [],
            "participants": facts.get("planned_participants") or [],
            "funding": facts.get("funding_sources") or [],
        }

    def errors(self, facts: dict) -> list[dict] | None:
        """The facts as the procedure reads them (fields named), and p.23 for planned centres."""
        today = law_context.today()
        law = {k: v for k, v in facts.items() if k not in checks.SERVICE_KEYS} | {"checked_on": today.isoformat()}
        try:
            checks.COORDINATOR.procedure.parse(law)
        except InvalidFacts as exc:
            return fact_errors.localized(exc)
        sector = facts["proposal"]["sector"]
        errors = [{"field": "participants", "message": not_a_centre(p["name"])}
                  for p in facts["planned_participants"]
                  if p["role"] == COMPETENCE_CENTRE and centre_of(p["bin"], sector, today) is None]
        return errors or None
