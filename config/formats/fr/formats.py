"""French date formats the project adds to Django's (see home.dates).

French writes times on the 24-hour clock with "h" and no leading zero (9 h,
9 h 30, 13 h) and the first of the month as "1er". Canadian French
(``fr_CA``) reads these too; so does the admin when a staff member chooses
French. Separators are non-breaking spaces, as in Django's French formats.
"""

WEEKDAY_DATE_FORMAT = "l j F Y"  # jeudi 4 février 2027
WEEKDAY_MONTH_DAY_FORMAT = "l j F"  # jeudi 4 février
TIME_OF_DAY_FORMAT = "G\xa0\\h\xa0i"  # 9 h 30
HOUR_FORMAT = "G\xa0\\h"  # 9 h

# On the first of the month: « le 1er février », never « le 1 février ».
DATE_FORMAT_FIRST_DAY = "j\\e\\r F Y"
WEEKDAY_DATE_FORMAT_FIRST_DAY = "l j\\e\\r F Y"
WEEKDAY_MONTH_DAY_FORMAT_FIRST_DAY = "l j\\e\\r F"
