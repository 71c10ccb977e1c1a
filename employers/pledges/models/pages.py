"""The pledge page, where businesses sign, and the public registry under it."""

import hashlib

from wagtail_localize.fields import SynchronizedField, TranslatableField

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import ContentStreamBlock
from home.models.mixins import HeroImageMixin
from home.models.pages import StreamSafePageForm
from home.translation_fields import PAGE_FIELDS


def wording_version(text: str) -> str:
    """A short fingerprint of consent wording, stored with each consent."""
    return hashlib.sha256(text.strip().encode()).hexdigest()[:12]


class PledgePage(RoutablePageMixin, HeroImageMixin, Page):
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("Shown at the top: what the pledge is, in two or three lines."),
    )
    statement = RichTextField(
        _("pledge statement"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The words every signer agrees to."),
    )
    why_sign = RichTextField(
        _("why sign"), features=["bold", "italic", "link", "ol", "ul"], blank=True
    )
    faq = StreamField(
        ContentStreamBlock(),
        verbose_name=_("questions and more"),
        blank=True,
        help_text=_("Use an accordion block for frequently asked questions."),
    )
    min_commitments = models.PositiveSmallIntegerField(
        _("minimum commitments to choose"), default=3
    )
    listing_consent_text = models.CharField(
        _("wording of the consent to be listed"),
        max_length=400,
        default=_(
            "I agree that the organization's name, website, sector, community, "
            "size, logo, statement and commitments are shown in the public "
            "registry and its open data."
        ),
        help_text=_(
            "Changing this wording starts a new version; each signer's consent "
            "records the version they saw."
        ),
    )
    news_consent_text = models.CharField(
        _("wording of the consent to receive news"),
        max_length=400,
        default=_(
            "Send me occasional news about workshops and resources for employers."
        ),
    )
    thank_you_text = RichTextField(
        _("after signing"),
        features=["bold", "italic", "link"],
        default=_(
            "<p>Thank you. We have sent you an email: open the link in it to "
            "confirm your address. Your pledge is not sent for review until "
            "you do.</p>"
        ),
    )
    verified_text = RichTextField(
        _("after confirming the email"),
        features=["bold", "italic", "link"],
        default=_(
            "<p>Your email is confirmed. Our team reviews new pledges within five "
            "working days; we will email you when your organization appears in "
            "the registry.</p>"
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Image"),
        ),
        FieldPanel("statement"),
        FieldPanel("why_sign"),
        FieldPanel("min_commitments"),
        FieldPanel("faq"),
        MultiFieldPanel(
            [
                FieldPanel("listing_consent_text"),
                FieldPanel("news_consent_text"),
                FieldPanel("thank_you_text"),
                FieldPanel("verified_text"),
            ],
            heading=_("Consents and messages"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("statement"),
        index.SearchField("why_sign"),
    ]

    # Translators change the words; the rules of the pledge stay the source's.
    # A changed consent wording is a new version in each language.
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        TranslatableField("statement"),
        TranslatableField("why_sign"),
        TranslatableField("faq"),
        SynchronizedField("min_commitments"),
        TranslatableField("listing_consent_text"),
        TranslatableField("news_consent_text"),
        TranslatableField("thank_you_text"),
        TranslatableField("verified_text"),
    ]

    # A stream posted without its hidden counts is a form error, not a 500.
    base_form_class = StreamSafePageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pledges.PledgeRegistryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pledge page")

    @property
    def listing_consent_version(self) -> str:
        return wording_version(str(self.listing_consent_text))

    @property
    def news_consent_version(self) -> str:
        return wording_version(str(self.news_consent_text))

    def registry(self):
        return PledgeRegistryPage.objects.child_of(self).live().first()

    @path("")
    def index_route(self, request):
        from employers.pledges.views import lifecycle as pledges

        return pledges.sign(self, request)

    @path("thank-you/")
    def thank_you(self, request):
        from employers.pledges.views import lifecycle as pledges

        return pledges.thank_you(self, request)

    @path("confirm/")
    def resend_verification(self, request):
        from employers.pledges.views import lifecycle as pledges

        return pledges.resend_verification(self, request)

    @re_path(r"^confirm/(?P<token>[\w-]{20,80})/$")
    def verify(self, request, token):
        from employers.pledges.views import lifecycle as pledges

        return pledges.verify(self, request, token)

    @path("manage/")
    def request_manage_link(self, request):
        from employers.pledges.views import lifecycle as pledges

        return pledges.request_manage_link(self, request)

    @re_path(r"^manage/(?P<token>[\w-]{20,80})/$")
    def manage(self, request, token):
        from employers.pledges.views import lifecycle as pledges

        return pledges.manage(self, request, token)


class PledgeRegistryPage(RoutablePageMixin, Page):
    class Licence(models.TextChoices):
        OGL_CANADA = "ogl-ca", _("Open Government Licence – Canada")
        CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
        CC0 = "cc0-1.0", _("CC0 1.0 (public domain dedication)")
        ODC_BY = "odc-by-1.0", _("Open Data Commons Attribution 1.0")

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    licence = models.CharField(
        _("open data licence"),
        max_length=12,
        choices=Licence,
        default=Licence.CC_BY,
        help_text=_("The licence stated on the registry's CSV and JSON downloads."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("licence")]
    # One registry in every language: the licence is the source page's.
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("intro"),
        SynchronizedField("licence"),
    ]

    parent_page_types = ["pledges.PledgePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pledge registry")

    @path("")
    def index_route(self, request):
        from employers.pledges.views import registry

        return registry.listing(self, request)

    # Wagtail routes add a final slash to every path; file names must allow it.
    @re_path(r"^registry\.csv/?$")
    def csv_route(self, request):
        from employers.pledges.views import registry

        return registry.open_data_csv(self, request)

    @re_path(r"^registry\.json/?$")
    def json_route(self, request):
        from employers.pledges.views import registry

        return registry.open_data_json(self, request)

    # Before profiles: no pledge gets this address (services.lifecycle).
    @path("data-dictionary/")
    def data_dictionary(self, request):
        from employers.pledges.views import registry

        return registry.data_dictionary(self, request)

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def profile(self, request, slug):
        from employers.pledges.views import registry

        return registry.profile(self, request, slug)

    @re_path(r"^(?P<slug>[-\w]+)/logo/$")
    def logo(self, request, slug):
        from employers.pledges.views import registry

        return registry.logo(self, request, slug)

    @re_path(r"^(?P<slug>[-\w]+)/badge\.svg/?$")
    def badge(self, request, slug):
        from employers.pledges.views import registry

        return registry.badge(self, request, slug)
