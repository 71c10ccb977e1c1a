"""Live figures on the home page, contributed by other apps through a hook.

An app registers a function with ``@hooks.register("register_live_figure")``
that takes the request and returns a ``LiveFigure``, or ``None`` when it has
nothing to show yet. With no figure to show, the home page hides the block.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from wagtail import hooks

from home import page_cache

HOOK_NAME = "register_live_figure"


@dataclass(frozen=True)
class LiveFigure:
    value: int
    label: str
    url: str = ""


def live_figures(request: HttpRequest) -> list[LiveFigure]:
    """Collect the figures every registered app has to show."""
    # Pledge changes make every cached page stale; registrations only some.
    page_cache.depends_on(page_cache.REGISTRATIONS)
    figures = (hook(request) for hook in hooks.get_hooks(HOOK_NAME))
    return [figure for figure in figures if figure is not None]
