"""Block behaviour, tested without a database."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import (
    AccordionBlock,
    CallToActionBlock,
    ContentStreamBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
)


def test_heading_gives_an_anchor_for_the_table_of_contents():
    block = HeadingBlock()
    value = block.to_python({"text": "Hiring: where to start?", "level": "h2"})
    assert value.anchor() == "hiring-where-to-start"
    html = block.render(value)
    assert '<h2 id="hiring-where-to-start"' in html


def test_heading_offers_only_levels_two_and_three():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Title", "level": "h1"}))


def test_call_to_action_needs_a_page_or_an_address():
    block = CallToActionBlock()
    value = block.to_python(
        {"heading": "Sign", "button_label": "Go", "url": "", "page": None}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "page" in error.value.block_errors


def test_call_to_action_with_an_address_renders_a_button():
    block = CallToActionBlock()
    value = block.clean(
        block.to_python(
            {
                "heading": "Job Bank",
                "button_label": "Go",
                "page": None,
                "url": "https://www.jobbank.gc.ca/",
                "text": "",
            }
        )
    )
    assert 'class="button" href="https://www.jobbank.gc.ca/"' in block.render(value)


def test_image_block_requires_alternative_text():
    block = ImageBlock()
    assert block.child_blocks["alt_text"].required
    with pytest.raises(ValidationError):
        block.child_blocks["alt_text"].clean("")


def test_rich_text_offers_no_headings_so_the_outline_holds():
    features = ParagraphBlock().features
    assert not {"h1", "h2", "h3", "h4", "image", "embed"} & set(features)


def test_accordion_renders_native_details():
    block = AccordionBlock()
    value = block.to_python(
        {"heading": "", "items": [{"title": "Is it free?", "body": "<p>Yes.</p>"}]}
    )
    html = block.render(value)
    assert "<details" in html
    assert "<summary>Is it free?</summary>" in html


def test_every_struct_block_documents_itself_for_editors():
    for name, block in ContentStreamBlock().child_blocks.items():
        if name == "paragraph":
            continue
        meta = block.meta
        assert block.__doc__, name
        assert meta.icon and meta.template and meta.label and meta.description, name
        assert meta.preview_value, name
