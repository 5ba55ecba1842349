"""The applicant may withdraw an application it still holds, in every procedure of the programme
(seed 004, section 5.4); once with an operator it is theirs to decide."""

import pytest

from techpolicy.casework.engine import fire
from tests import factories
from tests.productivity.helpers import cluster, drive, efficiency_nce, leasing, refused, training

pytestmark = pytest.mark.django_db

CASES = [
    # facts              steps before withdrawing                                    may withdraw
    (training,           (),                                                         True),
    (training,           (("submit", {}), ("notify_gaps", {"reason": "Gaps."})),     True),
    (training,           (("submit", {}),),                                          False),
    (efficiency_nce,     (),                                                         True),
    (efficiency_nce,     (("submit", {}),),                                          False),
    (lambda o: cluster(o, "7"), (("submit", {}), ("find_gaps", {"reason": "Gaps."}), ("notify_gaps", {})), True),
    (lambda o: cluster(o, "8"), (("submit", {}),),                                   False),
    (leasing,            (("submit_passport", {}), ("confirm", {})),                 True),
    (leasing,            (("submit_passport", {}),),                                 False),
]


@pytest.mark.parametrize(("make", "steps", "allowed"), CASES)
def test_withdraw_while_the_applicant_holds_the_case(owner, operator, make, steps, allowed):
    case = drive(factories.make_productivity_case(owner, make(owner)), steps, owner, operator)
    if allowed:
        assert fire(case, "withdraw", owner).state == "withdrawn"
    else:
        assert "not possible" in refused(case, "withdraw", owner)
