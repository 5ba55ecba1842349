"""The platforms in the administration, to read: they are created by the workflow's decision and
kept on the service's pages (a published road-map version never changes, so it is not edited here)."""

from django.contrib import admin

from .models import Participant, Platform, RoadMapVersion


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ParticipantInline(admin.TabularInline):
    model = Participant
    fields = ("role", "name", "bin", "joined_on")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Platform)
class PlatformAdmin(ReadOnly):
    list_display = ("name", "sector", "direction", "coordinator_name", "organised_on")
    search_fields = ("name", "coordinator_name")
    inlines = [ParticipantInline]


@admin.register(RoadMapVersion)
class RoadMapVersionAdmin(ReadOnly):
    list_display = ("platform", "number", "status", "published_at")
    list_filter = ("status",)
