"""Dates and times in the reader's language (see home.dates).

``{% load date_tags %}``, then ``{{ workshop.start|day_and_time }}``,
``{{ workshop.end|time_of_day }}``, ``{{ offer.expires_at|deadline }}`` or
``{{ pledge.expires_at|long_date }}``. Like Django's ``date`` filter, each
gets the value in the current time zone and writes nothing for no value.
"""

from django import template

from home import dates

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value) -> str:
    return dates.long_date(value) if value else ""


@register.filter(expects_localtime=True)
def time_of_day(value) -> str:
    return dates.time_of_day(value) if value else ""


@register.filter(expects_localtime=True)
def day_and_time(value) -> str:
    return dates.day_and_time(value) if value else ""


@register.filter(expects_localtime=True)
def deadline(value) -> str:
    return dates.deadline(value) if value else ""
