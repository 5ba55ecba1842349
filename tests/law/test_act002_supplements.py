"""Act 002, section 2, part 2 (l.463-475): the monthly supplement of scientific workers for degrees
and titles (requirement 002.s2.p2.sup, table 13.4): multiple x the MCI in force on 1 January of the
financial year, one supplement by the highest matching row (reading R-E4)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from techpolicy.cli import main
from techpolicy.law.acts.act002_science_territories.supplements import DEGREES, TITLES, supplement
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import ParameterNotInForce, Parameters, ParameterValue

D = dt.date
SOURCE = Parameters.from_source()
MCI_2026 = SOURCE.value("mci", D(2026, 1, 1))


@pytest.mark.parametrize(("degrees", "titles", "row", "multiple", "line"), [
    (["phd"], [], ("phd", "none"), 17, "465"),
    (["profile_doctor"], [], ("phd", "none"), 17, "465"),
    (["candidate_of_sciences"], [], ("candidate", "none"), 17, "469"),
    (["phd"], ["associate_professor"], ("phd", "associate_professor"), 25, "467"),
    (["candidate_of_sciences"], ["associate_professor"], ("candidate", "associate_professor"), 25, "471"),
    (["doctor_of_sciences"], [], ("doctor", "none"), 34, "469"),
    (["doctor_of_sciences"], ["associate_professor"], ("doctor", "associate_professor"), 42, "471"),
    (["phd"], ["professor"], ("phd", "professor"), 50, "473"),
    (["profile_doctor"], ["professor"], ("phd", "professor"), 50, "473"),
    (["candidate_of_sciences"], ["professor"], ("candidate", "professor"), 50, "475"),
    (["doctor_of_sciences"], ["professor"], ("doctor", "professor"), 50, "475"),
])
def test_002_s2_p2_sup_each_row_of_the_table(degrees, titles, row, multiple, line):
    found = supplement(degrees, titles, 2026)
    assert found.row == row and found.multiple.value == multiple
    assert found.amount == Decimal(multiple) * MCI_2026 and found.amount == Decimal(multiple * 4325)
    assert found.multiple.citation == Citation("002", "", section="2") and f"(l.{line})" in found.multiple.source
    assert found.mci.start == D(2026, 1, 1) and found.mci.citation.note == "republican budget law for 2026"
    assert found.as_dict("en")["row"]["seed_lines"] == line


@pytest.mark.parametrize(("degrees", "titles", "row", "multiple"), [
    (["phd", "doctor_of_sciences"], [], ("doctor", "none"), 34),
    (["doctor_of_sciences", "candidate_of_sciences"], ["associate_professor"], ("doctor", "associate_professor"), 42),
    (["candidate_of_sciences"], ["associate_professor", "professor"], ("candidate", "professor"), 50),
    (["phd", "doctor_of_sciences"], ["professor", "associate_professor"], ("phd", "professor"), 50),
])
def test_002_s2_p2_sup_r_e4_several_degrees_and_titles_give_the_single_highest_row(degrees, titles, row, multiple):
    found = supplement(degrees, titles, 2026)
    assert found.row == row and found.amount == Decimal(multiple) * MCI_2026
    assert any("R-E4" in note["en"] and "R-E4" in note["kk"] for note in found.notes)
    assert supplement(reversed(degrees), reversed(titles), 2026).row == row  # the order given does not matter


def test_002_s2_p2_sup_a_title_without_a_degree_matches_no_row():
    found = supplement([], ["professor"], 2026)
    assert not found.granted and found.amount == 0 and found.row is None and found.mci is None


def test_002_s2_p2_sup_the_mci_of_1_january_is_used_across_a_mid_year_change():
    """Not the MCI of the month paid: a rise from 1 July 2027 does not change the 2027 supplement."""
    budget = Citation("general", "", note="republican budget law for 2027")
    parameters = SOURCE.with_values([ParameterValue("mci", D(2027, 1, 1), 4500, budget, set_by="operator"),
                                     ParameterValue("mci", D(2027, 7, 1), 4700, budget, set_by="operator")])
    found = supplement(["doctor_of_sciences"], [], 2027, parameters)
    assert found.mci.value == 4500 and found.mci.start == D(2027, 1, 1) and found.mci_date == D(2027, 1, 1)
    assert found.amount == Decimal(34 * 4500)
    assert supplement(["doctor_of_sciences"], [], 2028, parameters).mci.value == 4700


def test_002_s2_p2_sup_a_year_without_its_own_mci_says_which_value_is_used():
    found = supplement(["phd"], [], 2027)  # no budget law for 2027 in the parameters
    assert found.mci.start == D(2026, 1, 1)
    assert any("No MCI for 2027" in n["en"] and "2027" in n["ru"] for n in found.notes)
    assert not any("No MCI" in n["en"] for n in supplement(["phd"], [], 2026).notes)


def test_002_s2_p2_sup_every_result_says_the_passage_is_descriptive():
    notes = supplement(["phd"], [], 2026).notes
    assert any("legal act" in n["en"] and "құқықтық акт" in n["kk"] and "правовой" in n["ru"] for n in notes)


def test_002_s2_p2_sup_before_the_table_is_known_and_unknown_codes():
    with pytest.raises(ParameterNotInForce):
        supplement(["phd"], [], 2025)  # 1 January 2025 precedes the resolution of 24.12.2025
    with pytest.raises(ValueError, match="unknown degree"):
        supplement(["master"], [], 2026)
    with pytest.raises(ValueError, match="outside"):
        supplement(["phd"], [], 10**9)


def test_degree_and_title_codes_are_labelled_in_three_languages():
    for labels in (*DEGREES.values(), *TITLES.values()):
        assert set(labels) == {"kk", "ru", "en"} and all(labels.values())


# --- the command line ----------------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_supplement_exit_0_with_the_row_mci_and_amount(capsys):
    code, out, _ = run(capsys, "supplement", "--degree", "candidate_of_sciences", "--title", "associate_professor",
                       "--year", "2026", "--lang", "ru")
    printed = json.loads(out)
    assert code == 0 and printed["amount_kzt"] == str(25 * 4325)
    assert printed["row"]["label"] == "кандидат наук + ассоциированный профессор (доцент)"
    assert printed["mci"]["from"] == "2026-01-01" and printed["mci_date"] == "2026-01-01"
    assert printed["multiple"]["citation"]["ref"] == "002 s.2"


def test_cli_supplement_several_degrees_and_all_languages(capsys):
    code, out, _ = run(capsys, "supplement", "--degree", "phd", "--degree", "doctor_of_sciences", "--year", "2026")
    printed = json.loads(out)
    assert code == 0 and printed["row"]["degree"] == "doctor" and set(printed["row"]["label"]) == {"kk", "ru", "en"}


def test_cli_supplement_exit_1_for_a_title_without_a_degree(capsys):
    code, out, _ = run(capsys, "supplement", "--title", "professor", "--year", "2026", "--lang", "kk")
    assert code == 1 and json.loads(out)["granted"] is False


@pytest.mark.parametrize(("argv", "field"), [
    (["--degree", "phd", "--year", "soon"], "--year"),
    (["--degree", "phd", "--year", "99999"], "--year"),
    (["--degree", "phd", "--year", "2024"], None),  # before the table: the parameter's error
])
def test_cli_supplement_exit_2_for_invalid_input(capsys, argv, field):
    code, _, err = run(capsys, "supplement", *argv)
    assert code == 2 and json.loads(err)["field"] == field


def test_cli_supplement_unknown_degree_is_a_usage_error(capsys):
    code, _, _ = run(capsys, "supplement", "--degree", "master", "--year", "2026")
    assert code == 2


def test_002_s2_p2_sup_the_day_of_the_mci_is_a_dated_rule():
    """sct.supplement.mci_date_rule is "01-01" as the seed says; an operator's other day applies from its date."""
    budget = Citation("general", "", note="republican budget law for 2027")
    rule = Citation("002", "", section="2")
    parameters = SOURCE.with_values([ParameterValue("mci", D(2027, 7, 1), 4700, budget, set_by="operator"),
                                     ParameterValue("sct.supplement.mci_date_rule", D(2027, 1, 1), "07-01", rule,
                                                    set_by="operator")])
    assert supplement(["phd"], [], 2026, parameters).mci_date == D(2026, 1, 1)
    found = supplement(["phd"], [], 2027, parameters)
    assert found.mci_date == D(2027, 7, 1) and found.amount == Decimal(17 * 4700)
    broken = SOURCE.with_values([ParameterValue("sct.supplement.mci_date_rule", D(2027, 1, 1), "January", rule,
                                                set_by="operator")])
    with pytest.raises(ValueError, match="MM-DD"):
        supplement(["phd"], [], 2027, broken)
