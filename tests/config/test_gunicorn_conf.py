"""deploy/gunicorn.conf.py as gunicorn itself reads it (docs/deployment.md)."""

from pathlib import Path

import pytest
from gunicorn.app.base import Application

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


class ShippedConfig(Application):
    """gunicorn's own loader, reading only the shipped file (no command line)."""

    def init(self, parser, opts, args):
        return None

    def load_config(self):
        self.load_config_from_file(str(CONFIG))

    def load(self):
        return None


@pytest.fixture
def unset_server_environment(monkeypatch):
    for name in (
        "GUNICORN_BIND",
        "WEB_CONCURRENCY",
        "GUNICORN_WORKER_CLASS",
        "GUNICORN_THREADS",
        "GUNICORN_KEEPALIVE",
        "GUNICORN_TIMEOUT",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("unset_server_environment")
def test_default_is_the_measured_config_two_sync_workers_on_loopback():
    config = ShippedConfig().cfg
    # Sync workers: the best of the comparison in docs/deployment.md. gunicorn
    # turns sync into gthread when threads > 1, so the default must be 1.
    assert config.worker_class_str == "sync"
    assert config.threads == 1
    assert config.workers == 2
    assert config.bind == ["127.0.0.1:8000"]
    assert config.forwarded_allow_ips == ["127.0.0.1"]


@pytest.mark.usefixtures("unset_server_environment")
def test_processes_restart_rarely_and_apart():
    """At 2,000 requests, restarts were the whole p99 tail under load
    (docs/deployment.md, Recycling the workers); half-limit jitter keeps the
    two workers from restarting together."""
    config = ShippedConfig().cfg
    assert config.max_requests >= 20_000
    assert config.max_requests_jitter == config.max_requests // 2


@pytest.mark.usefixtures("unset_server_environment")
def test_environment_switches_to_threads_with_a_short_keepalive(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKER_CLASS", "gthread")
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    config = ShippedConfig().cfg
    assert config.worker_class_str == "gthread"
    assert config.threads == 4
    assert config.workers == 3
    # Above nginx's upstream keepalive_timeout (4 s in deploy/nginx.conf):
    # nginx drops an idle connection before gunicorn does, never the reverse.
    assert config.keepalive == 5
    nginx = (CONFIG.parent / "nginx.conf").read_text()
    assert "keepalive_timeout 4s;" in nginx
