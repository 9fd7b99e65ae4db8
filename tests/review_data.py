"""A review database filled by the real pipeline: synthesised two-party calls (espeak-ng)
analysed by ``desk.analyze`` with the real vosk model and scorer, stored on cases through
``CallService.import_recording``. Built once per test session and copied per test.

Calls (started on 2026-11-16, a Monday, one hour apart):
- ``calmed``: ana, category communication; the caller calm, agitated, calm again; the agent
  apologises at 3 s and 20 s.
- ``worst``: bob, category quality; the caller calm, then agitated to the end; no apology.
- ``calm``: ana, category price; the caller calm throughout.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desk.analyze import analyze_file
from desk.calls import CallService
from desk.cases import CaseService
from desk.events import CallInfo
from desk.speech import find_models, load_model
from desk.store import Store
from tests import synth

DAY = "2026-11-16"


@dataclass(frozen=True)
class ReviewData:
    path: Path
    calls: dict[str, str]  # name -> call id
    cases: dict[str, str]  # name -> case id


def _worst_call() -> np.ndarray:
    caller = np.concatenate([synth.speech(synth.CALM, 8), synth.speech(synth.AGITATED, 18)])
    agent = np.zeros_like(caller)
    audio = np.stack([agent, caller], axis=1)
    return np.concatenate([audio, np.zeros((synth.RATE, 2), dtype=audio.dtype)])


def _calm_call() -> np.ndarray:
    caller = synth.speech(synth.CALM, 16)
    agent = np.zeros_like(caller)
    return np.stack([agent, caller], axis=1)


def build(folder: Path) -> ReviewData:
    folder.mkdir(parents=True, exist_ok=True)
    info = next(m for m in find_models() if m.lang == "ko" and m.source == "package")
    model, info = load_model(info)
    audio = {"calmed": synth.two_party_call(), "worst": _worst_call(), "calm": _calm_call()}
    plan = {"calmed": ("ana", "Wang Fang", "communication", 0),
            "worst": ("bob", "Li Lei", "quality", 1),
            "calm": ("ana", "Zhao Min", "price", 2)}
    path = folder / "review.db"
    store = Store(path)
    calls: dict[str, str] = {}
    cases: dict[str, str] = {}
    try:
        for name, (agent, customer, category, hour) in plan.items():
            wav = synth.write_wav(folder / f"{name}.wav", audio[name])
            result = analyze_file(wav, layout="agent-caller", model=model, model_lang="ko",
                                  model_name=info.name)
            svc = CaseService(store, agent=agent)
            cu = svc.new_customer(name=customer)
            case = svc.new_case(customer_id=cu.id, category=category,
                                complaint=f"{name} call")
            events = [*result.curve, *result.transcript, *result.cues]
            calls[name] = CallService(svc).import_recording(
                case.id, events, result.duration,
                CallInfo(model_name=info.name, model_lang="ko"),
                started_at=f"{DAY}T{9 + hour:02d}:00:00.000Z")
            cases[name] = case.id
    finally:
        store.close()
    return ReviewData(path, calls, cases)


def copy(data: ReviewData, folder: Path) -> ReviewData:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "review.db"
    shutil.copy2(data.path, target)
    for suffix in ("-wal", "-shm"):
        extra = data.path.with_name(data.path.name + suffix)
        if extra.exists():
            shutil.copy2(extra, target.with_name(target.name + suffix))
    return ReviewData(target, data.calls, data.cases)
