"""Wagtail's ``{% picture %}`` and ``{% srcset_image %}``, parsing each spec once.

The same tags, arguments and HTML as ``wagtailimages_tags``. Wagtail's nodes
build new ``Filter`` objects on every render, and a filter reads its
operations anew for each image (``inspect`` on every operation's arguments):
about half the time a picture takes, and about 7 % of the CPU time of a long
guide with eight pictures. Here a node keeps the filters it parsed; templates
are compiled once per process, so each spec is read once per process.
"""

from functools import cached_property

from django import template

from wagtail.images.models import Filter
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class ParsedOnce:
    """A multi-rendition image node whose filters outlive one render."""

    filter_specs: list[str]

    @cached_property
    def filters(self) -> list[Filter]:
        return [Filter(spec=spec) for spec in Filter.expand_spec(self.filter_specs)]

    def get_filters(self) -> list[Filter]:
        return self.filters


class PictureNode(ParsedOnce, wagtailimages_tags.PictureNode):
    pass


class SrcsetImageNode(ParsedOnce, wagtailimages_tags.SrcsetImageNode):
    pass


NODES = {"picture": PictureNode, "srcset_image": SrcsetImageNode}


def image_node(parser, token) -> template.Node:
    """Parse as Wagtail does (same syntax, same errors), keep the filters."""
    node = wagtailimages_tags.image(parser, token)
    return NODES[token.split_contents()[0]](
        node.image_expr,
        node.filter_specs,
        output_var_name=node.output_var_name,
        attrs=node.attrs,
    )


register.tag("picture", image_node)
register.tag("srcset_image", image_node)
