"""How often each guide is read, per day: a counter kept by the site itself.

No cookie, no address, no user agent is stored: only the guide, the day and a
number. ``resources.middleware.GuideViewCounterMiddleware`` counts, through
``resources.services.record_guide_view``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Set by GuidePage.serve() on a guide it served; read and removed by the middleware.
VIEW_HEADER = "X-Count-View"


class GuideView(models.Model):
    guide = models.ForeignKey(
        "resources.GuidePage",
        verbose_name=_("guide"),
        on_delete=models.CASCADE,
        related_name="daily_views",
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        ordering = ["-day", "guide"]
        verbose_name = _("guide views on a day")
        verbose_name_plural = _("guide views per day")
        constraints = [
            models.UniqueConstraint(fields=["guide", "day"], name="one_count_per_day")
        ]

    def __str__(self):
        return f"{self.guide_id} {self.day}: {self.count}"
