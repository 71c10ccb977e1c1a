"""Topics that staff edit, and the fixed hiring stages, in every language.

Guides and workshops link the rows they were classified with, often the
English ones (wagtail-localize copies the links into translations as they
are). A topic or stage is therefore one item across languages: compare and
filter by ``translation_key`` (a stage also by ``code``), never by row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject that guides and workshops are grouped by."""

    class Icon(models.TextChoices):
        COMPASS = "compass", _("Compass")
        ID_CARD = "id-card", _("Identity card")
        PASSPORT = "passport", _("Passport")
        DOOR = "door", _("Open door")
        SPEECH = "speech", _("Speech bubbles")
        LADDER = "ladder", _("Ladder")
        HEART = "heart", _("Heart")
        HOME = "home", _("House")

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in web addresses, such as /guides/?topic=recruiting."),
    )
    description = models.TextField(_("description"), max_length=300, blank=True)
    icon = models.CharField(
        _("icon"), max_length=20, choices=Icon, default=Icon.COMPASS
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("icon"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"], name="unique_topic_name_per_locale"
            ),
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_topic_slug_per_locale"
            ),
        ]

    def __str__(self):
        return self.name


class HiringStage(TranslatableMixin, models.Model):
    """One of the four fixed stages of the hiring journey.

    A table rather than a field choice so that a guide can belong to several
    stages and be filtered by stage on SQLite and PostgreSQL alike. Its rows
    come from a data migration, in the default language; labels are
    translated in code, so any row of a stage reads in the reader's language.
    """

    class Code(models.TextChoices):
        ATTRACT = "attract", _("Attract")
        HIRE = "hire", _("Hire")
        ONBOARD = "onboard", _("Onboard")
        RETAIN = "retain", _("Retain and advance")

    code = models.CharField(_("code"), max_length=20, choices=Code)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("hiring stage")
        verbose_name_plural = _("hiring stages")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "code"], name="unique_hiring_stage_per_locale"
            )
        ]

    def __str__(self):
        return str(self.label)

    @property
    def label(self) -> str:
        return self.Code(self.code).label
