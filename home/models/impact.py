"""The permission to see the impact report (a model only to hold it)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImpactReport(models.Model):
    """No table: like Wagtail's ``wagtailadmin.Admin``, it exists so that the
    permission has a content type and can be given to groups."""

    class Meta:
        managed = False
        default_permissions: list[str] = []
        permissions = [("view_impact_report", _("Can view the impact report"))]
        verbose_name = _("impact report")
        verbose_name_plural = _("impact reports")

    def __str__(self):
        return str(_("Impact report"))
