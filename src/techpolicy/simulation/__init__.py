"""What-if simulation of the "Productivity 2020" programme (act 004) over many applications.

The same rule definitions that decide a single case (`law.acts.act004_productivity2020`) decide every
application of a population, under a baseline and under a reform; see docs/simulation.md.

- `population`: the flat format (one row per application), reading CSV / Parquet, `row_to_facts`;
- `generator`: `generate(n, seed, start, end)`, a synthetic population;
- `runner`: `simulate`, `reform_parameters`, the scalar path (`assess` row by row);
- `batch`: the batch path (the law layer's rules per row, the arithmetic compiled from `INSTRUMENTS`);
- `report`: the comparison, the side-by-side table and the per-application results;
- `commands`: the `techpolicy simulate` and `techpolicy generate` commands.
"""

from importlib import import_module
from typing import Any

# Loaded on first use, so that `techpolicy.cli` (which registers `commands`) does not import
# polars and numpy for its other commands.
_EXPORTS = {
    "generate": "generator",
    "COLUMNS": "population",
    "PopulationError": "population",
    "read_population": "population",
    "row_to_facts": "population",
    "validate": "population",
    "write_population": "population",
    "Comparison": "report",
    "compare": "report",
    "render": "report",
    "ReformError": "runner",
    "SimulationResult": "runner",
    "reform_parameters": "runner",
    "simulate": "runner",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
