"""Markdown to stream blocks (demo/README.md), checked without a database."""

import pytest

from demo.markdown_blocks import MarkdownBlockError, rich_text, to_blocks
from home.blocks import ContentStreamBlock
from resources.blocks import GuideStreamBlock


def _only(source: str) -> dict:
    (block,) = to_blocks(source)
    return block


def test_prose_between_headings_becomes_one_rich_text_block():
    assert to_blocks(
        "Hire for **skills**, in *plain*\nlanguage: see [Job Bank](https://www.jobbank.gc.ca/).\n\n"
        "- One\n- Two\n\n"
        "## Start here\n\n"
        "### Then here\n\n"
        "1. First\n"
    ) == [
        {
            "type": "paragraph",
            "value": "<p>Hire for <b>skills</b>, in <i>plain</i> language: see "
            '<a href="https://www.jobbank.gc.ca/">Job Bank</a>.</p>'
            "<ul><li>One</li><li>Two</li></ul>",
        },
        {"type": "heading", "value": {"text": "Start here", "level": "h2"}},
        {"type": "heading", "value": {"text": "Then here", "level": "h3"}},
        {"type": "paragraph", "value": "<ol><li>First</li></ol>"},
    ]


def test_checklist_and_key_takeaways_hold_a_list_and_an_optional_heading():
    assert _only(
        "```checklist Before you post\n- List the tasks\n- Add the pay\n```"
    ) == {
        "type": "checklist",
        "value": {
            "heading": "Before you post",
            "items": ["List the tasks", "Add the pay"],
        },
    }
    # No heading: the block's own default ("Key takeaways") applies.
    assert _only("```key_takeaways\n- Judge skills\n- Long items\n  wrap\n```") == {
        "type": "key_takeaways",
        "value": {"items": ["Judge skills", "Long items wrap"]},
    }


def test_callout_names_its_kind_then_its_heading():
    assert _only("```callout legal Two BC rules\nThe **Code** applies.\n```") == {
        "type": "callout",
        "value": {
            "kind": "legal",
            "heading": "Two BC rules",
            "body": "<p>The <b>Code</b> applies.</p>",
        },
    }
    assert _only("```callout tip\nAsk.\n```")["value"] == {
        "kind": "tip",
        "body": "<p>Ask.</p>",
    }


@pytest.mark.parametrize(
    ("name", "items", "title", "body"),
    [
        ("steps", "steps", "title", "body"),
        ("faq", "items", "question", "answer"),
        ("accordion", "items", "title", "body"),
    ],
)
def test_steps_faq_and_accordion_items_each_start_with_a_heading(
    name, items, title, body
):
    block = _only(
        f"```{name} Check a permit\n"
        "### Ask to see it\n\nLook at its **conditions**.\n\n"
        "### Note the date\n\n- Expiry\n- Employer\n```"
    )
    assert block == {
        "type": name,
        "value": {
            "heading": "Check a permit",
            items: [
                {title: "Ask to see it", body: "<p>Look at its <b>conditions</b>.</p>"},
                {
                    title: "Note the date",
                    body: "<ul><li>Expiry</li><li>Employer</li></ul>",
                },
            ],
        },
    }


@pytest.mark.parametrize("name", ["employer_story", "quote", "call_to_action"])
def test_blocks_of_short_fields_hold_yaml(name):
    block = _only(f"```{name}\nquote: We hired two.\nname: Dana\nrole: HR manager\n```")
    assert block == {
        "type": name,
        "value": {"quote": "We hired two.", "name": "Dana", "role": "HR manager"},
    }


def test_a_document_of_every_convention_fits_the_guide_and_page_streams():
    blocks = to_blocks(
        "Intro.\n\n## Section\n\n"
        "```checklist Before\n- One\n```\n\n"
        "```key_takeaways\n- Point\n```\n\n"
        "```callout important Careful\nText.\n```\n\n"
        "```steps Do it\n### Step\n\nText.\n```\n\n"
        "```faq Questions\n### Why?\n\nBecause.\n```\n\n"
        "```employer_story\nquote: It worked.\nname: Dana\n```\n\n"
        "```accordion More\n### Item\n\nText.\n```\n\n"
        "```quote\nquote: Welcome.\nattribution: Dev\n```\n\n"
        "```call_to_action\nheading: Post a job\nurl: https://www.jobbank.gc.ca/\n"
        "button_label: Go\n```\n"
    )
    stream = GuideStreamBlock()
    value = stream.clean(stream.to_python(blocks))
    assert [child.block_type for child in value] == [
        "paragraph",
        "heading",
        "checklist",
        "key_takeaways",
        "callout",
        "steps",
        "faq",
        "employer_story",
        "accordion",
        "quote",
        "call_to_action",
    ]
    assert "Before" in value[2].render()
    page_blocks = [
        block for block in blocks if block["type"] in ContentStreamBlock.base_blocks
    ]
    ContentStreamBlock().clean(ContentStreamBlock().to_python(page_blocks))


def test_rich_text_escapes_raw_html():
    assert rich_text("Press <b>here</b> & <script>x</script>") == (
        "<p>Press &lt;b&gt;here&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</p>"
    )


@pytest.mark.parametrize(
    "source",
    [
        "# A page title",
        "#### Too deep",
        "> A blockquote",
        "![A picture](https://example.org/a.png)",
        "Some `code`",
        "    indented code",
        "---",
        "```unknown\nx\n```",
        "```callout warning Heading\nText.\n```",
        "```checklist Before\n- A **bold** item\n```",
        "```checklist Before\nNot a list.\n```",
        "```faq Questions\nAn answer without its question.\n```",
        "```quote\n- not\n- fields\n```",
    ],
)
def test_what_the_blocks_cannot_hold_is_refused(source):
    with pytest.raises(MarkdownBlockError):
        to_blocks(source)


def test_a_refusal_names_the_file_and_quotes_the_line():
    with pytest.raises(MarkdownBlockError, match="guides/a.md: '> Quoted'"):
        to_blocks("Fine.\n\n> Quoted\n", origin="guides/a.md")
