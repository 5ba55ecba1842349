"""Delphi statistics (seed 000, paragraph 8(2)) computed block by block: for a very large panel the
answers are counted in blocks of experts and sorted in chunks of items, and may be float32. None of
that may change a figure."""

from __future__ import annotations

import math

import numpy as np
import pytest

from techpolicy.forecasting import delphi
from techpolicy.forecasting.delphi import round_changes, summarize

NAN = math.nan
STATS = ("n", "median", "q1", "q3", "iqr", "rel_iqr", "mean", "std", "cv")
ROUNDS, EXPERTS, ITEMS = 3, 40, 8


def _answers(kind: str, seed: int = 11) -> np.ndarray:
    rng = np.random.default_rng(seed)
    shape = (ROUNDS, EXPERTS, ITEMS)
    values = {
        "importance": lambda: rng.integers(1, 6, shape).astype(float),  # compared level by level
        "level": lambda: rng.integers(-2, 3, shape).astype(float),
        "year": lambda: rng.integers(2025, 2071, shape).astype(float),  # 46 levels: one bincount
        "halves": lambda: rng.integers(1, 6, shape) + 0.5,
        "fractional": lambda: rng.normal(3.0, 1.0, shape),  # sorted
    }[kind]()
    values[rng.random(shape) < 0.2] = NAN
    values[1, :, 2] = NAN  # an item nobody answered in round 2
    values[2, 1:, 5] = NAN  # an item with a single answer
    return values


def _assert_same(got: delphi.Summary, expected: delphi.Summary) -> None:
    for name in STATS:
        assert np.array_equal(getattr(got, name), getattr(expected, name), equal_nan=True), name


def _small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 7 experts (the last one of 5) and chunks of 3 items (the last one of 2)."""
    monkeypatch.setattr(delphi, "_EQUALITY_BLOCK_CELLS", ROUNDS * ITEMS * 7)
    monkeypatch.setattr(delphi, "_BLOCK_CELLS", ROUNDS * ITEMS * 7)
    monkeypatch.setattr(delphi, "_CHUNK_CELLS", ROUNDS * EXPERTS * 3)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("kind", ["importance", "level", "year", "halves", "fractional"])
def test_blocks_of_experts_and_chunks_of_items_change_no_figure(monkeypatch, kind, weighted):
    values = _answers(kind)
    competence = np.random.default_rng(5).integers(1, 11, (1, EXPERTS, 1)).astype(float) if weighted else None
    whole = summarize(values, competence)
    _small_blocks(monkeypatch)
    _assert_same(summarize(values, competence), whole)


def test_blocks_give_the_statistics_by_hand(monkeypatch):
    # 40 experts, blocks of 7: item 0 has 20 answers of 1 and 20 of 5, spread over the blocks.
    values = np.full((1, EXPERTS, 2), NAN)
    values[0, :, 0] = np.where(np.arange(EXPERTS) % 2 == 0, 1.0, 5.0)
    values[0, -1, 1] = 4.0  # the only answer to item 1 is in the last, short block
    monkeypatch.setattr(delphi, "_EQUALITY_BLOCK_CELLS", 2 * 7)
    s = summarize(values)
    assert s.n.tolist() == [[40, 1]]
    assert s.median[0].tolist() == [3.0, 4.0]
    assert s.q1[0, 0] == 1.0 and s.q3[0, 0] == 5.0  # type 7: positions 9.75 and 29.25 of 0..39
    assert s.mean[0, 0] == 3.0 and s.std[0, 0] == pytest.approx(math.sqrt(20 * 4 * 2 / 39))


def test_more_experts_than_one_block_counts_in_uint8(monkeypatch):
    # 600 experts on one item: the comparisons count a block in uint8, so a block must stay <= 255 experts.
    monkeypatch.setattr(delphi, "_EQUALITY_BLOCK_CELLS", 1 << 30)
    values = np.full((1, 600, 1), 5.0)
    values[0, :300] = 1.0
    counts = delphi._grid_counts(values, 1.0, 5)
    assert counts is not None and counts[0, 0].tolist() == [300, 0, 0, 0, 300]  # counted, not sorted
    s = summarize(values)
    assert s.n[0, 0] == 600
    assert (s.q1[0, 0], s.median[0, 0], s.q3[0, 0]) == (1.0, 3.0, 5.0)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # numpy's reference on the item nobody answered
def test_an_answer_between_levels_in_the_last_block_sorts_everything(monkeypatch):
    values = _answers("importance")
    values[2, -1, 7] = 2.5  # off the unit grid, in the last block of experts and the last item
    _small_blocks(monkeypatch)
    s = summarize(values)
    for q, got in ((0.25, s.q1), (0.5, s.median), (0.75, s.q3)):
        assert np.allclose(got, np.nanquantile(values, q, axis=1), equal_nan=True)
    assert np.allclose(s.mean, np.nanmean(values, axis=1), equal_nan=True)


@pytest.mark.parametrize("kind", ["importance", "level", "year", "halves", "fractional"])
def test_float32_answers_give_the_float64_figures(kind):
    values = _answers(kind).astype(np.float32)
    _assert_same(summarize(values), summarize(values.astype(float)))
    weights = np.arange(1, EXPERTS + 1, dtype=float)[None, :, None] % 10 + 1
    _assert_same(summarize(values, weights), summarize(values.astype(float), weights))


def test_float32_levels_it_cannot_hold_are_sorted_not_counted():
    # Above 2**24 float32 holds only even integers: the odd levels of the grid do not exist, so the
    # answers are sorted; the figures are those of the same answers in float64.
    values = (2.0**24 + np.array([[[0.0], [2.0], [4.0], [8.0], [NAN]]])).astype(np.float32)
    assert np.array_equal(values.astype(float) - 2.0**24, [[[0.0], [2.0], [4.0], [8.0], [NAN]]], equal_nan=True)
    assert delphi._grid(values) is None
    s = summarize(values)
    assert s.median[0, 0] == 2.0**24 + 3.0 and s.q1[0, 0] == 2.0**24 + 1.5 and s.n[0, 0] == 4


def test_round_changes_in_blocks_of_experts(monkeypatch):
    values = _answers("importance")
    values[1] = np.where(np.random.default_rng(2).random(values[1].shape) < 0.3, values[0], values[1])
    whole = round_changes(values)
    _small_blocks(monkeypatch)
    for got in (round_changes(values), round_changes(values.astype(np.float32))):
        for name in ("median_shift", "iqr_change", "revised_share", "n_both"):
            assert np.array_equal(getattr(got, name), getattr(whole, name), equal_nan=True), name
    both = ~np.isnan(values[1]) & ~np.isnan(values[0])
    assert whole.n_both[0].tolist() == both.sum(axis=0).tolist()
    revised = (both & (values[1] != values[0])).sum(axis=0)
    assert np.allclose(whole.revised_share[0], revised / both.sum(axis=0))


def test_round_changes_tolerance_in_blocks_of_experts(monkeypatch):
    values = _answers("importance")
    both = ~np.isnan(values[1:]) & ~np.isnan(values[:-1])
    moved_more_than_one = (both & (np.abs(values[1:] - values[:-1]) > 1.0)).sum(axis=1)
    with np.errstate(invalid="ignore"):  # the item nobody answered in round 2: no share
        expected = moved_more_than_one / both.sum(axis=1)
    _small_blocks(monkeypatch)
    for answers in (values, values.astype(np.float32)):
        got = round_changes(answers, tol=1.0)
        assert np.allclose(got.revised_share, expected, equal_nan=True)
