"""Act 003, articles 20-33 (group G): the thirteen support measures and what the seed itself says of
a case of each, the procedures "support-measure.<id>". Each test names the requirement id and the
paragraph."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

from techpolicy.cli import main
from techpolicy.law import columnar, rules
from techpolicy.law.acts.act003_state_support.measures import PROCEDURES, SPECS, fitting
from techpolicy.law.acts.act003_state_support.support_measures import BY_ID, MEASURES
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import ParameterNotSet, Parameters
from techpolicy.law.procedure import catalogue

BASE = {"filed_on": "2026-04-01",
        "applicant": {"kind": "legal_entity", "name": "«Ертіс Полимер» АҚ", "activity": "полимер өндірісін жаңғырту"}}


def decide(measure: str, references=None, **facts):
    return PROCEDURES[measure].evaluate({**BASE, **facts}, references=references)


def status(verdict, rule_id: str) -> str:
    return next(r.status for r in verdict.results if r.rule_id == rule_id)


def test_003_a20_p2_the_catalogue_holds_the_thirteen_measures_in_the_acts_order():
    """003.a20.p2: (1) financing ... (13) export, each with its provider and governing article."""
    assert [m.citation.ref for m in MEASURES] == [f"003 a.20 p.2({n})" for n in range(1, 14)]
    assert MEASURES[6].procedure == "innovation-grant"
    for measure in MEASURES:
        assert all(measure.name[lang] and measure.provider[lang] for lang in ("kk", "ru", "en"))
        assert measure.procedure is None or measure.procedure in catalogue()
    # The seed gives nothing checkable for land and subsoil (art. 30) and investment attraction (art. 32).
    assert [m.id for m in MEASURES if m.procedure is None] == ["land_and_subsoil", "investment_attraction"]


@pytest.mark.parametrize(("facts", "failed"), [
    ({"provider": "development_bank", "purpose": "modernisation", "leasing": True, "term_months": 120}, []),
    ({"provider": "development_bank", "purpose": "modernisation", "leasing": True, "term_months": 121}, ["003.a21.p3"]),
    ({"provider": "other", "purpose": "new_project", "term_months": 200}, ["003.a21.p1"]),
    ({"provider": "national_development_institution", "purpose": "other", "term_months": 12}, ["003.a21.p2"]),
])
def test_003_a21_financing_by_the_development_bank_for_the_purposes_leasing_at_most_ten_years(facts, failed):
    """003.a21.p1-p3: provider, purpose (new, modernisation, expansion), leasing <= iil.leasing_max_years."""
    verdict = decide("financing", **facts)
    assert [r.rule_id for r in verdict.failed] == failed
    if failed == ["003.a21.p3"]:
        assert "121" in verdict.failed[0].reason["kk"] and "10" in verdict.failed[0].reason["kk"]
    assert any("support.financing.conditions" in n["en"] for n in verdict.notes)


def test_003_a22_guarantees_only_on_loans_of_second_tier_banks():
    assert decide("guarantee", lender="second_tier_bank").eligible
    refused = decide("guarantee", lender="other")
    assert [r.rule_id for r in refused.failed] == ["003.a22"] and refused.failed[0].citation.ref == "003 a.22 p.1"


@pytest.mark.parametrize(("own", "purpose", "failed"), [
    ("1.00", "expansion", []), ("0", "expansion", ["003.a23.p2"]), ("5", "other", ["003.a23.p2.purpose"])])
def test_003_a23_p2_lending_needs_the_subjects_own_contribution(own, purpose, failed):
    verdict = decide("lending", own_contribution=own, purpose=purpose, lender="second_tier_bank")
    assert [r.rule_id for r in verdict.failed] == failed


@pytest.mark.parametrize(("lender", "failed"), [
    ("second_tier_bank", []), ("financial_institution", []), ("other", ["003.a23.p1"])])
def test_003_a23_p1_lending_goes_through_a_financial_institution_holding_the_agents_funds(lender, failed):
    """003.a23.p1 (article 23(1)): the financial agent lends by placing funds in financial institutions;
    a second-tier bank is one of them."""
    verdict = decide("lending", own_contribution="1", purpose="new_project", lender=lender)
    assert [r.rule_id for r in verdict.failed] == failed
    if failed:
        assert verdict.failed[0].citation.ref == "003 a.23 p.1"
        assert verdict.failed[0].reason["kk"] == "Кредитті қаржы институты бермейді."


@pytest.mark.parametrize(("instrument", "given", "eligible"), [
    ("loan", {"lender": "financial_institution"}, True), ("loan", {"lender": "other"}, False),
    ("loan", {"issuer": "the_subject"}, False),  # a loan with no lender named is not shown to be from an institution
    ("bond", {"issuer": "the_subject"}, True), ("bond", {"issuer": "other", "lender": "second_tier_bank"}, False),
])
def test_003_a24_p1_interest_on_institutions_loans_and_coupon_on_the_subjects_own_bonds(instrument, given, eligible):
    """003.a24.p1 (article 24(1)): interest on loans of financial institutions, coupon on bonds the
    subjects themselves issue."""
    verdict = decide("interest_subsidy", own_contribution="1000", purpose="new_project", instrument=instrument,
                     working_capital=False, **given)
    assert verdict.eligible is eligible
    assert eligible or [r.rule_id for r in verdict.failed] == ["003.a24.p1"]


@pytest.mark.parametrize("instrument", ["loan", "bond"])
def test_003_a24_p2_a2_reading_r_g2_no_subsidy_for_working_capital_loans_or_bonds(instrument):
    facts = {"own_contribution": "1000", "purpose": "new_project", "instrument": instrument,
             "lender": "second_tier_bank", "issuer": "the_subject"}
    assert decide("interest_subsidy", working_capital=False, **facts).eligible
    refused = decide("interest_subsidy", working_capital=True, **facts)
    assert [r.rule_id for r in refused.failed] == ["003.a24.p2.a2"]
    assert "айналымдағы қаражатты" in refused.failed[0].reason["kk"]


def test_003_a25_equity_investments_need_all_three_tests():
    tests = {name: {"evidence": "дәлел"} for name in ("productivity_and_priority_sectors",
                                                     "economic_and_financial_attractiveness",
                                                     "technological_potential")}
    assert decide("equity", provider="national_development_institution", **tests).eligible
    two = {k: v for k, v in tests.items() if k != "technological_potential"}
    refused = decide("equity", provider="national_development_institution", **two)
    assert [r.rule_id for r in refused.failed] == ["003.a25"]
    assert "технологиялық әлеуетті" in refused.failed[0].reason["kk"]
    assert not decide("equity", provider="other", **tests).eligible


def test_003_a26_a_guaranteed_order_rests_on_a_technological_memorandum():
    assert decide("guaranteed_order", buyer="national_company", memorandum="ТМ-2026/14").eligible
    assert not decide("guaranteed_order", buyer="national_company").eligible
    assert not decide("guaranteed_order", buyer="other", memorandum="ТМ-2026/14").eligible


def test_003_a28_p1_4_training_abroad_only_in_technical_specialties_not_taught_in_kazakhstan():
    facts = {"specialty": "6B07105", "specialty_kind": "technical", "trained_in_kazakhstan": False}
    verdict = decide("training_abroad", **facts)
    assert verdict.eligible and any("Қазақстанда даярланатын" in n["kk"] for n in verdict.notes)
    assert not decide("training_abroad", **{**facts, "specialty_kind": "other"}).eligible
    assert not decide("training_abroad", **{**facts, "trained_in_kazakhstan": True}).eligible
    listed = decide("training_abroad", references={"kz_specialties": {"6B07105": {}}}, **facts)
    assert [r.rule_id for r in listed.failed] == ["003.a28.p1.4"]


@pytest.mark.parametrize(("measure", "facts", "rule_id"), [
    ("infrastructure", {"purpose": "other"}, "003.a29"),
    ("domestic_market", {"costs": "other"}, "003.a31.p3"),
])
def test_003_a29_and_a31_p3_purposes_the_law_names(measure, facts, rule_id):
    assert [r.rule_id for r in decide(measure, **facts).failed] == [rule_id]


def test_003_a33_p2_6_export_reimbursement_only_for_goods_on_the_list():
    goods = {"processed_goods": {"2710": {}, "7208": {}}}
    assert decide("export_promotion", references=goods, goods=["2710"]).eligible
    refused = decide("export_promotion", references=goods, goods=["2710", "0101"])
    assert [r.rule_id for r in refused.failed] == ["003.a33.p2.6"] and "0101" in refused.failed[0].reason["en"]
    assert not decide("export_promotion", goods=["2710"]).eligible  # no list given: nothing is on it


def test_003_a20_p1_and_p6_a_decision_cites_a_sectoral_programme_and_a_criterion():
    """003.a20.p1, 003.a20.p6 (R-G1): at a decision, the programme and at least one criterion."""
    facts = {"lender": "second_tier_bank", "stage": "decision", "decided_on": "2026-04-20"}
    refused = decide("guarantee", **facts)
    assert [r.rule_id for r in refused.failed] == ["003.a20.p1", "003.a20.p6.criteria"]
    granted = decide("guarantee", sectoral_programme="Өңдеу өнеркәсібі бағдарламасы",
                     award_basis={"scale": {"evidence": "өңірдегі 400 жұмыс орны"}}, **facts)
    assert granted.eligible and granted.on.isoformat() == "2026-04-20"


def test_003_a20_p3_5_agro_industrial_subjects_are_supported_under_their_own_law():
    refused = decide("guarantee", lender="second_tier_bank", other_regime="agro_industrial")
    assert [r.rule_id for r in refused.failed] == ["003.a20.p3-5"]
    assert "Агроөнеркәсіптік" in refused.failed[0].reason["kk"]


def test_the_measures_that_fit_are_listed_with_reasons_and_the_facts_each_still_needs():
    found = {fit.measure.id: fit for fit in fitting({**BASE, "lender": "second_tier_bank", "purpose": "expansion",
                                                      "own_contribution": "0", "instrument": "bond",
                                                      "issuer": "the_subject",
                                                      "working_capital": True})}
    assert list(found) == [m.id for m in MEASURES]
    assert found["guarantee"].status == "fits"
    assert found["lending"].status == "does_not_fit"
    assert [r.rule_id for r in found["interest_subsidy"].verdict.failed] == ["003.a24.p2.a1", "003.a24.p2.a2"]
    assert found["financing"].status == "needs_facts" and "provider" in found["financing"].missing
    assert found["land_and_subsoil"].status == "no_procedure"
    assert found["guarantee"].as_dict("kk")["measure"]["provider"].startswith("Үкімет айқындайтын")
    with pytest.raises(InvalidFacts):
        PROCEDURES["guarantee"].evaluate({**BASE, "lender": "x" * 10_000})


def test_each_measures_rules_decide_a_frame_as_each_case():
    """One definition per rule: the frame of cases decides as each case alone (issue 11's rule form)."""
    own = {"purpose": "new_project", "own_contribution": "10"}
    subsidy = {**own, "working_capital": False}
    cases = {
        "financing": [{"provider": "development_bank", "purpose": "expansion", "leasing": True, "term_months": 130},
                      {"provider": "other", "purpose": "other", "term_months": 12}],
        "equity": [{"provider": "national_development_institution",
                    "technological_potential": {"evidence": "x"}}, {"provider": "other"}],
        "export_promotion": [{"goods": ["2710"]}, {"goods": ["0101", "2710"], "stage": "decision"}],
        "interest_subsidy": [{**subsidy, "instrument": "loan", "lender": "financial_institution"},
                             {**subsidy, "instrument": "bond", "issuer": "other"}, {**subsidy, "instrument": "loan"},
                             {**subsidy, "instrument": "bond", "issuer": "the_subject", "working_capital": True}],
        "lending": [{**own, "lender": "other"}, {**own, "lender": "financial_institution", "own_contribution": "0"}],
    }
    goods = {"processed_goods": {"2710": {}}}
    for measure, variants in cases.items():
        spec, procedure = SPECS[measure], PROCEDURES[measure]
        population = [procedure.parse({**BASE, **facts}) for facts in variants]
        frame = columnar.frame_of(spec.facts, population).with_columns(
            pl.Series(columnar.ON, [c.decision_date() for c in population], dtype=pl.Date))
        decided = rules.evaluate_frame(procedure.rules, spec.facts, frame, reference=goods)
        for row, case in zip(decided.iter_rows(named=True), population, strict=True):
            verdict = procedure.evaluate(case, references=goods)
            assert {r.id: rules.STATUSES[row[r.id]] for r in procedure.rules} == \
                {r.rule_id: r.status for r in verdict.results}


def test_cli_checks_a_support_measure(capsys, tmp_path):
    facts = tmp_path / "subsidy.json"
    facts.write_text(json.dumps({**BASE, "own_contribution": "500000", "purpose": "new_project",
                                 "instrument": "loan", "working_capital": True}), "utf-8")
    assert main(["check", "support-measure", "interest_subsidy", str(facts), "--lang", "ru"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["subject"] == "support_measure.interest_subsidy"
    assert printed["rules"][-4]["citation"]["ref"] == "003 a.24 p.2 [indent 2]"
    assert main(["check", "support-measure", "leasing_of_yachts", str(facts)]) == 2
    assert json.loads(capsys.readouterr().err)["field"] == "MEMBER"
    assert main(["check", "support-measure", str(facts)]) == 2
    assert main(["schema", "support-measure", "equity"]) == 0
    assert "technological_potential" in json.loads(capsys.readouterr().out)["properties"]


# The forms of each measure that the seed lists without a condition to check: records with their
# requirement id and paragraph, and the Government's open numbers as parameters with no value.
FORM_RECORDS = [
    ("financing", "003.a21.p4", "003 a.21 p.4", ["support.financing.conditions"]),
    ("lending", "003.a23.p1", "003 a.23 p.1", []),
    ("lending", "003.a23.p3", "003 a.23 p.3", ["support.lending.conditions", "support.lending.min_own_share"]),
    ("interest_subsidy", "003.a24.p1", "003 a.24 p.1", []),
    ("interest_subsidy", "003.a24.p3", "003 a.24 p.3", ["support.subsidy.rate", "support.subsidy.min_own_share"]),
    ("training_abroad", "003.a28.p1", "003 a.28 p.1(1)", []),
    ("training_abroad", "003.a28.p1", "003 a.28 p.1(2)", []),
    ("training_abroad", "003.a28.p1", "003 a.28 p.1(3)", []),
    ("training_abroad", "003.a28.p2", "003 a.28 p.2", ["support.specialties.cycle"]),
    ("training_abroad", "003.a28.p3", "003 a.28 p.3", ["support.management_tech.share"]),
    ("training_abroad", "003.a28.p4", "003 a.28 p.4(1)", ["support.consultants.share"]),
    ("training_abroad", "003.a28.p4", "003 a.28 p.4(2)", ["support.foreign_specialist.criteria"]),
    ("training_abroad", "003.a28.p5", "003 a.28 p.5", ["support.reimbursement_rules"]),
    ("land_and_subsoil", "003.a30", "003 a.30(1)", []),
    ("land_and_subsoil", "003.a30", "003 a.30(2)", []),
    ("domestic_market", "003.a31.p1", "003 a.31 p.1", []),
    ("domestic_market", "003.a31.p1", "003 a.31 p.1", ["support.domestic_promotion.share"]),
    ("domestic_market", "003.a31.p3", "003 a.31 p.3(1)", ["support.comprehensive_plan.share"]),
    *[("investment_attraction", "003.a32", f"003 a.32 p.1({n})", []) for n in (1, 2, 3)],
    ("investment_attraction", "003.a32", "003 a.32 p.2", []),
    *[("export_promotion", "003.a33.p2", f"003 a.33 p.2({n})", []) for n in (1, 2, 3, 4, 5, 7)],
    ("export_promotion", "003.a33.p2.6", "003 a.33 p.2(6)",
     ["support.export_reimbursement.share", "support.export_reimbursement.cap"]),
]


@pytest.mark.parametrize(("measure_id", "requirement", "ref", "open_parameters"), FORM_RECORDS)
def test_003_a21_to_a33_each_form_of_a_measure_is_a_record_with_its_paragraph_and_open_numbers(
        measure_id, requirement, ref, open_parameters):
    """003.a21.p4, a23.p1, a23.p3, a24.p1, a24.p3, a28.p1-p5, a30, a31.p1, a31.p3, a32, a33.p2: the
    measure lists the form at its paragraph in three languages; each number the Government sets is a
    parameter with no value in force on any date, named on a Kazakh page by its label."""
    measure = BY_ID[measure_id]
    matching = [f for f in measure.forms if f.id == requirement and f.citation.ref == ref
                and list(f.open_parameters) == open_parameters]
    assert len(matching) >= 1, [(f.id, f.citation.ref) for f in measure.forms]
    form = matching[0]
    assert all(form.name[lang] for lang in ("kk", "ru", "en"))
    parameters = Parameters.from_source()
    for name in open_parameters:
        with pytest.raises(ParameterNotSet):
            parameters.get(name, dt.date(2026, 6, 1))
        kk = form.as_dict("kk")
        assert name not in " ".join(kk["open_parameters"])  # a Kazakh reader sees the label, not the code
    assert measure.as_dict("kk")["forms"][measure.forms.index(form)]["citation"]["ref"] == ref


def test_003_a20_p2_every_form_cites_its_measures_own_article():
    """003.a20.p2 with articles 21-33: a form of a measure sits in the article that governs the measure."""
    for measure in MEASURES:
        assert all(form.citation.article == measure.article.article for form in measure.forms), measure.id
