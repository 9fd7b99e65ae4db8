"""The morning-meeting digest dialog and its one-page PDF, on the fixed data set of
tests/desk/test_digest.py (Beijing time; the digest day is Tue 2024-03-05)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from desk.analysis import Period
from desk.calls import CallService
from desk.cases import CaseService
from desk.content import Catalog, load_catalog, resources_dir
from desk.digest import Digest, build_digest
from desk.review import Viewer
from desk.store import Store
from tests.desk.test_digest import BANDS, DAY, MEETING, WEEK, FixedSet, build_fixed_set
from ui.digest_page import DigestPage
from ui.digest_view import DigestDialog, render_digest_pdf
from ui.i18n import Translations


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "cleardesk.db")
    yield store
    store.close()


@pytest.fixture
def fixed(store: Store, beijing: None, monkeypatch: pytest.MonkeyPatch) -> FixedSet:
    return build_fixed_set(store, monkeypatch)


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog(resources_dir())


@pytest.fixture
def dialog(qtbot, store: Store, catalog: Catalog) -> Iterator[DigestDialog]:
    dlg = DigestDialog(store, catalog, "en")
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    dlg.digest.wait(10)  # no digest still being made when the store closes


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    translations.install("zh_CN")
    yield translations
    translations.install("en")


def show(qtbot, dlg: DigestDialog, period: Period) -> Digest:
    """Show ``period`` as of the meeting, and wait for that digest."""
    dlg.digest.set_period(period)
    dlg.digest.refresh(now=MEETING)
    qtbot.waitUntil(lambda: dlg.digest.digest is not None
                    and dlg.digest.digest.period == period
                    and dlg.digest.digest.generated_at == "2024-03-06T01:00:00.000Z",
                    timeout=10_000)
    assert dlg.digest.digest is not None
    return dlg.digest.digest


def pdf_text(path: Path) -> tuple[int, str]:
    """(pages, text with runs of white space made one space). NFKC folds the CJK radicals
    some fonts map their glyphs to (⼆ → 二)."""
    reader = pypdf.PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    return len(reader.pages), " ".join(unicodedata.normalize("NFKC", text).split())


def test_dialog_shows_the_counts_of_the_database(qtbot, dialog: DigestDialog, store: Store,
                                                 fixed: FixedSet) -> None:
    digest = show(qtbot, dialog, DAY)
    assert digest == build_digest(store, DAY, now=MEETING, bands=BANDS)
    text = " ".join(dialog.digest.view.toPlainText().split())
    assert "Calls handled 4" in text and "New cases 4" in text and "Open cases now 4" in text
    assert "Agitation, average peak / highest 63 / 91" in text
    assert "Calmed down (agitated callers) 1 of 3 (33%)" in text
    assert "Median time to apology 0:20 (3 calls)" in text
    assert "3: “Sorry, but…” ×2, Bare “I understand” ×1" in text
    assert "4: 1 kept, 2 broken (1 late, 1 not called back), 1 cancelled" in text
    assert "1 of 2 done; 2 overdue now" in text and "3.0 average (2 ratings)" in text
    worst = f"91 88 bob Li Lei Poor communication {fixed.refs['K2']}"
    assert worst in text
    assert f"{fixed.refs['K1']} Wang Fang — due 03-05 16:00 · promise CB3" in text
    assert "Wang Fang — 2 cases in 90 days" in text
    assert "Root cause: door seal fails after SIX months" in text
    assert dialog.digest.pdf_button.isEnabled()
    # The agents of the whole team's digest can be chosen; one agent's digest follows.
    agents = [dialog.digest.agent.itemData(i) for i in range(dialog.digest.agent.count())]
    assert agents == ["", "ana", "bob"]
    dialog.digest.agent.setCurrentIndex(2)
    dialog.digest.refresh(now=MEETING)
    qtbot.waitUntil(lambda: dialog.digest.digest is not None
                    and dialog.digest.digest.agent == "bob", timeout=10_000)
    assert dialog.digest.digest.calls == 2
    assert "Agent: bob" in dialog.digest.view.toPlainText()


def test_an_agent_sees_their_own_digest(qtbot, store: Store, catalog: Catalog,
                                        fixed: FixedSet) -> None:
    dlg = DigestDialog(store, catalog, "en", viewer=Viewer("agent", "bob", "team-1"))
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        digest = show(qtbot, dlg, DAY)
        assert (digest.agent, digest.calls) == ("bob", 2)
        assert dlg.digest.agent.isHidden()  # no choosing a colleague
        assert "Agent: bob" in dlg.digest.view.toPlainText()
    finally:
        dlg.digest.wait(10)


def test_pdf_in_english(qtbot, dialog: DigestDialog, fixed: FixedSet, tmp_path: Path) -> None:
    show(qtbot, dialog, DAY)
    path = tmp_path / "digest.pdf"
    dialog.digest.export_pdf(path)
    pages, text = pdf_text(path)
    assert pages == 1
    assert pypdf.PdfReader(path).metadata.title == "Morning meeting digest"
    assert "Calls handled 4" in text
    assert f"91 88 bob Li Lei Poor communication {fixed.refs['K2']}" in text
    # The chart of new cases by source is text in the PDF: each name, then its count.
    for name, n in (("Poor communication", 2), ("Service attitude", 1),
                    ("Product or service quality", 1)):
        assert f"{name} {n}" in text


def test_pdf_in_chinese(qtbot, chinese: Translations, store: Store, fixed: FixedSet,
                        catalog: Catalog, tmp_path: Path) -> None:
    digest = build_digest(store, WEEK, now=MEETING, bands=BANDS)
    path = tmp_path / "digest-zh.pdf"
    render_digest_pdf(digest, path, catalog, "zh_CN")
    pages, text = pdf_text(path)
    assert pages == 1
    title = DigestPage(catalog, "zh_CN").title()  # as the installed catalogue words it
    assert title in text and pypdf.PdfReader(path).metadata.title == title
    for name, n in (("沟通不畅", 2), ("服务态度", 1), ("价格", 1), ("产品或服务质量", 1)):
        assert f"{name} {n}" in text
    assert "2024-03-04 周一" in text  # the period in Chinese dates
    assert f"99 10 ana Wang Fang 价格 {fixed.refs['K5']}" in text  # the worst call of the week
    assert all(fixed.refs[k] in text for k in ("K0", "K1", "K3"))  # lessons read out


def test_empty_period_says_so(qtbot, dialog: DigestDialog, fixed: FixedSet,
                              tmp_path: Path) -> None:
    digest = show(qtbot, dialog, Period.day(date(2023, 6, 1)))
    assert digest.is_empty
    text = dialog.digest.view.toPlainText()
    assert "Nothing to report for this period." in text
    assert "No calls in this period." in text and "No new cases in this period." in text
    dialog.digest.export_pdf(tmp_path / "empty.pdf")
    pages, pdf = pdf_text(tmp_path / "empty.pdf")
    assert pages == 1 and "No calls in this period." in pdf


def test_empty_database(qtbot, dialog: DigestDialog) -> None:
    """The dialog opens on yesterday and shows it, whatever the database holds."""
    qtbot.waitUntil(lambda: dialog.digest.digest is not None, timeout=10_000)
    assert dialog.digest.digest.period == Period.yesterday()
    assert "No calls in this period." in dialog.digest.view.toPlainText()


def test_refresh_button_and_a_failure_shown(qtbot, dialog: DigestDialog, store: Store) -> None:
    w = dialog.digest
    qtbot.waitUntil(lambda: w.digest is not None, timeout=10_000)
    first = w.digest
    with qtbot.waitSignal(w.ready, timeout=10_000):
        w.refresh_button.click()
    assert w.digest is not first and w.digest.period == first.period
    store.close()  # e.g. the database went away under the dialog
    with qtbot.waitSignal(w.failed, timeout=10_000) as failed:
        w.refresh_button.click()
    assert failed.args[0].startswith("The digest could not be made: ")
    assert w.status.text() == failed.args[0]
    assert not w.pdf_button.isEnabled()


def test_period_choice(qtbot, dialog: DigestDialog) -> None:
    w = dialog.digest
    today = date(2024, 3, 6)
    assert w.chosen_period(today) == DAY  # yesterday by default
    w.period.setCurrentIndex(w.period.findData("7"))
    assert w.chosen_period(today) == Period(date(2024, 2, 29), date(2024, 3, 7))
    w.period.setCurrentIndex(w.period.findData("custom"))
    w.start.setDate(QDate(2024, 3, 10))
    w.end.setDate(QDate(2024, 3, 4))  # the wrong way round: taken the right way round
    assert w.chosen_period(today) == WEEK
    assert w.start.isEnabled() and w.end.isEnabled()
    w.start.setDate(QDate(2000, 1, 1))  # far too long: its last three years
    assert w.chosen_period(today).last_day == date(2024, 3, 4)
    assert w.chosen_period(today).days == 3 * 365
    # The digest of typed dates comes once the typing stops.
    qtbot.waitUntil(lambda: w.digest is not None and w.digest.period == w.chosen_period(),
                    timeout=10_000)


def test_a_long_digest_stays_on_one_page(qtbot, store: Store, beijing: None,
                                         catalog: Catalog, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Fourteen agents, fourteen long lessons, odd characters: still one page, and the page
    says what it left out."""
    build_fixed_set(store, monkeypatch)  # also sets the services' clock to the data set's
    import desk.cases

    clock = desk.cases.now_iso
    for i in range(12):
        clock.set(f"2024-03-05T0{i % 10}:30:00Z")  # type: ignore[attr-defined]
        svc = CaseService(store, agent=f"agent-{i:02d} <&>")
        case = svc.new_case(category=("quality", "price", "expectation")[i % 3])
        calls = CallService(svc)
        calls.finish(calls.begin(case.id), 60.0, 40.0 + i, 20.0)
        svc.update_case(case.id, root_cause=f"原因 {i} " + "很长的说明，" * 80,
                        prevention=f"措施 {i} \x00\u202e" + "long text " * 60)
    digest = build_digest(store, DAY, now=MEETING, bands=BANDS)
    assert (len(digest.agents), digest.analysis.lessons_total) == (14, 14)
    path = tmp_path / "long.pdf"
    render_digest_pdf(digest, path, catalog, "en")
    pages, text = pdf_text(path)
    assert pages == 1
    assert "and 6 more" in text  # agents: 8 of 14 shown
    assert "and 9 more" in text  # lessons: 5 of 14 read out
    assert "agent-00 <&>" in text  # markup in a name is text, not markup


def test_unwritable_path_raises(qtbot, store: Store, catalog: Catalog, tmp_path: Path) -> None:
    digest = build_digest(store, DAY, now=MEETING, bands=BANDS)
    with pytest.raises(OSError):
        render_digest_pdf(digest, tmp_path / "no" / "such" / "folder" / "d.pdf", catalog, "en")
