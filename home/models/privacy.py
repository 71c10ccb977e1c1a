"""The log of privacy requests staff handled: what was done, never about whom."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataRequest(models.Model):
    """One search, export or erasure, with how many records each app had.

    The email address is deliberately not stored: the log shows that requests
    were answered without becoming a list of who asked.
    """

    class Action(models.TextChoices):
        SEARCH = "search", _("Search")
        EXPORT = "export", _("Export")
        ERASE = "erase", _("Erase")

    action = models.CharField(_("action"), max_length=10, choices=Action)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("performed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    performed_at = models.DateTimeField(_("performed at"), default=timezone.now)
    record_counts = models.JSONField(_("records"), default=dict)

    class Meta:
        ordering = ["-performed_at", "-pk"]
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        default_permissions = []
        permissions = [
            (
                "manage_personal_data",
                _("Can find, export and erase a person's data"),
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.performed_at:%Y-%m-%d %H:%M}"
