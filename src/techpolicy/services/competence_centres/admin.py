"""The authorized body maintains the vocabulary and the state bodies' supervision in the admin."""

from django.contrib import admin

from .models import Direction, MethodologicalComment, Proposal, Sector, StateBodyProfile, SupervisedDirection


class DirectionInline(admin.TabularInline):
    model = Direction
    extra = 0


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name_kk", "name_ru", "name_en")
    search_fields = ("code", "name_kk", "name_ru", "name_en")
    inlines = [DirectionInline]


@admin.register(Direction)
class DirectionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_kk", "sector")
    list_filter = ("sector",)
    search_fields = ("code", "name_kk", "name_ru", "name_en")


class SupervisedInline(admin.TabularInline):
    model = SupervisedDirection
    extra = 0
    autocomplete_fields = ("direction",)


@admin.register(StateBodyProfile)
class StateBodyAdmin(admin.ModelAdmin):
    list_display = ("organisation", "kind")
    list_filter = ("kind",)
    search_fields = ("organisation__name",)
    autocomplete_fields = ("organisation",)
    inlines = [SupervisedInline]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    """Proposals are made on the case page by the state body; the admin only reads them."""

    list_display = ("case", "state_body", "submitted_on")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MethodologicalComment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("case", "author", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
