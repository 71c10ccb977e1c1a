"""The documented nginx config keeps personal links' tokens out of access logs."""

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings

from wagtail.contrib.routable_page.models import RoutablePageMixin

CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"
TOKEN = "Zq8xT3cR5vY1wB7nK2mP4sD6"
# A personal address for each token route, as emails give them.
PERSONAL_LINKS = [
    f"/pledge/confirm/{TOKEN}/",
    f"/pledge/manage/{TOKEN}/",
    f"/fr-ca/engagement/manage/{TOKEN}/",
    f"/workshops/inclusive-hiring-101/registration/{TOKEN}/",
    f"/workshops/inclusive-hiring-101/claim/{TOKEN}/",
    f"/workshops/inclusive-hiring-101/feedback/{TOKEN}/?rating=5",
    f"/admin/password_reset/confirm/MQ/{TOKEN}/",
]


def token_route_names() -> set[str]:
    """The first segment of every page route that takes a token."""
    names = set()
    for model in apps.get_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        for pattern in model.get_subpage_urls():
            route = str(pattern.pattern)
            if "token" in route:
                names.add(route.lstrip("^").split("/")[0])
    return names


def map_block(variable: str) -> str:
    text = CONFIG.read_text()
    match = re.search(r"map \$\S+ \$" + variable + r" \{(.*?)\n\}", text, re.S)
    assert match, f"no map for ${variable}"
    return match.group(1)


def test_every_token_route_is_replaced_in_the_access_log_map():
    names = token_route_names()
    assert {"confirm", "manage", "registration", "claim", "feedback"} <= names
    for variable in ("welcoming_log_uri", "welcoming_log_referer"):
        alternation = re.search(r"\(\?:([\w|]+)\)", map_block(variable)).group(1)
        assert names <= set(alternation.split("|")), variable
    for name in names:
        assert any(f"/{name}/{TOKEN}/" in link for link in PERSONAL_LINKS)


def test_every_server_logs_with_the_cleaned_format():
    text = CONFIG.read_text()
    servers = text.count("\nserver {")
    assert servers == 2
    assert text.count("welcoming.access.log welcoming_private;") == servers
    log_format = re.search(r"log_format welcoming_private (.*?);", text, re.S)
    assert "$request " not in log_format.group(1)
    assert "$request_uri" not in log_format.group(1)
    assert "$http_referer" not in log_format.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_level_directives() -> str:
    """The maps and the log format, as written, for a test server."""
    text = CONFIG.read_text()
    blocks = re.findall(r"\nmap \$\S+ \$welcoming_log_\w+ \{.*?\n\}", text, re.S)
    log_format = re.search(r"\nlog_format welcoming_private .*?;", text, re.S)
    return "\n".join([*blocks, log_format.group(0)])


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_logs_personal_links_without_their_tokens(tmp_path):
    port = free_port()
    log = tmp_path / "access.log"
    (tmp_path / "nginx.conf").write_text(
        f"""
daemon off;
master_process off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    client_body_temp_path {tmp_path};
    proxy_temp_path {tmp_path};
    fastcgi_temp_path {tmp_path};
    uwsgi_temp_path {tmp_path};
    scgi_temp_path {tmp_path};
    {http_level_directives()}
    server {{
        listen 127.0.0.1:{port};
        access_log {log} welcoming_private;
        location / {{ return 204; }}
    }}
}}
"""
    )
    checked = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen(
        ["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        for link in [*PERSONAL_LINKS, "/pledge/manage/", "/guides/hiring/"]:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{link}",
                headers={"Referer": f"https://example.org/pledge/manage/{TOKEN}/"},
            )
            with urllib.request.urlopen(request) as response:
                assert response.status == 204
    finally:
        server.terminate()
        server.wait(timeout=10)

    lines = log.read_text().splitlines()
    assert len(lines) == len(PERSONAL_LINKS) + 2
    assert not [line for line in lines if TOKEN in line]
    assert '"GET /pledge/manage/TOKEN/ HTTP/1.1"' in lines[1]
    assert "/feedback/TOKEN/?rating=5 " in lines[5]
    assert '"GET /admin/password_reset/confirm/TOKEN/TOKEN/ HTTP/1.1"' in lines[6]
    # Addresses without a token are logged as they are.
    assert '"GET /pledge/manage/ HTTP/1.1"' in lines[-2]
    assert '"GET /guides/hiring/ HTTP/1.1"' in lines[-1]
    assert '"https://example.org/pledge/manage/TOKEN/"' in lines[-1]
