"""The listening pipeline, shared by live calls and ``cleardesk analyze``.

Per channel (caller, agent) a :class:`ChannelAnalyzer` takes 16 kHz mono audio and makes the
events of desk/events.py: VAD every 20 ms, frame features, the agitation scorer, the speech
recognizer fed only the stretches with speech (plus a short pre-roll; silence costs no CPU),
masking of what was heard, and the cue detector shared by both channels. A :class:`Pipeline`
holds the analyzers and hands every event to its listeners.

Threads: a live call runs each channel's ``feed`` on that channel's worker thread (one worker
per audio source) and each recognizer on a thread of its own, so the curve never waits for
vosk. Listeners are therefore called from several threads (workers, recognizers, and in a live
call the sources' watchdogs and the model loader) and must be thread-safe: the recorder and
the UI bridge only queue what they get. ``analyze`` runs it all on its caller's thread. The
cue detector, the redactor and the scorer's word list lock themselves.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from desk.agitation import (
    FRAME,
    FRAME_S,
    AgitationScorer,
    ScorerConfig,
    frame_features,
    load_config,
)
from desk.audio import RATE
from desk.audio.vad import Vad
from desk.cues import CueDetector, agent_phrases, lexical_hits, load_lexicon
from desk.events import AGENT, CALLER, Event, SourceStatus, TranscriptSegment
from desk.redact import Redactor
from desk.speech import StreamingRecognizer
from desk.speech.recognizer import RecognizerPool

log = logging.getLogger(__name__)
Listener = Callable[[Event], None]
Samples = NDArray[np.float32]

PRE_ROLL_FRAMES = 10   # 200 ms of audio before speech starts goes to the recognizer too
HANGOVER_FRAMES = 25   # 500 ms without speech ends an utterance (recognizer flushed)


class ChannelAnalyzer:
    """Everything one channel hears. Runs on that channel's worker thread."""

    def __init__(self, channel: str, config: ScorerConfig, cues: _SharedCues,
                 redactor: Redactor | None = None, vad_aggressiveness: int = 2) -> None:
        self.channel = channel
        self.scorer = AgitationScorer(channel, config)
        self.vad = Vad(vad_aggressiveness)
        self._cues = cues
        # one per call, shared by the channels: the agent asking for the security code makes
        # the caller's digits one (Redactor is thread-safe)
        self._redactor = redactor or Redactor()
        self._recognizer: StreamingRecognizer | None = None
        self.lang = ""
        self._pending = np.zeros(0, dtype=np.float32)
        self._history = np.zeros(FRAME, dtype=np.float32)
        self._frame = 0                      # index of the next frame (call time / 20 ms)
        self._pre: deque[Samples] = deque(maxlen=PRE_ROLL_FRAMES)
        self._silent_run = HANGOVER_FRAMES   # frames since speech was last heard
        self._utt_start: float | None = None
        self._voiced_end = 0.0               # call time at the end of the last voiced frame
        self._skip_rest = 0.0                # part of a frame of gap time not yet counted

    # -- set-up ---------------------------------------------------------------------------
    def set_recognizer(self, recognizer: StreamingRecognizer | None, lang: str,
                       deliver: Callable[[list[Event]], None] | None = None) -> None:
        """``deliver`` given: the recognizer runs on its own thread (a live call), so the
        curve never waits for vosk; its words, masked and with their cues, go to
        ``deliver`` from that thread. Without: words come back from feed/finish."""
        self._close_recognizer()
        if recognizer is not None and deliver is not None:
            recognizer = AsyncRecognizer(  # type: ignore[assignment]
                recognizer, lambda segs: deliver(self._segments(segs)),
                lambda t: deliver([SourceStatus(self.channel, round(t, 3), "asr_behind",
                                                f"{AsyncRecognizer.MAX_BACKLOG_S:.0f} s")]))
        self._recognizer = recognizer
        self.lang = lang

    def _close_recognizer(self) -> None:
        """Finish the recognizer (an asynchronous one's backlog first) and let it go."""
        rec = self._recognizer
        if isinstance(rec, AsyncRecognizer):
            rec.close()
            rec = rec._rec
        close = getattr(rec, "close", None)  # a StreamingRecognizer gives back its vosk one
        if close is not None:
            close()
        self._recognizer = None

    # -- audio ----------------------------------------------------------------------------
    def feed(self, samples: Samples) -> list[Event]:
        """Analyse the next stretch of audio (any length) of this channel."""
        buf = np.concatenate([self._pending, samples.astype(np.float32, copy=False)])
        n = buf.size // FRAME
        self._pending = buf[n * FRAME:]
        if n == 0:
            return []
        frames = buf[: n * FRAME]
        voiced = np.array(self.vad.frames(frames), dtype=bool)
        feats = frame_features(self._history, frames)
        self._history = frames[-FRAME:]
        events: list[Event] = list(self.scorer.add_frames(feats, voiced))
        for i in range(n):
            events += self._speech(frames[i * FRAME:(i + 1) * FRAME], bool(voiced[i]))
            self._frame += 1
        return events

    def skip(self, seconds: float) -> list[Event]:
        """The device was away for ``seconds``: the utterance ends, the clock moves on. The
        clock stays exact over many gaps: a part frame still pending is finished with silence
        (counted against the gap) and the fraction of a frame left over is carried."""
        events: list[Event] = []
        if self._pending.size:
            pad = FRAME - self._pending.size
            events += self.feed(np.zeros(pad, dtype=np.float32))
            seconds -= pad * FRAME_S / FRAME
        events += self._end_utterance()
        total = max(0.0, seconds) + self._skip_rest
        frames = int(total / FRAME_S + 1e-9)
        self._skip_rest = max(0.0, total - frames * FRAME_S)
        self.scorer.skip_frames(frames)
        self._frame += frames
        self._pre.clear()
        return events

    def finish(self) -> list[Event]:
        """The call ended: end the utterance; an asynchronous recognizer finishes its
        backlog (delivering its words) and its thread ends."""
        events = self._end_utterance()
        self._close_recognizer()
        return events

    def _speech(self, frame: Samples, voiced: bool) -> list[Event]:
        t = self._frame * FRAME_S
        events: list[Event] = []
        if voiced:
            if self._utt_start is None:            # an utterance starts: pre-roll first
                self._utt_start = t
                start = t - len(self._pre) * FRAME_S
                if self._pre:
                    events += self._recognize(np.concatenate(list(self._pre)), start)
                self._pre.clear()
            self._silent_run = 0
            self._voiced_end = t + FRAME_S
        else:
            self._silent_run += 1
        if self._utt_start is not None:
            events += self._recognize(frame, t)
            if self._silent_run >= HANGOVER_FRAMES:
                events += self._end_utterance()
        else:
            self._pre.append(frame)
        return events

    def _end_utterance(self) -> list[Event]:
        if self._utt_start is None:
            return []
        start, end = self._utt_start, self._voiced_end
        self._utt_start = None
        events: list[Event] = []
        if self._recognizer is not None:
            events += self._segments(self._recognizer.flush())
        events += self._cues.on_voice(self.channel, start, max(start, end))
        return events

    def _recognize(self, audio: Samples, t0: float) -> list[Event]:
        if self._recognizer is None:
            return []
        return self._segments(self._recognizer.accept(audio, t0))

    # -- words ----------------------------------------------------------------------------
    def _segments(self, segments: Iterable[TranscriptSegment]) -> list[Event]:
        events: list[Event] = []
        for seg in segments:
            masked = self._mask(seg)
            events.append(masked)
            if masked.final and masked.text:
                events += self._cues.on_segment(masked)
                cats = [h.category for h in lexical_hits(masked.text, self.lang)]
                if cats:
                    self.scorer.add_words(masked.end, cats)
        return events

    def _mask(self, seg: TranscriptSegment) -> TranscriptSegment:
        """Mask PII. Finals advance the redactor's context (card talk, then the code);
        partials only read it, so the repeated partials do not pile up context."""
        commit = seg.final
        if seg.words:
            tokens = self._redactor.mask_tokens([w.text for w in seg.words], self.lang,
                                                commit=commit)
            words = tuple(replace(w, text=tok) for w, tok in zip(seg.words, tokens, strict=True))
            return replace(seg, words=words, text=" ".join(tokens))
        return replace(seg, text=self._redactor.mask_text(seg.text, self.lang, commit=commit))


class AsyncRecognizer:
    """A recognizer on its own thread: ``accept``/``flush`` queue the work and return at
    once; results go to ``deliver`` on that thread, in order. ``close`` finishes the backlog
    and joins the thread.

    The backlog is bounded (MAX_BACKLOG_S of audio): when vosk cannot keep up (a big model on
    a busy machine) new audio is not recognized until it has caught up, ``on_behind`` is told
    once per episode with the call time, and the curve never waits for any of it."""

    MAX_BACKLOG_S = 20.0

    def __init__(self, recognizer: StreamingRecognizer,
                 deliver: Callable[[list[TranscriptSegment]], None],
                 on_behind: Callable[[float], None] | None = None) -> None:
        self._rec = recognizer
        self._deliver = deliver
        self._on_behind = on_behind
        self._queue: queue.SimpleQueue[tuple[Samples | None, float] | None] = queue.SimpleQueue()
        self._backlog = 0                   # samples queued, not yet recognized
        self._lock = threading.Lock()
        self._behind = False
        self.skipped_s = 0.0                # audio not recognized because of the backlog
        self._thread = threading.Thread(target=self._run, name=f"asr-{recognizer.channel}")
        self._thread.start()

    def accept(self, samples: Samples, t0: float) -> list[TranscriptSegment]:
        with self._lock:
            over = self._backlog / RATE > self.MAX_BACKLOG_S
            if not over:
                self._backlog += samples.size
            else:
                self.skipped_s += samples.size / RATE
            newly = over and not self._behind
            self._behind = over
        if newly and self._on_behind is not None:
            self._on_behind(t0)
        if not over:
            self._queue.put((samples, t0))
        return []

    def flush(self) -> list[TranscriptSegment]:
        self._queue.put((None, 0.0))
        return []

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        """Runs on the recognizer's thread."""
        while (item := self._queue.get()) is not None:
            samples, t0 = item
            try:
                segs = self._rec.flush() if samples is None else self._rec.accept(samples, t0)
                if segs:
                    self._deliver(segs)
            except Exception:
                log.exception("speech recognition failed on %s", self._rec.channel)
            finally:
                if samples is not None:
                    with self._lock:
                        self._backlog -= samples.size


class _SharedCues:
    """One cue detector for both channels (talk-over needs both). CueDetector locks itself;
    this holder only lets the language change when the model arrives (Pipeline's lock)."""

    def __init__(self, lang: str) -> None:
        self._detector = CueDetector(lang)

    def set_lang(self, lang: str) -> None:
        self._detector = CueDetector(lang)

    def on_segment(self, seg: TranscriptSegment) -> list[Event]:
        return list(self._detector.on_segment(seg))

    def on_voice(self, channel: str, start: float, end: float) -> list[Event]:
        return list(self._detector.on_voice(channel, start, end))


class Pipeline:
    """Both channels of one call. ``feed``/``skip`` of one channel must come from one thread
    (that channel's worker); listeners run on it."""

    def __init__(self, channels: Sequence[str] = (CALLER,), listeners: Sequence[Listener] = (),
                 config: ScorerConfig | None = None, partials: bool = True,
                 asynchronous: bool = False, pool: RecognizerPool | None = None) -> None:
        """``partials`` False: the recognizer returns finals only (analysis of a file).
        ``asynchronous``: each channel's recognizer runs on a thread of its own (live).
        ``pool``: where recognizers come from and go back to when the call ends (the app keeps
        one for all its calls: see RecognizerPool)."""
        self.asynchronous = asynchronous
        self.pool = pool
        cfg = config or load_config()
        self.partials = partials
        self._cues = _SharedCues("")
        redactor = Redactor()
        self.analyzers = {ch: ChannelAnalyzer(ch, cfg, self._cues, redactor) for ch in channels}
        self.listeners = list(listeners)
        self.model_name = ""
        self.model_lang = ""
        self._model_lock = threading.Lock()

    def set_model(self, model: Any, lang: str, name: str = "") -> None:
        """Recognizers for every channel from a loaded vosk model (None: acoustic only).
        Call before feeding; a live call attaches per channel with :meth:`attach_model`."""
        for ch in self.analyzers:
            self.attach_model(ch, model, lang, name)

    def attach_model(self, channel: str, model: Any, lang: str, name: str = "") -> None:
        """Give ``channel`` its recognizer. The caller's channel gets full recognition; the
        agent's gets vosk's grammar mode over the CLEAR phrases of the model's language (a
        fraction of the CPU), or none when we have no phrases for that language. Runs on
        the channel's worker thread."""
        with self._model_lock:  # two workers may attach at once
            if (self.model_name, self.model_lang) != (name, lang):
                self.model_name, self.model_lang = name, lang
                self._cues.set_lang(lang)
        rec = self.make_recognizer(model, channel, lang, self.partials, self.pool)
        self.analyzers[channel].set_recognizer(rec, lang,
                                               self.emit if self.asynchronous else None)

    @staticmethod
    def make_recognizer(model: Any, channel: str, lang: str, partials: bool = True,
                        pool: RecognizerPool | None = None) -> StreamingRecognizer | None:
        if model is None:
            return None
        if channel == AGENT:
            lexicon = load_lexicon(lang)
            phrases = agent_phrases(lang) if lexicon.agent else []
            if not phrases:
                return None
            return StreamingRecognizer(model, channel, lang, grammar=phrases, partials=partials,
                                       fillers=lexicon.grammar_fillers, pool=pool)
        return StreamingRecognizer(model, channel, lang, partials=partials, pool=pool)

    def emit(self, events: Iterable[Event]) -> None:
        """Hand events to every listener; one that raises is logged and the others (and the
        call) go on."""
        for ev in events:
            for listener in self.listeners:
                try:
                    listener(ev)
                except Exception:
                    log.exception("listener %r failed on %s", listener, type(ev).__name__)

    def feed(self, channel: str, samples: Samples) -> None:
        self.emit(self.analyzers[channel].feed(samples))

    def skip(self, channel: str, seconds: float) -> None:
        self.emit(self.analyzers[channel].skip(seconds))

    def finish(self) -> None:
        for an in self.analyzers.values():
            self.emit(an.finish())
