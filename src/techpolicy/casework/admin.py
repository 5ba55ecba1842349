"""Administration of reference data, dated parameters, day transfers and commissions.

Cases and their log are read-only here: they change only through the workflow engine."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from techpolicy.law.parameters import Parameters, ParameterValue

from .models import (
    Case,
    Commission,
    CommissionMember,
    DayTransferEntry,
    Notification,
    ParameterEntry,
    ReferenceItem,
    RegisterEntry,
    Transition,
)


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


class MemberInline(admin.TabularInline):
    model = CommissionMember
    extra = 0


@admin.register(Commission)
class CommissionAdmin(admin.ModelAdmin):
    list_display = ("name", "quorum", "majority")
    inlines = [MemberInline]


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


@admin.register(RegisterEntry)
class RegisterEntryAdmin(ReadOnlyAdmin):
    list_display = ("register", "name", "bin", "status", "valid_until")
    list_filter = ("register", "status")
    search_fields = ("name", "bin")


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("recipient", "subject", "created_at", "sent_at")
