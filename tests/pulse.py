"""A private PulseAudio server for tests that record through the real sound path.

Use from any test module::

    from tests.pulse import NullSink, PulseServer, null_sink, pulse_server

    __all__ = ["null_sink", "pulse_server"]  # fixtures, used by name (keeps ruff's F401 quiet)

(or list ``"tests.pulse"`` in the root conftest's ``pytest_plugins``). Then

- ``pulse_server`` (session): a PulseAudio daemon of our own, in a temporary runtime folder,
  with only a unix socket and no sinks; PULSE_SERVER points this process (and every child:
  paplay, pactl, PortAudio's ALSA ``pulse`` device) at it for the session. Started once per
  process however many modules import the fixture; stopped (and the environment restored)
  when the last user is done.
- ``null_sink`` (function): a fresh null sink with a unique name, unloaded after the test.
  Record ``sink.monitor``; play into it with ``sink.play(wav)`` (paplay, returns the Popen).

PulseAudio facts worth knowing when writing such tests: a freshly loaded null sink sleeps up to
2 s before its monitor delivers the first block, and then renders everything queued meanwhile
at once, more than a capture buffer holds — audio played before the first block arrives is
partly lost (LiveSource puts a Gap(idle) for the wait). And a new playback stream into a
running sink loses its first ~90 ms; give clips a short lead-in of silence.

Also signal helpers for comparing what was recorded with what was played (``find``,
``corr``, ``active_span``) and test signals (``chirp``, ``tone``).

If pulseaudio or pactl/paplay is not installed the test FAILS (not skips): CI installs them
through scripts/test.sh, and a capability nobody tests is a capability nobody has.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

START_TIMEOUT_S = 15.0
READY_LINE = "Daemon startup complete."
_ENV_KEYS = ("PULSE_SERVER", "PULSE_CLIENTCONFIG", "PULSE_COOKIE", "PULSE_SOURCE", "PULSE_SINK",
             "PULSE_PROP", "PULSE_PROP_OVERRIDE")
_names = itertools.count(1)
_lock = threading.Lock()
_server: PulseServer | None = None
_users = 0


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: the audio tests need a real PulseAudio server. "
                    "Run scripts/test.sh (it installs pulseaudio and pulseaudio-utils), or "
                    "apt-get install pulseaudio pulseaudio-utils", pytrace=False)
    return path


class PulseServer:
    """One private pulseaudio daemon (``pulseaudio -n``: no default script, nothing from
    /etc/pulse except daemon defaults) with a socket in a temporary folder."""

    def __init__(self) -> None:
        self.exe = _tool("pulseaudio")
        self.pactl_exe = _tool("pactl")
        self.paplay_exe = _tool("paplay")
        self.dir = Path(tempfile.mkdtemp(prefix="cleardesk-pulse-"))
        self.socket = self.dir / "native"
        self.log: deque[str] = deque(maxlen=200)
        self._play_logs: dict[int, Path] = {}
        (self.dir / "home").mkdir()
        (self.dir / "runtime").mkdir(mode=0o700)
        (self.dir / "state").mkdir(mode=0o700)
        script = self.dir / "server.pa"
        script.write_text(f"load-module module-native-protocol-unix socket={self.socket} "
                          "auth-anonymous=1\n", encoding="utf-8")
        client_conf = self.dir / "client.conf"
        client_conf.write_text("autospawn = no\n", encoding="utf-8")
        self.client_env = {"PULSE_SERVER": f"unix:{self.socket}",
                           "PULSE_CLIENTCONFIG": str(client_conf),
                           "PULSE_COOKIE": str(self.dir / "cookie")}
        daemon_env = {k: v for k, v in os.environ.items() if k not in _ENV_KEYS}
        daemon_env.update(HOME=str(self.dir / "home"), XDG_RUNTIME_DIR=str(self.dir / "runtime"),
                          PULSE_RUNTIME_PATH=str(self.dir / "runtime"),
                          PULSE_STATE_PATH=str(self.dir / "state"), LC_ALL="C",
                          # No D-Bus: its autolaunch can hang start-up for many seconds.
                          DBUS_SESSION_BUS_ADDRESS=f"unix:path={self.dir / 'no-bus'}",
                          DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={self.dir / 'no-bus'}")
        daemon_env.pop("DISPLAY", None)
        self.proc = subprocess.Popen(
            [self.exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
             "--use-pid-file=no", "--system=no", "--realtime=no", "--high-priority=no",
             "--log-target=stderr", "--log-level=info", "-F", str(script)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env=daemon_env, text=True, errors="replace")
        # A daemon thread reads the log (so the daemon never blocks on a full pipe) and says
        # when the daemon is ready; it ends with the daemon (the thread-leak fixture ignores
        # daemon threads).
        self._up = False
        self._ready = threading.Event()  # set when up, or when the daemon's log ended
        self._ended = threading.Event()
        self._drainer = threading.Thread(target=self._drain, name="pulse-log", daemon=True)
        self._drainer.start()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        self._saved_env = {k: os.environ.get(k) for k in _ENV_KEYS}
        for k in _ENV_KEYS:
            os.environ.pop(k, None)
        os.environ.update(self.client_env)

    def _wait_ready(self) -> None:
        """Wait for the daemon's "startup complete" log line (no sleeping, no polling)."""
        if not self._ready.wait(START_TIMEOUT_S):
            raise RuntimeError(self._why(f"did not start within {START_TIMEOUT_S:.0f} s"))
        if self._ended.is_set() and not self._up:
            raise RuntimeError(self._why(f"exited with {self.proc.wait()}"))
        if not self.socket.exists():
            raise RuntimeError(self._why(f"has no socket at {self.socket}"))

    def _why(self, what: str) -> str:
        return f"pulseaudio {what}; its log:\n" + "\n".join(self.log)

    def _drain(self) -> None:
        stream = self.proc.stderr
        assert stream is not None
        try:
            for line in stream:
                self.log.append(line.rstrip())
                if READY_LINE in line:
                    self._up = True
                    self._ready.set()
        except (OSError, ValueError):
            pass
        finally:
            self._ended.set()
            self._ready.set()

    def env(self) -> dict[str, str]:
        """An environment for a child process that talks to this server."""
        env = {k: v for k, v in os.environ.items() if k not in _ENV_KEYS}
        env.update(self.client_env)
        return env

    def pactl(self, *args: str, check: bool = True) -> str:
        run = subprocess.run([self.pactl_exe, *args], capture_output=True, text=True,
                             env=self.env(), timeout=10, check=False)
        if check and run.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)} failed: {run.stderr.strip()}")
        return run.stdout

    def load_null_sink(self, name: str, rate: int = 48000, channels: int = 2) -> int:
        """Load a null sink; its monitor source is ``<name>.monitor``. Returns the module id."""
        out = self.pactl("load-module", "module-null-sink", f"sink_name={name}",
                         f"rate={rate}", f"channels={channels}",
                         f"sink_properties=device.description={name}")
        return int(out.strip())

    def unload_sink(self, name: str) -> None:
        """Unload the module that made sink ``name`` (the sink and its monitor vanish)."""
        for line in self.pactl("list", "short", "modules").splitlines():
            idx, _, rest = line.partition("\t")
            module, _, args = rest.partition("\t")
            if module == "module-null-sink" and f"sink_name={name}" in args.split():
                self.pactl("unload-module", idx)
                return
        raise KeyError(f"no null sink called {name!r}")

    def sources(self) -> list[str]:
        return [line.split("\t")[1] for line in
                self.pactl("list", "short", "sources").splitlines() if "\t" in line]

    def play(self, wav: Path | str, sink: str) -> subprocess.Popen[bytes]:
        """Start ``paplay --device=<sink> <wav>``; ``.wait()`` on the Popen for the end.
        Its messages go to a log file, read by ``paplay_log(popen)``."""
        log = self.dir / f"paplay-{next(_names)}.log"
        with log.open("wb") as err:
            proc = subprocess.Popen([self.paplay_exe, f"--device={sink}", str(wav)],
                                    env=self.env(), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err)
        self._play_logs[proc.pid] = log
        return proc

    def paplay_log(self, proc: subprocess.Popen[bytes]) -> str:
        log = self._play_logs.get(proc.pid)
        return log.read_text(errors="replace") if log and log.exists() else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        drainer = getattr(self, "_drainer", None)
        if drainer is not None:
            drainer.join(5)
        if self.proc.stderr is not None:
            self.proc.stderr.close()
        saved = getattr(self, "_saved_env", None)
        if saved is not None:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        shutil.rmtree(self.dir, ignore_errors=True)


@dataclass
class NullSink:
    server: PulseServer
    name: str
    rate: int
    channels: int
    loaded: bool = True

    @property
    def monitor(self) -> str:
        return f"{self.name}.monitor"

    def play(self, wav: Path | str) -> subprocess.Popen[bytes]:
        return self.server.play(wav, self.name)

    def unload(self) -> None:
        self.server.unload_sink(self.name)
        self.loaded = False

    def load(self) -> None:
        self.server.load_null_sink(self.name, self.rate, self.channels)
        self.loaded = True


def acquire_server() -> PulseServer:
    """The process's private server, started on first use (see release_server)."""
    global _server, _users
    with _lock:
        if _server is None:
            _server = PulseServer()
        _users += 1
        return _server


def release_server() -> None:
    global _server, _users
    with _lock:
        _users -= 1
        if _users == 0 and _server is not None:
            _server.stop()
            _server = None


@pytest.fixture(scope="session")
def pulse_server() -> Iterator[PulseServer]:
    server = acquire_server()
    try:
        yield server
    finally:
        release_server()


@pytest.fixture
def null_sink(pulse_server: PulseServer) -> Iterator[NullSink]:
    """A fresh 48 kHz stereo null sink ``cleardesk_test_<n>``, unloaded after the test."""
    sink = NullSink(pulse_server, f"cleardesk_test_{os.getpid()}_{next(_names)}", 48000, 2)
    sink.load()
    try:
        yield sink
    finally:
        if sink.loaded:
            sink.unload()


# --- signals: what to play, and how to compare what was recorded -------------------------

RATE = 16000


def chirp(seconds: float = 0.75, f0: float = 200.0, f1: float = 3000.0, amp: float = 0.5,
          rate: int = RATE) -> np.ndarray:
    """A rising sweep with a smooth envelope: alignment by cross-correlation is unambiguous,
    and everything stays below 4 kHz (an 8 kHz file keeps it all)."""
    t = np.arange(int(seconds * rate)) / rate
    phase = 2 * np.pi * (f0 * t + (f1 - f0) / (2 * seconds) * t * t)
    env = np.sin(np.pi * t / seconds) ** 0.5
    return (amp * env * np.sin(phase)).astype(np.float32)


def tone(freq: float, seconds: float, amp: float = 0.4, rate: int = RATE) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def corr(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of two equally long signals."""
    n = min(a.size, b.size)
    a, b = a[:n].astype(np.float64), b[:n].astype(np.float64)
    a, b = a - a.mean(), b - b.mean()
    den = np.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / den) if den > 0 else 0.0


def find(clip: np.ndarray, recording: np.ndarray) -> tuple[int, float]:
    """Where ``clip`` starts in ``recording`` (FFT cross-correlation) and the correlation of
    the clip with the aligned part of the recording."""
    n = clip.size + recording.size
    size = 1 << (n - 1).bit_length()
    xc = np.fft.irfft(np.fft.rfft(recording, size) * np.conj(np.fft.rfft(clip, size)), size)
    lags = xc[: recording.size]
    lag = int(np.argmax(lags))
    return lag, corr(clip, recording[lag: lag + clip.size])


def dominant_hz(x: np.ndarray, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float(np.argmax(spectrum) * rate / x.size)


def active_span(x: np.ndarray, rate: int = RATE, frame_ms: int = 10,
                threshold: float = 0.02) -> float:
    """Seconds between the first and the last 10 ms frame whose RMS exceeds ``threshold``."""
    step = rate * frame_ms // 1000
    frames = x[: x.size // step * step].reshape(-1, step)
    loud = np.flatnonzero(np.sqrt((frames * frames).mean(axis=1)) > threshold)
    return 0.0 if loud.size == 0 else (loud[-1] - loud[0] + 1) * frame_ms / 1000
