# Moves the entries made before registers were one facility onto it. Until then there was one
# register, the technopark's list of participants (seed 001 p.20-21), and two certificate kinds:
# - Certificate.kind becomes the key of the service's CertificateKind;
# - an entry's activity types move into `data`, its natural key is its organisation, its search text
#   is its folded name and BIN;
# - its history is rebuilt from what was kept: entered on `entered_on` (p.20, on the admission
#   decision of its case) with its registration certificate, extended on each extension
#   certificate's issue date (p.36), terminated on `ended_on` (p.41, with the stored grounds).
#   Changes of activity types were not dated before, so every rebuilt state carries today's types.

import unicodedata

from django.db import migrations

REGISTER = "technopark.participants"
KINDS = {"registration": "technopark.registration", "extension": "technopark.extension"}


def fold(text):
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _approved(Decision, case_id, kind):
    return (Decision.objects.filter(case_id=case_id, kind=kind, outcome="approved")
            .order_by("-decided_at", "-pk").first())


def forwards(apps, schema_editor):
    Certificate = apps.get_model("casework", "Certificate")
    Decision = apps.get_model("casework", "Decision")
    Entry = apps.get_model("casework", "RegisterEntry")
    Event = apps.get_model("casework", "RegisterEvent")
    for old, new in KINDS.items():
        Certificate.objects.filter(kind=old).update(kind=new)
    for entry in Entry.objects.filter(register=REGISTER).order_by("pk").iterator():
        entry.data = {"activity_types": list(entry.activity_types or [])}
        entry.key = str(entry.organisation_id or "")
        entry.search_text = fold(f"{entry.name} {entry.bin}")
        registration = (Certificate.objects.filter(case_id=entry.case_id, kind=KINDS["registration"])
                        .order_by("issued_on", "pk").first()) or entry.certificate
        state = {"name": entry.name, "bin": entry.bin, "data": entry.data, "search_text": entry.search_text,
                 "certificate": registration, "status": "active",
                 "valid_from": registration.valid_from if registration else entry.valid_from,
                 "valid_until": registration.valid_until if registration else entry.valid_until}
        events = [dict(state, kind="entered", on=entry.entered_on, citation="001 p.20",
                       decision=_approved(Decision, entry.case_id, "admission"), note={})]
        extensions = Certificate.objects.filter(case__parent_id=entry.case_id, kind=KINDS["extension"])
        for extension in extensions.order_by("issued_on", "pk"):
            state = dict(state, certificate=extension, valid_until=extension.valid_until)
            events.append(dict(state, kind="changed", on=max(extension.issued_on, events[-1]["on"]),
                               citation="001 p.36", decision=_approved(Decision, extension.case_id, "extension"),
                               note={}))
        if entry.status == "terminated":
            basis = dict(entry.end_basis or {})
            termination = (Decision.objects.filter(case__parent_id=entry.case_id, kind="termination",
                                                   outcome="approved").order_by("-decided_at", "-pk").first())
            events.append(dict(state, status="terminated", kind="ended",
                               on=max(entry.ended_on or events[-1]["on"], events[-1]["on"]),
                               citation=basis.pop("citation", None) or "001 p.41", decision=termination, note=basis))
        for event in events:
            Event.objects.create(entry=entry, register=REGISTER, **event)
        last = events[-1]
        entry.basis_citation, entry.basis_decision, entry.basis_on = last["citation"], last["decision"], last["on"]
        entry.save()


def backwards(apps, schema_editor):
    Certificate = apps.get_model("casework", "Certificate")
    Entry = apps.get_model("casework", "RegisterEntry")
    Event = apps.get_model("casework", "RegisterEvent")
    for entry in Entry.objects.filter(register=REGISTER).iterator():
        entry.activity_types = list((entry.data or {}).get("activity_types") or [])
        ended = Event.objects.filter(entry=entry, kind="ended").order_by("-on", "-pk").first()
        if ended is not None:
            entry.end_basis = {"citation": ended.citation, **ended.note}
        entry.save()
    Event.objects.filter(register=REGISTER).delete()
    for old, new in KINDS.items():
        Certificate.objects.filter(kind=new).update(kind=old)


class Migration(migrations.Migration):

    dependencies = [
        ("casework", "0007_registers_generic_entries"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
