"""Check an uploaded logo by its content and re-encode it before it is kept."""

import datetime
import io
import os
import re
import uuid
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import storages
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


# A logo checked with a form that came back with an error waits here, so the
# visitor need not choose it again (browsers never refill a file input).
KEPT_FOLDER = "pledge-logos/kept/"
KEPT_NAME = re.compile(r"^pledge-logos/kept/[0-9a-f]{32}\.webp$")
KEPT_SALT = "pledges.logo.kept"
# Long enough to fix a form over lunch; the daily tasks delete older files.
KEPT_HOURS = 24
MAX_SHOWN_NAME = 80


@dataclass(frozen=True)
class KeptLogo:
    """A checked logo waiting for its form: the token to post back, the name to show."""

    token: str
    shown_name: str


def keep_logo(logo: File, original_name: str) -> KeptLogo:
    """Store a checked logo in private storage; return its signed token.

    The token names a file the server chose, so nothing the visitor sends can
    point at another file; the name they uploaded is only ever shown.
    """
    storage = storages["private"]
    logo.seek(0)
    stored = storage.save(f"{KEPT_FOLDER}{uuid.uuid4().hex}.webp", logo)
    shown = os.path.basename(original_name.replace("\\", "/"))[:MAX_SHOWN_NAME]
    token = signing.dumps({"name": stored, "shown": shown}, salt=KEPT_SALT)
    return KeptLogo(token=token, shown_name=shown)


def kept_logo(token: str) -> tuple[ContentFile, KeptLogo] | None:
    """The logo a token names, checked again, or None if it cannot be trusted."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=KEPT_SALT, max_age=KEPT_HOURS * 60 * 60)
    except signing.BadSignature:
        return None
    name = data.get("name", "") if isinstance(data, dict) else ""
    if not KEPT_NAME.match(name):
        return None
    try:
        with storages["private"].open(name, "rb") as stored:
            content = ContentFile(stored.read(), name="logo.webp")
    except FileNotFoundError:
        return None
    try:
        logo = clean_logo(content)
    except ValidationError:
        return None
    return logo, KeptLogo(token=token, shown_name=str(data.get("shown", "")))


def delete_old_kept_logos(now: datetime.datetime) -> int:
    """Delete kept logos older than their tokens; returns how many went."""
    storage = storages["private"]
    try:
        _folders, files = storage.listdir(KEPT_FOLDER)
    except FileNotFoundError:
        return 0
    cutoff = now - datetime.timedelta(hours=KEPT_HOURS)
    deleted = 0
    for file in files:
        name = KEPT_FOLDER + file
        if KEPT_NAME.match(name) and storage.get_modified_time(name) < cutoff:
            storage.delete(name)
            deleted += 1
    return deleted
