"""Getting models onto the machine: vosk's model list, downloads, and safe unpacking of zips.

Everything here blocks (network, disk): run it off the GUI thread. Failures are ModelError with
codes ``offline`` (no network / server unreachable), ``download_failed`` (HTTP error, size or
md5 mismatch, interrupted), ``missing`` (no such model in the list), ``invalid`` (the zip or
the model in it is bad).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import shutil
import stat
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from desk.speech.models import (
    ModelError,
    ModelInfo,
    detect_lang,
    lang_from_name,
    normalize_lang,
    validate_model,
    zip_info,
    zip_model_root,
)

# The list vosk itself reads (vosk/__init__.py MODEL_LIST_URL).
MODEL_LIST_URL = "https://alphacephei.com/vosk/models/model-list.json"
ENV_MODEL_LIST_URL = "CLEARDESK_MODEL_LIST_URL"  # a mirror, e.g. inside a company network
TIMEOUT_S = 10.0
CHUNK = 1 << 16
MAX_UNPACKED_BYTES = 16 << 30  # the biggest vosk models unpack to ~4 GiB
MAX_FILES = 100_000
MAX_RATIO = 200  # compressed -> unpacked; model files compress ~2-4x

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RemoteModel:
    """An entry of vosk's model-list.json (``size`` in bytes, 0 when unknown)."""

    name: str
    lang: str
    url: str
    size: int = 0
    md5: str = ""
    kind: str = ""  # "small", "big", "big-lgraph", ...
    version: str = ""
    obsolete: bool = False


def default_list_url() -> str:
    return os.environ.get(ENV_MODEL_LIST_URL) or MODEL_LIST_URL


def _is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _open(url: str, timeout: float) -> Any:
    """urlopen honouring the environment's proxies, except for loopback addresses."""
    handlers: list[urllib.request.BaseHandler] = []
    if _is_loopback(url):
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"User-Agent": "ClearDesk"})
    try:
        return opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise ModelError("download_failed", f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError("offline", f"cannot reach {_host(url)}: {reason}") from None


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def fetch_model_list(list_url: str | None = None, timeout: float = TIMEOUT_S
                     ) -> list[RemoteModel]:
    """Vosk's model list. ModelError offline / download_failed (also for a list we cannot read)."""
    url = list_url or default_list_url()
    with _open(url, timeout) as resp:
        try:
            raw = resp.read(16 << 20)
        except OSError as exc:  # TimeoutError included
            raise ModelError("offline", f"cannot read {url}: {exc}") from None
    try:
        entries = json.loads(raw)
        if not isinstance(entries, list):
            raise ValueError("not a list")
        return [_remote(e, url) for e in entries if isinstance(e, dict) and e.get("name")]
    except (ValueError, TypeError) as exc:
        raise ModelError("download_failed", f"{url} is not a vosk model list ({exc})") from None


def _remote(entry: dict[str, Any], list_url: str) -> RemoteModel:
    name = str(entry["name"])
    url = str(entry.get("url") or f"{name}.zip")
    try:
        size = int(entry.get("size") or 0)
    except (TypeError, ValueError):
        size = 0
    return RemoteModel(
        name=name, lang=normalize_lang(str(entry.get("lang", ""))),
        url=urllib.parse.urljoin(list_url, url), size=size, md5=str(entry.get("md5") or ""),
        kind=str(entry.get("type") or ""), version=str(entry.get("version") or ""),
        obsolete=str(entry.get("obsolete", "false")).lower() == "true")


def pick_model(models: list[RemoteModel], name: str) -> RemoteModel:
    """The entry called ``name``; or, for a language code ("zh", "ko"), its newest small model
    that is not obsolete. ModelError(missing) when there is none."""
    for m in models:
        if m.name == name:
            return m
    lang = normalize_lang(name)
    small = [m for m in models if m.lang == lang and not m.obsolete and m.kind == "small"]
    if lang and small:
        return small[-1]
    raise ModelError("missing", f"no model named {name!r} in the vosk model list")


def download_model(name: str, models_dir: Path, progress: Progress | None = None,
                   list_url: str | None = None, timeout: float = TIMEOUT_S) -> ModelInfo:
    """Download model ``name`` (or a language's small model) from vosk's list into
    ``models_dir`` and install it. ``progress(done, total)`` is called on this thread as bytes
    arrive (total 0 when unknown); raising from it aborts. Blocks: run off the GUI thread."""
    remote = pick_model(fetch_model_list(list_url, timeout), name)
    models_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".download-{remote.name}-", suffix=".zip",
                               dir=models_dir)
    part = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as out:
            _fetch(remote, out, progress, timeout)
        return install_zip(part, models_dir, name=remote.name)
    finally:
        part.unlink(missing_ok=True)


def _fetch(remote: RemoteModel, out: Any, progress: Progress | None, timeout: float) -> None:
    md5 = hashlib.md5(usedforsecurity=False)
    done = 0
    with _open(remote.url, timeout) as resp:
        length = resp.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else remote.size
        if remote.size and total and total != remote.size:
            raise ModelError("download_failed", f"{remote.url} is {total} bytes, the model list "
                             f"says {remote.size}")
        if progress:
            progress(0, total)
        while True:
            try:
                block = resp.read(CHUNK)
            except (TimeoutError, OSError) as exc:
                raise ModelError("download_failed", f"{remote.url}: interrupted after {done} "
                                 f"bytes ({exc})") from None
            if not block:
                break
            out.write(block)
            md5.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    if (total and done != total) or (remote.size and done != remote.size):
        raise ModelError("download_failed", f"{remote.url}: got {done} of "
                         f"{remote.size or total} bytes")
    if remote.md5 and md5.hexdigest() != remote.md5.lower():
        raise ModelError("download_failed", f"{remote.url}: md5 {md5.hexdigest()} does not match "
                         f"the model list's {remote.md5}")


# -- installing zips ------------------------------------------------------------------------------

def _safe_parts(name: str) -> tuple[str, ...]:
    """The path parts of a zip member, refusing absolute paths, drives and '..'."""
    if "\\" in name:
        name = name.replace("\\", "/")
    pure = PurePosixPath(name)
    if pure.is_absolute() or (pure.parts and ":" in pure.parts[0]):
        raise ModelError("invalid", f"zip member {name!r} has an absolute path")
    parts = tuple(p for p in pure.parts if p not in ("", "."))
    if ".." in parts:
        raise ModelError("invalid", f"zip member {name!r} leaves the model folder")
    return parts


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def install_zip(zip_path: Path, models_dir: Path, name: str | None = None,
                max_bytes: int = MAX_UNPACKED_BYTES) -> ModelInfo:
    """Unpack the model in ``zip_path`` into ``models_dir/<name>`` and return it (validated).

    Safe against hostile zips: no absolute paths, no '..', no links, at most ``max_bytes``
    unpacked (counted while writing, not trusted from the header) and MAX_FILES files. The
    model is unpacked into a hidden temporary folder beside its destination, validated, then
    renamed into place; a model already there is replaced only once the new one is whole.
    """
    zip_path, models_dir = Path(zip_path), Path(models_dir)
    info = zip_info(zip_path)  # ModelError(invalid) unless a zip with a model inside
    target = name or info.name
    if not target or target.startswith(".") or "/" in target or "\\" in target:
        raise ModelError("invalid", f"{zip_path}: unusable model name {target!r}")
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".unpack-{target}-", dir=models_dir))
    try:
        with zipfile.ZipFile(zip_path) as zf:
            members = zf.infolist()
            root = zip_model_root(m.filename for m in members) or ""
            _extract(zf, members, _safe_parts(root) if root else (), tmp, max_bytes, zip_path)
        validate_model(tmp)
        dest = models_dir / target
        _replace_dir(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    info = validate_model(dest)
    lang = info.lang or detect_lang(target) or lang_from_name(zip_path.stem)
    return ModelInfo(target, dest, lang, "folder", info.size_bytes)


def _extract(zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], root: tuple[str, ...],
             dest: Path, max_bytes: int, zip_path: Path) -> None:
    if len(members) > MAX_FILES:
        raise ModelError("invalid", f"{zip_path} has {len(members)} files (at most {MAX_FILES})")
    written = 0
    for member in members:
        parts = _safe_parts(member.filename)
        if parts[:len(root)] != root:
            continue  # beside the model folder (e.g. __MACOSX/): not ours
        rel = parts[len(root):]
        if not rel:
            continue
        if _is_symlink(member):
            raise ModelError("invalid", f"zip member {member.filename!r} is a link")
        out = dest.joinpath(*rel)
        if member.is_dir():
            out.mkdir(parents=True, exist_ok=True)
            continue
        if member.compress_size and member.file_size / member.compress_size > MAX_RATIO \
                and member.file_size > (1 << 20):
            raise ModelError("invalid", f"zip member {member.filename!r} expands "
                             f"{member.file_size // member.compress_size}x (a zip bomb?)")
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            with zf.open(member) as src, out.open("wb") as dst:
                while True:
                    block = src.read(CHUNK)
                    if not block:
                        break
                    written += len(block)
                    if written > max_bytes:
                        raise ModelError("invalid", f"{zip_path} unpacks to more than "
                                         f"{max_bytes} bytes")
                    dst.write(block)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ModelError("invalid", f"{zip_path}: {member.filename} is damaged ({exc})"
                             ) from None


def _replace_dir(new: Path, dest: Path) -> None:
    """Rename ``new`` to ``dest``; an existing ``dest`` is moved aside first, deleted after."""
    old: Path | None = None
    if dest.exists() or dest.is_symlink():
        old = dest.with_name(f".old-{dest.name}-{uuid.uuid4().hex[:8]}")
        os.replace(dest, old)
    try:
        os.replace(new, dest)
    except OSError:
        if old is not None:
            os.replace(old, dest)
        raise ModelError("invalid", f"cannot move the unpacked model to {dest}") from None
    if old is not None:
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)


def unpack(info: ModelInfo, models_dir: Path) -> ModelInfo:
    """A usable folder for ``info``: a zip is installed into ``models_dir`` (once: an intact
    model of the same name already there is reused); folders are returned as they are."""
    if info.source != "zip":
        return info
    dest = Path(models_dir) / info.name
    if dest.is_dir():
        try:
            done = validate_model(dest)
            return ModelInfo(info.name, dest, done.lang or info.lang, "folder", done.size_bytes)
        except ModelError:
            pass
    return install_zip(info.path, models_dir, name=info.name)
