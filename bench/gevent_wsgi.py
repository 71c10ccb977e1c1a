"""The site for gunicorn's gevent worker, measured by bench.workers only.

psycopg2 is C code that blocks the whole process while it waits on
PostgreSQL unless psycogreen makes it yield to other greenlets.
"""

from psycogreen.gevent import patch_psycopg

patch_psycopg()

from config.wsgi import application  # noqa: F401
