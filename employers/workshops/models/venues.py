"""Where workshops happen and who leads them: snippets staff reuse."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """A place where in-person workshops are held, in each language."""

    name = models.CharField(_("name"), max_length=120)
    address = models.TextField(_("address"), max_length=300)
    directions = models.TextField(
        _("directions"),
        max_length=1000,
        blank=True,
        help_text=_("Parking, transit, which door to use."),
    )
    accessibility = models.TextField(
        _("accessibility information"),
        max_length=1000,
        blank=True,
        help_text=_("Step-free access, accessible washrooms, hearing loops."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("directions"),
        FieldPanel("accessibility"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name

    @property
    def one_line_address(self) -> str:
        return ", ".join(line.strip() for line in self.address.splitlines() if line)


class Facilitator(TranslatableMixin, index.Indexed, models.Model):
    """A person who leads workshops; role and bio in each language."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    organization = models.CharField(_("organization"), max_length=160, blank=True)
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organization"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")

    def __str__(self):
        return self.name
