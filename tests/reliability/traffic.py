"""Simulated visitors for the server checks: page views, registrations, sign-ups.

Each visitor fills the real forms (CSRF cookie and token from the page) and
every request's outcome is recorded with its time, so a check can say which
answers failed, when, and whether what was accepted reached the database.
"""

import itertools
import re
import threading
import time
import uuid
from dataclasses import dataclass

from django.core import signing

from home.spam import SALT
from tests.reliability.harness import Visitor

# The demo site's public pages (demo/content/): reads that touch every app.
PAGES = [
    "/",
    "/about/",
    "/guides/",
    "/guides/?stage=hire",
    "/guides/write-inclusive-job-postings/",
    "/guides/work-permits-and-hiring-routes/",
    "/workshops/",
    "/workshops/past/",
    "/workshops/inclusive-hiring-101/",
    "/pledge/",
    "/pledge/registry/",
    "/pledge/registry/?sector=11&sort=name",
    "/search/?q=permit",
    "/fr-ca/search/?q=permis",
]


@dataclass
class Outcome:
    kind: str  # "page", "register" or "sign"
    path: str
    started: float
    ended: float
    status: int | None  # None when no answer came (refused, reset)
    ok: bool
    email: str = ""
    error: str = ""


def shown_at() -> str:
    """The spam check's signed display time, a minute ago, as a person posts."""
    return signing.dumps(time.time() - 60, salt=SALT)


def _timed(kind: str, path: str, call, accepted, email: str = ""):
    """Make one request; return its outcome and the response (None if none came)."""
    started = time.monotonic()
    try:
        response = call()
    except OSError as error:
        ended = time.monotonic()
        failure = Outcome(kind, path, started, ended, None, False, email, repr(error))
        return failure, None
    ok = accepted(response)
    outcome = Outcome(kind, path, started, time.monotonic(), response.status, ok, email)
    return outcome, response


def _is_200(response) -> bool:
    return response.status == 200


def view(visitor: Visitor, path: str) -> Outcome:
    return _timed("page", path, lambda: visitor.get(path), _is_200)[0]


def _form_page(visitor: Visitor, path: str) -> tuple[Outcome, str | None]:
    outcome, response = _timed("page", path, lambda: visitor.get(path), _is_200)
    return outcome, response.text if outcome.ok else None


def register(visitor: Visitor, slug: str, email: str) -> list[Outcome]:
    """Open a workshop's form and register one seat: 302 to the personal page."""
    path = f"/workshops/{slug}/register/"
    page, html = _form_page(visitor, path)
    if html is None:
        return [page]
    data = {
        "csrfmiddlewaretoken": visitor.csrf_token(html),
        "name": "Reliability Check",
        "email": email,
        "organization": "Steady Traffic Ltd",
        "job_title": "Tester",
        "sector": "54",
        "size": "10-49",
        "seats": "1",
        "accommodation_needs": "",
        "consent": "on",
        "homepage": "",
        "shown_at": shown_at(),
    }
    outcome, _response = _timed(
        "register",
        path,
        lambda: visitor.post(path, data),
        lambda r: r.status == 302 and "/registration/" in r.headers.get("Location", ""),
        email,
    )
    return [page, outcome]


def _choices(html: str, name: str) -> list[str]:
    boxes = re.findall(rf'name="{name}" value="([^"]*)"', html)
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    options = re.findall(r'<option value="([^"]+)"', select[0]) if select else []
    return boxes + options


def sign_pledge(visitor: Visitor, email: str, organization: str) -> list[Outcome]:
    """Open the pledge form and sign it: 302 to the thank-you page."""
    path = "/pledge/"
    page, html = _form_page(visitor, path)
    if html is None:
        return [page]
    key = re.search(r'name="submission_key" value="([^"]+)"', html)[1]
    data = {
        "csrfmiddlewaretoken": visitor.csrf_token(html),
        "organization_name": organization,
        "website": "",
        "sector": "31-33",
        "size_band": "10-49",
        "community": _choices(html, "community")[0],
        "contact_name": "Soak Test",
        "job_title": "Owner",
        "email": email,
        "phone": "",
        "commitments": _choices(html, "commitments")[:3],
        "statement": "We hire for skills.",
        "listing_consent": "on",
        "submission_key": key,
        "homepage": "",
        "shown_at": shown_at(),
    }
    outcome, _response = _timed(
        "sign",
        path,
        lambda: visitor.post(path, data),
        lambda r: (
            r.status == 302
            and r.headers.get("Location", "").endswith("/pledge/thank-you/#main")
        ),
        email,
    )
    return [page, outcome]


class Traffic:
    """Threads that keep visiting until stopped or until ``limit`` requests."""

    def __init__(self, base_url: str, *, tag: str, limit: int | None = None):
        self.base_url = base_url
        self.tag = tag
        self.limit = limit
        self.outcomes: list[Outcome] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._numbers = itertools.count()

    def _visitor(self) -> Visitor:
        # A new network per visitor, as behind a proxy: rate limits and the
        # seats one network may take count each on its own.
        n = next(self._numbers)
        address = f"10.{n >> 8 & 255}.{n & 255}.1"
        return Visitor(self.base_url, address=address)

    def _record(self, outcomes: list[Outcome]) -> None:
        with self._lock:
            self.outcomes.extend(outcomes)
            if self.limit is not None and len(self.outcomes) >= self.limit:
                self._stop.set()

    def _loop(self, act) -> None:
        while not self._stop.is_set():
            self._record(act())

    def readers(self, count: int) -> None:
        pages = itertools.cycle(PAGES)

        def act():
            with self._lock:
                path = next(pages)
            return [view(self._visitor(), path)]

        self._start(count, act)

    def registrants(self, count: int, slug: str) -> None:
        def act():
            email = f"{self.tag}-{uuid.uuid4().hex[:12]}@example.org"
            return register(self._visitor(), slug, email)

        self._start(count, act)

    def signers(self, count: int) -> None:
        def act():
            key = uuid.uuid4().hex[:12]
            return sign_pledge(
                self._visitor(), f"{self.tag}-{key}@example.org", f"Soak {key} Foods"
            )

        self._start(count, act)

    def _start(self, count: int, act) -> None:
        for _ in range(count):
            thread = threading.Thread(target=self._loop, args=(act,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def wait(self, timeout: float) -> bool:
        """Wait until the request limit is reached; False if ``timeout`` passed."""
        reached = self._stop.wait(timeout)
        self.stop()
        return reached

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def accepted(self, kind: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind == kind and o.ok]

    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]
