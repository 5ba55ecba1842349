"""Multi-criteria ranking of key technologies (seed 000, paragraphs 11–13)."""

import math

import numpy as np
import pytest

from techpolicy.forecasting.ranking import (
    COST,
    Criterion,
    DecisionMatrix,
    method_agreement,
    rank_scores,
    rank_technologies,
    topsis,
    validate_weights,
    weight_sensitivity,
    weighted_sum,
)

CRITERIA = (Criterion("market", "benefit"), Criterion("competence", "benefit"), Criterion("cost", COST))
ROWS = {"A": [4, 3, 2], "B": [2, 5, 4], "C": [3, 1, 1]}
WEIGHTS = {"market": 0.5, "competence": 0.3, "cost": 0.2}


def matrix(rows=ROWS):
    return DecisionMatrix.from_rows(rows, CRITERIA)


def test_weighted_sum_hand_calculation():
    # min-max: market (x-2)/2, competence (x-1)/4, cost (4-x)/3
    expected = {
        "A": 0.5 * 1 + 0.3 * 0.5 + 0.2 * 2 / 3,  # 0.78333
        "B": 0.5 * 0 + 0.3 * 1 + 0.2 * 0,  # 0.3
        "C": 0.5 * 0.5 + 0.3 * 0 + 0.2 * 1,  # 0.45
    }
    result = weighted_sum(matrix(), WEIGHTS)
    for tech, score in expected.items():
        assert result.scores[result.technologies.index(tech)] == pytest.approx(score)
    assert result.scores[0] == pytest.approx(0.783333, abs=1e-6)
    assert result.order() == ["A", "C", "B"]
    assert result.ranks == (1, 3, 2)


def test_topsis_hand_calculation():
    n1, n2, n3 = math.sqrt(16 + 4 + 9), math.sqrt(9 + 25 + 1), math.sqrt(4 + 16 + 1)
    v = {t: (0.5 * r[0] / n1, 0.3 * r[1] / n2, 0.2 * r[2] / n3) for t, r in ROWS.items()}
    pis = (max(x[0] for x in v.values()), max(x[1] for x in v.values()), min(x[2] for x in v.values()))
    nis = (min(x[0] for x in v.values()), min(x[1] for x in v.values()), max(x[2] for x in v.values()))
    expected = {}
    for t, x in v.items():
        d_plus = math.dist(x, pis)
        d_minus = math.dist(x, nis)
        expected[t] = d_minus / (d_plus + d_minus)
    result = topsis(matrix(), WEIGHTS)
    for tech, score in expected.items():
        assert result.scores[result.technologies.index(tech)] == pytest.approx(score, abs=1e-12)
    # rounded by hand: A d+ = 0.1104, d- = 0.2289 -> 0.6746
    assert result.scores == pytest.approx((0.6746, 0.4717, 0.4184), abs=1e-4)
    assert result.order() == ["A", "B", "C"]  # TOPSIS swaps B and C relative to the weighted sum


def test_dominated_alternative_ranks_last_in_both_methods():
    rows = {**ROWS, "D": [1, 0.5, 5]}  # worse than every other on every criterion
    report = rank_technologies(matrix(rows), WEIGHTS)
    for result in report.results:
        assert result.rank_of("D") == 4
        assert result.order()[-1] == "D"
    (agreement,) = report.agreement
    # orders A, C, B, D vs A, B, C, D: rho = 1 - 6 * 2 / (4 * 15) = 0.8
    assert agreement.rho == pytest.approx(0.8)
    assert not agreement.same_order
    assert report.as_dict()["agreement"][0]["method_a"] == "weighted_sum"


def test_ties_share_the_best_rank():
    assert rank_scores([0.5, 0.9, 0.5, 0.1]).tolist() == [2, 1, 2, 4]
    result = weighted_sum(DecisionMatrix.from_rows({"X": [1, 0], "Y": [0, 1]}, ("a", "b")), [0.5, 0.5])
    assert result.ranks == (1, 1)
    assert result.ties() == [["X", "Y"]]


@pytest.mark.parametrize(
    "weights, message",
    [
        ({"market": 0.5, "competence": 0.5}, "missing"),
        ({"market": 0.5, "competence": 0.3, "cost": 0.2, "other": 0.0}, "unknown"),
        ([0.5, 0.5], "3 criteria"),
        ([0.7, 0.5, -0.2], "non-negative"),
        ([0.0, 0.0, 0.0], "positive"),
        ([0.5, 0.3, 0.3], "sum to 1"),
        ([0.5, float("nan"), 0.5], "finite"),
    ],
)
def test_weights_validation_errors(weights, message):
    with pytest.raises(ValueError, match=message):
        validate_weights(weights, CRITERIA)
    with pytest.raises(ValueError):
        weighted_sum(matrix(), weights)


def test_weights_normalise_on_request():
    assert validate_weights([5, 3, 2], CRITERIA, normalise=True) == pytest.approx([0.5, 0.3, 0.2])


def test_matrix_validation():
    with pytest.raises(ValueError, match="shape"):
        DecisionMatrix(("A",), CRITERIA, np.array([[1.0, 2.0]]))
    with pytest.raises(ValueError, match="kind"):
        Criterion("x", "profit")


@pytest.mark.parametrize("method", ["weighted_sum", "topsis"])
def test_sensitivity_finds_known_switch_point(method):
    # A = w1, B = w2 in both methods; with study weights (0.6, 0.4) A leads until w1 falls to 0.5,
    # i.e. factor f with 0.6 f / (0.6 f + 0.4) = 0.5, f = 2/3.
    two = DecisionMatrix.from_rows({"A": [1, 0], "B": [0, 1]}, ("c1", "c2"))
    result = weight_sensitivity(two, [0.6, 0.4], method=method, span=0.4, steps=9)
    c1, c2 = result.criteria
    assert c2.stable  # c2 weight reaches only 0.56/1.16 < 0.5
    assert {c.technology for c in c1.changes} == {"A", "B"}
    for change in c1.changes:
        assert change.direction == "decrease"
        assert change.weight == pytest.approx(0.5, abs=1e-5)
        assert change.factor == pytest.approx(2 / 3, abs=1e-5)
    b = next(c for c in c1.changes if c.technology == "B")
    assert (b.base_rank, b.new_rank) == (2, 1)
    assert result.as_dict()["criteria"][0]["changes"][0]["criterion"] == "c1"


def test_sensitivity_stable_for_clear_leader():
    rows = {**ROWS, "D": [1, 0.5, 5]}
    result = weight_sensitivity(matrix(rows), WEIGHTS, method="topsis")
    assert all(c.technology != "A" or c.new_rank == 1 for c in result.changes())
    assert len(result.criteria[0].factors) == 21


def test_method_agreement_opposite_orders():
    m = DecisionMatrix.from_rows({"X": [1, 0], "Y": [0, 1], "Z": [0.5, 0.5]}, ("a", "b"))
    r1 = weighted_sum(m, [1.0, 0.0])
    r2 = weighted_sum(m, [0.0, 1.0])
    (agreement,) = method_agreement([r1, r2])
    assert agreement.rho == pytest.approx(-1.0)
    assert not agreement.same_order
