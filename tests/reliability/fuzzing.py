"""Hypothesis strategies for hostile input, the per-example check, and a tally.

Each example starts from a valid submission and breaks it: fields dropped,
repeated, replaced by random Unicode, control characters (NUL included),
enormous strings, numbers where text goes, text where numbers go, and files
where neither goes. Starting from valid data keeps the examples deep: most get
past the spam checks into each form's own validation and the services behind.
"""

import collections
import io
import os
import threading
from collections.abc import Callable

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from mailer.models import Message
from PIL import Image

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpResponse

from wagtail.models import ModelLogEntry

from employers.pledges.models import Pledge, PledgeCommitment
from employers.workshops.models import Registration, WorkshopFeedback
from resources.models import GuideFeedback

# Answers a public page may give to bad input: shown, redirected, refused as
# bad (400), not found (404), wrong method (405), conflicting with what is
# stored (409: already signed or registered), gone (410: a lapsed offer), or
# rate limited (429). Never 500.
ALLOWED_STATUSES = {200, 301, 302, 400, 404, 405, 409, 410, 429}
REFUSALS = {400, 404, 405, 409, 410, 429}

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
    deadline=None,
    # Each example runs in its own savepoint, rolled back (see ``exercise``),
    # so the function-scoped database fixtures are safe to share.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    # No example database in the working copy; a failure prints its blob.
    database=None,
    print_blob=True,
)

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t\x0b\x0c",
    "\x1b[31m",
    "\u202eevil",
    "\ufeff",
    "\u200b",
    "\ud7ff\ue000\uffff",
    "🙂👩🏽‍💼",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "Ж" * 300,
    "é" * 1000,
    "a" * 5000,
    "'; DROP TABLE pledges_pledge; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% debug %}",
    "%(name)s %s %n",
    "{organization} {link} {0}",
    '=HYPERLINK("http://x")',
    "../../../../etc/passwd",
    "%00",
    "%ff%fe",
    "\\",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "-1",
    "0",
    "99999999999999999999999999",
    "0x10",
    "1.5",
    "true",
    "null",
    "[]",
    "{}",
    "@",
    "x@y",
    "a@b.c\nBcc: victim@example.org",
    "javascript:alert(1)",
    "http://",
    "https://[::1",
    "2026-13",
    "2026-00",
    "0000-01",
    "9999-12",
    "-001-01",
    "١٢٣",
    "１２",
]


def texts(max_size: int = 120) -> st.SearchStrategy[str]:
    """Hostile text: listed tricks, any Unicode, control characters, huge runs."""
    return st.one_of(
        st.sampled_from(NASTY),
        st.text(max_size=max_size),
        st.text(st.characters(max_codepoint=0x1F), max_size=12),
        st.integers().map(str),
        st.floats().map(repr),
        # Enormous: up to past Django's 2.5 MB request body limit.
        st.sampled_from([10_000, 100_000, 1_000_000, 3_000_000]).map(lambda n: "x" * n),
    )


def _png(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1d4f91").save(buffer, format="PNG")
    return buffer.getvalue()


# Uploads: real images, a truncated one, script-bearing SVG and HTML, and junk.
FILE_BODIES = [
    b"",
    b"\x00" * 64,
    b"GIF89a" + b"\x00" * 32,
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b"<html><script>alert(1)</script></html>",
]


def uploads() -> st.SearchStrategy[SimpleUploadedFile]:
    names = st.one_of(
        st.sampled_from(["logo.png", "logo.svg", "a.jpg", "../../x.png", ".png", ""]),
        st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=40),
    )
    bodies = st.one_of(
        st.sampled_from(FILE_BODIES),
        st.binary(max_size=2048),
        st.sampled_from([(1, 1), (120, 60), (4000, 10)]).map(_png),
        st.just(_png((120, 60))[:-30]),
    )
    types = st.sampled_from(["image/png", "image/svg+xml", "text/html", "", "a/b"])
    return st.builds(
        lambda name, body, kind: SimpleUploadedFile(name or "x", body, kind),
        names,
        bodies,
        types,
    )


def field_names() -> st.SearchStrategy[str]:
    """Names of unexpected fields (printable: the client writes them raw)."""
    return st.text(
        st.characters(exclude_categories=["Cs", "Cc"], exclude_characters='"\\'),
        min_size=1,
        max_size=30,
    )


OPERATIONS = ["keep", "keep", "keep", "keep", "drop", "text", "repeat", "file"]


@st.composite
def mutated(draw, valid: dict, *, files: bool = True) -> dict:
    """``valid`` with fields dropped, replaced, repeated or turned into files,
    plus a few unexpected fields."""
    data = {}
    operations = OPERATIONS if files else OPERATIONS[:-1]
    for name, value in valid.items():
        operation = draw(st.sampled_from(operations))
        if operation == "keep":
            data[name] = value
        elif operation == "text":
            data[name] = draw(texts())
        elif operation == "repeat":
            extra = draw(st.lists(texts(max_size=40), min_size=1, max_size=3))
            data[name] = [*(value if isinstance(value, list) else [value]), *extra]
        elif operation == "file":
            data[name] = draw(uploads())
    for name in draw(st.lists(field_names(), max_size=3)):
        data.setdefault(name, draw(texts(max_size=40)))
    return data


@st.composite
def queries(draw, valid: dict[str, list[str]]) -> dict:
    """A query string from valid choices, hostile text, and repeated keys."""
    data: dict[str, list[str] | str] = {}
    for name, choices in valid.items():
        operation = draw(st.sampled_from(["valid", "valid", "drop", "text", "repeat"]))
        if operation == "valid" and choices:
            data[name] = draw(st.sampled_from(choices))
        elif operation == "text":
            data[name] = draw(texts(max_size=60))
        elif operation == "repeat":
            data[name] = draw(st.lists(texts(max_size=30), min_size=2, max_size=4))
    for name in draw(st.lists(field_names(), max_size=2)):
        data.setdefault(name, draw(texts(max_size=30)))
    return data


EXTREME = [
    "9999-12",
    "9999-12-31",
    "0001-01",
    "0001-01-01",
    "0000-00",
    "10000-01",
    "-9999-01",
    "1969-12-31T23:59:60",
    "2038-01-19",
    "2026-02-30",
    "9" * 400,
    "-" + "9" * 400,
    str(2**63),
    str(-(2**63) - 1),
    str(2**31),
    "1e308",
    "1e-308",
    "1_000",
    "+1",
    " 1 ",
    "0" * 50 + "1",
]


def extremes() -> st.SearchStrategy[str]:
    """Dates and numbers at and past the ends of what Python and SQL can hold."""
    years = st.integers(min_value=-99_999, max_value=999_999)
    months = st.integers(min_value=-1, max_value=99)
    return st.one_of(
        st.sampled_from(EXTREME),
        st.builds(lambda y, m: f"{y:04d}-{m:02d}", years, months),
        st.dates().map(lambda d: d.isoformat()),
        st.integers().map(str),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.floats().map(repr),
    )


def raw_query_strings() -> st.SearchStrategy[str]:
    """QUERY_STRING as a server hands it over: bytes decoded as Latin-1."""
    pieces = st.one_of(
        st.binary(max_size=60),
        st.sampled_from(
            [b"%", b"%G0", b"%ff", b"%00", b"&&", b"==", b";", b"+", b"%u0041"]
        ),
    )
    return st.lists(pieces, max_size=6).map(
        lambda parts: b"".join(parts).decode("latin-1")
    )


# The per-example check ------------------------------------------------------


def stored_rows() -> dict:
    """Everything a public form may write, to compare before and after."""
    models = [
        Pledge,
        PledgeCommitment,
        Registration,
        WorkshopFeedback,
        GuideFeedback,
        Message,
        ModelLogEntry,
    ]
    return {
        model.__name__: list(model.objects.order_by("pk").values()) for model in models
    }


def exercise(target: str, request: Callable[[], HttpResponse]) -> HttpResponse:
    """Make one request in a savepoint that is then rolled back.

    The answer must be an allowed status; a refusal must leave every table as
    it was. Rate-limit counters start empty, so the forms' own checks are
    reached rather than the limit. A 500 surfaces as the view's exception,
    raised by the test client.
    """
    cache.clear()
    with transaction.atomic():
        before = stored_rows()
        response = request()
        status = response.status_code
        STATS.count(target, status)
        assert status in ALLOWED_STATUSES, (status, response.content[:300])
        if status in REFUSALS:
            assert stored_rows() == before, f"{target} stored data from a {status}"
        transaction.set_rollback(True)
    return response


class Stats:
    """How many examples ran, per target and per answer, for the run's summary."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_target: collections.Counter = collections.Counter()
        self.by_status: collections.Counter = collections.Counter()

    @property
    def examples(self) -> int:
        return sum(self.by_target.values())

    def count(self, target: str, status: int) -> None:
        with self.lock:
            self.by_target[target] += 1
            self.by_status[status] += 1

    def summary(self) -> list[str]:
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(self.by_status.items()))
        lines = [f"{self.examples} examples over {len(self.by_target)} targets"]
        lines.append(f"answers: {statuses}")
        lines += [f"  {t}: {n}" for t, n in sorted(self.by_target.items())]
        return lines


STATS = Stats()
