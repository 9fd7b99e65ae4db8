"""The bounded hand-over between the audio callback and the analysis worker.

The PortAudio callback must never wait: ``put_nowait`` copies the block and, when the queue is
full, drops it and counts the frames. The consumer gets blocks in order, plus ``Gap`` markers
for time the source did not deliver (device lost, or blocks dropped on overflow), so it can keep
the call clock (samples counted) in step with the real call.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Gap:
    """``seconds`` of audio that never arrived. reason: ``lost`` (the device was away) or
    ``overflow`` (the consumer fell behind and blocks were dropped)."""

    seconds: float
    reason: str = "lost"


Item = np.ndarray | Gap


class BlockQueue:
    """Bounded FIFO of float32 blocks (frames, channels) and Gap markers.

    ``put_nowait`` runs on the audio callback thread; ``get`` on the consumer's thread;
    ``put_gap`` on the source's watchdog thread. Gaps do not count towards ``max_blocks``.
    Set ``rate`` (frames per second) to have dropped blocks announced as a Gap(overflow)
    before the next block that fits.
    """

    def __init__(self, max_blocks: int, rate: float | None = None) -> None:
        if max_blocks < 1:
            raise ValueError("max_blocks must be at least 1")
        self.max_blocks = max_blocks
        self.rate = rate
        self._items: deque[Item] = deque()
        self._blocks = 0
        self._cond = threading.Condition(threading.Lock())
        self._dropped = 0
        self._dropped_pending = 0  # dropped since the last Gap(overflow) was queued
        self._frames_put = 0

    @property
    def dropped_frames(self) -> int:
        """Frames dropped on overflow since the queue was made."""
        return self._dropped

    @property
    def frames_put(self) -> int:
        """Frames accepted (not dropped) since the queue was made."""
        return self._frames_put

    def put_nowait(self, frames: np.ndarray) -> bool:
        """Copy ``frames`` in; never blocks. Returns False (and counts) when it was dropped."""
        n = int(frames.shape[0])
        with self._cond:
            if self._blocks >= self.max_blocks:
                self._dropped += n
                self._dropped_pending += n
                return False
            if self._dropped_pending and self.rate:
                self._items.append(Gap(self._dropped_pending / self.rate, "overflow"))
                self._dropped_pending = 0
            self._items.append(np.array(frames, dtype=np.float32, copy=True))
            self._blocks += 1
            self._frames_put += n
            self._cond.notify()
        return True

    def put_gap(self, gap: Gap) -> None:
        """Queue a Gap marker (always accepted)."""
        with self._cond:
            self._items.append(gap)
            self._cond.notify()

    def get(self, timeout: float | None = None) -> np.ndarray | Gap | None:
        """The next item; None when nothing arrived within ``timeout`` seconds
        (``timeout`` None waits for ever, 0 does not wait)."""
        with self._cond:
            if not self._items and (timeout is None or timeout > 0):
                self._cond.wait_for(lambda: bool(self._items), timeout)
            if not self._items:
                return None
            item = self._items.popleft()
            if not isinstance(item, Gap):
                self._blocks -= 1
            return item

    def drain(self) -> list[np.ndarray | Gap]:
        """Everything queued now, in order, without waiting."""
        with self._cond:
            items = list(self._items)
            self._items.clear()
            self._blocks = 0
        return items

    def __len__(self) -> int:
        """Blocks queued (Gap markers not counted)."""
        return self._blocks

    def queued_frames(self) -> int:
        with self._cond:
            return sum(int(i.shape[0]) for i in self._items if not isinstance(i, Gap))
