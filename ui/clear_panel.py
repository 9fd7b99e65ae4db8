"""The CLEAR panel beside the case: five steps to tick, and what to say for each."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.content import Catalog, Clear, Step
from desk.models import StepState
from ui.format import short_time


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
        grid = QGridLayout(self.steps_group)
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
            grid.addWidget(box, row, 0)
            grid.addWidget(when, row, 1)
            grid.addWidget(show, row, 2)
            self.boxes[step.key] = box
            self.times[step.key] = when
        layout.addWidget(self.steps_group)
        self.detail = QTextBrowser()
        self.detail.setObjectName("step_detail")
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
        for key, st in states.items():
            self.boxes[key].setChecked(st.done)
            self.times[key].setText(short_time(st.at) if st.done else "")
        self._advance()

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
