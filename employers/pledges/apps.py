from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "employers.pledges"
    label = "pledges"
    verbose_name = _("Pledges")

    def ready(self):
        from employers.pledges import signals  # noqa: F401 (connects the receivers)
