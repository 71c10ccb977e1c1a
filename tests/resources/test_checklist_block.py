"""The checklist block: plain checkboxes that site.js can remember per page."""

from types import SimpleNamespace

from resources.blocks import ChecklistBlock

ITEMS = ["Name the real skills", "Drop Canadian experience"]


def _render(context: dict | None = None) -> str:
    block = ChecklistBlock()
    value = block.to_python(
        {
            "heading": "Before you post",
            # Stored without ids, as the demo stores them: each read makes new ones.
            "items": ITEMS,
        }
    )
    return block.render(value, context=context)


def test_each_box_is_keyed_by_its_page_and_item():
    html = _render({"page": SimpleNamespace(pk=42)})
    assert 'data-checklist="42"' in html
    assert html.count('type="checkbox"') == 2
    # Keyed by text: the same on every read of the page.
    assert 'data-checklist-item="Name the real skills"' in html
    assert 'data-checklist-item="Drop Canadian experience"' in html
    assert _render({"page": SimpleNamespace(pk=42)}) == html
    # A label around each box: ticking the text ticks the box, without script.
    assert html.count('<label class="choice">') == 2
    for text in ITEMS:
        assert text in html


def test_a_preview_without_a_page_is_not_remembered():
    html = _render()
    assert "data-checklist=" not in html
    assert html.count('type="checkbox"') == 2
