"""A live call of a case: the audio sources and pipeline (desk/call.py), the recorder that
stores it with the case (desk/recorder.py), and its record (desk/calls.py) — started and
stopped together. Also the speech model the app keeps loaded for all its calls.

start/stop run on the caller's thread (the GUI's); listeners get events on the pipeline's
threads (see desk/pipeline.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desk.call import LiveCall, SourceSpec
from desk.calls import CallService, CallSummary
from desk.events import CallInfo
from desk.pipeline import Listener
from desk.recorder import CallRecorder
from desk.speech.loader import ModelLoader
from desk.speech.models import ModelError, ModelInfo, find_models, validate_model, zip_info
from desk.speech.recognizer import RecognizerPool
from desk.store import StoreError

log = logging.getLogger(__name__)


def choose_model(path: str = "", data_override: str | None = None) -> ModelInfo | None:
    """The model named in the settings (a folder or a zip), else the first one found.
    ModelError when the named one is missing or damaged (the UI says so); None when there is
    none at all."""
    if path:
        p = Path(path)
        if p.suffix.lower() == ".zip" and p.is_file():
            return zip_info(p)
        return validate_model(p)
    for info in find_models(data_override=data_override):
        return info
    return None


class SpeechModel:
    """The speech model of the app: loaded once in the background, shared by every call.

    ``state``: none (no model configured or found), loading, ready, failed (``error``)."""

    def __init__(self, on_done: Callable[[ModelLoader], None] | None = None) -> None:
        self.loader = ModelLoader(on_done=on_done)
        self.pool = RecognizerPool()  # one recognizer per channel kind for all the calls
        self.error: ModelError | None = None
        self.info: ModelInfo | None = None

    def load(self, path: str = "", data_override: str | None = None) -> None:
        self.error = None
        try:
            self.info = choose_model(path, data_override)
        except ModelError as exc:
            self.info, self.error = None, exc
            return
        if self.info is not None:
            self.loader.start(self.info)

    @property
    def state(self) -> str:
        if self.error is not None:
            return "failed"
        if self.info is None:
            return "none"
        st = str(self.loader.state)
        return {"idle": "none"}.get(st, st)

    def close(self) -> None:
        self.pool.clear()
        self.loader.close(timeout=0)


class CallSession:
    """One live call on ``case_id``. After :meth:`start`, everything heard is stored with the
    case at most about a second behind; :meth:`stop` ends it and returns its summary."""

    def __init__(self, calls: CallService, case_id: str, specs: Sequence[SourceSpec],
                 listeners: Sequence[Listener] = (), model: SpeechModel | None = None,
                 on_store_error: Callable[[StoreError], None] | None = None,
                 source_factory: Any = None) -> None:
        self.calls = calls
        self.case_id = case_id
        self.specs = list(specs)
        self.listeners = list(listeners)
        self.model = model
        self.on_store_error = on_store_error
        self.source_factory = source_factory
        self.call_id = ""
        self.recorder: CallRecorder | None = None
        self.live: LiveCall | None = None
        self._t0 = 0.0

    @property
    def running(self) -> bool:
        return self.live is not None

    def elapsed(self) -> float:
        return time.monotonic() - self._t0 if self._t0 else 0.0

    def start(self) -> str:
        """Begin the call's record and open the sources (a missing device is waited for;
        AudioError for a device that cannot work at all). Returns the call id."""
        loader = self.model.loader if self.model is not None else None
        kwargs: dict[str, Any] = {"wait_for_devices": True}
        if self.model is not None:
            kwargs["pool"] = self.model.pool
        if self.source_factory is not None:
            kwargs["source_factory"] = self.source_factory
        live = LiveCall(self.specs, [], loader, **kwargs)
        self.call_id = self.calls.begin(self.case_id, live.info)
        self.recorder = CallRecorder(self.calls.store, self.call_id, self.case_id,
                                     self.on_store_error)
        live.pipeline.listeners[:] = [self.recorder, *self.listeners]
        self.recorder.start()
        self._t0 = time.monotonic()
        try:
            live.start()
        except BaseException:
            self.recorder.close()
            self.calls.finish(self.call_id, 0.0, 0.0, 0.0)
            self.recorder = None
            raise
        self.live = live
        return self.call_id

    def mark_manual(self, step: str, done: bool) -> None:
        if self.recorder is not None:
            self.recorder.mark_manual(round(self.elapsed(), 3), step, done)

    def stop(self) -> CallSummary:
        """End the call: stop the sources, analyse what is queued, store the rest, and record
        the end. A storage error at the end is raised (what was stored is kept)."""
        live, recorder = self.live, self.recorder
        if live is None or recorder is None:
            raise RuntimeError("the call is not running")
        duration = self.elapsed()
        self.live = None
        try:
            live.stop()
        finally:
            written = recorder.close()
        if not written:
            # left "live": the next start closes it where its record ends
            raise recorder.last_error or StoreError("unwritable", self.calls.store.path,
                                                    "the end of the call was not stored")
        self.calls.finish(self.call_id, duration, recorder.peak, recorder.final, live.info)
        return self.calls.summary(self.call_id)

    @property
    def info(self) -> CallInfo:
        return self.live.info if self.live is not None else CallInfo()
