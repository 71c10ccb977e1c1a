"""The registry's open data: its columns, in one place, and the files made of them.

The CSV and JSON downloads and the data dictionary page all read ``COLUMNS``:
a column added here appears in all three. Column names are stable and never
translated; values follow the language of the address they are downloaded
from (a French registry address gives French labels). See docs/open-data.md.

The files are written from ``values()`` rows, never model instances, as they
are sent (``csv_chunks``, ``json_chunks``): a few queries and a few megabytes
whatever the number of pledges. ``Stored`` keeps each file on disk under the
registry's content version so a repeat is a file read (docs/caching.md).
"""

import csv
import datetime
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db.models import QuerySet, TextChoices
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from employers.pledges.models import PledgeCommitment
from home import page_cache
from home.exports import neutralize_formula

logger = logging.getLogger(__name__)

TEXT = _("text")
CODE = _("code")
DATE = _("date (YYYY-MM-DD), empty if none")
ADDRESS = _("web address")
LIST = _("list of text (separated by “; ” in the CSV)")


class Format(TextChoices):
    CSV = "csv", "CSV"
    JSON = "json", "JSON"


CONTENT_TYPES = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.JSON: "application/json",
}
# What the columns read of a pledge: one dict per row, no model instance.
FIELDS = (
    "pk",
    "slug",
    "organization_name",
    "website",
    "sector",
    "community",
    "size_band",
    "level",
    "approved_at",
    "renewed_at",
    "expires_at",
)
# Rows written per chunk sent: few enough to keep memory flat, enough that
# sending is not one write per row.
ROWS_PER_CHUNK = 500
# One encoder for every row: json.dumps() with options builds one per call.
JSON_ENCODER = json.JSONEncoder(ensure_ascii=False)
# Excel reads a CSV as UTF-8 ("Café", not "CafÃ©") only when it starts with this.
BYTE_ORDER_MARK = "\ufeff"


@dataclass(frozen=True)
class Labels:
    """What values need beyond a pledge's own fields, looked up once per file.

    Every label is already in the reader's language: the file holds no lazy
    translation and runs no query per row.
    """

    sectors: dict[str, str]
    sizes: dict[str, str]
    levels: dict[str, str]
    communities: dict[str, str]
    # Pledge pk -> titles of its commitments, in the order the listing shows.
    commitments: dict[int, list[str]]
    # A profile's absolute address is this with the pledge's slug in place.
    profile_prefix: str
    profile_suffix: str
    # The site's time zone, looked up once: per value it costs more than the row.
    zone: datetime.tzinfo = field(default_factory=timezone.get_current_timezone)

    def profile_url(self, slug: str) -> str:
        return f"{self.profile_prefix}{slug}{self.profile_suffix}"

    def day(self, moment: datetime.datetime | None) -> str | None:
        """The local day of ``moment``, as ``timezone.localdate`` gives it."""
        return moment.astimezone(self.zone).date().isoformat() if moment else None


@dataclass(frozen=True)
class Column:
    """One column: its stable name, its meaning for readers, and its value."""

    name: str
    label: Promise
    description: Promise
    type: Promise
    example: str | Promise
    value: Callable[[dict[str, Any], Labels], Any]


COLUMNS = [
    Column(
        "organization",
        _("Organization"),
        _("The organization’s name, as it asked to be listed."),
        TEXT,
        "Valley Berry Farms",
        lambda pledge, labels: pledge["organization_name"],
    ),
    Column(
        "website",
        _("Website"),
        _("The organization’s website, if it gave one."),
        ADDRESS,
        "https://www.example.com",
        lambda pledge, labels: pledge["website"],
    ),
    Column(
        "sector_code",
        _("Sector code"),
        _("The sector’s NAICS Canada code, the same in every language."),
        CODE,
        "11",
        lambda pledge, labels: pledge["sector"],
    ),
    Column(
        "sector",
        _("Sector"),
        _("The sector’s name, in the language of the download."),
        TEXT,
        _("Agriculture, forestry, fishing and hunting"),
        lambda pledge, labels: labels.sectors.get(pledge["sector"], pledge["sector"]),
    ),
    Column(
        "community",
        _("Community"),
        _("Where the organization employs people, in the language of the download."),
        TEXT,
        "Chilliwack",
        lambda pledge, labels: labels.communities.get(
            pledge["community"], pledge["community"]
        ),
    ),
    Column(
        "size_band",
        _("Size code"),
        _("The number of employees, as a band code the same in every language."),
        CODE,
        "10-49",
        lambda pledge, labels: pledge["size_band"],
    ),
    Column(
        "size",
        _("Size"),
        _("The number of employees, in the language of the download."),
        TEXT,
        _("10–49 employees"),
        lambda pledge, labels: labels.sizes.get(
            pledge["size_band"], pledge["size_band"]
        ),
    ),
    Column(
        "level",
        _("Level code"),
        _(
            "How far the organization has come on its commitments: committed, "
            "active or champion. The same in every language."
        ),
        CODE,
        "active",
        lambda pledge, labels: pledge["level"],
    ),
    Column(
        "level_label",
        _("Level"),
        _("The level’s name, in the language of the download."),
        TEXT,
        _("Active"),
        lambda pledge, labels: labels.levels.get(pledge["level"], pledge["level"]),
    ),
    Column(
        "commitments",
        _("Commitments"),
        _("The commitments the organization chose, in the language of the download."),
        LIST,
        _("Offer a workplace buddy; Support language learning"),
        lambda pledge, labels: labels.commitments.get(pledge["pk"], []),
    ),
    Column(
        "signed",
        _("Signed"),
        _("The day the pledge was approved and first listed."),
        DATE,
        "2026-03-14",
        lambda pledge, labels: labels.day(pledge["approved_at"]),
    ),
    Column(
        "last_renewed",
        _("Last renewed"),
        _("The day the organization last renewed its pledge."),
        DATE,
        "2027-03-02",
        lambda pledge, labels: labels.day(pledge["renewed_at"]),
    ),
    Column(
        "expires",
        _("Expires"),
        _("The day the pledge ends unless the organization renews it."),
        DATE,
        "2028-03-02",
        lambda pledge, labels: labels.day(pledge["expires_at"]),
    ),
    Column(
        "profile_url",
        _("Profile"),
        _("The organization’s page in the registry, in the language of the download."),
        ADDRESS,
        "https://example.com/pledge/registry/valley-berry-farms/",
        lambda pledge, labels: labels.profile_url(pledge["slug"]),
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]


def row(pledge: dict[str, Any], labels: Labels) -> dict[str, Any]:
    """One pledge (a ``values(*FIELDS)`` dict) as open data, by column name."""
    return {column.name: column.value(pledge, labels) for column in COLUMNS}


def commitment_titles(
    pledges: QuerySet, titles: Callable[[Iterable[int]], dict[int, str]]
) -> dict[int, list[str]]:
    """Each pledge's commitment titles, from one query for all the pledges.

    ``titles`` gives the words shown for commitment ids, in the reader's
    language. Ids are small ints, so this holds a few bytes per pledge.
    """
    chosen: dict[int, list[int]] = {}
    choices = PledgeCommitment.objects.filter(
        pledge__in=pledges.order_by().values("pk")
    ).values_list("pledge_id", "commitment_id")
    for pledge_id, commitment_id in choices.iterator(chunk_size=5_000):
        chosen.setdefault(pledge_id, []).append(commitment_id)
    shown = titles({pk for ids in chosen.values() for pk in ids})
    return {
        pledge_id: [shown[pk] for pk in ids if pk in shown]
        for pledge_id, ids in chosen.items()
    }


def rows(pledges: QuerySet, labels: Labels) -> Iterator[dict[str, Any]]:
    """The pledges as open data rows, read from the database as they are sent."""
    for pledge in pledges.values(*FIELDS).iterator(chunk_size=2_000):
        yield row(pledge, labels)


class _Lines(list):
    """A file-like list that ``csv.writer`` writes into, emptied per chunk."""

    def write(self, text: str) -> None:
        self.append(text)


def csv_chunks(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """The CSV in chunks of bytes: a byte-order mark, the header, the rows.

    Values a spreadsheet would run as formulas are quoted.
    """
    lines = _Lines([BYTE_ORDER_MARK])
    writer = csv.writer(lines)
    writer.writerow(COLUMN_NAMES)
    for number, record in enumerate(records, start=1):
        # Rows hold the columns in order (``row``).
        writer.writerow([_csv_cell(value) for value in record.values()])
        if number % ROWS_PER_CHUNK == 0:
            yield "".join(lines).encode()
            lines.clear()
    yield "".join(lines).encode()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        value = "; ".join(value)
    return neutralize_formula("" if value is None else value)


def json_chunks(
    records: Iterable[dict[str, Any]], licence: dict[str, str]
) -> Iterator[bytes]:
    """The JSON in chunks of bytes, one organization per line.

    ``count`` comes after the organizations: counted as they are sent, it
    always agrees with them, where a count query run first could not.
    """
    head = {
        "licence": licence,
        "generated": timezone.now().isoformat(timespec="seconds"),
    }
    parts = [_json(head)[:-1], ',\n"organizations": [']
    count = 0
    for count, record in enumerate(records, start=1):
        parts.append(("\n" if count == 1 else ",\n") + _json(record))
        if count % ROWS_PER_CHUNK == 0:
            yield "".join(parts).encode()
            parts.clear()
    parts.append(f'\n],\n"count": {count}\n}}\n')
    yield "".join(parts).encode()


def _json(value: Any) -> str:
    return JSON_ENCODER.encode(value)


# Stored files -------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """Where one download is kept on disk, and whether a fresh copy is there.

    The name is a digest of the registry's content version (``page_cache``'s
    ``content`` tag, which approving, editing or closing a pledge and changing
    a commitment, community or page renews) and of everything else the bytes
    depend on: format, address and language, filters. A new version is a new
    name, so nothing is ever overwritten in place; a copy older than the page
    cache's lifetime is stale too, as a pledge can expire without any change.
    Any error reading or writing a copy is logged and the file is made afresh.
    """

    path: Path | None
    # The content version's digest, a hyphen, the digest of the rest.
    name: str | None

    @classmethod
    def find(cls, parts: Iterable[str], keep: bool) -> "Stored":
        """The stored copy for a download made of ``parts``.

        Without the page cache (``PAGE_CACHE_SECONDS`` 0) versions are never
        renewed, so nothing is kept and there is no ETag. ``keep`` False: an
        ETag but no copy, for downloads with endless variants (a search).
        """
        if not page_cache.enabled():
            return cls(path=None, name=None)
        version = page_cache.versions([page_cache.CONTENT])[page_cache.CONTENT]
        name = f"{_digest([version])[:16]}-{_digest(parts)[:24]}"
        folder = Path(settings.OPEN_DATA_CACHE_DIR)
        return cls(path=folder / name if keep else None, name=name)

    @property
    def etag(self) -> str | None:
        # Weak: two makings of one version differ in their "generated" time.
        return f'W/"{self.name}"' if self.name else None

    def modified(self) -> datetime.datetime | None:
        """When the fresh stored copy was written, or None if there is none."""
        if self.path is None:
            return None
        try:
            written = self.path.stat().st_mtime
        except OSError:
            return None
        if time.time() - written >= settings.PAGE_CACHE_SECONDS:
            return None
        return datetime.datetime.fromtimestamp(written, tz=datetime.UTC)

    def open(self) -> BinaryIO | None:
        """The fresh stored copy, opened, or None."""
        if self.modified() is None:
            return None
        try:
            return self.path.open("rb")
        except OSError:
            logger.warning("Open data: stored copy unreadable", exc_info=True)
            return None

    def keep(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """Yield ``chunks`` and write them to the stored copy as they go.

        The copy takes its name only once complete; a download cut short, or a
        failing disk, leaves none, and the visitor still gets every byte.
        """
        temporary = self._start()
        complete = False
        try:
            for chunk in chunks:
                if temporary is not None:
                    try:
                        temporary.write(chunk)
                    except OSError:
                        logger.warning("Open data: not stored", exc_info=True)
                        self._discard(temporary)
                        temporary = None
                yield chunk
            complete = True
        finally:
            if temporary is not None:
                self._finish(temporary, complete)

    def _start(self) -> Any:
        if self.path is None:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._remove_stale()
            return tempfile.NamedTemporaryFile(
                dir=self.path.parent, prefix=f".{self._version()}", delete=False
            )
        except OSError:
            logger.warning("Open data: cannot store", exc_info=True)
            return None

    def _finish(self, temporary: Any, complete: bool) -> None:
        if not complete:
            self._discard(temporary)
            return
        try:
            temporary.close()
            os.replace(temporary.name, self.path)
        except OSError:
            logger.warning("Open data: not stored", exc_info=True)
            self._discard(temporary)

    @staticmethod
    def _discard(temporary: Any) -> None:
        try:
            temporary.close()
            os.unlink(temporary.name)
        except OSError:
            pass

    def _version(self) -> str:
        return self.name.partition("-")[0]

    def _remove_stale(self) -> None:
        """Delete copies of other content versions, and any past their lifetime.

        With the cache down every request has a version of its own, so this
        also keeps the folder to a copy or two. A reader holding a deleted
        copy open reads it to the end (POSIX unlink).
        """
        version = self._version()
        oldest = time.time() - settings.PAGE_CACHE_SECONDS
        with os.scandir(self.path.parent) as entries:
            for entry in entries:
                try:
                    if (
                        not entry.name.lstrip(".").startswith(version)
                        or entry.stat().st_mtime < oldest
                    ):
                        os.unlink(entry.path)
                except OSError:
                    pass


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
