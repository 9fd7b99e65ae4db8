"""The "Audio and speech" page of the settings: the caller's audio, the agent's microphone (each
with a live level meter while the page shows), and the speech model.

Devices and models are listed when the page first shows (listing runs pactl and re-initialises
PortAudio). The meters read DevicePreviews at 20 Hz; previews run only while the page is
visible and stop when it hides or ``stop()`` is called, so no thread outlives the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.audio import DeviceInfo, list_devices
from desk.audio.convert import LEFT_AGENT_RIGHT_CALLER, LEFT_CALLER_RIGHT_AGENT, MIX
from desk.audio.devices import INPUT
from desk.audio.meter import DevicePreview
from desk.events import AGENT, CALLER
from desk.sources import AudioSetup, find_device
from desk.speech import ModelError, ModelInfo, find_models, validate_model
from desk.speech.models import zip_info
from ui.level_meter import LevelMeterWidget

SETTINGS_KEY = "audio/setup"
POLL_MS = 50  # 20 Hz
HINT_STYLE = "color: #616161;"
WARN_STYLE = "color: #b3261e;"


class AudioSettingsWidget(QWidget):
    """``devices_fn``/``models_fn`` list what this computer has (desk.audio.list_devices and
    desk.speech.find_models by default)."""

    def __init__(self, parent: QWidget | None = None,
                 devices_fn: Callable[[], list[DeviceInfo]] = list_devices,
                 models_fn: Callable[[], list[ModelInfo]] = find_models) -> None:
        super().__init__(parent)
        self._devices_fn = devices_fn
        self._models_fn = models_fn
        self.devices: list[DeviceInfo] = []
        self.models: list[ModelInfo] = []
        self.previews: dict[str, DevicePreview] = {}
        self._setup = AudioSetup()
        self._listed = False
        self._warned: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._on_tick)
        self._filling = True  # no reactions while the combos are made
        self._build()
        self._filling = False

    # -- building ---------------------------------------------------------------
    def _build(self) -> None:
        v = QVBoxLayout(self)
        self.caller_device = self._combo("caller_device")
        self.caller_layout = self._combo("caller_layout")
        for text, name in ((self.tr("Whole device is the caller"), MIX),
                           (self.tr("Stereo adapter: left agent, right caller"),
                            LEFT_AGENT_RIGHT_CALLER),
                           (self.tr("Stereo adapter: left caller, right agent"),
                            LEFT_CALLER_RIGHT_AGENT)):
            self.caller_layout.addItem(text, name)
        self.caller_meter, self.caller_hint = self._device_group(
            v, self.tr("Caller's audio"), CALLER, self.caller_device, self.caller_layout)
        self.agent_device = self._combo("agent_device")
        self.agent_meter, self.agent_hint = self._device_group(
            v, self.tr("Your microphone (optional)"), AGENT, self.agent_device, None)

        row = QHBoxLayout()
        self.no_devices = self._note("no_devices", WARN_STYLE)
        self.refresh_button = QPushButton(self.tr("Refresh devices"))
        self.refresh_button.setObjectName("refresh_devices")
        self.refresh_button.clicked.connect(lambda: self.refresh())
        row.addWidget(self.no_devices, 1)
        row.addWidget(self.refresh_button)
        v.addLayout(row)

        speech = QGroupBox(self.tr("Speech model"))
        g = QGridLayout(speech)
        self.model = self._combo("speech_model", self._on_model_changed)
        self.browse_button = QToolButton()
        self.browse_button.setObjectName("browse_model")
        self.browse_button.setText(self.tr("Browse…"))
        self.browse_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.browse_button)
        menu.addAction(self.tr("A model folder…"), lambda: self._on_browse(False))
        menu.addAction(self.tr("A zip file…"), lambda: self._on_browse(True))
        self.browse_button.setMenu(menu)
        self.model_message = self._note("model_message")
        without = self._note("model_without", HINT_STYLE)
        without.setText(self.tr("Without a model the curve still works from the voice; there "
                                "is no transcript and steps are not ticked by themselves."))
        g.addWidget(self.model, 0, 0)
        g.addWidget(self.browse_button, 0, 1)
        g.addWidget(self.model_message, 1, 0, 1, 2)
        g.addWidget(without, 2, 0, 1, 2)
        g.setColumnStretch(0, 1)
        v.addWidget(speech)
        v.addStretch(1)

    def _device_group(self, v: QVBoxLayout, title: str, role: str, device: QComboBox,
                      layout: QComboBox | None) -> tuple[LevelMeterWidget, QLabel]:
        """A group: device combo with its meter, the caller's channel layout, a hint line."""
        group = QGroupBox(title)
        g = QGridLayout(group)
        meter = LevelMeterWidget()
        meter.setObjectName(f"{role}_meter")
        hint = self._note(f"{role}_hint")
        labels = [QLabel(self.tr("Device")), QLabel(self.tr("Channels"))]
        g.setColumnMinimumWidth(0, max(x.sizeHint().width() for x in labels))  # both groups
        g.addWidget(labels[0], 0, 0)
        g.addWidget(device, 0, 1)
        g.addWidget(meter, 0, 2)
        if layout is not None:
            g.addWidget(labels[1], 1, 0)
            g.addWidget(layout, 1, 1)
        g.addWidget(hint, 2, 1, 1, 2)
        g.setColumnStretch(1, 3)
        g.setColumnStretch(2, 1)
        v.addWidget(group)
        return meter, hint

    def _combo(self, name: str, slot: Callable[[], None] | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        react = slot or self._on_choice_changed
        combo.currentIndexChanged.connect(lambda _i: None if self._filling else react())
        return combo

    def _note(self, name: str, style: str = "") -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        return label

    # -- settings -----------------------------------------------------------------
    def load(self, settings: QSettings) -> None:
        raw = settings.value(SETTINGS_KEY, "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else raw
        except ValueError:
            data = None
        self._setup = AudioSetup.from_dict(data)
        if self._listed:
            self._fill()
            self._restart_previews()

    def save(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_KEY, json.dumps(self.setup().to_dict(), ensure_ascii=False))

    def setup(self) -> AudioSetup:
        if not self._listed:
            return self._setup
        caller = str(self.caller_device.currentData() or "") or None
        layout = str(self.caller_layout.currentData() or MIX) if caller else MIX
        stereo = layout != MIX
        agent = None if stereo else (str(self.agent_device.currentData() or "") or None)
        return AudioSetup(caller, layout, agent, str(self.model.currentData() or ""))

    def stop(self) -> None:
        """Stop the meters and close every device they opened (joins their threads)."""
        self.timer.stop()
        previews, self.previews = self.previews, {}
        for preview in previews.values():
            preview.stop()
        self.caller_meter.set_active(False)
        self.agent_meter.set_active(False)

    # -- listing ------------------------------------------------------------------
    def refresh(self) -> None:
        """List devices and models again, keeping the current choices."""
        if self._listed:
            self._setup = self.setup()
        self.stop()  # PortAudio re-initialises only while none of our streams is open
        self.devices = list(self._devices_fn())
        self.models = list(self._models_fn())
        self._listed = True
        self._fill()
        if self.isVisible():
            self._restart_previews()

    def _fill(self) -> None:
        s = self._setup
        self._filling = True
        try:
            self._list(self.caller_device, self.tr("The system's default input"),
                       sorted(self.devices, key=lambda d: d.kind == INPUT))  # monitors first
            self._select(self.caller_device, s.caller_device)
            self.caller_layout.setCurrentIndex(max(0, self.caller_layout.findData(
                s.caller_layout)))
            self._list(self.agent_device, self.tr("None"),
                       [d for d in self.devices if d.kind == INPUT])
            self._select(self.agent_device, s.agent_device)
            self.model.clear()
            self.model.addItem(self.tr("No speech model"), "")
            for m in self.models:
                self.model.addItem(self.describe_model(m), str(m.path))
            self._select(self.model, s.model_path or None)
        finally:
            self._filling = False
        self.no_devices.setText("" if self.devices else self.tr(
            "No sound device was found. Plug in a headset or check the sound settings, then "
            "press Refresh devices."))
        self._update_layout_enabled()
        self._update_hints()
        self._on_model_changed()

    def _list(self, combo: QComboBox, first: str, devices: list[DeviceInfo]) -> None:
        combo.clear()
        combo.addItem(first, "")
        for d in devices:
            combo.addItem(self.describe(d), d.name)
            combo.setItemData(combo.count() - 1, d.name, Qt.ItemDataRole.ToolTipRole)

    def _select(self, combo: QComboBox, value: str | None) -> None:
        """Select ``value``; a name that is not listed now stays chosen, marked as absent."""
        if not value:
            combo.setCurrentIndex(0)
            return
        idx = combo.findData(value)
        if idx < 0 and combo is not self.model:
            found = find_device(value, self.devices)
            idx = combo.findData(found.name) if found is not None else -1
        if idx < 0:
            text = value if combo is self.model else \
                self.tr("%1 (not connected)").replace("%1", value)
            combo.addItem(text, value)
            idx = combo.count() - 1
        combo.setCurrentIndex(idx)

    def describe(self, d: DeviceInfo) -> str:
        """A device as the agent knows it: what it is, not its technical name."""
        # pactl 16's JSON writes "(null)" for a description that is not ASCII
        text = d.description if d.description and d.description != "(null)" else d.name
        if d.kind == INPUT:
            if d.name in ("default", "sysdefault"):
                return self.tr("System default (ALSA)")
            if d.name == "pulse":
                return self.tr("Sound server (PulseAudio)")
            return text
        for prefix in ("Monitor of ", "Monitor of"):
            if text.startswith(prefix):
                text = text[len(prefix):].strip()
        return self.tr("%1 — what this computer plays").replace("%1", text)

    def describe_model(self, m: ModelInfo) -> str:
        lang = QLocale(m.lang).nativeLanguageName() if m.lang else ""
        size = m.size_bytes / 1e6
        amount = f"{size / 1000:.1f} GB" if size >= 1000 else f"{size:.0f} MB"
        return " · ".join(x for x in (m.name, lang or self.tr("language unknown"), amount))

    def _device(self, name: str | None) -> DeviceInfo | None:
        return find_device(name, self.devices) if name else None

    # -- reactions ------------------------------------------------------------------
    def _on_choice_changed(self) -> None:
        """A device or the layout was chosen: what fits, what it means, and the meters."""
        self._update_layout_enabled()
        self._update_hints()
        self._restart_previews()

    def _update_layout_enabled(self) -> None:
        name = self.caller_device.currentData()
        info = self._device(name)
        # a device not connected now keeps its layout; the default input is taken as mono
        stereo_ok = bool(name) and (info is None or info.channels >= 2)
        if not stereo_ok and self.caller_layout.currentData() != MIX:
            self.caller_layout.setCurrentIndex(self.caller_layout.findData(MIX))
        self.caller_layout.setEnabled(stereo_ok)

    def _update_hints(self) -> None:
        s = self.setup()
        info = self._device(s.caller_device)
        self.agent_device.setEnabled(not s.stereo)
        if s.stereo:
            side = self.tr("left") if s.caller_layout == LEFT_AGENT_RIGHT_CALLER else \
                self.tr("right")
            self.agent_hint.setText(self.tr("The stereo adapter already carries your voice "
                                            "(%1 side).").replace("%1", side))
        elif s.agent_device and s.agent_device == s.caller_device:
            self.agent_hint.setText(self.tr("This is the caller's device too. Choose another "
                                            "microphone, or a stereo adapter above."))
        else:
            self.agent_hint.setText(self.tr("Your own voice gets a meter too, so you can see "
                                            "your own stress during a call."))
        if info is not None and info.kind != INPUT:
            self.caller_hint.setText(self.tr("Use this when the softphone runs on this "
                                             "computer. It stays quiet until something plays."))
        elif s.caller_device is None:
            self.caller_hint.setText(self.tr("The microphone the system uses. Choose a device "
                                             "by name to be sure which one is heard."))
        else:
            self.caller_hint.setText("")
        for label in (self.caller_hint, self.agent_hint):
            label.setStyleSheet(HINT_STYLE)
        self._warned.clear()

    # -- previews --------------------------------------------------------------------
    def _restart_previews(self) -> None:
        self.stop()
        if not self.isVisible() or not self._listed or not self.devices:
            return
        s = self.setup()
        info = self._device(s.caller_device)
        channels = info.channels if info is not None else (1 if s.caller_device is None else 2)
        self.previews[CALLER] = DevicePreview(s.caller_device, s.caller_layout, channels, CALLER)
        if not s.stereo and s.agent_device and s.agent_device != s.caller_device:
            agent = self._device(s.agent_device)
            self.previews[AGENT] = DevicePreview(s.agent_device, MIX,
                                                 agent.channels if agent else 1, AGENT)
        for preview in self.previews.values():
            preview.start()
        caller_ok = self.previews[CALLER].error is None
        agent_ok = self.previews[AGENT].error is None if AGENT in self.previews else False
        self.caller_meter.set_active(caller_ok)
        self.agent_meter.set_active(caller_ok if s.stereo else agent_ok)
        self.timer.start()
        self._on_tick()

    def _on_tick(self) -> None:
        caller = self.previews.get(CALLER)
        agent = self.previews.get(AGENT) or (caller if caller is not None and AGENT in
                                             caller.meters else None)
        for meter, preview, role, hint in ((self.caller_meter, caller, CALLER, self.caller_hint),
                                           (self.agent_meter, agent, AGENT, self.agent_hint)):
            if preview is None:
                continue
            meter.set_level(*preview.level(role))
            if preview is caller and role == AGENT:  # the adapter's other side: the caller's
                meter.set_active(caller.error is None)  # hint already says what is wrong
                continue
            problem = self.problem(preview)
            if problem and hint.text() != problem:
                meter.set_active(False)
                hint.setText(problem)
                hint.setStyleSheet(WARN_STYLE)
                self._warned.add(role)
            elif not problem and role in self._warned:  # the device came back
                self._warned.discard(role)
                meter.set_active(True)
                self._update_hints()

    def problem(self, preview: DevicePreview) -> str:
        """What is wrong with a preview's device, in words ("" when nothing is)."""
        status = preview.last_status
        if preview.error is not None:
            if preview.error.code == "unsupported":
                return self.tr("This device does not have the channels this choice needs.")
            return self.tr("This device cannot be opened now. It may be unplugged or in use "
                           "by another program.")
        if status is not None and status.code in ("lost", "retrying"):
            return self.tr("The device went away. Waiting for it to come back…")
        return ""

    # -- speech model ------------------------------------------------------------------
    def _on_model_changed(self) -> None:
        path = str(self.model.currentData() or "")
        text, tip, ok = self.check_model(path)
        self.model_message.setText(text)
        self.model_message.setVisible(bool(text))
        self.model_message.setToolTip(tip)
        self.model_message.setStyleSheet(HINT_STYLE if ok else WARN_STYLE)

    def check_model(self, path: str) -> tuple[str, str, bool]:
        """(message, technical detail, usable) for a model folder or zip ("" = none)."""
        if not path:
            return "", "", True
        p = Path(path)
        try:
            info = zip_info(p) if p.is_file() else validate_model(p)
        except ModelError as exc:
            words = {
                "missing": self.tr("This model is not there any more. Choose another one or "
                                   "browse for it."),
                "unsupported": self.tr("This is another kind of model. ClearDesk needs a Vosk "
                                       "speech recognition model."),
            }.get(exc.code, self.tr("This is not a complete speech model: a file is missing or "
                                    "damaged. Download it again or choose another one."))
            return words, exc.detail, False
        if info.source == "zip":
            return self.tr("The model is complete. It is unpacked into ClearDesk's models "
                           "folder the first time it is used."), str(p), True
        return self.tr("The model is complete."), str(p), True

    def choose_model_path(self, path: str) -> None:
        """Select the model at ``path`` (a folder or zip), adding it to the list if needed."""
        if not self._listed:
            self.refresh()
        self._select(self.model, path)
        self._on_model_changed()

    def _on_browse(self, zip_file: bool) -> None:
        if zip_file:
            path = QFileDialog.getOpenFileName(self, self.tr("Choose a speech model zip"), "",
                                               self.tr("Zip files (*.zip)"))[0]
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a speech model folder"))
        if path:
            self.choose_model_path(path)

    # -- visibility -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._listed:
            self._restart_previews()
        else:
            self.refresh()  # starts the previews

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()
        super().hideEvent(event)
