"""Workstation tokens: ``cdt1.<token id>.<expiry, unix s>.<signature>``.

The signature is HMAC-SHA256 under the service's token secret, so a forged or altered token
is refused before the database is asked; the id then finds the token row, which says whose it
is and whether it was revoked. The expiry is inside the signed part.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass

PREFIX = "cdt1"
MIN_SECRET_BYTES = 32


@dataclass(frozen=True)
class TokenClaim:
    token_id: str
    expires: int  # unix seconds


class TokenError(Exception):
    """``code``: malformed, forged, expired."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _sign(secret: bytes, body: str) -> str:
    mac = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode("ascii").rstrip("=")


def make_token(secret: bytes, token_id: str, expires: int) -> str:
    body = f"{PREFIX}.{token_id}.{expires}"
    return f"{body}.{_sign(secret, body)}"


def read_token(secret: bytes, token: str, now: float | None = None) -> TokenClaim:
    """Check the token's form, signature and expiry (not revocation: that is the database's)."""
    parts = token.split(".")
    if len(token) > 200 or not token.isascii() or len(parts) != 4 or parts[0] != PREFIX \
            or not parts[2].isdigit():
        raise TokenError("malformed")
    try:
        uuid.UUID(parts[1])
    except ValueError as exc:
        raise TokenError("malformed") from exc
    body = ".".join(parts[:3])
    if not hmac.compare_digest(_sign(secret, body), parts[3]):
        raise TokenError("forged")
    expires = int(parts[2])
    if expires <= (time.time() if now is None else now):
        raise TokenError("expired")
    return TokenClaim(parts[1], expires)


def secret_bytes(text: str) -> bytes:
    """The configured secret; it must be long enough to resist guessing."""
    data = text.encode("utf-8")
    if len(data) < MIN_SECRET_BYTES:
        raise ValueError(f"the token secret must be at least {MIN_SECRET_BYTES} bytes "
                         "(make one with: python -c \"import secrets; "
                         "print(secrets.token_urlsafe(48))\")")
    return data
