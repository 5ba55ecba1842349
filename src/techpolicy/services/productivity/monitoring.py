"""Targets of the programme against its results (seed 004, sections 4.2, 4.3 and 8).

Targets and their contradictions are the law layer's (`TARGETS`, `target_contradictions()`);
results are counted here from the database: enterprises whose reimbursement was paid (and not
returned), by instrument family and programme year (the year of the application date), leasing
recipients that reported their labour productivity. A target the system holds no data for says
so. Contradictions in the text are shown as they are, never reconciled or hidden."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from techpolicy.law.acts.act004_productivity2020.monitoring import TARGETS, target_contradictions

from . import instruments
from .models import PaymentLedgerEntry, ProductivityReport, ReimbursementAgreement

# What the targets count (the law layer's target family) -> the instrument families that count for it.
COUNTED_BY = {"cpip": ("2",), "competence": ("3",), "tech_processes": ("4",), "efficiency": ("5",),
              "clusters": ("7", "8")}
NO_DATA = {"capacity": _("Capacity utilisation is not recorded in the system.")}
# What a target's figure is, in words: the law layer names the kinds by code.
KIND_LABELS = {"annual": _("in that year"), "cumulative": _("cumulative since the programme began"),
               "per_year_min": _("at least, each year"), "ratio_min": _("at least, as a ratio"),
               "percent": _("per cent")}


def supported_enterprises() -> dict[str, dict[int, set[int]]]:
    """family -> year -> organisations whose reimbursement was paid and not terminated."""
    paid = PaymentLedgerEntry.objects.filter(agreement=OuterRef("pk"), kind=PaymentLedgerEntry.KIND_PAYMENT)
    rows = (ReimbursementAgreement.objects.filter(Exists(paid))
            .exclude(status=ReimbursementAgreement.STATUS_TERMINATED)
            .values_list("instrument", "programme_year", "case__organisation_id"))
    found: dict[str, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    for instrument, year, organisation in rows:
        found[instruments.family(instrument)][year].add(organisation)
    return found


def results_table() -> tuple[list[int], list[dict]]:
    """Rows per instrument family: agreements paid per programme year (and terminated ones apart)."""
    paid = PaymentLedgerEntry.objects.filter(agreement=OuterRef("pk"), kind=PaymentLedgerEntry.KIND_PAYMENT)
    counts: dict[tuple[str, int], dict[str, int]] = defaultdict(lambda: {"paid": 0, "terminated": 0})
    for agreement in ReimbursementAgreement.objects.filter(Exists(paid)).only("instrument", "programme_year",
                                                                              "status"):
        key = (instruments.family(agreement.instrument), agreement.programme_year)
        counts[key]["terminated" if agreement.status == ReimbursementAgreement.STATUS_TERMINATED else "paid"] += 1
    years = sorted({year for _family, year in counts})
    rows = []
    for family, label in instruments.FAMILIES.items():
        cells = [counts.get((family, year), {"paid": 0, "terminated": 0}) for year in years]
        rows.append({"family": family, "label": label, "cells": cells,
                     "total": sum(c["paid"] for c in cells), "terminated": sum(c["terminated"] for c in cells)})
    return years, rows


def _leasing_results() -> dict:
    reports = ProductivityReport.objects.filter(case__workflow="productivity.leasing")
    decided = [r for r in reports if r.obligation_met is not None]
    met_cases = {r.case_id for r in decided if r.obligation_met}
    ratios = [r.after / r.before for r in decided]
    return {"reports": len(decided), "met": len(met_cases),
            "average_ratio": (sum(ratios, Decimal(0)) / len(ratios)).quantize(Decimal("0.01")) if ratios else None}


def _result_for(target, enterprises, leasing) -> dict:
    """The result the database gives for one target, or why it gives none."""
    if target.family in NO_DATA:
        return {"result": None, "note": NO_DATA[target.family]}
    if target.family == "leasing_productivity":
        return {"result": leasing["average_ratio"], "note": _("average ratio over %(n)s reports") % {
            "n": leasing["reports"]}}
    if target.family == "leasing_enterprises":
        return {"result": leasing["met"], "note": _("leasing recipients whose reported productivity rose as required")}
    per_year: dict[int, set[int]] = defaultdict(set)
    for family in COUNTED_BY.get(target.family, ()):
        for year, organisations in enterprises.get(family, {}).items():
            per_year[year] |= organisations
    if target.kind == "annual":
        return {"result": len(per_year.get(target.year, set())), "note": _("in %(year)s") % {"year": target.year}}
    covered = [year for year in per_year if target.period_start <= year <= target.year]
    count = len(set().union(*(per_year[y] for y in covered))) if covered else 0
    if target.kind == "per_year_min":
        span = target.year - target.period_start + 1
        average = (Decimal(sum(len(per_year[y]) for y in covered)) / span).quantize(Decimal("0.1"))
        return {"result": average, "note": _("a year on average, %(start)s–%(end)s") % {
            "start": target.period_start, "end": target.year}}
    return {"result": count, "note": _("enterprises %(start)s–%(end)s") % {"start": target.period_start,
                                                                             "end": target.year}}


def targets_table(lang: str) -> list[dict]:
    enterprises = supported_enterprises()
    leasing = _leasing_results()
    rows = []
    for target in TARGETS:
        with translation.override(lang):  # the result notes, in the table's language
            result = {k: str(v) if isinstance(v, Promise) else v
                      for k, v in _result_for(target, enterprises, leasing).items()}
        rows.append({"id": target.id, "indicator": target.indicator.get(lang) or target.indicator["en"],
                     "kind": target.kind, "kind_label": KIND_LABELS.get(target.kind, target.kind),
                     "year": target.year, "value": target.value,
                     "citation": target.citation.text(lang), **result})
    return rows


def page(request):
    lang = translation.get_language() or "kk"
    years, results = results_table()
    return render(request, "productivity/monitoring.html", {
        "targets": targets_table(lang), "years": years, "results": results,
        "contradictions": [{**c.as_dict(lang), "indicator": c.first.indicator.get(lang) or c.first.indicator["en"]}
                           for c in target_contradictions()],
    })
