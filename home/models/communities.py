"""The communities the partnership serves, offered by the pledge form."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin


class Community(TranslatableMixin, Orderable):
    """A community or region, named in each language.

    A pledge stores the name in the site's default language, so filters and
    exports agree whatever language it was signed in (``home.communities``).
    """

    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name
