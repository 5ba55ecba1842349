"""The expertise panels in the database (003.a27.p2.a3, "003 a.27(2) third indent": the independent
economic and technological expertise by domestic and foreign experts; reading R-F2: at least one of
each on every panel).

The service reads the pool and the applications from the database, runs the assignment over a call
and stores the run with its evidence; a conflicted expert is never seated by the run nor by staff;
an expert sees only the applications of their own open seats that no conflict closes; only the
seat's own expert declares, recuses or concludes. The pages are tested through the site's own URLs
when the service's URLs are wired, and through this module's URL configuration until then."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import NoReverseMatch, include, path, reverse
from django.utils import timezone, translation

from techpolicy.casework.engine import create_case
from techpolicy.casework.models import Case
from techpolicy.services.innovation_grants import assignment, panels, views_panel
from techpolicy.services.innovation_grants.conflicts import REASONS
from techpolicy.services.innovation_grants.models import (
    AssignmentRun,
    Call,
    Conclusion,
    DeclaredInterest,
    Expert,
    Seat,
    Tie,
)
from techpolicy.services.innovation_grants.roles import GRANT_EXPERT, GRANT_OPERATOR
from techpolicy.services.innovation_grants.workflows import GRANT
from tests import factories
from tests.races import at_once, race

REQUIREMENT = "003.a27.p2.a3"


# --- the people and records --------------------------------------------------------------------------


@pytest.fixture
def operator(db):
    return factories.make_user(roles=[GRANT_OPERATOR], email="grant-operator@example.kz")


def make_call(operator, number: str = "IGC-1", panel_size: int = 3) -> Call:
    today = timezone.localdate()
    return Call.objects.create(number=number, grant_type="technology_acquisition", title_kk="Конкурс",
                               title_ru="Конкурс", title_en="Call", opens_on=today - dt.timedelta(days=30),
                               closes_on=today + dt.timedelta(days=30), panel_size=panel_size,
                               published_at=timezone.now(), created_by=operator)


def make_expert(country: str, fields=("D1", "X"), capacity: int = 10, organisation=None) -> Expert:
    user = factories.make_user(organisation=organisation, roles=[GRANT_EXPERT])
    return Expert.objects.create(user=user, country=country, fields=list(fields), capacity=capacity)


def make_application(call: Call, direction: str = "D1", state: str = "expertise", owner=None) -> Case:
    owner = owner or factories.make_applicant()
    facts = {"call": call.number, "grant_type": call.grant_type, "direction": direction,
             "applicant": {"kind": "legal_entity", "name": owner.organisation.name}}
    case = create_case(GRANT, owner.organisation, owner, title=owner.organisation.name, facts=facts)
    # Driving the application through submission needs the whole file; the panel only needs the state.
    Case.objects.filter(pk=case.pk).update(state=state)
    case.refresh_from_db()
    return case


def open_panel(case: Case) -> list[Seat]:
    return list(Seat.objects.filter(case=case, state__in=Seat.OPEN).select_related("expert"))


@pytest.fixture
def world(operator):
    """A call with three applications under expertise and a pool of three domestic and three foreign
    experts who cover the direction with another field (affinity 1/2), plus four conflicted experts
    who cover exactly the direction (affinity 1): the best seats there would be, were the conflicts
    not excluded."""
    call = make_call(operator)
    cases = [make_application(call) for _ in range(3)]
    pool = [make_expert("KZ") for _ in range(3)] + [make_expert(country) for country in ("DE", "FR", "US")]
    employee = make_expert("KZ", fields=("D1",))
    Tie.objects.create(expert=employee, organisation=cases[0].organisation, kind=Tie.EMPLOYEE)
    declared = make_expert("DE", fields=("D1",))
    DeclaredInterest.objects.create(expert=declared, case=cases[1], statement="My brother is the applicant.")
    colleague = make_expert("KZ", fields=("D1",), organisation=cases[2].organisation)
    # The person who filed the third application, an expert of the pool who has since left its
    # organisation: the own application is the only link left.
    person = cases[2].created_by
    person.organisation = None
    person.save(update_fields=["organisation"])
    person.groups.add(Group.objects.get_or_create(name=GRANT_EXPERT)[0])
    applicant = Expert.objects.create(user=person, country="GB", fields=["D1"], capacity=10)
    return {"call": call, "cases": cases, "pool": pool, "employee": employee, "declared": declared,
            "colleague": colleague, "applicant": applicant,
            "conflicted": {(cases[0].pk, employee.pk), (cases[1].pk, declared.pk), (cases[2].pk, colleague.pk),
                           (cases[2].pk, applicant.pk)}}


# --- the profiles and the assignment -------------------------------------------------------------------


def test_a27_p2_a3_profiles_carry_ties_interests_organisation_and_person(world):
    """003.a27.p2.a3: the solver's view of the pool and the applications comes from the database."""
    experts, applications = panels.profiles_for(world["cases"])
    by_id = {e.id: e for e in experts}
    assert {a.id for a in applications} == {c.pk for c in world["cases"]}
    assert all(a.fields == frozenset({"D1"}) and (a.panel_size, a.min_domestic, a.min_foreign) == (3, 1, 1)
               for a in applications)
    assert by_id[world["employee"].pk].ties[0].organisation_id == world["cases"][0].organisation_id
    assert by_id[world["declared"].pk].declared_applications == frozenset({world["cases"][1].pk})
    assert by_id[world["colleague"].pk].organisation_id == world["cases"][2].organisation_id
    assert by_id[world["applicant"].pk].person_id == world["cases"][2].created_by_id
    assert {(a, e): r for (a, e), r in panels.conflicted_pairs(experts, applications).items()} == {
        (world["cases"][0].pk, world["employee"].pk): "employee",
        (world["cases"][1].pk, world["declared"].pk): "declared_interest",
        (world["cases"][2].pk, world["colleague"].pk): "same_organisation",
        (world["cases"][2].pk, world["applicant"].pk): "own_application"}


def test_a27_p2_a3_assign_forms_valid_panels_without_conflicted_pairs(world, operator):
    """003.a27.p2.a3, R-F2: every panel has its size, at least one domestic and one foreign expert,
    no conflicted pair; the run keeps the evidence and names the seats it proposed."""
    run = panels.assign(world["call"], operator)
    assert run.status == "optimal" and run.run_by == operator
    assert run.evidence["requirement"] == REQUIREMENT
    assert run.evidence["forbidden"]["count"] == len(world["conflicted"])
    assert run.evidence["result"]["seats_count"] == 9
    for case in world["cases"]:
        seats = open_panel(case)
        assert len(seats) == 3
        assert sum(s.expert.domestic for s in seats) >= 1 and sum(not s.expert.domestic for s in seats) >= 1
        assert all(s.run_id == run.pk and s.placed_by_id == operator.pk and s.state == Seat.ASSIGNED for s in seats)
    seated = set(Seat.objects.values_list("case_id", "expert_id"))
    assert not seated & world["conflicted"]
    # The conflicted experts are the best fits where they are not conflicted: the solver did use them.
    assert (world["cases"][1].pk, world["employee"].pk) in seated
    # The stored run checks out against the constraints it was solved under.
    experts, applications = panels.profiles_for(world["cases"])
    stored = assignment.Assignment(run.status, run.objective, tuple(sorted(seated)), (), 0.0)
    assert assignment.check(stored, experts, applications, panels.conflicted_pairs(experts, applications)) == []


def test_a27_p2_a3_a_second_run_leaves_formed_panels_alone(world, operator):
    """003.a27.p2.a3: an application with an open seat is not given a second panel."""
    panels.assign(world["call"], operator)
    with pytest.raises(panels.PanelError):
        panels.assign(world["call"], operator)
    assert AssignmentRun.objects.count() == 1 and Seat.objects.count() == 9


def test_a27_p2_a3_capacity_counts_the_open_seats_held_elsewhere(operator):
    """003.a27.p2.a3: an expert's capacity is what the seats already held leave of it."""
    call, other = make_call(operator), make_call(operator, "IGC-2")
    case = make_application(call)
    busy = make_expert("KZ", fields=("D1",), capacity=1)  # the best fit, but full
    panels.place(make_application(other), busy, operator, "Chosen by the operator for the other call.")
    pool = [make_expert("KZ"), make_expert("KZ"), make_expert("DE")]
    run = panels.assign(call, operator)
    assert run.status == "optimal"
    assert {s.expert_id for s in open_panel(case)} == {e.pk for e in pool}
    assert run.evidence["experts"][0]["capacity"] == 0


def test_a27_p2_a3_an_infeasible_call_is_stored_with_its_reasons_and_no_seats(operator):
    """003.a27.p2.a3, R-F2: without a foreign expert no panel can be formed; the run says why."""
    call = make_call(operator)
    case = make_application(call)
    for _ in range(3):
        make_expert("KZ")
    run = panels.assign(call, operator)
    assert run.status == "infeasible" and not Seat.objects.exists()
    assert [p["code"] for p in run.evidence["result"]["problems"]] == ["too_few_foreign",
                                                                    "foreign_capacity_short"]
    with translation.override("ru"):
        assert panels.problems_of(run)[0] == (f"Заявка {case.pk}: зарубежных экспертов без конфликта интересов 0, "
                                              "нужно не менее 1.")


def test_a27_p2_a3_only_the_operator_assigns(world):
    with pytest.raises(panels.PanelError):
        panels.assign(world["call"], factories.make_user())
    assert not AssignmentRun.objects.exists()


# --- staff against the assignment ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a27_p2_a3_place_refuses_a_conflicted_expert_naming_the_reason(world, operator, lang):
    """003.a27.p2.a3: staff cannot seat an expert the data show is conflicted; the refusal says why."""
    with translation.override(lang), pytest.raises(panels.PanelError) as refused:
        panels.place(world["cases"][0], world["employee"], operator, "Needed for the panel.")
    assert REASONS["employee"][lang] in refused.value.message
    with translation.override(lang), pytest.raises(panels.PanelError) as refused:
        panels.place(world["cases"][2], world["applicant"], operator, "Needed for the panel.")
    assert REASONS["own_application"][lang] in refused.value.message
    assert not Seat.objects.exists()


def test_a27_p2_a3_place_needs_a_reason_and_refuses_a_second_open_seat(world, operator):
    case, expert = world["cases"][0], world["pool"][0]
    for reason in ("", "   "):
        with pytest.raises(panels.PanelError):
            panels.place(case, expert, operator, reason)
    seat = panels.place(case, expert, operator, "The assignment has not run yet.")
    assert (seat.run, seat.override_reason, seat.state) == (None, "The assignment has not run yet.", Seat.ASSIGNED)
    with pytest.raises(panels.PanelError):
        panels.place(case, expert, operator, "Again.")
    assert Seat.objects.filter(case=case, expert=expert).count() == 1
    # A removed seat is closed: the expert may be placed again, and both rows stay.
    panels.remove(seat, operator, "Placed by mistake.")
    panels.place(case, expert, operator, "Placed again after all.")
    assert Seat.objects.filter(case=case, expert=expert).count() == 2


def test_a27_p2_a3_the_database_decides_a_duplicate_the_look_up_missed(world, operator, monkeypatch):
    """Two requests pass the look-up together: the unique constraint refuses the second insert."""
    case, expert = world["cases"][0], world["pool"][0]
    panels.place(case, expert, operator, "First.")
    monkeypatch.setattr(panels, "seated", lambda case, expert: False)
    with pytest.raises(panels.PanelError):
        panels.place(case, expert, operator, "Second, past the look-up.")
    assert Seat.objects.filter(case=case, expert=expert).count() == 1


@race
def test_a27_p2_a3_twenty_operators_place_the_same_expert_at_once():
    operator = factories.make_user(roles=[GRANT_OPERATOR])
    case = make_application(make_call(operator))
    expert = make_expert("DE")
    outcomes = at_once(lambda i: panels.place(case, expert, operator, f"Request {i}."))
    assert sum(isinstance(o, Seat) for o in outcomes) == 1
    assert all(isinstance(o, Seat | panels.PanelError) for o in outcomes), outcomes
    assert Seat.objects.filter(case=case, expert=expert, state__in=Seat.OPEN).count() == 1


def test_a27_p2_a3_place_refuses_outside_the_expertise_and_over_capacity(operator):
    call = make_call(operator)
    submitted = make_application(call, state="submitted")
    expert = make_expert("DE", capacity=1)
    with pytest.raises(panels.PanelError):
        panels.place(submitted, expert, operator, "Early.")
    panels.place(make_application(call), expert, operator, "First seat.")
    with pytest.raises(panels.PanelError):
        panels.place(make_application(call), expert, operator, "Over the capacity.")
    assert Seat.objects.filter(expert=expert).count() == 1


def test_a27_p2_a3_remove_needs_a_reason(world, operator):
    seat = panels.place(world["cases"][0], world["pool"][0], operator, "Placed.")
    with pytest.raises(panels.PanelError):
        panels.remove(seat, operator, "")
    seat = panels.remove(seat, operator, "The expert is ill.")
    seat.refresh_from_db()
    assert (seat.state, seat.removal_reason) == (Seat.REMOVED, "The expert is ill.")
    with pytest.raises(panels.PanelError):
        panels.remove(seat, operator, "Twice.")


# --- what an expert sees and does ------------------------------------------------------------------------


def test_a27_p2_a3_an_expert_never_sees_a_conflicted_or_unassigned_application(world, operator):
    """003.a27.p2.a3: only the applications of the expert's open seats, and never one a conflict
    closes, even a conflict recorded after the seat was given."""
    expert = world["pool"][3]
    seated, removed, unassigned, later = world["cases"][0], world["cases"][1], world["cases"][2], None
    panels.place(seated, expert, operator, "Seated.")
    panels.remove(panels.place(removed, expert, operator, "Seated then removed."), operator, "Removed.")
    later = make_application(world["call"])
    panels.place(later, expert, operator, "Seated before the tie was known.")
    assert set(panels.visible_cases(expert)) == {seated, later}
    Tie.objects.create(expert=expert, organisation=later.organisation, kind=Tie.FOUNDER)
    assert list(panels.visible_cases(expert)) == [seated]
    assert unassigned not in panels.visible_cases(expert)
    DeclaredInterest.objects.create(expert=expert, organisation=seated.organisation, statement="A client of mine.")
    assert not panels.visible_cases(expert).exists()
    assert not panels.visible_cases(world["pool"][0]).exists()  # an expert with no seat sees nothing


def test_a27_p2_a3_declare_is_the_seats_own_expert_and_refused_under_a_conflict(world, operator):
    case, expert = world["cases"][0], world["pool"][3]
    seat = panels.place(case, expert, operator, "Seated.")
    for stranger in (world["pool"][4].user, operator, factories.make_user()):
        with pytest.raises(panels.PanelError):
            panels.declare(seat, stranger)
    seat.refresh_from_db()
    assert (seat.state, seat.declared_at) == (Seat.ASSIGNED, None)
    Tie.objects.create(expert=expert, organisation=case.organisation, kind=Tie.OWNER)
    with translation.override("en"), pytest.raises(panels.PanelError) as refused:
        panels.declare(seat, expert.user)
    assert REASONS["owner"]["en"] in refused.value.message and "Recuse" in refused.value.message
    Tie.objects.filter(expert=expert).delete()
    seat = panels.declare(seat, expert.user)
    assert seat.state == Seat.DECLARED and seat.declared_at is not None
    with pytest.raises(panels.PanelError):
        panels.declare(seat, expert.user)


def test_a27_p2_a3_recusal_needs_a_reason_and_is_kept_as_a_declared_interest(world, operator):
    case, expert = world["cases"][0], world["pool"][3]
    seat = panels.place(case, expert, operator, "Seated.")
    with pytest.raises(panels.PanelError):
        panels.recuse(seat, expert.user, "  ")
    with pytest.raises(panels.PanelError):
        panels.recuse(seat, world["pool"][4].user, "Not my seat.")
    seat.refresh_from_db()
    assert seat.state == Seat.ASSIGNED
    seat = panels.recuse(seat, expert.user, "I advised the applicant last year.")
    assert (seat.state, seat.recusal_reason) == (Seat.RECUSED, "I advised the applicant last year.")
    assert DeclaredInterest.objects.filter(expert=expert, case=case,
                                           statement="I advised the applicant last year.").exists()
    assert not panels.visible_cases(expert).exists()
    with translation.override("kk"), pytest.raises(panels.PanelError) as refused:
        panels.place(case, expert, operator, "Back on the panel.")
    assert REASONS["declared_interest"]["kk"] in refused.value.message


def test_a27_p2_a3_conclusions_follow_the_declaration(world, operator):
    """003.a27.p2.a3: the economic and the technological conclusion, each once, after the
    declaration; the seat is concluded with the first."""
    case, expert = world["cases"][0], world["pool"][3]
    seat = panels.place(case, expert, operator, "Seated.")
    with pytest.raises(panels.PanelError):
        panels.conclude(seat, expert.user, Conclusion.ECONOMIC, "Too early.")
    panels.declare(seat, expert.user)
    for kind, text in (("legal", "A kind that does not exist."), (Conclusion.ECONOMIC, " "),
                       (Conclusion.ECONOMIC, "x" * 20_001)):
        with pytest.raises(panels.PanelError):
            panels.conclude(seat, expert.user, kind, text)
    with pytest.raises(panels.PanelError):
        panels.conclude(seat, world["pool"][4].user, Conclusion.ECONOMIC, "Not my seat.")
    panels.conclude(seat, expert.user, Conclusion.ECONOMIC, "The costs are justified.")
    seat.refresh_from_db()
    assert seat.state == Seat.CONCLUDED
    panels.conclude(seat, expert.user, Conclusion.TECHNOLOGICAL, "The technology is new to the sector.")
    with pytest.raises(panels.PanelError):
        panels.conclude(seat, expert.user, Conclusion.ECONOMIC, "Twice.")
    assert sorted(seat.conclusions.values_list("kind", flat=True)) == ["economic", "technological"]


# --- the pages -----------------------------------------------------------------------------------------------

PANEL_URLS = [
    path("cases/<str:number>/panel/", views_panel.panel_page, name="panel"),
    path("calls/<str:number>/assign/", views_panel.assign_call, name="assign"),
    path("runs/<int:pk>/", views_panel.run_page, name="run"),
    path("reviews/", views_panel.my_reviews, name="reviews"),
]


def _wired() -> bool:
    try:
        reverse("innovation_grants:panel", args=["IG-1"])
    except NoReverseMatch:
        return False
    return True


def _urlconf():
    """Until the service's URLs are in the site, the site's own plus the panel pages (module name)."""
    from django.conf.urls.i18n import i18n_patterns

    from techpolicy.site.urls import urlpatterns as site

    return [*site, *i18n_patterns(path("innovation-grants/", include((PANEL_URLS, "innovation_grants"))),
                                  prefix_default_language=True)]


urlpatterns = _urlconf()


@pytest.fixture
def pages(settings):
    if not _wired():
        settings.ROOT_URLCONF = __name__
    translation.activate("en")

    def client_for(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return client_for


def url(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(f"innovation_grants:{name}", args=args)


def test_a27_p2_a3_the_operator_sees_the_panel_and_the_conflicts(world, operator, pages):
    client = pages(operator)
    panels.place(world["cases"][0], world["pool"][3], operator, "Placed by hand.")
    page = client.get(url("panel", world["cases"][0].number))
    assert page.status_code == 200
    body = page.content.decode()
    assert REASONS["employee"]["en"] in body and "Placed by hand." in body
    assert f'value="{world["employee"].pk}"' not in body  # the conflicted expert is not offered
    assert f'value="{world["pool"][0].pk}"' in body
    assert f'value="{world["pool"][3].pk}"' not in body  # seated already
    assert client.get(url("panel", "IG-NO-SUCH")).status_code == 404


def test_a27_p2_a3_operator_forms_refuse_bad_input_without_a_server_error(world, operator, pages):
    client, case = pages(operator), world["cases"][0]
    target = url("panel", case.number)
    for data in ({"action": "place", "expert": "abc", "reason": "x"}, {"action": "place", "expert": "99999999"},
                 {"action": "place", "expert": str(world["employee"].pk), "reason": "x" * 5000},
                 {"action": "nothing"}, {}):
        assert client.post(target, data).status_code == 302
    assert client.post(target, {"action": "remove", "seat": "x", "reason": "r"}).status_code == 404
    assert client.post(target, {"action": "remove", "seat": "99999999", "reason": "r"}).status_code == 404
    answer = client.post(target, {"action": "place", "expert": str(world["employee"].pk), "reason": "Needed."},
                         follow=True)
    assert REASONS["employee"]["en"] in answer.content.decode()
    assert not Seat.objects.exists()
    client.post(target, {"action": "place", "expert": str(world["pool"][0].pk), "reason": "Needed."})
    assert Seat.objects.filter(case=case, expert=world["pool"][0], state=Seat.ASSIGNED).count() == 1


def test_a27_p2_a3_the_assignment_page(world, operator, pages):
    client = pages(operator)
    assert client.get(url("assign", world["call"].number)).status_code == 405
    assert client.post(url("assign", "NO-SUCH-CALL")).status_code == 404
    assert pages(world["pool"][0].user).post(url("assign", world["call"].number)).status_code == 403
    answer = client.post(url("assign", world["call"].number), {"case": world["cases"][0].number})
    run = AssignmentRun.objects.get()
    assert answer.status_code == 302 and answer["Location"] == url("run", run.pk)
    page = client.get(answer["Location"])
    assert page.status_code == 200 and 'data-testid="ig-run-seats">9<' in page.content.decode()
    again = client.post(url("assign", world["call"].number), {"case": world["cases"][0].number})
    assert again.status_code == 302 and again["Location"] == url("panel", world["cases"][0].number)
    assert client.get(url("run", 99999999)).status_code == 404
    assert pages(world["pool"][0].user).get(url("run", run.pk)).status_code == 403


def test_a27_p2_a3_an_expert_sees_only_their_own_seat(world, operator, pages):
    expert, case = world["pool"][3], world["cases"][0]
    seat = panels.place(case, expert, operator, "Seated.")
    client = pages(expert.user)
    page = client.get(url("panel", case.number))
    assert page.status_code == 200
    assert 'data-testid="ig-my-seat"' in page.content.decode()
    assert 'data-testid="ig-seats"' not in page.content.decode()  # the operator's table of every seat
    for stranger in (world["pool"][4].user, factories.make_user(), case.created_by):
        assert pages(stranger).get(url("panel", case.number)).status_code == 404
    assert client.get(url("panel", world["cases"][1].number)).status_code == 404
    assert client.post(url("panel", case.number), {"action": "declare"}).status_code == 302
    seat.refresh_from_db()
    assert seat.state == Seat.DECLARED
    client.post(url("panel", case.number), {"action": "conclude", "kind": "economic", "text": "Justified."})
    assert seat.conclusions.filter(kind="economic").exists()
    client.post(url("panel", case.number), {"action": "recuse", "reason": ""})
    seat.refresh_from_db()
    assert seat.state == Seat.CONCLUDED
    Tie.objects.create(expert=expert, organisation=case.organisation, kind=Tie.EMPLOYEE)
    assert client.get(url("panel", case.number)).status_code == 404


def test_a27_p2_a3_my_reviews_lists_only_the_visible_applications(world, operator, pages):
    expert = world["pool"][3]
    panels.place(world["cases"][0], expert, operator, "Seated.")
    panels.place(world["cases"][1], expert, operator, "Seated.")
    DeclaredInterest.objects.create(expert=expert, case=world["cases"][1], statement="Interest.")
    client = pages(expert.user)
    body = client.get(url("reviews")).content.decode()
    assert world["cases"][0].number in body and world["cases"][1].number not in body
    assert world["cases"][2].number not in body
    for page in ("999999999999999999999", "x", "-1"):
        assert client.get(url("reviews"), {"page": page}).status_code == 200
    assert pages(factories.make_user()).get(url("reviews")).status_code == 403
