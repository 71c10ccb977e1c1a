from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "employers.workshops"
    label = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from employers.workshops import signals  # noqa: F401 (connects the receivers)
