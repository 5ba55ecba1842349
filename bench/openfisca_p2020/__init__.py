"""An OpenFisca country package for instruments 3a, 4a and 5b of the "Productivity 2020" programme
(act 004), written from the seed's numbers in OpenFisca's vectorised style. Used only by
bench/p2020_vs_openfisca.py, as an outside reference for amounts and speed."""

from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from .entities import entities
from .variables import FORMULAS, INPUTS


class P2020TaxBenefitSystem(TaxBenefitSystem):
    def __init__(self) -> None:
        super().__init__(entities)
        for variable in (*INPUTS, *FORMULAS):
            self.add_variable(variable)
        self.load_parameters(str(Path(__file__).parent / "parameters"))
