"""Production hosting: behind a TLS-terminating proxy, logs to stdout."""

from .base import *  # noqa: F403
from .base import env

# The proxy (nginx, a platform router) terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", default=False)

LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")  # noqa: F405
