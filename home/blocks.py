"""The shared stream of content blocks, defined once and reused by page types."""

from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.models import Embed
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from home.languages import localize_all

# Rich text stays to what the design styles; headings come from HeadingBlock so
# editors cannot break the page outline.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingValue(blocks.StructValue):
    """Gives a heading the anchor that tables of contents link to."""

    def anchor(self) -> str:
        return slugify(self.get("text", "")) or "section"


class HeadingBlock(blocks.StructBlock):
    """A section heading at level two or three."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
        help_text=_("Use level 3 only under a level 2 heading."),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading that also appears in page contents.")
        preview_value = {"text": "Why hire newcomers", "level": "h2"}
        value_class = HeadingValue


class ParagraphBlock(blocks.RichTextBlock):
    """Formatted text: paragraphs, lists, bold, italic and links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        label = _("Text")
        description = _("Paragraphs and lists.")
        preview_value = (
            "<p>Newcomers bring skills, languages and connections that help "
            "local employers grow.</p>"
        )


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen readers announce."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        label = _("Image")
        description = _("A picture with alternative text and an optional caption.")
        preview_value = {"alt_text": "", "caption": "A team meeting"}


class CallToActionBlock(blocks.StructBlock):
    """A short prompt with one button to a page or an address."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("Or address"),
        required=False,
        help_text=_(
            "Use for a link to another website; leave empty if a page is chosen."
        ),
    )
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with a button.")
        preview_value = {
            "heading": "Sign the inclusive-workplace pledge",
            "text": "Join local employers who commit to fair hiring.",
            "url": "https://example.org/pledge/",
            "button_label": "Sign the pledge",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter an address, not both.")
            if not value.get("page"):
                message = _("Choose a page or enter an address.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message)}
            )
        return value


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person who said it."""

    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Name"), required=False, max_length=120)
    role = blocks.CharBlock(
        label=_("Role and organization"), required=False, max_length=160
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation, such as an employer's experience.")
        preview_value = {
            "quote": "Our newest supervisor started on the line two years ago.",
            "attribution": "Priya S.",
            "role": "Plant manager, Valley Foods",
        }


class EmbedValue(blocks.StructValue):
    """Looks up the stored embed once, for its player and its provider's name."""

    def media(self) -> Embed | None:
        embed = self.get("embed")
        if not embed:
            return None
        try:
            return get_embed(embed.url)
        except EmbedException:
            return None


class VideoEmbedBlock(blocks.StructBlock):
    """A video or other media from a site such as YouTube or Vimeo.

    The player is not loaded until the reader asks for it, so visiting the page
    sends nothing to the provider.
    """

    embed = EmbedBlock(
        label=_("Address"), help_text=_("The address of the video or media page.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("Names the media for screen readers and for the link."),
    )
    transcript = ParagraphBlock(label=_("Transcript or summary"), required=False)

    class Meta:
        icon = "media"
        template = "components/blocks/embed_block.html"
        label = _("Video or media")
        description = _("Media from another site, loaded only when the reader asks.")
        preview_value = {"title": "Hiring newcomers: an employer's story"}
        value_class = EmbedValue


class DocumentBlock(blocks.StructBlock):
    """A link to a document from the library, with its type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, max_length=300
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_block.html"
        label = _("Document")
        description = _("A downloadable file such as a worksheet or template.")
        preview_value = {"label": "Interview checklist", "description": "Two pages."}


class AccordionItemBlock(blocks.StructBlock):
    """One question or section that readers open on demand."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = ParagraphBlock(label=_("Content"))

    class Meta:
        icon = "list-ul"
        label = _("Item")


class AccordionBlock(blocks.StructBlock):
    """Sections that open and close, built on the native details element."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "collapse-down"
        template = "components/blocks/accordion_block.html"
        label = _("Accordion")
        description = _("Questions and answers or sections that open on demand.")
        preview_value = {
            "heading": "Common questions",
            "items": [
                {
                    "title": "Do I need a permit to hire a permanent resident?",
                    "body": "<p>No. Permanent residents can work for any employer.</p>",
                }
            ],
        }


class ContentStreamBlock(blocks.StreamBlock):
    """The blocks every content page offers; later page types extend it."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()


class PathBlock(blocks.StructBlock):
    """One of the home page's main routes through the site."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    page = blocks.PageChooserBlock(label=_("Page"))
    link_label = blocks.CharBlock(label=_("Link label"), max_length=60)

    class Meta:
        icon = "arrow-right"
        template = "components/blocks/path_block.html"
        label = _("Path")
        description = _("A card that leads to one part of the site.")
        preview_value = {
            "heading": "Read the guides",
            "text": "Practical answers on hiring and keeping newcomers.",
            "link_label": "Browse the guides",
        }


class FeaturedPagesValue(blocks.StructValue):
    def readable_pages(self) -> list[Page]:
        """The chosen pages that are live and outside private sections, in order.

        Each in the reader's language where it has a live, public translation;
        the others keep their locale, so the card can say ``lang="en"``.
        """
        chosen = [page.pk for page in self["pages"] if page is not None]
        readable = Page.objects.live().public()
        found = readable.filter(pk__in=chosen).select_related("locale")
        by_pk = {page.pk: page for page in found}
        return localize_all([by_pk[pk] for pk in chosen if pk in by_pk], readable)


class FeaturedPagesBlock(blocks.StructBlock):
    """A row of cards linking to pages chosen by staff."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(), label=_("Pages"), min_num=1, max_num=6
    )

    class Meta:
        icon = "pick"
        template = "components/blocks/featured_pages_block.html"
        label = _("Featured pages")
        description = _("Cards linking to up to six pages.")
        value_class = FeaturedPagesValue
        preview_value = {"heading": "Start here"}


class HomeStreamBlock(ContentStreamBlock):
    """The home page's featured content: the shared blocks plus page cards."""

    featured_pages = FeaturedPagesBlock()


def _images_in(value: Any) -> Iterator[AbstractImage]:
    """Every image in a stream's values, however deeply its blocks nest."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, blocks.StreamValue):
        for child in value:
            yield from _images_in(child.value)
    elif isinstance(value, blocks.StructValue):
        for item in value.values():
            yield from _images_in(item)
    elif isinstance(value, blocks.list_block.ListValue | list | tuple):
        for item in value:
            yield from _images_in(item)


def prefetch_renditions(*values: Any) -> None:
    """Read the renditions of every image in ``values`` (images or streams) at once.

    One query, where each picture would otherwise read its renditions from the
    cache and write them back on every view.
    """
    images = [image for value in values for image in _images_in(value)]
    if images:
        prefetch_related_objects(
            images, Prefetch("renditions", to_attr="prefetched_renditions")
        )
