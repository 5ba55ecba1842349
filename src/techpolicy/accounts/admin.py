from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from techpolicy.site.admin import PermissionLabels

from .models import Organisation, User


@admin.register(User)
class TechpolicyUserAdmin(PermissionLabels, UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("TechPolicy", {"fields": ("organisation", "language", "phone")}))
    list_display = ("username", "email", "organisation", "is_staff")
    list_filter = ("groups", "is_staff")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "bin", "country", "city")
    search_fields = ("name", "bin")
