"""Act 004, 5.4 mechanisms: procedure terms in Kazakhstan working days (the day of the event does
not count). Days off used below: 2015-07-06 Capital Day; 2015-08-31 Constitution Day (observed);
2015-12-16/17 Independence Day; 2016-03-21..23 Nauryz; 2016-05-09 Victory Day and 2016-05-10
(Defender's Day observed)."""

from __future__ import annotations

import datetime as dt

import pytest

from techpolicy.law.acts.act004_productivity2020.procedures import CHAINS, schedule, statistics_consent_period
from techpolicy.law.acts.act004_productivity2020.terms import DEADLINES
from techpolicy.law.parameters import ParameterNotInForce, Parameters

D = dt.date

NAMED_TERMS = {
    "p2020.leasing.confirmation_wd": 5, "p2020.leasing.notice_wd": 5, "p2020.direct.completeness_wd": 3,
    "p2020.direct.decision_wd": 7, "p2020.direct.notice_wd": 2, "p2020.direct.payment_wd": 5,
    "p2020.nce.decision_wd": 10, "p2020.i7.completeness_wd": 2, "p2020.i7.gap_notice_wd": 1,
    "p2020.i7.expertise_wd": 3, "p2020.i7.decision_wd": 3, "p2020.i7.notice_wd": 2, "p2020.i7.payment_wd": 5,
    "p2020.i8.completeness_wd": 2, "p2020.i8.gap_notice_wd": 1, "p2020.i8.expertise_decision_wd": 6,
    "p2020.i8.notice_wd": 2, "p2020.i8.payment_wd": 5, "p2020.productivity_multiple": 1.5,
    "p2020.statistics_consent_years": 2,
}


@pytest.mark.parametrize(("name", "value"), NAMED_TERMS.items())
def test_the_named_parameters_others_build_on(name, value):
    assert Parameters.from_source().value(name, D(2015, 6, 17)) == value


TERMS = [
    pytest.param("leasing.confirmation", D(2015, 7, 3), D(2015, 7, 13), "2", "mechanism of instrument 1",
                 id="5.4 i1 p.2 confirmation within 5 wd of the passport: Fri 3 Jul skips Capital Day -> 13 Jul"),
    pytest.param("leasing.notice", D(2015, 12, 11), D(2015, 12, 22), "5", "mechanism of instrument 1",
                 id="5.4 i1 p.5 notice within 5 wd of KDB-Leasing's decision, over Independence Day -> 22 Dec"),
    pytest.param("nce.decision", D(2015, 8, 26), D(2015, 9, 10), "2", "mechanism of instruments 2-5",
                 id="5.4 i2-5 p.2 via NCE: decision within 10 wd, 31 Aug off -> 10 Sep"),
    pytest.param("direct.completeness", D(2015, 7, 2), D(2015, 7, 8), "3", "mechanism of instruments 2-5",
                 id="5.4 i2-5 p.3 completeness within 3 wd: Thu 2 Jul -> Wed 8 Jul"),
    pytest.param("direct.decision", D(2015, 7, 8), D(2015, 7, 17), "5", "mechanism of instruments 2-5",
                 id="5.4 i2-5 p.5 decision within 7 wd of a positive completeness check -> 17 Jul"),
    pytest.param("direct.notice", D(2015, 7, 17), D(2015, 7, 21), "6", "mechanism of instruments 2-5",
                 id="5.4 i2-5 p.6 notice with the agreement within 2 wd -> 21 Jul"),
    pytest.param("direct.payment", D(2015, 12, 14), D(2015, 12, 23), "10", "mechanism of instruments 2-5",
                 id="5.4 i2-5 p.10 payment within 5 wd of signing, over Independence Day -> 23 Dec"),
    pytest.param("i7.gap_notice", D(2016, 6, 30), D(2016, 7, 1), "3", "mechanism of instrument 7",
                 id="5.4 i7 p.3 gaps notified within 1 wd of the check -> Fri 1 Jul"),
    pytest.param("i8.gap_notice", D(2016, 7, 1), D(2016, 7, 4), "3", "mechanism of instrument 8",
                 id="5.4 i8 p.3 gaps notified within 1 wd: Fri -> Mon"),
    pytest.param("i7.refusal_notice", D(2016, 3, 29), D(2016, 3, 31), "8", "mechanism of instrument 7",
                 id="5.4 i7 p.8 notice of non-compliance within 2 wd of the negative decision -> 31 Mar"),
    pytest.param("i8.refusal_notice", D(2016, 5, 17), D(2016, 5, 19), "7", "mechanism of instrument 8",
                 id="5.4 i8 p.7 notice of non-compliance within 2 wd of the negative decision -> 19 May"),
]


@pytest.mark.parametrize(("step", "event", "due", "paragraph", "mechanism"), TERMS)
def test_terms(step, event, due, paragraph, mechanism):
    result = DEADLINES[step].due(event)
    assert result.due == due
    assert result.unit == "working"
    assert result.days == NAMED_TERMS[DEADLINES[step].parameter]
    assert (result.citation.section, result.citation.paragraph, result.citation.note) == ("5.4", paragraph, mechanism)
    assert result.parameters[0].name == DEADLINES[step].parameter


CHAIN_CASES = [
    pytest.param("direct", D(2015, 7, 2), {"direct.completeness": D(2015, 7, 8), "direct.decision": D(2015, 7, 17),
                                           "direct.notice": D(2015, 7, 21)},
                 id="direct filing: 3 + 7 + 2 wd from Thu 2 Jul 2015"),
    pytest.param("nce", D(2015, 8, 26), {"nce.decision": D(2015, 9, 10), "direct.notice": D(2015, 9, 14)},
                 id="through NCE: 10 + 2 wd"),
    pytest.param("i7", D(2016, 3, 14), {"i7.completeness": D(2016, 3, 16), "i7.expertise": D(2016, 3, 24),
                                        "i7.decision": D(2016, 3, 29), "i7.notice": D(2016, 3, 31),
                                        "i7.payment": D(2016, 4, 5)},
                 id="instrument 7: 2 + 3 (over Nauryz) + 3, notice 2 and payment 5 from the decision"),
    pytest.param("i8", D(2016, 5, 3), {"i8.completeness": D(2016, 5, 5), "i8.expertise_decision": D(2016, 5, 17),
                                       "i8.notice": D(2016, 5, 19), "i8.payment": D(2016, 5, 24)},
                 id="instrument 8: 2 + 6 (over 9-10 May) wd, notice 2 and payment 5 from the decision"),
    pytest.param("leasing", D(2015, 7, 3), {"leasing.confirmation": D(2015, 7, 13)}, id="instrument 1: KIDI's 5 wd"),
]


@pytest.mark.parametrize(("chain", "start", "expected"), CHAIN_CASES)
def test_chains_when_every_step_takes_its_full_term(chain, start, expected):
    assert {step: d.due for step, d in schedule(chain, start).items()} == expected


def test_every_step_of_every_chain_is_a_known_step():
    for chain in CHAINS.values():
        steps = [step for step, _ in chain]
        for step, after in chain:
            assert step in DEADLINES
            assert after is None or after in steps[: steps.index(step)]


def test_a_term_before_the_programme_has_no_value():
    with pytest.raises(ParameterNotInForce):
        DEADLINES["direct.completeness"].due(D(2015, 6, 16))


def test_statistics_two_years_before_and_after_the_agreement():
    assert statistics_consent_period(D(2015, 9, 1)) == (D(2013, 9, 1), D(2017, 9, 1))
    assert statistics_consent_period(D(2016, 2, 29)) == (D(2014, 2, 28), D(2018, 2, 28))
