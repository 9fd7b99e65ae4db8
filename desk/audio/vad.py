"""Voice activity on 16 kHz mono float32, in 20 ms frames (webrtcvad).

``Vad.frames`` gives webrtcvad's raw decision per frame; ``Vad.voiced`` the same smoothed with
a hangover, so the short gaps between syllables and words stay speech and only real pauses are
silence. Both keep the samples of an unfinished frame for the next call: the flags do not
depend on how the audio was cut into blocks. One instance per channel, on the worker's thread.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import webrtcvad

from desk.audio.common import RATE

FRAME_MS = 20
FRAME_SAMPLES = RATE * FRAME_MS // 1000  # 320
HANGOVER_MS = 200
MIN_ONSET_MS = 40


class Hangover:
    """Streaming smoothing of per-frame flags, no look-ahead (it runs live).

    Speech starts after ``onset`` consecutive raw-voiced frames (a click is not speech; the
    onset frames themselves are reported voiced from then on, not back-dated) and lasts until
    ``hang`` consecutive unvoiced frames, so gaps shorter than ``hang`` frames inside speech
    are voiced.
    """

    def __init__(self, hang: int = HANGOVER_MS // FRAME_MS,
                 onset: int = MIN_ONSET_MS // FRAME_MS) -> None:
        self.hang = max(0, hang)
        self.onset = max(1, onset)
        self._run = 0        # consecutive raw-voiced frames
        self._silent = 0     # consecutive raw-unvoiced frames while in speech
        self._speech = False

    def push(self, flags: Sequence[bool]) -> list[bool]:
        out: list[bool] = []
        for voiced in flags:
            if voiced:
                self._run += 1
                self._silent = 0
                if self._run >= self.onset:
                    self._speech = True
            else:
                self._run = 0
                if self._speech:
                    self._silent += 1
                    if self._silent > self.hang:
                        self._speech = False
            out.append(self._speech)
        return out

    def reset(self) -> None:
        self._run = self._silent = 0
        self._speech = False


def smooth(flags: Sequence[bool], hang: int = HANGOVER_MS // FRAME_MS,
           onset: int = MIN_ONSET_MS // FRAME_MS) -> list[bool]:
    """Hangover smoothing of a whole sequence of flags (see Hangover)."""
    return Hangover(hang, onset).push(flags)


class Vad:
    """webrtcvad over float32 16 kHz mono; ``aggressiveness`` 0 (keeps most) … 3 (strictest).

    Call either ``frames`` or ``voiced`` on one instance (they share the remainder); after a
    Gap in the audio, ``reset()``.
    """

    def __init__(self, aggressiveness: int = 2, hangover_ms: int = HANGOVER_MS,
                 onset_ms: int = MIN_ONSET_MS) -> None:
        if aggressiveness not in (0, 1, 2, 3):
            raise ValueError("aggressiveness is 0, 1, 2 or 3")
        self._vad = webrtcvad.Vad(aggressiveness)
        self._rest = np.zeros(0, dtype=np.float32)
        self._smoother = Hangover(hangover_ms // FRAME_MS, onset_ms // FRAME_MS)
        self.frames_done = 0

    def frames(self, samples: np.ndarray) -> list[bool]:
        """Raw flags, one per complete 20 ms frame, in order; the remainder waits for more."""
        x = np.asarray(samples, dtype=np.float32).reshape(-1)
        if self._rest.size:
            x = np.concatenate([self._rest, x])
        n = x.size // FRAME_SAMPLES
        self._rest = x[n * FRAME_SAMPLES:].copy()
        if n == 0:
            return []
        pcm = (np.clip(x[: n * FRAME_SAMPLES], -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        step = FRAME_SAMPLES * 2
        flags = [bool(self._vad.is_speech(pcm[i * step:(i + 1) * step], RATE))
                 for i in range(n)]
        self.frames_done += n
        return flags

    def voiced(self, samples: np.ndarray) -> list[bool]:
        """Smoothed flags (hangover), one per complete 20 ms frame."""
        return self._smoother.push(self.frames(samples))

    def reset(self) -> None:
        """Forget the remainder and the smoothing state (after a Gap)."""
        self._rest = np.zeros(0, dtype=np.float32)
        self._smoother.reset()
