"""Brand colours: WCAG 2.1 contrast checks, and the stylesheet that carries them."""

import functools
import hashlib
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2.1 AA for normal-size text (success criterion 1.4.3).
AA_NORMAL_TEXT = 4.5
# The site's stylesheet, which the brand colours follow in one response.
SITE_CSS = "css/site.css"


def relative_luminance(hex_colour: str) -> float:
    """Return the WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """Return the WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def validate_brand_colour(value: str) -> None:
    """Refuse anything but ``#rrggbb`` that white text can be read on (WCAG AA)."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # followed by six hexadecimal digits, like #1d4f91."),
            code="invalid_colour",
        )
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast ratio of %(ratio).2f:1; "
                "WCAG AA needs at least 4.5:1. Choose a darker colour."
            ),
            code="low_contrast",
            params={"colour": value, "ratio": ratio},
        )


def brand_declarations(primary: str, accent: str) -> str:
    """The colours as CSS custom properties, leaving out any that is not #rrggbb.

    Colours are checked on save; they are checked again here as they go into
    CSS unescaped.
    """
    variables = {"--colour-primary": primary, "--colour-accent": accent}
    declarations = " ".join(
        f"{name}: {value};"
        for name, value in variables.items()
        if HEX_COLOUR.match(value or "")
    )
    return f":root {{ {declarations} }}\n"


def site_stylesheet(primary: str, accent: str) -> str:
    """``static/css/site.css`` followed by the brand colours, which override its own.

    Pages link this one stylesheet, so nothing but it blocks their first
    paint; the Content Security Policy allows no inline ``<style>``.
    """
    return f"{_site_css()[0]}\n{brand_declarations(primary, accent)}"


def stylesheet_version(primary: str, accent: str) -> str:
    """What the stylesheet's address carries, so browsers may keep each version:
    the colours and a digest of ``site.css``."""
    return f"{primary.lstrip('#')}{accent.lstrip('#')}-{_site_css()[1]}"


def _site_css() -> tuple[str, str]:
    """The text of ``site.css`` and its digest, read again when the file changes."""
    path = Path(finders.find(SITE_CSS))
    return _read(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _read(path: Path, modified: int) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    return text, hashlib.sha256(text.encode()).hexdigest()[:12]
