"""Template tags of the impact report."""

from django import template

from home.impact.charts import bar_chart as build_bar_chart
from home.impact.tables import Table

register = template.Library()


@register.inclusion_tag("home/impact/bar_chart.html")
def bar_chart(table: Table) -> dict:
    """Draw the table's chart column as an accessible SVG bar chart."""
    return {"chart": build_bar_chart(table)}


@register.simple_tag
def render_table(table: Table, shareable: bool = False):
    """``{% render_table table shareable as rendered %}``: cells ready to show."""
    return table.render(shareable=shareable)
