"""Gunicorn settings for running Welcoming Workplaces behind nginx.

Start it from the project folder with the production settings, for example
under systemd (deploy/welcoming.service):

    gunicorn config.wsgi --config deploy/gunicorn.conf.py

Each value below can be changed through the environment, so one file serves
a small host and a bigger one; docs/deployment.md explains the choices.
"""

import os

# nginx connects here; keep it on loopback (or a Unix socket) so the
# application server is never reachable from outside.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Two processes suit a small server with one or two cores. Each process keeps
# its own database connections; the cache (the database's, or Redis) is shared.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# Threads let a process serve another request while one waits on the database
# or the mail server; pages render in a few milliseconds, so a few are enough.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# nginx holds slow clients; a request the application has not answered in
# this time is stuck, and its worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Restart each process now and then, so a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200

# nginx writes the access log; errors go to standard output for journald.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")

# Trust the forwarded headers of the proxy on this machine only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Tell the process manager which process to signal for a graceful reload.
proc_name = "welcoming-workplaces"
