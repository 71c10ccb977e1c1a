"""Inspect views that read like the listings beside them."""

from django.db import models
from django.utils import formats, timezone

# What Wagtail's inspect view itself shows for an empty list of related objects.
EMPTY_VALUE = "-"


class LocalInspectMixin:
    """Times in the admin's time zone, as listings show them, and a dash for
    a value not set (a date not reached yet).

    Wagtail's inspect view localizes the format of a datetime but not its
    time zone, and writes an empty value as "None" in any language.
    """

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None:
            return EMPTY_VALUE
        if isinstance(field, models.DateTimeField):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return value
