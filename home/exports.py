"""Spreadsheet exports from admin listings that are safe to open in Excel."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

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
