"""Runs the live call for the main window: the speech model kept loaded for all calls, the
session of the call that is running, and the wiring from the bridge to the call strip."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from desk.audio.common import AudioError
from desk.audio.devices import INPUT, DeviceInfo, list_devices
from desk.calls import CallService
from desk.events import BANDS
from desk.session import CallSession, SpeechModel
from desk.sources import AudioSetup, specs
from desk.store import StoreError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

HOSTILE_BAND = "agitated"  # a call that reached this band is followed by the cool-down offer
COOLDOWN_S = 60


class CallControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.calls = CallService(window.service)
        self.session: CallSession | None = None
        self.peak_band = ""
        self.store_failed = False
        window.bridge.batch.connect(self._on_batch)
        window.bridge.model_done.connect(self._on_model_done)
        self.model = SpeechModel(on_done=window.bridge.on_model_done)
        self.setup = self._read_setup()
        if self.setup.model_path:  # chosen in the settings: loaded now, in the background
            self.model.load(self.setup.model_path)

    # -- state ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.session is not None

    @property
    def case_id(self) -> str | None:
        return self.session.case_id if self.session is not None else None

    def _read_setup(self) -> AudioSetup:
        raw = self.window.settings.value("audio/setup", "")
        try:
            data = json.loads(str(raw)) if raw else {}
        except ValueError:
            data = {}
        return AudioSetup.from_dict(data)

    def settings_changed(self) -> None:
        setup = self._read_setup()
        if setup.model_path != self.setup.model_path and self.model.state != "loading":
            self.model.close()
            self.model = SpeechModel(on_done=self.window.bridge.on_model_done)
            self.model.load(setup.model_path)
        self.setup = setup
        self._show_model()

    def model_text(self) -> str:
        m = self.model
        name = m.info.name if m.info is not None else ""
        lang = m.info.lang if m.info is not None else ""
        if m.state == "ready":
            return self.tr("Speech model: %1 (%2)").replace("%1", name).replace("%2", lang)
        if m.state == "loading":
            return self.tr("Speech model %1 is loading; the curve works meanwhile.").replace(
                "%1", name)
        if m.state == "failed":
            detail = m.error.detail if m.error is not None else (
                str(m.loader.error.detail) if m.loader.error is not None else "")
            return self.tr("The speech model cannot be used (%1). The curve still works from "
                           "the voice; there is no transcript and no automatic ticks. Choose "
                           "another model in Settings.").replace("%1", detail)
        return self.tr("No speech model: the curve works from the voice alone; there is no "
                       "transcript and no automatic ticks. Add a model in Settings (Audio and "
                       "speech).")

    def _show_model(self) -> None:
        if self.running:
            self.window.call.set_model_text(self.model_text())

    def _on_model_done(self, _loader: Any) -> None:
        self._show_model()

    def rebuilt(self) -> None:
        """The window was built again (language): the call strip is new."""
        self.window.call.set_model_text(self.model_text() if self.running else "")

    # -- calls ---------------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Cases of calls cut off when the app last stopped (their calls are closed)."""
        try:
            ids = self.calls.recover()
        except (StoreError, KeyError) as exc:
            log.warning("could not close calls cut off earlier: %s", exc)
            return []
        if ids:
            self.window.statusBar().showMessage(self.tr(
                "ClearDesk stopped during a call; the call is kept up to that moment."), 15_000)
        return [self.calls.summary(i).case_id for i in ids]

    def show_case_calls(self, case_id: str | None) -> None:
        if self.running:
            return
        try:
            calls = self.calls.calls(case_id) if case_id else []
        except StoreError as exc:
            self.window.report(exc)
            calls = []
        self.window.call.show_calls(calls, self.calls.record)
        self.fit(bool(calls))

    def fit(self, showing: bool) -> None:
        """Room for the call strip: most of the middle column while a call is on screen, a
        line when the case has no call."""
        middle = self.window.middle
        total = sum(middle.sizes()) or middle.height()
        call = int(total * 0.5) if showing else self.window.call.minimumSizeHint().height()
        notes = int(total * 0.2)
        middle.setSizes([call, max(0, total - call - notes), notes])

    def _specs(self) -> list[Any]:
        devices = list_devices()
        try:
            return specs(self.setup, devices)
        except AudioError as exc:
            if exc.code != "device":
                raise
        # A device that is not plugged in now: the call starts and waits for it.
        missing = [n for n in (self.setup.caller_device, self.setup.agent_device)
                   if n and not any(d.name == n for d in devices)]
        stand_ins = [DeviceInfo(n, INPUT, 2 if self.setup.stereo else 1, 48000.0, "")
                     for n in missing]
        return specs(self.setup, [*devices, *stand_ins])

    def start(self, case_id: str) -> None:
        w = self.window
        if self.model.state == "none" and self.model.info is None:
            # none chosen: the first model found, loaded while the call already listens
            self.model.load(self.setup.model_path)
        try:
            sources = self._specs()
            session = CallSession(self.calls, case_id, sources, [w.bridge.listener],
                                  self.model, on_store_error=self._on_store_error_thread)
            session.start()
        except AudioError as exc:
            QMessageBox.warning(w, self.tr("The call cannot listen"), self.tr(
                "The audio set-up does not work: %1\n\nCheck the devices in Settings (Audio "
                "and speech). You can still take notes and tick the checklist.").replace(
                    "%1", exc.detail))
            return
        except StoreError as exc:
            w.report(exc)
            return
        self.session = session
        self.peak_band = ""
        self.store_failed = False
        w.bridge.start()
        w.call.begin_live(session.elapsed, self.model_text())
        self.fit(True)
        w.panel.set_live(True)
        w.statusBar().showMessage(self.tr("Call started."), 3000)

    def stop(self) -> None:
        session, w = self.session, self.window
        if session is None:
            return
        try:
            session.stop()
        except StoreError as exc:
            w.report(exc)
        except Exception as exc:  # the call ends on screen whatever went wrong underneath
            log.exception("ending the call failed")
            w.report(exc)
        finally:
            w.bridge.stop()  # the last events still reach the strip (session still set)
            self.session = None
            w.call.end_live()
            w.panel.set_live(False)
        if w.case_id is not None:
            w.panel.set_state(w.service.checklist(w.case_id))
        self.show_case_calls(w.case_id)
        w.list.refresh()
        if self.peak_band and BANDS.index(self.peak_band) >= BANDS.index(HOSTILE_BAND):
            self.offer_cooldown()

    def offer_cooldown(self) -> None:
        from ui.cooldown_dialog import CooldownDialog

        answer = QMessageBox.question(
            self.window, self.tr("A hard call"),
            self.tr("That was a hard call. Take a minute to breathe before the next one?"))
        if answer == QMessageBox.StandardButton.Yes:
            CooldownDialog(COOLDOWN_S, self.window).exec()

    def step_ticked(self, step: str, done: bool) -> None:
        if self.session is not None and self.session.case_id == self.window.case_id:
            self.session.mark_manual(step, done)
            if done:
                self.window.call.plot.add_step_mark(self.session.elapsed(), step)

    def close(self) -> None:
        if self.session is not None:
            self.stop_quietly()
        self.model.loader.on_done = None  # a load still running must not call a closed window
        self.model.close()

    def stop_quietly(self) -> None:
        """At quit: end the call and store it, no questions."""
        session, self.session = self.session, None
        try:
            if session is not None:
                session.stop()
        except Exception as exc:
            log.warning("ending the call at quit failed: %s", exc)
        finally:
            self.window.bridge.stop()

    # -- events -------------------------------------------------------------------------------
    def _on_batch(self, events: list[Any]) -> None:
        if self.session is None:
            return
        self.window.call.add_events(events)
        band = self.window.call.bands.get("caller", "")
        if band in BANDS and (not self.peak_band
                              or BANDS.index(band) > BANDS.index(self.peak_band)):
            self.peak_band = band
        if self.store_failed:
            self.store_failed = False
            self.window.statusBar().showMessage(self.tr(
                "The call could not be saved just now (the database is busy or the disk is "
                "full). ClearDesk keeps it and tries again every second."), 10_000)

    def _on_store_error_thread(self, _exc: StoreError) -> None:
        """Runs on the recorder's thread: only set a flag the GUI reads."""
        self.store_failed = True
