"""Administrators extend the law layer: dated parameter values and decreed day transfers."""

import datetime as dt

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.admin import ParameterEntryForm
from techpolicy.casework.models import DayTransferEntry, ParameterEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "no.such.parameter", "start": "2027-01-01", "value": "5", "citation": "x"}, "name"),
        ({"name": "mci", "start": "2027-01-01", "value": "four thousand", "citation": "budget law"}, "value"),
        ({"name": "technopark.amendment_2022_published_on", "start": "2022-08-24", "value": "26.08.2022",
          "citation": "Adilet"}, "value"),
    ],
    ids=["unknown parameter", "MCI not a number", "publication date not ISO"],
)
def test_a_parameter_entry_that_does_not_fit_is_refused_with_the_field(data, field):
    form = ParameterEntryForm(data)
    assert not form.is_valid()
    assert field in form.errors


def test_a_new_mci_entered_by_an_administrator_applies_from_its_date():
    form = ParameterEntryForm({"name": "mci", "start": "2027-01-01", "value": "4500",
                               "citation": "republican budget law for 2027"})
    assert form.is_valid(), form.errors
    form.save()
    parameters = law_context.parameters()
    assert parameters.value("mci", dt.date(2026, 12, 31)) == 4325
    value = parameters.get("mci", dt.date(2027, 1, 1))
    assert value.value == 4500 and value.set_by == "operator"
    assert ParameterEntry.objects.count() == 1


def test_a_decreed_day_off_moves_working_day_deadlines():
    monday = dt.date(2027, 3, 1)
    friday = dt.date(2027, 2, 26)
    assert law_context.calendar().add(friday, 1) == monday
    DayTransferEntry.objects.create(day=monday, working=False, decree="Government resolution (test)")
    assert law_context.calendar().add(friday, 1) == dt.date(2027, 3, 2)
