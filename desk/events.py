"""Events of the listening pipeline: frozen dataclasses that cross threads and layers.

The analysis worker makes them; listeners (the recorder, ``ui/bridge.py``, ``cleardesk
analyze``) read them. Times ``t``/``start``/``end`` are seconds since the call started, on the
audio's own clock (samples counted), so a live call and the same audio analysed from a file
get the same times. Codes, never words: the UI translates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CALLER = "caller"
AGENT = "agent"
CHANNELS = (CALLER, AGENT)

BANDS = ("calm", "elevated", "agitated", "escalate")
# Cue names of an agitation sample's contributions, in the order the UI lists them.
CONTRIBUTIONS = ("loudness", "pitch", "pitch_range", "tilt", "pace", "words")


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    conf: float = 1.0


@dataclass(frozen=True)
class TranscriptSegment:
    """What the recognizer heard. ``final`` False: a partial, replaced by the next segment of
    the same channel with the same ``start``. Text is already masked (desk.redact)."""

    channel: str
    start: float
    end: float
    text: str
    final: bool
    words: tuple[Word, ...] = ()
    lang: str = ""


@dataclass(frozen=True)
class AgitationSample:
    """One point of a channel's agitation curve, 0–100, with why: each cue's share in points
    (they add up to ``score`` before smoothing; ``contributions`` are of the smoothed score)."""

    channel: str
    t: float
    score: float
    band: str
    contributions: tuple[tuple[str, float], ...] = ()
    voiced: bool = True

    def contribution(self, name: str) -> float:
        return dict(self.contributions).get(name, 0.0)


@dataclass(frozen=True)
class Cue:
    """Something worth flagging. kind: ``escalation`` (caller names a regulator, lawyer...),
    ``trap`` (agent: sorry_but, bare_understand, talk_over), ``interruption`` (caller talks over
    the agent). ``code`` names which; ``text`` is the (masked) words that fired it."""

    channel: str
    t: float
    kind: str
    code: str
    text: str = ""


@dataclass(frozen=True)
class StepHeard:
    """The agent was heard doing a CLEAR step (C L E A R); ``text`` is the words that did it."""

    channel: str
    t: float
    step: str
    code: str
    text: str = ""


@dataclass(frozen=True)
class SourceStatus:
    """State of an audio source or the speech model.

    code: started, lost, retrying, resumed, ended, overflow (``dropped`` frames so far),
    error (``detail`` says what), model_loading, model_ready, model_missing, model_invalid,
    asr_behind (speech recognition fell behind; audio is not transcribed until it catches up).
    """

    channel: str
    t: float
    code: str
    detail: str = ""
    dropped: int = 0


@dataclass(frozen=True)
class Level:
    """How loud a channel's audio is (dBFS, floor -90), about every 100 ms of a live call, so
    the agent sees the audio arrives. ``t``: seconds since the call started (wall clock)."""

    channel: str
    t: float
    rms_db: float
    peak_db: float


@dataclass(frozen=True)
class CallInfo:
    """Facts about the call recorded with it."""

    model_name: str = ""
    model_lang: str = ""
    sources: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (channel, source name)


Event = TranscriptSegment | AgitationSample | Cue | StepHeard | SourceStatus | Level
