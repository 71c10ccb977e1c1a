"""Random secrets for emailed links, stored only as hashes.

A leaked database then holds nothing that opens a pledge or a registration.
"""

import hashlib
import secrets


def token_digest(raw: str) -> str:
    """Return the hash kept in the database for an emailed token."""
    return hashlib.sha256(raw.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """Return a new URL-safe token and the digest to store for it."""
    raw = secrets.token_urlsafe(32)
    return raw, token_digest(raw)
