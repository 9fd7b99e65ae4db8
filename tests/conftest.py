"""Suite-wide rules: Qt runs offscreen, and no test may leave a thread running."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

# Before any test creates a QApplication (none of the imports above loads Qt).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

THREAD_GRACE_S = 2.0


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a non-daemon thread behind.

    Threads that are still finishing get up to THREAD_GRACE_S in total to end (joined, not polled).
    Set up before, and torn down after, every other function-scoped fixture of the test.
    """
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + THREAD_GRACE_S
    leaked = []
    for thread in threading.enumerate():
        if thread in before or thread.daemon or thread is threading.current_thread():
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            leaked.append(thread)
    if leaked:
        names = ", ".join(f"{t.name!r} (target {getattr(t, '_target', None)!r})" for t in leaked)
        pytest.fail(f"test left {len(leaked)} thread(s) running after {THREAD_GRACE_S:.0f} s: "
                    f"{names}", pytrace=False)


@pytest.fixture(scope="session")
def _review_master(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.review_data import build

    return build(tmp_path_factory.mktemp("review-master"))


@pytest.fixture
def review_data(_review_master, tmp_path):  # type: ignore[no-untyped-def]
    """A copy of the review database filled by the real pipeline (see tests/review_data.py)."""
    from tests.review_data import copy

    return copy(_review_master, tmp_path / "review")


@pytest.fixture
def beijing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process runs in Beijing time (UTC+8) for the test: local days differ from UTC's."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (POSIX) to run the desk in another time zone")
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
