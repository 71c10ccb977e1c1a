from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's loader and content; installed in development and tests only."""

    name = "demo"
    verbose_name = "Demo data"
