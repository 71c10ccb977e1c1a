"""Horizontal bar charts drawn as SVG on the server: no script, no service.

The chart repeats one column of a table that sits right beside it, so it is an
image with a title and a description; the numbers stay readable as text, in the
chart and in the table.
"""

from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import gettext

from home.impact.tables import Cell, Table
from home.text import label_value

WIDTH = 640
ROW_HEIGHT = 48
PADDING = 8
BAR_HEIGHT = 18
LABEL_CHARACTERS = 80
# Room right of the longest bar for its value.
VALUE_ROOM = 72


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    label_y: int
    bar_y: int
    bar_width: int
    value_x: int
    value_y: int


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    bars: list[Bar]
    width: int
    height: int
    bar_height: int = BAR_HEIGHT


def bar_chart(table: Table) -> BarChart | None:
    """The chart of ``table.chart`` for its first rows, or None if all are zero."""
    if not table.chart:
        return None
    # Charts are for staff copies, which hide nothing: read the cells straight
    # from the first rows rather than render the whole table again.
    label_column = table.columns[0]
    index = [column.key for column in table.columns].index(table.chart)
    column = table.columns[index]
    rows = [
        (
            Cell(label_column, row.get(label_column.key)).text,
            Cell(column, row.get(column.key)),
        )
        for row in table.rows[: table.chart_limit]
    ]
    largest = max((cell.value or 0 for _label, cell in rows), default=0)
    if not largest:
        return None
    scale = WIDTH - VALUE_ROOM
    bars = []
    for number, (label, cell) in enumerate(rows):
        top = PADDING + number * ROW_HEIGHT
        width = round((cell.value or 0) / largest * scale)
        if cell.value and width < 2:
            width = 2  # a visible sliver for the smallest counts
        bars.append(
            Bar(
                label=Truncator(label).chars(LABEL_CHARACTERS),
                value_text=cell.text,
                label_y=top + 14,
                bar_y=top + 20,
                bar_width=width,
                value_x=width + 6,
                value_y=top + 20 + BAR_HEIGHT - 4,
            )
        )
    column_label = str(column.label)
    values = "; ".join(label_value(label, cell.text) for label, cell in rows)
    description = gettext("Bar chart. %(values)s.") % {"values": values}
    if len(table.rows) > len(rows):
        description += " " + gettext(
            "The chart shows the first %(count)s rows of the table."
        ) % {"count": len(rows)}
    return BarChart(
        id=f"chart-{table.key}",
        title=label_value(table.title, column_label),
        description=description,
        bars=bars,
        width=WIDTH,
        height=PADDING * 2 + len(bars) * ROW_HEIGHT,
    )
