"""Markdown to the blocks of a Wagtail stream field, for the demo's pages.

Prose becomes ``paragraph`` blocks and ``##``/``###`` headings ``heading``
blocks. Any other block is a fence named after the block's type, such as
```` ```checklist Before you post ````; demo/README.md lists them. Markdown
goes through markdown-it-py (CommonMark), so only the fences are ours.
"""

from collections.abc import Callable

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

# What the rich text editor offers (home.blocks.RICH_TEXT_FEATURES): anything
# else would be stored but lost the first time an editor saves the page.
RICH_TEXT_TOKENS = {
    "paragraph_open",
    "paragraph_close",
    "bullet_list_open",
    "bullet_list_close",
    "ordered_list_open",
    "ordered_list_close",
    "list_item_open",
    "list_item_close",
    "inline",
}
INLINE_TOKENS = {
    "text",
    "softbreak",
    "strong_open",
    "strong_close",
    "em_open",
    "em_close",
    "link_open",
    "link_close",
}
PLAIN_TOKENS = {"text", "softbreak"}
HEADING_LEVELS = {"h2", "h3"}
CALLOUT_KINDS = {"tip", "important", "legal"}


def _markdown() -> MarkdownIt:
    """CommonMark without raw HTML, writing rich text as Wagtail's editor does."""
    md = MarkdownIt("commonmark", {"html": False})
    for name, html in [
        ("strong_open", "<b>"),
        ("strong_close", "</b>"),
        ("em_open", "<i>"),
        ("em_close", "</i>"),
        ("softbreak", " "),
    ]:
        md.add_render_rule(name, lambda *args, html=html: html)
    return md


MARKDOWN = _markdown()


class MarkdownBlockError(ValueError):
    """The Markdown does not fit the blocks; the message says where."""


def rich_text(source: str) -> str:
    """Markdown paragraphs and lists as rich text HTML."""
    return _render(MARKDOWN.parse(source))


def to_blocks(source: str, origin: str = "") -> list[dict]:
    """A page body in Markdown as ``{"type", "value"}`` stream blocks.

    Errors quote the first line of the element at fault, after ``origin``.
    """
    lines = source.splitlines()
    blocks = []
    prose: list[Token] = []
    for tokens in _top_level(MARKDOWN.parse(source)):
        first = tokens[0]
        try:
            if first.type not in ("heading_open", "fence"):
                _render(tokens)  # Check it here, where the line is known.
                prose += tokens
                continue
            if prose:
                blocks.append({"type": "paragraph", "value": _render(prose)})
                prose = []
            if first.type == "heading_open":
                blocks.append({"type": "heading", "value": _heading(tokens)})
            else:
                blocks.append(_fence(first))
        except MarkdownBlockError as error:
            line = lines[first.map[0]] if first.map else ""
            where = f"{origin}: " if origin else ""
            raise MarkdownBlockError(f"{error} ({where}{line!r})") from error
    if prose:
        blocks.append({"type": "paragraph", "value": _render(prose)})
    return blocks


def _top_level(tokens: list[Token]) -> list[list[Token]]:
    """Group tokens by top-level element: a heading, a list, a fence…"""
    groups, current = [], []
    for token in tokens:
        current.append(token)
        if token.level == 0 and token.nesting <= 0:
            groups.append(current)
            current = []
    return groups


def _render(tokens: list[Token]) -> str:
    for token in tokens:
        if token.type not in RICH_TEXT_TOKENS:
            raise MarkdownBlockError(f"Rich text cannot hold {_describe(token)}.")
        for child in token.children or []:
            if child.type not in INLINE_TOKENS:
                raise MarkdownBlockError(f"Rich text cannot hold {_describe(child)}.")
    html = MARKDOWN.renderer.render(tokens, MARKDOWN.options, {})
    # Soft breaks are spaces already: the remaining line breaks are markup's.
    return html.replace("\n", "")


def _plain(inline: Token) -> str:
    """The text of one line, refusing formatting that a plain field would lose."""
    for child in inline.children or []:
        if child.type not in PLAIN_TOKENS:
            raise MarkdownBlockError(f"Plain text cannot hold {_describe(child)}.")
    return "".join(
        " " if child.type == "softbreak" else child.content
        for child in inline.children or []
    )


def _describe(token: Token) -> str:
    return f"“{token.type}”" + (f" {token.content[:60]!r}" if token.content else "")


def _heading(tokens: list[Token]) -> dict:
    level = tokens[0].tag
    if level not in HEADING_LEVELS:
        raise MarkdownBlockError(f"Headings are ## or ###, not {tokens[0].markup}.")
    return {"text": _plain(tokens[1]), "level": level}


def _fence(token: Token) -> dict:
    name, _space, rest = token.info.strip().partition(" ")
    build = FENCES.get(name)
    if build is None:
        raise MarkdownBlockError(f"No block is called {name!r}.")
    return {"type": name, "value": build(rest.strip(), token.content)}


def _headed(heading: str, value: dict) -> dict:
    """Leave out an empty heading, so the block's default applies."""
    return {"heading": heading, **value} if heading else value


def _list_items(source: str) -> list[str]:
    """The items of a Markdown bullet list, as plain text."""
    tokens = MARKDOWN.parse(source)
    if not tokens or any(
        token.level == 0 and token.type not in ("bullet_list_open", "bullet_list_close")
        for token in tokens
    ):
        raise MarkdownBlockError(f"Expected one bullet list: {source[:60]!r}")
    return [_plain(token) for token in tokens if token.type == "inline"]


def _sections(source: str, title: str, body: str) -> list[dict]:
    """Items that each start with a heading of any level, followed by rich text."""
    sections: list[tuple[str, list[Token]]] = []
    for tokens in _top_level(MARKDOWN.parse(source)):
        if tokens[0].type == "heading_open":
            sections.append((_plain(tokens[1]), []))
        elif sections:
            sections[-1][1].extend(tokens)
        else:
            raise MarkdownBlockError(f"Start each item with a heading: {source[:60]!r}")
    return [{title: text, body: _render(tokens)} for text, tokens in sections]


def _mapping(source: str) -> dict:
    value = yaml.safe_load(source)
    if not isinstance(value, dict):
        raise MarkdownBlockError(f"Expected YAML fields: {source[:60]!r}")
    return value


def _callout(rest: str, source: str) -> dict:
    kind, _space, heading = rest.partition(" ")
    if kind not in CALLOUT_KINDS:
        raise MarkdownBlockError(
            f"A callout starts with its kind ({', '.join(sorted(CALLOUT_KINDS))}), "
            f"not {kind!r}."
        )
    return {"kind": kind, **_headed(heading, {"body": rich_text(source)})}


# Fence name (the block type) -> builder of the value from the rest of the
# fence's first line and its content.
FENCES: dict[str, Callable[[str, str], dict]] = {
    "callout": _callout,
    "checklist": lambda heading, source: _headed(
        heading, {"items": _list_items(source)}
    ),
    "key_takeaways": lambda heading, source: _headed(
        heading, {"items": _list_items(source)}
    ),
    "steps": lambda heading, source: _headed(
        heading, {"steps": _sections(source, "title", "body")}
    ),
    "faq": lambda heading, source: _headed(
        heading, {"items": _sections(source, "question", "answer")}
    ),
    "accordion": lambda heading, source: _headed(
        heading, {"items": _sections(source, "title", "body")}
    ),
    "employer_story": lambda _rest, source: _mapping(source),
    "quote": lambda _rest, source: _mapping(source),
    "call_to_action": lambda _rest, source: _mapping(source),
}
