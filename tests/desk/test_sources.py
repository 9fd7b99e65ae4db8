"""The audio set-up as data (desk.sources) and the level meters (desk.audio.meter), the
preview through a real private PulseAudio server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from desk.audio import AudioError, DeviceInfo
from desk.audio.meter import FLOOR_DB, DevicePreview, LevelMeter, device_map, to_db
from desk.call import SourceSpec
from desk.events import AGENT, CALLER
from desk.sources import AudioSetup, find_device, specs
from tests.pulse import NullSink, null_sink, pulse_server, tone

__all__ = ["null_sink", "pulse_server"]  # fixtures, used by name

MIC = DeviceInfo("USB Headset Mono", "input", 1, 48000.0, "ALSA", "USB Headset Mono")
MONITOR = DeviceInfo("alsa_output.pci.analog-stereo.monitor", "monitor", 2, 48000.0,
                     "PulseAudio", "Monitor of Built-in Audio Analog Stereo")
ADAPTER = DeviceInfo("Call Recorder: USB Audio (hw:2,0)", "input", 2, 44100.0, "ALSA",
                     "Call Recorder: USB Audio (hw:2,0)")
PULSE_PCM = DeviceInfo("pulse", "input", 32, 44100.0, "ALSA", "pulse")
DEVICES = [MIC, MONITOR, ADAPTER, PULSE_PCM]


# -- specs ------------------------------------------------------------------------------------

def test_a_mono_microphone_is_the_caller() -> None:
    assert specs(AudioSetup(MIC.name), DEVICES) == [SourceSpec(MIC.name, {CALLER: (0,)})]


def test_a_stereo_monitor_is_mixed_from_both_channels_and_the_agent_mic_is_channel_0() -> None:
    setup = AudioSetup(MONITOR.name, "mix", MIC.name)
    assert specs(setup, DEVICES) == [SourceSpec(MONITOR.name, {CALLER: (0, 1)}),
                                     SourceSpec(MIC.name, {AGENT: (0,)})]


def test_a_32_channel_plugin_device_is_mixed_from_two_channels() -> None:
    assert specs(AudioSetup("pulse"), DEVICES)[0].channel_map == {CALLER: (0, 1)}


@pytest.mark.parametrize(("layout", "expected"), [
    ("left_agent_right_caller", {AGENT: (0,), CALLER: (1,)}),
    ("left_caller_right_agent", {CALLER: (0,), AGENT: (1,)}),
])
def test_a_stereo_adapter_carries_both_parties(layout: str, expected: dict[str, tuple[int, ...]]
                                               ) -> None:
    assert specs(AudioSetup(ADAPTER.name, layout), DEVICES) == [SourceSpec(ADAPTER.name,
                                                                           expected)]


def test_alsa_numbers_that_shifted_still_find_the_device() -> None:
    moved = DeviceInfo("Call Recorder: USB Audio (hw:3,0)", "input", 2, 44100.0, "ALSA")
    got = specs(AudioSetup(ADAPTER.name, "left_agent_right_caller"), [MIC, moved])
    assert got[0].device == moved.name


def test_the_default_input_is_taken_as_mono() -> None:
    assert specs(AudioSetup(), []) == [SourceSpec(None, {CALLER: (0,)})]


@pytest.mark.parametrize(("setup", "code"), [
    (AudioSetup("Gone Headset"), "device"),
    (AudioSetup(MONITOR.name, "mix", "Gone Headset"), "device"),
    (AudioSetup(MIC.name, "left_agent_right_caller"), "unsupported"),
    (AudioSetup(None, "left_caller_right_agent"), "unsupported"),
    (AudioSetup(ADAPTER.name, "left_agent_right_caller", MIC.name), "unsupported"),
    (AudioSetup(MIC.name, "mix", MIC.name), "unsupported"),
    (AudioSetup(MIC.name, "surround"), "unsupported"),
], ids=["missing caller", "missing agent", "mono device stereo layout",
        "default input stereo layout", "adapter plus agent mic", "same device twice",
        "unknown layout"])
def test_setups_that_cannot_work_say_why(setup: AudioSetup, code: str) -> None:
    with pytest.raises(AudioError) as info:
        specs(setup, DEVICES)
    assert info.value.code == code


def test_find_device_by_description_when_unique() -> None:
    assert find_device("Monitor of Built-in Audio Analog Stereo", DEVICES) == MONITOR
    assert find_device("nothing like it", DEVICES) is None


# -- storage ------------------------------------------------------------------------------------

def test_to_dict_from_dict_round_trip() -> None:
    setup = AudioSetup(MONITOR.name, "mix", MIC.name, "/models/vosk-model-small-cn-0.22")
    assert AudioSetup.from_dict(setup.to_dict()) == setup


@pytest.mark.parametrize("junk", [None, 3, "text", [1, 2], {}, {"caller_layout": 7},
                                  {"caller_device": 5, "agent_device": ["x"], "model_path": 1},
                                  {"caller_device": "  ", "caller_layout": "surround"}])
def test_from_dict_with_junk_gives_the_default(junk: object) -> None:
    assert AudioSetup.from_dict(junk) == AudioSetup()


def test_from_dict_keeps_what_is_good_and_drops_an_agent_next_to_an_adapter() -> None:
    got = AudioSetup.from_dict({"caller_device": ADAPTER.name, "caller_layout":
                                "left_caller_right_agent", "agent_device": MIC.name,
                                "model_path": 42, "extra": "ignored"})
    assert got == AudioSetup(ADAPTER.name, "left_caller_right_agent", None, "")


# -- LevelMeter -------------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_rms_and_peak_in_dbfs() -> None:
    meter = LevelMeter()
    meter.push(tone(1000, 0.1, amp=1.0))
    rms, peak = meter.level()
    assert rms == pytest.approx(-3.01, abs=0.05)
    assert peak == pytest.approx(0.0, abs=0.05)
    assert to_db(0.0) == FLOOR_DB and to_db(1e-9) == FLOOR_DB


def test_silence_reads_as_the_floor() -> None:
    meter = LevelMeter()
    meter.push(np.zeros(1600, np.float32))
    assert meter.level() == (FLOOR_DB, FLOOR_DB)


def test_peak_holds_then_decays_and_rms_falls_when_audio_stops() -> None:
    clock = Clock()
    meter = LevelMeter(hold_s=1.0, decay_db_per_s=20.0, clock=clock)
    meter.push(tone(440, 0.05, amp=0.5))            # peak -6 dB
    clock.now += 0.05
    meter.push(tone(440, 0.05, amp=0.05))           # -26 dB: lower, the hold stays
    rms, peak = meter.level()
    assert peak == pytest.approx(to_db(0.5), abs=0.05)
    assert rms == pytest.approx(to_db(np.sqrt((0.5 ** 2 + 0.05 ** 2) / 4)), abs=0.1)
    clock.now += 0.9
    assert meter.level()[1] == pytest.approx(to_db(0.5), abs=0.05)  # still held
    assert meter.level()[0] == FLOOR_DB              # nothing new for 0.9 s
    clock.now += 0.5                                 # 0.45 s past the hold: -9 dB lower
    assert meter.level()[1] == pytest.approx(to_db(0.5) - 9.0, abs=0.05)
    clock.now += 10
    assert meter.level()[1] == FLOOR_DB


def test_levels_measured_elsewhere_feed_the_same_hold() -> None:
    clock = Clock()
    meter = LevelMeter(clock=clock)
    meter.push_level(-20.0, -8.0)
    clock.now += 0.1
    meter.push_level(-30.0, -25.0)
    assert meter.level() == (-30.0, -8.0)


def test_a_nan_block_does_not_poison_the_meter() -> None:
    meter = LevelMeter()
    meter.push(np.array([np.nan, 0.5, -0.5], np.float32))
    rms, peak = meter.level()
    assert np.isfinite(rms) and peak == pytest.approx(to_db(0.5), abs=0.01)


def test_device_map_caps_a_mix_at_two_channels() -> None:
    assert device_map("mix", 32) == {CALLER: (0, 1)}
    assert device_map("mix", 1, AGENT) == {AGENT: (0,)}
    with pytest.raises(AudioError):
        device_map("left_agent_right_caller", 1)


# -- DevicePreview on a real (private) PulseAudio server ----------------------------------------

def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)


def test_preview_of_a_monitor_shows_a_tone_and_silence(null_sink: NullSink,
                                                      tmp_path: Path) -> None:
    wav = tmp_path / "tone.wav"
    sf.write(wav, tone(440, 4.0, amp=0.3, rate=48000), 48000)  # -13.5 dBFS RMS
    before = set(threading.enumerate())
    preview = DevicePreview(null_sink.monitor, "mix", 2)
    preview.start()
    player = None
    try:
        assert preview.error is None and preview.channel_map == {CALLER: (0, 1)}
        assert preview.last_status is not None and preview.last_status.code == "started"
        meter = preview.meters[CALLER]
        wait_for(lambda: meter.frames > 0, 10, "the monitor's first block")
        silent = preview.level()
        assert silent[0] < -60 and silent[1] < -60, silent
        player = null_sink.play(wav)
        loud: list[tuple[float, float]] = []
        wait_for(lambda: (loud.append(preview.level()), loud[-1][0] > -30)[1], 10,
                 "the tone on the meter")
        assert -20 < loud[-1][0] < -10 and -14 < loud[-1][1] < -8, loud[-1]
        assert player.wait(10) == 0
        wait_for(lambda: preview.level()[0] < -60, 5, "silence after the tone")
    finally:
        if player is not None and player.poll() is None:
            player.kill()
            player.wait()
        preview.stop()
    assert set(threading.enumerate()) - before == set()
    preview.stop()  # twice is harmless


def test_preview_of_an_adapter_measures_each_side(null_sink: NullSink, tmp_path: Path) -> None:
    wav = tmp_path / "right.wav"
    stereo = np.zeros((48000 * 4, 2), np.float32)
    stereo[:, 1] = tone(300, 4.0, amp=0.5, rate=48000)
    sf.write(wav, stereo, 48000)
    with DevicePreview(null_sink.monitor, "left_agent_right_caller", 2) as preview:
        wait_for(lambda: preview.meters[CALLER].frames > 0, 10, "the monitor's first block")
        player = null_sink.play(wav)
        try:
            wait_for(lambda: preview.level(CALLER)[0] > -20, 10, "the right side")
            assert preview.level(AGENT)[0] < -60
        finally:
            player.kill()
            player.wait()


def test_preview_of_a_missing_device_reports_the_error(pulse_server: object) -> None:
    preview = DevicePreview("no_such_sink.monitor", "mix", 2)
    preview.start()
    assert preview.error is not None and preview.error.code == "device"
    assert preview.last_status is not None and preview.last_status.code == "error"
    assert not preview.running and preview.level() == (FLOOR_DB, FLOOR_DB)
    preview.stop()


def test_preview_with_a_layout_that_does_not_fit() -> None:
    preview = DevicePreview("any", "left_caller_right_agent", 1)
    preview.start()  # opens nothing
    assert preview.error is not None and preview.error.code == "unsupported"
    preview.stop()
