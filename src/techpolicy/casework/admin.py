"""Administration of reference data, dated parameters, day transfers and commissions.

Cases and their log are read-only here: they change only through the workflow engine."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from techpolicy.law.parameters import Parameters, ParameterValue

from .commissions.composition import composition_procedures, procedure_of, qualification_errors, qualification_fields
from .models import (
    Case,
    CaseEvent,
    Commission,
    CommissionMember,
    DayTransferEntry,
    Notification,
    ParameterEntry,
    ReferenceItem,
    RegisterEntry,
    Transition,
)
from .steps import current_language


class ParameterEntryForm(forms.ModelForm):
    class Meta:
        model = ParameterEntry
        fields = ["name", "start", "value", "citation"]

    def clean(self):
        data = super().clean()
        name, value, start = data.get("name"), data.get("value"), data.get("start")
        source = Parameters.from_source()
        if name and name not in source.names():
            self.add_error("name", _("Unknown parameter. Known: %(names)s") % {"names": ", ".join(source.names())})
        elif name and value and start:
            try:
                source.with_values([ParameterValue(name, start, value, source.get_citation(name))])
            except (ValueError, ArithmeticError):
                self.add_error("value", _("This value does not fit the parameter's type."))
        return data


@admin.register(ParameterEntry)
class ParameterEntryAdmin(admin.ModelAdmin):
    form = ParameterEntryForm
    list_display = ("name", "start", "value", "citation", "entered_by", "entered_at")
    list_filter = ("name",)

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(DayTransferEntry)
class DayTransferAdmin(admin.ModelAdmin):
    list_display = ("day", "working", "decree", "entered_by")
    date_hierarchy = "day"

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ReferenceItem)
class ReferenceItemAdmin(admin.ModelAdmin):
    list_display = ("list_key", "code", "name_kk", "sample", "source")
    list_filter = ("list_key", "sample")
    search_fields = ("code", "name_kk", "name_ru", "name_en")


def _composition_choices() -> list[tuple[str, str]]:
    lang = current_language()
    return [("", _("none"))] + [(name, procedure.title.get(lang) or name)
                                for name, procedure in sorted(composition_procedures().items())]


class CommissionForm(forms.ModelForm):
    composition = forms.ChoiceField(label=_("composition rules"), required=False, choices=_composition_choices,
                                    help_text=_("The procedure of the law that judges the members' qualifications."))

    class Meta:
        model = Commission
        fields = ["key", "name", "composition", "regulations", "majority", "quorum_kind", "quorum_count"]


def _describe(procedure) -> str:
    if procedure is None:
        return _("No composition rules are chosen for the commission: the qualifications are not checked.")
    fields = ", ".join(f"{name} ({text})" if text else name for name, text in qualification_fields(procedure))
    return _("A JSON object with the fields: %(fields)s.") % {"fields": fields}


def _check_member(form, procedure) -> None:
    """The member's qualifications against the member model of the commission's composition procedure."""
    data = getattr(form, "cleaned_data", None)
    if procedure is None or not data or data.get("DELETE") or "qualifications" not in data:
        return
    for error in qualification_errors(procedure, data.get("full_name") or "", data["qualifications"]):
        form.add_error("qualifications", error)


class MemberFormSet(forms.BaseInlineFormSet):
    """Every member of the commission is checked against the composition rules being saved with it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hint = _describe(procedure_of(self.instance))
        for form in [*self.forms, self.empty_form]:
            form.fields["qualifications"].help_text = hint

    def clean(self):
        super().clean()
        procedure = procedure_of(self.instance)
        for form in self.forms:
            if form.instance.pk is None and not form.has_changed():
                continue  # an extra row left empty
            _check_member(form, procedure)


class MemberInline(admin.StackedInline):
    model = CommissionMember
    formset = MemberFormSet
    fields = ("user", "full_name", "position", "country", "qualifications", "active")
    extra = 0


@admin.register(Commission)
class CommissionAdmin(admin.ModelAdmin):
    form = CommissionForm
    list_display = ("name", "key", "composition", "majority", "quorum_kind", "quorum_count")
    inlines = [MemberInline]


class CommissionMemberForm(forms.ModelForm):
    class Meta:
        model = CommissionMember
        fields = ["commission", "user", "full_name", "position", "country", "qualifications", "active"]

    def clean(self):
        data = super().clean()
        commission = data.get("commission")
        _check_member(self, procedure_of(commission) if commission else None)
        return data


@admin.register(CommissionMember)
class CommissionMemberAdmin(admin.ModelAdmin):
    form = CommissionMemberForm
    list_display = ("full_name", "commission", "active")
    list_filter = ("commission", "active")
    search_fields = ("full_name",)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("number", "workflow", "organisation", "state", "due_on")
    list_filter = ("workflow", "state")
    search_fields = ("number", "organisation__name")


@admin.register(Transition)
class TransitionAdmin(ReadOnlyAdmin):
    list_display = ("case", "action", "from_state", "to_state", "actor", "at")
    search_fields = ("case__number",)


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ("case", "kind", "actor", "at")
    list_filter = ("kind",)
    search_fields = ("case__number",)


@admin.register(RegisterEntry)
class RegisterEntryAdmin(ReadOnlyAdmin):
    list_display = ("register", "name", "bin", "status", "valid_until")
    list_filter = ("register", "status")
    search_fields = ("name", "bin")


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("recipient", "subject", "created_at", "sent_at")
