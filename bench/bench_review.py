"""Call review: the calls list over many calls, and opening one two-hour call.

    python -m bench.bench_review [--calls 5000] [--runs 10]

Fills a fresh database through the app's own write path (CaseService, CallService, the
recorder's curve format): ``--calls`` calls of 3–8 minutes with a curve for both parties
(one chunk a second, 10 samples each), CLEAR step marks, traps and cues, plus one two-hour
call (with a transcript too: an utterance every 4 s, alternating parties). Then times
``ReviewService.calls()`` (the list, sorted by peak; and filtered to one agent),
``CallService.record()`` of the two-hour call (every sample decoded), the one-call view's loader
``desk.call_data.load_call()`` (arrays; contributions decoded per point on demand), and opening
the two-hour call in ``ui.call_view.CallViewWidget`` (1280×860, offscreen): from ``open_call``
to the end of the first paint of the curve and the transcript; for comparison, the same view
fed through ``CallService.record()`` and ``AgitationPlotWidget.load()`` as before.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from bench.common import Sample, measure, ms, print_machine, print_table, save_json, size
from desk.call_data import load_call
from desk.calls import CallService
from desk.cases import CaseService
from desk.events import AGENT, BANDS, CALLER, AgitationSample, Cue
from desk.models import STEP_KEYS
from desk.recorder import pack_samples
from desk.review import CallQuery, ReviewService
from desk.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AGENTS = ("ana", "bob", "li.na", "wang.fang", "zhao.min", "chen.jie")
CATEGORIES = ("delivery", "billing", "quality", "service", "refund")


def _curve_rows(store: Store, call_id: str, seconds: int, rng: random.Random) -> list[dict]:
    rows = []
    for channel, base in ((CALLER, rng.uniform(20, 60)), (AGENT, rng.uniform(10, 30))):
        score = base
        for sec in range(seconds):
            samples = []
            for i in range(10):
                score = min(100.0, max(0.0, score + rng.gauss(0, 1.5)))
                band = BANDS[min(3, int(score // 25))]
                samples.append(AgitationSample(channel, sec + i / 10, round(score, 1), band,
                                               (("loudness", score / 2),), True))
            rows.append({"id": store.clock_id(), "call_id": call_id, "channel": channel,
                         "t0": float(sec), "t1": sec + 0.9, "data": pack_samples(samples),
                         "hlc": store.clock.now(), "device": store.device})
    return rows


def _marks(store: Store, call_id: str, seconds: int, rng: random.Random) -> list[dict]:
    marks = []
    for step in STEP_KEYS:
        if rng.random() < 0.8:
            marks.append((rng.uniform(0, seconds), "step", step))
    for _ in range(rng.randint(0, 4)):
        marks.append((rng.uniform(0, seconds), "trap", "sorry_but"))
    for _ in range(rng.randint(0, 3)):
        marks.append((rng.uniform(0, seconds), "escalation", "regulator"))
    return [{"id": store.clock_id(), "call_id": call_id, "channel": AGENT, "t": t,
             "kind": k, "code": c, "text": "", "hlc": store.clock.now(), "device": store.device}
            for t, k, c in marks]


WORDS = ("我", "的", "快递", "三天", "没到", "您好", "抱歉", "马上", "帮您", "查一下", "退款",
         "order", "late", "again", "refund", "please")


def _segment_rows(store: Store, call_id: str, seconds: int, rng: random.Random) -> list[dict]:
    """An utterance every 4 s, the parties taking turns, 4–12 words with their times."""
    import json

    rows = []
    for k, start in enumerate(range(0, seconds - 4, 4)):
        words, t = [], float(start)
        for _ in range(rng.randint(4, 12)):
            words.append([rng.choice(WORDS), round(t, 2), round(t + 0.25, 2), 0.9])
            t += 0.3
        rows.append({"id": store.clock_id(), "call_id": call_id,
                     "channel": AGENT if k % 2 else CALLER, "start": float(start),
                     "end": round(t, 2), "text": " ".join(w[0] for w in words), "lang": "zh",
                     "words": json.dumps(words, ensure_ascii=False), "hlc": store.clock.now(),
                     "device": store.device})
    return rows


def make_call(store: Store, seconds: int, rng: random.Random,
              transcript: bool = False) -> str:
    cases = CaseService(store, agent=rng.choice(AGENTS))
    customer = cases.new_customer(name=f"Customer {rng.randint(1, 10**6)}")
    case = cases.new_case(customer_id=customer.id, category=rng.choice(CATEGORIES))
    calls = CallService(cases)
    call_id = calls.begin(case.id)
    curve = _curve_rows(store, call_id, seconds, rng)
    for start in range(0, len(curve), 2000):
        cases._append("call_curve", curve[start:start + 2000])
    cases._append("call_marks", _marks(store, call_id, seconds, rng))
    if transcript:
        segments = _segment_rows(store, call_id, seconds, rng)
        for start in range(0, len(segments), 2000):
            cases._append("call_segments", segments[start:start + 2000])
    peak = rng.uniform(20, 100)
    calls.finish(call_id, float(seconds), peak, rng.uniform(10, peak))
    return call_id


def open_in_view(store: Store, call_id: str, runs: int) -> tuple[float, Sample, Sample]:
    """Seconds from ``open_call`` to the end of the first paint of the curve and the
    transcript: the first time in the process, then ``runs`` more (another call opened
    between); and ``runs`` times the same through CallService.record() and the plot's
    ``load(samples)`` (what the case editor's call strip does)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from desk.comments import CommentService
    from ui.call_view import CallViewWidget

    app = QApplication.instance() or QApplication([])
    cases = CaseService(store, agent="supervisor")
    calls = CallService(cases)
    view = CallViewWidget(calls, CommentService(cases), cases)
    view.resize(1280, 860)
    view.show()
    painted: set[str] = set()

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(watched.objectName())
            return False

    watch = PaintWatch()
    for name, widget in (("curve", view.plot.plot.viewport()),
                         ("transcript", view.transcript.view.viewport())):
        widget.setObjectName(name)
        widget.installEventFilter(watch)
    other = ReviewService(store).calls(CallQuery())[-1].id

    def until_painted(start: float) -> float:
        while len(painted) < 2 and time.perf_counter() - start < 30:
            app.processEvents()
        app.processEvents()  # the paint event handed over has been drawn
        return time.perf_counter() - start

    def once(open_fn) -> float:
        view.open_call(other)
        until_painted(time.perf_counter())
        painted.clear()
        t0 = time.perf_counter()
        open_fn()
        return until_painted(t0)

    until_painted(time.perf_counter())  # the empty view
    painted.clear()
    t0 = time.perf_counter()
    view.open_call(call_id)
    first = until_painted(t0)
    new = Sample([once(lambda: view.open_call(call_id)) for _ in range(runs)])

    def old_way() -> None:
        rec = calls.record(call_id)
        view.plot.load(rec.samples, rec.marks)
        view.transcript.load(rec.segments, [m for m in rec.marks if isinstance(m, Cue)])

    old = Sample([once(old_way) for _ in range(max(3, runs // 3))])
    view.close()
    return first, new, old


def open_review(store: Store, runs: int) -> tuple[Sample, Sample, Sample]:
    """Seconds from creating the review window (every call in its default period, sorted by
    peak, the team's figures and charts) to the first paint of the calls table; then
    choosing one agent, and a search in the transcripts, each to the table's next paint."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from desk.content import load_catalog, resources_dir
    from ui.review_window import ReviewWindow

    app = QApplication.instance() or QApplication([])
    catalog = load_catalog(resources_dir())
    painted: list[bool] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = PaintWatch()

    def until_painted(start: float) -> float:
        while not painted and time.perf_counter() - start < 30:
            app.processEvents()
        return time.perf_counter() - start

    opened, agent, search = [], [], []
    for _ in range(max(3, runs // 2)):
        painted.clear()
        t0 = time.perf_counter()
        window = ReviewWindow(CaseService(store, agent="sue"), catalog, "en")
        window.table.viewport().installEventFilter(watch)
        window.show()
        opened.append(until_painted(t0))
        assert window.model.rowCount() == len(ReviewService(store).calls()), window.count.text()
        filters = window.filters
        for target, change in ((agent, lambda f=filters: f.agent.setCurrentIndex(1)),
                               (search, lambda f=filters: (f.search.setText("退款"),
                                                           f.timer.timeout.emit()))):
            painted.clear()
            t0 = time.perf_counter()
            change()
            target.append(until_painted(t0))
            window.filters.agent.setCurrentIndex(0)
            window.filters.search.clear()
            window.refresh()
        window.close()
        window.digest.wait(10)
        window.deleteLater()
        app.processEvents()
    return Sample(opened), Sample(agent), Sample(search)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-transcripts", action="store_true",
                        help="only the two-hour call has a transcript (a faster fill)")
    parser.add_argument("--no-machine", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.no_machine:
        print_machine()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-review-") as tmp:
        path = Path(tmp) / "cleardesk.db"
        store = Store(path)
        t0 = time.perf_counter()
        for _ in range(args.calls):
            make_call(store, rng.randint(180, 480), rng, transcript=not args.no_transcripts)
        long_call = make_call(store, 2 * 3600, rng, transcript=True)
        fill_s = time.perf_counter() - t0
        review = ReviewService(store)
        calls_service = CallService(CaseService(store))
        listed, rows = measure(lambda: review.calls(CallQuery(sort="peak")), args.runs)
        one_agent, _ = measure(lambda: review.calls(CallQuery(agent="ana", min_peak=60)),
                               args.runs)
        record, rec = measure(lambda: calls_service.record(long_call), max(3, args.runs // 3))
        loader, _ = measure(lambda: load_call(store, long_call), args.runs)
        view_first, view_open, view_old = open_in_view(store, long_call, args.runs)
        window_open, window_agent, window_search = open_review(store, args.runs)
        db_bytes = path.stat().st_size + Path(str(path) + "-wal").stat().st_size \
            if Path(str(path) + "-wal").exists() else path.stat().st_size
        store.close()
    print_table("Call review", ["figure", "median ms", "p95 ms", "max ms"], [
        (f"calls list, {len(rows)} calls, sorted by peak", ms(listed.median), ms(listed.p95),
         ms(listed.max)),
        ("calls list, one agent, peak ≥ 60", ms(one_agent.median), ms(one_agent.p95),
         ms(one_agent.max)),
        (f"one two-hour call: CallService.record() ({len(rec.samples)} samples, "
         f"{len(rec.segments)} lines, marks)", ms(record.median), ms(record.p95),
         ms(record.max)),
        ("the same call: load_call() (the view's loader)", ms(loader.median), ms(loader.p95),
         ms(loader.max)),
        ("the same call: open_call() to first paint", ms(view_open.median),
         ms(view_open.p95), ms(view_open.max)),
        ("  ... the first time in the process", ms(view_first), "", ""),
        ("  ... before: record() + AgitationPlotWidget.load() to first paint",
         ms(view_old.median), ms(view_old.p95), ms(view_old.max)),
        (f"review window opened on {len(rows)} calls, to the list's first paint",
         ms(window_open.median), ms(window_open.p95), ms(window_open.max)),
        ("  ... one agent chosen, to the next paint", ms(window_agent.median),
         ms(window_agent.p95), ms(window_agent.max)),
        ("  ... a search in the transcripts, to the next paint", ms(window_search.median),
         ms(window_search.p95), ms(window_search.max)),
    ], notes=["aim: the review open with 5 000 calls and a two-hour call open in the view, "
              "each in under 1 s"])
    print(f"(filled {args.calls + 1} calls in {fill_s:.0f} s; database {size(db_bytes)})")
    save_json("review", {"calls": args.calls, "fill_s": fill_s, "db_bytes": db_bytes,
                         "list": listed.values, "one_agent": one_agent.values,
                         "record_2h": record.values, "load_call_2h": loader.values,
                         "view_open_2h": view_open.values, "view_open_2h_first": view_first,
                         "view_open_2h_before": view_old.values,
                         "window_open": window_open.values, "window_agent": window_agent.values,
                         "window_search": window_search.values})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
