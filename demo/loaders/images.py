"""The demo's pictures, drawn from the seed rather than shipped as files."""

import io
import random
from collections.abc import Callable

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

Drawing = Callable[..., None]


def image(title: str, drawing: Drawing, size: tuple[int, int], rng: random.Random):
    """Return the image with this title, drawing it the first time."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", size, "#eef2f8")
    drawing(ImageDraw.Draw(canvas), size, rng)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = title.lower().replace(" ", "-")
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"{slug}.png")
    )


def draw_hero(draw, size: tuple[int, int], rng: random.Random) -> None:
    """Overlapping circles in the brand palette: a calm, abstract team."""
    width, height = size
    palette = ["#1d4f91", "#8a3b12", "#2f7d6d", "#d9a441", "#6a4c93"]
    for _ in range(14):
        radius = rng.randint(height // 10, height // 4)
        x = rng.randint(0, width)
        y = rng.randint(height // 4, height)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=rng.choice(palette)
        )
    for index in range(5):
        x = width * (index + 1) // 6
        draw.ellipse(
            (x - 38, height // 3 - 38, x + 38, height // 3 + 38),
            fill=palette[index],
            outline="#ffffff",
            width=6,
        )


def draw_logo(draw, size: tuple[int, int], rng: random.Random) -> None:
    """A white W on a rounded blue square."""
    width, height = size
    draw.rectangle((0, 0, width, height), fill="#ffffff")
    draw.rounded_rectangle((4, 4, width - 4, height - 4), radius=28, fill="#1d4f91")
    draw.line(
        [(36, 60), (66, 150), (100, 92), (134, 150), (164, 60)],
        fill="#ffffff",
        width=18,
        joint="curve",
    )
