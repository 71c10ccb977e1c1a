"""The columns of the registry's open data, in one place.

The CSV and JSON downloads and the data dictionary page all read ``COLUMNS``:
a column added here appears in all three. Column names are stable and never
translated; values follow the language of the address they are downloaded
from (a French registry address gives French labels). See docs/open-data.md.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from employers.pledges.models import Pledge

TEXT = _("text")
CODE = _("code")
DATE = _("date (YYYY-MM-DD), empty if none")
ADDRESS = _("web address")
LIST = _("list of text (separated by “; ” in the CSV)")


@dataclass(frozen=True)
class Column:
    """One column: its stable name, its meaning for readers, and its value."""

    name: str
    label: Promise
    description: Promise
    type: Promise
    example: str | Promise
    value: Callable[[Pledge, HttpRequest], Any]


def _date(moment: datetime.datetime | None) -> str | None:
    return timezone.localdate(moment).isoformat() if moment else None


COLUMNS = [
    Column(
        "organization",
        _("Organization"),
        _("The organization’s name, as it asked to be listed."),
        TEXT,
        "Valley Berry Farms",
        lambda pledge, request: pledge.organization_name,
    ),
    Column(
        "website",
        _("Website"),
        _("The organization’s website, if it gave one."),
        ADDRESS,
        "https://www.example.com",
        lambda pledge, request: pledge.website,
    ),
    Column(
        "sector_code",
        _("Sector code"),
        _("The sector’s NAICS Canada code, the same in every language."),
        CODE,
        "11",
        lambda pledge, request: pledge.sector,
    ),
    Column(
        "sector",
        _("Sector"),
        _("The sector’s name, in the language of the download."),
        TEXT,
        _("Agriculture, forestry, fishing and hunting"),
        lambda pledge, request: str(pledge.sector_label),
    ),
    Column(
        "community",
        _("Community"),
        _("Where the organization employs people, in the language of the download."),
        TEXT,
        "Chilliwack",
        lambda pledge, request: pledge.community_label,
    ),
    Column(
        "size_band",
        _("Size code"),
        _("The number of employees, as a band code the same in every language."),
        CODE,
        "10-49",
        lambda pledge, request: pledge.size_band,
    ),
    Column(
        "size",
        _("Size"),
        _("The number of employees, in the language of the download."),
        TEXT,
        _("10–49 employees"),
        lambda pledge, request: str(pledge.size_label),
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
        lambda pledge, request: pledge.level,
    ),
    Column(
        "level_label",
        _("Level"),
        _("The level’s name, in the language of the download."),
        TEXT,
        _("Active"),
        lambda pledge, request: str(pledge.level_label),
    ),
    Column(
        "commitments",
        _("Commitments"),
        _("The commitments the organization chose, in the language of the download."),
        LIST,
        _("Offer a workplace buddy; Support language learning"),
        lambda pledge, request: [
            choice.commitment_title for choice in pledge.chosen_commitments.all()
        ],
    ),
    Column(
        "signed",
        _("Signed"),
        _("The day the pledge was approved and first listed."),
        DATE,
        "2026-03-14",
        lambda pledge, request: _date(pledge.approved_at),
    ),
    Column(
        "last_renewed",
        _("Last renewed"),
        _("The day the organization last renewed its pledge."),
        DATE,
        "2027-03-02",
        lambda pledge, request: _date(pledge.renewed_at),
    ),
    Column(
        "expires",
        _("Expires"),
        _("The day the pledge ends unless the organization renews it."),
        DATE,
        "2028-03-02",
        lambda pledge, request: _date(pledge.expires_at),
    ),
    Column(
        "profile_url",
        _("Profile"),
        _("The organization’s page in the registry, in the language of the download."),
        ADDRESS,
        "https://example.com/pledge/registry/valley-berry-farms/",
        lambda pledge, request: request.build_absolute_uri(pledge.profile_url),
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]


def row(pledge: Pledge, request: HttpRequest) -> dict[str, Any]:
    """One decorated pledge (``views.registry``) as open data, by column name."""
    return {column.name: column.value(pledge, request) for column in COLUMNS}
