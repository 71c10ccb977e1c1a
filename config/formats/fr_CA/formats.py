"""Canadian French times, after the Office québécois de la langue française.

Django's own fr_CA time formats write "09 h 30" and leave the "h" unescaped,
so it prints the hour a second time: Canadian French writes "9 h 30". Django
reads every other format from its fr_CA module, then from config.formats.fr
(the project's own names) and Django's fr.
"""

TIME_FORMAT = "G\xa0\\h\xa0i"  # 9 h 30
DATETIME_FORMAT = "j F Y, G\xa0\\h\xa0i"  # 4 février 2027, 9 h 30
SHORT_DATETIME_FORMAT = "Y-m-d G\xa0\\h\xa0i"  # 2027-02-04 9 h 30
