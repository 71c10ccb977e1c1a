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
# its own database connection; the cache (Redis, or the database's) is shared.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# Sync workers, chosen by measurement (docs/deployment.md, make bench-workers):
# pages cost CPU, not waiting, and a sync worker takes a connection only when
# it is free, so the kernel spreads requests over the workers. gthread with
# keep-alive let one worker hold most connections while the other idled, and
# cost more CPU per request. nginx buffers slow clients, as sync workers need.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
# Only for gthread; gunicorn turns sync into gthread when this is above 1.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# nginx holds slow clients; a request the application has not answered in
# this time is stuck, and its worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Only for gthread (sync closes each connection): longer than the upstream
# keepalive_timeout in deploy/nginx.conf, so nginx never sends a request on a
# connection gunicorn is closing.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Restart each process now and then, so a slow leak never grows. Sync workers
# share requests evenly, so with a narrow jitter both reach the limit together
# and the site stops while both boot (a bench run saw ten seconds without an
# answer on a busy machine); a jitter of half the limit spreads them apart.
# A restart costs a second of a core and cold caches: at 2,000 requests a
# busy site restarted a process every few seconds, and p99 on cached pages
# was 0.5 to 2 s; at 20,000 it was 6 to 37 ms, at twice the rate
# (docs/deployment.md). A partnership's site reaches 20,000 in days.
max_requests = 20000
max_requests_jitter = 10000

# nginx writes the access log; errors go to standard output for journald.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")

# Trust the forwarded headers of the proxy on this machine only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Tell the process manager which process to signal for a graceful reload.
proc_name = "welcoming-workplaces"
