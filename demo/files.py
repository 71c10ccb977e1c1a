"""Reading the demo's content files: YAML data and Markdown with front matter."""

import re
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)

E = TypeVar("E", bound=Enum)


def read_yaml(name: str) -> Any:
    """The data in ``content/<name>``."""
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def read_markdown(name: str) -> tuple[dict, str]:
    """The YAML front matter of ``content/<name>`` and the Markdown after it."""
    text = (CONTENT_DIR / name).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ValueError(f"{name} does not start with front matter between --- lines.")
    return yaml.safe_load(match[1]) or {}, text[match.end() :]


def member(enum: type[E], name: str) -> E:
    """The choice named in the content, such as ``very_large`` for VERY_LARGE."""
    try:
        return enum[name.upper()]
    except KeyError:
        names = ", ".join(member.name.lower() for member in enum)
        raise ValueError(f"{name!r} is not one of {names}.") from None
