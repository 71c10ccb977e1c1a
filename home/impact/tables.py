"""Report tables, and the suppression of small counts in shareable copies.

A table's first column labels its rows; the others hold counts, percentages,
averages or text. A table may end with a total row, and a column may be the
sum of other columns in each row. Those totals are what secondary suppression
protects: a hidden count must not be recoverable by subtracting the others
from a total.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

LABEL = "label"
COUNT = "count"
PERCENT = "percent"
AVERAGE = "average"
TEXT = "text"

SMALL = "<5"  # a count from 1 to 4
HIDDEN = "x"  # hidden so that a small count cannot be worked back
SMALLEST_SHOWN = 5
SUPPRESSION_NOTE = _(
    "Shareable version: counts from 1 to 4 are shown as “<5”. Where a row or "
    "column with a total would have only one such count, the next smallest count "
    "is hidden too and shown as “x”, so that the small count cannot be worked out "
    "from the total. Percentages and averages computed from a hidden count are "
    "shown as “x”."
)
NOT_APPLICABLE = "—"


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    kind: str = COUNT
    # For a percentage or an average: the counts it is computed from. It is
    # hidden wherever one of them is.
    based_on: tuple[str, ...] = ()


@dataclass
class Table:
    """One table of figures; ``rows`` and ``total`` map column keys to values."""

    key: str
    title: str | Promise
    columns: list[Column]
    rows: list[dict]
    definition: str | Promise = ""
    # What each column means, for the page and the exports' notes.
    terms: list[tuple[str | Promise, str | Promise]] = field(default_factory=list)
    total: dict | None = None
    # A column that is the sum of others in every row: {"total": ("a", "b")}.
    sums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The count column drawn as a bar chart beside the table, if any.
    chart: str | None = None
    chart_limit: int = 12
    empty_text: str | Promise = _("Nothing in this period.")

    @property
    def all_rows(self) -> list[dict]:
        return self.rows + ([self.total] if self.total is not None else [])

    def render(self, *, shareable: bool = False) -> "RenderedTable":
        marks = suppression_marks(self) if shareable else {}
        language = get_language()
        body = [
            self._cells(index, row, marks, language)
            for index, row in enumerate(self.all_rows)
        ]
        total = body.pop() if self.total is not None else None
        return RenderedTable(self, body, total, shareable)

    def _cells(
        self, index: int, row: dict, marks: dict, language: str | None
    ) -> list["Cell"]:
        cells = []
        for column in self.columns:
            value = row.get(column.key)
            mark = marks.get((index, column.key))
            if mark is None and column.based_on:
                hidden = any((index, key) in marks for key in column.based_on)
                mark = HIDDEN if hidden else None
            cells.append(Cell(column, value, mark, language))
        return cells


@dataclass(frozen=True)
class Cell:
    column: Column
    value: object
    mark: str | None = None
    # The active language, when the caller already looked it up (once a table).
    language: str | None = None

    @property
    def is_header(self) -> bool:
        return self.column.kind == LABEL

    @property
    def is_number(self) -> bool:
        return self.column.kind in (COUNT, PERCENT, AVERAGE)

    @property
    def text(self) -> str:
        """The value as people read it, in the active language."""
        if self.mark:
            return self.mark
        if self.value is None:
            return NOT_APPLICABLE if self.is_number else ""
        if self.column.kind == COUNT:
            return count_text(self.value, self.language or get_language())
        if self.column.kind in (PERCENT, AVERAGE):
            return number_format(one_decimal(self.value), decimal_pos=1)
        return str(self.value)

    @property
    def html(self) -> str:
        """The cell as HTML: a row header, or a data cell (numbers right-aligned)."""
        if self.is_number:
            # Digits, separators and marks: nothing to escape.
            return f'<td class="impact-number">{self.text}</td>'
        text = conditional_escape(self.text)
        if self.is_header:
            return f'<th scope="row">{text}</th>'
        return f"<td>{text}</td>"

    @property
    def export_value(self) -> object:
        """The value for a spreadsheet: a number where there is one."""
        if self.mark:
            return self.mark
        if self.value is None:
            return ""
        if self.column.kind in (PERCENT, AVERAGE):
            return float(one_decimal(self.value))
        if self.is_number:
            return self.value
        return str(self.value)


@lru_cache(maxsize=4096)
def count_text(value: int, language: str | None) -> str:
    """A count with the language's digit grouping ("1,234", "1 234").

    Cached: a report shows the same small counts many times, and the
    language is part of the key.
    """
    return number_format(value, force_grouping=True)


def one_decimal(value: float) -> Decimal:
    """Rounded half up, as people round (4.25 is 4.3), not as floats do."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class RenderedTable:
    table: Table
    rows: list[list[Cell]]
    total: list[Cell] | None
    shareable: bool

    # The rows as HTML, built here rather than by the template: a year's report
    # has a few thousand cells, and a template loop costs tens of times more.
    @property
    def body_html(self) -> SafeString:
        return _rows_html(self.rows)

    @property
    def total_html(self) -> SafeString:
        return _rows_html([self.total] if self.total else [])

    @property
    def headings(self) -> list[str]:
        return [str(column.label) for column in self.table.columns]

    @property
    def notes(self) -> list[str]:
        notes = [str(self.table.definition)] if self.table.definition else []
        notes += [
            gettext("%(term)s: %(meaning)s") % {"term": term, "meaning": meaning}
            for term, meaning in self.table.terms
        ]
        if self.shareable:
            notes.append(str(SUPPRESSION_NOTE))
        return notes


def _rows_html(rows: list[list[Cell]]) -> SafeString:
    """Table rows; every text is escaped in ``Cell.html``."""
    return mark_safe(  # noqa: S308
        "".join("<tr>" + "".join(cell.html for cell in row) + "</tr>\n" for row in rows)
    )


def _count(row: dict, key: str) -> int:
    return row.get(key) or 0


def suppression_marks(table: Table) -> dict[tuple[int, str], str]:
    """Which count cells a shareable copy hides, keyed by (row index, column).

    Primary: every count from 1 to 4. Secondary: in each line (a column down
    to the total row, or the parts of a summed column across a row) whose
    total is shown, a single hidden cell takes the next smallest non-zero cell
    with it. Hiding one cell can leave another line with a single hidden cell,
    so this repeats until nothing changes.
    """
    rows = table.all_rows
    counts = [column.key for column in table.columns if column.kind == COUNT]
    marks = {
        (index, key): SMALL
        for index, row in enumerate(rows)
        for key in counts
        if 0 < _count(row, key) < SMALLEST_SHOWN
    }
    lines = []
    if table.total is not None:
        total_index = len(rows) - 1
        for key in counts:
            cells = [(index, key) for index in range(total_index)]
            lines.append((cells, (total_index, key)))
    for total_key, parts in table.sums.items():
        for index in range(len(rows)):
            lines.append(([(index, key) for key in parts], (index, total_key)))

    def value(cell: tuple[int, str]) -> int:
        return _count(rows[cell[0]], cell[1])

    changed = True
    while changed:
        changed = False
        for cells, total in lines:
            if total in marks or sum(cell in marks for cell in cells) != 1:
                continue
            candidates = [c for c in cells if c not in marks and value(c) > 0]
            if candidates:
                marks[min(candidates, key=value)] = HIDDEN
            else:
                # Only the total is left to give the small count away.
                marks[total] = HIDDEN
            changed = True
    return marks
