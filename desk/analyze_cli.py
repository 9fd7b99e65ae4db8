"""``cleardesk analyze FILE [--format json|csv] [-o OUT] [--layout ...] [--model M|--no-model]``.

Every failure a user can cause (a missing, empty, corrupt or unsupported file; a broken model)
is one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

EXIT_AUDIO = 2
EXIT_MODEL = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("analyze", parents=[common],
                       help="analyse a recording: agitation curve, transcript and cues")
    p.add_argument("file", type=Path, help="recording (WAV of any common format; FLAC, OGG)")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    p.add_argument("--layout", choices=["mix", "agent-caller", "caller-agent"], default="mix",
                   help="mix: all channels are the caller (default); agent-caller: a call "
                   "recorder's stereo file with the agent left and the caller right")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--model", help="speech model: a folder, a zip or a model's name "
                       "(default: the first one found; see `cleardesk models list`)")
    group.add_argument("--no-model", action="store_true",
                       help="acoustic only: curve without transcript or word cues")


def _err(msg: str) -> None:
    print(f"cleardesk analyze: {msg}", file=sys.stderr)


def _load_model(args: argparse.Namespace) -> tuple[Any, str, str] | int:
    """(vosk model or None, lang, name), or an exit code after printing why."""
    from desk.speech import ModelError, find_models, load_model

    if args.no_model:
        return None, "", ""
    try:
        if args.model:
            info = _resolve(args.model)
        else:
            found = find_models()
            if not found:
                _err("no speech model found, so no transcript (acoustic curve only); "
                     "install one with `cleardesk models download NAME`")
                return None, "", ""
            info = found[0]
        # on this thread (nothing else to do meanwhile); Kaldi's own error lines are caught
        # into the one-line message instead of reaching the terminal
        model, info = load_model(info, capture_native_log=True)
        return model, info.lang, info.name
    except ModelError as exc:
        _err(f"speech model: {exc.detail}")
        return EXIT_MODEL


def _resolve(spec: str) -> Any:
    """A model folder, a zip (installed into the models folder) or a found model's name."""
    from desk.speech import ModelError, find_models, validate_model
    from desk.speech.models import zip_info

    path = Path(spec).expanduser()
    if path.is_dir():
        return validate_model(path)
    if path.is_file():
        return zip_info(path)  # load_model unpacks it into the models folder
    for info in find_models():
        if spec in (info.name, info.path.name):
            return info
    raise ModelError("missing", f"no model named {spec!r}; `cleardesk models list` shows them")


def _progress() -> tuple[Callable[[float], None] | None, Callable[[], None]]:
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    # a terminal that reports no size (a bare pty) would get no bar at all
    size = shutil.get_terminal_size((80, 24))
    bar = tqdm(total=1000, unit="‰", file=sys.stderr, leave=False, ncols=min(size.columns, 100),
               nrows=size.lines,
               bar_format="{l_bar}{bar}| {elapsed}<{remaining}")

    def update(fraction: float) -> None:
        bar.update(int(fraction * 1000) - bar.n)

    return update, bar.close


def run(args: argparse.Namespace) -> int:
    from desk.analyze import analyze_file, to_csv, to_json
    from desk.audio import AudioError

    model = _load_model(args)
    if isinstance(model, int):
        return model
    vosk_model, lang, name = model
    update, done = _progress()
    try:
        result = analyze_file(args.file, layout=args.layout, model=vosk_model, model_lang=lang,
                              model_name=name, progress=update)
    except AudioError as exc:
        done()
        _err(f"{args.file}: {exc.detail}")
        return EXIT_AUDIO
    except KeyboardInterrupt:
        done()
        _err("interrupted; nothing written")
        return EXIT_INTERRUPTED
    done()
    text = to_json(result) if args.format == "json" else to_csv(result)
    try:
        if args.output:
            args.output.write_text(text, encoding="utf-8", newline="")
        else:
            _write(sys.stdout, text)
    except OSError as exc:
        _err(f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_OUTPUT
    rtf = result.duration / result.elapsed_s if result.elapsed_s else float("inf")
    print(f"cleardesk analyze: {result.duration:.1f} s of audio in {result.elapsed_s:.1f} s "
          f"({rtf:.1f}x real time)", file=sys.stderr)
    return 0


def _write(out: TextIO, text: str) -> None:
    out.write(text)
    if not text.endswith("\n"):
        out.write("\n")
    out.flush()
