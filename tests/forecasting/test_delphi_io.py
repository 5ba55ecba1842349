"""Reading Delphi answers and the `techpolicy forecast delphi` command (seed 000, paragraph 8(2)
Foresight; paragraph 11(6): Kazakhstan's level vs leader and competitor countries)."""

from __future__ import annotations

import json
import math

import pytest

from techpolicy.cli import main
from techpolicy.forecasting.delphi import DelphiError, StopRule, aggregate, read_answers

HEADER = "expert,round,technology,question,value,competence"
GOOD = [
    HEADER,
    "X1,1,ai,importance,5,8",
    "X2,1,ai,importance,4,3",
    "X3,1,ai,importance,3,5",
    "X1,1,h2,importance,2,8",
    "X2,1,h2,importance,1,3",
    "X3,1,h2,importance,,",  # no answer
    "X1,1,ai,level_vs_leader,2,8",
    "X1,1,ai,level_vs_competitor:KR,-1,8",
    "X1,1,ai,year,2032,8",
    "X1,1,ai,barrier:finance,1,8",
    "X2,1,ai,barrier:finance,0,3",
    "X1,2,ai,importance,4,8",
    "X2,2,ai,importance,4,3",
    "X3,2,ai,importance,4,5",
    "X1,2,h2,importance,2,8",
    "X2,2,h2,importance,2,3",
    "X3,2,h2,importance,1,5",
]


def _error(lines: list[str]) -> DelphiError:
    with pytest.raises(DelphiError) as info:
        read_answers(lines)
    return info.value


def test_reads_answers_into_pseudonymous_arrays():
    data = read_answers(GOOD)
    assert data.rounds == [1, 2] and data.n_experts == 3
    assert data.items[:3] == [("ai", "importance"), ("h2", "importance"), ("ai", "level_vs_leader")]
    assert data.values.shape == (2, 3, 6)
    assert data.values[0, :, 0].tolist() == [5, 4, 3]
    assert math.isnan(data.values[0, 2, 1])  # the empty value
    assert data.competence[0, 1, 0] == 3
    assert "X1" not in repr(data)  # expert codes are not kept


def test_aggregate_report():
    data = read_answers(GOOD)
    report = aggregate(data, StopRule(max_rel_iqr=0.25, max_median_shift=0.5))
    ai = report["items"][0]
    assert ai["rounds"][0]["median"] == 4 and ai["rounds"][1]["verdict"] == "consensus"
    assert ai["rounds"][1]["change"]["revised_share"] == pytest.approx(2 / 3)
    barrier = next(i for i in report["items"] if i["question"] == "barrier:finance")
    assert barrier["rounds"][0]["selected"] == 1 and barrier["rounds"][0]["share"] == 0.5
    assert report["concordance"][0]["question"] == "importance"
    json.dumps(report)  # JSON-ready


def test_duplicate_answer_names_expert_round_and_technology():
    err = _error([*GOOD, "X2,2,h2,importance,3,3"])
    assert err.field == "row 19"
    assert "'X2'" in err.message and "'h2'" in err.message and "round 2" in err.message
    assert "rows 17 and 19" in err.message


def test_duplicate_even_when_the_first_was_empty():
    err = _error([HEADER, "X1,1,ai,importance,,", "X1,1,ai,importance,3,5"])
    assert "twice" in err.message


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("X1,1,ai,importance,high,5", "is not a number"),
        ("X1,1,ai,importance,nan,5", "not a finite number"),
        ("X1,1,ai,importance,6,5", "outside"),
        ("X1,1,ai,importance,3.5,5", "outside"),
        ("X1,1,ai,importance,3,11", "competence"),
        ("X1,1,ai,importance,3,", "empty competence"),
        ("X1,one,ai,importance,3,5", "round"),
        ("X1,1,ai,popularity,3,5", "unknown question type"),
        ("X1,1,ai,barrier,1,5", "needs a code"),
        ("X1,1,ai,importance:x,3,5", "no ':' qualifier"),
        ("X1,1,ai,importance,3", "5 fields, the header has 6"),
        ("X1,1,ai,importance,3,5,extra", "7 fields"),
        (",1,ai,importance,3,5", "empty expert"),
    ],
)
def test_bad_rows(row, fragment):
    err = _error([HEADER, "X0,1,ai,importance,4,5", row])
    assert err.field == "row 3"
    assert fragment in err.message


def test_missing_column_and_empty_input():
    assert _error(["expert,round,technology,value"]).field == "question"
    assert _error([]).field == "ANSWERS"
    assert _error([HEADER]).field == "ANSWERS"


def test_unreadable_file(tmp_path):
    with pytest.raises(DelphiError) as info:
        read_answers(str(tmp_path / "missing.csv"))
    assert info.value.field == "ANSWERS"


@pytest.fixture
def answers(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    return str(path)


def test_cli_prints_json_and_exits_0(answers, capsys):
    code = main(["forecast", "delphi", answers, "--stop-rel-iqr", "0.25", "--stop-median-shift", "0.5", "--weighted"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["weighted"] is True and out["stop_rule"] == {"max_rel_iqr": 0.25, "max_median_shift": 0.5}
    assert out["items"][0]["rounds"][0]["median"] == 4.5  # competence-weighted: 3 (5), 4 (3), 5 (8)


def test_cli_takes_every_field_of_the_stop_rule(answers, capsys):
    """Paragraph 8(2): the study's whole stop rule can be given on the command line."""
    code = main(["forecast", "delphi", answers, "--stop-iqr", "1", "--stop-cv", "0.3", "--min-answers", "3"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["stop_rule"] == {"max_iqr": 1.0, "max_cv": 0.3, "min_answers": 3}


def test_cli_without_stop_rule(answers, capsys):
    assert main(["forecast", "delphi", answers]) == 0
    assert json.loads(capsys.readouterr().out)["stop_rule"] is None


def test_cli_duplicate_exits_2(tmp_path, capsys):
    path = tmp_path / "dup.csv"
    path.write_text("\n".join([*GOOD, "X1,1,ai,importance,3,8"]) + "\n", encoding="utf-8")
    assert main(["forecast", "delphi", str(path)]) == 2
    error = json.loads(capsys.readouterr().err)
    assert error["field"] == "row 19" and "X1" in error["error"]


@pytest.mark.parametrize(
    ("args", "field"),
    [(["--stop-rel-iqr", "abc"], "--stop-rel-iqr"), (["--stop-median-shift", "-1"], "--stop-median-shift"),
     (["--stop-iqr", "1", "--min-answers", "2.5"], "--min-answers")],
)
def test_cli_bad_thresholds_exit_2(answers, capsys, args, field):
    assert main(["forecast", "delphi", answers, *args]) == 2
    assert json.loads(capsys.readouterr().err)["field"] == field


def test_cli_weighted_needs_competence(tmp_path, capsys):
    path = tmp_path / "plain.csv"
    path.write_text("expert,round,technology,question,value\nX1,1,ai,importance,4\n", encoding="utf-8")
    assert main(["forecast", "delphi", str(path), "--weighted"]) == 2
    assert json.loads(capsys.readouterr().err)["field"] == "competence"
    assert main(["forecast", "delphi", str(tmp_path / "none.csv")]) == 2
