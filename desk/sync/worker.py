"""Background sync: push soon after each change, pull on a timer, back off on failure.

:class:`SyncWorker` owns one thread. It looks at the outbox every ``poll_s`` (one cheap
``count(*)``, which also sees changes made by another window on the same database); when
something is waiting it pushes after ``settle_s`` more, so a burst of typing goes as one
batch. Every ``pull_s`` it pulls. A failure waits 2, 4, 8 ... up to ``max_backoff_s``
seconds (with jitter, so a room of workstations does not return at the same instant) and
reports the reason. :meth:`kick` syncs at once (the "Sync now" button, a settings change).

``on_status`` is called on the worker thread with a :class:`SyncStatus` whenever it changes.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from db import outbox
from desk.store import Store, StoreError
from desk.sync.client import SyncClient, SyncError
from desk.sync.status import SyncStatus
from desk.timeutil import now_iso

log = logging.getLogger(__name__)


ClientFactory = Callable[[], SyncClient]


class SyncWorker:
    def __init__(self, store: Store, make_client: ClientFactory,
                 on_status: Callable[[SyncStatus], None] | None = None, *,
                 pull_s: float = 30.0, poll_s: float = 1.0, settle_s: float = 1.0,
                 max_backoff_s: float = 300.0) -> None:
        self.store = store
        self.make_client = make_client
        self.on_status = on_status
        self.pull_s, self.poll_s, self.settle_s = pull_s, poll_s, settle_s
        self.max_backoff_s = max_backoff_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._status = SyncStatus("pending")
        self._lock = threading.Lock()

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="cleardesk-sync",
                                            daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the current request (its timeout bounds the wait): no further request
        is made, and a pull page that arrives after this is not applied."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def kick(self) -> None:
        """Sync now (also ends a backoff wait)."""
        self._failures = 0
        self._wake.set()

    # -- the thread --------------------------------------------------------------------------
    def _emit(self, status: SyncStatus) -> None:
        with self._lock:
            changed = status != self._status
            self._status = status
        if changed and self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("sync status listener failed")

    def _counts(self) -> tuple[int, int]:
        """(waiting, refused), in one trip to the database thread (asked every poll)."""
        return self.store.call(lambda conn: (outbox.pending_count(conn),
                                             outbox.rejected_count(conn)))

    def _run(self) -> None:
        """Runs on the sync thread."""
        next_try = 0.0  # monotonic time of the next pull (or retry after a failure)
        while not self._stop.is_set():
            try:
                waiting, refused = self._counts()
            except StoreError:
                waiting, refused = 0, self.status.rejected
            current = self.status
            if (waiting, refused) != (current.pending, current.rejected) and \
                    current.state not in ("syncing", "off"):
                # Offline or waiting to retry: the count of what waits stays true meanwhile.
                state = "pending" if current.state in ("synced", "pending") and waiting \
                    else ("synced" if current.state == "pending" and not waiting
                          else current.state)
                self._emit(replace(current, state=state, pending=waiting, rejected=refused,
                                   received=0))
            kicked = self._wake.is_set()
            now = time.monotonic()
            if kicked or now >= next_try or (waiting and not self._failures):
                # Let a burst of edits finish (unless stopping meanwhile).
                if waiting and not kicked and now < next_try and self._stop.wait(self.settle_s):
                    break
                self._wake.clear()
                delay = self._sync_once()
                next_try = time.monotonic() + (self.pull_s if delay is None else delay)
            self._wake.wait(self.poll_s)

    def _sync_once(self) -> float | None:
        """One full sync. Returns None on success, else the backoff delay."""
        prev = self.status
        self._emit(replace(prev, state="syncing"))
        try:
            client = self.make_client()
            try:
                result = client.sync(self._stop.is_set)
            finally:
                client.close()
            waiting, refused = self._counts()
        except SyncError as exc:
            if exc.code == "stopped":
                self._emit(prev)
                return None
            return self._fail(exc)
        except StoreError as exc:
            return self._fail(SyncError("store", exc.code))
        except Exception as exc:  # a bug must not end the thread and leave "syncing" on screen
            log.exception("sync failed unexpectedly")
            return self._fail(SyncError("protocol", repr(exc)[:200]))
        self._failures = 0
        self._emit(SyncStatus("synced" if not waiting else "pending", waiting, refused,
                              now_iso(), None, received=result.pulled))
        return None

    def _fail(self, exc: SyncError) -> float:
        self._failures += 1
        base = min(self.max_backoff_s, 2.0 ** min(self._failures, 16))
        if exc.code not in ("offline",):
            base = min(self.max_backoff_s, max(base, 60.0))  # needs the user: retry slowly
        delay = base * random.uniform(0.8, 1.0)
        prev = self.status
        try:
            waiting, refused = self._counts()
        except StoreError:
            waiting, refused = prev.pending, prev.rejected
        if exc.code == "config":
            state = "off"
        elif exc.code == "offline":
            state = "offline"
        else:
            state = "error"
        since = prev.offline_since if prev.state == "offline" or prev.offline_since else None
        self._emit(SyncStatus(state, waiting, refused, prev.last_synced,
                              since or (now_iso() if state == "offline" else None),
                              exc.code, exc.detail, 0, delay))
        log.info("sync failed (%s %s); next try in %.0f s", exc.code, exc.detail, delay)
        return delay
