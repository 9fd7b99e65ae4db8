"""Configuration of ``cleardesk serve``: a TOML file, overridden by the environment.

```toml
[server]
listen = "0.0.0.0:8765"
database_url = "postgresql://cleardesk@localhost/cleardesk"
token_secret_file = "/etc/cleardesk/token-secret"   # or token_secret = "..."
tls_cert = "/etc/cleardesk/cert.pem"                # both or neither
tls_key = "/etc/cleardesk/key.pem"
pool_size = 10
```

Environment: ``CLEARDESK_LISTEN``, ``CLEARDESK_DATABASE_URL``, ``CLEARDESK_TOKEN_SECRET``,
``CLEARDESK_TLS_CERT``, ``CLEARDESK_TLS_KEY``, ``CLEARDESK_POOL_SIZE``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from desk.sync.tokens import secret_bytes

DEFAULT_PORT = 8765


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to change."""


@dataclass(frozen=True)
class ServerConfig:
    database_url: str
    token_secret: bytes
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    tls_cert: str = ""
    tls_key: str = ""
    pool_size: int = 10

    @property
    def scheme(self) -> str:
        return "https" if self.tls_cert else "http"


def _listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"listen must be host:port, not {text!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


def load_config(path: str | os.PathLike[str] | None = None,
                env: Mapping[str, str] | None = None) -> ServerConfig:
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    if path is not None:
        try:
            with open(path, "rb") as f:
                values = dict(tomllib.load(f).get("server", {}))
        except OSError as exc:
            raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    for key in ("listen", "database_url", "token_secret", "tls_cert", "tls_key", "pool_size"):
        if env.get(f"CLEARDESK_{key.upper()}"):
            values[key] = env[f"CLEARDESK_{key.upper()}"]
    url = str(values.get("database_url") or "")
    if not url:
        raise ConfigError("no database_url: set it in the [server] table of the config file "
                          "or in CLEARDESK_DATABASE_URL")
    secret = str(values.get("token_secret") or "")
    if not secret and values.get("token_secret_file"):
        try:
            secret = Path(str(values["token_secret_file"])).read_text("utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"cannot read token_secret_file: {exc.strerror or exc}") from exc
    if not secret:
        raise ConfigError("no token secret: set token_secret or token_secret_file, or "
                          "CLEARDESK_TOKEN_SECRET")
    try:
        secret_b = secret_bytes(secret)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    host, port = _listen(str(values.get("listen") or f"127.0.0.1:{DEFAULT_PORT}"))
    cert, key = str(values.get("tls_cert") or ""), str(values.get("tls_key") or "")
    if bool(cert) != bool(key):
        raise ConfigError("TLS needs both tls_cert and tls_key")
    for name, file in (("tls_cert", cert), ("tls_key", key)):
        if file and not Path(file).is_file():
            raise ConfigError(f"{name}: no file at {file}")
    try:
        pool = int(values.get("pool_size") or 10)
    except ValueError as exc:
        raise ConfigError("pool_size must be a number") from exc
    return ServerConfig(url, secret_b, host, port, cert, key, max(2, pool))
