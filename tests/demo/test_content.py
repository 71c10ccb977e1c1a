"""The files in demo/content/ fit the models and blocks they fill (no database)."""

import pytest

from demo.files import member, read_markdown, read_yaml
from demo.loaders.guides import guide_specs
from demo.markdown_blocks import to_blocks
from home.blocks import ContentStreamBlock
from home.choices import Sector, SizeBand
from resources.blocks import GuideStreamBlock


def test_every_guide_body_is_valid_for_the_guide_stream():
    stream = GuideStreamBlock()
    specs = guide_specs()
    assert len(specs) == 11
    for spec in specs:
        # A call to action that names a page gets it once the pages exist
        # (tests/demo/test_credentials_guide.py); the rest must be valid now.
        linked_later = [
            block
            for block in spec["body"]
            if block["type"] == "call_to_action"
            and block["value"]["heading"] in spec["page_links"]
        ]
        assert len(linked_later) == len(spec["page_links"])
        body = [block for block in spec["body"] if block not in linked_later]
        stream.clean(stream.to_python(body))
        assert spec["body"][-1]["type"] == "sources"
        assert spec["title"] and spec["summary"] and spec["topics"] and spec["stages"]


def test_every_content_page_body_is_valid_for_the_content_stream():
    stream = ContentStreamBlock()
    for slug in read_yaml("site.yaml")["pages"]:
        front, body = read_markdown(f"pages/{slug}.md")
        assert front["title"] and front["intro"]
        stream.clean(stream.to_python(to_blocks(body)))


def test_guides_name_only_topics_that_the_demo_defines():
    topics = {topic["slug"] for topic in read_yaml("guides.yaml")["topics"]}
    for spec in guide_specs():
        assert set(spec["topics"]) <= topics, spec["slug"]


def test_choices_are_named_after_the_members_of_their_enums():
    pledges = read_yaml("pledges.yaml")
    for organization in pledges["organizations"]:
        member(Sector, organization["sector"])
        member(SizeBand, organization["size"])
    assert member(SizeBand, "very_large") == SizeBand.VERY_LARGE
    with pytest.raises(ValueError, match="micro"):
        member(SizeBand, "tiny")
