"""Answer a person's privacy request: find, export or erase what the site holds.

Each app that stores personal data registers a provider with
``@hooks.register("register_personal_data")``: a function that takes no
arguments and returns an object with

- ``key`` (stable, used in the log) and ``label`` (shown to staff);
- ``find(email) -> list[PersonalRecord]``: what is held, for the admin page;
- ``export(email) -> list[dict]``: the same for the person, with readable keys;
- ``erase(email) -> int``: delete or anonymize it, keeping anonymous counts,
  and return how many records were changed.

Emails match case-insensitively. Every search, export and erasure is logged in
``PersonalDataRequest`` with its counts, never with the address itself.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from wagtail import hooks

from home.models.privacy import PersonalDataRequest

HOOK_NAME = "register_personal_data"


@dataclass(frozen=True)
class PersonalRecord:
    """One record about the person: a title and its fields, labels as keys."""

    title: str
    fields: dict[str, Any] = field(default_factory=dict)


class PersonalDataProvider(Protocol):
    key: str
    label: str

    def find(self, email: str) -> list[PersonalRecord]: ...

    def export(self, email: str) -> list[dict[str, Any]]: ...

    def erase(self, email: str) -> int: ...


def normalize_email(email: str) -> str:
    return email.strip().lower()


def providers() -> list[PersonalDataProvider]:
    return [hook() for hook in hooks.get_hooks(HOOK_NAME)]


def _log(action: str, user, counts: dict[str, int]) -> PersonalDataRequest:
    return PersonalDataRequest.objects.create(
        action=action, performed_by=user, record_counts=counts
    )


def find_personal_data(
    email: str, user
) -> list[tuple[PersonalDataProvider, list[PersonalRecord]]]:
    """Everything each app holds about ``email``, logged as a search."""
    email = normalize_email(email)
    with transaction.atomic():
        found = [(provider, provider.find(email)) for provider in providers()]
        _log(
            PersonalDataRequest.Action.SEARCH,
            user,
            {provider.key: len(records) for provider, records in found},
        )
    return found


def export_personal_data(email: str, user) -> dict[str, Any]:
    """A document for the person: every record under its app's label."""
    email = normalize_email(email)
    with transaction.atomic():
        sections = [(provider, provider.export(email)) for provider in providers()]
        _log(
            PersonalDataRequest.Action.EXPORT,
            user,
            {provider.key: len(records) for provider, records in sections},
        )
    return {
        "Email address": email,
        "Exported at": _iso(timezone.now()),
        "Records": {str(provider.label): records for provider, records in sections},
    }


def erase_personal_data(email: str, user) -> dict[str, int]:
    """Erase or anonymize every record about ``email`` in one transaction."""
    email = normalize_email(email)
    with transaction.atomic():
        counts = {provider.key: provider.erase(email) for provider in providers()}
        _log(PersonalDataRequest.Action.ERASE, user, counts)
    return counts


def _iso(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def readable(value: Any) -> Any:
    """Dates as ISO text and nothing JSON cannot hold, for exports."""
    if isinstance(value, datetime.datetime):
        return _iso(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [readable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): readable(item) for key, item in value.items()}
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
