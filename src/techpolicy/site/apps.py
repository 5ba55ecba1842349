from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "techpolicy.site"
    label = "site"

    def ready(self) -> None:
        # Connects the sign-in receiver (what a successful sign-in forgets of the failed ones).
        from . import login_throttle  # noqa: F401
