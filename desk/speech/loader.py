"""Loading a vosk model, in the background so the window shows at once.

vosk is imported here, and only when a model is loaded: importing it loads libvosk.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desk.speech.download import unpack
from desk.speech.models import ModelError, ModelInfo, models_dir, validate_model

log = logging.getLogger(__name__)

IDLE, LOADING, READY, FAILED = "idle", "loading", "ready", "failed"


def import_vosk() -> Any:
    """The vosk module, with Kaldi's LOG and WARNING lines off (-1 still prints warnings such as
    "Discarding word-ids at the end of a sentence" during recognition). Kaldi's and OpenFst's ERROR
    lines still reach stderr when a damaged model fails to load; our ModelError says why."""
    import vosk

    vosk.SetLogLevel(-2)
    return vosk


@contextlib.contextmanager
def _native_stderr(capture: bool) -> Iterator[list[str]]:
    """With ``capture``, what native code (Kaldi, OpenFst) writes to fd 2 meanwhile is caught
    into the yielded list instead of the terminal. Process-wide: only for the command line."""
    lines: list[str] = []
    if not capture:
        yield lines
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), 2)
        try:
            yield lines
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            tmp.seek(0)
            lines += tmp.read().decode("utf-8", "replace").splitlines()


def _kaldi_reason(lines: list[str]) -> str:
    """The first ERROR of Kaldi/OpenFst, without its source location."""
    for line in lines:
        if "ERROR" in line:
            return " ".join(re.sub(r"^ERROR\s*(?:\(.*?:\d+\))?:?", "", line).split())
    return ""


def load_model(info: ModelInfo, models_folder: Path | None = None,
               capture_native_log: bool = False) -> tuple[Any, ModelInfo]:
    """Load ``info`` with vosk (blocking, ~2 s for a small model): unpack a zip into
    ``models_folder`` (default: the app's models folder), validate the layout, load, and make
    one recognizer (vosk reads some graph files only then). Returns the vosk Model and the info
    of the folder it came from. Raises ModelError (missing / invalid / unsupported).
    ``capture_native_log``: keep Kaldi's error lines off stderr and put the first into the
    error's detail (redirects fd 2 of the whole process meanwhile: for the command line)."""
    folder_info = unpack(info, models_folder or models_dir())
    checked = validate_model(folder_info.path)
    vosk = import_vosk()
    with _native_stderr(capture_native_log) as lines:
        try:
            model = vosk.Model(str(checked.path))
        except Exception:  # vosk raises a bare Exception("Failed to create a model")
            model = None
        try:
            ok = model is not None and vosk.KaldiRecognizer(model, 16000.0) is not None
        except Exception:
            ok = False
    if model is None:
        why = _kaldi_reason(lines) or "a model file is damaged or incomplete"
        raise ModelError("invalid", f"vosk could not load {checked.path}: {why}")
    if not ok:
        why = _kaldi_reason(lines) or "the graph (graph/HCLG.fst or graph/HCLr.fst) is damaged"
        raise ModelError("invalid", f"vosk could not decode with {checked.path}: {why}")
    return model, folder_info


class ModelLoader:
    """Loads one model on a background thread.

    ``start(info)`` returns at once; ``state`` goes loading -> ready | failed; then ``model``
    (the vosk Model) or ``error`` (ModelError) is set and ``on_done(loader)`` is called **on the
    loader thread** (a UI hands it on to its own thread). The thread is a daemon: quitting the
    app while a big model loads is not held up; ``close()`` joins it and drops the model.
    """

    def __init__(self, models_folder: Path | None = None,
                 on_done: Callable[[ModelLoader], None] | None = None) -> None:
        self.models_folder = models_folder
        self.on_done = on_done
        self.state = IDLE
        self.info: ModelInfo | None = None
        self.model: Any = None
        self.error: ModelError | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, info: ModelInfo) -> None:
        """Begin loading ``info``. Only one load at a time (RuntimeError while loading)."""
        with self._lock:
            if self.state == LOADING:
                raise RuntimeError("a model is already loading")
            self.state, self.info, self.model, self.error = LOADING, info, None, None
            self._done.clear()
            self._thread = threading.Thread(target=self._run, args=(info,), daemon=True,
                                            name=f"model-loader {info.name}")
            self._thread.start()

    def _run(self, info: ModelInfo) -> None:
        """Runs on the loader thread."""
        model: Any = None
        error: ModelError | None = None
        loaded = info
        try:
            model, loaded = load_model(info, self.models_folder)
        except ModelError as exc:
            error = exc
        except Exception as exc:  # a bug or an OS error: still a failed load, never a hang
            log.exception("loading model %s", info.path)
            error = ModelError("invalid", f"{info.path}: {exc}")
        with self._lock:
            self.model, self.error, self.info = model, error, loaded
            self.state = READY if error is None else FAILED
        self._done.set()
        if self.on_done is not None:
            try:
                self.on_done(self)
            except Exception:
                log.exception("model loader on_done callback failed")

    def wait(self, timeout: float | None = None) -> bool:
        """True when the load has finished (ready or failed) within ``timeout`` seconds;
        False on timeout or when nothing was started."""
        if self._thread is None and self.state == IDLE:
            return False
        return self._done.wait(timeout)

    def close(self, timeout: float | None = None) -> None:
        """Wait for a load in progress to end (vosk cannot be interrupted) and drop the model."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        with self._lock:
            if thread is None or not thread.is_alive():
                self._thread = None
            self.model = None
            if self.state == READY:
                self.state = IDLE
