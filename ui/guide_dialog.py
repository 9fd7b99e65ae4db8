"""The method at a glance: handling principles, the value chain, the six-step process,
customer styles, sources of dissatisfaction, and the keyboard shortcuts."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desk.content import Catalog


class GuideDialog(QDialog):
    def __init__(self, catalog: Catalog, lang: str, shortcuts: Iterable[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Method guide"))
        self.resize(720, 680)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("guide_text")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        e = html.escape
        # lupdate does not look inside f-strings: the titles are translated out here.
        shortcuts_h, principles_h, chain_h, process_h, styles_h, sources_h = (e(t) for t in (
            self.tr("Keyboard shortcuts"), self.tr("Handling principles"),
            self.tr("Complaint value chain"), self.tr("Six-step process"),
            self.tr("Customer styles"), self.tr("Sources of dissatisfaction")))
        parts = [f"<h3>{shortcuts_h}</h3><table>"]
        parts += [f"<tr><td><b>{e(keys)}</b>&nbsp;&nbsp;</td><td>{e(name)}</td></tr>"
                  for name, keys in shortcuts]
        parts.append("</table>")
        parts.append(f"<h3>{principles_h}</h3><ol>")
        parts += [f"<li><b>{e(p.name.get(lang))}</b> — {e(p.description.get(lang))}</li>"
                  for p in catalog.principles]
        parts.append(f"</ol><h3>{chain_h}</h3><ol>")
        parts += [f"<li><b>{e(s.name.get(lang))}</b> — {e(s.description.get(lang))}</li>"
                  for s in catalog.stages]
        parts.append(f"</ol><h3>{process_h}</h3><ol>")
        parts += [f"<li><b>{e(p.name.get(lang))}</b> — {e(p.description.get(lang))}</li>"
                  for p in catalog.process]
        parts.append(f"</ol><h3>{styles_h}</h3>")
        for s in catalog.styles:
            says = "".join(f"<li>“{e(x.get(lang))}”</li>" for x in s.say)
            parts.append(f"<p><b>{e(s.name.get(lang))}</b> — {e(s.signs.get(lang))}<br>"
                         f"{e(s.strategy.get(lang))}</p><ul>{says}</ul>")
        parts.append(f"<h3>{sources_h}</h3><ul>")
        parts += [f"<li><b>{e(c.name.get(lang))}</b> — {e(c.description.get(lang))}</li>"
                  for c in catalog.categories]
        parts.append("</ul>")
        self.text.setHtml("".join(parts))
