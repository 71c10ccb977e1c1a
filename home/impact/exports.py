"""The report as files: each table or the whole report as CSV, the whole
report as XLSX.

Cells that a spreadsheet would run as formulas are neutralized in both formats
(guide titles are typed by editors). Notes under each table give its
definition, the period and, in shareable copies, the suppression rule.
"""

import csv
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from home.exports import neutralize_formula
from home.impact.periods import Period
from home.impact.sections import ImpactSection
from home.impact.tables import SUPPRESSION_NOTE, RenderedTable, Table
from home.text import label_value

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_NAME_LENGTH = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def period_line(period: Period) -> str:
    return gettext("Period: %(label)s, %(dates)s") % {
        "label": period.label,
        "dates": period.dates,
    }


def _rows(rendered: RenderedTable) -> list[list[object]]:
    rows = [[cell.export_value for cell in row] for row in rendered.rows]
    if rendered.total is not None:
        rows.append([cell.export_value for cell in rendered.total])
    return rows


def _safe(values: list[object]) -> list[object]:
    return [neutralize_formula(value) for value in values]


def filename(stem: str, period: Period, shareable: bool, extension: str) -> str:
    suffix = "-shareable" if shareable else ""
    return f"{stem}-{period.slug}{suffix}.{extension}"


def _csv_response(name: str) -> HttpResponse:
    response = HttpResponse(content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # A byte order mark, so that Excel reads the accents as UTF-8.
    response.write("\ufeff")
    return response


def table_csv(table: Table, period: Period, *, shareable: bool) -> HttpResponse:
    """One table, its notes at the bottom (as Statistics Canada's files do)."""
    rendered = table.render(shareable=shareable)
    response = _csv_response(filename(f"impact-{table.key}", period, shareable, "csv"))
    writer = csv.writer(response)
    writer.writerow(_safe(rendered.headings))
    for row in _rows(rendered):
        writer.writerow(_safe(row))
    writer.writerow([])
    for note in [period_line(period), *rendered.notes]:
        writer.writerow(_safe([note]))
    return response


def report_csv(
    sections: list[ImpactSection], period: Period, *, shareable: bool, title: str
) -> HttpResponse:
    """The whole report in one file: the XLSX's sheets one under the other,
    each with its title, headings, rows and notes, a blank line between."""
    response = _csv_response(filename("impact-report", period, shareable, "csv"))
    writer = csv.writer(response)
    writer.writerow(_safe([title]))
    writer.writerow(_safe([period_line(period)]))
    if shareable:
        writer.writerow(_safe([str(SUPPRESSION_NOTE)]))
    for section in sections:
        for table in section.tables:
            rendered = table.render(shareable=shareable)
            writer.writerow([])
            writer.writerow(_safe([label_value(section.title, table.title)]))
            writer.writerow(_safe(rendered.headings))
            for row in _rows(rendered):
                writer.writerow(_safe(row))
            for note in rendered.notes:
                writer.writerow(_safe([note]))
    return response


def _sheet_name(title: str, taken: set[str]) -> str:
    base = SHEET_NAME_FORBIDDEN.sub(" ", title)[:SHEET_NAME_LENGTH].strip()
    name, number = base, 2
    while name.lower() in taken:
        tail = f" ({number})"
        name = base[: SHEET_NAME_LENGTH - len(tail)] + tail
        number += 1
    taken.add(name.lower())
    return name


def report_xlsx(
    sections: list[ImpactSection], period: Period, *, shareable: bool, title: str
) -> HttpResponse:
    """A workbook: a cover sheet, then one sheet per table."""
    workbook = Workbook()
    bold = Font(bold=True)
    taken: set[str] = set()
    cover = workbook.active
    cover.title = _sheet_name(gettext("About"), taken)
    cover.append(_safe([title]))
    cover["A1"].font = Font(bold=True, size=14)
    cover.append(_safe([period_line(period)]))
    made = date_format(timezone.localtime(period.as_of), "DATETIME_FORMAT")
    cover.append(_safe([gettext("Made on %(date)s") % {"date": made}]))
    cover.append(
        [
            gettext("Shareable: small counts are hidden.")
            if shareable
            else gettext("For staff: exact counts. Use the shareable copy to publish.")
        ]
    )
    if shareable:
        cover.append([str(SUPPRESSION_NOTE)])
    cover.append([])
    cover.append([gettext("Sheets")])
    cover.column_dimensions["A"].width = 100
    for section in sections:
        for table in section.tables:
            rendered = table.render(shareable=shareable)
            sheet = workbook.create_sheet(_sheet_name(str(table.title), taken))
            contents = gettext("%(sheet)s: %(section)s")
            cover.append(
                _safe([contents % {"sheet": sheet.title, "section": section.title}])
            )
            sheet.append(_safe([str(table.title)]))
            sheet["A1"].font = Font(bold=True, size=13)
            sheet.append(_safe([period_line(period)]))
            sheet.append([])
            sheet.append(_safe(rendered.headings))
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for row in _rows(rendered):
                sheet.append(_safe(row))
            if rendered.total is not None:
                for cell in sheet[sheet.max_row]:
                    cell.font = bold
            sheet.append([])
            for note in rendered.notes:
                sheet.append(_safe([note]))
            sheet.column_dimensions["A"].width = 60
            for letter in "BCDEFGHIJ":
                sheet.column_dimensions[letter].width = 16
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_TYPE)
    name = filename("impact-report", period, shareable, "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
