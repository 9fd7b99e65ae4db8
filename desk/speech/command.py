"""``cleardesk models [list | check PATH | download [NAME] | install ZIP]``.

One line per model or per problem; errors are ``cleardesk models: <code>: <detail>`` on stderr
with exit status 1 (2 for a missing argument).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desk.speech.download import download_model, fetch_model_list, install_zip
from desk.speech.models import (
    ModelError,
    ModelInfo,
    find_models,
    models_dir,
    validate_model,
    zip_info,
)

ACTIONS = ("list", "check", "download", "install")


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"


def _line(info: ModelInfo) -> str:
    return f"{info.name}\t{info.lang or '?'}\t{info.source}\t{_size(info.size_bytes)}\t{info.path}"


def _progress(out: TextIO) -> Callable[[int, int], None]:
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = done * 100 // total if total else -1
        if pct != last[0] and (pct % 10 == 0 or done == total):
            last[0] = pct
            out.write(f"{done * 100 // total}%\n" if total else f"{done} bytes\n")
            out.flush()
    return show


def run_models(action: str, target: str | None = None,
               data_dir: str | os.PathLike[str] | None = None,
               out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one ``cleardesk models`` action; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    folder = models_dir(data_dir)
    try:
        if action == "list":
            problems: list[tuple[Path, ModelError]] = []
            for info in find_models([Path(target)] if target else (), data_override=data_dir,
                                    problems=problems):
                print(_line(info), file=out)
            for path, exc in problems:
                print(f"cleardesk models: {exc.code}: {exc.detail} ({path})", file=err)
            return 0
        if action == "check":
            if not target:
                print("cleardesk models: check needs a model folder or zip", file=err)
                return 2
            from desk.speech.loader import load_model  # imports vosk

            path = Path(target)
            if path.is_file():  # a zip: unpacked into a scratch folder, not installed
                with tempfile.TemporaryDirectory(prefix="cleardesk-check-") as scratch:
                    load_model(zip_info(path), Path(scratch), capture_native_log=True)
                print(f"ok\t{_line(zip_info(path))}", file=out)
                return 0
            _model, loaded = load_model(validate_model(path), folder, capture_native_log=True)
            print(f"ok\t{_line(loaded)}", file=out)
            return 0
        if action == "download":
            if not target:
                for remote in fetch_model_list():
                    if not remote.obsolete:
                        print(f"{remote.name}\t{remote.lang or '?'}\t{remote.kind}\t"
                              f"{_size(remote.size)}", file=out)
                return 0
            info = download_model(target, folder, progress=_progress(err))
            print(_line(info), file=out)
            return 0
        if action == "install":
            if not target:
                print("cleardesk models: install needs a zip file", file=err)
                return 2
            info = install_zip(Path(target), folder)
            print(_line(info), file=out)
            return 0
    except ModelError as exc:
        print(f"cleardesk models: {exc.code}: {exc.detail}", file=err)
        return 1
    print(f"cleardesk models: unknown action {action!r} (one of {', '.join(ACTIONS)})", file=err)
    return 2
