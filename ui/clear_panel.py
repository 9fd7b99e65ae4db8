"""The CLEAR panel beside the case: five steps to tick, and what to say for each.

During a call (:meth:`ClearPanelWidget.set_live`) it also shows, above the steps: warnings for
the known traps and the caller's escalation words (newest first, each for WARNING_MS), a "Do
now" box while the caller is agitated, and a quiet reminder when the agent's own voice is
stressed. Steps heard by the cue detector tick themselves and show the words that did it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.content import Catalog, Clear, Step
from desk.models import StepState
from ui.format import call_time, short_time
from ui.live_hints import (
    HIGH_BANDS,
    HOLD_MS,
    LIVE_MIN_PX,
    MAX_WARNINGS,
    WARNING_MS,
    ElidedLabelWidget,
    WarningCardWidget,
    quoted,
)


class ClearPanelWidget(QWidget):
    """Emits ``step_toggled(key, done)`` when the agent ticks a step and ``buy_time`` on request."""

    step_toggled = Signal(str, bool)
    buy_time_requested = Signal()

    def __init__(self, clear: Clear, catalog: Catalog, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clear = clear
        self.catalog = catalog
        self.lang = lang
        self.style_key = ""
        self.current = clear.steps[0].key
        self.boxes: dict[str, QCheckBox] = {}
        self.times: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.steps_group = QGroupBox(self.tr("CLEAR steps"))
        self.evidence: dict[str, ElidedLabelWidget] = {}
        self.live = False
        self.warning_ms = WARNING_MS
        self.hold_ms = HOLD_MS
        self.cards: list[WarningCardWidget] = []
        self.caller_band = ""
        self.agent_band = ""
        self._build_live(layout)
        grid = QGridLayout(self.steps_group)
        grid.setVerticalSpacing(2)
        for row, step in enumerate(clear.steps):
            box = QCheckBox(f"{step.key}  {step.name.get(lang)}")
            box.setObjectName(f"step_{step.key}")
            box.setToolTip(self.tr("Ctrl+%1 ticks this step").replace("%1", str(step.order)))
            box.clicked.connect(lambda checked, k=step.key: self._on_box_clicked(k, checked))
            show = QPushButton("›")
            show.setFixedWidth(28)
            show.setToolTip(self.tr("Show what to do and say"))
            show.clicked.connect(lambda _=False, k=step.key: self.show_step(k))
            when = QLabel("")
            when.setObjectName(f"step_time_{step.key}")
            when.setStyleSheet("color: palette(mid);")
            heard = ElidedLabelWidget()
            heard.setObjectName(f"step_heard_{step.key}")
            heard.setStyleSheet("color: #1b7a3a;")
            heard.setContentsMargins(22, 0, 0, 0)
            heard.hide()
            grid.addWidget(box, 2 * row, 0)
            grid.addWidget(when, 2 * row, 1)
            grid.addWidget(show, 2 * row, 2)
            grid.addWidget(heard, 2 * row + 1, 0, 1, 3)
            self.boxes[step.key] = box
            self.times[step.key] = when
            self.evidence[step.key] = heard
        self.steps_group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.steps_group)
        self.detail = QTextBrowser()
        self.detail.setObjectName("step_detail")
        self.detail.setMinimumHeight(1)  # the first to give way to live warnings
        self.detail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.detail.setOpenLinks(False)
        layout.addWidget(self.detail, 3)
        self.buy_button = QPushButton(self.tr("Buy time (callback promise)"))
        self.buy_button.setObjectName("buy_time")
        self.buy_button.setToolTip(self.tr("Ctrl+B — promise a callback and start a countdown"))
        self.buy_button.clicked.connect(self.buy_time_requested)
        layout.addWidget(self.buy_button)
        self.confirm = QLabel()
        self.confirm.setWordWrap(True)
        self.confirm.setObjectName("confirm_phrase")
        self.confirm.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.confirm)
        self.style_tip = QLabel()
        self.style_tip.setWordWrap(True)
        self.style_tip.setObjectName("style_tip")
        layout.addWidget(self.style_tip)
        self.refresh_texts()

    # -- state ----------------------------------------------------------------
    def set_state(self, states: dict[str, StepState]) -> None:
        """The checklist as stored; a step missing from ``states`` is not done."""
        for key, box in self.boxes.items():
            st = states.get(key, StepState(key, False))
            box.setChecked(st.done)
            self.times[key].setText(short_time(st.at) if st.done else "")
            self._show_evidence(key, st.evidence if st.done and st.source == "heard" else "")
        self._advance()

    def step_heard(self, step: str, text: str, t: float) -> None:
        """The agent was heard doing ``step`` (the core has stored it): tick it, without
        emitting step_toggled, and show the words that did it."""
        box = self.boxes.get(step)
        if box is None:
            return
        box.setChecked(True)
        self.times[step].setText(short_time(datetime.now(timezone.utc).isoformat()))
        self._show_evidence(step, text, t)
        self._advance()

    def _show_evidence(self, key: str, text: str, t: float | None = None) -> None:
        label, heard = self.evidence[key], bool(text.strip())
        label.setVisible(heard)
        label.set_full_text(self.tr("heard: %1").replace("%1", quoted(text, 200)) if heard else "")
        tip = self.tr("Ticked by itself when you were heard saying: %1").replace("%1", text)
        if t is not None:
            tip += "\n" + self.tr("At %1 in the call").replace("%1", call_time(t))
        label.setToolTip(tip if heard else "")

    def set_style(self, style_key: str) -> None:
        self.style_key = style_key
        self.refresh_texts()

    def set_enabled_for_case(self, enabled: bool) -> None:
        self.steps_group.setEnabled(enabled)
        self.buy_button.setEnabled(enabled)

    def toggle(self, key: str) -> None:
        box = self.boxes[key]
        if box.isEnabled() and self.steps_group.isEnabled():
            box.setChecked(not box.isChecked())
            self._on_box_clicked(key, box.isChecked())

    def _on_box_clicked(self, key: str, checked: bool) -> None:
        if not checked:
            self._show_evidence(key, "")
        self.show_step(key)
        self.step_toggled.emit(key, checked)

    def _advance(self) -> None:
        """Show the first step not yet done: what comes next."""
        for step in self.clear.steps:
            if not self.boxes[step.key].isChecked():
                self.show_step(step.key)
                return

    # -- text -----------------------------------------------------------------
    def show_step(self, key: str) -> None:
        self.current = key
        step = next(s for s in self.clear.steps if s.key == key)
        self.detail.setHtml(self.step_html(step))

    def step_html(self, step: Step) -> str:
        lang = self.lang

        def items(texts: object) -> str:
            return "".join(f"<li>{html.escape(t.get(lang))}</li>" for t in texts)  # type: ignore[attr-defined]

        goal, principle = self.label(self.tr("Goal")), self.label(self.tr("Principle"))
        techniques, say, avoid = self.tr("Techniques"), self.tr("Say"), self.tr("Avoid")
        return (
            f"<h3>{html.escape(step.key)} · {html.escape(step.name.get(lang))}</h3>"
            f"<p><b>{goal}</b> {html.escape(step.goal.get(lang))}</p>"
            f"<p><b>{principle}</b> {html.escape(step.principle.get(lang))}</p>"
            f"<p><b>{techniques}</b></p><ul>{items(step.techniques)}</ul>"
            f"<p><b style='color:#1b7a3a'>{say}</b></p><ul>{items(step.say)}</ul>"
            f"<p><b style='color:#b3261e'>{avoid}</b></p><ul>{items(step.avoid)}</ul>"
        )

    def label(self, text: str) -> str:
        """``text`` as a label before a value: "Goal:" in English, "目标：" in Chinese."""
        return self.tr("%1:").replace("%1", text)

    def refresh_texts(self) -> None:
        label = self.label(self.tr("Confirm understanding"))
        phrase = html.escape(self.clear.confirm_understanding.get(self.lang))
        self.confirm.setText(f"<b>{label}</b> {phrase}")
        style = next((s for s in self.catalog.styles if s.key == self.style_key), None)
        if style is None:
            self.style_tip.setText(self.tr("Choose the customer's style in the case to see "
                                           "how to talk with them."))
        else:
            self.style_tip.setText(
                f"<b>{self.label(html.escape(style.name.get(self.lang)))}</b> "
                f"{html.escape(style.strategy.get(self.lang))}")
        self.show_step(self.current)

    # -- during a call ----------------------------------------------------------------------
    def _build_live(self, layout: QVBoxLayout) -> None:
        """Warnings, "Do now" and the breathing prompt, above the steps, in an area that
        scrolls when they need more room than the steps leave (the steps never give way)."""
        self.live_area = QScrollArea()
        self.live_area.setObjectName("live_area")
        self.live_area.setWidgetResizable(True)
        self.live_area.setFrameShape(QFrame.Shape.NoFrame)
        self.live_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        self.warnings = QWidget()
        self.warnings.setObjectName("warnings")
        self.warnings_layout = QVBoxLayout(self.warnings)
        self.warnings_layout.setContentsMargins(0, 0, 0, 0)
        self.warnings_layout.setSpacing(3)
        self.do_now = QLabel()
        self.do_now.setObjectName("do_now")
        self.do_now.setTextFormat(Qt.TextFormat.RichText)
        self.do_now.setStyleSheet("#do_now { background: #fff8e1; border: 2px solid #d84315;"
                                  " border-radius: 4px; padding: 4px 6px; color: #3e2723; }")
        self.breathe = QLabel(self.tr("Breathe out slowly. Slow down and lower your voice."))
        self.breathe.setObjectName("breathe")
        self.breathe.setStyleSheet("#breathe { background: #eef4fb; color: #1f5f99;"
                                   " border-radius: 3px; padding: 2px 6px; }")
        self.breathe.setToolTip(self.tr("Your own voice sounds stressed (C: control your "
                                        "emotions)."))
        for w in (self.warnings, self.do_now, self.breathe):
            if isinstance(w, QLabel):
                w.setWordWrap(True)
            w.hide()
            box.addWidget(w)
        box.addStretch(1)
        self.live_area.setWidget(inner)
        self.live_area.hide()
        layout.addWidget(self.live_area)
        self.do_now_hold = self._hold_timer(self._on_do_now_timeout)
        self.breathe_hold = self._hold_timer(self.breathe.hide)

    def _hold_timer(self, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        timer.timeout.connect(self._fit_live)
        return timer

    def _fit_live(self) -> None:
        """Show the live area when it has something, as tall as that needs if the room left by
        the steps and the buttons allows, else scrolling."""
        content = self.live_area.widget()
        inner, outer = content.layout() if content else None, self.layout()
        shown = self.live and any(not w.isHidden() for w in (self.warnings, self.do_now,
                                                            self.breathe))
        self.live_area.setVisible(shown)
        if not shown or inner is None or outer is None:
            return
        need = inner.totalHeightForWidth(self.width())
        taken = sum(w.sizeHint().height() if not w.hasHeightForWidth()
                    else w.heightForWidth(self.width())
                    for w in (self.steps_group, self.buy_button, self.confirm, self.style_tip)
                    if not w.isHidden())
        room = self.height() - taken - 6 * max(0, outer.spacing())
        self.live_area.setFixedHeight(max(LIVE_MIN_PX, min(need, room)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_live()

    def set_live(self, live: bool) -> None:
        """Show the live-call parts (warnings, "Do now", the breathing prompt) during a call
        only; each call starts with none of them."""
        self.live = live
        self.clear_warnings()
        self.caller_band = self.agent_band = ""
        for timer in (self.do_now_hold, self.breathe_hold):
            timer.stop()
        self._on_do_now_timeout()
        self.breathe.hide()
        self._fit_live()

    def _on_do_now_timeout(self) -> None:
        self.do_now.hide()
        self.confirm.show()

    def warn(self, kind: str, code: str, text: str = "") -> None:
        """A trap, an interruption or the caller's escalation words (``text``: the words)."""
        if not self.live:
            return
        title, advice = self.warning_text(kind, code)
        for card in [c for c in self.cards if c.key == (kind, code)]:
            self._drop_card(card)  # the same warning again: shown anew, on top
        card = WarningCardWidget((kind, code), title, advice, text, kind == "escalation",
                                 self.warning_ms)
        card.expired.connect(self._drop_card)
        self.cards.insert(0, card)
        self.warnings_layout.insertWidget(0, card)
        card.show()
        while len(self.cards) > MAX_WARNINGS:
            self._drop_card(self.cards[-1])
        self.warnings.show()
        self._fit_live()
        self.live_area.verticalScrollBar().setValue(0)  # the newest, on top

    def clear_warnings(self) -> None:
        for card in list(self.cards):
            self._drop_card(card)

    def _drop_card(self, card: object) -> None:
        if not isinstance(card, WarningCardWidget) or card not in self.cards:
            return
        self.cards.remove(card)
        card.timer.stop()
        card.fade.stop()
        card.hide()
        self.warnings_layout.removeWidget(card)
        card.deleteLater()
        self.warnings.setVisible(bool(self.cards))
        self._fit_live()

    def warning_text(self, kind: str, code: str) -> tuple[str, str]:
        """(what happened, what to do instead) for a cue."""
        if kind == "escalation":
            texts = {
                "regulator": (self.tr("The caller mentioned a regulator"),
                              self.tr("Do not argue or try to talk them out of it. Take the "
                                      "complaint seriously and say what you will do now.")),
                "lawyer": (self.tr("The caller mentioned a lawyer"),
                           self.tr("Stay calm and blame no one. Say what you can do now; "
                                   "offer your supervisor if they want more.")),
                "media": (self.tr("The caller mentioned the media"),
                          self.tr("Do not plead or argue. Apologize for the situation and "
                                  "offer a concrete next step with a time.")),
                "manager": (self.tr("The caller mentioned a manager"),
                            self.tr("Say what you can do yourself first. If they still ask, "
                                    "offer a supervisor or a callback at a set time.")),
                "cancel": (self.tr("The caller mentioned cancelling"),
                           self.tr("Do not argue. Ask what would put it right for them and "
                                   "offer options.")),
            }
            return texts.get(code, (self.tr("Escalation words from the caller"),
                                    self.tr("Stay calm, listen and offer a concrete next "
                                            "step.")))
        if kind == "interruption":
            return (self.tr("The caller interrupted you"),
                    self.tr("Stop and let them finish. Then restate what you heard."))
        texts = {
            "sorry_but": (self.tr("Apology followed by “but”"),
                          self.tr("The “but” cancels the apology. Apologize for the situation, "
                                  "then say what you will do.")),
            "bare_understand": (self.tr("A bare “I understand”"),
                                self.tr("Say what you understand: “I understand you're upset "
                                        "because …”.")),
            "talk_over": (self.tr("You talked over the caller"),
                          self.tr("Stop and let them finish. Short sounds such as “mm” show "
                                  "you are listening.")),
        }
        return texts.get(code, (self.tr("Watch what you say"),
                                self.tr("Listen first, and let the caller finish.")))

    def set_caller_band(self, band: str) -> None:
        """Agitated or escalating: bring the "Do now" box forward (at once); back to calm or
        elevated: it goes after ``hold_ms``, unless the band rises again meanwhile."""
        self.caller_band = band
        if not self.live:
            return
        if band in HIGH_BANDS:
            self.do_now_hold.stop()
            self.do_now.setText(self.do_now_html(band))
            self.do_now.show()
            self.confirm.hide()  # "Do now" says it too, and the steps need the room
            self._fit_live()
        elif self.do_now.isVisible() and not self.do_now_hold.isActive():
            self.do_now_hold.start(self.hold_ms)

    def do_now_html(self, band: str) -> str:
        items = [t.get(self.lang) for t in self.clear.agitated_now]
        if band == "escalate":
            items += [self.tr("Offer a concrete next step, or a callback at a set time."),
                      self.tr("If it does not settle, consider handing over to your "
                              "supervisor.")]
        title = (self.tr("Do now: the caller is escalating") if band == "escalate"
                 else self.tr("Do now: the caller is upset"))
        lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
        return (f"<b>{html.escape(title)}</b>"
                f"<ul style='margin-left:-24px; margin-top:2px'>{lis}</ul>")

    def set_agent_band(self, band: str) -> None:
        """The agent's own stress: a quiet reminder while it is agitated or higher."""
        self.agent_band = band
        if not self.live:
            return
        if band in HIGH_BANDS:
            self.breathe_hold.stop()
            self.breathe.show()
            self._fit_live()
        elif self.breathe.isVisible() and not self.breathe_hold.isActive():
            self.breathe_hold.start(self.hold_ms)
