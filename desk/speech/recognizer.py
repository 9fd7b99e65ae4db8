"""Streaming recognition of one channel with vosk: audio in, TranscriptSegments out.

The caller (the channel's analysis worker) may feed only the voiced stretches of a call, each
with the call time of its first sample; vosk counts time only in the audio it was given, so the
recognizer keeps a map from fed samples to call time and every word gets its call time.

Not thread-safe: one recognizer belongs to one worker thread, which calls everything here.
"""

from __future__ import annotations

import bisect
import json
import logging
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from desk.events import TranscriptSegment, Word
from desk.speech.loader import import_vosk

log = logging.getLogger(__name__)

CHUNK_S = 0.1          # 100 ms: partial words ~100 ms sooner than vosk's usual 200 ms, +1 % CPU
KEEP_MAP_S = 2.0       # fed audio kept in the time map behind the newest final
CONTIGUOUS_S = 0.001   # a stretch starting this close to the last one's end continues it
UNK = "[unk]"
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]")
_warned: set[tuple[str, ...]] = set()


def _warn_once(key: tuple[str, ...], msg: str, *args: object) -> None:
    if key not in _warned:
        _warned.add(key)
        log.warning(msg, *args)


def _segment_word(model: Any, token: str) -> list[str] | None:
    """A CJK/Hangul token the vocabulary lacks, split greedily into the longest known words
    ("非常抱歉" -> ["非常", "抱歉"]); None when it cannot be."""
    out: list[str] = []
    i = 0
    while i < len(token):
        for j in range(len(token), i, -1):
            if model.vosk_model_find_word(token[i:j]) >= 0:
                out.append(token[i:j])
                i = j
                break
        else:
            return None
    return out


def grammar_words(model: Any, phrases: Iterable[str], lang: str = "",
                  fillers: Sequence[str] = ()) -> tuple[list[str], list[str], set[str]]:
    """The grammar for vosk's grammar mode: ``(grammar, dropped, garbage)``.

    Each phrase is kept when all its words are in the model's vocabulary; a CJK/Hangul word the
    vocabulary lacks is split into known words when it can be. ``[unk]`` is added when the
    model has it (speech outside the phrases then goes there, not onto a phrase); a model
    without it (the Korean test model) takes ``fillers`` instead: common short words that soak
    up other speech. ``garbage`` is what to leave out of the transcript.
    """
    grammar: list[str] = []
    dropped: list[str] = []
    for phrase in phrases:
        words: list[str] = []
        for token in phrase.split():
            if model.vosk_model_find_word(token) >= 0:
                words.append(token)
                continue
            split = _segment_word(model, token) if _CJK.search(token) else None
            if split is None:
                words = []
                break
            words += split
        if words:
            text = " ".join(words)
            if text not in grammar:
                grammar.append(text)
        elif phrase.strip():
            dropped.append(phrase)
    if dropped:
        _warn_once(("dropped", lang, *dropped), "grammar (%s): %d phrase(s) left out, words not "
                   "in the model's vocabulary: %s", lang or "?", len(dropped),
                   ", ".join(dropped[:10]))
    garbage: set[str] = set()
    if model.vosk_model_find_word(UNK) >= 0:
        garbage.add(UNK)
    else:
        phrase_words = {w for p in grammar for w in p.split()}
        garbage.update(w for w in fillers if w not in phrase_words
                       and model.vosk_model_find_word(w) >= 0)
        if not garbage:
            _warn_once(("no-unk", lang), "grammar (%s): the model has no [unk] and no fillers "
                       "were given: all speech will be heard as one of the phrases", lang or "?")
    return grammar + sorted(garbage), dropped, garbage


class RecognizerPool:
    """vosk recognizers kept for the life of a model and reused call after call.

    A full recognizer expands about 220 MB of decoding graph on first use and keeps it until it
    is freed; a new one per call costs that again (and the heap does not always shrink back),
    and decodes its first seconds at two to three times the CPU. A recognizer given back is
    Reset() and handed to the next call that asks for the same model, rate and grammar.
    Thread-safe."""

    def __init__(self) -> None:
        self._free: dict[tuple[int, float, str], list[Any]] = {}
        self._lock = threading.Lock()
        self.created = 0
        self.reused = 0

    def take(self, model: Any, rate: float, grammar: str | None) -> Any:
        key = (id(model), float(rate), grammar or "")
        with self._lock:
            free = self._free.get(key)
            if free:
                self.reused += 1
                rec = free.pop()
                rec.Reset()
                return rec
            self.created += 1
        vosk = import_vosk()
        if grammar is not None:
            return vosk.KaldiRecognizer(model, float(rate), grammar)
        return vosk.KaldiRecognizer(model, float(rate))

    def give(self, model: Any, rate: float, grammar: str | None, rec: Any) -> None:
        with self._lock:
            self._free.setdefault((id(model), float(rate), grammar or ""), []).append(rec)

    def clear(self) -> None:
        with self._lock:
            self._free.clear()


class StreamingRecognizer:
    """Recognizes one channel. ``accept`` audio as it comes, ``flush`` when the speech ends.

    ``samples``: float32 mono in [-1, 1] at ``rate``; ``t0``: call time (s) of the first sample.
    Stretches need not be contiguous: words are mapped back to the call times given (a t0
    within 1 ms of the end of the last stretch continues it; an earlier one is moved there).
    Returns partial segments (``final`` False, only when the text changed) and final ones (with
    words and their times). A partial and the final that replaces it share ``start``: the first
    word's time with ``partial_words``, else where the utterance's audio began (the first sample
    after the previous final); a final with no partial before it starts at its first word.

    ``grammar``: phrases for vosk's grammar mode (about a tenth of the CPU of full recognition;
    only these phrases are heard). ``partial_words``: give partials their words and times too
    (vosk then shows the first partial ~2.4 s into speech instead of ~1 s with the test model).
    ``partials`` False: finals only (analysis of a recording). ``fillers``: see grammar_words.
    Keep one recognizer per channel for the whole call: a new one decodes its first seconds at
    two to three times the CPU (vosk builds its decoding graph lazily, per recognizer).
    """

    def __init__(self, model: Any, channel: str, lang: str, rate: int = 16000,
                 grammar: Sequence[str] | None = None, *, partial_words: bool = False,
                 partials: bool = True, fillers: Sequence[str] = (),
                 pool: RecognizerPool | None = None) -> None:
        """``pool``: take the vosk recognizer from it (and give it back on :meth:`close`)."""
        self.channel, self.lang, self.rate = channel, lang, int(rate)
        self.grammar: list[str] | None = None
        self.dropped: list[str] = []
        self._garbage: set[str] = set()
        if grammar is not None:
            self.grammar, self.dropped, self._garbage = grammar_words(model, grammar, lang,
                                                                       fillers)
        grammar_json = (json.dumps(self.grammar, ensure_ascii=False)
                        if self.grammar is not None else None)
        self._model, self._grammar_json, self._pool = model, grammar_json, pool
        self._rec = (pool or RecognizerPool()).take(model, rate, grammar_json)
        self._rec.SetWords(True)
        self._rec.SetPartialWords(partial_words)
        self._partials = partials
        self._chunk = max(1, round(CHUNK_S * self.rate))
        self._pending: list[NDArray[np.int16]] = []
        self._pending_n = 0
        self._fed = 0                   # samples handed to vosk
        self._queued = 0                # samples accepted (fed + pending)
        self._offsets: list[int] = []   # time map: stretch i starts at fed sample _offsets[i]
        self._t0s: list[float] = []     # ... and at call time _t0s[i]
        self._end_t = float("-inf")     # call time just after the last sample accepted
        self._partial_text = ""
        self._utt_start: float | None = None
        self._utt_first_t: float | None = None  # call time of the utterance's first sample

    # -- audio -----------------------------------------------------------------------------------
    def accept(self, samples: NDArray[Any], t0: float) -> list[TranscriptSegment]:
        """Take the next stretch of audio; any length (fed to vosk in CHUNK_S chunks).
        Float samples in [-1, 1], or int16 PCM as it is (no round trip through float)."""
        x = np.asarray(samples).reshape(-1)
        if x.size == 0:
            return []
        out: list[TranscriptSegment] = []
        if t0 < self._end_t - CONTIGUOUS_S:
            log.debug("%s: t0 %.3f before the end of the last stretch %.3f; moved",
                      self.channel, t0, self._end_t)
            t0 = self._end_t
        if not self._offsets or abs(t0 - self._end_t) > CONTIGUOUS_S:  # a new stretch
            # (chunks follow the fed samples only, whatever the stretches: the same audio
            # gives the same words however it is cut up)
            self._offsets.append(self._queued)
            self._t0s.append(t0)
        if x.dtype == np.int16:
            pcm = x
        else:
            pcm = (np.clip(x.astype(np.float32, copy=False), -1.0, 1.0) * 32767.0).astype(np.int16)
        self._pending.append(pcm)
        self._pending_n += pcm.size
        self._queued += pcm.size
        self._end_t = self._time(self._queued, after=False)
        while self._pending_n >= self._chunk:
            out += self._feed(self._take(self._chunk))
        return out

    def flush(self) -> list[TranscriptSegment]:
        """The speech ended (a long silence, the end of the call): feed what is left and return
        the final segment of the utterance (if anything was heard, or a partial is shown)."""
        out: list[TranscriptSegment] = []
        if self._pending_n:
            out += self._feed(self._take(self._pending_n))
        result = json.loads(self._rec.FinalResult())
        seg = self._final(result)
        if seg is not None:
            out.append(seg)
        return out

    def close(self) -> None:
        """Done with this recognizer: its vosk recognizer goes back to the pool (if any)."""
        if self._pool is not None and self._rec is not None:
            self._pool.give(self._model, self.rate, self._grammar_json, self._rec)
        self._rec = None

    # -- internals -------------------------------------------------------------------------------
    def _take(self, n: int) -> bytes:
        buf = np.concatenate(self._pending) if len(self._pending) > 1 else self._pending[0]
        head, rest = buf[:n], buf[n:]
        self._pending = [rest] if rest.size else []
        self._pending_n = int(rest.size)
        return head.astype("<i2", copy=False).tobytes()

    def _feed(self, data: bytes) -> list[TranscriptSegment]:
        if self._utt_first_t is None:
            self._utt_first_t = self._time(self._fed, after=True)
        endpoint = self._rec.AcceptWaveform(data)
        self._fed += len(data) // 2
        if endpoint:
            seg = self._final(json.loads(self._rec.Result()))
            return [seg] if seg is not None else []
        if not self._partials:
            return []
        partial = json.loads(self._rec.PartialResult())
        words = self._words(partial.get("partial_result") or ())
        text = self._text(partial.get("partial", ""), words)
        if not text or text == self._partial_text:
            return []
        self._partial_text = text
        if self._utt_start is None:
            self._utt_start = words[0].start if words else self._utt_first_t
        start = self._utt_start if self._utt_start is not None else 0.0
        end = max(start, words[-1].end if words else self._time(self._fed, after=False))
        return [TranscriptSegment(self.channel, start, end, text, False, tuple(words), self.lang)]

    def _final(self, result: dict[str, Any]) -> TranscriptSegment | None:
        words = self._words(result.get("result") or ())
        text = self._text(result.get("text", ""), words)
        shown = bool(self._partial_text)
        start = self._utt_start
        self._partial_text, self._utt_start, self._utt_first_t = "", None, None
        self._prune()
        if not text and not shown:
            return None
        if start is None:
            start = words[0].start if words else self._time(self._fed, after=False)
        end = max(start, words[-1].end if words else self._time(self._fed, after=False))
        return TranscriptSegment(self.channel, start, end, text, True, tuple(words), self.lang)

    def _text(self, text: str, words: list[Word]) -> str:
        if self._garbage:
            return " ".join(w.text for w in words) if words else " ".join(
                t for t in text.split() if t not in self._garbage)
        return text.strip()

    def _words(self, items: Iterable[dict[str, Any]]) -> list[Word]:
        words = []
        for item in items:
            text = str(item.get("word", ""))
            if not text or text in self._garbage:
                continue
            start, end = self._span(round(float(item["start"]) * self.rate),
                                    round(float(item["end"]) * self.rate))
            words.append(Word(text, start, max(start, end), float(item.get("conf", 1.0))))
        return words

    def _span(self, first: int, last: int) -> tuple[float, float]:
        """Call times of a word at fed samples [first, last]. A word vosk placed across the
        boundary of two stretches is kept inside the one that holds most of it."""
        if len(self._offsets) > 1:
            i = max(0, bisect.bisect_right(self._offsets, first) - 1)
            j = max(0, bisect.bisect_left(self._offsets, last) - 1)
            if j > i:
                if self._offsets[i + 1] - first >= last - self._offsets[j]:
                    last = self._offsets[i + 1]
                else:
                    first = self._offsets[j]
        return self._time(first, after=True), self._time(last, after=False)

    def _time(self, sample: int, after: bool) -> float:
        """Call time of fed sample ``sample``. At a boundary between two stretches ``after``
        picks the start of the later one (a word's start), else the end of the earlier one."""
        if not self._offsets:
            return sample / self.rate
        find = bisect.bisect_right if after else bisect.bisect_left
        i = max(0, find(self._offsets, sample) - 1)
        return self._t0s[i] + (sample - self._offsets[i]) / self.rate

    def _prune(self) -> None:
        """Forget stretches that end well before the audio vosk has finished with."""
        keep_from = self._fed - round(KEEP_MAP_S * self.rate)
        drop = 0
        while drop + 1 < len(self._offsets) and self._offsets[drop + 1] <= keep_from:
            drop += 1
        if drop:
            del self._offsets[:drop]
            del self._t0s[:drop]
