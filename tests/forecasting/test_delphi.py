"""Delphi statistics for the Foresight direction of technology forecasting (seed 000, paragraph 8(2)),
used in the main stage (paragraph 11) e.g. for Kazakhstan's level vs leader and competitor countries (11(6))."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from techpolicy.forecasting.delphi import (
    DelphiError,
    StopRule,
    feedback,
    kendall_w,
    round_changes,
    summarize,
    verdicts,
    weighted_quantiles,
)

NAN = math.nan

# An EXAMPLE only, not a default: a consensus criterion often cited in the Delphi literature is
# "IQR <= 1 on a 5-point scale". Each study sets its own thresholds.
LITERATURE_EXAMPLE_RULE = StopRule(max_iqr=1.0)


def _small() -> np.ndarray:
    # one round, five experts, two items
    return np.array([[[1, 2], [2, NAN], [3, 4], [4, 4], [5, NAN]]], dtype=float)


@pytest.mark.parametrize("a", [0.0, 0.5, 0.25])  # 0.0, 0.5: counting path (unit grid); 0.25: sorting path
def test_hand_computed_statistics(a):
    b = 0.5 if a == 0.25 else a  # item 1 shifted by b: with a = 0.25 the answers leave the unit grid
    s = summarize(_small() + np.array([a, b]))
    assert s.n.tolist() == [[5, 3]]
    assert s.median[0] == pytest.approx([3 + a, 4 + b])
    assert s.q1[0] == pytest.approx([2 + a, 3 + b])  # item 1: sorted 2, 4, 4; position 0.5
    assert s.q3[0] == pytest.approx([4 + a, 4 + b])
    assert s.iqr[0] == pytest.approx([2, 1])
    assert s.rel_iqr[0] == pytest.approx([2 / (3 + a), 1 / (4 + b)])
    assert s.mean[0] == pytest.approx([3 + a, 10 / 3 + b])
    assert s.std[0] == pytest.approx([math.sqrt(2.5), math.sqrt(4 / 3)])
    assert s.cv[0] == pytest.approx([math.sqrt(2.5) / (3 + a), math.sqrt(4 / 3) / (10 / 3 + b)])


def test_no_answers_and_single_answer_give_nan_not_errors():
    values = np.array([[[NAN, 3], [NAN, NAN]]])
    s = summarize(values)
    assert s.n.tolist() == [[0, 1]]
    assert math.isnan(s.median[0, 0]) and s.median[0, 1] == 3
    assert math.isnan(s.std[0, 1]) and math.isnan(s.cv[0, 1])
    agreed_at_zero = summarize(np.array([[[0.0], [0.0]]]))
    assert agreed_at_zero.rel_iqr[0, 0] == 0 and agreed_at_zero.cv[0, 0] == 0  # complete agreement, even at 0
    assert math.isnan(summarize(np.array([[[-1.0], [0.0], [1.0]]])).rel_iqr[0, 0])  # spread around 0: undefined


@pytest.mark.parametrize("integer", [True, False])
def test_matches_numpy_nanquantile(integer):
    rng = np.random.default_rng(1)
    values = rng.integers(1, 6, (3, 40, 7)).astype(float) if integer else rng.normal(2030, 5, (3, 40, 7))
    values[rng.random(values.shape) < 0.2] = NAN
    s = summarize(values)
    for q, got in ((0.25, s.q1), (0.5, s.median), (0.75, s.q3)):
        assert np.allclose(got, np.nanquantile(values, q, axis=1))
    assert np.allclose(s.std, np.nanstd(values, axis=1, ddof=1))


def _slow_weighted_quantile(values, weights, q):
    """Reference: first sorted answer whose cumulative weight reaches q*W; the mean with the next one on equality."""
    pairs = sorted((v, w) for v, w in zip(values, weights, strict=True) if not math.isnan(v))
    if not pairs:
        return NAN
    total = sum(w for _, w in pairs)
    target, cum = q * total, 0.0
    for k, (v, w) in enumerate(pairs):
        cum += w
        if math.isclose(cum, target, rel_tol=1e-12, abs_tol=1e-12) and k + 1 < len(pairs):
            return (v + pairs[k + 1][0]) / 2
        if cum > target:
            return v
    return pairs[-1][0]


def test_weighted_quantiles_by_hand():
    assert weighted_quantiles([3, 4, 5], [5, 3, 8], [0.5])[0] == pytest.approx(4.5)  # cumulative 8 = W / 2
    assert weighted_quantiles([3, 4, 5], [5, 3, 9], [0.5])[0] == pytest.approx(5.0)
    assert weighted_quantiles([1, 2, 3, 4], [1, 1, 1, 1], [0.5])[0] == pytest.approx(2.5)  # ordinary median


@pytest.mark.parametrize("integer", [True, False])
def test_weighted_quantiles_match_slow_reference(integer):
    rng = np.random.default_rng(7)
    shape = (2, 25, 6)
    values = rng.integers(1, 6, shape).astype(float) if integer else rng.normal(3, 1, shape)
    values[rng.random(shape) < 0.2] = NAN
    values[0, :, 5] = NAN  # an item nobody answered
    competence = rng.integers(1, 11, shape).astype(float)
    s = summarize(values, competence)  # counting path for integers, sorting path otherwise
    fast = weighted_quantiles(values, competence, (0.25, 0.5, 0.75), axis=1)
    for r in range(shape[0]):
        for i in range(shape[2]):
            for k, q in enumerate((0.25, 0.5, 0.75)):
                expected = _slow_weighted_quantile(values[r, :, i], competence[r, :, i], q)
                assert np.isclose(fast[k, r, i], expected, equal_nan=True)
                assert np.isclose((s.q1, s.median, s.q3)[k][r, i], expected, equal_nan=True)


def test_weighted_with_equal_weights_keeps_median_mean_and_sample_std():
    rng = np.random.default_rng(3)
    values = rng.integers(1, 6, (2, 30, 4)).astype(float)
    values[rng.random(values.shape) < 0.1] = NAN
    plain, weighted = summarize(values), summarize(values, np.full(values.shape, 7.0))
    assert np.allclose(weighted.median, plain.median)
    assert np.allclose(weighted.mean, plain.mean)
    assert np.allclose(weighted.std, plain.std)


def test_weights_must_be_positive_for_answers():
    with pytest.raises(ValueError):
        summarize(np.array([[[1.0], [2.0]]]), np.array([[[1.0], [0.0]]]))


def test_kendall_w_identical_rankings_is_one():
    ranking = np.array([3, 1, 4, 2, 5], dtype=float)
    kw = kendall_w(np.tile(ranking, (1, 4, 1)))
    assert kw.w[0] == pytest.approx(1.0)
    assert kw.chi2[0] == pytest.approx(4 * 4)  # m (n - 1) W
    assert kw.p_value[0] == pytest.approx(stats.chi2.sf(16, 4))
    assert kw.df == 4 and kw.experts.tolist() == [4]


def test_kendall_w_opposed_rankings_is_zero():
    kw = kendall_w(np.array([[[1, 2, 3, 4, 5], [5, 4, 3, 2, 1]]], dtype=float))
    assert kw.w[0] == pytest.approx(0.0, abs=1e-12)
    assert kw.p_value[0] == pytest.approx(1.0)


def test_kendall_w_tie_correction_by_hand():
    values = np.array([[[1, 2, 3, 4], [1, 2, 3, 4], [1, 1, 3, 4]]], dtype=float)
    # rank sums 3.5, 5.5, 9, 12; S = 42.5; ties of expert 3: one pair, t^3 - t = 6
    expected = 12 * 42.5 / (9 * (64 - 4) - 3 * 6)
    kw = kendall_w(values)
    assert kw.w[0] == pytest.approx(expected)
    assert kw.w[0] > 12 * 42.5 / (9 * 60)  # the correction raises W
    assert kw.chi2[0] == pytest.approx(3 * 3 * expected)


def test_kendall_w_drops_incomplete_experts_per_round():
    values = np.array([[[1, 2, 3], [1, 2, 3], [3, NAN, 1]], [[1, 2, 3], [3, 2, 1], [1, 2, 3]]], dtype=float)
    kw = kendall_w(values)
    assert kw.experts.tolist() == [2, 3]
    assert kw.w[0] == pytest.approx(1.0)


def test_round_to_round_change():
    values = np.array([[[1.0], [3.0], [5.0]], [[2.0], [3.0], [NAN]]])
    ch = round_changes(values)
    assert ch.median_shift[0, 0] == pytest.approx(-0.5)  # 3 -> 2.5
    assert ch.iqr_change[0, 0] == pytest.approx(0.5 - 2.0)  # IQR 2 -> 0.5
    assert ch.revised_share[0, 0] == pytest.approx(0.5)  # experts 0 and 1 answered twice; expert 0 revised
    assert ch.n_both[0, 0] == 2


def test_stop_rule_needs_a_threshold_and_valid_numbers():
    with pytest.raises(DelphiError):
        StopRule()
    with pytest.raises(DelphiError):
        StopRule(max_rel_iqr=-0.1)
    with pytest.raises(DelphiError):
        StopRule(max_iqr=math.inf)


def _two_rounds() -> np.ndarray:
    # items: 0 converges to consensus, 1 stays dispersed and stable, 2 agrees but moves, 3 keeps moving
    r1 = [[4, 1, 2, 1], [4, 5, 2, 5], [4, 1, 2, 1], [5, 5, 2, 1]]
    r2 = [[4, 1, 4, 5], [4, 5, 4, 1], [4, 1, 4, 5], [4, 5, 4, 2]]
    return np.array([r1, r2], dtype=float)


def test_verdicts_from_a_study_rule():
    s = summarize(_two_rounds())
    v = verdicts(s, StopRule(max_rel_iqr=0.25, max_median_shift=0.5))
    assert v.label[1].tolist() == ["consensus", "stable_dissent", "consensus_not_stable", "continue"]
    assert v.stop[1].tolist() == [True, False, False, False]
    assert not v.stable[0].any()  # nothing to compare the first round with


def test_literature_example_rule_only_checks_dispersion():
    s = summarize(_two_rounds())
    v = verdicts(s, LITERATURE_EXAMPLE_RULE)
    assert v.consensus[1].tolist() == [True, False, True, False]
    assert v.stop[1].tolist() == [True, False, True, False]


def test_min_answers_blocks_a_verdict():
    s = summarize(np.array([[[3.0], [3.0], [NAN]]]))
    assert not verdicts(s, StopRule(max_iqr=1.0, min_answers=3)).consensus[0, 0]
    assert verdicts(s, StopRule(max_iqr=1.0, min_answers=2)).consensus[0, 0]


def test_feedback_shows_group_figures_beside_own_answer():
    fb = feedback(_small(), expert=1, round_index=0)
    assert fb.own[0] == 2 and math.isnan(fb.own[1])
    assert fb.median.tolist() == [3, 4] and fb.q1.tolist() == [2, 3] and fb.q3.tolist() == [4, 4]
    assert fb.n.tolist() == [5, 3]


def test_p11_6_level_scale_relative_spread_uses_the_size_of_the_median():
    """Paragraph 11(6) levels run -2..+2: a negative median must not make the relative IQR or CV
    negative (which would pass any "at most" stop rule), and experts agreeing on 0 are in consensus."""
    split = summarize(np.array([[[-2.0], [0.0]]]))  # median -1, quartiles -1.5 and -0.5
    assert split.rel_iqr[0, 0] == pytest.approx(1.0) and split.cv[0, 0] > 0
    rule = StopRule(max_rel_iqr=0.5)
    assert not verdicts(split, rule).consensus[0, 0]
    assert verdicts(summarize(np.array([[[0.0], [0.0]]])), rule).consensus[0, 0]
