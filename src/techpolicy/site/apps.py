from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "techpolicy.site"
    label = "site"
