"""Shareable copies hide small counts, and anything that would give them away."""

from home.impact.tables import (
    AVERAGE,
    COUNT,
    HIDDEN,
    LABEL,
    PERCENT,
    SMALL,
    Column,
    Table,
    suppression_marks,
)


def engagement(rows, total) -> Table:
    """Rows and total as (label, pledge, workshops); the total column is added."""

    def row(label, pledge, workshops):
        return {
            "label": label,
            "pledge": pledge,
            "workshops": workshops,
            "total": pledge + workshops,
        }

    return Table(
        key="engaged",
        title="Employers engaged",
        columns=[
            Column("label", "Sector", LABEL),
            Column("pledge", "Pledge"),
            Column("workshops", "Workshops only"),
            Column("total", "All"),
        ],
        rows=[row(*values) for values in rows],
        total=row(*total),
        sums={"total": ("pledge", "workshops")},
    )


def shown(table: Table) -> list[list[str]]:
    rendered = table.render(shareable=True)
    rows = rendered.rows + ([rendered.total] if rendered.total else [])
    return [[cell.text for cell in row] for row in rows]


def test_counts_from_one_to_four_are_shown_as_less_than_five():
    table = Table(
        key="t",
        title="No totals",
        columns=[Column("label", "Row", LABEL), Column("count", "Count")],
        rows=[{"label": str(n), "count": n} for n in (0, 1, 4, 5, 120)],
    )
    assert shown(table) == [
        ["0", "0"],
        ["1", SMALL],
        ["4", SMALL],
        ["5", "5"],
        ["120", "120"],
    ]


def test_a_lone_small_count_takes_the_next_smallest_in_its_row_and_column():
    table = engagement([("A", 10, 3), ("B", 6, 7), ("C", 2, 0)], ("All", 18, 10))
    assert shown(table) == [
        # A's 3 is small; its column's next smallest (B's 7) goes with it, and
        # the total column's lone small 2 takes A's 13, the first of two 13s.
        ["A", "10", SMALL, HIDDEN],
        # B's 6 hides C's small 2 in the pledge column.
        ["B", HIDDEN, HIDDEN, "13"],
        ["C", SMALL, "0", SMALL],
        ["All", "18", "10", "28"],
    ]


def test_no_hidden_count_can_be_worked_back_from_a_shown_total():
    table = engagement(
        [("A", 30, 2), ("B", 12, 9), ("C", 7, 0), ("D", 1, 14)], ("All", 50, 25)
    )
    marks = suppression_marks(table)
    lines = [
        [(i, key) for i in range(4)] + [(4, key)]
        for key in ("pledge", "workshops", "total")
    ]
    lines += [[(i, "pledge"), (i, "workshops"), (i, "total")] for i in range(5)]
    for line in lines:
        *cells, line_total = line
        if line_total not in marks:
            assert sum(cell in marks for cell in cells) != 1, line


def test_with_nothing_else_to_hide_the_total_is_hidden():
    table = Table(
        key="t",
        title="Not additive",
        columns=[Column("label", "Row", LABEL), Column("count", "Count")],
        rows=[{"label": "Only", "count": 3}],
        # A distinct count: the total is not the sum of the rows.
        total={"label": "All", "count": 9},
    )
    assert shown(table) == [["Only", SMALL], ["All", HIDDEN]]


def test_percentages_and_averages_from_a_hidden_count_are_hidden():
    table = Table(
        key="t",
        title="Guides",
        columns=[
            Column("label", "Guide", LABEL),
            Column("yes", "Helpful"),
            Column("no", "Not helpful"),
            Column("answers", "Answers"),
            Column("share", "Helpful (%)", PERCENT, ("yes", "no", "answers")),
            Column("rating", "Rating", AVERAGE, ("answers",)),
        ],
        rows=[
            {
                "label": "G1",
                "yes": 10,
                "no": 2,
                "answers": 12,
                "share": 83.33,
                "rating": 4.25,
            },
            {
                "label": "G2",
                "yes": 20,
                "no": 10,
                "answers": 30,
                "share": 66.67,
                "rating": None,
            },
        ],
        sums={"answers": ("yes", "no")},
    )
    assert shown(table)[:2] == [
        ["G1", HIDDEN, SMALL, "12", HIDDEN, "4.3"],
        ["G2", "20", "10", "30", "66.7", "—"],
    ]


def test_staff_copies_show_every_count():
    table = engagement([("A", 10, 3), ("B", 6, 7), ("C", 2, 0)], ("All", 18, 10))
    rendered = table.render()
    assert [cell.text for cell in rendered.rows[0]] == ["A", "10", "3", "13"]
    assert [cell.export_value for cell in rendered.rows[2]] == ["C", 2, 0, 2]
    assert not any("<5" in note for note in rendered.notes)
    assert any("<5" in note for note in table.render(shareable=True).notes)


def test_large_counts_are_grouped_and_rates_rounded():
    table = Table(
        key="t",
        title="T",
        columns=[
            Column("label", "Row", LABEL),
            Column("count", "Count", COUNT),
            Column("rate", "Rate (%)", PERCENT, ("count",)),
        ],
        rows=[{"label": "R", "count": 12345, "rate": 200 / 3}],
    )
    (row,) = table.render().rows
    assert [cell.text for cell in row] == ["R", "12,345", "66.7"]
    assert [cell.export_value for cell in row] == ["R", 12345, 66.7]
