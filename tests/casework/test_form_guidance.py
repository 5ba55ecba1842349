"""Issue 10, item 4: long forms that guide. After a failed save an error summary at the top of the
page (role="alert", focusable) links to each field with an error, in the user's language; a long
application shows the task list of its sections (complete / needs attention / not started); and
"Save and finish later" stores a draft at any point, which cannot be submitted until every section is
complete (the engine refuses with the list of sections)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.kit.drafts import INCOMPLETE, is_incomplete
from techpolicy.casework.models import Case
from techpolicy.site.once import new_token
from tests.productivity.test_application_views import application_form
from tests.technopark.test_application_views import application_data

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def summary_of(page: str) -> str:
    found = re.findall(r'<div class="error-summary".*?</div>', page, flags=re.S)
    assert len(found) == 1, f"expected one error summary, found {len(found)}"
    return found[0]


def statuses(page: str) -> dict[str, str]:
    return dict(re.findall(r'data-section="([^"]+)" data-status="([^"]+)"', page))


def kk(text: str) -> str:
    from django.utils.translation import gettext

    with translation.override("kk"):
        return gettext(text)


# --- the error summary ------------------------------------------------------------------------------

def test_a_failed_sign_in_puts_the_summary_at_the_top_linking_to_the_field(client, owner):
    """Issue 10, item 4: a plain form (`_form.html`) gets the summary above its fields, in Kazakh."""
    page = client.post(url("login", lang="kk"), {"username": owner.username, "password": "wrong"}).content.decode()
    summary = summary_of(page)
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    assert kk("There is a problem") in summary and "There is a problem" not in summary
    assert 'href="#id_username"' in summary
    assert page.index("error-summary") < page.index('name="username"')


def test_the_application_page_has_one_summary_for_all_its_forms(client, owner):
    """Issue 10, item 4: a bundle of forms (applicant, ownership rows, projects) has one summary at
    the top, each entry a link to the field's id, a formset's row numbered."""
    client.force_login(owner)
    data = application_data(owner.organisation) | {"a-bin": "12", "p-0-item_3": "", "once": new_token()}
    page = client.post(url("technopark:apply", lang="kk"), data).content.decode()
    summary = summary_of(page)
    assert 'href="#id_a-bin"' in summary and 'href="#id_p-0-item_3"' in summary
    assert page.index("error-summary") < page.index('<form method="post" novalidate')
    assert "(1-жол)" in summary  # the project's row, in Kazakh
    for anchor in re.findall(r'href="#([^"]+)"', summary):
        assert f'id="{anchor}"' in page, anchor  # every link lands on a field of the page
    assert not Case.objects.exists()


def test_no_summary_without_errors(client, owner):
    client.force_login(owner)
    assert "data-error-summary" not in client.get(url("technopark:apply")).content.decode()


# --- the task list ----------------------------------------------------------------------------------

def test_the_task_list_shows_each_section_and_its_state(client, owner):
    """Issue 10, item 4: not started before anything is sent; after a failed save the sections with
    errors need attention and the others are complete; each links to its first field."""
    client.force_login(owner)
    blank = client.get(url("technopark:apply", lang="kk")).content.decode()
    assert statuses(blank) == {"applicant": "todo", "ownership": "todo", "tax": "todo", "documents": "todo",
                               "projects": "todo"}
    assert kk("Sections of the application") in blank
    data = application_data(owner.organisation) | {"p-0-item_3": "", "once": new_token()}
    page = client.post(url("technopark:apply", lang="kk"), data).content.decode()
    assert statuses(page) == {"applicant": "done", "ownership": "done", "tax": "done", "documents": "done",
                              "projects": "attention"}
    assert 'data-section="projects" data-status="attention"><a href="#id_p-0-activity_type"' in page


# --- saving a draft at any point --------------------------------------------------------------------

def test_save_and_finish_later_stores_an_incomplete_draft_that_cannot_be_submitted(client, owner, messages_of):
    """Issue 10, item 4: the draft is stored with what was typed, submission is refused naming the
    incomplete sections (in Kazakh), the edit page shows the typed values again, and completing the
    sections makes it an application the law layer judges."""
    client.force_login(owner)
    data = application_data(owner.organisation) | {"p-0-item_3": "", "t-tax_debt_kzt": "", "once": new_token(),
                                                   "save_partial": "1"}
    answer = client.post(url("technopark:apply", lang="kk"), data)
    case = Case.objects.get(organisation=owner.organisation)
    assert answer["Location"] == url("casework:detail", case.number, lang="kk")
    assert is_incomplete(case.facts) and case.state == "draft"
    assert [s["key"] for s in case.facts[INCOMPLETE]["sections"]] == ["tax", "projects"]
    assert any(kk("Tax debt (paragraph 9(3))") in m for m in messages_of(answer))

    with translation.override("kk"), pytest.raises(WorkflowError) as refused:
        fire(case, "submit", owner)
    assert kk("Tax debt (paragraph 9(3))") in str(refused.value)
    assert Case.objects.get(pk=case.pk).state == "draft"

    edit = client.get(url("technopark:edit", case.number, lang="kk")).content.decode()
    assert f'value="{owner.organisation.name}"' in edit  # what was typed comes back
    assert statuses(edit)["projects"] == "attention" and statuses(edit)["applicant"] == "done"
    assert 'href="#id_t-tax_debt_kzt"' in summary_of(edit)

    case.refresh_from_db()
    complete = application_data(owner.organisation) | {"version": case.version}
    complete["o-INITIAL_FORMS"] = "0"
    saved = client.post(url("technopark:edit", case.number), complete)
    case.refresh_from_db()
    assert saved.status_code == 302 and not is_incomplete(case.facts)
    assert case.facts["applicant"]["bin"] == owner.organisation.bin


def test_withdrawing_an_incomplete_draft_is_allowed(owner, client):
    """Issue 10, item 4: an incomplete draft can still be withdrawn (nothing is judged)."""
    client.force_login(owner)
    client.post(url("technopark:apply"), {"a-name": "Half done", "o-TOTAL_FORMS": "1", "o-INITIAL_FORMS": "0",
                                          "p-TOTAL_FORMS": "1", "p-INITIAL_FORMS": "0", "save_partial": "1",
                                          "once": new_token()})
    case = Case.objects.get(organisation=owner.organisation)
    assert is_incomplete(case.facts)
    assert fire(case, "withdraw", owner).state == "withdrawn"


def test_a_partial_draft_follows_the_workflow_its_first_section_chooses(client, owner, messages_of):
    """Issue 10, item 4: "Productivity 2020" picks the procedure from the instrument and channel; a
    draft saved with them follows it, and one saved without them is not stored (it says why)."""
    client.force_login(owner)
    partial = application_form(once=new_token(), save_partial="1", **{"a-oked_codes": "", "e-0-name": ""})
    answer = client.post(url("productivity:apply"), partial)
    case = Case.objects.get(organisation=owner.organisation)
    assert answer.status_code == 302 and is_incomplete(case.facts)
    assert case.workflow == "productivity.direct" and case.facts["instrument"] == "3a"

    nothing = application_form(once=new_token(), save_partial="1", **{"b-instrument": ""})
    refused = client.post(url("productivity:apply"), nothing)
    assert refused.status_code == 200 and Case.objects.count() == 1
    assert any("first complete the sections that decide" in m for m in messages_of(refused))


def test_the_save_button_without_save_partial_still_needs_every_field(client, owner):
    """Issue 10, item 4: "Save the draft" keeps its check; only "Save and finish later" stores a
    draft with sections missing."""
    client.force_login(owner)
    data = application_data(owner.organisation) | {"p-0-item_3": "", "once": new_token()}
    assert client.post(url("technopark:apply"), data).status_code == 200
    assert not Case.objects.exists()
