from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        # Connect the receivers and register the checks.
        from home import checks, roles, signals  # noqa: F401
