"""Which content still needs French: the translation status report and panel.

For every live page and every translatable snippet in the default language,
each other locale's translation is missing, a draft, out of date or up to
date. Out of date: the source changed after its text was last sent to
translators. With wagtail-localize that is its ``TranslationSource``'s
``last_updated_at`` (the last Translate or Sync); for a translation made
without it, the translation's own last publication. A page changes when it is
published; a snippet when Wagtail's audit log records a create, edit or publish.

The whole report takes a fixed number of queries, whatever the number of
pages and snippets: a few for pages and locales, two per snippet model.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from wagtail_localize.models import TranslationSource

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import (
    DraftStateMixin,
    Locale,
    ModelLogEntry,
    Page,
    TranslatableMixin,
)
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models

from home.admin.panels import RestrictedPanel

# Audit log actions that change a snippet's content.
CHANGES = ("wagtail.create", "wagtail.edit", "wagtail.publish")


class Status(models.TextChoices):
    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    UP_TO_DATE = "up_to_date", _("Up to date")


@dataclass(frozen=True)
class Cell:
    """One translation of one source: its status and where to act on it."""

    locale: Locale
    status: Status
    url: str | None

    @property
    def action(self) -> str:
        return _("Translate") if self.status == Status.MISSING else _("Edit")

    @property
    def done(self) -> bool:
        return self.status == Status.UP_TO_DATE


@dataclass
class Row:
    title: str
    kind: str
    edit_url: str | None
    cells: dict[int, Cell] = field(default_factory=dict)

    def needs_work(self) -> bool:
        return not all(cell.done for cell in self.cells.values())


@dataclass(frozen=True)
class Target:
    """What the report needs of an existing translation."""

    url: str | None
    draft: bool
    changed_at: datetime.datetime | None


def status(
    target: Target | None,
    source_changed_at: datetime.datetime | None,
    synced_at: datetime.datetime | None,
) -> Status:
    if target is None:
        return Status.MISSING
    if target.draft:
        return Status.DRAFT
    synced_at = synced_at or target.changed_at
    if source_changed_at and synced_at and source_changed_at > synced_at:
        return Status.OUT_OF_DATE
    return Status.UP_TO_DATE


def translatable_snippet_models() -> list[type[TranslatableMixin]]:
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def translation_status(user) -> tuple[list[Locale], list[Row]]:
    """The other locales, and a row for each page and snippet to translate."""
    default = Locale.get_default()
    locales = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
    if not locales:
        return [], []
    # When each source's text was last sent to translators (wagtail-localize).
    synced = {
        (s["specific_content_type"], str(s["object_id"])): s["last_updated_at"]
        for s in TranslationSource.objects.filter(locale=default).values(
            "specific_content_type", "object_id", "last_updated_at"
        )
    }
    rows = page_rows(default, locales, synced)
    finder = AdminURLFinder(user)
    for model in translatable_snippet_models():
        rows += snippet_rows(model, default, locales, synced, finder)
    return locales, rows


def page_rows(default, locales, synced) -> list[Row]:
    sources = list(
        Page.objects.live()
        .filter(locale=default, depth__gt=1)
        .order_by("path")
        .only("id", "title", "translation_key", "content_type", "last_published_at")
    )
    targets = {
        (page.translation_key, page.locale_id): Target(
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            draft=not page.live or page.has_unpublished_changes,
            changed_at=page.last_published_at,
        )
        for page in Page.objects.filter(
            translation_key__in=[p.translation_key for p in sources],
            locale__in=locales,
        ).only(
            "id",
            "translation_key",
            "locale",
            "live",
            "has_unpublished_changes",
            "last_published_at",
        )
    }
    rows = []
    for page in sources:
        content_type = ContentType.objects.get_for_id(page.content_type_id)
        row = Row(
            title=page.title,
            kind=capfirst(content_type.name),
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
        synced_at = synced.get((page.content_type_id, str(page.translation_key)))
        for locale in locales:
            target = targets.get((page.translation_key, locale.pk))
            row.cells[locale.pk] = Cell(
                locale,
                status(target, page.last_published_at, synced_at),
                target.url
                if target
                else reverse(
                    "wagtail_localize:submit_page_translation", args=[page.pk]
                ),
            )
        rows.append(row)
    return rows


def snippet_rows(model, default, locales, synced, finder) -> list[Row]:
    content_type = ContentType.objects.get_for_model(model)
    # The sources and their translations in one query.
    objects = list(
        model.objects.filter(
            translation_key__in=model.objects.filter(locale=default).values(
                "translation_key"
            )
        )
    )
    changed_at = last_changes(content_type, objects)
    drafts = issubclass(model, DraftStateMixin)
    targets = {
        (obj.translation_key, obj.locale_id): Target(
            url=finder.get_edit_url(obj),
            draft=drafts and (not obj.live or obj.has_unpublished_changes),
            changed_at=changed_at.get(str(obj.pk)),
        )
        for obj in objects
        if obj.locale_id != default.pk
    }
    sources = [obj for obj in objects if obj.locale_id == default.pk]
    if drafts:
        sources = [obj for obj in sources if obj.live]
    kind = capfirst(content_type.name)
    rows = []
    for obj in sorted(sources, key=str):
        row = Row(title=str(obj), kind=kind, edit_url=finder.get_edit_url(obj))
        synced_at = synced.get((content_type.pk, str(obj.translation_key)))
        for locale in locales:
            target = targets.get((obj.translation_key, locale.pk))
            row.cells[locale.pk] = Cell(
                locale,
                status(target, changed_at.get(str(obj.pk)), synced_at),
                target.url
                if target
                else reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[content_type.app_label, content_type.model, obj.pk],
                ),
            )
        rows.append(row)
    return rows


def last_changes(content_type, objects: Iterable) -> dict[str, datetime.datetime]:
    """When Wagtail's audit log last saw each object change, by primary key."""
    return {
        entry["object_id"]: entry["at"]
        for entry in ModelLogEntry.objects.filter(
            content_type=content_type,
            object_id__in=[str(obj.pk) for obj in objects],
            action__in=CHANGES,
        )
        .values("object_id")
        .annotate(at=Max("timestamp"))
    }


def can_see_translation_status(user) -> bool:
    """People who edit pages; the same test as the report's own."""
    return PagePermissionPolicy().user_has_any_permission(
        user, ["add", "change", "publish"]
    )


class StatusColumn(Column):
    """One locale's translation of each row, with a link to act on it."""

    cell_template_name = "home/admin/translation_status_cell.html"

    def __init__(self, locale: Locale):
        super().__init__(
            f"locale_{locale.pk}",
            label=locale.get_display_name(),
            accessor=lambda row: row.cells[locale.pk],
        )


class TranslationStatusReport(ReportView):
    page_title = _("Translations")
    header_icon = "wagtail-localize-language"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 100

    def get_queryset(self):
        self.locales, rows = translation_status(self.request.user)
        if self.request.GET.get("status") == "todo":
            rows = [row for row in rows if row.needs_work()]
        return rows

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
            Column("kind", label=_("Type")),
            *(StatusColumn(locale) for locale in self.locales),
        ]

    def get_valid_orderings(self):
        return []


class TranslationStatusPanel(RestrictedPanel):
    """Dashboard counts of translations to do, with a link to the report."""

    name = "translation_status"
    template_name = "home/admin/translation_status_panel.html"
    order = 160

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return can_see_translation_status(user)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        _locales, rows = translation_status(parent_context["request"].user)
        cells = [cell for row in rows for cell in row.cells.values()]
        context["counts"] = [
            (label, sum(cell.status == value for cell in cells))
            for value, label in Status.choices
            if value != Status.UP_TO_DATE
        ]
        context["report_url"] = reverse("translation_status")
        return context


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_status(request.user)


def menu_item() -> MenuItem:
    return TranslationStatusMenuItem(
        _("Translations"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=650,
    )


def admin_urls() -> list:
    return [
        path(
            "reports/translations/",
            TranslationStatusReport.as_view(),
            name="translation_status",
        ),
        path(
            "reports/translations/results/",
            TranslationStatusReport.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]
