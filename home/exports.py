"""Spreadsheet exports from admin listings that are safe to open in Excel."""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectsIndexView
from wagtail.utils.urlpatterns import decorate_urlpatterns

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV and XLSX export, with formula injection neutralized in both.

    Wagtail already stores XLSX formulas as text; CSV has no cell types, so
    values a visitor typed (an organization called ``=HYPERLINK(...)``) are
    quoted before they are written.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralize_formula(value)


def _safe(view_class: type) -> type:
    return type(
        f"Safe{view_class.__name__}", (SafeSpreadsheetExportMixin, view_class), {}
    )


# Wagtail's own listings that export, by their address under /admin/.
WAGTAIL_EXPORTS = {
    "reports/locked/": LockedPagesView,
    "reports/workflow/": WorkflowView,
    "reports/workflow_tasks/": WorkflowTasksView,
    "reports/site-history/": LogEntriesView,
    "reports/aging-pages/": AgingPagesView,
    "reports/page-types-usage/": PageTypesUsageReportView,
    "redirects/": RedirectsIndexView,
}


def wagtail_export_urls(admin_prefix: str = "admin/") -> list:
    """Wagtail's exporting listings again at their own addresses, with safe CSV.

    Wagtail includes its reports before any ``register_admin_urls`` hook, so
    a hook cannot take their addresses; the project's URLconf puts these
    before ``include(wagtailadmin_urls)`` instead. Each view is Wagtail's
    class with ``SafeSpreadsheetExportMixin`` in front, behind the same
    admin access check and ``never_cache``, so pages and links are unchanged
    and every CSV neutralizes formulas (an audit log entry's label is
    whatever name an organization gave itself).
    """
    patterns = []
    for address, view_class in WAGTAIL_EXPORTS.items():
        safe = _safe(view_class)
        patterns += [
            path(admin_prefix + address, safe.as_view()),
            path(admin_prefix + address + "results/", safe.as_view(results_only=True)),
        ]
    patterns = decorate_urlpatterns(patterns, require_admin_access)
    return decorate_urlpatterns(patterns, never_cache)
