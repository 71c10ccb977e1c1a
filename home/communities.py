"""Communities offered by forms: a stable value, a name in the reader's language.

A pledge stores the community's name in the site's default language, the
value of ``community_choices()``, so the registry's filter, exports and
reports agree whatever language a pledge was signed in. Forms and pages show
``community_label(value)``, the name in the reader's language.
"""

from home.languages import default_content_language, localize_all
from home.models import Community


def _sources() -> list[Community]:
    return list(
        Community.objects.filter(
            locale__language_code=default_content_language()
        ).select_related("locale")
    )


def community_choices() -> list[tuple[str, str]]:
    """(stored value, name in the active language) for each community, in order.

    Two queries: the default language's rows and their translations.
    """
    sources = _sources()
    return [
        (source.name, localized.name)
        for source, localized in zip(sources, localize_all(sources), strict=True)
    ]


def community_label(value: str) -> str:
    """The name in the active language of the community stored as ``value``.

    ``value`` itself when no community has that name any more.
    """
    return dict(community_choices()).get(value, value)
