"""What the window shows about sync (no HTTP or database imports: cheap at start-up)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SyncStatus:
    """What the window shows. ``state``:

    off       no server set
    syncing   a push or pull is running
    synced    nothing waiting
    pending   changes waiting to be sent (``pending``)
    offline   the server cannot be reached (since ``offline_since``); retrying
    error     sync stopped on a reason the user must act on (``error``: auth, disabled,
              tls, protocol, server, config, store); retrying anyway, more slowly
    """

    state: str
    pending: int = 0
    rejected: int = 0
    last_synced: str | None = None  # ISO time of the last complete sync
    offline_since: str | None = None
    error: str = ""
    detail: str = ""
    received: int = 0  # rows that arrived in the last sync (>0: refresh what is shown)
    next_try_s: float = 0.0
