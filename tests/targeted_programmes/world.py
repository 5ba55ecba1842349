"""The people and records the targeted-programme tests share, built on the technology-platform tests'
world: the energy ministry supervising hydrogen energy (the state body a programme goes to, p.42),
a university designated through its own workflow as the competence centre for hydrogen energy (the
developer, p.31), the HSTC with four members and its working body, and the national institute.
Plain functions, so the race tests (threads, committed data) build the same world."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from django.forms import CheckboxSelectMultiple

from techpolicy.accounts.models import User
from techpolicy.casework import law_context
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Case
from techpolicy.services.targeted_programmes.demo_document import document
from techpolicy.services.targeted_programmes.forms import PROGRAMME_FORMS, initial_from_facts
from techpolicy.services.targeted_programmes.models import Agreement
from techpolicy.services.targeted_programmes.workflows import PROGRAMME
from tests.technology_platforms import world as platforms

HYDROGEN, RENEWABLES = platforms.HYDROGEN, platforms.RENEWABLES


@dataclass
class World:
    base: platforms.World

    @property
    def developer(self) -> User:  # a user of the designated competence centre (p.31)
        return self.base.cc.owner

    @property
    def body(self) -> User:  # staff of the energy ministry, which supervises hydrogen energy (p.42)
        return self.base.proposer

    @property
    def other_body(self) -> User:  # staff of the agriculture ministry
        return self.base.other_body

    @property
    def secretary(self) -> User:
        return self.base.secretary

    @property
    def ni(self) -> User:
        return self.base.cc.ni

    @property
    def other(self) -> User:  # a user of a company that is not a competence centre
        return self.base.other


def make_world() -> World:
    return World(platforms.make_world())


def programme_facts(world: World, direction: str = HYDROGEN, **changes) -> dict:
    """The demo document addressed to the energy ministry; `changes` replace top-level keys (None drops one)."""
    facts = copy.deepcopy(document("05", direction, world.body.organisation_id))
    facts.pop("demo")
    for key, value in changes.items():
        if value is None:
            facts.pop(key, None)
        else:
            facts[key] = value
    return facts


def draft(world: World, owner: User | None = None, **options) -> Case:
    owner = owner or world.developer
    return create_case(PROGRAMME, owner.organisation, owner, title="programme", facts=programme_facts(world, **options))


def drive(case: Case, world: World, *steps: str, **payloads) -> Case:
    """Fire `steps` in order, each by the party the table names for it."""
    actor = {"submit": world.developer, "resubmit": world.developer, "withdraw": world.developer,
             "recommend": world.secretary, "do_not_recommend": world.secretary}
    for step in steps:
        payload = dict(payloads.get(step, {}))
        reason = payload.pop("reason", "")
        case = fire(case, step, actor.get(step, world.body), reason=reason, payload=payload)
    return case


def agree(case: Case, world: World, organisation: str = "Өнеркәсіп министрлігі",
          outcome: str = Agreement.AGREED) -> Agreement:
    return Agreement.objects.create(case=case, organisation=organisation, outcome=outcome,
                                    reference="№ 01-12", agreed_on=law_context.today(), recorded_by=world.body)


def approval_payload(day: dt.date | None = None, number: str = "НТБ-1", confirm: bool = True) -> dict:
    return {"decision_number": number, "decided_on": (day or law_context.today()).isoformat(),
            **({"confirm": "on"} if confirm else {})}


def on_agenda(world: World, **options) -> Case:
    case = drive(draft(world, **options), world, "submit", "conclude_review")
    agree(case, world)
    return drive(case, world, "submit_to_hstc", submit_to_hstc={"confirm": "on"})


def recommended(world: World, **options) -> Case:
    case = on_agenda(world, **options)
    platforms.vote(case, world.base, ["for", "for", "for"], recuse=1)
    return drive(case, world, "recommend", recommend={"reason": "ЖҒТК хаттамасы № 1"})


def approved(world: World, **options) -> Case:
    return drive(recommended(world, **options), world, "approve", approve=approval_payload())


def post_data(facts: dict) -> dict[str, str]:
    """The programme page's POST as a browser sends it for `facts` (every table with one blank row): an
    empty select posts its first option, as a browser does."""
    bound = PROGRAMME_FORMS.bind(None, initial_from_facts(facts))
    data: dict[str, str] = {}
    for item in bound.values():
        forms = item.forms if hasattr(item, "forms") else [item]
        if hasattr(item, "management_form"):
            data.update({f.html_name: str(f.value()) for f in item.management_form})
        for form in forms:
            for field in form:
                value = field.value()
                choices = getattr(field.field, "choices", None)
                if value in (None, "") and choices and not isinstance(field.field.widget, CheckboxSelectMultiple):
                    value = next(iter(choices))[0]
                if value in (None, "", [], False):
                    continue
                data[field.html_name] = "on" if value is True else str(field.field.prepare_value(value))
    return data
