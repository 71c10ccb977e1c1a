"""Check an uploaded logo by its content and re-encode it before it is kept."""

import io
import warnings

from PIL import Image, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 2 * 1024 * 1024
# Well above any real logo; a small file claiming more is a decompression bomb.
MAX_PIXELS = 25_000_000
ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP"}
# Logos are shown small; keeping them small keeps the registry fast.
MAX_SIDE = 600


def clean_logo(upload: UploadedFile) -> ContentFile:
    """Return the logo re-encoded as WebP, or raise a ValidationError to show.

    The format is read from the bytes, never from the name or the browser's
    claimed type, and re-encoding drops anything hidden in the original file.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The logo is larger than 2 MB. Please choose a smaller file."),
            code="too_large",
        )
    too_big = ValidationError(
        _("This image is too large to process. Please send a smaller one."),
        code="too_many_pixels",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("The logo must be a PNG, JPEG or WebP image."),
                    code="wrong_type",
                )
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise too_big
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_big from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(
            _("We could not read this file as an image. Please try another one."),
            code="unreadable",
        ) from error

    image.thumbnail((MAX_SIDE, MAX_SIDE))
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    output = io.BytesIO()
    image.save(output, format="WEBP", quality=85)
    return ContentFile(output.getvalue(), name="logo.webp")


def image_type(content: bytes) -> str | None:
    """Return the MIME type of a stored logo, read from its bytes, or None.

    Only the formats ``clean_logo`` accepts pass; anything else (an SVG that
    predates these checks, a corrupt file) is never shown as an image.
    """
    try:
        with Image.open(io.BytesIO(content)) as image:
            kind = image.format
    except (
        Image.DecompressionBombError,
        UnidentifiedImageError,
        OSError,
        SyntaxError,
    ):
        return None
    if kind not in ACCEPTED_FORMATS:
        return None
    return Image.MIME[kind]
