"""Issue 9: majority and quorum are settings of the commission, entered by the administrator from
its regulations (the seeds set none: 001 p.13 leaves them to the technopark, 001 p.77 to the
independent commission — requirement "001.p77" — and 000 p.28 says nothing of the HSTC's). Until
they are entered no decision follows from the votes.

majority: simple = more than half of the votes cast; absolute = more than half of the members
entitled to vote less those who recused; two_thirds = at least two thirds of the votes cast.
quorum: count = a fixed number of members take part; half / two_thirds = at least that share of the
members entitled to vote less those who recused take part (rounded up)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from techpolicy.casework.commissions import Tally
from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Commission, Decision, Recommendation
from tests import factories
from tests.casework import commission_support as hstc

pytestmark = pytest.mark.django_db

TABLE = [
    # majority, quorum kind, count, entitled, recused, took part, for, against, abstain -> quorum met, carried
    ("simple", "count", 3, 5, 0, 3, 2, 1, 0, True, True),
    ("simple", "count", 3, 5, 0, 2, 2, 0, 0, False, True),  # carried, but no quorum
    ("simple", "count", 3, 5, 0, 4, 2, 1, 1, True, False),  # 2 of 4 cast is not more than half
    ("absolute", "count", 3, 5, 0, 3, 2, 1, 0, True, False),  # 2 of 5 entitled
    ("absolute", "count", 3, 5, 1, 3, 3, 0, 0, True, True),  # 3 of 4 (5 less 1 recused)
    ("absolute", "count", 3, 4, 0, 4, 2, 2, 0, True, False),  # exactly half is not more than half
    ("two_thirds", "half", None, 6, 0, 3, 2, 1, 0, True, True),  # exactly two thirds of those cast
    ("two_thirds", "half", None, 6, 0, 3, 1, 1, 1, True, False),
    ("simple", "half", None, 5, 0, 2, 2, 0, 0, False, True),  # half of 5 rounded up is 3
    ("simple", "half", None, 5, 1, 2, 2, 0, 0, True, True),  # base 4: 2 is half
    ("simple", "two_thirds", None, 6, 0, 3, 2, 1, 0, False, True),  # needs 4 of 6
    ("simple", "two_thirds", None, 6, 0, 4, 3, 1, 0, True, True),
    ("simple", "two_thirds", None, 7, 0, 4, 3, 1, 0, False, True),  # 2/3 of 7 rounded up is 5
    ("simple", "half", None, 2, 2, 0, 0, 0, 0, False, False),  # everyone recused: nobody to decide
]


@pytest.mark.parametrize(("majority", "kind", "count", "entitled", "recused", "took_part", "yes", "no", "abstain",
                          "quorum_met", "carried"), TABLE)
def test_issue9_majority_and_quorum_kinds(majority, kind, count, entitled, recused, took_part, yes, no, abstain,
                                          quorum_met, carried):
    counted = Tally(round=1, entitled=entitled, recused=recused, participants=took_part, votes_for=yes,
                    votes_against=no, abstentions=abstain, majority=majority, quorum_kind=kind, quorum_count=count)
    assert (counted.quorum_met, counted.approved) == (quorum_met, carried)


@pytest.mark.parametrize(("majority", "kind", "count"), [
    ("", "count", 2), ("simple", "", None), ("simple", "count", None)])
def test_000p28_no_recommendation_until_the_regulations_are_entered(monkeypatch, owner, secretariat, majority, kind,
                                                                    count):
    hstc.registered(monkeypatch)
    _body, members = hstc.make_hstc(members=3, majority=majority, quorum_kind=kind, quorum_count=count)
    case = hstc.on_hstc_agenda(owner, secretariat)
    factories.cast_votes(case, members, ["for", "for", "for"])
    for action in ("recommend", "do_not_recommend"):
        with translation.override("en"), pytest.raises(WorkflowError) as refused:
            fire(case, action, secretariat, reason="minutes")
        assert str(refused.value) == ("The commission's regulations do not set its quorum and majority yet; "
                                      "the administrator enters them.")
    assert not Recommendation.objects.exists() and not Decision.objects.exists()


def test_issue9_a_count_quorum_needs_its_number_and_only_it_does():
    with pytest.raises(ValidationError) as missing:
        Commission(key="c", name="c", majority="simple", quorum_kind="count").full_clean()
    assert "quorum_count" in missing.value.error_dict
    with pytest.raises(ValidationError) as stray:
        Commission(key="c", name="c", majority="simple", quorum_kind="half", quorum_count=3).full_clean()
    assert "quorum_count" in stray.value.error_dict
    Commission(key="c", name="c", majority="simple", quorum_kind="half").full_clean()
    Commission(key="c", name="c").full_clean()  # nothing entered yet is allowed: decisions wait for it


def test_issue9_the_kinds_have_their_labels_in_three_languages():
    """The labels of majority and quorum are translated strings (the catalogues hold kk and ru)."""
    labels = dict(Commission.QUORUM_CHOICES) | dict(Commission.MAJORITY_CHOICES)
    with translation.override("en"):
        assert str(labels["half"]).startswith("at least half of the members entitled to vote")
        assert str(labels["absolute"]) == "more than half of the members entitled to vote, less those who recused"
