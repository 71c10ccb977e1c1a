"""What wagtail-localize translates of every page, before each type's own fields.

A page type that lists its ``translatable_fields`` (to keep some of its own
fields in step with the source) starts from these, as Wagtail's ``Page``
would by default: the words are translated, the menu setting is the source's.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField

PAGE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]
