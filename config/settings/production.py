"""Production hosting: behind a TLS-terminating proxy, logs to stdout."""

from .base import *  # noqa: F403
from .base import env

# The proxy (nginx, a platform router) terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", default=False)

LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")  # noqa: F405

# Uploaded media on S3-compatible object storage rather than MEDIA_ROOT, for
# more than one application server (pip install -e '.[s3]'; see
# docs/deployment.md). boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
# from the environment.
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "location": "media",
            # Plain addresses: the bucket policy makes only media/images/ public.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    # Documents stay behind Wagtail's view, which applies collection privacy.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
