"""The administration in the user's language: its title (Django's Kazakh catalogue calls it
"Даңғо әкімшілігі"), the sections of the two packages that name themselves only in English, and
the permissions, whose names Django stores in English when it creates them."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("TechPolicy KZ administration")
admin.site.site_title = _("TechPolicy KZ administration")
admin.site.index_title = _("Administration of the information system")

# An app's verbose name is no model state, so naming these sections needs no migration of theirs.
apps.get_app_config("axes").verbose_name = _("Sign-in attempts")
apps.get_app_config("django_tasks_database").verbose_name = _("Background tasks")

# The four permissions Django makes for every model, by the prefix of their codename; their stored
# names ("Can add case") are written once in English and never translated.
ACTIONS = {"add": _("Add"), "change": _("Change"), "delete": _("Delete"), "view": _("View")}


def permission_label(permission) -> str:
    """"<section> | <model> | <action>" in the page's language; a permission an app declares itself
    keeps its own name."""
    action = ACTIONS.get(permission.codename.split("_", 1)[0])
    model = permission.content_type.model_class()
    if action is None or model is None:
        return str(permission)
    return f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {action}"


def _with_translated_permissions(field):
    if field is not None and field.queryset.model._meta.label == "auth.Permission":
        field.label_from_instance = permission_label
    return field


class PermissionLabels:
    """Mixin of the user and group admins: the permission picker shows `permission_label`."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return _with_translated_permissions(super().formfield_for_manytomany(db_field, request, **kwargs))


class TranslatedGroupAdmin(PermissionLabels, GroupAdmin):
    """Groups are the roles: the list names each by its label beside its stable key."""

    list_display = ("role", "name")

    @admin.display(description=_("Role"))
    def role(self, group) -> str:
        from techpolicy.casework.registry import role_labels  # late: services register their roles when ready

        return str(role_labels().get(group.name, group.name))


admin.site.unregister(Group)
admin.site.register(Group, TranslatedGroupAdmin)
