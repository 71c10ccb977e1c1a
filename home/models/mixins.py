"""Fields that several page types share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HeroImageMixin(models.Model):
    """A large image at the top of a page, with its description."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe the image for people who cannot see it. Leave empty if it "
            "is only decoration."
        ),
    )

    class Meta:
        abstract = True
