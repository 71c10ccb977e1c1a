"""Report sections, contributed by the apps through a Wagtail hook.

An app registers a function with
``@hooks.register("register_impact_section", order=…)`` that takes the
``Period`` and returns an ``ImpactSection`` (or ``None`` to show nothing).
Each function must make a fixed number of aggregate queries, whatever the
amount of data, and return counts only: never a person's details.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise

from wagtail import hooks

from home.impact.periods import Period
from home.impact.tables import Table

HOOK_NAME = "register_impact_section"


@dataclass
class ImpactSection:
    key: str
    title: str | Promise
    intro: str | Promise = ""
    tables: list[Table] = field(default_factory=list)


def impact_sections(period: Period) -> list[ImpactSection]:
    """Every registered app's section for the period, in hook order."""
    sections = (hook(period) for hook in hooks.get_hooks(HOOK_NAME))
    return [section for section in sections if section is not None]


def find_table(sections: list[ImpactSection], key: str) -> Table | None:
    for section in sections:
        for table in section.tables:
            if table.key == key:
                return table
    return None
