"""PulseAudio / PipeWire (pipewire-pulse) sources through ``pactl`` — Linux only.

PortAudio sees the sound server only as one ALSA device, ``pulse``; the sources behind it
(microphones, and the *monitor* of every output, which is how the caller on a softphone is
heard) are listed here and chosen by name. ``pactl -f json`` (PulseAudio ≥ 16, any
pipewire-pulse with a recent pactl) is preferred; older pactl falls back to the C-locale text
output. No library is needed; every call is a short subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Any

PACTL_TIMEOUT_S = 3.0
# Variables our own stream opening sets briefly; a pactl child must not inherit them.
_PRIVATE_ENV = ("PULSE_SOURCE", "PULSE_PROP", "PULSE_PROP_OVERRIDE", "PULSE_SINK")
_SPEC = re.compile(r"(\w+)\s+(\d+)ch\s+(\d+)Hz")


@dataclass(frozen=True)
class PulseSource:
    index: int
    name: str
    description: str
    channels: int
    rate: int
    monitor: bool


@dataclass(frozen=True)
class SourceOutput:
    """A recording stream on the server: which source it is attached to, and its properties."""

    index: int
    source: int
    properties: tuple[tuple[str, str], ...] = field(default=())

    def prop(self, key: str) -> str:
        return dict(self.properties).get(key, "")


def have_pactl() -> bool:
    return shutil.which("pactl") is not None


def _run(*args: str) -> str | None:
    """pactl's stdout, or None when pactl is missing, fails or no server answers."""
    exe = shutil.which("pactl")
    if exe is None:
        return None
    env = {k: v for k, v in os.environ.items() if k not in _PRIVATE_ENV}
    env["LC_ALL"] = "C"
    try:
        run = subprocess.run([exe, *args], capture_output=True, text=True, env=env,
                             timeout=PACTL_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 else None


def _json_list(kind: str) -> list[dict[str, Any]] | None:
    out = _run("-f", "json", "list", kind)
    if out is None:
        return None
    try:
        data = json.loads(out)
    except ValueError:
        return None
    return data if isinstance(data, list) else None


def _spec(text: str) -> tuple[int, int]:
    m = _SPEC.search(text or "")
    return (int(m.group(2)), int(m.group(3))) if m else (2, 44100)


def list_sources() -> list[PulseSource] | None:
    """The server's sources, monitors included; None when there is no server (or no pactl)."""
    data = _json_list("sources")
    if data is not None:
        sources = []
        for s in data:
            channels, rate = _spec(str(s.get("sample_specification", "")))
            props = s.get("properties") or {}
            monitor = bool(s.get("monitor_source")) or props.get("device.class") == "monitor"
            sources.append(PulseSource(int(s["index"]), str(s["name"]),
                                       str(s.get("description") or s["name"]), channels, rate,
                                       monitor))
        return sources
    blocks = _text_blocks(_run("list", "sources"), "Source #")
    if blocks is None:
        return None
    result = []
    for index, fields, props in blocks:
        channels, rate = _spec(fields.get("Sample Specification", ""))
        monitor = (fields.get("Monitor of Sink", "n/a") != "n/a"
                   or props.get("device.class") == "monitor")
        name = fields.get("Name", str(index))
        result.append(PulseSource(index, name, fields.get("Description", name), channels, rate,
                                  monitor))
    return result


def list_source_outputs() -> list[SourceOutput] | None:
    """Recording streams and the source each is attached to; None without a server."""
    data = _json_list("source-outputs")
    if data is not None:
        return [SourceOutput(int(o["index"]), int(o.get("source", -1)),
                             tuple((str(k), str(v))
                                   for k, v in (o.get("properties") or {}).items()))
                for o in data]
    blocks = _text_blocks(_run("list", "source-outputs"), "Source Output #")
    if blocks is None:
        return None
    return [SourceOutput(index, int(fields.get("Source", "-1") or -1), tuple(props.items()))
            for index, fields, props in blocks]


def find_source(name: str, sources: list[PulseSource]) -> PulseSource | None:
    """By exact name, else by description when exactly one source has it."""
    for s in sources:
        if s.name == name:
            return s
    by_description = [s for s in sources if s.description == name]
    return by_description[0] if len(by_description) == 1 else None


def _text_blocks(out: str | None, header: str
                 ) -> list[tuple[int, dict[str, str], dict[str, str]]] | None:
    """Parse ``pactl list <kind>`` (C locale): one (index, fields, properties) per object."""
    if out is None:
        return None
    blocks: list[tuple[int, dict[str, str], dict[str, str]]] = []
    fields: dict[str, str] = {}
    props: dict[str, str] = {}
    in_props = False
    for line in out.splitlines():
        if line.startswith(header):
            fields, props, in_props = {}, {}, False
            try:
                blocks.append((int(line[len(header):].strip()), fields, props))
            except ValueError:
                continue
        elif line.startswith("\t\t") and in_props and "=" in line:
            key, _, value = line.strip().partition("=")
            props[key.strip()] = value.strip().strip('"')
        elif line.startswith("\t") and not line.startswith("\t\t"):
            key, _, value = line.strip().partition(":")
            in_props = key == "Properties"
            fields[key] = value.strip()
    return blocks


class Subscription:
    """``pactl subscribe``: tells when anything about sources or recording streams changed, so
    the watchdog checks only then (plus a slow safety check) instead of polling pactl.

    Runs one pactl process and one reader thread ``cleardesk-pactl-subscribe``; close() ends
    both (joined). ``alive`` is False when pactl could not start or has exited.
    """

    def __init__(self) -> None:
        self.changed = threading.Event()
        self.changed.set()  # nothing checked yet
        self._proc: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None
        exe = shutil.which("pactl")
        if exe is None:
            return
        env = {k: v for k, v in os.environ.items() if k not in _PRIVATE_ENV}
        env["LC_ALL"] = "C"
        try:
            self._proc = subprocess.Popen([exe, "subscribe"], stdin=subprocess.DEVNULL,
                                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                          text=True, env=env)
        except OSError:
            return
        self._thread = threading.Thread(target=self._read, args=(self._proc,),
                                        name="cleardesk-pactl-subscribe")
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _read(self, proc: subprocess.Popen[str]) -> None:
        """Runs on the reader thread until pactl exits."""
        assert proc.stdout is not None
        for line in proc.stdout:
            if " source" in line or " server" in line:
                self.changed.set()
        self.changed.set()

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.terminate()
            try:
                proc.wait(PACTL_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if proc is not None and proc.stdout is not None:
            proc.stdout.close()
