"""The migration of the technopark's list of participants onto the generic register (issue 9,
part 1, item 3): the entries made before keep what paragraph 21 publishes (requirement 001.p21),
their activity types move into `data`, their certificates' kinds become the declared keys, and
their history is rebuilt from what was kept, so that as-of questions about them are answered: entered
on p.20 (001.p20), extended on p.36 (001.p36), terminated on p.41 (001.p41)."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from techpolicy.casework import registers
from techpolicy.casework.models import Certificate, RegisterEntry
from techpolicy.services.technopark.participants import participants

D1, D2, D3 = dt.date(2025, 3, 3), dt.date(2026, 2, 2), dt.date(2026, 6, 1)


def _before() -> list[tuple[str, str]]:
    """The casework migration the register migrations start from, whatever its number."""
    graph = MigrationExecutor(connection).loader.graph
    first = next(node for node in graph.nodes
                 if node[0] == "casework" and node[1].endswith("_registers_generic_entries"))
    return [next(parent.key for parent in graph.node_map[first].parents if parent.key[0] == "casework")]


def _old_world(old) -> dict:
    Organisation, User = old.get_model("accounts", "Organisation"), old.get_model("accounts", "User")
    Case, Certificate = old.get_model("casework", "Case"), old.get_model("casework", "Certificate")
    Decision, Entry = old.get_model("casework", "Decision"), old.get_model("casework", "RegisterEntry")
    user = User.objects.create(username="migration-clerk")
    made = {}
    for name, bin_, status in (("Alpha LLP", "111111111111", "active"), ("Beta LLP", "222222222222", "terminated")):
        organisation = Organisation.objects.create(name=name, bin=bin_)
        case = Case.objects.create(number=f"AH-2025-0000{len(made) + 1}", workflow="technopark.participation",
                                   organisation=organisation, created_by=user, state="registered",
                                   state_entered_at=timezone.now())
        admission = Decision.objects.create(case=case, kind="admission", outcome="approved", basis=["001 p.13"],
                                            decided_at=timezone.now(), recorded_by=user)
        registration = Certificate.objects.create(
            number=f"AH-C-2025-00000{len(made) + 1}", kind="registration", case=case, organisation=organisation,
            issued_on=D1, valid_from=D1, valid_until=dt.date(2026, 3, 2), activity_types=["S-01"])
        entry = Entry.objects.create(
            register="technopark.participants", organisation=organisation, case=case, certificate=registration,
            name=name, bin=bin_, activity_types=["S-01", "S-02"], entered_on=D1, valid_from=D1,
            valid_until=dt.date(2026, 3, 2), status=status)
        made[name] = (entry, case, admission)
    # Alpha was extended by a follow-up case (p.36): a new certificate and a later end.
    alpha, alpha_case, _ = made["Alpha LLP"]
    follow_up = Case.objects.create(number="AH-EX-2026-00001", workflow="technopark.extension", parent=alpha_case,
                                    organisation=alpha.organisation, created_by=user, state="extended",
                                    state_entered_at=timezone.now())
    extension = Certificate.objects.create(number="AH-E-2026-000001", kind="extension", case=follow_up,
                                           organisation=alpha.organisation, issued_on=D2, valid_from=alpha.valid_until,
                                           valid_until=dt.date(2029, 3, 2), activity_types=["S-01", "S-02"])
    alpha.certificate, alpha.valid_until = extension, extension.valid_until
    alpha.save()
    # Beta was terminated early (p.41) with its grounds.
    beta = made["Beta LLP"][0]
    beta.ended_on, beta.end_basis = D3, {"citation": "001 p.41", "grounds": ["39(1)"], "case": "AH-ET-2026-00001"}
    beta.save()
    return {"alpha": alpha.pk, "beta": beta.pk, "alpha_admission": made["Alpha LLP"][2].pk}


@pytest.mark.django_db(transaction=True)
def test_001_p20_p21_p36_p41_entries_made_before_keep_their_list_and_get_their_history():
    executor = MigrationExecutor(connection)
    before = _before()
    executor.migrate(before)
    ids = _old_world(executor.loader.project_state(before).apps)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert dict(Certificate.objects.values_list("number", "kind")) == {
        "AH-C-2025-000001": "technopark.registration", "AH-C-2025-000002": "technopark.registration",
        "AH-E-2026-000001": "technopark.extension"}
    alpha, beta = RegisterEntry.objects.get(pk=ids["alpha"]), RegisterEntry.objects.get(pk=ids["beta"])
    assert (alpha.data, alpha.key, alpha.search_text) == ({"activity_types": ["S-01", "S-02"]},
                                                          str(alpha.organisation_id), "alpha llp 111111111111")
    assert (alpha.basis_citation, alpha.basis_on) == ("001 p.36", D2)
    assert (beta.basis_citation, beta.basis_on, beta.status) == ("001 p.41", D3, "terminated")
    # The published list reads as before.
    rows = {r["name"]: r for r in participants({"status": "all"})}
    assert rows["Alpha LLP"]["data"] == {"activity_types": ["S-01", "S-02"]}
    assert rows["Alpha LLP"]["certificate_number"] == "AH-E-2026-000001"
    assert participants({"activity_type": "S-02", "status": "all"}).count() == 2
    # And its past is answered.
    assert registers.entry_as_of(alpha, D1 - dt.timedelta(days=1)).status == "absent"
    entered = registers.entry_as_of(alpha, D1)
    assert (entered.basis.ref, entered.decision.pk, entered.event.valid_until) == (
        "001 p.20", ids["alpha_admission"], dt.date(2026, 3, 2))
    assert entered.event.certificate.number == "AH-C-2025-000001"
    extended = registers.entry_as_of(alpha, D2)
    assert (extended.basis.ref, extended.event.valid_until, extended.on_register) == ("001 p.36",
                                                                                       dt.date(2029, 3, 2), True)
    assert registers.entry_as_of(beta, D3 - dt.timedelta(days=1)).on_register is False  # expired 2026-03-02
    ended = registers.entry_as_of(beta, D3)
    assert (ended.status, ended.basis.ref, ended.event.note) == ("terminated", "001 p.41",
                                                                {"grounds": ["39(1)"], "case": "AH-ET-2026-00001"})
