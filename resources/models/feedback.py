"""Readers' answers to "Was this helpful?": anonymous by design."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GuideFeedback(models.Model):
    """One answer. No name, email, address or cookie is stored with it."""

    guide = models.ForeignKey(
        "resources.GuidePage",
        verbose_name=_("guide"),
        on_delete=models.CASCADE,
        related_name="feedback_answers",
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("guide feedback")
        verbose_name_plural = _("guide feedback")

    def __str__(self):
        return f"{self.guide_id}: {'yes' if self.helpful else 'no'}"
