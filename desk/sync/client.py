"""The workstation's sync client: push the outbox, pull the change log.

Push sends the oldest entries of the outbox; an entry is deleted only after the server's
reply names it applied or duplicate, so a cut at any point (before, during or after the
server's COMMIT) leaves it queued and the retry is harmless. Refused entries move to
``sync_rejected`` with the reason and the queue goes on; so do entries refused here before
sending (the row is gone, a kind this version does not know, a change check_change refuses),
which would otherwise stop the queue for good.

Pull applies a page of the server's log and moves the cursor in one SQLite transaction, so
a cut between the two cannot happen; applying is idempotent besides (the server sends this
workstation's own rows back too). The cursor belongs to one server and account:
credentials.save clears it when either changes.

Runs on whatever thread calls it (the sync worker's, or the command line's); the database
work runs on the Store's thread.
"""

from __future__ import annotations

import json
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db import outbox
from db.events import transaction
from desk import __version__
from desk.store import Store
from desk.sync import credentials
from desk.sync import protocol as p
from desk.timeutil import now_iso

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)
PUSH_BATCH = 500


class SyncError(Exception):
    """Sync could not finish. ``code``:

    offline   the server cannot be reached (network, DNS, refused, timed out, cut)
    tls       the server's certificate is not trusted
    auth      the token was refused (``detail``: forged, expired, revoked, unknown_token...)
    disabled  the account is disabled
    server    the server answered with an error (``detail``: its code)
    protocol  the reply made no sense (not ClearDesk, or a different version)
    config    no server address or token
    stopped   ``should_stop`` said so between two requests (the worker is stopping)
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class SyncResult:
    pushed: int = 0  # new on the server
    duplicates: int = 0  # the server had them already (a retry after a cut)
    rejected: int = 0  # refused by the server, kept in sync_rejected
    pulled: int = 0  # new here from other workstations


ShouldStop = Callable[[], bool]


def _never() -> bool:
    return False


def _encode(body: Any) -> bytes:
    """JSON as the server reads it; ValueError for what JSON cannot say (NaN, infinity)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """How the server's certificate is checked: against ``ca_file`` when one is set (a
    company's own CA), else against the operating system's trust store (truststore), where
    IT installs such CAs on managed Windows and Linux desktops."""
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except ImportError:  # pragma: no cover - a declared dependency
        return ssl.create_default_context()


def _network_error(exc: httpx.HTTPError) -> SyncError:
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or ("SSL" in text and "certificate" in text):
        return SyncError("tls", text[:200])
    return SyncError("offline", f"{type(exc).__name__}: {text[:200]}")


class SyncClient:
    def __init__(self, store: Store, url: str, token: str, *,
                 ca_file: str = "", timeout: float = 30.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        if not url or not token:
            raise SyncError("config", "no server address or token")
        import httpx  # here, not at import: the window starts ~50 ms sooner with sync off

        self._httpx = httpx
        self.store = store
        self.http = httpx.Client(
            base_url=url.rstrip("/"), verify=tls_context(ca_file), transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={"Authorization": f"Bearer {token}",
                     "User-Agent": f"ClearDesk/{__version__}"})
        self.batch = PUSH_BATCH
        self._should_stop: ShouldStop = _never

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- HTTP --------------------------------------------------------------------------------
    def _request(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        try:
            response = self.http.request(method, path, **kw)
        except self._httpx.HTTPError as exc:
            raise _network_error(exc) from exc
        if response.status_code == 413:
            # Whoever answered (the service, or a proxy in front of it with an HTML page),
            # the body was too big: the caller sends less.
            raise SyncError("server", "body_too_large")
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            if response.status_code in (502, 503, 504):  # a proxy with no server behind it
                raise SyncError("offline", f"HTTP {response.status_code}")
            if response.status_code >= 500:  # the service failed: a bug, not the network
                raise SyncError("server", f"HTTP {response.status_code}")
            raise SyncError("protocol", f"HTTP {response.status_code}: not a ClearDesk server")
        if response.status_code == 401:
            raise SyncError("auth", str(body.get("error", "")))
        if response.status_code == 403:
            raise SyncError("disabled", str(body.get("error", "")))
        if response.status_code == 503:
            raise SyncError("offline", "the server's database is not reachable")
        if response.status_code >= 400:
            raise SyncError("server", str(body.get("error", response.status_code)))
        return body

    def whoami(self) -> dict[str, Any]:
        return self._request("GET", "/v1/whoami")

    # -- push --------------------------------------------------------------------------------
    def _check_stop(self) -> None:
        if self._should_stop():
            raise SyncError("stopped")

    def push(self, should_stop: ShouldStop | None = None) -> SyncResult:
        """Send the whole outbox, a batch at a time. ``should_stop`` is asked before each
        request (SyncError "stopped" when it says so); a reply already received is still
        recorded."""
        self._should_stop = should_stop or _never
        try:
            total = SyncResult()
            while True:
                self._check_stop()
                entries = self.store.call(outbox.pending, self.batch)
                if not entries:
                    return total
                result = self._push_batch(entries)
                total = SyncResult(total.pushed + result.pushed,
                                   total.duplicates + result.duplicates,
                                   total.rejected + result.rejected)
        finally:
            self._should_stop = _never

    def _refuse_here(self, entries: list[outbox.Pending]
                     ) -> tuple[list[outbox.Pending], list[tuple[outbox.Pending, str, str]]]:
        """Split a batch into what may be sent and what this workstation refuses itself: a
        row that is gone ("missing"), of a kind this version does not know ("kind"), or that
        the server would refuse anyway (check_change's code: a NaN, a broken clock...)."""
        sendable: list[outbox.Pending] = []
        refused: list[tuple[outbox.Pending, str, str]] = []
        for entry in entries:
            if entry.kind not in p.KINDS:
                refused.append((entry, "kind", f"unknown kind {entry.kind[:40]!r}"))
            elif entry.row is None:
                refused.append((entry, "missing", "the row is no longer in this database"))
            else:
                checked = p.check_change({"kind": entry.kind, "row": entry.row})
                if isinstance(checked, p.Problem):
                    refused.append((entry, checked.code, checked.detail))
                else:
                    sendable.append(entry)
        return sendable, refused

    def _body(self, sendable: list[outbox.Pending],
              refused: list[tuple[outbox.Pending, str, str]]) -> tuple[list[outbox.Pending],
                                                                        bytes]:
        """The push body. Should a change not encode after all (check_change let it
        through), each is tried alone and the ones that fail join ``refused``."""
        try:
            return sendable, self._push_body(sendable)
        except (ValueError, TypeError):
            pass
        good = []
        for entry in sendable:
            try:
                _encode({"kind": entry.kind, "row": entry.row})
            except (ValueError, TypeError) as exc:
                refused.append((entry, "type", f"not JSON: {exc}"[:200]))
            else:
                good.append(entry)
        return good, self._push_body(good)

    def _push_body(self, sendable: list[outbox.Pending]) -> bytes:
        return _encode({"device": self.store.device,
                        "changes": [{"kind": e.kind, "row": e.row} for e in sendable]})

    def _reject(self, refused: list[tuple[outbox.Pending, str, str]], here: bool) -> None:
        if not refused:
            return
        at = now_iso()

        def write(conn: Any) -> None:
            with transaction(conn):
                outbox.reject(conn, refused, at)

        self.store.call(write)
        for entry, code, detail in refused:
            log.warning("%s %s %s: %s %s", "not sent, refused here:" if here else
                        "server refused", entry.kind, entry.row_id, code, detail)

    def _push_batch(self, entries: list[outbox.Pending]) -> SyncResult:
        sendable, here = self._refuse_here(entries)
        sendable, content = self._body(sendable, here)
        self._reject(here, here=True)
        if not sendable:
            return SyncResult(rejected=len(here))
        self._check_stop()
        try:
            reply = self._request("POST", "/v1/push", content=content,
                                  headers={"Content-Type": "application/json"})
        except SyncError as exc:
            if exc.code == "server" and exc.detail in ("body_too_large", "batch_too_large"):
                smaller = self._push_smaller(sendable, exc)
                return SyncResult(smaller.pushed, smaller.duplicates,
                                  smaller.rejected + len(here))
            raise
        results = reply.get("results")
        if not isinstance(results, list) or len(results) != len(sendable):
            raise SyncError("protocol", "the push reply does not match the batch")
        done: list[int] = []
        refused: list[tuple[outbox.Pending, str, str]] = []
        pushed = duplicates = 0
        for entry, res in zip(sendable, results, strict=True):
            status = res.get("status") if isinstance(res, dict) else None
            if status == "applied":
                pushed += 1
                done.append(entry.seq)
            elif status == "duplicate":
                duplicates += 1
                done.append(entry.seq)
            elif status in ("rejected", "denied"):
                refused.append((entry, str(res.get("code") or status),
                                str(res.get("detail") or "")))
            else:
                raise SyncError("protocol", f"unknown push status {status!r}")
        at = now_iso()

        def write(conn: Any) -> None:
            with transaction(conn):
                outbox.acknowledge(conn, done)
                outbox.reject(conn, refused, at)

        self.store.call(write)
        for entry, code, detail in refused:
            log.warning("server refused %s %s: %s %s", entry.kind, entry.row_id, code, detail)
        return SyncResult(pushed, duplicates, len(refused) + len(here))

    def _push_smaller(self, entries: list[outbox.Pending], exc: SyncError) -> SyncResult:
        if len(entries) == 1:
            # One change bigger than the server takes: set it aside, keep the queue moving.
            self._reject([(entries[0], "size", exc.detail)], here=False)
            return SyncResult(rejected=1)
        self.batch = max(1, len(entries) // 2)
        return self._push_batch(entries[:self.batch])

    # -- pull --------------------------------------------------------------------------------
    def pull(self, should_stop: ShouldStop | None = None) -> int:
        """Apply the server's log from our cursor on. Returns how many rows were new here
        (our own changes come back too, once: applying them again changes nothing).
        ``should_stop`` is asked before each page is asked for and before it is applied, so
        once it says stop the cursor does not move (SyncError "stopped")."""
        stop = should_stop or _never
        applied = 0
        while True:
            if stop():
                raise SyncError("stopped")
            cursor = self.store.call(outbox.cursor)
            reply = self._request("GET", "/v1/pull", params={
                "cursor": cursor, "device": self.store.device, "limit": p.MAX_PULL})
            new_cursor, changes = reply.get("cursor"), reply.get("changes")
            if not isinstance(new_cursor, str) or p.parse_cursor(new_cursor) is None \
                    or not isinstance(changes, list):
                raise SyncError("protocol", "the pull reply is malformed")
            good: list[tuple[str, dict[str, Any]]] = []
            for change in changes:
                checked = p.check_change(change)
                if isinstance(checked, p.Problem):
                    log.warning("skipped a pulled change: %s %s", checked.code, checked.detail)
                    continue
                good.append((checked.kind, checked.row))
            if stop():
                raise SyncError("stopped")
            self.store.observe_stamps(row["hlc"] for _, row in good)

            def write(conn: Any, batch: list[tuple[str, dict[str, Any]]] = good,
                      to: str = new_cursor) -> int:
                with transaction(conn):
                    return outbox.apply_pulled(conn, batch, to)

            applied += self.store.call(write)
            if not reply.get("more"):
                return applied

    def sync(self, should_stop: ShouldStop | None = None) -> SyncResult:
        """Push, pull, then push what arrived meanwhile. ``should_stop`` (the worker's stop
        flag) is asked between requests: SyncError "stopped" once it says so."""
        if credentials.identity(self.store) is None:  # once per address and token
            credentials.remember_identity(self.store, self.whoami())
        first = self.push(should_stop)
        pulled = self.pull(should_stop)
        second = self.push(should_stop)
        return SyncResult(first.pushed + second.pushed, first.duplicates + second.duplicates,
                          first.rejected + second.rejected, pulled)
