"""English date formats the project adds to Django's (see home.dates).

Django's own English formats stay as they are; these name the ones the
workshop pages and emails use, so that each language can write its own.
"""

# Thursday 4 February 2027
WEEKDAY_DATE_FORMAT = "l j F Y"
# Thursday 4 February
WEEKDAY_MONTH_DAY_FORMAT = "l j F"
# 9:30 a.m.
TIME_OF_DAY_FORMAT = "g:i a"
# 9:00 a.m. (a time on the hour)
HOUR_FORMAT = "g:i a"
