"""Dashboard panels that only some staff see.

Wagtail renders every panel the ``construct_homepage_panels`` hooks add. A
panel built on ``RestrictedPanel`` renders nothing at all, not an empty box,
and runs no query for a user it is not shown to.
"""

from wagtail.admin.ui.components import Component


class RestrictedPanel(Component):
    """A dashboard panel shown only to users ``is_shown_to`` accepts."""

    @classmethod
    def is_shown_to(cls, user) -> bool:
        raise NotImplementedError

    def render_html(self, parent_context=None):
        if not self.is_shown_to(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)
