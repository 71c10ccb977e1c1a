"""Blocks only guides use, added to the shared content stream."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import ContentStreamBlock, DocumentBlock, ParagraphBlock


class CalloutBlock(blocks.StructBlock):
    """A highlighted tip, warning or legal note."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("tip", _("Tip")),
            ("important", _("Important")),
            ("legal", _("Legal note")),
        ],
        default="tip",
    )
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    body = ParagraphBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        template = "components/blocks/callout_block.html"
        label = _("Callout")
        description = _("A tip, an important point or a legal note that stands out.")
        preview_value = {
            "kind": "tip",
            "heading": "Ask about skills, not origin",
            "body": "<p>Describe the tasks of the job and ask how the candidate has "
            "done them, wherever that was.</p>",
        }


class ChecklistBlock(blocks.StructBlock):
    """Items a reader can tick on screen or on paper."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("Items"), min_num=1
    )

    class Meta:
        icon = "tick"
        template = "components/blocks/checklist_block.html"
        label = _("Checklist")
        description = _("A list of boxes to tick, which also prints.")
        preview_value = {
            "heading": "Before the interview",
            "items": ["Share the questions in advance", "Offer a video option"],
        }


class StepBlock(blocks.StructBlock):
    """One step: a short title and what to do."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    body = ParagraphBlock(label=_("What to do"))

    class Meta:
        icon = "arrow-right"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    """A numbered sequence of steps."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "components/blocks/steps_block.html"
        label = _("Step-by-step list")
        description = _("Numbered steps, each with a title and an explanation.")
        preview_value = {
            "heading": "Check a work permit",
            "steps": [
                {
                    "title": "Ask to see the permit",
                    "body": "<p>Look at its conditions.</p>",
                }
            ],
        }


class EmployerStoryBlock(blocks.StructBlock):
    """An employer's own words about what worked."""

    quote = blocks.TextBlock(label=_("Quote"), max_length=800)
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=120)
    organization = blocks.CharBlock(
        label=_("Organization"), required=False, max_length=160
    )
    photo = ImageChooserBlock(
        label=_("Photo"),
        required=False,
        help_text=_("A portrait. It is shown beside the name, which describes it."),
    )

    class Meta:
        icon = "user"
        template = "components/blocks/employer_story_block.html"
        label = _("Employer story")
        description = _("A quote from an employer, with their name and organization.")
        preview_value = {
            "quote": "We paired every new hire with a buddy for the first month.",
            "name": "Harpreet Gill",
            "role": "Operations manager",
            "organization": "Valley Greenhouses",
        }


class KeyTakeawaysBlock(blocks.StructBlock):
    """The three or four points a reader should leave with."""

    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=120, default=_("Key takeaways")
    )
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("Points"), min_num=1, max_num=8
    )

    class Meta:
        icon = "pick"
        template = "components/blocks/key_takeaways_block.html"
        label = _("Key takeaways")
        description = _("A short summary of the main points.")
        preview_value = {
            "heading": "Key takeaways",
            "items": ["Judge skills, not where they were learned."],
        }


class FAQItemBlock(blocks.StructBlock):
    """A question and its answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = ParagraphBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question")


class FAQBlock(blocks.StructBlock):
    """Frequently asked questions that open on demand."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, default=_("Common questions")
    )
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "components/blocks/faq_block.html"
        label = _("FAQ")
        description = _("Questions and answers, each opening on demand.")
        preview_value = {
            "heading": "Common questions",
            "items": [
                {
                    "question": "Can I ask for Canadian experience?",
                    "answer": "<p>Ask about skills instead.</p>",
                }
            ],
        }


class SourceBlock(blocks.StructBlock):
    """An official reference."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    publisher = blocks.CharBlock(label=_("Publisher"), max_length=160)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link-external"
        label = _("Source")


class SourcesBlock(blocks.StructBlock):
    """Official pages a reader can check for current rules."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        default=_("Sources and official information"),
    )
    items = blocks.ListBlock(SourceBlock(), label=_("Sources"), min_num=1)

    class Meta:
        icon = "link-external"
        template = "components/blocks/sources_block.html"
        label = _("Source links")
        description = _("Official references, with their publishers.")
        preview_value = {
            "heading": "Sources and official information",
            "items": [
                {
                    "title": "Job Bank",
                    "publisher": "Government of Canada",
                    "url": "https://www.jobbank.gc.ca/",
                }
            ],
        }


class ResourceBlock(DocumentBlock):
    """A template or worksheet to download, with its type and size."""

    class Meta:
        icon = "download"
        label = _("Downloadable resource")
        description = _("A template, worksheet or checklist file to download.")


class GuideStreamBlock(ContentStreamBlock):
    """The shared blocks plus those made for practical guides."""

    callout = CalloutBlock()
    checklist = ChecklistBlock()
    steps = StepsBlock()
    employer_story = EmployerStoryBlock()
    key_takeaways = KeyTakeawaysBlock()
    faq = FAQBlock()
    resource = ResourceBlock()
    sources = SourcesBlock()
